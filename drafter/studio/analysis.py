"""What the form and the side panel show for the text being edited: the outline's data, its
findings at their fields, the heading numbers drafter will print, and the statistics.

Computed afresh from the text on every request (nothing is remembered between requests).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from drafter.authoring.check import check_text
from drafter.authoring.stats import format_minutes, outline_stats
from drafter.errors import OutlineError
from drafter.outline import yamlfile
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.load import outline_from_yaml
from drafter.outline.yamlfile import format_path
from drafter.studio.formspec import kind_form
from drafter.text.numbering import heading_number


def analyse(text: str, name: str) -> dict[str, Any]:
    """The studio's account of outline ``text`` (the file ``name``): data, kind, form, findings,
    heading labels and statistics; ``data`` is None when the YAML does not parse."""
    checked = check_text(text, name)
    findings = [{**f.as_json(), "fixable": f.fixable} for f in checked.findings]
    data = checked.document.data if checked.document is not None else None
    kind = checked.kind
    result: dict[str, Any] = {
        "data": _json(data) if isinstance(data, dict) else None,
        "kind": kind.name if kind else None,
        "form": kind_form(kind) if kind else None,
        "findings": findings,
        "labels": _labels(kind, data) if kind and isinstance(data, dict) else {},
        "stats": None,
    }
    if checked.document is not None and not any(f["severity"] == "error" and f["code"] in ("E001", "E002")
                                                for f in findings):
        result["stats"] = _stats(checked.document)
    return result


def _stats(document: yamlfile.YamlDocument) -> dict[str, Any] | None:
    try:
        outline = outline_from_yaml(document, None)
    except OutlineError:
        return None
    stats = outline_stats(outline)
    rows = [{"label": row.label, "chars": row.counts.chars, "hanzi": row.counts.hanzi,
             "minutes": format_minutes(stats.minutes(row.counts)) if stats.rate and row.spoken else ""}
            for row in stats.rows]
    spoken = stats.spoken
    return {"rows": rows, "chars": stats.total.chars, "hanzi": stats.total.hanzi,
            "minutes": format_minutes(stats.minutes(spoken)) if stats.rate else ""}


def _labels(kind: Kind, data: dict[str, Any]) -> dict[str, str]:
    """``sections[1].sections[0]`` → ``（一）``: the number drafter prints before each heading."""
    labels: dict[str, str] = {}

    def walk(sections: Any, path: tuple[Any, ...], level: int) -> None:
        if not isinstance(sections, list) or level > len(kind.numbering):
            return
        for index, section in enumerate(sections):
            if not isinstance(section, dict):
                continue
            here = (*path, index)
            labels[format_path(here)] = heading_number(kind.numbering, level, index + 1)
            walk(section.get("sections"), (*here, "sections"), level + 1)

    if kind.numbering:
        walk(data.get("sections"), ("sections",), 1)
    return labels


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return {"date": value.isoformat()[:10]}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)


def known_kinds() -> list[dict[str, str]]:
    """The kinds a new outline can be started from."""
    return [{"name": k.name, "description": k.description} for k in KINDS.values()]
