"""``drafter render``: outline → DOCX (and, through LibreOffice, PDF and PNG pages)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.errors import DrafterError
from drafter.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from drafter.office.preview import PageRange


def _parsed_option(module: str, parse: str) -> Callable[[click.Context, click.Parameter, str | None], object]:
    """A callback that parses an option with ``module.parse`` while click reads the command line,
    so that a bad value (``ValueError`` or a drafter error) is a usage error (exit 2) naming the option."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
        if value is None:
            return None
        loaded = importlib.import_module(module)  # imported only when the option is given
        try:
            return getattr(loaded, parse)(value)
        except (ValueError, DrafterError) as exc:
            raise click.BadParameter(str(exc), param=param) from None

    return callback


@click.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help=N_("Where to write the DOCX (default: the outline's name with .docx, beside it)."))
@click.option("-d", "--department", type=click.Path(path_type=Path), metavar="DIR",
              help=N_("Department pack folder (overrides the outline's department: key and "
                      "$DRAFTER_DEPARTMENT)."))
@click.option("--pdf", "pdf", is_flag=True,
              help=N_("Also write a PDF beside the DOCX, laid out by LibreOffice (fills the table of contents)."))
@click.option("--png", "png", is_flag=True,
              help=N_("Also draw pages as PNG images beside the DOCX: NAME-1.png, NAME-2.png, …"))
@click.option("--pages", "pages", default=None, metavar="RANGE", callback=_parsed_option("drafter.office.preview", "parse_pages"),
              help=N_("Pages to draw as PNG (implies --png): 1, 1-2 or 3- (default: all)."))
@click.option("--dpi", "dpi", type=click.IntRange(30, 600), default=100, show_default=True,
              help=N_("Resolution of --png images."))
@click.option("--update-fields", "update_fields", is_flag=True,
              help=N_("Have LibreOffice fill the table of contents with page numbers and save it in the DOCX."))
@click.option("--now", "now", metavar="TIME", callback=_parsed_option("drafter.pipeline.clock", "parse_now"),
              help=N_("Creation time stamped in the DOCX (2025-07-18, 2025-07-18T09:30:00+08:00 or "
                      "@EPOCH). Default: $SOURCE_DATE_EPOCH, else the outline's date, else 2000-01-01."))
@click.option("--odt", "odt", is_flag=True,
              help=N_("Also write an ODT beside the DOCX, made by LibreOffice with hanging punctuation "
                      "off (LibreOffice reads the DOCX's setting the other way round)."))
@click.option("--strict", "strict", is_flag=True,
              help=N_("Treat warnings (typed heading numbers, placeholders, empty sections) as errors: "
                      "exit 1 and write nothing."))
def render(outline: Path, output: Path | None, department: Path | None, pdf: bool, png: bool,
           pages: PageRange | None, dpi: int, update_fields: bool, now: object, odt: bool, strict: bool) -> None:
    """Render OUTLINE (a YAML or JSON outline, or a Markdown draft) to a formatted DOCX.

    A Markdown draft (.md) is read through a Markdown parser: YAML front matter gives the
    outline's keys, # ## ### headings are sections, lists are points; stderr says how the kind
    was guessed and how the head lines were read, and anything an outline cannot hold (raw
    HTML, tables, images, footnotes) is an error at its line.

    The output is written to a temporary file and renamed, so a failed render leaves an
    existing file untouched. --pdf, --png and --update-fields need LibreOffice (soffice on
    PATH, or DRAFTER_SOFFICE); without it the DOCX is still written and drafter says what to
    install (`drafter doctor` checks everything previews need).

    \b
    Example:
      drafter render outlines/speech.yaml -o speech.docx
      drafter render outlines/speech.yaml --department departments/planning-bureau
      drafter render outlines/speech.yaml --pdf --png --pages 1-2
      drafter render draft.md -o draft.docx
    """
    from drafter.pipeline.clock import fixed_now
    from drafter.pipeline.render import read_source, render_file

    with fixed_now(now):  # type: ignore[arg-type]
        read, notes = read_source(outline)
        for note in notes:
            click.echo(_("Read {file}: {note}").format(file=outline.name, note=note), err=True)
        target = render_file(outline, output, department, outline=read, strict=strict,
                             warn=lambda problem: click.echo(_("Warning: {message}").format(message=problem), err=True))
        click.echo(_("Wrote {path}").format(path=target), err=True)
        if pdf or png or update_fields or pages or odt:
            from drafter.office.preview import PageRange, PreviewRequest, preview

            request = PreviewRequest(pdf=target.with_suffix(".pdf") if pdf else None, png=png or bool(pages),
                                     pages=pages or PageRange(), dpi=dpi, update_fields=update_fields,
                                     odt=target.with_suffix(".odt") if odt else None)
            result = preview(target, request, lambda toc: render_file(outline, output, department, toc=toc))
            if result.toc:
                click.echo(ngettext("Filled the table of contents in {path} ({count} entry)",
                                    "Filled the table of contents in {path} ({count} entries)",
                                    len(result.toc)).format(path=target, count=len(result.toc)), err=True)
            for path in ([result.odt] if result.odt else []) + ([result.pdf] if result.pdf else []) + result.pngs:
                click.echo(_("Wrote {path}").format(path=path), err=True)
