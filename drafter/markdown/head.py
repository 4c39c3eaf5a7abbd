"""The head lines of a Markdown draft: what the short paragraphs under the title are.

Models and writers put a Chinese document's head under its title as short paragraphs: the
occasion line (——在……上的讲话), the speaker, the date （2025年7月18日）, the salutation 同志们：,
a report's addressee 市人民政府：, an article's 摘要：/关键词：. Each recogniser here reads one
paragraph and says which outline key it fills, or nothing; the mapping asks them only for the
paragraphs before the first body paragraph.
"""

from __future__ import annotations

import datetime as dt
import re

_OCCASION = re.compile(r"^在.{2,60}上的(?:讲话|发言|致辞|报告|辅导|主持词|党课|辅导报告|专题党课)$")
_DASHED = re.compile(r"^(?:——|—|--|－－)\s*(\S.*)$")
_DATE = re.compile(r"^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$")
_SALUTATION = re.compile(r"^(同志们|各位[^，。：:\s]{1,12}|尊敬的[^，。：:]{1,24}|朋友们|女士们、先生们)\s*[：:]$")
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_SPEAKER = re.compile(rf"^(?:{_NAME}|[\u4e00-\u9fff]{{2,16}}\s+{_NAME})$")
_ADDRESSEE = re.compile(r"^[\u4e00-\u9fff、，（）]{2,40}[：:]$")
_ABSTRACT = re.compile(r"^(?:摘\s*要|内容摘要|内容提要)\s*[：:]\s*(\S.*)$")
_KEYWORDS = re.compile(r"^关\s*键\s*词\s*[：:]\s*(\S.*)$")
_CLASSIFICATION = re.compile(r"^(?:中图分类号|文献标识码|文章编号)\s*[：:]")
_LECTURE_LABEL = re.compile(r"^((?:专题)?党课)\s*[：:]\s*(\S.*)$")


def occasion(text: str) -> str | None:
    """The occasion line without its dash: ``——在……上的讲话`` or ``在……上的讲话`` → ``在……上的讲话``."""
    dashed = _DASHED.match(text)
    if dashed:
        return dashed.group(1).strip()
    return text if _OCCASION.match(text) else None


def date_line(text: str) -> dt.date | None:
    """``（2025年7月18日）`` or ``2025年7月18日`` → the date; None for any other text or an impossible date."""
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def salutation(text: str) -> str | None:
    """``同志们：`` → ``同志们`` (the template adds the colon)."""
    match = _SALUTATION.match(text)
    return match.group(1) if match else None


def speaker(text: str) -> str | None:
    """A name (李明) or position and name (市长 李明) on its own line."""
    return text if _SPEAKER.match(text) else None


def addressee(text: str) -> str | None:
    """A report's addressee line ``市人民政府：`` → ``市人民政府``."""
    if not _ADDRESSEE.match(text) or salutation(text):
        return None
    return text[:-1]


def abstract(text: str) -> str | None:
    """``摘要：……`` → the abstract's text."""
    match = _ABSTRACT.match(text)
    return match.group(1) if match else None


def keywords(text: str) -> list[str] | None:
    """``关键词：城镇化；都市圈`` → the keywords."""
    match = _KEYWORDS.match(text)
    if not match:
        return None
    return [k for k in re.split(r"\s*[；;，,、]\s*|\s{2,}", match.group(1).rstrip("。.")) if k]


def classification(text: str) -> str | None:
    """The ``中图分类号：…`` identifiers line, as it is."""
    return text if _CLASSIFICATION.match(text) else None


def lecture_label(title: str) -> tuple[str, str] | None:
    """``党课：坚持……`` → (``党课``, ``坚持……``): a party lecture's label typed into its title."""
    match = _LECTURE_LABEL.match(title)
    return (match.group(1), match.group(2)) if match else None
