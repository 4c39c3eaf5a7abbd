"""Chinese for the input stages: every message about a bad outline, a Markdown draft, a template or a
style profile, and the descriptions of kinds and keys (``drafter kinds``, the JSON Schema's hover text).

Under ``zh`` a message keeps its place (file:line:column and key path, exactly as in English) and its
data (keys, values quoted from the outline, paths, code), and has no English sentence left: the
checker :func:`english_words` takes the data out and reports any English word that remains. Under
``en`` the existing tests pin every message as before.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drafter import i18n
from drafter.errors import DrafterError, OutlineError, Problem
from drafter.markdown import outline_from_draft, parse_draft
from drafter.outline import json_schema
from drafter.outline.json_schema import RECORD_DESCRIPTIONS, dumps, outline_schema, schema_file
from drafter.outline.kindinfo import kind_details, outline_keys
from drafter.outline.kinds import KINDS
from drafter.outline.load import load_outline, parse_outline
from drafter.outline.schema import describe, fields_of
from tests.conftest import OUTLINES, REPO
from tests.test_markdown import BAD as BAD_DRAFTS

BAD = REPO / "tests" / "bad"
INPUT_STAGES = ("drafter/errors.py", "drafter/output.py", "drafter/resources.py", "drafter/text/",
                "drafter/outline/", "drafter/markdown/", "drafter/compose/", "drafter/docx/")
"""The modules whose messages this file holds to a Chinese translation."""


# -- the checker ---------------------------------------------------------------------------------

def _identifiers() -> set[str]:
    """Every name a message may quote as data: kinds, keys of every record, profile keys."""
    from drafter.docx.profile import ProfileSpec

    names = set(KINDS)
    seen: set[type] = set()

    def walk(record: type) -> None:
        if record in seen:
            return
        seen.add(record)
        for spec in fields_of(record):
            names.add(spec.name)
            for inner in _records_in(spec.hint):
                walk(inner)

    for kind in KINDS.values():
        walk(kind.model)
    names |= {str(value) for value in _literal_values()}
    walk(ProfileSpec)
    return {n.lower() for name in names for n in re.split(r"[_-]", name)} | {n.lower() for n in names}


def _literal_values() -> Iterator[object]:
    """The values of every Literal hint of the model (left, center, decimal, circled…): code, not prose."""
    from drafter.docx.profile import ProfileSpec

    seen: set[type] = set()

    def walk(record: type) -> Iterator[object]:
        if record in seen:
            return
        seen.add(record)
        for spec in fields_of(record):
            yield from _literals_in(spec.hint)
            for inner in _records_in(spec.hint):
                yield from walk(inner)

    for root in [*(kind.model for kind in KINDS.values()), ProfileSpec]:
        yield from walk(root)


def _literals_in(hint: object) -> Iterator[object]:
    if typing.get_origin(hint) is typing.Literal:
        yield from typing.get_args(hint)
    for argument in typing.get_args(hint):
        if typing.get_origin(hint) is not typing.Literal:
            yield from _literals_in(argument)


def _records_in(hint: object) -> Iterator[type]:
    import dataclasses

    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        yield hint
    for argument in typing.get_args(hint):
        yield from _records_in(argument)


DATA_WORDS = {
    # formats, programs and units, kept in Chinese text as they are
    "yaml", "json", "docx", "doc", "utf", "png", "jpeg", "csv", "xlsx", "xlsm", "gbk", "gb", "mb", "pdf", "html",
    "markdown", "word", "wps", "windows", "libreoffice", "drafter", "tab", "unicode", "uri", "pt", "cm", "dpi",
    "true", "false", "null", "yes", "no", "on", "off", "max_range", "range", "dept", "block", "endblock",
    "extends", "super", "ff", "rules", "levels", "frame", "widths", "align", "style", "anchor", "lang",
    "src", "width", "name", "zh", "en", "cn", "us", "bool", "int", "timestamp", "str", "python", "include",
    "system", "os", "exploit", "apply", "object", "main", "pwned", "uxxxx", "xx", "scale", "mm",
}
"""Words that are data, not English sentences: they may stay in a Chinese message."""

_STRIPPED = [
    re.compile(r"`[^`]*`"),                        # code: commands, keys, typed numbers
    re.compile(r"'[^'\n]*'"),                      # values and keys quoted from the outline
    re.compile(r'"[^"\n]*"'),
    re.compile(r"<[^<>\n]*>"),                     # template markup
    re.compile(r"\{\{?%?[^{}]*%?\}?\}"),           # Jinja tags and placeholders
    re.compile(r"!!?[\w/:.\-]+"),                  # YAML tags
    re.compile(r"[*&]\w+"),                        # aliases and anchors
    re.compile(r"\[[\^@][^\]]*\]"),                # footnote and citation marks
    re.compile(r"U\+[0-9A-F]{4,6}|0x[0-9a-f]+"),
    re.compile(r"\S*[/\\]\S*"),                    # paths
    re.compile(r"[\w-]+(?:\.[\w-]+|\[\d*\])+"),    # dotted keys, file names, key paths
    re.compile(r"--?[a-z][\w-]*"),                 # options
    re.compile(r"\b[A-Za-z]+_\w+"),                 # identifiers: doc_prefix, MAX_RANGE
]


def english_words(message: str, extra: set[str] = frozenset()) -> list[str]:
    """The English words left in ``message`` once its data is taken out (empty for a Chinese one)."""
    text = message
    for pattern in _STRIPPED:
        text = pattern.sub(" ", text)
    allowed = DATA_WORDS | IDENTIFIERS | {e.lower() for e in extra}
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.lower() not in allowed]


IDENTIFIERS = _identifiers()


def test_the_checker_finds_english_and_lets_data_through() -> None:
    assert english_words("expected a mapping, got a list") == ["expected", "mapping", "got", "list"]
    assert english_words("未知的键 'titel'；是不是要写 'title'？") == []
    assert english_words("可用的键：kind, title, subtitle") == []
    assert english_words("应为文字，实际是数字 3.14（请加上引号：'3.14'）") == []
    assert english_words("this is a sentence around `code`") == ["this", "is", "sentence", "around"]


# -- the language under test ----------------------------------------------------------------------

@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DRAFTER_LANG", "zh")
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


def _in(language: str, action: Callable[[], object]) -> object:
    """What ``action`` returns (or the DrafterError it raises) with messages in ``language``."""
    i18n.set_language(language)
    try:
        return action()
    except DrafterError as exc:
        return exc
    finally:
        i18n.set_language("en")


def _problems(error: object) -> list[Problem]:
    assert isinstance(error, OutlineError), error
    return error.problems


def _place(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line, problem.column, problem.path)


def _assert_chinese_like_english(action: Callable[[], object]) -> list[Problem]:
    """``action`` fails in both languages at the same places; every Chinese message is Chinese."""
    english, chinese = _in("en", action), _in("zh", action)
    assert [_place(p) for p in _problems(english)] == [_place(p) for p in _problems(chinese)]
    for problem in _problems(chinese):
        assert not english_words(problem.message), (problem.message, english_words(problem.message))
        assert re.search("[\u4e00-\u9fff]", problem.message), problem.message
    text = str(chinese)
    assert "problems in the outline" not in text and "problem in the outline" not in text
    for problem in _problems(chinese):
        assert f"{problem.file}:{problem.line}:{problem.column}: " in text
    return _problems(chinese)


FAILING = sorted(p.name for p in BAD.glob("*.yaml") if p.name != "bom_utf8.yaml")


@pytest.mark.parametrize("name", FAILING)
def test_the_bad_input_corpus_is_chinese_under_zh(name: str, tmp_path: Path) -> None:
    shutil.copy(BAD / name, tmp_path / name)
    _assert_chinese_like_english(lambda: load_outline(tmp_path / name))


def test_several_problems_are_counted_in_chinese(chinese: None) -> None:
    with pytest.raises(OutlineError) as caught:
        load_outline(BAD / "many_problems_at_once.yaml")
    first = str(caught.value).splitlines()[0]
    assert first == f"{BAD / 'many_problems_at_once.yaml'}：提纲中有 4 处问题："


OUTLINES_OF_TEST_ERRORS = {
    "four problems": "kind: speech\ntitle: [not, text]\nsections:\n  - heading: 一\n    paragraph: [typo]\n"
                     "  - headng: 二\nopening: {a: 1}\n",
    "kind misspelt": "kind: speach\ntitle: x\n",
    "sections a number": "kind: speech\ntitle: 标题\nsections: 3\n",
    "quote unclosed": "kind: speech\ntitle: 'unclosed\n",
    "missing colon": "kind: speech\ntitle 讲话\nsections:\n  - heading: 一\n",
    "key without colon": "kind: speech\ntitle: 讲话\nsections:\n  - heading 提高认识\n    paragraphs: [正文。]\n",
    "typed heading number contradicts": "kind: speech\ntitle: 讲话\nsections:\n  - heading: 二、提高认识\n"
                                        "    paragraphs: [正文。]\n",
    "footnote mark without note": "kind: speech\ntitle: 讲话\nopening: [正文[^a]。]\n",
    "too deep": "kind: commentary\ntitle: T\nsections:\n  - heading: a\n    sections:\n      - heading: b\n"
                "        sections:\n          - heading: c\n            paragraphs: [x]\n",
    "table ragged": "kind: speech\ntitle: 讲话\nsections:\n  - heading: 一\n    body:\n      - table:\n"
                    "          rows: [[a, b], [c]]\n",
    "figure missing": "kind: speech\ntitle: 讲话\nsections:\n  - heading: 一\n    body:\n      - figure:\n"
                      "          file: none.png\n          caption: 图\n",
    "copy number": "kind: notice\ntitle: 关于开展工作的通知\naddressee: 各单位\ncopy_number: abc\n"
                   "opening: [正文。]\n",
    "body item two kinds": "kind: speech\ntitle: 讲话\nsections:\n  - heading: 一\n    body:\n"
                           "      - paragraph: 甲\n        quote: 乙\n",
}


@pytest.mark.parametrize("name", list(OUTLINES_OF_TEST_ERRORS))
def test_outline_errors_are_chinese_under_zh(name: str, tmp_path: Path) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(OUTLINES_OF_TEST_ERRORS[name], encoding="utf-8")
    _assert_chinese_like_english(lambda: load_outline(source))


BAD_JSON = [
    '{"kind": "speech", "title": "x",}',
    '{"kind": "speech",\n  // a comment\n  "title": "x"}',
    "{'kind': 'speech'}",
    '{"kind": "speech", "title": "x"\n "date": "2025-01-01"}',
    '{"kind": "speech",\n "title": 1e5}',
    '{"kind": "speech", "title": "a",\n "title": "b"}',
    '{"kind": "speech", "title": "a"} {}',
    "[" * 100,
    '{"kind": "speech", "title": "unclosed}',
    '{"kind": "speech", "title": [1,]}',
]


@pytest.mark.parametrize("text", BAD_JSON)
def test_json_errors_are_chinese_under_zh(text: str) -> None:
    _assert_chinese_like_english(lambda: parse_outline(text, "outline.json"))


@pytest.mark.parametrize("name", list(BAD_DRAFTS))
def test_markdown_errors_are_chinese_under_zh(name: str) -> None:
    text, _expected = BAD_DRAFTS[name]
    _assert_chinese_like_english(lambda: outline_from_draft(parse_draft(text, "draft.md")))


def test_a_markdown_drafts_notes_and_reason_are_chinese(chinese: None) -> None:
    draft = parse_draft((REPO / "tests" / "markdown_drafts" / "speech.md").read_text(encoding="utf-8"),
                        "speech.md")
    assert draft.guess is not None and not english_words(draft.guess.reason), draft.guess.reason
    assert draft.notes
    for note in draft.notes:
        assert not english_words(note), note


# -- templates and style profiles ------------------------------------------------------------------

def _render_with_pack(tmp_path: Path, template: str) -> object:
    from drafter.pipeline.render import render_file

    pack = tmp_path / "pack"
    (pack / "templates").mkdir(parents=True, exist_ok=True)
    (pack / "department.yaml").write_text("name: 测试局\nvariables:\n  closing_line: 以上讲话请认真贯彻落实。\n",
                                          encoding="utf-8")
    (pack / "templates" / "speech.j2").write_text(template, encoding="utf-8")
    return render_file(OUTLINES / "speech.yaml", tmp_path / "out.docx", department=pack)


TEMPLATES = {
    "unknown block, key and name": '{% extends "base/speech.j2" %}\n{% block closng %}\n'
                                   '<p style="closing">{{ dept.closing_lin }}</p>\n{% endblock %}\n'
                                   '{% block title %}\n<p style="title">{{ titel }}</p>\n{% endblock %}\n',
    "syntax error": '{% extends "base/speech.j2" %}\n{% block title %}\n{{ title }\n{% endblock %}\n',
    "unknown markup": '{% extends "base/speech.j2" %}\n{% block title %}\n<bogus>x</bogus>\n{% endblock %}\n',
    "text outside a paragraph": '{% extends "base/speech.j2" %}\n{% block title %}\nloose text\n{% endblock %}\n',
    "a huge range": '{% extends "base/speech.j2" %}\n{% block title %}\n{% for i in range(10**9) %}{% endfor %}\n'
                    '{% endblock %}\n',
    "undefined at run time": '{% extends "base/speech.j2" %}\n{% block title %}\n<p style="title">'
                             '{{ dept.name.nope.deeper }}</p>\n{% endblock %}\n',
}


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_template_errors_are_chinese_under_zh(name: str, tmp_path: Path) -> None:
    english = _in("en", lambda: _render_with_pack(tmp_path / "en", TEMPLATES[name]))
    chinese = _in("zh", lambda: _render_with_pack(tmp_path / "zh", TEMPLATES[name]))
    assert isinstance(english, DrafterError) and isinstance(chinese, DrafterError), (english, chinese)
    text = str(chinese).replace(str(tmp_path / "zh"), "")
    # the template's own words (Jinja's syntax messages) are data quoted from the file
    leftover = english_words(text, extra={"closng", "closing", "titel", "subtitle", "lin", "bogus", "loose",
                                          "nope", "deeper", "expected", "token", "end", "of", "print",
                                          "statement", "got", "body", "byline", "footnotes", "header",
                                          "opening", "salutation", "signature", "full", "short", "speaker",
                                          "dict", "object", "has", "no", "attribute", "undefined",
                                          "unexpected"})
    assert not leftover, (text, leftover)
    assert re.search("[\u4e00-\u9fff]", text), text
    assert re.findall(r":\d+:", str(english)) == re.findall(r":\d+:", str(chinese))


def test_a_bad_style_profile_is_chinese_under_zh(tmp_path: Path) -> None:
    from drafter.docx.profile import read_spec

    profile = tmp_path / "bad.yaml"
    profile.write_text("elements:\n  body:\n    font: 仿宋_GB2312\n    sise: 16\n", encoding="utf-8")
    chinese = _in("zh", lambda: read_spec(profile))
    assert isinstance(chinese, DrafterError)
    assert "样式配置" in str(chinese) and "未知的键 'sise'" in str(chinese)


def test_output_errors_are_chinese_under_zh(tmp_path: Path, chinese: None) -> None:
    from drafter.errors import OutputError
    from drafter.output import check_writable

    with pytest.raises(OutputError) as caught:
        check_writable(tmp_path / "no-such-folder" / "out.docx")
    assert str(caught.value).startswith(f"无法写入 {tmp_path / 'no-such-folder' / 'out.docx'}：文件夹 ")
    assert not english_words(str(caught.value))


# -- kinds, keys and the JSON Schema -------------------------------------------------------------------

@pytest.mark.parametrize("name", list(KINDS))
def test_kind_and_key_descriptions_are_chinese_under_zh(name: str, chinese: None) -> None:
    kind = KINDS[name]
    assert not english_words(kind.description), kind.description
    for key in outline_keys(kind.model):
        assert key.doc, key.path
        assert not english_words(key.doc), (key.path, key.doc)
        assert not english_words(key.accepts), (key.path, key.accepts)
    for line in kind_details(kind):
        assert not english_words(line), line


def test_descriptions_stay_english_under_en() -> None:
    assert KINDS["speech"].description.startswith("A speech at a meeting or seminar")
    assert fields_of(KINDS["speech"].model)[1].doc == "Main title."
    assert describe(tuple[str, ...]) == "a list of paragraphs (or one paragraph as text)"


def _descriptions(schema: object) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("description", "title") and isinstance(value, str):
                yield value
            elif key not in ("examples", "default", "enum", "const"):
                yield from _descriptions(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _descriptions(item)


def test_the_schema_speaks_the_language_of_the_process(chinese: None) -> None:
    titles = {name for name in RECORD_DESCRIPTIONS}
    for text in _descriptions(outline_schema()):
        if text in titles:  # a record's title is its class name
            continue
        assert not english_words(text, extra={"drafter"}), text


def test_the_shipped_chinese_schema_is_the_schema_drafter_writes_in_chinese(chinese: None) -> None:
    assert schema_file() == schema_file("zh_CN") != schema_file("en")
    assert schema_file().read_text(encoding="utf-8") == dumps(outline_schema()), \
        "run `DRAFTER_LANG=zh drafter schema -o schemas/outline.schema.zh-CN.json`"
    english = json.loads(schema_file("en").read_text(encoding="utf-8"))
    chinese_schema = json.loads(schema_file().read_text(encoding="utf-8"))

    def shape(schema: object) -> object:  # the schema without its prose: the same in both languages
        if isinstance(schema, dict):
            return {k: shape(v) for k, v in schema.items() if k not in ("description", "title")}
        if isinstance(schema, list):
            return [shape(v) for v in schema]
        return schema

    assert shape(english) == shape(chinese_schema)


def test_record_descriptions_are_the_first_lines_of_the_docstrings() -> None:
    defs = outline_schema()["$defs"]
    assert {name: d.get("description") for name, d in defs.items()} == RECORD_DESCRIPTIONS
    assert json_schema.record_description(KINDS["speech"].model) == RECORD_DESCRIPTIONS["Speech"]


# -- the catalog ------------------------------------------------------------------------------------

def _catalog_tool():  # type: ignore[no-untyped-def]
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("catalog_tool", REPO / "tools" / "catalog.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _input_messages():  # type: ignore[no-untyped-def]
    tool = _catalog_tool()
    catalog = tool.read(tool.po_path("zh_CN"), "zh_CN")
    for message in tool.template():
        if message.id and any(where.startswith(INPUT_STAGES) for where, _line in message.locations):
            yield message, catalog.get(message.id, message.context)


def test_every_message_of_the_input_stages_has_a_chinese_translation() -> None:
    missing = [m.id for m, found in _input_messages() if found is None or _untranslated(found)]
    assert not missing, f"translate these in drafter/locale/zh_CN/LC_MESSAGES/drafter.po: {missing}"


def _untranslated(message) -> bool:  # type: ignore[no-untyped-def]
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return message.fuzzy or not all(strings)


_PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}(?!\})")


def test_translations_keep_every_placeholder() -> None:
    for message, found in _input_messages():
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        for string in strings:
            assert sorted(set(_PLACEHOLDER.findall(source.replace("{{", "").replace("}}", "")))) == \
                sorted(set(_PLACEHOLDER.findall(string.replace("{{", "").replace("}}", "")))), (source, string)
