"""Numbered sections from a run of paragraphs: headings nested by numbering scheme, run-in leads split.

Schemes nest in the order a document first uses them (一、 then （一） then 1. …), which is how
readers nest them too; a number only counts as a heading when it continues its scheme's
sequence (so "4.1亿人…" or a stray "3." in a paragraph stays text). Markup from Markdown or
DOCX (heading levels, drafter's own run-in lead style) is taken as given.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.extraction.bodies import ORDER, has_items, ordered_section
from drafter.extraction.notes import note
from drafter.extraction.numbers import RANK, Number, match_number
from drafter.extraction.patterns import enumeration, split_lead
from drafter.extraction.sources import Para
from drafter.i18n import _

_KNOWN_INLINE = {"speech": frozenset({2}), "party-lecture": frozenset({2})}
_KNOWN_DEPTH = {"article": 3, "commentary": 2}


def max_depth(kind: str) -> int:
    """How deep the kind's sections may nest (from the registry when it knows the kind)."""
    from drafter.outline.kinds import KINDS

    if kind in KINDS:
        registered = KINDS[kind]
        return getattr(registered, "depth", None) or len(registered.numbering) or 4
    return _KNOWN_DEPTH.get(kind, 4)


def inline_levels(kind: str) -> frozenset[int]:
    """Levels whose headings the kind runs in by default (from the registry when it knows the kind)."""
    from drafter.outline.kinds import KINDS

    if kind in KINDS:
        return KINDS[kind].inline_levels
    return _KNOWN_INLINE.get(kind, frozenset())


class SectionBuilder:
    """Feed paragraphs in order; collects the opening (before any heading) and the section tree."""

    def __init__(self, kind: str, *, markup_only: bool = False, body: list[Para] | None = None) -> None:
        self.kind = kind
        self.defaults = inline_levels(kind)
        self.depth = max_depth(kind)
        self.markup_only = markup_only
        self.opening: list[str] = []
        self.sections: list[dict[str, Any]] = []
        self.path: list[dict[str, Any]] = []
        self.schemes: list[list[Any]] = []  # [scheme, last value, last label] per level
        self.gap: str | None = None
        self.first_heading = _first_top_heading(body) if body else None

    def feed(self, para: Para) -> None:
        """Take the next paragraph: a heading (own line or run in) or body text."""
        if para.item is not None:
            self._item(para)
            return
        found = self._heading(para)
        if found is None:
            self._text(para.text)
            return
        level, heading, first, run_in = found
        level = max(1, min(level, len(self.path) + 1, self.depth))
        node: dict[str, Any] = {"heading": heading, "paragraphs": [], "points": [], "points_marker": "是",
                                "sections": [], "inline": None, "_run_in": run_in, ORDER: []}
        siblings = self.path[level - 2]["sections"] if level > 1 else self.sections
        siblings.append(node)
        if level > 1:
            self.path[level - 2][ORDER].append(("section", node))
        del self.path[level - 1:]
        self.path.append(node)
        if found[0] > self.depth:
            note(node, "heading", _("line {line}: level {source} in the source; a {kind} nests {depth} levels "
                                    "deep, so it is level {level} here").format(
                line=para.line, source=found[0], kind=self.kind, depth=self.depth, level=level))
        if self.gap:
            note(node, "heading", _("line {line}: {problem}").format(line=para.line, problem=self.gap))
            self.gap = None
        if run_in and level == 1:
            note(node, "heading", _("line {line}: ran in as a lead sentence in the source; a level-1 heading "
                                    "stands on its own line").format(line=para.line))
        elif run_in and level not in self.defaults:
            node["inline"] = True
        elif not run_in and level in self.defaults:
            node["inline"] = False
        if first:
            node["paragraphs"].append(first)
            node[ORDER].append(("text", first))

    def _text(self, text: str) -> None:
        (self.path[-1]["paragraphs"] if self.path else self.opening).append(text)
        if self.path:
            self.path[-1][ORDER].append(("text", text))

    def _item(self, para: Para) -> None:
        """A table or figure: an item of the current section's body; before the first heading
        (an opening holds paragraphs only) its text lines."""
        if not self.path:
            self.opening.extend(para.item.lines())
            return
        self.path[-1][ORDER].append(("item", para.item.data))

    def _heading(self, para: Para) -> tuple[int, str, str | None, bool] | None:
        if para.role == "heading" and para.level:
            number = match_number(para.text)
            if number:
                self._register(number, para.level)
            return para.level, number.rest if number else para.text, None, False
        if para.lead:
            level = para.level or 2
            number = match_number(para.lead)
            if number:
                self._register(number, level)
            lead = number.rest if number else para.lead
            lead = lead[:-1] if lead.endswith("。") else lead
            rest = para.text[len(para.lead):] if para.text.startswith(para.lead) else para.text.replace(para.lead, "", 1)
            return level, lead.strip(), rest.strip() or None, True
        if self.markup_only or (self.first_heading is not None and para.line < self.first_heading):
            return None  # numbered lines before the first top-level heading: the opening's own list
        number = match_number(para.text)
        if number is None:
            return None
        level = self._resolve(number)
        if level is None:
            return None
        split = split_lead(number.rest)
        if split:
            return level, split[0], split[1], True
        return level, number.rest, None, False

    def _register(self, number: Number, level: int) -> None:
        del self.schemes[level - 1:]
        while len(self.schemes) < level - 1:
            self.schemes.append([None, 0, ""])
        self.schemes.append([number.scheme, number.value, number.label])

    def _resolve(self, number: Number) -> int | None:
        for index, entry in enumerate(self.schemes):
            if entry[0] == number.scheme:
                if entry[1] < number.value <= entry[1] + 2:
                    if number.value > entry[1] + 1:
                        self.gap = _("numbered {label} after {previous}: one is missing (or hidden) in the "
                                     "source").format(label=number.label, previous=entry[2])
                    del self.schemes[index + 1:]
                    entry[1:] = [number.value, number.label]
                    return index + 1
                return None
        first_ever = not any(entry[0] for entry in self.schemes)
        if number.value != 1 and not (first_ever and number.value <= 3):
            return None
        if number.value != 1:
            self.gap = _("numbering starts at {label}: the text before it may be missing").format(label=number.label)
        rank = RANK.get(number.scheme, 9)
        for index, entry in enumerate(self.schemes):
            if entry[0] and RANK.get(entry[0], 9) > rank:  # a more major scheme never nests under a minor one
                del self.schemes[index:]
                break
        if len(self.schemes) >= self.depth:
            return None  # deeper than the kind nests: the numbered line stays text
        self.schemes.append([number.scheme, number.value, number.label])
        return len(self.schemes)

    def finish(self, *, closing: bool = False) -> tuple[list[str], list[dict[str, Any]], list[str]]:
        """Opening paragraphs, sections as outline data (defaults left out) and, with ``closing``,
        the trailing paragraphs that close a speech."""
        ending = take_closing(self.opening, self.sections) if closing else []
        return self.opening, [_section_data(s) for s in self.sections], ending


def _first_top_heading(body: list[Para]) -> int | None:
    """Line of the first "1" of the most major numbering scheme the text uses (一、 over （一） …):
    where the sections begin."""
    firsts: dict[str, int] = {}
    for para in body:
        number = match_number(para.text)
        if number and number.value == 1:
            firsts.setdefault(number.scheme, para.line)
    if not firsts:
        return None
    top = min(firsts, key=lambda s: (RANK.get(s, 9), firsts[s]))
    return firsts[top]


def lift_points(node: dict[str, Any], paragraphs_key: str = "paragraphs") -> None:
    """Move a last paragraph that is nothing but "一是……；二是……。" into ``points``.

    Only when another paragraph comes before it: a section whose only text is the enumeration
    keeps it as its paragraph (both render the same; this is the convention round trips keep)."""
    paragraphs = node.get(paragraphs_key) or []
    if len(paragraphs) < 2 or node.get("points"):
        return
    found = enumeration(paragraphs[-1])
    if found:
        node["points"] = list(found[0])
        if found[1] != "是":
            node["points_marker"] = found[1]
        node[paragraphs_key] = paragraphs[:-1]


def _section_data(node: dict[str, Any]) -> dict[str, Any]:
    if has_items(node):
        return ordered_section(node, _section_data)
    lift_points(node)
    data: dict[str, Any] = {"heading": node["heading"]}
    if node["paragraphs"]:
        data["paragraphs"] = node["paragraphs"]
    if node["points"]:
        data["points"] = node["points"]
        if node.get("points_marker", "是") != "是":
            data["points_marker"] = node["points_marker"]
    if node["sections"]:
        data["sections"] = [_section_data(s) for s in node["sections"]]
    if node["inline"] is not None:
        data["inline"] = node["inline"]
    if "__notes__" in node:
        data["__notes__"] = node["__notes__"]
    return data


def last_section(sections: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The deepest last section (where the document's trailing paragraphs landed)."""
    node = sections[-1] if sections else None
    while node and node.get("sections"):
        node = node["sections"][-1]
    return node


_CLOSING = re.compile(r"^(谢谢|感谢|同志们[，,！!]|让我们|各位[^，。]{0,8}[，,])")


def take_closing(opening: list[str], sections: list[dict[str, Any]]) -> list[str]:
    """Trailing paragraphs that close a speech (同志们，…！ 谢谢大家！), removed from where they landed."""
    node = last_section(sections)
    paragraphs = node["paragraphs"] if node else opening
    keep = 1 if node is not None and node["_run_in"] else 0  # a run-in lead keeps its paragraph
    closing: list[str] = []
    while len(paragraphs) > keep and _CLOSING.match(paragraphs[-1]):
        closing.insert(0, paragraphs.pop())
    return closing
