"""Outline files on disk: read with a version tag, save only over the version the editor started from.

The version is a hash of the file's bytes, so a change made by another program, another tab or
another person is noticed however the file's time stamps move. Saving writes a temporary file and
renames it over the old one (:func:`drafter.output.write_atomic`): a server killed mid-save leaves
the last saved file whole.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError
from drafter.i18n import _
from drafter.output import write_atomic

MAX_OUTLINE_BYTES = 2 * 1024 * 1024
"""The largest outline the studio reads or saves (a long report is ~100 KB)."""

_SAVING = threading.Lock()
"""Makes "compare the version, then rename" one step for the saves of this process."""


class ConflictError(DrafterError):
    """The file on disk is not the version the editor started from."""

    def __init__(self, name: str, current: Document | None) -> None:
        self.current = current
        if current is None:
            said = _("{name} was deleted on disk (in another tab or program) since it was opened here; "
                     "nothing was overwritten")
        else:
            said = _("{name} was changed on disk (in another tab or program) since it was opened here; "
                     "nothing was overwritten")
        super().__init__(said.format(name=name))


class TooLargeError(DrafterError):
    """An outline or upload over the studio's size limit."""


@dataclass(frozen=True)
class Document:
    """An outline file's name, text and version tag."""

    name: str
    text: str
    version: str


def version_of(data: bytes) -> str:
    """The version tag of a file's bytes."""
    return hashlib.sha256(data).hexdigest()[:20]


def read_document(path: Path, name: str) -> Document:
    """The outline file at ``path``; its text is decoded as drafter reads outlines (UTF-8, BOM dropped)."""
    try:
        if path.stat().st_size > MAX_OUTLINE_BYTES:
            raise TooLargeError(_("{name} is larger than {megabytes} MB; the studio does not open it").format(name=name, megabytes=MAX_OUTLINE_BYTES // 1024 // 1024))
        data = path.read_bytes()
    except FileNotFoundError:
        raise DrafterError(_("{name}: no such outline in the studio's folder").format(name=name)) from None
    except IsADirectoryError:
        raise DrafterError(_("{name}: a folder, not an outline").format(name=name)) from None
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return Document(name, text, version_of(data))


def current_version(path: Path) -> str | None:
    """The version of the file now on disk (None when there is none)."""
    try:
        return version_of(path.read_bytes())
    except FileNotFoundError:
        return None


def save_document(path: Path, name: str, text: str, expected: str | None) -> Document:
    """Write ``text`` to ``path`` if the file on disk is still version ``expected`` (None: the file
    must not exist yet); raises :class:`ConflictError` otherwise. Returns the saved document."""
    data = text.encode("utf-8")
    if len(data) > MAX_OUTLINE_BYTES:
        raise TooLargeError(_("{name}: the outline is larger than {megabytes} MB; not saved").format(name=name, megabytes=MAX_OUTLINE_BYTES // 1024 // 1024))
    with _SAVING:
        now = current_version(path)
        if now != expected:
            raise ConflictError(name, read_document(path, name) if now is not None else None)
        write_atomic(path, data)
    return Document(name, text, version_of(data))
