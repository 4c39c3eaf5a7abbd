"""What rendering says about an outline before it writes anything: warnings and refusals.

- A heading number typed by hand that says what drafter would write at that position
  (``heading: 一、提高认识`` as the first level-1 section) is taken off, with a warning, so the
  document does not read 一、一、提高认识; one that contradicts the position (``二、`` first, or
  ``（一）`` on level 1) is refused: only the writer knows which is right.
- Placeholders never filled in (XX, ××, 【待补充】 …) and sections with a heading but no body are
  warnings.

Warnings are :class:`drafter.errors.Problem` values (file, line, column, key path); rendering
prints them, ``render --strict`` and ``batch --strict`` refuse to write when there is any.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from drafter.errors import Problem
from drafter.i18n import _
from drafter.outline.kinds import Kind
from drafter.outline.scalarmap import LineIndex, char_spans
from drafter.outline.yamlfile import KeyPath, YamlDocument, format_path
from drafter.text.numbering import heading_number, is_heading_label, same_number, typed_number
from drafter.text.placeholders import PLACEHOLDER

VERBATIM_KEYS = frozenset({"department"})
"""Keys whose text is a path, not prose: no placeholder warnings inside."""


def review(document: YamlDocument, kind: Kind) -> tuple[Any, list[Problem], list[Problem]]:
    """The outline data with matching typed heading numbers taken off, the warnings and the
    refusals (contradicting heading numbers) of ``document``."""
    data = document.data
    warnings: list[Problem] = []
    refusals: list[Problem] = []
    for path, text in _texts(data, ()):
        match = PLACEHOLDER.search(text)
        if match and not VERBATIM_KEYS.intersection(p for p in path if isinstance(p, str)):
            warnings.append(_at(document, path, text, match.start(),
                                _("placeholder `{placeholder}` was never filled in").format(
                                    placeholder=match.group())))
    sections = data.get("sections") if isinstance(data, dict) else None
    if isinstance(sections, list):
        data = copy.deepcopy(data)
        _sections(document, kind, data["sections"], ("sections",), 1, warnings, refusals)
    return data, warnings, refusals


def _at(document: YamlDocument, path: KeyPath, value: str, offset: int, message: str) -> Problem:
    """A problem at character ``offset`` of the string at ``path`` (at the scalar when unmappable)."""
    scalar = document.scalars.get(path)
    spans = None if scalar is None else char_spans(document.text, scalar.start, scalar.end, scalar.style, value)
    if not spans or offset >= len(spans):
        return document.problem(path, message)
    line, column = LineIndex(document.text).position(spans[offset][0])
    return Problem(document.file, line, column, format_path(path), message)


def _texts(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _sections(document: YamlDocument, kind: Kind, sections: list[Any], path: KeyPath, level: int,
              warnings: list[Problem], refusals: list[Problem]) -> None:
    position = 0
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        _section(document, kind, section, (*path, index), level, position, warnings, refusals)
        position += 1


def _section(document: YamlDocument, kind: Kind, section: dict[str, Any], here: KeyPath, level: int, index: int,
             warnings: list[Problem], refusals: list[Problem]) -> None:
    """One section (``index``: its 0-based place among its siblings) and, below it, its subsections."""
    heading = section.get("heading")
    if isinstance(heading, str):
        if not any(isinstance(v, list) and v for k, v in section.items() if k != "heading"):
            warnings.append(document.problem((*here, "heading"), _(
                "section '{heading}' has no body: add paragraphs, points or subsections").format(
                    heading=_short(heading))))
        if kind.numbering:
            section["heading"] = _numbered(document, kind, heading, (*here, "heading"), level,
                                           index + 1, warnings, refusals)
    children = section.get("sections")
    if isinstance(children, list):
        _sections(document, kind, children, (*here, "sections"), level + 1, warnings, refusals)
    body = section.get("body")
    if isinstance(body, list):
        _body_sections(document, kind, body, (*here, "body"), level + 1, warnings, refusals)


def _body_sections(document: YamlDocument, kind: Kind, body: list[Any], path: KeyPath, level: int,
                   warnings: list[Problem], refusals: list[Problem]) -> None:
    """The subsections held in an ordered ``body:`` (``- section: {…}``), numbered by their place
    among the body's subsections, reviewed like those under ``sections:``."""
    position = 0
    for index, item in enumerate(body):
        if not (isinstance(item, dict) and isinstance(item.get("section"), dict)):
            continue
        _section(document, kind, item["section"], (*path, index, "section"), level, position, warnings, refusals)
        position += 1


def _numbered(document: YamlDocument, kind: Kind, heading: str, path: KeyPath, level: int, position: int,
              warnings: list[Problem], refusals: list[Problem]) -> str:
    """The heading without a typed number that matches its position (warned); refused if it contradicts."""
    typed = typed_number(heading)
    if typed is None or not is_heading_label(typed[0]):
        return heading  # 第一部分, ① and the like are check's (E102), not a number drafter writes
    number, rest = typed
    depth = min(level, len(kind.numbering))
    try:
        expected = heading_number(kind.numbering, depth, position)
    except ValueError:
        return heading
    if same_number(number, expected):
        warnings.append(document.problem(path, _(
            "heading starts with the number `{number}` typed by hand; drafter numbers it `{expected}` itself, "
            "so the typed one was left out (`drafter fix` removes it from the outline)").format(
                number=number, expected=expected)))
        return rest
    refusals.append(document.problem(path, _(
        "heading starts with the number `{number}`, but as section {position} of level {level} drafter numbers "
        "it `{expected}`; remove the typed number (`drafter fix` does) or move the section").format(
            number=number, position=position, level=level, expected=expected)))
    return heading


def _short(text: str, limit: int = 16) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"
