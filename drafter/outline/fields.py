"""How the model's dataclasses declare a key: its one-line documentation and an example."""

from __future__ import annotations

from dataclasses import MISSING, field
from typing import Any

Paragraphs = tuple[str, ...]


def key(doc: str, default: Any = MISSING, *, example: Any = None) -> Any:
    """A dataclass field carrying its one-line documentation (and an example for starters)."""
    metadata = {"doc": doc, "example": example}
    if default is MISSING:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)
