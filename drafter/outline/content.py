"""Content items beyond paragraphs: points, tables, figures (the schema of what a body may hold).

Like :mod:`drafter.outline.model`, these dataclasses are the schema: their type hints say what
an outline may write and their docs become the JSON Schema and ``drafter kinds``. A section's
ordered ``body`` (see :class:`drafter.outline.model.Content`) lists them in the order written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from drafter.i18n import N_, _
from drafter.outline.fields import Paragraphs, key


class CellText(str):
    """A table cell's text: text, or a number kept as written (12.50 stays 12.50)."""


Align = Literal["left", "center", "right", "decimal"]


@dataclass(frozen=True)
class Point:
    """One point with its own lead sentence: 一要强化责任落实。body…"""

    lead: str = key(N_("The lead sentence after the ordinal: 强化责任落实 gives 一要强化责任落实。"),
                    example="强化责任落实")
    text: str | None = key(N_("What follows the lead sentence."), None)


@dataclass(frozen=True)
class Cell:
    """A table cell with a span or its own alignment (plain cells are just text or a number)."""

    text: CellText = key(N_("The cell's text (a number is kept as written)."), example="合计")
    cols: int = key(N_("Columns the cell spans (merged to the right)."), 1)
    rows: int = key(N_("Rows the cell spans (merged downward; leave the cell out of the rows below)."), 1)
    align: Align | None = key(N_("left, center, right or decimal (numbers on the decimal point)."), None)


Row = tuple[CellText | Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table: caption 表1 …, header rows repeated on every page, spans, notes 注：…."""

    caption: str | None = key(N_("Caption without its number: drafter writes 表1, 表2 … in order."), None,
                              example="重点项目进展情况表")
    rows: tuple[Row, ...] = key(
        N_("Rows of cells, header rows first. A cell is text, a number, or {text, cols, rows, align}."), (),
        example=[["项目", "投资（亿元）"], ["老旧小区改造", "12.50"]])
    source: str | None = key(
        N_("A CSV or XLSX file with the cells instead of rows, relative to this outline (XLSX merged "
        "cells become spans)."), None)
    sheet: str | None = key(N_("The XLSX sheet to read (default: the first)."), None)
    header: int = key(N_("How many of the first rows are header rows (bold, repeated on every page)."), 1)
    widths: tuple[float, ...] = key(N_("Relative column widths, e.g. [1, 3, 2] (default: equal)."), ())
    align: tuple[Align, ...] = key(N_("Alignment per column: left, center, right or decimal."), ())
    notes: Paragraphs = key(N_("Notes under the table, written 注：…"), ())
    landscape: bool = key(N_("Put the table on a landscape page of its own (for wide tables)."), False)
    numbered: bool = key(N_("Number the caption 表1, 表2 …; false writes the caption as it is."), True)


@dataclass(frozen=True)
class Figure:
    """A PNG or JPEG image with its caption 图1 … below, kept on one page with it."""

    file: str = key(N_("The image file (PNG or JPEG), relative to this outline."), example="figures/trend.png")
    caption: str | None = key(N_("Caption without its number: drafter writes 图1, 图2 … in order."), None)
    width: str | float | None = key(
        N_("Width: centimetres (12 or '12cm') or a share of the text width ('80%'); "
        "default: the image's own size, at most the text width."), None)
    numbered: bool = key(N_("Number the caption 图1, 图2 …; false writes the caption as it is."), True)


def parse_width(value: str | float) -> tuple[float, str]:
    """A figure width as (number, unit): 12 or "12cm" → (12.0, "cm"), "80%" → (0.8, "share").

    Raises ValueError with a reader's message when it is neither.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number, unit = float(value), "cm"
    else:
        text = str(value).strip().lower().replace(" ", "")
        if text.endswith("%"):
            number, unit = _number(text[:-1], value) / 100, "share"
        else:
            number, unit = _number(text.removesuffix("cm").removesuffix("厘米"), value), "cm"
    if unit == "cm" and not 0.5 <= number <= 60:
        raise ValueError(_("width {value!r} is outside 0.5-60 cm").format(value=value))
    if unit == "share" and not 0.05 <= number <= 1:
        raise ValueError(_("width {value!r} is outside 5%-100% of the text width").format(value=value))
    return number, unit


def _number(text: str, value: object) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(_("width {value!r} is neither centimetres (12, '12cm') nor a share "
                           "of the text width ('80%')").format(value=value)) from None


class CellError(ValueError):
    """A ragged row or a span that runs off the table; ``row`` is 1-based."""

    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row


@dataclass(frozen=True)
class PlacedCell:
    """A cell where it lands on the table's grid (0-based row and column)."""

    row: int
    column: int
    text: str
    cols: int
    rows: int
    align: Align | None


def place_cells(rows: tuple[Row, ...]) -> tuple[int, list[list[PlacedCell]]]:
    """Lay the rows' cells on a grid, as HTML tables do: spans cover cells right and below.

    Returns the number of columns (the first row's, spans included) and the placed cells of
    each row. Raises :class:`CellError` (a ValueError) naming the row (1-based) of a ragged row or a span that runs
    off the table.
    """
    below: dict[int, set[int]] = {}  # row → columns covered there by cells spanning down
    placed: list[list[PlacedCell]] = []
    width = 0
    for r, row in enumerate(rows):
        covered = below.pop(r, set())
        column = 0
        filled = len(covered)
        out = []
        for index, cell in enumerate(row):
            while column in covered:
                column += 1
            if isinstance(cell, Cell):
                text, cols, down, align = cell.text, cell.cols, cell.rows, cell.align
            else:
                text, cols, down, align = str(cell), 1, 1, None
            if cols < 1 or down < 1:
                raise CellError(r + 1, _("row {row}, cell {cell}: a span is at least 1").format(
                    row=r + 1, cell=index + 1))
            if r and column + cols > width:
                raise CellError(r + 1, _("row {row}, cell {cell} ends at column {end}, but the table has {width} "
                                         "columns (set by its first row)").format(
                    row=r + 1, cell=index + 1, end=column + cols, width=width))
            if r + down > len(rows):
                raise CellError(r + 1, _("row {row}, cell {cell} spans {down} rows, which runs off the table's "
                                         "{rows} rows").format(row=r + 1, cell=index + 1, down=down, rows=len(rows)))
            if cols > 1 and covered.intersection(range(column, column + cols)):
                raise CellError(r + 1, _("row {row}, cell {cell} spans columns that a cell from a row above "
                                         "already covers").format(row=r + 1, cell=index + 1))
            for i in range(1, down):
                below.setdefault(r + i, set()).update(range(column, column + cols))
            out.append(PlacedCell(r, column, text, cols, down, align))
            column += cols
            filled += cols
        if r == 0:
            width = column
        if filled != width:
            raise CellError(r + 1, _("row {row} fills {filled} columns where the table has {width}; give every "
                                     "row the same number of cells (a cell spanning rows counts in the rows "
                                     "below)").format(row=r + 1, filled=filled, width=width))
        placed.append(out)
    return width, placed
