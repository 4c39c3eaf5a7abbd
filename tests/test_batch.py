"""``drafter batch``: many outlines in parallel; broken ones reported and skipped, exit 1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result
from conftest import REPO, run_process
from docx.oxml.ns import qn

import drafter.pipeline.batch as batch_module
from drafter.pipeline.batch import (
    BatchError,
    Job,
    chunk_size,
    collect_outlines,
    plan_jobs,
    run_batch,
)

REAL_DOCS_PER_WORKER = batch_module.DOCS_PER_WORKER
TOPICS = ["城市更新", "乡村振兴", "生态保护", "营商环境", "数字政府", "安全生产"]


def speech_yaml(number: int) -> str:
    """A valid speech outline whose title and text differ with ``number``."""
    topic = TOPICS[number % len(TOPICS)]
    return (
        "kind: speech\n"
        f"title: 关于{topic}工作的讲话（第{number}次）\n"
        "speaker: 王平\n"
        "date: 2025-03-0%d\n" % (number % 9 + 1)
        + "salutation: 同志们\n"
        "opening:\n"
        f"  - 今天召开会议，专题研究{topic}工作，第{number}项任务需要统筹安排。\n"
        "sections:\n"
        f"  - heading: 统一思想，把握{topic}的总体要求\n"
        "    paragraphs:\n"
        f"      - 各单位要把{topic}摆在重要位置,抓紧抓实。\n"
        "    sections:\n"
        "      - heading: 明确目标任务\n"
        "        paragraphs:\n"
        f"          - 今年要完成{number + 10}项重点任务。\n"
        "closing:\n"
        "  - 谢谢大家！\n"
    )


BROKEN = {
    # file name: (text, the "file:line" the report must name)
    "b_unknown_key.yaml": ("kind: speech\ntitle: 标题\nsalutation: 同志们\nsectoins: []\n", 4),
    "b_bad_yaml.yaml": ("kind: speech\ntitle: 标题\nopening:\n  - 第一段\n - 缩进错了\n", 5),
    "b_wrong_type.yml": ("kind: speech\ntitle: 标题\nsections:\n  - heading: 一\n    paragraphs:\n"
                         "      - 正文\n    sections: 不是列表\n", 7),
}


@pytest.fixture(autouse=True)
def pool_even_for_small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use worker processes even for the few documents of these tests (normally 8 per worker)."""
    monkeypatch.setattr(batch_module, "DOCS_PER_WORKER", 1)


@pytest.fixture
def outline_dir(tmp_path: Path) -> Path:
    """A folder of six good outlines and three broken ones (plus a file that is not an outline)."""
    folder = tmp_path / "outlines"
    folder.mkdir()
    for number in range(6):
        (folder / f"g{number}.yaml").write_text(speech_yaml(number), encoding="utf-8")
    for name, (text, _line) in BROKEN.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "notes.txt").write_text("not an outline", encoding="utf-8")
    return folder


def test_good_outlines_render_and_broken_ones_are_reported(
        outline_dir: Path, tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    out = tmp_path / "out"
    result = run_cli("batch", outline_dir, "-o", out, "--jobs", "2")
    assert result.exit_code == 1
    for number in range(6):
        document = docx.Document(str(out / f"g{number}.docx"))
        texts = [p.text for p in document.paragraphs]
        assert texts[0] == f"关于{TOPICS[number % len(TOPICS)]}工作的讲话（第{number}次）"
        assert f"今年要完成{number + 10}项重点任务。" in "".join(texts)
        assert any("，抓紧抓实" in t for t in texts)  # punctuation normalised as in `render`
    for name, (_text, line) in BROKEN.items():
        assert not (out / (Path(name).stem + ".docx")).exists()
        assert f"{outline_dir / name}:{line}:" in result.stderr
    assert "Rendered 6 of 9 documents" in result.stderr
    assert "3 failed" in result.stderr
    assert "notes" not in result.stderr


def test_batch_output_looks_like_render(
        outline_dir: Path, tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    single = tmp_path / "single.docx"
    assert run_cli("render", outline_dir / "g3.yaml", "-o", single).exit_code == 0
    run_cli("batch", outline_dir / "g3.yaml", "-o", tmp_path / "out")
    assert (tmp_path / "out" / "g3.docx").read_bytes() == single.read_bytes()
    body = docx.Document(str(tmp_path / "out" / "g3.docx")).styles["Normal"]
    fonts = body.element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋_GB2312"


def test_jobs_1_and_2_write_identical_files(
        outline_dir: Path, tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_cli("batch", outline_dir, "-o", one, "--jobs", "1").exit_code == 1
    assert run_cli("batch", outline_dir, "-o", two, "--jobs", "2").exit_code == 1
    names = sorted(p.name for p in one.iterdir())
    assert names == [f"g{n}.docx" for n in range(6)]
    assert sorted(p.name for p in two.iterdir()) == names
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_all_good_exits_0_as_a_real_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    count = 2 * REAL_DOCS_PER_WORKER + 1  # enough for two workers in a real process
    for number in range(count):
        (folder / f"n{number:02d}.yml").write_text(speech_yaml(number), encoding="utf-8")
    result = run_process("batch", folder, "-o", tmp_path / "out", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert f"Rendered {count} of {count} documents" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"n{n:02d}.docx" for n in range(count)]


def test_a_broken_outline_fails_a_real_process_with_exit_1(outline_dir: Path, tmp_path: Path) -> None:
    result = run_process("batch", outline_dir / "g0.yaml", outline_dir / "b_bad_yaml.yaml",
                         "-o", tmp_path / "out")
    assert result.returncode == 1
    assert f"Error: {outline_dir / 'b_bad_yaml.yaml'}:5:" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "g0.docx").is_file()


def test_files_and_folders_mix_and_folders_are_sorted(outline_dir: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(speech_yaml(9), encoding="utf-8")
    found = collect_outlines([extra, outline_dir])
    assert found[0] == extra
    assert [p.name for p in found[1:]] == sorted(p.name for p in outline_dir.iterdir() if p.suffix != ".txt")


def test_an_outline_named_twice_renders_once(outline_dir: Path) -> None:
    found = collect_outlines([outline_dir / "g1.yaml", outline_dir, outline_dir / "g1.yaml"])
    assert found.count(outline_dir / "g1.yaml") == 1
    assert found[0] == outline_dir / "g1.yaml"


def test_an_empty_folder_is_an_error(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("batch", tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "no outlines (*.yaml, *.yml) in this folder" in result.stderr


def test_an_output_folder_that_is_a_file_is_bad_usage(
        outline_dir: Path, tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    # click's own check on -o (file_okay=False) answers first: exit 2, before any outline is read
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    result = run_cli("batch", outline_dir / "g0.yaml", "-o", tmp_path / "taken")
    assert result.exit_code == 2
    assert f"Invalid value for '-o' / '--output': Directory '{tmp_path / 'taken'}' is a file." in result.stderr
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "a file"


def test_an_output_folder_that_cannot_be_created_is_an_error(
        outline_dir: Path, tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    # drafter's own check: OUTDIR does not exist, and mkdir fails (a file stands where a folder must go)
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    target = tmp_path / "taken" / "out"
    result = run_cli("batch", outline_dir / "g0.yaml", "-o", target)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot create the output folder {target}: Not a directory\n"
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "a file"


def test_two_outlines_with_one_output_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(BatchError, match="would both be written as s.docx"):
        plan_jobs([tmp_path / "a" / "s.yaml", tmp_path / "b" / "s.yaml"], tmp_path / "out")


def test_several_departments_get_a_folder_each(
        tmp_path: Path, write: Callable[[str, str], Path], run_cli: Callable[..., Result]) -> None:
    outline = write("talk.yaml", speech_yaml(1))
    for name, office, font in [("water", "水务局办公室", "宋体"), ("parks", "园林局办公室", "楷体_GB2312")]:
        write(f"depts/{name}/department.yaml", f"name: {office}\nstyle:\n  elements:\n    body: {{font: {font}}}\n")
        write(f"depts/{name}/templates/speech.j2", """
            {% extends "base/speech.j2" %}
            {% block signature %}<p style="body">{{ dept.name }}</p>{% endblock %}
            """)
    result = run_cli("batch", outline, "-o", tmp_path / "out",
                     "--department", tmp_path / "depts/water", "--department", tmp_path / "depts/parks")
    assert result.exit_code == 0, result.stderr
    water = docx.Document(str(tmp_path / "out" / "water" / "talk.docx"))
    parks = docx.Document(str(tmp_path / "out" / "parks" / "talk.docx"))
    assert water.paragraphs[-1].text == "水务局办公室"
    assert parks.paragraphs[-1].text == "园林局办公室"
    east_asian = [d.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) for d in (water, parks)]
    assert east_asian == ["宋体", "楷体_GB2312"]


def test_run_batch_keeps_job_order_whatever_finishes_first(outline_dir: Path, tmp_path: Path) -> None:
    jobs = plan_jobs(collect_outlines([outline_dir]), tmp_path)
    seen: list[int] = []
    outcomes = run_batch(jobs, 2, progress=seen.append)
    assert [o.job for o in outcomes] == jobs
    assert sum(seen) == len(jobs)
    assert [o.ok for o in outcomes] == [not j.source.name.startswith("b_") for j in jobs]


def test_chunks_are_bounded() -> None:
    assert chunk_size(1, 2) == 1
    assert chunk_size(100, 2) == 7
    assert chunk_size(10_000, 2) == 16


def test_an_unwritable_target_fails_only_its_job(tmp_path: Path) -> None:
    good = tmp_path / "g.yaml"
    good.write_text(speech_yaml(2), encoding="utf-8")
    (tmp_path / "out").mkdir()
    blocked = Job(good, tmp_path / "out" / "is_a_dir.docx")
    blocked.target.mkdir()
    outcomes = run_batch([blocked, Job(good, tmp_path / "out" / "g.docx")], 1)
    assert "it is a directory" in (outcomes[0].error or "")
    assert outcomes[1].ok and outcomes[1].job.target.is_file()


def long_speech_yaml(number: int) -> str:
    """A valid speech of about 200 paragraphs (slow enough to interrupt a batch of them)."""
    sections = "".join(
        f"  - heading: 第{s}部分的要求\n    paragraphs:\n"
        + "".join(f"      - 第{number}篇第{s}部分第{p}段，各单位要抓好落实，确保取得实效。\n" for p in range(20))
        for s in range(10))
    return f"kind: speech\ntitle: 长篇讲话{number}\nsections:\n{sections}"


def test_ctrl_c_stops_the_batch_and_leaves_only_complete_files(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    count = 300
    for number in range(count):
        (folder / f"l{number:03d}.yaml").write_text(long_speech_yaml(number), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "drafter", "batch", str(folder), "-o", str(out), "--jobs", "2"],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as from a terminal
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(out.glob("*.docx"))) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    stderr = process.communicate(timeout=120)[1]
    assert process.returncode == 130, stderr
    assert "Interrupted after" in stderr and "Traceback" not in stderr
    written = sorted(out.glob("*.docx"))
    assert 0 < len(written) < count
    assert not [p for p in out.iterdir() if p.suffix == ".tmp"]
    for path in written:
        with zipfile.ZipFile(path) as package:
            assert package.testzip() is None
