"""Read a YAML file safely into plain Python values, keeping the line and column of every node.

PyYAML's C parser produces the event stream (fast, and it keeps marks); this module builds the
values from the events itself so that it can record positions, refuse duplicate keys and python
tags, bound the nesting depth, and stop alias bombs ("billion laughs") by counting what each
alias would expand to, without expanding it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from drafter.errors import OutlineError, Problem
from drafter.i18n import N_, _
from drafter.output import os_reason

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
        raise OutlineError([Problem(name, 1, 1, "", _("no such file"))]) from None
    except IsADirectoryError:
        raise OutlineError([Problem(name, 1, 1, "", _("is a directory, not an outline file"))]) from None
    except OSError as exc:
        raise OutlineError([Problem(name, 1, 1, "", _("cannot be read: {reason}").format(
            reason=os_reason(exc)))]) from None
    check_size(name, size)
    document = _document_kind(raw, name)
    if document:
        raise OutlineError([Problem(name, 1, 1, "", document)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = _("is not UTF-8 text (byte 0x{byte:02x} at line {line}, column {column}){guess}; "
                    "save the file as UTF-8").format(byte=raw[exc.start], line=line, column=column,
                                                     guess=_encoding_guess(raw))
        raise OutlineError([Problem(name, line, column, "", message)]) from None


def _document_kind(raw: bytes, name: str) -> str | None:
    """What to say when the bytes are a document rather than an outline (a Word file, a PDF)."""
    stem = Path(name).with_suffix("")
    if raw.startswith(b"PK\x03\x04") and b"word/" in raw[:65536]:
        return _("is a Word document (.docx), not an outline; `drafter extract {name} -o {stem}.yaml` "
                 "turns it into an outline that renders").format(name=name, stem=stem)
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _("is an old Word document (.doc), not an outline; save it as .docx in Word or WPS, then "
                 "`drafter extract {stem}.docx -o {stem}.yaml` turns it into an outline").format(stem=stem)
    if raw.startswith(b"%PDF-"):
        return _("is a PDF, not an outline; write the outline in YAML (`drafter new speech` starts one)")
    return None


THE_FILE = N_("the file")
"""What :func:`check_size` calls the outline by default (callers may name it otherwise, translated)."""
THE_OUTLINE = N_("the outline")
"""What :func:`check_size` calls an outline given as text rather than as a file."""


def check_size(name: str, size: int, what: str = THE_FILE) -> None:
    """Refuse an outline of more than :data:`MAX_BYTES` bytes (``size``), naming ``name``."""
    if size > MAX_BYTES:
        megabytes = MAX_BYTES // 1024 // 1024
        shown = (_("{size:.1f} MB").format(size=size / 1024 / 1024) if size > MAX_BYTES + 1
                 else _("more than {limit} MB").format(limit=megabytes))
        limit = _("{limit} MB").format(limit=megabytes)
        raise OutlineError([Problem(name, 1, 1, "", _("{what} is {size}; outlines are limited to {limit}").format(
            what=_(what), size=shown, limit=limit))])


def _encoding_guess(raw: bytes) -> str:
    """``"; it looks like GBK"`` when another common encoding reads the bytes, else ``""``."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _("; it is UTF-16 text")
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    return _("; it looks like GBK (GB18030), the encoding of older Chinese Windows")


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
            raise OutlineError([Problem(file, 1, 1, "", _("is not valid YAML: {reason}").format(
                reason=message))]) from None
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
    what = exc.problem or "invalid YAML"  # libyaml's own words: matched below, translated at the end
    context_line = exc.context_mark.line + 1 if exc.context_mark else None
    if exc.context == "while scanning a quoted scalar" and "end of stream" in what and context_line:
        column = exc.context_mark.column + 1
        return Problem(file, context_line, column, "",
                       _("invalid YAML: the quotation mark opened here is never closed; add the closing quote"))
    if "maximum nesting depth" in what:  # libyaml ≥ 0.2.5 stops at 1,000 open brackets itself
        return Problem(file, line, column, "", too_deep_message())
    lines = text.splitlines()
    blamed = context_line if exc.context == "while scanning a simple key" and context_line else line
    missing = _missing_colon(lines, blamed, what)
    if missing:
        return Problem(file, *missing)
    here = lines[line - 1][column - 1:column] if 0 < line <= len(lines) else ""
    if "\t" in what or "tab" in what or here == "\t":
        hint = _(" (indent with spaces, not tabs)")
    elif "mapping values are not allowed" in what:
        hint = _(" (check this line's indentation; text containing ': ' must be put in quotes, "
                 "or use the full-width ：)")
    elif "did not find expected key" in what or "did not find expected '-'" in what:
        hint = _(" (check the indentation: keys of one mapping, and items of one list, start in the same column)")
    elif "did not find expected ','" in what:
        hint = _(" (a bracket opened there is not closed, or a comma is missing)")
    else:
        hint = ""
    context = ""
    if exc.context and exc.context_mark and exc.context_mark != mark:
        context = _("{context} at line {line}: ").format(context=parser_words(exc.context), line=context_line)
    return Problem(file, line, column, "", _("invalid YAML: {context}{problem}{hint}").format(
        context=context, problem=parser_words(what), hint=hint))


def too_deep_message() -> str:
    """What to say when values nest deeper than :data:`MAX_DEPTH`."""
    return _("values nest more than {depth} levels deep; an outline never needs that many "
             "(unbalanced brackets?)").format(depth=MAX_DEPTH)


PARSER_WORDS = {phrase: phrase for phrase in (
    # What libyaml says while it reads (the context of an error)…
    N_("while scanning a simple key"), N_("while scanning a quoted scalar"), N_("while scanning a plain scalar"),
    N_("while scanning for the next token"), N_("while scanning a block scalar"), N_("while scanning an anchor"),
    N_("while scanning an alias"), N_("while scanning a tag"), N_("while scanning a directive"),
    N_("while scanning a %YAML directive"), N_("while scanning a %TAG directive"),
    N_("while parsing a block mapping"), N_("while parsing a block collection"), N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"), N_("while parsing a flow node"), N_("while parsing a block node"),
    N_("while parsing a node"), N_("while parsing a quoted scalar"), N_("while parsing a tag"),
    # …and what it found wrong.
    N_("mapping values are not allowed in this context"), N_("could not find expected ':'"),
    N_("did not find expected key"), N_("did not find expected '-' indicator"),
    N_("did not find expected ',' or ']'"), N_("did not find expected ',' or '}'"),
    N_("did not find expected node content"), N_("found character that cannot start any token"),
    N_("found a tab character that violates indentation"),
    N_("found a tab character where an indentation space is expected"), N_("found unexpected end of stream"),
    N_("found unknown escape character"), N_("found invalid Unicode character escape code"),
    N_("found undefined tag handle"), N_("block sequence entries are not allowed in this context"),
    N_("found unexpected document indicator"), N_("did not find expected <document start>"),
    N_("did not find expected comment or line break"), N_("found an indentation indicator equal to 0"),
    N_("expected alphabetic or numeric character"), N_("did not find expected whitespace or line break"),
    N_("found duplicate %YAML directive"), N_("found incompatible YAML document"),
    N_("found unexpected ':'"), N_("did not find URI escaped octet"),
    N_("found a tab character where an indentation space is expected"),
    N_("did not find expected hexdecimal number"), N_("found extra tokens at end of directive"),
    N_("could not find expected ':' or '}'"), N_("invalid YAML"),
)}
"""libyaml's phrases (the context and the problem of a syntax error), in the catalog: a reader is
told in plain words what the parser saw (English keeps the parser's own)."""


def parser_words(phrase: str) -> str:
    """A libyaml phrase in the current language (as libyaml words it when it is not known)."""
    return _(phrase) if phrase in PARSER_WORDS else phrase


_BARE_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_-]*\s*$")
_KEY_WITHOUT_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*)([ \t\u3000]+)(\S.*)$")


def _missing_colon(lines: list[str], line: int, what: str) -> tuple[int, int, str, str] | None:
    """(line, column, "", message) when the error comes from a key typed without its colon.

    libyaml notices only on the next line (``title 讲话`` then ``sections:``; ``- heading 提高认识``
    then ``paragraphs:``): the line to blame is the nearest one above that reads ``key value``.
    """
    if "could not find expected ':'" not in what and "mapping values are not allowed" not in what:
        return None
    for number in range(min(line, len(lines)), max(0, line - 3), -1):
        candidate = lines[number - 1]
        if number == line and "mapping values are not allowed" in what:
            continue  # that line's own colon is fine; the mistake is above it
        bare = _BARE_KEY.match(candidate)
        if bare and "could not find expected ':'" in what:
            return (number, len(candidate.rstrip()) + 1, "",
                    _("`{line}` has no colon after it; write `{line}:`").format(line=candidate.strip()))
        match = _KEY_WITHOUT_COLON.match(candidate)
        if match and ":" not in candidate and "：" not in match.group(4)[:1]:
            lead, key, _space, value = match.groups()
            column = len(lead) + len(key) + 1
            fixed = f"{lead.strip()}{' ' if lead.strip() else ''}{key}: {value}"
            return (number, column, "", _("`{line}` has no colon after `{key}`; write `{fixed}`").format(
                line=candidate.strip(), key=key, fixed=fixed))
        if candidate.strip() and not candidate.lstrip().startswith("#"):
            if number != line:
                break
    return None


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
    message = _("the file contains the control character {character}, which YAML does not allow; "
                "delete it (or write it as an escape such as \\t inside double quotes)").format(character=shown)
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
            raise OutlineError([self._problem(event, (), _("the file holds more than one YAML document "
                                                "(a line '---' starts another); an outline is one document"))])
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
        why = (_("anchors and aliases repeated too often?") if self.anchors or self.open_anchors
               else _("split it into several outlines"))
        what = (_("{count:,} YAML values").format(count=MAX_NODES) if self.nodes > MAX_NODES
                else _("{count:,} characters of text").format(count=MAX_CHARS))
        raise OutlineError([self._problem(event, path, _("the outline expands to more than {what} ({why}); "
                                                         "refusing to read it").format(what=what, why=why))])

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
                raise OutlineError([self._problem(event, path[:4], too_deep_message())])
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
                message = tag_refused(tag)
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
            self._refuse(event, path, _("the alias *{name} is inside the value it names (&{name}); "
                                        "a value cannot contain itself").format(name=name))
            return None
        anchored = self.anchors.get(name)
        if anchored is None:
            self._refuse(event, path, _("the alias *{name} names no anchor defined before it (&{name})").format(
                name=name))
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
                    duplicate_key(key, first_seen[key]),
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
                self._refuse(event, path, _("merge keys (<<) are not supported in an outline; write the keys out"))
                return None
            shown = event.value
        else:
            self.value(event, (*path, "?"), depth + 1)
            shown = _("a list or mapping") if not isinstance(event, yaml.AliasEvent) else f"*{event.anchor}"
        self.problems.append(self._problem(
            event, path, _("key {key} is not a name; keys are words such as 'title'").format(key=shown)))
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
            what = exc.problem or _("cannot be read")
            if tag.startswith("tag:yaml.org,2002:python/") or "constructor for the tag" in what:
                what = tag_refused(tag)
            else:
                what = _("'{value}' cannot be read as {tag} ({reason})").format(
                    value=_short(event.value), tag=_tag_name(tag), reason=what)
            self._refuse(event, path, what)
            return None
        except ValueError as exc:  # e.g. an impossible date such as 2025-02-30
            if "Exceeds the limit" in str(exc):  # Python refuses to convert a number this long
                message = _("'{value}' is a number of {digits:,} digits, too long to read; put it in quotes "
                            "if it is text").format(value=_short(event.value), digits=len(event.value))
            else:
                message = _("'{value}' cannot be read: {reason}").format(value=_short(event.value),
                                                                         reason=date_reason(str(exc)))
            self._refuse(event, path, message)
            return None
        except Exception:  # noqa: BLE001 - PyYAML's constructors fail in many ways: !!bool abc, !!int ''
            self._refuse(event, path, _("'{value}' cannot be read as {tag}").format(value=_short(event.value),
                                                                                     tag=_tag_name(tag)))
            return None


def tag_refused(tag: str) -> str:
    """What to say about a tag (``!!python/object``, ``!include``) an outline may not use."""
    return _("the tag {tag} is not allowed in an outline (only plain YAML values are)").format(tag=_tag_name(tag))


def duplicate_key(key: str, first_line: int) -> str:
    """What to say about a key given twice in one mapping (YAML and JSON alike)."""
    return _("duplicate key '{key}' (first given at line {line})").format(key=key, line=first_line)


_DATE_REASONS = {reason: reason for reason in (
    N_("day is out of range for month"), N_("month must be in 1..12"),
)}
_YEAR_OUT_OF_RANGE = re.compile(r"year (-?\d+) is out of range")


def date_reason(reason: str) -> str:
    """Python's reason for refusing a date (``day is out of range for month``) in the current language."""
    if reason in _DATE_REASONS:
        return _(reason)
    year = _YEAR_OUT_OF_RANGE.fullmatch(reason)
    if year:
        return _("year {year} is out of range").format(year=year.group(1))
    return reason
