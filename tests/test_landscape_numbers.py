"""A landscape page's number stands where the portrait pages have theirs once the sheet is turned.

Measured in LibreOffice's PDF: on a landscape page the number reads along the page's left edge
(its glyphs run top to bottom), and turning the page back to portrait (the landscape page's left
edge becomes the sheet's foot) puts it exactly on the portrait number of the same parity: odd
pages' on the right, even pages' on the left, 7 mm below the text block.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from drafter.outline.load import load_outline
from drafter.pipeline.render import Renderer
from tests.conftest import OUTLINES, needs_soffice

fitz = pytest.importorskip("fitz")
MM = 72 / 25.4


def _numbers(pdf: Path) -> list[tuple[bool, tuple[float, ...], tuple[float, float]]]:
    """Per page: landscape or not, the page number's glyph box (mm) and its writing direction."""
    found = []
    for page in fitz.open(pdf):
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                text = "".join(s["text"] for s in line["spans"]).replace(" ", "")
                if text.startswith("—") and text.endswith("—") and text.strip("—").isdigit():
                    found.append((page.rect.width > page.rect.height, tuple(v / MM for v in line["bbox"]),
                                  tuple(round(d, 3) for d in line["dir"])))
    return found


def _pdf(outline: Path, folder: Path) -> Path:
    from drafter.office.libreoffice import Office

    docx = folder / f"{outline.stem}.docx"
    docx.write_bytes(Renderer().docx(load_outline(outline)))
    with Office() as office:
        return office.to_pdf(docx, docx.with_suffix(".pdf"))


def _even_landscape(folder: Path) -> Path:
    """A report whose landscape table is its page 2, with two portrait pages after it."""
    path = folder / "even.yaml"
    after = "".join(f"      - 各区要按照全市统一部署，扎实做好项目调度和要素保障工作，确保年度目标任务全面完成{i}。\n"
                    for i in range(40))
    months = ", ".join(f"{m}月" for m in range(1, 13))
    values = ", ".join(f"{m}.5" for m in range(1, 13))
    path.write_text(f"""kind: report
title: 关于分月投资完成情况的报告
sections:
  - heading: 总体情况
    body:
      - 分月完成投资情况见表1。
      - table:
          caption: 分月完成投资情况
          rows:
            - [县（市、区）, {months}]
            - [江城区, {values}]
          landscape: true
      - 以上数据为快报数。
{after}""", encoding="utf-8")
    return path


@needs_soffice
@pytest.mark.parametrize("source", ["report-tables", "even"])
def test_landscape_page_number_turns_onto_the_portrait_pages_place(source: str, tmp_path: Path) -> None:
    outline = OUTLINES / "report-tables.yaml" if source == "report-tables" else _even_landscape(tmp_path)
    numbers = _numbers(_pdf(outline, tmp_path))
    portrait = {n % 2: box for n, (land, box, _) in enumerate(numbers, 1) if not land}
    turned = [(n, box, direction) for n, (land, box, direction) in enumerate(numbers, 1) if land]
    assert turned, "no landscape page"
    width, height = 210.0, 297.0   # the portrait sheet, mm
    for number, (x0, y0, x1, y1), direction in turned:
        assert direction == (0.0, 1.0), f"page {number}: the number must read along the left edge"
        px0, py0, px1, py1 = portrait[number % 2]
        # turned back to portrait: landscape x → height - y, landscape y → x
        assert abs(x0 - (height - py1)) <= 0.5 and abs(x1 - (height - py0)) <= 0.5, (number, x0, py1)
        assert abs(y0 - px0) <= 0.5 and abs(y1 - px1) <= 0.5, (number, y0, px0)
        assert y1 <= width


def test_landscape_sections_reference_turned_footers(tmp_path: Path) -> None:
    package = Renderer().docx(load_outline(_even_landscape(tmp_path)))
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        document = archive.read("word/document.xml").decode()
        footer = archive.read("word/footer5.xml").decode()
        assert "word/footer6.xml" in archive.namelist()
        assert 'Target="footer5.xml"' in archive.read("word/_rels/document.xml.rels").decode()
        assert "/word/footer5.xml" in archive.read("[Content_Types].xml").decode()
    landscape = document[document.rfind("<w:sectPr>", 0, document.find('w:orient="landscape"')):]
    assert 'r:id="rIdFooterTurnedOdd"' in landscape.split("</w:sectPr>")[0]
    assert "layout-flow:vertical" in footer and " PAGE " in footer
    # the portrait margins turned with the sheet: top ← left, left ← bottom
    assert '<w:pgMar w:top="1587" w:right="2098" w:bottom="1474" w:left="1984"' in landscape
