"""How the model's dataclasses declare a key: its one-line documentation and an example."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, field
from typing import Any

Paragraphs = tuple[str, ...]


def key(doc: str, default: Any = MISSING, *, example: Any = None,
        check: Callable[[Any], str | None] | None = None) -> Any:
    """A dataclass field carrying its one-line documentation (and an example for starters).

    ``check`` refuses a value of the right type that is still wrong: it returns what is wrong
    (the validator reports it at the value's line and column) or None.
    """
    metadata = {"doc": doc, "example": example, "check": check}
    if default is MISSING:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)
