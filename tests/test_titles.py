"""Titles broken by meaning (GB/T 9704-2012 7.3.1): whole words, balanced lines, trapezoid or
diamond, never inside 《》, “”, a number with its unit or ——; the writer's own breaks win."""

import re

import pytest

from drafter.compose.templates import title_lines
from drafter.text.titles import _width, break_title

TITLES = [
    "在全市城市工作会议上的讲话",
    "关于全面推动城市更新高质量发展的实施意见",
    "关于全面推动城市更新高质量发展的实施意见的通知",
    "以新理念引领城市更新，以新作为建设宜居城市",
    "新发展格局下新型城镇化的阶段特征与推进路径",
    "关于进一步加强和改进新时代城市基层党建工作的意见",
    "市人民政府办公室关于做好2025年春节期间安全生产工作的紧急通知",
    "在全市推进新型城镇化和城乡融合发展工作会议上的讲话",
    "坚持以人民为中心的发展思想——在全市民生工作会议上的讲话",
    "关于印发《2025年全市优化营商环境工作要点》的通知",
    "关于开展“四下基层”调研活动进一步密切党群干群关系的通知",
    "关于2024年推进以县城为重要载体的城镇化建设工作情况的报告",
    "深入学习贯彻党的二十届三中全会精神，以改革创新推动全市经济社会高质量发展取得新突破",
    "关于加快推进老旧小区改造和完善社区公共服务设施建设提升居民生活品质的实施方案",
    "县政府关于2025年第一季度全县固定资产投资完成情况及下一步工作打算的报告",
    "关于转发省人民政府办公厅《关于进一步优化营商环境降低市场主体制度性交易成本的意见》的通知",
    "中共中央 国务院关于深入学习贯彻习近平新时代中国特色社会主义思想全面推动城乡融合发展和城市更新高质量发展加快建设宜居韧性智慧城市的若干意见",
    "关于印发全市城市更新行动实施方案和老旧小区改造三年行动计划以及城中村改造工作指引等五个配套文件的通知，请各区县各部门结合实际认真贯彻执行",
]


@pytest.mark.parametrize("title", TITLES)
def test_lines_fit_keep_every_character_and_are_balanced(title: str) -> None:
    lines = break_title(title)
    assert "".join(lines) == title.replace(" ", "") or " ".join(lines) == title or \
        "".join(lines).replace(" ", "") == title.replace(" ", "")
    assert all(_width(line) <= 20 for line in lines)
    if _width(title) <= 20:
        assert lines == [title]
        return
    widths = [_width(line) for line in lines]
    # no hourglass: the standard asks for a trapezoid or a diamond
    assert not any(b < a and b < c for a, b, c in zip(widths, widths[1:], widths[2:])), lines


@pytest.mark.parametrize("title", TITLES)
def test_breaks_fall_between_words_as_a_full_dictionary_sees_them(title: str) -> None:
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(60)
    joined = title.replace(" ", "")
    boundaries, at = {0}, 0
    for word in jieba.cut(joined, HMM=False):
        at += len(word)
        boundaries.add(at)
    at = 0
    for line in break_title(title)[:-1]:
        at += len(line.replace(" ", ""))
        assert at in boundaries, f"cut inside a word after {joined[:at]!r}"


@pytest.mark.parametrize("title", TITLES)
def test_never_inside_paired_marks_numbers_or_a_dash(title: str) -> None:
    phrases_fit = all(_width(p) <= 20 for p in re.findall("《[^》]*》|“[^”]*”", title))
    for line in break_title(title):
        if phrases_fit:
            assert line.count("《") == line.count("》")
        assert line.count("“") == line.count("”")
        assert not line.startswith(("—", "，", "、", "》", "”", "的")) or line.startswith("——")
        assert not line.endswith(("《", "“"))
    for left, right in zip(break_title(title), break_title(title)[1:]):
        assert not (re.search(r"[0-9]$", left) and re.match(r"[0-9年月日%]", right))
        assert not (left.endswith("—") and right.startswith("—"))


def test_a_long_title_never_splits_its_dash() -> None:
    title = "推动城乡融合发展迈上新台阶——在全市推进新型城镇化工作会议上的讲话"
    lines = break_title(title)
    assert len(lines) == 2 and not lines[1].startswith("—") and lines[0].endswith("——")


def test_the_writers_own_breaks_win() -> None:
    assert break_title("关于全面推动\n城市更新高质量发展的实施意见的通知") == ["关于全面推动", "城市更新高质量发展的实施意见的通知"]


def test_title_lines_joins_lines_with_breaks_and_escapes() -> None:
    assert str(title_lines("关于全面推动城市更新高质量发展的实施意见的通知")) == \
        "关于全面推动城市更新<br/>高质量发展的实施意见的通知"
    assert str(title_lines("A&B标题")) == "A&amp;B标题"


def test_a_twenty_character_title_stays_on_one_line_and_one_of_twenty_one_splits_evenly() -> None:
    assert break_title("关于全面推动城市更新高质量发展的实施意见") == ["关于全面推动城市更新高质量发展的实施意见"]
    assert [len(line) for line in break_title("以新理念引领城市更新，以新作为建设宜居城市")] == [11, 10]


def test_check_warns_about_a_title_of_more_than_three_lines() -> None:
    from drafter.authoring.check import check_text

    long_title = TITLES[-1]
    text = f"kind: speech\ntitle: {long_title}\nsections:\n  - heading: 总体要求\n    paragraphs: [正文。]\n"
    found = [f for f in check_text(text, "t.yaml").findings if f.code == "W304"]
    assert len(found) == 1 and found[0].line == 2 and "takes 4 lines" in found[0].message
    short = text.replace(long_title, TITLES[3])
    assert not [f for f in check_text(short, "t.yaml").findings if f.code == "W304"]


def _speech(heading: str, sub: str = "明确责任") -> str:
    return (f"kind: speech\ntitle: 讲话\nsections:\n  - heading: {heading}\n    paragraphs: [正文。]\n"
            f"    sections:\n      - heading: {sub}\n        paragraphs: [正文内容。]\n")


def test_check_warns_about_a_single_character_on_the_last_line_of_a_level_one_heading() -> None:
    from drafter.authoring.check import check_text

    # 一、 + 25 characters: 26 fit on the indented first line, one is left alone
    heading = "坚持以人民为中心的发展思想把握城市工作出发点和落脚"
    assert len("一、" + heading) == 27
    found = [f for f in check_text(_speech(heading), "t.yaml").findings if f.code == "W305"]
    assert len(found) == 1 and found[0].line == 4
    assert "leaves `脚` alone on its last line" in found[0].message
    assert not [f for f in check_text(_speech(heading[:-1]), "t.yaml").findings if f.code == "W305"]


def test_check_warns_about_a_run_in_lead_ending_alone_on_a_line() -> None:
    from drafter.authoring.check import check_text

    # （一） + 23 characters + 。: the lead's last character and its 。 go to the second line
    sub = "深刻认识城市发展的阶段转变增强工作的主动性和创造"
    found = [f for f in check_text(_speech("提高认识", sub), "t.yaml").findings if f.code == "W305"]
    assert len(found) == 1 and "the run-in lead ends with `造。` alone on a line" in found[0].message
    assert not [f for f in check_text(_speech("提高认识", sub[:-2]), "t.yaml").findings if f.code == "W305"]


def test_a_title_is_made_full_width_before_it_is_broken() -> None:
    # hypothesis found it: "0,." after a digit reads as a number's marks only when the line break
    # puts it at the start of a line; the whole title is normalised first, as one text
    from drafter.compose.templates import title_lines

    lines = str(title_lines("城城城城城城城城城城0,.城城城城城城城城城,")).split("<br/>")
    assert "".join(lines) == "城城城城城城城城城城0，。城城城城城城城城城，"
