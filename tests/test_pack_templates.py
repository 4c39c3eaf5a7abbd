"""Department pack templates read before they run: unknown block names and unknown names, every
problem of a pack at once, each with its file, line and the right names."""

from pathlib import Path

from conftest import OUTLINES


def _pack(write, template: str) -> Path:  # type: ignore[no-untyped-def]
    write("pack/department.yaml", "name: 测试局\nvariables:\n  closing_line: 以上讲话请认真贯彻落实。\n")
    return write("pack/templates/speech.j2", template).parent.parent


def test_every_problem_of_a_pack_is_reported_at_once(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = _pack(write, """\
        {% extends "base/speech.j2" %}
        {% block closng %}
        <p style="closing">{{ dept.closing_lin }}</p>
        {% endblock %}
        {% block title %}
        <p style="title">{{ titel }}</p>
        {% endblock %}
        """)
    template = folder / "templates" / "speech.j2"
    result = run_cli("render", OUTLINES / "speech.yaml", "-d", folder, "-o", tmp_path / "t.docx")
    assert result.exit_code == 1 and not (tmp_path / "t.docx").exists()
    assert result.stderr == (
        "Error: 3 problems in the department pack's templates:\n"
        f"  {template}:2: {{% block closng %}}: base/speech.j2 has no block `closng` (did you mean "
        "`closing`?), so it would never print; its blocks are body, byline, closing, footnotes, header, opening, "
        "salutation, signature, subtitle, title\n"
        f"  {template}:3: `dept.closing_lin` is not set by the pack (did you mean `closing_line`?); dept "
        "has closing_line, full_name, name, short_name, signature, speaker\n"
        f"  {template}:6: `titel` is not defined for a speech (did you mean `title` or `subtitle`?)\n")


def test_a_correct_pack_renders(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = _pack(write, """\
        {% extends "base/speech.j2" %}
        {% block closing %}
        {{ super() }}
        <p style="closing">{{ dept.closing_line }}</p>
        {% endblock %}
        """)
    result = run_cli("render", OUTLINES / "speech.yaml", "-d", folder, "-o", tmp_path / "t.docx")
    assert result.exit_code == 0, result.output


def test_a_name_undefined_at_run_time_suggests_the_nearest(write, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = _pack(write, """\
        {% extends "base/speech.j2" %}
        {% block closing %}
        {% set where = dept %}
        <p style="closing">{{ where.closing_lin }}</p>
        {% endblock %}
        """)
    result = run_cli("render", OUTLINES / "speech.yaml", "-d", folder, "-o", tmp_path / "t.docx")
    assert result.exit_code == 1
    assert "has no attribute 'closing_lin' (did you mean `closing_line` or `closing`?)" in result.stderr
