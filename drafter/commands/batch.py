"""``drafter batch``: many outlines → DOCX files, in parallel, with a progress bar and a summary."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from drafter.i18n import N_, _, ngettext


@click.command()
@click.argument("inputs", metavar="OUTLINE_OR_DIR...", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=N_("Folder for the DOCX files (created if missing): OUTDIR/<outline name>.docx."))
@click.option("--department", "departments", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=N_("Department folder to render with; repeat it to render every outline for each "
                      "department, into OUTDIR/<department name>/."))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help=N_("Most worker processes (default: one per CPU core; small batches use fewer)."))
@click.option("--strict", "strict", is_flag=True,
              help=N_("Treat an outline's warnings (typed heading numbers, placeholders, empty sections) "
                      "as errors: it is not written and counts as failed."))
def batch(inputs: tuple[Path, ...], outdir: Path, departments: tuple[Path, ...], jobs: int | None,
          strict: bool) -> None:
    """Render every outline in OUTLINE_OR_DIR... to a DOCX in OUTDIR.

    Folders contribute their *.yaml and *.yml files, in name order. Outlines render in
    parallel; a broken outline is reported with its file and line and skipped, the others
    are still written, and the exit code is 1 if any failed.

    \b
    Example:
      drafter batch outlines/ -o out/
      drafter batch notices/ --department depts/finance --department depts/water -o out/ --jobs 4
    """
    import gc

    from drafter.errors import OutputError
    from drafter.pipeline.batch import collect_outlines, plan_jobs, run_batch

    if not gc.isenabled():  # drafter's main() turns collection off for short commands
        # Everything loaded so far lives for the whole batch: freeze it (collections skip it,
        # and forked workers keep sharing its memory pages); collect each document's garbage.
        gc.freeze()
        gc.enable()

    planned = plan_jobs(collect_outlines(inputs), outdir, departments, strict=strict)
    for folder in sorted({job.target.parent for job in planned}):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(_("cannot create the output folder {folder}: {reason}").format(
                folder=folder, reason=exc.strerror)) from None
    started = time.perf_counter()
    finished = [0]

    with click.progressbar(length=len(planned), label=_("Rendering"), file=sys.stderr,
                           show_pos=True) as bar:
        def progress(count: int) -> None:
            finished[0] += count
            bar.update(count)

        try:
            outcomes = run_batch(planned, jobs, progress=progress)
        except KeyboardInterrupt:
            click.echo("\n" + _("Interrupted after {done} or more of {total} documents; every file in {folder} "
                                "is complete (each is written in one step).").format(
                done=finished[0], total=len(planned), folder=outdir), err=True)
            raise click.exceptions.Exit(130) from None
    elapsed = time.perf_counter() - started
    failed = [outcome for outcome in outcomes if not outcome.ok]
    warned = [outcome for outcome in outcomes if outcome.warnings]
    for outcome in warned:
        for warning in outcome.warnings:
            click.echo(_("Warning: {message}").format(message=warning), err=True)
    for outcome in failed:
        click.echo(_("Error: {message}").format(message=outcome.error), err=True)
    written = len(outcomes) - len(failed)
    per_doc = elapsed / len(outcomes) * 1000
    summary = ngettext("Rendered {written} of {total} document to {folder} in {seconds} s ({ms} ms per document)",
                       "Rendered {written} of {total} documents to {folder} in {seconds} s ({ms} ms per document)",
                       len(outcomes)).format(written=written, total=len(outcomes), folder=outdir,
                                             seconds=f"{elapsed:.2f}", ms=f"{per_doc:.1f}")
    if warned:
        count = sum(len(outcome.warnings) for outcome in warned)
        summary += ngettext("; {count} warning in {documents} of them", "; {count} warnings in {documents} of them",
                            count).format(count=count, documents=len(warned))
    if failed:
        summary += _("; {count} failed.").format(count=len(failed))
    else:
        # TRANSLATORS: the full stop that ends the batch summary when nothing failed.
        summary += _(".")
    click.echo(summary, err=True)
    if failed:
        raise click.exceptions.Exit(1)
