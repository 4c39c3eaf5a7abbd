"""Chinese word boundaries for line breaking: a small dictionary and jieba's best-path search.

Title breaking needs to know where words end, not their parts of speech, so drafter does not
load jieba at render time (its import and 35 MB prefix dictionary cost about 1.3 s per process,
more than the rest of a render). It ships ``words.txt.gz``: the words of jieba's dictionary (MIT
licence) of 2 to 8 characters with a frequency of at least :data:`MIN_FREQUENCY`, about 60,000,
plus the terms of government writing it lacks (``words_policy.txt``, e.g. 习近平, 城市更新), which
loads in ~40 ms, and only when a title has to be broken. The segmentation is jieba's: over
the graph of dictionary words starting at each character, the route of highest total log
frequency, an unknown character counting as a rare one-character word.

Rebuild the list from an installed jieba: ``python3 -m drafter.text.words``.
"""

from __future__ import annotations

import gzip
import math
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("words.txt.gz")
POLICY_FILE = Path(__file__).with_name("words_policy.txt")
POLICY_FREQUENCY = 300
"""What each term of ``words_policy.txt`` counts for: a common word, not a very frequent one."""
MIN_FREQUENCY = 30
MAX_WORD = 8


@cache
def _dictionary() -> tuple[dict[str, float], float]:
    """Each word's log frequency, and the log frequency of an unknown single character."""
    with gzip.open(WORDS_FILE, "rt", encoding="utf-8") as stream:
        pairs = [line.split(" ") for line in stream.read().splitlines()]
    total = math.log(sum(int(freq) for _, freq in pairs))
    words = {word: math.log(int(freq)) - total for word, freq in pairs}
    return words, math.log(1.0) - total


def segment(text: str) -> list[str]:
    """``text`` cut into words (jieba's maximum-probability route over the shipped dictionary)."""
    words, unknown = _dictionary()
    size = len(text)
    best: list[tuple[float, int]] = [(0.0, size)] * (size + 1)
    for i in range(size - 1, -1, -1):
        choice = (unknown + best[i + 1][0], i + 1)
        for j in range(i + 2, min(size, i + MAX_WORD) + 1):
            score = words.get(text[i:j])
            if score is not None and score + best[j][0] > choice[0]:
                choice = (score + best[j][0], j)
        best[i] = choice
    out, i = [], 0
    while i < size:
        j = best[i][1]
        out.append(text[i:j])
        i = j
    return out


def _build() -> None:
    """Write words.txt.gz from the dictionary of an installed jieba."""
    import jieba

    source = Path(jieba.__file__).with_name("dict.txt")
    kept = []
    for line in source.read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        if 2 <= len(word) <= MAX_WORD and int(freq) >= MIN_FREQUENCY and word.strip() == word:
            kept.append(f"{word} {freq}")
    known = {line.split(" ")[0] for line in kept}
    for line in POLICY_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and line not in known:
            kept.append(f"{line} {POLICY_FREQUENCY}")
    with gzip.GzipFile(WORDS_FILE, "wb", mtime=0) as stream:
        stream.write(("\n".join(kept) + "\n").encode("utf-8"))
    print(f"{len(kept)} words → {WORDS_FILE} ({WORDS_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    _build()
