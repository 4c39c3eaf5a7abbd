"""Measure drafter extract on the seed documents: structure against the seed, lost text, timing.

Usage:  PYTHONPATH=. python3 benchmarks/extract_seeds.py [SEED_DIR]

For each seed: the kind guessed, the level-1 sections and level-2 items per section (counted in
the seed with simple regexes on line starts, as tests/test_extract.py does) against the
extraction's, the share of the seed's sentences found in the outline, the lines dropped as
boilerplate, and the time to extract (best of 5 runs, and one cold run in a fresh process).
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from test_extract import (  # noqa: E402
    ARTICLE_L2,
    SEED_KINDS,
    SPEECH_L2,
    body_sentences,
    count_levels,
    squash,
    squashed_outline,
    structure,
)

from drafter.extraction import extract_file, outline_from_extraction  # noqa: E402


def main() -> None:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "seeds"
    print(f"{'seed':<5} {'kind':<14} {'ok':<3} {'L1 seed/out':<12} {'L2 match':<9} {'sentences':<12} "
          f"{'dropped':<8} {'best ms':>8} {'cold ms':>8}")
    totals = [0, 0]
    for prefix, expected in sorted(SEED_KINDS.items()):
        path = next(seeds.glob(f"{prefix}_*.txt"))
        times = []
        for _ in range(5):
            start = time.perf_counter()
            result = extract_file(path)
            outline = outline_from_extraction(result)
            times.append(time.perf_counter() - start)
        cold = _cold(path)
        level2 = ARTICLE_L2 if expected == "article" else SPEECH_L2
        seed_l1, seed_l2 = count_levels(path.read_text(encoding="utf-8"), level2)
        out_l1, out_l2 = structure(outline)
        if expected == "minutes":
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if re.match(r"^[^：:。]{4,60}[：:][^。]{1,70}$", ln.replace(":", "："))]
            seed_l1, out_l1 = len(lines), len(outline.document.speakers)
            seed_l2 = out_l2 = []
        matched = sum(a == b for a, b in zip(seed_l2, out_l2)) + (seed_l1 == out_l1)
        totals[0] += matched
        totals[1] += len(seed_l2) + 1
        sentences = body_sentences(path, {d.line for d in result.dropped})
        text = squashed_outline(outline)
        found = sum(squash(s) in text for s in sentences)
        print(f"{prefix:<5} {result.kind:<14} {'yes' if result.kind == expected else 'NO':<3} "
              f"{f'{seed_l1}/{out_l1}':<12} {f'{sum(a == b for a, b in zip(seed_l2, out_l2))}/{len(seed_l2)}':<9} "
              f"{f'{found}/{len(sentences)}':<12} {len(result.dropped):<8} {min(times) * 1000:8.1f} {cold:8.0f}")
    print(f"structural counts matching: {totals[0]}/{totals[1]} "
          f"(level-1 count per seed, level-2 count per section; minutes: speaker count)")


def _cold(path: Path) -> float:
    """Wall time of `python -m drafter extract` in a fresh process (includes start-up), in ms."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drafter", "extract", str(path), "-q"], check=True,
                   capture_output=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    main()
