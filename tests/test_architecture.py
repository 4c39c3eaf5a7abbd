"""The stages import downward only, as pyproject.toml's import contract says (docs/architecture.md).

The contract is checked with import-linter on the real package, and once on a copy with an upward
import planted, to show that the check can fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

pytest.importorskip("importlinter")


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the ``drafter`` package in ``folder``, with the contract in its pyproject.toml."""
    code = ("import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True,
                          env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"}, check=False)


def copy_of_package(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "drafter", tmp_path / "drafter", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_stages_keep_the_import_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "planted", "verdict"), [
    ("text/typography.py", "from drafter.compose import blocks",
     "drafter.text is not allowed to import drafter.compose"),                  # upward
    ("authoring/check.py", "from drafter.departments import pack",
     "drafter.authoring is not allowed to import drafter.departments"),         # sideways, between siblings
    ("docx/profile.py", "from drafter.departments import learn",
     "drafter.docx is not allowed to import drafter.departments"),              # the old pack <-> learn cycle
], ids=["upward", "between-siblings", "cycle"])
def test_a_planted_import_breaks_the_contract(tmp_path: Path, module: str, planted: str, verdict: str) -> None:
    folder = copy_of_package(tmp_path)
    target = folder / "drafter" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}  # noqa\n", encoding="utf-8")
    result = lint_imports(folder)
    assert result.returncode == 1
    assert verdict in result.stdout


def test_the_public_api_is_importable_and_not_shadowed_by_modules() -> None:
    code = ("import drafter, drafter.pipeline.render, drafter.extraction, drafter.outline.load; "
            "from drafter import render, load_outline, extract, Outline, DrafterError; "
            "assert drafter.render is render and callable(render), drafter.render; "
            "assert drafter.extract is extract and callable(extract), drafter.extract; "
            "print(load_outline('outlines/speech.yaml').title)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "以新理念引领城市更新，以新作为建设宜居城市"


def test_render_works_twice_in_one_process(tmp_path: Path) -> None:
    import drafter

    first = drafter.render(ROOT / "outlines" / "speech.yaml", tmp_path / "a.docx")
    second = drafter.render(ROOT / "outlines" / "speech.yaml", tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()


def test_an_unknown_outline_field_says_which_fields_there_are() -> None:
    from drafter import load_outline

    outline = load_outline(ROOT / "outlines" / "speech.yaml")
    assert outline.speaker == outline.document.speaker
    with pytest.raises(AttributeError, match=r"a speech outline has no field 'author'; its fields are kind, title"):
        outline.author


LINK = re.compile(r"\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+)\"")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_docs_link_only_inside_the_repository(doc: Path) -> None:
    assert "../shared" not in doc.read_text(encoding="utf-8"), f"{doc.name} names a folder outside the repository"
    for match in LINK.finditer(doc.read_text(encoding="utf-8")):
        target = (match.group(1) or match.group(2)).split("#")[0]
        if not target or re.match(r"[a-z]+:", target):
            continue
        resolved = (doc.parent / target).resolve()
        assert resolved.is_relative_to(ROOT), f"{doc.name} links outside the repository: {target}"
        assert resolved.exists(), f"{doc.name} links to a missing file: {target}"


def test_the_api_page_example_runs(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    example = page.split("```python\n", 1)[1].split("```", 1)[0]
    example = example.replace('"speech.docx"', repr(str(tmp_path / "speech.docx")))
    docx = tmp_path / "speech.docx"
    example = example.replace('extract("outlines/speech.docx")', f"extract({str(docx)!r})")
    result = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "speech 以新理念引领城市更新，以新作为建设宜居城市 李明"
