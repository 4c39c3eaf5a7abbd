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
from drafter.outline.kinds import KINDS

_ALWAYS = frozenset({"kind", "dept", "loop", "caller", "varargs", "kwargs", "self", "super"})


def nearest(name: str, names: Iterable[str]) -> str:
    """`` (did you mean `x`?)`` for the closest of ``names``, or ``""``."""
    close = difflib.get_close_matches(name, sorted(set(names)), n=2, cutoff=0.6)
    return f" (did you mean {' or '.join(f'`{c}`' for c in close)}?)" if close else ""


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
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise DepartmentError(f"{count} in the department pack's templates:\n"
                              + "\n".join(f"  {p}" for p in problems))


def _template_problems(environment: jinja2.Environment, path: Path, name: str,
                       dept: dict[str, Any]) -> list[str]:
    try:
        tree = environment.parse(path.read_text(encoding="utf-8"), name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        return [f"{path}:{exc.lineno}: {exc.message}"]
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{path}: cannot be read: {exc}"]
    problems: list[tuple[int, str]] = []
    base = next((n.template.value for n in tree.find_all(nodes.Extends)
                 if isinstance(n.template, nodes.Const)), None)
    if isinstance(base, str):
        valid = _blocks_of(environment, base, set())
        if valid is not None:
            for block in tree.find_all(nodes.Block):
                if block.name not in valid:
                    problems.append((block.lineno, f"{path}:{block.lineno}: {{% block {block.name} %}}: {base} has no block "
                                    f"`{block.name}`{nearest(block.name, valid)}, so it would never print; "
                                    f"its blocks are {', '.join(sorted(valid))}"))
    kind = next((k for k in KINDS.values() if k.template == Path(name).name), None)
    if kind is not None:
        known = {f.name for f in dataclasses.fields(kind.model)} | _ALWAYS | set(environment.globals)
        for unknown in sorted(meta.find_undeclared_variables(tree) - known):
            line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == unknown), 1)
            problems.append((line, f"{path}:{line}: `{unknown}` is not defined for a {kind.name}"
                                   f"{nearest(unknown, known - _ALWAYS)}"))
    for attribute in tree.find_all(nodes.Getattr):
        if isinstance(attribute.node, nodes.Name) and attribute.node.name == "dept" and attribute.attr not in dept:
            problems.append((attribute.lineno, f"{path}:{attribute.lineno}: `dept.{attribute.attr}` is not "
                             f"set by the pack{nearest(attribute.attr, dept)}; dept has {', '.join(sorted(dept))}"))
    return [message for _, message in sorted(problems, key=lambda p: p[0])]


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
