"""Content items as templates see them: ordered, numbered (表1, 图1 in order of appearance).

:func:`drafter.compose.context.number_sections` turns each section into a list of
:class:`Item`; a template walks ``s.body`` and emits markup for each ``item.type``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from drafter.outline.content import Figure, Point, Table, parse_width, place_cells
from drafter.text.numbering import chinese_numeral

_END = "。；;，,、.！!？?：:"
_NUMBER = re.compile(r"^[-+−]?[\d,，]*\.?\d+%?$")


@dataclass
class Counters:
    """Running numbers of a document's tables and figures."""

    tables: int = 0
    figures: int = 0


@dataclass(frozen=True)
class CellView:
    """One cell: its text, spans and alignment (left, center, right or decimal)."""

    text: str
    cols: int
    rows: int
    align: str

    @property
    def attrs(self) -> Markup:
        """The cell's span and alignment as ``<td>`` attributes: ` cols="2" align="right"`."""
        spans = (f' cols="{self.cols}"' if self.cols > 1 else "") + (f' rows="{self.rows}"' if self.rows > 1 else "")
        return Markup(f'{spans} align="{self.align}"')


@dataclass(frozen=True)
class RowView:
    """One row; ``header`` rows are bold and repeat at the top of every page."""

    header: bool
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class TableView:
    """A table ready for markup: ``label`` is its numbered caption (表1　caption)."""

    number: str
    caption: str
    label: str
    columns: int
    widths: str
    rows: tuple[RowView, ...]
    notes: tuple[str, ...]
    landscape: bool


@dataclass(frozen=True)
class FigureView:
    """A figure ready for markup: ``file`` as the outline gives it, ``width`` as 12cm or 80%."""

    number: str
    caption: str
    label: str
    file: str
    width: str


@dataclass(frozen=True)
class Item:
    """One item of a section body; ``type`` says which of the other fields holds it."""

    type: str
    text: str = ""
    points: tuple[Any, ...] = ()
    marker: str = "是"
    each: bool = False
    table: TableView | None = None
    figure: FigureView | None = None
    section: Any = None


def table_view(table: Table, counters: Counters) -> TableView:
    """Number the table and lay its cells out with their alignment decided."""
    number = ""
    if table.numbered and table.caption:
        counters.tables += 1
        number = f"表{counters.tables}"
    width, placed = place_cells(table.rows)
    columns = _column_aligns(table, width, placed)
    rows = []
    for r, cells in enumerate(placed):
        header = r < table.header
        rows.append(RowView(header, tuple(
            CellView(c.text, c.cols, c.rows,
                     c.align or ("center" if header else columns[c.column]))
            for c in cells)))
    widths = " ".join(f"{w:g}" for w in (table.widths or _natural_widths(width, placed)))
    caption = table.caption or ""
    return TableView(number, caption, f"{number}\u3000{caption}" if number else caption, width, widths,
                     tuple(rows), table.notes, table.landscape)


def _column_aligns(table: Table, width: int, placed: list[list[Any]]) -> list[str]:
    """Each column's alignment: as given, else right for a column of numbers, else left."""
    if table.align:
        return list(table.align)
    numeric = [True] * width
    seen = [False] * width
    for cells in placed[table.header:]:
        for c in cells:
            if c.cols == 1 and c.text.strip():
                seen[c.column] = True
                numeric[c.column] &= bool(_NUMBER.match(c.text.strip()))
    return ["right" if numeric[i] and seen[i] else "left" for i in range(width)]


def _natural_widths(width: int, placed: list[list[Any]]) -> list[int]:
    """Column widths in proportion to each column's longest text (a CJK character counts two)
    plus room for the cell's padding, within 6 to 26, so short numbers get narrow columns and
    names wide ones."""
    longest = [6] * width
    for cells in placed:
        for c in cells:
            if c.cols == 1:
                size = sum(2 if ord(ch) > 0x2E7F else 1 for ch in c.text) + 2
                longest[c.column] = max(longest[c.column], min(size, 26))
    return longest


def figure_view(figure: Figure, counters: Counters) -> FigureView:
    """Number the figure; its width as markup writes it (12cm, 80%) or "" for its own size."""
    number = ""
    if figure.numbered and figure.caption:
        counters.figures += 1
        number = f"图{counters.figures}"
    width = ""
    if figure.width is not None:
        value, unit = parse_width(figure.width)
        width = f"{value:g}cm" if unit == "cm" else f"{value * 100:g}%"
    caption = figure.caption or ""
    return FigureView(number, caption, f"{number}\u3000{caption}" if number else caption, figure.file, width)


@dataclass(frozen=True)
class PointText:
    """A piece of a points paragraph: a lead sentence (``lead`` true) or plain text."""

    text: str
    lead: bool = False


def point_paragraphs(points: tuple[str | Point, ...], marker: str = "是",
                     each: bool = False) -> list[list[PointText]]:
    """Points as paragraphs of pieces: one paragraph (一是……；二是……。) or one each (一是……。).

    A point with a lead sentence reads 一要<lead>。<text>; when any point has one, the points
    are whole sentences, so they follow each other without 、 or ；.
    """
    sentences = each or any(isinstance(p, Point) for p in points)
    paragraphs: list[list[PointText]] = []
    for index, point in enumerate(points, 1):
        ordinal = chinese_numeral(index) + marker
        if isinstance(point, Point):
            lead = point.lead.rstrip(_END + " ").removeprefix(ordinal)
            pieces = [PointText(f"{ordinal}{lead}。", lead=True)]
            if point.text:
                pieces.append(PointText(_sentence(point.text)))
        else:
            text = point.rstrip(_END + " ")
            text = text.removeprefix(ordinal).removeprefix(marker) if marker else text
            end = "。" if sentences or index == len(points) else "；"
            pieces = [PointText(f"{ordinal}{text}{end}")]
        if each or not paragraphs:
            paragraphs.append(pieces)
        else:
            paragraphs[-1].extend(pieces)
    return paragraphs


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？", "!", "?", "”")) else text.rstrip("；;，,、：:") + "。"
