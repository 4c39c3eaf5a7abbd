"""The page number of a landscape page, turned so that it stands where the portrait pages have theirs.

A landscape page (a wide table) is printed on the same portrait sheet, turned: GB/T 9704-2012
puts a 横排表格's head on the binding side of an odd page and the outer side of an even one —
the sheet's left edge either way — so the sheet's foot is the landscape page's left edge, and
its page number belongs there, reading along that edge. Word and LibreOffice both draw a text
box's text turned (VML ``layout-flow:vertical``: the text runs top to bottom, turned 90°
clockwise), so each landscape section gets footers of its own whose only content is a text box
anchored to the page, holding the same PAGE field as the portrait footers:

- its distance from the landscape page's left edge is the portrait footer's distance from the
  sheet's foot;
- along that edge it is placed as on the portrait pages: an odd page's number ends one
  character before the text block's right edge (portrait), which is that far from the landscape
  page's top; an even page's starts one character after the left edge; a centred one is centred.

The landscape page's margins turn the same way (:func:`turned_margins`): its top margin is the
portrait left one, its left margin the portrait bottom one. tests/test_landscape_numbers.py measures the
turned number in LibreOffice's PDF against the portrait pages' number.
"""

from __future__ import annotations

from drafter.docx.oxml import R_NS, W_NS, XML_HEADER, field, fonts, run
from drafter.docx.profile import Page, PageNumbers

TURNED_ODD_ID = "rIdFooterTurnedOdd"
TURNED_EVEN_ID = "rIdFooterTurnedEven"
TURNED_PARTS = (("footer5.xml", TURNED_ODD_ID), ("footer6.xml", TURNED_EVEN_ID))
"""The turned footers' part names and relationship ids (odd pages, even pages)."""

_V_NS = "urn:schemas-microsoft-com:vml"
_O_NS = "urn:schemas-microsoft-com:office:office"
_BOX_LENGTH_TW = 1701   # 30 mm along the edge: room for "— 999 —"
_BOX_DEPTH_TW = 397     # 7 mm across it: one line of the number
_LINE_INSET_TW = 77     # the line's glyphs start this far into the box (LibreOffice 7.4, measured)
_FOOTER_PART_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def turned_margins(page: Page) -> tuple[int, int, int, int]:
    """(top, right, bottom, left) of the landscape page: the portrait margins turned with the sheet
    (the table's head towards the sheet's left edge)."""
    return page.left, page.top, page.right, page.bottom


def _pt(twips: int) -> str:
    return f"{twips / 20:g}pt"


def turned_footer_part(numbers: PageNumbers, side: str, page: Page) -> str:
    """A landscape section's footer: the page number in a turned text box on the page's left edge
    (``side``: where the portrait number stands, left/center/right)."""
    rpr = fonts(numbers.font, numbers.latin_font) + \
        f'<w:sz w:val="{numbers.half_points}"/><w:szCs w:val="{numbers.half_points}"/>'
    runs = ([run(numbers.before, rpr)] if numbers.before else []) + [field("PAGE", "1", rpr)] + \
        ([run(numbers.after, rpr)] if numbers.after else [])
    # along the edge: the portrait x of the number is the landscape page's y
    if side == "right":
        end = page.width - page.right - numbers.edge_tw
        top, align = end - _BOX_LENGTH_TW, "right"
    elif side == "left":
        top, align = page.left + numbers.edge_tw, "left"
    else:
        top, align = page.left + (page.width - page.left - page.right - _BOX_LENGTH_TW) // 2, "center"
    left = page.footer - _LINE_INSET_TW  # across the edge: the portrait footer's distance from the foot
    style = (f"position:absolute;margin-left:{_pt(left)};margin-top:{_pt(top)};width:{_pt(_BOX_DEPTH_TW)};"
             f"height:{_pt(_BOX_LENGTH_TW)};z-index:1;mso-position-horizontal-relative:page;"
             "mso-position-vertical-relative:page")
    box = (f'<w:r><w:pict><v:rect id="TurnedPageNumber" stroked="f" filled="f" style="{style}">'
           '<v:textbox style="layout-flow:vertical" inset="0,0,0,0"><w:txbxContent>'
           f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:spacing w:before="0" w:after="0" w:line="240" '
           f'w:lineRule="auto"/><w:ind w:left="0" w:right="0"/><w:jc w:val="{align}"/></w:pPr>{"".join(runs)}</w:p>'
           "</w:txbxContent></v:textbox></v:rect></w:pict></w:r>")
    # the footer's own paragraph is a twip high, so the footer takes no room from the table
    return (f'{XML_HEADER}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:v="{_V_NS}" xmlns:o="{_O_NS}">'
            '<w:p><w:pPr><w:pStyle w:val="Footer"/><w:spacing w:before="0" w:after="0" w:line="20" '
            'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr>'
            f"{box}</w:p></w:ftr>")


def turned_parts(numbers: PageNumbers, page: Page) -> list[tuple[str, bytes]]:
    """The two turned footers as package parts (``word/footer5.xml``, ``word/footer6.xml``; 3 and 4 are the blank and first-page footers)."""
    return [(f"word/{name}", turned_footer_part(numbers, side, page).encode("utf-8"))
            for (name, _), side in zip(TURNED_PARTS, (numbers.odd, numbers.even))]


def turned_content_types() -> str:
    """``[Content_Types].xml`` overrides of the turned footers."""
    return "".join(f'<Override PartName="/word/{name}" ContentType="{_FOOTER_PART_TYPE}"/>' for name, _ in TURNED_PARTS)


def turned_relationships() -> str:
    """The document's relationships to the turned footers."""
    return "".join(f'<Relationship Id="{rel}" Type="{_FOOTER_REL}" Target="{name}"/>' for name, rel in TURNED_PARTS)
