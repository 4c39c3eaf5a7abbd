"""Every file name the browser sends, confined to the studio's folder."""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from drafter.errors import DrafterError
from drafter.i18n import _

OUTLINE_SUFFIXES = (".yaml", ".yml")
_KIND_LINE = re.compile(rb"^kind:[ \t]*\S", re.MULTILINE)


class StudioPathError(DrafterError):
    """A name that would leave the studio's folder, or that names no outline."""


def confine(folder: Path, name: str, *, suffixes: tuple[str, ...] = OUTLINE_SUFFIXES) -> Path:
    """The file ``name`` (relative, ``/``-separated) inside ``folder``; refuses ``..``, absolute
    names, backslashes, hidden parts and anything whose real path (symlinks followed) is outside."""
    if not name or "\x00" in name or "\\" in name:
        raise StudioPathError(_("{name!r}: not a file name inside the studio's folder").format(name=name))
    pure = PurePosixPath(name)
    if pure.is_absolute() or name.startswith("~"):
        raise StudioPathError(_("{name}: an absolute path; the studio only opens files inside its folder").format(name=name))
    if any(part in ("..", ".") or part.startswith(".") for part in pure.parts):
        raise StudioPathError(_("{name}: '..' and hidden names are refused; the studio only opens files inside its folder").format(name=name))
    if suffixes and pure.suffix.lower() not in suffixes:
        raise StudioPathError(_("{name}: not an outline (the name must end in {suffixes})").format(name=name, suffixes=' or '.join(suffixes)))
    root = folder.resolve()
    target = root.joinpath(*pure.parts)
    real = Path(os.path.realpath(target))
    if real != root and root not in real.parents:
        raise StudioPathError(_("{name}: it leads outside the studio's folder (a symbolic link?); refused").format(name=name))
    return target


def relative_name(folder: Path, path: Path) -> str:
    """``path`` as the ``/``-separated name the browser uses."""
    return path.relative_to(folder.resolve()).as_posix()


def list_outlines(folder: Path, limit: int = 2000) -> list[str]:
    """The outline files under ``folder`` (not in hidden folders, not through links out): the
    folder's own first, then each subfolder's, by name."""
    root = folder.resolve()
    found: list[str] = []
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
        for file in sorted(files):
            if file.startswith(".") or not file.lower().endswith(OUTLINE_SUFFIXES):
                continue
            path = Path(current) / file
            try:
                confine(root, relative_name(root, path))
            except StudioPathError:
                continue
            if not _names_a_kind(path):
                continue  # a department pack's department.yaml, a CI file: not an outline
            found.append(relative_name(root, path))
            if len(found) >= limit:
                return found
    return found


def _names_a_kind(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return bool(_KIND_LINE.search(stream.read(65536)))
    except OSError:
        return False
