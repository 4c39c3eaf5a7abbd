"""The 版记 of a 公文 whose text holds a table or a figure still ends an even page.

drafter predicts where the text ends (drafter/docx/pagination.py) to put the record on an even
page; tables count row by row (rows never split, the header rows repeat on each page) and
figures by their picture's height. Measured here in LibreOffice's PDF: the record's page is even
with its last rule on the text block's bottom edge, and it shares the text's last page exactly
when that page is even and has room for it (no blank page is spent that was not needed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.compose.blocks import Record
from drafter.docx.pagination import predict
from drafter.docx.tablepages import row_heights
from drafter.outline.load import load_outline
from drafter.pipeline.render import Renderer
from tests.conftest import OUTLINES, needs_soffice
from tests.test_gongwen import BOTTOM, TOP, _check_record, pdf_of, rules, texts

SENTENCE = "各区要按照全市统一部署，扎实做好城市体检数据采集、问题排查和整改落实工作，确保各项任务按期完成"


def notice_with(folder: Path, name: str, paragraphs: int, item: str) -> Path:
    """A notice of ``paragraphs`` two-line paragraphs, then a section holding ``item``, and a 版记."""
    opening = "".join(f"  - {SENTENCE}{i}。\n" for i in range(paragraphs))
    path = folder / f"{name}-{paragraphs}.yaml"
    path.write_text(f"""kind: notice
title: 关于做好城市体检工作的通知
issuer_mark: 江城市规划局文件
doc_number: 江规发〔2025〕3号
addressee: 各区人民政府
opening:
{opening}sections:
  - heading: 项目安排
    body:
      - 各区项目安排如下。
{item}      - 请各区抓紧推进。
issuer: 江城市规划局
date: 2025-03-01
cc: [市委办公室, 市政府办公室]
printed_by: 江城市规划局办公室
printed_on: 2025-03-02
""", encoding="utf-8")
    return path


TABLE = "".join(["      - table:\n          caption: 重点项目安排表\n          rows:\n",
                 "            - [项目, 内容, 投资（亿元）]\n",
                 *(f"            - [项目{i}, 江城区城市更新重点项目第{i}批次建设内容, {i}.50]\n" for i in range(1, 13)),
                 "          widths: [1, 3, 1]\n          notes: [投资为计划数。]\n"])
FIGURE = ("      - figure:\n          file: figures/investment.png\n          caption: 各季度投资完成情况\n"
          "          width: 70%\n")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("record-tables")
    (made / "figures").mkdir()
    shutil.copy(OUTLINES / "figures" / "investment.png", made / "figures" / "investment.png")
    return made


def _text_end(document) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """(1-based page, mm from the text block's top) where the text before the record ends: the date line."""
    for number in range(len(document), 0, -1):
        for line in texts(document[number - 1]):
            if line.text == "2025年3月1日":
                return number, line.y1 - TOP
    raise AssertionError("no date line")


@needs_soffice
@pytest.mark.parametrize(("item", "paragraphs"), [("table", 2), ("table", 6), ("table", 10), ("figure", 3),
                                                  ("figure", 8), ("figure", 12)],
                         ids=["table over a page", "table split, 6", "table split, 10", "figure, one page",
                              "figure, even and full", "figure, odd page"])
def test_the_record_after_a_table_or_figure_ends_an_even_page(item: str, paragraphs: int, folder: Path) -> None:
    outline = notice_with(folder, item, paragraphs, TABLE if item == "table" else FIGURE)
    document = pdf_of(outline, folder)
    last = _check_record(document)
    drawn = [r for r in rules(last) if r.color == (0.0, 0.0, 0.0)]
    record_mm = drawn[-1].y - drawn[0].y
    page, end = _text_end(document)
    room = (BOTTOM - TOP) - end - 1.5  # below the date line's glyphs, less its descent
    shares = page % 2 == 0 and room >= record_mm + 2
    if shares:
        assert len(document) == page, f"text ends on even page {page} with {room:.1f} mm free: the record fits there"
    elif page % 2 == 0 and room < record_mm - 2:
        assert len(document) == page + 2     # a blank page, then the record's own even page
    elif page % 2 == 1:
        assert len(document) == page + 1     # the record on the next (even) page


def test_table_rows_count_in_the_prediction(folder: Path) -> None:
    """Without a LibreOffice: the prediction grows with the table, row by row (no page is 22 lines of nothing)."""
    outline = load_outline(notice_with(folder, "rows", 2, TABLE))
    renderer = Renderer()
    blocks = renderer.blocks(outline)
    profile = renderer.profile(outline.kind)
    before = blocks[:next(i for i, b in enumerate(blocks) if isinstance(b, Record))]
    table = next(b for b in before if type(b).__name__ == "TableBlock")
    assert row_heights(table, profile, 8845)[:2] == [810, 810]  # two lines of 20 pt and a 0.5 pt rule
    without = [b for b in before if b is not table]
    assert predict(before, profile).pages == predict(without, profile).pages + 1
