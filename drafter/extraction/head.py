"""The head of a document: title (over one or more lines, or "title——subtitle"), occasion line,
speaker, date, salutation (own line or "同志们，下午好！" in a sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.extraction.numbers import match_number
from drafter.extraction.patterns import (
    date_line,
    is_person_line,
    occasion,
    parse_date,
    salutation,
    speaker_byline,
)
from drafter.extraction.sources import Para
from drafter.i18n import N_, _

_LABELS = re.compile(r"^[\[【]?(摘要|关键词|关键字|中图分类号|基金项目|作者简介|abstract|key\s*words?)", re.IGNORECASE)
_NO_TITLE_END = tuple("。！？!?；;，,：:、")


@dataclass
class Head:
    """What the head of a document said, and the paragraphs that follow it."""

    fields: dict[str, Any] = field(default_factory=dict)
    rest: list[Para] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    """One line per field taken: which source lines, and why (written in the outline's header)."""


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


def split_at_dash(title: str) -> tuple[str, str]:
    """("main title", "subtitle") at the first "——" outside brackets; ("title", "") when there is none
    (每周一学（6月27日——7月3日） keeps its dash)."""
    depth = 0
    for index, char in enumerate(title):
        if char in "（(《【“[":
            depth += 1
        elif char in "）)》】”]":
            depth = max(0, depth - 1)
        elif title.startswith("——", index) and depth == 0 and index > 0:
            return title[:index].strip(), title[index:].lstrip("—").strip()
    return title, ""


def _lines(paras: list[Para]) -> str:
    numbers = [p.line for p in paras]
    text = "".join(p.text for p in paras)
    text = text if len(text) <= 40 else text[:38] + "……"
    if len(numbers) == 1:
        return _("line {line} “{text}”").format(line=numbers[0], text=text)
    return _("lines {first}–{last} “{text}”").format(first=numbers[0], last=numbers[-1], text=text)


_COLUMN_PREFIX = re.compile(r"^([^|｜【】\[\]]{1,8}\s*[|｜]\s*|[【\[][^】\]]{1,8}[】\]]\s*)(\S.{3,})$")


def _lines_before_the_occasion(paras: list[Para], start: int) -> int:
    """How many more lines from ``start`` still belong to the title because the head's next line
    (an occasion line, a date or a salutation, perhaps after a speaker line) follows them:
    a title line with a comma in it (守正创新，勇毅前行) is a title line there."""
    for end in range(start, min(start + 3, len(paras))):
        text = paras[end].text
        if occasion(text) or date_line(text) or salutation(text):
            if end > start and speaker_byline(paras[end - 1].text):
                end -= 1
            between = paras[start:end]
            if all(p.role is None and len(p.text) <= 30 and not p.text.endswith(_NO_TITLE_END)
                   and not re.search(r"[。！？!?]", p.text) and match_number(p.text) is None
                   and not speaker_byline(p.text) for p in between):
                return len(between)
            return 0
    return 0


def _read_title(paras: list[Para], kind: str, head: Head) -> int:
    """Take the title (and a subtitle or label on its line) from the top of ``paras``; the
    number of paragraphs used."""
    fields = head.fields
    first = paras[0]
    prefix = _COLUMN_PREFIX.match(first.text) if first.role is None else None
    if prefix:  # 学习 | title, 【学习】title: a WeChat column's name before the title
        paras = [first.with_text(prefix.group(2))] + paras[1:]
        first = paras[0]
        head.decisions.append("title: " + _("the column name “{name}” before it left out").format(
            name=prefix.group(1).strip()))
    if first.role is None and occasion(first.text) and not first.text.lstrip("（(").startswith(("—", "-")):
        fields["title"] = occasion(first.text)
        head.decisions.append("title: " + _("{lines}, the occasion line that opens the document (it has no "
                                            "other title line)").format(lines=_lines([first])))
        return 1
    broken = (len(paras) > 1 and first.role is None and len(first.text) <= 30
              and first.text.endswith(("，", "、")) and "，" not in first.text[:-1]
              and _continuation(paras[1], first.with_text(first.text[:-1]), paras[2] if len(paras) > 2 else None))
    if not (title_like(first) or broken) or first.role in ("subtitle", "salutation"):
        return 0
    lines = [first]
    index = 1
    while index < len(paras) - 1 and _continuation(paras[index], first, paras[index + 1]):
        lines.append(paras[index])
        index += 1
    more = _lines_before_the_occasion(paras, index) if first.role is None else 0
    phrases = {id(p) for p in paras[index:index + more]}  # lines with a comma of their own: phrases
    lines.extend(paras[index:index + more])
    index += more
    title = lines[0].text
    for line in lines[1:]:  # two parallel phrases of one length, or one phrase broken over lines
        whole = re.match(r"[\u4e00-\u9fff]", title[-1]) is not None and not title.endswith(_DANGLING)
        parallel = abs(len(line.text) - len(title)) <= 1 and 4 <= len(line.text) <= 16 and len(lines) == 2
        title += ("\u3000" if whole and (parallel or id(line) in phrases) else "") + line.text
    why = _("styled as the title") if first.role == "title" else _("the first line of the document's own head")
    if len(lines) > 1:
        why += _(", printed over {count} lines and joined").format(count=len(lines))
    title, subtitle = split_at_dash(title) if not title.startswith("——") else (title, "")
    if subtitle:
        key = "source" if kind == "party-lecture" else "subtitle"
        fields[key] = subtitle
        why += _("; split at its dash, the rest is the {key}").format(key=key)
    label = re.match(r"^(.{0,10}?党课(?:讲稿|辅导报告|辅导|材料)?)[：:]\s*(\S.*)$", title)
    if label and kind == "party-lecture":
        if label.group(1) != "党课":
            fields["label"] = label.group(1)
        title = label.group(2)
        why += _("; its label {label}： set apart").format(label=label.group(1))
    fields["title"] = title.strip()
    head.decisions.append("title: " + _("{lines}, {why}").format(lines=_lines(lines), why=why))
    return index


def _speaker_and_date(text: str) -> tuple[str, Any] | None:
    """("李明", date) for a line holding a name and a date: 李明　（2024年5月6日）."""
    match = re.match(r"^(.{2,30}?)\s+([（(]?\s*\d{4}\s*年.{3,12}日\s*[）)]?|[（(]?[〇○零一二三四五六七八九]{4}年.{2,8}日[）)]?)$", text)
    if not match:
        return None
    speaker, date = speaker_byline(match.group(1)), date_line(match.group(2))
    return (speaker, date) if speaker and date else None


def read_head(paras: list[Para], kind: str) -> Head:
    """Split the head fields (title, subtitle, speaker, date, salutation, label) off ``paras``;
    only the fields ``kind`` has are taken (a report's "各位代表：" stays text). ``Head.decisions``
    says which lines were taken for which field, and why."""
    allowed = _FIELDS.get(kind, {"subtitle"})
    head = Head()
    fields = head.fields
    index = _read_title(paras, kind, head) if paras else 0
    while index < len(paras) and index < 8:
        para = paras[index]
        text = para.text
        found = salutation(text) if para.role in (None, "salutation") and "salutation" in allowed else None
        occasion_text = occasion(text) if para.role in (None, "subtitle") else None
        if "date" not in allowed and date_line(text) and para.role is None:
            break
        if para.role == "source" or (kind == "party-lecture" and para.role is None and occasion_text
                                     and "source" not in fields):
            fields["source"] = occasion_text or text.lstrip("—-–― ")
            head.decisions.append("source: " + _("{lines}, the occasion line under the title").format(
                lines=_lines([para])))
        elif para.role == "subtitle" or (para.role is None and occasion_text and "subtitle" not in fields):
            fields["subtitle"] = occasion_text or text.lstrip("—-–― ")
            head.decisions.append("subtitle: " + _("{lines}, the occasion line under the title").format(
                lines=_lines([para])))
        elif (para.role == "speaker" or speaker_byline(text)) and "speaker" not in fields and "title" in fields \
                and kind in ("speech", "party-lecture"):
            fields["speaker"] = speaker_byline(text) or text
            why = _("styled as the speaker") if para.role == "speaker" else _("a name line under the title")
            head.decisions.append("speaker: " + _("{lines}, {why}").format(lines=_lines([para]), why=why))
        elif date_line(text) and "date" not in fields and "date" in allowed and para.role in (None, "date"):
            fields["date"] = date_line(text)
            head.decisions.append("date: " + _("{lines}, the date line of the head").format(lines=_lines([para])))
        elif _speaker_and_date(text) and "speaker" not in fields and "date" not in fields and "date" in allowed \
                and "title" in fields and kind in ("speech", "party-lecture") and para.role is None:
            fields["speaker"], fields["date"] = _speaker_and_date(text)  # type: ignore[misc]
            head.decisions.append("speaker, date: " + _("{lines}, a name and a date on one line under the "
                                                        "title").format(lines=_lines([para])))
        elif found and "salutation" not in fields:
            fields["salutation"] = found[0]
            if found[1]:
                head.rest.append(para.with_text(found[1]))
                head.decisions.append("salutation: " + _(
                    "{lines}, the address opening the first paragraph (the rest of it starts the opening)").format(
                        lines=_lines([para.with_text(text[:len(text) - len(found[1])])])))
            else:
                head.decisions.append("salutation: " + _("{lines}, the address on its own line").format(
                    lines=_lines([para])))
            index += 1
            break
        else:
            break
        index += 1
    if kind in ("speech", "party-lecture"):
        for key, missing in (("speaker", N_("no name line under the title")),
                             ("salutation", N_("no address (同志们：) before the opening"))):
            if key not in fields:
                head.decisions.append(f"{key}: " + _("none, {reason}").format(reason=_(missing)))
    head.rest.extend(paras[index:])
    return head
