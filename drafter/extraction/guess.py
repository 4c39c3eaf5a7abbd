"""Guess the kind of a document from what it shows, and say why."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.extraction.article import ARTICLE_LABEL
from drafter.extraction.minutes import speaker_count
from drafter.extraction.patterns import occasion, salutation
from drafter.extraction.sources import Para
from drafter.i18n import _

_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Guess:
    """The kind and the evidence for it."""

    kind: str
    reason: str


def guess_kind(paras: list[Para]) -> Guess:
    """The most likely kind of the document made of ``paras``, with the reason."""
    text = "".join(p.text for p in paras)
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    if latin > 3 * han:
        share = round(100 * latin / max(1, latin + han))
        return Guess("commentary", _("the text is English ({share}% of its letters are Latin)").format(share=share))
    head = paras[:6]
    title = paras[0].text if paras else ""
    speakers, first = speaker_count(paras)
    if speakers >= 3:
        return Guess("minutes", _("{count} speaker lines 'affiliation position name：topic' (first at line "
                                  "{line})").format(count=speakers, line=first))
    if re.search(r"纪要|综述|会议记录|发言摘编|观点摘编", title):
        return Guess("minutes", _("the title '{title}' names minutes").format(title=title[:20]))
    labels = [p for p in paras if ARTICLE_LABEL.match(p.text)]
    if labels:
        return Guess("article", _("article labels such as '{label}' (line {line})").format(
            label=labels[0].text[:6], line=labels[0].line))
    if re.search(r"党课", " ".join(p.text for p in head)):
        return Guess("party-lecture", _("the head says 党课"))
    for para in head:
        spoken = occasion(para.text)
        if spoken and re.search(r"讲话|发言|致辞|主持词", spoken):
            return Guess("speech", _("the occasion line '{text}' (line {line})").format(text=spoken[:24], line=para.line))
    if re.search(r"讲话|发言|致辞|主持词|讲稿", title):
        return Guess("speech", _("the title '{title}' names a speech").format(title=title[:24]))
    if re.search(r"报告|汇报", title):
        return Guess("report", _("the title '{title}' names a report").format(title=title[:24]))
    for para in head:
        if salutation(para.text):
            return Guess("speech", _("a salutation '{salutation}' (line {line})").format(
                salutation=salutation(para.text)[0], line=para.line))
    if re.search(r"总结|方案|意见|通知|情况", title):
        return Guess("report", _("the title '{title}' names a report").format(title=title[:24]))
    if any(re.match(r"^(谢谢|同志们[，,])", p.text) for p in paras[-3:]):
        return Guess("speech", _("it closes by addressing the audience (谢谢/同志们)"))
    return Guess("report", _("no salutation, speaker lines or article labels: numbered sections read as a report"))
