"""drafter extract on documents as they are found: the head behind a site's furniture, and the
formats such copies come in (.txt, .docx, .doc, .wps, .pdf, .html).

One short speech of our own is dressed in each kind of furniture a web page, a study bulletin
or a reprint puts around a text (breadcrumbs, column titles, meta lines, editor's notes,
download and link lines, the title printed twice, a source note at the end) and written in
each format; whatever the dress, the outline must be the speech's own: title, occasion,
speaker, date, salutation, and a body with nothing lost. The .doc, .wps and .pdf copies are
made by LibreOffice inside the tests.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import SEEDS, needs_soffice, soffice

import drafter
from drafter.extraction import extract_file
from drafter.extraction import outline_from_extraction as _outline
from drafter.extraction.furniture import column_title, editor_note, squash
from drafter.extraction.head import split_at_dash
from drafter.extraction.patterns import parse_date, salutation, speaker_byline

TITLE = "扎实做好今冬明春安全生产工作"
OCCASION = "——在全县安全生产工作会议上的讲话"
SPEAKER = "李文华"
DATE = "（2025年11月3日）"
SALUTATION = "同志们："
BODY = [
    "今天召开全县安全生产工作会议，主要是分析当前形势，部署今冬明春的重点工作。",
    "一、清醒认识当前安全生产形势",
    "今年以来，全县安全生产形势总体平稳，但事故隐患依然不少。",
    "（一）思想认识还不到位。一些单位存在侥幸心理，检查走过场。",
    "（二）基础工作还比较薄弱。部分企业安全投入不足，设备老化。",
    "二、突出抓好重点行业领域整治",
    "要聚焦道路交通、建筑施工、燃气使用等领域，开展拉网式排查。",
    "三、层层压实安全生产责任",
    "各乡镇、各部门要切实扛起责任，做到守土有责、守土尽责。",
    "同志们，安全生产只有起点，没有终点。让我们齐心协力，确保全县安全形势持续稳定！",
]
HEAD = [TITLE, OCCASION, SPEAKER, DATE, SALUTATION]

BREADCRUMB = "当前位置：首页 > 工作动态 > 领导讲话"
COLUMN = "每周一学（2025年11月3日——11月9日）"
META = "文章来源：县应急管理局　作者：办公室　发布时间：2025-11-04　点击数：128"
EDITOR = "现摘录县长在全县安全生产工作会议上的讲话，希各单位认真组织学习！"
DOWNLOAD = "点击下载：讲话全文.doc"
LINK = "原文链接：https://www.example.gov.cn/art/2025/11/4/art_1.html"
SOURCE_NOTE = "（来源：县政府办公室）"

FURNITURE = {  # name → (lines before the head, lines after the title, lines at the end, reasons reported)
    "breadcrumb": ([BREADCRUMB], [], [], {"navigation line"}),
    "column title": ([COLUMN], [], [], {"column title"}),
    "meta line under the title": ([], [META], [], {"source/date line"}),
    "column and meta line": ([COLUMN, META], [], [], {"column title", "source/date line"}),
    "editor's note": ([EDITOR], [], [], {"editor's note"}),
    "download and link lines": ([], [], [DOWNLOAD, LINK], {"download link", "link line"}),
    "title printed twice": ([TITLE, "发布时间：2025-11-04"], [], [], {"title printed twice", "source/date line"}),
    "source at the end": ([], [], [SOURCE_NOTE], {"source/date line"}),
    "site name set off by the meta line": (["平安某某", META], [], [],
                                           {"site or column name above the title (set off by the page's meta line)",
                                            "source/date line"}),
    "site name above the title": (["某某县人民政府门户网站"], [], [], {"site name"}),
    "everything at once": ([BREADCRUMB, COLUMN, META, EDITOR, TITLE], [], [SOURCE_NOTE, DOWNLOAD, LINK],
                           {"navigation line", "column title", "source/date line", "editor's note",
                            "title printed twice", "download link", "link line"}),
}


def dressed(name: str) -> list[str]:
    """The speech's lines inside the furniture ``name``."""
    before, under_title, after, _ = FURNITURE[name]
    return before + HEAD[:1] + under_title + HEAD[1:] + BODY + after


def assert_the_speech(outline: drafter.Outline, *, title: str = TITLE, subtitle: str | None = OCCASION[2:]) -> None:
    """The outline is the speech: its head fields, three sections, every body sentence."""
    document = outline.document
    assert (document.kind, document.title, document.subtitle) == ("speech", title, subtitle)
    assert (document.speaker, document.date, document.salutation) == (SPEAKER, dt.date(2025, 11, 3), "同志们")
    assert [s.heading for s in document.sections] == ["清醒认识当前安全生产形势", "突出抓好重点行业领域整治",
                                                      "层层压实安全生产责任"]
    assert [s.heading for s in document.sections[0].sections] == ["思想认识还不到位", "基础工作还比较薄弱"]
    assert document.opening == (BODY[0],)
    assert document.closing == (BODY[-1],)
    text = squash("".join(_texts(document)))
    for line in BODY:
        for sentence in line.rstrip("。！").split("。"):
            assert squash(sentence.split("、", 1)[-1].split("）", 1)[-1]) in text, sentence
    for furniture in (BREADCRUMB, COLUMN, META, EDITOR, DOWNLOAD, LINK, "来源"):
        assert squash(furniture) not in text


def _texts(node: object) -> list[str]:
    import dataclasses

    if dataclasses.is_dataclass(node):
        return [t for f in dataclasses.fields(node) for t in _texts(getattr(node, f.name))]
    if isinstance(node, (tuple, list)):
        return [t for item in node for t in _texts(item)]
    return [node] if isinstance(node, str) else []


def write_docx(lines: list[str], path: Path) -> Path:
    """A plain Word document, one Normal paragraph per line (as a copy pasted into Word is)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_html(lines: list[str], path: Path, encoding: str = "utf-8") -> Path:
    """A page as a site serves it: menu and footer around an article of one <p> per line."""
    body = "\n".join(f"<p>{line}</p>" for line in lines)
    charset = "gb2312" if encoding == "gb18030" else encoding
    page = (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{TITLE}_领导讲话_某某县</title>'
            "<script>var title = '不是正文';</script></head><body>\n"
            '<div class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul></div>\n'
            f'<div class="article">\n{body}\n</div>\n'
            '<div class="pages"><a href="/p">上一篇：关于做好防火工作的通知</a></div>\n'
            "<footer>主办：某某县人民政府办公室　地址：某某路1号</footer>\n</body></html>\n")
    path.write_bytes(page.encode(encoding))
    return path


def convert(source: Path, fmt: str) -> Path:
    """``source`` converted by LibreOffice (private profile) to ``fmt`` (doc, pdf, docx)."""
    profile = source.parent / ".lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
                    "--outdir", str(source.parent), str(source)], check=True, capture_output=True, timeout=180)
    out = source.with_suffix(f".{fmt.split(':')[0]}")
    assert out.is_file(), f"LibreOffice did not convert {source} to {fmt}"
    return out


# -- the pieces ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [COLUMN, "理论学习（第12期）", "学习园地", "每日一学"])
def test_column_titles(line: str) -> None:
    assert column_title(line)


@pytest.mark.parametrize("line", [TITLE, "关于2024年工作情况的报告", "深化改革（2024年版）的几点思考——在座谈会上的发言"])
def test_not_column_titles(line: str) -> None:
    assert not column_title(line)


@pytest.mark.parametrize("line", [EDITOR, "编者按：本文根据录音整理，略有删节。", "现将讲话全文转发给你们，请结合实际认真学习贯彻。"])
def test_editor_notes(line: str) -> None:
    assert editor_note(line)


@pytest.mark.parametrize("line", [BODY[0], "各单位要认真学习贯彻会议精神。", "编者"])
def test_not_editor_notes(line: str) -> None:
    assert not editor_note(line)


@pytest.mark.parametrize("title, parts", [
    (COLUMN, (COLUMN, "")),
    (TITLE + OCCASION, (TITLE, OCCASION[2:])),
    ("学习《条例——释义》的体会", ("学习《条例——释义》的体会", "")),
])
def test_title_splits_only_at_a_dash_outside_brackets(title: str, parts: tuple[str, str]) -> None:
    assert split_at_dash(title) == parts


@pytest.mark.parametrize("text, expected", [
    ("同志们下午好，今天召开会议。", ("同志们", "下午好，今天召开会议。")),
    ("各位领导、同志们：大家好！今天召开会议。", ("各位领导、同志们", "大家好！今天召开会议。")),
    ("同志们好！今天召开会议。", None),  # "好" alone would be cut off its greeting: stays text
])
def test_salutation_at_the_start_of_the_first_paragraph(text: str, expected) -> None:
    assert salutation(text) == expected


@pytest.mark.parametrize("line, date", [("二〇二五年十一月三日", dt.date(2025, 11, 3)),
                                        ("（二〇一〇年二月二十二日）", dt.date(2010, 2, 22)), (DATE, dt.date(2025, 11, 3))])
def test_date_lines(line: str, date: dt.date) -> None:
    assert parse_date(line) == date


@pytest.mark.parametrize("line, speaker", [("主讲人：李文华", "李文华"), ("县委书记  李 文 华", "县委书记 李文华")])
def test_speaker_lines_with_a_label_or_post(line: str, speaker: str) -> None:
    assert speaker_byline(line) == speaker


# -- furniture in plain text ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_furniture_is_dropped_and_the_head_read(name: str, tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(dressed(name)) + "\n", encoding="utf-8")
    result = extract_file(path)
    assert_the_speech(_outline(result))
    assert {d.reason for d in result.dropped} == FURNITURE[name][3]


def test_every_dropped_line_is_listed_on_stderr(tmp_path: Path, run_cli) -> None:
    path = tmp_path / "copy.txt"
    lines = dressed("everything at once")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("extract", path, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0, result.output
    for number, line in ((1, BREADCRUMB), (2, COLUMN), (3, META), (4, EDITOR), (6, TITLE)):  # 5: the title
        assert f"Dropped line {number}: " in result.stderr and line in result.stderr
    assert f"{SOURCE_NOTE}" in result.stderr and DOWNLOAD in result.stderr and LINK in result.stderr


def test_header_comment_names_the_lines_taken_and_why(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(dressed("everything at once")) + "\n", encoding="utf-8")
    header = [line for line in extract_file(path).yaml.splitlines() if line.startswith("#")]
    assert f"#   title: line 5 “{TITLE}”, the first line of the document's own head" in header
    assert f"#   subtitle: line 7 “{OCCASION}”, the occasion line under the title" in header
    assert f"#   speaker: line 8 “{SPEAKER}”, a name line under the title" in header
    assert f"#   salutation: line 10 “{SALUTATION}”, the address on its own line" in header


def test_title_over_several_lines(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(["扎实做好", "今冬明春安全", "生产工作", *HEAD[1:], *BODY]), encoding="utf-8")
    result = extract_file(path)
    assert_the_speech(_outline(result))
    assert "title: lines 1–3" in result.yaml and "printed over 3 lines and joined" in result.yaml


def test_two_parallel_title_lines_keep_a_space_between(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(["守牢安全底线", "护航县域发展", *HEAD[1:], *BODY]), encoding="utf-8")
    assert_the_speech(_outline(extract_file(path)), title="守牢安全底线\u3000护航县域发展")


def test_salutation_opening_the_first_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join([*HEAD[:4], "同志们下午好，" + BODY[0], *BODY[1:]]), encoding="utf-8")
    result = extract_file(path)
    document = _outline(result).document
    assert document.salutation == "同志们" and document.opening == ("下午好，" + BODY[0],)
    assert "the address opening the first paragraph" in result.yaml


def test_occasion_line_first_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join([OCCASION[2:], *HEAD[2:], *BODY]), encoding="utf-8")
    result = extract_file(path)
    assert_the_speech(_outline(result), title=OCCASION[2:], subtitle=None)
    assert "the occasion line that opens the document" in result.yaml


def test_missing_head_fields_are_said(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join([TITLE, OCCASION, *BODY]), encoding="utf-8")
    result = extract_file(path)
    assert "#   speaker: none, no name line under the title" in result.yaml
    assert "#   salutation: none" in result.yaml


# -- the formats ---------------------------------------------------------------------------------


def test_word_document_with_furniture(tmp_path: Path) -> None:
    assert_the_speech(drafter.extract(write_docx(dressed("everything at once"), tmp_path / "copy.docx")))


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_saved_web_page(encoding: str, tmp_path: Path) -> None:
    path = write_html(dressed("everything at once"), tmp_path / "page.html", encoding)
    result = extract_file(path)
    assert_the_speech(_outline(result))
    reasons = {d.reason for d in result.dropped}
    assert "page furniture (<div class=\"main-nav\">)" in reasons and "page furniture (<footer>)" in reasons
    assert "link line" in reasons  # 上一篇：… is only a link
    assert not any("不是正文" in d.text for d in result.dropped)  # scripts are not text at all


def test_web_page_line_breaks_and_inline_links(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f"<html><body><div>{TITLE}<br>{OCCASION}<br>{SPEAKER}<br>{DATE}<br>{SALUTATION}</div>"
                    f"<p>{BODY[0][:10]}<a href='/x'>{BODY[0][10:20]}</a>{BODY[0][20:]}</p>"
                    + "".join(f"<p>{line}</p>" for line in BODY[1:]) + "</body></html>", encoding="utf-8")
    assert_the_speech(drafter.extract(path))


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_old_word_and_wps_files_through_libreoffice(suffix: str, tmp_path: Path) -> None:
    doc = convert(write_docx(dressed("everything at once"), tmp_path / "copy.docx"), "doc:MS Word 97")
    source = doc if suffix == ".doc" else doc.rename(doc.with_suffix(".wps"))  # WPS Writer's .wps is this format
    result = extract_file(source)
    assert_the_speech(_outline(result))
    assert result.layout.startswith(f"converted from {suffix} to DOCX by LibreOffice")


@needs_soffice
def test_pdf_of_a_rendered_speech_gives_its_outline_back(tmp_path: Path) -> None:
    source = tmp_path / "copy.txt"
    source.write_text("\n".join(HEAD + BODY), encoding="utf-8")
    outline = drafter.extract(source)
    rendered = tmp_path / "speech.docx"
    drafter.render(_yaml(source, tmp_path), rendered)
    pdf = convert(rendered, "pdf")
    result = extract_file(pdf)
    assert _outline(result).document == outline.document
    assert result.layout.startswith("the PDF's text layer, hard-wrapped")
    assert any(d.reason == "page number" for d in result.dropped) or len(_pdf_pages(pdf)) == 1


@needs_soffice
def test_pdf_of_a_plain_word_file(tmp_path: Path) -> None:
    pdf = convert(write_docx(dressed("meta line under the title"), tmp_path / "copy.docx"), "pdf")
    assert_the_speech(drafter.extract(pdf))


def _yaml(source: Path, folder: Path) -> Path:
    out = folder / "speech.yaml"
    out.write_text(extract_file(source).yaml, encoding="utf-8")
    return out


def _pdf_pages(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def test_scanned_pdf_is_a_clear_error(tmp_path: Path, run_cli) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    path = tmp_path / "scan.pdf"
    pdf = pdfium.PdfDocument.new()  # one A4 page holding a picture of a page, no text
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.new_native(200, 280, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((40, 40, 40, 255), 20, 20, 160, 12)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(500, 700).translate(48, 71))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(path))
    result = run_cli("extract", path)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "no text layer" in result.stderr and "OCR" in result.stderr and str(path) in result.stderr


def test_damaged_pdf_is_a_clear_error(tmp_path: Path, run_cli) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really a pdf")
    result = run_cli("extract", path)
    assert result.exit_code == 1 and "not a readable PDF" in result.stderr and "Traceback" not in result.stderr


@needs_soffice
def test_text_boxes_and_footnotes_of_a_word_file(tmp_path: Path) -> None:
    """A DOCX as LibreOffice writes one from a document with a text frame and a footnote (Word's
    own structures: wps text box with a VML fallback, a footnotes part)."""
    source = tmp_path / "notes.fodt"
    source.write_text(_FODT, encoding="utf-8")
    result = extract_file(convert(source, "docx"))
    document = _outline(result).document
    assert document.title == "关于加强社区养老服务的几点思考"
    assert document.opening == ("调研组成员：张某、王某。",  # the text box, once
                                "社区养老是基础。我们调研了五个街道[^note1]，形成如下认识。")
    assert dict(document.footnotes) == {"note1": "调研时间为2024年3月至5月。"}  # a real footnote again
    assert [s.heading for s in document.sections] == ["基本情况", "主要问题"]
    assert any("text box" in n for n in result.notes) and any("footnote" in n for n in result.notes)


_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p text:style-name="Title">关于加强社区养老服务的几点思考</text:p>
<text:p><draw:frame draw:name="box1" text:anchor-type="paragraph" svg:width="8cm" svg:height="2cm"><draw:text-box>
<text:p>调研组成员：张某、王某。</text:p></draw:text-box></draw:frame>社区养老是基础。我们调研了五个街道<text:note
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>调研时间为2024年3月至5月。</text:p>
</text:note-body></text:note>，形成如下认识。</text:p>
<text:h text:outline-level="1">一、基本情况</text:h><text:p>五个街道共有老年人一万二千人。</text:p>
<text:h text:outline-level="1">二、主要问题</text:h><text:p>服务供给不足，专业人员短缺。</text:p>
</office:text></office:body></office:document>
"""


def test_word_heading_1_as_the_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("社区养老服务调研报告", 1)
    document.add_paragraph("今年我们对五个街道开展了调研。")
    document.add_heading("基本情况", 2)
    document.add_paragraph("五个街道共有老年人一万二千人。")
    document.add_heading("主要问题", 2)
    document.add_paragraph("服务供给不足。")
    path = tmp_path / "report.docx"
    document.save(str(path))
    outline = drafter.extract(path).document
    assert outline.title == "社区养老服务调研报告"
    assert [s.heading for s in outline.sections] == ["基本情况", "主要问题"]


# -- extract, then render: the first page a reader accepts as the original's ---------------------


@needs_soffice
def test_extract_then_render_gives_the_originals_first_page(tmp_path: Path, run_cli) -> None:
    page = write_html(dressed("everything at once"), tmp_path / "page.html")
    outline, rendered = tmp_path / "speech.yaml", tmp_path / "speech.docx"
    assert run_cli("extract", page, "-o", outline).exit_code == 0
    assert run_cli("render", outline, "-o", rendered).exit_code == 0
    first = [line.strip() for line in _pdf_pages(convert(rendered, "pdf"))[0].splitlines() if line.strip()]
    head = [squash(line) for line in first[:6]]
    assert head[:5] == [squash(TITLE), squash(OCCASION), SPEAKER, squash(DATE), squash(SALUTATION)]
    assert head[5].startswith(squash(BODY[0])[:12])
    whole = squash("".join(first))
    for furniture in (BREADCRUMB, COLUMN, META, EDITOR, "首页", "来源"):
        assert squash(furniture) not in whole


# -- the seeds, dressed in furniture: their outline does not change ------------------------------


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_seed_in_site_furniture_extracts_as_the_seed(prefix: str, tmp_path: Path) -> None:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix} not available in {SEEDS}")
    plain = extract_file(found[0])
    dressed_copy = tmp_path / found[0].name
    text = found[0].read_text(encoding="utf-8")
    dressed_copy.write_text("\n".join([BREADCRUMB, COLUMN, META, EDITOR, ""]) + text + "\n" + SOURCE_NOTE + "\n",
                            encoding="utf-8")
    result = extract_file(dressed_copy)
    assert result.data == plain.data
    assert {d.text for d in result.dropped} >= {BREADCRUMB, COLUMN, META, EDITOR, SOURCE_NOTE}


def test_unknown_suffix_names_the_formats(tmp_path: Path, run_cli) -> None:
    path = tmp_path / "a.xyz"
    path.write_text("x", encoding="utf-8")
    result = run_cli("extract", path)
    assert result.exit_code == 1
    for suffix in (".doc", ".wps", ".pdf", ".html"):
        assert suffix in result.stderr


def test_libreoffice_missing_is_a_clear_error(tmp_path: Path, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "WordDocument".encode("utf-16-le"))
    result = run_cli("extract", path)
    assert result.exit_code == 1 and "DRAFTER_SOFFICE" in result.stderr and "Traceback" not in result.stderr


# -- heads as real texts shape them ------------------------------------------------------------------

HEAD_SHAPES = {  # name → (the head's lines, the fields a careful reader takes)
    "column prefix in the title line": (
        ["学习｜在全县安全生产工作会议上的讲话", SPEAKER, SALUTATION],
        {"title": "在全县安全生产工作会议上的讲话", "speaker": SPEAKER, "salutation": "同志们"}),
    "bracketed column before the title": (
        ["【理论学习】" + TITLE, OCCASION, SPEAKER, SALUTATION],
        {"title": TITLE, "subtitle": OCCASION[2:], "speaker": SPEAKER}),
    "date with a note, posts joined by 、": (
        [OCCASION[2:], "县委副书记、县长  李 文 华", "（2025年11月3日，根据录音整理）", SALUTATION],
        {"title": OCCASION[2:], "speaker": "县委副书记、县长 李文华", "date": dt.date(2025, 11, 3)}),
    "name and date on one line": (
        [TITLE, OCCASION, f"{SPEAKER}　{DATE}", SALUTATION],
        {"title": TITLE, "speaker": SPEAKER, "date": dt.date(2025, 11, 3)}),
    "date in Chinese numerals, several addressees": (
        [TITLE, OCCASION, SPEAKER, "二〇二五年十一月三日", "尊敬的各位领导，各位来宾，同志们："],
        {"date": dt.date(2025, 11, 3), "salutation": "尊敬的各位领导，各位来宾，同志们"}),
    "publication date above the title": (
        ["2025-11-04", TITLE, OCCASION, SPEAKER, SALUTATION],
        {"title": TITLE, "subtitle": OCCASION[2:], "speaker": SPEAKER, "salutation": "同志们"}),
    "WeChat copy": (
        ["原创 宣传部 某某发布 2025-11-04 08:00 发表于浙江", "点击上方蓝字关注我们", TITLE, OCCASION, SPEAKER, SALUTATION],
        {"title": TITLE, "subtitle": OCCASION[2:], "speaker": SPEAKER}),
    "a title line with a comma of its own": (
        ["深入推进安全生产治理", "守牢底线，护航发展", OCCASION, SPEAKER, DATE, SALUTATION],
        {"title": "深入推进安全生产治理\u3000守牢底线，护航发展", "subtitle": OCCASION[2:], "speaker": SPEAKER}),
    "labelled speaker": (
        [TITLE, "主讲人：" + SPEAKER, SALUTATION],
        {"title": TITLE, "speaker": SPEAKER, "salutation": "同志们"}),
}


@pytest.mark.parametrize("name", sorted(HEAD_SHAPES))
def test_head_shapes(name: str, tmp_path: Path) -> None:
    lines, expected = HEAD_SHAPES[name]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join([*lines, *BODY, "（作者系县应急管理局局长）"]), encoding="utf-8")
    result = extract_file(path)
    document = _outline(result).document
    assert {key: getattr(document, key) for key in expected} == expected
    assert document.opening == (BODY[0],) and len(document.sections) == 3
    assert document.closing == (BODY[-1],)  # the editor's remark at the end is dropped, and reported
    assert any(d.reason == "editor's note" and "作者系" in d.text for d in result.dropped)


def test_a_short_document_of_whole_line_paragraphs_is_not_joined(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    lines = [OCCASION[2:], SPEAKER, DATE, SALUTATION] + [f"第{n}段的内容写在这一行里，长短相近，各自成段。" for n in range(12)]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = extract_file(path)
    assert result.layout == "one paragraph per line"
    assert len(_outline(result).document.opening) == 12


def test_web_page_wrapped_in_one_form_and_laid_out_in_tables(tmp_path: Path) -> None:
    """Older government sites (ASP.NET) put the whole page in one <form> and lay it out in tables."""
    cells = "".join(f"<tr><td><p>{line}</p></td></tr>" for line in dressed("meta line under the title"))
    path = tmp_path / "page.aspx.html"
    path.write_text('<html><body><form id="form1" method="post"><div class="banner">某某县人民政府门户网站</div>'
                    '<table><tr><td><a href="/">首页</a></td><td><a href="/b">政务公开</a></td></tr></table>'
                    f'<table width="980">{cells}</table><input type="hidden" name="__VIEWSTATE" value="x"/>'
                    "</form></body></html>", encoding="utf-8")
    result = extract_file(path)
    assert_the_speech(_outline(result))
    assert {d.text for d in result.dropped} >= {"某某县人民政府门户网站", "首页", "政务公开", META}


@needs_soffice
@pytest.mark.parametrize("inside", [b"", "WordDocument".encode("utf-16-le")])
def test_damaged_doc_is_a_clear_error(inside: bytes, tmp_path: Path, run_cli) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + inside + bytes(range(256)) * 4)
    result = run_cli("extract", path)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert str(path) in result.stderr and "save it as .docx" in result.stderr
