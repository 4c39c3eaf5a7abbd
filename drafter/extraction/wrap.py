"""Join text hard-wrapped at a fixed width (PDF copies, e-mail) back into paragraphs.

A plain-text source is *hard-wrapped* when most of its lines have nearly the same display
width (a Chinese character counts two, a Latin letter one). Then a line continues the
paragraph above it unless the line above was short, a new heading number or label starts
it, or (in PDF copies) it starts a new text box right after a finished sentence. Sources that
are not hard-wrapped keep one paragraph per line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from drafter.extraction.numbers import match_number
from drafter.extraction.sources import Para
from drafter.i18n import _
from drafter.text.typography import has_chinese

_SENTENCE_END = "。！？!?；;：:…”’)）"
_LABEL = re.compile(r"^\s*([\[【]?(摘要|关键词|关键字|中图分类号|文献标识码|文章编号|基金项目|作者简介|收稿日期|参考文献)"
                    r"|abstract\b|key\s*words?\b|\[\d+\])", re.IGNORECASE)
_PUNCT = re.compile(r"[，。、；：！？,.;:!?]")


def display_width(text: str) -> int:
    """Width in half-width cells: wide (CJK, full-width) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(frozen=True)
class WrapInfo:
    """What :func:`detect` found: whether the text is hard-wrapped and at which widths."""

    wrapped: bool
    width: int
    latin_width: int
    blanks_meaningful: bool
    indented_starts: bool = False
    """Some lines (not most) are indented by two or more: indentation marks paragraph starts."""

    def describe(self) -> str:
        """A one-line account for the report."""
        if not self.wrapped:
            return _("one paragraph per line")
        return _("hard-wrapped at about {count} Chinese characters; lines joined into paragraphs").format(
            count=self.width // 2)


def _is_latin(text: str) -> bool:
    return not has_chinese(text)


def _words(text: str) -> bool:
    """English words and no Chinese (a line of digits and marks is neither)."""
    return not has_chinese(text) and len(re.findall(r"[A-Za-z]", text)) >= 3


def detect(paras: list[Para], printed: int = 0) -> WrapInfo:
    """Decide whether ``paras`` (plain-text lines) are hard-wrapped; ``printed`` lines (a PDF's
    text layer) always are, at that width in half-width cells."""
    lines = [p for p in paras if p.text]
    long_lines = [p for p in lines if not _is_latin(p.text) and display_width(p.text) >= 20]
    chinese = [display_width(p.text) for p in long_lines]
    latin = [len(p.text) for p in lines if _is_latin(p.text) and len(p.text) >= 20]
    width, wrapped = 0, False
    if len(chinese) >= 8:
        buckets = Counter(w // 4 for w in chinese)
        mode = max(buckets, key=lambda b: (buckets[b] + buckets.get(b - 1, 0) + buckets.get(b + 1, 0), b))
        near = [p for p in long_lines if abs(display_width(p.text) // 4 - mode) <= 1]
        width = mode * 4 + 2
        # Lines cut at a fixed width end anywhere in a sentence; lines that are whole paragraphs
        # of a similar length (a short document) end with a sentence or a heading.
        whole = sum(1 for p in near if p.text.endswith(tuple(_SENTENCE_END)) or _heading_like(p.text))
        wrapped = len(near) >= 0.5 * len(chinese) and width <= 120 and whole <= 0.5 * len(near)
    starts = [display_width(p.text) + p.indent for p in lines if p.indent >= 2 and has_chinese(p.text)]
    if not wrapped and len(starts) >= 3:  # indented paragraph starts, all cut at the same width
        common = Counter(starts).most_common(1)[0][0]
        if sum(1 for w in starts if abs(w - common) <= 2) >= 0.6 * len(starts) and common <= 120:
            wrapped, width = True, common
    if printed and chinese:
        wrapped, width = True, printed
    latin_width = max(latin) if latin else 0
    if not wrapped and len(latin) >= 8 and not chinese:
        near = sum(1 for w in latin if w >= 0.8 * latin_width)
        wrapped = near >= 0.5 * len(latin) and latin_width <= 100
        width = latin_width
    gaps = blanks = 0
    previous_blank = False
    seen = False
    for para in paras:
        if not para.text:
            previous_blank = True
            continue
        if seen:
            gaps += 1
            blanks += previous_blank
        seen, previous_blank = True, False
    blanks_meaningful = not (gaps and blanks >= 0.6 * gaps)
    indented = sum(1 for p in lines if p.indent >= 2)
    indented_starts = 0 < indented <= 0.6 * len(lines)
    return WrapInfo(wrapped, width, latin_width, blanks_meaningful, indented_starts)


def _full(line: Para, info: WrapInfo, before: int) -> bool:
    """Whether a line reaches the wrap width (so the paragraph goes on)."""
    if _is_latin(line.text):
        return info.latin_width > 0 and len(line.text) >= 0.8 * info.latin_width
    wide = before if before > info.width + 8 else 0  # a wider block (an abstract across columns)
    return display_width(line.text) + line.indent >= max(info.width, wide) - 5


def _heading_like(text: str) -> bool:
    number = match_number(text)
    return number is not None and not re.search(r"[。！？；]", number.rest) and not text.endswith(tuple("，,、：:"))


def join_wrapped(paras: list[Para], info: WrapInfo | None = None) -> list[Para]:
    """Paragraphs from plain-text lines: hard-wrapped lines joined, blank lines removed."""
    info = info or detect(paras)
    if not info.wrapped:
        return [p for p in paras if p.text]
    out: list[list[Para]] = []
    blank_before = False
    for para in paras:
        if not para.text:
            blank_before = True
            continue
        if out and not _starts_new(out[-1], para, info, blank_before):
            out[-1].append(para)
        else:
            out.append([para])
        blank_before = False
    return [_joined(group) for group in out]


def _starts_new(group: list[Para], line: Para, info: WrapInfo, blank_before: bool) -> bool:
    above = group[-1].text
    text = line.text
    if blank_before and info.blanks_meaningful:
        return True
    if group[0].role or line.role:
        return True
    if _unclosed("".join(p.text for p in group)):
        return False  # a bracket or quotation still open: the paragraph goes on
    if _LABEL.match(text):
        return True
    if _words(text) != _words(above) and has_chinese(text) != has_chinese(above):
        return True  # Chinese text, then English words (or back): a new block
    if len(group) == 1 and _heading_like(above) and not _PUNCT.search(text) and not match_number(text) \
            and display_width(text) < 0.75 * info.width and not _PUNCT.search(above[-1:]):
        return False  # a heading wrapped onto a second short line
    previous = display_width(group[-2].text) if len(group) > 1 else 0
    if not _full(group[-1], info, previous):
        return True
    if _heading_like(above) and len(group) == 1 and display_width(above) <= info.width and match_number(text):
        return True
    if match_number(text) and above.endswith(tuple(_SENTENCE_END)):
        return True
    if info.indented_starts and line.indent >= 2:
        return True  # an indented first line (two spaces or more): a new paragraph
    if line.indent and above.endswith(tuple("。！？!?")):
        return True
    return False


_PAIRS = ("（）", "()", "“”", "《》", "【】", "[]")


def _unclosed(text: str) -> bool:
    """Whether a bracket or quotation opened in ``text`` is still open at its end."""
    return any(text.count(pair[0]) > text.count(pair[1]) for pair in _PAIRS)


def _joined(group: list[Para]) -> Para:
    """One paragraph from wrapped lines: Chinese text joins with no space (except between two
    Latin letters, a word break), Latin text with one space."""
    if len(group) == 1:
        return group[0]
    chinese = any(has_chinese(p.text) for p in group)
    out = group[0].text
    for para in group[1:]:
        text = para.text
        both_latin = out[-1:].isascii() and out[-1:].isalpha() and text[:1].isascii() and text[:1].isalpha()
        out += (" " if both_latin or not chinese else "") + text
    return group[0].with_text(out)
