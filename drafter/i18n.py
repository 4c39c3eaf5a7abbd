"""The localisation layer: every sentence a user reads goes through :func:`_` (gettext).

Catalogs live in ``drafter/locale/<lang>/LC_MESSAGES/drafter.po`` and ship compiled (``.mo``).
The language is chosen once per process, from (first that is set) ``DRAFTER_LANG``, then the
POSIX locale variables ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, then on Windows the user's locale;
the CLI's ``--lang`` calls :func:`set_language`. Chinese for any ``zh*`` locale, English otherwise.

Write messages as ``_("{path}: cannot read it: {reason}").format(path=..., reason=...)``: named
placeholders, formatted after translation, so a translation may reorder them. A message defined
at import time (a module constant) is marked with :func:`N_` and translated where it is shown.
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "drafter"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("zh_CN", "en")
"""Languages drafter speaks: the catalog's own (English, the source) and Chinese."""

CLICK_DOMAIN = "click"
"""click's own strings (Usage:, Options:, Error:, …), in a catalog of ours: see :func:`click_gettext`."""

_current: gettext.NullTranslations | None = None
_current_click: gettext.NullTranslations | None = None
_current_language: str | None = None


def normalise_language(value: str) -> str | None:
    """``zh``, ``zh_CN.UTF-8``, ``zh-Hans`` → ``zh_CN``; ``en``, ``C``, ``POSIX``, ``en_US`` → ``en``;
    empty → None."""
    value = value.strip()
    if not value:
        return None
    base = value.split(".")[0].split("@")[0].replace("-", "_").lower()
    if base.startswith("zh"):
        return "zh_CN"
    return "en"


def _windows_language() -> str | None:
    if sys.platform != "win32":  # pragma: no cover - exercised on Windows only
        return None
    try:  # pragma: no cover - Windows only
        import ctypes
        import locale

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        return locale.windows_locale.get(lcid)
    except (AttributeError, OSError, ImportError):  # pragma: no cover
        return None


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for (see the module's docstring); English when none."""
    env = os.environ if environ is None else environ
    for name in ("DRAFTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        found = normalise_language(env.get(name, ""))
        if found:
            return found
    return normalise_language(_windows_language() or "") or "en"


def set_language(language: str | None) -> str:
    """Speak ``language`` (``zh``, ``en``, a locale name; None: what the environment asks for) from
    now on in this process; returns the catalog's name (``zh_CN`` or ``en``)."""
    global _current, _current_click, _current_language
    chosen = (normalise_language(language) if language else None) or detect_language()
    if chosen == "en":
        _current = _current_click = gettext.NullTranslations()
    else:
        _current = gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True)
        _current_click = gettext.translation(CLICK_DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True)
    _current_language = chosen
    return chosen


def current_language() -> str:
    """The language messages are translated into now (``zh_CN`` or ``en``)."""
    if _current_language is None:
        set_language(None)
    assert _current_language is not None
    return _current_language


def _translations() -> gettext.NullTranslations:
    if _current is None:
        set_language(None)
    assert _current is not None
    return _current


def _(message: str) -> str:
    """``message`` in the current language (the English text itself when there is no translation)."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for ``count``, in the current language."""
    return _translations().ngettext(singular, plural, count)


def click_gettext(message: str) -> str:
    """One of click's own messages in the current language (drafter's ``click`` catalog)."""
    if _current_click is None:
        set_language(None)
    assert _current_click is not None
    return _current_click.gettext(message)


def click_ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of one of click's own messages, in the current language."""
    if _current_click is None:
        set_language(None)
    assert _current_click is not None
    return _current_click.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (translate it where shown)."""
    return message
