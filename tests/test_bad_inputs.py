"""The bad-input corpus (tests/bad/*.yaml, expectations in tests/bad/expected.txt).

Every file gets its exact message and exit code; every failure is one paragraph naming
file:line, prints nothing on stdout, creates no output file and leaves an existing one
byte-identical. A few inputs that once crashed the interpreter run in a real process.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result

from drafter.outline import yamlfile
from drafter.outline.kinds import KINDS
from tests.conftest import REPO

BAD = REPO / "tests" / "bad"
EXPECTED_FILE = BAD / "expected.txt"
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def read_expectations() -> dict[str, tuple[int, str]]:
    """``expected.txt`` → {file name: (exit code, exact stderr)}."""
    table: dict[str, tuple[int, str]] = {}
    name, code, lines = None, 0, []
    for line in [*EXPECTED_FILE.read_text(encoding="utf-8").splitlines(), "## end (exit 0)"]:
        header = re.fullmatch(r"## (\S+) \(exit (\d+)\)", line)
        if header:
            if name is not None:
                table[name] = (code, "\n".join(lines).strip("\n").replace("{kinds}", ", ".join(KINDS)) + "\n")
            name, code, lines = header.group(1), int(header.group(2)), []
        elif name is not None:
            lines.append(line)
        elif line and not line.startswith("#"):
            raise AssertionError(f"stray line before the first entry of {EXPECTED_FILE}: {line!r}")
    return table


EXPECTED = read_expectations()
CORPUS = sorted(p.name for p in BAD.glob("*.yaml"))
FAILING = [name for name in CORPUS if EXPECTED.get(name, (1, ""))[0] != 0]


def test_corpus_and_table_match() -> None:
    assert len(CORPUS) >= 50
    assert sorted(EXPECTED) == CORPUS


@pytest.fixture
def render_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                run_cli: Callable[..., Result]) -> Callable[..., Result]:
    """Copy a corpus file into an empty folder and run ``drafter render NAME [ARGS…]`` there."""
    monkeypatch.chdir(tmp_path)

    def run(name: str, *args: str) -> Result:
        shutil.copy(BAD / name, tmp_path / name)
        return run_cli("render", name, *args)

    return run


@pytest.mark.parametrize("name", CORPUS)
def test_exact_message_and_exit_code(name: str, render_here: Callable[..., Result]) -> None:
    code, stderr = EXPECTED[name]
    result = render_here(name)
    assert (result.exit_code, result.stderr) == (code, stderr)
    assert result.stdout == ""


@pytest.mark.parametrize("name", FAILING)
def test_failure_is_one_located_paragraph_and_writes_nothing(name: str, tmp_path: Path,
                                                             render_here: Callable[..., Result]) -> None:
    result = render_here(name)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "\n\n" not in result.stderr.strip() and "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(name)}:\d+:\d+: ", result.stderr), "names file:line:column"
    assert not CONTROL.search(result.stderr), "no raw control characters reach the terminal"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name], "no output or temporary file is left"


@pytest.mark.parametrize("name", FAILING)
def test_failure_leaves_existing_output_byte_identical(name: str, tmp_path: Path,
                                                       render_here: Callable[..., Result]) -> None:
    previous = tmp_path / "previous.docx"
    previous.write_bytes(b"PK\x03\x04 an earlier draft \xe4\xb8\xad")
    before = previous.read_bytes()
    result = render_here(name, "-o", str(previous))
    assert result.exit_code == 1
    assert previous.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "previous.docx"])


def test_bom_file_renders_with_its_text(tmp_path: Path, render_here: Callable[..., Result]) -> None:
    assert (BAD / "bom_utf8.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    assert render_here("bom_utf8.yaml").exit_code == 0
    document = docx.Document(str(tmp_path / "bom_utf8.docx"))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "以新理念引领城市更新"  # no BOM carried into the title
    assert "带字节顺序标记的文件也能读。" in texts


MEMORY_LIMIT = 512 * 1024 * 1024
"""Address space allowed to a drafter process handling a hostile file (a normal render uses ~30 MB
of memory and ~250 MB of address space)."""


def run_bounded(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m drafter ARGS`` with memory and CPU time capped: a bomb that expanded would die."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))

    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, preexec_fn=limit)


@pytest.mark.parametrize("name", ["billion_laughs.yaml", "recursive_alias.yaml", "deep_flow_nesting.yaml",
                                  "nul_byte_raw.yaml", "python_apply_tag.yaml", "non_utf8_gbk.yaml"])
def test_hostile_files_in_a_real_process(name: str, tmp_path: Path) -> None:
    shutil.copy(BAD / name, tmp_path / name)
    started = time.perf_counter()
    result = run_bounded("render", name, cwd=tmp_path)
    elapsed = time.perf_counter() - started
    print(f"{name}: refused in {elapsed:.2f} s (whole process)")
    assert (result.returncode, result.stderr) == EXPECTED[name]
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_brackets_nested_to_the_size_limit_do_not_crash_the_interpreter(tmp_path: Path) -> None:
    # A million nested brackets once overflowed the C stack inside libyaml's composer.
    depth = (yamlfile.MAX_BYTES - 100) // 2
    outline = tmp_path / "brackets.yaml"
    outline.write_text("kind: speech\ntitle: 标题\nopening: " + "[" * depth + "]" * depth + "\n")
    result = run_bounded("render", outline.name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    # drafter stops at 64 levels; a libyaml built with its own 1,000-level limit may stop first
    # while scanning ahead, at a later column and without a key path.
    assert re.fullmatch(r"Error: brackets\.yaml:3:\d+: (opening\[0\]\[0\]\[0\]: )?values nest more than 64 "
                        r"levels deep; an outline never needs that many \(unbalanced brackets\?\)\n",
                        result.stderr), result.stderr


def test_ten_megabyte_outline_is_refused_before_parsing(tmp_path: Path,
                                                        run_cli: Callable[..., Result]) -> None:
    paragraph = "  - " + "城市更新要坚持以人民为中心，" * 20 + "\n"
    body = paragraph * (10 * 1024 * 1024 // len(paragraph.encode()) + 1)
    outline = tmp_path / "huge.yaml"
    outline.write_text("kind: speech\ntitle: 很长的讲话\nopening:\n" + body, encoding="utf-8")
    size = outline.stat().st_size
    assert size > 10 * 1024 * 1024
    out = tmp_path / "huge.docx"
    result = run_cli("render", outline, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {outline}:1:1: the file is {size / 1024 / 1024:.1f} MB; "
                             f"outlines are limited to {yamlfile.MAX_BYTES // 1024 // 1024} MB\n")
    assert not out.exists()


def test_alias_repeating_a_long_text_is_refused(tmp_path: Path) -> None:
    # Few values but much text: 100,000 aliases of a 1,000-character paragraph (100 M characters,
    # 300 MB as Python text, several GB once rendered) must not get past the reader.
    outline = tmp_path / "text_bomb.yaml"
    outline.write_text("kind: speech\ntitle: 标题\nbase: &p " + "长" * 1000 + "\nopening: ["
                       + ", ".join(["*p"] * 100_000) + "]\n", encoding="utf-8")
    result = run_bounded("render", outline.name, "-o", "out.docx", cwd=tmp_path)
    assert result.returncode == 1
    assert (f"the outline expands to more than {yamlfile.MAX_CHARS:,} characters of text"
            in result.stderr)
    assert not (tmp_path / "out.docx").exists()
