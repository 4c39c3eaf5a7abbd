"""Templates: an ordered search path [department…, built-in] → a sandboxed, strict Jinja environment.

Built-in templates are also reachable as ``base/<name>``, so a department's ``speech.j2`` can
``{% extends "base/speech.j2" %}`` and redefine only the blocks it changes (mkdocs' theme
``custom_dir`` is the model). Templates emit block markup (see :mod:`drafter.compose.blocks`) with
autoescaping on, so text from an outline can never add structure.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError
from markupsafe import Markup, escape

from drafter.compose.cache import template_cache
from drafter.compose.content import point_paragraphs
from drafter.compose.gongwenfilters import FILTERS as GONGWEN_FILTERS
from drafter.compose.guard import TIME_LIMIT, install, render_bounded
from drafter.compose.kindfilters import FILTERS as KIND_FILTERS
from drafter.compose.packcheck import nearest
from drafter.compose.sandbox import Sandbox
from drafter.errors import TemplateError
from drafter.i18n import _
from drafter.resources import builtin_dir
from drafter.text.numbering import as_lead, join_points
from drafter.text.titles import TITLE_CHARS, break_title
from drafter.text.typography import normalise_punctuation


def cn_date(value: dt.date) -> str:
    """2025-07-18 → 2025年7月18日 (no leading zeros, as GB/T 9704 writes dates)."""
    return f"{value.year}年{value.month}月{value.day}日"


def en_date(value: dt.date) -> str:
    """2025-07-18 → 18 July 2025."""
    return f"{value.day} {value:%B %Y}"


def without_dash(text: str) -> str:
    """A subtitle with any leading dash removed (templates add their own ——)."""
    return text.lstrip("—–-― ").strip()


def title_lines(text: str, max_chars: int = TITLE_CHARS) -> Markup:
    """A Chinese title as lines joined by ``<br/>``: lines typed in the outline are kept; a title too
    long for one line is broken by meaning (:func:`drafter.text.titles.break_title`). Its
    punctuation is made full-width first, on the whole title, so that a mark read by its
    neighbours (``0,.`` after a digit) is read the same wherever the line breaks."""
    return Markup("<br/>").join(escape(line) for line in break_title(normalise_punctuation(text), max_chars))


FILTERS = {
    "title_lines": title_lines,
    "cn_date": cn_date,
    "en_date": en_date,
    "points": join_points,
    "lead": as_lead,
    "without_dash": without_dash,
    "point_paragraphs": point_paragraphs,
    **KIND_FILTERS,
    **GONGWEN_FILTERS,
}


class ConfinedLoader(jinja2.FileSystemLoader):
    """A file loader that refuses files whose real path leaves its folders (symbolic links out)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        roots = [os.path.realpath(folder) for folder in self.searchpath]
        if not any(real.startswith(root + os.sep) for root in roots):
            raise SecurityError(_("template {template!r} ({filename}) leads to {real}, outside the template folders; "
                                  "copy the file into the pack instead of linking it").format(
                                  template=template, filename=filename, real=real))
        return source, filename, uptodate


class Templates:
    """The templates of one search path, compiled once and reused for every render."""

    def __init__(self, search_path: Sequence[Path] = (), *, time_limit: float = TIME_LIMIT) -> None:
        self.time_limit = time_limit
        self.search_path = [Path(p) for p in search_path] + [builtin_dir()]
        builtin = ConfinedLoader(str(builtin_dir()))
        loader = jinja2.ChoiceLoader([
            ConfinedLoader([str(p) for p in self.search_path]),
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
        install(self.environment)  # drafter.compose.guard: limits on rendering time and value sizes

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
            return render_bounded(template, context, self.time_limit)
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or exc.name or name
            raise TemplateError(where, exc.lineno, _("template syntax error: {message}").format(
                message=exc.message)) from None
        except jinja2.TemplateNotFound as exc:
            file, line = _template_frame(sys.exc_info()[2], name, self.search_path)
            folders = ", ".join(str(p) for p in self.search_path)
            message = _("template {name!r} not found on the search path ({folders})").format(name=exc.name,
                                                                                              folders=folders)
            if exc.name and (".." in str(exc.name).split("/") or str(exc.name).startswith("/")):
                message += _("; templates are looked up only inside the search path folders")
            raise TemplateError(file, line, message) from None
        except jinja2.UndefinedError as exc:
            file, line = _template_frame(sys.exc_info()[2], name, self.search_path)
            raise TemplateError(file, line, _("undefined name in template: {message}{suggestion}").format(
                message=jinja_words(exc.message or ""), suggestion=_suggestion(exc.message or "", context))) from None
        except SecurityError as exc:
            file, line = _template_frame(sys.exc_info()[2], name, self.search_path)
            raise TemplateError(file, line, _("the template tried something not allowed: {reason}").format(
                                              reason=exc)) from None
        except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError,
                OverflowError, RecursionError, jinja2.TemplateError) as exc:
            file, line = _template_frame(sys.exc_info()[2], name, self.search_path)
            raise TemplateError(file, line, _("template failed: {error}: {reason}").format(
                                              error=type(exc).__name__, reason=exc)) from None


_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"'([^']+)' has no attribute '([^']+)'")


def jinja_words(message: str) -> str:
    """Jinja's UndefinedError message (``'x' is undefined``) in the current language."""
    if match := _UNDEFINED.fullmatch(message):
        return _("'{name}' is undefined").format(name=match.group(1))
    if match := _NO_ATTRIBUTE.fullmatch(message):
        return _("'{value}' has no attribute '{name}'").format(value=match.group(1), name=match.group(2))
    return message


def _suggestion(message: str, context: dict[str, Any]) -> str:
    """`` (did you mean `title`?)`` for the name an UndefinedError message complains about."""
    match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", message)
    if not match:
        return ""
    names = set(context)
    for value in context.values():
        if isinstance(value, dict):
            names |= set(value)
    return nearest(match.group(1) or match.group(2), names)


def _template_frame(tb: TracebackType | None, fallback: str,
                    search_path: Sequence[Path] = ()) -> tuple[str, int | None]:
    """The innermost template file and line in a traceback rewritten by Jinja.

    Jinja rewrites frames of template code to carry the template's file name and line; a
    frame is a template's when its file lies in a search-path folder (whatever its suffix)."""
    roots = tuple(str(folder) + os.sep for folder in search_path)
    found: tuple[str, int | None] = (fallback, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(roots) or filename.endswith((".j2", ".jinja", ".jinja2", ".xml", ".txt")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
