"""Joint issuers' mark (GB/T 9704 §7.2.3): the names stacked, 文件 once, right of them and
vertically centred on them.

Written as a borderless two-column table without cell padding: one row per name (the name's own
paragraph in the mark's style, distributed so the names are equally wide, squeezed together to
the room left of the suffix), and the suffix in a cell merged down all rows and centred in it.
Word and LibreOffice both centre a merged cell's paragraph vertically (``w:vAlign``); the table
is centred on the text block and as wide as the names and the suffix need.
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.compose.blocks import JointMark, Paragraph
from drafter.docx.oxml import run, style_id
from drafter.docx.pagination import char_width
from drafter.docx.profile import Profile

_NONE = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_NO_PADDING = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right"))


def layout(mark: JointMark, profile: Profile) -> tuple[int, int, int]:
    """(names column width, suffix column width, character scale in per cent) in twips."""
    style = profile.style(mark.names[0].style)
    page = profile.page
    width = page.width - page.left - page.right - style.left_tw - style.right_tw
    gap = style.half_points * 10 // 2                     # half a character between names and suffix
    suffix = sum(char_width(c, style) for c in mark.suffix) + gap
    widest = max(sum(char_width(c, style) for c in name.text) for name in mark.names) or 1
    room = width - suffix
    scale = style.scale or 100
    slack = style.half_points * 10 // 4                   # a quarter character, so no name wraps
    if widest * scale / 100 + slack > room:
        scale = int(100 * (room - slack) / widest)
    return min(room, round(widest * scale / 100) + slack), suffix, scale


def joint_mark_xml(mark: JointMark, profile: Profile, runs: Callable[[Paragraph, str], list[str]],
                   rpr: Callable[[str], str]) -> str:
    """The mark's ``w:tbl``; ``runs`` builds a paragraph's runs with extra run properties,
    ``rpr`` gives the run properties of a style (for the suffix)."""
    names_tw, suffix_tw, scale = layout(mark, profile)
    squeeze = f'<w:w w:val="{scale}"/>' if scale != 100 else ""
    style = mark.names[0].style
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{names_tw + suffix_tw}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders>{_NONE}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar>{_NO_PADDING}</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
           f'<w:tblGrid><w:gridCol w:w="{names_tw}"/><w:gridCol w:w="{suffix_tw}"/></w:tblGrid>']
    for index, name in enumerate(mark.names):
        merge = '<w:vMerge w:val="restart"/>' if index == 0 else "<w:vMerge/>"
        suffix = run(mark.suffix, rpr(style)) if index == 0 else ""
        out.append(
            '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
            f'<w:tc><w:tcPr><w:tcW w:w="{names_tw}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id(name.style)}"/><w:snapToGrid w:val="0"/>'
            f'<w:jc w:val="distribute"/></w:pPr>{"".join(runs(name, squeeze))}</w:p></w:tc>'
            f'<w:tc><w:tcPr><w:tcW w:w="{suffix_tw}" w:type="dxa"/>{merge}<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/><w:snapToGrid w:val="0"/>'
            f'<w:jc w:val="right"/></w:pPr>{suffix}</w:p></w:tc></w:tr>')
    out.append("</w:tbl>")
    return "".join(out)
