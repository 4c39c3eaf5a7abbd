"""The 公文 kinds of GB/T 9704-2012: notice (通知), request (请示), letter (函), meeting minutes (纪要),
order (命令/令).

Each carries the three parts of an official document as flat outline keys, named alike in every
kind (and in ``report``, which gains them too):

- 版头: ``copy_number`` 份号, ``classification`` 密级和保密期限, ``urgency`` 紧急程度,
  ``issuer_mark`` 发文机关标志, ``doc_number`` 发文字号, ``signer`` 签发人 (上行文);
- 主体: ``title``, ``addressee`` 主送, the text, ``attachments`` 附件, ``issuer`` and ``date``,
  ``seal`` (room for the seal), ``note`` 附注;
- 版记: ``cc`` 抄送, ``printed_by`` and ``printed_on`` 印发机关和印发日期.

The checks below refuse values of the right type that no office would send (a 份号 that is
not digits, a 密级 without its level word); they are reported at the value's line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from drafter.i18n import N_, _
from drafter.outline import model
from drafter.outline.model import Attendance, Paragraphs, Section, key

SECRECY_LEVELS = ("绝密", "机密", "秘密")
URGENCY = Literal["特急", "加急", "特提", "平急"]


def check_copy_number(value: str) -> str | None:
    """份号: one to six Arabic digits (drafter pads them to six)."""
    if not re.fullmatch(r"[0-9]{1,6}", value):
        return _("copy_number {value!r} is not a copy number: write one to six digits such as 000123").format(
            value=value)
    return None


def check_classification(value: str) -> str | None:
    """密级和保密期限: starts with 绝密, 机密 or 秘密, optionally ★ and a period (机密★1年)."""
    if not value.startswith(SECRECY_LEVELS):
        return _("classification {value!r} names no secrecy level: start with {levels}, optionally followed by "
                 "★ and a period (机密★1年)").format(value=value, levels=", ".join(SECRECY_LEVELS))
    return None


def copy_number_text(value: str) -> str:
    """A copy number as it is printed: six digits, zero-padded."""
    return value.zfill(6)


def classification_text(value: str) -> str:
    """机密*1年 / 机密 ★ 1年 → 机密★1年 (the star as the standard prints it)."""
    level = next(w for w in SECRECY_LEVELS if value.startswith(w))
    rest = value[len(level):].strip().lstrip("*＊☆★ ").strip()
    return f"{level}★{rest}" if rest else level


@dataclass(frozen=True)
class Attachment:
    """An attachment (附件) that carries its own pages: its title and its text."""

    title: str = key(N_("Title of the attachment, shown in the 附件说明 and on its first page."),
                     example="城市体检指标体系")
    paragraphs: Paragraphs = key(N_("The attachment's text, as paragraphs."), ())
    sections: tuple[Section, ...] = key(N_("Numbered sections of the attachment."), ())


Attachments = tuple[str | Attachment, ...]

# One definition of each shared key, used by every 公文 kind (and report): the same name, type
# and documentation everywhere. Functions, because a dataclass field object serves one class.


def _copy_number() -> str | None:
    return key(N_("份号: copy number, digits (printed as six, 000123)."), None, check=check_copy_number)


def _classification() -> str | None:
    return key(N_("密级和保密期限: 机密★1年, 秘密, 绝密★长期."), None, check=check_classification)


def _urgency() -> URGENCY | None:
    return key(N_("紧急程度: 特急 or 加急."), None)


def _issuer_mark() -> Paragraphs:
    return key(N_("发文机关标志: the red mark, e.g. 江城市自然资源和规划局文件; a list stacks joint issuers. "
               "Default: the department pack's."), ())


def _doc_number() -> str | None:
    return key(N_("发文字号: 江规发〔2025〕12号 (typed [2025], (2025) or 012 are corrected; without a prefix "
               "the pack's doc_prefix is put before it)."), None)


def _signer() -> Paragraphs:
    return key(N_("签发人: who signed it off (上行文: 请示, 报告); one or more names."), ())


def _seal() -> bool:
    return key(N_("true: the document is sealed: the date moves right 4 characters, room is kept for the seal."),
               False)


def _note() -> str | None:
    return key(N_("附注: e.g. 此件公开发布, printed in full-width brackets below the date."), None)


def _cc() -> Paragraphs:
    return key(N_("抄送: who receives copies (版记). Default: the department pack's."), ())


def _printed_by() -> str | None:
    return key(N_("印发机关: who printed it (版记), e.g. 江城市自然资源和规划局办公室."), None)


def _printed_on() -> dt.date | None:
    return key(N_("印发日期 (版记); not before the date of the document."), None)


def _footnotes() -> model.Footnotes:
    return key(N_("Footnotes by name: text marks each with [^name], drafter numbers them."), None,
               example={"note1": "脚注的内容。"})


def _department() -> str | None:
    return key(N_("Department pack to render with: a folder, relative to this outline."), None)


@dataclass(frozen=True)
class Notice:
    """A notice (通知) in the 文件格式: red header, number, red line, text, 版记 on an even page."""

    kind: Literal["notice"] = key(N_("The kind of document."), example="notice")
    title: str = key(N_("Title, e.g. 关于开展2025年城市体检工作的通知."), example="关于开展城市体检工作的通知")
    copy_number: str | None = _copy_number()
    classification: str | None = _classification()
    urgency: URGENCY | None = _urgency()
    issuer_mark: Paragraphs = _issuer_mark()
    doc_number: str | None = _doc_number()
    addressee: str | None = key(N_("主送机关: to whom it is sent, e.g. 各区人民政府，市各有关单位."), None)
    opening: Paragraphs = key(N_("Paragraphs before the first section."), ())
    sections: tuple[Section, ...] = key(N_("Sections: 一、 （一） 1. （1） on their own lines."), ())
    closing: Paragraphs = key(N_("Closing paragraphs, e.g. 特此通知。"), ())
    attachments: Attachments = key(N_("附件: titles, or mappings with title and paragraphs that get pages of "
                                   "their own."), ())
    issuer: str | None = key(N_("发文机关署名: the signature."), None)
    date: dt.date | None = key(N_("成文日期: the date of the document."), None)
    seal: bool = _seal()
    note: str | None = _note()
    cc: Paragraphs = _cc()
    printed_by: str | None = _printed_by()
    printed_on: dt.date | None = _printed_on()
    footnotes: model.Footnotes = _footnotes()
    department: str | None = _department()


@dataclass(frozen=True)
class Request:
    """A request to a superior (请示), a 上行文: 签发人 beside the number, one matter, a contact note."""

    kind: Literal["request"] = key(N_("The kind of document."), example="request")
    title: str = key(N_("Title, e.g. 关于……的请示."), example="关于安排城市更新专项资金的请示")
    copy_number: str | None = _copy_number()
    classification: str | None = _classification()
    urgency: URGENCY | None = _urgency()
    issuer_mark: Paragraphs = _issuer_mark()
    doc_number: str | None = _doc_number()
    signer: Paragraphs = _signer()
    addressee: str | None = key(N_("主送机关: the one superior body asked, e.g. 市人民政府."), None)
    opening: Paragraphs = key(N_("Paragraphs before the first section."), ())
    sections: tuple[Section, ...] = key(N_("Sections: 一、 （一） 1. （1） on their own lines."), ())
    closing: Paragraphs = key(N_("Closing paragraphs, e.g. 妥否，请批示。"), ())
    attachments: Attachments = key(N_("附件: titles, or mappings with title and paragraphs."), ())
    issuer: str | None = key(N_("发文机关署名: the signature."), None)
    date: dt.date | None = key(N_("成文日期: the date of the document."), None)
    seal: bool = _seal()
    contact: str | None = key(N_("联系人: the person to call about it (附注)."), None)
    phone: str | None = key(N_("联系电话 (附注)."), None)
    note: str | None = _note()
    cc: Paragraphs = _cc()
    printed_by: str | None = _printed_by()
    printed_on: dt.date | None = _printed_on()
    footnotes: model.Footnotes = _footnotes()
    department: str | None = _department()


@dataclass(frozen=True)
class Letter:
    """A letter (函) in the 信函格式: mark at the page top, red double lines, number flush right."""

    kind: Literal["letter"] = key(N_("The kind of document."), example="letter")
    title: str = key(N_("Title, e.g. 关于……的函."), example="关于商请支持历史街区保护工作的函")
    copy_number: str | None = _copy_number()
    classification: str | None = _classification()
    urgency: URGENCY | None = _urgency()
    issuer_mark: Paragraphs = key(N_("发文机关标志: the issuer's name in red (a letter's mark has no 文件). "
                                  "Default: the department pack's full name."), ())
    doc_number: str | None = _doc_number()
    addressee: str | None = key(N_("主送机关: to whom the letter goes."), None)
    opening: Paragraphs = key(N_("Paragraphs before the first section."), ())
    sections: tuple[Section, ...] = key(N_("Sections: 一、 （一） 1. （1） on their own lines."), ())
    closing: Paragraphs = key(N_("Closing paragraphs, e.g. 特此函商。"), ())
    attachments: Attachments = key(N_("附件: titles, or mappings with title and paragraphs."), ())
    issuer: str | None = key(N_("发文机关署名: the signature."), None)
    date: dt.date | None = key(N_("成文日期: the date of the letter."), None)
    seal: bool = _seal()
    note: str | None = _note()
    cc: Paragraphs = _cc()
    footnotes: model.Footnotes = _footnotes()
    department: str | None = _department()


@dataclass(frozen=True)
class MeetingMinutes:
    """Minutes of a meeting in the 纪要格式: the red ……纪要 mark, decisions, attendance, 版记."""

    kind: Literal["meeting-minutes"] = key(N_("The kind of document."), example="meeting-minutes")
    issuer_mark: Paragraphs = key(N_("标志: the red mark, e.g. 江城市规划委员会会议纪要."),
                                  example=["江城市规划委员会会议纪要"])
    title: str | None = key(N_("Title under the red line (many minutes have none)."), None)
    copy_number: str | None = _copy_number()
    classification: str | None = _classification()
    urgency: URGENCY | None = _urgency()
    doc_number: str | None = key(N_("Number under the mark, e.g. 第5期 or 江规纪〔2025〕5号."), None)
    opening: Paragraphs = key(N_("Opening paragraphs: when, where, who chaired, what was discussed."), ())
    sections: tuple[Section, ...] = key(N_("What the meeting decided: sections 一、 （一） …."), ())
    closing: Paragraphs = key(N_("Closing paragraphs."), ())
    attendance: Attendance | None = key(N_("出席/列席/请假 lists."), None)
    attachments: Attachments = key(N_("附件: titles, or mappings with title and paragraphs."), ())
    issuer: str | None = key(N_("Who issues the minutes (signature line)."), None)
    date: dt.date | None = key(N_("Date of the minutes."), None)
    cc: Paragraphs = _cc()
    printed_by: str | None = _printed_by()
    printed_on: dt.date | None = _printed_on()
    footnotes: model.Footnotes = _footnotes()
    department: str | None = _department()


@dataclass(frozen=True)
class Order:
    """An order (命令/令) in the 命令格式: the red ……令 mark, the 令号, the text, the signer's title and name."""

    kind: Literal["order"] = key(N_("The kind of document."), example="order")
    issuer_mark: Paragraphs = key(N_("发文机关标志: the issuer's full name and 令 or 命令, e.g. 江城市人民政府令. "
                                  "Default: the department pack's full name and 令."), (), example=["江城市人民政府令"])
    doc_number: str | None = key(N_("令号: the order's number, e.g. 第12号."), None, example="第12号")
    title: str | None = key(N_("Title under the 令号 (most orders have none)."), None)
    opening: Paragraphs = key(N_("The order's text, e.g. 《……办法》已经……通过，现予公布，自……起施行。"), ())
    sections: tuple[Section, ...] = key(N_("Sections: 一、 （一） 1. （1） on their own lines."), ())
    closing: Paragraphs = key(N_("Closing paragraphs."), ())
    signer_title: str | None = key(N_("签发人职务: the signer's post, printed before the name, e.g. 市长."), None)
    signer: Paragraphs = key(N_("签发人: who signs the order (the 签名章), e.g. 李明."), ())
    date: dt.date | None = key(N_("成文日期: the date of the order."), None)
    cc: Paragraphs = _cc()
    printed_by: str | None = _printed_by()
    printed_on: dt.date | None = _printed_on()
    footnotes: model.Footnotes = _footnotes()
    department: str | None = _department()


@dataclass(frozen=True)
class Report(model.Report):
    """A work or research report (工作报告/调研报告); sent up to a superior it is a 上行文 with the
    公文 header (签发人 beside the number) and record."""

    attachments: Attachments = key(N_("附件: titles, or mappings with title and paragraphs that get pages of "
                                   "their own."), ())
    copy_number: str | None = _copy_number()
    classification: str | None = _classification()
    urgency: URGENCY | None = _urgency()
    issuer_mark: Paragraphs = _issuer_mark()
    doc_number: str | None = _doc_number()
    signer: Paragraphs = _signer()
    seal: bool = _seal()
    note: str | None = _note()
    cc: Paragraphs = _cc()
    printed_by: str | None = _printed_by()
    printed_on: dt.date | None = _printed_on()
