"""What ``render`` says: typed heading numbers, placeholders, empty sections, --strict, batch."""

from pathlib import Path

import docx

SPEECH = """\
kind: speech
title: 在全市工作会议上的讲话
speaker: 张三
sections:
  - heading: {first}
    paragraphs:
      - {paragraph}
  - heading: 抓好落实
    sections:
      - heading: {second}
        paragraphs: [正文。]
"""


def _outline(write, first="提高认识", second="明确责任", paragraph="正文。") -> Path:  # type: ignore[no-untyped-def]
    return write("talk.yaml", SPEECH.format(first=first, second=second, paragraph=paragraph))


def test_a_typed_number_that_matches_is_taken_off_with_a_warning(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = _outline(write, first="一、提高认识", second="(一)明确责任")
    result = run_cli("render", outline, "-o", tmp_path / "t.docx")
    assert result.exit_code == 0
    assert (f"Warning: {outline}:5:14: sections[0].heading: heading starts with the number `一、` typed by "
            "hand; drafter numbers it `一、` itself, so the typed one was left out (`drafter fix` removes "
            "it from the outline)") in result.stderr
    assert f"Warning: {outline}:10:18: sections[1].sections[0].heading: heading starts with the number `(一)`" \
        in result.stderr
    text = [p.text for p in docx.Document(str(tmp_path / "t.docx")).paragraphs]
    assert "一、提高认识" in text and not any("一、一、" in t for t in text)
    assert any(t.startswith("（一）明确责任。") for t in text)


def test_a_typed_number_that_contradicts_its_position_is_refused(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = _outline(write, first="二、提高认识")
    result = run_cli("render", outline, "-o", tmp_path / "t.docx")
    assert result.exit_code == 1 and not (tmp_path / "t.docx").exists()
    assert result.stderr.strip() == (
        f"Error: {outline}:5:14: sections[0].heading: heading starts with the number `二、`, but as "
        "section 1 of level 1 drafter numbers it `一、`; remove the typed number (`drafter fix` does) "
        "or move the section")


def test_a_level_two_number_on_level_one_is_refused(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("render", _outline(write, first="（一）提高认识"), "-o", tmp_path / "t.docx")
    assert result.exit_code == 1 and "drafter numbers it `一、`" in result.stderr


def test_placeholders_and_empty_sections_warn(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = write("talk.yaml", """\
        kind: speech
        title: 在XX会议上的讲话
        sections:
          - heading: 提高认识
            paragraphs: [投资××万元，【待补充】。]
          - heading: 抓好落实
        """)
    result = run_cli("render", outline, "-o", tmp_path / "t.docx")
    assert result.exit_code == 0
    assert f"Warning: {outline}:2:9: title: placeholder `XX` was never filled in" in result.stderr
    assert f"Warning: {outline}:5:20: sections[0].paragraphs[0]: placeholder `××` was never filled in" \
        in result.stderr
    assert (f"Warning: {outline}:6:14: sections[1].heading: section '抓好落实' has no body: add paragraphs, "
            "points or subsections") in result.stderr


def test_strict_makes_warnings_errors_and_writes_nothing(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = _outline(write, paragraph="投资XX万元。")
    result = run_cli("render", outline, "-o", tmp_path / "t.docx", "--strict")
    assert result.exit_code == 1 and not (tmp_path / "t.docx").exists()
    assert result.stderr.startswith(f"Error: {outline}: 1 warning, and --strict makes warnings errors; "
                                    "nothing was written:\n")
    assert f"{outline}:7:11: sections[0].paragraphs[0]: placeholder `XX` was never filled in" in result.stderr
    clean = run_cli("render", _outline(write), "-o", tmp_path / "t.docx", "--strict")
    assert clean.exit_code == 0 and "Warning" not in clean.stderr


def test_batch_reports_warnings_in_its_summary(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _outline(write, paragraph="投资XX万元。")
    write("clean.yaml", SPEECH.format(first="提高认识", second="明确责任", paragraph="正文。"))
    result = run_cli("batch", tmp_path, "-o", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 0
    assert "placeholder `XX` was never filled in" in result.stderr
    assert "Rendered 2 of 2 documents" in result.stderr and "; 1 warning in 1 of them." in result.stderr
    strict = run_cli("batch", tmp_path / "talk.yaml", tmp_path / "clean.yaml", "-o", tmp_path / "strict",
                     "--strict", "--jobs", "1")
    assert strict.exit_code == 1 and "; 1 failed." in strict.stderr
    assert not (tmp_path / "strict" / "talk.docx").exists() and (tmp_path / "strict" / "clean.docx").exists()


BODY_REPORT = """\
kind: report
title: 关于城市更新工作的报告
sections:
  - heading: 总体情况
    body:
      - 全年推进顺利。
      - section:
          heading: {first}
          body: [正文。]
      - 小节之间的一段。
      - section:
          heading: {second}
          body: []
"""


def test_subsections_in_an_ordered_body_are_reviewed_like_sections(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = write("r.yaml", BODY_REPORT.format(first="（一）用地保障", second="资金XX情况"))
    result = run_cli("render", outline, "-o", tmp_path / "r.docx")
    assert result.exit_code == 0, result.stderr
    assert (f"Warning: {outline}:8:20: sections[0].body[1].section.heading: heading starts with the number "
            "`（一）` typed by hand") in result.stderr
    assert "sections[0].body[3].section.heading: section '资金XX情况' has no body" in result.stderr
    assert "placeholder `XX` was never filled in" in result.stderr
    text = [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]
    assert "（一）用地保障" in text and "（二）资金XX情况" in text and not any("（一）（一）" in t for t in text)


def test_a_body_subsection_numbered_against_its_place_is_refused(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outline = write("r.yaml", BODY_REPORT.format(first="用地保障", second="（一）资金情况"))
    result = run_cli("render", outline, "-o", tmp_path / "r.docx")
    assert result.exit_code == 1 and not (tmp_path / "r.docx").exists()
    assert ("sections[0].body[3].section.heading: heading starts with the number `（一）`, but as section 2 "
            "of level 2 drafter numbers it `（二）`") in result.stderr
