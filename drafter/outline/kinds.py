"""The registry of outline kinds: for each, its model, template, style profile and numbering."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.i18n import N_, _
from drafter.outline import gongwen, model
from drafter.text.numbering import ARTICLE_LEVELS, GBT9704_LEVELS


@dataclass(frozen=True)
class Kind:
    """What drafter needs to know to render one kind of document."""

    name: str
    model: type
    source_description: str
    """The one-line description as declared here (English, the catalog's message id)."""
    template: str
    profile: str = "gbt9704"
    numbering: tuple[str, ...] = GBT9704_LEVELS
    """Heading number formats by level ({zh}: 一, {n}: 1); the length is the deepest level."""
    inline_levels: frozenset[int] = frozenset()
    """Levels whose headings run in as the lead sentence of their first paragraph by default."""
    language: str = "zh"
    """``zh``: Chinese punctuation is made full-width; ``en``: text is left as typed."""
    max_depth: int | None = None
    """How deep sections may nest; default: one level per numbering format (commentary: 2, unnumbered)."""

    @property
    def description(self) -> str:
        """The one-line description in the current language (``drafter kinds``, the schema)."""
        return _(self.source_description)

    @property
    def depth(self) -> int:
        """The deepest section level an outline of this kind may use."""
        return self.max_depth if self.max_depth is not None else len(self.numbering)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "speech", model.Speech,
            N_("A speech at a meeting or seminar: title, occasion, salutation, numbered sections, closing."),
            "speech.j2", inline_levels=frozenset({2}),
        ),
        Kind(
            "party-lecture", model.PartyLecture,
            N_("A party lecture (党课): 党课：title, source line, sections 一、 with run-in （一） items, closing."),
            "party-lecture.j2", inline_levels=frozenset({2}),
        ),
        Kind(
            "minutes", model.Minutes,
            N_("Seminar minutes or summary (座谈会纪要/综述): meeting facts, one block per speaker, consensus, attendance."),
            "minutes.j2",
        ),
        Kind(
            "article", model.Article,
            N_("A research article (学术论文): authors, 摘要, 关键词, sections 一、 then 1., references, English block."),
            "article.j2", numbering=ARTICLE_LEVELS,
        ),
        Kind(
            "commentary", model.Commentary,
            N_("An English commentary: title, date, body with unnumbered headings, byline, editor and source."),
            "commentary.j2", profile="english", numbering=(), language="en", max_depth=2,
        ),
        Kind(
            "report", gongwen.Report,
            N_("A work or research report (工作报告/调研报告): addressee, headings 一、（一）1.（1） on their own lines, attachments, signature."),
            "report.j2",
        ),
        Kind(
            "notice", gongwen.Notice,
            N_("A notice (通知) in the GB/T 9704 文件格式: red issuer mark, 发文字号, red line, text, 附件, 版记 on an even page."),
            "notice.j2",
        ),
        Kind(
            "request", gongwen.Request,
            N_("A request to a superior (请示), a 上行文: 发文字号 with 签发人, one matter, 附注 with the contact person."),
            "request.j2",
        ),
        Kind(
            "letter", gongwen.Letter,
            N_("A letter (函) in the 信函格式: red mark at the top of the page, red double lines, number flush right."),
            "letter.j2",
        ),
        Kind(
            "meeting-minutes", gongwen.MeetingMinutes,
            N_("Meeting minutes in the 纪要格式 (会议纪要): red ……纪要 mark, decisions in sections, attendance, 版记."),
            "meeting-minutes.j2",
        ),
        Kind(
            "order", gongwen.Order,
            N_("An order (命令/令) in the 命令格式: red ……令 mark 20 mm down, 令号, text, signer's title and name, 版记."),
            "order.j2",
        ),
    )
}
