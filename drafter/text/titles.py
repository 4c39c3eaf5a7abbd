"""Breaking a title into lines the way GB/T 9704-2012 7.3.1 asks: words kept whole, lines balanced,
the whole in the shape of a trapezoid or a diamond.

A title is cut into *units* that must stay on one line: a phrase in 《》, “”, ‘’ or （）, a number
with its unit (2024年, 3.5%), a —— or ……, and otherwise the words of :mod:`drafter.text.words`.
Lines may only end between units, never before a mark that cannot begin a line (，。、）》”…),
never after one that cannot end a line (（《“). Of the breaks into the fewest lines that fit,
the one chosen has the most even lengths, no line shorter than both its neighbours (an hourglass)
and the fewest breaks inside a phrase (after 的, 和, punctuation are the best places).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from functools import lru_cache

from drafter.text.typography import has_chinese

TITLE_CHARS = 20
"""Characters of 二号 (22 pt) on a GB/T 9704 line of 156 mm: 28 of 三号 × 16/22."""

_PAIRS = {"《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "〔": "〕", "【": "】", "「": "」"}
_NO_LINE_START = frozenset("，。、；：！？）》”’〕】」』…—,.;:!?)%％")
_NO_LINE_END = frozenset("（《“‘〔【「『(")
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[%％‰]|[年月日号个项条件次倍万亿元家人岁]+)?"
                     r"|[一二三四五六七八九十百千〇零两]+[年月日号个项条次倍]")
_CLAUSE_MARKS = frozenset("，、；：！？")
_SOFT_STARTS = ("的", "之", "地", "得", "了", "等", "们")
"""Characters a title line should not begin with: they lean on the word before."""
_WEAK_ENDS = ("关于", "对", "在", "以", "把", "将", "为", "和", "与", "及", "并",
              "全面", "深入", "进一步", "加快", "大力", "切实", "着力", "持续", "不断", "积极", "认真")
"""Words that lean on the word after (prepositions, conjunctions, adverbs of the verb that follows):
a line ending with one reads unfinished."""


def _units(text: str) -> list[str]:
    """``text`` cut into the pieces a line break must not split."""
    units: list[str] = []
    plain = ""

    def flush() -> None:
        nonlocal plain
        if plain:
            units.extend(_plain_units(plain))
            plain = ""

    i = 0
    while i < len(text):
        char = text[i]
        closing = _PAIRS.get(char)
        end = text.find(closing, i + 1) if closing else -1
        if closing and end > 0:
            flush()
            units.append(text[i:end + 1])
            i = end + 1
            continue
        run = re.match(r"—+|…+|·", text[i:])
        if run:
            flush()
            units.append(run.group())
            i += len(run.group())
            continue
        plain += char
        i += 1
    flush()
    return units


def _plain_units(text: str) -> list[str]:
    """Numbers with their units, then words (numbers first: 2024年 is one unit)."""
    from drafter.text.words import segment

    out: list[str] = []
    last = 0
    for match in _NUMBER.finditer(text):
        if match.start() > last:
            out.extend(_words(text[last:match.start()], segment))
        out.append(match.group())
        last = match.end()
    if last < len(text):
        out.extend(_words(text[last:], segment))
    return out


def _words(text: str, segment) -> list[str]:  # type: ignore[no-untyped-def]
    words: list[str] = []
    for piece in re.split(r"([A-Za-z0-9]+|\s+)", text):
        if not piece:
            continue
        if has_chinese(piece):
            words.extend(segment(piece))
        elif piece.strip():
            words.append(piece)
        elif words:
            words[-1] += " "  # 中共中央 国务院: the space stays, and a line may end there
    return words


def break_title(text: str, max_chars: int = TITLE_CHARS) -> list[str]:
    """The lines of a title: as typed when the writer broke it, else one line when it fits, else
    broken by meaning into the fewest balanced lines of at most ``max_chars`` characters."""
    typed = [line.strip() for line in text.splitlines() if line.strip()]
    if len(typed) != 1:
        return typed
    title = typed[0]
    if _width(title) <= max_chars:
        return [title]
    units = _merged(_within(_units(title), max_chars))
    sizes = [_width(u) for u in units]
    total = sum(sizes)
    fewest = math.ceil(total / max_chars)
    for slack in (None, float(max_chars)):  # near the even cuts first, then anywhere
        for count in range(fewest, min(len(units), fewest + 2) + 1):
            best = _best_split(tuple(units), tuple(sizes), count, max_chars, slack)
            if best is not None:
                return best
    return [title]


def _within(units: list[str], max_chars: int) -> list[str]:
    """Units too wide for a line (a long 《》 title) opened up into their words."""
    out: list[str] = []
    for unit in units:
        out.extend(_plain_units(unit) if _width(unit) > max_chars else [unit])
    return out


def _merged(units: list[str]) -> list[str]:
    """Units with the marks that may not begin a line glued to the unit before, and the marks
    that may not end one glued to the unit after."""
    out: list[str] = []
    for unit in units:
        if out and (unit[0] in _NO_LINE_START or out[-1][-1] in _NO_LINE_END):
            out[-1] += unit
        else:
            out.append(unit)
    return out


def _width(text: str) -> float:
    """Width in full-width characters: Latin letters, digits and spaces count half."""
    return sum(0.5 if char.isascii() else 1.0 for char in text)


def _best_split(units: tuple[str, ...], sizes: tuple[float, ...], count: int, max_chars: int,
                slack: float | None = None) -> list[str] | None:
    """The cheapest way to cut ``units`` into ``count`` lines no wider than ``max_chars``, with
    each cut within ``slack`` characters of where even lines would end (None: none fits)."""
    total = sum(sizes)
    ideal = total / count
    slack = max(4.0, ideal / 2) if slack is None else slack
    ends = list(itertools.accumulate(sizes))
    options = [[k for k in range(len(units) - 1) if abs(ends[k] - ideal * line) <= slack]
               for line in range(1, count)]
    best: tuple[float, tuple[int, ...]] | None = None
    for cuts in _increasing(options, ends, max_chars):
        lines = _lines(units, cuts)
        widths = [_width(line) for line in lines]
        if max(widths) > max_chars:
            continue
        cost = _cost(lines, widths, ideal)
        if best is None or cost < best[0]:
            best = (cost, cuts)
    return None if best is None else _lines(units, best[1])


def _increasing(options: list[list[int]], ends: list[float], max_chars: float,
                after: int = -1) -> Iterator[tuple[int, ...]]:
    """Every choice of one cut from each list, each after the one before, each line fitting."""
    start = ends[after] if after >= 0 else 0.0
    if not options:
        yield ()
        return
    for cut in options[0]:
        if cut > after and ends[cut] - start <= max_chars + 1:  # +1: a line's end spaces are trimmed
            for rest in _increasing(options[1:], ends, max_chars, cut):
                yield (cut, *rest)


def _lines(units: tuple[str, ...], cuts: tuple[int, ...]) -> list[str]:
    bounds = [0, *(k + 1 for k in cuts), len(units)]
    return ["".join(units[a:b]).strip() for a, b in itertools.pairwise(bounds)]


def _cost(lines: list[str], widths: list[float], ideal: float) -> float:
    """How far a set of lines is from a balanced trapezoid or diamond, and how badly it cuts."""
    cost = sum((w - ideal) ** 2 for w in widths) / 2
    for a, b, c in zip(widths, widths[1:], widths[2:]):
        if b < a and b < c:
            cost += 40  # an hourglass: the standard asks for a trapezoid or a diamond
    if len(widths) >= 3:
        rising = all(x <= y for x, y in itertools.pairwise(widths))
        falling = all(x >= y for x, y in itertools.pairwise(widths))
        peak = widths.index(max(widths))
        diamond = all(x <= y for x, y in itertools.pairwise(widths[:peak + 1])) and \
            all(x >= y for x, y in itertools.pairwise(widths[peak:]))
        if not (rising or falling or diamond):
            cost += 20
    for line, following in itertools.pairwise(lines):
        cost += _cut_cost(line, following)
    return cost


@lru_cache(maxsize=512)
def _cut_cost(line: str, following: str) -> float:
    """Cost of ending a line with ``line`` and starting the next with ``following``."""
    if line[-1] in _CLAUSE_MARKS:
        return -8.0  # after a comma: where the title's own phrases end
    if line.endswith(("——", "……", " ")) or following.startswith("——"):
        return 0.0  # a space between names or at a dash: good places
    cost = 6.0
    if following.startswith(_SOFT_STARTS):
        cost += 12
    if line.endswith(_WEAK_ENDS) and not line.endswith("的"):
        cost += 6
    if line.endswith("的"):
        cost -= 5  # 关于…的 / 实施意见: a phrase ends here
    return cost
