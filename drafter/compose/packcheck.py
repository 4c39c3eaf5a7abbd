"""Department pack templates read before they run: every problem of a pack at once.

A ``{% block %}`` the base template does not have would be silently ignored by Jinja (the
writer's closing line never printed); a name the template cannot see (``{{ dept.closing_lin }}``,
``{{ titel }}``) would fail only when that line renders. Both are found here from the template's
syntax tree, each with its pack file, line and the names that would be right.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes

from drafter.errors import DepartmentError
from drafter.i18n import _, ngettext
from drafter.outline.kinds import KINDS

_ALWAYS = frozenset({"kind", "dept", "loop", "caller", "varargs", "kwargs", "self", "super"})


def nearest(name: str, names: Iterable[str]) -> str:
    """`` (did you mean `x`?)`` for the closest of ``names``, or ``""``."""
    close = difflib.get_close_matches(name, sorted(set(names)), n=2, cutoff=0.6)
    if not close:
        return ""
    return _(" (did you mean {names}?)").format(names=_(" or ").join(f"`{c}`" for c in close))


def check_pack_templates(environment: jinja2.Environment, folders: Sequence[Path],
                         dept: dict[str, Any]) -> None:
    """Raise :class:`DepartmentError` listing every unknown block name and unknown name used in
    the templates of ``folders`` (a pack's template folders)."""
    problems: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*.j2")):
            problems.extend(_template_problems(environment, path, path.relative_to(folder).as_posix(), dept))
    if len(problems) == 1:
        raise DepartmentError(problems[0])
    if problems:
        intro = ngettext("{count} problem in the department pack's templates:",
                         "{count} problems in the department pack's templates:", len(problems)).format(
            count=len(problems))
        raise DepartmentError(intro + "\n" + "\n".join(f"  {p}" for p in problems))


def _template_problems(environment: jinja2.Environment, path: Path, name: str,
                       dept: dict[str, Any]) -> list[str]:
    try:
        tree = environment.parse(path.read_text(encoding="utf-8"), name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        # TRANSLATORS: Jinja's own message follows; Chinese says first that it is a template syntax error.
        return [_("{path}:{line}: {message}").format(path=path, line=exc.lineno, message=exc.message)]
    except (OSError, UnicodeDecodeError) as exc:
        return [_("{path}: cannot be read: {reason}").format(path=path, reason=exc)]
    problems: list[tuple[int, str]] = []
    base = next((n.template.value for n in tree.find_all(nodes.Extends)
                 if isinstance(n.template, nodes.Const)), None)
    if isinstance(base, str):
        valid = _blocks_of(environment, base, set())
        if valid is not None:
            for block in tree.find_all(nodes.Block):
                if block.name not in valid:
                    problems.append((block.lineno, f"{path}:{block.lineno}: " + _(
                        "{{% block {name} %}}: {base} has no block `{name}`{suggestion}, so it would never print; "
                        "its blocks are {blocks}").format(name=block.name, base=base,
                                                          suggestion=nearest(block.name, valid),
                                                          blocks=", ".join(sorted(valid)))))
    kind = next((k for k in KINDS.values() if k.template == Path(name).name), None)
    if kind is not None:
        known = {f.name for f in dataclasses.fields(kind.model)} | _ALWAYS | set(environment.globals)
        for unknown in sorted(meta.find_undeclared_variables(tree) - known):
            line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == unknown), 1)
            problems.append((line, f"{path}:{line}: " + _("`{name}` is not defined for a {kind}{suggestion}").format(
                name=unknown, kind=kind.name, suggestion=nearest(unknown, known - _ALWAYS))))
    for attribute in tree.find_all(nodes.Getattr):
        if isinstance(attribute.node, nodes.Name) and attribute.node.name == "dept" and attribute.attr not in dept:
            problems.append((attribute.lineno, f"{path}:{attribute.lineno}: " + _(
                "`dept.{name}` is not set by the pack{suggestion}; dept has {names}").format(
                    name=attribute.attr, suggestion=nearest(attribute.attr, dept), names=", ".join(sorted(dept)))))
    return [message for _line, message in sorted(problems, key=lambda p: p[0])]


def _blocks_of(environment: jinja2.Environment, name: str, seen: set[str]) -> set[str] | None:
    """Every block name of template ``name`` and the templates it extends (None: not found)."""
    if name in seen:
        return set()
    seen.add(name)
    try:
        source = environment.loader.get_source(environment, name)[0]  # type: ignore[union-attr]
        tree = environment.parse(source, name)
    except (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError):
        return None
    blocks = {block.name for block in tree.find_all(nodes.Block)}
    for extends in tree.find_all(nodes.Extends):
        if isinstance(extends.template, nodes.Const):
            blocks |= _blocks_of(environment, extends.template.value, seen) or set()
    return blocks
