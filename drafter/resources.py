"""Where drafter's shipped data lives: built-in templates, style profiles, fonts and the JSON Schema.

Installed, they sit inside the package (``drafter/templates``, ``drafter/schemas``); in a source
checkout, at the top of the repository (``templates/``, ``schemas/``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
"""The ``drafter`` package folder."""


def _shipped(name: str) -> Path:
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PACKAGE_DIR.parent / name


@cache
def builtin_dir() -> Path:
    """Folder of the built-in templates and profiles (inside the installed package, or the repo)."""
    return _shipped("templates")


def schemas_dir() -> Path:
    """Folder of the shipped JSON Schema (``drafter/schemas`` installed, ``schemas/`` in the repo)."""
    return _shipped("schemas")
