"""``drafter department init``: the files of a new, commented department pack."""

from __future__ import annotations

from pathlib import Path

from drafter.i18n import N_, _

DEPARTMENT_YAML = """\
# «intro»
# «optional»

# extends: ../city          # «extends»

name: 示例局                  # «name»
full_name: 示例市示例局        # {{ dept.full_name }}
short_name: 市示例局           # {{ dept.short_name }}
signature: 示例市示例局        # «signature»
# speaker: 张三               # «speaker»

variables:                    # «variables»
  city: 示例市

defaults:                     # «defaults»
  salutation: 同志们

style:                        # «style»
  page:
    size: A4
    margins_mm: {top: 37, bottom: 35, left: 28, right: 26}
    # lines_per_page: 22      # «lines»
    # chars_per_line: 28      # «chars»
  # page_number: {format: "— {n} —", font: 宋体, size: 四号, odd: right, even: left}
  elements:                   # «elements»
                              # «elements_more»
    body:  {font: 仿宋_GB2312, size: 三号}       # «size»
    title: {font: 方正小标宋简体, size: 二号, align: center}
    # heading1: {font: 黑体, bold: false, indent: 2}
"""
"""The commented department.yaml ``department init`` writes; each «marker» is a comment of
:data:`COMMENTS`, written in the user's language."""

COMMENTS = {
    "intro": N_("A department pack: how this department's documents read and look."),
    "optional": N_("Every key is optional; delete what you do not need. Reference: docs/departments.md."),
    "extends": N_("start from a parent pack (a folder, relative to this file)"),
    "name": N_("templates: {{ dept.name }}"),
    "signature": N_("{{ dept.signature }}; default for an outline's signature:"),
    "speaker": N_("default speaker for outlines that name none"),
    "variables": N_("your own names, used in templates as {{ dept.<name> }}"),
    "defaults": N_("values for outline keys an outline leaves unset"),
    "style": N_("laid over the built-in GB/T 9704 profile; only what changes"),
    "lines": N_("body lines on a full page"),
    "chars": N_("body characters on a full line"),
    "elements": N_("by element: body, title, subtitle, speaker, date, salutation,"),
    "elements_more": N_("heading1…heading4, lead, closing, signature, signature_date, …"),
    "size": N_("size: points (15) or 二号/三号/小四…"),
    "template": N_("This pack's speech template: the built-in one, with only the blocks below changed.\n"
                   "    Blocks of base/speech.j2: header, title, subtitle, byline, salutation, opening, body,\n"
                   "    closing, signature. {{ super() }} keeps the built-in content of a block.\n"
                   "    Templates write block markup: <p style=\"ELEMENT\">text</p>, <blank/>, <pagebreak/>."),
}


def department_yaml() -> str:
    """The text of a new pack's department.yaml, commented in the current language."""
    text = DEPARTMENT_YAML
    for marker, comment in COMMENTS.items():
        if marker != "template":
            text = text.replace(f"«{marker}»", _(comment))
    return text


SPEECH_J2 = """\
{#- «template» -#}
{% extends "base/speech.j2" %}
{% block signature %}
{% if dept.signature %}
<blank/>
<p style="signature">{{ dept.signature }}</p>
{% if date %}
<p style="signature_date">{{ date | cn_date }}</p>
{% endif %}
{% endif %}
{% endblock %}
"""


def write_scaffold(folder: Path, *, force: bool = False) -> list[Path]:
    """Write department.yaml and templates/speech.j2 into ``folder``; returns the paths written.

    Raises FileExistsError for an existing file unless ``force``."""
    files = {folder / "department.yaml": department_yaml(),
             folder / "templates" / "speech.j2": SPEECH_J2.replace("«template»", _(COMMENTS["template"]))}
    if not force:
        for path in files:
            if path.exists():
                raise FileExistsError(17, "exists", str(path))
    written = []
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
