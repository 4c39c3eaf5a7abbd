"""A LibreOffice kept running for previews: DOCX bytes → PDF of the pages asked for, in ~0.1 s.

A cold ``soffice --convert-to pdf`` costs two seconds; a warm one driven over UNO lays a short
document out in a tenth of that. Debian's ``python3-uno`` imports only in the system Python, not
in a virtual environment or pyenv, so drafter does not import ``uno`` itself: it runs the small
bridge script :mod:`drafter.office.unobridge` under ``/usr/bin/python3`` (``DRAFTER_UNO_PYTHON``
overrides) and talks to it over a pipe, one JSON line each way. A bridge also keeps a crashed
or hung soffice out of drafter's own process.

One soffice lays out one document at a time, so calls are serialised by a lock. soffice's memory
grows with every document it opens (≈ 160 MB → 370 MB over 500), so the process is restarted
every :data:`RESTART_EVERY` conversions, and whenever it fails or times out.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError, ToolMissingError
from drafter.i18n import _
from drafter.office.libreoffice import _environment, _profile_arg, find_soffice, missing_soffice_message

UNO_PACKAGE = "python3-uno"
RESTART_EVERY = 300
"""Conversions after which soffice is started afresh (its memory only grows)."""
DEFAULT_PYTHON = "/usr/bin/python3"
CALL_TIMEOUT = 60.0


class WarmOfficeError(DrafterError):
    """The warm LibreOffice could not make the PDF."""


@dataclass(frozen=True)
class PdfPages:
    """The PDF of the pages asked for, and how many pages the whole document has."""

    pdf: bytes
    page_count: int


def uno_python() -> str:
    """The Python that can import ``uno``: ``DRAFTER_UNO_PYTHON`` or the system's."""
    return os.environ.get("DRAFTER_UNO_PYTHON") or DEFAULT_PYTHON


def warm_office_missing() -> str | None:
    """Why a warm LibreOffice cannot run here (what to install), or None when it can."""
    if find_soffice() is None:
        return missing_soffice_message()
    python = uno_python()
    if not Path(python).is_file():
        return _("{python} is missing; previews need the system Python with LibreOffice's UNO module "
                 "(Debian/Ubuntu: {command}), or set DRAFTER_UNO_PYTHON").format(
            python=python, command=f"apt-get install {UNO_PACKAGE}")
    probe = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30, check=False)
    if probe.returncode != 0:
        return _("LibreOffice's Python UNO module does not import in {python}; install it (Debian/Ubuntu: "
                 "{command}) or set DRAFTER_UNO_PYTHON to a Python that has it").format(
            python=python, command=f"apt-get install {UNO_PACKAGE}")
    return None


class WarmOffice:
    """One soffice behind a UNO bridge; thread-safe, started on first use, restarted as needed."""

    def __init__(self, restart_every: int = RESTART_EVERY, timeout: float = CALL_TIMEOUT) -> None:
        self.restart_every = restart_every
        self.timeout = timeout
        self.conversions = 0
        """Conversions done by the current soffice."""
        self._lock = threading.Lock()
        self._bridge: subprocess.Popen[str] | None = None
        self._soffice_pid: int | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def pdf(self, docx: bytes, pages: str = "") -> PdfPages:
        """The PDF of ``pages`` (``"1-2"``; empty: all) of the DOCX ``docx`` as LibreOffice lays it out."""
        with self._lock:
            if self._bridge is not None and self.conversions >= self.restart_every:
                self._stop()
            if self._bridge is None:
                self._start()
            assert self._folder is not None
            work = Path(self._folder.name)
            source, target = work / "in.docx", work / "out.pdf"
            source.write_bytes(docx)
            target.unlink(missing_ok=True)
            try:
                answer = self._ask({"docx": str(source), "pdf": str(target), "pages": pages})
            except WarmOfficeError:
                self._stop()
                raise
            self.conversions += 1
            if not answer.get("ok"):
                self._stop()  # a failing soffice is not trusted with the next document
                raise WarmOfficeError(_("LibreOffice could not lay out the document: {detail}").format(
                    detail=answer.get("error")))
            return PdfPages(target.read_bytes(), int(answer.get("page_count") or 0))

    def start(self) -> None:
        """Start soffice now (otherwise it starts with the first conversion)."""
        with self._lock:
            if self._bridge is None:
                self._start()

    def memory(self) -> int:
        """Resident memory of soffice in bytes (0 when it is not running)."""
        pid = self._soffice_pid
        if pid is None:
            return 0
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) != os.getpgid(pid) and int(entry.name) != pid:
                    continue
                if "soffice" not in (entry / "comm").read_text():
                    continue
                for line in (entry / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except (OSError, IndexError, ValueError):
                continue
        return total

    def close(self) -> None:
        """Stop soffice and the bridge."""
        with self._lock:
            self._stop()

    # -- the bridge process ----------------------------------------------------------------

    def _start(self) -> None:
        soffice = find_soffice()
        if soffice is None:
            raise ToolMissingError(missing_soffice_message())
        python = uno_python()
        if not Path(python).is_file():
            raise ToolMissingError(warm_office_missing() or _("{python} is missing").format(python=python))
        self._folder = tempfile.TemporaryDirectory(prefix="drafter-warm-")
        profile = _profile_arg(Path(self._folder.name)).split("=", 1)[1]
        script = Path(__file__).with_name("unobridge.py")
        pipe = f"drafter-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._bridge = subprocess.Popen([python, str(script), soffice, profile, pipe],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, env=_environment(), start_new_session=True)
        self.conversions = 0
        try:
            hello = self._read(self.timeout * 2)
        except WarmOfficeError:
            reason = warm_office_missing()
            self._stop()
            if reason:
                raise ToolMissingError(reason) from None
            raise
        if not hello.get("ready"):
            self._stop()
            raise WarmOfficeError(_("LibreOffice did not start for previews: {detail}").format(detail=hello.get("error")))
        self._soffice_pid = int(hello["pid"])

    def _ask(self, request: dict[str, str]) -> dict[str, object]:
        assert self._bridge is not None and self._bridge.stdin is not None
        try:
            self._bridge.stdin.write(json.dumps(request) + "\n")
            self._bridge.stdin.flush()
        except OSError:
            raise WarmOfficeError(_("the LibreOffice bridge stopped")) from None
        return self._read(self.timeout)

    def _read(self, timeout: float) -> dict[str, object]:
        assert self._bridge is not None and self._bridge.stdout is not None
        box: list[str] = []
        reader = threading.Thread(target=lambda: box.append(self._bridge.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not box:
            raise WarmOfficeError(_("LibreOffice did not answer within {seconds} s").format(seconds=f"{timeout:g}"))
        if not box[0]:
            detail = self._bridge.stderr.read()[-500:].strip() if self._bridge.poll() is not None else ""
            raise WarmOfficeError(_("the LibreOffice bridge stopped: {detail}").format(detail=detail) if detail
                                  else _("the LibreOffice bridge stopped"))
        return json.loads(box[0])

    def _stop(self) -> None:
        bridge, self._bridge, self._soffice_pid = self._bridge, None, None
        if bridge is not None:
            try:
                os.killpg(bridge.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            bridge.wait()
            for stream in (bridge.stdin, bridge.stdout, bridge.stderr):
                if stream is not None:
                    stream.close()
        if self._folder is not None:
            shutil.rmtree(self._folder.name, ignore_errors=True)
            self._folder = None
