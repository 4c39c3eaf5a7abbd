"""A Word table read back as an outline table: cells row by row, header rows, spans, widths.

A cell merged across columns (``w:gridSpan``) becomes ``{text, cols}``; a cell merged down
(``w:vMerge`` restart, then continue) becomes ``{text, rows}`` and is left out of the rows it
covers, as the outline writes it. Rows marked to repeat on every page (``w:tblHeader``) at the
top are the header rows. Column widths come from the table's grid (relative, as the outline
gives them) and a column's alignment from its body cells. The caption above (表1 …, or a
paragraph in the table_caption style) and the notes below (注：…) are joined to the table by
:mod:`drafter.extraction.docxitems`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from drafter.extraction.docxparts import text_of

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(element: Any, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(f"{_W}val", "")


def _cell_text(tc: Any, marks: dict[str, str] | None) -> str:
    """A cell's paragraphs as one text (several paragraphs joined with a space)."""
    parts = [text_of(p, marks=marks).strip() for p in tc.iter(f"{_W}p")]
    return " ".join(part for part in parts if part)


def _cell_align(tc: Any) -> str | None:
    """left, center, right or decimal (drafter's decimal cells: right-aligned, moved in by a right indent)."""
    p = tc.find(f"{_W}p")
    if p is None:
        return None
    jc = _val(p, f"{_W}pPr/{_W}jc")
    if jc in ("center",):
        return "center"
    if jc in ("right", "end"):
        indent = p.find(f"{_W}pPr/{_W}ind")
        moved = indent is not None and int(indent.get(f"{_W}right") or 0) > 0
        return "decimal" if moved else "right"
    if jc in ("left", "start", "both", "distribute", None):
        return "left" if jc is not None else None
    return None


def read_table(tbl: Any, marks: dict[str, str] | None = None) -> dict[str, Any]:
    """The outline's table (rows, header, widths, align) for a ``w:tbl`` element."""
    grid = [int(col.get(f"{_W}w") or 0) for col in tbl.findall(f"{_W}tblGrid/{_W}gridCol")]
    placed: list[list[dict[str, Any]]] = []  # per row: {column, cols, text, align, tc}
    open_down: dict[int, dict[str, Any]] = {}  # column → the cell spanning down from above
    header = 0
    counting_header = True
    for tr in tbl.findall(f"{_W}tr"):
        repeats = tr.find(f"{_W}trPr/{_W}tblHeader") is not None and \
            (tr.find(f"{_W}trPr/{_W}tblHeader").get(f"{_W}val") or "true") not in ("0", "false")
        if counting_header and repeats:
            header += 1
        else:
            counting_header = False
        row: list[dict[str, Any]] = []
        column = int(_val(tr, f"{_W}trPr/{_W}gridBefore") or 0)
        for tc in tr.findall(f"{_W}tc"):
            cols = int(_val(tc, f"{_W}tcPr/{_W}gridSpan") or 1)
            merge = _val(tc, f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge != "restart" and column in open_down:
                open_down[column]["rows"] += 1  # a covered place: the cell above grows down
            else:
                cell = {"column": column, "cols": cols, "rows": 1, "text": _cell_text(tc, marks),
                        "align": _cell_align(tc), "header": counting_header and repeats}
                row.append(cell)
                for c in range(column, column + cols):
                    open_down.pop(c, None)
                if merge == "restart":
                    open_down[column] = cell
            column += cols
        placed.append(row)
    rows = _grid_rows(placed)
    table: dict[str, Any] = {"rows": rows}
    if header != 1:
        table["header"] = header
    widths = _widths(grid)
    if widths:
        table["widths"] = widths
    align = _column_align(placed, header, len(grid))
    if align:
        table["align"] = align
    return table


def _grid_rows(placed: list[list[dict[str, Any]]]) -> list[list[Any]]:
    """The outline's rows: every grid place filled once — by a cell starting there, by a span
    from above (left out), or by an empty cell where Word's row is short (``gridBefore``, a
    missing cell) — so every row has the same width, as the outline requires."""
    width = max((c["column"] + c["cols"] for row in placed for c in row), default=0)
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(placed):
        for cell in row:
            covered |= {(r + i, c) for i in range(1, cell["rows"]) for c in range(cell["column"], cell["column"] + cell["cols"])}
    rows = []
    for r, row in enumerate(placed):
        starts = {cell["column"]: cell for cell in row}
        out: list[Any] = []
        column = 0
        while column < width:
            if column in starts:
                cell = starts[column]
                cell["cols"] = min(cell["cols"], width - column)
                out.append(_cell_value(cell))
                column += cell["cols"]
            elif (r, column) in covered:
                column += 1
            else:
                out.append("")
                column += 1
        rows.append(out)
    return rows


def _cell_value(cell: dict[str, Any]) -> Any:
    if cell["cols"] == 1 and cell["rows"] == 1:
        return cell["text"]
    value: dict[str, Any] = {"text": cell["text"]}
    if cell["cols"] > 1:
        value["cols"] = cell["cols"]
    if cell["rows"] > 1:
        value["rows"] = cell["rows"]
    return value


def _widths(grid: list[int]) -> list[float]:
    """Relative column widths (the grid in twips ÷ 100, one decimal); none when all are equal."""
    if not grid or len(set(grid)) == 1 or min(grid) <= 0:
        return []
    return [round(w / 100, 1) for w in grid]


def _column_align(placed: list[list[dict[str, Any]]], header: int, columns: int) -> list[str]:
    """Each column's alignment as most of its one-column body cells have it; none when all are left."""
    votes: dict[int, Counter[str]] = {}
    for row in placed[header:]:
        for cell in row:
            if cell["cols"] == 1 and cell["align"]:
                votes.setdefault(cell["column"], Counter())[cell["align"]] += 1
    align = ["decimal" if "decimal" in votes.get(c, ()) else votes[c].most_common(1)[0][0] if c in votes
             else "left" for c in range(columns)]
    return align if any(a != "left" for a in align) else []


def table_lines(table: dict[str, Any]) -> list[str]:
    """The table as text, one line a row, cells separated by an ideographic space (where an
    outline part holds only paragraphs)."""
    lines = []
    for row in table["rows"]:
        cells = [c["text"] if isinstance(c, dict) else c for c in row]
        if any(cells):
            lines.append("\u3000".join(c for c in cells if c))
    return lines
