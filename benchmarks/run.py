"""Time drafter against pandoc, docxtpl and a floor on the same content; print a Markdown table.

Usage (from the repository root)::

    python3 benchmarks/run.py                 # everything installed, default repeats
    python3 benchmarks/run.py --quick         # fewer repeats, for a first look
    python3 benchmarks/run.py --docxtpl-python /tmp/docxtpl-venv/bin/python

Workloads (see benchmarks/workloads.py): a ~6,000-character speech of 45 paragraphs, a
~64,000-character report-like document of ~355 paragraphs, and 100 different speeches. Each
producer gets the same paragraphs: drafter renders the YAML outline; the others get the text
drafter produced (read back with python-docx) in their own input format —

* pandoc: Markdown (title block, # headings, **run-in leads**) with drafter's speech DOCX as
  ``--reference-doc``; one process per document (no batch mode), also run N at a time;
* docxtpl: a template DOCX with a ``{%p for %}`` loop over paragraphs (styled per paragraph by
  ``{%p if %}``), content as JSON; the 100 documents render in one process;
* floor: ``zipfile`` + string-built WordprocessingML from the same JSON, with the same per-run
  fonts drafter writes; the least a Python program can do.

Whole-process times are hyperfine-style: warm-up runs, then repeated runs, median (and min).
Peak memory is ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` — the largest single process
of the run (pool workers included) — read by a small wrapper process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import workloads  # noqa: E402

MEMORY_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)

FLOOR = r'''"""The floor: JSON paragraphs -> DOCX with zipfile and string-built XML (nothing else)."""
import json, sys, zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
         '</Types>')
RELS = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
FONTS = {"Title": "方正小标宋简体", "Heading1": "黑体", "Heading2": "楷体_GB2312", "Lead": "楷体_GB2312"}


def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rpr(font):
    return f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}" w:cs="Times New Roman"/></w:rPr>'


def document(blocks):
    out = [HEAD, f'<w:document xmlns:w="{W}"><w:body>']
    for b in blocks:
        font = FONTS.get(b["style"], "仿宋_GB2312")
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{b["style"]}"/></w:pPr>')
        if b["lead"]:
            out.append(f'<w:r>{rpr(FONTS["Lead"])}<w:t xml:space="preserve">{esc(b["lead"])}</w:t></w:r>')
        if b["text"]:
            out.append(f'<w:r>{rpr(font)}<w:t xml:space="preserve">{esc(b["text"])}</w:t></w:r>')
        out.append("</w:p>")
    out.append('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    return "".join(out)


def styles(blocks):
    out = [HEAD, f'<w:styles xmlns:w="{W}">']
    for name in sorted({b["style"] for b in blocks}):
        out.append(f'<w:style w:type="paragraph" w:styleId="{name}"><w:name w:val="{name}"/>'
                   f'{rpr(FONTS.get(name, "仿宋_GB2312"))}</w:style>')
    out.append("</w:styles>")
    return "".join(out)


def write(blocks, target):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in (("[Content_Types].xml", TYPES), ("_rels/.rels", RELS),
                          ("word/_rels/document.xml.rels", DOC_RELS),
                          ("word/document.xml", document(blocks)), ("word/styles.xml", styles(blocks))):
            z.writestr(name, xml.encode("utf-8"))


outdir = Path(sys.argv[1])
for source in sys.argv[2:]:
    write(json.loads(Path(source).read_text(encoding="utf-8")), outdir / (Path(source).stem + ".docx"))
'''

DOCXTPL_TEMPLATE = r'''"""Build the docxtpl template: a loop over paragraphs, styled per paragraph."""
import sys
from docx import Document

doc = Document()
add = doc.add_paragraph
add("{%p for b in blocks %}")
first = True
for style, name in [("Title", "Title"), ("Subtitle", "Subtitle"), ("Heading1", "Heading 1"),
                    ("Heading2", "Heading 2"), ("Heading3", "Heading 3"), ("Heading4", "Heading 4")]:
    add(("{%p if " if first else "{%p elif ") + f"b.style == '{style}' %}}")
    add("{{ b.text }}", style=name)
    first = False
add("{%p else %}")
p = add()
p.add_run("{{ b.lead }}").bold = True
p.add_run("{{ b.text }}")
add("{%p endif %}")
add("{%p endfor %}")
doc.save(sys.argv[1])
'''

DOCXTPL_RENDER = r'''"""docxtpl: render each JSON content file with the template, in this one process."""
import json, sys
from pathlib import Path
from docxtpl import DocxTemplate

template, outdir = sys.argv[1], Path(sys.argv[2])
for source in sys.argv[3:]:
    tpl = DocxTemplate(template)
    tpl.render({"blocks": json.loads(Path(source).read_text(encoding="utf-8"))})
    tpl.save(outdir / (Path(source).stem + ".docx"))
'''


# -- preparing the inputs ------------------------------------------------------------------------

def write_outline(data: dict, path: Path) -> None:
    """An outline as YAML."""
    import yaml

    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


def blocks_of(docx_path: Path) -> list[dict[str, str]]:
    """drafter's output read back: style id, run-in lead and text of each paragraph."""
    import docx

    blocks = []
    for p in docx.Document(str(docx_path)).paragraphs:
        lead = "".join(r.text for r in p.runs if r.style is not None and r.style.style_id.endswith("Char"))
        text = "".join(r.text for r in p.runs if r.style is None or not r.style.style_id.endswith("Char"))
        if lead or text:
            blocks.append({"style": p.style.style_id, "lead": lead, "text": text})
    return blocks


def markdown_of(blocks: list[dict[str, str]]) -> str:
    """The same paragraphs as pandoc Markdown."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "\\<")

    lines = []
    for b in blocks:
        if b["style"] == "Title":
            lines.insert(0, f"% {esc(b['text'])}\n")
        elif b["style"].startswith("Heading") and b["style"][7:].isdigit():
            lines.append("#" * int(b["style"][7:]) + " " + esc(b["text"]) + "\n")
        elif b["lead"]:
            lines.append(f"**{esc(b['lead'])}**{esc(b['text'])}\n")
        else:
            lines.append(esc(b["text"]) + "\n")
    return "\n".join(lines)


def prepare(work: Path, count: int) -> dict[str, object]:
    """Write every input: outlines, JSON, Markdown, reference doc; returns the workload sizes."""
    from drafter.pipeline.render import render_file

    sizes: dict[str, object] = {}
    (work / "batch").mkdir(parents=True, exist_ok=True)
    items = [("speech", workloads.speech(), work), ("report", workloads.report(), work)]
    items += [(f"s{n:03d}", data, work / "batch") for n, data in enumerate(workloads.batch(count))]
    for stem, data, folder in items:
        outline = folder / f"{stem}.yaml"
        write_outline(data, outline)
        rendered = render_file(outline, folder / f"{stem}.drafter.docx")
        blocks = blocks_of(rendered)
        (folder / f"{stem}.json").write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
        (folder / f"{stem}.md").write_text(markdown_of(blocks), encoding="utf-8")
        if folder == work:
            import docx

            paragraphs = len(docx.Document(str(rendered)).paragraphs)
            sizes[stem] = (paragraphs, sum(len(b["lead"]) + len(b["text"]) for b in blocks))
    shutil.copy(work / "speech.drafter.docx", work / "reference.docx")
    (work / "floor.py").write_text(FLOOR, encoding="utf-8")
    (work / "docxtpl_template.py").write_text(DOCXTPL_TEMPLATE, encoding="utf-8")
    (work / "docxtpl_render.py").write_text(DOCXTPL_RENDER, encoding="utf-8")
    for folder in ("out", "batch-out"):
        (work / folder).mkdir(exist_ok=True)
    return sizes


# -- timing ----------------------------------------------------------------------------------------

def timed(cmd: Sequence[str], env: dict[str, str], runs: int, warmup: int) -> list[float]:
    """Wall times of ``runs`` runs of ``cmd`` after ``warmup`` untimed ones (it must succeed)."""
    return interleaved({"only": (cmd, env)}, runs, warmup)["only"]


def interleaved(cmds: dict[str, tuple[Sequence[str], dict[str, str]]], runs: int,
                warmup: int) -> dict[str, list[float]]:
    """Wall times of each command, run in turn (round-robin), so that noise from other load on
    the machine falls on every command alike; ``warmup`` untimed rounds first."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for index in range(warmup + runs):
        for name, (cmd, env) in cmds.items():
            started = time.perf_counter()
            done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-800:]}")
            if index >= warmup:
                times[name].append(elapsed)
    return times


def timed_many(cmds: list[list[str]], env: dict[str, str], runs: int, parallel: int) -> list[float]:
    """Wall times of running every command of ``cmds`` (``parallel`` at a time), ``runs`` times."""
    def one(cmd: list[str]) -> None:
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        with ThreadPoolExecutor(parallel) as pool:
            list(pool.map(one, cmds))
        times.append(time.perf_counter() - started)
    return times


def peak_kib(cmd: Sequence[str], env: dict[str, str]) -> int:
    """Largest resident set (KiB) of any process of one run of ``cmd``."""
    out = subprocess.run([sys.executable, "-c", MEMORY_WRAPPER, *cmd], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0])


def peak_many(cmds: list[list[str]], env: dict[str, str]) -> int:
    """Largest resident set (KiB) over running ``cmds`` one after another."""
    script = ("import json, resource, subprocess, sys\n"
              "for c in json.loads(sys.argv[1]): subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", script, json.dumps(cmds)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return int(out.split()[0])


# -- the producers ---------------------------------------------------------------------------------

class Producers:
    """Command lines of every producer for the prepared work folder."""

    def __init__(self, work: Path, docxtpl_python: str | None, pandoc: str | None, *, no_site: bool) -> None:
        self.work = work
        self.no_site = no_site
        # With no_site, Python starts with -S (no site module, so no .pth start-up hooks) and the
        # packages' folders are put on PYTHONPATH instead: start-up as on a machine without hooks.
        self.py = [sys.executable, "-S"] if no_site else [sys.executable]
        import site

        path = [str(REPO), *site.getsitepackages()] if no_site else [str(REPO)]
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
        self.pandoc = pandoc
        self.docxtpl_env: dict[str, str] | None = None
        self.docxtpl_python = docxtpl_python
        if docxtpl_python:
            self._setup_docxtpl(docxtpl_python)

    def _setup_docxtpl(self, python: str) -> None:
        probe = ("import sys, site, importlib.metadata as m; "
                 "print(sys.version.split()[0], m.version('docxtpl'), site.getsitepackages()[0])")
        done = subprocess.run([python, "-c", probe], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"docxtpl not usable with {python}: {done.stderr.strip()[-200:]}", file=sys.stderr)
            self.docxtpl_python = None
            return
        version, self.docxtpl_version, site_dir = done.stdout.split()
        # Same interpreter and start-up as drafter when the versions match (fair process times).
        if version == platform.python_version():
            self.docxtpl_env = {**os.environ, "PYTHONPATH": site_dir}
            self.docxtpl_python = sys.executable
        else:
            self.docxtpl_env = dict(os.environ)
        self.docxtpl_cmd = [self.docxtpl_python, "-S"] if self.no_site else [self.docxtpl_python]
        subprocess.run([self.docxtpl_python, str(self.work / "docxtpl_template.py"),
                        str(self.work / "template.docx")], env=self.docxtpl_env, check=True)

    def drafter(self, stem: str) -> list[str]:
        return [*self.py, "-m", "drafter", "render", str(self.work / f"{stem}.yaml"),
                "-o", str(self.work / "out" / f"{stem}.docx")]

    def drafter_batch(self, sources: list[Path], jobs: int | None = None) -> list[str]:
        extra = ["--jobs", str(jobs)] if jobs else []
        return [*self.py, "-m", "drafter", "batch", *map(str, sources), "-o", str(self.work / "batch-out"), *extra]

    def pandoc_cmd(self, md: Path, out: Path) -> list[str]:
        return [self.pandoc or "pandoc", str(md), "-f", "markdown", "-t", "docx",
                "--reference-doc", str(self.work / "reference.docx"), "-o", str(out)]

    def docxtpl(self, sources: list[Path], outdir: Path) -> list[str]:
        return [*self.docxtpl_cmd, str(self.work / "docxtpl_render.py"), str(self.work / "template.docx"),
                str(outdir), *map(str, sources)]

    def floor(self, sources: list[Path], outdir: Path) -> list[str]:
        return [*self.py, str(self.work / "floor.py"), str(outdir), *map(str, sources)]


# -- the report ------------------------------------------------------------------------------------

def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.0995 else f"{seconds * 1000:.1f} ms"


def machine() -> str:
    """nproc, CPU model and Python version."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} × {model}; {platform.system()} {platform.release()}; Python {platform.python_version()}"


class BatchRow(NamedTuple):
    """One producer over the batch workload."""

    per_doc: float
    """Whole-process wall time of the full batch ÷ its documents (start-up included)."""
    marginal: float | None
    """(time of the full batch − time of a tenth of it) ÷ the documents in between."""
    peak_kib: int | None
    peak_small_kib: int | None


def time_batches(p: Producers, work: Path, count: int, batch_runs: int) -> dict[str, BatchRow]:
    """Per-document times and peak memory of every producer over the batch workload."""
    env = p.env
    small = max(1, count // 10)
    nproc = os.cpu_count() or 1
    batch_json = sorted((work / "batch").glob("*.json"))
    batch_md = sorted((work / "batch").glob("*.md"))
    batch_yaml = sorted((work / "batch").glob("*.yaml"))
    out = work / "batch-out"
    print(f"Timing {count}-document batches …", file=sys.stderr)

    # Single commands that render the whole batch (full and a tenth), timed round-robin.
    singles: dict[str, tuple[list[str], list[str], dict[str, str]]] = {
        "drafter batch (all cores)": (p.drafter_batch(batch_yaml), p.drafter_batch(batch_yaml[:small]), env),
        "drafter batch --jobs 1": (p.drafter_batch(batch_yaml, 1), p.drafter_batch(batch_yaml[:small], 1), env),
    }
    if p.docxtpl_python and p.docxtpl_env:
        singles["docxtpl, one process"] = (p.docxtpl(batch_json, out), p.docxtpl(batch_json[:small], out),
                                           p.docxtpl_env)
    singles["floor, one process"] = (p.floor(batch_json, out), p.floor(batch_json[:small], out), env)
    commands: dict[str, tuple[Sequence[str], dict[str, str]]] = {}
    for name, (full, part, cmd_env) in singles.items():
        commands[name] = (full, cmd_env)
        commands[name + " (small)"] = (part, cmd_env)
    times = interleaved(commands, batch_runs, 1)
    rows: dict[str, BatchRow] = {}
    for name, (full, part, cmd_env) in singles.items():
        whole, tenth = statistics.median(times[name]), statistics.median(times[name + " (small)"])
        rows[name] = BatchRow(whole / count, (whole - tenth) / (count - small) if count > small else None,
                              peak_kib(full, cmd_env), peak_kib(part, cmd_env))
    if p.pandoc:
        cmds = [p.pandoc_cmd(md, out / (md.stem + ".pandoc.docx")) for md in batch_md]
        per_doc = statistics.median(timed_many(cmds, env, batch_runs, 1)) / count
        rows["pandoc, one process each"] = BatchRow(per_doc, per_doc, peak_many(cmds, env),
                                                    peak_many(cmds[:small], env))
        parallel = statistics.median(timed_many(cmds, env, batch_runs, nproc)) / count
        rows[f"pandoc, {nproc} processes at a time"] = BatchRow(parallel, parallel, None, None)
    order = ["drafter batch (all cores)", "drafter batch --jobs 1", "pandoc, one process each",
             f"pandoc, {nproc} processes at a time", "docxtpl, one process", "floor, one process"]
    return {name: rows[name] for name in order if name in rows}


def main() -> None:
    """Prepare the workloads, run every producer, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per single-document measurement")
    parser.add_argument("--batch-runs", type=int, default=3, help="timed runs per 100-document batch")
    parser.add_argument("--count", type=int, default=100, help="documents in the batch workload")
    parser.add_argument("--quick", action="store_true", help="5 runs and 1 batch run")
    parser.add_argument("--single-only", action="store_true", help="skip the batch workload")
    parser.add_argument("--no-site", action="store_true",
                        help="run every Python producer with -S and its packages on PYTHONPATH (start-up "
                             "without the site module's .pth hooks, as on a plain machine)")
    parser.add_argument("--docxtpl-python", default="/tmp/docxtpl-venv/bin/python",
                        help="a Python with docxtpl installed (default: /tmp/docxtpl-venv/bin/python)")
    parser.add_argument("--workdir", type=Path, help="keep inputs and outputs here (default: a temporary folder)")
    args = parser.parse_args()
    runs, batch_runs = (5, 1) if args.quick else (args.runs, args.batch_runs)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Preparing workloads in {work} …", file=sys.stderr)
    # An installed drafter has bytecode (pip compiles on install); a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every module in every process.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "drafter")], check=True)
    sizes = prepare(work, args.count)
    pandoc = shutil.which("pandoc")
    docxtpl_python = args.docxtpl_python if args.docxtpl_python and Path(args.docxtpl_python).exists() else None
    p = Producers(work, docxtpl_python, pandoc, no_site=args.no_site)
    env = p.env

    def med(times: list[float]) -> float:
        return statistics.median(times)

    load_before = os.getloadavg()[0]
    rows: dict[str, dict[str, float]] = {}
    minima: dict[str, dict[str, float]] = {}
    print("Timing single documents …", file=sys.stderr)
    for stem in ("speech", "report"):
        cmds: dict[str, tuple[Sequence[str], dict[str, str]]] = {
            "drafter": (p.drafter(stem), env),
            "floor": (p.floor([work / f"{stem}.json"], work / "out"), env),
        }
        if pandoc:
            cmds["pandoc"] = (p.pandoc_cmd(work / f"{stem}.md", work / "out" / f"{stem}.pandoc.docx"), env)
        if p.docxtpl_python and p.docxtpl_env:
            cmds["docxtpl"] = (p.docxtpl([work / f"{stem}.json"], work / "out"), p.docxtpl_env)
        if stem == "speech":
            cmds["help"] = ([*p.py, "-m", "drafter", "--help"], env)
            cmds["bare"] = ([*p.py, "-c", "pass"], env)
        measured = interleaved(cmds, runs, 2)
        rows[stem] = {name: med(times) for name, times in measured.items()}
        minima[stem] = {name: min(times) for name, times in measured.items()}
    help_time, help_min = rows["speech"].pop("help"), minima["speech"].pop("help")
    bare_time, bare_min = rows["speech"].pop("bare"), minima["speech"].pop("bare")

    count = args.count
    small = max(1, count // 10)
    batch = {} if args.single_only else time_batches(p, work, count, batch_runs)

    load_after = os.getloadavg()[0]
    # -- print ---------------------------------------------------------------------------------
    if args.no_site:
        print("Python producers started with -S (no site module; packages on PYTHONPATH).")
    print(f"Machine: {machine()}; load average {load_before:.2f} at the start, {load_after:.2f} at the end")
    versions = [f"pandoc {subprocess.run([pandoc, '--version'], capture_output=True, text=True).stdout.split()[1]}"
                if pandoc else "pandoc: not installed",
                f"docxtpl {p.docxtpl_version}" if p.docxtpl_env else "docxtpl: not installed"]
    print("Compared with: " + ", ".join(versions))
    speech_n, speech_c = sizes["speech"]  # type: ignore[misc]
    report_n, report_c = sizes["report"]  # type: ignore[misc]
    print(f"Workloads: speech {speech_c:,} characters in {speech_n} paragraphs; report {report_c:,} characters "
          f"in {report_n} paragraphs; {count} different speeches. Medians of {runs} runs "
          f"({batch_runs} for batches).\n")
    print("| one document, whole process | speech (6k chars): median (min) | drafter ÷ this | "
          "report (64k chars): median (min) | drafter ÷ this |")
    print("|---|---|---|---|---|")
    for producer in ("drafter", "pandoc", "docxtpl", "floor"):
        if producer not in rows["speech"]:
            continue
        s, r = rows["speech"][producer], rows["report"][producer]
        s_min, r_min = minima["speech"][producer], minima["report"][producer]
        print(f"| {producer} | {ms(s)} (min {ms(s_min)}) | {rows['speech']['drafter'] / s:.2f}× | "
              f"{ms(r)} (min {ms(r_min)}) | {rows['report']['drafter'] / r:.2f}× |")
    print(f"| `drafter --help` | {ms(help_time)} (min {ms(help_min)}) | | | |")
    flag = " -S" if args.no_site else ""
    print(f"| `python{flag} -c pass` (interpreter start-up) | {ms(bare_time)} (min {ms(bare_min)}) | | | |")
    print()
    if not batch:
        return
    drafter_doc = batch["drafter batch (all cores)"].per_doc
    print(f"| {count} speeches | per document | drafter (all cores) ÷ this | marginal per document | "
          f"peak RSS, {count} docs | peak RSS, {small} docs |")
    print("|---|---|---|---|---|---|")
    for name, row in batch.items():
        def mib(kib: int | None) -> str:
            return f"{kib / 1024:.0f} MiB" if kib else "—"

        marginal = ms(row.marginal) if row.marginal is not None else "—"
        print(f"| {name} | {ms(row.per_doc)} | {drafter_doc / row.per_doc:.2f}× | {marginal} | "
              f"{mib(row.peak_kib)} | {mib(row.peak_small_kib)} |")
    print("\nPer document: whole-process wall time of the batch ÷ documents (start-up included). Marginal:")
    print(f"(time for {count} − time for {small}) ÷ {count - small}, i.e. without start-up. Peak RSS: the largest")
    print("single process of the run (for drafter the parent or one pool worker), from getrusage(RUSAGE_CHILDREN).")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
