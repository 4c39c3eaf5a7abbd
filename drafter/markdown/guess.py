"""Guess the kind of a Markdown draft whose front matter does not name it, and say why."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
        return Guess("commentary", f"the text is English ({round(100 * latin / max(1, latin + han))}% Latin letters)")
    if re.search(r"纪要|综述|发言摘编", title):
        return Guess("minutes", f"the title '{title[:20]}' names minutes")
    if "党课" in title or any("党课" in line for line in head_lines):
        return Guess("party-lecture", "the title or the line under it says 党课")
    labels = [line for line in head_lines + body[:3] if head.abstract(line) or head.keywords(line)]
    if labels or any(re.fullmatch(r"摘\s*要|关键词|参考文献", h) for h in headings):
        return Guess("article", f"it has {'摘要/关键词 lines' if labels else 'a 摘要, 关键词 or 参考文献 heading'}")
    for line in head_lines:
        spoken = head.occasion(line)
        if spoken and re.search(r"讲话|发言|致辞|主持词", spoken):
            return Guess("speech", f"the occasion line '{spoken[:24]}'")
        if head.salutation(line):
            return Guess("speech", f"the salutation '{line}'")
    if re.search(r"讲话|发言|致辞|主持词|讲稿", title):
        return Guess("speech", f"the title '{title[:24]}' names a speech")
    if body and re.match(r"^谢谢(?:大家|各位)?[！!。]?$", body[-1]):
        return Guess("speech", f"it closes with '{body[-1]}'")
    if re.search(r"报告|汇报|总结|方案|意见|情况", title):
        return Guess("report", f"the title '{title[:24]}' names a report")
    if head_lines and head.addressee(head_lines[0]):
        return Guess("report", f"the addressee line '{head_lines[0]}'")
    return Guess("report", "no salutation, occasion line, 党课, abstract or minutes title: read as a report "
                           "(say kind: in the front matter to choose another)")
