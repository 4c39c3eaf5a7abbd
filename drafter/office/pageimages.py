"""PDF pages drawn as images with pdfium (pypdfium2): 4–5× faster than pdftoppm for previews.

JPEG by default: encoding a page takes ~8 ms against ~70 ms for PNG, which matters when the page
is redrawn each time typing pauses; at quality 88 the text stays crisp at screen sizes.
"""

from __future__ import annotations

import io

from drafter.errors import ToolMissingError
from drafter.i18n import _

PDFIUM_PACKAGE = "pypdfium2"


def page_images(pdf: bytes, dpi: float = 72, image_format: str = "JPEG") -> list[bytes]:
    """Every page of the PDF ``pdf`` as image bytes (``JPEG`` or ``PNG``) at ``dpi``."""
    try:
        import pypdfium2
    except ImportError:
        raise ToolMissingError(_("page images need {package}: {command}").format(
            package=PDFIUM_PACKAGE, command=f"pip install {PDFIUM_PACKAGE}")) from None
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            stream = io.BytesIO()
            options = {"quality": 88} if image_format == "JPEG" else {"compress_level": 1}
            bitmap.to_pil().save(stream, format=image_format, **options)
            images.append(stream.getvalue())
            page.close()
        return images
    finally:
        document.close()
