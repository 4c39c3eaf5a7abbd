"""``drafter kinds``: the kinds of document drafter knows and the outline keys each accepts."""

from __future__ import annotations

import click


@click.command()
@click.argument("name", required=False)
def kinds(name: str | None) -> None:
    """List the kinds of document, or every key of kind NAME.

    Without NAME: each kind with a one-line description and its top-level keys (* = required).
    With NAME: every key the kind accepts, nested keys included, with what each takes.

    \b
    Examples:
      drafter kinds
      drafter kinds minutes
    """
    import difflib

    from drafter.outline.kindinfo import kind_details, kind_summary
    from drafter.outline.kinds import KINDS

    if name is None:
        width = max(len(k) for k in KINDS)
        for kind in KINDS.values():
            click.echo(f"{kind.name:<{width}}  {kind.description}")
            click.echo(f"{'':<{width}}  keys: {kind_summary(kind)}")
        click.echo("\nSee every key of one kind: drafter kinds NAME")
        return
    if name not in KINDS:
        close = difflib.get_close_matches(name, list(KINDS), n=1, cutoff=0.5)
        tip = f"did you mean '{close[0]}'? " if close else ""
        raise click.BadParameter(f"unknown kind {name!r}; {tip}drafter knows: {', '.join(KINDS)}",
                                 param_hint="NAME")
    kind = KINDS[name]
    click.echo(f"{kind.name}: {kind.description}")
    click.echo(f"template {kind.template}, style profile {kind.profile}, language {kind.language}, "
               f"numbering {' '.join(f.format(zh='一', n=1) for f in kind.numbering) or 'none'}")
    click.echo("keys:")
    for line in kind_details(kind):
        click.echo(line)
