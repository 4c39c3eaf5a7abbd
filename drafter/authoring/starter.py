"""``drafter new``: a starter outline for a kind, every key explained by a comment.

The keys, their comments and their sample values come from the model (:mod:`drafter.outline.model`):
each field's ``doc`` becomes the comment above it and its ``example`` the value. Required keys
are written out; optional keys are shown commented out, ready to be uncommented. A list of
sections (or speakers, authors) gets one sample item. The starter validates and renders as it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any

import yaml

from drafter.outline.kinds import Kind
from drafter.outline.schema import FieldSpec, describe, fields_of

SCHEMA_COMMENT = "# yaml-language-server: $schema={ref}"
"""The first line of starters and examples: editors with the YAML extension then complete and check keys."""


def starter_outline(kind: Kind, schema_ref: str | None = None) -> str:
    """The text of a starter outline for ``kind``; ``schema_ref`` is the JSON Schema's path or URL."""
    lines = []
    if schema_ref:
        lines.append(SCHEMA_COMMENT.format(ref=schema_ref))
    lines += [
        f"# A starter {kind.name} outline. {kind.description}",
        "# The comment above each key says what it holds. Keys commented out (#) are optional: remove",
        "# the '# ' to use one. `drafter check FILE` finds what is left to fill in or fix;",
        "# `drafter render FILE` makes the DOCX.",
    ]
    for spec in fields_of(kind.model):
        lines.append("")
        lines += _field(spec, 0, top=True)
    return "\n".join(lines) + "\n"


def _comment(spec: FieldSpec, indent: int) -> str:
    need = "Required" if spec.required else "Optional"
    doc = spec.doc.rstrip(".")
    stop = "" if doc.endswith(("。", "！", "？", "……")) else "."
    return f"{' ' * indent}# {doc}{stop} {need}: {describe(spec.hint)}."


def _field(spec: FieldSpec, indent: int, top: bool = False) -> list[str]:
    pad = " " * indent
    hint = _without_none(spec.hint)
    item = _record_item(hint)
    if item is not None and (spec.required or _has_sample(item)) and top:
        return [_comment(spec, indent), f"{pad}{spec.name}:", *_item_lines(item, indent + 2)]
    if spec.required:
        return [_comment(spec, indent), f"{pad}{spec.name}: {_scalar(_sample(spec))}"]
    if dataclasses.is_dataclass(hint):
        nested = [f"{spec.name}:", *_record_lines(hint, 2)]
        return [_comment(spec, indent), *(f"{pad}# {line}".rstrip() for line in nested)]
    if typing.get_origin(hint) is tuple:
        if isinstance(spec.example, (list, tuple)):  # an optional list worth showing filled in
            items = [f"{pad}  - {_scalar(value)}" for value in spec.example]
            if all(isinstance(value, str) for value in spec.example):
                return [_comment(spec, indent), f"{pad}{spec.name}:", *items]
            # items with their own keys (a body's tables, figures…) are shown, commented out
            return [_comment(spec, indent), f"{pad}# {spec.name}:", *(f"{pad}# {line[len(pad):]}" for line in items)]
        return [_comment(spec, indent), f"{pad}# {spec.name}:", f"{pad}#   -"]
    shown = "" if spec.example is None else " " + _scalar(spec.example)
    if spec.default not in (None, ()) and spec.example is None:
        shown = " " + _scalar(spec.default)
    return [_comment(spec, indent), f"{pad}# {spec.name}:{shown}"]


def _record_lines(cls: type, indent: int) -> list[str]:
    lines: list[str] = []
    for spec in fields_of(cls):
        lines += _field(spec, indent)
    return lines


def _item_lines(cls: type, indent: int) -> list[str]:
    """One sample item of a list of records: its first key on the ``- `` line."""
    specs = fields_of(cls)
    first, rest = specs[0], specs[1:]
    pad = " " * indent
    head = _field(first, indent + 2)
    lines = [_comment(first, indent)]
    value_lines = head[1:]
    lines.append(f"{pad}- {value_lines[0].lstrip()}")
    lines += value_lines[1:]
    for spec in rest:
        lines += _field(spec, indent + 2)
    return lines


def _record_item(hint: Any) -> type | None:
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item) and isinstance(item, type):
            return item
    return None


def _has_sample(cls: type) -> bool:
    return any(s.required and s.example is not None for s in fields_of(cls))


def _without_none(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return options[0]
    return hint


def _sample(spec: FieldSpec) -> Any:
    """The value written for a required key: its example, else a placeholder ``check`` reports."""
    if spec.example is not None:
        return spec.example
    hint = _without_none(spec.hint)
    if typing.get_origin(hint) is typing.Literal:
        return typing.get_args(hint)[0]
    if hint is bool:
        return False
    if hint in (int, float):
        return 0
    if hint is dt.date:
        return dt.date(2025, 1, 1)
    return "TODO"


def _scalar(value: Any) -> str:
    """A value as one line of YAML (quoted only when YAML needs it)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        value = list(value)
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()
