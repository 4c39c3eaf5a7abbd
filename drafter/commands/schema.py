"""``drafter schema``: the JSON Schema of outlines, generated from the model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.i18n import N_, _

if TYPE_CHECKING:
    from drafter.outline.kinds import Kind


@click.command()
@click.argument("kind", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write the schema to this file instead of printing it."))
def schema(kind: str | None, output: Path | None) -> None:
    """Print the JSON Schema of outlines of KIND (default: all kinds, chosen by `kind:`).

    The schema is generated from the same declarations drafter validates against. Editors
    with the YAML language server use it through the first line of an outline:
    # yaml-language-server: $schema=<path or URL of the schema>. drafter ships it as
    schemas/outline.schema.json.

    \b
    Example:
      drafter schema speech
      drafter schema -o schemas/outline.schema.json
    """
    from drafter.outline.json_schema import dumps, kind_schema, outline_schema
    from drafter.outline.kinds import KINDS

    if kind is None:
        text = dumps(outline_schema())
    else:
        text = dumps(kind_schema(_kind(kind, KINDS)))
    if output is None:
        click.echo(text, nl=False)
        return
    from drafter.output import write_atomic

    write_atomic(output, text.encode("utf-8"))
    click.echo(_("Wrote {path}").format(path=output), err=True)


def _kind(name: str, kinds: dict[str, Kind]) -> Kind:
    """The kind called ``name``, or a usage error that suggests the closest name."""
    if name in kinds:
        return kinds[name]
    from drafter.outline.kindtext import unknown_kind

    raise click.BadParameter(unknown_kind(name, list(kinds)), param_hint="KIND")
