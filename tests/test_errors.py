"""How the foundation reports bad outlines: every problem at once, located, and no output touched."""

from __future__ import annotations

from conftest import run_process


def test_all_problems_are_reported_together_with_lines_and_key_paths(write, run_cli, tmp_path) -> None:
    outline = write("bad.yaml", """
        kind: speech
        title: [not, text]
        sections:
          - heading: 一
            paragraph: [typo]
          - headng: 二
        opening: {a: 1}
        """)
    result = run_cli("render", outline, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"Error: {outline}: 4 problems in the outline:"
    assert lines[1:] == [
        f"  {outline}:2:8: title: expected text, got a list",
        f"  {outline}:5:5: sections[0].paragraph: unknown key 'paragraph'; did you mean 'paragraphs'?",
        f"  {outline}:6:5: sections[1].headng: unknown key 'headng'; did you mean 'heading'?",
        f"  {outline}:7:10: opening: expected a list of paragraphs (or one paragraph as text), "
        "got a mapping of keys",
    ]
    assert not (tmp_path / "out.docx").exists()


def test_unknown_kind_suggests_the_nearest(write, run_cli) -> None:
    result = run_cli("render", write("k.yaml", "kind: speach\ntitle: x\n"))
    assert result.exit_code == 1
    assert "k.yaml:1:7: kind: unknown kind 'speach'; did you mean 'speech'?" in result.stderr


def test_a_failed_render_leaves_the_existing_output_byte_identical(write, run_cli, tmp_path) -> None:
    target = tmp_path / "keep.docx"
    target.write_bytes(b"previous draft")
    result = run_cli("render", write("bad.yaml", "kind: speech\ntitle: 标题\nsections: 3\n"), "-o", target)
    assert result.exit_code == 1
    assert target.read_bytes() == b"previous draft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "keep.docx"]


def test_bad_usage_exits_2(run_cli, tmp_path) -> None:
    result = run_cli("render", tmp_path / "missing.yaml")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_real_process_prints_no_traceback(write, tmp_path) -> None:
    outline = write("bad.yaml", "kind: speech\ntitle: 'unclosed\n")
    process = run_process("render", outline, "-o", tmp_path / "x.docx")
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    assert process.stderr == (f"Error: {outline}:2:8: invalid YAML: the quotation mark opened here "
                              "is never closed; add the closing quote\n")
    assert not (tmp_path / "x.docx").exists()
