"""``drafter batch``: many outlines → DOCX files, in parallel, with a progress bar and a summary."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click


@click.command()
@click.argument("inputs", metavar="OUTLINE_OR_DIR...", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the DOCX files (created if missing): OUTDIR/<outline name>.docx.")
@click.option("--department", "departments", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Department folder to render with; repeat it to render every outline for each "
                   "department, into OUTDIR/<department name>/.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Most worker processes (default: one per CPU core; small batches use fewer).")
@click.option("--strict", "strict", is_flag=True,
              help="Treat an outline's warnings (typed heading numbers, placeholders, empty sections) "
                   "as errors: it is not written and counts as failed.")
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
            raise OutputError(f"cannot create the output folder {folder}: {exc.strerror}") from None
    started = time.perf_counter()
    finished = [0]

    with click.progressbar(length=len(planned), label="Rendering", file=sys.stderr,
                           show_pos=True) as bar:
        def progress(count: int) -> None:
            finished[0] += count
            bar.update(count)

        try:
            outcomes = run_batch(planned, jobs, progress=progress)
        except KeyboardInterrupt:
            click.echo(f"\nInterrupted after {finished[0]} or more of {len(planned)} documents; every "
                       f"file in {outdir} is complete (each is written in one step).", err=True)
            raise click.exceptions.Exit(130) from None
    elapsed = time.perf_counter() - started
    failed = [outcome for outcome in outcomes if not outcome.ok]
    warned = [outcome for outcome in outcomes if outcome.warnings]
    for outcome in warned:
        for warning in outcome.warnings:
            click.echo(f"Warning: {warning}", err=True)
    for outcome in failed:
        click.echo(f"Error: {outcome.error}", err=True)
    written = len(outcomes) - len(failed)
    per_doc = elapsed / len(outcomes) * 1000
    summary = (f"Rendered {written} of {len(outcomes)} documents to {outdir} in {elapsed:.2f} s "
               f"({per_doc:.1f} ms per document)")
    if warned:
        count = sum(len(outcome.warnings) for outcome in warned)
        summary += f"; {count} warning{'s' if count != 1 else ''} in {len(warned)} of them"
    click.echo(summary + (f"; {len(failed)} failed." if failed else "."), err=True)
    if failed:
        raise click.exceptions.Exit(1)
