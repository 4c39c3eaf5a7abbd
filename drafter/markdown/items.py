"""A Markdown table or image → the outline's ``table:`` or ``figure:`` body item.

The conventions (docs/assistant.md lists them for writers):

- **Table**: a GFM table. Its first row is the header row; the delimiter row's colons give the
  columns' alignment (``:---`` left, ``:---:`` center, ``---:`` right; a column without colons
  is aligned as drafter aligns it, right for numbers). Its caption is a paragraph of its own
  right before the table (or right after it, pandoc's habit), written ``表：caption``,
  ``Table: caption`` or, after the table, pandoc's ``: caption``; a typed number (``表1　…``)
  is dropped, since drafter numbers tables. Paragraphs right after the table that start with
  ``注：`` (``Note:``) are its notes.
- **Figure**: an image alone in its paragraph, ``![caption](figures/chart.png)``, the file
  relative to the draft; its width is pandoc's attribute ``{width=60%}`` or ``{width=8cm}``
  right after it (read by the attributes plugin; the unquoted percentage pandoc writes, which
  the plugin takes for a comment, is read here). The caption's typed number (``图1 …``) is dropped.

Each function returns the item's data, the Markdown position of its values (key paths below
the item) and what it could not place, as :class:`Unplaced` (line, column, message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.i18n import _, ngettext
from drafter.markdown.reader import Block
from drafter.outline.yamlfile import KeyPath

_TABLE_CAPTION = re.compile(r"^(?:表|Table)\s*(?:(\d{1,3}(?:[.．-]\d{1,3})?)(?:\s*[:：.．]\s*|\s+)|[:：]\s*)(\S.*)$")
"""``表：caption``, ``表1　caption``, ``表 1：caption``, ``Table: caption``, ``Table 2. caption``."""
_PANDOC_CAPTION = re.compile(r"^:\s+(\S.*)$")
"""Pandoc's caption line after a table: ``: caption``."""
_FIGURE_NUMBER = re.compile(r"^(?:图|Figure|Fig\.)\s*\d{1,3}(?:[.．-]\d{1,3})?\s*[:：.．]?\s*(?=\S)")
_TABLE_NOTE = re.compile(r"^(?:注|Notes?)\s*[:：]\s*(\S.*)$")
_NUMBER = re.compile(r"^[-+−]?[\d,，]*\.?\d+%?$")
"""A cell that is a number (drafter right-aligns a column of them when no alignment is given)."""
_WIDTH_TEXT = re.compile(r"^\{\s*width\s*=\s*\"?([0-9.]+\s*(?:%|cm|厘米)?)\"?\s*\}$")
"""Pandoc's ``{width=60%}`` as the attributes plugin leaves it (as text)."""


@dataclass
class Unplaced:
    """Something in a table or image that the outline cannot hold, at its Markdown position."""

    line: int
    column: int
    message: str


@dataclass
class Item:
    """A body item's data with the Markdown position of its values."""

    data: dict[str, Any]
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Unplaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def table_caption(text: str, after_table: bool = False) -> tuple[str, bool] | None:
    """(the caption, whether a typed number was dropped) of a caption paragraph, else None.

    ``after_table``: the paragraph follows a table, where pandoc's ``: caption`` is a caption too.
    """
    match = _TABLE_CAPTION.match(text)
    if match:
        return match.group(2).strip(), bool(match.group(1))
    pandoc = _PANDOC_CAPTION.match(text) if after_table else None
    return (pandoc.group(1).strip(), False) if pandoc else None


def table_note(text: str) -> str | None:
    """The note of a ``注：…`` paragraph after a table (drafter writes the 注： itself)."""
    match = _TABLE_NOTE.match(text)
    return match.group(1).strip() if match else None


def table_item(block: Block, caption: tuple[str, int] | None, notes: list[tuple[str, int]],
               typed_lines: list[str]) -> Item:
    """The ``table:`` item for a table block; ``caption`` and ``notes`` with their lines;
    ``typed_lines``: the source line of each row, to say why a row is ragged."""
    columns = len(block.aligns)
    item = Item({})
    table: dict[str, Any] = {}
    if caption:
        table["caption"] = caption[0]
        item.marks[("caption",)] = (caption[1], 1)
    for count, row_line, typed in zip(block.typed, (r[0].line for r in block.cells), typed_lines):
        if count == columns:
            continue
        if "|" not in typed:
            message = _("the line '{text}' right under the table is read as one of its rows: leave a blank "
                        "line between a table and the paragraph after it (a caption, a note)").format(text=_short(typed))
        else:
            message = ngettext(
                "this table row has {count} cell where the header row has {columns}; give every row the same "
                "number of cells (an empty cell is written | |)",
                "this table row has {count} cells where the header row has {columns}; give every row the same "
                "number of cells (an empty cell is written | |)", count).format(count=count, columns=columns)
        item.problems.append(Unplaced(row_line, 1, message))
    rows = [[cell.text for cell in row] for row in block.cells]
    header = 1
    if rows and not any(rows[0]):  # | | | header: a table without header row
        rows, header = rows[1:], 0
        item.notes.append(_("line {line}: the table's header row is empty, so the table has no header "
                            "row").format(line=block.line))
    table["rows"] = rows
    item.marks[("rows",)] = (block.line, 1)
    for index, row in enumerate(block.cells[1 - header:] if header == 0 else block.cells):
        item.marks[("rows", index)] = (row[0].line if row else block.line, 1)
    if header != 1:
        table["header"] = header
    if any(block.aligns):
        table["align"] = [given or _default_align([row[c] for row in rows[header:] if c < len(row)])
                          for c, given in enumerate(block.aligns)]
        item.marks[("align",)] = (block.line + 1, 1)
    if notes:
        table["notes"] = [text for text, _line in notes]
        item.marks[("notes",)] = (notes[0][1], 1)
        for index, (_text, line) in enumerate(notes):
            item.marks[("notes", index)] = (line, 1)
    item.data = {"table": table}
    item.marks = {("table", *path): mark for path, mark in item.marks.items()}
    item.marks[("table",)] = (block.line, 1)
    return item


def _default_align(texts: list[str]) -> str:
    """What drafter gives a column without alignment: right for a column of numbers, else left."""
    filled = [t.strip() for t in texts if t.strip()]
    return "right" if filled and all(_NUMBER.match(t) for t in filled) else "left"


def figure_item(block: Block, column: int) -> Item:
    """The ``figure:`` item for a lone image at ``column`` of its line."""
    where = (block.line, column)
    item = Item({})
    figure: dict[str, Any] = {}
    source = block.text.strip()
    if not source:
        item.problems.append(Unplaced(*where, _("an image without a file: write ![caption](figures/chart.png)")))
    elif "://" in source or source.startswith("data:"):
        item.problems.append(Unplaced(*where, _(
            "the image {source} is not a file next to the draft; save it (PNG or JPEG) beside the draft and "
            "give its path, e.g. ![caption](figures/chart.png)").format(source=_short(source, 40))))
    figure["file"] = source
    attrs = dict(block.attrs)
    caption = block.caption.strip() or attrs.pop("title", "").strip()
    attrs.pop("title", None)
    if caption:
        numbered = _FIGURE_NUMBER.match(caption)
        if numbered and caption[numbered.end():].strip():
            caption = caption[numbered.end():].strip()
            item.notes.append(_("line {line}: the number typed in the figure's caption was dropped (drafter "
                                "numbers figures 图1, 图2 … in order)").format(line=block.line))
        figure["caption"] = caption
    width = attrs.pop("width", None)
    if block.rest:
        typed = _WIDTH_TEXT.match(block.rest)
        if typed and width is None:
            width = typed.group(1).replace(" ", "")
        else:
            item.problems.append(Unplaced(block.line, column, _(
                "the text '{text}' after the image cannot be read: a figure is an image alone in its "
                "paragraph, with at most a width, {{width=60%}} or {{width=8cm}}").format(text=_short(block.rest))))
    if width is not None:
        figure["width"] = width
    if attrs:
        item.notes.append(_("line {line}: the image's attributes {names} are left out (a figure takes a "
                            "width only)").format(line=block.line, names=", ".join(sorted(attrs))))
    item.data = {"figure": figure}
    item.marks = {("figure",): where, ("figure", "file"): where, ("figure", "caption"): where,
                  ("figure", "width"): where}
    return item


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
