"""``drafter new``: a starter outline for a kind, every key explained by a comment.

The keys come from the model (:mod:`drafter.outline.model`); the comment above each key and its
sample value from :mod:`drafter.authoring.starter_notes` (the model's ``doc`` and ``example``
where that has none), in the current language: Chinese under ``zh``, English under ``en``. Required keys
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

from drafter.authoring.starter_notes import FILLED, KIND_NAMES, SAMPLES, note_for, sample_key
from drafter.i18n import N_, _
from drafter.outline.kinds import Kind
from drafter.outline.schema import FieldSpec, describe, fields_of

SCHEMA_COMMENT = "# yaml-language-server: $schema={ref}"
"""The first line of starters and examples: editors with the YAML extension then complete and check keys."""

HEADER = N_("A starter {kind} outline. {description}\n"
            "The comment above each key says what it holds and what drafter does with it. Keys commented\n"
            "out (#) are optional: remove the '# ' to use one. The keys (the English words before the\n"
            "colons) are drafter's stable interface: keep them as they are and change only the values.\n"
            "drafter numbers headings and points itself: do not type 一、 or （一）.\n"
            "`drafter check FILE` finds what is left to fill in or fix; `drafter render FILE` makes the DOCX.")


def starter_outline(kind: Kind, schema_ref: str | None = None) -> str:
    """The text of a starter outline for ``kind``, commented in the current language; ``schema_ref``
    is the JSON Schema's path or URL."""
    lines = []
    if schema_ref:
        lines.append(SCHEMA_COMMENT.format(ref=schema_ref))
    name = _(KIND_NAMES[kind.name]) if kind.name in KIND_NAMES else kind.name
    header = _(HEADER).format(kind=kind.name, name=name, description=_(kind.description))
    lines += [f"# {line}".rstrip() for line in header.splitlines()]
    writer = _Writer(kind)
    for spec in fields_of(kind.model):
        lines.append("")
        lines += writer.field(kind.model, spec, 0, top=True)
    return "\n".join(lines) + "\n"


def key_note(record: type, spec: FieldSpec) -> str:
    """What the comment above key ``spec`` of ``record`` says about it, in the current language."""
    note = note_for(record, spec.name)
    text = (_(note) if note else _(spec.doc)).strip()
    return text if text.endswith(_SENTENCE_ENDS) else text + "."


_SENTENCE_ENDS = (".", "。", "！", "？", "……", "!", "?")


class _Writer:
    """Writes the keys of one kind's starter, with the samples of its language."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind

    def comment(self, record: type, spec: FieldSpec, indent: int) -> str:
        message = N_("{note} Required: {type}.") if spec.required else N_("{note} Optional: {type}.")
        text = _(message).format(note=key_note(record, spec), type=describe(spec.hint))
        return f"{' ' * indent}# {text}"

    def sample(self, record: type, spec: FieldSpec) -> Any:
        """The sample value of a key: the starter's own, else the model's example."""
        key = sample_key(record, spec.name, self.kind.language)
        return SAMPLES[key] if key is not None else spec.example

    def filled(self, record: type, spec: FieldSpec) -> bool:
        return sample_key(record, spec.name, self.kind.language) in FILLED

    def field(self, record: type, spec: FieldSpec, indent: int, top: bool = False) -> list[str]:
        pad = " " * indent
        hint = _without_none(spec.hint)
        item = _record_item(hint)
        comment = self.comment(record, spec, indent)
        if item is not None and (spec.required or self.has_sample(item)) and top:
            return [comment, f"{pad}{spec.name}:", *self.item_lines(item, indent + 2)]
        if spec.required:
            return [comment, f"{pad}{spec.name}: {_scalar(self.required_value(record, spec))}"]
        sample = self.sample(record, spec)
        if dataclasses.is_dataclass(hint):
            nested = [f"{spec.name}:", *self.record_lines(hint, 2)]
            return [comment, *(f"{pad}# {line}".rstrip() for line in nested)]
        if typing.get_origin(hint) is tuple:
            if isinstance(sample, (list, tuple)):
                items = [f"{pad}  - {_scalar(value)}" for value in sample]
                if self.filled(record, spec) and all(isinstance(value, str) for value in sample):
                    return [comment, f"{pad}{spec.name}:", *items]
                return [comment, f"{pad}# {spec.name}:", *(f"{pad}# {line[len(pad):]}" for line in items)]
            return [comment, f"{pad}# {spec.name}:", f"{pad}#   -"]
        shown = "" if sample is None else " " + _scalar(sample)
        if spec.default not in (None, ()) and sample is None:
            shown = " " + _scalar(spec.default)
        return [comment, f"{pad}# {spec.name}:{shown}"]

    def record_lines(self, cls: type, indent: int) -> list[str]:
        lines: list[str] = []
        for spec in fields_of(cls):
            lines += self.field(cls, spec, indent)
        return lines

    def item_lines(self, cls: type, indent: int) -> list[str]:
        """One sample item of a list of records: its first key on the ``- `` line."""
        specs = fields_of(cls)
        first, rest = specs[0], specs[1:]
        pad = " " * indent
        head = self.field(cls, first, indent + 2)
        lines = [self.comment(cls, first, indent)]
        value_lines = head[1:]
        lines.append(f"{pad}- {value_lines[0].lstrip()}")
        lines += value_lines[1:]
        for spec in rest:
            lines += self.field(cls, spec, indent + 2)
        return lines

    def has_sample(self, cls: type) -> bool:
        return any(s.required and self.sample(cls, s) is not None for s in fields_of(cls))

    def required_value(self, record: type, spec: FieldSpec) -> Any:
        """The value written for a required key: its sample, else a placeholder ``check`` reports."""
        sample = self.sample(record, spec)
        if sample is not None:
            return sample
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


def _record_item(hint: Any) -> type | None:
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item) and isinstance(item, type):
            return item
    return None


def _without_none(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return options[0]
    return hint


def _scalar(value: Any) -> str:
    """A value as one line of YAML (quoted only when YAML needs it)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        value = list(value)
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()
