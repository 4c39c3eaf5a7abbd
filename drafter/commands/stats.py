"""``drafter stats``: characters, words, paragraphs, sections and delivery time of an outline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from drafter.i18n import N_, _

if TYPE_CHECKING:
    from drafter.authoring.stats import Counts, Stats


@click.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--rate", type=click.FloatRange(min=1), default=None, metavar="N",
              help=N_("Delivery rate in Chinese characters a minute (default 220 for speeches and lectures; "
                      "giving it estimates the time for any kind)."))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(outline: Path, rate: float | None, output_format: str) -> None:
    """Count OUTLINE's Chinese characters, punctuation, Latin words, numbers, paragraphs, sections,
    and predict its pages.

    Counts are per part (front matter, opening, each level-1 section, closing, …) and in total.
    For speeches and lectures it estimates the delivery time: (characters + words + numbers)
    outside the front matter, at 220 Chinese characters a minute unless --rate says otherwise.

    \b
    Example:
      drafter stats outlines/speech.yaml
      drafter stats --rate 180 outlines/speech.yaml
    """
    import json

    from drafter.authoring.stats import outline_stats
    from drafter.pipeline.render import read_outline

    loaded = read_outline(outline)
    result = outline_stats(loaded, rate)
    pages = _pages(loaded)
    if output_format == "json":
        click.echo(json.dumps(_as_json(result) | {"pages": pages}, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(result))
        click.echo(_("pages: {pages} (predicted on the {kind}'s page grid)").format(pages=pages, kind=loaded.kind.name))


def _pages(outline: Any) -> int:
    """Pages the rendered document takes, predicted from its blocks (drafter.authoring.pages)."""
    from drafter.authoring.pages import predicted_pages
    from drafter.departments.pack import department_for
    from drafter.pipeline.render import Renderer

    outline, pack = department_for(outline, None)
    renderer = Renderer(department=pack)
    return predicted_pages(renderer.blocks(outline), renderer.profile(outline.kind), media=outline.media)


def _as_json(result: Stats) -> dict[str, Any]:
    from dataclasses import asdict

    def entry(label: str, counts: Counts, spoken: bool) -> dict[str, Any]:
        out = {"part": label, **asdict(counts)}
        if result.rate:
            out["minutes"] = round(result.minutes(counts), 2) if spoken else None
        return out

    return {
        "rate": result.rate,
        "parts": [entry(r.label, r.counts, r.spoken) for r in result.rows],
        "total": entry("total", result.total, True) | (
            {"minutes": round(result.minutes(result.spoken), 2)} if result.rate else {}),
    }


TABLE_HEADINGS = (N_("part"), N_("hanzi"), N_("punct"), N_("words"), N_("numbers"), N_("chars"),
                  N_("paragraphs"), N_("sections"))
"""The columns of the text table (the JSON keys stay English)."""


def _table(result: Stats) -> str:
    from drafter.authoring.stats import format_minutes

    headers = [_(heading) for heading in TABLE_HEADINGS]
    if result.rate:
        headers.append(_("time"))
    rows = []
    for row in [*result.rows, None]:
        label, counts, spoken = (_("total"), result.total, True) if row is None else (row.label, row.counts, row.spoken)
        cells = [_clip(label, 28), str(counts.hanzi), str(counts.punctuation), str(counts.words),
                 str(counts.numbers), str(counts.chars), str(counts.paragraphs), str(counts.sections)]
        if result.rate:
            minutes = result.minutes(result.spoken if row is None else counts)
            cells.append(format_minutes(minutes) if spoken else "-")
        rows.append(cells)
    widths = [max(_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for cells in [headers, *rows]:
        first = cells[0] + " " * (widths[0] - _width(cells[0]))
        rest = [c.rjust(widths[i] - _width(c) + len(c)) for i, c in enumerate(cells) if i]
        lines.append("  ".join([first, *rest]).rstrip())
    if result.rate:
        lines.append(_("Delivery time at {rate} Chinese characters a minute, front matter not counted "
                       "(--rate changes it).").format(rate=f"{result.rate:g}"))
    return "\n".join(lines)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, limit: int) -> str:
    if _width(text) <= limit:
        return text
    out = ""
    for char in text:
        if _width(out + char) > limit - 1:
            break
        out += char
    return out + "…"
