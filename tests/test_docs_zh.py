"""The Chinese README and user guides (README.zh-CN.md, docs/zh/) say what drafter does.

Every outline, Markdown draft and department pack shown in them renders as shown; every
`drafter …` line of their ``sh`` blocks runs (in order, page by page, in a copy of the examples)
when the files it reads are there; their links stay inside the repository.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from zipfile import ZipFile

import docx
import pytest
from click.testing import Result

from conftest import REPO, soffice

README_ZH = REPO / "README.zh-CN.md"
GUIDES = sorted((REPO / "docs" / "zh").glob("*.md"))
PAGES = [README_ZH, *GUIDES]
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+)\"")


def page_id(page: Path) -> str:
    return str(page.relative_to(REPO))


def blocks(page: Path, language: str) -> list[str]:
    """The fenced code blocks of ``page`` in ``language`` (```yaml, ```sh …), in order."""
    return [body for lang, body in BLOCK.findall(page.read_text(encoding="utf-8")) if lang == language]


def outline_blocks(page: Path) -> list[str]:
    """The YAML blocks of ``page`` that are whole outlines (they start with ``kind:``)."""
    return [b for b in blocks(page, "yaml") if b.startswith("kind:")]


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A folder as a user has it: the example outlines (with data/ and figures/) and packs, and
    data/ and figures/ beside the outlines a guide shows, as its examples name them."""
    shutil.copytree(REPO / "outlines", tmp_path / "outlines")
    shutil.copytree(REPO / "departments", tmp_path / "departments")
    shutil.copytree(REPO / "outlines" / "data", tmp_path / "data")
    shutil.copytree(REPO / "outlines" / "figures", tmp_path / "figures")
    return tmp_path


@pytest.fixture
def in_folder(examples: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(examples)
    yield examples


def test_readme_links_the_chinese_readme_from_its_first_line() -> None:
    first = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[0]
    assert "](README.zh-CN.md)" in first


def test_every_guide_is_listed_in_the_index_and_the_chinese_readme() -> None:
    index = (REPO / "docs" / "zh" / "README.md").read_text(encoding="utf-8")
    readme = README_ZH.read_text(encoding="utf-8")
    for guide in GUIDES:
        if guide.name == "README.md":
            continue
        assert f"]({guide.name})" in index, f"docs/zh/README.md does not link {guide.name}"
        assert f"](docs/zh/{guide.name})" in readme, f"README.zh-CN.md does not link {guide.name}"


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_links_resolve_inside_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for forbidden in ("../shared", "/work/", "farm-studio"):
        assert forbidden not in text, f"{page.name} mentions {forbidden}"
    for match in LINK.finditer(text):
        target = (match.group(1) or match.group(2)).split("#")[0]
        if not target or re.match(r"[a-z]+:", target):
            continue
        resolved = (page.parent / target).resolve()
        assert resolved.is_relative_to(REPO), f"{page.name} links outside the repository: {target}"
        assert resolved.exists(), f"{page.name} links to a missing file: {target}"


@pytest.mark.parametrize("page", [p for p in PAGES if outline_blocks(p)], ids=page_id)
def test_every_outline_shown_renders_strictly_and_checks_clean(
        page: Path, in_folder: Path, run_cli: Callable[..., Result]) -> None:
    for number, text in enumerate(outline_blocks(page), 1):
        outline = in_folder / f"shown-{number}.yaml"
        outline.write_text(text, encoding="utf-8")
        rendered = run_cli("render", "--strict", outline, "-o", in_folder / f"shown-{number}.docx")
        assert rendered.exit_code == 0, f"{page.name}, outline {number}: {rendered.output}"
        checked = run_cli("check", outline)
        assert checked.exit_code == 0, f"{page.name}, outline {number}: {checked.output}"


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "markdown")], ids=page_id)
def test_every_markdown_draft_shown_renders(page: Path, in_folder: Path, run_cli: Callable[..., Result]) -> None:
    for number, text in enumerate(blocks(page, "markdown"), 1):
        draft = in_folder / f"草稿{number}.md"
        draft.write_text(text, encoding="utf-8")
        result = run_cli("render", "--strict", draft)
        assert result.exit_code == 0, f"{page.name}, draft {number}: {result.output}"
        assert (in_folder / f"草稿{number}.docx").exists()


def test_the_first_outline_numbers_as_the_guide_says(in_folder: Path, run_cli: Callable[..., Result]) -> None:
    page = REPO / "docs" / "zh" / "first-outline.md"
    (in_folder / "讲话.yaml").write_text(outline_blocks(page)[0], encoding="utf-8")
    assert run_cli("render", "讲话.yaml").exit_code == 0
    shown = [b for b in blocks(page, "text") if b.startswith("一、")][0].splitlines()
    paragraphs = [p.text for p in docx.Document(str(in_folder / "讲话.docx")).paragraphs]
    start = paragraphs.index(shown[0])
    assert paragraphs[start:start + len(shown)] == shown


def test_the_check_line_shown_is_what_check_prints(in_folder: Path) -> None:
    """The guide quotes the finding as a Chinese user sees it (``DRAFTER_LANG=zh``)."""
    page = REPO / "docs" / "zh" / "first-outline.md"
    outline = outline_blocks(page)[0].replace("千家万户，", "千家万户,")
    (in_folder / "讲话.yaml").write_text(outline, encoding="utf-8")
    shown = [b for b in blocks(page, "text") if b.startswith("讲话.yaml:")][0].strip()
    result = subprocess.run([sys.executable, "-m", "drafter", "check", "讲话.yaml"], capture_output=True,
                            text=True, cwd=in_folder,
                            env={**os.environ, "PYTHONPATH": str(REPO), "DRAFTER_LANG": "zh"})
    assert result.stdout.strip() == shown


def test_the_red_header_pack_shown_fills_in_the_notice(in_folder: Path, run_cli: Callable[..., Result]) -> None:
    page = REPO / "docs" / "zh" / "departments.md"
    pack = [b for b in blocks(page, "yaml") if b.startswith("# departments/water/department.yaml")][0]
    (in_folder / "departments" / "water").mkdir()
    (in_folder / "departments" / "water" / "department.yaml").write_text(pack, encoding="utf-8")
    (in_folder / "通知.yaml").write_text(outline_blocks(page)[0], encoding="utf-8")
    result = run_cli("render", "--strict", "通知.yaml", "-d", "departments/water")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(in_folder / "通知.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "江城市水务局文件" in texts and "江水发〔2025〕9号" in texts
    with ZipFile(in_folder / "通知.docx") as package:
        assert "D7000F" in package.read("word/styles.xml").decode("utf-8")
        assert "市防汛抗旱指挥部办公室" in package.read("word/document.xml").decode("utf-8")


def test_the_minimal_pack_shown_renders(in_folder: Path, run_cli: Callable[..., Result]) -> None:
    page = REPO / "docs" / "zh" / "departments.md"
    pack = [b for b in blocks(page, "yaml") if b.startswith("name: ")][0]
    (in_folder / "mine").mkdir()
    (in_folder / "mine" / "department.yaml").write_text(pack, encoding="utf-8")
    result = run_cli("render", "outlines/speech.yaml", "-o", "mine.docx", "-d", "mine")
    assert result.exit_code == 0, result.output


# -- the command lines of the sh blocks -----------------------------------------------------------

VALUE_OPTIONS = {"-o", "--output", "--pages", "--dpi", "--rate", "--kind", "--name", "--lang", "--format",
                 "--ignore", "--schema", "-w", "--workspace", "-j", "--jobs", "--now"}
"""Options whose next word is their value (not a file the command reads)."""
INPUT_OPTIONS = {"-d", "--department"}
"""Options whose value is a folder the command reads."""
NEEDS_OFFICE = {"--pdf", "--png", "--pages", "--update-fields", "--odt"}
SERVERS = {"mcp", "studio"}
MACHINE_DEPENDENT = {"doctor"}
"""Commands whose exit status says what this machine has installed (doctor: 1 when something is missing)."""


def command_lines(page: Path) -> list[list[str]]:
    """The ``drafter …`` lines of the page's sh blocks as words, comments taken off."""
    lines = []
    for block in blocks(page, "sh"):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] == ["drafter"]:
                lines.append(words[1:])
    return lines


def reads(words: list[str]) -> list[str]:
    """The files and folders a command line reads: its positional paths and -d folders."""
    found, skip = [], False
    for index, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word in VALUE_OPTIONS:
            skip = True
        elif word in INPUT_OPTIONS:
            found.append(words[index + 1])
            skip = True
        elif not word.startswith("-") and ("/" in word or re.search(r"\.(ya?ml|md|json|docx?|pdf|txt|wps)$", word)):
            found.append(word)
    if words[:2] == ["department", "init"]:
        return []  # its folder is what it writes
    return found


def supports_lang() -> bool:
    help_text = subprocess.run([sys.executable, "-m", "drafter", "--help"], capture_output=True, text=True,
                               cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}).stdout
    return "--lang" in help_text


@pytest.mark.parametrize("page", [p for p in PAGES if command_lines(p)], ids=page_id)
def test_every_command_shown_runs(page: Path, examples: Path) -> None:
    ran, office = 0, soffice() is not None
    for words in command_lines(page):
        if words[0] in SERVERS or (NEEDS_OFFICE & set(words) and not office):
            continue
        if "--lang" in words and not supports_lang():
            continue
        if any(not (examples / path).expanduser().exists() for path in reads(words)):
            continue  # an illustrative file (去年的讲话.docx): nothing to run it on
        result = subprocess.run([sys.executable, "-m", "drafter", *words], capture_output=True, text=True,
                                cwd=examples, env={**os.environ, "PYTHONPATH": str(REPO)})
        allowed = (0, 1) if words[0] in MACHINE_DEPENDENT else (0,)
        assert result.returncode in allowed, f"{page.name}: drafter {shlex.join(words)}\n{result.stderr}"
        assert "Traceback" not in result.stderr
        ran += 1
    assert ran, f"{page.name}: none of its commands ran"


def test_the_guides_run_many_commands() -> None:
    runnable = [w for p in PAGES for w in command_lines(p) if w[0] not in SERVERS]
    assert len(runnable) >= 25


def test_the_language_option_is_written_where_the_cli_takes_it() -> None:
    if not supports_lang():
        pytest.skip("drafter --lang is not built on this branch yet")
    said = {}
    for language in ("zh", "en"):  # as the guides write it: drafter --lang zh COMMAND
        result = subprocess.run([sys.executable, "-m", "drafter", "--lang", language, "kinds", "speech"],
                                capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 0, result.stderr
        said[language] = result.stdout
    assert said["zh"] != said["en"]
