"""A picture in a Word paragraph read back as an outline figure: its image bytes and its width.

A paragraph that holds only a picture (``w:drawing`` with an inline or anchored ``pic:pic``)
is a figure. The image is kept as bytes for the caller to write beside the outline (see
:func:`drafter.extraction.pipeline.extract_file`); the width is given as a share of the text
width when it is a whole percent of it (drafter writes ``80%`` that way), else in centimetres.
The caption below (图1 …, or a paragraph in the figure_caption style) is joined to the figure
by :mod:`drafter.extraction.docxitems`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_EMU_PER_CM = 360000
_EMU_PER_TWIP = 635
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpeg", "image/jpg": "jpeg"}


@dataclass(frozen=True)
class Picture:
    """An image found in a paragraph: its bytes, file extension and width (an outline value)."""

    data: bytes
    extension: str
    width: str | None


def pictures(p: Any, part: Any, text_width_twips: int) -> list[Picture]:
    """The PNG and JPEG pictures drawn in paragraph ``p`` (``part`` holds their relationships)."""
    found = []
    for drawing in p.iter(f"{_W}drawing"):
        blip = next(drawing.iter(f"{_A}blip"), None)
        rel_id = blip.get(f"{_R}embed") if blip is not None else None
        if not rel_id or rel_id not in part.related_parts:
            continue
        image = part.related_parts[rel_id]
        extension = _EXTENSIONS.get(getattr(image, "content_type", ""))
        if extension is None:
            continue  # an EMF, a chart, an SVG: not a figure the outline takes
        extent = next(drawing.iter(f"{_WP}extent"), None)
        width = _width(int(extent.get("cx") or 0), text_width_twips) if extent is not None else None
        found.append(Picture(image.blob, extension, width))
    return found


def _width(cx: int, text_width_twips: int) -> str | None:
    """``75%`` when the width is a whole percent of the text width, else ``11.5cm``."""
    if cx <= 0:
        return None
    if text_width_twips > 0:
        share = cx / (text_width_twips * _EMU_PER_TWIP) * 100
        if 5 <= round(share) <= 100 and abs(share - round(share)) < 0.02:
            return f"{round(share)}%"
    cm = round(cx / _EMU_PER_CM, 1)
    cm = min(max(cm, 0.5), 60.0)
    return f"{cm:g}cm"


def only_pictures(p: Any) -> bool:
    """Whether paragraph ``p`` shows pictures and no text of its own."""
    if next(p.iter(f"{_W}drawing"), None) is None:
        return False
    text = "".join(t.text or "" for t in p.iter(f"{_W}t") if not _in_drawing(t))
    return not text.strip()


def _in_drawing(node: Any) -> bool:
    return any(a.tag == f"{_W}drawing" for a in node.iterancestors())


def text_width(sect_pr: Any) -> int:
    """The text width in twips of a section (page width less the side margins); 0 when unknown."""
    if sect_pr is None:
        return 0
    size, margin = sect_pr.find(f"{_W}pgSz"), sect_pr.find(f"{_W}pgMar")
    if size is None or margin is None:
        return 0
    try:
        return int(size.get(f"{_W}w")) - int(margin.get(f"{_W}left") or 0) - int(margin.get(f"{_W}right") or 0)
    except (TypeError, ValueError):
        return 0


def landscape(sect_pr: Any) -> bool:
    """Whether a section's pages are landscape (orient, or wider than high)."""
    if sect_pr is None:
        return False
    size = sect_pr.find(f"{_W}pgSz")
    if size is None:
        return False
    if size.get(f"{_W}orient") == "landscape":
        return True
    try:
        return int(size.get(f"{_W}w")) > int(size.get(f"{_W}h"))
    except (TypeError, ValueError):
        return False
