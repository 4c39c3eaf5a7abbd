"""The writer's companion: check, fix, stats, new and schema."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import OUTLINES, REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.authoring.check import RULES, Linter, check_text
from drafter.authoring.starter import key_note
from drafter.authoring.stats import Counts, outline_stats
from drafter.outline import model, yamlfile
from drafter.outline.json_schema import dumps, kind_schema, outline_schema, schema_file
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.load import Outline, load_outline, parse_outline
from drafter.outline.model import Section
from drafter.outline.scalarmap import char_spans
from drafter.outline.schema import Validator, fields_of

# An outline with one planted fault per marked place. Line numbers are those of the file as
# written (the text starts at line 1); columns count characters from 1.
PLANTED = """\
# Planted faults for drafter check (a comment that fix must keep).
kind: speech
title: XX市城市更新工作会议讲话
subtitle: '在全市''城市工作''会议上的讲话'
speaker: 某某
date: 明天
opening:
  - "\\u6211们说,好"
  - 这是第一行,
    第二行...结束
  - 会场在○○会议室[待补充]
sections:
  - heading: 一、提高站位，深化认识  # level-1 heading, numbered by hand
    paragraphs: |
      第一段文字(括号内容)完毕。
      第二段--破折号。
    sections:
      - heading: （一）空的小节
      - heading: 有内容的小节
        paragraphs: 内容。
  - heading: 强化担当改进作风为城市高质量发展提供坚强保障和有力支撑的具体举措
    paragraphs: [内容。]
  - heading: 提高站位，深化认识
    paragraphs: >
      折叠段落第一行,
      折叠段落第二行TODO
closing: "谢谢大家!"
"""

EXPECTED = {
    (3, 8, "E101"),   # XX
    (4, 15, "W202"),  # '' inside a single-quoted scalar
    (4, 21, "W202"),
    (5, 10, "E101"),  # 某某
    (6, 7, "E002"),   # not a date
    (8, 14, "W201"),  # after a \\u escape in a double-quoted scalar
    (9, 10, "W201"),  # comma at the end of a plain scalar's first line
    (10, 8, "W204"),  # ... on its continuation line
    (11, 8, "E101"),  # ○○
    (11, 13, "E101"),  # [待补充]
    (13, 14, "E102"),  # 一、 typed by hand
    (15, 12, "W201"),  # ( in a literal block
    (15, 17, "W201"),  # )
    (16, 10, "W203"),  # --
    (18, 18, "E102"),  # （一） typed by hand
    (18, 18, "W301"),  # and no body
    (21, 14, "W302"),  # far longer than its siblings
    (23, 14, "W303"),  # same heading as section 1 (its number aside)
    (25, 14, "W201"),  # comma in a folded block
    (26, 14, "E101"),  # TODO
    (27, 15, "W201"),  # ! in a double-quoted scalar
}

FIXABLE = {"E102", "W201", "W202", "W203", "W204"}


def _found(text: str) -> set[tuple[int, int, str]]:
    return {(f.line, f.column, f.code) for f in check_text(text, "planted.yaml").findings}


def _comments(text: str) -> list[str]:
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def _example_outlines() -> list[Path]:
    return sorted(OUTLINES.glob("*.yaml"))


# -- check ----------------------------------------------------------------------------------------


def test_every_planted_fault_is_reported_at_its_line_and_column() -> None:
    assert _found(PLANTED) == EXPECTED


@pytest.mark.parametrize("example", _example_outlines(), ids=lambda p: p.name)
def test_the_examples_are_clean(run_cli, example: Path) -> None:
    result = run_cli("check", "--strict", example)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "All clean" in result.stderr


def test_check_prints_errors_then_warnings_like_ruff_and_exits_1(run_cli, write) -> None:
    path = write("planted.yaml", PLANTED)
    result = run_cli("check", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(EXPECTED)
    pattern = re.compile(r"^(.+):(\d+):(\d+): ([EW]\d{3})( \[\*\])? .+$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    codes = [m.group(4) for m in parsed if m]
    assert codes == sorted(codes, key=lambda c: c[0])  # every E before every W
    assert all(m.group(1) == str(path) for m in parsed if m)
    assert "13:14: E102 [*] heading starts with the number `一、` typed by hand" in result.stdout
    assert "3:8: E101 placeholder `XX` was never filled in" in result.stdout
    assert "Found 8 errors and 13 warnings in 1 outline; 12 fixable with `drafter fix`." in result.stderr


def test_warnings_fail_only_with_strict(run_cli, write) -> None:
    path = write("warn.yaml", """\
        kind: speech
        title: 标题
        opening: 同志们,好。
        """)
    plain = run_cli("check", path)
    assert plain.exit_code == 0
    assert plain.stdout == f"{path}:3:13: W201 [*] half-width `,` in Chinese text; write `，`\n"
    assert run_cli("check", "--strict", path).exit_code == 1
    assert run_cli("check", "--strict", "--ignore", "W2", path).exit_code == 0


def test_check_json_format(run_cli, write) -> None:
    path = write("planted.yaml", PLANTED)
    result = run_cli("check", "--format", "json", path)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {(d["line"], d["column"], d["code"]) for d in data} == EXPECTED
    first = data[0]
    assert set(first) == {"file", "line", "column", "code", "severity", "message", "path", "fixable"}
    by_place = {(d["line"], d["column"], d["code"]): d for d in data}
    assert by_place[(13, 14, "E102")]["path"] == "sections[0].heading"
    assert by_place[(13, 14, "E102")]["fixable"] is True
    assert by_place[(21, 14, "W302")]["severity"] == "warning"


def test_unreadable_yaml_is_reported_as_E001(run_cli, write) -> None:
    path = write("broken.yaml", "kind: speech\ntitle: [unclosed\n")
    result = run_cli("check", path)
    assert result.exit_code == 1
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: E001 invalid YAML", result.stdout)


def test_missing_file_is_a_finding_not_a_crash(run_cli, tmp_path: Path) -> None:
    result = run_cli("check", tmp_path / "nope.yaml")
    assert result.exit_code == 1
    assert result.stdout == f"{tmp_path / 'nope.yaml'}:1:1: E001 no such file\n"


def test_unknown_ignore_code_is_a_usage_error(run_cli) -> None:
    result = run_cli("check", "--ignore", "Q9", OUTLINES / "speech.yaml")
    assert result.exit_code == 2
    assert "no check code starts with 'Q9'" in result.output


@pytest.mark.parametrize("source, column", [
    ("title: 标题,正文\n", 10),                      # plain
    ("title: '标''题,正文'\n", 13),                  # single-quoted, '' before the fault
    ('title: "标\\t题,正文"\n', 13),                  # double-quoted, an escape before the fault
    ('title: "\\U00020000题,正文"\n', 20),            # an 8-digit escape of one astral character
    ("title: 𠀀题,正文\n", 10),                       # an astral character typed as itself
])
def test_columns_inside_one_line_scalars(source: str, column: int) -> None:
    found = _found("kind: speech\n" + source)
    assert found == {(2, column, "W201")}


def test_columns_inside_block_scalars_and_crlf_files() -> None:
    literal = "kind: speech\ntitle: 标题\nopening: |-\n  第一行\n    缩进行,正文\n"
    assert _found(literal) == {(5, 8, "W201")}
    keep = "kind: speech\ntitle: 标题\nopening: |+  # comment\n\n  第二行,正文\n\nclosing: 好\n"
    assert _found(keep) == {(5, 6, "W201")}
    folded = "kind: speech\r\ntitle: 标题\r\nopening: >\r\n  一行\r\n\r\n  二行,正文\r\n"
    assert _found(folded) == {(6, 5, "W201")}


def test_punctuation_rules_skip_verbatim_fields() -> None:
    text = "kind: speech\ntitle: 标题\ndepartment: 部门,模板\n"
    assert _found(text) == set()


def _lint(text: str, kind: Kind) -> set[tuple[int, int, str, str]]:
    """Lint ``text`` as an outline of ``kind`` (a kind need not be registered to be linted)."""
    return {(f.line, f.column, f.code, f.path) for f in Linter(yamlfile.parse(text, "x"), kind).run()}


def test_rules_follow_the_model_of_any_kind() -> None:
    minutes = Kind("minutes", model.Minutes, "Minutes.", "minutes.j2")
    text = """\
kind: minutes
title: 座谈会综述
meeting:
  place: ○○会议室
speakers:
  - name: 王五
    remarks:
      - 他认为,要加快发展。
attendance:
  present: [张三, 李四]
"""
    assert _lint(text, minutes) == {(4, 10, "E101", "meeting.place"),
                                    (8, 12, "W201", "speakers[0].remarks[0]")}


def test_english_kinds_get_no_chinese_punctuation_rules() -> None:
    commentary = Kind("commentary", model.Commentary, "Commentary.", "commentary.j2", language="en",
                      numbering=())
    text = """\
kind: commentary
title: Cities, "small" and large...
paragraphs: [TODO write the body -- later]
sections:
  - heading: 1. Introduction
    paragraphs: [Text.]
"""
    assert _lint(text, commentary) == {(3, 14, "E101", "paragraphs[0]")}


def test_hand_numbering_patterns() -> None:
    headings = ["一、标题", "（二）标题", "(三) 标题", "1. 标题", "2、标题", "（3）标题", "第一部分 标题",
                "第二，标题", "①标题", "Ⅲ、标题"]
    clean = ["2025年工作回顾", "1.5倍增长的启示", "一流营商环境", "第一书记的责任", "十大工程建设"]
    body = "\n".join(f"  - heading: {h}\n    paragraphs: [正文。]" for h in headings + clean)
    found = check_text(f"kind: speech\ntitle: 标题\nsections:\n{body}\n").findings
    flagged = {f.path for f in found if f.code == "E102"}
    assert flagged == {f"sections[{i}].heading" for i in range(len(headings))}


def test_there_is_a_documented_code_for_every_rule() -> None:
    doc = (REPO / "docs" / "companion.md").read_text(encoding="utf-8")
    for code, rule in RULES.items():
        assert re.search(rf"^\| `{code}` \| {rule.severity} \|", doc, re.M), code


# -- fix ------------------------------------------------------------------------------------------


def test_fix_removes_the_fixable_faults_and_keeps_everything_else(run_cli, write) -> None:
    path = write("planted.yaml", PLANTED)
    result = run_cli("fix", path)
    assert result.exit_code == 0, result.output
    fixed = path.read_text(encoding="utf-8")
    assert _comments(fixed) == _comments(PLANTED)
    remaining = _found(fixed)
    assert not {code for _, _, code in remaining} & FIXABLE
    # the faults a person must mend are still reported (lines shift where a fold was joined)
    assert {code for _, _, code in remaining} == {"E101", "E002", "W301", "W302", "W303"}
    lines = fixed.splitlines()
    assert lines[2] == "title: XX市城市更新工作会议讲话"
    assert lines[3] == "subtitle: '在全市‘城市工作’会议上的讲话'"
    assert lines[7] == '  - "\\u6211们说，好"'
    assert lines[8] == "  - 这是第一行，第二行……结束"
    assert lines[11] == "  - heading: 提高站位，深化认识  # level-1 heading, numbered by hand"
    assert lines[13:15] == ["      第一段文字（括号内容）完毕。", "      第二段——破折号。"]
    assert lines[16] == "      - heading: 空的小节"
    assert lines[-1] == 'closing: "谢谢大家！"'
    assert "Fixed 12 faults in" in result.stderr


def test_fix_changes_nothing_but_the_fixed_characters(write, run_cli) -> None:
    path = write("planted.yaml", PLANTED)
    run_cli("fix", path)
    fixed = path.read_text(encoding="utf-8")
    before = yamlfile.parse(PLANTED, "a").data
    after = yamlfile.parse(fixed, "b").data
    assert before.keys() == after.keys()
    assert after["sections"][1] == before["sections"][1]
    assert after["closing"] == "谢谢大家！"
    assert after["opening"][1] == "这是第一行，第二行……结束"


def test_fix_diff_shows_the_change_and_writes_nothing(run_cli, write) -> None:
    path = write("planted.yaml", PLANTED)
    result = run_cli("fix", "--diff", path)
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == PLANTED
    assert result.stdout.startswith(f"--- {path}\n+++ {path}\n")
    assert "\n-closing: \"谢谢大家!\"\n" in result.stdout
    assert "\n+closing: \"谢谢大家！\"\n" in result.stdout
    assert "\n+      折叠段落第一行，折叠段落第二行TODO\n" in result.stdout
    assert "Would fix 12 faults in" in result.stderr


def test_fix_keeps_bom_and_crlf(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf# note\r\nkind: speech\r\ntitle: \xe6\xa0\x87\xe9\xa2\x98,\xe6\xad\xa3\xe6\x96\x87\r\n")
    assert run_cli("fix", path).exit_code == 0
    assert path.read_bytes() == "\ufeff# note\r\nkind: speech\r\ntitle: 标题，正文\r\n".encode("utf-8")


def test_fix_of_a_clean_file_leaves_it_byte_for_byte(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "speech.yaml"
    original = (OUTLINES / "speech.yaml").read_bytes()
    path.write_bytes(original)
    result = run_cli("fix", path)
    assert result.exit_code == 0
    assert path.read_bytes() == original
    assert "Fixed 0 faults in" in result.stderr


def test_fix_quotes_a_heading_that_would_no_longer_read_as_text(run_cli, write) -> None:
    path = write("quote.yaml", """\
        kind: speech
        title: 标题
        sections:
          - heading: 一、[重点]工作安排  # keep me
            paragraphs: 正文。
          - heading: 二、#号开头
            paragraphs: 正文。
        """)
    assert run_cli("fix", path).exit_code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[3] == '  - heading: "[重点]工作安排"  # keep me'
    assert lines[5] == '  - heading: "#号开头"'
    assert [s.heading for s in load_outline(path).document.sections] == ["[重点]工作安排", "#号开头"]


def test_anchored_and_aliased_text_is_found_once_and_fixed_once(run_cli, write) -> None:
    path = write("alias.yaml", """\
        kind: speech
        title: !!str 标题
        opening: &p 同志们,好
        closing: *p
        """)
    assert _found(path.read_text(encoding="utf-8")) == {(3, 16, "W201")}
    assert run_cli("fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8").splitlines()[2:] == ["opening: &p 同志们，好", "closing: *p"]


def test_fix_replaces_escaped_quotes_and_keeps_other_escapes(run_cli, write) -> None:
    path = write("escapes.yaml", r"""
        kind: speech
        title: "他说\"好\"\t然后...结束"
        """)
    assert _found(path.read_text(encoding="utf-8")) == {(2, 11, "W202"), (2, 14, "W202"), (2, 20, "W204")}
    assert run_cli("fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == 'kind: speech\ntitle: "他说“好”\\t然后……结束"\n'
    assert load_outline(path).document.title == "他说“好”\t然后……结束"


def test_fix_of_overlapping_faults_takes_the_number_first(run_cli, write) -> None:
    path = write("overlap.yaml", """\
        kind: speech
        title: 标题
        sections:
          - heading: 一.提高站位
            paragraphs: 正文。
        """)
    assert _found(path.read_text(encoding="utf-8")) == {(4, 14, "E102"), (4, 15, "W201")}
    assert run_cli("fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8").splitlines()[3] == "  - heading: 提高站位"


def test_fix_refuses_a_file_that_is_not_yaml(run_cli, write) -> None:
    path = write("broken.yaml", "kind: speech\ntitle: [unclosed\n")
    result = run_cli("fix", path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:")


# -- stats ----------------------------------------------------------------------------------------

# Hand-counted. Front matter: 城市更新 + 李明 = 6 hanzi, 6 chars.
# Opening: 同志们，今天开会。 = 7 hanzi, 2 marks, 9 chars; the second paragraph has 年完成 万套改造
# = 7 hanzi, the numbers 2025, 3.5 and 12, the words covering and districts, the marks ， and the
# final . (the point in 3.5 belongs to the number), 4+3+3+4+1+8+2+9+1 = 35 chars.
# Section 一: 提高站位 4 + 要抓好落实。 5 (+1 mark) + points 一要学 二要做 6 + 深化认识 4 + 单独一段 4
# = 23 hanzi, 1 mark, 24 chars; 3 paragraphs (the points are one), 2 sections.
# Closing: 谢谢大家！ = 4 hanzi, 1 mark, 5 chars.
STATS_OUTLINE = """\
kind: speech
title: 城市更新
speaker: 李明
opening:
  - 同志们，今天开会。
  - 2025年完成3.5万套改造，covering 12 districts.
sections:
  - heading: 提高站位
    paragraphs: [要抓好落实。]
    points: [一要学, 二要做]
    sections:
      - heading: 深化认识
        paragraphs: 单独一段
closing: 谢谢大家！
"""


def test_stats_of_a_hand_counted_outline(run_cli, write) -> None:
    path = write("counted.yaml", STATS_OUTLINE)
    result = run_cli("stats", "--format", "json", "--rate", "23", path)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    parts = {p["part"]: p for p in data["parts"]}
    assert list(parts) == ["front matter", "opening", "一、提高站位", "closing"]
    assert parts["front matter"] == {"part": "front matter", "hanzi": 6, "punctuation": 0, "words": 0,
                                     "numbers": 0, "chars": 6, "paragraphs": 0, "sections": 0, "minutes": None}
    assert parts["opening"] | {"minutes": 0} == {"part": "opening", "hanzi": 14, "punctuation": 4, "words": 2,
                                                "numbers": 3, "chars": 44, "paragraphs": 2, "sections": 0,
                                                "minutes": 0}
    section = parts["一、提高站位"]
    assert [section[k] for k in ("hanzi", "punctuation", "chars", "paragraphs", "sections")] == [23, 1, 24, 3, 2]
    assert [parts["closing"][k] for k in ("hanzi", "punctuation", "chars", "paragraphs")] == [4, 1, 5, 1]
    total = data["total"]
    assert [total[k] for k in ("hanzi", "punctuation", "words", "numbers", "chars", "paragraphs", "sections")] \
        == [47, 6, 2, 3, 79, 6, 2]
    # spoken: 19 + 23 + 4 = 46 units at 23 a minute
    assert total["minutes"] == 2.0


def test_stats_table_uses_the_default_rate_for_speeches(run_cli, write) -> None:
    path = write("counted.yaml", STATS_OUTLINE)
    result = run_cli("stats", path)
    assert result.exit_code == 0
    total = [line for line in result.stdout.splitlines() if line.startswith("total")][0]
    assert total.split() == ["total", "47", "6", "2", "3", "79", "6", "2", "0", "min", "13", "s"]  # 46/220 min
    assert "Delivery time at 220 Chinese characters a minute" in result.stdout


def test_stats_estimate_time_only_for_spoken_kinds_unless_a_rate_is_given() -> None:
    report = Kind("report", model.Report, "Report.", "report.j2")
    text = "kind: report\ntitle: 报告\nopening: [二十二个字的开头段落写在这里供统计使用啊啊啊。]\n"
    document = Validator(yamlfile.parse(text, "x")).record(model.Report, yaml.safe_load(text), ())
    outline = Outline(report, document)
    assert outline_stats(outline).rate is None
    timed = outline_stats(outline, rate=11)
    assert timed.total.hanzi == 24 and timed.minutes(timed.spoken) == 2.0


def test_counts_of_characters_words_and_numbers() -> None:
    counts = Counts()
    counts.add_text("𠀀字，don't stop；urban-rural 第３６号 1,000.5 ok……《书》")
    assert (counts.hanzi, counts.words, counts.numbers, counts.punctuation) == (5, 4, 2, 6)
    assert counts.chars == 2 + 1 + 5 + 4 + 1 + 11 + 4 + 7 + 2 + 5


# -- new ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_new_starter_validates_renders_and_explains_every_key(kind: str, run_cli, render_docx,
                                                             tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.yaml"
    result = run_cli("new", kind, "-o", path)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (path.parent / first.split("=", 1)[1]).resolve() == schema_file().resolve()
    for spec in fields_of(KINDS[kind].model):
        assert re.search(rf"^#? ?{re.escape(spec.name)}:", text, re.M), spec.name
        assert key_note(KINDS[kind].model, spec) in text
    outline = load_outline(path)
    assert outline.kind.name == kind
    assert not [f for f in check_text(text).findings if f.code.startswith("E0")]
    document = render_docx(path)
    assert any(p.text.strip() for p in document.paragraphs)
    jsonschema.validate(_as_json(yaml.safe_load(text)), outline_schema())


def test_new_refuses_to_overwrite_and_knows_the_kinds(run_cli, write) -> None:
    path = write("mine.yaml", "kind: speech\ntitle: 我的\n")
    assert run_cli("new", "speech", "-o", path).exit_code == 2
    assert path.read_text(encoding="utf-8") == "kind: speech\ntitle: 我的\n"
    result = run_cli("new", "speach")
    assert result.exit_code == 2
    assert "did you mean 'speech'?" in result.output


def test_new_prints_to_stdout_with_a_given_schema_url(run_cli) -> None:
    result = run_cli("new", "speech", "--schema", "https://example.org/outline.schema.json")
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server: $schema=https://example.org/outline.schema.json\n")
    assert parse_outline(result.stdout).kind.name == "speech"


# -- schema ---------------------------------------------------------------------------------------


def _as_json(value):  # type: ignore[no-untyped-def]
    """YAML data as an editor's JSON view sees it (YAML 1.2: dates are strings)."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_the_schema_is_valid_json_schema() -> None:
    jsonschema.Draft7Validator.check_schema(outline_schema())
    for kind in KINDS.values():
        jsonschema.Draft7Validator.check_schema(kind_schema(kind))


@pytest.mark.parametrize("example", _example_outlines(), ids=lambda p: p.name)
def test_every_example_validates_and_points_at_the_schema(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (example.parent / first.split("=", 1)[1]).resolve() == schema_file().resolve()
    data = _as_json(yaml.safe_load(text))
    jsonschema.validate(data, outline_schema())
    jsonschema.validate(data, kind_schema(KINDS[data["kind"]]))


def test_the_shipped_schema_is_the_generated_one(run_cli) -> None:
    """schemas/outline.schema.json is regenerated with `drafter schema -o schemas/outline.schema.json`."""
    assert schema_file().read_text(encoding="utf-8") == dumps(outline_schema()), \
        "the model or the kinds changed: run `drafter schema -o schemas/outline.schema.json`"
    assert run_cli("schema").stdout == dumps(outline_schema())


@pytest.mark.parametrize("change", [
    {"title": 3},
    {"title": "   "},
    {"date": "明天"},
    {"titel": "拼错的键"},
    {"kind": "speeches"},
    {"sections": "一段文字"},
    {"sections": [{"paragraphs": ["没有标题"]}]},
    {"sections": [{"heading": "标题", "inline": "yes"}]},
    {"sections": [{"heading": "标题", "sections": [{"heading": 5}]}]},
    {"opening": [["嵌套列表"]]},
    {"salutation": ["同志们"]},
])
def test_planted_type_errors_are_rejected_by_schema_and_validator(change: dict) -> None:
    data = {"kind": "speech", "title": "标题", "date": "2025-07-18", **change}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, outline_schema())
    text = yaml.safe_dump(data, allow_unicode=True)
    assert [f.code for f in check_text(text).findings if f.code.startswith("E0")], text


def test_schema_accepts_what_the_validator_accepts() -> None:
    data = {"kind": "speech", "title": "标题", "date": "2025年7月18日", "subtitle": None,
            "opening": "一段文字也可以", "sections": [{"heading": "标题", "points": ["一", "二"],
                                                      "sections": [{"heading": "小标题", "inline": False}]}]}
    jsonschema.validate(data, outline_schema())
    assert parse_outline(yaml.safe_dump(data, allow_unicode=True)).document.title == "标题"


def test_schema_of_one_kind_documents_its_keys(run_cli) -> None:
    result = run_cli("schema", "speech")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    speech = schema["$defs"]["Speech"]
    assert speech["additionalProperties"] is False
    assert speech["required"] == ["kind", "title"]
    assert speech["properties"]["kind"]["const"] == "speech"
    assert speech["properties"]["title"]["description"] == "Main title."
    section = schema["$defs"]["Section"]
    assert section["properties"]["sections"]["anyOf"][0]["items"] == {"$ref": "#/$defs/Section"}
    assert set(section["properties"]) == {f.name for f in fields_of(Section)}
    assert run_cli("schema", "nope").exit_code == 2


# -- locating characters inside scalars ----------------------------------------------------------

_ALPHABET = st.sampled_from(list("中文，,.\"' -:#\\\tab𠀀…\n"))


@settings(max_examples=300, deadline=None)
@given(text=st.text(_ALPHABET, min_size=1, max_size=40), style=st.sampled_from([None, "'", '"', "|", ">"]),
       width=st.sampled_from([10, 30, 200]))
def test_every_value_character_maps_to_its_source(text: str, style: str | None, width: int) -> None:
    source = yaml.safe_dump({"k": [text]}, allow_unicode=True, default_style=style, width=width)
    document = yamlfile.parse(source, "x")
    value = document.data["k"][0]
    scalar = document.scalars[("k", 0)]
    spans = char_spans(source, scalar.start, scalar.end, scalar.style, value)
    if spans is None:  # only an explicit indentation indicator (|2) is left to the fallback
        assert re.match(r"[|>][+-]?[0-9]", source[scalar.start:])
        return
    assert len(spans) == len(value)
    for char, (start, end) in zip(value, spans):
        typed = source[start:end]
        if end - start == 1 and char not in " \n":
            assert typed == char
        elif char not in " \n":
            assert typed.startswith(("\\", "''")), (char, typed)
