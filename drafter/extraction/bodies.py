"""A section with tables or figures written as an ordered ``body:`` (text, items and subsections
in the order the document has them); a section with none keeps the shorthand keys
(``paragraphs``, ``points``, ``sections``), so every outline extracted before stays the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ORDER = "_order"
"""Key of a section node's list of ("text" | "item" | "section", value) in document order."""


def has_items(node: dict[str, Any]) -> bool:
    """Whether a section node holds a table or figure of its own."""
    return any(kind == "item" for kind, _ in node.get(ORDER, ()))


def ordered_section(node: dict[str, Any], section_data: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    """The outline data of a section node as ``heading`` and ``body`` (``section_data`` builds a
    subsection). Paragraphs taken off the section's end (a speech's closing) are left out."""
    texts = node["paragraphs"]
    body: list[Any] = []
    used = 0
    for kind, value in node[ORDER]:
        if kind == "text":
            if used < len(texts):
                body.append(texts[used])
            used += 1
        elif kind == "item":
            body.append(value)
        else:
            body.append({"section": section_data(value)})
    data: dict[str, Any] = {"heading": node["heading"], "body": body}
    if node["inline"] is not None:
        data["inline"] = node["inline"]
    if "__notes__" in node:
        data["__notes__"] = node["__notes__"]
    return data


ITEM_KINDS = frozenset({"speech", "party-lecture", "article", "report"})
"""Kinds whose extracted sections take tables and figures as body items (the others' parts hold
paragraphs: a table there is kept as text, one paragraph a row)."""


def unplaced(paras: list[Any], data: Any) -> list[int]:
    """Paragraph numbers of the tables and figures that did not become body items (they stand
    where the outline holds only paragraphs, and were kept as text there)."""
    placed: set[int] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            placed.add(id(node))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return [p.line for p in paras if p.item is not None and id(p.item.data) not in placed]
