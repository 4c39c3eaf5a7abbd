"""``drafter render``: outline → DOCX."""

from __future__ import annotations

from pathlib import Path

import click


def _now(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
    """Check --now while parsing, so a bad time is a usage error (exit 2)."""
    if value is None:
        return None
    from drafter.clock import parse_now

    try:
        return parse_now(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--now'") from None


@click.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where to write the DOCX (default: the outline's name with .docx, beside it).")
@click.option("--now", "now", metavar="TIME", callback=_now,
              help="Creation time stamped in the DOCX (2025-07-18, 2025-07-18T09:30:00+08:00 or "
                   "@EPOCH). Default: $SOURCE_DATE_EPOCH, else the outline's date, else 2000-01-01.")
def render(outline: Path, output: Path | None, now: object) -> None:
    """Render OUTLINE (a YAML file) to a formatted DOCX.

    The output is written to a temporary file and renamed, so a failed render leaves an
    existing file untouched.

    \b
    Example:
      drafter render outlines/speech.yaml -o speech.docx
    """
    from drafter.clock import fixed_now
    from drafter.render import render_file

    with fixed_now(now):  # type: ignore[arg-type]
        target = render_file(outline, output)
    click.echo(f"Wrote {target}", err=True)
