"""Load an outline file: safe YAML with positions → schema validation → the document model."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import OutlineError, Problem
from drafter.i18n import _
from drafter.outline.formats import load_document, parse_document
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.media import Image
from drafter.outline.resolve import Locate, check_marks, finishers
from drafter.outline.review import review
from drafter.outline.schema import Validator
from drafter.outline.yamlfile import KeyPath, YamlDocument
from drafter.text.numbering import numbering_sample


@dataclass(frozen=True)
class Outline:
    """A validated outline: its kind, its model object and the file it came from."""

    kind: Kind
    document: Any
    source: Path | None = None
    warnings: tuple[Problem, ...] = ()
    """What rendering warns about (see :mod:`drafter.outline.review`): typed heading numbers taken
    off, placeholders, empty sections."""
    media: dict[str, Image] = field(default_factory=dict, compare=False, repr=False)
    """The images of its figures, read and checked, by the file name the outline gives."""

    @property
    def base_dir(self) -> Path:
        """Folder that relative paths in the outline (``department:``) are resolved against."""
        return self.source.parent if self.source else Path.cwd()

    def __getattr__(self, name: str) -> Any:
        """The document's own fields read directly: ``outline.title`` is ``outline.document.title``."""
        if name.startswith("__") or name in {"kind", "document", "source", "warnings", "media"}:
            raise AttributeError(name)
        try:
            return getattr(self.document, name)
        except AttributeError:
            raise AttributeError(_("a {kind} outline has no field {name!r}; its fields are {fields}").format(
                kind=self.kind.name, name=name,
                fields=", ".join(f.name for f in dataclasses.fields(self.document)))) from None


def load_outline(path: str | Path, *, locate: Locate | None = None) -> Outline:
    """Read, validate and build the outline at ``path`` (YAML, or JSON when it ends in .json);
    raises :class:`OutlineError`. ``locate``: where the files it names are read (see
    :data:`drafter.outline.resolve.Locate`)."""
    path = Path(path)
    return outline_from_yaml(load_document(path, str(path), strict=False), path, locate=locate)


def parse_outline(text: str, file: str = "<outline>", *, base_dir: Path | None = None,
                  locate: Locate | None = None) -> Outline:
    """Validate and build an outline from YAML or JSON text (JSON when ``file`` ends in .json, or
    when an unnamed text starts with ``{``). Files it names are relative to ``base_dir`` (default:
    the current folder), read where ``locate`` says (see :data:`drafter.outline.resolve.Locate`)."""
    return outline_from_yaml(parse_document(text, file, strict=False), None, base_dir=base_dir, locate=locate)


def outline_from_yaml(document: YamlDocument, source: Path | None, *, reviewed: bool = True,
                      base_dir: Path | None = None, locate: Locate | None = None) -> Outline:
    """Validate a parsed YAML document as an outline of the kind it names.

    Problems the YAML reader left in ``document.problems`` are reported together with the
    schema's own, so that one run lists everything wrong with the file. ``reviewed``: apply
    :func:`drafter.outline.review.review` (typed heading numbers, placeholders, empty sections);
    ``check`` turns it off, having rules of its own for these. The files the outline names are
    relative to ``base_dir`` (default: the folder of ``source``, else the current folder) and read
    where ``locate`` says.
    """
    data = document.data
    early = list(document.problems)
    if document.is_reported(()):
        raise OutlineError(early)
    if data is None:
        raise OutlineError([document.problem((), _("the outline is empty; start with 'kind:' and 'title:'"))])
    if not isinstance(data, dict):
        raise OutlineError([document.problem((), _("an outline is a mapping of keys (kind:, title:, …)"))])
    try:
        kind = _kind(document)
    except OutlineError as exc:
        raise OutlineError(early + ([] if document.is_reported(("kind",)) else exc.problems)) from None
    warnings: list[Problem] = []
    refusals: list[Problem] = []
    if reviewed:
        data, warnings, refusals = review(document, kind)
    media: dict[str, Image] = {}
    folder = base_dir or (source.parent if source else Path.cwd())
    validator = Validator(document, finishers(folder, media, locate))
    built = validator.record(kind.model, data, ())
    check_marks(validator, data)
    _check_depth(validator, data.get("sections"), ("sections",), 1, kind)
    _check_counts(validator, data.get("sections"), ("sections",))
    if early or validator.problems or refusals:
        raise OutlineError(early + validator.problems + refusals)
    return Outline(kind, built, source, tuple(sorted(warnings, key=lambda p: (p.line, p.column))), media)


def _kind(document: YamlDocument) -> Kind:
    names = ", ".join(KINDS)
    value = document.data.get("kind")
    if "kind" not in document.data:
        raise OutlineError([document.problem((), _("missing required key 'kind' (one of: {kinds})").format(
            kinds=names))])
    if isinstance(value, str) and value in KINDS:
        return KINDS[value]
    if not isinstance(value, str):
        raise OutlineError([document.problem(("kind",), _("expected the name of a kind (one of: {kinds}), "
                                                         "got {got}").format(kinds=names, got=_shown(value)))])
    close = difflib.get_close_matches(str(value), list(KINDS), n=1, cutoff=0.5)
    shown = repr(value) if len(value) <= 40 else repr(value[:40] + "…")
    if close:
        message = _("unknown kind {kind}; did you mean '{suggestion}'? drafter knows: {kinds}").format(
            kind=shown, suggestion=close[0], kinds=names)
    else:
        message = _("unknown kind {kind}; drafter knows: {kinds}").format(kind=shown, kinds=names)
    raise OutlineError([document.problem(("kind",), message)])


def _shown(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping of keys")
    return repr(value)


def _check_depth(validator: Validator, sections: Any, path: KeyPath, level: int, kind: Kind) -> None:
    if not isinstance(sections, list):
        return
    for index, section in enumerate(sections):
        if not _check_section_depth(validator, section, (*path, index), level, kind):
            return


def _check_section_depth(validator: Validator, section: Any, here: KeyPath, level: int, kind: Kind) -> bool:
    """Whether ``section`` (and what it holds) stays within the kind's depth; reports it if not."""
    if not isinstance(section, dict):
        return True
    if level > kind.depth:
        scheme = _(" ({sample})").format(sample=numbering_sample(kind.numbering)) if kind.numbering else ""
        validator.fail(here, _("sections nest at most {depth} levels deep in a {kind}{scheme}; move this "
                               "section up a level").format(depth=kind.depth, kind=kind.name, scheme=scheme))
        return False
    _check_depth(validator, section.get("sections"), (*here, "sections"), level + 1, kind)
    for at, sub in _body_sections(section):
        _check_section_depth(validator, sub, (*here, "body", at, "section"), level + 1, kind)
    return True


def _body_sections(section: dict[str, Any]) -> list[tuple[int, Any]]:
    """(index, subsection) of the ``section:`` items of a section's ordered body."""
    body = section.get("body")
    if not isinstance(body, list):
        return []
    return [(i, item["section"]) for i, item in enumerate(body) if isinstance(item, dict) and "section" in item]


MAX_NUMBERED = 999
"""Most sections at one level, and most points in one list: numbers run 一 … 九百九十九."""


def _check_counts(validator: Validator, sections: Any, path: KeyPath) -> None:
    """Sections at one level and points in one list stay within the numbers drafter writes."""
    if not isinstance(sections, list):
        return
    if len(sections) > MAX_NUMBERED:
        validator.fail((*path, MAX_NUMBERED), _("{count:,} sections at one level; drafter numbers at most "
                                                "{limit} (一 to 九百九十九): group them into sections").format(
                                                    count=len(sections), limit=MAX_NUMBERED))
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        here = (*path, index)
        points = section.get("points")
        if isinstance(points, list) and len(points) > MAX_NUMBERED:
            validator.fail((*here, "points", MAX_NUMBERED), _("{count:,} points in one list; drafter numbers "
                                                              "at most {limit} (一是 to 九百九十九是)").format(
                                                                  count=len(points), limit=MAX_NUMBERED))
        _check_counts(validator, section.get("sections"), (*here, "sections"))
