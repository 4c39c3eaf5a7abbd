"""Department packs: selection, search path, style overrides, templates, learn, errors, sandbox."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
import yaml
from conftest import OUTLINES, REPO, needs_soffice, run_process, soffice
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.compose.templates import Templates, builtin_dir
from drafter.departments.pack import load_department

DEPARTMENTS = REPO / "departments"

OUTLINE = """
kind: speech
title: 关于推进城市更新工作的讲话
subtitle: 在全市城市更新工作会议上的讲话
date: 2025-07-18
salutation: 同志们
opening:
  - 今天召开这次会议，主要任务是部署城市更新工作。
sections:
  - heading: 统一思想认识
    paragraphs: [城市更新是一项系统工程，需要各方协同推进。]
    sections:
      - heading: 把握阶段特征
        paragraphs: [城市发展已经进入存量提质的新阶段。, 我们要主动适应这一变化。]
  - heading: 抓好重点任务
    paragraphs: [要聚焦老旧小区改造和公共服务补短板。]
    sections:
      - heading: 优化空间布局
        inline: false
        paragraphs: [统筹生产、生活、生态空间。]
closing:
  - 谢谢大家！
"""


# -- helpers: the DOCX as Word resolves it ------------------------------------------------------

def _chain(style) -> Iterator:  # type: ignore[no-untyped-def]
    while style is not None:
        yield style
        style = style.base_style


def _defaults_rpr(document):  # type: ignore[no-untyped-def]
    return document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")


def east_asian_font(document, paragraph, run) -> str | None:  # type: ignore[no-untyped-def]
    """The run's East Asian font: run, then paragraph style chain, then document defaults."""
    levels = [run._r.rPr] + [s.element.rPr for s in _chain(paragraph.style)] + [_defaults_rpr(document)]
    for rpr in levels:
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
    return None


def font_size(document, paragraph, run) -> float | None:  # type: ignore[no-untyped-def]
    """The run's size in points, resolved the same way."""
    if run.font.size is not None:
        return run.font.size.pt
    for style in _chain(paragraph.style):
        if style.font.size is not None:
            return style.font.size.pt
    sz = _defaults_rpr(document).find(qn("w:sz"))
    return int(sz.get(qn("w:val"))) / 2 if sz is not None else None


def body_runs(document) -> list:  # type: ignore[no-untyped-def]
    """(paragraph, run) of every run of body text (style Normal, no character style)."""
    out = []
    for paragraph in document.paragraphs:
        if paragraph.style.name != "Normal":
            continue
        for run in paragraph.runs:
            if run.text and run.style.name == "Default Paragraph Font":
                out.append((paragraph, run))
    return out


def texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.text]


@pytest.fixture
def outline(write: Callable[[str, str], Path]) -> Path:
    """A small speech outline with no department key."""
    return write("speech.yaml", OUTLINE)


@pytest.fixture
def pack(write: Callable[[str, str], Path]) -> Callable[..., Path]:
    """Write a pack: ``pack("name", yaml_text, templates={"speech.j2": "…"})`` → its folder."""

    def make(name: str, text: str, templates: dict[str, str] | None = None) -> Path:
        folder = write(f"{name}/department.yaml", text).parent
        for file, body in (templates or {}).items():
            write(f"{name}/templates/{file}", body)
        return folder

    return make


CLOSING_TEMPLATE = """
{% extends "base/speech.j2" %}
{% block closing %}
{{ super() }}
<p style="closing">{{ dept.closing_line }}</p>
{% endblock %}
"""


# -- style overrides ------------------------------------------------------------------------------

def test_body_override_changes_every_body_run(outline, pack, render_docx) -> None:
    folder = pack("songti", """
        name: 测试局
        style:
          elements:
            body: {font: 宋体, size: 15}
        """)
    document = render_docx(outline, "--department", folder)
    runs = body_runs(document)
    assert len(runs) >= 6
    for paragraph, run in runs:
        assert east_asian_font(document, paragraph, run) == "宋体", run.text
        assert font_size(document, paragraph, run) == 15, run.text
    normal = document.styles["Normal"]
    assert normal.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    assert normal.font.size == Pt(15)


def test_elements_may_be_written_directly_under_style(outline, pack, render_docx, run_cli, tmp_path) -> None:
    folder = pack("short", "style:\n  page: {margins_mm: {top: 30}}\n  body: {font: 宋体, size: 15}\n")
    document = render_docx(outline, "-d", folder)
    assert {(east_asian_font(document, p, r), font_size(document, p, r)) for p, r in body_runs(document)} == \
        {("宋体", 15)}
    bad = pack("short-bad", "style:\n  title: {font: 黑体}\n  body: {font: 宋体, size: 十五号}\n")
    result = run_cli("render", outline, "-o", tmp_path / "out.docx", "-d", bad)
    assert result.exit_code == 1
    assert f"{bad / 'department.yaml'}:3:26: style.elements.body.size" in result.output


def test_no_pack_restores_the_defaults(outline, pack, render_docx, write) -> None:
    folder = pack("songti", "style: {elements: {body: {font: 宋体, size: 15}}}\n")
    with_key = write("keyed.yaml", OUTLINE + f"department: {folder}\n")
    assert {east_asian_font(d, p, r) for d in [render_docx(with_key)] for p, r in body_runs(d)} == {"宋体"}
    document = render_docx(outline)
    for paragraph, run in body_runs(document):
        assert east_asian_font(document, paragraph, run) == "仿宋_GB2312"
        assert font_size(document, paragraph, run) == 16
    assert document.sections[0].top_margin.mm == pytest.approx(37, abs=0.05)


def test_element_overrides_and_page_setup(outline, pack, render_docx) -> None:
    folder = pack("layout", """
        style:
          page: {margins_mm: {top: 30, bottom: 28, left: 31.5, right: 24}, lines_per_page: 20}
          elements:
            title: {font: 黑体, size: 小二, bold: true}
            heading1: {font: 楷体_GB2312, size: 17}
        """)
    document = render_docx(outline, "--department", folder)
    section = document.sections[0]
    assert (section.top_margin.mm, section.bottom_margin.mm) == (pytest.approx(30, abs=0.05), pytest.approx(28, abs=0.05))
    assert section.left_margin.mm == pytest.approx(31.5, abs=0.05)
    title = document.paragraphs[0]
    assert title.style.name == "Title" and title.style.font.size == Pt(18) and title.style.font.bold
    assert east_asian_font(document, title, title.runs[0]) == "黑体"
    heading = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    assert heading.style.font.size == Pt(17)
    assert east_asian_font(document, heading, heading.runs[0]) == "楷体_GB2312"


# -- templates and variables ---------------------------------------------------------------------

def test_template_override_adds_a_fixed_closing_line(outline, pack, render_docx) -> None:
    folder = pack("closing", "variables: {closing_line: 以上意见请认真抓好落实。}\n",
                  {"speech.j2": CLOSING_TEMPLATE})
    lines = texts(render_docx(outline, "--department", folder))
    assert lines[-2:] == ["谢谢大家！", "以上意见请认真抓好落实。"]
    assert lines[0] == "关于推进城市更新工作的讲话"  # the rest of base/speech.j2 is kept
    assert "以上意见请认真抓好落实。" not in texts(render_docx(outline))


def test_pack_overrides_a_shared_macro_file(outline, pack, render_docx) -> None:
    base = (builtin_dir() / "_sections.j2").read_text(encoding="utf-8")
    changed = base.replace('<p style="heading{{ s.level }}">{{ s.number }}{{ s.heading }}</p>',
                           '<p style="heading{{ s.level }}">{{ s.number }}{{ s.heading }}（要点）</p>')
    assert changed != base
    folder = pack("macros", "name: 宏\n", {"_sections.j2": changed})
    assert "一、统一思想认识（要点）" in texts(render_docx(outline, "-d", folder))


def test_defaults_fill_only_unset_outline_keys(pack, render_docx, write) -> None:
    folder = pack("defaults", """
        speaker: 王五
        defaults:
          salutation: 各位同志
          closing: [谢谢！]
        """)
    bare = write("bare.yaml", "kind: speech\ntitle: 标题\nopening: [正文。]\n")
    lines = texts(render_docx(bare, "-d", folder))
    assert lines == ["标题", "王五", "各位同志：", "正文。", "谢谢！"]
    own = write("own.yaml", "kind: speech\ntitle: 标题\nspeaker: 李四\nsalutation: 同志们\nopening: [正文。]\n")
    assert texts(render_docx(own, "-d", folder))[:3] == ["标题", "李四", "同志们："]


def test_parent_pack_values_are_inherited_and_overridden(outline, pack, render_docx) -> None:
    pack("city", """
        name: 市政府
        variables: {closing_line: 市里的结束语。, city: 江城市}
        style: {elements: {body: {font: 宋体, size: 14}, title: {font: 黑体}}}
        """, {"speech.j2": CLOSING_TEMPLATE})
    bureau = pack("bureau", """
        extends: ../city
        name: 市规划局
        variables: {closing_line: 局里的结束语。}
        style: {elements: {body: {size: 15}}}
        """)
    department = load_department(bureau)
    assert department.variables()["name"] == "市规划局"
    assert department.variables()["city"] == "江城市"
    document = render_docx(outline, "-d", bureau)
    assert texts(document)[-1] == "局里的结束语。"  # the parent's template, the child's variable
    paragraph, run = body_runs(document)[0]
    assert east_asian_font(document, paragraph, run) == "宋体"  # from the parent
    assert font_size(document, paragraph, run) == 15  # the child wins
    title = document.paragraphs[0]
    assert east_asian_font(document, title, title.runs[0]) == "黑体"


# -- search path and precedence -----------------------------------------------------------------

def test_child_may_style_an_element_of_its_parents_template(outline, pack, render_docx) -> None:
    pack("parent", "style: {elements: {mark: {font: 黑体, indent: 0}}}\n", {"speech.j2": (
        '{% extends "base/speech.j2" %}{% block header %}<p style="mark">内部资料</p>{{ super() }}{% endblock %}')})
    child = pack("child", "extends: ../parent\nstyle: {elements: {mark: {font: 楷体_GB2312}}}\n")
    document = render_docx(outline, "-d", child)
    mark = document.paragraphs[0]
    assert mark.text == "内部资料"
    assert east_asian_font(document, mark, mark.runs[0]) == "楷体_GB2312"


def test_search_path_order_is_pack_parent_builtin(pack, tmp_path) -> None:
    marker = '{{% extends "base/speech.j2" %}}{{% block closing %}}<p>{0}</p>{{% endblock %}}'
    parent = pack("parent", "name: parent\n", {"speech.j2": marker.format("parent"), "extra.j2": "x"})
    child = pack("child", "extends: ../parent\n", {"speech.j2": marker.format("child")})
    department = load_department(child)
    assert department.search_path() == [child, parent, builtin_dir()]
    assert department.template_dirs() == [child / "templates", parent / "templates"]
    templates = Templates(department.template_dirs())
    assert templates.search_path == [child / "templates", parent / "templates", builtin_dir()]
    assert templates.origin("speech.j2") == child / "templates" / "speech.j2"
    assert templates.origin("extra.j2") == parent / "templates" / "extra.j2"
    assert templates.origin("_sections.j2") == builtin_dir() / "_sections.j2"
    (child / "templates" / "speech.j2").unlink()
    assert Templates(department.template_dirs()).origin("speech.j2") == parent / "templates" / "speech.j2"


def test_style_layers_merge_base_parent_pack(pack, write) -> None:
    pack("parent", "style: {elements: {body: {size: 14}, title: {font: 黑体}}}\n")
    child = pack("child", "extends: ../parent\nstyle: {elements: {body: {size: 15}}}\n")
    write("child/profiles/gbt9704.yaml", "elements: {body: {size: 12, font: 楷体_GB2312}, title: {font: 宋体}}\n")
    department = load_department(child)
    layers = [where for where, _ in department.profile_layers("gbt9704")]
    assert layers == [str(builtin_dir() / "profiles" / "gbt9704.yaml"),
                      f"{child.parent / 'parent' / 'department.yaml'} (style:)",
                      str(child / "profiles" / "gbt9704.yaml"),
                      f"{child / 'department.yaml'} (style:)"]
    profile = department.profile("gbt9704")
    assert profile.style("body").half_points == 30  # style: beats the pack's profile file
    assert profile.style("body").font == "楷体_GB2312"  # the profile file beats the parent
    assert profile.style("title").font == "宋体"
    assert profile.style("heading1").font == "黑体"  # the built-in base


def test_precedence_option_over_outline_key_over_environment(pack, write, run_cli, tmp_path, monkeypatch) -> None:
    for name in ("option", "key", "env"):
        pack(name, f"variables: {{closing_line: 来自{name}。}}\n", {"speech.j2": CLOSING_TEMPLATE})
    keyed = write("outlines/keyed.yaml", OUTLINE + "department: ../key\n")  # relative to the outline
    plain = write("outlines/plain.yaml", OUTLINE)
    monkeypatch.setenv("DRAFTER_DEPARTMENT", str(tmp_path / "env"))

    def last_line(source: Path, *extra: str | Path) -> str:
        out = tmp_path / "out.docx"
        result = run_cli("render", source, "-o", out, *extra)
        assert result.exit_code == 0, result.output
        return texts(docx.Document(str(out)))[-1]

    assert last_line(keyed, "--department", tmp_path / "option") == "来自option。"
    assert last_line(keyed) == "来自key。"
    assert last_line(plain) == "来自env。"
    monkeypatch.delenv("DRAFTER_DEPARTMENT")
    assert last_line(plain) == "谢谢大家！"


# -- the example packs ---------------------------------------------------------------------------

def test_example_packs_differ_in_wording_and_layout(render_docx, tmp_path) -> None:
    source = tmp_path / "speech.yaml"
    shutil.copy(OUTLINES / "speech.yaml", source)
    planning = render_docx(source, "-d", DEPARTMENTS / "planning-bureau")
    reform = render_docx(source, "-d", DEPARTMENTS / "development-reform")
    plain = render_docx(source)
    # wording: each pack's fixed lines, and nothing of the other's
    assert texts(planning)[-3:] == ["以上讲话请各处室、各分局结合实际认真抓好贯彻落实。",
                                    "江城市自然资源和规划局办公室", "2025年7月18日"]
    assert texts(reform)[0] == "内部资料　注意保存"
    assert texts(reform)[-1] == "（根据录音整理，未经本人审阅）"
    assert "市发改委　李明" in texts(reform)
    assert not set(texts(planning)) & {"内部资料　注意保存", "（根据录音整理，未经本人审阅）"}
    assert texts(plain)[-1] == "谢谢大家！"
    # layout: body font and size, margins, page number text
    p_par, p_run = body_runs(planning)[0]
    r_par, r_run = body_runs(reform)[0]
    assert (east_asian_font(planning, p_par, p_run), font_size(planning, p_par, p_run)) == ("方正仿宋_GBK", 16)
    assert (east_asian_font(reform, r_par, r_run), font_size(reform, r_par, r_run)) == ("宋体", 15)
    assert planning.sections[0].top_margin.mm == pytest.approx(37, abs=0.05)
    assert reform.sections[0].top_margin.mm == pytest.approx(30, abs=0.05)
    assert "第" in reform.sections[0].footer.paragraphs[0].text
    assert "—" in planning.sections[0].footer.paragraphs[0].text
    assert planning.styles["Heading 1"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "方正黑体_GBK"
    assert reform.styles["Heading 1"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    assert planning.styles["lead Char"].font.bold and not reform.styles["lead Char"].font.bold
    assert reform.styles["Heading 1"].font.size == Pt(15)


# -- learn ----------------------------------------------------------------------------------------

def _look(document) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Per text run: paragraph style, East Asian font, size, bold, alignment."""
    out = []
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if not run.text:
                continue
            bold = next((s.font.bold for s in [*_chain(paragraph.style)] if s.font.bold is not None), None)
            align = next((s.paragraph_format.alignment for s in _chain(paragraph.style)
                          if s.paragraph_format.alignment is not None), None)
            out.append((paragraph.style.name, run.text[:8], east_asian_font(document, paragraph, run),
                        font_size(document, paragraph, run), bool(bold), align))
    return out


def test_learn_reproduces_a_packs_fonts_sizes_and_margins(outline, pack, render_docx, run_cli, tmp_path) -> None:
    original = pack("original", """
        style:
          page: {margins_mm: {top: 33.3, bottom: 27.1, left: 29.6, right: 22.4}, lines_per_page: 21,
                 chars_per_line: 27}
          page_number: {format: "- {n} -", font: 黑体, size: 小四, odd: left, even: right, edge_chars: 2}
          elements:
            body:     {font: 宋体, latin_font: Arial, size: 15}
            title:    {font: 楷体_GB2312, size: 24, bold: true}
            subtitle: {font: 黑体, size: 四号}
            heading1: {font: 微软雅黑, size: 17, bold: true}
            heading2: {font: 仿宋_GB2312, size: 15, align: left}
            lead:     {font: 黑体}
        """)
    first = render_docx(outline, "-d", original)
    sample = tmp_path / "sample.docx"
    shutil.copy(tmp_path / "speech.docx", sample)
    result = run_cli("department", "learn", sample, "-o", tmp_path / "learned")
    assert result.exit_code == 0, result.output
    learned_yaml = yaml.safe_load((tmp_path / "learned" / "department.yaml").read_text(encoding="utf-8"))
    assert learned_yaml["style"]["elements"]["body"]["font"] == "宋体"
    second = render_docx(outline, "-d", tmp_path / "learned")
    assert _look(second) == _look(first)
    a, b = first.sections[0], second.sections[0]
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin", "page_width", "page_height"):
        assert getattr(b, side).mm == pytest.approx(getattr(a, side).mm, abs=0.5), side
    for footer in ("footer", "even_page_footer"):
        before, after = getattr(a, footer).paragraphs[0], getattr(b, footer).paragraphs[0]
        assert after.text == before.text and "-" in before.text
        assert after.alignment == before.alignment and before.alignment is not None
        assert after.paragraph_format.left_indent == before.paragraph_format.left_indent
        assert after.paragraph_format.right_indent == before.paragraph_format.right_indent
        assert [(r.element.rPr.xml) for r in after.runs] == [(r.element.rPr.xml) for r in before.runs]
    grid = qn("w:docGrid")
    assert b._sectPr.find(grid).get(qn("w:linePitch")) == a._sectPr.find(grid).get(qn("w:linePitch"))


@needs_soffice
def test_learn_reads_a_document_saved_by_libreoffice(outline, render_docx, run_cli, tmp_path) -> None:
    """Another writer's DOCX: LibreOffice rewrites styles (w:start/w:end, firstLine in twips,
    hanging="0" instead of firstLine="0", fonts on paragraph marks). Learning it must give
    the same look as the pack it was rendered with."""
    first = render_docx(outline, "-d", DEPARTMENTS / "development-reform")
    profile = tmp_path / ".lo-profile"
    for target in ("odt", "docx"):
        source = tmp_path / ("speech.docx" if target == "odt" else "speech.odt")
        out_dir = tmp_path / target
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        target, "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=180)
        shutil.copy(out_dir / f"speech.{target}", tmp_path / f"speech.{target}")
    result = run_cli("department", "learn", tmp_path / "docx" / "speech.docx", "-o", tmp_path / "learned")
    assert result.exit_code == 0, result.output
    second_path = tmp_path / "second.docx"
    assert run_cli("render", outline, "-o", second_path, "-d", tmp_path / "learned").exit_code == 0
    second = docx.Document(str(second_path))
    # the pack's own "mark" and "note" paragraphs come from its templates, not from learning
    assert [x for x in _look(first) if x[0] not in ("mark", "note")] == _look(second)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        assert getattr(second.sections[0], side).mm == pytest.approx(getattr(first.sections[0], side).mm, abs=0.5)
    indents = {p.style.name: p.style.paragraph_format.first_line_indent for p in second.paragraphs}
    assert indents["Title"] == 0 and indents["Normal"] == Pt(30)


def test_learn_reads_a_word_style_document(tmp_path, run_cli) -> None:
    """A document made the way Word makes them: fonts on styles (East Asian slot on Normal,
    theme fonts elsewhere), Heading N styles, direct alignment on the title."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = docx.shared.Mm(210), docx.shared.Mm(297)
    section.top_margin, section.left_margin = docx.shared.Mm(20), docx.shared.Mm(22)
    section.bottom_margin, section.right_margin = docx.shared.Mm(18), docx.shared.Mm(21)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    normal.font.name = "Calibri"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    normal.paragraph_format.first_line_indent = Pt(24)
    heading = document.styles["Heading 1"]
    heading.font.size = Pt(16)
    heading.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    title = document.add_paragraph("一份样本文件的标题")
    title.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].font.size = Pt(22)
    document.add_heading("第一部分", level=1)
    for index in range(3):
        document.add_paragraph(f"这是第{index + 1}段正文，用来确定正文的样式。" * 3)
    sample = tmp_path / "word.docx"
    document.save(str(sample))
    result = run_cli("department", "learn", sample, "-o", tmp_path / "pack", "--name", "样本")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "pack" / "department.yaml").read_text(encoding="utf-8"))
    style = data["style"]
    assert data["name"] == "样本"
    assert style["page"]["margins_mm"] == {"top": 20, "bottom": 18, "left": 22, "right": 21}
    assert style["page"]["size"] == "A4"
    body = style["elements"]["body"]
    assert (body["font"], body["latin_font"], body["size"], body["indent"]) == ("仿宋", "Calibri", "小四", 2)
    assert (style["elements"]["title"]["size"], style["elements"]["title"]["align"]) == ("二号", "center")
    heading1 = style["elements"]["heading1"]
    assert (heading1["font"], heading1["size"], heading1["level"]) == ("黑体", "三号", 1)
    assert heading1["bold"] is True  # python-docx's Heading 1 is bold
    load_department(tmp_path / "pack")


def test_learn_resolves_theme_fonts(tmp_path, run_cli) -> None:
    """python-docx's default template sets no font names: they come from the theme
    (w:eastAsiaTheme="minorEastAsia" → the theme's Hans font)."""
    document = docx.Document()
    for _ in range(3):
        document.add_paragraph("正文段落，没有直接设置字体。" * 3)
    sample = tmp_path / "theme.docx"
    document.save(str(sample))
    assert run_cli("department", "learn", sample, "-o", tmp_path / "pack").exit_code == 0
    body = yaml.safe_load((tmp_path / "pack" / "department.yaml").read_text(encoding="utf-8"))["style"]["elements"]["body"]
    theme = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
    assert 'script="Hans" typeface="宋体"' in theme
    assert (body["font"], body["latin_font"], body["size"]) == ("宋体", "Cambria", 11)


def _direct_run(paragraph, text: str, font: str, size: float, bold: bool = False):  # type: ignore[no-untyped-def]
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, "Times New Roman"
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def test_learn_reads_direct_formatting_and_numbered_headings(tmp_path, run_cli) -> None:
    """Documents formatted by hand (every paragraph Normal, fonts on the runs): the title is the
    centred large paragraph, headings are found by their numbers 一、 and run-in （一）."""
    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    _direct_run(title, "关于某项工作的汇报", "方正小标宋简体", 22)
    for number in "一二":
        _direct_run(document.add_paragraph(), f"{number}、工作进展", "黑体", 16)
        lead = document.add_paragraph()
        _direct_run(lead, "（一）总体情况。", "楷体_GB2312", 16, bold=True)
        _direct_run(lead, "今年以来各项工作有序推进，取得阶段性成效。" * 4, "仿宋_GB2312", 16)
        _direct_run(document.add_paragraph(), "下一步将继续抓好落实。" * 5, "仿宋_GB2312", 16)
    sample = tmp_path / "hand.docx"
    document.save(str(sample))
    result = run_cli("department", "learn", sample, "-o", tmp_path / "pack")
    assert result.exit_code == 0, result.output
    elements = yaml.safe_load((tmp_path / "pack" / "department.yaml").read_text(encoding="utf-8"))["style"]["elements"]
    assert (elements["body"]["font"], elements["body"]["size"]) == ("仿宋_GB2312", "三号")
    assert (elements["title"]["font"], elements["title"]["size"], elements["title"]["align"]) == \
        ("方正小标宋简体", "二号", "center")
    assert (elements["heading1"]["font"], elements["heading1"]["level"]) == ("黑体", 1)
    assert (elements["lead"]["font"], elements["lead"]["bold"]) == ("楷体_GB2312", True)
    assert "heading2" not in elements


def test_reference_docx_is_a_style_layer_under_the_packs_style(outline, pack, render_docx, tmp_path) -> None:
    source = pack("source", "style: {elements: {body: {font: 楷体_GB2312, size: 14}}}\n")
    render_docx(outline, "-d", source)
    referenced = pack("referenced", "name: 参考\n")
    shutil.copy(tmp_path / "speech.docx", referenced / "reference.docx")
    document = render_docx(outline, "-d", referenced)
    paragraph, run = body_runs(document)[0]
    assert (east_asian_font(document, paragraph, run), font_size(document, paragraph, run)) == ("楷体_GB2312", 14)
    (referenced / "department.yaml").write_text("style: {elements: {body: {size: 15}}}\n", encoding="utf-8")
    document = render_docx(outline, "-d", referenced)
    paragraph, run = body_runs(document)[0]
    assert (east_asian_font(document, paragraph, run), font_size(document, paragraph, run)) == ("楷体_GB2312", 15)


def test_learn_refuses_what_is_not_a_docx(tmp_path, run_cli) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    result = run_cli("department", "learn", fake, "-o", tmp_path / "pack")
    assert result.exit_code == 1
    assert f"{fake}: cannot be read as a Word document" in result.output
    assert not (tmp_path / "pack" / "department.yaml").exists()


# -- init and show --------------------------------------------------------------------------------

def test_init_scaffolds_a_pack_that_renders(outline, run_cli, render_docx, tmp_path) -> None:
    folder = tmp_path / "new-pack"
    result = run_cli("department", "init", folder)
    assert result.exit_code == 0, result.output
    text = (folder / "department.yaml").read_text(encoding="utf-8")
    assert text.count("#") > 10  # commented
    lines = texts(render_docx(outline, "-d", folder))
    assert lines[-2:] == ["示例市示例局", "2025年7月18日"]
    again = run_cli("department", "init", folder)
    assert again.exit_code == 1 and "exists; use --force" in again.output


def test_show_prints_profile_and_template_origins(run_cli) -> None:
    result = run_cli("department", "show", DEPARTMENTS / "planning-bureau")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    assert data["department"] == "市自然资源和规划局"
    assert data["search_path"][:2] == [str(DEPARTMENTS / "planning-bureau"), str(DEPARTMENTS / "jiangcheng-city")]
    assert data["templates"]["speech.j2"].startswith(str(DEPARTMENTS / "planning-bureau" / "templates" / "speech.j2"))
    assert "extends base/speech.j2" in data["templates"]["speech.j2"]
    assert data["templates"]["_sections.j2"].endswith("(built-in)")
    profile = data["profiles"]["gbt9704"]
    assert profile["elements"]["heading2"]["bold"] is True  # the bureau's own
    assert profile["elements"]["title"]["font"] == "方正小标宋_GBK"  # from the city pack
    assert profile["page"]["lines_per_page"] == 22  # the built-in base
    assert data["dept"]["city"] == "江城市"  # from the city pack


# -- errors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("style:\n  elements:\n    body: {font: 宋体, size: 三号半}\n", "department.yaml:3:28: style.elements.body.size"),
    ("stlye: {}\n", "department.yaml:1:1: stlye: unknown key 'stlye'; did you mean 'style'?"),
    ("name: [a, b]\n", "department.yaml:1:7: name: expected text, got a list"),
    ("name: 局\n  bad: indent\n", "department.yaml:2:6: invalid YAML"),
    ("style: {elements: {bdoy: {size: 15}}}\n", "unknown element 'bdoy'; did you mean 'body'?"),
    ("defaults: {speeker: 张三}\n", "department.yaml:1:12: defaults.speeker: no outline has a key 'speeker'; "
                                   "did you mean 'speaker'?"),
    ("variables: {name: x}\n", "variables.name: 'name' is a top-level key"),
    ("extends: ../nowhere\n", "department.yaml:1:10: extends: '../nowhere'"),
])
def test_malformed_pack_is_reported_with_its_position(outline, pack, run_cli, tmp_path, text, expected) -> None:
    folder = pack("bad", text)
    out = tmp_path / "out.docx"
    result = run_cli("render", outline, "-o", out, "-d", folder)
    assert result.exit_code == 1
    assert result.output.startswith("Error: department pack ")
    assert expected in result.output
    assert str(folder / "department.yaml") in result.output
    assert not out.exists()


def test_missing_pack_folder_and_file(outline, run_cli, tmp_path) -> None:
    out = tmp_path / "out.docx"
    missing = run_cli("render", outline, "-o", out, "-d", tmp_path / "nope")
    assert missing.exit_code == 1
    assert f"Error: department pack {tmp_path / 'nope'}: no such folder" in missing.output
    (tmp_path / "empty").mkdir()
    empty = run_cli("render", outline, "-o", out, "-d", tmp_path / "empty")
    assert empty.exit_code == 1
    assert "has no department.yaml; create one with: drafter department init" in empty.output
    assert not out.exists()


def test_missing_pack_named_by_the_outline_points_at_the_key(write, run_cli, tmp_path) -> None:
    source = write("keyed.yaml", OUTLINE + "department: ./absent\n")
    result = run_cli("render", source, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    line = OUTLINE.lstrip("\n").count("\n") + 1
    assert f"{source}:{line}:13: department: './absent'" in result.output
    assert "no such folder" in result.output


def test_extends_cycle_is_detected(pack, run_cli, outline, tmp_path) -> None:
    pack("a", "extends: ../b\n")
    pack("b", "extends: ../a\n")
    result = run_cli("render", outline, "-o", tmp_path / "out.docx", "-d", tmp_path / "a")
    assert result.exit_code == 1
    assert "extend each other in a cycle" in result.output


def test_bad_default_value_names_the_pack_file(pack, run_cli, outline, tmp_path) -> None:
    folder = pack("bad", "defaults:\n  speaker: [甲, 乙]\n")
    result = run_cli("render", tmp_path / "speech.yaml", "-o", tmp_path / "out.docx", "-d", folder)
    assert result.exit_code == 1
    assert f"{folder / 'department.yaml'}:2:12: defaults.speaker: expected text" in result.output


# -- untrusted templates --------------------------------------------------------------------------

ESCAPES = {
    "mro": ("{{ ''.__class__.__mro__ }}", "not allowed: access to attribute '__class__'"),
    "globals": ("{{ cycler.__init__.__globals__ }}", "not allowed: access to attribute '__init__'"),
    "lipsum": ("{{ lipsum.__globals__['os'] }}", "not allowed: access to attribute '__globals__'"),
    "format": ("{{ '{0.__class__}'.format(title) }}", "not allowed"),
    "include": ('{% include "../../etc/passwd" %}', "looked up only inside the search path"),
    "absolute": ('{% include "/etc/passwd" %}', "looked up only inside the search path"),
    "undefined": ("{{ no_such_name }}", "undefined name in template: 'no_such_name' is undefined"),
    "undefined-dept": ("{{ dept.no_such_variable }}", "has no attribute 'no_such_variable'"),
    "range": ("{% for i in range(10**9) %}{% endfor %}", "MAX_RANGE"),
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_template_escapes_fail_with_file_and_line(name, outline, pack, run_cli, tmp_path) -> None:
    code, expected = ESCAPES[name]
    template = ('{% extends "base/speech.j2" %}\n{% block closing %}\n{{ super() }}\n'
                f"<p>{code}</p>\n{{% endblock %}}\n")
    folder = pack("evil", "name: evil\n", {"speech.j2": template})
    out = tmp_path / "out.docx"
    result = run_cli("render", outline, "-o", out, "-d", folder)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {folder / 'templates' / 'speech.j2'}:4: ")
    assert expected in result.output
    assert "passwd:" not in result.output and "root:" not in result.output
    assert not out.exists()


def test_symlink_out_of_the_pack_is_refused(outline, pack, run_cli, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    template = '{% extends "base/speech.j2" %}\n{% block closing %}\n<p>{% include "leak.j2" %}</p>\n{% endblock %}\n'
    folder = pack("evil", "name: evil\n", {"speech.j2": template})
    (folder / "templates" / "leak.j2").symlink_to(secret)
    out = tmp_path / "out.docx"
    result = run_cli("render", outline, "-o", out, "-d", folder)
    assert result.exit_code == 1
    assert f"{folder / 'templates' / 'speech.j2'}:3:" in result.output
    assert "outside the template folders" in result.output and "SECRET" not in result.output
    assert not out.exists()


def test_error_in_an_included_pack_file_names_that_file(outline, pack, run_cli, tmp_path, write) -> None:
    template = '{% extends "base/speech.j2" %}\n{% block closing %}\n{% include "part.txt" %}\n{% endblock %}\n'
    folder = pack("evil", "name: evil\n", {"speech.j2": template, "part.txt": "<p>ok</p>\n\n<p>{{ oops }}</p>\n"})
    result = run_cli("render", outline, "-o", tmp_path / "out.docx", "-d", folder)
    assert result.exit_code == 1
    assert f"Error: {folder / 'templates' / 'part.txt'}:3: undefined name" in result.output


def test_escape_exits_1_in_a_real_process(outline, pack, tmp_path) -> None:
    template = '{% extends "base/speech.j2" %}\n{% block title %}{{ "".__class__.__mro__ }}{% endblock %}\n'
    folder = pack("evil", "name: evil\n", {"speech.j2": template})
    out = tmp_path / "out.docx"
    result = run_process("render", outline, "-o", out, "-d", folder)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {folder / 'templates' / 'speech.j2'}:2: ")
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_style_the_profile_lacks_is_reported_with_the_pack_template(tmp_path, write, run_cli) -> None:
    write("pack/department.yaml", "name: 测试局\n")
    template = write("pack/templates/speech.j2", """
        {% extends "base/speech.j2" %}
        {% block closing %}<p style="closng">谢谢！</p>{% endblock %}
        """)
    outline = write("talk.yaml", "kind: speech\ntitle: 标题\n")
    result = run_cli("render", outline, "-o", tmp_path / "talk.docx", "--department", tmp_path / "pack")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {template}: uses style 'closng', which the style profile "
                                    "does not define")
    assert not (tmp_path / "talk.docx").exists()


@pytest.mark.parametrize("name, author", [
    ("speech", "李明"),                      # speaker
    ("party-lecture", ""),                   # the example names no speaker: nothing is made up
    ("minutes", "城镇化发展研究会秘书处"),   # issuer
    ("article", "周明远"),                   # the first of the authors
    ("commentary", "Chen Mingzhi"),          # author
    ("report", "市自然资源和规划局"),        # issuer
])
def test_core_properties_name_the_author_of_every_kind(tmp_path, run_cli, name: str, author: str) -> None:
    out = tmp_path / f"{name}.docx"
    assert run_cli("render", REPO / "outlines" / f"{name}.yaml", "-o", out).exit_code == 0
    assert docx.Document(str(out)).core_properties.author == author


@pytest.mark.parametrize("keys, author", [
    ({"signature": "市政府办公室"}, "市政府办公室"),
    ({"issuer": "市政府", "signature": "市政府办公室"}, "市政府"),
])
def test_a_report_is_authored_by_its_issuer_else_its_signature(write, render_docx, keys: dict,
                                                               author: str) -> None:
    path = write("o.yaml", yaml.safe_dump({"kind": "report", "title": "标题", **keys}, allow_unicode=True))
    assert render_docx(path).core_properties.author == author