"""Full-width punctuation in Chinese text, and nothing else touched."""

import pytest

from drafter.text.typography import has_chinese, normalise_punctuation, punctuation_fixes


@pytest.mark.parametrize(("typed", "expected"), [
    ("我们要坚持,不断前进;做到:一是!二是?", "我们要坚持，不断前进；做到：一是！二是？"),
    ('他强调"要抓落实"。', "他强调“要抓落实”。"),
    ("这是(一)项工作", "这是（一）项工作"),
    ("城市--人民的城市", "城市——人民的城市"),
    ("等等...", "等等……"),
    ("努力奋斗.", "努力奋斗。"),
    ("增长3.5%,达到1:2", "增长3.5%，达到1:2"),
    ("见 www.example.cn/a,b 网站", "见 www.example.cn/a,b 网站"),
    ("全文没有半角标点，不用改。", "全文没有半角标点，不用改。"),
    ("中文,逗号", "中文，逗号"),
    ("句号.", "句号。"),
    (".开头的点", ".开头的点"),
    ("省略。。。号", "省略……号"),
    ("破折号—后面", "破折号—后面"),
    ("括号(说明)内容", "括号（说明）内容"),
    ('他说"好"。', "他说“好”。"),
    ("见 https://example.com/a,b 网址", "见 https://example.com/a,b 网址"),
    ("\U00020000字,后", "\U00020000字，后"),
    ("English, only.", "English, only."),
])
def test_chinese_context_gets_full_width_marks(typed: str, expected: str) -> None:
    assert normalise_punctuation(typed) == expected


@pytest.mark.parametrize("english", [
    "Hello, world: (English) stays!", "It's 3.5 percent...", 'He said "yes".', "a--b",
])
def test_text_without_chinese_is_left_alone(english: str) -> None:
    assert normalise_punctuation(english) == english
    assert punctuation_fixes(english) == []


def test_fixes_point_at_the_offending_characters() -> None:
    text = "第一,第二"
    (fix,) = punctuation_fixes(text)
    assert (fix.start, fix.end, fix.replacement, fix.code) == (2, 3, "，", "half-width")


@pytest.mark.parametrize(("text", "expected"), [
    ("abc", False), ("é and ü", False), ("，。", False), ("x中", True), ("\U0002a000", True), ("\u33ff", False),
])
def test_has_chinese(text: str, expected: bool) -> None:
    assert has_chinese(text) is expected


def test_citation_and_footnote_marks_keep_their_punctuation() -> None:
    from drafter.text.typography import normalise_punctuation

    assert normalise_punctuation("能否在县城安居[@2,3]。见[^a],再说") == "能否在县城安居[@2,3]。见[^a]，再说"
