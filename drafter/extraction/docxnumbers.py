"""Word's automatic numbering: the numbers Word shows but a paragraph's text does not hold.

A heading numbered by a Word list (一、 from a multi-level list, 1. from "List Number") has
only its words in the text; :class:`AutoNumbers` counts the lists through the document as Word
does and gives each numbered paragraph its label, so the extractor sees "一、标题" like a
typed number. Bullets give no label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.text.numbering import chinese_numeral

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
            "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"}


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


def _val(element: Any, tag: str) -> str | None:
    found = element.find(f"{_W}{tag}") if element is not None else None
    return found.get(f"{_W}val") if found is not None else None


def format_number(n: int, fmt: str) -> str:
    """``n`` in a Word number format (decimal, chineseCounting, decimalEnclosedCircle, …)."""
    if fmt in _CHINESE:
        return chinese_numeral(n) if 0 < n < 1000 else str(n)
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 26:
        letter = chr(ord("A") + n - 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        roman, rest = "", n
        for value, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            count, rest = divmod(rest, value)
            roman += symbol * count
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


class AutoNumbers:
    """Counts Word lists through a document; :meth:`label` gives a paragraph's shown number."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbers: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for element in numbering.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in element.iter(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = _Level(
                    int(_val(lvl, "start") or 1), _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")
            abstract[element.get(f"{_W}abstractNumId")] = levels
        for num in numbering.iter(f"{_W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = _val(override, "startOverride")
                if start and ilvl in levels:
                    level = levels[ilvl]
                    levels[ilvl] = _Level(int(start), level.fmt, level.text)
            self.levels[num.get(f"{_W}numId")] = levels
        for style in document.styles.element.iter(f"{_W}style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None and _val(num_pr, "numId"):
                self.style_numbers[style.get(f"{_W}styleId")] = (_val(num_pr, "numId") or "", int(_val(num_pr, "ilvl") or 0))

    def label(self, p: Any, style_id: str) -> str | None:
        """The number Word shows before paragraph ``p`` ("一、", "1.", "（1）"), or None."""
        if not self.levels:
            return None
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = self.style_numbers.get(style_id, (None, 0))
        if num_pr is not None:
            num_id = _val(num_pr, "numId") or num_id
            ilvl = int(_val(num_pr, "ilvl") or ilvl)
        if not num_id or num_id == "0" or num_id not in self.levels:
            return None
        levels = self.levels[num_id]
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            return None
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for index in range(9):
            marker = f"%{index + 1}"
            if marker in text:
                shown = levels.get(index)
                value = counters.get(index, shown.start if shown else 1)
                text = text.replace(marker, format_number(value, shown.fmt if shown else "decimal"))
        return text.strip() or None
