"""Atomic output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from drafter.errors import OutputError
from drafter.i18n import N_, _


def check_writable(target: Path) -> None:
    """Fail early, before any work, when ``target`` cannot be written."""
    if target.is_dir():
        raise OutputError(_("cannot write {target}: it is a directory; give a file name such as {example}").format(
            target=target, example=target / "out.docx"))
    folder = target.parent
    if not folder.is_dir():
        if folder.exists() or any(p.exists() and not p.is_dir() for p in folder.parents):
            raise OutputError(_("cannot write {target}: {file} is a file, not a folder").format(
                target=target, file=_first_file(folder)))
        raise OutputError(_("cannot write {target}: the folder {folder} does not exist").format(target=target, folder=folder))
    if target.exists() and not target.is_file():  # a device or pipe is written in place, not renamed over
        if not os.access(target, os.W_OK):
            raise OutputError(_("cannot write {target}: no permission to write it").format(target=target))
        return
    if not os.access(folder, os.W_OK):
        raise OutputError(_("cannot write {target}: no permission to write in {folder}").format(target=target, folder=folder))
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(_("cannot write {target}: the file is read-only").format(target=target))


def _first_file(folder: Path) -> Path:
    """The outermost part of ``folder`` that exists but is not a directory."""
    for part in [*reversed(folder.parents), folder]:
        if part.exists() and not part.is_dir():
            return part
    return folder


def check_not_source(target: Path, source: Path) -> None:
    """Refuse to write the DOCX over the outline it is rendered from."""
    try:
        same = target.exists() and os.path.samefile(target, source)
    except OSError:
        same = False
    if same:
        raise OutputError(_("cannot write {target}: it is the outline being rendered; "
                            "give another output name (-o …docx)").format(target=target))


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that a failure leaves any existing file untouched.

    A target that exists but is not a regular file (``/dev/null``, a pipe) is written in place:
    renaming over it would replace the device or pipe with a file.
    """
    check_writable(target)
    if target.exists() and not target.is_file():
        try:
            with open(target, "wb") as stream:
                stream.write(data)
        except OSError as exc:
            raise OutputError(_cannot_write(target, exc)) from None
        return
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:  # e.g. a share that refuses new files although the folder looks writable
        raise OutputError(_cannot_write(target, exc)) from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
        if target.exists():
            os.chmod(temp_name, target.stat().st_mode & 0o777)
        else:
            os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, target)
    except BaseException as exc:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(_cannot_write(target, exc)) from None
        raise


_REASONS = {
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENOENT: N_("No such file or directory"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.EBUSY: N_("Device or resource busy"),
    getattr(errno, "EDQUOT", -122): N_("Disk quota exceeded"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EIO: N_("Input/output error"),
}
"""The system's reasons for a failed write, as POSIX words them (translated where shown)."""


def os_reason(exc: OSError) -> str:
    """The reason of an OSError in the current language (the system's own words when unknown)."""
    known = _REASONS.get(exc.errno or 0)
    if known and exc.strerror == known:
        return _(known)
    return exc.strerror or str(exc)


def _cannot_write(target: Path, exc: OSError) -> str:
    """The message for an OSError while writing ``target``: a plain sentence, then the system's reason."""
    return _("cannot write {target}: {reason}").format(target=target, reason=os_reason(exc))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
