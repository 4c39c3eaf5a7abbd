"""Heading numbers as documents type them: 一、 （一） (一) 1. 1、 1． （1） 第一， and numerals past ten.

:func:`parse_chinese_numeral` is the inverse of :func:`drafter.text.numbering.chinese_numeral`;
:func:`match_number` recognises a number at the start of a line and names its scheme, so that
the structurer can nest headings by the order in which schemes appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {d: i for i, d in enumerate("零一二三四五六七八九")}
_DIGITS["两"] = 2
_DIGITS["〇"] = 0
_ZH = "零〇一二两三四五六七八九十百"


def parse_chinese_numeral(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105; None when ``text`` is not such a numeral."""
    if not text or any(c not in _ZH for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            if current == 0 and total == 0:
                return None
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _DIGITS[char] if current else _DIGITS[char]
    total += current
    return total if total > 0 else None


@dataclass(frozen=True)
class Number:
    """A heading number found at the start of a line."""

    scheme: str
    """Which kind of number: ``zh、`` (一、), ``(zh)`` (（一）), ``n.`` (1.), ``(n)`` (（1）), ``n)`` (1）),
    ``第zh`` (第一，), ``第zh部分`` (第一部分, 第一章), ``①``."""
    value: int
    label: str
    """The number as typed, with its punctuation."""
    rest: str
    """The text after the number."""


_ZH_NUM = "[一二三四五六七八九十百零〇两]{1,5}"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("(zh)", re.compile(rf"^\s*[（(]\s*({_ZH_NUM})\s*[）)]\s*[、.．]?\s*")),
    ("(n)", re.compile(r"^\s*[（(]\s*(\d{1,3})\s*[）)]\s*[、.．]?\s*")),
    ("zh、", re.compile(rf"^\s*({_ZH_NUM})\s*(?:、|[.．](?!\d))\s*")),
    ("第zh部分", re.compile(rf"^\s*第({_ZH_NUM})(?:部分|章|编)\s*[，,、：:]?\s*")),
    ("第zh", re.compile(rf"^\s*第({_ZH_NUM})\s*[，,、：:]\s*")),
    ("n.", re.compile(r"^\s*(\d{1,3})\s*(?:[.．](?![\d%])|、)\s*")),
    ("n)", re.compile(r"^\s*(\d{1,3})\s*[)）]\s*")),
    ("①", re.compile(r"^\s*([①-⑳])\s*")),
)


_DECIMAL = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})[\s\u3000]+(?=[\u4e00-\u9fff])")


def match_number(line: str) -> Number | None:
    """The heading number at the start of ``line``, or None (also for decimals such as 4.1亿).

    Section numbers of science papers ("1 引言", "2.1 研究方法") count when a space follows
    them and the line is short and has no full stop: scheme ``d1``, ``d2`` … by depth."""
    decimal = _DECIMAL.match(line)
    if decimal:
        rest = line[decimal.end():].strip()
        parts = decimal.group(1).split(".")
        if rest and len(rest) <= 40 and not re.search(r"[。！？；]", rest) and int(parts[-1]) > 0 \
                and not re.match(r"[年月日号个次%万亿元人家所名项条]", rest):
            return Number(f"d{len(parts)}", int(parts[-1]), decimal.group(1), rest)
    for scheme, pattern in _PATTERNS:
        match = pattern.match(line)
        if not match:
            continue
        digits = next(g for g in match.groups() if g)
        if scheme == "①":
            value: int | None = ord(digits) - ord("①") + 1
        else:
            value = int(digits) if digits.isascii() and digits.isdigit() else parse_chinese_numeral(digits)
        rest = line[match.end():]
        if value is None or not rest.strip() or _runs_on(scheme, value, rest):
            continue
        if scheme == "zh、" and rest[:1] in "是要": 
            continue  # 一是…… is an enumeration, not a heading
        return Number(scheme, value, match.group().strip(), rest.strip())
    return None


RANK = {"第zh部分": 0, "zh、": 1, "(zh)": 2, "第zh": 3, "n.": 4, "(n)": 5, "n)": 6, "①": 7,
        "d1": 1, "d2": 2, "d3": 3, "d4": 4}
"""How major each scheme is in GB/T 9704 practice (一、 over （一） over 1. over （1）)."""


def _runs_on(scheme: str, value: int, rest: str) -> bool:
    """Whether the next number of the same scheme follows inside the line: an enumeration
    within a paragraph (①……；②……), not a heading."""
    if scheme == "①":
        return value < 20 and chr(ord("①") + value) in rest
    if scheme == "(zh)":
        from drafter.text.numbering import chinese_numeral

        return re.search(rf"[（(]{chinese_numeral(value + 1)}[）)]", rest) is not None
    if scheme == "(n)":
        return re.search(rf"[（(]{value + 1}[）)]", rest) is not None
    return False

