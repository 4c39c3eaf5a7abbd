"""Department packs and ``extract`` speak Chinese under zh: errors, the init and learn comments,
the notes on dropped text, how the head was read and why a kind was guessed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from test_l10n_check import english_left, is_chinese

from drafter import i18n
from drafter.departments.learn import read_docx
from drafter.departments.pack import load_department
from drafter.departments.scaffold import write_scaffold
from drafter.errors import DepartmentError
from drafter.extraction.pipeline import extract_file
from drafter.extraction.sources import ExtractError


@pytest.fixture
def chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


def test_a_missing_pack_is_reported_in_chinese(tmp_path: Path, chinese):
    with pytest.raises(DepartmentError) as caught:
        load_department(tmp_path / "没有的部门")
    message = str(caught.value)
    assert message.startswith("部门模板包 ") and message.endswith("文件夹不存在")


def test_a_missing_parent_pack_is_reported_in_chinese(tmp_path: Path, chinese):
    (tmp_path / "child").mkdir()
    (tmp_path / "child" / "department.yaml").write_text("name: 子部门\nextends: ../parent\n", encoding="utf-8")
    with pytest.raises(DepartmentError) as caught:
        load_department(tmp_path / "child")
    message = str(caught.value)
    assert ":2:" in message and "extends: '../parent'" in message and message.endswith("文件夹不存在")


def test_pack_problems_are_reported_in_chinese(tmp_path: Path, chinese):
    (tmp_path / "department.yaml").write_text(
        "name: 部门\nvariables:\n  name: 重复\ndefaults:\n  salutatoin: 同志们\n", encoding="utf-8")
    with pytest.raises(DepartmentError) as caught:
        load_department(tmp_path)
    message = str(caught.value)
    assert "2 处问题" in message and "顶层键" in message and "salutation" in message
    for line in message.splitlines()[1:]:
        reason = line.rsplit(": ", 1)[-1]
        assert is_chinese(reason), (reason, english_left(reason))


def test_a_new_pack_is_commented_in_chinese_with_the_same_settings(tmp_path: Path, chinese):
    written = write_scaffold(tmp_path / "zh")
    text = written[0].read_text(encoding="utf-8")
    assert "部门模板包" in text and "每个键都是可选的" in text
    i18n.set_language("en")
    english = write_scaffold(tmp_path / "en")[0].read_text(encoding="utf-8")
    assert "A department pack" in english
    assert yaml.safe_load(text) == yaml.safe_load(english)
    assert load_department(tmp_path / "zh").display_name == "示例局"


def test_learning_from_a_file_that_is_not_docx_says_so_in_chinese(tmp_path: Path, chinese):
    sample = tmp_path / "样本.docx"
    sample.write_text("不是 Word 文档", encoding="utf-8")
    with pytest.raises(DepartmentError) as caught:
        read_docx(sample)
    assert "无法作为 Word 文档（.docx）读取" in str(caught.value)


_WEB_COPY = """\
首页 > 新闻中心 > 工作动态
在全市城市更新工作会议上的讲话
来源：青川日报　发布时间：2025-03-18
同志们：
今天召开这次会议，主要任务是部署今年的城市更新工作。
一、统一思想认识
城市更新是一项长期任务。
二、抓好重点工作
要把老旧小区改造抓紧抓实。
"""


def test_extract_tells_what_it_did_in_chinese(tmp_path: Path, chinese):
    source = tmp_path / "讲话.txt"
    source.write_text(textwrap.dedent(_WEB_COPY), encoding="utf-8")
    result = extract_file(source)
    assert result.kind == "speech"
    assert result.dropped and all(str(d).startswith("第 ") for d in result.dropped)
    for dropped in result.dropped:
        assert is_chinese(dropped.reason), dropped.reason
    assert is_chinese(result.guess.reason, (source.name,)), result.guess.reason
    header = [line.lstrip("# ").strip() for line in result.yaml.splitlines() if line.startswith("#")]
    assert header[0] == "由 drafter extract 从 讲话.txt 提取。"
    for line in header:
        content = line.split(": ", 1)[1] if line.split(": ", 1)[0] in {"title", "subtitle", "salutation",
                                                                          "speaker", "date"} else line
        assert is_chinese(content, (source.name,)), (line, english_left(line))
    assert is_chinese(result.layout), result.layout


def test_extract_errors_are_chinese(tmp_path: Path, chinese):
    with pytest.raises(ExtractError) as caught:
        extract_file(tmp_path / "没有.txt")
    assert "文件不存在" in str(caught.value)
    other = tmp_path / "表格.xyz"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(ExtractError) as caught:
        extract_file(other)
    assert "不能从“.xyz”文件中提取" in str(caught.value)
    empty = tmp_path / "空.txt"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ExtractError) as caught:
        extract_file(empty)
    assert str(caught.value).endswith("没有可提取的文字（文档为空）")
