"""The head of a document: title (over one or more lines, or "title——subtitle"), occasion line,
speaker, date, salutation (own line or "同志们，下午好！" in a sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.extraction.numbers import match_number
from drafter.extraction.patterns import (
    is_person_line,
    occasion,
    parse_date,
    salutation,
    speaker_byline,
)
from drafter.extraction.sources import Para

_LABELS = re.compile(r"^[\[【]?(摘要|关键词|关键字|中图分类号|基金项目|作者简介|abstract|key\s*words?)", re.IGNORECASE)
_NO_TITLE_END = tuple("。！？!?；;，,：:、")


@dataclass
class Head:
    """What the head of a document said, and the paragraphs that follow it."""

    fields: dict[str, Any] = field(default_factory=dict)
    rest: list[Para] = field(default_factory=list)


def title_like(para: Para) -> bool:
    """A line that can be (part of) a title: short, unnumbered, not ending a sentence, not a label."""
    text = para.text
    if para.role == "title":
        return True
    if para.role or not text or len(text) > 80 or text.endswith(_NO_TITLE_END):
        return False
    return match_number(text) is None and salutation(text) is None and not _LABELS.match(text)


_DANGLING = tuple("的和与及之在对把将为以于")


def _continuation(para: Para, first: Para, following: Para | None) -> bool:
    """Whether ``para`` continues a title spread over lines (a name-like line only when the title
    plainly goes on: it ends in 的/和/…, or the occasion line follows)."""
    if para.role == "title" and first.role == "title":
        return True
    text = para.text
    if not (first.role is None and para.role is None and len(text) <= 30 and title_like(para)
            and not re.search(r"[，,。；;：:！？]", text) and re.search(r"[\u4e00-\u9fff]", text) is not None
            and occasion(text) is None and parse_date(text) is None):
        return False
    parts = text.split()
    if len(parts) > 1 and all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}\d*", p) for p in parts):
        return False  # a line of names (authors)
    if is_person_line(text):
        return first.text.endswith(_DANGLING) or (following is not None and occasion(following.text) is not None)
    return True


_FIELDS = {
    "speech": {"subtitle", "speaker", "date", "salutation"},
    "party-lecture": {"label", "subtitle", "speaker", "source", "date", "salutation"},
    "report": {"subtitle", "date"},
}


def read_head(paras: list[Para], kind: str) -> Head:
    """Split the head fields (title, subtitle, speaker, date, salutation, label) off ``paras``;
    only the fields ``kind`` has are taken (a report's "各位代表：" stays text)."""
    allowed = _FIELDS.get(kind, {"subtitle"})
    head = Head()
    fields = head.fields
    index = 0
    broken = (len(paras) > 1 and paras[0].role is None and len(paras[0].text) <= 30
              and paras[0].text.endswith(("，", "、")) and "，" not in paras[0].text[:-1]
              and _continuation(paras[1], paras[0].with_text(paras[0].text[:-1]), paras[2] if len(paras) > 2 else None))
    if paras and (title_like(paras[0]) or broken) and paras[0].role not in ("subtitle", "salutation"):
        lines = [paras[0]]
        index = 1
        while index < len(paras) - 1 and _continuation(paras[index], paras[0], paras[index + 1]):
            lines.append(paras[index])
            index += 1
        title = "".join(p.text for p in lines)
        if "——" in title and not title.startswith("——"):
            title, subtitle = title.split("——", 1)
            if subtitle.strip():
                fields["source" if kind == "party-lecture" else "subtitle"] = subtitle.strip()
        label = re.match(r"^(.{0,10}?党课(?:讲稿|辅导报告|辅导|材料)?)[：:]\s*(\S.*)$", title)
        if label and kind == "party-lecture":
            if label.group(1) != "党课":
                fields["label"] = label.group(1)
            title = label.group(2)
        fields["title"] = title.strip()
    while index < len(paras) and index < 8:
        para = paras[index]
        text = para.text
        found = salutation(text) if para.role in (None, "salutation") and "salutation" in allowed else None
        occasion_text = occasion(text) if para.role in (None, "subtitle") else None
        if "date" not in allowed and parse_date(text) and para.role is None:
            break
        if para.role == "source" or (kind == "party-lecture" and para.role is None and occasion_text
                                     and "source" not in fields):
            fields["source"] = occasion_text or text.lstrip("—-–― ")
        elif para.role == "subtitle" or (para.role is None and occasion_text and "subtitle" not in fields):
            fields["subtitle"] = occasion_text or text.lstrip("—-–― ")
        elif (para.role == "speaker" or speaker_byline(text)) and "speaker" not in fields and "title" in fields \
                and kind in ("speech", "party-lecture"):
            fields["speaker"] = speaker_byline(text) or text
        elif (para.role == "date" or parse_date(text)) and "date" not in fields and parse_date(text) \
                and "date" in allowed:
            fields["date"] = parse_date(text)
        elif found and "salutation" not in fields:
            fields["salutation"] = found[0]
            if found[1]:
                head.rest.append(para.with_text(found[1]))
            index += 1
            break
        else:
            break
        index += 1
    head.rest.extend(paras[index:])
    return head
