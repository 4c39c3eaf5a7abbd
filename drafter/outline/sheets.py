"""Table cells from a spreadsheet next to the outline: CSV (UTF-8 or GB18030) or XLSX (openpyxl).

Both give rows of :class:`~drafter.outline.content.CellText` or
:class:`~drafter.outline.content.Cell` (an XLSX merged range becomes a cell with spans and its
covered cells are left out, as the outline writes them). Problems raise :class:`SheetError`
with the place in the spreadsheet; the caller adds the outline's position.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from drafter.i18n import _
from drafter.outline.content import Cell, CellText, Row

MAX_SHEET_BYTES = 5 * 1024 * 1024
"""Largest CSV or XLSX file a table reads."""

MAX_CELLS = 20_000
"""Most cells in one table (rows × columns), from the outline or a spreadsheet."""


class SheetError(Exception):
    """A spreadsheet that cannot give a table; the message names the place in the file."""


def read_rows(path: Path, sheet: str | None) -> tuple[Row, ...]:
    """The rows of a CSV or XLSX file (``sheet``: the XLSX sheet name, default the first)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise SheetError(_("{name} is neither .csv nor .xlsx; save the spreadsheet as one of them").format(
                           name=path.name))
    if not path.is_file():
        raise SheetError(_("there is no file {path}").format(path=path))
    size = path.stat().st_size
    if size > MAX_SHEET_BYTES:
        raise SheetError(_("{name} is {size:.1f} MB; a table reads at most {limit} MB").format(
                           name=path.name, size=size / 1024 / 1024, limit=MAX_SHEET_BYTES // 1024 // 1024))
    if suffix == ".csv":
        if sheet:
            raise SheetError(_("sheet: is for XLSX files; a CSV file has one table"))
        return _csv_rows(path)
    return _xlsx_rows(path, sheet)


def _csv_rows(path: Path) -> tuple[Row, ...]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise SheetError(_("{name} is neither UTF-8 nor GB18030 text").format(name=path.name))
    rows: list[Row] = []
    width = None
    reader = csv.reader(io.StringIO(text, newline=""))
    for record in reader:
        if not any(c.strip() for c in record):
            continue  # blank lines between blocks of a CSV
        if width is None:
            width = len(record)
        elif len(record) != width:
            raise SheetError(_("{name} line {line_num} has {count} cells where the first row has {width}: every row of a table "
                               "has the same number of cells").format(
                               name=path.name, line_num=reader.line_num, count=len(record), width=width))
        rows.append(tuple(CellText(c.strip()) for c in record))
        _check_size(rows, width, path)
    if not rows:
        raise SheetError(_("{name} holds no rows").format(name=path.name))
    return tuple(rows)


def _xlsx_rows(path: Path, sheet: str | None) -> tuple[Row, ...]:
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetError(_("{name} cannot be read as an XLSX workbook ({reason})").format(
                           name=path.name, reason=exc)) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise SheetError(_("{name} has no sheet {sheet!r}; its sheets: {sheetnames}").format(
                           name=path.name, sheet=sheet, sheetnames=', '.join(book.sheetnames)))
    ws = book[sheet] if sheet else book.worksheets[0]
    if ws.max_row * ws.max_column > MAX_CELLS:
        raise SheetError(_("{name} [{title}] spans {max_row} × {max_column} cells; a table holds at most {limit:,}").format(
                           name=path.name, title=ws.title, max_row=ws.max_row, max_column=ws.max_column, limit=MAX_CELLS))
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (merged.max_row - merged.min_row + 1,
                                                   merged.max_col - merged.min_col + 1)
        covered |= {(r, c) for r in range(merged.min_row, merged.max_row + 1)
                    for c in range(merged.min_col, merged.max_col + 1)} - {(merged.min_row, merged.min_col)}
    rows: list[Row] = []
    for r, cells in enumerate(ws.iter_rows(), 1):
        row: list[CellText | Cell] = []
        for c, cell in enumerate(cells, 1):
            if (r, c) in covered:
                continue
            text = CellText(_xlsx_text(cell.value, cell.number_format))
            if (r, c) in spans:
                down, across = spans[(r, c)]
                row.append(Cell(text, cols=across, rows=down))
            else:
                row.append(text)
        if row and any((x.text if isinstance(x, Cell) else x) for x in row):
            rows.append(tuple(row))
    if not rows:
        raise SheetError(_("{name} [{title}] holds no rows").format(name=path.name, title=ws.title))
    return tuple(rows)


def _xlsx_text(value: object, number_format: str) -> str:
    """A cell's value as the spreadsheet shows it (decimals from its number format)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, (int, float)):
        section = number_format.split(";")[0]
        percent = section.endswith("%")
        number = value * 100 if percent else value
        if section == "General":
            return f"{number:g}" if isinstance(number, float) else str(number)
        decimals = len(re.findall("[0#]", section.split(".", 1)[1])) if "." in section else 0
        grouping = "," if "," in section else ""
        return f"{number:{grouping}.{decimals}f}" + ("%" if percent else "")
    return str(value).strip()


def _check_size(rows: list[Row], width: int | None, path: Path) -> None:
    if width and len(rows) * width > MAX_CELLS:
        raise SheetError(_("{name} has more than {limit:,} cells; a table holds at most that many").format(
                           name=path.name, limit=MAX_CELLS))
