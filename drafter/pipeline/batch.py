"""Render many outlines at once, in parallel over the machine's cores.

A batch is a list of :class:`Job` (outline → DOCX, with the department search path to use).
Jobs run in a process pool in chunks; each worker keeps one :class:`drafter.pipeline.render.Renderer` per
search path, so templates are compiled and profiles resolved once per worker, not per document.
A broken outline becomes a failed :class:`Outcome` carrying drafter's full message; the other
jobs still render. Results come back in job order whatever the number of workers, and the
writer is deterministic, so ``--jobs 1`` and ``--jobs 8`` write byte-identical files.
"""

from __future__ import annotations

import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError
from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.departments.pack import Department
    from drafter.pipeline.render import Renderer

OUTLINE_SUFFIXES = (".yaml", ".yml")
MAX_CHUNK = 16
"""Most documents sent to a worker at once (small enough for a smooth progress bar)."""
DOCS_PER_WORKER = 8
"""Fewest documents worth a worker process: starting a pool costs about as much as rendering
eight documents, so a small batch renders in this process."""


class BatchError(DrafterError):
    """A batch that cannot start: no outlines, or two outlines that would write the same file."""


@dataclass(frozen=True)
class Job:
    """Render ``source`` to ``target``, with department pack ``department`` when given (else the
    outline's ``department:`` key or ``$DRAFTER_DEPARTMENT``, as ``drafter render`` does)."""

    source: Path
    target: Path
    department: Path | None = None
    strict: bool = False
    """Refuse an outline that has warnings (``batch --strict``), as ``render --strict`` does."""


@dataclass(frozen=True)
class Outcome:
    """What became of one job: ``error`` is drafter's message when it failed, else None;
    ``warnings`` what rendering warned about (see :mod:`drafter.outline.review`)."""

    job: Job
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the DOCX was written."""
        return self.error is None


def collect_outlines(inputs: Sequence[Path]) -> list[Path]:
    """Outline files named by ``inputs``: files as given, folders as their *.yaml/*.yml, sorted."""
    found: dict[Path, Path] = {}  # resolved → as named; an outline named twice renders once
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix.lower() in OUTLINE_SUFFIXES and p.is_file())
            if not inside:
                raise BatchError(_("{path}: no outlines (*.yaml, *.yml) in this folder").format(path=path))
        else:
            inside = [path]
        for outline in inside:
            found.setdefault(outline.resolve(), outline)
    return list(found.values())


def plan_jobs(outlines: Sequence[Path], outdir: Path, departments: Sequence[Path] = (), *,
              strict: bool = False) -> list[Job]:
    """One job per outline × department: OUTDIR/<stem>.docx, or OUTDIR/<dept>/<stem>.docx for several."""
    if len({Path(d).resolve().name for d in departments}) < len(departments):
        names = ", ".join(str(d) for d in departments)
        raise BatchError(_("departments {names}: two have the same folder name, so their output folders "
                           "would collide; rename one").format(names=names))
    if len(departments) > 1:
        targets: list[tuple[Path, Path | None]] = [(outdir / Path(d).resolve().name, Path(d)) for d in departments]
    else:
        targets = [(outdir, Path(departments[0]) if departments else None)]
    jobs: list[Job] = []
    seen: dict[Path, Path] = {}
    for source in outlines:
        name = Path(source).stem + ".docx"
        first = seen.setdefault(Path(name), Path(source))
        if first != Path(source):
            raise BatchError(_("{source} and {first} would both be written as {name}; "
                               "rename one or render them in separate batches").format(
                source=source, first=first, name=name))
        for folder, department in targets:
            jobs.append(Job(Path(source), folder / name, department, strict))
    return jobs


# -- rendering, in this process or in a pool worker -----------------------------------------------

_RENDERERS: dict[Path | None, Renderer] = {}
"""This process's renderers, one per department search path (templates compiled once each)."""


def renderer_for(department: Department | None) -> Renderer:
    """The cached :class:`Renderer` for a department pack (templates compiled once per process)."""
    key = department.folder.resolve() if department is not None else None
    renderer = _RENDERERS.get(key)
    if renderer is None:
        from drafter.pipeline.render import Renderer

        renderer = _RENDERERS[key] = Renderer(department=department)
    return renderer


def render_job(job: Job) -> Outcome:
    """Render one job; any drafter error (or bug) becomes a failed outcome instead of stopping the batch."""
    from drafter.departments.pack import department_for
    from drafter.errors import StrictError
    from drafter.output import check_writable, write_atomic
    from drafter.pipeline.render import read_outline

    try:
        check_writable(job.target)
        outline, department = department_for(read_outline(job.source), job.department)
        if job.strict and outline.warnings:
            raise StrictError(list(outline.warnings))
        write_atomic(job.target, renderer_for(department).docx(outline))
    except DrafterError as exc:
        return Outcome(job, _located(job.source, str(exc)))
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a bug in drafter: report it for this outline, keep going
        return Outcome(job, _("{path}: internal error: {error}: {message}").format(
            path=job.source, error=type(exc).__name__, message=exc))
    return Outcome(job, None, tuple(str(w) for w in outline.warnings))


def _located(source: Path, message: str) -> str:
    """The message, prefixed with the outline's path unless it already starts there."""
    return message if message.startswith(str(source)) else f"{source}: {message}"


def _worker_init() -> None:
    """Pool workers leave Ctrl-C to the parent, which stops the batch."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_jobs() -> int:
    """Worker processes to use: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(count: int, workers: int) -> int:
    """Jobs per chunk: about eight chunks per worker (so the last ones finish close together),
    at most :data:`MAX_CHUNK` jobs each."""
    return max(1, min(MAX_CHUNK, math.ceil(count / (workers * 8))))


def run_batch(jobs: Sequence[Job], workers: int | None = None,
              progress: Callable[[int], None] | None = None) -> list[Outcome]:
    """Render every job with up to ``workers`` processes (default: all cores); outcomes in job order.

    A worker is started only for every :data:`DOCS_PER_WORKER` documents; with one, the jobs
    render in this process.

    ``progress(n)`` is called as each group of ``n`` documents finishes.
    """
    jobs = list(jobs)
    workers = min(max(1, workers or default_jobs()), max(1, len(jobs) // DOCS_PER_WORKER))
    reports: dict[int, Report] = {}
    results = _results(jobs, workers)
    try:
        for indices, chunk_reports in results:
            reports.update(zip(indices, chunk_reports))
            if progress:
                progress(len(chunk_reports))
    finally:
        results.close()  # stopped early (Ctrl-C): cancel the queued chunks now, not at exit
    return [Outcome(job, *reports[index]) for index, job in enumerate(jobs)]


Report = tuple[str | None, tuple[str, ...]]
"""A job's error (None when written) and warnings, as a worker sends them back."""


def render_chunk(jobs: list[Job]) -> list[Report]:
    """Render a chunk of jobs in order (the unit of work sent to a pool worker): their reports."""
    return [(outcome.error, outcome.warnings) for outcome in map(render_job, jobs)]


def _results(jobs: list[Job], workers: int) -> Iterator[tuple[list[int], list[Report]]]:
    """(indices of some jobs, their reports), as they finish."""
    if workers <= 1:
        for index, job in enumerate(jobs):
            yield [index], render_chunk([job])
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux"
    context = multiprocessing.get_context("fork" if fork else None)
    import drafter.pipeline.render  # noqa: F401 - imported before forking, so workers start warm

    size = chunk_size(len(jobs), workers)
    chunks = [list(range(first, min(first + size, len(jobs)))) for first in range(0, len(jobs), size)]
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init)
    finished = False
    try:
        pending = {pool.submit(render_chunk, [jobs[index] for index in chunk]): chunk for chunk in chunks}
        while pending:
            done, _pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future.result()
        finished = True
    finally:
        # One shutdown call: a second one (as a `with` block's exit would make) could reset
        # cancel_futures before the pool has acted on it, and the queued chunks would still run.
        pool.shutdown(wait=True, cancel_futures=not finished)
