"""Notes on uncertain items, kept inside the outline data and written as YAML comments.

A structurer builds the outline as plain dicts; a note is stored under the reserved key
``NOTES`` of the dict it concerns, by field name, and :mod:`drafter.extraction.yamlout` writes
it as a ``# …`` comment line above that key.
"""

from __future__ import annotations

from typing import Any

NOTES = "__notes__"
DECISIONS = "__decisions__"
"""Key of the top-level list saying which source lines became the head fields, and why."""
RESERVED = (NOTES, DECISIONS)


def decide(node: dict[str, Any], messages: list[str]) -> None:
    """Record how the head was read (written in the outline's header comment, not on stderr)."""
    node.setdefault(DECISIONS, []).extend(messages)


def note(node: dict[str, Any], key: str, message: str) -> None:
    """Attach ``message`` to ``node[key]`` (written as a comment above the key)."""
    node.setdefault(NOTES, {}).setdefault(key, []).append(message)


def notes_in(node: Any) -> list[str]:
    """Every note in an outline tree, in document order (for the report)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, messages in node.get(NOTES, {}).items():
            found.extend(f"{key}: {m}" for m in messages)
        for key, value in node.items():
            if key not in RESERVED:
                found.extend(notes_in(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(notes_in(item))
    return found

