"""Markdown drafts in: read through markdown-it, mapped to the outline a YAML file gives, or refused
at the line of what cannot be mapped. JSON outlines in, with line and column in every error."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from drafter import load_outline
from drafter.markdown import parse_draft, read_draft
from drafter.outline.load import parse_outline
from drafter.pipeline.render import render_file

DRAFTS = Path(__file__).parent / "markdown_drafts"
PAIRS = ["speech", "report", "article", "lecture", "commentary", "report-table", "article-notes", "commentary-figure"]
"""Each draft NAME.md and the YAML outline NAME.yaml a person would write for it (speech and article
with front matter, the others without; report-table: a table with caption, alignment and notes, and
a footnote; article-notes: footnotes and citations; commentary-figure: an image with a width and a
table captioned after it, pandoc's way)."""


@pytest.mark.parametrize("name", PAIRS)
def test_markdown_draft_renders_to_the_same_docx_as_its_yaml_outline(name: str, tmp_path: Path) -> None:
    from_markdown = render_file(DRAFTS / f"{name}.md", tmp_path / "md.docx")
    from_yaml = render_file(DRAFTS / f"{name}.yaml", tmp_path / "yaml.docx")
    assert from_markdown.read_bytes() == from_yaml.read_bytes()


def test_speech_draft_head_lines_and_kind_reason(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", DRAFTS / "speech.md", "-o", tmp_path / "speech.docx")
    assert result.exit_code == 0, result.stderr
    assert "kind: speech (guessed: the occasion line '在全区社区工作推进会上的讲话')" in result.stderr
    assert "line 8: '——在全区社区工作推进会上的讲话' read as subtitle" in result.stderr
    assert "the numbers typed in the headings were dropped" in result.stderr
    text = [p.text for p in docx.Document(str(tmp_path / "speech.docx")).paragraphs]
    assert "一、统一思想，充分认识做好社区工作的重要意义" in text  # numbered once, by drafter
    assert "同志们：" in text and "——在全区社区工作推进会上的讲话" in text and "（2025年9月12日）" in text
    assert any(p.startswith("一是加快推进社区服务阵地建设；二是深入开展邻里互助") for p in text)


def test_front_matter_kind_is_given_not_guessed() -> None:
    draft = read_draft(DRAFTS / "article.md")
    assert draft.kind == "article" and draft.guess is None
    assert draft.data["keywords"] == ["社区服务", "设施布局", "城市更新"]


@pytest.mark.parametrize("text, kind, reason", [
    ("# 关于供水工作的情况汇报\n\n## 基本情况\n\n正文。\n", "report", "names a report"),
    ("# 在全市大会上的讲话\n\n同志们：\n\n## 形势\n\n正文。\n", "speech", "salutation"),
    ("# 某某党课\n\n## 学习\n\n正文。\n", "party-lecture", "党课"),
    ("# 题目\n\n摘要：本文研究。\n\n## 引言\n\n正文。\n", "article", "摘要"),
    ("# A Title\n\nSome English text about cities and people.\n", "commentary", "English"),
])
def test_kind_is_guessed_with_a_reason(text: str, kind: str, reason: str) -> None:
    draft = parse_draft(text)
    assert draft.kind == kind and reason in draft.guess.reason


def test_heading_levels_follow_the_drafts_own_top_level() -> None:
    """# title over # sections, # title over ## sections, and ## sections under a front-matter title."""
    same = ["# 标题\n\n# 第一\n\n正文一。\n\n## 其中\n\n正文二。\n",
            "# 标题\n\n## 第一\n\n正文一。\n\n### 其中\n\n正文二。\n",
            "---\ntitle: 标题\n---\n\n## 第一\n\n正文一。\n\n### 其中\n\n正文二。\n"]
    shapes = [parse_draft(text, kind="report").data["sections"] for text in same]
    assert shapes[0] == shapes[1] == shapes[2] == [
        {"heading": "第一", "paragraphs": ["正文一。"], "sections": [{"heading": "其中", "paragraphs": ["正文二。"]}]}]


def test_table_figure_and_footnotes_show_in_the_docx(tmp_path: Path) -> None:
    """What a reader of the DOCX sees: the table cell by cell, its numbered caption, the image, the footnote."""
    import zipfile

    report = docx.Document(str(render_file(DRAFTS / "report-table.md", tmp_path / "report.docx")))
    cells = [[cell.text for cell in row.cells] for row in report.tables[0].rows]
    assert cells[0] == ["乡镇", "计划工程（处）", "完工工程（处）", "受益人口（万人）"]
    assert cells[2] == ["西岭乡", "3", "2", "0.80"]
    text = [p.text for p in report.paragraphs]
    assert "表1\u30002025年各乡镇农村供水工程完成情况" in text
    assert any(t.startswith("注：受益人口为截至11月底") for t in text)
    with zipfile.ZipFile(tmp_path / "report.docx") as package:
        assert "本报告所称农村供水工程" in package.read("word/footnotes.xml").decode("utf-8")
    commentary = docx.Document(str(render_file(DRAFTS / "commentary-figure.md", tmp_path / "c.docx")))
    assert len(commentary.inline_shapes) == 1


@pytest.mark.parametrize("text, table", [
    ("| 项目 | 金额 |\n|---|---|\n| 甲 | 1.5 |\n\n表：项目资金\n",  # pandoc's place: after the table
     {"caption": "项目资金", "rows": [["项目", "金额"], ["甲", "1.5"]]}),
    ("Table 3. 项目资金\n\n| 项目 | 金额 |\n|---|---|\n| 甲 | 1.5 |\n",  # before it, number dropped
     {"caption": "项目资金", "rows": [["项目", "金额"], ["甲", "1.5"]]}),
    ("| 项目 | 金额 |\n|---|---|\n| 甲 | 1.5 |\n\n: 项目资金\n\n注：单位为万元。\n\n注：数据为初步统计。\n",
     {"caption": "项目资金", "rows": [["项目", "金额"], ["甲", "1.5"]], "notes": ["单位为万元。", "数据为初步统计。"]}),
    ("| 项目 | 金额 | 说明 |\n|:-:|---|---|\n| 甲 | 1.5 | 已完成 |\n",  # unmarked columns: as drafter aligns
     {"rows": [["项目", "金额", "说明"], ["甲", "1.5", "已完成"]], "align": ["center", "right", "left"]}),
    ("|  |  |\n|---|---|\n| 甲 | 1.5 |\n",  # an empty header row: no header row
     {"rows": [["甲", "1.5"]], "header": 0}),
])
def test_table_conventions(text: str, table: dict) -> None:
    draft = parse_draft(f"# 报告\n\n## 一\n\n{text}", kind="report")
    assert not draft.unmapped, draft.unmapped
    assert draft.data["sections"][0]["body"] == [{"table": table}]


def test_a_caption_between_two_tables_belongs_to_the_second() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    draft = parse_draft(f"# 报告\n\n## 一\n\n{table}\n表：第二张\n\n{table}", kind="report")
    first, second = draft.data["sections"][0]["body"]
    assert "caption" not in first["table"] and second["table"]["caption"] == "第二张"


def test_a_section_with_a_table_is_an_ordered_body() -> None:
    """Its paragraphs, points and subsections keep the order written, around the table."""
    draft = parse_draft("# 报告\n\n## 一\n\n前文。\n\n- 甲\n- 乙\n\n后文。\n\n![图1 示意](map.png){width=8cm}\n\n"
                        "### 小节\n\n小节正文。\n", kind="report")
    assert draft.data["sections"][0] == {"heading": "一", "body": [
        "前文。", {"points": ["甲", "乙"]}, "后文。",
        {"figure": {"file": "map.png", "caption": "示意", "width": "8cm"}},
        {"section": {"heading": "小节", "paragraphs": ["小节正文。"]}}]}
    assert any("number typed in the figure's caption was dropped" in note for note in draft.notes)


BAD = {
    "raw HTML": ("# 标题\n\n## 一\n\n正文<span>强调</span>。\n\n<div>块</div>\n",
                 ["draft.md:5:1: raw HTML '<span> </span>' cannot be mapped", "draft.md:7:1: raw HTML"]),
    "skipped level": ("# 标题\n\n## 一\n\n#### 三级\n\n正文。\n",
                      ["draft.md:5:1: the heading #### '三级' skips a level: after ## comes at most ###"]),
    "list front matter": ("---\n- a\n- b\n---\n\n# 标题\n",
                          ["draft.md:2:1: the front matter (between the --- lines) must be a mapping"]),
    "text front matter": ("---\n只是一句话\n---\n\n# 标题\n", ["draft.md:2:1: the front matter", "got the text"]),
    "front matter syntax": ("---\ntitle: [没有闭合\n---\n\n# 标题\n",
                            ["draft.md:3:1: front matter: invalid YAML: while parsing a flow sequence at line 2"]),
    "front matter type": ("---\nkind: speech\ntitle: 标题\ndate: 明天\n---\n\n## 一\n\n正文。\n",
                          ["draft.md:4:7: date: expected a date such as 2025-07-18"]),
    "key twice": ("---\nkind: speech\nsalutation: 同志们\n---\n\n# 标题\n\n同志们：\n\n## 一\n\n正文。\n",
                  ["draft.md:8:1: salutation: 'salutation' is given in the front matter (line 3) and by the text"]),
    "ragged table rows": ("# 标题\n\n## 一\n\n| 项目 | 进度 |\n|---|---|\n| 甲 | 80% | 多 |\n| 乙 |\n",
                          ["draft.md:7:1: this table row has 3 cells where the header row has 2",
                           "draft.md:8:1: this table row has 1 cell where the header row has 2"]),
    "caption typed into the table": ("# 标题\n\n## 一\n\n| 项目 | 进度 |\n|---|---|\n| 甲 | 80% |\n表：进度\n",
                                     ["draft.md:8:1: the line '表：进度' right under the table is read as one of "
                                      "its rows: leave a blank line"]),
    "table before the first heading": ("# 标题\n\n| 项目 | 进度 |\n|---|---|\n| 甲 | 80% |\n\n## 一\n\n正文。\n",
                                       ["draft.md:3:1: a table in the text before the first heading cannot be mapped"]),
    "missing image": ("# 标题\n\n## 一\n\n说明如下。\n\n  ![示意图](map.png){width=60%}\n",
                      ["draft.md:7:3: sections[0].body[1].figure.file: there is no image file", "map.png"]),
    "image that is not an image": ("# 标题\n\n## 一\n\n![示意图](notes.png)\n",
                                   ["draft.md:5:1: sections[0].body[0].figure.file: notes.png is not a PNG or JPEG image"]),
    "image in a sentence": ("# 标题\n\n## 一\n\n如图![示意图](map.png)所示。\n",
                            ["draft.md:5:1: an image (map.png) inside a paragraph cannot be mapped"]),
    "image on the web": ("# 标题\n\n## 一\n\n![示意图](https://example.com/map.png)\n",
                         ["draft.md:5:1: the image https://example.com/map.png is not a file next to the draft"]),
    "image width": ("# 标题\n\n## 一\n\n![示意图](notes.png){width=3in}\n",
                    ["draft.md:5:1: sections[0].body[0].figure.width: width '3in' is neither centimetres"]),
    "inline footnote": ("# 标题\n\n## 一\n\n正文^[随文注]。\n",
                        ["draft.md:5:1: an inline footnote ^[…] cannot be mapped: mark the place with [^name]"]),
    "footnote twice": ("# 标题\n\n## 一\n\n正文[^a]。\n\n[^a]: 一。\n\n[^a]: 二。\n",
                       ["draft.md:9:1: the footnote [^a] is defined twice (first at line 7)"]),
    "footnote without its text": ("# 标题\n\n## 一\n\n正文[^a]，又[^b]。\n\n[^a]: 一。\n",
                                  ["draft.md:5:1: sections[0].paragraphs[0]: footnote mark [^b] names no footnote"]),
    "footnote of two paragraphs": ("# 标题\n\n## 一\n\n正文[^a]。\n\n[^a]: 一。\n\n    二。\n",
                                   ["draft.md:7:1: the footnote [^a] has several paragraphs"]),
    "code": ("# 标题\n\n## 一\n\n```\ncode\n```\n", ["draft.md:5:1: a code block has no place in an outline"]),
    "paragraph after points": ("# 标题\n\n## 一\n\n- 甲\n- 乙\n\n后文。\n",
                               ["draft.md:8:1: a paragraph after the section's points"]),
    "nested list": ("# 标题\n\n## 一\n\n- 甲\n  - 甲一\n- 乙\n", ["draft.md:5:1: a list inside a list item"]),
}


@pytest.mark.parametrize("name", list(BAD))
def test_what_cannot_be_mapped_is_an_error_at_its_line(name: str, tmp_path: Path, run_cli) -> None:
    text, expected = BAD[name]
    source = tmp_path / "draft.md"
    source.write_text(text, encoding="utf-8")
    (tmp_path / "notes.png").write_text("a text file named like an image", encoding="utf-8")
    result = run_cli("render", source, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    message = result.stderr.replace(str(tmp_path) + "/", "")
    for part in expected:
        assert part in message, message
    assert "Traceback" not in result.stderr and not (tmp_path / "out.docx").exists()


def test_check_lists_markdown_problems_as_e003(tmp_path: Path, run_cli) -> None:
    source = tmp_path / "draft.md"
    source.write_text("# 标题\n\n## 一、开头\n\n正文,逗号。\n\n<br>\n", encoding="utf-8")
    result = run_cli("check", source)
    lines = result.stdout.replace(str(tmp_path) + "/", "").splitlines()
    assert "draft.md:7:1: E003 raw HTML ('<br>') cannot be mapped to an outline; write it as Markdown text" in lines
    assert any(line.startswith("draft.md:5:1: W201") for line in lines)


def test_extract_markdown_takes_front_matter_keys(tmp_path: Path, run_cli) -> None:
    """The bug in the issue: a pandoc-style front matter came back as the title."""
    source = tmp_path / "draft.md"
    source.write_text('---\ntitle: "关于社区治理的报告"\nissuer: 区民政局\n---\n\n区人民政府：\n\n'
                      "## 一、工作进展\n\n今年以来，扎实推进。\n", encoding="utf-8")
    result = run_cli("extract", source, "--kind", "report")
    assert result.exit_code == 0, result.stderr
    outline = parse_outline(result.stdout)
    assert (outline.title, outline.issuer, outline.addressee) == ("关于社区治理的报告", "区民政局", "区人民政府")
    assert outline.sections[0].heading == "工作进展"


@pytest.mark.parametrize("name", ["report-table", "article-notes", "commentary-figure"])
def test_extract_markdown_keeps_tables_figures_and_footnotes(name: str, tmp_path: Path, run_cli) -> None:
    """extract reads a draft with tables, images or footnotes as render does: its YAML renders the same DOCX."""
    import shutil

    shutil.copytree(DRAFTS, tmp_path / "drafts")
    draft = tmp_path / "drafts" / f"{name}.md"
    result = run_cli("extract", draft, "-o", tmp_path / "drafts" / "extracted.yaml")
    assert result.exit_code == 0, result.stderr
    assert "Read: a Markdown draft with tables, figures or footnotes" in result.stderr
    assert render_file(tmp_path / "drafts" / "extracted.yaml", tmp_path / "y.docx").read_bytes() == \
        render_file(draft, tmp_path / "md.docx").read_bytes()


def test_extract_markdown_with_a_table_reports_what_render_would(tmp_path: Path, run_cli) -> None:
    source = tmp_path / "draft.md"
    source.write_text("# 报告\n\n## 一\n\n| a | b |\n|---|---|\n| 1 |\n", encoding="utf-8")
    result = run_cli("extract", source, "--kind", "report")
    assert result.exit_code == 1 and not result.stdout
    assert "draft.md:7:1: this table row has 1 cell where the header row has 2" in result.stderr


def test_extract_markdown_front_matter_typo_is_located(tmp_path: Path, run_cli) -> None:
    source = tmp_path / "draft.md"
    source.write_text("---\ntitel: 报告\n---\n\n# 报告\n\n正文。\n", encoding="utf-8")
    result = run_cli("extract", source)
    assert result.exit_code == 1
    assert "draft.md:2:1: titel: front matter: unknown key 'titel'; did you mean 'title'?" in result.stderr


# -- JSON outlines ------------------------------------------------------------------------------


def test_json_outline_renders_like_its_yaml(tmp_path: Path) -> None:
    data = json.loads(json.dumps(load_outline(DRAFTS / "speech.yaml").document, default=_plain))
    source = tmp_path / "speech.json"
    source.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert render_file(source, tmp_path / "j.docx").read_bytes() == \
        render_file(DRAFTS / "speech.yaml", tmp_path / "y.docx").read_bytes()


def _plain(value: object) -> object:
    import dataclasses
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}  # type: ignore[arg-type]
    return {k: v for k, v in fields.items() if v not in (None, (), "是") or k == "kind"}


@pytest.mark.parametrize("text, expected", [
    ('{"kind": "speech", "title": "x",}', "outline.json:1:33: invalid JSON: expected a key (JSON allows no trailing comma)"),
    ('{"kind": "speech",\n  // a comment\n  "title": "x"}', "outline.json:2:3: invalid JSON: JSON has no comments"),
    ("{'kind': 'speech'}", "outline.json:1:2: invalid JSON: expected a key; keys are text in double quotes"),
    ('{"kind": "speech", "title": "x"\n "date": "2025-01-01"}', "outline.json:2:2: invalid JSON: expected ',' or '}'"),
    ('{"kind": "speech", "title": "unclosed}', "outline.json:1:29: invalid JSON: the quotation mark opened here"),
    ('{"kind": "speech",\n "title": 1e5}', "outline.json:2:11: title: expected text, got the number 100000.0"),
    ('{"kind": "speech", "title": "a",\n "title": "b"}', "outline.json:2:2: title: duplicate key 'title'"),
    ('{"kind": "speech", "title": "a"} {}', "outline.json:1:34: invalid JSON: more text after"),
    ("[" * 100, "outline.json:1:65: invalid JSON: values nest more than 64 levels deep"),
])
def test_json_errors_name_line_and_column(text: str, expected: str) -> None:
    from drafter.errors import OutlineError

    with pytest.raises(OutlineError) as caught:
        parse_outline(text, "outline.json")
    assert expected in str(caught.value)


def test_json_strings_are_read_exactly() -> None:
    """What PyYAML (YAML 1.1) would get wrong: a surrogate pair, \\/ and a number with an exponent."""
    outline = parse_outline('{"kind": "commentary", "title": "Cities \\ud83c\\udfd9 and\\/or towns"}', "x.json")
    assert outline.title == "Cities \U0001f3d9 and/or towns"


def test_check_locates_findings_inside_json_strings(tmp_path: Path, run_cli) -> None:
    source = tmp_path / "talk.json"
    source.write_text('{\n  "kind": "speech",\n  "title": "标题",\n  "sections": [\n'
                      '    {"heading": "一、开头", "paragraphs": ["正文,逗号。"]}\n  ]\n}\n', encoding="utf-8")
    lines = run_cli("check", source).stdout.replace(str(tmp_path) + "/", "").splitlines()
    assert lines[:2] == ["talk.json:5:18: E102 [*] heading starts with the number `一、` typed by hand; drafter "
                         "numbers it (level 1: 一、…), so remove it",
                         "talk.json:5:43: W201 [*] half-width `,` in Chinese text; write `，`"]
    assert run_cli("fix", source).exit_code == 0
    assert json.loads(source.read_text(encoding="utf-8"))["sections"][0] == {"heading": "开头", "paragraphs": ["正文，逗号。"]}


def test_readme_markdown_example_renders_as_shown(tmp_path: Path, run_cli, monkeypatch) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Drafting in Markdown", 1)[1]
    draft = section.split("```markdown\n", 1)[1].split("```", 1)[0]
    shown = section.split("$ drafter render draft.md\n", 1)[1].split("```", 1)[0].splitlines()
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("render", "draft.md")
    assert result.exit_code == 0 and result.stderr.splitlines() == shown


def test_minutes_headings_are_speakers_and_the_rule_starts_the_consensus() -> None:
    outline = load_outline(DRAFTS / "minutes.md")
    first, second = outline.speakers
    assert (first.name, first.topic, first.points) == ("市规划设计研究院总规划师钱亮", "统筹推进片区改造",
                                                       ("做好前期摸底调查", "完善居民议事机制"))
    assert (second.name, second.remarks) == ("某某大学副教授孙丽", ("居民参与是改造成功的关键。",))
    assert outline.consensus == ("与会专家一致认为，老旧小区改造要坚持以人民为中心。",)


def test_article_abstract_and_keywords_may_be_headings() -> None:
    draft = parse_draft("# 题目\n\n## 摘要\n\n本文研究社区。\n\n## 关键词\n\n社区；治理；更新\n\n## 引言\n\n正文。\n")
    assert draft.kind == "article"
    assert (draft.data["abstract"], draft.data["keywords"]) == (["本文研究社区。"], ["社区", "治理", "更新"])
    assert draft.data["sections"] == [{"heading": "引言", "paragraphs": ["正文。"]}]
