"""Property-based tests: random valid outlines of every registered kind always render, and random
damage to valid outline files never produces a traceback.

Outlines are generated from each kind's model (the dataclass type hints, through
drafter.outline.schema.fields_of), so kinds registered later are covered without changes here. Every
paragraph must appear: each text of a list (paragraphs, points, keywords…), each title and
heading — exactly, after punctuation normalisation, for body paragraphs; by its letters and
digits (what normalisation never changes) for the rest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import tempfile
import types
import typing
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drafter.cli import cli
from drafter.errors import OutlineError
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.load import parse_outline
from drafter.outline.schema import fields_of
from drafter.pipeline.render import Renderer
from drafter.text.numbering import as_lead
from drafter.text.typography import normalise_punctuation
from tests.conftest import OUTLINES

HEADINGS = frozenset({"title", "heading"})
"""Single-text keys that are always shown. Other single texts (issuer, affiliation…) may
legitimately be shown only with another key (a signature replaces the issuer), so they are
not checked; every list of texts (paragraphs, points, keywords, references…) is."""

SKIPPED = frozenset({"department"})
"""Keys left out of generated outlines (a department pack is a folder that must exist)."""

BODY_PARAGRAPHS = frozenset({"opening", "closing", "paragraphs"})
"""Keys whose every item is a body paragraph of its own (checked exactly, after punctuation)."""

_CJK = "城市更新规划建设发展人民群众工作会议精神学习贯彻落实推进高质量一二三四五六七八九十是的了和在"
_PUNCT = ",.;:?!()[]\"'-—…、，。；：？！（）“”‘’《》 <>&%$#@*_=+/\\|~^`{}"
_CHAR = st.one_of(
    st.sampled_from(_CJK),
    st.sampled_from(_PUNCT),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp")),
)
_MARKS = re.compile(r"\[\^[^\[\]\s]{1,40}\]|\[@\d")
TEXT = st.text(_CHAR, min_size=1, max_size=30).filter(lambda s: s.strip() != "" and not _MARKS.search(s))
"""Text as an outline may hold it: Chinese, punctuation of both widths, markup characters, any
printable Unicode (not line or paragraph separators: a line break is its own test below).
Footnote marks [^name] and citations [@1] are outline syntax, not text: they are left out."""

RENDERER = Renderer()


def value_strategy(hint: Any, level: int, max_level: int) -> st.SearchStrategy[Any]:
    """Values that fit the type hint ``hint`` (as plain YAML values)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return st.one_of([value_strategy(o, level, max_level) for o in options])
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(hint))
    if hint is str:
        return TEXT
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(min_value=0, max_value=10_000)
    if hint is float:
        return st.floats(allow_nan=False, allow_infinity=False, width=32)
    if hint is dt.date:
        return st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
    if origin is tuple:
        return st.lists(value_strategy(typing.get_args(hint)[0], level, max_level), max_size=3)
    if origin is dict:
        return st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True),
                               value_strategy(typing.get_args(hint)[1], level, max_level), max_size=2)
    if dataclasses.is_dataclass(hint):
        return record_strategy(hint, level, max_level)
    raise NotImplementedError(f"no strategy for the type hint {hint!r}; add one to tests/test_properties.py")


@st.composite
def record_strategy(draw: st.DrawFn, cls: type, level: int, max_level: int) -> dict[str, Any]:
    """A mapping for dataclass ``cls``: required keys always, optional keys sometimes.

    ``sections`` nest one level per step, no deeper than the kind numbers headings.
    """
    data: dict[str, Any] = {}
    for spec in fields_of(cls):
        if spec.name in SKIPPED or (not spec.required and not draw(st.booleans())):
            continue
        if spec.name == "sections":
            if level >= max_level:
                continue
            item = typing.get_args(spec.hint)[0]
            data["sections"] = draw(st.lists(record_strategy(item, level + 1, max_level), max_size=2))
            continue
        if spec.name == "body":  # an ordered body instead of paragraphs, points and sections
            for shorthand in ("paragraphs", "points", "points_marker", "points_each", "sections"):
                data.pop(shorthand, None)
            data["body"] = draw(st.lists(content_strategy(level, max_level), max_size=4))
            continue
        data[spec.name] = draw(CHECKED[spec.name] if spec.name in CHECKED else value_strategy(spec.hint, level, max_level))
    return data


def content_strategy(level: int, max_level: int) -> st.SearchStrategy[Any]:
    """One item of a section's ordered body (no figures: their files would have to exist)."""
    point = st.one_of(TEXT, st.fixed_dictionaries({"lead": TEXT}, optional={"text": TEXT}))
    table = st.integers(min_value=1, max_value=3).flatmap(lambda columns: st.fixed_dictionaries(
        {"rows": st.lists(st.lists(TEXT, min_size=columns, max_size=columns), min_size=1, max_size=3)},
        optional={"caption": TEXT, "notes": st.lists(TEXT, max_size=2)}))
    items = [TEXT, st.fixed_dictionaries({"paragraph": TEXT}), st.fixed_dictionaries({"quote": TEXT}),
             st.fixed_dictionaries({"points": st.lists(point, min_size=1, max_size=3)},
                                   optional={"each": st.booleans()}),
             st.fixed_dictionaries({"table": table})]
    if level < max_level:
        from drafter.outline.model import Section

        items.append(st.fixed_dictionaries({"section": record_strategy(Section, level + 1, max_level)}))
    return st.one_of(items)


CHECKED: dict[str, st.SearchStrategy[Any]] = {
    "copy_number": st.from_regex(r"[0-9]{1,6}", fullmatch=True),
    "classification": st.sampled_from(["机密★1年", "秘密", "绝密★长期", "机密"]),
}
"""Keys whose values the model checks beyond their type (drafter.outline.gongwen): valid ones only."""


def outline_strategy(kind: Kind) -> st.SearchStrategy[dict[str, Any]]:
    """Random valid outlines of ``kind``."""
    return record_strategy(kind.model, 0, max(len(kind.numbering), 1))


def paragraphs(data: Any, key: str = "", in_list: bool = False) -> list[tuple[str, str]]:
    """Every (key, text) the document must show: texts in lists, titles and headings."""
    if isinstance(data, dict):
        return [pair for k, v in data.items() for pair in paragraphs(v, k)]
    if isinstance(data, list):
        return [pair for v in data for pair in paragraphs(v, key, in_list=True)]
    if isinstance(data, str) and (in_list or key in HEADINGS):
        return [(key, data)]
    return []


def squeeze(text: str) -> str:
    """The text without white space and line breaks (a title may be broken across lines)."""
    return re.sub(r"\s+", "", text)


def letters(text: str) -> str:
    """Only letters and digits: what punctuation normalisation never changes."""
    return "".join(c for c in text if c.isalnum())


def docx_text(data: bytes) -> str:
    """All text of a DOCX as python-docx reads it: body, tables, headers and footers."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer, section.even_page_header, section.even_page_footer,
                     section.first_page_header, section.first_page_footer):
            parts.extend(p.text for p in part.paragraphs)
    return "\n".join(parts)


@pytest.mark.parametrize("kind_name", sorted(KINDS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_valid_outlines_render_with_all_their_text(kind_name: str, data: st.DataObject) -> None:
    kind = KINDS[kind_name]
    outline_data = data.draw(outline_strategy(kind), label="outline")
    text = yaml.safe_dump(outline_data, allow_unicode=True, sort_keys=False)
    try:
        outline = parse_outline(text, "random.yaml")
    except OutlineError as error:
        # a heading that starts with a typed number other than its own (一.… as section 2) is
        # refused by design (tests/test_render_warnings.py): such an outline is not a valid one
        assert all("starts with the number" in p.message for p in error.problems), str(error)
        assume(False)
    package = RENDERER.docx(outline)
    rendered = docx_text(package)
    chinese = kind.language == "zh"
    every_letter = letters(rendered)
    squeezed = squeeze(rendered)
    for key, value in paragraphs(outline_data):
        assert letters(value) in every_letter, f"{key}: {value!r} is missing from the document"
        expected = normalise_punctuation(value.strip()) if chinese else value.strip()
        if key in BODY_PARAGRAPHS:
            assert expected in rendered, f"{key}: {expected!r} is not a paragraph of the document"
        elif key in HEADINGS:
            # every mark too, not only the letters (a heading may be nothing but punctuation): as
            # normalised alone or next to the Chinese a template puts beside it (党课：…), or as
            # typed (an article's English block keeps its punctuation); a long title may be broken
            # into lines, a run-in heading ends as a sentence (as_lead)
            typed = value.strip()
            texts = (expected, typed, normalise_punctuation("中" + typed)[1:], normalise_punctuation(typed + "中")[:-1])
            forms = {squeeze(form) for text in texts for form in (text, as_lead(text))}
            assert any(form in squeezed for form in forms), f"{key}: {expected!r} is missing from the document"


def test_headings_made_only_of_punctuation_are_shown_mark_for_mark() -> None:
    # the property above compares headings by their letters; these have none
    outline = parse_outline("kind: speech\ntitle: '？！'\nsections:\n  - heading: '……'\n    sections:\n"
                            "      - heading: '——'\n        paragraphs: [正文。]\n  - heading: '\"\"'\n")
    document = docx.Document(io.BytesIO(RENDERER.docx(outline)))
    assert [(p.style.style_id, p.text) for p in document.paragraphs] == [
        ("Title", "？！"), ("Blank", ""), ("Heading1", "一、……"), ("Normal", "（一）——。正文。"),
        ("Heading1", "二、“”")]


def test_multi_line_paragraph_is_joined_without_spaces_between_chinese(tmp_path: Path) -> None:
    outline = parse_outline("kind: speech\ntitle: 标题\nopening:\n  - |\n    城市更新\n    要以人民为中心,\n"
                            "    坚持 step by\n    step.\n")
    rendered = docx_text(RENDERER.docx(outline))
    # the sentence is Chinese, so its full stop is too, even after a Latin word (GB/T 15834)
    assert "城市更新要以人民为中心，坚持 step by step。" in rendered


# -- mutations of valid outline files ------------------------------------------------------------

_NOISE = st.one_of(
    st.sampled_from([":", ": ", "- ", "-", "[", "]", "{", "}", "&a ", "*a", "!!python/object:os.system ",
                     "!", "\t", "'", '"', "#", "%", "@", "`", "|", ">", "? ", ",", "\\", "---\n", "...\n",
                     "\x00", "\x01", "\x1b", "\ufeff", "\u2028", "\x85", "\n", "  ", "~", "null", "yes", "0x1F",
                     "2025-02-30", "!!bool ", "!!timestamp ", "!!int ", "!!float ", "!!str ", "!!null ", "!!map ",
                     "!!seq ", "!!binary ", "!!set ", "!!omap ", "<<: ", "1" * 5000, "<p>", "</p>", "{{ x }}", "{% if %}", "&amp;", "城市", "，", "："]),
    st.text(_CHAR, min_size=1, max_size=5),
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with one to four random edits: lines deleted, duplicated, re-indented, or noise inserted."""
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        if not lines:
            lines = [""]
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "swap"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = " " * draw(st.integers(min_value=1, max_value=5)) + lines[index]
        elif action == "dedent":
            lines[index] = lines[index].lstrip(" ")
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        else:
            line = lines[index]
            at = draw(st.integers(min_value=0, max_value=len(line)))
            lines[index] = line[:at] + draw(_NOISE) + line[at:]
    return "".join(lines)


SOURCES = [p.read_text(encoding="utf-8") for p in sorted(OUTLINES.glob("*.yaml"))] + [
    "kind: speech\ntitle: 标题\ndate: 2025-07-18\nsalutation: 同志们\nopening: [第一段。]\nsections:\n"
    "  - heading: 一级\n    paragraphs: [正文。]\n    points: [甲, 乙]\n    sections:\n"
    "      - heading: 二级\n        inline: false\n        paragraphs: [正文。]\nclosing: [谢谢大家！]\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_outlines_never_give_a_traceback(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(SOURCES), label="source")
    text = data.draw(mutated(source), label="mutated")
    with tempfile.TemporaryDirectory() as folder:
        outline = Path(folder) / "outline.yaml"
        outline.write_bytes(text.encode("utf-8", "surrogatepass"))
        target = Path(folder) / "outline.docx"
        result = CliRunner().invoke(cli, ["render", str(outline), "-o", str(target)], catch_exceptions=False)
        assert result.exit_code in {0, 1, 2}, result.output
        assert "Traceback" not in result.output
        if result.exit_code == 0:
            assert docx_text(target.read_bytes())
        else:
            assert result.stderr.startswith("Error: "), result.stderr
            assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", result.stderr), result.stderr
            assert not target.exists()
            assert sorted(p.name for p in Path(folder).iterdir()) == ["outline.yaml"]
