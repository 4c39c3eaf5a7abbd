"""Map each character of a YAML scalar's value back to where it was typed in the source.

A scalar's value is not its source text: quotes are dropped, ``''`` and escapes such as
``\\"`` stand for one character, line breaks fold into spaces and block scalars lose their
indentation. ``check`` must point at the exact line and column of one character inside a value
and ``fix`` must replace exactly the source text that produced it, so this module re-reads the
scalar's source the way YAML does (plain, single-quoted, double-quoted, literal ``|`` and folded
``>`` styles) and records, for every value character, the source span ``[start, end)`` it came
from. The reconstruction is checked against the value the YAML parser produced; when the two
differ (an exotic construct), :func:`char_spans` returns ``None`` and callers fall back to the
start of the scalar.
"""

from __future__ import annotations

import bisect
import re

Span = tuple[int, int]

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as libyaml counts them (its lines and columns follow these)."""

_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


class LineIndex:
    """Converts character offsets of a text to 1-based (line, column) as YAML reports them."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of ``offset``."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def char_spans(source: str, start: int, end: int, style: str | None, value: str) -> list[Span] | None:
    """For each character of ``value``, the source span it came from; ``None`` if unsure.

    ``start``/``end`` are the scalar's character offsets in ``source`` and ``style`` its YAML
    style (``None`` plain, ``'`` ``"`` ``|`` ``>``). The result is trusted only when the
    reconstructed value equals ``value``.
    """
    start = _skip_properties(source, start, end)
    if style in ("|", ">"):
        built = _block(source, start, end, style)
    elif style in ("'", '"'):
        if source[start:start + 1] != style or source[end - 1:end] != style:
            return None
        built = _flow(source, start + 1, end - 1, style)
    elif style is None:
        built = _flow(source, start, end, None)
    else:
        return None
    if built is None:
        return None
    chars, spans = built
    return spans if "".join(chars) == value else None


_PROPERTY = re.compile(r"[&!][^ \t\r\n]*[ \t\r\n]+")


def _skip_properties(source: str, start: int, end: int) -> int:
    """Skip an anchor (``&name``) or tag (``!!str``) that the node's start mark includes."""
    while start < end and source[start] in "&!":
        match = _PROPERTY.match(source, start, end)
        if not match:
            break
        start = match.end()
    return start


# -- flow scalars (plain and quoted): tokens per line, then line folding -----------------------

_Token = tuple[str, Span, bool]
"""A value character, its source span, and whether it was escaped (escapes are never stripped)."""


def _flow(source: str, start: int, end: int, style: str | None) -> tuple[list[str], list[Span]] | None:
    lines: list[list[_Token]] = [[]]
    breaks: list[Span] = []  # the source span of the break ending each line
    escaped_break: list[bool] = []
    i = start
    while i < end:
        match = _BREAK.match(source, i)
        if match:
            breaks.append(match.span())
            escaped_break.append(False)
            lines.append([])
            i = match.end()
            continue
        char = source[i]
        if style == "'" and char == "'":
            if source[i + 1:i + 2] != "'":
                return None
            lines[-1].append(("'", (i, i + 2), True))
            i += 2
            continue
        if style == '"' and char == "\\":
            following = source[i + 1:i + 2]
            after = _BREAK.match(source, i + 1)
            if after:
                breaks.append((i, after.end()))
                escaped_break.append(True)
                lines.append([])
                i = after.end()
                continue
            if following in _SIMPLE_ESCAPES:
                lines[-1].append((_SIMPLE_ESCAPES[following], (i, i + 2), True))
                i += 2
                continue
            if following in _HEX_ESCAPES:
                width = _HEX_ESCAPES[following]
                digits = source[i + 2:i + 2 + width]
                if len(digits) != width or not all(c in "0123456789abcdefABCDEF" for c in digits):
                    return None
                lines[-1].append((chr(int(digits, 16)), (i, i + 2 + width), True))
                i += 2 + width
                continue
            return None
        lines[-1].append((char, (i, i + 1), False))
        i += 1
    return _fold(lines, breaks, escaped_break)


def _strip(tokens: list[_Token], lead: bool, trail: bool) -> list[_Token]:
    first, last = 0, len(tokens)
    if lead:
        while first < last and tokens[first][0] in " \t" and not tokens[first][2]:
            first += 1
    if trail:
        while last > first and tokens[last - 1][0] in " \t" and not tokens[last - 1][2]:
            last -= 1
    return tokens[first:last]


def _fold(lines: list[list[_Token]], breaks: list[Span], escaped: list[bool]) -> tuple[list[str], list[Span]]:
    """YAML line folding of flow scalars: one break → space, n+1 breaks → n newlines."""
    count = len(lines)
    chars: list[str] = []
    spans: list[Span] = []

    def emit(tokens: list[_Token]) -> None:
        for char, span, _ in tokens:
            chars.append(char)
            spans.append(span)

    def gap_end(index: int) -> int:
        """Where the content of line ``index`` starts (after its leading whitespace)."""
        tokens = _strip(lines[index], True, False)
        return tokens[0][1][0] if tokens else breaks[index][0] if index < len(breaks) else breaks[-1][1]

    emit(_strip(lines[0], False, count > 1 and not (escaped and escaped[0])))
    index = 1
    while index < count:
        previous = index - 1
        if escaped[previous]:
            emit(_strip(lines[index], True, index < count - 1 and not escaped[index]))
            index += 1
            continue
        gap_start = spans[-1][1] if spans else breaks[previous][0]
        empties = 0
        probe = index
        while probe < count - 1 and not _strip(lines[probe], True, True) and not escaped[probe]:
            empties += 1
            probe += 1
        gap = (min(gap_start, breaks[previous][0]), max(gap_end(probe), breaks[previous][1]))
        for fold in ("\n" * empties) if empties else " ":
            chars.append(fold)
            spans.append(gap)
        emit(_strip(lines[probe], True, probe < count - 1 and not escaped[probe]))
        index = probe + 1
    return chars, spans


# -- block scalars (| and >) --------------------------------------------------------------------

_HEADER = re.compile(r"[|>]([+-]?)([0-9]?)([+-]?)[ \t]*(?:#[^\r\n\x85\u2028\u2029]*)?")

class _Builder:
    """Collects value characters with their source spans."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.chars: list[str] = []
        self.spans: list[Span] = []

    def text(self, a: int, b: int) -> None:
        for k in range(a, b):
            self.chars.append(self.source[k])
            self.spans.append((k, k + 1))

    def add(self, char: str, brk: Span | None, at: int) -> None:
        self.chars.append(char)
        self.spans.append(brk if brk else (at, at))


def _block_lines(source: str, start: int, end: int) -> list[tuple[int, int, Span | None]] | None:
    lines: list[tuple[int, int, Span | None]] = []
    i = start
    while i < end:
        match = _BREAK.search(source, i, end)
        if match:
            lines.append((i, match.start(), match.span()))
            i = match.end()
        else:
            lines.append((i, end, None))
            i = end
    indent = next((len(source[a:b]) - len(source[a:b].lstrip(" ")) for a, b, _ in lines
                   if source[a:b].strip(" ")), 0)
    content: list[tuple[int, int, Span | None]] = []
    for a, b, brk in lines:
        text = source[a:b]
        if not text.strip(" "):
            content.append((b, b, brk))  # an empty line
        elif text[:indent].strip(" "):
            return None
        else:
            content.append((a + indent, b, brk))
    return content


def _block(source: str, start: int, end: int, style: str) -> tuple[list[str], list[Span]] | None:
    header = _HEADER.match(source, start)
    if not header or header.group(2) or (header.group(1) and header.group(3)):
        return None  # an explicit indentation indicator depends on the parent's indentation
    chomp = header.group(1) or header.group(3)
    first_break = _BREAK.match(source, header.end())
    if not first_break:
        return [], []
    content = _block_lines(source, first_break.end(), end)
    if content is None:
        return None
    size = len(content)
    while size and content[size - 1][0] == content[size - 1][1]:
        size -= 1
    body, trailing = content[:size], content[size:]
    out = _Builder(source)
    if style == "|":
        for n, (a, b, brk) in enumerate(body):
            out.text(a, b)
            if n < len(body) - 1:
                out.add("\n", brk, b)
    else:
        _folded(source, body, out)
    if body and chomp != "-":
        last_a, last_b, last_brk = body[-1]
        out.add("\n", last_brk, last_b)
    if chomp == "+":
        for a, b, brk in trailing:
            if brk is not None:
                out.add("\n", brk, b)
    return out.chars, out.spans


def _folded(source: str, body: list[tuple[int, int, Span | None]], out: _Builder) -> None:
    """Folded style: a break between two normal lines reads as a space, empty lines as breaks;
    lines indented further than the block keep their breaks."""
    previous: tuple[int, int, Span | None] | None = None
    empties: list[tuple[int, int, Span | None]] = []
    for line in body:
        a, b, brk = line
        if a == b:
            empties.append(line)
            continue
        if previous is None:
            for _, eb, ebrk in empties:
                out.add("\n", ebrk, eb)
        else:
            pa, pb, pbrk = previous
            if source[pa:pa + 1] in (" ", "\t") or source[a:a + 1] in (" ", "\t"):
                out.add("\n", pbrk, pb)
            elif not empties:  # the space stands for the break and the next line's indentation
                out.add(" ", (pbrk[0] if pbrk else pb, a), pb)
            for _, eb, ebrk in empties:
                out.add("\n", ebrk, eb)
        empties = []
        out.text(a, b)
        previous = line
