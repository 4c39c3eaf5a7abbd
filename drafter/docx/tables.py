"""WordprocessingML of tables: grid or three-line frames, spans, repeated header rows, decimal tabs.

Child elements follow the schema's order (CT_TblPr, CT_TrPr, CT_TcPr, CT_PPr). Widths are in
twips on a fixed layout, so Word and LibreOffice draw the columns the template asked for.
Decimal alignment is right alignment with a right indent per cell (see ``_cell_paragraph``).
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.compose.blocks import Paragraph
from drafter.compose.tables import TableBlock, TableCell
from drafter.docx.oxml import style_id

CELL_MARGIN_TW = 108
"""Left and right padding inside a cell (Word's default, 0.19 cm)."""

_THIN, _GRID, _THICK = 6, 4, 12  # border widths in eighths of a point: 0.75, 0.5 and 1.5 pt
_OFF_GRID = '<w:snapToGrid w:val="0"/>'
"""Cells keep their own line height: on the page's line grid LibreOffice gives each line a grid line."""
_JC = {"left": "left", "center": "center", "right": "right", "decimal": "right"}


def _border(side: str, size: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'


def _none(side: str) -> str:
    return f'<w:{side} w:val="nil"/>'


def _table_borders(frame: str) -> str:
    if frame == "grid":
        inner = "".join(_border(side, _GRID) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    elif frame == "three-line":
        inner = (_border("top", _THICK) + _none("left") + _border("bottom", _THICK) + _none("right")
                 + _none("insideH") + _none("insideV"))
    else:
        inner = "".join(_none(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return f"<w:tblBorders>{inner}</w:tblBorders>"


def table_xml(table: TableBlock, text_width_tw: int, runs: Callable[[Paragraph], list[str]],
              char_tw: Callable[[str], int]) -> str:
    """A ``w:tbl`` as wide as the text block; ``runs`` builds a paragraph's runs, ``char_tw``
    gives the em (twips) of a style, for decimal alignment."""
    total = sum(table.widths)
    columns = [round(text_width_tw * w / total) for w in table.widths]
    columns[-1] = text_width_tw - sum(columns[:-1])
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in columns)
    decimals = _decimal_places(table)
    covered = table.covered()
    header_last = max((r for r, row in enumerate(table.rows) if row.header), default=-1)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{text_width_tw}" w:type="dxa"/><w:jc w:val="center"/>'
           f'{_table_borders(table.frame)}<w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:left w:w="{CELL_MARGIN_TW}" w:type="dxa"/>'
           f'<w:right w:w="{CELL_MARGIN_TW}" w:type="dxa"/></w:tblCellMar>'
           '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    starts = {(r, cell.column): cell for r, row in enumerate(table.rows) for cell in row.cells}
    for r, row in enumerate(table.rows):
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if row.header else "")
        out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>")
        rule_below = table.frame == "three-line" and r == header_last
        column = 0
        while column < len(columns):
            if (r, column) in covered:
                # the nearest cell starting above in this column is the one spanning down to here
                start = next(rr for rr in range(r - 1, -1, -1) if (rr, column) in starts)
                above = starts[(start, column)]
                width = sum(columns[column:column + above.cols])
                ends_here = rule_below and r == start + above.rows - 1
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{_grid_span(above.cols)}'
                           f'<w:vMerge/>{_rule(ends_here)}<w:vAlign w:val="center"/></w:tcPr>'
                           f'<w:p><w:pPr><w:pStyle w:val="{style_id(above.paragraph.style)}"/>{_OFF_GRID}</w:pPr></w:p></w:tc>')
                column += above.cols
                continue
            cell = starts.get((r, column))
            if cell is None:  # pragma: no cover - compose.tables places every grid cell
                break
            width = sum(columns[column:column + cell.cols])
            merge = '<w:vMerge w:val="restart"/>' if cell.rows > 1 else ""
            rule = rule_below and cell.rows == 1
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{_grid_span(cell.cols)}{merge}'
                       f'{_rule(rule)}<w:vAlign w:val="center"/></w:tcPr>'
                       f"{_cell_paragraph(cell, width, decimals.get(cell.column, 0), runs, char_tw)}</w:tc>")
            column += cell.cols
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _grid_span(cols: int) -> str:
    return f'<w:gridSpan w:val="{cols}"/>' if cols > 1 else ""


def _rule(thin_below: bool) -> str:
    """The thin rule under a three-line table's header, drawn on the header's last row of cells."""
    return f"<w:tcBorders>{_border('bottom', _THIN)}</w:tcBorders>" if thin_below else ""


def _decimal_places(table: TableBlock) -> dict[int, int]:
    """Per column of decimal-aligned cells: the most digits after the point."""
    places: dict[int, int] = {}
    for row in table.rows:
        for cell in row.cells:
            if cell.align == "decimal":
                text = cell.paragraph.text.strip().rstrip("%")
                digits = len(text.split(".", 1)[1]) if "." in text else 0
                places[cell.column] = max(places.get(cell.column, 0), digits)
    return places


def _cell_paragraph(cell: TableCell, width: int, decimals: int, runs: Callable[[Paragraph], list[str]],
                    char_tw: Callable[[str], int]) -> str:
    paragraph = cell.paragraph
    ppr = "" if paragraph.style == "body" else f'<w:pStyle w:val="{style_id(paragraph.style)}"/>'
    ppr += _OFF_GRID
    built = runs(paragraph)
    if cell.align == "decimal":
        # right-aligned, each cell moved in by the digits it lacks after the point: Times New
        # Roman digits are half an em and the point a quarter, so the points line up (Word and
        # LibreOffice alike, with no tab character in the cell's text)
        em = char_tw(paragraph.style)
        text = paragraph.text.strip().rstrip("%")
        own = len(text.split(".", 1)[1]) if "." in text else 0
        shift = (decimals - own) * em // 2 + (em // 4 if decimals and "." not in text else 0)
        if shift:
            ppr += f'<w:ind w:right="{shift}"/>'
    ppr += f'<w:jc w:val="{_JC[cell.align]}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(built)}</w:p>"
