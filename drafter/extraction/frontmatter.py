"""A Markdown source's YAML front matter laid over the extracted outline: its keys win."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from drafter.errors import OutlineError
from drafter.extraction.sources import markdown_front_matter
from drafter.i18n import _
from drafter.outline.schema import fields_of
from drafter.outline.yamlfile import YamlDocument


def front_matter(path: Path, fmt: str) -> YamlDocument | None:
    """The front matter of a Markdown source (None for other formats, or without one)."""
    return markdown_front_matter(path) if fmt == "md" else None


def front_kind(front: YamlDocument | None, kinds: dict[str, type]) -> str | None:
    """The kind the front matter names, when it names one the extractor writes."""
    value = front.data.get("kind") if front is not None and isinstance(front.data, dict) else None
    return value if isinstance(value, str) and value in kinds else None


def overlay(data: dict[str, Any], front: YamlDocument | None, model: type) -> dict[str, Any]:
    """``data`` with the front matter's keys in place of what was extracted for them; a key the
    kind does not have is an error at its line in the Markdown file."""
    if front is None or not front.data:
        return data
    names = [spec.name for spec in fields_of(model)]
    problems = []
    for key in front.data:
        if key not in names:
            close = difflib.get_close_matches(str(key), names, n=1)
            tip = _("; did you mean '{name}'?").format(name=close[0]) if close else \
                _("; a {model} outline has: {keys}").format(model=model.__name__, keys=", ".join(names))
            problems.append(front.problem((key,), _("front matter: unknown key '{key}'{tip}").format(
                key=key, tip=tip), key=True))
    if problems or front.problems:
        raise OutlineError(front.problems + problems)
    merged = {k: v for k, v in data.items() if k not in front.data}
    merged.update(front.data)
    return merged
