"""Block markup beyond paragraphs: tables, figures, footnote texts and landscape pages.

Templates write (see :mod:`drafter.compose.blocks` for ``<p>``)::

    <table frame="grid" widths="1 3 2">      frame: grid (公文) or three-line (articles)
      <tr header="true"><td cols="2" align="center" style="table_header">…</td></tr>
      <tr><td rows="2" align="decimal" style="table_cell">12.50</td>…</tr>
    </table>
    <figure src="chart.png" width="12cm"/>      width: 12cm or 80% (of the text width)
    <figure src="…" style="issuer_mark_image" width="15cm" height="2.2cm"/>   a department's mark image
    <footnote name="src">text of the footnote marked [^src]</footnote>
    <landscape> … </landscape>               the blocks inside go on landscape pages

A ``<td>`` holds text like a ``<p>`` (``<span>``, ``<br/>``); its ``style`` is a profile element.
Spans cover cells to the right and below; a covered cell is left out of the rows below.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.errors import TemplateError
from drafter.i18n import _
from drafter.outline.content import Cell, CellText, parse_width, place_cells
from drafter.text.typography import normalise_punctuation

if TYPE_CHECKING:
    from drafter.compose.blocks import Block, Paragraph

MAX_SPAN = 200
"""Largest column or row span a cell may give."""

FRAMES = ("grid", "three-line", "none")
CELL_ALIGNS = ("left", "center", "right", "decimal")


@dataclass(frozen=True)
class TableCell:
    """A cell: its paragraph, where it lies on the grid, its spans and alignment."""

    paragraph: Paragraph
    column: int
    cols: int
    rows: int
    align: str


@dataclass(frozen=True)
class TableRow:
    """A row of cells; header rows repeat at the top of each page."""

    header: bool
    cells: tuple[TableCell, ...]


@dataclass(frozen=True)
class TableBlock:
    """A table: its frame, relative column widths and rows (cells placed on the grid)."""

    frame: str
    widths: tuple[float, ...]
    rows: tuple[TableRow, ...]
    styles: frozenset[str] = frozenset()
    """The profile elements its cells use (paragraph and span styles)."""

    @property
    def columns(self) -> int:
        """Number of grid columns."""
        return len(self.widths)

    def covered(self) -> set[tuple[int, int]]:
        """(row, column) of grid places covered by a span from the row above (vMerge continue)."""
        places: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            for cell in row.cells:
                places |= {(r + i, cell.column) for i in range(1, cell.rows)}
        return places


@dataclass(frozen=True)
class FigureBlock:
    """An image: ``src`` as the outline names it; width as (number, "cm" | "share") or None."""

    src: str
    width: tuple[float, str] | None
    style: str | None = None
    """The profile element of its paragraph (default ``figure``); its space before is kept."""
    height_cm: float | None = None
    """The printed height when the markup gives it (the page prediction counts it)."""


@dataclass(frozen=True)
class FootnoteText:
    """The text of the footnote marked ``[^name]``."""

    name: str
    paragraph: Paragraph


@dataclass(frozen=True)
class Landscape:
    """Blocks set on landscape pages of their own section."""

    blocks: tuple[Block, ...]


def parse_content_block(element: ET.Element, template: str, chinese: bool) -> Block:
    """The block for a ``<table>``, ``<figure>``, ``<footnote>`` or ``<landscape>`` element."""
    from drafter.compose.blocks import _block, _paragraph

    tag = element.tag
    if tag == "figure":
        src = element.get("src")
        if not src:
            raise TemplateError(template, None, _("<figure> needs src=\"file\" (a figure's file from the outline)"))
        width = element.get("width")
        try:
            parsed = parse_width(width) if width else None
        except ValueError as exc:
            raise TemplateError(template, None, _("<figure width=…>: {reason}").format(reason=exc)) from None
        height = element.get("height")
        try:
            height_cm = float(height.removesuffix("cm")) if height else None
        except ValueError:
            raise TemplateError(template, None, _("<figure height={height!r}>: write a height in cm such as "
                                                  "2.2cm").format(height=height)) from None
        return FigureBlock(src, parsed, element.get("style"), height_cm)
    if tag == "footnote":
        name = element.get("name")
        if not name:
            raise TemplateError(template, None, _("<footnote> needs name=\"…\" (the name its [^name] mark uses)"))
        return FootnoteText(name, _paragraph(element, "footnote", template, chinese))
    if tag == "landscape":
        inner = [_block(child, template, chinese) for child in element]
        if any(isinstance(b, Landscape) for b in inner):
            raise TemplateError(template, None, _("<landscape> inside <landscape>"))
        return Landscape(tuple(inner))
    return _table(element, template, chinese)


def _table(element: ET.Element, template: str, chinese: bool) -> TableBlock:
    from drafter.compose.blocks import _paragraph

    frame = element.get("frame", "grid")
    if frame not in FRAMES:
        raise TemplateError(template, None, _("<table frame={frame!r}>: use one of {limit}").format(
                                              frame=frame, limit=', '.join(FRAMES)))
    raw_rows = []
    for tr in element:
        if tr.tag != "tr":
            raise TemplateError(template, None, _("<{tag}> inside <table>; a table holds <tr> rows").format(
                                                  tag=tr.tag))
        cells = []
        for td in tr:
            if td.tag != "td":
                raise TemplateError(template, None, _("<{tag}> inside <tr>; a row holds <td> cells").format(
                                                      tag=td.tag))
            align = td.get("align", "left")
            if align not in CELL_ALIGNS:
                raise TemplateError(template, None, _("<td align={align!r}>: use one of {limit}").format(
                                                      align=align, limit=', '.join(CELL_ALIGNS)))
            cells.append((td, _span(td, "cols", template), _span(td, "rows", template), align))
        raw_rows.append((tr.get("header") == "true", cells))
    if not raw_rows:
        raise TemplateError(template, None, _("<table> without rows"))
    try:
        width, placed = place_cells(tuple(
            tuple(Cell(CellText(""), cols=c, rows=r) for _, c, r, _ in cells) for _, cells in raw_rows))
    except ValueError as exc:
        raise TemplateError(template, None, _("<table>: {reason}").format(reason=exc)) from None
    rows = []
    styles: set[str] = set()
    for (header, cells), places in zip(raw_rows, placed, strict=True):
        row = []
        for (td, c, r, align), at in zip(cells, places, strict=True):
            paragraph = _cell(td, template, chinese)
            if paragraph is None:
                paragraph = _paragraph(td, td.get("style", "table_cell"), template, chinese)
                styles.update(run.style for run in paragraph.runs if run.style)
            styles.add(paragraph.style)
            row.append(TableCell(paragraph, at.column, c, r, align))
        rows.append(TableRow(header, tuple(row)))
    return TableBlock(frame, _widths(element.get("widths"), width, template), tuple(rows), frozenset(styles))


_PLAIN_CELL = frozenset({"cols", "rows", "align", "style"})
_NUMERIC = re.compile(r"[-+]?[\d.,]*\d%?")


def _cell(td: ET.Element, template: str, chinese: bool) -> Paragraph | None:
    """The paragraph of a cell holding plain text only (most cells), or None for the general path."""
    from drafter.compose.blocks import Paragraph, Run

    text = td.text or ""
    if len(td) or not _PLAIN_CELL.issuperset(td.attrib) or "[" in text or "\n" in text:
        return None
    text = text.strip()
    if chinese and text and not _NUMERIC.fullmatch(text):  # numbers need no punctuation rules
        text = normalise_punctuation(text)
    return Paragraph(td.get("style", "table_cell"), (Run(text),) if text else ())


def _span(element: ET.Element, name: str, template: str) -> int:
    value = element.get(name, "1")
    if not value.isdigit() or not 1 <= int(value) <= MAX_SPAN:
        raise TemplateError(template, None, _("<td {name}=\"{value}\">: a whole number from 1 to {limit}").format(
                                              name=name, value=value, limit=MAX_SPAN))
    return int(value)


def _widths(value: str | None, columns: int, template: str) -> tuple[float, ...]:
    if not value:
        return (1.0,) * columns
    try:
        widths = tuple(float(w) for w in value.split())
    except ValueError:
        widths = ()
    if len(widths) != columns or any(w <= 0 for w in widths):
        raise TemplateError(template, None, _("<table widths=\"{value}\">: give {columns} positive numbers").format(
                                              value=value, columns=columns))
    return widths


def check_content(blocks: list[Block], images: Collection[str], template: str) -> None:
    """Refuse, naming the template, a footnote mark without its text or a figure the outline lacks."""
    from drafter.compose.blocks import Paragraph

    texts: set[str] = set()
    marks: list[str] = []
    stack = list(blocks)
    while stack:
        block = stack.pop()
        if isinstance(block, Landscape):
            stack.extend(block.blocks)
            continue
        if isinstance(block, FootnoteText):
            texts.add(block.name)
            paragraphs = [block.paragraph]
        elif isinstance(block, TableBlock):
            paragraphs = [cell.paragraph for row in block.rows for cell in row.cells]
        elif isinstance(block, FigureBlock):
            if block.src not in images:
                raise TemplateError(template, None, _("<figure src={src!r}>: the outline has no figure with that file (a template shows "
                                                      "only the outline's images)").format(src=block.src))
            continue
        else:
            paragraphs = [block] if isinstance(block, Paragraph) else []
        marks += [run.note for p in paragraphs for run in p.runs if run.note]
    missing = sorted(set(marks) - texts)
    if missing:
        raise TemplateError(template, None, _("footnote mark [^{missing}] without a <footnote name=\"{missing}\"> in the template's "
                                              "output (its block footnotes writes them: {{{{ m.footnotes(footnotes) }}}})").format(
                                              missing=missing[0]))
