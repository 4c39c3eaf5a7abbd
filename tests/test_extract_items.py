"""drafter extract reads a DOCX's tables, figures and footnotes back as outline items.

The round trips render an example, extract the DOCX, render the extracted outline again and
compare what a reader sees in the two documents: every paragraph's style and text (footnote
marks as the note's text, citations as their links), every table cell by cell with its spans
and header rows, every figure's image and width, and the page orientation of each section.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import OUTLINES
from lxml import etree

import drafter
from drafter.extraction import extract_file, outline_from_extraction
from drafter.extraction.docxmedia import write_media
from drafter.outline.load import load_outline
from drafter.pipeline.render import Renderer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _xml(package: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return etree.fromstring(archive.read(name)) if name in archive.namelist() else None


def _images(package: bytes) -> dict[str, str]:
    """Relationship id → sha256 of the image it points to."""
    rels = _xml(package, "word/_rels/document.xml.rels")
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {rel.get("Id"): hashlib.sha256(archive.read("word/" + rel.get("Target"))).hexdigest()
                for rel in rels if rel.get("Target", "").startswith("media/")}


def _paragraph_view(p: Any, notes: dict[str, str]) -> str:
    out = []
    for node in p.iter(f"{W}t", f"{W}footnoteReference"):
        if node.tag == f"{W}t":
            link = next((a for a in node.iterancestors(f"{W}hyperlink")), None)
            out.append(f"<{link.get(f'{W}anchor')}:{node.text}>" if link is not None else node.text or "")
        else:
            out.append(f"^({notes[node.get(f'{W}id')]})")
    return "".join(out)


def view(package: bytes) -> list[Any]:
    """What a reader sees, block by block (see the module's docstring)."""
    document = _xml(package, "word/document.xml")
    footnotes = _xml(package, "word/footnotes.xml")
    notes = {} if footnotes is None else {
        n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t")) for n in footnotes.iter(f"{W}footnote")}
    images = _images(package)
    blocks: list[Any] = []
    for block in document.find(f"{W}body"):
        if block.tag == f"{W}tbl":
            rows = []
            for tr in block.findall(f"{W}tr"):
                header = tr.find(f"{W}trPr/{W}tblHeader") is not None
                cells = []
                for tc in tr.findall(f"{W}tc"):
                    span = tc.find(f"{W}tcPr/{W}gridSpan")
                    merge = tc.find(f"{W}tcPr/{W}vMerge")
                    cells.append(("".join(t.text or "" for t in tc.iter(f"{W}t")),
                                  span.get(f"{W}val") if span is not None else "1",
                                  None if merge is None else merge.get(f"{W}val", "continue")))
                rows.append((header, cells))
            blocks.append(("table", rows))
        elif block.tag == f"{W}p":
            style = block.find(f"{W}pPr/{W}pStyle")
            drawing = next(block.iter(f"{W}drawing"), None)
            if drawing is not None:
                blip = next(drawing.iter(f"{A}blip"))
                blocks.append(("figure", next(drawing.iter(f"{WP}extent")).get("cx"), images[blip.get(f"{R}embed")]))
            section = block.find(f"{W}pPr/{W}sectPr")
            if section is not None:
                blocks.append(("section", section.find(f"{W}pgSz").get(f"{W}orient")))
            text = _paragraph_view(block, notes)
            if text:
                blocks.append((style.get(f"{W}val") if style is not None else "Normal", text))
    return blocks


def _round_trip(name: str, tmp_path: Path) -> tuple[bytes, bytes, Any]:
    first = Renderer().docx(load_outline(OUTLINES / name))
    (tmp_path / "first.docx").write_bytes(first)
    outline_path = tmp_path / "back.yaml"
    result = extract_file(tmp_path / "first.docx", outline=outline_path)
    write_media(result.media)
    outline_path.write_text(result.yaml, encoding="utf-8")
    again = Renderer().docx(load_outline(outline_path))
    return first, again, result


@pytest.mark.parametrize("name", ["report-tables.yaml", "article-notes.yaml"])
def test_example_with_tables_figures_and_notes_round_trips(name: str, tmp_path: Path) -> None:
    first, again, _ = _round_trip(name, tmp_path)
    assert view(again) == view(first)


def test_report_tables_read_back_as_the_outline_wrote_them(tmp_path: Path) -> None:
    _, _, result = _round_trip("report-tables.yaml", tmp_path)
    document = outline_from_extraction(result).document
    body = document.sections[0].body
    tables = [i.table for i in body if getattr(i, "table", None)]
    sub = [i.section for i in body if getattr(i, "section", None)]
    land, monthly = [i.table for i in sub[0].body if getattr(i, "table", None)]
    assert tables[0].caption == "2024年县城补短板强弱项项目完成情况表" and len(tables[0].rows) == 41
    assert tables[0].notes == ("完成投资为截至2024年12月底的统计数，以审计结果为准。", "完成率为完成投资占计划投资的比例。")
    assert tables[0].rows[1][3] == "1.61" and tables[0].align[:3] == ("center", "left", "left")
    assert land.header == 2 and land.rows[0][0].rows == 2 and land.rows[0][1].cols == 2  # merged cells as spans
    assert land.notes == ("单位：公顷。",) and monthly.landscape and not land.landscape
    figure = next(i.figure for i in body if getattr(i, "figure", None))
    assert figure.width == "75%" and figure.file == "back-media/figure1.png"
    assert (tmp_path / "back-media" / "figure1.png").read_bytes() == (OUTLINES / "figures/investment.png").read_bytes()
    assert dict(document.footnotes) == {"note1": "本报告统计范围为纳入2024年省级县城城镇化补短板强弱项项目库的项目。",
                                        "note2": "整改措施清单另文报送。"}


def test_article_citations_and_footnotes_come_back_as_marks(tmp_path: Path) -> None:
    _, _, result = _round_trip("article-notes.yaml", tmp_path)
    document = outline_from_extraction(result).document
    assert document.opening[0].startswith("县城是城镇化的重要载体[@1]。近年来，县城常住人口变动出现分化[^note1]，")
    assert document.opening[0].endswith("能否在县城安居[@2,3]。")
    assert len(document.footnotes) == 3 and len(document.references) == 4
    table = next(i.table for i in document.sections[0].body if getattr(i, "table", None))
    assert table.header == 2 and table.rows[0][1].text == "常住人口" and table.rows[0][1].cols == 2
    assert document.sections[1].body[1].figure.width == "12cm"


def _word_report(tmp_path: Path, image: bytes | None = None) -> Path:
    """A report as a Word user types one: caption and notes as plain paragraphs, a merged cell."""
    document = docx.Document()
    document.add_paragraph("关于道路养护情况的报告", style="Title")
    document.add_paragraph("一、完成情况", style="Heading 1")
    document.add_paragraph("主要指标如下。")
    document.add_paragraph("表1 道路养护主要指标")
    table = document.add_table(rows=3, cols=3)
    table.rows[0].cells[0].merge(table.rows[0].cells[1]).text = "指标"
    table.rows[0].cells[2].text = "完成值"
    for row, values in zip(table.rows[1:], [("维修", "面积", "12.5"), ("新建", "长度", "3.0")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("注：数据为快报数。")
    if image is not None:
        document.add_picture(io.BytesIO(image), width=docx.shared.Cm(8))
        document.add_paragraph("图1 养护里程变化")
    document.add_paragraph("各项指标均已完成。")
    path = tmp_path / "word.docx"
    document.save(str(path))
    return path


def test_a_word_users_table_caption_and_notes_are_recognised(tmp_path: Path) -> None:
    outline = drafter.extract(_word_report(tmp_path))
    body = outline.document.sections[0].body
    assert body[0] == "主要指标如下。" and body[2] == "各项指标均已完成。"
    table = body[1].table
    assert table.caption == "道路养护主要指标" and table.notes == ("数据为快报数。",)
    assert table.rows[0][0].text == "指标" and table.rows[0][0].cols == 2 and table.rows[1] == ("维修", "面积", "12.5")


def test_figure_image_goes_beside_the_outline_and_never_clobbers(tmp_path: Path, run_cli) -> None:
    image = (OUTLINES / "figures/investment.png").read_bytes()
    source = _word_report(tmp_path, image)
    output = tmp_path / "out" / "report.yaml"
    output.parent.mkdir()
    media = output.parent / "report-media"
    media.mkdir()
    (media / "figure1.png").write_bytes(b"someone else's file")
    result = run_cli("extract", source, "-o", output)
    assert result.exit_code == 0, result.stderr
    assert (media / "figure1.png").read_bytes() == b"someone else's file"  # left alone
    assert (media / "figure1-2.png").read_bytes() == image
    text = output.read_text(encoding="utf-8")
    assert "file: report-media/figure1-2.png" in text and "width: 8cm" in text and "caption: 养护里程变化" in text
    again = run_cli("extract", source, "-o", output)  # the same bytes: used as they are
    assert again.exit_code == 0 and sorted(p.name for p in media.iterdir()) == ["figure1-2.png", "figure1.png"]
    rendered = run_cli("render", output, "-o", tmp_path / "again.docx")
    assert rendered.exit_code == 0, rendered.stderr


def test_a_table_where_only_paragraphs_go_is_kept_as_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("推进城乡融合发展座谈会综述", style="Title")
    for line in ("王明（市发展改革委主任）：推进城乡融合", "会上介绍了情况。", "李华（县长）：抓好落实",
                 "王五（研究员）：再谈几点"):
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "指标", "12.5"
    path = tmp_path / "m.docx"
    document.save(str(path))
    result = extract_file(path, kind="minutes")
    assert "指标\u300012.5" in result.yaml and "a table, kept as text" in " ".join(result.notes)


def test_figures_off_keeps_the_caption_as_text(tmp_path: Path) -> None:
    source = _word_report(tmp_path, (OUTLINES / "figures/investment.png").read_bytes())
    result = extract_file(source, figures=False)
    assert not result.media and "图1 养护里程变化" in result.yaml.replace("　", " ")


def test_a_table_before_the_first_heading_is_text_and_said(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("关于道路养护情况的报告", style="Title")
    document.add_paragraph("主要指标如下。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "指标", "12.5"
    document.add_paragraph("一、完成情况", style="Heading 1")
    document.add_paragraph("各项指标均已完成。")
    path = tmp_path / "o.docx"
    document.save(str(path))
    result = extract_file(path)
    assert outline_from_extraction(result).document.opening == ("主要指标如下。", "指标\u300012.5")
    assert any("before the first heading, kept as text" in n for n in result.notes)


def test_ragged_word_tables_are_squared_and_empty_ones_skipped(tmp_path: Path) -> None:
    """Word rows may be short (a deleted cell, gridBefore) or a span may run past the grid: the
    outline's rows are filled to one width so the table validates; a table without text is no table."""
    document = docx.Document()
    document.add_paragraph("关于道路养护情况的报告", style="Title")
    document.add_paragraph("一、完成情况", style="Heading 1")
    document.add_paragraph("主要指标如下。")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("指标", "单位", "完成值"), ("维修", "万平方米", "12.5"), ("新建", "公里", "3.0")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    last = table.rows[2]._tr
    last.remove(last.tc_lst[-1])            # a row one cell short
    table.rows[1].cells[0].merge(table.rows[2].cells[0])  # merged down
    document.add_table(rows=2, cols=2)      # an empty layout grid
    document.add_paragraph("各项指标均已完成。")
    path = tmp_path / "ragged.docx"
    document.save(str(path))
    body = drafter.extract(path).document.sections[0].body
    assert len([i for i in body if getattr(i, "table", None)]) == 1
    rows = next(i.table for i in body if getattr(i, "table", None)).rows
    assert rows[0] == ("指标", "单位", "完成值") and rows[1][0].rows == 2 and rows[2] == ("公里", "")
