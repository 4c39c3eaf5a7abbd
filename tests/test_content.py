"""Content beyond paragraphs: ordered bodies, points, tables, figures, footnotes, citations.

Output is read as a user meets it: python-docx for the text, cells and parts; LibreOffice's
PDF (PyMuPDF) for repeated header rows, landscape pages, footnotes at the page foot and
captions in order.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import Result
from PIL import Image

from drafter.outline.load import parse_outline
from tests.conftest import OUTLINES, needs_soffice, to_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def png(path: Path, size: tuple[int, int] = (400, 200), dpi: int = 96) -> Path:
    """A small PNG image for a figure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (160, 40, 40)).save(path, dpi=(dpi, dpi))
    return path


def part(path: Path, name: str) -> str:
    """One part of a DOCX package as text."""
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


# -- ordered bodies and points ----------------------------------------------------------------

def test_body_keeps_the_order_written_text_after_subsections(write, render_docx) -> None:
    outline = write("r.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 总体情况
            body:
              - 开头一段。
              - section: {heading: 第一项, body: [第一项正文。]}
              - section: {heading: 第二项, paragraphs: [第二项正文。]}
              - 小节之后的一段。
              - quote: 引用的一段话。
    """)
    shown = texts(render_docx(outline))
    assert shown[shown.index("一、总体情况"):] == [
        "一、总体情况", "开头一段。", "（一）第一项", "第一项正文。", "（二）第二项", "第二项正文。",
        "小节之后的一段。", "引用的一段话。"]


def test_points_one_paragraph_each_and_with_lead_sentences(write, render_docx) -> None:
    outline = write("r.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 措施
            body:
              - points: [压实责任；, 加强督查]
                each: true
              - points:
                  - {lead: 强化责任落实, text: 各单位主要负责同志亲自抓}
                  - {lead: 加强统筹协调。, text: 建立联席会议制度。}
                marker: 要
              - points: [甲, 乙]
    """)
    document = render_docx(outline)
    shown = texts(document)
    assert shown[1:] == ["一、措施", "一是压实责任。", "二是加强督查。",
                         "一要强化责任落实。各单位主要负责同志亲自抓。二要加强统筹协调。建立联席会议制度。",
                         "一是甲；二是乙。"]
    leads = [r.text for p in document.paragraphs for r in p.runs if r.style and r.style.name == "point_lead Char"]
    assert leads == ["一要强化责任落实。", "二要加强统筹协调。"]


def test_shorthand_points_each_on_a_section(write, render_docx) -> None:
    outline = write("r.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 问题
            points: [基础薄弱, 资金不足]
            points_each: true
    """)
    assert texts(render_docx(outline))[1:] == ["一、问题", "一是基础薄弱。", "二是资金不足。"]


def test_body_item_with_two_things_is_refused_at_its_line(write, run_cli) -> None:
    outline = write("r.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 问题
            paragraphs: [旧写法]
            body:
              - {paragraph: 一段, quote: 另一段}
    """)
    result = run_cli("render", outline)
    assert result.exit_code == 1
    assert "r.yaml:7:9: sections[0].body[0]: a body item holds exactly one of" in result.stderr
    assert not outline.with_suffix(".docx").exists()


def test_body_and_shorthand_keys_do_not_mix(write, run_cli) -> None:
    outline = write("r.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 问题
            paragraphs: [旧写法]
            body: [新写法]
    """)
    result = run_cli("render", outline)
    assert result.exit_code == 1 and "sections[0].body: a section has either body" in result.stderr


def test_subsections_in_a_body_count_towards_the_depth_limit(write, run_cli) -> None:
    deep = "{heading: 五级, body: [x]}"
    for _ in range(4):
        deep = f"{{heading: 层, body: [{{section: {deep}}}]}}"
    outline = write("r.yaml", f"kind: report\ntitle: 标题\nsections:\n  - {deep}\n")
    result = run_cli("render", outline)
    assert result.exit_code == 1 and "sections nest at most 4 levels deep" in result.stderr


# -- tables -----------------------------------------------------------------------------------

SPANNED = """
    kind: report
    title: 标题
    sections:
      - heading: 情况
        body:
          - table:
              caption: 项目进展情况表
              header: 2
              rows:
                - [{text: 项目, rows: 2}, {text: 投资（亿元）, cols: 2}]
                - [计划, 完成]
                - [老旧小区改造, 12.50, 3.2]
                - [供排水管网, 8, 10.25]
              notes: [数据为初步统计。]
          - 表后的一段。
          - table:
              caption: 第二张表
              rows: [[甲, 乙], [1, 2]]
"""


def test_table_cells_read_back_with_spans_header_rows_and_captions(write, render_docx, tmp_path) -> None:
    document = render_docx(write("t.yaml", SPANNED))
    first, second = document.tables
    assert [[c.text for c in row.cells] for row in first.rows] == [
        ["项目", "投资（亿元）", "投资（亿元）"], ["项目", "计划", "完成"],
        ["老旧小区改造", "12.50", "3.2"], ["供排水管网", "8", "10.25"]]
    assert [[c.text for c in row.cells] for row in second.rows] == [["甲", "乙"], ["1", "2"]]
    header = [row._tr.find(f"{W}trPr/{W}tblHeader") is not None for row in first.rows]
    assert header == [True, True, False, False]
    shown = texts(document)
    assert shown.index("表1　项目进展情况表") < shown.index("注：数据为初步统计。") < shown.index("表后的一段。") \
        < shown.index("表2　第二张表")
    xml = part(tmp_path / "t.docx", "word/document.xml")
    assert '<w:gridSpan w:val="2"/>' in xml and '<w:vMerge w:val="restart"/>' in xml
    # numbers are right-aligned by default, header cells centred
    cell = first.rows[2].cells[1]._tc
    assert cell.find(f"{W}p/{W}pPr/{W}jc").get(f"{W}val") == "right"


def test_decimal_alignment_lines_up_the_points(write, render_docx, tmp_path) -> None:
    outline = write("t.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 情况
            body:
              - table: {rows: [[项目, 金额], [甲, 12.5], [乙, 100.25]], align: [left, decimal]}
    """)
    document = render_docx(outline)
    assert [c.text for c in document.tables[0].columns[1].cells] == ["金额", "12.5", "100.25"]
    cells = [c._tc.find(f"{W}p/{W}pPr") for c in document.tables[0].columns[1].cells[1:]]
    assert [c.find(f"{W}jc").get(f"{W}val") for c in cells] == ["right", "right"]
    # 12.5 moves in by the one digit it lacks: half an em of 四号 (14 pt = 280 twips)
    assert cells[0].find(f"{W}ind").get(f"{W}right") == "140" and cells[1].find(f"{W}ind") is None


def test_three_line_table_in_an_article(write, render_docx, tmp_path) -> None:
    outline = write("a.yaml", """
        kind: article
        title: 标题
        sections:
          - heading: 数据
            body:
              - table: {caption: 样本, rows: [[县, 人口], [甲, 1.5], [乙, 2.5]]}
    """)
    render_docx(outline)
    xml = part(tmp_path / "a.docx", "word/document.xml")
    borders = re.search(r"<w:tblBorders>(.*?)</w:tblBorders>", xml).group(1)
    assert '<w:top w:val="single" w:sz="12"' in borders and '<w:bottom w:val="single" w:sz="12"' in borders
    assert '<w:insideH w:val="nil"/>' in borders and '<w:insideV w:val="nil"/>' in borders
    assert xml.count("<w:tcBorders>") == 2  # the thin rule under the header, on each header cell


def test_cells_from_csv_and_xlsx_with_merged_cells(write, render_docx, tmp_path) -> None:
    with (tmp_path / "data.csv").open("w", encoding="gb18030", newline="") as f:
        csv.writer(f).writerows([["县", "投资"], ["青川县", "12.50"], ["白沙县", "3.00"]])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["县", "2024年", None])
    sheet.append([None, "计划", "完成"])
    sheet.append(["甲", 1.5, 2])
    sheet["B3"].number_format = "0.00"
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    book.save(tmp_path / "data.xlsx")
    outline = write("t.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 情况
            body:
              - table: {caption: 甲表, source: data.csv}
              - table: {caption: 乙表, source: data.xlsx, header: 2}
    """)
    first, second = render_docx(outline).tables
    assert [[c.text for c in r.cells] for r in first.rows] == [["县", "投资"], ["青川县", "12.50"], ["白沙县", "3.00"]]
    assert [[c.text for c in r.cells] for r in second.rows] == [
        ["县", "2024年", "2024年"], ["县", "计划", "完成"], ["甲", "1.50", "2"]]


def _bad_table(write, run_cli, body: str) -> Result:
    outline = write("t.yaml", "kind: report\ntitle: 标题\nsections:\n  - heading: 情况\n    body:\n" + body)
    result = run_cli("render", outline)
    assert result.exit_code == 1
    assert not outline.with_suffix(".docx").exists()
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result


def test_ragged_row_and_span_off_the_table_are_refused(write, run_cli) -> None:
    ragged = _bad_table(write, run_cli, "      - table: {rows: [[a, b, c], [d, e]]}\n")
    assert "t.yaml:6:35: sections[0].body[0].table.rows[1]: row 2 fills 2 columns where the table has 3" \
        in ragged.stderr
    across = _bad_table(write, run_cli, "      - table: {rows: [[a, b], [{text: c, cols: 3}]]}\n")
    assert "table.rows[1]: row 2, cell 1 ends at column 3, but the table has 2 columns" in across.stderr
    down = _bad_table(write, run_cli, "      - table: {rows: [[a, b], [{text: c, rows: 2}, d]]}\n")
    assert "row 2, cell 1 spans 2 rows, which runs off the table's 2 rows" in down.stderr


def test_ragged_csv_names_its_line_and_the_outline_key(write, run_cli, tmp_path) -> None:
    (tmp_path / "bad.csv").write_text("县,投资,完成\n甲,1,2\n乙,3\n", encoding="utf-8")
    result = _bad_table(write, run_cli, "      - table:\n          source: bad.csv\n")
    assert "t.yaml:7:19: sections[0].body[0].table.source: bad.csv line 3 has 2 cells where the first " \
           "row has 3" in result.stderr


def test_widths_must_match_the_columns(write, run_cli) -> None:
    result = _bad_table(write, run_cli, "      - table: {rows: [[a, b]], widths: [1, 2, 3]}\n")
    assert "table.widths: 3 widths for a table of 2 columns" in result.stderr


# -- figures ----------------------------------------------------------------------------------

def test_figure_is_embedded_at_its_width_with_its_caption_below(write, render_docx, tmp_path) -> None:
    png(tmp_path / "img" / "chart.png", (800, 400))
    outline = write("f.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 情况
            body:
              - figure: {file: img/chart.png, caption: 趋势, width: 12cm}
              - figure: {file: img/chart.png, caption: 同一张图, width: 50%}
    """)
    document = render_docx(outline)
    shapes = document.inline_shapes
    assert len(shapes) == 2
    assert shapes[0].width == 12 * 360000 and shapes[0].height == 6 * 360000
    text_width = document.sections[0].page_width - document.sections[0].left_margin - \
        document.sections[0].right_margin
    assert abs(shapes[1].width - text_width / 2) < 1000
    shown = texts(document)
    assert shown[-2:] == ["图1　趋势", "图2　同一张图"]
    with zipfile.ZipFile(tmp_path / "f.docx") as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert media == ["word/media/image1.png"]  # one image, shown twice
    figure = next(p for p in document.paragraphs if p.style.name == "figure")
    assert figure.paragraph_format.keep_with_next


@pytest.mark.parametrize(("setup", "message"), [
    (lambda d: None, "there is no image file"),
    (lambda d: (d / "x.png").write_bytes(b"not an image"), "x.png is not a PNG or JPEG image"),
    (lambda d: Image.new("RGB", (8, 8)).save(d / "x.png", format="GIF"), "x.png is a GIF image"),
    (lambda d: (d / "x.png").open("wb").truncate(20 * 1024 * 1024), "x.png is 20.0 MB; a figure takes at most 10 MB"),
])
def test_bad_images_are_refused_with_the_key_path(write, run_cli, tmp_path, setup, message) -> None:
    setup(tmp_path)
    outline = write("f.yaml", """
        kind: report
        title: 标题
        sections:
          - heading: 情况
            body:
              - figure: {file: x.png}
    """)
    result = run_cli("render", outline)
    assert result.exit_code == 1
    assert "f.yaml:6:24: sections[0].body[0].figure.file: " in result.stderr and message in result.stderr
    assert not outline.with_suffix(".docx").exists()


def test_a_template_shows_only_the_outlines_images(tmp_path) -> None:
    from drafter.compose.blocks import parse_blocks
    from drafter.compose.tables import check_content
    from drafter.errors import TemplateError

    blocks = parse_blocks('<figure src="/etc/secret.png"/>', "evil.j2", chinese=True)
    with pytest.raises(TemplateError, match="evil.j2.*the outline has no figure with that file"):
        check_content(blocks, {"chart.png"}, "evil.j2")


# -- footnotes and citations ------------------------------------------------------------------

def test_footnotes_are_word_footnotes_numbered_per_profile(write, render_docx, tmp_path) -> None:
    outline = write("n.yaml", """
        kind: speech
        title: 标题
        opening:
          - 开头[^a]，接着[^b]。
        footnotes: {a: 第一条注释。, b: 第二条注释。}
    """)
    document = render_docx(outline)
    assert texts(document)[-1] == "开头，接着。"
    notes = part(tmp_path / "n.docx", "word/footnotes.xml")
    assert re.findall(r'<w:footnote w:id="(\d+)">', notes) == ["1", "2"]
    assert "第一条注释。" in notes and "第二条注释。" in notes
    settings = part(tmp_path / "n.docx", "word/settings.xml")
    assert '<w:numFmt w:val="decimalEnclosedCircle"/>' in settings
    xml = part(tmp_path / "n.docx", "word/document.xml")
    assert xml.count("<w:footnoteReference") == 2


def test_english_footnotes_are_arabic(write, render_docx, tmp_path) -> None:
    outline = write("c.yaml", """
        kind: commentary
        title: Title
        paragraphs: ["Text.[^one]"]
        footnotes: {one: A note.}
    """)
    render_docx(outline)
    assert '<w:numFmt w:val="decimal"/>' in part(tmp_path / "c.docx", "word/settings.xml")


def test_a_mark_without_a_note_and_a_citation_out_of_range_are_refused(write, run_cli) -> None:
    outline = write("a.yaml", """
        kind: article
        title: 标题
        opening:
          - 正文[^missing]，引用[@3]。
        references: [甲, 乙]
        footnotes: {other: 注释。}
    """)
    result = run_cli("render", outline)
    assert result.exit_code == 1
    assert "a.yaml:4:5: opening[0]: footnote mark [^missing] names no footnote; footnotes: has other" \
        in result.stderr
    assert "citation [@3] names reference 3, but the outline has 2 references" in result.stderr


def test_citations_link_to_the_references_list(write, render_docx, tmp_path) -> None:
    outline = write("a.yaml", """
        kind: article
        title: 标题
        opening:
          - 已有研究[@1]，另见[@2-3]。
        references: [甲, 乙, 丙]
    """)
    render_docx(outline)
    xml = part(tmp_path / "a.docx", "word/document.xml")
    assert re.findall(r'<w:hyperlink w:anchor="(ref\d)"', xml) == ["ref1", "ref2"]
    assert re.findall(r'<w:bookmarkStart w:id="\d+" w:name="(ref\d)"/>', xml) == ["ref1", "ref2"]
    assert "<w:t>[2-3]</w:t>" in xml


def test_check_reports_content_problems(write, run_cli, tmp_path) -> None:
    outline = write("a.yaml", """
        kind: report
        title: 标题
        opening:
          - 正文[^x]。
        sections:
          - heading: 情况
            body:
              - table: {rows: [[a, b], [c]]}
              - figure: {file: none.png}
    """)
    result = run_cli("check", outline)
    assert result.exit_code == 1
    for expected in ("footnote mark [^x] names no footnote", "row 2 fills 1 columns", "there is no image file"):
        assert expected in result.output


def test_stats_counts_tables_apart_from_the_spoken_text(write) -> None:
    from drafter.authoring.stats import outline_stats

    outline = parse_outline("""
kind: speech
title: 标题
sections:
  - heading: 一节
    body:
      - 讲话正文十个字整整齐。
      - table: {caption: 表题, rows: [[甲乙丙, 丁], [1, 2]]}
""")
    stats = outline_stats(outline)
    aside = next(r for r in stats.rows if r.label == "tables and figures")
    assert not aside.spoken and aside.counts.hanzi == 6
    assert stats.spoken.hanzi == 2 + 10


# -- the examples, as LibreOffice lays them out ----------------------------------------------

@needs_soffice
def test_report_tables_example_in_libreoffice(run_cli, tmp_path) -> None:
    import pymupdf

    out = tmp_path / "report-tables.docx"
    assert run_cli("render", OUTLINES / "report-tables.yaml", "-o", out).exit_code == 0
    pdf = pymupdf.open(to_pdf(out))
    pages = [page.get_text() for page in pdf]
    # the CSV table runs over a page: its header row is there again at the top of the next
    with_header = [i for i, text in enumerate(pages) if "计划投资" in text and "完成率" in text]
    assert len(with_header) >= 2 and with_header[1] == with_header[0] + 1
    # the wide table is on landscape pages, each with its header row and the page number
    landscape = [i for i, page in enumerate(pdf) if page.rect.width > page.rect.height]
    assert landscape and all("全年" in pages[i] and "分月" in pages[landscape[0]] for i in landscape)
    assert all(f"— {i + 1} —" in pages[i] for i in range(len(pages)))
    # captions numbered in order
    captions = re.findall(r"([表图]\d)\u3000", "".join(pages))
    assert captions == ["表1", "图1", "表2", "表3", "表4"]
    # the footnote sits at the foot of the page that marks it
    first = pdf[0]
    note = first.search_for("①本报告统计范围")
    assert note and note[0].y0 > first.rect.height * 0.75


@needs_soffice
def test_article_notes_example_in_libreoffice(run_cli, tmp_path) -> None:
    import pymupdf

    out = tmp_path / "article-notes.docx"
    assert run_cli("render", OUTLINES / "article-notes.yaml", "-o", out).exit_code == 0
    pdf = pymupdf.open(to_pdf(out))
    text = "".join(page.get_text() for page in pdf)
    assert "①" in text and "③按每千人学位标准测算" in text
    assert text.index("表1\u3000样本县城") < text.index("图1\u3000人口增长")
    assert text.index("人口增长较快与较慢") < text.index("参考文献")
    document = docx.Document(str(out))
    assert [c.text for c in document.tables[0].rows[2].cells] == ["青川县", "28.4", "1.86", "142.5", "5.12"]
