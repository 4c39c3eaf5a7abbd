"""Limits that end in a clear, located error instead of a hang, a crash or a wrong number."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result

from drafter.outline import yamlfile
from drafter.outline.load import MAX_NUMBERED


def test_many_plain_values_are_refused_with_a_plain_reason(tmp_path: Path,
                                                           run_cli: Callable[..., Result]) -> None:
    outline = tmp_path / "values.yaml"
    outline.write_text("kind: speech\ntitle: 标题\nopening:\n" + "  - 段\n" * (yamlfile.MAX_NODES + 1),
                       encoding="utf-8")
    result = run_cli("render", outline, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    # The mapping, three keys, two values and the list come first (7 values), so the value past
    # the limit is paragraph MAX_NODES - 7 (0-based), on line 4 + that index.
    index = yamlfile.MAX_NODES - 7
    assert result.stderr == (f"Error: {outline}:{4 + index}:5: opening[{index}]: the outline expands to more "
                             f"than {yamlfile.MAX_NODES:,} YAML values (split it into several outlines); "
                             "refusing to read it\n")


def test_nesting_limit_is_counted_in_values_not_sections(tmp_path: Path,
                                                         run_cli: Callable[..., Result]) -> None:
    # The deepest legal speech (four section levels) is far below MAX_DEPTH.
    outline = tmp_path / "deep.yaml"
    lines = ["kind: speech", "title: 标题", "sections:"]
    for level in range(4):
        pad = "    " * level
        lines += [f"{pad}  - heading: 第{level + 1}级", f"{pad}    paragraphs: [正文。]", f"{pad}    sections:"]
    lines[-1] = lines[-1].replace("sections:", "points: [甲]")
    outline.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("render", outline, "-o", tmp_path / "out.docx")
    assert result.exit_code == 0, result.output
    body = [(p.style.style_id, p.text) for p in docx.Document(str(tmp_path / "out.docx")).paragraphs][2:]
    assert body == [("Heading1", "一、第1级"), ("Normal", "正文。"),
                    ("Normal", "（一）第2级。正文。"),  # level 2 runs in as the lead sentence
                    ("Heading3", "1.第3级"), ("Normal", "正文。"),
                    ("Heading4", "（1）第4级"), ("Normal", "正文。"), ("Normal", "一是甲。")]


def test_more_sections_than_numbers(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    outline = tmp_path / "many.yaml"
    outline.write_text("kind: speech\ntitle: 标题\nsections:\n" + "  - heading: 节\n" * (MAX_NUMBERED + 1),
                       encoding="utf-8")
    result = run_cli("render", outline, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {outline}:{3 + MAX_NUMBERED + 1}:5: sections[{MAX_NUMBERED}]: 1,000 "
                             "sections at one level; drafter numbers at most 999 (一 to 九百九十九): "
                             "group them into sections\n")


def test_more_points_than_numbers(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    outline = tmp_path / "points.yaml"
    outline.write_text("kind: speech\ntitle: 标题\nsections:\n  - heading: 节\n    points:\n"
                       + "      - 点\n" * (MAX_NUMBERED + 1), encoding="utf-8")
    result = run_cli("render", outline, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {outline}:{5 + MAX_NUMBERED + 1}:9: sections[0].points[{MAX_NUMBERED}]: "
                             "1,000 points in one list; drafter numbers at most 999 (一是 to 九百九十九是)\n")


def test_999_sections_still_render(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    outline = tmp_path / "many.yaml"
    outline.write_text("kind: speech\ntitle: 标题\nsections:\n" + "  - heading: 节\n" * MAX_NUMBERED,
                       encoding="utf-8")
    result = run_cli("render", outline, "-o", tmp_path / "out.docx")
    assert result.exit_code == 0, result.output
    headings = [p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs
                if p.style.style_id == "Heading1"]
    assert len(headings) == MAX_NUMBERED
    assert headings[:2] + headings[9:11] + headings[-2:] == [
        "一、节", "二、节", "十、节", "十一、节", "九百九十八、节", "九百九十九、节"]
    assert "一百零一、节" in headings and "一千" not in "".join(headings)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_endless_device_is_read_only_up_to_the_limit(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    # Reading all of /dev/zero before checking its size would never end.
    result = run_cli("render", "/dev/zero", "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    assert result.stderr == "Error: /dev/zero:1:1: the file is more than 4 MB; outlines are limited to 4 MB\n"
