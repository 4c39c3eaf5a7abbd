"""The speech kind end to end: the example outline rendered and read back as Word would read it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import OUTLINES
from docx.oxml.ns import qn
from docx.shared import Mm

SPEECH = OUTLINES / "speech.yaml"
CJK = "\u4e00-\u9fff"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from drafter.cli import cli

    out = tmp_path_factory.mktemp("speech") / "speech.docx"
    result = CliRunner().invoke(cli, ["render", str(SPEECH), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def document(rendered: Path) -> docx.document.Document:
    return docx.Document(str(rendered))


def style_fonts(style) -> tuple[str | None, str | None, float | None]:  # type: ignore[no-untyped-def]
    """(East Asian font, Latin font, size in pt) of a style, following basedOn."""
    east = latin = size = None
    while style is not None:
        rpr = style.element.rPr
        if rpr is not None and rpr.rFonts is not None:
            east = east or rpr.rFonts.get(qn("w:eastAsia"))
            latin = latin or rpr.rFonts.get(qn("w:ascii"))
        if size is None and style.font.size is not None:
            size = style.font.size.pt
        style = style.base_style
    return east, latin, size


def paragraphs_in(document, style_name: str) -> list:  # type: ignore[no-untyped-def]
    return [p for p in document.paragraphs if p.style.name == style_name]


@pytest.mark.parametrize(("style_name", "east_asian", "size"), [
    ("Title", "方正小标宋简体", 22),
    ("Subtitle", "楷体_GB2312", 16),
    ("speaker", "楷体_GB2312", 16),
    ("date", "楷体_GB2312", 16),
    ("Normal", "仿宋_GB2312", 16),
    ("Heading 1", "黑体", 16),
])
def test_elements_resolve_to_gbt9704_fonts_and_sizes(document, style_name, east_asian, size) -> None:
    paragraphs = paragraphs_in(document, style_name)
    assert paragraphs, f"no paragraph in style {style_name}"
    east, latin, points = style_fonts(paragraphs[0].style)
    assert (east, latin, points) == (east_asian, "Times New Roman", size)


def test_title_subtitle_and_byline_are_centred_in_order(document) -> None:
    first = document.paragraphs[:4]
    assert [p.style.name for p in first] == ["Title", "Subtitle", "speaker", "date"]
    assert first[1].text == "——在全市城市工作专题研讨会上的发言"
    assert first[3].text == "（2025年7月18日）"
    for paragraph in first:
        assert paragraph.style.paragraph_format.alignment == 1  # CENTER


def test_every_run_names_all_four_font_slots_and_no_theme_fonts(rendered: Path, document) -> None:
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            fonts = run._r.rPr.rFonts
            assert fonts is not None, paragraph.text
            assert all(fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs"))
    with zipfile.ZipFile(rendered) as package:
        xml = "".join(package.read(n).decode() for n in package.namelist() if n.endswith(".xml"))
    assert "Theme" not in re.sub(r"<w:name [^>]*>", "", xml)
    assert 'w:eastAsia="zh-CN"' in package_part(rendered, "word/styles.xml")


def package_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode()


def test_page_is_a4_with_gbt9704_margins(document) -> None:
    section = document.sections[0]
    for actual, expected in [(section.page_width, 210), (section.page_height, 297),
                             (section.top_margin, 37), (section.bottom_margin, 35),
                             (section.left_margin, 28), (section.right_margin, 26)]:
        assert abs(actual - Mm(expected)) <= Mm(0.5)


def test_line_grid_is_22_lines_of_fixed_pitch(rendered: Path, document) -> None:
    assert '<w:docGrid w:type="lines" w:linePitch="579"/>' in package_part(rendered, "word/document.xml")
    normal = document.styles["Normal"].paragraph_format
    assert normal.line_spacing.pt == pytest.approx(28.95)
    assert normal.line_spacing_rule == 4  # EXACTLY
    indent = document.styles["Normal"].element.pPr.ind
    assert (indent.get(qn("w:firstLineChars")), indent.get(qn("w:firstLine"))) == ("200", "640")


def test_level_one_headings_are_numbered_in_order(document) -> None:
    headings = [p.text for p in paragraphs_in(document, "Heading 1")]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、"]
    assert headings[0] == "一、提高站位、深化认识，准确把握城市发展的阶段特征和工作要求"


def test_level_two_items_run_in_as_lead_sentences(document) -> None:
    leads = []
    for paragraph in document.paragraphs:
        first = paragraph.runs[0] if paragraph.runs else None
        if first is not None and first.style.name == "lead Char":
            leads.append(first.text)
            assert len(paragraph.runs) > 1 and paragraph.style.name == "Normal"
    numbers = [re.match(r"（(.)）", lead).group(1) for lead in leads]
    assert numbers == ["一", "二", "三", "一", "二", "三", "一", "二", "三"]
    assert all(lead.endswith("。") for lead in leads)
    lead_style = document.styles["lead Char"]
    assert lead_style.element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"


def test_points_become_one_enumerated_paragraph(document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert "一是严格落实国土空间用途管制，坚决守住耕地保护红线和生态保护红线；" \
           "二是加快完善城市防洪排涝和应急避难空间布局；" \
           "三是建立健全风险隐患动态排查和闭环整改机制。" in texts
    assert any(t.startswith("一要在学懂弄通上下功夫；二要在") for t in texts)


def test_salutation_and_closing(document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert "同志们：" in texts
    assert texts[-1] == "谢谢大家！"


def test_footer_has_page_field_on_odd_and_even_pages(rendered: Path) -> None:
    assert "<w:evenAndOddHeaders/>" in package_part(rendered, "word/settings.xml")
    document_xml = package_part(rendered, "word/document.xml")
    assert 'w:type="default" r:id="rIdFooterOdd"' in document_xml
    assert 'w:type="even" r:id="rIdFooterEven"' in document_xml
    for name, side in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")]:
        footer = package_part(rendered, name)
        assert "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>" in footer
        assert f'<w:jc w:val="{side}"/>' in footer
        assert ">— <" in footer and "> —<" in footer
        assert 'w:eastAsia="宋体"' in footer and '<w:sz w:val="28"/>' in footer


def test_no_half_width_punctuation_inside_chinese_text(document) -> None:
    for paragraph in document.paragraphs:
        text = paragraph.text
        assert not re.search(f"[{CJK}][,:;()?!]|[,:;()?!][{CJK}]", text), text
        assert '"' not in text


def test_numbering_goes_past_ten(write, render_docx) -> None:
    sections = "\n".join(f"  - heading: 第{i}项工作" for i in range(1, 13))
    outline = write("many.yaml", f"kind: speech\ntitle: 多节\nsections:\n{sections}\n")
    numbers = [p.text.split("、")[0] for p in render_docx(outline).paragraphs if p.style.name == "Heading 1"]
    assert numbers[9:] == ["十", "十一", "十二"]


def test_a_section_can_put_its_level_two_heading_on_its_own_line(write, render_docx) -> None:
    outline = write("own-line.yaml", """
        kind: speech
        title: 标题
        sections:
          - heading: 总体要求
            sections:
              - heading: 单独成行的小标题
                inline: false
                paragraphs: [正文。]
              - heading: 段首句
                paragraphs: [正文。]
        """)
    paragraphs = render_docx(outline).paragraphs
    own_line = [p for p in paragraphs if p.style.name == "Heading 2"]
    assert [p.text for p in own_line] == ["（一）单独成行的小标题"]
    assert any(p.text == "（二）段首句。正文。" for p in paragraphs)


def test_outline_text_is_data_not_template_source(write, render_docx) -> None:
    outline = write("literal.yaml", """
        kind: speech
        title: "{{ 7*7 }} <p style='title'>x</p>"
        opening: ["{% for i in range(3) %}a{% endfor %} & <b>"]
        """)
    texts = [p.text for p in render_docx(outline).paragraphs]
    assert "{{ 7*7 }} <p style='title'>x</p>" in texts
    assert "{% for i in range(3) %}a{% endfor %} & <b>" in texts


def test_latin_words_numbers_and_urls_keep_their_punctuation(write, render_docx) -> None:
    outline = write("latin.yaml", """
        kind: speech
        title: 标题
        opening:
          - "增长3.5%,比例1:2,详见 https://example.gov.cn/a,b?c=1 (附表)."
          - "Hello, world: (English) stays!"
        """)
    texts = [p.text for p in render_docx(outline).paragraphs]
    assert "增长3.5%，比例1:2，详见 https://example.gov.cn/a,b?c=1（附表）。" in texts
    assert "Hello, world: (English) stays!" in texts


def test_default_output_is_beside_the_outline(write, run_cli) -> None:
    outline = write("beside.yaml", "kind: speech\ntitle: 标题\n")
    result = run_cli("render", outline)
    assert result.exit_code == 0
    target = outline.with_suffix(".docx")
    assert result.stderr == f"Wrote {target}\n"
    assert sorted(p.name for p in outline.parent.iterdir()) == ["beside.docx", "beside.yaml"]
    title = docx.Document(str(target)).paragraphs[0]
    assert (title.style.style_id, title.text) == ("Title", "标题")
