"""drafter: write the substance as a YAML outline, get a DOCX formatted as your office sends it.

The public API is small (see docs/api.md)::

    from drafter import extract, load_outline, render

    path = render("outlines/speech.yaml", "speech.docx")     # → Path of the DOCX
    outline = load_outline("outlines/speech.yaml")           # validated and immutable
    print(outline.title)                                     # the document's fields, directly
    draft = extract("last-year.docx")                        # an Outline read from a document

Errors are :class:`DrafterError` (and its children :class:`OutlineError`, :class:`TemplateError`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.version import __version__

if TYPE_CHECKING:
    from drafter.errors import DrafterError, OutlineError, TemplateError
    from drafter.outline.load import Outline

__all__ = ["DrafterError", "OutlineError", "TemplateError", "Outline", "load_outline", "render", "extract",
           "__version__"]


def render(source: str | Path, output: str | Path | None = None, department: str | Path | None = None) -> Path:
    """Render the outline file ``source`` (YAML, JSON or a Markdown draft) to a DOCX at ``output`` (default: beside it); returns the path.

    ``department`` is a department pack folder (default: the outline's ``department:`` key, then
    ``$DRAFTER_DEPARTMENT``)."""
    from drafter.pipeline.render import render_file

    return render_file(source, output, department)


def load_outline(source: str | Path) -> Outline:
    """Read and validate the outline file ``source``: YAML, JSON (.json) or a Markdown draft (.md);
    raises :class:`OutlineError` listing every problem with file:line:col."""
    from drafter.pipeline.render import read_outline

    return read_outline(source)


def extract(source: str | Path, kind: str | None = None) -> Outline:
    """Read the document at ``source`` (.txt, .md, .docx) and return its outline (kind guessed unless given,
    or named by a Markdown front matter)."""
    from drafter.extraction import extract as extract_outline

    return extract_outline(source, kind)


def __getattr__(name: str) -> Any:
    # Imported lazily so that `drafter --help` stays fast.
    if name in {"DrafterError", "OutlineError", "TemplateError"}:
        from drafter import errors

        return getattr(errors, name)
    if name == "Outline":
        from drafter.outline.load import Outline

        return Outline
    raise AttributeError(f"module 'drafter' has no attribute {name!r}")
