"""What drafter says about its kinds, in the current language, shared by ``drafter kinds``,
``schema``, ``new`` and the MCP tools so they say the same: the lines describing a kind's keys,
and the message for a kind name drafter does not know. The key names stay as they are."""

from __future__ import annotations

import difflib

from drafter.i18n import _
from drafter.outline.kinds import Kind


def unknown_kind(name: str, known: list[str]) -> str:
    """"unknown kind 'x'; did you mean 'y'? drafter knows: …" in the current language."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    if close:
        return _("unknown kind {name!r}; did you mean {close!r}? drafter knows: {kinds}").format(
            name=name, close=close[0], kinds=", ".join(known))
    return _("unknown kind {name!r}; drafter knows: {kinds}").format(name=name, kinds=", ".join(known))


def key_lines(kind: Kind) -> list[str]:
    """Lines describing every key of a kind, nested keys indented under their parent (the data
    come from :mod:`drafter.outline.kindinfo`, each text translated here)."""
    from drafter.outline.kindinfo import outline_keys

    lines = []
    for key in outline_keys(kind.model):
        label = _("required") if key.required else _("optional")
        indent = "  " * (key.depth + 1)
        lines.append(f"{indent}{key.path} " + _("({label}; {accepts}): {doc}").format(
            label=label, accepts=_(key.accepts), doc=_(key.doc) if key.doc else ""))
        if key.repeats:
            lines.append(f"{indent}  " + _("… the same keys as {path}, one level down").format(path=key.repeats))
    return lines
