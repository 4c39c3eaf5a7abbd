"""The template context: an outline's fields, with sections numbered for its kind."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from drafter.outline.kinds import Kind
from drafter.outline.model import Section
from drafter.text.numbering import heading_number


@dataclass(frozen=True)
class NumberedSection:
    """A section as templates see it: numbered, with its level and heading placement decided."""

    number: str
    level: int
    heading: str
    paragraphs: tuple[str, ...]
    points: tuple[str, ...]
    points_marker: str
    sections: tuple[NumberedSection, ...]
    inline: bool


def number_sections(sections: tuple[Section, ...], kind: Kind, level: int = 1) -> tuple[NumberedSection, ...]:
    """Number ``sections`` (and their subsections) with the kind's scheme."""
    numbered = []
    for index, section in enumerate(sections, 1):
        inline = section.inline if section.inline is not None else level in kind.inline_levels
        numbered.append(NumberedSection(
            number=heading_number(kind.numbering, level, index) if kind.numbering else "",
            level=level,
            heading=section.heading,
            paragraphs=section.paragraphs,
            points=section.points,
            points_marker=section.points_marker,
            sections=number_sections(section.sections, kind, level + 1),
            inline=inline,
        ))
    return tuple(numbered)


def template_context(document: Any, kind: Kind, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything a kind's template may use: the outline's keys, ``kind`` and ``dept`` variables."""
    context = {f.name: getattr(document, f.name) for f in dataclasses.fields(document)}
    if "sections" in context:
        context["sections"] = number_sections(context["sections"], kind)
    context["kind"] = kind.name
    context["dept"] = variables or {}
    return context
