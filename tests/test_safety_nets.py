"""Promises drafter makes off the common path: what a user sees when drafter itself has a bug,
when one edit of ``fix`` would not read back, when the template cache folder is not safe to use,
and the small commands and helpers no other test drove (``schema -o``, every starter placeholder)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import docx
import pytest
from click.testing import CliRunner, Result

import drafter.authoring.fix as fix_module
import drafter.extraction.pipeline as extraction_pipeline
from drafter import __version__
from drafter.authoring.check import check_text
from drafter.authoring.starter import starter_outline
from drafter.cli import cli
from drafter.compose.cache import template_cache
from drafter.compose.templates import Templates
from drafter.outline import yamlfile
from drafter.outline.json_schema import dumps, kind_schema, outline_schema
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.model import key
from drafter.outline.schema import Validator
from drafter.pipeline.render import Renderer

# -- a bug in drafter: one plain message, exit 3, the traceback only on request --------------------


@pytest.fixture
def planted_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendering an outline whose title mentions 故障 raises an exception drafter does not expect."""
    real_docx = Renderer.docx

    def docx_with_a_bug(self: Renderer, outline, toc=()):  # type: ignore[no-untyped-def]
        if "故障" in outline.document.title:
            raise RuntimeError("planted bug")
        return real_docx(self, outline, toc)

    monkeypatch.setattr(Renderer, "docx", docx_with_a_bug)


def test_an_internal_error_is_one_message_and_exit_3(
        planted_bug: None, write: Callable[[str, str], Path], tmp_path: Path, run_cli: Callable[..., Result],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAFTER_DEBUG", raising=False)
    outline = write("bug.yaml", "kind: speech\ntitle: 故障演示\n")
    target = tmp_path / "bug.docx"
    result = run_cli("render", outline, "-o", target)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (f"Error: internal error in drafter {__version__}: RuntimeError: planted bug. "
                             "Please report it with the outline; DRAFTER_DEBUG=1 shows the traceback.\n")
    assert not target.exists()


def test_drafter_debug_lets_the_traceback_through(
        planted_bug: None, write: Callable[[str, str], Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_DEBUG", "1")
    outline = write("bug.yaml", "kind: speech\ntitle: 故障演示\n")
    result = CliRunner().invoke(cli, ["render", str(outline), "-o", str(tmp_path / "bug.docx")])
    assert result.exit_code == 1  # click's runner: an exception escaped the command
    assert isinstance(result.exception, RuntimeError) and str(result.exception) == "planted bug"
    assert "internal error" not in result.stderr


def test_one_job_with_a_bug_does_not_stop_the_batch(
        planted_bug: None, write: Callable[[str, str], Path], tmp_path: Path,
        run_cli: Callable[..., Result]) -> None:
    for name, title in [("a", "城市更新工作"), ("b", "故障演示"), ("c", "乡村振兴工作")]:
        write(f"in/{name}.yaml", f"kind: speech\ntitle: {title}\n")
    out = tmp_path / "out"
    result = run_cli("batch", tmp_path / "in", "-o", out, "--jobs", "1")  # in this process: the bug is planted here
    assert result.exit_code == 1
    assert f"{tmp_path / 'in' / 'b.yaml'}: internal error: RuntimeError: planted bug" in result.stderr
    assert "Rendered 2 of 3 documents" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "c.docx"]
    assert [docx.Document(str(out / n)).paragraphs[0].text for n in ("a.docx", "c.docx")] == \
        ["城市更新工作", "乡村振兴工作"]


# -- fix: combined edits that do not read back are applied one scalar at a time ----------------

FIXABLE = "kind: speech\ntitle: 标题\nopening:\n  - 要抓好落实,确保实效.\n  - 要统筹推进,务求实效.\nclosing: [谢谢大家!]\n"


def test_fix_falls_back_to_one_scalar_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Plant a faulty edit (as a buggy rule would make) on the second paragraph: it adds a list
    # item, so the file no longer reads back as intended. The other edits must still be applied,
    # and the faulty one left undone and still reported.
    def check_with_a_faulty_edit(text: str, file: str = "<outline>"):  # type: ignore[no-untyped-def]
        checked = check_text(text, file)
        for index, finding in enumerate(checked.findings):
            if finding.edit is not None and finding.edit.path == ("opening", 1):
                bad = replace(finding.edit, replacement=finding.edit.replacement + "\n  - 注入")
                checked.findings[index] = replace(finding, edit=bad)
        return checked

    monkeypatch.setattr(fix_module, "check_text", check_with_a_faulty_edit)
    result = fix_module.fix_text(FIXABLE, "f.yaml")
    data = yamlfile.parse(result.text, "f.yaml").data
    assert data["opening"] == ["要抓好落实，确保实效。", "要统筹推进,务求实效."]
    assert data["closing"] == ["谢谢大家！"]
    assert "注入" not in result.text
    assert result.text.splitlines()[4] == "  - 要统筹推进,务求实效."
    assert {f.path for f in result.remaining} == {"opening[1]"}
    assert {f.path for f in result.fixed} == {"opening[0]", "closing[0]"}


def test_fix_without_faults_in_the_edits_applies_them_all_at_once() -> None:
    result = fix_module.fix_text(FIXABLE, "f.yaml")
    assert yamlfile.parse(result.text, "f.yaml").data["opening"] == ["要抓好落实，确保实效。", "要统筹推进，务求实效。"]
    assert result.remaining == []


# -- the compiled-template cache refuses a folder others could plant code in -------------------

def cache_entries(folder: Path) -> list[str]:
    """The compiled templates stored in a cache folder."""
    return sorted(p.name for p in (folder / "templates").glob("*.jinjacache"))


def render_once(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text("<p>{{ x }}</p>", encoding="utf-8")
    assert Templates([tmp_path]).render("t.j2", {"x": 1}) == "<p>1</p>"


def test_a_cache_folder_of_ones_own_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    render_once(tmp_path)
    assert cache_entries(tmp_path / "cache")
    assert stat.S_IMODE((tmp_path / "cache" / "templates").stat().st_mode) == 0o700


def test_a_cache_folder_writable_by_others_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache" / "templates"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    assert template_cache() is None
    render_once(tmp_path)
    assert cache_entries(tmp_path / "cache") == []


def test_a_cache_folder_owned_by_someone_else_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cache" / "templates").mkdir(parents=True, mode=0o700)
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    me = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: me + 1)  # the folder now belongs to "someone else"
    assert template_cache() is None
    render_once(tmp_path)
    assert cache_entries(tmp_path / "cache") == []


# -- drafter schema -o -------------------------------------------------------------------------

def test_schema_writes_a_file_with_o(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    target = tmp_path / "outline.schema.json"
    result = run_cli("schema", "-o", target)
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", f"Wrote {target}\n")
    assert target.read_text(encoding="utf-8") == dumps(outline_schema())
    assert json.loads(target.read_text(encoding="utf-8"))["$defs"]["Speech"]["required"] == ["kind", "title"]


def test_schema_of_one_kind_writes_a_file_with_o(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    target = tmp_path / "report.schema.json"
    target.write_text("an older schema", encoding="utf-8")
    result = run_cli("schema", "report", "-o", target)
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == dumps(kind_schema(KINDS["report"]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.schema.json"]  # no temporary file left


# -- the starter's placeholder for every value type -------------------------------------------

@dataclass(frozen=True)
class EveryType:
    """A kind whose required keys have one of each value type and no example (a made-up model)."""

    kind: Literal["every-type"] = key("The kind.")
    level: Literal["high", "low"] = key("One of a few words.")
    text: str = key("Some text.")
    flag: bool = key("Yes or no.")
    count: int = key("A whole number.")
    share: float = key("A number.")
    when: dt.date = key("A date.")
    label: str | None = key("Optional when given as None.", None)


def test_the_starter_has_a_placeholder_for_every_value_type() -> None:
    kind = Kind("every-type", EveryType, "A made-up kind with every value type.", "speech.j2")
    text = starter_outline(kind)
    body = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert body == ["kind: every-type", "level: high", "text: TODO", "flag: false", "count: 0", "share: 0",
                    "when: 2025-01-01"]
    document = yamlfile.parse(text, "starter.yaml")
    validator = Validator(document)
    built = validator.record(EveryType, document.data, ())
    assert validator.problems == []
    assert built == EveryType("every-type", "high", "TODO", False, 0, 0, dt.date(2025, 1, 1))


# -- extract: an extracted outline that does not validate is drafter's bug, said plainly ------

def test_extract_refuses_an_outline_that_does_not_validate(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]) -> None:
    real_build = extraction_pipeline.build_numbered

    def build_with_a_bug(*args, **kwargs):  # type: ignore[no-untyped-def]
        data = real_build(*args, **kwargs)
        data["sections"].append({"paragraphs": ["一段没有标题的正文。"]})  # a section needs a heading
        return data

    monkeypatch.setattr(extraction_pipeline, "build_numbered", build_with_a_bug)
    source = tmp_path / "talk.txt"
    source.write_text("关于城市更新工作的讲话\n\n同志们：\n\n一、统一思想\n\n今天我们开会。\n", encoding="utf-8")
    target = tmp_path / "talk.yaml"
    result = run_cli("extract", source, "-o", target)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {source}: the extracted outline does not validate (talk.txt (extracted):")
    assert "sections[1]: missing required key 'heading'" in result.stderr
    assert result.stderr.endswith("this is a bug in drafter extract — please report it with the document\n")
    assert not target.exists()

