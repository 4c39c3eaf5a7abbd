"""Template filters that particular kinds need: article bylines, labels, English enumerations.

Registered with the other filters in :mod:`drafter.compose.templates`; each is a pure function of
outline values, so templates stay free of string surgery.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drafter.outline.content import Point

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_END = ".;,:!? "


def superscript(n: int) -> str:
    """12 → ¹² (affiliation marks after author names)."""
    return str(n).translate(_SUPERSCRIPT)


def affiliations(authors: Sequence[Any]) -> list[str]:
    """The authors' distinct affiliations, in order of first appearance."""
    seen: list[str] = []
    for author in authors:
        if author.affiliation and author.affiliation not in seen:
            seen.append(author.affiliation)
    return seen


def author_names(authors: Sequence[Any]) -> str:
    """Names for the byline, separated by a full-width space; marked ¹ ² when affiliations differ."""
    places = affiliations(authors)
    names = []
    for author in authors:
        mark = superscript(places.index(author.affiliation) + 1) \
            if len(places) > 1 and author.affiliation else ""
        names.append(author.name + mark)
    return "\u3000".join(names)


def affiliation_line(authors: Sequence[Any]) -> str:
    """（单位） for one affiliation, （1. 单位甲；2. 单位乙） for several, "" for none."""
    places = affiliations(authors)
    if not places:
        return ""
    if len(places) == 1:
        return f"（{places[0]}）"
    return "（" + "；".join(f"{n}. {place}" for n, place in enumerate(places, 1)) + "）"


def unlabelled(text: str, *labels: str) -> str:
    """Text without a leading label the template writes itself: 基金项目：X → X."""
    stripped = text.strip()
    for label in labels:
        for colon in ("：", ":"):
            if stripped.startswith(label + colon):
                return stripped[len(label) + 1:].strip()
    return stripped


def en_points(points: Sequence[str | Point]) -> str:
    """English parallel points as one paragraph: "First, …; second, …; third, …."

    Points with a lead sentence ({lead, text}) are whole sentences: "First, lead. Text. Second, …"
    """
    return " ".join(en_point_paragraphs(points))


def en_point_paragraphs(points: Sequence[str | Point], each: bool = False) -> list[str]:
    """English points as paragraphs: one for all (``en_points``) or, with ``each``, one per point."""
    sentences = each or any(isinstance(p, Point) for p in points)
    parts = []
    for index, point in enumerate(points):
        ordinal = _ORDINALS[index] if index < len(_ORDINALS) else f"{index + 1}th"
        lead = point.lead if isinstance(point, Point) else point
        text = lead.strip().rstrip(_END)
        if not text.lower().startswith(ordinal):
            text = f"{ordinal}, {text}"  # the point is kept as typed: write it to follow "first, "
        if isinstance(point, Point) and point.text:
            body = point.text.strip()
            text = f"{text}. {body[:1].upper()}{body[1:].rstrip(_END)}"
        parts.append(text[:1].upper() + text[1:] + "." if sentences else text)
    if not parts:
        return []
    if sentences:
        return parts if each else [" ".join(parts)]
    joined = "; ".join(parts)
    return [joined[:1].upper() + joined[1:] + "."]


FILTERS = {
    "superscript": superscript,
    "author_names": author_names,
    "affiliation_line": affiliation_line,
    "unlabelled": unlabelled,
    "en_points": en_points,
    "en_point_paragraphs": en_point_paragraphs,
}
