"""An official document (公文, GB/T 9704-2012) read back: the 版头 above the title, the 附注 under
the date, the 附件 pages and the 版记 at the end, around a body read like a report's.

What is recognised, by the text itself (so a plain-text copy is read too) and, in a DOCX, by what
only the file holds (a letter's mark in its first-page header, a sealed date's style):

- 版头, above the title: 份号 (six digits), 密级和保密期限 (机密★1年), 紧急程度 (特急, 加急), the
  issuer's mark (the lines before the number; joint issuers' table rows with 文件 beside them),
  the 发文字号 (江规发〔2025〕12号, or 第3期 under a 纪要 mark) and 签发人 on its line;
- after the title: 主送 (a line ending in "：");
- after the date: 附注 in brackets (a request's （联系人：…，联系电话：…） becomes contact and phone);
- pages headed 附件 / 附件N: each attachment's title and text, matched with the 附件说明;
- at the end: 抄送：A，B。 and "印发机关　2025年3月1日印发".

The kind follows from what it shows: a mark in the first-page header or a 函 number is a letter,
a ……令 mark over 第N号 an order, a ……纪要 mark meeting minutes, a title ending in 请示 a request, in 报告 a report, else a notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.extraction.cleanup import Dropped
from drafter.extraction.notes import decide
from drafter.extraction.numbered import build_numbered
from drafter.extraction.patterns import parse_date
from drafter.extraction.sections import SectionBuilder
from drafter.extraction.sources import Para
from drafter.i18n import _
from drafter.outline import gongwen
from drafter.text.docnumber import normalise_doc_number

MODELS: dict[str, type] = {
    "notice": gongwen.Notice,
    "request": gongwen.Request,
    "letter": gongwen.Letter,
    "meeting-minutes": gongwen.MeetingMinutes,
    "report": gongwen.Report,
    "order": gongwen.Order,
}
"""The kinds an official document is read as, and their outline models."""

HEAD_WINDOW = 12
"""Paragraphs above the title where the 版头 is looked for."""

_COPY = re.compile(r"^\d{6}$")
_SECRECY = re.compile(r"^(绝密|机密|秘密)\s*(?:[★☆*＊]\s*\S{1,8})?$")
_URGENCY = ("特急", "加急", "特提", "平急")
_NUMBER = re.compile(r"^\S{0,16}?[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号?$")
_ISSUE = re.compile(r"^第\s*\d+\s*[期号]$")
"""第3期 under a 纪要 mark, 第12号 under a 令 mark."""
_SIGNER = re.compile(r"^(?P<number>.*?)\s*签发人\s*[：:]\s*(?P<names>\S.*)$")
_COPY_AND_NUMBER = re.compile(r"^(?P<copy>\d{6})\s+(?P<number>\S+)$")
_MARK = re.compile(r"^[^，。；：:！？、\s（）()]{2,40}$")
_CC = re.compile(r"^抄\s*送\s*[：:]\s*(?P<names>.+?)[。.]?$")
_PRINTED = re.compile(r"^(?P<by>.*?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")
_LABEL = re.compile(r"^附\s*件\s*(\d*)$")
_REMARK = re.compile(r"^[（(](?P<text>.+)[）)]$")
_CONTACT = re.compile(r"^联系人\s*[：:]\s*(?P<contact>[^，,；;]+?)\s*(?:[，,；;]\s*(?:联系)?电话\s*[：:]\s*(?P<phone>\S+))?$")
_ADDRESSEE_END = ("：", ":")
_SEPARATORS = re.compile(r"[，,、；;]\s*")


@dataclass
class Official:
    """What was read as a 公文: its kind (and why), the outline data, and how the parts were found."""

    kind: str
    reason: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Head:
    fields: dict[str, Any] = field(default_factory=dict)
    marks: list[str] = field(default_factory=list)
    end: int = 0
    decisions: list[str] = field(default_factory=list)


def read_official(paras: list[Para], path: Path, fmt: str, kind: str | None = None,
                  dropped: list[Dropped] | None = None) -> Official | None:
    """The document read as a 公文 (kind ``kind`` when given), or None when it shows none of a
    公文's parts (no 发文字号, no issuer mark, no 版记).

    ``dropped`` holds the lines the cleanup left out: a 版头 above the title looks like a web
    page's furniture (a name over the title), so those lines are taken back when they form one."""
    letter_marks = _first_page_header(path) if fmt == "docx" else []
    first = paras[0].line if paras else 0
    above = [d for d in dropped or [] if d.line < first]
    restored = [Para(d.text, d.line) for d in above]
    head = _head(restored + paras)
    if head.end and restored:
        paras = restored + paras
        for line in above:
            dropped.remove(line)  # type: ignore[union-attr]
    elif restored:
        head = _head(paras)
    record, body_end = _record(paras)
    if not (head.fields.get("doc_number") or _official_mark(head.marks) or letter_marks or record):
        return None
    body = paras[head.end:body_end]
    pages, body = _attachment_pages(body)
    remark, body = _remark(body)
    addressee, body = _addressee(body)
    title = next((p.text for p in body if p.role == "title"), body[0].text if body else "")
    found, reason = _kind(head, letter_marks, title)
    kind = kind or found
    attendance, body = _attendance(body) if kind == "meeting-minutes" else ({}, body)
    signed, body = _order_signature(body) if kind == "order" else ({}, body)
    data = build_numbered(body, "report", markup_only=fmt == "docx" and any(p.role == "heading" for p in body))
    data["kind"] = kind
    _closing(data)
    if kind in ("meeting-minutes", "order"):
        _untitled(data)
    if kind == "meeting-minutes":
        if attendance:
            data["attendance"] = attendance
    marks = letter_marks or head.marks
    if marks:
        data["issuer_mark"] = marks
        where = _("the first page's header") if letter_marks else _("the lines above the 发文字号")
        head.decisions.append("issuer_mark: " + where)
    data.update(head.fields)
    data.update(signed)
    if addressee:
        data["addressee"] = addressee
    data.update(record)
    _attachments(data, pages)
    if remark:
        contact = _CONTACT.match(remark) if kind == "request" else None
        if contact:
            data["contact"] = contact.group("contact")
            if contact.group("phone"):
                data["phone"] = contact.group("phone")
        else:
            data["note"] = remark
    if fmt == "docx" and _sealed(path):
        data["seal"] = True
    decide(data, head.decisions)
    allowed = {name for name in MODELS[kind].__dataclass_fields__}
    return Official(kind, reason, {k: v for k, v in data.items() if k in allowed or k.startswith("__")})


# -- the 版头 -------------------------------------------------------------------------------------

def _head(paras: list[Para]) -> _Head:
    """份号, 密级, 紧急程度, the mark lines and the 发文字号 (with 签发人) above the title."""
    head = _Head()
    fields = head.fields
    index = 0
    while index < min(len(paras), HEAD_WINDOW):
        para = paras[index]
        text = para.text.strip()
        if para.role == "title":
            break
        both = _COPY_AND_NUMBER.match(text)
        signer = _SIGNER.match(text)
        if _COPY.match(text) and "copy_number" not in fields and not head.marks:
            fields["copy_number"] = text
        elif both and _NUMBER.match(both.group("number")) and "doc_number" not in fields:
            fields["copy_number"], fields["doc_number"] = both.group("copy"), _number(both.group("number"))
            head.decisions.append("copy_number, doc_number: " + _("line {line}, on one line (信函格式)").format(
                line=para.line))
        elif _SECRECY.match(text) and "classification" not in fields and not head.marks:
            fields["classification"] = gongwen.classification_text(text)
        elif text in _URGENCY and "urgency" not in fields and not head.marks:
            fields["urgency"] = text
        elif signer and "doc_number" not in fields:
            if signer.group("number"):
                fields["doc_number"] = _number(signer.group("number"))
            fields["signer"] = [n for n in re.split(r"[\s　、，,]+", signer.group("names")) if n]
            head.decisions.append("doc_number, signer: " + _("line {line}, the 发文字号 with 签发人 beside it").format(
                line=para.line))
        elif (_NUMBER.match(text) or (_ISSUE.match(text) and head.marks)) and "doc_number" not in fields:
            fields["doc_number"] = _number(text)
            head.decisions.append("doc_number: " + _("line {line}, the 发文字号 under the mark").format(line=para.line))
        elif "doc_number" not in fields and para.table and "\u3000" in text:
            head.marks.append(text)  # a joint mark's row: name　文件 (the suffix repeated per row)
        elif "doc_number" not in fields and _MARK.match(text) and len(head.marks) < 6:
            head.marks.append(text)
        else:
            break
        index += 1
    head.marks = _joint(head.marks)
    if "doc_number" not in fields and not _official_mark(head.marks):
        return _Head()  # no 版头: the document starts with its title
    head.end = index
    return head


def _number(text: str) -> str:
    """A 发文字号 as drafter prints it (〔2025〕, no 第, no leading zeros); 第3期 as typed."""
    return normalise_doc_number(text.replace(" ", ""), "")


def _official_mark(marks: list[str]) -> bool:
    """A 文件 mark (a ……纪要 line alone is as likely a seminar summary's title: it needs its number)."""
    return bool(marks) and marks[-1].endswith("文件")


def _joint(marks: list[str]) -> list[str]:
    """Joint issuers' table rows "name　文件" → the names, 文件 after the last one. The 文件 cell spans
    the rows: read through python-docx's rows it repeats in each, read as a spanned cell only the
    first row has it."""
    rows = [m.split("\u3000") for m in marks]
    if len(rows) > 1 and all(len(r) == 2 for r in rows) and len({r[1] for r in rows}) == 1:
        return [r[0] for r in rows[:-1]] + [rows[-1][0] + rows[-1][1]]
    if len(rows) > 1 and len(rows[0]) == 2 and all(len(r) == 1 for r in rows[1:]):
        return [rows[0][0]] + [r[0] for r in rows[1:-1]] + [rows[-1][0] + rows[0][1]]
    return [m.replace("\u3000", "") for m in marks]


def _first_page_header(path: Path) -> list[str]:
    """The lines of a DOCX's first-page header (a letter's red mark), if it has one of its own."""
    import docx

    try:
        document = docx.Document(str(path))
    except Exception:  # noqa: BLE001 - the reader has already said what is wrong with the file
        return []
    lines: list[str] = []
    for section in document.sections[:1]:
        if section.different_first_page_header_footer:
            lines = [p.text.strip() for p in section.first_page_header.paragraphs if p.text.strip()]
    return [line for line in lines if _MARK.match(line)]


def _sealed(path: Path) -> bool:
    """Whether a DOCX sets its date as a sealed one (drafter's ``sealed_date`` element)."""
    import docx

    try:
        document = docx.Document(str(path))
    except Exception:  # noqa: BLE001
        return False
    return any(p.style is not None and p.style.name == "sealed_date" for p in document.paragraphs)


# -- the body's edges ----------------------------------------------------------------------------

def _record(paras: list[Para]) -> tuple[dict[str, Any], int]:
    """抄送 and 印发 at the end; the index where the record starts (len when there is none)."""
    record: dict[str, Any] = {}
    end = len(paras)
    while end > 0:
        text = paras[end - 1].text.strip()
        cc, printed = _CC.match(text), _PRINTED.match(text)
        if cc and "cc" not in record:
            record["cc"] = [n for n in _SEPARATORS.split(cc.group("names").rstrip("。")) if n]
        elif printed and "printed_on" not in record:
            if printed.group("by").strip():
                record["printed_by"] = printed.group("by").strip()
            record["printed_on"] = parse_date(printed.group("date").replace(" ", ""))
        else:
            break
        end -= 1
    return record, end


def _attachment_pages(body: list[Para]) -> tuple[list[dict[str, Any]], list[Para]]:
    """The 附件 pages at the end of the body (附件N, its title, its text), and the body before them."""
    starts = [i for i, p in enumerate(body) if _LABEL.match(p.text.strip()) and i > 0]
    if not starts:
        return [], body
    pages = []
    bounds = [*starts, len(body)]
    for start, stop in zip(bounds, bounds[1:]):
        content = body[start + 1:stop]
        if not content:
            continue
        line = content[0].line
        title = "".join(p.text for p in content if p.line == line)  # a long title's lines: one paragraph
        rest = [p for p in content if p.line != line]
        builder = SectionBuilder("notice", markup_only=any(p.role == "heading" for p in rest), body=rest)
        for para in rest:
            builder.feed(para)
        paragraphs, sections, _ = builder.finish(closing=False)
        page: dict[str, Any] = {"title": title}
        if paragraphs:
            page["paragraphs"] = paragraphs
        if sections:
            page["sections"] = sections
        pages.append(page)
    return pages, body[:starts[0]]


def _remark(body: list[Para]) -> tuple[str | None, list[Para]]:
    """The 附注 in brackets on the line under the date, and the body without it."""
    if len(body) > 1 and parse_date(body[-2].text) and _REMARK.match(body[-1].text.strip()):
        return _REMARK.match(body[-1].text.strip()).group("text").strip(), body[:-1]  # type: ignore[union-attr]
    return None, body


def _addressee(body: list[Para]) -> tuple[str | None, list[Para]]:
    """主送: the line after the title ending in "：" (not a heading, not a sentence)."""
    index = next((i for i, p in enumerate(body) if p.role == "title"), 0)
    if index + 1 < len(body):
        para = body[index + 1]
        text = para.text.strip()
        if text.endswith(_ADDRESSEE_END) and len(text) <= 80 and para.role in (None, "salutation") \
                and not re.search(r"[。！？]", text):
            return text.rstrip("：:"), body[:index + 1] + body[index + 2:]
    return None, body


def _attachments(data: dict[str, Any], pages: list[dict[str, Any]]) -> None:
    """The 附件说明's titles, each with its page's text when the document carries one."""
    titles = list(data.get("attachments", []))
    by_title = {page["title"]: page for page in pages}
    items: list[Any] = [by_title.pop(t) if t in by_title and len(by_title[t]) > 1 else t for t in titles]
    items += [page for page in by_title.values() if len(page) > 1 and page not in items]
    if items:
        data["attachments"] = items


_ATTEND = re.compile(r"^(出席|请假|列席)\s*[：:]\s*(.+)$")
_ATTEND_KEYS = {"出席": "present", "请假": "absent", "列席": "attending"}


def _attendance(body: list[Para]) -> tuple[dict[str, list[str]], list[Para]]:
    """The 出席/请假/列席 lines of a meeting's minutes, and the body without them."""
    attendance: dict[str, list[str]] = {}
    kept = []
    for para in body:
        match = _ATTEND.match(para.text.strip()) if para.role in (None, "attendance") else None
        if match:
            names = [n for n in re.split(r"[、，,；;]\s*", match.group(2).rstrip("。")) if n]
            attendance.setdefault(_ATTEND_KEYS[match.group(1)], []).extend(names)
        else:
            kept.append(para)
    return attendance, kept


_SIGNED = re.compile(r"^(?:(?P<title>\S{1,12}?)[\s\u3000]{2,})?(?P<name>[^\s\u3000，。]{2,8}(?:[\s\u3000][^\s\u3000，。]{2,8})*)$")


def _order_signature(body: list[Para]) -> tuple[dict[str, Any], list[Para]]:
    """An order's end: the signer's title and name (市长　　王志远) and the date under them."""
    if len(body) > 2 and parse_date(body[-1].text):
        signed = _SIGNED.match(body[-2].text.strip())
        if signed:
            fields: dict[str, Any] = {"date": parse_date(body[-1].text),
                                      "signer": [n for n in re.split(r"[\s\u3000]+", signed.group("name")) if n]}
            if signed.group("title"):
                fields["signer_title"] = signed.group("title")
            return fields, body[:-2]
    return {}, body


_CLOSING = re.compile(r"^(?:特此(?:通知|通报|报告|函告|函商|函复|函达|批复|请示)|妥否，请批示|当否，请批示|"
                      r"妥否，请批复|请予审批|请予批准|此复)[。！]?$")


def _closing(data: dict[str, Any]) -> None:
    """A plain copy has no closing style: the 公文's set closing line (特此通知。 妥否，请批示。)
    ending the text is its closing."""
    if data.get("closing"):
        return
    holder: dict[str, Any] | None = None
    node = data
    while node.get("sections"):
        node = node["sections"][-1]
    texts = node.get("paragraphs") if node is not data else data.get("opening")
    holder = node
    if texts and _CLOSING.match(texts[-1]):
        data["closing"] = [texts.pop()]
        if holder is data:
            data["opening"] = texts


def _untitled(data: dict[str, Any]) -> None:
    """Minutes and orders need no title: the placeholder and its note go when none was found."""
    if data.get("title") == "（无题）":
        del data["title"]
        data.get("__notes__", {}).pop("title", None)


# -- the kind ------------------------------------------------------------------------------------

def _kind(head: _Head, letter_marks: list[str], title: str) -> tuple[str, str]:
    """The 公文 kind the parts show, and why."""
    number = head.fields.get("doc_number", "")
    if letter_marks:
        return "letter", _("the issuer's mark in the first page's header (信函格式)")
    if re.search(r"函〔", number) or title.endswith("的函"):
        return "letter", _("the number or title of a letter ({text})").format(text=number or title)
    if head.marks and head.marks[-1].endswith("令") and re.match(r"^第\d+号$", number):
        return "order", _("the mark {mark} and the order's number {number}").format(mark=head.marks[-1], number=number)
    if head.marks and head.marks[-1].endswith("纪要"):
        return "meeting-minutes", _("the mark {mark}").format(mark=head.marks[-1])
    if title.endswith("请示"):
        return "request", _("the title '{title}' names a request (请示)").format(title=title[:24])
    if re.search(r"报告$", title):
        return "report", _("the title '{title}' names a report, with a 公文 header").format(title=title[:24])
    return "notice", _("a 公文 header (发文字号 or issuer mark) or record (抄送, 印发)")
