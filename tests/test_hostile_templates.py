"""Templates handed over by another department: errors name the file and line, nothing escapes
the sandbox, nothing outside the search path is read, and no template can hang or exhaust drafter."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from drafter.compose import guard
from drafter.compose.blocks import parse_blocks
from drafter.compose.templates import Templates
from drafter.errors import TemplateError
from tests.conftest import OUTLINES


@pytest.fixture
def dept(tmp_path: Path) -> Path:
    """An empty department template folder, with a file beside it that must stay unreachable."""
    (tmp_path / "secret.j2").write_text("<p>SECRET</p>\n", encoding="utf-8")
    folder = tmp_path / "dept"
    folder.mkdir()
    return folder


def render_text(folder: Path, text: str, *, time_limit: float = guard.TIME_LIMIT,
                context: dict | None = None) -> str:
    """Write ``text`` as ``folder/t.j2`` and render it."""
    (folder / "t.j2").write_text(text, encoding="utf-8")
    return Templates([folder], time_limit=time_limit).render("t.j2", context or {"title": "标题"})


def refused(folder: Path, text: str, **options) -> str:  # type: ignore[no-untyped-def]
    """The message of the TemplateError that rendering ``text`` must raise."""
    with pytest.raises(TemplateError) as caught:
        render_text(folder, text, **options)
    return str(caught.value)


def test_syntax_error_names_file_and_line(dept: Path) -> None:
    message = refused(dept, "<p>a</p>\n{% if title %}\n<p>b</p>\n")
    assert message.startswith(f"{dept / 't.j2'}:3: template syntax error: Unexpected end of template.")


def test_undefined_name_names_file_and_line(dept: Path) -> None:
    assert refused(dept, "<p>a</p>\n<p>{{ speeker }}</p>\n") == \
        f"{dept / 't.j2'}:2: undefined name in template: 'speeker' is undefined"


@pytest.mark.parametrize("expression", [
    "''.__class__.__mro__",
    "().__class__.__bases__[0].__subclasses__()",
    "cycler.__init__.__globals__",
    "joiner.__init__.__globals__.os",
    "namespace.__init__.__globals__",
    "lipsum.__globals__",
    "lipsum|attr('__glo' ~ 'bals__')",
    "self._TemplateReference__context",
    "'{0.__class__}'.format(1)",
    "'%s'|format(lipsum.__globals__)",
    "range(3)._range",
])
def test_sandbox_escapes_are_refused(dept: Path, expression: str) -> None:
    message = refused(dept, "<p>a</p>\n{{ " + expression + " }}\n")
    assert message.startswith(f"{dept / 't.j2'}:2: the template tried something not allowed: access to attribute")


def test_template_cannot_change_the_outline(dept: Path) -> None:
    paragraphs = ["第一段"]
    message = refused(dept, "{{ opening.append('注入') }}\n", context={"opening": paragraphs})
    assert "not allowed" in message and "'append'" in message
    assert paragraphs == ["第一段"]


@pytest.mark.parametrize("name", ["../secret.j2", "dept/../../secret.j2", "{secret}"])
def test_include_outside_the_search_path_is_refused(dept: Path, name: str) -> None:
    name = name.format(secret=dept.parent / "secret.j2")
    message = refused(dept, "<p>a</p>\n{% include '" + name + "' %}\n")
    assert message.startswith(f"{dept / 't.j2'}:2: template '{name}' not found on the search path ({dept}, ")
    assert "SECRET" not in message


def test_include_of_a_missing_template_names_the_search_path(dept: Path) -> None:
    message = refused(dept, "{% include 'nosuch.j2' %}\n")
    assert message.startswith(f"{dept / 't.j2'}:1: template 'nosuch.j2' not found on the search path ({dept}, ")


def test_nested_huge_loops_are_stopped_by_the_time_limit(dept: Path) -> None:
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    assert refused(dept, "<p>a</p>\n" + loops, time_limit=0.5) == (
        f"{dept / 't.j2'}:2: the template took longer than 0.5 s to render and was stopped "
        "(an endless or very large loop?)")


def test_time_limit_also_holds_outside_the_main_thread(dept: Path) -> None:
    (dept / "t.j2").write_text("{% for i in range(100000) %}{% for j in range(100000) %}"
                               "{% endfor %}{% endfor %}\n", encoding="utf-8")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            Templates([dept], time_limit=0.5).render("t.j2", {})
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], TemplateError)
    assert "took longer than 0.5 s" in str(errors[0])


def test_time_limit_restores_the_alarm_handler(dept: Path) -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    assert render_text(dept, "<p>{{ title }}</p>\n") == "<p>标题</p>"
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize("text, expected", [
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}\n{{ f(1) }}\n", "calls itself without end"),
    ("<p>x</p>\n{% include 't.j2' %}\n", "calls itself without end"),
])
def test_recursion_is_refused(dept: Path, text: str, expected: str) -> None:
    message = refused(dept, text)
    assert message.startswith(f"{dept / 't.j2'}:") and expected in message


@pytest.mark.parametrize("expression, expected", [
    ("'x' * 10**10", "builds a repeated value of 10,000,000,000 characters"),
    ("9 ** (9 ** 9)", "computes a number of more than 100,000 bits"),
    ("'x'|center(10**10)", "passes the number 10,000,000,000 to the filter 'center'"),
    ("'x'.center(10**9)", "passes the number 1,000,000,000 to center()"),
    ("'%999999999d' % 1", "formatted text with a width over"),
    ("'{:>999999999}'.format(1)", "formatted text with a width over"),
    ("range(10**9)|list", "range() of 1,000,000,000 items is too big; the sandbox allows at most 100,000"),
    ("range(200000)|list", "range() of 200,000 items is too big; the sandbox allows at most 100,000"),
])
def test_oversized_values_are_refused_before_they_are_built(dept: Path, expression: str, expected: str) -> None:
    message = refused(dept, "<p>a</p>\n<p>{{ " + expression + " }}</p>\n")
    assert message.startswith(f"{dept / 't.j2'}:2: ") and expected in message


@pytest.mark.parametrize("text", [
    "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% set ns = namespace(s=[1]) %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
])
def test_values_doubled_in_a_loop_are_stopped(dept: Path, text: str) -> None:
    message = refused(dept, text + "\n")
    assert message.startswith(f"{dept / 't.j2'}:1: the template builds")
    assert f"values are limited to {guard.MAX_VALUE_CHARS:,} characters or items" in message


def test_total_output_is_bounded(dept: Path) -> None:
    text = "{% set s = 'x' * 100000 %}{% for i in range(100000) %}{% for j in range(100) %}{{ s }}" \
           "{% endfor %}{% endfor %}\n"
    assert refused(dept, text) == (f"{dept / 't.j2'}: the template's output passed "
                                   f"{guard.MAX_OUTPUT_CHARS:,} characters and was stopped")


def test_ordinary_template_features_still_work(dept: Path) -> None:
    text = ("{% for i in range(3)|reverse %}<p>{{ loop.index }}/{{ loop.length }}:{{ i }}</p>{% endfor %}"
            "<p>{{ title ~ '！' }}{{ range(5)|list|length }}{{ (2 ** 10) * 3 }}{{ '%03d' % 7 }}"
            "{{ '{:>4}'.format('a') }}{{ 'ab' * 3 }}{{ [1] + [2] }}{{ 7 // 2 }}{{ 7 / 2 }}</p>")
    assert render_text(dept, text) == ("<p>1/3:2</p><p>2/3:1</p><p>3/3:0</p>"
                                       "<p>标题！53072007   aababab[1, 2]33.5</p>")


def test_hostile_template_through_the_cli_leaves_output_untouched(
        tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    # A department pack whose speech.j2 stands in for the built-in one: the path a real hostile
    # template takes, with nothing patched (a patched lookup outlives the test in modules it imports).
    pack = tmp_path / "hostile"
    (pack / "templates").mkdir(parents=True)
    (pack / "department.yaml").write_text("name: 来路不明的部门\n", encoding="utf-8")
    template = pack / "templates" / "speech.j2"
    template.write_text("<p>{{ title }}</p>\n{{ title.__class__.__mro__ }}\n", encoding="utf-8")
    out = tmp_path / "speech.docx"
    out.write_bytes(b"an earlier draft")
    result = run_cli("render", OUTLINES / "speech.yaml", "-o", out, "--department", pack)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {template}:2: the template tried something not allowed: "
                             "access to attribute '__class__' of 'str' object is unsafe.\n")
    assert result.stdout == ""
    assert out.read_bytes() == b"an earlier draft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile", "speech.docx"]
    assert sorted(p.name for p in pack.rglob("*")) == ["department.yaml", "speech.j2", "templates"]


@pytest.mark.parametrize("markup, expected", [
    ('<p hang="abc">x</p>', 'hang="abc" on <p>: give a number of characters from 0 to 40'),
    ('<p hang="nan">x</p>', 'hang="nan" on <p>: give a number of characters from 0 to 40'),
    ('<p style="x" hang="1e308">x</p>', 'hang="1e308" on <p>: give a number of characters from 0 to 40'),
    ('<toc levels="x"/>', "<toc levels='x'/>: levels is a whole number from 1 to 9"),
    ('<toc levels="-5"/>', "<toc levels='-5'/>: levels is a whole number from 1 to 9"),
    ("<p>&#1;</p>", "the template's output is not valid block markup (output line 1): reference to invalid "
                    "character number: line 1, column 11"),
])
def test_bad_block_attributes_are_template_errors(markup: str, expected: str) -> None:
    # These reached the CLI as ValueError/OverflowError ("internal error", exit 3).
    with pytest.raises(TemplateError) as caught:
        parse_blocks(markup, "dept/speech.j2", chinese=True)
    assert str(caught.value) == f"dept/speech.j2: {expected}"


def test_time_limit_gives_back_a_pending_alarm(dept: Path) -> None:
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        assert render_text(dept, "<p>{{ title }}</p>\n") == "<p>标题</p>"
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30
        assert fired == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Every method Jinja's immutable sandbox counts as mutating, on each container a template can be
# handed: lists (paragraph lists, department variables), dicts (``dept``) and sets.
MUTATING_CALLS = [
    *[(list, name, args) for name, args in [
        ("append", "'x'"), ("clear", ""), ("extend", "['x']"), ("insert", "0, 'x'"), ("pop", ""),
        ("remove", "'a'"), ("reverse", ""), ("sort", "")]],
    *[(dict, name, args) for name, args in [
        ("clear", ""), ("pop", "'a'"), ("popitem", ""), ("setdefault", "'x', 1"), ("update", "x=1")]],
    *[(set, name, args) for name, args in [
        ("add", "'x'"), ("clear", ""), ("difference_update", "['a']"), ("discard", "'a'"), ("pop", ""),
        ("remove", "'a'"), ("symmetric_difference_update", "['x']"), ("update", "['x']")]],
]


def container(kind: type) -> list | dict | set:
    """A fresh container of ``kind`` holding "a" and "b" (as keys for a dict)."""
    return {"list": lambda: ["b", "a"], "dict": lambda: {"a": 1, "b": 2}, "set": lambda: {"a", "b"}}[kind.__name__]()


@pytest.mark.parametrize("kind, method, args", MUTATING_CALLS,
                         ids=[f"{kind.__name__}.{method}" for kind, method, _ in MUTATING_CALLS])
def test_no_mutating_method_reaches_a_container(dept: Path, kind: type, method: str, args: str) -> None:
    value = container(kind)
    message = refused(dept, f"{{{{ value.{method}({args}) }}}}\n", context={"value": value})
    assert f"access to attribute {method!r} of {kind.__name__!r} object is unsafe" in message
    assert value == container(kind)


@pytest.mark.parametrize("kind, method, args", MUTATING_CALLS,
                         ids=[f"{kind.__name__}.{method}" for kind, method, _ in MUTATING_CALLS])
def test_a_safe_attribute_of_the_same_name_does_not_unlock_a_mutating_method(
        dept: Path, kind: type, method: str, args: str) -> None:
    # The sandbox remembers its verdicts; they must be per type and name, not per name alone:
    # ``ns.pop`` (a namespace's own value) is safe, ``opening.pop()`` is not.
    value = container(kind)
    templates = Templates([dept])
    (dept / "safe_first.j2").write_text(
        f"{{% set ns = namespace({method}=1) %}}{{{{ ns.{method} }}}}{{{{ value.{method}({args}) }}}}\n",
        encoding="utf-8")
    (dept / "safe_only.j2").write_text(f"{{% set ns = namespace({method}=7) %}}<p>{{{{ ns.{method} }}}}</p>\n",
                                       encoding="utf-8")
    with pytest.raises(TemplateError, match=f"access to attribute {method!r} of {kind.__name__!r} object"):
        templates.render("safe_first.j2", {"value": value})
    assert value == container(kind)
    # …and the refusal, remembered in turn, does not spill over onto the namespace's value
    assert templates.render("safe_only.j2", {}) == "<p>7</p>"


def test_the_issue_example_leaves_the_outline_as_it_was(dept: Path) -> None:
    opening = ["第一段", "第二段"]
    message = refused(dept, "{% set ns = namespace(pop=1) %}{{ ns.pop }}{{ opening.pop() }}\n",
                      context={"opening": opening})
    assert "access to attribute 'pop' of 'list' object is unsafe" in message
    assert opening == ["第一段", "第二段"]
