"""Chinese heading numbers and enumerations."""

import pytest

from drafter.text.numbering import (
    GBT9704_LEVELS,
    as_lead,
    chinese_numeral,
    heading_number,
    join_points,
)


@pytest.mark.parametrize(("n", "expected"), [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五"),
])
def test_chinese_numerals(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize(("level", "index", "expected"), [
    (1, 3, "三、"), (2, 12, "（十二）"), (3, 4, "4."), (4, 2, "（2）"),
])
def test_gbt9704_levels(level: int, index: int, expected: str) -> None:
    assert heading_number(GBT9704_LEVELS, level, index) == expected


def test_points_join_with_semicolons_and_end_with_a_full_stop() -> None:
    assert join_points(("抓学习；", "抓落实。", "抓作风")) == "一是抓学习；二是抓落实；三是抓作风。"
    assert join_points(("要抓学习", "抓落实"), "要") == "一要抓学习；二要抓落实。"


def test_lead_sentences_end_with_a_full_stop_once() -> None:
    assert as_lead("强化空间引领") == "强化空间引领。"
    assert as_lead("强化空间引领，") == "强化空间引领。"
    assert as_lead("为什么要改革？") == "为什么要改革？"
