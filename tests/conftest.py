"""Shared fixtures: the repository's folders, a CLI runner, render helpers, LibreOffice conversion."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

# The suite pins drafter's English messages; tests of the Chinese ones ask for zh themselves. Set
# before drafter is imported, and inherited by every drafter process a test starts.
os.environ["DRAFTER_LANG"] = "en"

from drafter.cli import cli  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OUTLINES = REPO / "outlines"


def seeds_dir() -> Path:
    """The seed texts: ``$DRAFTER_TEST_SEEDS`` when set (empty or ``none``: hide them, to check that
    only seed tests skip without them), else ``../shared/seeds`` beside the repository."""
    configured = os.environ.get("DRAFTER_TEST_SEEDS")
    if configured is None:
        return REPO.parent / "shared" / "seeds"
    if configured.strip().lower() in {"", "none", "off"}:
        return REPO / ".no-seeds"  # a folder that never exists
    return Path(configured)


SEEDS = seeds_dir()


def _writes_anywhere() -> bool:
    """Whether permission bits fail to stop this process (root, or a process with CAP_DAC_OVERRIDE)."""
    with tempfile.TemporaryDirectory() as folder:
        locked = Path(folder) / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        try:
            (locked / "probe").write_bytes(b"")
        except PermissionError:
            return False
        finally:
            locked.chmod(0o755)
    return True


IS_ROOT = _writes_anywhere()
"""Root writes anywhere: tests of permission refusals need an ordinary user (CI runs them as one)."""


@pytest.fixture(scope="session", autouse=True)
def private_template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The whole run (and every drafter process it starts) uses its own compiled-template cache,
    never the user's ~/.cache/drafter, so no run sees entries another run or branch left behind."""
    folder = tmp_path_factory.mktemp("drafter-cache")
    before = os.environ.get("DRAFTER_CACHE_DIR")
    os.environ["DRAFTER_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("DRAFTER_CACHE_DIR", None)
    else:
        os.environ["DRAFTER_CACHE_DIR"] = before


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run ``drafter ARGS…`` in-process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return run


def run_process(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m drafter ARGS…`` as a real process (what a user's shell does)."""
    return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, "PYTHONPATH": str(REPO)})


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a dedented text file under tmp_path: ``write("a.yaml", "kind: speech …")``."""

    def make(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return make


@pytest.fixture
def render_docx(tmp_path: Path, run_cli: Callable[..., Result]) -> Callable[..., docx.document.Document]:
    """Render an outline file through the CLI and open the DOCX with python-docx."""

    def render(outline: Path, *extra: str) -> docx.document.Document:
        out = tmp_path / (outline.stem + ".docx")
        result = run_cli("render", outline, "-o", out, *extra)
        assert result.exit_code == 0, result.output
        return docx.Document(str(out))

    return render


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return os.environ.get("DRAFTER_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def to_pdf(docx_path: Path) -> Path:
    """Convert a DOCX to PDF with LibreOffice headless, in a private profile directory."""
    out_dir = docx_path.parent
    profile = out_dir / ".lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    return docx_path.with_suffix(".pdf")


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF, as pdftotext lays it out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
