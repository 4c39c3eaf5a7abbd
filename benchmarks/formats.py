"""What reading an outline as YAML, JSON or a Markdown draft costs, and one `drafter mcp` call.

Usage (from the repository root)::

    python3 benchmarks/formats.py [--runs N]

The speech and report workloads (benchmarks/workloads.py) are written three ways — YAML, JSON and
the Markdown a writer or model would type for them (front matter, # headings, lists for points) —
and checked to render to the same DOCX bytes. Then, each the median of N runs: reading and
validating in process (the outline stage alone), ``drafter render`` as a whole process, and the
round trip of ``check`` and ``render`` tool calls to a running ``drafter mcp`` (page images off).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import workloads  # noqa: E402
import yaml  # noqa: E402


def as_markdown(data: dict[str, Any]) -> str:
    """A speech outline as the Markdown draft that maps back to it."""
    front = {k: data[k] for k in ("kind", "speaker", "date") if k in data}
    lines = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).strip(), "---", "",
             f"# {data['title']}", ""]
    if data.get("subtitle"):
        lines += [f"——{data['subtitle']}", ""]
    if data.get("salutation"):
        lines += [f"{data['salutation']}：", ""]
    for paragraph in data.get("opening", []):
        lines += [paragraph, ""]

    def section(node: dict[str, Any], level: int) -> None:
        lines.extend([f"{'#' * (level + 1)} {node['heading']}", ""])
        for paragraph in node.get("paragraphs", []):
            lines.extend([paragraph, ""])
        if node.get("points"):
            lines.extend([f"- {point}" for point in node["points"]] + [""])
        for sub in node.get("sections", []):
            section(sub, level + 1)

    for node in data.get("sections", []):
        section(node, 1)
    if data.get("closing"):
        lines += ["---", ""] + [p + "\n" for p in data["closing"]]
    return "\n".join(lines)


def without_inline(node: Any) -> Any:
    """The outline without ``inline:`` keys, which a Markdown draft cannot say (the kind decides)."""
    if isinstance(node, dict):
        return {k: without_inline(v) for k, v in node.items() if k != "inline"}
    if isinstance(node, list):
        return [without_inline(v) for v in node]
    return node


def median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    from drafter.pipeline.render import read_outline, render_file

    folder = Path(tempfile.mkdtemp(prefix="drafter-formats-"))
    rows = []
    for name, data in (("speech", workloads.speech()), ("report", workloads.report())):
        data = without_inline({k: v for k, v in data.items() if v not in (None, [], "")})
        files = {
            "yaml": folder / f"{name}.yaml",
            "json": folder / f"{name}.json",
            "markdown": folder / f"{name}.md",
        }
        files["yaml"].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        files["json"].write_text(json.dumps(data, ensure_ascii=False, default=dt.date.isoformat), encoding="utf-8")
        files["markdown"].write_text(as_markdown(data), encoding="utf-8")
        outputs = {fmt: render_file(path, folder / f"{name}-{fmt}.docx").read_bytes() for fmt, path in files.items()}
        same = len(set(outputs.values())) == 1
        chars = len(files["yaml"].read_text(encoding="utf-8"))
        for fmt, path in files.items():
            read = median_ms(lambda: read_outline(path), runs)
            whole = median_ms(lambda: subprocess.run([sys.executable, "-m", "drafter", "render", str(path), "-o",
                                                      str(folder / "out.docx")], cwd=REPO, check=True,
                                                     capture_output=True), max(3, runs // 3))
            rows.append((name, f"{chars:,}", fmt, f"{read:.1f} ms", f"{whole:.0f} ms", "yes" if same else "NO"))
    print("| workload | YAML chars | format | read + validate | whole `drafter render` | same DOCX |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(mcp_round_trips(folder, runs))


def mcp_round_trips(folder: Path, runs: int) -> str:
    """Median latency of check and render calls to one running ``drafter mcp``."""
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    text = (folder / "speech.yaml").read_text(encoding="utf-8")
    params = StdioServerParameters(command=sys.executable, args=["-m", "drafter", "mcp", "--workspace", str(folder)],
                                   cwd=str(REPO), env={"PYTHONPATH": str(REPO)})
    results: dict[str, float] = {}

    async def measure() -> None:
        start = time.perf_counter()
        async with Client(params) as client:
            results["start and connect"] = (time.perf_counter() - start) * 1000
            for tool, arguments in (("check", {"outline": text}),
                                    ("render", {"outline": text, "output": "mcp.docx", "page_images": 0})):
                times = []
                for _ in range(runs):
                    began = time.perf_counter()
                    await client.call_tool(tool, arguments)
                    times.append((time.perf_counter() - began) * 1000)
                results[f"{tool} (speech)"] = statistics.median(times)

    asyncio.run(measure())
    lines = ["| drafter mcp | median |", "|---|---|"]
    lines += [f"| {name} | {value:.0f} ms |" for name, value in results.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
