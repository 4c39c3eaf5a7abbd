"""``render --odt``: LibreOffice users get a document without punctuation hanging past the margin.

LibreOffice's DOCX import reads ``w:overflowPunct="0"`` (Word: "do not hang") as "hang"; the ODT
says ``style:punctuation-wrap="simple"`` in every paragraph style. Measured in the PDF LibreOffice
lays out from each file, with its default settings.
"""

import shutil
import zipfile
from pathlib import Path

import pdfplumber
from conftest import OUTLINES, needs_soffice, to_pdf

from drafter.office.odt import without_hanging_punctuation

RIGHT_MARGIN_PT = (210 - 26) / 25.4 * 72  # text block's right edge on A4 (GB/T 9704 margins)


def _past_margin(pdf: Path) -> int:
    with pdfplumber.open(pdf) as document:
        return sum(1 for page in document.pages for char in page.chars if char["x1"] > RIGHT_MARGIN_PT + 1)


@needs_soffice
def test_the_odt_has_no_punctuation_past_the_margin_where_the_docx_has(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "speech.docx"
    result = run_cli("render", OUTLINES / "speech.yaml", "-o", target, "--odt")
    assert result.exit_code == 0, result.output
    odt = tmp_path / "speech.odt"
    assert f"Wrote {odt}" in result.stderr
    with zipfile.ZipFile(odt) as package:
        assert package.namelist()[0] == "mimetype"
        styles = package.read("styles.xml").decode("utf-8")
    assert 'style:punctuation-wrap="hanging"' not in styles and 'style:punctuation-wrap="simple"' in styles
    docx_copy = tmp_path / "as-docx" / "speech.docx"
    odt_copy = tmp_path / "as-odt" / "speech.odt"
    for source, copy in ((target, docx_copy), (odt, odt_copy)):
        copy.parent.mkdir()
        shutil.copy(source, copy)
    assert _past_margin(to_pdf(docx_copy)) > 0  # LibreOffice hangs ，。 when it opens the DOCX …
    assert _past_margin(to_pdf(odt_copy)) == 0  # … and not in the ODT


def test_hanging_is_rewritten_in_every_part(tmp_path: Path) -> None:
    odt = tmp_path / "a.odt"
    with zipfile.ZipFile(odt, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("styles.xml", '<a style:punctuation-wrap="hanging"/><b style:punctuation-wrap="simple"/>',
                         compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", '<c style:punctuation-wrap="hanging"/>', compress_type=zipfile.ZIP_DEFLATED)
    assert without_hanging_punctuation(odt) == 2
    with zipfile.ZipFile(odt) as package:
        assert package.namelist()[0] == "mimetype"
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert "hanging" not in package.read("styles.xml").decode() + package.read("content.xml").decode()
