"""Chinese punctuation (GB/T 15834-2011): find and fix half-width marks inside Chinese text.

One function finds the fixes (:func:`punctuation_fixes`), so rendering, ``check`` and ``fix``
agree on what is wrong. ASCII punctuation is left alone inside Latin words, numbers (3.5, 1:2)
and URLs; only marks that touch Chinese text are changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff60\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
# The same sets as code-point tests: compiling a regex class over ~28,000 code points costs
# ~3 ms per pattern at every start-up, and these are only ever asked about single characters.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
_CJK_PUNCT_RANGES = ((0x3000, 0x303F), (0xFF01, 0xFF60))
_CJK_PUNCT_CHARS = frozenset("\u2018\u2019\u201c\u201d\u2026\u2014\u00b7")

_PROTECTED = re.compile(r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff01-\uff60]+|[\w.+-]+@[\w-]+\.[\w.-]+")

_MARKS = re.compile("[,;:?!.\u2026\u2014(\"'-]|\u3002{3}")
"""Every character the rules below start from: text without any has nothing to fix."""

_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement``; ``code`` names the kind of fault."""

    start: int
    end: int
    replacement: str
    code: str


def _is_cjk(char: str) -> bool:
    """Whether one character is a CJK ideograph."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def has_chinese(text: str) -> bool:
    """Whether the text holds any CJK ideograph."""
    if text.isascii():
        return False
    return any(char >= "\u3400" and _is_cjk(char) for char in text)


def _is_chinese(char: str) -> bool:
    """Whether one character (or "") is a CJK ideograph or Chinese punctuation."""
    if not char:
        return False
    if _is_cjk(char) or char in _CJK_PUNCT_CHARS:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_PUNCT_RANGES)


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The nearest characters before ``start`` and from ``end`` on, skipping spaces."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j, size = end, len(text)
    while j < size and text[j] == " ":
        j += 1
    return (text[i] if i >= 0 else ""), (text[j] if j < size else "")


def _protected_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text and "://" not in text and "www." not in text:
        return []  # nothing _PROTECTED can match (and its scan is slow on long Chinese text)
    return [m.span() for m in _PROTECTED.finditer(text)]


def punctuation_fixes(text: str) -> list[Fix]:
    """Every half-width mark, straight quote, ``--`` or ``...`` in Chinese context, as fixes."""
    if _MARKS.search(text) is None or not has_chinese(text):
        return []
    protected = _protected_spans(text)

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in protected)

    fixes: list[Fix] = []
    for match in re.finditer(r"[,;:?!]", text):
        i = match.start()
        if not free(i):
            continue
        before, after = _neighbours(text, i, i + 1)
        if match.group() == ":" and before.isdigit() and after.isdigit():
            continue  # a ratio or a time: 1:2, 9:30
        if _is_chinese(before) or _is_chinese(after):
            fixes.append(_spaced_fix(text, i, i + 1, _SIMPLE[match.group()], "half-width"))
    for match in re.finditer(r"\.{3,}|…(?!…)|。{3,}", text):
        if text[match.start() - 1:match.start()] == "…" or not free(match.start()):
            continue
        before, after = _neighbours(text, match.start(), match.end())
        if _is_chinese(before) or _is_chinese(after):
            fixes.append(Fix(match.start(), match.end(), "……", "ellipsis"))
    for match in re.finditer(r"(?<![-—])(?:-{2,}|—)(?![-—])", text):
        if not free(match.start()):
            continue
        before, after = _neighbours(text, match.start(), match.end())
        if _is_chinese(before) or _is_chinese(after):
            fixes.append(_spaced_fix(text, match.start(), match.end(), "——", "dash"))
    fixes.extend(_period_fixes(text, free))
    fixes.extend(_bracket_fixes(text, free))
    fixes.extend(_quote_fixes(text, '"', "“", "”", free))
    fixes.extend(_quote_fixes(text, "'", "‘", "’", free, need_chinese_inside=True))
    fixes.sort(key=lambda f: f.start)
    return _without_overlaps(fixes)


def _spaced_fix(text: str, start: int, end: int, replacement: str, code: str) -> Fix:
    """A fix that also swallows spaces around a full-width mark (full-width marks carry their own)."""
    while start > 0 and text[start - 1] == " ":
        start -= 1
    while end < len(text) and text[end] == " ":
        end += 1
    return Fix(start, end, replacement, code)


def _period_fixes(text: str, free) -> list[Fix]:  # type: ignore[no-untyped-def]
    fixes = []
    for match in re.finditer(r"\.(?![.\d])", text):
        i = match.start()
        if i == 0 or not (_is_cjk(text[i - 1]) or text[i - 1] in "）”’》」』】〕"):
            continue
        after = text[i + 1:i + 2]
        if free(i) and (after == "" or _is_chinese(after) or after == " "):
            fixes.append(_spaced_fix(text, i, i + 1, "。", "half-width"))
    return fixes


def _bracket_fixes(text: str, free) -> list[Fix]:  # type: ignore[no-untyped-def]
    fixes: list[Fix] = []
    if "(" not in text:
        return fixes
    stack: list[int] = []
    for i, char in enumerate(text):
        if char == "(" and free(i):
            stack.append(i)
        elif char == ")" and stack and free(i):
            start = stack.pop()
            inside = text[start + 1:i]
            before = text[:start].rstrip(" ")[-1:]
            if has_chinese(inside) or _is_chinese(before):
                opening = _spaced_fix(text, start, start + 1, "（", "half-width")
                if opening.end > start + 1:  # keep a space typed inside the bracket
                    opening = Fix(opening.start, start + 1, "（", "half-width")
                fixes.append(opening)
                fixes.append(Fix(i, i + 1, "）", "half-width"))
    return fixes


def _quote_fixes(text, mark, opening, closing, free, need_chinese_inside=False):  # type: ignore[no-untyped-def]
    if mark not in text:
        return []
    positions = [i for i, char in enumerate(text) if char == mark and free(i)]
    fixes = []
    for open_at, close_at in zip(positions[::2], positions[1::2]):
        inside = text[open_at + 1:close_at]
        if need_chinese_inside and not has_chinese(inside):
            continue
        fixes.append(Fix(open_at, open_at + 1, opening, "quote"))
        fixes.append(Fix(close_at, close_at + 1, closing, "quote"))
    return fixes


def _without_overlaps(fixes: list[Fix]) -> list[Fix]:
    kept: list[Fix] = []
    for fix in fixes:
        if kept and fix.start < kept[-1].end:
            continue
        kept.append(fix)
    return kept


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """The text with non-overlapping ``fixes`` applied."""
    out, last = [], 0
    for fix in fixes:
        out.append(text[last:fix.start])
        out.append(fix.replacement)
        last = fix.end
    out.append(text[last:])
    return "".join(out)


def normalise_punctuation(text: str) -> str:
    """Chinese text with full-width punctuation, proper quotes, dashes and ellipses."""
    for _ in range(3):  # a fixed mark can give its neighbour Chinese context: "(附表)." → "（附表）。"
        fixes = punctuation_fixes(text)
        if not fixes:
            break
        text = apply_fixes(text, fixes)
    return text


def join_lines(text: str) -> str:
    """Join a paragraph typed over several lines: no space between Chinese characters."""
    if "\n" not in text:
        return text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        gap = "" if (_is_chinese(out[-1:]) or _is_chinese(line[:1])) else " "
        out += gap + line
    return out
