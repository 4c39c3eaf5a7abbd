"""Where the time of one ``drafter render`` process goes: start-up, each import group, the work.

Usage (from the repository root)::

    python3 benchmarks/startup.py [OUTLINE] [--runs N]

Each phase is timed inside fresh processes (median of N); the interpreter's own start-up and
exit come from ``python -c pass`` and the whole process from the outside.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PHASES = r'''
import sys, time
marks = [time.perf_counter()]
def mark():
    marks.append(time.perf_counter())
import click; mark()
import jinja2, jinja2.sandbox; mark()
import yaml; mark()
import xml.etree.ElementTree, zipfile, dataclasses, difflib, typing, datetime, tempfile, hashlib; mark()
import drafter.cli, drafter.commands.render, drafter.pipeline.render; mark()
from drafter.pipeline.render import render_file
render_file(sys.argv[1], sys.argv[2]); mark()
print(" ".join(f"{(b - a) * 1000:.2f}" for a, b in zip(marks, marks[1:])))
'''
NAMES = ["click", "Jinja2 (with its sandbox)", "PyYAML", "standard library used by drafter",
         "drafter's own modules", "the work: read, validate, template, write"]


def main() -> None:
    """Print a Markdown table of the phases."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outline", nargs="?", default=str(REPO / "outlines" / "speech.yaml"))
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "drafter")], check=True)
    out = Path(tempfile.mkdtemp(prefix="drafter-startup-")) / "out.docx"
    phases: list[list[float]] = []
    bare: list[float] = []
    whole: list[float] = []
    for _ in range(args.runs):
        done = subprocess.run([sys.executable, "-c", PHASES, args.outline, str(out)], env=env,
                              capture_output=True, text=True, check=True)
        phases.append([float(x) for x in done.stdout.split()])
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drafter", "render", args.outline, "-o", str(out)], env=env,
                       check=True, capture_output=True)
        whole.append(time.perf_counter() - started)
    print(f"| phase of `drafter render {Path(args.outline).name}` | median |")
    print("|---|---|")
    print(f"| interpreter start-up and exit (`python -c pass`) | {statistics.median(bare) * 1000:.1f} ms |")
    for index, name in enumerate(NAMES):
        print(f"| {name} | {statistics.median(p[index] for p in phases):.1f} ms |")
    print(f"| **whole process** (`python -m drafter render`) | {statistics.median(whole) * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
