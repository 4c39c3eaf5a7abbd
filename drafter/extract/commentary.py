"""English commentaries: title, date, body (optionally headed), byline, editor and source lines."""

from __future__ import annotations

import re
from typing import Any

from drafter.extract.notes import note
from drafter.extract.patterns import parse_date
from drafter.extract.sources import Para

_BYLINE = re.compile(r"(?:^|(?<=[.!?”\"]\s))(?:Author|Written by|By)\s*[:：]?\s*(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})"
                     r"\s*(?:[(（](?P<aff>[^()（）]+)[)）]|,\s*(?P<aff2>[^.]+))?\s*\.?$")
_EDITOR = re.compile(r"^(?:Edit(?:or)?|Editor in charge|Responsible editor)\s*[:：]\s*(.+)$", re.IGNORECASE)
_SOURCE = re.compile(r"^Source\s*[:：]\s*(.+)$", re.IGNORECASE)
_HEADING = re.compile(r"^[A-Z0-9][^.!?;:]{2,80}$")


def build_commentary(paras: list[Para]) -> dict[str, Any]:
    """Outline data for an English commentary."""
    data: dict[str, Any] = {"kind": "commentary"}
    rest = list(paras)
    if rest and rest[0].role in (None, "title"):
        data["title"] = rest.pop(0).text
    else:
        data["title"] = "(untitled)"
        note(data, "title", "no title line found; write the title")
    if rest and parse_date(rest[0].text):
        data["date"] = parse_date(rest.pop(0).text)
    body: list[str] = []
    sections: list[dict[str, Any]] = []
    for index, para in enumerate(rest):
        text = para.text
        editor = _EDITOR.match(text)
        source = _SOURCE.match(text)
        byline = _BYLINE.search(text)
        if editor:
            value = re.sub(r"\s{2,}", "; ", editor.group(1).strip())
            data["editor"] = re.sub(r"\s*[:：]\s*", ": ", value)
            continue
        if source:
            data["source"] = source.group(1).strip()
            continue
        if byline and "author" not in data:
            data["author"] = byline.group("name").strip()
            affiliation = byline.group("aff") or byline.group("aff2")
            if affiliation:
                data["affiliation"] = affiliation.strip()
            text = text[:byline.start()].strip()
            if not text:
                continue
        following = rest[index + 1].text if index + 1 < len(rest) else ""
        if _HEADING.match(text) and len(text.split()) <= 12 and following and not _HEADING.match(following):
            sections.append({"heading": text, "paragraphs": []})
        elif sections:
            sections[-1]["paragraphs"].append(text)
        else:
            body.append(text)
    if body:
        data["paragraphs"] = body
    if sections:
        data["sections"] = [{k: v for k, v in s.items() if v} for s in sections]
    return data
