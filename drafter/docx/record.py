"""The 版记 (record) of a 公文 at the foot of an even last page, and the squeezed issuer mark.

Where the record goes is decided here, from drafter's own page prediction
(:mod:`drafter.docx.pagination`), not left to the word processor: neither Word's nor
LibreOffice's layout can be asked "put this at the foot of the next even page" in a way both
honour (LibreOffice 7.4 ignores ``w:framePr`` bottom alignment and floating-table bottom anchors
of full-width tables, and does not insert the blank page of an ``evenPage`` section break).
What both do honour is plain flow on a fixed grid:

- text ends on an even page with room for the record: an exactly sized spacer paragraph pushes
  the record table down so that its last rule lies on the text block's bottom edge; the page
  keeps its number;
- otherwise a section break starts a section without page numbers; when the text ended on an
  even page its first page is left blank; on the next (even) page the spacer is a whole page
  less the record.

The record is a one-column table with exact row heights (thick rules first and last, thin ones
between): rows do not grow with the text in them, so its height is known exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.compose.blocks import Block, Paragraph, Record
from drafter.docx import oxml
from drafter.docx.pagination import FigureHeight, Layout, char_width, paragraph_height, predict
from drafter.docx.profile import Profile, Rule, Style

RECORD_STYLE = "record"
"""The profile element whose rules are the record's: ``rule_above`` thick (first and last),
``rule_below`` thin (between)."""

_DEFAULT_THICK = Rule(8, 0, "000000", "single")  # 0.35 mm ≈ 1 pt
_DEFAULT_THIN = Rule(6, 0, "000000", "single")   # 0.25 mm ≈ 0.75 pt


@dataclass(frozen=True)
class Placement:
    """Where the record goes: on the text's last page, or on a page of its own (after a blank one)."""

    own_page: bool
    blank_page: bool
    spacer_tw: int
    layout: Layout


def fit_scale(block: Paragraph, style: Style, profile: Profile) -> int | None:
    """The horizontal scale (per cent) that squeezes a ``fit_width`` line to the text width, or None."""
    if not style.fit_width:
        return style.scale
    page = profile.page
    room = page.width - page.left - page.right - style.left_tw - style.right_tw
    widest = max((sum(char_width(c, style) for c in line) for line in block.text.split("\n")), default=0)
    scale = style.scale or 100
    if widest * scale / 100 > room:
        scale = int(100 * room / widest)
    return scale if scale != 100 or style.scale is not None else None


def _rules(profile: Profile) -> tuple[Rule, Rule]:
    style = profile.styles.get(RECORD_STYLE)
    thick = style.rule_above if style and style.rule_above else _DEFAULT_THICK
    thin = style.rule_below if style and style.rule_below else _DEFAULT_THIN
    return thick, thin


def row_heights(record: Record, profile: Profile) -> list[int]:
    """The exact height of each record line: its predicted lines on the grid."""
    heights = []
    for line in record.lines:
        style = profile.style(line.style)
        lines, _ = paragraph_height(line, style, profile)
        heights.append(lines * (style.line_tw or profile.page.line_pitch))
    return heights


def place(before: list[Block], record: Record, profile: Profile,
          figure_height: FigureHeight | None = None) -> Placement:
    """Decide where ``record`` goes after the blocks ``before`` it (``figure_height`` measures
    their figures)."""
    layout = predict(before, profile, figure_height)
    thick, thin = _rules(profile)
    # the rows' exact heights, and a twip to spare for the document's closing paragraph
    need = sum(row_heights(record, profile)) + thick.eighths * 20 // 8 + 40
    if layout.pages % 2 == 0 and layout.free_tw >= need:
        return Placement(False, False, layout.free_tw - need, layout)
    return Placement(True, layout.pages % 2 == 0, layout.page_tw - need, layout)


def record_xml(record: Record, placement: Placement, profile: Profile, rows_xml: list[str]) -> str:
    """The record's XML (section break, blank page, spacer, table), its lines already built."""
    page = profile.page
    thick, thin = _rules(profile)
    out = []
    if placement.own_page:
        out.append(oxml.section_break(oxml.section_properties(page, footers=profile.page_numbers.enabled)))
        if placement.blank_page:
            out.append(oxml.page_break())
    if placement.spacer_tw > 0:
        out.append(oxml.spacer(placement.spacer_tw))
    width = page.width - page.left - page.right
    rows = list(zip(rows_xml, row_heights(record, profile)))
    out.append(oxml.record_table(rows, width, thick, thin) if record.rules else oxml.record_table(rows, width, None, None))
    return "".join(out)
