"""LibreOffice headless: DOCX → PDF, a table of contents filled with page numbers, and old
word-processing files (.doc, .wps) → DOCX for ``drafter extract``.

Every :class:`Office` session runs soffice in a private user profile inside its own temporary
folder (``-env:UserInstallation``), so parallel drafter runs never share or lock a profile, and
the user's own LibreOffice settings are never read or changed. drafter's Basic macros
(``templates/office/Module1.xba``) are installed into that private profile. Documents are copied
in and out under plain ASCII names, so no path (spaces, commas, Chinese) can upset the macro URL
or the locale LibreOffice starts in. Fonts come from drafter's fontconfig file
(:mod:`drafter.office.fonts`). Each call has a timeout; the whole process group is ended when it runs out.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

from drafter.docx.writer import TocEntry
from drafter.errors import DrafterError, ToolMissingError
from drafter.i18n import _
from drafter.office.fonts import preview_environment
from drafter.office.odt import without_hanging_punctuation
from drafter.resources import builtin_dir

SOFFICE_PACKAGE = "libreoffice-writer-nogui"
DEFAULT_TIMEOUT = 180.0
"""Seconds one soffice call may take (a cold start plus a long document); DRAFTER_SOFFICE_TIMEOUT overrides."""


class OfficeError(DrafterError):
    """LibreOffice ran but did not produce what drafter asked of it."""


def find_soffice() -> str | None:
    """The soffice binary: ``DRAFTER_SOFFICE`` if set, else ``soffice`` or ``libreoffice`` on PATH."""
    configured = os.environ.get("DRAFTER_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() or shutil.which(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing_soffice_message() -> str:
    """What to tell a user who has no LibreOffice."""
    configured = os.environ.get("DRAFTER_SOFFICE")
    if configured:
        return _("DRAFTER_SOFFICE is set to {value!r}, which is not an executable file; "
                 "point it at LibreOffice's soffice binary or unset it").format(value=configured)
    return _("LibreOffice (soffice) is not installed or not on PATH; install it (Debian/Ubuntu: {command}) "
             "or set DRAFTER_SOFFICE to its soffice binary").format(command=f"apt-get install {SOFFICE_PACKAGE}")


def require_soffice() -> str:
    """The soffice binary, or :class:`ToolMissingError` saying how to install it."""
    binary = find_soffice()
    if binary is None:
        raise ToolMissingError(missing_soffice_message())
    return binary


def soffice_version(binary: str, timeout: float = 60) -> str:
    """``LibreOffice 7.4.7.2 …`` as the binary reports it (empty if it does not answer)."""
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as folder:
        try:
            result = _run([binary, _profile_arg(Path(folder)), "--headless", "--version"], timeout)
        except OfficeError:
            return ""
    return result.stdout.strip().splitlines()[0] if result.stdout.strip() else ""


class Office:
    """A LibreOffice session with a private profile; use as a context manager.

    >>> with Office() as office:                                 # doctest: +SKIP
    ...     office.to_pdf(Path("speech.docx"), Path("speech.pdf"))
    """

    def __init__(self, binary: str | None = None, timeout: float | None = None) -> None:
        self.binary = binary or require_soffice()
        self.timeout = timeout or _timeout_setting()
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._ready = False

    def __enter__(self) -> Office:
        self._folder = tempfile.TemporaryDirectory(prefix="drafter-lo-")
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    @property
    def folder(self) -> Path:
        """The session's temporary folder (profile and work files)."""
        if self._folder is None:
            raise RuntimeError("Office is used outside its `with` block")
        return Path(self._folder.name)

    def to_pdf(self, docx: Path, pdf: Path) -> Path:
        """Convert ``docx`` to ``pdf`` as LibreOffice lays it out; returns ``pdf``."""
        work_in, work_out = self.folder / "in.docx", self.folder / "out.pdf"
        shutil.copyfile(docx, work_in)
        self._macro("ExportPdf", work_in, work_out, _("convert {path} to PDF").format(path=docx))
        pdf.parent.mkdir(parents=True, exist_ok=True)
        tmp = pdf.with_name(f".{pdf.name}.tmp")
        shutil.move(str(work_out), tmp)
        os.replace(tmp, pdf)
        return pdf

    def to_docx(self, source: Path, docx: Path) -> Path:
        """Convert a document LibreOffice opens (.doc, .wps, .rtf, .odt) to ``docx``; returns ``docx``.

        An OLE file (Word 97–2003, and WPS Writer's .wps) is copied in as ``in.doc`` so that
        LibreOffice's Word filter reads it whatever its name says.
        """
        ole = source.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        work_in = self.folder / ("in.doc" if ole else f"in{source.suffix.lower()}")
        out_dir = self.folder / "converted"
        shutil.copyfile(source, work_in)
        completed = _run([self.binary, _profile_arg(self.folder), "--headless", "--invisible", "--nologo",
                          "--norestore", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
                          "--outdir", str(out_dir), str(work_in)], self.timeout)
        result = out_dir / "in.docx"
        if not result.is_file():
            detail = completed.stderr.strip()[-500:] or completed.stdout.strip()[-500:] or f"exit code {completed.returncode}"
            raise OfficeError(_("LibreOffice ({binary}) could not open {path} as a text document: {detail}").format(
                binary=self.binary, path=source, detail=detail))
        docx.parent.mkdir(parents=True, exist_ok=True)
        tmp = docx.with_name(f".{docx.name}.tmp")
        shutil.move(str(result), tmp)
        os.replace(tmp, docx)
        return docx

    def to_odt(self, docx: Path, odt: Path) -> Path:
        """Save ``docx`` as ODT with hanging punctuation off in every paragraph style; returns ``odt``.

        LibreOffice's DOCX import reads ``w:overflowPunct="0"`` as "hang", so a DOCX opened in
        LibreOffice hangs ，。 past the margin; the ODT says ``style:punctuation-wrap="simple"``.
        """
        work_in, work_out = self.folder / "in.docx", self.folder / "out.odt"
        shutil.copyfile(docx, work_in)
        self._macro("ExportOdt", work_in, work_out, _("convert {path} to ODT").format(path=docx))
        odt.parent.mkdir(parents=True, exist_ok=True)
        tmp = odt.with_name(f".{odt.name}.tmp")
        without_hanging_punctuation(work_out)
        shutil.move(str(work_out), tmp)
        os.replace(tmp, odt)
        return odt

    def toc(self, docx: Path) -> list[list[TocEntry]]:
        """The entries of each table of contents in ``docx``, updated by LibreOffice's layout."""
        work_in, work_out = self.folder / "in.docx", self.folder / "toc.txt"
        shutil.copyfile(docx, work_in)
        self._macro("TocEntries", work_in, work_out, _("update the table of contents of {path}").format(path=docx))
        return parse_toc(work_out.read_text(encoding="utf-8"))

    # -- running soffice ---------------------------------------------------------------------

    def _macro(self, name: str, source: Path, result: Path, what: str) -> None:
        self._prepare()
        result.unlink(missing_ok=True)
        error = result.with_name(result.name + ".error")
        error.unlink(missing_ok=True)
        url = f'macro:///Standard.Module1.{name}("{source.as_uri()}","{result.as_uri()}")'
        completed = _run([self.binary, _profile_arg(self.folder), "--headless", "--invisible",
                          "--nologo", "--norestore", "--nolockcheck", "--nodefault", url], self.timeout)
        if not result.is_file():
            reason = error.read_text(encoding="utf-8", errors="replace").strip() if error.is_file() else ""
            detail = reason or completed.stderr.strip()[-500:] or f"exit code {completed.returncode}"
            raise OfficeError(_("LibreOffice ({binary}) could not {action}: {detail}").format(
                binary=self.binary, action=what, detail=detail))

    def _prepare(self) -> None:
        """Create the private profile (a first start) and install drafter's macros into it."""
        if self._ready:
            return
        _run([self.binary, _profile_arg(self.folder), "--headless", "--terminate_after_init"], self.timeout)
        module = self.folder / "profile" / "user" / "basic" / "Standard" / "Module1.xba"
        if not module.parent.is_dir():
            raise OfficeError(_("LibreOffice ({binary}) did not create its user profile in {folder}").format(
                binary=self.binary, folder=self.folder))
        shutil.copyfile(builtin_dir() / "office" / "Module1.xba", module)
        self._ready = True


def _timeout_setting() -> float:
    value = os.environ.get("DRAFTER_SOFFICE_TIMEOUT", "")
    try:
        return float(value) if float(value) > 0 else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT


def _profile_arg(folder: Path) -> str:
    return f"-env:UserInstallation={(folder / 'profile').as_uri()}"


def _environment() -> dict[str, str]:
    env = preview_environment()
    locale = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
    if "utf-8" not in locale.lower() and "utf8" not in locale.lower():
        env["LC_ALL"] = "C.UTF-8"
    return env


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run soffice in its own process group; end the whole group if it outlives ``timeout``."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=_environment(),
                                   start_new_session=True)
    except OSError as exc:
        raise ToolMissingError(_("cannot start LibreOffice ({binary}): {reason}; {advice}").format(
            binary=command[0], reason=exc.strerror, advice=missing_soffice_message())) from None
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _end_group(process)
        raise OfficeError(_("LibreOffice ({binary}) did not finish within {seconds} s and was stopped; a long "
                            "document may need more: set DRAFTER_SOFFICE_TIMEOUT (seconds)").format(
            binary=command[0], seconds=f"{timeout:g}")) from None
    except BaseException:
        _end_group(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _end_group(process: subprocess.Popen[str]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.communicate()


_LEVEL = re.compile(r"(\d+)$")


def parse_toc(text: str) -> list[list[TocEntry]]:
    """Parse the TocEntries macro's output: ``#index N`` lines, then ``style TAB text TAB page``."""
    indexes: list[list[TocEntry]] = []
    for line in text.splitlines():
        if line.startswith("#index"):
            indexes.append([])
            continue
        style, _tab, entry = line.partition("\t")
        level = _LEVEL.search(style)
        if not indexes or not level or not entry.strip():
            continue  # the index's own title, or an empty paragraph
        heading, tab, page = entry.rpartition("\t")
        if not tab:
            heading, page = entry, ""
        indexes[-1].append(TocEntry(int(level.group(1)), heading.strip(), page.strip()))
    return indexes
