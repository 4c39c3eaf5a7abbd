"""WordprocessingML of figures: an inline picture in its own centred paragraph, and its media part."""

from __future__ import annotations

from drafter.compose.tables import FigureBlock
from drafter.docx.oxml import escape, style_id
from drafter.outline.media import Image

EMU_PER_TWIP = 635
EMU_PER_CM = 360_000

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def figure_size(figure: FigureBlock, image: Image, text_width_tw: int) -> tuple[int, int]:
    """(width, height) in EMU: as asked (cm or share of the text width), else the image's own
    size; never wider than the text block. The aspect ratio is the image's."""
    most = text_width_tw * EMU_PER_TWIP
    if figure.height_cm is not None and figure.width is not None and figure.width[1] == "cm":
        return round(figure.width[0] * EMU_PER_CM), round(figure.height_cm * EMU_PER_CM)  # sized by the caller
    if figure.width is None:
        width = round(image.width_cm * EMU_PER_CM)
    elif figure.width[1] == "share":
        width = round(most * figure.width[0])
    else:
        width = round(figure.width[0] * EMU_PER_CM)
    width = min(width, most)
    return width, round(width * image.height_px / image.width_px)


def figure_paragraph(style: str, number: int, rel_id: str, name: str, size: tuple[int, int],
                     keep_next: bool, before_tw: int = 0, after_tw: int = 0) -> str:
    """A paragraph holding one inline picture (``number`` is its unique drawing id), ``before_tw``
    twips below the paragraph before it and ``after_tw`` above the next."""
    cx, cy = size
    keep = "<w:keepNext/>" if keep_next else ""
    before = (f' w:before="{before_tw}"' if before_tw else "") + (f' w:after="{after_tw}"' if after_tw else "")
    # an exact line height would clip the picture: the line grows with it, off the grid
    ppr = (f'<w:pStyle w:val="{style_id(style)}"/>{keep}<w:snapToGrid w:val="0"/>'
           f'<w:spacing{before} w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>'
           '<w:jc w:val="center"/>')
    label = escape(name)
    drawing = (
        f'<w:drawing><wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="图片 {number}" descr="{label}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{label}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>")
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{drawing}</w:r></w:p>"


def image_relationship(rel_id: str, target: str) -> str:
    """The document's relationship to a media part (``target``: media/image1.png)."""
    return (f'<Relationship Id="{rel_id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/image" Target="{target}"/>')


def image_defaults(images: list[Image]) -> str:
    """``[Content_Types].xml`` defaults for the image extensions used."""
    seen = sorted({(i.extension, i.content_type) for i in images})
    return "".join(f'<Default Extension="{ext}" ContentType="{kind}"/>' for ext, kind in seen)
