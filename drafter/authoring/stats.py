"""``drafter stats``: how long an outline is, per part and in total, and how long it takes to deliver.

What is counted is the text written in the outline's fields (numbers that drafter adds to
headings and points are not counted):

- ``hanzi``: Chinese characters (CJK ideographs; punctuation is counted apart);
- ``punctuation``: punctuation marks, Chinese or not (``，`` one, ``……`` two; the point of
  ``3.5`` and the apostrophe of ``don't`` are parts of a number and a word, not marks);
- ``words``: Latin words (runs of letters, with inner ' or -: ``don't``, ``urban-rural``);
- ``numbers``: runs of digits (``2025``, ``3.5`` and ``1,000`` count one each);
- ``chars``: every character that is not white space (what an editor's count without spaces shows);
- ``paragraphs``: items of paragraph lists (a list of points, keywords or names counts one:
  it renders as one);
- ``sections``: headings at every level.

Rows: the front matter (the single-text keys: title, subtitle, speaker…), then each list key in
the model's order, with the ``sections`` key split into one row per level-1 section
(its heading, paragraphs, points and subsections).

Delivery time, for speeches and lectures (``SPOKEN_KINDS``, or any kind when a rate is given):
(hanzi + words + numbers) of every row except the front matter, divided by the rate, by default
``DEFAULT_RATE`` = 220 Chinese characters a minute (a measured, unhurried speaking pace).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from drafter.i18n import _
from drafter.outline.content import Cell, Figure, Table
from drafter.outline.load import Outline
from drafter.outline.model import Content
from drafter.outline.resolve import CITE_MARK, NOTE_MARK
from drafter.outline.schema import fields_of
from drafter.text.numbering import heading_number

DEFAULT_RATE = 220
"""Chinese characters delivered per minute when a speech is read aloud."""

SPOKEN_KINDS = frozenset({"speech", "party-lecture"})
"""Kinds that are delivered aloud, so ``stats`` estimates their delivery time by default."""

ONE_PARAGRAPH_FIELDS = frozenset({"points", "keywords", "authors", "present", "attending", "absent"})
"""List keys rendered as a single paragraph (一是……；二是……。, a keyword line, a name list)."""

NOT_COUNTED = frozenset({"kind", "department", "points_marker", "inline", "points_each", "marker", "each"})
"""Keys that are settings, not text of the document."""

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*")
_NUMBER = re.compile(r"[0-9０-９]+(?:[.,][0-9０-９]+)*")


@dataclass
class Counts:
    """Counts of one part of an outline."""

    hanzi: int = 0
    punctuation: int = 0
    words: int = 0
    numbers: int = 0
    chars: int = 0
    paragraphs: int = 0
    sections: int = 0

    def add_text(self, text: str) -> None:
        """Count the characters, punctuation marks, words and numbers of ``text``."""
        if "[" in text:  # footnote marks [^name] and citations [@3] are not text
            text = CITE_MARK.sub("", NOTE_MARK.sub("", text))
        self.hanzi += len(_HAN.findall(text))
        marks = _NUMBER.sub("", _WORD.sub("", text))  # 3.5 and don't hold no punctuation mark
        self.punctuation += sum(1 for c in marks if unicodedata.category(c).startswith("P"))
        self.words += len(_WORD.findall(text))
        self.numbers += len(_NUMBER.findall(text))
        self.chars += sum(1 for c in text if not c.isspace())

    def __iadd__(self, other: Counts) -> Counts:
        for item in dataclasses.fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))
        return self

    @property
    def units(self) -> int:
        """What a speaker says: each Chinese character, Latin word and number counts one."""
        return self.hanzi + self.words + self.numbers


@dataclass
class Row:
    """One part of the outline: a label, its counts, and whether it is delivered aloud."""

    label: str
    counts: Counts
    spoken: bool = True


@dataclass
class Stats:
    """Rows, the total, and the delivery rate (None when no delivery time is estimated)."""

    rows: list[Row]
    total: Counts = field(default_factory=Counts)
    rate: float | None = None

    def minutes(self, counts: Counts) -> float:
        """Delivery time of ``counts`` at the rate, in minutes."""
        return counts.units / self.rate if self.rate else 0.0

    @property
    def spoken(self) -> Counts:
        """The counts of the rows that are delivered aloud."""
        total = Counts()
        for row in self.rows:
            if row.spoken:
                total += row.counts
        return total


def count_value(hint: Any, value: Any, counts: Counts, name: str = "", aside: Counts | None = None) -> None:
    """Add the text of a model value (typed by ``hint``) to ``counts``; the text of tables and
    figures goes to ``aside`` instead, when given (it is read, not spoken)."""
    if value is None or name in NOT_COUNTED:
        return
    if isinstance(value, (Table, Figure)):
        _count_shown(value, counts if aside is None else aside)
        return
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        count_value(options[0], value, counts, name, aside)
        return
    if dataclasses.is_dataclass(value):
        is_section = any(s.name == "heading" for s in fields_of(type(value)))
        if is_section:
            counts.sections += 1
        if isinstance(value, Content) and (value.paragraph is not None or value.quote is not None):
            counts.paragraphs += 1
        for spec in fields_of(type(value)):
            count_value(spec.hint, getattr(value, spec.name), counts, spec.name, aside)
        return
    if isinstance(value, tuple):
        item = typing.get_args(hint)[0] if origin is tuple else Any
        if value and (item is str or name == "points"):
            counts.paragraphs += 1 if name in ONE_PARAGRAPH_FIELDS else len(value)
        elif name == "body":
            counts.paragraphs += sum(1 for v in value if isinstance(v, str))
        for element in value:
            count_value(item, element, counts, name, aside)
        return
    if isinstance(value, dict):
        for element in value.values():
            count_value(str, element, counts, name, aside)
        return
    if isinstance(value, str):
        counts.add_text(value)


def _count_shown(value: Table | Figure, counts: Counts) -> None:
    """The text a table or figure shows: caption, cells and notes (not file names or settings)."""
    if value.caption:
        counts.add_text(value.caption)
        counts.paragraphs += 1
    if isinstance(value, Table):
        for row in value.rows:
            for cell in row:
                counts.add_text(cell.text if isinstance(cell, Cell) else cell)
        for note in value.notes:
            counts.add_text(note)
            counts.paragraphs += 1


def outline_stats(outline: Outline, rate: float | None = None) -> Stats:
    """The statistics of a validated outline; ``rate`` overrides the delivery rate."""
    kind = outline.kind
    document = outline.document
    front = Counts()
    aside = Counts()
    rows: list[Row] = [Row(_("front matter"), front, spoken=False)]
    for spec in fields_of(type(document)):
        value = getattr(document, spec.name)
        if spec.name in NOT_COUNTED:
            continue
        if spec.name == "footnotes":
            if value:
                notes = Counts(paragraphs=len(value))
                count_value(spec.hint, value, notes, spec.name)
                rows.append(Row(_("footnotes"), notes, spoken=False))
            continue
        if isinstance(value, tuple):
            if spec.name == "sections":
                for index, section in enumerate(value, 1):
                    counts = Counts()
                    count_value(Any, section, counts, aside=aside)
                    number = heading_number(kind.numbering, 1, index) if kind.numbering else ""
                    rows.append(Row(number + section.heading, counts))
                continue
            counts = Counts()
            count_value(spec.hint, value, counts, spec.name)
            if value:
                rows.append(Row(spec.name, counts))
        else:
            count_value(spec.hint, value, front, spec.name)
    if aside.chars:
        rows.append(Row(_("tables and figures"), aside, spoken=False))
    stats = Stats(rows)
    for row in rows:
        stats.total += row.counts
    if rate is not None:
        stats.rate = rate
    elif kind.name in SPOKEN_KINDS:
        stats.rate = DEFAULT_RATE
    return stats


def format_minutes(minutes: float) -> str:
    """``7.5`` → ``7 min 30 s``."""
    seconds = round(minutes * 60)
    return _("{minutes} min {seconds} s").format(minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
