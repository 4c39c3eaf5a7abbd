"""Validate plain YAML values against the model's dataclasses and build the model.

The schema *is* :mod:`drafter.outline.model`: this module interprets its type hints (``str``,
``bool``, ``int``, ``date``, ``Literal``, ``X | None``, ``tuple[X, ...]`` and nested
dataclasses) and collects every problem with its line, column and key path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from drafter.errors import Problem
from drafter.i18n import _, current_language
from drafter.outline.content import CellText
from drafter.outline.yamlfile import KeyPath, YamlDocument, date_reason


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """One key of a record: its name, type hint, whether required, default and documentation."""

    name: str
    hint: Any
    required: bool
    default: Any
    source_doc: str
    """The documentation as the model declares it (English, the catalog's message id)."""
    example: Any
    check: Any = None
    """A function value → message (or None) for a value of the right type that is still wrong."""

    @property
    def doc(self) -> str:
        """The key's documentation in the current language (``drafter kinds``, the schema, starters)."""
        return _(self.source_doc) if self.source_doc else ""


@cache
def fields_of(cls: type) -> tuple[FieldSpec, ...]:
    """The keys a record accepts, in declaration order."""
    hints = typing.get_type_hints(cls)
    specs = []
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        specs.append(FieldSpec(
            f.name, hints[f.name], required,
            None if required else f.default,
            f.metadata.get("doc", ""), f.metadata.get("example"), f.metadata.get("check"),
        ))
    return tuple(specs)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CN_DATE = re.compile(r"^\s*(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?\s*$")


def _kind_of(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("the number {number}").format(number=value)
    if isinstance(value, str):
        return _("text")
    if isinstance(value, dict):
        return _("a mapping of keys")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dt.date):
        return _("a date")
    if isinstance(value, bytes):
        return _("bytes")
    return type(value).__name__


def _or(options: list[str]) -> str:
    """``a or b or c`` in the current language."""
    return _(" or ").join(options)


def describe(hint: Any) -> str:
    """A reader's name for what a type hint accepts ("text", "a list of text", …)."""
    origin = typing.get_origin(hint)
    if hint is str:
        return _("text")
    if hint is CellText:
        return _("text or a number")
    if hint is bool:
        return _("true or false")
    if hint is int:
        return _("a whole number")
    if hint is float:
        return _("a number")
    if hint is dt.date:
        return _("a date such as 2025-07-18")
    if origin is typing.Literal:
        return _or([repr(a) for a in typing.get_args(hint)])
    if origin in (typing.Union, types.UnionType):
        return _or([describe(a) for a in typing.get_args(hint) if a is not type(None)])
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if item is str:
            return _("a list of paragraphs (or one paragraph as text)")
        if dataclasses.is_dataclass(item):
            return _("a list of mappings with keys {keys}").format(keys=", ".join(f.name for f in fields_of(item)))
        return _("a list of {items}").format(items=describe(item))
    if origin is dict:
        return _("a mapping of names to {values}").format(values=describe(typing.get_args(hint)[1]))
    if dataclasses.is_dataclass(hint):
        return _("a mapping with keys {keys}").format(keys=", ".join(f.name for f in fields_of(hint)))
    return str(hint)


def _in_brackets(doc: str) -> str:
    """A key's documentation as it reads inside brackets: Chinese drops its closing 。 there."""
    return doc.rstrip("。") if current_language() == "zh_CN" else doc


def expected(wanted: str, got: str) -> str:
    """``expected text, got a list`` in the current language."""
    return _("expected {wanted}, got {got}").format(wanted=wanted, got=got)


class Validator:
    """Builds model objects from a :class:`YamlDocument`, collecting every problem."""

    def __init__(self, document: YamlDocument,
                 finishers: dict[type, Callable[[Validator, Any, KeyPath], Any]] | None = None) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.finishers = finishers or {}
        """Per record type, a step run on each record built (it returns the record, or ``_INVALID``)."""

    def fail(self, path: KeyPath, message: str, *, key: bool = False) -> None:
        """Record a problem at ``path`` (unless the YAML reader already refused the value there)."""
        if self.document.is_reported(path):
            return
        self.problems.append(self.document.problem(path, message, key=key))

    def record(self, cls: type, data: Any, path: KeyPath, *, skip: frozenset[str] = frozenset()) -> Any:
        """Build dataclass ``cls`` from a mapping; ``skip`` names keys already checked by the caller."""
        if not isinstance(data, dict):
            self.fail(path, expected(describe(cls), _kind_of(data)))
            return None
        specs = fields_of(cls)
        names = [s.name for s in specs]
        suggested: set[str] = set()
        for name in data:
            if name not in names and name not in skip:
                hint = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
                if hint:
                    message = _("unknown key '{key}'; did you mean '{suggestion}'?").format(key=name, suggestion=hint[0])
                else:
                    message = _("unknown key '{key}'; valid keys: {keys}").format(key=name, keys=", ".join(names))
                suggested.update(hint)
                self.fail((*path, name), message, key=True)
        values: dict[str, Any] = {}
        ok = True
        for spec in specs:
            if spec.name not in data or (data[spec.name] is None and not spec.required):
                if spec.required:
                    if spec.name not in suggested:  # a misspelt key already says "did you mean"
                        self.fail(path, _("missing required key '{key}' ({doc})").format(key=spec.name,
                                                                                      doc=_in_brackets(spec.doc)))
                    ok = False
                continue
            value = self.value(spec.hint, data[spec.name], (*path, spec.name))
            if value is not _INVALID and spec.check is not None and (wrong := spec.check(value)):
                self.fail((*path, spec.name), wrong)
                value = _INVALID
            if value is _INVALID:
                ok = False
            else:
                values[spec.name] = value
        if not ok:
            return _INVALID
        built = cls(**values)
        finish = self.finishers.get(cls)
        return finish(self, built, path) if finish else built

    def value(self, hint: Any, data: Any, path: KeyPath) -> Any:
        """Check and convert one value against a type hint; ``_INVALID`` when it does not fit."""
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            if data is None:
                return None
            if len(options) == 1:
                return self.value(options[0], data, path)
            return self._first_fit(options, data, path)
        if dataclasses.is_dataclass(hint):
            built = self.record(hint, data, path)
            return _INVALID if built is None else built
        if origin is tuple:
            return self._sequence(typing.get_args(hint)[0], data, path)
        if origin is dict:
            return self._mapping(typing.get_args(hint)[1], data, path)
        if origin is typing.Literal:
            allowed = typing.get_args(hint)
            if data in allowed:
                return data
            close = difflib.get_close_matches(str(data), [str(a) for a in allowed], n=1, cutoff=0.6)
            message = expected(describe(hint), repr(data))
            if close:
                message = _("{message}; did you mean '{suggestion}'?").format(message=message, suggestion=close[0])
            self.fail(path, message)
            return _INVALID
        if hint is CellText:
            return self._cell_text(data, path)
        if hint is str:
            if isinstance(data, bool):  # yes/no/on/off typed as text
                self.fail(path, _("expected text, got true/false (YAML reads yes, no, on, off, true and false "
                                  "as true/false; put the text in quotes)"))
                return _INVALID
            return self._text(data, path)
        if hint is bool:
            if isinstance(data, bool):
                return data
        elif hint is int:
            if isinstance(data, int) and not isinstance(data, bool):
                return data
        elif hint is float:
            if isinstance(data, (int, float)) and not isinstance(data, bool):
                return float(data)
        elif hint is dt.date:
            return self._date(data, path)
        self.fail(path, expected(describe(hint), _kind_of(data)))
        return _INVALID

    def _first_fit(self, options: list[Any], data: Any, path: KeyPath) -> Any:
        records = [o for o in options if dataclasses.is_dataclass(o)]
        if isinstance(data, dict) and len(records) == 1:  # a mapping can only mean the record:
            return self.value(records[0], data, path)    # its own problems say more than "expected"
        if records and not isinstance(data, dict):  # and anything else cannot be one
            rest = [o for o in options if o not in records]
            if len(rest) == 1:
                return self.value(rest[0], data, path)
        for option in options:
            trial = Validator(self.document, self.finishers)
            result = trial.value(option, data, path)
            if result is not _INVALID:
                self.problems.extend(trial.problems)
                return result
        self.fail(path, expected(_or([describe(o) for o in options]), _kind_of(data)))
        return _INVALID

    def _sequence(self, item: Any, data: Any, path: KeyPath) -> Any:
        if isinstance(data, str) and (item is str or str in typing.get_args(item)):
            data = [data]
        if not isinstance(data, list):
            self.fail(path, expected(describe(tuple[item, ...]), _kind_of(data)))
            return _INVALID
        items = [self.value(item, element, (*path, index)) for index, element in enumerate(data)]
        return _INVALID if any(i is _INVALID for i in items) else tuple(items)

    def _mapping(self, item: Any, data: Any, path: KeyPath) -> Any:
        if not isinstance(data, dict):
            self.fail(path, expected(_("a mapping of names to {values}").format(values=describe(item)),
                                     _kind_of(data)))
            return _INVALID
        items = {name: self.value(item, element, (*path, name)) for name, element in data.items()}
        return _INVALID if any(i is _INVALID for i in items.values()) else items

    def _cell_text(self, data: Any, path: KeyPath) -> Any:
        """A table cell: text, or a number as it was written (12.50 keeps its zero)."""
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            span = self.document.scalars.get(path)
            written = self.document.text[span.start:span.end] if span and span.style is None else ""
            return CellText(written.strip() or str(data))
        if isinstance(data, str) and not data.strip():
            return CellText("")  # an empty cell
        text = self._text(data, path)
        return text if text is _INVALID else CellText(text)

    def _text(self, data: Any, path: KeyPath) -> Any:
        if isinstance(data, dt.date):  # an unquoted date typed where text is wanted
            return f"{data.year}年{data.month}月{data.day}日"
        if not isinstance(data, str):
            tip = _(" (put it in quotes: '{value}')").format(value=data) if isinstance(data, (int, float)) else ""
            if isinstance(data, dict) and len(data) == 1:
                tip = _(" (YAML read the ': ' in this text as a key; put the whole text in quotes)")
            self.fail(path, expected(_("text"), _kind_of(data)) + tip)
            return _INVALID
        bad = _XML_ILLEGAL.search(data)
        if bad:
            self.fail(path, _("contains the control character U+{code:04X}, which a DOCX cannot hold").format(
                code=ord(bad.group())))
            return _INVALID
        text = data.strip()
        if not text:
            self.fail(path, _("is empty; write the text or remove the key"))
            return _INVALID
        return text

    def _date(self, data: Any, path: KeyPath) -> Any:
        if isinstance(data, dt.datetime):
            return data.date()
        if isinstance(data, dt.date):
            return data
        if isinstance(data, str):
            match = _CN_DATE.match(data)
            if match:
                try:
                    return dt.date(*(int(g) for g in match.groups()))
                except ValueError as exc:
                    self.fail(path, _("'{value}' is not a real date ({reason})").format(value=data,
                                                                                      reason=date_reason(str(exc))))
                    return _INVALID
        self.fail(path, expected(describe(dt.date), _kind_of(data)))
        return _INVALID


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


_INVALID: Any = _Invalid()
INVALID = _INVALID
"""What a finisher returns for a record it refuses (after :meth:`Validator.fail`)."""
