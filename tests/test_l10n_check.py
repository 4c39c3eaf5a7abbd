"""Every ``check`` finding, under DRAFTER_LANG=zh, reads as Chinese; under en, as before.

CHECK_SAMPLES holds one small outline per check code that triggers it, and the English message
it gives (None for E001–E003, whose sentences come from the outline and Markdown readers). A
code defined in the source without a sample fails :func:`test_every_check_code_has_a_sample`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter import i18n
from drafter.authoring.check import RULES, check_text

REPO = Path(__file__).resolve().parent.parent

# -- a careful reader's check: what is left once code, keys, paths and quoted values are set aside --

_CODE = re.compile(r"`[^`]*`")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\'[^\']*\'|\"[^\"]*\"|<[^>]*>|\([^()]*[=<>][^()]*\)")
_PATHS = re.compile(r"[\w.~-]*[/\\][\w./\\~-]*|\S+\.(?:ya?ml|md|docx?|txt|pdf|j2|png|json|wps|xlsx?|csv)\b")
_KEYS = re.compile(r"\b[A-Za-z_][\w.\[\]-]*:")
_OPTIONS = re.compile(r"--?[A-Za-z][\w-]*")
_COMMANDS = re.compile(r"\bdrafter(?: [a-z-]+)*(?: [A-Z_]+)?")
_NAMES = re.compile(r"GB/T \d+(?:\.\d+)*|UTF-8|GB18030|LibreOffice|Word|WPS|OLE|OCR|PDF|DOCX|YAML|JSON|CSV|XLSX|"
                    r"Markdown|HTML|PNG|JPEG|ICP|TODO|XX|Normal|ocrmypdf|pypdfium2|pip install|true|false")
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:['’][a-z]+)?(?:[ \t]+[A-Za-z]{2,}(?:['’][a-z]+)?)+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def english_left(message: str, data: tuple[str, ...] = ()) -> list[str]:
    """The English word runs (two words or more) left in ``message`` once code, keys, paths,
    option names, quoted values and the ``data`` strings (taken from the user's file) are removed."""
    text = message
    for value in sorted(data, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    for pattern in (_CODE, _QUOTED, _COMMANDS, _PATHS, _OPTIONS, _KEYS, _NAMES):
        text = pattern.sub(" ", text)
    return _ENGLISH_RUN.findall(text)


def is_chinese(message: str, data: tuple[str, ...] = ()) -> bool:
    """Whether ``message`` reads as Chinese: Chinese words of its own and no English sentence left."""
    own = _CODE.sub(" ", _QUOTED.sub(" ", message))
    for value in data:
        own = own.replace(value, " ")
    return bool(_HAN.search(own)) and not english_left(message, data)


@pytest.fixture
def chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


CHECK_SAMPLES: dict[str, tuple[str, str, str | None]] = {
    'E001': ('broken.yaml', 'kind: speech\ntitle: [未闭合\n',
             None),
    'E002': ('unknown-key.yaml', 'kind: speech\ntitle: 讲话\nsubtitel: 在会上的讲话\n',
             None),
    'E003': ('draft.md', '# 讲话\n\n<div>正文</div>\n',
             None),
    'E101': ('placeholder.yaml', 'kind: speech\ntitle: 在XX会议上的讲话\n',
             'placeholder `XX` was never filled in'),
    'E102': ('typed-number.yaml', 'kind: speech\ntitle: 讲话\nsections:\n  - heading: 一、统一思想\n    paragraphs: [正文。]\n',
             'heading starts with the number `一、` typed by hand; drafter numbers it (level 1: 一、…), so remove it'),
    'W201': ('half-width.yaml', 'kind: speech\ntitle: 讲话\nopening:\n  - 我们要统一思想,提高认识。\n',
             'half-width `,` in Chinese text; write `，`'),
    'W202': ('quotes.yaml', 'kind: speech\ntitle: 讲话\nopening: [\'他说"好"。\']\n',
             'straight quote `"` in Chinese text; write `“`'),
    'W203': ('dash.yaml', 'kind: speech\ntitle: 讲话\nopening: [这是--插说。]\n',
             'dash typed as `--`; write `——`'),
    'W204': ('ellipsis.yaml', 'kind: speech\ntitle: 讲话\nopening: [等等...]\n',
             'ellipsis typed as `...`; write `……`'),
    'W205': ('doubt.yaml', 'kind: speech\ntitle: 讲话\nopening: [中国—东盟合作。]\n',
             'single `—` in `中国—东盟合作`: write `——` or `—` (—— for a 破折号, an aside or a turn; — for a range such as 北京—上海); drafter leaves it as typed'),
    'W206': ('year-brackets.yaml', 'kind: speech\ntitle: 讲话\nopening:\n  - 根据青政发[2025]8号文件。\n',
             'file number year typed as `[2025]`; write `〔2025〕` (GB/T 9704 7.2.4)'),
    'W207': ('interpunct.yaml', 'kind: speech\ntitle: 讲话\nopening: [约翰.史密斯来访。]\n',
             '`.` between the parts of a name; write the 间隔号 `·`'),
    'W301': ('no-body.yaml', 'kind: speech\ntitle: 讲话\nsections:\n  - heading: 统一思想\n',
             "section '统一思想' has no body: add paragraphs, points or subsections"),
    'W302': ('lengths.yaml', 'kind: speech\ntitle: 讲话\nsections:\n  - heading: 统一思想\n    paragraphs: [正文。]\n  - heading: 坚持问题导向和目标导向全面提升治理水平\n    paragraphs: [正文。]\n',
             'heading is 19 characters long but its parallel headings about 4; parallel headings read best at similar length'),
    'W303': ('same-heading.yaml', 'kind: speech\ntitle: 讲话\nsections:\n  - heading: 统一思想\n    paragraphs: [正文。]\n  - heading: 统一思想\n    paragraphs: [正文。]\n',
             "same heading as section 1 of this list: '统一思想'"),
    'W304': ('long-title.yaml', 'kind: speech\ntitle: 关于进一步加强和改进新时代城市规划建设管理工作关于进一步加强和改进新时代城市规划建设管理工作关于进一步加强和改进新时代城市规划建设管理工作的讲话\n',
             'the title takes 4 lines of 20 characters (关于进一步加强和改进新时代城市规划建设 / 管理工作关于进一步加强和改进新时代城市 / 规划建设管理工作关于进一步加强和改进 / 新时代城市规划建设管理工作的讲话); a title reads best in at most three: shorten it'),
    'W305': ('orphan.yaml', 'kind: speech\ntitle: 讲话\nsections:\n  - heading: 坚持以人民为中心的发展思想不断提高城市治理现代化水\n    paragraphs: [正文。]\n',
             'the heading leaves `水` alone on its last line (…市治理现代化 / 水); shorten or lengthen it a little'),
    'W401': ('doc-number.yaml', 'kind: notice\ntitle: 关于开展排查的通知\ndoc_number: 青政发[2025]08号\n',
             '发文字号 `青政发[2025]08号` is printed `青政发〔2025〕8号`; write it so'),
    'W402': ('no-signer.yaml', 'kind: request\ntitle: 关于增拨资金的请示\n',
             'a 请示 is sent up and carries 签发人: add signer: with the name of who signed it off'),
    'W403': ('attachment.yaml', 'kind: notice\ntitle: 关于开展排查的通知\nopening: [具体要求见附件2。]\nattachments: [排查清单]\n',
             '`附件2` is referred to, but attachments: lists 1'),
    'E404': ('printed-early.yaml', 'kind: notice\ntitle: 关于开展排查的通知\ndate: 2025-03-18\nprinted_on: 2025-03-01\n',
             '印发日期 2025-03-01 is before the 成文日期 2025-03-18; a document is printed on or after the day it is dated'),
}

def _finding(code: str):
    name, text, _ = CHECK_SAMPLES[code]
    found = [f for f in check_text(text, name).findings if f.code == code]
    assert found, f"the sample of {code} does not trigger it"
    return found[0]


def test_every_check_code_has_a_sample():
    used = set()
    for module in (REPO / "drafter" / "authoring").glob("*.py"):
        used |= set(re.findall(r"[\"']([EW]\d{3})[\"']", module.read_text(encoding="utf-8")))
    assert used == set(RULES), "a code is used in drafter/authoring but has no Rule (or the reverse)"
    assert set(CHECK_SAMPLES) == set(RULES), "every check code needs a sample in CHECK_SAMPLES"


@pytest.mark.parametrize("code", sorted(CHECK_SAMPLES))
def test_the_sample_gives_the_english_message_under_en(code):
    finding = _finding(code)
    expected = CHECK_SAMPLES[code][2]
    if expected is not None:
        assert finding.message == expected
    assert RULES[code].description == RULES[code].summary


@pytest.mark.parametrize("code", sorted(CHECK_SAMPLES))
def test_the_message_is_chinese_under_zh(code, chinese):
    finding = _finding(code)
    assert is_chinese(finding.message), (finding.message, english_left(finding.message))


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_summary_is_chinese_under_zh(code, chinese):
    assert is_chinese(RULES[code].description), english_left(RULES[code].description)


def test_the_checker_catches_english_left_over():
    assert english_left("标题开头手写了编号“一、”；please remove it")
    assert not english_left("请添加 signer:，写上签发人的姓名；见 `drafter check FILE` 和 docs/companion.md")
    assert not is_chinese("section '统一思想' has no body")


def test_a_chinese_check_run_prints_chinese(tmp_path):
    import os
    import subprocess
    import sys

    path = tmp_path / "问题.yaml"
    path.write_text(CHECK_SAMPLES["W301"][1], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "drafter", "check", str(path)], capture_output=True,
                            text=True, env={**os.environ, "DRAFTER_LANG": "zh", "PYTHONPATH": str(REPO)})
    assert "W301" in result.stdout and "没有正文" in result.stdout, result.stdout + result.stderr
