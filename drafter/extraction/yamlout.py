"""Write outline data as YAML text: keys in the model's order, block style, UTF-8, notes as comments."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import types
import typing
from typing import Any

import yaml

from drafter.extraction.notes import NOTES, RESERVED
from drafter.outline.schema import fields_of

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def scalar(value: Any) -> str:
    """One YAML scalar: plain when it reads back as the same text, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if text and text == text.strip() and "\n" not in text:
        try:
            if yaml.load(text, Loader=_Loader) == text:
                return text
        except (yaml.YAMLError, ValueError):  # ValueError: a date-like text no date can be (2025-13-45)
            pass
    return json.dumps(text, ensure_ascii=False)


def _unwrap(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _unwrap(options[0]) if len(options) == 1 else hint
    return hint


def to_yaml(model: type, data: dict[str, Any], header: list[str] = ()) -> str:  # type: ignore[assignment]
    """The outline ``data`` (plain values, with notes) as YAML text for the dataclass ``model``."""
    lines = [f"# {line}" for line in header]
    _mapping(model, data, 0, lines)
    return "\n".join(lines) + "\n"


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""


def _mapping(model: type, data: dict[str, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    notes = data.get(NOTES, {})
    for spec in fields_of(model):
        if spec.name not in data or _empty(data[spec.name]):
            continue
        for message in notes.get(spec.name, []):
            out.append(f"{pad}# {message}")
        _value(spec.name, _unwrap(spec.hint), data[spec.name], indent, out)
    unknown = [k for k in data if k not in RESERVED and k not in {s.name for s in fields_of(model)}]
    if unknown:
        raise ValueError(f"extractor bug: {model.__name__} has no keys {unknown}")


def _value(key: str, hint: Any, value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if dataclasses.is_dataclass(hint):
        out.append(f"{pad}{key}:")
        _mapping(hint, value, indent + 2, out)
        return
    if typing.get_origin(hint) is tuple:
        item = _unwrap(typing.get_args(hint)[0])
        if item in (int, float) or typing.get_origin(item) is typing.Literal:
            out.append(f"{pad}{key}: {flow(value)}")  # a table's widths or alignments: one line
            return
        out.append(f"{pad}{key}:")
        for element in value:
            record = _record_of(item) if isinstance(element, dict) else None
            if record is not None:
                _item_mapping(record, element, indent + 2, out)
            elif isinstance(element, (list, tuple, dict)):
                out.append(f"{pad}  - {flow(element)}")  # a table's row
            else:
                out.append(f"{pad}  - {scalar(element)}")
        return
    if typing.get_origin(hint) is dict:  # footnotes: name → text
        out.append(f"{pad}{key}:")
        out.extend(f"{pad}  {scalar(name)}: {scalar(text)}" for name, text in value.items())
        return
    out.append(f"{pad}{key}: {scalar(value)}")


def _record_of(hint: Any) -> type | None:
    """The dataclass a list item of type ``hint`` may be (``str | Content`` → Content)."""
    if dataclasses.is_dataclass(hint):
        return hint  # type: ignore[return-value]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        records = [a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)]
        return records[0] if len(records) == 1 else None  # type: ignore[return-value]
    return None


_FLOW_UNSAFE = set(",[]{}#")
_FLOW_UNSAFE_START = set("&*!|>'\"%@`?-: ")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def flow(value: Any) -> str:
    """A row of cells (text, or {text, cols, rows}) as one YAML flow sequence or mapping."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, (bool, int, float)):
        return scalar(value)
    text = str(value)
    if _NUMBER.match(text):
        return text  # a cell's number: the loader keeps it as written (12.50 stays 12.50)
    plain = scalar(text)
    if plain.startswith('"') or not text or text[0] in _FLOW_UNSAFE_START or ": " in text \
            or any(c in _FLOW_UNSAFE for c in text):
        return json.dumps(text, ensure_ascii=False)
    return plain


def _item_mapping(model: type, data: dict[str, Any], indent: int, out: list[str]) -> None:
    lines: list[str] = []
    _mapping(model, data, indent + 2, lines)
    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    for line in lines[:first]:
        out.append(" " * indent + line.lstrip())
    out.append(" " * indent + "- " + lines[first][indent + 2:])
    out.extend(lines[first + 1:])
