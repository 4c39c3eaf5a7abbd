"""Element order in every DOCX drafter writes, as the OOXML schema's sequences give it (ECMA-376
Part 1, wml.xsd: CT_PPr, CT_RPr, CT_SectPr, CT_TblPr, CT_TrPr, CT_TcPr). Word repairs a file whose
children are out of order ("unreadable content"); LibreOffice forgives it, so only this test sees it.
Every example outline and Markdown draft, bare and with each department pack."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import OUTLINES, REPO
from lxml import etree

from drafter import render

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    # header and footer references come first, in any order among themselves
    "sectPr": "reference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols "
              "formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
              "sectPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc "
            "hidden",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
            "hideMark",
}
ORDER = {name: {child: i for i, child in enumerate(sequence.split())} for name, sequence in SEQUENCES.items()}
SOURCES = sorted(OUTLINES.glob("*.yaml")) + sorted((REPO / "tests" / "markdown_drafts").glob("*.md"))
PACKS = [None, *sorted(p for p in (REPO / "departments").iterdir() if p.is_dir())]


def misordered(xml: bytes) -> list[str]:
    """Each property element whose children are out of the schema's order (or unknown to it)."""
    found = []
    for name, order in ORDER.items():
        for element in etree.fromstring(xml).iter(W + name):
            children = [etree.QName(c).localname for c in element if isinstance(c.tag, str)]
            children = ["reference" if c in ("headerReference", "footerReference") else c for c in children]
            places = [order.get(c, -1) for c in children]
            if -1 in places or places != sorted(places):
                found.append(f"w:{name}: {' '.join(children)}")
    return found


def test_the_checker_finds_a_child_out_of_order() -> None:
    xml = (f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:jc w:val="center"/><w:spacing/></w:pPr>'
           "<w:r><w:rPr><w:sz/><w:b/></w:rPr></w:r></w:p>").encode()
    assert misordered(xml) == ["w:pPr: jc spacing", "w:rPr: sz b"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_part_keeps_the_schemas_element_order(source: Path, tmp_path: Path) -> None:
    problems = []
    for pack in PACKS:
        target = tmp_path / f"{pack.name if pack else 'bare'}.docx"
        render(source, target, department=pack)
        with zipfile.ZipFile(target) as package:
            for part in package.namelist():
                if part.startswith("word/") and part.endswith(".xml"):
                    problems += [f"{target.name} {part}: {p}" for p in misordered(package.read(part))]
    assert not problems, "\n".join(problems[:20])
