"""``drafter new``: write a starter outline for a kind, every key explained."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.i18n import N_, _


@click.command()
@click.argument("kind")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write the starter to this file (default: print it)."))
@click.option("--schema", "schema_ref", metavar="PATH_OR_URL",
              help=N_("Where editors find the JSON Schema (default: drafter's shipped schema, as a path "
                      "relative to the output)."))
@click.option("--force", is_flag=True, help=N_("Overwrite OUTPUT if it exists."))
def new(kind: str, output: Path | None, schema_ref: str | None, force: bool) -> None:
    """Write a starter outline of KIND, with a comment on every key, that renders as it is.

    Its first line points editors to the JSON Schema, so keys are completed and checked
    as you type.

    \b
    Example:
      drafter new speech -o my-speech.yaml
      drafter render my-speech.yaml
    """
    from drafter.authoring.starter import starter_outline
    from drafter.commands.schema import _kind
    from drafter.outline.kinds import KINDS

    chosen = _kind(kind, KINDS)
    if output is not None and output.exists() and not force:
        raise click.UsageError(_("{path} exists; choose another name or add --force to overwrite it").format(
            path=output))
    text = starter_outline(chosen, schema_ref or default_schema_ref(output))
    if output is None:
        click.echo(text, nl=False)
        return
    from drafter.output import write_atomic

    write_atomic(output, text.encode("utf-8"))
    click.echo(_("Wrote {path}").format(path=output), err=True)


def default_schema_ref(output: Path | None) -> str:
    """The shipped schema's path relative to the outline's folder (a file URI if there is none)."""
    import os

    from drafter.outline.json_schema import schema_file

    target = schema_file()
    folder = (output.parent if output is not None else Path(".")).resolve()
    try:
        return Path(os.path.relpath(target, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return target.as_uri()
