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

from drafter.i18n import N_, _, current_language
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

SCHEMA_NAMES = {"en": SCHEMA_NAME, "zh_CN": "outline.schema.zh-CN.json"}
"""The shipped schema in each language: the same schema, its ``description`` texts (an editor's hover
text) in English or Chinese. Regenerate both after changing the model::

    DRAFTER_LANG=en drafter schema -o schemas/outline.schema.json
    DRAFTER_LANG=zh drafter schema -o schemas/outline.schema.zh-CN.json
"""


def schema_file(language: str | None = None) -> Path:
    """The shipped JSON Schema of all kinds in ``language`` (default: the current one), as
    ``drafter schema`` writes it in that language."""
    return schemas_dir() / SCHEMA_NAMES.get(language or current_language(), SCHEMA_NAME)


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0] if (doc or "").strip() else ""


RECORD_DESCRIPTIONS = {
    "Speech": N_('A speech at a meeting or seminar (讲话稿、研讨会发言).'),
    "Section": N_('A section of the body; sections nest (level 1 一、, 2 （一）, 3 1., 4 （1）).'),
    "Point": N_('One point with its own lead sentence: 一要强化责任落实。body…'),
    "Content": N_('One item of an ordered section body: exactly one of paragraph, points, table, figure,'),
    "Table": N_('A table: caption 表1 …, header rows repeated on every page, spans, notes 注：….'),
    "Cell": N_('A table cell with a span or its own alignment (plain cells are just text or a number).'),
    "Figure": N_('A PNG or JPEG image with its caption 图1 … below, kept on one page with it.'),
    "PartyLecture": N_('A party lecture (党课): label and title, source line, sections with run-in level-2 items.'),
    "Minutes": N_('Seminar minutes or summary (座谈会纪要/综述): meeting facts, speakers in order, consensus.'),
    "Meeting": N_('Facts of a meeting.'),
    "Speaker": N_("One speaker's block in minutes: heading line, then remarks."),
    "Attendance": N_('Attendance lists of a meeting (出席/列席/请假).'),
    "Article": N_('A research article (学术论文): authors, abstract, keywords, sections 一、 then 1., references.'),
    "Author": N_('An author of an article.'),
    "EnglishFront": N_('The English title block of a Chinese article.'),
    "Commentary": N_('An English commentary: title, date, body with optional headings, byline.'),
    "Report": N_('A work or research report (工作报告/调研报告); sent up to a superior it is a 上行文 with the'),
    "Attachment": N_('An attachment (附件) that carries its own pages: its title and its text.'),
    "Notice": N_('A notice (通知) in the 文件格式: red header, number, red line, text, 版记 on an even page.'),
    "Request": N_('A request to a superior (请示), a 上行文: 签发人 beside the number, one matter, a contact note.'),
    "Letter": N_('A letter (函) in the 信函格式: mark at the page top, red double lines, number flush right.'),
    "MeetingMinutes": N_('Minutes of a meeting in the 纪要格式: the red ……纪要 mark, decisions, attendance, 版记.'),
    "Order": N_("An order (命令/令) in the 命令格式: the red ……令 mark, the 令号, the text, the signer's title and name."),
}
"""The first line of each record's docstring, the ``description`` of its ``$defs`` entry, marked for
the catalog so that an editor's hover text is Chinese under zh (tests/test_i18n_input.py keeps this
table equal to the docstrings)."""


def record_description(cls: type) -> str:
    """The first line of a record's docstring, in the current language."""
    line = _first_line(cls.__doc__)
    return _(line) if line else ""


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
            out["description"] = record_description(cls)
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
        "title": _("drafter outline: {kind}").format(kind=kind.name),
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
        "title": _("drafter outline"),
        "description": _("A YAML outline that drafter renders to a DOCX; `kind` chooses the document type: "
                         "{kinds}.").format(kinds=", ".join(names)),
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"description": _("The kind of document."), "enum": names}},
        "oneOf": refs,
        "$defs": builder.defs,
    }


def dumps(schema: dict[str, Any]) -> str:
    """The schema as stable, readable JSON text (ends with a newline)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
