"""Minutes and seminar summaries: meeting facts, one block per speaker, closing consensus."""

from __future__ import annotations

import re
from typing import Any

from drafter.extraction.head import read_head
from drafter.extraction.notes import decide, note
from drafter.extraction.patterns import enumeration, parse_date
from drafter.extraction.sources import Para
from drafter.extraction.speakers import (
    SpeakerLine,
    parse_speaker_line,
    parse_speaker_remark,
    split_who,
)
from drafter.i18n import _

_FACT = re.compile(r"^(会议名称|会议|会议时间|时间|会议地点|地点|主持人|主持|主办单位|主办|组织单位|承办单位)\s*[：:]\s*(.+)$")
_FACT_KEYS = {"会议名称": "name", "会议": "name", "会议时间": "date", "时间": "date", "会议地点": "place", "地点": "place",
              "主持人": "host", "主持": "host", "主办单位": "organiser", "主办": "organiser",
              "组织单位": "organiser", "承办单位": "organiser"}
_ATTEND = re.compile(r"^(出席|出席人员|参会人员|参加人员|列席|列席人员|请假|缺席)\s*[：:]\s*(.+)$")
_ATTEND_KEYS = {"出席": "present", "出席人员": "present", "参会人员": "present", "参加人员": "present",
                "列席": "attending", "列席人员": "attending", "请假": "absent", "缺席": "absent"}
_CONSENSUS = re.compile(r"^(与会[^，。]{0,12}(一致)?(认为|指出|表示|强调)|会议(一致)?(认为|指出|强调|要求|决定|同意)|大家一致认为)")
_THEME = re.compile(r"(座谈会|研讨会|论坛|会议|年会|沙龙)围绕(.{2,40}?)的?主题")


def speaker_count(paras: list[Para]) -> tuple[int, int | None]:
    """How many paragraphs are speaker lines (or open with who speaks, for two or more people),
    and the line of the first."""
    lines = [p.line for p in paras if parse_speaker_line(p.text)]
    remarks = [(p.line, found[0].name) for p in paras if (found := parse_speaker_remark(p.text))]
    if len({name for _, name in remarks}) >= 2:
        lines = sorted(lines + [line for line, _ in remarks])
    return len(lines), (lines[0] if lines else None)


def build_minutes(paras: list[Para]) -> dict[str, Any]:
    """Outline data for a minutes document."""
    head = read_head(paras, "minutes") if paras and parse_speaker_line(paras[0].text) is None else None
    data: dict[str, Any] = {"kind": "minutes"}
    rest = head.rest if head and "title" in head.fields else paras
    if head and "title" in head.fields:
        data["title"] = head.fields["title"]
        decide(data, head.decisions)
        if "subtitle" in head.fields:
            data["subtitle"] = head.fields["subtitle"]
    meeting: dict[str, Any] = {}
    attendance: dict[str, list[str]] = {}
    opening: list[str] = []
    speakers: list[dict[str, Any]] = []
    consensus: list[str] = []
    signature = [p for p in rest if p.role in ("signature", "signature_date")]
    for para in signature:
        if para.role == "signature":
            data["issuer"] = para.text
        elif parse_date(para.text):
            data["date"] = parse_date(para.text)
    for para in rest:
        text = para.text
        if para.role in ("signature", "signature_date"):
            continue
        if para.role == "consensus":
            consensus.append(text)
            continue
        fact = _FACT.match(text) if para.role in (None, "meeting") else None
        attend = _ATTEND.match(text) if para.role in (None, "attendance") else None
        line, first = (None, None) if fact or attend else _speaker_of(para)
        if first and speakers and line and line.name == speakers[-1]["name"] and not speakers[-1]["remarks"] \
                and para.lead_role != "speaker_heading":
            line = first = None  # the same speaker introduced once more: part of the remarks, as typed
        if fact and not speakers and _FACT_KEYS[fact.group(1)] not in meeting:
            key = _FACT_KEYS[fact.group(1)]
            value: Any = parse_date(fact.group(2)) if key == "date" else fact.group(2).strip()
            if value is None:
                opening.append(text)
                continue
            meeting[key] = value
        elif attend:
            names = [n for n in re.split(r"[、，,；;\s]+", attend.group(2).rstrip("。")) if n]
            attendance.setdefault(_ATTEND_KEYS[attend.group(1)], []).extend(names)
        elif line:
            speaker: dict[str, Any] = {"name": line.name}
            for key in ("affiliation", "position", "topic"):
                if getattr(line, key):
                    speaker[key] = getattr(line, key)
            speaker["remarks"] = []
            if line.affiliation and line.position and "，" in line.position:
                note(speaker, "position", _("line {line}: several posts; check where the affiliation ends").format(
                    line=para.line))
            speakers.append(speaker)
            if first:
                speaker["remarks"].append(first)  # no topic: who spoke ran in before the first remark
        elif speakers:
            speakers[-1]["remarks"].append(text)
        else:
            opening.append(text)
    if speakers and not consensus:
        remarks = speakers[-1]["remarks"]
        for index, text in enumerate(remarks):
            if index and _CONSENSUS.match(text):
                consensus = remarks[index:]
                del remarks[index:]
                break
    for speaker in speakers:
        found = enumeration(speaker["remarks"][-1]) if speaker["remarks"] else None
        if found and found[1] == "是" and len(speaker["remarks"]) > 1:
            speaker["points"] = list(found[0])
            speaker["remarks"].pop()
        if not speaker["remarks"]:
            del speaker["remarks"]
    if "title" not in data:
        data["title"] = _title_from(opening)
        note(data, "title", _("the source has no title line; this one is made from the opening — check it"))
    data["meeting"] = meeting
    data["opening"] = opening
    data["speakers"] = speakers
    data["consensus"] = consensus
    data["attendance"] = attendance
    return data


def _speaker_of(para: Para) -> tuple[SpeakerLine | None, str | None]:
    """The speaker a paragraph introduces (its own line, or run in before the first remark) and
    that first remark; (None, None) for other paragraphs."""
    if para.role == "speaker_heading" or para.lead_role == "speaker_heading":
        return _marked_speaker(para)
    if para.role is not None:
        return None, None
    line = parse_speaker_line(para.text)
    if line:
        return line, None
    remark = parse_speaker_remark(para.text)
    return remark if remark else (None, None)


def _marked_speaker(para: Para) -> tuple[SpeakerLine | None, str | None]:
    """A speaker line the markup marks (drafter's speaker_heading style or run-in span), and the
    remark that follows a run-in one. The name is the part after the last position word, else the
    last three characters (two for a two-character who)."""
    text = para.text
    who, _, topic = text.partition("：")
    first = None
    if para.lead_role == "speaker_heading":
        first, topic = topic.strip() or None, None
        text = who + "："
    found = parse_speaker_line(text if topic is None else f"{who}：{topic}")
    if found is None and who:
        name = who[-3:] if len(who) > 3 else who
        affiliation, position = split_who(who[:-len(name)]) if len(who) > len(name) else (None, None)
        found = SpeakerLine(name, affiliation, position, topic.strip() if topic else None)
    return found, first


def _title_from(opening: list[str]) -> str:
    for text in opening:
        match = _THEME.search(text)
        if match:
            return f"{match.group(2)}{match.group(1)}综述"
    return "会议纪要"
