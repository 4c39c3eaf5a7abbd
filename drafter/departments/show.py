"""``drafter department show``: a pack's effective settings as YAML."""

from __future__ import annotations

import re
from typing import Any

import yaml

from drafter.compose.templates import Templates
from drafter.departments.learn import spec_to_data
from drafter.departments.pack import Department
from drafter.i18n import _
from drafter.outline.kinds import KINDS
from drafter.resources import builtin_dir

_EXTENDS = re.compile(r"""{%-?\s*extends\s+["']([^"']+)["']""")


def template_names(department: Department) -> list[str]:
    """Every template name on the pack's search path: the kinds' templates and any other file."""
    names = {kind.template for kind in KINDS.values()}
    for folder in [*department.template_dirs(), builtin_dir()]:
        for file in folder.glob("*.j2"):
            names.add(file.name)
    return sorted(names)


def template_origins(department: Department) -> dict[str, str]:
    """Template name → the file it resolves to (and what it extends)."""
    templates = Templates(department.template_dirs())
    out: dict[str, str] = {}
    for name in template_names(department):
        origin = templates.origin(name)
        if origin is None:
            out[name] = _("(missing)")
            continue
        text = str(origin)
        if origin.parent == builtin_dir():
            text = _("{file} (built-in)").format(file=text)
        else:
            match = _EXTENDS.search(origin.read_text(encoding="utf-8", errors="replace"))
            if match:
                text = _("{file} (extends {parent})").format(file=text, parent=match.group(1))
        out[name] = text
    return out


def describe(department: Department) -> str:
    """The YAML text ``department show`` prints."""
    data: dict[str, Any] = {
        "department": department.display_name,
        "search_path": [str(p) for p in department.search_path()],
        "dept": {k: v for k, v in department.variables().items() if v is not None},
        "defaults": {name: _default_value(pack.document.data, path)
                     for name, (pack, path) in department.defaults().items()},
        "templates": template_origins(department),
    }
    profiles: dict[str, Any] = {}
    for name in sorted({kind.profile for kind in KINDS.values()}):
        layers = department.profile_layers(name)
        entry = {"kinds": sorted(k.name for k in KINDS.values() if k.profile == name),
                 "layers": [where for where, _ in layers]}
        entry.update(spec_to_data(department.merged_spec(name)))
        profiles[name] = entry
    data["profiles"] = profiles
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


class _Dumper(yaml.SafeDumper):
    """Block style, except that the settings of one element (a flat mapping) fit on one line."""


def _represent_dict(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.Node:
    flat = bool(value) and all(not isinstance(v, (dict, list)) for v in value.values()) and \
        sum(len(str(k)) + len(str(v)) for k, v in value.items()) < 100
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flat or not value)


_Dumper.add_representer(dict, _represent_dict)


def _default_value(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        data = data[part]
    return data

