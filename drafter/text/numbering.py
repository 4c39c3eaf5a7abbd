"""Chinese heading numbers: 一、 （一） 1. （1）, and numerals past ten."""

from __future__ import annotations

import re

from drafter.i18n import _

_DIGITS = "零一二三四五六七八九"

GBT9704_LEVELS = ("{zh}、", "（{zh}）", "{n}.", "（{n}）")
"""GB/T 9704-2012 heading levels: 一、 then （一） then 1. then （1）."""

ARTICLE_LEVELS = ("{zh}、", "{n}.", "（{n}）")
"""Research articles: 一、 then 1. then （1）."""


def numbering_sample(formats: tuple[str, ...]) -> str:
    """The first number of each level, for messages: 一、 （一） 1. （1）."""
    return " ".join(f.format(zh="一", n=1) for f in formats)


def chinese_numeral(n: int) -> str:
    """Write a positive integer in Chinese numerals: 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五."""
    if n <= 0:
        raise ValueError(_("no Chinese heading numeral for {number}").format(number=n))
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        return head + (_DIGITS[1] + chinese_numeral(rest) if rest < 20 else chinese_numeral(rest))
    raise ValueError(_("{number} is beyond the heading numbers drafter writes (1-999)").format(number=n))


def heading_number(formats: tuple[str, ...], level: int, index: int) -> str:
    """The number label of the ``index``-th (1-based) heading at ``level`` (1-based)."""
    return formats[level - 1].format(zh=chinese_numeral(index), n=index)


_END_PUNCTUATION = "。；;，,、.！!？?：:"


def join_points(points: tuple[str, ...], marker: str = "是") -> str:
    """Parallel points as one sentence: 一是……；二是……；三是……。"""
    parts = []
    for index, point in enumerate(points, 1):
        text = point.rstrip(_END_PUNCTUATION + " ")
        ordinal = chinese_numeral(index)
        text = text.removeprefix(ordinal + marker).removeprefix(marker) if marker else text
        parts.append(ordinal + marker + text)
    return "；".join(parts) + "。" if parts else ""


def split_points(text: str) -> tuple[tuple[str, ...], str] | None:
    """The inverse of :func:`join_points`: (points, marker) when ``text`` is nothing but
    "一是……；二是……；三是……。" (or 一要……), else None."""
    for marker in ("是", "要"):
        if not text.startswith("一" + marker) or not text.endswith("。"):
            continue
        parts = text[:-1].split("；")
        if len(parts) < 2:
            continue
        items = []
        for index, part in enumerate(parts, 1):
            ordinal = chinese_numeral(index) + marker
            if not part.startswith(ordinal) or len(part) <= len(ordinal):
                break
            items.append(part[len(ordinal):])
        else:
            if join_points(tuple(items), marker) == text:
                return tuple(items), marker
    return None


def as_lead(heading: str) -> str:
    """A heading made into a lead sentence: it ends with 。 unless it already ends a sentence."""
    heading = heading.rstrip()
    if heading.endswith(("。", "！", "？", "!", "?", "…", "...", "。。。")):  # an ellipsis ends it too
        return heading
    return heading.rstrip("；;，,、：:.") + "。"


_ZH_NUM = "一二三四五六七八九十百零〇"
TYPED_NUMBER = re.compile(
    r"\s*(?:"
    rf"[（(]\s*[{_ZH_NUM}]+\s*[）)]\s*[、.．]?"          # （一）
    rf"|[（(]\s*[0-9０-９]+\s*[）)]\s*[、.．]?"          # （1）
    rf"|第[{_ZH_NUM}0-9]+(?:部分|章|节|篇)\s*[、，,：:．.]?"  # 第一部分
    rf"|第[{_ZH_NUM}]+\s*[、，,：:]"                     # 第一，
    rf"|[{_ZH_NUM}]+\s*[、.．]"                          # 一、
    r"|[0-9０-９]+\s*(?:[、．]|\.(?![0-9０-９])|[)）])"     # 1. 1、 1)
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\s*[、.．]?"
    r"|[①-⑳]"
    r")\s*"
)
"""A heading number typed by hand at the start of a heading: 一、 （一） 1. （1） 第一部分 ① Ⅰ、 …"""


def without_typed_number(heading: str) -> str:
    """The heading without a number typed at its start (``一、提高认识`` → ``提高认识``); a heading
    that is nothing but a number stays as it is."""
    match = TYPED_NUMBER.match(heading)
    if match and match.group().strip() and match.end() < len(heading.rstrip()):
        return heading[match.end():]
    return heading


_LABEL = re.compile(
    rf"(?:[（(][{_ZH_NUM}]+[）)]|[（(][0-9０-９]+[）)])[、.．]?|[{_ZH_NUM}]+[、.．]|[0-9０-９]+[、.．)）]")
"""The four heading numbers of GB/T 9704 as people type them: 一、 （一） 1. （1）, half- or full-width."""


def is_heading_label(typed: str) -> bool:
    """Whether a typed number is one of the four heading numbers (not 第一部分, ①, Ⅲ、)."""
    return _LABEL.fullmatch(re.sub(r"\s", "", typed)) is not None


_FULL_WIDTH = str.maketrans("()０１２３４５６７８９．", "（）0123456789.")


def typed_number(heading: str) -> tuple[str, str] | None:
    """A number typed at the start of ``heading``: (the number as typed, the rest of the heading),
    or None when the heading does not start with one (or is nothing but a number)."""
    match = TYPED_NUMBER.match(heading)
    if not match or not match.group().strip() or match.end() >= len(heading.rstrip()):
        return None
    return match.group().strip(), heading[match.end():]


def same_number(typed: str, expected: str) -> bool:
    """Whether a typed heading number says what drafter would write: （一） = (一), 1. = 1、 = １．"""
    def canon(number: str) -> str:
        number = re.sub(r"\s", "", number.translate(_FULL_WIDTH))
        number = re.sub(r"(?<=）)[、.]$", "", number)
        return re.sub(r"(?<=[0-9])[、]$", ".", re.sub(r"(?<=[一二三四五六七八九十百零])[.]$", "、", number))
    return canon(typed) == canon(expected)
