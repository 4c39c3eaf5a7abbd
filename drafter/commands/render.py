"""``drafter render``: outline → DOCX."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where to write the DOCX (default: the outline's name with .docx, beside it).")
@click.option("-d", "--department", type=click.Path(path_type=Path), metavar="DIR",
              help="Department pack folder (overrides the outline's department: key and "
                   "$DRAFTER_DEPARTMENT).")
def render(outline: Path, output: Path | None, department: Path | None) -> None:
    """Render OUTLINE (a YAML file) to a formatted DOCX.

    The output is written to a temporary file and renamed, so a failed render leaves an
    existing file untouched.

    \b
    Example:
      drafter render outlines/speech.yaml -o speech.docx
      drafter render outlines/speech.yaml --department departments/planning-bureau
    """
    from drafter.render import render_file

    target = render_file(outline, output, department)
    click.echo(f"Wrote {target}", err=True)
