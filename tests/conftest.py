"""Shared fixtures: the repository's folders, a CLI runner, render helpers, LibreOffice conversion."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from drafter.cli import cli

REPO = Path(__file__).resolve().parent.parent
OUTLINES = REPO / "outlines"
SEEDS = next((folder / "shared" / "seeds" for folder in REPO.parents if (folder / "shared" / "seeds").is_dir()),
             REPO.parent / "shared" / "seeds")
"""The optional reference texts beside the checkout (or beside a worktree's parent folder)."""


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
