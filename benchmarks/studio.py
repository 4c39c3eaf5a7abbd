"""drafter studio: how long from an edit to the page images, and soffice's memory over many previews.

Usage (from the repository root)::

    python3 benchmarks/studio.py              # 500 previews of the speech example
    python3 benchmarks/studio.py --previews 100

Each preview is what the studio does when typing pauses: the speech example with its title
changed (so every document differs) goes through ``POST /api/pages`` in-process (Starlette's
TestClient: JSON in, JPEG data URLs out), which parses and validates the outline, renders the
DOCX, has the warm LibreOffice export pages 1–2 to PDF and draws them at 96 dpi with pdfium. The
table gives median and p90 of the whole request and of its three stages, measured separately
on the same documents; then soffice's resident memory every 100 previews (restarts turned off
for this, so the growth is visible; the studio restarts soffice every RESTART_EVERY conversions).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from starlette.testclient import TestClient  # noqa: E402

from drafter.office.pageimages import page_images  # noqa: E402
from drafter.office.warm import RESTART_EVERY, WarmOffice, warm_office_missing  # noqa: E402
from drafter.studio import pages  # noqa: E402
from drafter.studio.app import create_app  # noqa: E402


def quantiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--previews", type=int, default=500)
    parser.add_argument("--dpi", type=float, default=96)
    args = parser.parse_args()
    missing = warm_office_missing()
    if missing:
        print(f"cannot measure: {missing}")
        return 1
    source = (REPO / "outlines" / "speech.yaml").read_text(encoding="utf-8")
    folder = Path(tempfile.mkdtemp(prefix="drafter-bench-studio-"))
    shutil.copyfile(REPO / "outlines" / "speech.yaml", folder / "speech.yaml")
    office = WarmOffice(restart_every=10**9)
    client = TestClient(create_app(folder, hosts=["testserver"], office=office))
    started = time.perf_counter()
    office.start()
    cold = time.perf_counter() - started

    request_times: list[float] = []
    memory: list[tuple[int, int]] = [(0, office.memory())]
    for n in range(1, args.previews + 1):
        text = source.replace("以新理念引领城市更新", f"以新理念引领城市更新{n}")
        began = time.perf_counter()
        response = client.post("/api/pages", json={"name": "speech.yaml", "text": text, "first": 1, "last": 2,
                                                   "dpi": args.dpi})
        request_times.append(time.perf_counter() - began)
        if response.status_code != 200 or len(response.json()["images"]) != 2:
            print(f"preview {n} failed: {response.status_code} {response.text[:300]}")
            return 1
        if n % 100 == 0:
            memory.append((n, office.memory()))

    stages: dict[str, list[float]] = {"render DOCX": [], "LibreOffice: PDF of pages 1-2": [], "pdfium: 2 JPEG pages": []}
    for n in range(30):
        text = source.replace("以新理念引领城市更新", f"以新理念引领城市更新{n}x")
        t0 = time.perf_counter()
        outline, department = pages.outline_for(text, folder / "speech.yaml", "speech.yaml", folder, [], "none")
        docx = pages.render_docx(outline, department)
        t1 = time.perf_counter()
        pdf = office.pdf(docx, "1-2")
        t2 = time.perf_counter()
        page_images(pdf.pdf, args.dpi)
        t3 = time.perf_counter()
        for name, value in zip(stages, (t1 - t0, t2 - t1, t3 - t2)):
            stages[name].append(value)
    office.close()
    shutil.rmtree(folder, ignore_errors=True)

    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} at the end (other work on the machine slows every row)")
    print(f"LibreOffice start (bridge + soffice + first connection): {cold:.2f} s\n")
    print(f"| edit → page images (speech example, {args.dpi:g} dpi) | median | p90 |")
    print("|---|---:|---:|")
    median, p90 = quantiles(request_times)
    print(f"| whole request, {len(request_times)} previews | {median * 1000:.0f} ms | {p90 * 1000:.0f} ms |")
    for name, values in stages.items():
        median, p90 = quantiles(values)
        print(f"| {name} | {median * 1000:.0f} ms | {p90 * 1000:.0f} ms |")
    print("\n| previews | soffice resident memory |")
    print("|---:|---:|")
    for n, size in memory:
        print(f"| {n} | {size / 1024 / 1024:.0f} MB |")
    print(f"\n(the studio restarts soffice every {RESTART_EVERY} conversions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
