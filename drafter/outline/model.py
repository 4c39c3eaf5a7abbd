"""The document model: frozen dataclasses that are also the declared outline schema.

Each field's type hint says what the outline may hold there and its ``doc`` metadata says what
it means; :mod:`drafter.outline.schema` reads both to validate outlines, to produce JSON Schema and to
document the keys. Defaults make a key optional; a field without a default is required.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from drafter.i18n import N_
from drafter.outline.content import Figure, Point, Table
from drafter.outline.fields import Paragraphs, key


@dataclass(frozen=True)
class Section:
    """A section of the body; sections nest (level 1 一、, 2 （一）, 3 1., 4 （1）)."""

    heading: str = key(
        N_("Heading text without its number: drafter numbers headings from their position."),
        example="深化认识、提高站位，深刻领会会议精神的时代内涵",
    )
    paragraphs: Paragraphs = key(N_("Body paragraphs of the section, in order."), (),
                                 example=["在这里写本节的正文，一段一项。"])
    points: tuple[str | Point, ...] = key(
        N_("Parallel points: 一是……；二是……；三是……。 A point may be {lead, text}: 一要lead。text"), ()
    )
    points_marker: str = key(
        N_("The verb after the ordinal in points: 是 gives 一是, 要 gives 一要."), "是"
    )
    sections: tuple[Section, ...] = key(N_("Subsections, numbered one level down."), ())
    points_each: bool = key(N_("true: one paragraph per point (一是……。 on its own line); false: all in one."),
                            False)
    body: tuple[str | Content, ...] = key(
        N_("The section's content in the order written, instead of paragraphs/points/sections: "
        "text (a paragraph) or one of paragraph, points, table, figure, quote, section."), (),
        example=["正文一段[^note1]。",
                 {"points": ["压实工作责任", {"lead": "加强统筹协调", "text": "建立联席会议制度"}], "each": True},
                 {"table": {"caption": "重点项目进展情况表",
                            "rows": [["项目", "计划投资（亿元）", "完成投资（亿元）"], ["老旧小区改造", "12.50", "10.20"]],
                            "notes": ["数据为初步统计。"]}},
                 {"figure": {"file": "figures/chart.png", "caption": "投资完成情况", "width": "80%"}},
                 {"quote": "引用的原文。"},
                 {"section": {"heading": "下一级标题", "body": ["小节正文。"]}},
                 "小节之后接着写的一段。"])
    inline: bool | None = key(
        N_("true: the heading is the lead sentence of the first paragraph; false: on its own line. "
        "Unset: the kind decides (speeches run level 2 in)."),
        None,
    )


@dataclass(frozen=True)
class Content:
    """One item of an ordered section body: exactly one of paragraph, points, table, figure,
    quote or section (points may add marker and each)."""

    paragraph: str | None = key(N_("A body paragraph."), None)
    points: tuple[str | Point, ...] | None = key(N_("Parallel points 一是……；二是……。"), None)
    marker: str = key(N_("With points: the verb after the ordinal (是 gives 一是, 要 gives 一要)."), "是")
    each: bool = key(N_("With points: one paragraph per point instead of one for all."), False)
    table: Table | None = key(N_("A table."), None)
    figure: Figure | None = key(N_("A figure (image) with its caption."), None)
    quote: str | None = key(N_("A quotation set apart from the body text."), None)
    section: Section | None = key(N_("A subsection, numbered one level down by its place among subsections."),
                                  None)


CONTENT_KINDS = ("paragraph", "points", "table", "figure", "quote", "section")
"""The keys of :class:`Content` of which an item holds exactly one."""

Footnotes = dict[str, str]


@dataclass(frozen=True)
class Speech:
    """A speech at a meeting or seminar (讲话稿、研讨会发言)."""

    kind: Literal["speech"] = key(N_("The kind of document."), example="speech")
    title: str = key(N_("Main title."), example="深学笃行新思想，擘画城市新蓝图")
    subtitle: str | None = key(
        N_("Occasion line under the title, without the leading dash: 在……上的讲话."), None
    )
    speaker: str | None = key(N_("Speaker's name, centred under the title."), None)
    date: dt.date | None = key(N_("Date of delivery, rendered （2025年7月18日）."), None)
    salutation: str | None = key(N_("Salutation such as 同志们; rendered 同志们：."), None)
    opening: Paragraphs = key(N_("Opening paragraphs before the first section."), ())
    sections: tuple[Section, ...] = key(N_("The numbered sections of the body."), ())
    closing: Paragraphs = key(N_("Closing paragraphs, e.g. 谢谢大家！"), ())
    footnotes: Footnotes = key(N_("Footnotes by name: text marks each with [^name], drafter numbers them."), None,
                               example={"note1": "脚注的内容。"})
    department: str | None = key(
        N_("Department pack to render with: a folder, relative to this outline."), None
    )


# -- the other kinds' outlines (registered in drafter.outline.kinds once their templates exist) --------


@dataclass(frozen=True)
class PartyLecture:
    """A party lecture (党课): label and title, source line, sections with run-in level-2 items."""

    kind: Literal["party-lecture"] = key(N_("The kind of document."), example="party-lecture")
    title: str = key(N_("Main title, shown after the label: 党课：<title>."), example="坚持以新型城镇化引领城乡融合发展")
    label: str | Literal[False] = key(N_("Label before the title: 党课 (default), 专题党课…; false hides it."), "党课")
    subtitle: str | None = key(N_("Line under the title."), None)
    speaker: str | None = key(N_("Lecturer's name."), None)
    source: str | None = key(N_("Source or occasion line, e.g. 在局机关党支部专题党课上的辅导."), None)
    date: dt.date | None = key(N_("Date of the lecture."), None)
    salutation: str | None = key(N_("Salutation such as 同志们; rendered 同志们：."), None)
    opening: Paragraphs = key(N_("Opening paragraphs before the first section."), ())
    sections: tuple[Section, ...] = key(N_("The numbered sections of the body."), ())
    closing: Paragraphs = key(N_("Closing paragraphs."), ())
    footnotes: Footnotes = key(N_("Footnotes by name: text marks each with [^name], drafter numbers them."), None,
                               example={"note1": "脚注的内容。"})
    department: str | None = key(N_("Department pack to render with: a folder, relative to this outline."), None)


@dataclass(frozen=True)
class Meeting:
    """Facts of a meeting."""

    name: str | None = key(N_("Name of the meeting."), None)
    date: dt.date | None = key(N_("Date of the meeting."), None)
    place: str | None = key(N_("Where it was held."), None)
    host: str | None = key(N_("Who hosted or chaired it."), None)
    organiser: str | None = key(N_("Who organised it."), None)


@dataclass(frozen=True)
class Speaker:
    """One speaker's block in minutes: heading line, then remarks."""

    name: str = key(N_("Speaker's name."), example="王晓明")
    affiliation: str | None = key(N_("Organisation, e.g. 中国城市规划设计研究院."), None)
    position: str | None = key(N_("Position, e.g. 副院长、研究员."), None)
    topic: str | None = key(N_("Topic of the remarks, shown after the colon."), None)
    remarks: Paragraphs = key(N_("What the speaker said, as paragraphs."), ())
    points: Paragraphs = key(N_("Points rendered as one paragraph 一是……；二是……。"), ())


@dataclass(frozen=True)
class Attendance:
    """Attendance lists of a meeting (出席/列席/请假)."""

    present: Paragraphs = key(N_("出席: names (or groups) present."), ())
    attending: Paragraphs = key(N_("列席: names attending without a vote."), ())
    absent: Paragraphs = key(N_("请假: names excused."), ())


@dataclass(frozen=True)
class Minutes:
    """Seminar minutes or summary (座谈会纪要/综述): meeting facts, speakers in order, consensus."""

    kind: Literal["minutes"] = key(N_("The kind of document."), example="minutes")
    title: str = key(N_("Title of the minutes."), example="推进城乡融合发展座谈会综述")
    subtitle: str | None = key(N_("Line under the title."), None)
    meeting: Meeting | None = key(N_("Meeting facts: name, date, place, host."), None)
    opening: Paragraphs = key(N_("Opening paragraphs on the theme of the meeting."), ())
    speakers: tuple[Speaker, ...] = key(N_("One block per speaker, in the order given."), ())
    consensus: Paragraphs = key(N_("Closing consensus, e.g. 与会专家一致认为……"), ())
    attendance: Attendance | None = key(N_("出席/列席/请假 lists."), None)
    issuer: str | None = key(N_("Who issues the minutes (signature line)."), None)
    date: dt.date | None = key(N_("Date of issue."), None)
    footnotes: Footnotes = key(N_("Footnotes by name: text marks each with [^name], drafter numbers them."), None,
                               example={"note1": "脚注的内容。"})
    department: str | None = key(N_("Department pack to render with: a folder, relative to this outline."), None)


@dataclass(frozen=True)
class Author:
    """An author of an article."""

    name: str = key(N_("Author's name."), example="张华")
    affiliation: str | None = key(N_("Author's institution."), None)


@dataclass(frozen=True)
class EnglishFront:
    """The English title block of a Chinese article."""

    title: str = key(N_("English title."), example="On Urban-Rural Integration")
    authors: tuple[str, ...] = key(N_("Author names in English."), ())
    abstract: Paragraphs = key(N_("English abstract."), ())
    keywords: tuple[str, ...] = key(N_("English keywords."), ())


@dataclass(frozen=True)
class Article:
    """A research article (学术论文): authors, abstract, keywords, sections 一、 then 1., references."""

    kind: Literal["article"] = key(N_("The kind of document."), example="article")
    title: str = key(N_("Title of the article."), example="城乡融合发展的理论逻辑与实践路径")
    subtitle: str | None = key(N_("Subtitle."), None)
    authors: tuple[Author, ...] = key(N_("Authors with affiliations."), ())
    abstract: Paragraphs = key(N_("摘要: the abstract."), ())
    keywords: tuple[str, ...] = key(N_("关键词: keywords, joined with ；."), ())
    classification: str | None = key(N_("中图分类号 and similar identifiers line."), None)
    fund: str | None = key(N_("基金项目 note."), None)
    author_note: str | None = key(N_("作者简介 note."), None)
    opening: Paragraphs = key(N_("Introduction before the first numbered section."), ())
    sections: tuple[Section, ...] = key(N_("Numbered sections: 一、 then 1. then （1）."), ())
    references: tuple[str, ...] = key(N_("References, numbered [1], [2], …."), ())
    english: EnglishFront | None = key(N_("English title, authors, abstract and keywords."), None)
    footnotes: Footnotes = key(N_("Footnotes by name: text marks each with [^name], drafter numbers them."), None,
                               example={"note1": "脚注的内容。"})
    department: str | None = key(N_("Department pack to render with: a folder, relative to this outline."), None)


@dataclass(frozen=True)
class Commentary:
    """An English commentary: title, date, body with optional headings, byline."""

    kind: Literal["commentary"] = key(N_("The kind of document."), example="commentary")
    title: str = key(N_("Title."), example="Why Smaller Cities Matter")
    date: dt.date | None = key(N_("Date of publication."), None)
    author: str | None = key(N_("Author's name for the byline."), None)
    affiliation: str | None = key(N_("Author's affiliation or description for the byline."), None)
    paragraphs: Paragraphs = key(N_("Body paragraphs before any headed section."), ())
    sections: tuple[Section, ...] = key(N_("Headed sections (unnumbered)."), ())
    editor: str | None = key(N_("Editor line."), None)
    source: str | None = key(N_("Source line."), None)
    footnotes: Footnotes = key(N_("Footnotes by name: text marks each with [^name], drafter numbers them."), None,
                               example={"note1": "脚注的内容。"})
    department: str | None = key(N_("Department pack to render with: a folder, relative to this outline."), None)


@dataclass(frozen=True)
class Report:
    """A work or research report (工作报告/调研报告): headings on their own lines, signature."""

    kind: Literal["report"] = key(N_("The kind of document."), example="report")
    title: str = key(N_("Title of the report."), example="关于2025年城市更新工作情况的报告")
    subtitle: str | None = key(N_("Line under the title."), None)
    addressee: str | None = key(N_("主送: to whom the report is addressed, e.g. 市人民政府."), None)
    issuer: str | None = key(N_("Issuing body, used as the signature."), None)
    date: dt.date | None = key(N_("Date of the report (signature date)."), None)
    toc: bool = key(N_("Put a table of contents after the title."), False)
    opening: Paragraphs = key(N_("Opening paragraphs before the first section."), ())
    sections: tuple[Section, ...] = key(N_("Sections: 一、 （一） 1. （1） on their own lines."), ())
    closing: Paragraphs = key(N_("Closing paragraphs."), ())
    attachments: tuple[str, ...] = key(N_("附件: attachment titles, numbered 1. 2. …."), ())
    signature: str | None = key(N_("Signature (default: the issuer)."), None)
    footnotes: Footnotes = key(N_("Footnotes by name: text marks each with [^name], drafter numbers them."), None,
                               example={"note1": "脚注的内容。"})
    department: str | None = key(N_("Department pack to render with: a folder, relative to this outline."), None)
