"""``drafter kinds``: the kinds of document drafter knows and the outline keys each accepts."""

from __future__ import annotations

import click

from drafter.i18n import _


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
    from drafter.outline.kindinfo import kind_summary
    from drafter.outline.kinds import KINDS
    from drafter.outline.kindtext import key_lines, unknown_kind

    if name is None:
        width = max(len(k) for k in KINDS)
        for kind in KINDS.values():
            click.echo(f"{kind.name:<{width}}  {_(kind.description)}")
            click.echo(f"{'':<{width}}  " + _("keys: {keys}").format(keys=kind_summary(kind)))
        click.echo("\n" + _("See every key of one kind: drafter kinds NAME"))
        return
    if name not in KINDS:
        raise click.BadParameter(unknown_kind(name, list(KINDS)), param_hint="NAME")
    kind = KINDS[name]
    numbering = " ".join(f.format(zh="一", n=1) for f in kind.numbering) or _("none")
    click.echo(f"{kind.name}: {_(kind.description)}")
    click.echo(_("template {template}, style profile {profile}, language {language}, numbering {numbering}").format(
        template=kind.template, profile=kind.profile, language=kind.language, numbering=numbering))
    click.echo(_("keys:"))
    for line in key_lines(kind):
        click.echo(line)
