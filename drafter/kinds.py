"""The registry of outline kinds: for each, its model, template, style profile and numbering."""

from __future__ import annotations

from dataclasses import dataclass

from drafter import model
from drafter.numbering import GBT9704_LEVELS


@dataclass(frozen=True)
class Kind:
    """What drafter needs to know to render one kind of document."""

    name: str
    model: type
    description: str
    template: str
    profile: str = "gbt9704"
    numbering: tuple[str, ...] = GBT9704_LEVELS
    """Heading number formats by level ({zh}: 一, {n}: 1); the length is the deepest level."""
    inline_levels: frozenset[int] = frozenset()
    """Levels whose headings run in as the lead sentence of their first paragraph by default."""
    language: str = "zh"
    """``zh``: Chinese punctuation is made full-width; ``en``: text is left as typed."""


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "speech", model.Speech,
            "A speech at a meeting or seminar: title, occasion, salutation, numbered sections, closing.",
            "speech.j2", inline_levels=frozenset({2}),
        ),
    )
}
