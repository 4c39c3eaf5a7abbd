"""The 公文's issuer mark beyond plain text: a department's mark as an image, joint issuers, and
the letter's later pages — measured in LibreOffice's PDF like tests/test_gongwen.py."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from drafter.departments.pack import load_department
from drafter.outline.load import load_outline, parse_outline
from drafter.pipeline.render import Renderer
from tests.conftest import OUTLINES, REPO, needs_soffice
from tests.test_gongwen import LEFT, PITCH, RIGHT, TOP, ink_rows, page_number, red, rules, texts

fitz = pytest.importorskip("fitz")

GONGWEN_PACK = REPO / "departments" / "planning-bureau-gongwen"
MARK_WIDTH_MM, MARK_PIXELS = 150.0, (1500, 220)   # printed 150 × 22 mm
LETTER_HEIGHT_MM = 15.0


def mark_png(path: Path, size: tuple[int, int] = MARK_PIXELS) -> Path:
    """A red 'artwork' mark: a filled red box (what a scanned 红头 looks like to a pixel count)."""
    from PIL import Image

    Image.new("RGB", size, (230, 0, 18)).save(path, dpi=(300, 300))
    return path


def image_pack(folder: Path, lines: str = "") -> Path:
    """A pack extending the red-header pack with a mark image (and ``lines`` more of department.yaml)."""
    folder.mkdir(parents=True, exist_ok=True)
    mark_png(folder / "mark.png")
    (folder / "department.yaml").write_text(
        f"extends: {GONGWEN_PACK}\n"
        f"mark_image: {{file: mark.png, width_mm: {MARK_WIDTH_MM:g}}}\n"
        f"letter_mark_image: {{file: mark.png, height_mm: {LETTER_HEIGHT_MM:g}}}\n{lines}", encoding="utf-8")
    return folder


def pdf(outline: Path, pack: Path | None, out: Path) -> fitz.Document:
    from drafter.office.libreoffice import Office

    department = load_department(pack) if pack else None
    parsed = load_outline(outline)
    if department is not None:
        parsed = department.apply_defaults(parsed)
    out.write_bytes(Renderer(department=department).docx(parsed))
    with Office() as office:
        return fitz.open(office.to_pdf(out, out.with_suffix(".pdf")))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("marks")


@pytest.fixture(scope="module")
def pack(folder: Path) -> Path:
    return image_pack(folder / "image-pack")


# -- the mark as an image ------------------------------------------------------------------------

def test_the_mark_image_is_a_centred_picture_in_its_own_styled_paragraph(pack: Path, render_docx) -> None:  # noqa: ANN001
    document = render_docx(OUTLINES / "notice.yaml", "-d", pack)
    paragraph = next(p for p in document.paragraphs if p.style.name == "issuer_mark_image")
    shapes = document.inline_shapes
    assert len(shapes) == 1
    assert abs(shapes[0].width.mm - MARK_WIDTH_MM) < 0.1
    assert abs(shapes[0].height.mm - MARK_WIDTH_MM * MARK_PIXELS[1] / MARK_PIXELS[0]) < 0.1
    assert paragraph.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert not any(p.style.name == "issuer_mark" for p in document.paragraphs)   # no text mark beside it
    assert any(p.style.name == "doc_number" for p in document.paragraphs)


def test_without_the_key_the_mark_stays_text(render_docx) -> None:  # noqa: ANN001
    document = render_docx(OUTLINES / "notice.yaml", "-d", GONGWEN_PACK)
    assert not document.inline_shapes
    assert any(p.style.name == "issuer_mark" and p.text for p in document.paragraphs)


def test_an_outline_naming_other_issuers_keeps_its_text_marks(pack: Path) -> None:
    outline = parse_outline("kind: notice\ntitle: 关于联合开展检查的通知\n"
                            "issuer_mark: [江城市自然资源和规划局, 江城市住房和城乡建设局]\n")
    blocks = Renderer(department=load_department(pack)).blocks(outline)
    assert not any(getattr(b, "style", None) == "issuer_mark_image" for b in blocks)


@needs_soffice
def test_the_mark_image_sits_where_the_text_mark_would(pack: Path, folder: Path) -> None:
    document = pdf(OUTLINES / "notice.yaml", pack, folder / "notice-image.docx")
    page = document[0]
    mark = ink_rows(page, red)[0]
    height = MARK_WIDTH_MM * MARK_PIXELS[1] / MARK_PIXELS[0]
    assert abs(mark[0] - (TOP + 35)) <= 1, f"image top {mark[0]:.2f} mm"
    assert abs(mark[1] - mark[0] - height) <= 1 and abs(mark[3] - mark[2] - MARK_WIDTH_MM) <= 1
    assert abs((mark[2] + mark[3]) / 2 - (LEFT + RIGHT) / 2) <= 1                   # centred
    number = next(t for t in texts(page) if "〔2025〕" in t.text)
    assert 2 * PITCH <= number.y0 - mark[1] <= 3 * PITCH                            # two lines below
    line = next(r for r in rules(page) if r.color[0] > 0.8)
    assert abs(line.length - 156) <= 1
    assert len(document) % 2 == 0                                                    # the record still ends even


@needs_soffice
def test_the_letter_mark_image_sits_30_mm_below_the_page_top(pack: Path, folder: Path, tmp_path: Path) -> None:
    outline = tmp_path / "letter.yaml"
    text = (OUTLINES / "letter.yaml").read_text(encoding="utf-8")
    outline.write_text("\n".join(line for line in text.splitlines() if not line.startswith("issuer_mark:")),
                       encoding="utf-8")
    document = pdf(outline, pack, folder / "letter-image.docx")
    first = document[0]
    mark = ink_rows(first, red)[0]
    assert abs(mark[0] - 30) <= 1, f"image top {mark[0]:.2f} mm below the page's top"
    assert abs(mark[1] - mark[0] - LETTER_HEIGHT_MM) <= 1
    assert abs((mark[2] + mark[3]) / 2 - (LEFT + RIGHT) / 2) <= 1
    top = [r for r in rules(first) if r.color[0] > 0.8 and r.y < 100]
    assert len(top) == 2 and abs(top[0].y - 0.5 - mark[1] - 4) <= 1               # the double line 4 mm below
    assert page_number(first) is None


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: None, "mark_image.file: the mark image cannot be used: there is no image file"),
    (lambda d: (d / "mark.png").write_text("not a picture", encoding="utf-8"),
     "mark_image.file: the mark image cannot be used: mark.png is not a PNG or JPEG image"),
    (lambda d: mark_png(d / "mark.png", (4000, 200)), "mark_image: the mark image would print 300.0 × 15.0 mm"),
], ids=["missing", "not an image", "too large"])
def test_a_bad_mark_image_is_refused_naming_the_pack_file_line_and_key(make, message: str, tmp_path: Path,  # noqa: ANN001
                                                                       run_cli) -> None:  # noqa: ANN001
    pack = tmp_path / "pack"
    pack.mkdir()
    make(pack)
    width = 300 if "too large" in message or "300" in message else 150
    (pack / "department.yaml").write_text(f"extends: {GONGWEN_PACK}\nname: 测试局\n"
                                          f"mark_image: {{file: mark.png, width_mm: {width}}}\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run_cli("render", OUTLINES / "notice.yaml", "-d", pack, "-o", out)
    assert result.exit_code == 1
    assert f"{pack / 'department.yaml'}:3:" in result.output and message in result.output, result.output
    assert result.output.strip().count("\n") == 0                                    # one paragraph
    assert not out.exists()


def test_a_mark_image_needs_its_size_one_way(tmp_path: Path, run_cli) -> None:  # noqa: ANN001
    pack = tmp_path / "pack"
    pack.mkdir()
    mark_png(pack / "mark.png")
    (pack / "department.yaml").write_text("mark_image: {file: mark.png}\n", encoding="utf-8")
    result = run_cli("render", OUTLINES / "notice.yaml", "-d", pack, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    assert "department.yaml:1:" in result.output and "width_mm or as height_mm" in result.output


# -- joint issuers: the names stacked, 文件 right of them and centred on them ----------------------

JOINT = ("kind: notice\ntitle: 关于联合开展城市更新项目检查的通知\n"
         "issuer_mark: [江城市自然资源和规划局, 江城市住房和城乡建设局, 江城市财政局文件]\n"
         "doc_number: 江规发〔2025〕20号\naddressee: 各区人民政府\nopening:\n  - 为推进城市更新项目按期完成，决定联合开展项目检查。\n"
         "issuer: 江城市自然资源和规划局\ndate: 2025-03-01\ncc: [市政府办公室]\nprinted_by: 江城市自然资源和规划局办公室\n"
         "printed_on: 2025-03-01\n")


@pytest.mark.parametrize(("lines", "names", "suffix"), [
    (["甲局文件", "乙局文件"], ["甲局", "乙局"], "文件"),
    (["甲局", "乙局", "丙局文件"], ["甲局", "乙局", "丙局"], "文件"),
    (["甲局", "乙局"], ["甲局", "乙局"], ""),                    # names alone: stacked as they are
    (["甲局文件"], ["甲局文件"], ""),                             # one issuer: an ordinary mark
    (["甲局文件", "乙局"], ["甲局文件", "乙局"], ""),              # not a joint 文件 mark: left as typed
])
def test_joint_mark_lines_split_into_names_and_one_suffix(lines: list[str], names: list[str], suffix: str) -> None:
    from drafter.compose.gongwenfilters import joint_mark

    assert joint_mark(lines) == (names, suffix)


def test_joint_issuers_are_an_editable_table_of_name_paragraphs(tmp_path: Path, render_docx) -> None:  # noqa: ANN001
    outline = tmp_path / "joint.yaml"
    outline.write_text(JOINT, encoding="utf-8")
    document = render_docx(outline)
    table = document.tables[0]
    assert [row.cells[0].text for row in table.rows] == ["江城市自然资源和规划局", "江城市住房和城乡建设局", "江城市财政局"]
    assert table.rows[0].cells[1].text == "文件"
    assert all(row.cells[0].paragraphs[0].style.name == "issuer_mark" for row in table.rows)


@needs_soffice
def test_joint_issuers_stack_with_the_suffix_right_and_vertically_centred(tmp_path: Path) -> None:
    outline = tmp_path / "joint.yaml"
    outline.write_text(JOINT, encoding="utf-8")
    document = pdf(outline, None, tmp_path / "joint.docx")
    page = document[0]
    lines = {t.text: t for t in texts(page)}
    names = [lines[n] for n in ("江城市自然资源和规划局", "江城市住房和城乡建设局", "江城市财政局")]
    suffix = lines["文件"]
    assert names[0].y1 <= names[1].y0 + 0.5 and names[1].y1 <= names[2].y0 + 0.5        # stacked
    assert suffix.x0 > max(n.x1 for n in names)                                         # right of them
    middle = (names[0].y0 + names[-1].y1) / 2
    assert abs((suffix.y0 + suffix.y1) / 2 - middle) <= 1, "文件 is centred on the names"
    assert all(t.color == 0xFF0000 for t in (*names, suffix))
    assert LEFT - 0.5 <= min(n.x0 for n in names) and suffix.x1 <= RIGHT + 0.5           # inside the block
    ink = ink_rows(page, red)
    assert abs(ink[0][0] - (TOP + 35)) <= 1, f"mark top {ink[0][0]:.2f} mm"
    number = next(t for t in texts(page) if "〔2025〕" in t.text)
    assert 2 * PITCH <= number.y0 - ink[2][1] <= 3 * PITCH                               # two lines below
    assert len(document) % 2 == 0                                                        # the record ends even


@needs_soffice
def test_the_page_prediction_counts_the_joint_mark(tmp_path: Path) -> None:
    from drafter.docx.pagination import predict

    sentence = "各区要按照全市统一部署，扎实做好城市更新项目检查和整改落实工作，确保各项任务按期完成。" * 2
    outline = tmp_path / "joint-long.yaml"
    outline.write_text(JOINT.split("cc:")[0].replace("  - 为推进", f"  - {sentence}\n  - {sentence}\n"
                                                     f"  - {sentence}\n  - 为推进"), encoding="utf-8")
    renderer = Renderer()
    parsed = load_outline(outline)
    predicted = predict(renderer.blocks(parsed), renderer.profile(parsed.kind))
    assert len(pdf(outline, None, tmp_path / "joint-long.docx")) == predicted.pages


# -- the letter's later pages ----------------------------------------------------------------------

@needs_soffice
def test_letter_pages_after_the_first_number_where_every_document_does(folder: Path, tmp_path: Path) -> None:
    """No number on page one; from page two the number sits where a notice has it: 7 mm below the
    text block, odd pages right and even pages left, 1 character from the edge."""
    text = (OUTLINES / "letter.yaml").read_text(encoding="utf-8")
    paragraph = ("  - 老城历史街区是城市记忆的重要载体，保护利用工作涉及规划、建设、文旅等多个方面，需要各方共同支持，"
                 "形成合力，推动街区有机更新。\n")
    outline = tmp_path / "long-letter.yaml"
    outline.write_text(text.replace("opening:\n", "opening:\n" + paragraph * 24, 1), encoding="utf-8")
    letter = pdf(outline, None, tmp_path / "long-letter.docx")
    notice = pdf(OUTLINES / "notice.yaml", None, folder / "notice-plain.docx")
    assert len(letter) >= 4 and page_number(letter[0]) is None

    def number_box(page: fitz.Page):  # noqa: ANN202
        return next(t for t in texts(page) if t.text.startswith("—") and t.y0 > 250)

    char = 14 * 25.4 / 72                                                       # 四号: 14 pt in mm
    for index in range(1, len(letter)):
        if page_number(letter[index]) is None:   # the record's own page (and a blank one before it)
            continue
        box, reference = number_box(letter[index]), number_box(notice[index % 2])
        assert abs(box.y0 - reference.y0) <= 1, f"page {index + 1}: number at {box.y0:.1f} mm"
        assert abs(box.y0 - (262 + 5)) <= 1.5                                    # 7 mm below the block (glyphs)
        if (index + 1) % 2:
            assert abs(box.x1 - (RIGHT - char)) <= 1.5
        else:
            assert abs(box.x0 - (LEFT + char)) <= 1.5


# -- the 命令格式 -----------------------------------------------------------------------------------

@needs_soffice
def test_order_mark_number_and_signature_sit_where_the_standard_puts_them(folder: Path) -> None:
    from tests.test_gongwen import _check_record

    document = pdf(OUTLINES / "order.yaml", None, folder / "order.docx")
    page = document[0]
    mark = ink_rows(page, red)[0]
    assert abs(mark[0] - (TOP + 20)) <= 1, f"mark top {mark[0]:.2f} mm"            # 20 mm below the block's top
    assert LEFT - 0.5 <= mark[2] and mark[3] <= RIGHT + 0.5
    lines = texts(page)
    number = next(t for t in lines if t.text == "第12号")
    assert 2 * PITCH <= number.y0 - mark[1] <= 3 * PITCH                            # two lines below the mark
    assert abs((number.x0 + number.x1) / 2 - (LEFT + RIGHT) / 2) <= 1               # centred
    assert not [r for r in rules(page) if r.color[0] > 0.8]                         # no red line in an order
    char = 16 * 25.4 / 72
    signer = next(t for t in lines if t.text.endswith("王志远"))
    date = next(t for t in lines if t.text == "2025年6月20日")
    assert signer.text.startswith("市长")
    assert abs(signer.x1 - (RIGHT - 4 * char)) <= 1 and abs(date.x1 - (RIGHT - 4 * char)) <= 1
    assert 1.5 * PITCH <= date.y0 - signer.y0 <= 2.5 * PITCH                        # one blank line between
    _check_record(document)


def test_order_reads_back_from_its_docx(tmp_path: Path) -> None:
    import drafter

    original = load_outline(OUTLINES / "order.yaml")
    out = tmp_path / "order.docx"
    out.write_bytes(Renderer().docx(original))
    extracted = drafter.extract(out)
    assert extracted.kind.name == "order" and extracted.document == original.document
