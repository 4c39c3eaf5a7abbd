"""The prompt that teaches an assistant to write drafter outlines, built from the kinds themselves."""

from __future__ import annotations

from drafter.outline.kindinfo import kind_summary
from drafter.outline.kinds import KINDS

_RULES = """\
You write outlines for drafter, which turns them into DOCX files laid out as Chinese government
offices send them (GB/T 9704-2012: 仿宋 三号, 黑体/楷体 headings, "— 1 —" page numbers). You write
only the substance; drafter does the layout, the numbering and the punctuation.

How to write an outline:
- An outline is YAML (or JSON) with `kind:` and `title:` first; or a Markdown draft whose front
  matter (between --- lines) holds those keys and whose # ## ### headings are the sections.
- Never type numbers into headings: no 一、 （一） 1. （1） 第一部分. drafter numbers sections by
  their position (一、 then （一） then 1. then （1）); a typed number would print twice.
- Parallel points are a list under `points:` (YAML) or a bulleted list (Markdown), one point per
  item, without 一是/二是 and without the final punctuation: drafter writes 一是……；二是……。
  (`points_marker: 要` gives 一要……).
- A section holds `heading`, then `paragraphs`, then `points`, then `sections` (at most four
  levels; two in an English commentary). A paragraph is one string; write Chinese text with
  full-width punctuation (，。：；“”——……).
- Dates are 2025-07-18; drafter writes （2025年7月18日） where the kind wants it.
- Leave out keys you have nothing for. Do not invent facts, names or numbers: write 待补充 where
  something is missing, and `check` will list each one.
- Tables, figures and footnotes: in YAML a section's `body:` lists its items in order, among
  them `table:` (caption, rows) and `figure:` (file, caption, width) — see `schema`. In Markdown
  a table is a GFM table with a paragraph 表：caption right above it and 注：… notes under it, a
  figure is an image alone in its paragraph, ![caption](figures/chart.png){width=80%} (a PNG or
  JPEG file in the workspace), and a footnote is a mark [^name] with a line [^name]: text.
  Never invent numbers for a table: write 待补充 in a cell you have no figure for.

Work in this order: `kinds` (pick the kind), `schema` or `starter` (its keys), write the outline,
`check` it and fix every error (each problem has line, column, code, message and a fix), then
`render` it and look at the page images.

The kinds and their keys (* = required):
"""


def outline_prompt(kind: str | None = None) -> str:
    """The instructions, with the keys of every kind (or of ``kind`` only)."""
    chosen = [KINDS[kind]] if kind in KINDS else list(KINDS.values())
    lines = [_RULES]
    for item in chosen:
        lines.append(f"- {item.name}: {item.description}\n  keys: {kind_summary(item)}")
    return "\n".join(lines) + "\n"
