"""``drafter extract``: an existing document (.txt, .md, .docx, .doc, .wps, .pdf, .html) → outline YAML."""

from __future__ import annotations

from pathlib import Path

import click

KINDS = ("speech", "party-lecture", "minutes", "article", "commentary", "report")


@click.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the outline YAML (default: print it on stdout).")
@click.option("--kind", type=click.Choice(KINDS), help="The kind of document (default: guessed, and the reason said).")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the dropped lines and notes on stderr.")
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
            raise ExtractError(f"{output}: the outline is YAML; give -o a name ending in .yaml")
        if output.resolve() == source.resolve():
            raise ExtractError(f"{output}: that is the source document; give -o another name")
        check_writable(output)
    result = extract_file(source, kind, outline=output)
    outline_from_extraction(result)  # the YAML must load as a valid outline
    how = "given" if result.guess is None else f"guessed: {result.guess.reason}"
    click.echo(f"Kind: {result.kind} ({how})", err=True)
    if not quiet:
        click.echo(f"Read: {result.layout}", err=True)
        for dropped in result.dropped:
            click.echo(f"Dropped {dropped}", err=True)
        for message in result.notes:
            click.echo(f"Check {message}", err=True)
    from drafter.extraction.docxmedia import write_media
    from drafter.i18n import _

    written = write_media(result.media)
    if written:
        click.echo(_("Wrote {count} figure images in {folder}").format(
            count=len(written), folder=written[0].parent), err=True)
    if output is None:
        click.echo(result.yaml, nl=False)
        return
    write_atomic(output, result.yaml.encode("utf-8"))
    click.echo(f"Wrote {output}", err=True)
