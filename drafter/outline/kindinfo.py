"""What each kind accepts, read from its model: the keys ``drafter kinds`` lists and docs show.

Everything here is derived from :func:`drafter.outline.schema.fields_of`, so the listing can never
drift from what the validator accepts.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any

from drafter.i18n import _
from drafter.outline.kinds import Kind
from drafter.outline.schema import describe, fields_of


@dataclass(frozen=True)
class KeyInfo:
    """One key an outline may hold, at a dotted path such as ``speakers[].name``."""

    path: str
    depth: int
    required: bool
    accepts: str
    doc: str
    repeats: str | None = None
    """For a recursive record (sections within sections): the path whose keys it repeats."""


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """(the record type inside ``hint`` or None, whether it is a list of them)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _unwrap(options[0]) if len(options) == 1 else (None, False)
    if origin is tuple:
        inner, _many = _unwrap(typing.get_args(hint)[0])
        return inner, True
    if dataclasses.is_dataclass(hint):
        return hint, False
    return None, False


def _accepts(hint: Any) -> str:
    record, many = _unwrap(hint)
    if record is not None:
        return _("a list of mappings") if many else _("a mapping")
    if hint == tuple[str, ...]:
        return _("a list of text (or one text)")  # paragraphs, names, keywords alike
    return describe(hint).replace("False", "false")


def outline_keys(model: type) -> list[KeyInfo]:
    """Every key of ``model`` and of the records inside it, depth first, in declaration order."""
    keys: list[KeyInfo] = []

    def walk(cls: type, prefix: str, depth: int, seen: dict[type, str]) -> None:
        for spec in fields_of(cls):
            path = f"{prefix}{spec.name}"
            record, many = _unwrap(spec.hint)
            repeats = seen.get(record) if record is not None else None
            keys.append(KeyInfo(path, depth, spec.required, _accepts(spec.hint), spec.doc, repeats))
            if record is not None and repeats is None:
                walk(record, f"{path}[]." if many else f"{path}.", depth + 1,
                     {**seen, record: path})

    walk(model, "", 0, {model: _("(top)")})
    return keys


def kind_summary(kind: Kind) -> str:
    """The top-level keys of a kind, required ones marked with *: ``kind*, title*, subtitle, …``."""
    return ", ".join(f"{k.path}{'*' if k.required else ''}" for k in outline_keys(kind.model) if k.depth == 0)


def kind_details(kind: Kind) -> list[str]:
    """Lines describing every key of a kind, nested keys indented under their parent."""
    lines = []
    for key in outline_keys(kind.model):
        label = _("required") if key.required else _("optional")
        indent = "  " * (key.depth + 1)
        lines.append(indent + _("{key} ({required}; {accepts}): {doc}").format(
            key=key.path, required=label, accepts=key.accepts, doc=key.doc))
        if key.repeats:
            lines.append(indent + _("  … the same keys as {path}, one level down").format(path=key.repeats))
    return lines
