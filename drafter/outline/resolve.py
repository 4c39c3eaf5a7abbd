"""Checks and file reads that complete an outline's content items while it is validated.

Run by :class:`drafter.outline.schema.Validator` on each record it builds (its *finishers*):
a body item holds exactly one thing; a table's cells come from its rows or its spreadsheet
and lie on a rectangular grid; a figure's image exists, is PNG or JPEG and within the limits.
Every problem is reported at the outline's line and column with its key path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.i18n import _
from drafter.outline.content import CellError, Figure, Table, parse_width, place_cells
from drafter.outline.media import Image, ImageError, read_image
from drafter.outline.model import CONTENT_KINDS, Content, Section
from drafter.outline.schema import INVALID, Validator
from drafter.outline.sheets import MAX_CELLS, SheetError, read_rows
from drafter.outline.yamlfile import KeyPath

NOTE_MARK = re.compile(r"\[\^([^\[\]\s]{1,40})\]")
"""A footnote mark in text: [^name]."""

CITE_MARK = re.compile(r"\[@(\d{1,4}(?:\s*[,，、-]\s*\d{1,4})*)\]")
"""A citation in text: [@3], [@1,4] or [@2-5] (numbers of the references list)."""


Locate = Callable[[Path], Path]
"""Where a file an outline names (a figure's image, a table's CSV/XLSX) is read from: given the
path relative to the outline's folder, the path to read; raises :class:`DrafterError` to refuse
it (``drafter mcp`` refuses a file outside its workspace)."""


def finishers(base_dir: Path, media: dict[str, Image], locate: Locate | None = None,
              ) -> dict[type, Callable[[Validator, Any, KeyPath], Any]]:
    """The finishing steps for one outline; files are found relative to ``base_dir`` and read
    where ``locate`` says (default: where they are).

    Images read are kept in ``media`` under the file name the outline gives.
    """
    locate = locate or Path

    def table(v: Validator, t: Table, path: KeyPath) -> Any:
        return _table(v, t, path, base_dir, locate)

    def figure(v: Validator, f: Figure, path: KeyPath) -> Any:
        return _figure(v, f, path, base_dir, media, locate)

    return {Content: _content, Section: _section, Table: table, Figure: figure}


def _content(v: Validator, item: Content, path: KeyPath) -> Any:
    given = [name for name in CONTENT_KINDS if getattr(item, name) is not None]
    if len(given) != 1:
        what = _("none") if not given else _(" and ").join(given)
        v.fail(path, _("a body item holds exactly one of {keys}; this one has {given} "
                       "(start a new '- ' item for each)").format(keys=", ".join(CONTENT_KINDS), given=what))
        return INVALID
    if given != ["points"] and (item.marker != "是" or item.each):
        v.fail(path, _("marker and each go with points"))
        return INVALID
    return item


def _section(v: Validator, section: Section, path: KeyPath) -> Any:
    if section.body and (section.paragraphs or section.points or section.sections):
        v.fail((*path, "body"), _("a section has either body (everything in order) or paragraphs/points/"
                                  "sections; move them into body"))
        return INVALID
    return section


def _table(v: Validator, t: Table, path: KeyPath, base_dir: Path, locate: Locate) -> Any:
    if t.source and t.rows:
        v.fail((*path, "source"), _("a table takes its cells from rows or from source, not both"))
        return INVALID
    if t.source:
        try:
            rows = read_rows(locate(base_dir / t.source), t.sheet)
        except (SheetError, DrafterError) as exc:
            v.fail((*path, "source"), str(exc))
            return INVALID
        t = replace(t, rows=rows)
    elif t.sheet:
        v.fail((*path, "sheet"), _("sheet: goes with an XLSX source:"))
        return INVALID
    if not t.rows:
        v.fail(path, _("a table needs rows (or a source: CSV or XLSX file)"))
        return INVALID
    if sum(len(row) for row in t.rows) > MAX_CELLS:
        v.fail((*path, "rows"), _("a table holds at most {count:,} cells").format(count=MAX_CELLS))
        return INVALID
    try:
        width, _placed = place_cells(t.rows)
    except CellError as exc:
        where = (*path, "source") if t.source else (*path, "rows", exc.row - 1)
        v.fail(where, str(exc))
        return INVALID
    for name in ("widths", "align"):
        given = getattr(t, name)
        if given and len(given) != width:
            v.fail((*path, name), _("{count} {key} for a table of {width} columns").format(
                count=len(given), key=name, width=width))
            return INVALID
    if any(w <= 0 for w in t.widths):
        v.fail((*path, "widths"), _("widths are positive numbers (relative: [1, 3, 2])"))
        return INVALID
    if not 0 <= t.header < len(t.rows) + 1:
        v.fail((*path, "header"), _("header: {header} rows, but the table has {rows}").format(
            header=t.header, rows=len(t.rows)))
        return INVALID
    return t


def _figure(v: Validator, f: Figure, path: KeyPath, base_dir: Path, media: dict[str, Image],
            locate: Locate) -> Any:
    if f.width is not None:
        try:
            parse_width(f.width)
        except ValueError as exc:
            v.fail((*path, "width"), str(exc))
            return INVALID
    if f.file not in media:
        try:
            media[f.file] = read_image(locate(base_dir / f.file))
        except (ImageError, DrafterError) as exc:
            v.fail((*path, "file"), str(exc))
            return INVALID
    return f


def texts(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every text in plain outline data with its key path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for name, value in data.items():
            yield from texts(value, (*path, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, (*path, index))


def check_marks(v: Validator, data: dict[str, Any]) -> None:
    """Every footnote mark names a footnote and every citation a reference."""
    notes = data.get("footnotes") if isinstance(data.get("footnotes"), dict) else {}
    references = data.get("references") if isinstance(data.get("references"), list) else []
    for path, text in texts({k: value for k, value in data.items() if k != "footnotes"}):
        for match in NOTE_MARK.finditer(text):
            if match.group(1) not in notes:
                if notes:
                    message = _("footnote mark [^{name}] names no footnote; footnotes: has {names}").format(
                        name=match.group(1), names=", ".join(notes))
                else:
                    message = _("footnote mark [^{name}] names no footnote; add it under footnotes:").format(
                        name=match.group(1))
                v.fail(path, message)
        for match in CITE_MARK.finditer(text):
            for number in cited_numbers(match.group(1)):
                if not 1 <= number <= len(references):
                    v.fail(path, _("citation [@{marks}] names reference {number}, but the outline has {count} "
                                   "references").format(marks=match.group(1), number=number, count=len(references)))
                    break


def cited_numbers(marks: str) -> list[int]:
    """3 → [3]; 1,4 → [1, 4]; 2-5 → [2, 3, 4, 5]."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", marks.strip()):
        if "-" in part:
            first, last = (int(x) for x in part.split("-", 1))
            numbers.extend(range(first, min(last, first + 200) + 1))
        else:
            numbers.append(int(part))
    return numbers
