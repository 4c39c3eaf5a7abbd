"""Small recognisers shared by the structurers: dates, salutations, occasions, names, enumerations."""

from __future__ import annotations

import datetime as dt
import re

from drafter.text.numbering import split_points

_CN_DATE = re.compile(r"^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$")
_ISO_DATE = re.compile(r"^[（(]?\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[）)]?$")
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"), 1)}
_EN_DATE = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_EN_DATE_DAY_FIRST = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """A date line: 2025年7月18日, （2025年7月18日）, 2025-07-18, 2025/7/18, April 1, 2024; else None."""
    text = text.strip()
    match = _CN_DATE.match(text) or _ISO_DATE.match(text)
    try:
        if match:
            return dt.date(*(int(g) for g in match.groups()))
        match = _EN_DATE.match(text)
        if match and match.group(1).lower() in _MONTHS:
            return dt.date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
        match = _EN_DATE_DAY_FIRST.match(text)
        if match and match.group(2).lower() in _MONTHS:
            return dt.date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None
    return None


_ADDRESS = (r"(?:尊敬的)?(?:[^，。：:！？\s]{0,16}?(?:同志们|朋友们|代表们|同学们|老师们|委员们|来宾们|女士们|先生们|领导|嘉宾|来宾|同志|代表|"
            r"专家|学者|各位|大家))")
SALUTATION_LINE = re.compile(rf"^({_ADDRESS}(?:[、，,]{_ADDRESS}){{0,5}})\s*[：:！!]?$")
SALUTATION_INLINE = re.compile(rf"^({_ADDRESS}(?:、{_ADDRESS}){{0,5}})[，,]\s*(?=(?:大家)?(?:上午|下午|晚上|早上)?好[！!]|你们好)")


def salutation(text: str) -> tuple[str, str] | None:
    """(salutation, rest of the paragraph) when ``text`` opens with one: "同志们：" or "同志们，下午好！…"."""
    if len(text) <= 30:
        match = SALUTATION_LINE.match(text)
        if match and match.group(1) not in ("大家", "各位"):
            return match.group(1), ""
    match = SALUTATION_INLINE.match(text)
    if match:
        return match.group(1), text[match.end():].strip()
    return None


_OCCASION_TEXT = re.compile(r"^在.{2,60}(?:上|中|时|之际)的.{0,8}(?:讲话|发言|报告|党课|辅导|致辞|主持词|讲稿|汇报|总结|动员)(?:提纲|稿)?[）)]?$")


def occasion(text: str) -> str | None:
    """The occasion line under a title ("——在……上的讲话", "在……上的发言"), without dash or brackets."""
    stripped = re.sub(r"^[（(]?\s*[-—－]+\s*", "", text).strip()
    if text.lstrip("（(").startswith(("——", "--", "—")) and stripped:
        return stripped.rstrip("）)") if text.startswith(("（", "(")) else stripped
    if _OCCASION_TEXT.match(stripped.strip("（）()")):
        return stripped.strip("（）()")
    return None


PERSON = re.compile(r"^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$")


def is_person_line(text: str) -> bool:
    """A line that is only one Chinese name (two to four characters; 李  明 spaced out to width)."""
    text = text.strip()
    if not PERSON.match(text):
        return False
    parts = text.split()
    return len(parts) == 1 or all(len(part) == 1 for part in parts)


SENTENCE_END = "。！？!?"


def split_lead(text: str, limit: int = 150) -> tuple[str, str] | None:
    """("lead sentence", "rest") when ``text`` opens with a sentence (outside quotation marks,
    at most ``limit`` characters) followed by more text."""
    depth = 0
    for index, char in enumerate(text[:limit + 1]):
        if char in "“‘《（":
            depth += 1
        elif char in "”’》）":
            depth = max(0, depth - 1)
        elif char in "。！？!?" and depth == 0:
            lead = text[:index] + ("" if char == "。" else char)
            rest = text[index + 1:].strip()
            return (lead.strip(), rest) if lead.strip() and rest else None
    return None


_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def en_enumeration(text: str) -> tuple[str, ...] | None:
    """The points of an English paragraph that is nothing but "First, …; second, …; third, …."."""
    if not text.endswith(".") or not text.startswith("First, "):
        return None
    parts = text[:-1].split("; ")
    if len(parts) < 2 or len(parts) > len(_EN_ORDINALS):
        return None
    items = []
    for ordinal, part in zip(_EN_ORDINALS, parts):
        prefix = f"{ordinal}, "
        if not part.lower().startswith(prefix) or len(part) <= len(prefix):
            return None
        items.append(part[len(prefix):])
    rebuilt = "; ".join(f"{o}, {i}" for o, i in zip(_EN_ORDINALS, items))
    if rebuilt[:1].upper() + rebuilt[1:] + "." != text or any(i.rstrip(".;,:!? ") != i for i in items):
        return None
    return tuple(items)


def enumeration(text: str) -> tuple[tuple[str, ...], str] | None:
    """(points, marker) when the paragraph is nothing but "一是……；二是……；三是……。"."""
    return split_points(text)


def speaker_byline(text: str) -> str | None:
    """The speaker under a title: a name (李  明 → 李明) or position and name (县长  刘  强 → 县长 刘强)."""
    text = text.strip()
    if is_person_line(text):
        return re.sub(r"\s+", "", text)
    match = re.match(r"^([\u4e00-\u9fff]{1,12}?(?:书记|长|主任|主席|委员|部长|局长|县长|市长|省长|理事长|院长|校长|经理))"
                     r"\s+(\S(?:\s*\S){1,3})$", text)
    if match and is_person_line(match.group(2)):
        name = re.sub(r"\s+", "", match.group(2))
        return f"{match.group(1)} {name}"
    return None
