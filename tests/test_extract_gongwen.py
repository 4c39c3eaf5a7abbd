"""`drafter extract` reads an official document's 版头, 附注, 附件 pages and 版记 back
(drafter/extraction/gongwen.py): from drafter's own DOCX, a plain-text copy, and a 红头 pack's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest
from docx.table import Table

import drafter
from drafter.departments.pack import load_department
from drafter.extraction.pipeline import extract_file
from drafter.outline.load import load_outline, parse_outline
from drafter.pipeline.render import Renderer
from tests.conftest import OUTLINES, REPO

RICH = """kind: request
title: 关于联合申请城市更新专项资金的请示
copy_number: "000031"
classification: 秘密★1年
urgency: 特急
issuer_mark: [江城市自然资源和规划局, 江城市住房和城乡建设局文件]
doc_number: 江规发〔2025〕30号
signer: [周建国, 李明]
addressee: 市人民政府
opening:
  - 为加快推进老旧小区改造，拟联合申请城市更新专项资金。
closing:
  - 妥否，请批示。
attachments:
  - title: 资金测算表
    sections:
      - heading: 测算依据
        paragraphs: [按照改造面积和单价测算。]
issuer: 江城市自然资源和规划局
date: 2025-04-02
contact: 林晓
phone: 0571-88000000
cc: [市财政局, 市审计局]
printed_by: 江城市自然资源和规划局办公室
printed_on: 2025-04-03
"""


def _render(outline: drafter.Outline, path: Path, department=None) -> Path:  # noqa: ANN001
    path.write_bytes(Renderer(department=department).docx(outline))
    return path


def _differences(original: object, extracted: object) -> dict[str, tuple[object, object]]:
    return {f.name: (getattr(original, f.name), getattr(extracted, f.name, None))
            for f in dataclasses.fields(original) if getattr(original, f.name) != getattr(extracted, f.name, None)}


def test_every_header_and_record_field_comes_back(tmp_path: Path) -> None:
    """Joint issuers, two signers, 份号, 密级, 紧急程度, the contact note and an attachment page
    with sections: the extracted outline is the one rendered."""
    original = parse_outline(RICH)
    extracted = drafter.extract(_render(original, tmp_path / "rich.docx"))
    assert extracted.kind.name == "request"
    assert _differences(original.document, extracted.document) == {}


def test_the_extraction_says_how_it_read_the_head(tmp_path: Path) -> None:
    result = extract_file(_render(load_outline(OUTLINES / "request.yaml"), tmp_path / "request.docx"))
    assert result.guess is not None and "请示" in result.guess.reason
    assert "# How the head was read" in result.yaml
    assert "doc_number, signer:" in result.yaml and not result.dropped   # the 版头 is not boilerplate


def test_a_letters_mark_is_read_from_its_first_page_header(tmp_path: Path) -> None:
    result = extract_file(_render(load_outline(OUTLINES / "letter.yaml"), tmp_path / "letter.docx"))
    assert result.kind == "letter" and "first page's header" in result.guess.reason  # type: ignore[union-attr]
    assert result.data["issuer_mark"] == ["江城市自然资源和规划局"]


def test_a_plain_text_copy_of_a_notice_reads_back_all_but_the_seal(tmp_path: Path) -> None:
    original = load_outline(OUTLINES / "notice.yaml")
    rendered = docx.Document(str(_render(original, tmp_path / "notice.docx")))
    lines = []
    for block in rendered.iter_inner_content():
        if isinstance(block, Table):
            lines += ["　".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    copy = tmp_path / "notice.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    extracted = drafter.extract(copy)
    assert extracted.kind.name == "notice"
    assert _differences(original.document, extracted.document) == {"seal": (True, False)}  # a seal is not text


def test_a_red_header_packs_notice_reads_back_with_the_packs_values(tmp_path: Path) -> None:
    department = load_department(REPO / "departments" / "planning-bureau-gongwen")
    original = department.apply_defaults(load_outline(OUTLINES / "notice.yaml"))
    extracted = drafter.extract(_render(original, tmp_path / "red.docx", department))
    assert _differences(original.document, extracted.document) == {}


@pytest.mark.parametrize("name", ["speech.yaml", "report.yaml", "minutes.yaml"])
def test_documents_without_a_gongwen_header_are_read_as_before(name: str, tmp_path: Path) -> None:
    from drafter.extraction.gongwen import read_official
    from drafter.extraction.pipeline import paragraphs

    path = _render(load_outline(OUTLINES / name), tmp_path / "doc.docx")
    paras, dropped, fmt, *_ = paragraphs(path)
    assert read_official(paras, path, fmt, None, dropped) is None


def test_kind_notice_can_be_asked_for(tmp_path: Path, run_cli) -> None:  # noqa: ANN001
    path = _render(load_outline(OUTLINES / "notice.yaml"), tmp_path / "notice.docx")
    result = run_cli("extract", path, "--kind", "notice", "-o", tmp_path / "back.yaml")
    assert result.exit_code == 0, result.output
    assert load_outline(tmp_path / "back.yaml").document == load_outline(OUTLINES / "notice.yaml").document
