"""``drafter new``: under zh the starter is commented in Chinese, under en in English; the keys
are the same in both, and every kind's starter renders and checks clean in either language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_l10n_check import english_left, is_chinese

from drafter.authoring.check import check_text
from drafter.authoring.starter import key_note
from drafter.authoring.starter_notes import NOTES, SAMPLES
from drafter.outline.kinds import KINDS
from drafter.outline.schema import fields_of

REPO = Path(__file__).resolve().parent.parent
_YAML_LINE = re.compile(r"^\s*#(?:\s*#)*\s*(?:[a-z_]+:|-(?:\s|$)|\{|yaml-language-server)")
_KEY = re.compile(r"^\s*(?:#\s*)?(?:-\s+)?([a-z_]+):", re.M)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def new_starter(kind: str, language: str, folder: Path) -> Path:
    """``drafter new KIND -o FILE`` run as a user's shell runs it, in ``language``."""
    path = folder / f"{kind}-{language}.yaml"
    result = subprocess.run([sys.executable, "-m", "drafter", "new", kind, "-o", str(path)],
                            capture_output=True, text=True,
                            env={**os.environ, "DRAFTER_LANG": language, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    return path


def notes_of(text: str) -> list[str]:
    """The comment lines that are prose (not YAML commented out), without their '#'."""
    return [line.strip().lstrip("# ").strip() for line in text.splitlines()
            if line.lstrip().startswith("#") and not _YAML_LINE.match(line)]


@pytest.fixture(scope="module")
def starters(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("starters")
    return {(kind, language): new_starter(kind, language, folder)
            for kind in sorted(KINDS) for language in ("zh", "en")}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_zh_starter_is_commented_in_chinese(kind, starters):
    text = starters[kind, "zh"].read_text(encoding="utf-8")
    notes = notes_of(text)
    assert len(notes) >= len(fields_of(KINDS[kind].model))
    for note in notes:
        assert is_chinese(note), (note, english_left(note))
    assert "固定接口" in text and "不要手写“一、”" in text


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_en_starter_is_commented_in_english(kind, starters):
    text = starters[kind, "en"].read_text(encoding="utf-8")
    assert "stable interface" in text and "do not type 一、" in text
    for note in notes_of(text):
        assert re.search(r"[A-Za-z]{3,}", note), note


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_both_starters_hold_the_same_keys_and_values(kind, starters):
    zh = starters[kind, "zh"].read_text(encoding="utf-8")
    en = starters[kind, "en"].read_text(encoding="utf-8")
    assert yaml.safe_load(zh) == yaml.safe_load(en)
    names = {s.name for r in _all_records() for s in fields_of(r)}
    assert [k for k in _KEY.findall(zh) if k in names] == [k for k in _KEY.findall(en) if k in names]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_starter_renders_and_checks_clean(kind, language, starters, render_docx):
    path = starters[kind, language]
    text = path.read_text(encoding="utf-8")
    assert check_text(text, path.name, path).findings == []
    document = render_docx(path)
    assert any(p.text.strip() for p in document.paragraphs)


@pytest.mark.parametrize("kind", sorted(k for k in KINDS if KINDS[k].language == "zh"))
def test_the_zh_kinds_sample_values_are_chinese(kind, starters):
    data = yaml.safe_load(starters[kind, "zh"].read_text(encoding="utf-8"))
    shown = data.get("title") or data.get("issuer_mark")
    assert _HAN.search(str(shown))
    if "sections" in data:
        assert _HAN.search(str(data["sections"][0]["heading"]))


def _records(cls, seen):
    import dataclasses
    import typing

    if cls in seen:
        return
    seen.append(cls)
    for spec in fields_of(cls):
        stack = [spec.hint]
        while stack:
            hint = stack.pop()
            stack.extend(typing.get_args(hint))
            if dataclasses.is_dataclass(hint):
                _records(hint, seen)


def _all_records() -> list[type]:
    records: list[type] = []
    for kind in KINDS.values():
        _records(kind.model, records)
    return records


def test_every_key_a_starter_writes_has_its_own_note():
    """A new key needs a starter note (what it is for, what drafter does with it) and its Chinese."""
    missing = []
    for kind in KINDS.values():
        text = __import__("drafter.authoring.starter", fromlist=["x"]).starter_outline(kind)
        for name in set(_KEY.findall(text)):
            records = []
            _records(kind.model, records)
            owners = [r for r in records if name in {s.name for s in fields_of(r)}]
            if owners and not any(f"{r.__name__}.{name}" in NOTES or name in NOTES for r in owners):
                missing.append(f"{kind.name}: {name}")
    assert not missing


def test_a_note_reads_in_the_current_language():
    from drafter import i18n

    spec = next(s for s in fields_of(KINDS["speech"].model) if s.name == "salutation")
    assert key_note(KINDS["speech"].model, spec).startswith("The salutation")
    i18n.set_language("zh")
    try:
        assert key_note(KINDS["speech"].model, spec).startswith("称谓")
    finally:
        i18n.set_language("en")


def test_the_samples_are_the_starters_own():
    """No sample copies the model's examples (which read like real documents): the starter's own words."""
    examples = set()
    for kind in KINDS.values():
        records = []
        _records(kind.model, records)
        for record in records:
            for spec in fields_of(record):
                if isinstance(spec.example, str) and _HAN.search(spec.example) and len(spec.example) > 8:
                    examples.add(spec.example)
    assert not examples & {v for v in SAMPLES.values() if isinstance(v, str)}


def test_every_note_has_its_chinese():
    from drafter import i18n
    from drafter.authoring.starter_notes import KIND_NAMES

    i18n.set_language("zh")
    try:
        untranslated = [note for note in [*NOTES.values(), *KIND_NAMES.values()] if i18n._(note) == note]
    finally:
        i18n.set_language("en")
    assert not untranslated


@pytest.mark.parametrize("language", ["zh", "en"])
def test_uncommenting_every_optional_key_keeps_the_starter_valid(language):
    """The commented-out samples are real values: removing their '# ' gives an outline that checks clean."""
    from drafter import i18n
    from drafter.authoring.starter import starter_outline

    i18n.set_language(language)
    try:
        for kind in KINDS.values():
            lines, inside = [], False
            for line in starter_outline(kind).splitlines():
                if re.match(r"^# [a-z_]+:", line) and not line.startswith(("# true:", "# false:")):
                    inside = not line.startswith("# department:")  # a pack folder that does not exist
                    lines.append(line[2:] if inside else line)
                elif inside and line.startswith("#   "):
                    lines.append(line[2:])
                else:
                    inside = False
                    lines.append(line)
            text = "\n".join(lines) + "\n"
            assert check_text(text, f"{kind.name}.yaml").findings == [], kind.name
    finally:
        i18n.set_language("en")
