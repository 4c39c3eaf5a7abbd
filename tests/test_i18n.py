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


# -- the command line in Chinese and in English -------------------------------------------------

import importlib.util  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from conftest import OUTLINES, REPO, needs_soffice  # noqa: E402

from drafter.cli import COMMANDS  # noqa: E402

HELP_PAGES = [[name] for name in sorted(COMMANDS)] + [["department", sub] for sub in ("init", "show", "learn")]
"""Every command's --help: the group's, each command's, and the subcommands of `department`."""


def drafter(*args: str | Path, env: dict[str, str] | None = None, **overrides: str) -> subprocess.CompletedProcess[str]:
    """``python -m drafter ARGS`` with the language left to the locale (no DRAFTER_LANG) unless
    ``overrides`` set it; returns the finished process (text decoded as UTF-8)."""
    environ = {k: v for k, v in (env or os.environ).items() if k not in ("DRAFTER_LANG", "LC_ALL", "LC_MESSAGES",
                                                                            "LANG", "LANGUAGE")}
    environ.update(PYTHONPATH=str(REPO), **overrides)
    return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=environ, timeout=120)


_KEPT_ENGLISH = [
    r"`[^`]*`",                                   # code: `drafter fix`, `kind:`
    r"\$?\b[A-Z][A-Z0-9_]*(?:\[\])?\b(?:\.\.\.)?",  # metavars, environment variables: OUTLINE, $DRAFTER_SOFFICE
    r"(?<![\w-])--?[a-z][\w-]*(?:=\S+)?",         # options: -o, --update-fields
    r"\[[a-z|]+\]",                               # choices: [text|json]
    r"\S*[/\\]\S*",                               # paths and URLs: outlines/speech.yaml, GB/T
    r"\S*\.[a-z]{2,4}\b",                         # file names and suffixes: department.yaml, .docx
    r"\b[a-z_]+(?:\[\])?:(?=\s|$)",               # YAML keys: department:, style: elements:
    r"\{[^}]*\}|<[^>]*>",                         # placeholders: {name}, <department name>
    r"\b(?:LibreOffice|Times New Roman|Liberation Serif|Noto Serif CJK SC|Markdown|Schema|Debian|Ubuntu|"
    r"Bash|TeX Live|MCP SDK|YAML|JSON|HTML|DOCX|ODT|PDF|PNG|CPU|AI|stdio|stderr|stdout|fontconfig)\b",
]
_ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:[ ,;']+[A-Za-z]+){2,}")
"""Three English words in a row: a sentence (or a piece of one) left untranslated."""
_ENGLISH_WORD = re.compile(r"\b(?:the|and|of|to|is|are|with|for|from|not|or|a|an|in|on|by|it|its|this|that|"
                           r"when|each|every|default|required)\b")


def english_sentences(help_text: str) -> list[str]:
    """The lines of a help page that still hold English prose: after taking out what stays as it
    is (example command lines, option names, metavars, file names, code, YAML keys, placeholders,
    product names), a line with three English words in a row or an English function word."""
    found = []
    for line in help_text.splitlines():
        text = line.strip()
        if re.match(r"(drafter|claude) ", text) or not text:
            continue  # an example command line
        if text.startswith("用法："):
            continue  # Usage: drafter render [OPTIONS] OUTLINE
        for pattern in _KEPT_ENGLISH:
            text = re.sub(pattern, " ", text)
        if _ENGLISH_RUN.search(text) or _ENGLISH_WORD.search(text):
            found.append(line)
    return found


def test_the_checker_finds_english_and_passes_what_stays_english():
    assert english_sentences("  --strict  Treat warnings as errors.") == ["  --strict  Treat warnings as errors."]
    assert english_sentences("  -o, --output PATH  见 `drafter fix` 和 outlines/speech.yaml；department: 键") == []
    assert english_sentences("    drafter render outlines/speech.yaml --pdf --png --pages 1-2") == []
    assert english_sentences("选项：\n  --format [text|json]  默认 {name}") == []
    assert english_sentences("  LibreOffice（soffice 在 PATH 中）the default") != []


@pytest.mark.parametrize("page", HELP_PAGES, ids=" ".join)
def test_every_help_page_is_chinese_under_a_chinese_locale(page):
    result = drafter(*page, "--help", LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法："), result.stdout
    assert "选项：" in result.stdout
    assert english_sentences(result.stdout) == [], result.stdout
    assert "示例" in result.stdout  # every page shows an example, its heading translated


def test_the_group_help_lists_every_command_in_chinese():
    result = drafter("--help", LANG="zh_CN.UTF-8")
    assert english_sentences(result.stdout) == [], result.stdout
    assert "命令：" in result.stdout and "把 YAML 提纲生成排好版的 DOCX" in result.stdout
    # no help line is wider than the terminal: Chinese is wrapped by display width
    from drafter.terminal import width
    assert max(width(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize("page", HELP_PAGES, ids=" ".join)
def test_every_help_page_is_english_under_the_c_locale(page):
    result = drafter(*page, "--help", LANG="C")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage:") and "Options:" in result.stdout
    assert not re.search(r"[\u4e00-\u9fff]{4}", result.stdout.replace("仿宋 三号", "")), result.stdout


def test_lang_overrides_the_locale_and_drafter_lang_anywhere_on_the_line():
    english = drafter("render", "--lang", "en", "--help", LANG="zh_CN.UTF-8", DRAFTER_LANG="zh")
    assert english.stdout.startswith("Usage: drafter render") and "Render OUTLINE" in english.stdout
    chinese = drafter("--lang=zh", "kinds", "--help", LANG="C")
    assert chinese.stdout.startswith("用法：") and "列出所有文种" in chinese.stdout
    via_variable = drafter("kinds", "--help", LANG="C", DRAFTER_LANG="zh")
    assert via_variable.stdout.startswith("用法：")


def test_an_unknown_language_is_a_usage_error():
    result = drafter("--lang", "fr", "kinds", LANG="C")
    assert result.returncode == 2
    assert "Invalid value for '--lang'" in result.stderr and "'fr' is not one of 'zh', 'en'" in result.stderr


def test_clicks_own_messages_are_chinese():
    unknown_option = drafter("render", "--pdff", "x.yaml", LANG="zh_CN.UTF-8")
    assert unknown_option.returncode == 2
    assert "错误：没有 '--pdff' 这个选项。" in unknown_option.stderr
    assert "是不是要写 '--pdf'" in unknown_option.stderr
    assert "可运行“drafter render --help”查看帮助。" in unknown_option.stderr
    missing = drafter("render", LANG="zh_CN.UTF-8")
    assert "错误：缺少参数 'OUTLINE'" in missing.stderr, missing.stderr  # click adds its own "."
    no_file = drafter("render", "不存在.yaml", LANG="zh_CN.UTF-8")
    assert "不存在" in no_file.stderr and "Error" not in no_file.stderr and "Usage" not in no_file.stderr
    bad_number = drafter("render", "x.yaml", "--dpi", "9", LANG="zh_CN.UTF-8")
    assert "的值无效" in bad_number.stderr and "不在 30<=x<=600 范围内" in bad_number.stderr


def test_drafter_s_own_cli_messages_are_chinese(tmp_path):
    unknown_kind = drafter("kinds", "minutez", LANG="zh_CN.UTF-8")
    assert "未知的文种 'minutez'；是不是要写 'minutes'？" in unknown_kind.stderr
    listing = drafter("kinds", LANG="zh_CN.UTF-8")
    assert "查看某一文种的全部键：drafter kinds NAME" in listing.stdout
    doctor = drafter("doctor", LANG="zh_CN.UTF-8")
    assert "办公软件（为 --pdf、--png 和 --update-fields 排版）" in doctor.stdout
    assert "预览用的字体" in doctor.stdout


def test_the_batch_progress_and_summary_are_chinese(tmp_path):
    result = drafter("batch", OUTLINES / "speech.yaml", "-o", tmp_path, LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "已生成 1 份文档中的 1 份" in result.stderr and "毫秒）。" in result.stderr


def test_in_process_the_help_follows_a_change_of_language(run_cli, monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "en")  # --lang sets it for child processes; restored afterwards
    try:
        chinese = run_cli("--lang", "zh", "fix", "--help")
        assert chinese.stdout.startswith("用法：") and "以统一差异格式显示改动" in chinese.stdout
        english = run_cli("--lang", "en", "fix", "--help")
        assert english.stdout.startswith("Usage:") and "Show the changes as a unified diff" in english.stdout
    finally:
        i18n.set_language("en")


# -- consoles and Chinese file names -------------------------------------------------------------

def test_a_gbk_console_gets_the_chinese_error_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: speech\ntitle: 讲话\n𠀀: 生僻字不在 GBK 里\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "drafter", "render", str(bad)], capture_output=True,
                            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "gbk",
                                 "DRAFTER_LANG": "zh"}, timeout=120)
    stderr = result.stderr.decode("gbk")
    assert result.returncode == 1, stderr
    assert stderr.startswith("错误：") and "Traceback" not in stderr and "内部出错" not in stderr
    assert "?" in stderr  # 𠀀 (outside GBK) is replaced, not a crash
    assert not (tmp_path / "bad.docx").exists()


def test_a_gbk_console_prints_chinese_data_on_stdout(tmp_path):
    result = subprocess.run([sys.executable, "-m", "drafter", "kinds"], capture_output=True,
                            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "gbk",
                                 "DRAFTER_LANG": "zh"}, timeout=120)
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    assert "座谈会纪要" in result.stdout.decode("gbk")


@pytest.fixture
def chinese_folder(tmp_path: Path) -> Path:
    """A folder with a Chinese name holding the speech outline under a Chinese name."""
    folder = tmp_path / "办公室 文稿"
    folder.mkdir()
    (folder / "讲话稿.yaml").write_text((OUTLINES / "speech.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_render_and_extract_take_chinese_paths(chinese_folder):
    rendered = drafter("render", chinese_folder / "讲话稿.yaml", "-o", chinese_folder / "输出.docx", LANG="zh_CN.UTF-8")
    assert rendered.returncode == 0, rendered.stderr
    assert f"已写出 {chinese_folder / '输出.docx'}" in rendered.stderr
    extracted = drafter("extract", chinese_folder / "输出.docx", "-o", chinese_folder / "提取.yaml", LANG="zh_CN.UTF-8")
    assert extracted.returncode == 0, extracted.stderr
    assert "文种：speech" in extracted.stderr
    again = drafter("render", chinese_folder / "提取.yaml", LANG="zh_CN.UTF-8")
    assert again.returncode == 0, again.stderr
    assert (chinese_folder / "提取.docx").is_file()


def test_batch_takes_chinese_folders(chinese_folder):
    out = chinese_folder.parent / "批量输出"
    result = drafter("batch", chinese_folder, "-o", out, LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert (out / "讲话稿.docx").is_file()


@needs_soffice
def test_previews_take_chinese_paths(chinese_folder):
    result = drafter("render", chinese_folder / "讲话稿.yaml", "--pdf", "--png", "--pages", "1", LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert (chinese_folder / "讲话稿.pdf").is_file() and (chinese_folder / "讲话稿-1.png").is_file()


# -- the catalogs ------------------------------------------------------------------------------

def _catalog_tool():
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("catalog", REPO / "tools" / "catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_has_its_translation():
    """tools/catalog.py check over the source: a message added without its translation fails here
    (run `python3 tools/catalog.py update`, translate, `compile`)."""
    catalog = _catalog_tool()
    assert catalog.missing_translations() == []


@pytest.mark.parametrize("domain", ["drafter", "click"])
def test_the_committed_mo_is_the_compiled_po(domain):
    catalog = _catalog_tool()
    for language in catalog.LANGUAGES:
        po = catalog.read(catalog.po_path(language, domain), language, domain)
        assert catalog.compiled(po) == catalog.mo_path(language, domain).read_bytes(), \
            f"{catalog.mo_path(language, domain)} is stale: run python3 tools/catalog.py compile"
