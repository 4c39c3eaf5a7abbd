"""WordprocessingML of notes: footnote references and the footnotes part, citations linked to
the references list, and the section breaks around landscape pages."""

from __future__ import annotations

from drafter.docx.oxml import R_NS, W_NS, XML_HEADER, escape, style_id
from drafter.docx.profile import Page
from drafter.docx.turnedfooter import TURNED_EVEN_ID, TURNED_ODD_ID, turned_margins

NUMBER_FORMATS = {"circled": "decimalEnclosedCircle", "arabic": "decimal"}
"""Footnote numbering per profile: ① ② ③ (Chinese practice) or 1 2 3."""

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def footnote_reference(number: int, rpr: str) -> str:
    """The superscript mark in the text that points to footnote ``number``."""
    return (f'<w:r><w:rPr>{rpr}<w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>')


def citation(marks: str, anchor: str, rpr: str) -> str:
    """A superscript citation [3] linked to the reference's bookmark ``anchor``."""
    return (f'<w:hyperlink w:anchor="{anchor}" w:history="1"><w:r><w:rPr>{rpr}'
            f'<w:vertAlign w:val="superscript"/></w:rPr><w:t>[{escape(marks)}]</w:t></w:r></w:hyperlink>')


def bookmark(number: int, name: str, runs: list[str]) -> list[str]:
    """Runs wrapped in a bookmark that citations link to."""
    return [f'<w:bookmarkStart w:id="{number}" w:name="{name}"/>', *runs, f'<w:bookmarkEnd w:id="{number}"/>']


def footnotes_part(notes: list[tuple[str, list[str]]], mark_rpr: str) -> str:
    """``word/footnotes.xml``: the separators, then each note as (paragraph style, runs)."""
    tight = '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    out = [f'{XML_HEADER}<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">',
           f'<w:footnote w:type="separator" w:id="-1"><w:p>{tight}<w:r><w:separator/></w:r></w:p></w:footnote>',
           f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{tight}<w:r><w:continuationSeparator/>'
           "</w:r></w:p></w:footnote>"]
    for number, (style, runs) in enumerate(notes, 1):
        out.append(f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/>'
                   '<w:snapToGrid w:val="0"/></w:pPr>'
                   f'<w:r><w:rPr>{mark_rpr}<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                   f'{"".join(runs)}</w:p></w:footnote>')
    out.append("</w:footnotes>")
    return "".join(out)


def footnote_properties(numbers: str) -> str:
    """``w:footnotePr`` for settings and section properties."""
    return f'<w:footnotePr><w:numFmt w:val="{NUMBER_FORMATS[numbers]}"/></w:footnotePr>'


def settings_with_footnotes(settings: str, numbers: str) -> str:
    """``word/settings.xml`` with footnote numbering and the separator notes (before w:compat)."""
    props = (f'<w:footnotePr><w:numFmt w:val="{NUMBER_FORMATS[numbers]}"/>'
             '<w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    return settings.replace("<w:compat>", props + "<w:compat>", 1)


def section_properties(page: Page, *, footers: bool, landscape: bool, footnotes: str | None) -> str:
    """A ``w:sectPr`` for the page setup, turned to landscape when asked (margins turn with it)."""
    odd, even = (TURNED_ODD_ID, TURNED_EVEN_ID) if landscape else ("rIdFooterOdd", "rIdFooterEven")
    refs = (f'<w:footerReference w:type="default" r:id="{odd}"/>'
            f'<w:footerReference w:type="even" r:id="{even}"/>') if footers else ""
    notes = footnote_properties(footnotes) if footnotes else ""
    grid = f'<w:docGrid w:type="lines" w:linePitch="{page.line_pitch}"/>' if page.line_pitch else ""
    footer = page.footer
    if landscape:
        size = f'<w:pgSz w:w="{page.height}" w:h="{page.width}" w:orient="landscape"/>'
        top, right, bottom, left = turned_margins(page)
        # the turned footers (drafter.docx.turnedfooter) hold only a text box anchored to the
        # page's left edge; their own paragraph, a twip high, sits well inside the bottom margin
        footer = bottom // 2
    else:
        size = f'<w:pgSz w:w="{page.width}" w:h="{page.height}"/>'
        top, right, bottom, left = page.top, page.right, page.bottom, page.left
    return (f"<w:sectPr>{refs}{notes}<w:type w:val=\"nextPage\"/>{size}"
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            f'w:header="851" w:footer="{footer}" w:gutter="0"/><w:cols w:space="425"/>{grid}</w:sectPr>')


def section_break(properties: str) -> str:
    """An empty, one-twip-high paragraph ending a section with ``properties``."""
    return (f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            f'<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>{properties}</w:pPr></w:p>')


def landscape_width(page: Page) -> int:
    """The text width on a landscape page, in twips."""
    return page.height - page.top - page.bottom


def document_with_footnotes(document: str, numbers: str) -> str:
    """``word/document.xml`` whose last section numbers footnotes too (LibreOffice reads it there)."""
    last = document.rfind("<w:sectPr>")
    size = document.find("<w:pgSz ", last)
    return document[:size] + footnote_properties(numbers) + document[size:]
