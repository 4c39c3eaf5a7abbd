"""Previews as a reader sees them: every example outline through LibreOffice to PDF and PNG, the
page geometry and page numbers read back from the PDF (pdftotext -bbox-layout), a table of
contents filled with the pages its headings are on, and what happens without LibreOffice."""

from __future__ import annotations

import dataclasses
import math
import random
import re
import shutil
import stat
import struct
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import Result
from conftest import OUTLINES, needs_soffice, run_process, soffice

from drafter.compose.blocks import Paragraph, Run, TableOfContents
from drafter.compose.templates import builtin_dir
from drafter.docx.profile import Profile, load_profile
from drafter.docx.writer import DocumentInfo, TocEntry, write_docx
from drafter.office.fonts import ROLES, fontconfig_file, resolve
from drafter.office.libreoffice import Office, OfficeError, parse_toc
from drafter.office.preview import (
    PageRange,
    PagesError,
    PreviewRequest,
    has_toc_field,
    parse_pages,
    preview,
)
from drafter.outline.load import load_outline
from drafter.pipeline.render import Renderer
from drafter.text.numbering import chinese_numeral

MM = 72 / 25.4            # PDF points per millimetre
TW_MM = 25.4 / 1440       # millimetres per twip
TOLERANCE_MM = 1.0
EXAMPLES = sorted(OUTLINES.glob("*.yaml"))
OFFICIAL = {"notice", "request", "letter", "meeting-minutes", "order"}
XHTML = "{http://www.w3.org/1999/xhtml}"
NO_LINE_START = set("，。、；：？！）》」』”’】〕〉…—％·")   # GB/T 15834: never at a line's start
NO_LINE_END = set("（《「『“‘【〔〈")                          # never at a line's end
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


# -- reading a PDF the way a reader sees it ----------------------------------------------------

@dataclass(frozen=True)
class Line:
    """A line of text on a page: its box in millimetres from the top-left corner, and its text."""

    left: float
    top: float
    right: float
    bottom: float
    text: str


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]


def read_pdf(pdf: Path) -> list[Page]:
    """Every page's lines, top to bottom, from ``pdftotext -bbox-layout``."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    pages = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), 1):
        lines = [Line(float(line.get("xMin")) / MM, float(line.get("yMin")) / MM,
                      float(line.get("xMax")) / MM, float(line.get("yMax")) / MM,
                      "".join((w.text or "") for w in line.iter(f"{XHTML}word")))
                 for line in page.iter(f"{XHTML}line")]
        pages.append(Page(number, float(page.get("width")) / MM, float(page.get("height")) / MM,
                          sorted(lines, key=lambda ln: ln.top)))
    return pages


@dataclass(frozen=True)
class Geometry:
    """What the style profile promises, in millimetres."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    pitch: float
    lines_per_page: int
    chars_per_line: int
    char_width: float

    @classmethod
    def of(cls, profile: Profile) -> Geometry:
        page, body = profile.page, profile.style("body")
        char = (body.half_points * 10 + body.spacing_twentieths) * TW_MM
        lines = round((page.height - page.top - page.bottom) / page.line_pitch) if page.line_pitch else 0
        return cls(page.width * TW_MM, page.height * TW_MM, page.top * TW_MM, page.bottom * TW_MM,
                   page.left * TW_MM, page.right * TW_MM, page.line_pitch * TW_MM, lines,
                   page.chars_per_line, char)

    def on(self, page: Page) -> Geometry:
        """The geometry of ``page``: a landscape page (a wide table's) has the page and its
        margins turned with the sheet (top and left are the portrait left and bottom)."""
        if page.width <= page.height:
            return self
        return dataclasses.replace(self, width=self.height, height=self.width, top=self.left,
                                   bottom=self.right, left=self.bottom, right=self.top)

    def _is_footer(self, line: Line) -> bool:
        """Below the text block; on a landscape page, left of it (the page number turned onto the
        sheet's foot, drafter/docx/turnedfooter.py)."""
        if self.width > self.height:
            return line.right <= self.left
        return line.top >= self.height - self.bottom

    def body_lines(self, page: Page) -> list[Line]:
        """The lines inside the text block (the footer's page number sits outside it)."""
        return [ln for ln in page.lines if not self._is_footer(ln)]

    def footer_lines(self, page: Page) -> list[Line]:
        return [ln for ln in page.lines if self._is_footer(ln)]


def pdf_page_size(pdf: Path) -> tuple[float, float, int]:
    """Width and height of the first page in mm, and the page count, from pdfinfo."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return float(width) / MM, float(height) / MM, pages


def png_size(path: Path) -> tuple[int, int]:
    """Pixel width and height from a PNG's header."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- rendering the examples once per module ---------------------------------------------------

@dataclass(frozen=True)
class Rendered:
    outline: Path
    docx: Path
    pdf: Path
    pngs: list[Path]
    pages: list[Page]
    geometry: Geometry
    profile: Profile
    title: str
    stderr: str


_CACHE: dict[Path, Rendered] = {}


def render_with_preview(outline: Path, folder: Path, *extra: str) -> Rendered:
    """``drafter render OUTLINE --pdf --png --pages 1`` in a real process, then read the PDF."""
    out = folder / f"{outline.stem}.docx"
    done = run_process("render", outline, "-o", out, "--pdf", "--png", "--pages", "1", *extra)
    assert done.returncode == 0, done.stderr
    parsed = load_outline(outline)
    profile = Renderer().profile(parsed.kind)
    pdf = out.with_suffix(".pdf")
    return Rendered(outline, out, pdf, sorted(folder.glob(f"{outline.stem}-*.png")), read_pdf(pdf),
                    Geometry.of(profile), profile, getattr(parsed.document, "title", ""), done.stderr)


@pytest.fixture
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The example outline ``request.param`` rendered with --pdf --png (once per test session)."""
    outline: Path = request.param
    if outline not in _CACHE:
        _CACHE[outline] = render_with_preview(outline, tmp_path_factory.mktemp(outline.stem))
    return _CACHE[outline]


def examples(outlines: list[Path]) -> pytest.MarkDecorator:
    """Parametrize a test over these example outlines, each rendered by the ``example`` fixture."""
    assert outlines, "no example outline has what this test checks"
    return pytest.mark.parametrize("example", outlines, ids=[p.stem for p in outlines], indirect=True)


def _profile(outline: Path) -> Profile:
    return Renderer().profile(load_outline(outline).kind)


every_example = examples(EXAMPLES)
examples_with_page_numbers = examples([p for p in EXAMPLES if _profile(p).page_numbers.enabled])
examples_with_a_grid = examples([p for p in EXAMPLES if _profile(p).page.chars_per_line
                                 and _profile(p).language.startswith("zh")])
examples_with_a_toc = examples([p for p in EXAMPLES if getattr(load_outline(p).document, "toc", False)])


def generated_speech(paragraphs: int, seed: int) -> dict:
    """A long speech of generated Chinese text (vocabulary shuffled by a seeded generator)."""
    words = ("统筹 推进 完善 机制 提升 质量 服务 群众 创新 改革 保障 落实 协调 城市 乡村 产业 治理 能力 体系 "
             "规划 项目 资金 政策 安全 生态 环境 文化 教育 医疗 就业 民生 基层 数字 经济 社会 科技 人才 水平 "
             "结构 布局 功能 效率 标准 制度 责任 目标 任务 措施 成效 重点 领域 环节 基础 条件 资源 空间").split()
    rng = random.Random(seed)

    def sentence() -> str:
        clauses = ["".join(rng.choice(words) for _ in range(rng.randint(3, 7))) for _ in range(rng.randint(2, 4))]
        return "，".join(clauses) + "。"

    return {
        "kind": "speech",
        "title": "关于" + "".join(rng.choice(words) for _ in range(4)) + "的几点思考",
        "subtitle": "在专题学习会上的发言",
        "speaker": "王某",
        "salutation": "同志们",
        "opening": ["".join(sentence() for _ in range(rng.randint(5, 9))) for _ in range(paragraphs)],
        "closing": ["谢谢大家！"],
    }


@pytest.fixture(scope="module")
def long_speech(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """A generated speech of about eight pages of plain body text, rendered with --pdf."""
    folder = tmp_path_factory.mktemp("long")
    outline = folder / "long.yaml"
    outline.write_text(yaml.safe_dump(generated_speech(24, seed=9705), allow_unicode=True), encoding="utf-8")
    return render_with_preview(outline, folder)


# -- every example, as a reader sees it ---------------------------------------------------------

def test_there_are_examples_to_check() -> None:
    assert any(p.stem == "speech" for p in EXAMPLES), EXAMPLES


@needs_soffice
@needs_poppler
@every_example
def test_example_pdf_has_the_profiles_paper_and_the_title_on_page_one(example: Rendered) -> None:
    width, height, count = pdf_page_size(example.pdf)
    assert abs(width - example.geometry.width) < 0.5 and abs(height - example.geometry.height) < 0.5
    assert count == len(example.pages) >= 1
    # a 公文's title comes after its header (份号, mark, number, red line: tests/test_gongwen.py)
    if example.outline.stem in ("meeting-minutes", "order"):
        pytest.skip("minutes and orders without a title: the red mark heads page one (tests/test_gongwen*.py)")
    lines = 12 if example.outline.stem in OFFICIAL else 4
    top_of_page_one = example.geometry.body_lines(example.pages[0])[:lines]
    assert example.title and squeeze(example.title) in squeeze("".join(ln.text for ln in top_of_page_one))


@needs_soffice
@needs_poppler
@every_example
def test_example_text_stays_inside_the_margins(example: Rendered) -> None:
    for page in example.pages:
        g = example.geometry.on(page)
        if page.number == 1 and example.outline.stem == "letter":
            continue  # the letterhead sits above the text block by design (tests/test_gongwen.py)
        for line in g.body_lines(page):
            where = f"page {page.number}, line {line.text[:12]!r}"
            assert line.left >= g.left - TOLERANCE_MM, where
            assert line.right <= g.width - g.right + TOLERANCE_MM, where
            assert line.top >= g.top - TOLERANCE_MM, where
            assert line.bottom <= g.height - g.bottom + TOLERANCE_MM, where


@needs_soffice
@needs_poppler
@examples_with_page_numbers
def test_example_page_numbers_alternate_sides(example: Rendered) -> None:
    numbers, g = example.profile.page_numbers, example.geometry
    edge = numbers.edge_tw * TW_MM
    for page in example.pages:
        g = example.geometry.on(page)
        if example.outline.stem in OFFICIAL:
            continue  # unnumbered 版记 and letter pages, measured in tests/test_gongwen.py
        footer = g.footer_lines(page)
        assert len(footer) == 1, f"page {page.number}: footer lines {footer}"
        line = footer[0]
        assert squeeze(line.text) == squeeze(f"{numbers.before}{page.number}{numbers.after}")
        if g.width > g.height:
            continue  # turned onto the sheet's foot: measured in tests/test_landscape_numbers.py
        side = numbers.odd if page.number % 2 else numbers.even
        if side == "right":
            assert abs((g.width - line.right) - (g.right + edge)) < TOLERANCE_MM, (page.number, line)
        elif side == "left":
            assert abs(line.left - (g.left + edge)) < TOLERANCE_MM, (page.number, line)
        else:
            assert abs((line.left + line.right) / 2 - (g.left + g.width - g.right) / 2) < TOLERANCE_MM


@needs_soffice
@needs_poppler
@examples_with_a_grid
def test_example_full_lines_of_chinese_text_have_the_grids_characters(example: Rendered) -> None:
    checked = check_full_lines(example.pages, example.geometry)
    assert checked > 0


@needs_soffice
@every_example
def test_example_png_is_page_one_at_100_dpi(example: Rendered) -> None:
    assert [p.name for p in example.pngs] == [f"{example.outline.stem}-1.png"]
    width, height = png_size(example.pngs[0])
    # pdftoppm rounds a page's size in pixels up
    assert (width, height) == (math.ceil(example.geometry.width / 25.4 * 100),
                               math.ceil(example.geometry.height / 25.4 * 100))


def check_full_lines(pages: list[Page], g: Geometry) -> int:
    """Every line followed by another line of its paragraph is full: the grid's characters, counting
    the first-line indent, less only characters moved down by the line-breaking rules. Returns how
    many lines were checked."""
    checked = 0
    for page in pages:
        lines = g.body_lines(page)
        for line, after in zip(lines, lines[1:]):
            continues = abs(after.left - g.left) < g.char_width / 2       # the next line is a continuation
            chinese = line.text and not re.search(r"[\x20-\x7e]", line.text + after.text)
            if not (continues and chinese) or after.top - line.top > g.pitch * 1.5:
                continue
            if abs((line.right - line.left) / len(line.text) - g.char_width) > g.char_width * 0.05:
                continue  # another size than the body's (a 四号 note): not a line of the grid
            indent = round((line.left - g.left) / g.char_width)
            short = g.chars_per_line - indent - len(line.text)
            moved = 0 < short <= 2 and len(after.text) > short and (
                after.text[short] in NO_LINE_START or after.text[short - 1] in NO_LINE_END)
            assert short == 0 or moved, (f"page {page.number}: {indent} + {len(line.text)} characters in "
                                         f"{line.text!r} (next line {after.text[:6]!r})")
            checked += 1
    return checked


# -- the grid on full pages ---------------------------------------------------------------------

@needs_soffice
@needs_poppler
def test_full_body_pages_have_22_lines(long_speech: Rendered) -> None:
    g, pages = long_speech.geometry, long_speech.pages
    assert len(pages) >= 4, "the generated speech should run to several full pages"
    assert g.lines_per_page == 22
    for page in pages[1:-1]:
        lines = g.body_lines(page)
        assert len(lines) == 22, f"page {page.number} has {len(lines)} lines"
        gaps = [b.top - a.top for a, b in zip(lines, lines[1:])]
        assert max(gaps) - min(gaps) < 0.2 and abs(sum(gaps) / len(gaps) - g.pitch) < 0.05


@needs_soffice
@needs_poppler
def test_full_body_lines_have_28_characters(long_speech: Rendered) -> None:
    g = long_speech.geometry
    assert g.chars_per_line == 28
    assert check_full_lines(long_speech.pages, g) >= 100


@needs_soffice
@needs_poppler
def test_title_lines_take_one_grid_line_each(long_speech: Rendered) -> None:
    """The 二号 title is taller than the body font; it still takes one line of the grid, as in Word."""
    g = long_speech.geometry
    title, subtitle, speaker = g.body_lines(long_speech.pages[0])[:3]
    assert squeeze(title.text) == squeeze(long_speech.title) and "王某" in speaker.text
    centres = [(ln.top + ln.bottom) / 2 for ln in (title, subtitle, speaker)]
    for upper, lower in zip(centres, centres[1:]):
        assert abs((lower - upper) - g.pitch) < TOLERANCE_MM, centres


@needs_soffice
@needs_poppler
def test_text_block_margins_within_1mm(long_speech: Rendered) -> None:
    """Margins of the 22-line block. An exact line height puts the leading above the text, so a
    line's cell is one pitch tall and ends at the bottom of its text box."""
    g = long_speech.geometry
    for page in long_speech.pages[1:-1]:
        lines = g.body_lines(page)
        top = lines[0].bottom - g.pitch
        bottom = g.height - lines[-1].bottom
        left = min(ln.left for ln in lines)
        right = g.width - max(ln.right for ln in lines)
        assert abs(top - 37) <= TOLERANCE_MM, f"page {page.number}: top margin {top:.2f} mm"
        assert abs(bottom - 35) <= TOLERANCE_MM, f"page {page.number}: bottom margin {bottom:.2f} mm"
        assert abs(left - 28) <= TOLERANCE_MM, f"page {page.number}: left margin {left:.2f} mm"
        assert abs(right - 26) <= TOLERANCE_MM, f"page {page.number}: right margin {right:.2f} mm"


# -- fonts ----------------------------------------------------------------------------------------

def fonts_conf_preferences() -> dict[str, list[str]]:
    """Official name → stand-in families, as drafter's fonts.conf maps them."""
    root = ET.parse(fontconfig_file()).getroot()
    mapped: dict[str, list[str]] = {}
    for alias in root.iter("alias"):
        assert alias.get("binding") == "same", ET.tostring(alias)
        mapped[alias.findtext("family")] = [f.text for f in alias.find("prefer").iter("family")]
    for match in root.iter("match"):
        name = match.find("test").findtext("string")
        mapped[name] = [e.findtext("string") for e in match.iter("edit") if e.get("name") == "family"]
    return mapped


def test_fonts_conf_maps_every_official_name_to_its_stand_ins() -> None:
    mapped = fonts_conf_preferences()
    for role in ROLES:
        for name in role.names:
            assert mapped.get(name) == [s.family for s in role.stand_ins], name
    root = ET.parse(fontconfig_file()).getroot()
    assert root.find("include").text == "/etc/fonts/fonts.conf"


def test_the_profile_names_only_fonts_the_preview_maps() -> None:
    profile = load_profile([builtin_dir() / "profiles" / "gbt9704.yaml"])
    named = {s.font for s in profile.styles.values()} | {s.latin_font for s in profile.styles.values()}
    named |= {profile.page_numbers.font}
    mapped = {name for role in ROLES for name in role.names}
    assert named <= mapped, named - mapped


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig is not installed")
def test_each_official_name_resolves_to_a_stand_in() -> None:
    for role in ROLES:
        for name in role.names:
            found = resolve(name, role)
            assert found.stand_in is not None, f"{name} → {found.family}"
            if role.bold:
                assert found.style == "Bold", f"{name} → {found.family} {found.style}"


@needs_soffice
@needs_poppler
def test_the_pdf_draws_each_role_with_its_stand_in(tmp_path: Path) -> None:
    rendered = render_with_preview(OUTLINES / "speech.yaml", tmp_path)
    fonts = subprocess.run(["pdffonts", str(rendered.pdf)], capture_output=True, text=True, check=True).stdout
    squeezed = fonts.replace(" ", "")
    for family in ("AR PL UKai CN", "Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif"):
        postscript = {"AR PL UKai CN": "UKaiCN", "Noto Serif CJK SC": "NotoSerifCJK",
                      "Noto Sans CJK SC": "NotoSansCJK", "Liberation Serif": "LiberationSerif"}[family]
        assert postscript in squeezed, f"{family} is not in the PDF:\n{fonts}"
    assert "NotoSerifCJKjp-Bold" in squeezed or "NotoSerifCJKsc-Bold" in squeezed, fonts
    assert "DejaVu" not in fonts, fonts


# -- the table of contents -----------------------------------------------------------------------

def report_blocks(sections: int, seed: int) -> list[Paragraph | TableOfContents]:
    """A report-like block stream: title, a TOC, then numbered level-1 and level-2 headings with text."""
    rng = random.Random(seed)
    words = "发展 改革 建设 治理 服务 保障 规划 创新 安全 生态 民生 产业 人才 科技 文化".split()
    blocks: list[Paragraph | TableOfContents] = [Paragraph("title", (Run("工作情况报告"),)), TableOfContents(2)]
    for i in range(1, sections + 1):
        heading = f"{chinese_numeral(i)}、" + "".join(rng.sample(words, 4))
        blocks.append(Paragraph("heading1", (Run(heading),)))
        for j in range(1, rng.randint(2, 4)):
            blocks.append(Paragraph("heading2", (Run(f"（{chinese_numeral(j)}）" + "".join(rng.sample(words, 3))),)))
            text = "。".join("".join(rng.choice(words) for _ in range(rng.randint(6, 12)))
                            for _ in range(rng.randint(4, 16))) + "。"
            blocks.append(Paragraph("body", (Run(text),)))
    return blocks


@needs_soffice
@needs_poppler
def test_toc_lists_every_level1_heading_with_the_page_it_is_on(tmp_path: Path) -> None:
    profile = load_profile([builtin_dir() / "profiles" / "gbt9704.yaml"])
    blocks = report_blocks(14, seed=2012)      # a TOC longer than a page: it moves what follows
    info = DocumentInfo("工作情况报告")
    target = tmp_path / "report.docx"
    target.write_bytes(write_docx(blocks, profile, info))

    result = preview(target, PreviewRequest(pdf=tmp_path / "report.pdf"),
                     lambda toc: target.write_bytes(write_docx(blocks, profile, info, toc)))

    headings = [b.text for b in blocks if isinstance(b, Paragraph) and b.style == "heading1"]
    level1 = [e for e in result.toc if e.level == 1]
    assert [e.text for e in level1] == headings
    assert any(e.level == 2 for e in result.toc)
    assert not [p for p in read_pdf(result.pdf)[0].lines if "目录：" in p.text]   # no placeholder left
    check_filled_toc(target, result.pdf, Geometry.of(profile))
    assert len({int(e.page) for e in level1}) > 3


def check_filled_toc(docx_path: Path, pdf: Path, geometry: Geometry) -> None:
    """The saved DOCX lists every level-1 heading in its TOC (Word's "toc 1" style, inside the TOC
    field), and in the PDF each of those headings is on the page its entry names."""
    document = docx.Document(str(docx_path))
    headings = [p.text for p in document.paragraphs if p.style.name.lower() == "heading 1"]
    entries = [p.text.rsplit("\t", 1) for p in document.paragraphs if p.style.name.lower() == "toc 1"]
    assert [text for text, _ in entries] == headings and headings
    assert all(page.isdigit() for _, page in entries), entries
    assert re.search(r'TOC \\o "1-\d"', document.element.xml)
    # the reader's view: the text after the TOC (its last dotted line), page by page
    pages = read_pdf(pdf)
    stream: list[tuple[int, str]] = []
    for page in pages:
        for line in geometry.body_lines(page):
            if "..." in line.text:
                stream.clear()
                continue
            stream.extend((page.number, ch) for ch in squeeze(line.text))
    text = "".join(ch for _, ch in stream)
    position = 0
    for heading, page in entries:
        found = text.find(squeeze(heading), position)
        assert found >= 0, f"heading {heading!r} is not in the PDF after the TOC"
        assert stream[found][0] == int(page), f"{heading!r} is on page {stream[found][0]}, the TOC says {page}"
        position = found + 1
    dotted = [squeeze(ln.text) for page in pages for ln in page.lines if "..." in ln.text]
    for heading, page in entries:
        assert any(ln.endswith("." + page) and squeeze(heading)[-4:] in ln for ln in dotted), (heading, page)


@needs_soffice
@needs_poppler
@examples_with_a_toc
def test_example_toc_is_filled_with_the_pages_its_headings_are_on(example: Rendered) -> None:
    assert has_toc_field(example.docx)
    assert "Filled the table of contents" in example.stderr
    check_filled_toc(example.docx, example.pdf, example.geometry)


def test_parse_toc_reads_levels_texts_and_pages() -> None:
    text = "#index 0\nContents Heading\t目录\nContents 1\t一、总体情况\t2\nContents 2\t（一）做法\t3\n\n#index 1\n"
    assert parse_toc(text) == [[TocEntry(1, "一、总体情况", "2"), TocEntry(2, "（一）做法", "3")], []]


def test_docx_without_filled_toc_keeps_a_field_word_updates() -> None:
    profile = load_profile([builtin_dir() / "profiles" / "gbt9704.yaml"])
    package = write_docx(report_blocks(2, seed=1), profile, DocumentInfo("t"))
    from io import BytesIO
    document = docx.Document(BytesIO(package))
    xml = document.element.xml
    assert 'w:dirty="true"' in xml and "update-fields" in xml
    assert {s.name for s in document.styles} >= {"toc 1", "toc 2"}


# -- the command line -----------------------------------------------------------------------------

@needs_soffice
def test_update_fields_on_an_outline_without_toc_writes_only_the_docx(tmp_path: Path,
                                                                     run_cli: Callable[..., Result]) -> None:
    out = tmp_path / "speech.docx"
    result = run_cli("render", OUTLINES / "speech.yaml", "-o", out, "--update-fields")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["speech.docx"]
    plain = tmp_path / "plain" / "speech.docx"
    plain.parent.mkdir()
    assert run_cli("render", OUTLINES / "speech.yaml", "-o", plain).exit_code == 0
    assert out.read_bytes() == plain.read_bytes(), "no table of contents: nothing to fill in, the same DOCX"


@needs_soffice
def test_png_pages_range(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    out = tmp_path / "speech.docx"
    result = run_cli("render", OUTLINES / "speech.yaml", "-o", out, "--pages", "2-3", "--dpi", "40")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["speech-2.png", "speech-3.png", "speech.docx"]
    assert png_size(tmp_path / "speech-2.png") == (math.ceil(210 / 25.4 * 40), math.ceil(297 / 25.4 * 40))


def test_missing_libreoffice_says_what_to_install_and_keeps_the_docx(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("DRAFTER_SOFFICE", raising=False)
    out = tmp_path / "speech.docx"
    done = run_process("render", OUTLINES / "speech.yaml", "-o", out, "--pdf")
    assert done.returncode == 1
    assert "apt-get install libreoffice-writer-nogui" in done.stderr and "Traceback" not in done.stderr
    assert out.is_file() and not out.with_suffix(".pdf").exists()


def test_drafter_soffice_pointing_nowhere_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      run_cli: Callable[..., Result]) -> None:
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    out = tmp_path / "speech.docx"
    result = run_cli("render", OUTLINES / "speech.yaml", "-o", out, "--png")
    assert result.exit_code == 1
    assert "DRAFTER_SOFFICE" in result.output and "no-such-soffice" in result.output
    assert out.is_file()


def test_bad_page_range_is_a_usage_error(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("render", OUTLINES / "speech.yaml", "-o", tmp_path / "s.docx", "--pages", "3-1")
    assert result.exit_code == 2 and "3-1" in result.output
    assert not (tmp_path / "s.docx").exists()


@pytest.mark.parametrize("text, expected", [("1", PageRange(1, 1)), ("1-2", PageRange(1, 2)),
                                            ("3-", PageRange(3, None)), (" 2 - 4 ", PageRange(2, 4))])
def test_parse_pages(text: str, expected: PageRange) -> None:
    assert parse_pages(text) == expected


@pytest.mark.parametrize("text", ["", "0", "2-1", "a", "1,2", "-3"])
def test_parse_pages_rejects(text: str) -> None:
    with pytest.raises(PagesError):
        parse_pages(text)


# -- LibreOffice sessions -------------------------------------------------------------------------

def test_a_hung_office_is_stopped_with_its_children(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in soffice that never finishes: the timeout ends it and everything it started."""
    pid_file = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pid_file}\nwait\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    docx_path = tmp_path / "a.docx"
    docx_path.write_bytes(b"not used")
    with Office(str(fake), timeout=2) as office, pytest.raises(OfficeError, match="did not finish"):
        office.to_pdf(docx_path, tmp_path / "a.pdf")
    child = int(pid_file.read_text())
    for _ in range(50):
        if not Path(f"/proc/{child}").exists() or "Z" in _proc_state(child):
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or "Z" in _proc_state(child)


def _proc_state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return "Z"


@needs_soffice
def test_a_document_libreoffice_cannot_open_is_an_error_naming_it(tmp_path: Path,
                                                                  run_cli: Callable[..., Result]) -> None:
    good = tmp_path / "speech.docx"
    assert run_cli("render", OUTLINES / "speech.yaml", "-o", good).exit_code == 0
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[:3000])       # a cut-off zip
    with Office() as office:
        with pytest.raises(OfficeError, match=r"broken\.docx to PDF: it cannot open the document"):
            office.to_pdf(broken, tmp_path / "broken.pdf")
        with pytest.raises(OfficeError, match="table of contents of .*broken.docx"):
            office.toc(broken)
    assert not (tmp_path / "broken.pdf").exists()


@needs_soffice
@needs_poppler
def test_parallel_conversions_do_not_collide(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    source = tmp_path / "speech.docx"
    assert run_cli("render", OUTLINES / "speech.yaml", "-o", source).exit_code == 0
    errors: list[BaseException] = []

    def convert(n: int) -> None:
        try:
            with Office() as office:
                office.to_pdf(source, tmp_path / f"copy{n}.pdf")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=convert, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    texts = {squeeze(subprocess.run(["pdftotext", str(tmp_path / f"copy{n}.pdf"), "-"], capture_output=True,
                                    text=True, check=True).stdout) for n in range(3)}
    assert len(texts) == 1 and "以新理念引领城市更新" in texts.pop()


# -- drafter doctor --------------------------------------------------------------------------------

@needs_soffice
@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig is not installed")
def test_doctor_reports_office_and_each_font(run_cli: Callable[..., Result]) -> None:
    # Expected values come from the tools themselves, not from the code doctor runs: the version
    # soffice reports, and for each official name the first stand-in that fontconfig has installed.
    version = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=120).stdout
    installed = {family.strip() for line in subprocess.run(["fc-list", ":", "family"], capture_output=True,
                                                           text=True, check=True).stdout.splitlines()
                 for family in line.split(",")}
    result = run_cli("doctor")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert f"ok      {version.strip()}  ({soffice()})" in lines
    for role in ROLES:
        stand_in = next(s for s in role.stand_ins if s.family in installed)
        for name in role.names:
            shown = [line for line in lines if re.match(rf"\w+ +{re.escape(name)} → ", line)]
            assert len(shown) == 1, (name, shown)
            style = "Bold" if role.bold else "(Regular|Book)"  # 小标宋 is drawn bold
            assert re.fullmatch(rf"ok +{re.escape(name)} → {re.escape(stand_in.family)} {style}"
                                rf"  \({re.escape(stand_in.package)}\)", shown[0]), shown[0]
    assert lines[-1] == "Everything previews need is installed."


def test_doctor_without_office_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    run_cli: Callable[..., Result]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DRAFTER_SOFFICE", raising=False)
    result = run_cli("doctor")
    assert result.exit_code == 1
    assert "apt-get install libreoffice-writer-nogui poppler-utils" in result.output
