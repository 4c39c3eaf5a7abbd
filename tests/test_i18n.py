"""The localisation layer: the language chosen from the environment, and messages in Chinese."""

from __future__ import annotations

import pytest

from drafter import i18n
from drafter.errors import OutlineError, Problem


@pytest.mark.parametrize(("environ", "expected"), [
    ({"DRAFTER_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"DRAFTER_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_MESSAGES": "zh_TW.UTF-8"}, "zh_CN"),
    ({"LANG": "C"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "zh-Hans"}, "zh_CN"),
])
def test_the_language_follows_drafter_lang_then_the_locale(environ, expected):
    assert i18n.detect_language(environ) == expected


@pytest.fixture
def chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


def test_a_plural_message_is_chinese_under_zh(chinese):
    problems = [Problem("a.yaml", line, 1, "x", "bad") for line in (1, 2)]
    assert str(OutlineError(problems)).startswith("a.yaml：提纲中有 2 处问题：")


def test_english_is_the_source_text():
    problems = [Problem("a.yaml", line, 1, "x", "bad") for line in (1, 2)]
    assert str(OutlineError(problems)).startswith("a.yaml: 2 problems in the outline:")
