"""The form for a kind, described from its model's dataclasses so that new fields appear by themselves.

Each key becomes a widget by its type hint: text, a date, true/false, a choice (a ``Literal``),
a list of texts, a record (a nested dataclass) or a list of records (sections, speakers, authors,
and whatever content items the model grows). A hint the form cannot show is ``yaml``: the field is
named with its help and edited in the YAML view.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any

from drafter.outline.kinds import Kind
from drafter.outline.schema import describe, fields_of


def kind_form(kind: Kind) -> dict[str, Any]:
    """The form of ``kind``: its fields, and ``records`` (one entry per record type, by name)."""
    records: dict[str, list[dict[str, Any]]] = {}
    fields = _record_fields(kind.model, records)
    return {"kind": kind.name, "language": kind.language, "numbering": list(kind.numbering),
            "depth": kind.depth, "fields": fields, "records": records}


def _record_fields(cls: type, records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    out = []
    for spec in fields_of(cls):
        widget = _widget(spec.hint, records)
        widget.update(name=spec.name, doc=spec.doc, required=spec.required, accepts=describe(spec.hint))
        if spec.default not in (None, (), dataclasses.MISSING) and isinstance(spec.default, (str, bool, int, float)):
            widget["default"] = spec.default
        if spec.example is not None and isinstance(spec.example, (str, int, float)):
            widget["example"] = spec.example
        out.append(widget)
    return out


def _widget(hint: Any, records: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    options = _options(hint)
    nullable = type(None) in options
    options = [o for o in options if o is not type(None)]
    if len(options) == 1:
        hint = options[0]
    elif len(options) > 1:
        literals = [a for o in options if typing.get_origin(o) is typing.Literal for a in typing.get_args(o)]
        if str in options:
            return {"type": "text", "nullable": nullable, "also": [v for v in literals if v is not None]}
        return {"type": "yaml", "nullable": nullable}
    if hint is str:
        return {"type": "text", "nullable": nullable}
    if hint is dt.date:
        return {"type": "date", "nullable": nullable}
    if hint is bool:
        return {"type": "bool", "nullable": nullable}
    if hint in (int, float):
        return {"type": "number", "nullable": nullable}
    if typing.get_origin(hint) is typing.Literal:
        return {"type": "choice", "choices": list(typing.get_args(hint)), "nullable": nullable}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return {"type": "record", "record": _register(hint, records), "nullable": nullable}
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if item is str:
            return {"type": "texts"}
        if dataclasses.is_dataclass(item) and isinstance(item, type):
            return {"type": "records", "record": _register(item, records)}
    return {"type": "yaml", "nullable": nullable}


def _register(cls: type, records: dict[str, list[dict[str, Any]]]) -> str:
    if cls.__name__ not in records:
        records[cls.__name__] = []  # placed first: a record may contain itself (sections)
        records[cls.__name__] = _record_fields(cls, records)
    return cls.__name__


def _options(hint: Any) -> list[Any]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return list(typing.get_args(hint))
    return [hint]
