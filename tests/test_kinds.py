"""Every kind's example outline renders, and its DOCX has the structure of the seed it models."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml
from conftest import (
    OUTLINES,
    REPO,
    SEEDS,
    needs_soffice,
    pdf_pages,
    run_process,
    to_pdf,
)
from docx.oxml.ns import qn

from drafter.compose.blocks import Paragraph, parse_blocks
from drafter.compose.kindfilters import affiliation_line, author_names, en_points
from drafter.docx.oxml import style_id
from drafter.errors import TemplateError
from drafter.outline.kinds import KINDS
from drafter.outline.model import Author
from drafter.outline.schema import fields_of

EXAMPLES = ["party-lecture", "minutes", "article", "commentary", "report"]
CHINESE_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
FULL_WIDTH = re.compile("[，。；：（）“”‘’！？、…—]")
BODY_CHAR_TW = 320  # 三号 = 16 pt = 320 twips, the width of one Chinese character


# -- helpers: what a reader of the DOCX sees ---------------------------------------------------

def outline(name: str) -> dict:
    """The example outline as plain data: what the document must say."""
    return yaml.safe_load((OUTLINES / f"{name}.yaml").read_text(encoding="utf-8"))


def seed(number: int) -> str:
    """The text of a seed document (skips when ../shared/seeds is not beside the repo)."""
    found = sorted(SEEDS.glob(f"{number:03d}_*.txt"))
    if not found:
        pytest.skip(f"seed {number:03d} not found in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


def element(paragraph) -> str:  # type: ignore[no-untyped-def]
    """The style id of a paragraph (Normal, Heading1, SpeakerHeading, …)."""
    return paragraph.style.style_id


def styled(document, name: str) -> list:  # type: ignore[no-untyped-def]
    """The paragraphs in profile element ``name``."""
    return [p for p in document.paragraphs if element(p) == style_id(name)]


def span_style(run) -> str | None:  # type: ignore[no-untyped-def]
    """The character style id of a run, or None."""
    rpr = run._r.rPr
    node = rpr.find(qn("w:rStyle")) if rpr is not None else None
    return node.get(qn("w:val")) if node is not None else None


def style_fonts(document, sid: str) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """(East Asian, Latin) font names declared by a style's w:rFonts."""
    node = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{sid}']")
    assert node is not None, f"no style {sid}"
    fonts = node.find(qn("w:rPr")).find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")), fonts.get(qn("w:ascii"))


def paragraph_east_asian(document, paragraph) -> str | None:  # type: ignore[no-untyped-def]
    """The East Asian font of a paragraph's style."""
    return style_fonts(document, element(paragraph))[0]


def indent(paragraph) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The paragraph's own w:ind attributes, in twips."""
    ind = paragraph._p.pPr.find(qn("w:ind"))
    assert ind is not None, f"no direct indent on {paragraph.text!r}"
    return {k.split("}")[1]: int(v) for k, v in ind.attrib.items()}


def sections_with(document, level1: str, item: Callable) -> list[tuple[str, list[str]]]:  # type: ignore[type-arg]
    """Level-1 headings in order, each with the level-2 items under it (``item`` picks them)."""
    out: list[tuple[str, list[str]]] = []
    for p in document.paragraphs:
        if element(p) == style_id(level1):
            out.append((p.text, []))
        elif out and item(p):
            out[-1][1].append(item(p))
    return out


def lead_of(paragraph) -> str | None:  # type: ignore[no-untyped-def]
    """The run-in lead sentence of a paragraph (a first run in the lead style), or None."""
    runs = paragraph.runs
    if runs and span_style(runs[0]) == "LeadChar":
        return runs[0].text
    return None


# -- seeds: the structure each example must have ------------------------------------------------

def seed_speakers(text: str) -> list[str]:
    """Speaker heading lines of seed 001: "affiliation+position name:topic", a short topic."""
    speakers = []
    for line in text.splitlines():
        who, colon, topic = line.replace("：", ":").partition(":")
        if colon and len(topic) < 60 and "。" not in topic and len(who) < 60:
            speakers.append(who)
    return speakers


def seed_article_items(text: str) -> list[int]:
    """Seed 004: the number of "1." items under each "一、" section."""
    counts: list[int] = []
    for line in text.splitlines():
        line = line.strip()
        if re.match(r"^[一二三四五六七八九十]+、", line):
            counts.append(0)
        elif counts and re.match(r"^\d+\.(?=[^\d\s])", line):
            counts[-1] += 1
    return counts


def seed_lecture(text: str) -> tuple[int, int]:
    """Seed 000 (truncated): visible level-1 sections, and run-in (一) items after the last one."""
    level1, items = 0, 0
    for line in text.splitlines():
        line = line.strip()
        if re.match(r"^[一二三四五六七八九十]+、", line):
            level1, items = level1 + 1, 0
        elif re.match(r"^[(（][一二三四五六七八九十]+[)）]\S+?。", line):
            items += 1
    return level1, items


@pytest.fixture
def rendered(render_docx) -> Callable[[str], docx.document.Document]:  # type: ignore[no-untyped-def]
    """Render the example outline of a kind and open it."""
    return lambda name: render_docx(OUTLINES / f"{name}.yaml")


# -- party lecture (seed 000) -------------------------------------------------------------------

def test_party_lecture_structure(rendered) -> None:
    document, data = rendered("party-lecture"), outline("party-lecture")
    title = styled(document, "title")[0]
    assert title.text == f"党课：{data['title']}"
    sections = sections_with(document, "heading1", lead_of)
    assert len(sections) == len(data["sections"])
    assert [h for h, _ in sections] == [f"{n}、{s['heading']}" for n, s in zip("一二三", data["sections"])]
    for (_, leads), section in zip(sections, data["sections"]):
        assert len(leads) == len(section["sections"])
        for n, lead in zip("一二三四五六", leads):
            assert lead.startswith(f"（{n}）") and lead.endswith("。")
    assert any(p.text.startswith("一是") and "；二是" in p.text for p in document.paragraphs)
    assert styled(document, "source")[0].text == "——" + data["source"]

    assert paragraph_east_asian(document, styled(document, "heading1")[0]) == "黑体"
    assert style_fonts(document, "LeadChar")[0] == "楷体_GB2312"
    assert style_fonts(document, "Normal") == ("仿宋_GB2312", "Times New Roman")


def test_party_lecture_follows_seed_000(rendered) -> None:
    seed_level1, seed_items = seed_lecture(seed(0))
    assert seed(0).startswith("党课")
    sections = sections_with(rendered("party-lecture"), "heading1", lead_of)
    assert len(sections) >= seed_level1
    assert len(sections[-1][1]) == seed_items, "the last section runs in as many items as the seed shows"


@pytest.mark.parametrize(("label", "shown"), [("false", ""), ("专题党课", "专题党课：")])
def test_party_lecture_label_is_configurable(write, render_docx, label: str, shown: str) -> None:
    path = write("lecture.yaml", f"""
        kind: party-lecture
        label: {label}
        title: 学习新思想
        """)
    assert styled(render_docx(path), "title")[0].text == f"{shown}学习新思想"


# -- minutes (seed 001) -------------------------------------------------------------------------

def test_minutes_has_every_speaker_in_order(rendered) -> None:
    document, data = rendered("minutes"), outline("minutes")
    headings = styled(document, "speaker_heading")
    assert len(data["speakers"]) == len(headings) == 19
    expected = [f"{s.get('affiliation', '')}{s.get('position', '')}{s['name']}：{s['topic']}"
                for s in data["speakers"]]
    assert [h.text for h in headings] == expected
    paragraphs = document.paragraphs
    for heading, speaker in zip(headings, data["speakers"]):
        after = paragraphs[[p._p for p in paragraphs].index(heading._p) + 1]
        assert after.text == speaker["remarks"][0] and element(after) == "Normal"
    assert paragraph_east_asian(document, headings[0]) == "黑体"

    consensus = styled(document, "consensus")
    assert consensus and consensus[0].text.startswith("与会专家一致认为")
    assert headings[-1]._p.getparent().index(headings[-1]._p) < consensus[0]._p.getparent().index(consensus[0]._p)


def test_minutes_has_as_many_speakers_as_seed_001() -> None:
    assert len(seed_speakers(seed(1))) == len(outline("minutes")["speakers"]) == 19


def test_minutes_attendance_layout(rendered) -> None:
    document, data = rendered("minutes"), outline("minutes")
    lines = styled(document, "attendance")
    assert [p.text.split("：")[0] for p in lines] == ["出席", "列席"]
    present = lines[0]
    assert present.text == "出席：" + "、".join(data["attendance"]["present"])
    assert span_style(present.runs[0]) == "LabelChar" and present.runs[0].text == "出席："
    assert style_fonts(document, "LabelChar")[0] == "黑体"
    assert paragraph_east_asian(document, present) == "仿宋_GB2312"  # the names
    ind = indent(present)
    assert ind["hanging"] == 3 * BODY_CHAR_TW, "wrapped names align after 出席："
    assert "firstLine" not in ind, "a w:firstLine beside w:hanging cancels the hang in LibreOffice"
    assert ind["left"] - ind["hanging"] == 2 * BODY_CHAR_TW, "the label starts 2 characters in"
    before = document.paragraphs[[p._p for p in document.paragraphs].index(present._p) - 1]
    assert element(before) == "Blank", "one blank line above the attendance lists"
    meeting = styled(document, "meeting")
    assert [p.runs[0].text for p in meeting] == ["会议：", "时间：", "地点：", "主持："]


def test_minutes_speaker_without_topic_runs_in(write, render_docx) -> None:
    path = write("m.yaml", """
        kind: minutes
        title: 座谈会纪要
        speakers:
          - name: 张三
            position: 局长
            remarks: [要抓好落实。]
        """)
    paragraph = [p for p in render_docx(path).paragraphs if p.text.startswith("局长张三")][0]
    assert paragraph.runs[0].text == "局长张三：" and span_style(paragraph.runs[0]) == "SpeakerHeadingChar"
    assert paragraph.text == "局长张三：要抓好落实。"


# -- article (seed 004) -------------------------------------------------------------------------

def test_article_sections_are_numbered_two_levels(rendered) -> None:
    document, data = rendered("article"), outline("article")
    sections = sections_with(document, "heading1",
                             lambda p: p.text if element(p) == style_id("heading2") else None)

    assert [len(items) for _, items in sections] == [len(s.get("sections", [])) for s in data["sections"]] \
        == [4, 5, 5, 4]
    for n, (heading, items) in zip("一二三四", sections):
        assert heading.startswith(f"{n}、")
        assert [re.match(r"^(\d+)\.", i).group(1) for i in items] == [str(k) for k in range(1, len(items) + 1)]
    assert not any(p.text.startswith("（一）") for p in document.paragraphs)
    assert style_fonts(document, "Heading1")[0] == "黑体"
    assert style_fonts(document, "Heading2")[0] == "楷体_GB2312"


def test_article_sections_match_seed_004() -> None:
    assert seed_article_items(seed(4)) == [len(s.get("sections", [])) for s in outline("article")["sections"]]
    assert "Abstract:" in seed(4), "the seed, like the example, ends with an English block"


def test_article_front_matter_and_english_block(rendered) -> None:
    document, data = rendered("article"), outline("article")

    abstract = styled(document, "abstract")[0]
    assert abstract.runs[0].text == "摘要：" and span_style(abstract.runs[0]) == "LabelChar"
    assert abstract.text == "摘要：" + data["abstract"][0]
    keywords = styled(document, "keywords")[0]
    assert keywords.text == "关键词：" + "；".join(data["keywords"])
    assert span_style(keywords.runs[0]) == "LabelChar"
    assert styled(document, "authors")[0].text == "周明远¹\u3000林晓舟²"
    assert [p.runs[0].text for p in styled(document, "note")] == ["基金项目：", "作者简介："]

    references = styled(document, "reference")
    assert [p.text for p in references] == [f"[{n}] {r}" for n, r in enumerate(data["references"], 1)]
    assert "作者甲. 新发展" in references[0].text, "GB/T 7714 half-width punctuation is kept"

    english = data["english"]
    assert styled(document, "english_title")[0].text == english["title"]
    assert styled(document, "english_authors")[0].text == ", ".join(english["authors"])
    abstract_en = styled(document, "english_abstract")[0]
    assert abstract_en.text == "Abstract: " + english["abstract"][0]
    assert "areas: settling" in abstract_en.text and "hukou (户籍) system," in abstract_en.text
    assert not FULL_WIDTH.search(abstract_en.text), "English text next to Chinese is left as typed"
    assert styled(document, "english_keywords")[0].text == "Keywords: " + "; ".join(english["keywords"])
    assert style_fonts(document, "EnglishTitle") == ("Times New Roman", "Times New Roman")


# -- commentary (seed 002) ----------------------------------------------------------------------

def test_commentary_is_english_throughout(rendered) -> None:
    document, data = rendered("commentary"), outline("commentary")
    text = [p.text for p in document.paragraphs]

    assert not any(CHINESE_NUMBERING.match(t) for t in text)
    assert not any(FULL_WIDTH.search(t) for t in text), "no full-width punctuation conversion"
    assert any('"county-township-village" (县乡村)' in t for t in text), "straight quotes are kept"
    assert [p.text for p in styled(document, "heading1")] == [s["heading"] for s in data["sections"]]
    for p in document.paragraphs:
        for run in p.runs:
            fonts = run._r.rPr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 12
    assert style_fonts(document, "Normal") == ("Times New Roman", "Times New Roman")
    assert document.styles["heading 1"].font.bold


def test_commentary_parts(rendered) -> None:
    document, data = rendered("commentary"), outline("commentary")
    text = [p.text for p in document.paragraphs]
    assert f"Source: {data['source']}" in text
    assert f"Author: {data['author']} ({data['affiliation']})" in text
    assert text[1] == "1 April 2024"
    points = [t for t in text if t.startswith("First, ")]
    assert len(points) == sum(1 for s in data["sections"] if s.get("points"))
    assert all("; second, " in t and "; third, " in t and t.endswith(".") for t in points)


def test_commentary_has_seed_002_parts(rendered) -> None:
    source = seed(2)
    text = [p.text for p in rendered("commentary").paragraphs]
    for label in ("Author:", "Source:"):
        assert label in source
        assert any(t.startswith(label) for t in text)


def test_commentary_page_has_no_chinese_grid(rendered, tmp_path: Path) -> None:
    rendered("commentary")
    with zipfile.ZipFile(tmp_path / "commentary.docx") as package:
        body = package.read("word/document.xml").decode()
        footer = package.read("word/footer1.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert "w:docGrid" not in body
    assert "—" not in footer and '<w:jc w:val="center"/>' in footer
    assert "evenAndOddHeaders" not in settings


def test_commentary_subsections_are_unnumbered(write, render_docx) -> None:
    path = write("c.yaml", """
        kind: commentary
        title: Notes
        sections:
          - heading: Towns
            sections:
              - heading: Jobs
                paragraphs: [Work comes first.]
              - heading: Homes
                inline: true
                paragraphs: [Housing follows.]
        """)
    document = render_docx(path)
    assert [p.text for p in styled(document, "heading1")] == ["Towns"]
    assert [p.text for p in styled(document, "heading2")] == ["Jobs"]
    run_in = [p for p in document.paragraphs if p.text.startswith("Homes")][0]
    assert run_in.text == "Homes Housing follows." and span_style(run_in.runs[0]) == "LeadChar"
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)


# -- report -------------------------------------------------------------------------------------

def test_report_headings_on_their_own_lines(rendered) -> None:
    document, data = rendered("report"), outline("report")
    assert not any(lead_of(p) for p in document.paragraphs), "no run-in headings in a report"
    first = [styled(document, f"heading{n}")[0].text for n in (1, 2, 3, 4)]
    assert [re.match(r"^(一、|（一）|1\.|（1）)", t).group(1) for t in first] == ["一、", "（一）", "1.", "（1）"]
    assert len(styled(document, "heading1")) == len(data["sections"])
    addressee = styled(document, "salutation")[0]
    assert addressee.text == data["addressee"] + "："
    ind = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='Salutation']").find(
        f"{qn('w:pPr')}/{qn('w:ind')}")
    assert ind.get(qn("w:firstLine")) == "0" and ind.get(qn("w:left")) == "0", "主送 is flush left"
    texts = [p.text for p in document.paragraphs if p.text]
    after_toc = 3 if data.get("toc") else 1  # 目录 heading and the TOC field come first
    assert texts.index(addressee.text) == after_toc, "the addressee comes right after the title"


def test_report_attachments_and_signature(rendered) -> None:
    document, data = rendered("report"), outline("report")
    paragraphs = document.paragraphs
    items = styled(document, "attachment")
    assert [p.text for p in items] == [f"{'附件：' if n == 1 else ''}{n}. {name}"
                                       for n, name in enumerate(data["attachments"], 1)]
    at = [p._p for p in paragraphs].index(items[0]._p)
    assert element(paragraphs[at - 1]) == "Blank", "one blank line below the text"
    first, second = indent(items[0]), indent(items[1])
    assert first["left"] - first["hanging"] == 2 * BODY_CHAR_TW, "附件 starts 2 characters in"
    assert second["left"] - second["hanging"] == 5 * BODY_CHAR_TW, "later items align under 1."
    assert first["left"] == second["left"], "wrapped names align with the first name"
    signature, date = styled(document, "signature")[0], styled(document, "signature_date")[0]
    assert signature.text == data["issuer"] and date.text == "2024年12月20日"
    assert element(paragraphs[[p._p for p in paragraphs].index(signature._p) - 1]) == "Blank"


def test_report_table_of_contents(write, tmp_path: Path, run_cli) -> None:
    path = write("r.yaml", """
        kind: report
        title: 调研报告
        toc: true
        sections:
          - heading: 基本情况
        """)
    assert run_cli("render", path, "-o", tmp_path / "r.docx").exit_code == 0
    document = docx.Document(str(tmp_path / "r.docx"))
    fields = [node.text.strip() for node in document.element.body.iter(qn("w:instrText"))]
    assert fields == ['TOC \\o "1-2" \\h \\z \\u']
    texts = [p.text for p in document.paragraphs]
    assert texts.index("目　录") < texts.index("一、基本情况")


# -- every example: LibreOffice opens it --------------------------------------------------------

@needs_soffice
@pytest.mark.parametrize("name", EXAMPLES)
def test_example_converts_to_pdf(name: str, render_docx, tmp_path: Path) -> None:
    render_docx(OUTLINES / f"{name}.yaml")
    pages = pdf_pages(to_pdf(tmp_path / f"{name}.docx"))
    first = re.sub(r"\s", "", pages[0])
    title = re.sub(r"\s", "", outline(name)["title"])
    assert len(pages) >= 1 and title[:8] in first


@needs_soffice
def test_article_english_words_are_not_broken(render_docx, tmp_path: Path) -> None:
    render_docx(OUTLINES / "article.yaml")
    text = "\n".join(pdf_pages(to_pdf(tmp_path / "article.docx")))
    tokens = set(re.findall(r"[A-Za-z]+", text))
    abstract = outline("article")["english"]["abstract"][0]
    words = {w for w in re.findall(r"(?<![-A-Za-z])[A-Za-z]{2,}(?![-A-Za-z])", abstract)}
    assert words <= tokens, f"words broken across lines: {sorted(words - tokens)}"


# -- malformed outlines: clear errors with line numbers, exit 1 ---------------------------------

MALFORMED = {
    "speaker-without-name": ("""kind: minutes
title: 纪要
speakers:
  - name: 张三
    topic: 第一个
  - affiliation: 某研究院
    topic: 第二个
""", "m.yaml:6:5: speakers[1]: missing required key 'name'"),
    "keywords-as-number": ("""kind: article
title: 论文
keywords: 5
""", "a.yaml:3:11: keywords: expected a list"),
    "near-miss-kind": ("""kind: minute
title: 纪要
""", "k.yaml:1:7: kind: unknown kind 'minute'; did you mean 'minutes'?"),
    "lecture-too-deep": ("""kind: party-lecture
title: 党课
sections:
  - heading: 一
    sections:
      - heading: 二
        sections:
          - heading: 三
            sections:
              - heading: 四
                sections:
                  - heading: 五
""", "p.yaml:12:21: sections[0].sections[0].sections[0].sections[0].sections[0]: sections nest at most 4 levels"),
    "commentary-too-deep": ("""kind: commentary
title: A title
sections:
  - heading: One
    sections:
      - heading: Two
        sections:
          - heading: Three
""", "c.yaml:8:13: sections[0].sections[0].sections[0]: sections nest at most 2 levels deep in a commentary;"),
    "report-toc-text": ("""kind: report
title: 报告
toc: maybe
""", "r.yaml:3:6: toc: expected true or false, got text"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_outline_of_each_kind(case: str, tmp_path: Path) -> None:
    text, expected = MALFORMED[case]
    name = expected.split(":")[0]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run_process("render", path, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ")
    assert expected in result.stderr.replace(str(tmp_path) + "/", ""), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / name).with_suffix(".docx").exists()


# -- drafter kinds ------------------------------------------------------------------------------

def test_kinds_command_lists_every_kind_with_its_keys(run_cli) -> None:
    result = run_cli("kinds")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    for kind in KINDS.values():
        at = next(i for i, line in enumerate(lines) if line.startswith(kind.name + " "))
        assert kind.description in lines[at]
        keys = lines[at + 1].split("keys:")[1]
        listed = [k.strip().rstrip("*") for k in keys.split(",")]
        assert listed == [f.name for f in fields_of(kind.model)]


def test_kinds_command_shows_nested_keys(run_cli) -> None:
    result = run_cli("kinds", "minutes")
    assert result.exit_code == 0
    assert "speakers[].name (required; text)" in result.output
    assert "attendance.present (optional" in result.output
    article = run_cli("kinds", "article").output
    assert "numbering 一、 1. （1）" in article and "english.keywords" in article
    assert "sections[].sections (optional; a list of mappings)" in article
    assert "the same keys as sections" in article


def test_kinds_command_suggests_a_near_name(run_cli) -> None:
    result = run_cli("kinds", "minute")
    assert result.exit_code == 2
    assert "did you mean 'minutes'?" in result.output


def test_kinds_doc_tables_match_the_model() -> None:
    from drafter.outline.kindinfo import outline_keys

    doc = (REPO / "docs" / "kinds.md").read_text(encoding="utf-8")
    for name in EXAMPLES:
        part = doc.split(f"### `{name}`")[1].split("### ")[0]
        rows = re.findall(r"^\| `([^`]+)` \|", part, flags=re.M)
        assert rows == [k.path for k in outline_keys(KINDS[name].model)], f"docs/kinds.md: {name}"


# -- building blocks ----------------------------------------------------------------------------

def test_lang_attribute_opts_out_of_chinese_punctuation() -> None:
    blocks = parse_blocks('<p lang="en">Keywords: a, b</p><p>中文,好<span lang="en">x, y</span></p>',
                          "t.j2", chinese=True)
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "Keywords: a, b"
    assert [r.text for r in blocks[1].runs] == ["中文，好", "x, y"]
    converted = parse_blocks('<p lang="zh">中文,好</p>', "t.j2", chinese=False)
    assert converted[0].text == "中文，好"
    with pytest.raises(TemplateError, match='lang="fr"'):
        parse_blocks('<p lang="fr">x</p>', "t.j2", chinese=True)
    with pytest.raises(TemplateError, match='hang="wide"'):
        parse_blocks('<p hang="wide">x</p>', "t.j2", chinese=True)


def test_article_author_lines() -> None:
    same = (Author("甲", "某大学"), Author("乙", "某大学"))
    assert author_names(same) == "甲\u3000乙" and affiliation_line(same) == "（某大学）"
    mixed = (Author("甲", "一所"), Author("乙", "二所"), Author("丙", "一所"), Author("丁"))
    assert author_names(mixed) == "甲¹\u3000乙²\u3000丙¹\u3000丁"
    assert affiliation_line(mixed) == "（1. 一所；2. 二所）"
    assert affiliation_line((Author("甲"),)) == ""


def test_english_points() -> None:
    assert en_points(("build roads;", "open markets")) == "First, build roads; second, open markets."
    assert en_points(("Firstly, act.",)) == "Firstly, act."
    assert en_points(()) == ""


def test_kinds_doc_examples_are_valid_outlines() -> None:
    from drafter.outline.load import parse_outline
    from drafter.pipeline.render import Renderer

    doc = (REPO / "docs" / "kinds.md").read_text(encoding="utf-8")
    examples = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    outlines = [parse_outline(text, "docs/kinds.md") for text in examples]
    assert [o.kind.name for o in outlines] == EXAMPLES
    renderer = Renderer()
    for parsed in outlines:
        titles = [b.text for b in renderer.blocks(parsed) if isinstance(b, Paragraph) and b.style == "title"]
        assert titles and parsed.document.title in titles[0]


def test_each_document_carries_only_the_styles_it_uses(rendered) -> None:
    def ids(document) -> set[str]:  # type: ignore[no-untyped-def]
        return {s.style_id for s in document.styles}

    report, minutes = ids(rendered("report")), ids(rendered("minutes"))
    assert "SpeakerHeading" in minutes and "SpeakerHeading" not in report
    assert "Attachment" in report and "Attachment" not in minutes
    assert {"Normal", "Title", "Heading1", "Heading4"} <= report & minutes, "headings stay for editing"


def test_report_tail_stays_on_the_page_of_its_last_text(rendered) -> None:
    """Closing line, attachments, signature and date keep together, so the signature never
    stands on a page without text (GB/T 9704)."""
    document = rendered("report")
    paragraphs = document.paragraphs
    last_closing = max(i for i, p in enumerate(paragraphs) if p.style.name == "closing")
    tail = paragraphs[last_closing:]
    assert tail[-1].style.name == "signature_date"
    for paragraph in tail[:-1]:
        ppr = paragraph._p.pPr
        direct = ppr is not None and ppr.find(qn("w:keepNext")) is not None
        assert direct or paragraph.style.paragraph_format.keep_with_next, paragraph.text
