"""Where the DOCX goes: clear refusals for bad output paths, and a failed or interrupted write
never leaves a half-written file, a temporary file, or a changed earlier output."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result

from drafter import output
from tests.conftest import IS_ROOT, OUTLINES

SPEECH = OUTLINES / "speech.yaml"


def test_output_in_a_missing_folder(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    target = tmp_path / "nowhere" / "speech.docx"
    result = run_cli("render", SPEECH, "-o", target)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: cannot write {target}: the folder {target.parent} does not exist\n"
    assert not target.parent.exists()


def test_output_under_a_file(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    (tmp_path / "notes").write_text("not a folder")
    target = tmp_path / "notes" / "sub" / "speech.docx"
    result = run_cli("render", SPEECH, "-o", target)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: {tmp_path / 'notes'} is a file, not a folder\n"
    assert (tmp_path / "notes").read_text() == "not a folder"


def test_output_that_is_a_directory(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("render", SPEECH, "-o", tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot write {tmp_path}: it is a directory; give a file name such as "
                             f"{tmp_path / 'out.docx'}\n")
    assert list(tmp_path.iterdir()) == []


def test_output_over_the_outline_itself(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    outline = tmp_path / "speech.yaml"
    outline.write_bytes(SPEECH.read_bytes())
    result = run_cli("render", outline, "-o", outline)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot write {outline}: it is the outline being rendered; "
                             "give another output name (-o …docx)\n")
    assert outline.read_bytes() == SPEECH.read_bytes()


@pytest.mark.skipif(IS_ROOT, reason="root may write anywhere; permission bits cannot refuse it (CI runs the "
                    "suite as an ordinary user, so these run there)")
def test_unwritable_folder(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_cli("render", SPEECH, "-o", folder / "speech.docx")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot write {folder / 'speech.docx'}: no permission to write in "
                             f"{folder}\n")
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(IS_ROOT, reason="root may write anywhere; permission bits cannot refuse it (CI runs the "
                    "suite as an ordinary user, so these run there)")
def test_read_only_existing_output(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    target = tmp_path / "speech.docx"
    target.write_bytes(b"earlier")
    target.chmod(0o444)
    result = run_cli("render", SPEECH, "-o", target)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: the file is read-only\n"
    assert target.read_bytes() == b"earlier"


def test_write_that_fails_midway_leaves_the_earlier_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           run_cli: Callable[..., Result]) -> None:
    # Works as root too: the failure is injected where the disk would report it (disk full).
    target = tmp_path / "speech.docx"
    target.write_bytes(b"earlier draft")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", full_disk)
    result = run_cli("render", SPEECH, "-o", target)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: No space left on device\n"
    assert target.read_bytes() == b"earlier draft"
    assert [p.name for p in tmp_path.iterdir()] == ["speech.docx"], "the temporary file is removed"


def test_interrupted_write_leaves_the_earlier_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     run_cli: Callable[..., Result]) -> None:
    target = tmp_path / "speech.docx"
    target.write_bytes(b"earlier draft")
    real_fdopen = os.fdopen

    class Interrupting:
        def __init__(self, handle: int, mode: str) -> None:
            self.file = real_fdopen(handle, mode)

        def __enter__(self) -> Interrupting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> None:
            self.file.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fdopen", Interrupting)
    result = run_cli("render", SPEECH, "-o", target)
    assert result.exit_code == 130
    assert result.stderr == "Interrupted; no output was changed.\n"
    assert target.read_bytes() == b"earlier draft"
    assert [p.name for p in tmp_path.iterdir()] == ["speech.docx"]


def test_successful_write_replaces_and_keeps_permissions(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    target = tmp_path / "speech.docx"
    target.write_bytes(b"earlier draft")
    target.chmod(0o640)
    result = run_cli("render", SPEECH, "-o", target)
    assert result.exit_code == 0
    assert result.stderr == f"Wrote {target}\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert docx.Document(str(target)).paragraphs[0].text == "以新理念引领城市更新，\n以新作为建设宜居城市"
    assert [p.name for p in tmp_path.iterdir()] == ["speech.docx"]


def test_unwritable_folder_as_seen_by_an_ordinary_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        run_cli: Callable[..., Result]) -> None:
    # The same check as test_unwritable_folder, runnable as root: the folder is reported unwritable.
    folder = tmp_path / "locked"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(output.os, "access",
                        lambda path, mode: False if Path(path) == folder else real_access(path, mode))
    result = run_cli("render", SPEECH, "-o", folder / "speech.docx")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot write {folder / 'speech.docx'}: no permission to write in "
                             f"{folder}\n")
    assert list(folder.iterdir()) == []


def test_permission_refused_at_write_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          run_cli: Callable[..., Result]) -> None:
    # A folder that passes the early check but refuses the temporary file (e.g. a network share).
    target = tmp_path / "speech.docx"
    target.write_bytes(b"earlier draft")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    result = run_cli("render", SPEECH, "-o", target)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: Permission denied\n"
    assert target.read_bytes() == b"earlier draft"


def test_writing_to_a_device_writes_through_it_instead_of_replacing_it(write, run_cli) -> None:
    import stat

    outline = write("ok.yaml", "kind: speech\ntitle: 标题\n")
    result = run_cli("render", outline, "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
