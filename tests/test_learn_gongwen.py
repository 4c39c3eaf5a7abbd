"""`drafter department learn` reads a 红头's style: text colour (w:color), paragraph rules
(w:pBdr top/bottom: width, colour, spacing) and horizontal character scaling (w:w)."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt, RGBColor

from tests.conftest import OUTLINES, REPO

GONGWEN_PACK = REPO / "departments" / "planning-bureau-gongwen"


def learned_elements(sample: Path, run_cli, folder: Path) -> dict:  # noqa: ANN001
    result = run_cli("department", "learn", sample, "-o", folder)
    assert result.exit_code == 0, result.output
    return yaml.safe_load((folder / "department.yaml").read_text(encoding="utf-8"))["style"]["elements"]


def test_learning_a_red_header_notice_gets_its_red_mark_and_red_line(render_docx, run_cli, tmp_path: Path) -> None:  # noqa: ANN001
    rendered = render_docx(OUTLINES / "notice.yaml", "-d", GONGWEN_PACK)
    sample = tmp_path / "notice.docx"
    rendered.save(str(sample))
    mark_run = next(p for p in rendered.paragraphs if p.style.name == "issuer_mark").runs[0]
    squeeze = int(mark_run._r.rPr.find(docx.oxml.ns.qn("w:w")).get(docx.oxml.ns.qn("w:val")))
    elements = learned_elements(sample, run_cli, tmp_path / "learned")
    mark = elements["issuer_mark"]
    assert mark["color"] == "E60012"                      # the pack's own red
    assert mark["scale"] == squeeze < 100                 # the mark squeezed to the width
    assert (mark["size"], mark["align"]) == (60, "center")
    rule = elements["doc_number"]["rule_below"]
    assert rule == {"width_mm": 0.75, "color": "E60012", "space_pt": 4, "style": "single"}
    assert "color" not in elements["body"] and "rule_below" not in elements["body"]


def test_a_learned_red_header_renders_red_again(render_docx, run_cli, tmp_path: Path) -> None:  # noqa: ANN001
    sample = tmp_path / "notice.docx"
    render_docx(OUTLINES / "notice.yaml", "-d", GONGWEN_PACK).save(str(sample))
    learned_elements(sample, run_cli, tmp_path / "learned")
    again = render_docx(OUTLINES / "notice.yaml", "-d", tmp_path / "learned")
    assert str(again.styles["issuer_mark"].font.color.rgb) == "E60012"
    bottom = again.styles["doc_number"].element.pPr.find(docx.oxml.ns.qn("w:pBdr")).find(docx.oxml.ns.qn("w:bottom"))
    assert (bottom.get(docx.oxml.ns.qn("w:color")), bottom.get(docx.oxml.ns.qn("w:sz"))) == ("E60012", "17")


def test_a_red_header_formatted_by_hand_is_found_by_its_colour_and_rule(run_cli, tmp_path: Path) -> None:  # noqa: ANN001
    """Every paragraph Normal, the look on the runs: the large red paragraph near the top is the
    mark (not the title), the paragraph with a rule below it the 发文字号."""
    document = docx.Document()
    mark = document.add_paragraph()
    mark.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    run = mark.add_run("江城市某某局文件")
    run.font.size, run.font.color.rgb = Pt(48), RGBColor(0xCC, 0x00, 0x00)
    run._r.get_or_add_rPr().append(parse_xml(f'<w:w {nsdecls("w")} w:val="80"/>'))
    number = document.add_paragraph()
    number.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    number.add_run("江某发〔2025〕1号").font.size = Pt(16)
    number._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="6" w:color="CC0000"/></w:pBdr>'))
    title = document.add_paragraph()
    title.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("关于开展某项工作的通知").font.size = Pt(22)
    for _ in range(4):
        document.add_paragraph().add_run("各单位要认真组织实施，确保各项工作落到实处。" * 4).font.size = Pt(16)
    sample = tmp_path / "hand.docx"
    document.save(str(sample))
    elements = learned_elements(sample, run_cli, tmp_path / "learned")
    assert (elements["issuer_mark"]["color"], elements["issuer_mark"]["scale"], elements["issuer_mark"]["size"]) \
        == ("CC0000", 80, 48)
    assert elements["doc_number"]["rule_below"] == {"width_mm": 0.529, "color": "CC0000", "space_pt": 6,
                                                    "style": "single"}
    assert elements["title"]["size"] == "二号"             # the red mark is not taken for the title
