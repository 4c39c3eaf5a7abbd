"""English commentaries: title, date, body (optionally headed), byline, editor and source lines."""

from __future__ import annotations

import re
from typing import Any

from drafter.extraction.notes import decide, note
from drafter.extraction.patterns import en_enumeration, parse_date
from drafter.extraction.sources import Para
from drafter.i18n import _

_BYLINE = re.compile(r"(?:^|(?<=[.!?”\"]\s))(?:Author|Written by|By)\s*[:：]?\s*(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})"
                     r"\s*(?:[(（](?P<aff>[^()（）]+)[)）]|,\s*(?P<aff2>[^.]+))?\s*\.?$")
_EDITOR = re.compile(r"^(?:Edit(?:or)?|Editor in charge|Responsible editor)\s*[:：]\s*(.+)$", re.IGNORECASE)
_SOURCE = re.compile(r"^Source\s*[:：]\s*(.+)$", re.IGNORECASE)
_HEADING = re.compile(r"^[A-Z0-9][^.!?;:]{2,80}$")


def _is_heading(para: Para, following: Para | None) -> bool:
    """A heading: marked so by the markup, or a short line without a stop before body text."""
    if para.role == "heading":
        return True
    if para.role or following is None or following.role == "heading":
        return False
    return (bool(_HEADING.match(para.text)) and len(para.text.split()) <= 12
            and not _HEADING.match(following.text))


def build_commentary(paras: list[Para]) -> dict[str, Any]:
    """Outline data for an English commentary."""
    data: dict[str, Any] = {"kind": "commentary"}
    rest = list(paras)
    if rest and rest[0].role in (None, "title"):
        line = rest.pop(0)
        data["title"] = line.text
        decide(data, ["title: " + _("line {line} “{text}”, the first line of the text (after any site "
                                    "furniture)").format(line=line.line, text=line.text[:60])])
    else:
        data["title"] = "(untitled)"
        note(data, "title", _("no title line found; write the title"))
    if rest and parse_date(rest[0].text):
        data["date"] = parse_date(rest.pop(0).text)
    body: list[str] = []
    sections: list[dict[str, Any]] = []
    for index, para in enumerate(rest):
        text = para.text
        editor = _EDITOR.match(text)
        source = _SOURCE.match(text)
        byline = _BYLINE.search(text)
        if editor and para.role in (None, "credit"):
            value = re.sub(r"\s{2,}", "; ", editor.group(1).strip())
            data["editor"] = re.sub(r"\s*[:：]\s*", ": ", value) if para.role is None else value
            continue
        if source and para.role in (None, "credit"):
            data["source"] = source.group(1).strip()
            continue
        if byline and "author" not in data and para.role in (None, "byline"):
            data["author"] = byline.group("name").strip()
            affiliation = byline.group("aff") or byline.group("aff2")
            if affiliation:
                data["affiliation"] = affiliation.strip()
            text = text[:byline.start()].strip()
            if not text:
                continue
        following = rest[index + 1] if index + 1 < len(rest) else None
        if para.lead:  # a run-in heading (drafter's own DOCX)
            level = min(para.level or 2, 2)
            first = text[len(para.lead):].strip() if text.startswith(para.lead) else text
            _add_section(sections, level, para.lead, inline=True)
            if first:
                _deepest(sections)["paragraphs"].append(first)
        elif _is_heading(para, following):
            _add_section(sections, min(para.level or 1, 2), text)
        elif sections:
            _deepest(sections)["paragraphs"].append(text)
        else:
            body.append(text)
    if body:
        data["paragraphs"] = body
    if sections:
        data["sections"] = [_section_data(s) for s in sections]
    return data


def _deepest(sections: list[dict[str, Any]]) -> dict[str, Any]:
    node = sections[-1]
    while node["sections"]:
        node = node["sections"][-1]
    return node


def _add_section(sections: list[dict[str, Any]], level: int, heading: str, *, inline: bool = False) -> None:
    node: dict[str, Any] = {"heading": heading, "paragraphs": [], "sections": [], "inline": True if inline else None}
    if level >= 2 and sections:
        sections[-1]["sections"].append(node)
    else:
        sections.append(node)


def _section_data(node: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"heading": node["heading"]}
    paragraphs = list(node["paragraphs"])
    points = en_enumeration(paragraphs[-1]) if len(paragraphs) >= 2 else None
    if points:
        paragraphs.pop()
    data["paragraphs"] = paragraphs
    if points:
        data["points"] = list(points)
    if node["sections"]:
        data["sections"] = [_section_data(s) for s in node["sections"]]
    if node["inline"]:
        data["inline"] = True
    return data
