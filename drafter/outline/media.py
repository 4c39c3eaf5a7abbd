"""Images next to the outline: read once, checked (PNG or JPEG, size limits), measured with Pillow."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from drafter.i18n import _

MAX_IMAGE_BYTES = 10 * 1024 * 1024
"""Largest image file a figure takes (a photo for print is rarely above 5 MB)."""

MAX_IMAGE_PIXELS = 40_000_000
"""Most pixels in one image (width × height): 40 megapixels."""

FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpeg", "image/jpeg")}
"""Image formats a figure takes: Pillow's name → (file extension, content type)."""


class ImageError(Exception):
    """A figure's file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Image:
    """An image file's bytes and what the DOCX needs to know about it."""

    data: bytes
    extension: str
    content_type: str
    width_px: int
    height_px: int
    dpi: float
    """Pixels per inch as the file says (96 when it does not)."""

    @property
    def width_cm(self) -> float:
        """The image's own width at its resolution."""
        return self.width_px / self.dpi * 2.54


def read_image(path: Path) -> Image:
    """Read and check the image at ``path``."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    if not path.is_file():
        raise ImageError(_("there is no image file {path}").format(path=path))
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ImageError(_("{name} is {size:.1f} MB; a figure takes at most {limit} MB (save it smaller, e.g. as JPEG)").format(
                           name=path.name, size=size / 1024 / 1024, limit=MAX_IMAGE_BYTES // 1024 // 1024))
    data = path.read_bytes()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as image:
                kind, (width, height), info = image.format, image.size, image.info
    except PILImage.DecompressionBombError:
        raise ImageError(_("{name} has far more pixels than a figure takes (at most {limit} megapixels)").format(
                           name=path.name, limit=MAX_IMAGE_PIXELS // 1000000)) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ImageError(_("{name} is not a PNG or JPEG image").format(name=path.name)) from None
    if kind not in FORMATS:
        raise ImageError(_("{name} is a {kind} image; a figure takes PNG or JPEG").format(name=path.name, kind=kind))
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageError(_("{name} has {width} × {height} pixels; a figure takes at most {limit} megapixels").format(
                           name=path.name, width=width, height=height, limit=MAX_IMAGE_PIXELS // 1000000))
    dpi = info.get("dpi", (96, 96))[0] or 96
    extension, content_type = FORMATS[kind]
    return Image(data, extension, content_type, width, height, float(dpi) if 20 <= dpi <= 2400 else 96.0)
