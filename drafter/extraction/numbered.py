"""Speeches, party lectures and reports: head, opening, numbered sections, closing, signature."""

from __future__ import annotations

import re
from typing import Any

from drafter.extraction.head import read_head
from drafter.extraction.notes import decide, note
from drafter.extraction.numbers import match_number
from drafter.extraction.patterns import parse_date
from drafter.extraction.sections import SectionBuilder
from drafter.extraction.sources import Para
from drafter.i18n import _

_HEAD_KEYS = {
    "speech": ("subtitle", "speaker", "date", "salutation"),
    "party-lecture": ("label", "subtitle", "speaker", "source", "date", "salutation"),
    "report": ("subtitle", "date"),
}
_ADDRESSEE = re.compile(r"^[^，。；！？\s]{1,30}(?:政府|委员会|党委|党组|人大|政协|局|厅|部|办公室|办|院|会|公司|处|科|室|"
                        r"中心|领导|同志|单位|组|队|所|校|委|馆|站|社|行|集团|企业|机关|街道|镇|乡|村)[：:]$")
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[：:]\s*(.*)$")
_ISSUER = re.compile(r"^[^，。；！？：:\s]{3,30}$")


def build_numbered(paras: list[Para], kind: str, *, markup_only: bool = False) -> dict[str, Any]:
    """Outline data for a speech, party lecture or report."""
    head = read_head(paras, kind)
    data: dict[str, Any] = {"kind": kind, "title": head.fields.get("title", "")}
    decide(data, head.decisions)
    if not data["title"]:
        data["title"] = "（无题）"
        note(data, "title", _("no title line found; write the title"))
    rest = list(head.rest)
    for key in _HEAD_KEYS[kind]:
        if key in head.fields:
            data[key] = head.fields[key]
    if kind == "report":
        _report_ends(rest, data)
    closing = [p.text for p in rest if p.role == "closing"]
    builder = SectionBuilder(kind, markup_only=markup_only, body=rest)
    for para in rest:
        if para.role != "closing" and para.role not in ("signature", "signature_date"):
            builder.feed(para)
    opening, sections, ending = builder.finish(closing=kind != "report" and not closing)
    closing = closing or ending
    data["opening"] = opening
    data["sections"] = sections
    data["closing"] = closing
    return data


def _report_ends(rest: list[Para], data: dict[str, Any]) -> None:
    """Addressee after the title; signature (issuer, date) and attachments at the end — removed from ``rest``."""
    if rest and _ADDRESSEE.match(rest[0].text) and match_number(rest[0].text) is None:
        data["addressee"] = rest.pop(0).text.rstrip("：:")
    if rest and "date" not in data and parse_date(rest[-1].text):
        data["date"] = parse_date(rest.pop().text)
        if rest and (_ISSUER.match(rest[-1].text) or rest[-1].role == "signature") and match_number(rest[-1].text) is None:
            data["issuer"] = rest.pop().text
    for index, para in enumerate(rest):
        match = _ATTACHMENT.match(para.text)
        if match and index >= len(rest) - 12:
            items = [match.group(1)] if match.group(1) else []
            items += [p.text for p in rest[index + 1:]]
            if all(len(i) <= 60 and not i.endswith("。") for i in items) and items:
                data["attachments"] = [re.sub(r"^\s*\d+\s*[.．、]\s*", "", i) for i in items]
                del rest[index:]
            break
