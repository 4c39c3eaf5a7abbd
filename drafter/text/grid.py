"""Where the lines of a paragraph break on the GB/T 9704 grid: 28 characters of 三号 a line.

A prediction of what Word and LibreOffice do with drafter's DOCX (hanging punctuation off):
full-width characters take one cell, half-width Latin letters, digits and spaces half of one;
a line that would begin with a mark that may not begin a line (，。、；：？！）》” …) gives its last
character to the next line instead (so it has 27, justified); a line does not end with an
opening mark (（《“) or split a —— or ……. ``check`` uses it to find a single character left on
the last line of a heading or a run-in lead (孤字), ``stats`` to count pages.
"""

from __future__ import annotations

from dataclasses import dataclass

CHARS_PER_LINE = 28
LINES_PER_PAGE = 22

NO_LINE_START = frozenset("，。、；：？！）》”’〕】」』〉…—,.;:?!)%％·")
NO_LINE_END = frozenset("（《“‘〔【「『〈(")


def _width(char: str) -> float:
    """Cells a character takes: 1 for CJK and full-width marks, ½ for digits and half-width marks,
    a little less for a Latin letter and a quarter for a space (Times New Roman's averages)."""
    if char >= "\u2000" or char == "·":
        return 1.0
    if char == " ":
        return 0.25
    return 0.45 if char.isalpha() else 0.5


@dataclass(frozen=True)
class Lines:
    """How a paragraph lies on the grid: its lines' texts."""

    lines: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many lines the paragraph takes."""
        return len(self.lines)

    @property
    def orphan(self) -> bool:
        """Whether the last line holds a single character (孤字), a closing mark not counted."""
        if len(self.lines) < 2:
            return False
        last = self.lines[-1].rstrip("".join(NO_LINE_START))
        return len(last) <= 1


def break_lines(text: str, indent: float = 2, chars: int = CHARS_PER_LINE, left: float = 0) -> Lines:
    """The lines of ``text`` in a paragraph ``chars`` cells wide, its first line indented by
    ``indent`` cells from the ``left`` indent of the others (negative: a hanging indent)."""
    lines: list[str] = []
    start, i, size = 0, 0, len(text)
    room = chars - left - indent
    width = 0.0
    while i < size:
        w = _width(text[i])
        if width + w <= room + 1e-9:
            width += w
            i += 1
            continue
        end = i
        # the next line may not begin with a closing mark, nor this one end with an opening mark
        while end - 1 > start and (text[end] in NO_LINE_START or text[end - 1] in NO_LINE_END
                                   or text[end - 1:end + 1] in ("——", "……")):
            end -= 1
        end = max(end, start + 1)  # a line narrower than one character still takes one
        lines.append(text[start:end])
        start, i, width, room = end, end, 0.0, chars - left
    lines.append(text[start:])
    return Lines(tuple(line for line in lines if line) or ("",))


def lines_of(text: str, indent: float = 2, chars: int = CHARS_PER_LINE, left: float = 0) -> int:
    """How many grid lines ``text`` takes (see :func:`break_lines`)."""
    return break_lines(text, indent, chars, left).count
