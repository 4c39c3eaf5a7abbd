"""The full 公文 (GB/T 9704-2012): 版头, 版记, the notice/request/letter/meeting-minutes kinds.

Measured as a reader sees it: LibreOffice's PDF of each document (drafter's preview fonts),
read with PyMuPDF — glyph boxes, drawn rules and, for the red mark, the red pixels of the page —
against the standard's numbers within ±1 mm; and the DOCX opened with python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
import pytest

from drafter.compose.blocks import Record
from drafter.docx.pagination import predict
from drafter.outline.load import load_outline, parse_outline
from drafter.pipeline.render import Renderer
from drafter.text.docnumber import normalise_doc_number
from tests.conftest import OUTLINES, REPO, needs_soffice

fitz = pytest.importorskip("fitz")

MM = 72 / 25.4
TOP, BOTTOM, LEFT, RIGHT = 37.0, 262.0, 28.0, 184.0   # the GB/T 9704 text block, mm from the page's top/left
PITCH = 579 / 1440 * 25.4                             # one grid line, mm
RED = (1.0, 0.0, 0.0)


# -- measuring a PDF page ------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """A horizontal line drawn on the page, in mm."""

    x0: float
    x1: float
    y: float
    width: float
    color: tuple[float, ...]

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class Text:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    color: int


def rules(page: fitz.Page) -> list[Rule]:
    """Horizontal lines (LibreOffice draws each border twice; duplicates are merged)."""
    found: dict[tuple[float, float, float], Rule] = {}
    for drawing in page.get_drawings():
        rect = drawing["rect"]
        if rect.height > 0.5 or not drawing.get("color"):
            continue
        rule = Rule(rect.x0 / MM, rect.x1 / MM, rect.y0 / MM, drawing.get("width") or 0,
                    tuple(round(c, 2) for c in drawing["color"]))
        found[(round(rule.x0, 1), round(rule.x1, 1), round(rule.y, 1))] = rule
    return sorted(found.values(), key=lambda r: r.y)


def texts(page: fitz.Page) -> list[Text]:
    """Lines of text with their boxes in mm (spans of one line joined)."""
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = line["spans"]
            text = "".join(s["text"] for s in spans).replace(" ", "")
            if text:
                x0, y0, x1, y1 = line["bbox"]
                out.append(Text(text, x0 / MM, x1 / MM, y0 / MM, y1 / MM, spans[0]["color"]))
    return out


def ink_rows(page: fitz.Page, predicate, zoom: int = 4) -> list[tuple[float, float, float, float]]:
    """Bands of pixel rows where ``predicate(r, g, b)`` holds: (top, bottom, left, right) in mm."""
    import numpy as np

    pix = page.get_pixmap(matrix=fitz.Matrix(zoom, zoom))
    pixels = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)
    mask = predicate(pixels[:, :, 0].astype(int), pixels[:, :, 1].astype(int), pixels[:, :, 2].astype(int))
    rows = np.where(mask.any(axis=1))[0]
    bands: list[list[int]] = []
    for row in rows:
        if bands and row - bands[-1][1] <= 2:
            bands[-1][1] = row
        else:
            bands.append([row, row])
    out = []
    for top, bottom in bands:
        cols = np.where(mask[top:bottom + 1].any(axis=0))[0]
        scale = zoom * MM
        out.append((top / scale, (bottom + 1) / scale, cols[0] / scale, (cols[-1] + 1) / scale))
    return out


def red(r, g, b):  # noqa: ANN001, ANN201 - numpy arrays
    return (r > 180) & (g < 90) & (b < 90)


def dark(r, g, b):  # noqa: ANN001, ANN201
    return (r < 100) & (g < 100) & (b < 100)


def page_number(page: fitz.Page) -> str | None:
    """The "— n —" footer text of a page, if it has one."""
    for line in texts(page):
        if line.y0 > BOTTOM and line.text.startswith("—"):
            return line.text
    return None


# -- rendering ----------------------------------------------------------------------------------

@cache
def _pdf(outline: Path, department: Path | None, folder: Path) -> Path:
    from drafter.departments.pack import load_department
    from drafter.office.libreoffice import Office

    pack = load_department(department) if department else None
    parsed = load_outline(outline)
    if pack is not None:
        parsed = pack.apply_defaults(parsed)
    out = folder / f"{outline.stem}-{department.name if department else 'plain'}.docx"
    out.write_bytes(Renderer(department=pack).docx(parsed))
    with Office() as office:
        return office.to_pdf(out, out.with_suffix(".pdf"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gongwen")


def pdf_of(outline: Path, folder: Path, department: Path | None = None) -> fitz.Document:
    return fitz.open(_pdf(outline, department, folder))


def generated_notice(folder: Path, paragraphs: int, *, cc: bool = True, name: str = "generated") -> Path:
    """A notice of ``paragraphs`` paragraphs of 90 characters each (3.3 lines), with a 版记."""
    sentence = "各区要按照全市统一部署，扎实做好城市体检数据采集、问题排查和整改落实工作，确保各项任务按期完成。"
    body = "".join(f"  - {(sentence * 2)[:88 - len(str(i))]}{i}。\n" for i in range(paragraphs))
    record = "cc: [市委办公室, 市政府办公室]\nprinted_by: 江城市规划局办公室\nprinted_on: 2025-03-02\n" if cc else ""
    path = folder / f"{name}-{paragraphs}.yaml"
    path.write_text(f"kind: notice\ntitle: 关于做好城市体检工作的通知\nissuer_mark: 江城市规划局文件\n"
                    f"doc_number: 江规发〔2025〕3号\naddressee: 各区人民政府\nopening:\n{body}"
                    f"issuer: 江城市规划局\ndate: 2025-03-01\n{record}", encoding="utf-8")
    return path


# -- 发文字号 and bad input ------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "printed"), [
    ("江规发[2025]012号", "江规发〔2025〕12号"),
    ("江规发(2025)12号", "江规发〔2025〕12号"),
    ("江规发（2025）第3号", "江规发〔2025〕3号"),
    ("江规发【2025】7", "江规发〔2025〕7号"),
    ("江规发〔2025〕12号", "江规发〔2025〕12号"),
    ("〔2025〕5号", "江规发〔2025〕5号"),          # the pack's prefix
    ("第5期", "第5期"),                           # not a 发文字号: left as typed
])
def test_doc_numbers_are_printed_as_the_standard_writes_them(typed: str, printed: str) -> None:
    assert normalise_doc_number(typed, "江规发") == printed


@pytest.mark.parametrize(("line", "message"), [
    ('copy_number: "12a4"', "3:14: copy_number: copy_number '12a4' is not a copy number"),
    ("classification: 内部★1年", "3:17: classification: classification '内部★1年' names no secrecy level"),
    ("urgency: 很急", "3:10: urgency: expected '特急' or '加急'"),
])
def test_bad_header_values_are_refused_at_their_line_and_column(line: str, message: str, tmp_path: Path,
                                                                run_cli) -> None:  # noqa: ANN001
    outline = tmp_path / "bad.yaml"
    outline.write_text(f"kind: notice\ntitle: 关于测试的通知\n{line}\n", encoding="utf-8")
    result = run_cli("render", outline)
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.count("\n") <= 2
    assert not (tmp_path / "bad.docx").exists()


# -- the DOCX as python-docx sees it -------------------------------------------------------------

def test_notice_docx_holds_the_header_and_record_as_editable_paragraphs_and_styles(render_docx) -> None:  # noqa: ANN001
    document = render_docx(OUTLINES / "notice.yaml")
    styles = {p.style.name: p.text for p in document.paragraphs if p.text}
    assert styles["issuer_mark"] == "江城市自然资源和规划局文件"
    assert styles["doc_number"] == "江规发〔2025〕12号"
    assert styles["head_line"] == "000128" and styles["head_label"] == "加急"
    mark = document.styles["issuer_mark"]
    assert str(mark.font.color.rgb) == "FF0000"
    ppr = document.styles["doc_number"].element.pPr
    bottom = ppr.find(docx.oxml.ns.qn("w:pBdr")).find(docx.oxml.ns.qn("w:bottom"))
    assert bottom.get(docx.oxml.ns.qn("w:color")) == "FF0000"
    record = document.tables[-1]
    cells = [row.cells[0].text for row in record.rows]
    assert cells[0].startswith("抄送：市委办公室，") and cells[0].endswith("。")
    assert cells[1] == "江城市自然资源和规划局办公室\t2025年3月11日印发"


def test_request_puts_the_signer_on_the_number_line(render_docx) -> None:  # noqa: ANN001
    document = render_docx(OUTLINES / "request.yaml")
    line = next(p for p in document.paragraphs if p.style.name == "doc_number_up")
    assert line.text == "江规发〔2025〕27号\t签发人：周建国"
    assert any(p.text == "（联系人：林晓，联系电话：0571-88000000）" for p in document.paragraphs)


def test_a_long_mark_is_squeezed_to_the_width_not_wrapped(tmp_path: Path) -> None:
    outline = parse_outline("kind: notice\ntitle: 关于联合开展检查的通知\nissuer_mark: "
                            "江城市自然资源和规划局江城市住房和城乡建设局文件\n")
    xml = Renderer().docx(outline)
    import io
    import zipfile

    document = zipfile.ZipFile(io.BytesIO(xml)).read("word/document.xml").decode()
    scale = int(document.split('<w:w w:val="')[1].split('"')[0])
    # 25 characters of 60 pt in 156 mm: 442 pt / 1500 pt
    assert 25 <= scale <= 30


# -- page prediction ------------------------------------------------------------------------------

@needs_soffice
@pytest.mark.parametrize("paragraphs", [3, 9, 14, 20, 36])
def test_the_predicted_page_count_is_libreoffices(paragraphs: int, folder: Path) -> None:
    outline = generated_notice(folder, paragraphs, cc=False, name="plain")
    renderer = Renderer()
    parsed = load_outline(outline)
    predicted = predict(renderer.blocks(parsed), renderer.profile(parsed.kind))
    assert len(pdf_of(outline, folder)) == predicted.pages


# -- the header, measured -----------------------------------------------------------------------

def _header(page: fitz.Page) -> tuple[tuple[float, ...], Text, Rule]:
    mark = ink_rows(page, red)[0]
    number = next(t for t in texts(page) if "〔2025〕" in t.text)
    line = next(r for r in rules(page) if r.color[0] > 0.8 and max(r.color[1:]) < 0.3)
    return mark, number, line


@needs_soffice
@pytest.mark.parametrize("department", [None, REPO / "departments" / "planning-bureau-gongwen"],
                         ids=["plain", "red-header-pack"])
def test_notice_header_sits_where_the_standard_puts_it(folder: Path, department: Path | None) -> None:
    page = pdf_of(OUTLINES / "notice.yaml", folder, department)[0]
    mark, number, line = _header(page)
    assert abs(mark[0] - (TOP + 35)) <= 1, f"mark top {mark[0]:.2f} mm"
    assert LEFT - 0.5 <= mark[2] and mark[3] <= RIGHT + 0.5            # squeezed inside the block
    # the number: two blank lines below the mark's line, centred on the text block
    assert 2 * PITCH <= number.y0 - mark[1] <= 3 * PITCH
    assert abs((number.x0 + number.x1) / 2 - (LEFT + RIGHT) / 2) <= 1
    # the red line: as wide as the text block, 4 mm below the number's glyphs
    glyphs = [band for band in ink_rows(page, dark) if number.y0 - 1 < band[0] < number.y1]
    assert abs(line.x0 - LEFT) <= 1 and abs(line.length - 156) <= 1
    assert abs(line.y - glyphs[0][1] - 4) <= 1, f"red line {line.y - glyphs[0][1]:.2f} mm below the number"
    if department is None:
        assert line.color == RED
    else:  # the pack's own red
        colours = {tuple(round(c * 255) for c in r.color) for r in rules(page)}
        assert (0xE6, 0x00, 0x12) in colours


@needs_soffice
def test_request_header_has_the_number_left_and_the_signer_right(folder: Path) -> None:
    page = pdf_of(OUTLINES / "request.yaml", folder)[0]
    mark, number, line = _header(page)
    assert abs(mark[0] - (TOP + 35)) <= 1
    char = 16 / MM
    assert abs(number.x0 - (LEFT + char)) <= 1                         # flush left + 1 character
    signer = next(t for t in texts(page) if t.text.endswith("周建国"))
    assert abs(signer.y0 - number.y0) <= 0.5 and "签发人：" in signer.text or number.text.startswith("江规发")
    assert abs(signer.x1 - (RIGHT - char)) <= 1                        # 签发人 flush right − 1 character
    assert abs(line.length - 156) <= 1


# -- the record on an even last page, measured ------------------------------------------------------

def _check_record(document: fitz.Document) -> fitz.Page:
    last = document[-1]
    assert len(document) % 2 == 0, f"{len(document)} pages: the record's page must be even"
    drawn = [r for r in rules(last) if r.color == (0.0, 0.0, 0.0)]
    assert len(drawn) >= 2
    assert abs(drawn[-1].y - BOTTOM) <= 1, f"last rule at {drawn[-1].y:.2f} mm"
    assert all(abs(r.length - 156) <= 1 for r in drawn)
    assert drawn[0].width > drawn[1].width or len(drawn) == 2            # first thick, then thin
    lines = {t.text: t for t in texts(last)}
    cc = next(t for t in lines.values() if t.text.startswith("抄送："))
    printed = next(t for t in lines.values() if t.text.endswith("印发"))
    char = 14 / MM
    assert abs(cc.x0 - (LEFT + char)) <= 1 and abs(printed.x1 - (RIGHT - char)) <= 1
    assert drawn[-2].y < printed.y0 < printed.y1 < drawn[-1].y
    return last


@needs_soffice
@pytest.mark.parametrize("paragraphs", [3, 9, 14, 20, 50],
                         ids=["one page", "two pages", "odd with room", "even, full", "long, 10+ pages"])
def test_the_record_ends_an_even_page_on_the_text_blocks_bottom_edge(paragraphs: int, folder: Path) -> None:
    outline = generated_notice(folder, paragraphs)
    document = pdf_of(outline, folder)
    last = _check_record(document)
    renderer = Renderer()
    parsed = load_outline(outline)
    blocks = renderer.blocks(parsed)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Record))
    text_pages = predict(blocks[:index], renderer.profile(parsed.kind)).pages
    if len(document) > text_pages:  # a page of its own (after a blank one): no page numbers there
        assert page_number(last) is None
        if len(document) - text_pages == 2:
            assert page_number(document[-2]) is None and not texts(document[-2])
    else:                            # sharing the text's last (even) page, which keeps its number
        assert page_number(last) == f"—{len(document)}—"
    if paragraphs == 50:
        assert len(document) >= 10


@needs_soffice
@pytest.mark.parametrize("name", ["notice", "request"])
def test_example_records_end_an_even_page(name: str, folder: Path) -> None:
    _check_record(pdf_of(OUTLINES / f"{name}.yaml", folder))


@needs_soffice
def test_letter_has_its_mark_and_double_rules_on_page_one_only(folder: Path) -> None:
    document = pdf_of(OUTLINES / "letter.yaml", folder)
    first = document[0]
    bands = ink_rows(first, red)
    mark = bands[0]
    assert abs(mark[0] - 30) <= 1, f"mark top {mark[0]:.2f} mm below the page's top"
    reds = [r for r in rules(first) if r.color[0] > 0.8]
    top = [r for r in reds if r.y < 100]
    bottom = [r for r in reds if r.y > 200]
    assert len(top) == 2 and len(bottom) == 2
    assert all(abs(r.length - 170) <= 1 and abs((r.x0 + r.x1) / 2 - (LEFT + RIGHT) / 2) <= 1 for r in reds)
    assert top[0].width > top[1].width                          # thick over thin
    assert bottom[0].width < bottom[1].width                    # thin over thick
    assert abs(top[0].y - 0.5 - mark[1] - 4) <= 1                # 4 mm below the mark
    assert abs(297 - (bottom[0].y + bottom[1].y) / 2 - 20) <= 1  # 20 mm above the bottom edge
    number = next(t for t in texts(first) if t.text.endswith("9号"))
    assert abs(number.x1 - RIGHT) <= 1                           # flush right under the double line
    assert page_number(first) is None
    assert all(not ink_rows(page, red) for page in document[1:])  # the letterhead is page one's only
    last = document[-1]
    assert len(document) % 2 == 0 and not [r for r in rules(last) if r.color == (0.0, 0.0, 0.0)]
    assert any(t.text.startswith("抄送：") for t in texts(last))
    assert not any(t.text.endswith("印发") for t in texts(last))


@needs_soffice
def test_meeting_minutes_carry_the_red_minutes_mark_and_a_record(folder: Path) -> None:
    document = pdf_of(OUTLINES / "meeting-minutes.yaml", folder)
    first = document[0]
    mark = ink_rows(first, red)[0]
    assert abs(mark[0] - (TOP + 35)) <= 1
    assert any(t.text == "江城市规划委员会会议纪要" and t.color == 0xFF0000 for t in texts(first))
    labels = [t for page in document for t in texts(page) if t.text.startswith(("出席：", "请假：", "列席："))]
    assert [t.text[:3] for t in labels] == ["出席：", "请假：", "列席："]
    _check_record(document)


@pytest.mark.parametrize("name", ["notice", "request", "letter", "meeting-minutes"])
def test_kinds_doc_lists_every_key_of_the_official_kinds(name: str) -> None:
    import re

    from drafter.outline.kindinfo import outline_keys
    from drafter.outline.kinds import KINDS

    part = (REPO / "docs" / "kinds.md").read_text(encoding="utf-8").split(f"### `{name}`")[1].split("### ")[0]
    assert re.findall(r"^\| `([^`]+)` \|", part, flags=re.M) == [k.path for k in outline_keys(KINDS[name].model)]
