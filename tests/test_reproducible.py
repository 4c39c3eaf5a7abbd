"""Same outline, same drafter → the same bytes; the stamped time comes from --now,
SOURCE_DATE_EPOCH, the outline's date or a fixed value, never from the clock."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result

from drafter.pipeline.clock import parse_now
from tests.conftest import OUTLINES, REPO

EXAMPLES = sorted(OUTLINES.glob("*.yaml"))


def render_in_process(outline: Path, target: Path, *, env: dict[str, str]) -> bytes:
    """Render in a fresh interpreter with ``env`` added (hash seed, time zone…)."""
    inherited = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full_env = {**inherited, "PYTHONPATH": str(REPO), **env}
    subprocess.run([sys.executable, "-m", "drafter", "render", str(outline), "-o", str(target)],
                   check=True, capture_output=True, env=full_env)
    return target.read_bytes()


@pytest.mark.parametrize("outline", EXAMPLES, ids=lambda p: p.name)
def test_two_renders_are_byte_identical(outline: Path, tmp_path: Path) -> None:
    first = render_in_process(outline, tmp_path / "a.docx", env={"PYTHONHASHSEED": "1", "TZ": "UTC"})
    (tmp_path / "elsewhere").mkdir()
    copy = tmp_path / "elsewhere" / outline.name
    shutil.copy(outline, copy)
    for folder in ("data", "figures"):  # the spreadsheets and images an example's tables and figures use
        if (outline.parent / folder).is_dir():
            shutil.copytree(outline.parent / folder, tmp_path / "elsewhere" / folder)
    second = render_in_process(copy, tmp_path / "elsewhere" / "b.docx",
                               env={"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai"})
    assert first == second


@pytest.mark.parametrize("outline", EXAMPLES, ids=lambda p: p.name)
def test_in_process_renders_are_byte_identical(outline: Path, tmp_path: Path,
                                               run_cli: Callable[..., Result]) -> None:
    outputs = []
    for name in ("one.docx", "two.docx"):
        assert run_cli("render", outline, "-o", tmp_path / name).exit_code == 0
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_zip_entries_have_fixed_times_and_order(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    target = tmp_path / "speech.docx"
    run_cli("render", OUTLINES / "speech.yaml", "-o", target)
    with zipfile.ZipFile(target) as package:
        entries = package.infolist()
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert entries[0].filename == "[Content_Types].xml"
    assert len({e.filename for e in entries}) == len(entries)


def created(path: Path) -> dt.datetime:
    """The core property 'created' as python-docx reads it (UTC)."""
    value = docx.Document(str(path)).core_properties.created
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value


@pytest.fixture
def dated(write: Callable[[str, str], Path]) -> Path:
    return write("dated.yaml", "kind: speech\ntitle: 标题\ndate: 2025-07-18\nopening: [正文。]\n")


@pytest.fixture
def undated(write: Callable[[str, str], Path]) -> Path:
    return write("undated.yaml", "kind: speech\ntitle: 标题\nopening: [正文。]\n")


def test_outline_date_is_the_default_stamp(dated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           run_cli: Callable[..., Result]) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    run_cli("render", dated, "-o", tmp_path / "out.docx")
    assert created(tmp_path / "out.docx") == dt.datetime(2025, 7, 18, tzinfo=dt.timezone.utc)


def test_undated_outline_gets_a_fixed_stamp(undated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            run_cli: Callable[..., Result]) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    run_cli("render", undated, "-o", tmp_path / "out.docx")
    assert created(tmp_path / "out.docx") == dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def test_source_date_epoch_overrides_the_outline_date(dated: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      run_cli: Callable[..., Result]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run_cli("render", dated, "-o", tmp_path / "out.docx")
    assert created(tmp_path / "out.docx") == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("given, expected", [
    ("2025-03-01", dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)),
    ("2025-03-01T09:30:00+08:00", dt.datetime(2025, 3, 1, 1, 30, tzinfo=dt.timezone.utc)),
    ("2025-03-01T09:30:00Z", dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.timezone.utc)),
    ("@1700000000", dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)),
])
def test_now_option_overrides_everything(given: str, expected: dt.datetime, dated: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    result = run_cli("render", dated, "-o", tmp_path / "out.docx", "--now", given)
    assert result.exit_code == 0, result.output
    assert created(tmp_path / "out.docx") == expected
    assert parse_now(given) == expected


def test_same_now_gives_identical_bytes_different_now_does_not(dated: Path, tmp_path: Path,
                                                              run_cli: Callable[..., Result]) -> None:
    for name, now in (("a", "2025-01-01"), ("b", "2025-01-01"), ("c", "2025-01-02")):
        run_cli("render", dated, "-o", tmp_path / f"{name}.docx", "--now", now)
    a, b, c = ((tmp_path / f"{n}.docx").read_bytes() for n in "abc")
    assert a == b and a != c


def test_bad_now_is_a_usage_error(dated: Path, tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("render", dated, "-o", tmp_path / "out.docx", "--now", "yesterday")
    assert result.exit_code == 2
    assert ("Error: Invalid value for '--now': 'yesterday' is not a time; write 2025-07-18, "
            "2025-07-18T09:30:00+08:00 or @<seconds since 1970>") in result.stderr
    assert not (tmp_path / "out.docx").exists()
