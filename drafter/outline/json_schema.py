"""JSON Schema of outlines, generated from the model's dataclasses (never written by hand).

The same type hints and ``doc`` metadata that :class:`drafter.outline.schema.Validator` interprets are
turned into JSON Schema (draft-07, understood by editors through yaml-language-server), so the
schema an editor checks against and the validator drafter runs cannot drift apart. It follows
the validator's leniencies: optional keys may be left empty (null), a list of paragraphs may be
given as one text, and dates may be written 2025-07-18 or 2025年7月18日.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from drafter.outline.content import CellText
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.schema import fields_of
from drafter.resources import schemas_dir

DRAFT = "http://json-schema.org/draft-07/schema#"

DATE_PATTERN = (
    r"^\s*\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?"
    r"(?:[Tt ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{1,2}(?::?\d{2})?)?)?\s*$"
)
"""Dates as the validator reads them: 2025-07-18, 2025/7/18, 2025年7月18日 (a time may follow an ISO date)."""

TEXT_PATTERN = r"\S"
"""Text must hold something other than white space (the validator rejects empty text)."""


SCHEMA_NAME = "outline.schema.json"
"""File name of the shipped schema (``schemas/`` in the repository, ``drafter/schemas`` when installed)."""


def schema_file() -> Path:
    """The shipped JSON Schema of all kinds, regenerated with ``drafter schema -o schemas/outline.schema.json``."""
    return schemas_dir() / SCHEMA_NAME


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0] if (doc or "").strip() else ""


class _Builder:
    """Turns type hints into schema fragments, collecting records under ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        """A ``$ref`` to the record ``cls``, defining it on first use."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: records may be recursive (Section)
            self.defs[name] = self.record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def record(self, cls: type) -> dict[str, Any]:
        """An object schema for a dataclass: its keys, their docs, which are required, no others."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        for spec in fields_of(cls):
            schema = self.hint(spec.hint)
            if not spec.required:
                schema = _nullable(schema)
            schema = {"description": spec.doc, **schema} if spec.doc else schema
            default = _json_value(spec.default)
            if not spec.required and default not in (None, []):
                schema["default"] = default
            if spec.example is not None:
                schema["examples"] = [_json_value(spec.example)]
            properties[spec.name] = schema
            if spec.required:
                required.append(spec.name)
        out: dict[str, Any] = {"type": "object", "title": cls.__name__}
        if _first_line(cls.__doc__):
            out["description"] = _first_line(cls.__doc__)
        out["properties"] = properties
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out

    def hint(self, hint: Any) -> dict[str, Any]:
        """The schema of one type hint."""
        origin = typing.get_origin(hint)
        if hint is str:
            return {"type": "string", "pattern": TEXT_PATTERN}
        if hint is CellText:
            return {"type": ["string", "number"]}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is float:
            return {"type": "number"}
        if hint is dt.date:
            return {"type": "string", "pattern": DATE_PATTERN}
        if origin is typing.Literal:
            values = list(typing.get_args(hint))
            return {"const": values[0]} if len(values) == 1 else {"enum": values}
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            schemas = [self.hint(o) for o in options]
            if type(None) in typing.get_args(hint):
                schemas.append({"type": "null"})
            return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
        if origin is tuple:
            item = typing.get_args(hint)[0]
            array = {"type": "array", "items": self.hint(item)}
            if item is str:  # one paragraph may be given as text instead of a list
                return {"anyOf": [array, self.hint(str)]}
            return array
        if origin is dict:
            return {"type": "object", "additionalProperties": self.hint(typing.get_args(hint)[1])}
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            return self.ref(hint)
        raise TypeError(f"no JSON Schema for the type hint {hint!r}")


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional key may be left empty (``subtitle:`` reads as null)."""
    if schema.get("type") == "null" or any(s.get("type") == "null" for s in schema.get("anyOf", [])):
        return schema
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def kind_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one kind's outlines."""
    builder = _Builder()
    root = builder.ref(kind.model)
    return {
        "$schema": DRAFT,
        "title": f"drafter outline: {kind.name}",
        "description": kind.description,
        "allOf": [root],
        "$defs": builder.defs,
    }


def outline_schema(kinds: Iterable[Kind] | None = None) -> dict[str, Any]:
    """The JSON Schema of every outline drafter reads: one of the kinds, chosen by ``kind``."""
    chosen = list(kinds if kinds is not None else KINDS.values())
    builder = _Builder()
    refs = [builder.ref(kind.model) for kind in chosen]
    names = [kind.name for kind in chosen]
    return {
        "$schema": DRAFT,
        "title": "drafter outline",
        "description": "A YAML outline that drafter renders to a DOCX; `kind` chooses the document type: "
                       + ", ".join(names) + ".",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"description": "The kind of document.", "enum": names}},
        "oneOf": refs,
        "$defs": builder.defs,
    }


def dumps(schema: dict[str, Any]) -> str:
    """The schema as stable, readable JSON text (ends with a newline)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
