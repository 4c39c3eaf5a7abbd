"""drafter: write the substance as a YAML outline, get a DOCX formatted as your office sends it.

The public API is small::

    from drafter import load_outline, render
    render("outlines/speech.yaml", "speech.docx")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from drafter.errors import DrafterError, OutlineError, TemplateError
    from drafter.outline import Outline, load_outline

__all__ = ["DrafterError", "OutlineError", "TemplateError", "Outline", "load_outline", "render", "extract",
           "__version__"]


def render(source: Any, output: Any = None) -> Any:
    """Render the outline file ``source`` to a DOCX at ``output`` (default: beside it); returns the path."""
    from drafter.render import render_file

    return render_file(source, output)


def __getattr__(name: str) -> Any:
    # Imported lazily so that `drafter --help` stays fast.
    if name in {"DrafterError", "OutlineError", "TemplateError"}:
        from drafter import errors

        return getattr(errors, name)
    if name == "extract":  # the package drafter.extract is callable: drafter.extract(path) -> Outline
        import importlib

        return importlib.import_module("drafter.extract")
    if name in {"Outline", "load_outline"}:
        from drafter import outline

        return getattr(outline, name)
    raise AttributeError(f"module 'drafter' has no attribute {name!r}")
