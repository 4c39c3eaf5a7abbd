"""A PDF's text layer as plain-text lines, read with PDFium (pypdfium2).

A PDF knows glyphs and their positions, not paragraphs. Each line is given back with leading
spaces that stand for how far it starts right of the text's left edge (in half-width cells of
its own font size), so the plain-text path reads it like any hard-wrapped copy: an indented
first line starts a paragraph, a short line ends one, centred head lines stand alone
(:mod:`drafter.extraction.wrap`). A PDF without a text layer (a scan) is an error that says so.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from drafter.extraction.sources import ExtractError
from drafter.i18n import _

_BREAKS = "\r\n"


@dataclass(frozen=True)
class _Line:
    text: str
    left: float
    size: float


def _wide_beside(text: str, index: int) -> bool:
    """Whether a Chinese (wide) character stands next to position ``index``: PDFium's generated
    space there is the gap LibreOffice or Word leave between Chinese and Latin text, not a space."""
    return any(0 <= at < len(text) and unicodedata.east_asian_width(text[at]) in "WF" for at in (index - 1, index + 1))


def _page_lines(page) -> list[_Line]:  # type: ignore[no-untyped-def]
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        aligned = len(text) == count  # one string index per PDFium character (no surrogate pairs)
        lines: list[_Line] = []
        chars: list[str] = []
        left, size = None, 0.0
        for index, char in enumerate(text):
            if char in _BREAKS:
                if chars:
                    lines.append(_Line("".join(chars).rstrip(), left or 0.0, size or 10.0))
                chars, left, size = [], None, 0.0
                continue
            if left is None and not char.isspace():
                left = textpage.get_charbox(index)[0] if aligned else 0.0
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index) if aligned else 10.0
            if left is not None and not (char == " " and aligned and _wide_beside(text, index)
                                         and pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1):
                chars.append(char)
        if chars:
            lines.append(_Line("".join(chars).rstrip(), left or 0.0, size or 10.0))
        return [line for line in lines if line.text]
    finally:
        textpage.close()


def text_margin(lines: list[_Line]) -> float:
    """The left edge of the text: the leftmost start that several lines share (a stray line
    further left, a page number or a marginal note, does not move it)."""
    buckets = Counter(round(line.left / 2) for line in lines)
    shared = [bucket for bucket, count in buckets.items() if count >= max(2, len(lines) // 20)]
    edge = min(shared) if shared else min(buckets)
    return min(line.left for line in lines if round(line.left / 2) == edge)


@dataclass(frozen=True)
class PdfText:
    """A PDF's text layer as plain text, and what its pages say about it."""

    text: str
    """One line per printed line, indented by spaces for how far right of the text's edge it starts."""
    blank_pages: list[int]
    """1-based numbers of the pages that carry no text (scanned pages)."""
    line_width: int
    """The width of a full line in half-width cells of the body's font size (page width less
    twice the left margin)."""


def read_pdf_text(path: Path) -> PdfText:
    """The text layer of the PDF at ``path`` (an error when it has none: a scan)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a declared dependency
        raise ExtractError(_("{path}: reading PDF needs the pypdfium2 package (pip install pypdfium2)").format(
            path=path)) from None
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ExtractError(_("{path}: not a readable PDF ({reason}); if it is password-protected, save an "
                             "unprotected copy first").format(path=path, reason=exc)) from None
    try:
        pages = [_page_lines(page) for page in document]
        widths = [page.get_width() for page in document]
    finally:
        document.close()
    lines = [line for page in pages for line in page]
    if sum(len(line.text.strip()) for line in lines) < 10:
        raise ExtractError(_("{path}: the PDF has no text layer ({count} page(s) of images: a scan?); "
                             "drafter reads the text a PDF carries, it does not recognise characters — run OCR "
                             "on it first (for example ocrmypdf), or extract from the original .docx").format(
            path=path, count=len(pages)))
    margin = text_margin(lines)
    size = Counter(round(line.size) for line in lines).most_common(1)[0][0] or 10
    out = [" " * max(0, round(2 * (line.left - margin) / max(line.size, 1.0))) + line.text for line in lines]
    full = round(2 * (sorted(widths)[len(widths) // 2] - 2 * margin) / size)  # margins taken as equal
    return PdfText("\n".join(out) + "\n", [n for n, page in enumerate(pages, 1) if not page], max(full, 0))
