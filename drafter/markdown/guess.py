"""Guess the kind of a Markdown draft whose front matter does not name it, and say why."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.i18n import _
from drafter.markdown import head

_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Guess:
    """A kind and the evidence for it (shown to the writer)."""

    kind: str
    reason: str


def guess_kind(title: str, head_lines: list[str], headings: list[str], body: list[str]) -> Guess:
    """The most likely kind from the title, the short lines under it, the headings and the body text."""
    text = title + "".join(head_lines) + "".join(headings) + "".join(body)
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    if latin > 3 * han:
        return Guess("commentary", _("the text is English ({share}% Latin letters)").format(
            share=round(100 * latin / max(1, latin + han))))
    if re.search(r"纪要|综述|发言摘编", title):
        return Guess("minutes", _("the title '{title}' names minutes").format(title=title[:20]))
    if "党课" in title or any("党课" in line for line in head_lines):
        return Guess("party-lecture", _("the title or the line under it says 党课"))
    labels = [line for line in head_lines + body[:3] if head.abstract(line) or head.keywords(line)]
    if labels or any(re.fullmatch(r"摘\s*要|关键词|参考文献", h) for h in headings):
        return Guess("article", _("it has 摘要/关键词 lines") if labels else _("it has a 摘要, 关键词 or 参考文献 heading"))
    for line in head_lines:
        spoken = head.occasion(line)
        if spoken and re.search(r"讲话|发言|致辞|主持词", spoken):
            return Guess("speech", _("the occasion line '{line}'").format(line=spoken[:24]))
        if head.salutation(line):
            return Guess("speech", _("the salutation '{line}'").format(line=line))
    if re.search(r"讲话|发言|致辞|主持词|讲稿", title):
        return Guess("speech", _("the title '{title}' names a speech").format(title=title[:24]))
    if body and re.match(r"^谢谢(?:大家|各位)?[！!。]?$", body[-1]):
        return Guess("speech", _("it closes with '{line}'").format(line=body[-1]))
    if re.search(r"报告|汇报|总结|方案|意见|情况", title):
        return Guess("report", _("the title '{title}' names a report").format(title=title[:24]))
    if head_lines and head.addressee(head_lines[0]):
        return Guess("report", _("the addressee line '{line}'").format(line=head_lines[0]))
    return Guess("report", _("no salutation, occasion line, 党课, abstract or minutes title: read as a report "
                             "(say kind: in the front matter to choose another)"))
