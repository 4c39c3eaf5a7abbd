"""See the page: a rendered DOCX as PDF and PNG pages, with its table of contents filled in.

LibreOffice (:mod:`drafter.office.libreoffice`) lays the document out; drafter keeps its own DOCX and only
takes the page numbers from LibreOffice: when the document has a table of contents, LibreOffice
updates it, drafter renders the DOCX again with those entries (so the saved DOCX shows a filled
TOC in Word, WPS and LibreOffice without an update), and the PDF is made from that DOCX.
PNG pages come from the PDF through ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.docx import oxml
from drafter.docx.writer import TocEntry
from drafter.errors import DrafterError, ToolMissingError
from drafter.i18n import _

POPPLER_PACKAGE = "poppler-utils"
DEFAULT_DPI = 100


class PagesError(DrafterError):
    """A --pages value that is not a page range."""


@dataclass(frozen=True)
class PageRange:
    """Pages ``first``…``last`` (1-based, inclusive); ``last`` None means to the end."""

    first: int = 1
    last: int | None = None

    def __str__(self) -> str:
        return f"{self.first}-{self.last or ''}"


_PAGES = re.compile(r"^\s*(\d+)\s*(?:(-)\s*(\d+)?)?\s*$")


def parse_pages(text: str) -> PageRange:
    """``"2"`` → page 2; ``"1-2"`` → pages 1 and 2; ``"3-"`` → page 3 to the end."""
    match = _PAGES.match(text)
    if not match:
        raise PagesError(_("--pages {value!r}: give a page or a range such as 1, 1-2 or 3-").format(value=text))
    first = int(match.group(1))
    last = int(match.group(3)) if match.group(3) else (None if match.group(2) else first)
    if first < 1 or (last is not None and last < first):
        raise PagesError(_("--pages {value!r}: pages count from 1 and a range goes forward (1-2, not 2-1)").format(
            value=text))
    return PageRange(first, last)


@dataclass(frozen=True)
class PreviewRequest:
    """What to make besides the DOCX."""

    pdf: Path | None = None
    """Where to write the PDF (None: no PDF file, though PNGs still go through one)."""
    png: bool = False
    pages: PageRange = PageRange()
    dpi: int = DEFAULT_DPI
    update_fields: bool = False
    """Fill the table of contents even when no PDF or PNG is asked for."""
    odt: Path | None = None
    """Where to write an ODT with hanging punctuation off (None: none)."""

    @property
    def needs_office(self) -> bool:
        """Whether anything at all is asked of LibreOffice."""
        return self.pdf is not None or self.png or self.update_fields or self.odt is not None


@dataclass
class PreviewResult:
    """The files a preview wrote."""

    docx: Path
    pdf: Path | None = None
    pngs: list[Path] = field(default_factory=list)
    odt: Path | None = None
    toc: list[TocEntry] = field(default_factory=list)
    """The table of contents as filled in (empty when the document has none)."""


def has_toc_field(docx: Path) -> bool:
    """Whether the DOCX at ``docx`` has a table-of-contents field."""
    with zipfile.ZipFile(docx) as package:
        return oxml.has_toc_field(package.read("word/document.xml").decode("utf-8"))


Rerender = Callable[[Sequence[TocEntry]], object]
"""Writes the DOCX again with a filled table of contents (e.g. render_file(…, toc=entries))."""


def preview(docx: Path, request: PreviewRequest, rerender: Rerender | None = None) -> PreviewResult:
    """Fill the TOC of ``docx`` (through ``rerender``) and make the PDF/PNG pages ``request`` asks for.

    Raises :class:`ToolMissingError` when LibreOffice or pdftoppm is missing; the DOCX written
    before stays as it is.
    """
    from drafter.office.libreoffice import Office

    result = PreviewResult(docx)
    if not request.needs_office:
        return result
    pdftoppm = _require_pdftoppm() if request.png else None
    with Office() as office:
        if rerender is not None and has_toc_field(docx):
            indexes = office.toc(docx)
            entries = indexes[0] if indexes else []
            if entries:
                rerender(entries)
                result.toc = entries
        if request.odt is not None:
            result.odt = office.to_odt(docx, request.odt)
        if request.pdf is None and not request.png:
            return result
        pdf = request.pdf or office.folder / "preview.pdf"
        office.to_pdf(docx, pdf)
        if request.pdf is not None:
            result.pdf = pdf
        if pdftoppm is not None:
            stem = docx.with_suffix("")
            result.pngs = pdf_to_png(pdf, stem, request.pages, request.dpi, pdftoppm=pdftoppm)
    return result


def _require_pdftoppm() -> str:
    binary = shutil.which("pdftoppm")
    if binary is None:
        raise ToolMissingError(_("pdftoppm is not installed, so PNG pages cannot be made; install it "
                                 "(Debian/Ubuntu: {command})").format(command=f"apt-get install {POPPLER_PACKAGE}"))
    return binary


def pdf_to_png(pdf: Path, stem: Path, pages: PageRange = PageRange(), dpi: int = DEFAULT_DPI, *,
               pdftoppm: str | None = None) -> list[Path]:
    """Draw ``pages`` of ``pdf`` as PNG files ``<stem>-<page>.png``; returns them in page order."""
    binary = pdftoppm or _require_pdftoppm()
    work = stem.parent / f".{stem.name}.pages"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        command = [binary, "-png", "-r", str(dpi), "-f", str(pages.first)]
        if pages.last is not None:
            command += ["-l", str(pages.last)]
        done = subprocess.run([*command, str(pdf), str(work / "page")], capture_output=True, text=True,
                              timeout=300, check=False)
        made = sorted(work.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if done.returncode != 0 or not made:
            detail = done.stderr.strip() or _("no page in that range")
            raise PagesError(_("cannot draw pages {pages} of {file}: {detail}").format(
                pages=pages, file=pdf.name, detail=detail))
        out = []
        for path in made:
            target = stem.parent / f"{stem.name}-{int(path.stem.rsplit('-', 1)[1])}.png"
            path.replace(target)
            out.append(target)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)
