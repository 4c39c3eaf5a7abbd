"""Templates: an ordered search path [department…, built-in] → a sandboxed, strict Jinja environment.

Built-in templates are also reachable as ``base/<name>``, so a department's ``speech.j2`` can
``{% extends "base/speech.j2" %}`` and redefine only the blocks it changes (mkdocs' theme
``custom_dir`` is the model). Templates emit block markup (see :mod:`drafter.blocks`) with
autoescaping on, so text from an outline can never add structure.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError

from drafter.cache import template_cache
from drafter.errors import TemplateError
from drafter.numbering import as_lead, join_points
from drafter.sandbox import Sandbox

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def builtin_dir() -> Path:
    """Folder of the built-in templates and profiles (inside the installed package, or the repo)."""
    installed = PACKAGE_DIR / "templates"
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / "templates"


def cn_date(value: dt.date) -> str:
    """2025-07-18 → 2025年7月18日 (no leading zeros, as GB/T 9704 writes dates)."""
    return f"{value.year}年{value.month}月{value.day}日"


def en_date(value: dt.date) -> str:
    """2025-07-18 → 18 July 2025."""
    return f"{value.day} {value:%B %Y}"


def without_dash(text: str) -> str:
    """A subtitle with any leading dash removed (templates add their own ——)."""
    return text.lstrip("—–-― ").strip()


FILTERS = {
    "cn_date": cn_date,
    "en_date": en_date,
    "points": join_points,
    "lead": as_lead,
    "without_dash": without_dash,
}


class Templates:
    """The templates of one search path, compiled once and reused for every render."""

    def __init__(self, search_path: Sequence[Path] = ()) -> None:
        self.search_path = [Path(p) for p in search_path] + [builtin_dir()]
        builtin = jinja2.FileSystemLoader(str(builtin_dir()))
        loader = jinja2.ChoiceLoader([
            jinja2.FileSystemLoader([str(p) for p in self.search_path]),
            jinja2.PrefixLoader({"base": builtin}),
        ])
        self.environment = Sandbox(
            loader=loader,
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
            bytecode_cache=template_cache(),
        )
        self.environment.filters.update(FILTERS)

    def origin(self, name: str) -> Path | None:
        """The file a template name resolves to on the search path (first match wins)."""
        for folder in self.search_path:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return None

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render template ``name`` with ``context``; errors name the template file and line."""
        try:
            template = self.environment.get_template(name)
            return template.render(context)
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or exc.name or name
            raise TemplateError(where, exc.lineno, f"template syntax error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            file, line = _template_frame(sys.exc_info()[2], name)
            folders = ", ".join(str(p) for p in self.search_path)
            message = f"template {exc.name!r} not found on the search path ({folders})"
            raise TemplateError(file, line, message) from None
        except jinja2.UndefinedError as exc:
            file, line = _template_frame(sys.exc_info()[2], name)
            raise TemplateError(file, line, f"undefined name in template: {exc.message}") from None
        except SecurityError as exc:
            file, line = _template_frame(sys.exc_info()[2], name)
            raise TemplateError(file, line, f"the template tried something not allowed: {exc}") from None
        except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError,
                OverflowError, RecursionError, jinja2.TemplateError) as exc:
            file, line = _template_frame(sys.exc_info()[2], name)
            raise TemplateError(file, line, f"template failed: {type(exc).__name__}: {exc}") from None


def _template_frame(tb: TracebackType | None, fallback: str) -> tuple[str, int | None]:
    """The innermost template file and line in a traceback rewritten by Jinja."""
    found: tuple[str, int | None] = (fallback, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".jinja", ".jinja2", ".xml", ".txt")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
