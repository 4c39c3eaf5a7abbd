"""The template context: an outline's fields, with sections numbered for its kind."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from drafter.compose.content import Counters, Item, figure_view, table_view
from drafter.outline.kinds import Kind
from drafter.outline.model import Section
from drafter.text.numbering import heading_number


@dataclass(frozen=True)
class NumberedSection:
    """A section as templates see it: numbered, with its level and heading placement decided.

    ``body`` is everything under the heading in order (:class:`~drafter.compose.content.Item`);
    ``paragraphs``, ``points`` and ``sections`` are the shorthand keys as written.
    """

    number: str
    level: int
    heading: str
    paragraphs: tuple[str, ...]
    points: tuple[Any, ...]
    points_marker: str
    sections: tuple[NumberedSection, ...]
    inline: bool
    body: tuple[Item, ...] = ()
    points_each: bool = False


def number_sections(sections: tuple[Section, ...], kind: Kind, level: int = 1,
                    counters: Counters | None = None) -> tuple[NumberedSection, ...]:
    """Number ``sections`` (and their subsections) with the kind's scheme; tables and figures
    are numbered in the order they appear."""
    counters = counters if counters is not None else Counters()
    numbered = []
    for index, section in enumerate(sections, 1):
        inline = section.inline if section.inline is not None else level in kind.inline_levels
        body = _body(section, kind, level, counters)
        numbered.append(NumberedSection(
            number=heading_number(kind.numbering, level, index) if kind.numbering else "",
            level=level,
            heading=section.heading,
            paragraphs=section.paragraphs,
            points=section.points,
            points_marker=section.points_marker,
            sections=tuple(item.section for item in body if item.type == "section"),
            inline=inline,
            body=body,
            points_each=section.points_each,
        ))
    return tuple(numbered)


def _body(section: Section, kind: Kind, level: int, counters: Counters) -> tuple[Item, ...]:
    """The section's items in order: its body as written, or paragraphs, points, sections."""
    if not section.body:
        items: list[Item] = [Item("paragraph", text=p) for p in section.paragraphs]
        if section.points:
            items.append(Item("points", points=section.points, marker=section.points_marker,
                              each=section.points_each))
        subsections = number_sections(section.sections, kind, level + 1, counters)
        return (*items, *(Item("section", section=s) for s in subsections))
    items = []
    position = 0
    for entry in section.body:
        if isinstance(entry, str):
            items.append(Item("paragraph", text=entry))
        elif entry.paragraph is not None:
            items.append(Item("paragraph", text=entry.paragraph))
        elif entry.quote is not None:
            items.append(Item("quote", text=entry.quote))
        elif entry.points is not None:
            items.append(Item("points", points=entry.points, marker=entry.marker, each=entry.each))
        elif entry.table is not None:
            items.append(Item("table", table=table_view(entry.table, counters)))
        elif entry.figure is not None:
            items.append(Item("figure", figure=figure_view(entry.figure, counters)))
        elif entry.section is not None:
            position += 1
            sub = entry.section
            inline = sub.inline if sub.inline is not None else level + 1 in kind.inline_levels
            numbered = number_sections((sub,), kind, level + 1, counters)[0]
            items.append(Item("section", section=dataclasses.replace(
                numbered, inline=inline,
                number=heading_number(kind.numbering, level + 1, position) if kind.numbering else "")))
    return tuple(items)


def template_context(document: Any, kind: Kind, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything a kind's template may use: the outline's keys, ``kind`` and ``dept`` variables."""
    context = {f.name: getattr(document, f.name) for f in dataclasses.fields(document)}
    if "sections" in context:
        context["sections"] = number_sections(context["sections"], kind)
    context["kind"] = kind.name
    context["dept"] = variables or {}
    return context
