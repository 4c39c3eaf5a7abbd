"""Read a YAML file safely into plain Python values, keeping the line and column of every node.

PyYAML's C parser produces the event stream (fast, and it keeps marks); this module builds the
values from the events itself so that it can record positions, refuse duplicate keys and python
tags, bound the nesting depth, and stop alias bombs ("billion laughs") by counting what each
alias would expand to, without expanding it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from drafter.errors import OutlineError, Problem

try:  # the C loader is ~10x faster and still gives node marks
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_BYTES = 4 * 1024 * 1024
"""Largest outline file accepted (a 64,000-character report is about 0.2 MB)."""

MAX_NODES = 200_000
"""Most YAML values an outline may expand to, aliases counted as what they repeat."""

MAX_CHARS = 16_000_000
"""Most characters of text an outline may expand to, aliases counted as what they repeat."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists (a speech's fourth-level section is at depth 9)."""

_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})

KeyPath = tuple[str | int, ...]


class ScalarSpan(NamedTuple):
    """Where a scalar's source text lies: character offsets [start, end) and its YAML style.

    ``style`` is ``None`` (plain), ``"'"``, ``'"'``, ``"|"`` or ``">"``.
    """

    start: int
    end: int
    style: str | None


@dataclass
class YamlDocument:
    """Plain values of a YAML file and where each came from (1-based line and column)."""

    file: str
    data: Any
    value_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[KeyPath, ScalarSpan] = field(default_factory=dict)
    text: str = ""
    """The source text the document was parsed from (``check`` and ``fix`` locate characters in it)."""
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading values (bad tags, impossible dates, duplicate keys…)."""
    reported: set[KeyPath] = field(default_factory=set)
    """Paths whose value was refused (and replaced by None); checks of them add nothing."""

    def is_reported(self, path: KeyPath) -> bool:
        """Whether ``path`` or a parent of it was already reported as unreadable."""
        return any(path[:i] in self.reported for i in range(len(path) + 1))

    def mark(self, path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or, with ``key``, the key) at ``path``, else its parent's."""
        marks = self.key_marks if key else self.value_marks
        while path:
            if path in marks:
                return marks[path]
            if path in self.value_marks:
                return self.value_marks[path]
            path = path[:-1]
        return self.value_marks.get((), (1, 1))

    def problem(self, path: KeyPath, message: str, *, key: bool = False) -> Problem:
        """A :class:`Problem` located at ``path``."""
        line, column = self.mark(path, key=key)
        return Problem(self.file, line, column, format_path(path), message)


def format_path(path: KeyPath) -> str:
    """``('sections', 1, 'heading')`` → ``sections[1].heading``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def read_text(path: Path, display: str | None = None) -> str:
    """The file's text, decoded as UTF-8 (a BOM is allowed); errors name the line of a bad byte."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size <= MAX_BYTES:  # read at most one byte past the limit: /dev/zero must not hang drafter
            with path.open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
            size = len(raw)
    except FileNotFoundError:
        raise OutlineError([Problem(name, 1, 1, "", "no such file")]) from None
    except IsADirectoryError:
        raise OutlineError([Problem(name, 1, 1, "", "is a directory, not an outline file")]) from None
    except OSError as exc:
        raise OutlineError([Problem(name, 1, 1, "", f"cannot be read: {exc.strerror}")]) from None
    check_size(name, size)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = (f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line}, column {column})"
                   f"{_encoding_guess(raw)}; save the file as UTF-8")
        raise OutlineError([Problem(name, line, column, "", message)]) from None


def check_size(name: str, size: int, what: str = "the file") -> None:
    """Refuse an outline of more than :data:`MAX_BYTES` bytes (``size``), naming ``name``."""
    if size > MAX_BYTES:
        shown = f"{size / 1024 / 1024:.1f} MB" if size > MAX_BYTES + 1 else f"more than {MAX_BYTES // 1024 // 1024} MB"
        limit = f"{MAX_BYTES // 1024 // 1024} MB"
        raise OutlineError([Problem(name, 1, 1, "", f"{what} is {shown}; outlines are limited to {limit}")])


def _encoding_guess(raw: bytes) -> str:
    """``"; it looks like GBK"`` when another common encoding reads the bytes, else ``""``."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "; it is UTF-16 text"
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    return "; it looks like GBK (GB18030), the encoding of older Chinese Windows"


def parse(text: str, file: str, *, strict: bool = True) -> YamlDocument:
    """Parse YAML text into a :class:`YamlDocument`; raises :class:`OutlineError` on bad YAML.

    Syntax errors always raise. Problems with single values (a python tag, an impossible date,
    a duplicate key) raise too unless ``strict`` is false: then they are left in
    ``document.problems`` so that a caller can report them together with its own checks.
    """
    loader = _SafeLoader(text)
    try:
        document = YamlDocument(file, None, text=text)
        builder = _Builder(loader, document)
        try:
            document.data = builder.document_value()
        except yaml.MarkedYAMLError as exc:
            raise OutlineError([_yaml_problem(exc, text, file)]) from None
        except yaml.reader.ReaderError as exc:
            raise OutlineError([_reader_problem(exc, text, file)]) from None
        except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error carries a mark
            message = " ".join(str(exc).split())
            raise OutlineError([Problem(file, 1, 1, "", f"is not valid YAML: {message}")]) from None
        if strict and document.problems:
            raise OutlineError(document.problems)
        return document
    finally:
        loader.dispose()


def load(path: Path, display: str | None = None, *, strict: bool = True) -> YamlDocument:
    """Read and parse the YAML file at ``path`` (``strict`` as for :func:`parse`)."""
    name = display or str(path)
    return parse(read_text(path, name), name, strict=strict)


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A syntax error from libyaml, located and explained with the usual cause."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "invalid YAML"
    context_line = exc.context_mark.line + 1 if exc.context_mark else None
    if exc.context == "while scanning a quoted scalar" and "end of stream" in what and context_line:
        column = exc.context_mark.column + 1
        return Problem(file, context_line, column, "",
                       "invalid YAML: the quotation mark opened here is never closed; add the closing quote")
    if "maximum nesting depth" in what:  # libyaml ≥ 0.2.5 stops at 1,000 open brackets itself
        return Problem(file, line, column, "", f"values nest more than {MAX_DEPTH} levels deep; an outline "
                                               "never needs that many (unbalanced brackets?)")
    lines = text.splitlines()
    here = lines[line - 1][column - 1:column] if 0 < line <= len(lines) else ""
    if "\t" in what or "tab" in what or here == "\t":
        hint = " (indent with spaces, not tabs)"
    elif "mapping values are not allowed" in what:
        hint = (" (check this line's indentation; text containing ': ' must be put in quotes, "
                "or use the full-width ：)")
    elif "did not find expected key" in what or "did not find expected '-'" in what:
        hint = " (check the indentation: keys of one mapping, and items of one list, start in the same column)"
    elif "did not find expected ','" in what:
        hint = " (a bracket opened there is not closed, or a comma is missing)"
    else:
        hint = ""
    context = ""
    if exc.context and exc.context_mark and exc.context_mark != mark:
        context = f"{exc.context} at line {context_line}: "
    return Problem(file, line, column, "", f"invalid YAML: {context}{what}{hint}")


def _short(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[:limit] + "…"


def _tag_name(tag: str) -> str:
    """``tag:yaml.org,2002:python/object:x`` → ``!!python/object:x``, as it is written in YAML."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """A reader error (a character YAML refuses) located by line and column.

    libyaml reports the offset in the UTF-8 encoding of the text, so it is mapped back here.
    """
    raw = text.encode("utf-8")
    offset = min(max(exc.position, 0), len(raw))
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[raw.rfind(b"\n", 0, offset) + 1:offset].decode("utf-8", "replace")) + 1
    character = exc.character
    shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    message = (f"the file contains the control character {shown}, which YAML does not allow; "
               "delete it (or write it as an escape such as \\t inside double quotes)")
    return Problem(file, line, column, "", message)


@dataclass
class _Anchored:
    """What an anchor stands for, and how much an alias to it expands to."""

    value: Any
    nodes: int
    chars: int
    spans: tuple[tuple[KeyPath, ScalarSpan], ...] = ()
    """Source spans of the scalars inside, by path relative to the anchored value."""


class _Builder:
    """Builds plain values from the loader's event stream while recording marks.

    Working on events rather than on PyYAML's composed node graph keeps the nesting depth
    bounded (libyaml's composer recurses in C and crashes the interpreter on a few hundred
    thousand nested brackets), lets an alias reuse its anchor's value instead of expanding it,
    and counts what every alias *would* expand to, so an alias bomb stops at once.
    """

    def __init__(self, loader: Any, document: YamlDocument) -> None:
        self.loader = loader
        self.document = document
        self.problems = document.problems
        self.nodes = 0
        self.chars = 0
        self.anchors: dict[str, _Anchored] = {}
        self.open_anchors: set[str] = set()
        self.span_log: list[KeyPath] = []

    def document_value(self) -> Any:
        """The value of the stream's single document (None for an empty stream)."""
        self.loader.get_event()  # StreamStartEvent
        if self.loader.check_event(yaml.StreamEndEvent):
            self.loader.get_event()
            return None
        self.loader.get_event()  # DocumentStartEvent
        value = self.value(self.loader.get_event(), (), 0)
        self.loader.get_event()  # DocumentEndEvent
        if not self.loader.check_event(yaml.StreamEndEvent):
            event = self.loader.get_event()
            raise OutlineError([self._problem(event, (), "the file holds more than one YAML document "
                                              "(a line '---' starts another); an outline is one document")])
        return value

    def _problem(self, event: Any, path: KeyPath, message: str) -> Problem:
        mark = event.start_mark
        return Problem(self.document.file, mark.line + 1, mark.column + 1, format_path(path), message)

    def _refuse(self, event: Any, path: KeyPath, message: str) -> None:
        """Report the value at ``path`` as unreadable (it becomes None)."""
        self.problems.append(self._problem(event, path, message))
        self.document.reported.add(path)

    def _count(self, event: Any, path: KeyPath, nodes: int, chars: int) -> None:
        self.nodes += nodes
        self.chars += chars
        if self.nodes <= MAX_NODES and self.chars <= MAX_CHARS:
            return
        why = ("anchors and aliases repeated too often?" if self.anchors or self.open_anchors
               else "split it into several outlines")
        what = (f"{MAX_NODES:,} YAML values" if self.nodes > MAX_NODES
                else f"{MAX_CHARS:,} characters of text")
        raise OutlineError([self._problem(event, path, f"the outline expands to more than {what} ({why}); "
                                                       "refusing to read it")])

    def value(self, event: Any, path: KeyPath, depth: int) -> Any:
        """Build the value that starts with ``event`` (consuming its events) at ``path``."""
        mark = event.start_mark
        self.document.value_marks[path] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, path)
        nodes_before, chars_before, spans_before = self.nodes, self.chars, len(self.span_log)
        anchor = event.anchor
        if isinstance(event, yaml.ScalarEvent):
            self._count(event, path, 1, len(event.value))
            result = self._scalar(event, path)
        else:
            if depth >= MAX_DEPTH:
                raise OutlineError([self._problem(
                    event, path[:4], f"values nest more than {MAX_DEPTH} levels deep; an outline never needs "
                                 "that many (unbalanced brackets?)")])
            self._count(event, path, 1, 0)
            if anchor is not None:
                self.open_anchors.add(anchor)
            if isinstance(event, yaml.SequenceStartEvent):
                result = self._sequence(path, depth)
                kind: type = yaml.SequenceNode
            elif isinstance(event, yaml.MappingStartEvent):
                result = self._mapping(path, depth)
                kind = yaml.MappingNode
            else:  # pragma: no cover - the parser emits only the events above here
                raise OutlineError([self._problem(event, path, f"unexpected YAML event {event}")])
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.loader.resolve(kind, None, event.implicit)
            if tag not in _PLAIN_TAGS:
                message = f"the tag {_tag_name(tag)} is not allowed in an outline (only plain YAML values are)"
                self._refuse(event, path, message)
                result = None
            if anchor is not None:
                self.open_anchors.discard(anchor)
        if anchor is not None:
            spans = tuple((p[len(path):], self.document.scalars[p]) for p in self.span_log[spans_before:])
            self.anchors[anchor] = _Anchored(result, self.nodes - nodes_before, self.chars - chars_before, spans)
        return result

    def _alias(self, event: Any, path: KeyPath) -> Any:
        name = event.anchor
        if name in self.open_anchors:
            self._refuse(event, path, f"the alias *{name} is inside the value it names (&{name}); "
                                      "a value cannot contain itself")
            return None
        anchored = self.anchors.get(name)
        if anchored is None:
            self._refuse(event, path, f"the alias *{name} names no anchor defined before it (&{name})")
            return None
        self._count(event, path, anchored.nodes, anchored.chars)
        for relative, span in anchored.spans:  # text reached through the alias is found at its anchor
            self.document.scalars[(*path, *relative)] = span
            self.span_log.append((*path, *relative))
        return anchored.value

    def _sequence(self, path: KeyPath, depth: int) -> list[Any]:
        items: list[Any] = []
        while not self.loader.check_event(yaml.SequenceEndEvent):
            items.append(self.value(self.loader.get_event(), (*path, len(items)), depth + 1))
        self.loader.get_event()
        return items

    def _mapping(self, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        while not self.loader.check_event(yaml.MappingEndEvent):
            key_event = self.loader.get_event()
            line, column = key_event.start_mark.line + 1, key_event.start_mark.column + 1
            key = self._key(key_event, path, depth)
            value_event = self.loader.get_event()
            if key is None:
                self.value(value_event, (*path, "?"), depth + 1)  # consume it; already reported
                continue
            if key in first_seen:
                self.problems.append(Problem(
                    self.document.file, line, column, format_path((*path, key)),
                    f"duplicate key '{key}' (first given at line {first_seen[key]})",
                ))
                self.value(value_event, (*path, "?"), depth + 1)
                continue
            first_seen[key] = line
            self.document.key_marks[(*path, key)] = (line, column)
            result[key] = self.value(value_event, (*path, key), depth + 1)
        self.loader.get_event()
        return result

    def _key(self, event: Any, path: KeyPath, depth: int) -> str | None:
        """The key's text, or None (reported) when the key is not a plain word."""
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            self._count(event, path, 1, len(event.value))
            if tag == "tag:yaml.org,2002:str":
                return event.value
            if tag == "tag:yaml.org,2002:merge":
                # The mapping lacks the merged keys, so checking it would only add noise.
                self._refuse(event, path, "merge keys (<<) are not supported in an outline; write the keys out")
                return None
            shown = event.value
        else:
            self.value(event, (*path, "?"), depth + 1)
            shown = "a list or mapping" if not isinstance(event, yaml.AliasEvent) else f"*{event.anchor}"
        self.problems.append(self._problem(
            event, path, f"key {shown} is not a name; keys are words such as 'title'"))
        return None

    def _scalar(self, event: Any, path: KeyPath) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        self.document.scalars[path] = ScalarSpan(event.start_mark.index, event.end_mark.index, event.style or None)
        self.span_log.append(path)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            what = exc.problem or "cannot be read"
            if tag.startswith("tag:yaml.org,2002:python/") or "constructor for the tag" in what:
                what = f"the tag {_tag_name(tag)} is not allowed in an outline (only plain YAML values are)"
            else:
                what = f"'{_short(event.value)}' cannot be read as {_tag_name(tag)} ({what})"
            self._refuse(event, path, what)
            return None
        except ValueError as exc:  # e.g. an impossible date such as 2025-02-30
            if "Exceeds the limit" in str(exc):  # Python refuses to convert a number this long
                message = (f"'{_short(event.value)}' is a number of {len(event.value):,} digits, too long "
                           "to read; put it in quotes if it is text")
            else:
                message = f"'{_short(event.value)}' cannot be read: {exc}"
            self._refuse(event, path, message)
            return None
        except Exception:  # noqa: BLE001 - PyYAML's constructors fail in many ways: !!bool abc, !!int ''
            self._refuse(event, path, f"'{_short(event.value)}' cannot be read as {_tag_name(tag)}")
            return None
