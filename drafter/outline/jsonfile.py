"""Read a JSON outline into plain Python values, keeping the line and column of every node.

JSON is nearly YAML 1.2 flow style, but PyYAML reads YAML 1.1: through :mod:`yamlfile` a JSON
number such as ``1e5`` would come back as text, an escaped surrogate pair (``"\\ud83d\\ude00"``)
as two broken characters, and YAML that is not JSON (comments, unquoted words, single quotes)
would pass unnoticed. So JSON gets this small reader of its own: strings are decoded by the
standard library's scanner (:func:`json.decoder.scanstring`, in C), structure is walked here to
record positions, and the result is the same :class:`~drafter.outline.yamlfile.YamlDocument`
(marks, scalar spans, problems) that validation, ``check`` and ``fix`` already work on, with the
same limits on depth, values and text as YAML outlines.
"""

from __future__ import annotations

import json.decoder
import re
from pathlib import Path
from typing import Any

from drafter.errors import OutlineError, Problem
from drafter.i18n import _
from drafter.outline.scalarmap import LineIndex
from drafter.outline.yamlfile import (
    MAX_CHARS,
    MAX_DEPTH,
    MAX_NODES,
    KeyPath,
    ScalarSpan,
    YamlDocument,
    duplicate_key,
    format_path,
    read_text,
)

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_SPACE = re.compile(r"[ \t\n\r]*")
_LITERALS = {"true": True, "false": False, "null": None}


class _Stop(Exception):
    """Invalid JSON at a character offset."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


def parse(text: str, file: str, *, strict: bool = True) -> YamlDocument:
    """Parse JSON text into a :class:`YamlDocument`; raises :class:`OutlineError` on bad JSON.

    ``strict`` as for :func:`drafter.outline.yamlfile.parse`: duplicate keys raise, or with
    ``strict=False`` are left in ``document.problems``.
    """
    document = YamlDocument(file, None, text=text)
    reader = _Reader(text, document)
    try:
        document.data = reader.document_value()
    except _Stop as stop:
        line, column = reader.lines.position(min(stop.offset, len(text)))
        raise OutlineError([Problem(file, line, column, "", _("invalid JSON: {problem}").format(problem=stop.message))]) from None
    if strict and document.problems:
        raise OutlineError(document.problems)
    return document


def load(path: Path, display: str | None = None, *, strict: bool = True) -> YamlDocument:
    """Read and parse the JSON file at ``path`` (size and encoding checked as for YAML)."""
    name = display or str(path)
    return parse(read_text(path, name), name, strict=strict)


class _Reader:
    """A recursive-descent JSON reader recording where every value, key and string lies."""

    def __init__(self, text: str, document: YamlDocument) -> None:
        self.text = text
        self.document = document
        self.lines = LineIndex(text)
        self.pos = 0
        self.nodes = 0
        self.chars = 0

    def document_value(self) -> Any:
        """The single value the text holds (None for an empty text)."""
        self._space()
        if self.pos >= len(self.text):
            return None
        value = self._value((), 0)
        self._space()
        if self.pos < len(self.text):
            raise _Stop(self.pos, _("more text after the outline's closing brace; a JSON outline is one object"))
        return value

    def _space(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
        if self.text.startswith(("//", "/*"), self.pos) or self.text.startswith("#", self.pos):
            raise _Stop(self.pos, _("JSON has no comments; delete this one (or write the outline as YAML)"))

    def _mark(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def _count(self, nodes: int, chars: int, path: KeyPath) -> None:
        self.nodes += nodes
        self.chars += chars
        if self.nodes > MAX_NODES or self.chars > MAX_CHARS:
            what = (_("{count:,} values").format(count=MAX_NODES) if self.nodes > MAX_NODES
                    else _("{count:,} characters of text").format(count=MAX_CHARS))
            line, column = self._mark(self.pos)
            raise OutlineError([Problem(self.document.file, line, column, format_path(path),
                                        _("the outline holds more than {what} (split it into several outlines); "
                                          "refusing to read it").format(what=what))])

    def _value(self, path: KeyPath, depth: int) -> Any:
        start = self.pos
        self.document.value_marks[path] = self._mark(start)
        char = self.text[start:start + 1]
        if char == "{" or char == "[":
            if depth >= MAX_DEPTH:
                raise _Stop(start, _("values nest more than {depth} levels deep; an outline never needs that "
                                     "many").format(depth=MAX_DEPTH))
            self._count(1, 0, path)
            return self._object(path, depth) if char == "{" else self._array(path, depth)
        if char == '"':
            value = self._string()
            self._count(1, len(value), path)
            self.document.scalars[path] = ScalarSpan(start, self.pos, '"')
            return value
        number = _NUMBER.match(self.text, start)
        if number and number.end() > start:
            self.pos = number.end()
            self._count(1, 0, path)
            return self._number(number, path)
        for word, value in _LITERALS.items():
            if self.text.startswith(word, start):
                self.pos = start + len(word)
                self._count(1, 0, path)
                return value
        if char == "'":
            raise _Stop(start, _("JSON strings are in double quotes \"…\", not single quotes"))
        if char in "}]," or not char:
            raise _Stop(start, _("expected a value here (a comma before a closing bracket? JSON allows no "
                                 "trailing comma)") if char in "}]" else _("expected a value here"))
        raise _Stop(start, _("expected a value (text in double quotes, a number, true, false, null, [ or {)"))

    def _string(self) -> str:
        try:
            value, self.pos = json.decoder.scanstring(self.text, self.pos + 1, True)
        except json.JSONDecodeError as exc:
            message = exc.msg
            if message.startswith("Invalid control character"):
                message = _("a line break or control character inside a string; write it as \\n or \\t")
            elif message.startswith("Unterminated string"):
                message = _("the quotation mark opened here is never closed; add the closing quote")
            elif message.startswith("Invalid \\uXXXX escape"):
                message = _("Invalid \\uXXXX escape")
            elif message.startswith("Invalid \\escape"):
                message = _("Invalid \\escape")
            raise _Stop(exc.pos, message) from None
        return value

    def _number(self, match: re.Match[str], path: KeyPath) -> Any:
        text = match.group()
        if match.group(1) or match.group(2):
            return float(text)
        try:
            return int(text)
        except ValueError:  # Python refuses to convert a number this long
            self.document.problems.append(self._problem(path, _("a number of {digits:,} digits is too long to "
                                                                "read; put it in quotes if it is text").format(
                                                                    digits=len(text))))
            self.document.reported.add(path)
            return None

    def _problem(self, path: KeyPath, message: str, offset: int | None = None) -> Problem:
        line, column = self._mark(offset) if offset is not None else self.document.mark(path)
        return Problem(self.document.file, line, column, format_path(path), message)

    def _array(self, path: KeyPath, depth: int) -> list[Any]:
        items: list[Any] = []
        self.pos += 1
        self._space()
        if self.text.startswith("]", self.pos):
            self.pos += 1
            return items
        while True:
            items.append(self._value((*path, len(items)), depth + 1))
            self._space()
            if self._take(","):
                self._space()
                continue
            if self._take("]"):
                return items
            raise _Stop(self.pos, _("expected ',' or ']' after a list item (a comma missing, or a bracket not "
                                    "closed?)"))

    def _object(self, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        self.pos += 1
        self._space()
        if self._take("}"):
            return result
        while True:
            key_start = self.pos
            if not self.text.startswith('"', key_start):
                raise _Stop(key_start, _("expected a key (JSON allows no trailing comma)")
                            if self.text.startswith("}", key_start)
                            else _("expected a key; keys are text in double quotes, such as \"title\""))
            key = self._string()
            self._count(1, len(key), path)
            self._space()
            if not self._take(":"):
                raise _Stop(self.pos, _("expected ':' after the key \"{key}\"").format(key=key))
            self._space()
            line, column = self._mark(key_start)
            if key in first_seen:
                self.document.problems.append(Problem(self.document.file, line, column, format_path((*path, key)),
                                                      duplicate_key(key, first_seen[key])))
                self._value((*path, "?"), depth + 1)
            else:
                first_seen[key] = line
                self.document.key_marks[(*path, key)] = (line, column)
                result[key] = self._value((*path, key), depth + 1)
            self._space()
            if self._take(","):
                self._space()
                continue
            if self._take("}"):
                return result
            raise _Stop(self.pos, _("expected ',' or '}' after a value (a comma missing, or a brace not closed?)"))

    def _take(self, char: str) -> bool:
        if self.text.startswith(char, self.pos):
            self.pos += 1
            return True
        return False
