"""Edits from the form applied to the outline's YAML text, keeping the user's comments and layout.

ruamel.yaml reads the text into a round-trip tree (comments, key order, quoting and indentation
remembered), the edits change that tree, and it is written back; the indentation is the file's
own (guessed from it). An edit is a small JSON object, applied in order:

- ``{"op": "set", "path": [...], "value": v}``: set a key or a list item (a missing key is added
  in the model's order when ``after`` names the key it follows);
- ``{"op": "delete", "path": [...]}``: remove a key or a list item;
- ``{"op": "insert", "path": [...list], "index": i, "value": v}``: insert into a list (made if missing);
- ``{"op": "move", "path": [...list], "from": i, "to": j}``: move a list item (drag to reorder).

Values are JSON (text, true/false, null, lists, objects); ``{"date": "2025-07-18"}`` is a date.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from drafter.errors import DrafterError
from drafter.i18n import _

Path = list[str | int]


class EditError(DrafterError):
    """A form edit that cannot be applied to the text as it stands."""


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    """The outline text with ``edits`` applied; comments and untouched lines stay as they were."""
    try:
        tree, sequence_indent, offset = load_yaml_guess_indent(text)
    except YAMLError as exc:
        raise EditError(_("the YAML does not parse, so the form cannot change it; fix the text first ({exc})").format(exc=exc)) from None
    if not isinstance(tree, CommentedMap):
        raise EditError(_("the outline is not a mapping of keys (kind:, title: …); fix the text first"))
    layout = (_mapping_indent(text), sequence_indent or 2, offset or 0)
    restore = _normalised_lines(text, _dump(tree, *layout))
    for edit in edits:
        _apply(tree, edit)
    return "".join(restore.get(line, line) for line in _dump(tree, *layout).splitlines(keepends=True))


def _normalised_lines(text: str, dumped: str) -> dict[str, str]:
    """Lines ruamel.yaml writes differently though nothing changed (quotes it drops, spacing), mapped
    back to the user's own line, so that an edit elsewhere leaves them as typed."""
    old, new = text.splitlines(keepends=True), dumped.splitlines(keepends=True)
    restore: dict[str, str] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            restore.update(zip(new[j1:j2], old[i1:i2]))
    return restore


_NESTED_KEY = re.compile(r"^(\S[^:#\n]*):[ \t]*(?:#.*)?\n( +)[^\s#-]", re.MULTILINE)


def _mapping_indent(text: str) -> int:
    """How far the file indents a mapping under a top-level key (``meeting:`` → ``  name:``); default 2."""
    match = _NESTED_KEY.search(text)
    return len(match.group(2)) if match else 2


def _dump(tree: Any, mapping_indent: int, sequence_indent: int, offset: int) -> str:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10**6  # never fold a long Chinese line
    yaml.indent(mapping=mapping_indent, sequence=sequence_indent, offset=offset)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def _apply(tree: CommentedMap, edit: dict[str, Any]) -> None:
    op, path = edit.get("op"), edit.get("path")
    if not isinstance(path, list) or not path:
        raise EditError(_("edit {op!r}: 'path' must be a non-empty list of keys and indexes").format(op=op))
    where = ".".join(str(p) for p in path)
    if op == "set":
        parent, last = _parent(tree, path, create=True)
        value = _value(edit.get("value"))
        if isinstance(parent, CommentedMap) and last not in parent and isinstance(edit.get("after"), list):
            parent.insert(_position(parent, edit["after"]), last, value)
        else:
            _put(parent, last, value, where)
    elif op == "delete":
        parent, last = _parent(tree, path)
        try:
            del parent[last]
        except (KeyError, IndexError, TypeError):
            raise EditError(_("edit delete: nothing at {where}").format(where=where)) from None
        if isinstance(parent, CommentedSeq) and not parent and len(path) >= 2:
            grand, key = _parent(tree, path[:-1])
            del grand[key]  # an empty list is written as no key at all
    elif op == "insert":
        items = _list(tree, path, where, create=True, after=edit.get("after"))
        index = edit.get("index", len(items))
        if not isinstance(index, int) or not 0 <= index <= len(items):
            raise EditError(_("edit insert: index {index!r} is outside the list {where}").format(index=index, where=where))
        items.insert(index, _value(edit.get("value")))
    elif op == "move":
        items = _list(tree, path, where)
        start, end = edit.get("from"), edit.get("to")
        if not all(isinstance(i, int) and 0 <= i < len(items) for i in (start, end)):
            raise EditError(_("edit move: positions {start!r} → {end!r} are outside the list {where}").format(start=start, end=end, where=where))
        item = items.pop(start)
        items.insert(end, item)
    else:
        raise EditError(_("unknown edit {op!r}; the form sends set, delete, insert or move").format(op=op))


def _parent(tree: Any, path: Path, create: bool = False) -> tuple[Any, Any]:
    node = tree
    for step, part in enumerate(path[:-1]):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            if create and isinstance(node, CommentedMap) and isinstance(part, str):
                node[part] = CommentedMap() if isinstance(path[step + 1], str) else CommentedSeq()
                node = node[part]
            else:
                raise EditError(_("no {path} in the outline").format(path='.'.join((str(p) for p in path[:step + 1])))) from None
        if node is None and create:
            raise EditError(_("{path} is empty; give it a value in the YAML first").format(path='.'.join((str(p) for p in path[:step + 1]))))
    return node, path[-1]


def _list(tree: Any, path: Path, where: str, create: bool = False, after: Any = None) -> CommentedSeq:
    parent, last = _parent(tree, path, create=create)
    try:
        items = parent[last]
    except (KeyError, IndexError, TypeError):
        if not (create and isinstance(parent, CommentedMap)):
            raise EditError(_("no list at {where}").format(where=where)) from None
        items = CommentedSeq()
        if isinstance(after, list):
            parent.insert(_position(parent, after), last, items)
        else:
            parent[last] = items
        return items
    if isinstance(items, str) and create:  # one paragraph written as text becomes a list of one
        items = CommentedSeq([items])
        parent[last] = items
    if not isinstance(items, list):
        raise EditError(_("{where} is not a list in the YAML").format(where=where))
    return items


def _put(parent: Any, last: Any, value: Any, where: str) -> None:
    try:
        parent[last] = value
    except (IndexError, TypeError):
        raise EditError(_("edit set: cannot set {where}").format(where=where)) from None


def _position(mapping: CommentedMap, after: list[Any]) -> int:
    """Where a new key goes: after the last present key of ``after`` (the keys before it in the model)."""
    keys = list(mapping.keys())
    positions = [keys.index(k) for k in after if k in keys]
    return max(positions) + 1 if positions else len(keys)


def _value(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"date"} and isinstance(value["date"], str):
        try:
            return dt.date.fromisoformat(value["date"])
        except ValueError:
            return value["date"]
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _value(item)
        return out
    if isinstance(value, list):
        return CommentedSeq(_value(v) for v in value)
    return value
