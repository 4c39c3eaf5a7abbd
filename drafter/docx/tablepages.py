"""Page prediction for what is not a paragraph: tables, figures and landscape pages.

Measured against LibreOffice 7.4's PDF (tests/test_record_after_tables.py, notices with a table or a figure):

- a table cell is set off the grid, its lines at the cell style's exact pitch; a row is as high
  as its tallest cell plus its lower border (0.5 pt in a grid frame), and a row never splits
  (``cantSplit``); a row that does not fit starts the next page, under the repeated header rows;
  a table's first page holds at least its header rows and one more row (the caption above keeps
  with them);
- a figure's paragraph is off the grid too: the picture's height;
- a landscape table is a section of its own: it starts a new page and the text after it starts
  another.
"""

from __future__ import annotations

import dataclasses

from drafter.compose.tables import TableBlock
from drafter.docx.profile import Page, Profile

CELL_MARGIN_TW = 108
"""Left and right cell margins (as drafter's tables write them)."""
_GRID_BORDER_TW = 10   # 0.5 pt: the grid frame's rule under each row, and the table's top rule
_THREE_LINE_TW = (30, 15, 30)  # 1.5 pt top, 0.75 pt under the header, 1.5 pt bottom


def row_heights(table: TableBlock, profile: Profile, text_width: int) -> list[int]:
    """Each row's height in twips, its rule below included."""
    from drafter.docx.pagination import count_lines

    total = sum(table.widths) or 1
    columns = [round(text_width * w / total) for w in table.widths]
    heights = [0] * len(table.rows)
    spanning: list[tuple[int, int, int]] = []  # (first row, rows, height needed)
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            style = profile.style(cell.paragraph.style)
            width = max(sum(columns[cell.column:cell.column + cell.cols]) - 2 * CELL_MARGIN_TW, 1)
            lines = count_lines(cell.paragraph.text, width, width, style) if cell.paragraph.text else 1
            line = style.line_tw or round(style.half_points * 10 * 1.3)
            need = lines * line + style.before_tw + style.after_tw
            if cell.rows > 1:
                spanning.append((r, cell.rows, need))
            else:
                heights[r] = max(heights[r], need)
    for first, rows, need in spanning:
        short = need - sum(heights[first:first + rows])
        if short > 0:
            heights[first + rows - 1] += short
    rule = _GRID_BORDER_TW if table.frame == "grid" else 0
    heights = [h + rule for h in heights]
    if table.frame == "three-line" and heights:
        header = sum(1 for row in table.rows if row.header)
        if header:
            heights[header - 1] += _THREE_LINE_TW[1]
        heights[-1] += _THREE_LINE_TW[2]
    return heights


def top_rule(table: TableBlock) -> int:
    """The rule above the first row, in twips."""
    return _GRID_BORDER_TW if table.frame == "grid" else _THREE_LINE_TW[0] if table.frame == "three-line" else 0


def first_chunk(table: TableBlock, profile: Profile, text_width: int) -> int:
    """The height a table needs on its first page: top rule, header rows and one more row."""
    heights = row_heights(table, profile, text_width)
    header = sum(1 for row in table.rows if row.header)
    return top_rule(table) + sum(heights[:header + 1])


def place_table(table: TableBlock, profile: Profile, text_width: int, page_tw: int,
                pages: int, used: int) -> tuple[int, int]:
    """(pages, used height on the last page) after laying ``table`` out from ``used``."""
    heights = row_heights(table, profile, text_width)
    header_rows = sum(1 for row in table.rows if row.header)
    header = sum(heights[:header_rows])
    first = top_rule(table) + sum(heights[:header_rows + 1])
    spare = 2 * top_rule(table)  # a row ending within two rules of the foot goes over (measured)
    if used and used + first + spare > page_tw:
        pages, used = pages + 1, 0
    used += top_rule(table)
    for index, height in enumerate(heights):
        if used + height + spare > page_tw and used > (header if index >= header_rows else 0):
            pages, used = pages + 1, (header if index >= header_rows and header < page_tw else 0)
        used += height
    return pages, used


def landscape_profile(profile: Profile) -> Profile:
    """The profile on a landscape page: the portrait page turned (its margins turn with it)."""
    from drafter.docx.turnedfooter import turned_margins

    page = profile.page
    top, right, bottom, left = turned_margins(page)
    turned = Page(page.height, page.width, top, bottom, left, right, page.footer, page.line_pitch,
                  page.chars_per_line)
    return dataclasses.replace(profile, page=turned)
