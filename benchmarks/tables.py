"""Time a report of many tables: 20 tables of 50 rows × 6 columns (one header row, a spanned
header cell per table, numbers decimal-aligned), 6,000 cells in all. Prints a Markdown table.

Usage (from the repository root)::

    python3 benchmarks/tables.py            # 20 tables × 50 rows, 7 repeats
    python3 benchmarks/tables.py --tables 100 --rows 50

Stages are timed in-process (the outline already in memory as YAML text): parse and validate,
compose (template → blocks), write the DOCX; "whole render" is all three. The median of the
repeats is shown, after one warm-up run, as wall-clock and as CPU time of the process.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from drafter.outline.load import parse_outline  # noqa: E402
from drafter.pipeline.render import Renderer  # noqa: E402


def outline_text(tables: int, rows: int, seed: int = 14) -> str:
    """A report whose sections each hold a paragraph and a table."""
    rng = random.Random(seed)
    lines = ["kind: report", "title: 关于重点项目进展情况的报告", "sections:"]
    for t in range(tables):
        lines += [f"  - heading: 第{t + 1}类项目进展情况", "    body:",
                  "      - 各项目按计划推进，主要指标见下表。", "      - table:",
                  f"          caption: 第{t + 1}类项目进展情况表", "          header: 2",
                  "          align: [center, left, decimal, decimal, decimal, right]", "          rows:",
                  "            - [{text: 序号, rows: 2}, {text: 项目名称, rows: 2}, {text: 投资（亿元）, cols: 3},"
                  " {text: 完成率, rows: 2}]",
                  "            - [计划, 完成, 剩余]"]
        for r in range(rows - 2):
            plan = rng.uniform(1, 40)
            done = plan * rng.uniform(0.4, 1.0)
            lines.append(f"            - [{r + 1}, 城镇化补短板项目{r + 1:03d}, {plan:.2f}, {done:.2f}, "
                         f"{plan - done:.2f}, '{done / plan:.1%}']")
    return "\n".join(lines) + "\n"


def timed(function, repeats: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall-clock and CPU seconds of ``function`` (CPU time holds up on a busy machine)."""
    function()
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=20)
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    text = outline_text(args.tables, args.rows)
    renderer = Renderer()
    outline = parse_outline(text)
    blocks = renderer.blocks(outline)
    profile = renderer.profile(outline.kind)

    from drafter.docx.writer import DocumentInfo, write_docx

    info = DocumentInfo(title=outline.title)
    rows = [
        ("parse and validate", timed(lambda: parse_outline(text), args.repeats)),
        ("compose (template → blocks)", timed(lambda: renderer.blocks(outline), args.repeats)),
        ("write DOCX", timed(lambda: write_docx(blocks, profile, info), args.repeats)),
        ("whole render", timed(lambda: renderer.docx(parse_outline(text)), args.repeats)),
    ]
    size = len(renderer.docx(outline))
    print(f"{args.tables} tables × {args.rows} rows × 6 columns ({args.tables * args.rows * 6:,} cells), "
          f"DOCX {size / 1024:.0f} KB, median of {args.repeats}\n")
    print("| stage | wall | CPU |\n|---|---:|---:|")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
