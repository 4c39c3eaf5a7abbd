"""Read a YAML file safely into plain Python values, keeping the line and column of every node.

PyYAML's C loader composes the node graph (fast, and it keeps marks); this module walks the
graph itself so that it can record positions, refuse duplicate keys and python tags, and stop
alias bombs ("billion laughs") after a bounded number of nodes.
"""

from __future__ import annotations

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
"""Most YAML nodes an outline may expand to, aliases included."""

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
        raw = path.read_bytes()
    except FileNotFoundError:
        raise OutlineError([Problem(name, 1, 1, "", "no such file")]) from None
    except IsADirectoryError:
        raise OutlineError([Problem(name, 1, 1, "", "is a directory, not an outline file")]) from None
    except OSError as exc:
        raise OutlineError([Problem(name, 1, 1, "", f"cannot be read: {exc.strerror}")]) from None
    if len(raw) > MAX_BYTES:
        size = f"{len(raw) / 1024 / 1024:.1f} MB"
        limit = f"{MAX_BYTES // 1024 // 1024} MB"
        raise OutlineError([Problem(name, 1, 1, "", f"the file is {size}; outlines are limited to {limit}")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = (
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line}, column {column}); "
            "save the file as UTF-8"
        )
        raise OutlineError([Problem(name, line, column, "", message)]) from None


def parse(text: str, file: str) -> YamlDocument:
    """Parse YAML text into a :class:`YamlDocument`; raises :class:`OutlineError` on bad YAML."""
    loader = _SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise OutlineError([_yaml_problem(exc, file)]) from None
        except yaml.YAMLError as exc:  # e.g. a reader error without a mark
            raise OutlineError([Problem(file, 1, 1, "", f"is not valid YAML: {exc}")]) from None
        document = YamlDocument(file, None, text=text)
        if node is None:
            return document
        walker = _Walker(loader, document)
        document.data = walker.value(node, ())
        if walker.problems:
            raise OutlineError(walker.problems)
        return document
    finally:
        loader.dispose()


def load(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse the YAML file at ``path``."""
    name = display or str(path)
    return parse(read_text(path, name), name)


def _yaml_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "invalid YAML"
    if "\t" in what or "tab" in what:
        what += " (indent with spaces, not tabs)"
    context = f"{exc.context} " if exc.context and exc.context_mark and exc.context_mark != mark else ""
    if context and exc.context_mark:
        context = f"{exc.context} at line {exc.context_mark.line + 1}: "
    return Problem(file, line, column, "", f"invalid YAML: {context}{what}")


class _Walker:
    """Turns composed nodes into dicts, lists and scalars while recording marks."""

    def __init__(self, loader: Any, document: YamlDocument) -> None:
        self.loader = loader
        self.document = document
        self.problems: list[Problem] = []
        self.nodes = 0

    def _mark(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def value(self, node: yaml.Node, path: KeyPath) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            line, column = self._mark(node)
            problem = Problem(
                self.document.file, line, column, format_path(path),
                f"the outline expands to more than {MAX_NODES:,} YAML nodes "
                "(anchors and aliases repeated too often?); refusing to read it",
            )
            raise OutlineError([problem])
        self.document.value_marks[path] = self._mark(node)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            line, column = self._mark(node)
            message = f"the tag {node.tag} is not allowed in an outline (only plain YAML values are)"
            self.problems.append(Problem(self.document.file, line, column, format_path(path), message))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, column = self._mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a collection"
                self.problems.append(Problem(
                    self.document.file, line, column, format_path(path),
                    f"key {shown!s} is not a name; keys are words such as 'title'",
                ))
                continue
            key = key_node.value
            if key in first_seen:
                self.problems.append(Problem(
                    self.document.file, line, column, format_path((*path, key)),
                    f"duplicate key '{key}' (first given at line {first_seen[key]})",
                ))
                continue
            first_seen[key] = line
            self.document.key_marks[(*path, key)] = (line, column)
            result[key] = self.value(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        self.document.scalars[path] = ScalarSpan(node.start_mark.index, node.end_mark.index, node.style or None)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            line, column = self._mark(node)
            what = exc.problem or "cannot be read"
            if node.tag.startswith("tag:yaml.org,2002:python/") or "constructor for the tag" in what:
                what = f"the tag {node.tag} is not allowed in an outline (only plain YAML values are)"
            self.problems.append(Problem(self.document.file, line, column, format_path(path), what))
            return None
        except ValueError as exc:  # e.g. an impossible date such as 2025-02-30
            line, column = self._mark(node)
            message = f"'{node.value}' cannot be read: {exc}"
            self.problems.append(Problem(self.document.file, line, column, format_path(path), message))
            return None
