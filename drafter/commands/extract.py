"""``drafter extract``: an existing document (.txt, .md, .docx, .doc, .wps, .pdf, .html) → outline YAML."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.i18n import N_, _, ngettext

KINDS = ("speech", "party-lecture", "minutes", "article", "commentary", "report",
         "notice", "request", "letter", "meeting-minutes", "order")


@click.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Where to write the outline YAML (default: print it on stdout)."))
@click.option("--kind", type=click.Choice(KINDS), help=N_("The kind of document (default: guessed, and the reason said)."))
@click.option("-q", "--quiet", is_flag=True, help=N_("Do not list the dropped lines and notes on stderr."))
def extract(source: Path, output: Path | None, kind: str | None, quiet: bool) -> None:
    """Extract an outline from SOURCE so drafter can re-render it.

    SOURCE is a .txt, .md, .docx, .pdf (its text layer) or a web page saved as .html; .doc,
    .wps, .rtf and .odt are converted to DOCX by LibreOffice first. The kind is guessed unless
    --kind is given; stderr says how it was guessed, lists every line dropped as page
    boilerplate (a site's breadcrumbs, column titles, meta lines, editor's notes, download and
    link lines, copyright footers, page numbers) and the items the extractor was unsure of,
    which are also marked with comments in the YAML. The YAML's header names the lines taken
    for title, speaker, date and salutation, and why. The YAML renders as it is.

    \b
    Example:
      drafter extract last-year.docx -o speech.yaml
      drafter render speech.yaml -o speech.docx
    """
    from drafter.extraction import ExtractError, extract_file, outline_from_extraction
    from drafter.output import check_writable, write_atomic

    if output is not None:
        if output.suffix.lower() not in (".yaml", ".yml"):
            raise ExtractError(_("{path}: the outline is YAML; give -o a name ending in .yaml").format(path=output))
        if output.resolve() == source.resolve():
            raise ExtractError(_("{path}: that is the source document; give -o another name").format(path=output))
        check_writable(output)
    result = extract_file(source, kind, outline=output)
    outline_from_extraction(result)  # the YAML must load as a valid outline
    if result.guess is None:
        click.echo(_("Kind: {kind} (given)").format(kind=result.kind), err=True)
    else:
        click.echo(_("Kind: {kind} (guessed: {reason})").format(kind=result.kind, reason=result.guess.reason),
                   err=True)
    if not quiet:
        click.echo(_("Read: {layout}").format(layout=result.layout), err=True)
        for dropped in result.dropped:
            click.echo(_("Dropped {line}").format(line=dropped), err=True)
        for message in result.notes:
            click.echo(_("Check {note}").format(note=message), err=True)
    from drafter.extraction.docxmedia import write_media

    written = write_media(result.media)
    if written:
        click.echo(ngettext("Wrote {count} figure image in {folder}", "Wrote {count} figure images in {folder}",
                            len(written)).format(count=len(written), folder=written[0].parent), err=True)
    if output is None:
        click.echo(result.yaml, nl=False)
        return
    write_atomic(output, result.yaml.encode("utf-8"))
    click.echo(_("Wrote {path}").format(path=output), err=True)
