"""The speed work keeps behaviour: caches stay correct, the sandbox still refuses, imports stay lazy.

Nothing here is timed; see benchmarks/run.py and docs/performance.md for the numbers.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO
from jinja2.bccache import bc_magic

from drafter.compose.blocks import Paragraph, Run
from drafter.compose.cache import template_cache
from drafter.compose.templates import Templates, builtin_dir
from drafter.docx.profile import Profile, load_profile
from drafter.docx.writer import DocumentInfo, write_docx
from drafter.errors import TemplateError


def modules_after(*argv: str) -> set[str]:
    """Top-level packages loaded by a real ``drafter ARGV…`` process by the time it exits."""
    watch = ("docx", "lxml", "jinja2", "yaml", "drafter.pipeline.render", "multiprocessing")
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: print('loaded:', *(m for m in {watch!r} if m in sys.modules), file=sys.stderr))\n"
            "from drafter.cli import main\n"
            f"sys.argv = ['drafter', *{list(argv)!r}]\n"
            "main()\n")
    # not under coverage (CI measures subprocesses): its start-up imports modules of its own
    env = {k: v for k, v in os.environ.items() if k not in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    line = [line for line in done.stderr.splitlines() if line.startswith("loaded:")][-1]
    return set(line.split()[1:])


def test_help_imports_no_rendering_machinery() -> None:
    assert modules_after("--help") == set()


def test_render_does_not_import_python_docx(tmp_path: Path) -> None:
    loaded = modules_after("render", str(REPO / "outlines" / "speech.yaml"), "-o", str(tmp_path / "s.docx"))
    assert {"jinja2", "yaml", "drafter.pipeline.render"} <= loaded
    assert "docx" not in loaded and "lxml" not in loaded and "multiprocessing" not in loaded


def test_a_small_batch_renders_without_a_process_pool(tmp_path: Path) -> None:
    outline = str(REPO / "outlines" / "speech.yaml")
    loaded = modules_after("batch", outline, "-o", str(tmp_path / "out"), "--jobs", "4")
    assert "multiprocessing" not in loaded
    assert (tmp_path / "out" / "speech.docx").is_file()


# -- the sandbox remembers its verdicts, and they are still Jinja's ---------------------------------

@pytest.fixture
def templates(tmp_path: Path) -> Templates:
    (tmp_path / "private.j2").write_text("{{ title.__class__ }}", encoding="utf-8")
    (tmp_path / "mutate.j2").write_text("{{ dept.clear() }}", encoding="utf-8")
    (tmp_path / "ok.j2").write_text("{{ title.upper() }}|{{ dept.get('a') }}", encoding="utf-8")
    return Templates([tmp_path])


@pytest.mark.parametrize("name", ["private.j2", "mutate.j2"])
def test_unsafe_access_is_refused_every_time(templates: Templates, name: str) -> None:
    context = {"title": "abc", "dept": {"a": 1}}
    for _ in range(3):  # the second and third answers come from the remembered verdict
        with pytest.raises(TemplateError, match="not allowed"):
            templates.render(name, context)
    assert context["dept"] == {"a": 1}


def test_safe_access_still_works(templates: Templates) -> None:
    for _ in range(2):
        assert templates.render("ok.j2", {"title": "abc", "dept": {"a": 1}}) == "ABC|1"


# -- compiled-template cache ------------------------------------------------------------------------

def test_compiled_templates_are_cached_and_invalidated_by_edits(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(cache))
    dept = tmp_path / "dept"
    dept.mkdir()
    (dept / "t.j2").write_text("one {{ x }}", encoding="utf-8")
    assert Templates([dept]).render("t.j2", {"x": 1}) == "one 1"
    entries = list((cache / "templates").iterdir())
    assert entries, "the compiled template was not stored"
    assert Templates([dept]).render("t.j2", {"x": 2}) == "one 2"  # loaded from the cache
    (dept / "t.j2").write_text("two {{ x }}", encoding="utf-8")
    assert Templates([dept]).render("t.j2", {"x": 3}) == "two 3"  # the edit is seen


def test_the_cache_folder_stays_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.compose.cache

    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(drafter.compose.cache, "MAX_ENTRIES", 10)
    for number in range(25):
        folder = tmp_path / f"dept{number}"
        folder.mkdir()
        (folder / "t.j2").write_text(f"{number}", encoding="utf-8")
        assert Templates([folder]).render("t.j2", {}) == str(number)
    assert len(list((tmp_path / "cache" / "templates").iterdir())) <= 10


def test_environments_that_compile_differently_do_not_share_entries(tmp_path: Path) -> None:
    from jinja2.compiler import CodeGenerator

    from drafter.compose.cache import environment_fingerprint

    class Checked(CodeGenerator):
        """A code generator as a guard would install (compiles some nodes differently)."""

    plain = Templates([tmp_path]).environment
    guarded = Templates([tmp_path]).environment
    guarded.code_generator_class = Checked
    operators = Templates([tmp_path]).environment
    operators.intercepted_binops = frozenset({"*"})
    prints = {environment_fingerprint(e) for e in (plain, guarded, operators)}
    assert len(prints) == 3
    assert environment_fingerprint(Templates([tmp_path]).environment) in prints


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    assert template_cache() is None


def test_an_unusable_cache_folder_does_not_stop_rendering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker))
    assert template_cache() is None
    (tmp_path / "t.j2").write_text("ok", encoding="utf-8")
    assert Templates([tmp_path]).render("t.j2", {}) == "ok"


@pytest.mark.parametrize("damage", [
    pytest.param(b"garbage", id="header-gone"),  # Jinja itself discards it
    pytest.param(bc_magic, id="cut-after-header"),  # pickle: EOFError
    pytest.param(bc_magic + b"garbage", id="checksum-garbled"),  # pickle: UnpicklingError
    pytest.param(bc_magic + b"\x80\x05\x95", id="checksum-cut"),
])
def test_a_damaged_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t.j2").write_text("fine {{ x }}", encoding="utf-8")
    Templates([tmp_path]).render("t.j2", {"x": 1})
    entries = list((tmp_path / "cache" / "templates").iterdir())
    assert entries
    for entry in entries:
        entry.write_bytes(damage)
    assert Templates([tmp_path]).render("t.j2", {"x": 2}) == "fine 2"
    assert all(entry.read_bytes().startswith(bc_magic) and entry.read_bytes() != damage for entry in entries), \
        "the damaged entry is replaced by a fresh one"


# -- per-profile parts are cached by identity, never shared between profiles -------------------------

def test_each_profile_gets_its_own_styles() -> None:
    base = load_profile([builtin_dir() / "profiles" / "gbt9704.yaml"])
    body = dataclasses.replace(base.style("body"), font="楷体")
    other = Profile(base.language, base.page, base.page_numbers, {**base.styles, "body": body})
    blocks = [Paragraph("body", (Run("正文。"),))]
    for profile, font in ((base, "仿宋_GB2312"), (other, "楷体"), (base, "仿宋_GB2312")):
        data = write_docx(blocks, profile, DocumentInfo("t"))
        with zipfile.ZipFile(__import__("io").BytesIO(data)) as package:
            styles = package.read("word/styles.xml").decode()
            document = package.read("word/document.xml").decode()
        assert f'w:eastAsia="{font}"' in styles.split("<w:style ")[0]  # document defaults
        assert f'w:eastAsia="{font}"' in document
