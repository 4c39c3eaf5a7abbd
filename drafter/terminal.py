"""Text for a terminal in any language: display width (a Chinese character takes two columns),
help text wrapped by that width, and console streams that cannot crash on a character.

click wraps help at whitespace and counts characters; Chinese has no spaces between words and
each character is two columns wide, so a Chinese paragraph wrapped by click is one line twice as
wide as the terminal. :func:`wrap_paragraphs` is click's ``wrap_text`` (same paragraphs, same
``\\b`` blocks kept as they are) with a line breaker that measures columns and may break between
any two Chinese characters, but never before closing punctuation (，。） …) nor inside a run of
Latin text (an option name, a path, a placeholder's value).
"""

from __future__ import annotations

import re
import sys
import unicodedata

_NO_LINE_START = set("，。、；：？！）》」』】〕”’…—,.;:?!)]}%")
"""Characters a line must not start with (kept on the line before, even past the width)."""
_TOKEN = re.compile(r"\s+|[（《“‘「『【〔]*(?:[\x21-\x7e\u00a0-\u02ff]+|.)", re.S)
"""A run of spaces, or a run of Latin text (never broken) or one other character, with the
opening punctuation before it (a line must not end with an opening bracket or quote)."""


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for wide (East Asian) characters, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _fill(text: str, line_width: int, first_indent: str, later_indent: str) -> str:
    lines: list[str] = []
    line, used = first_indent, width(first_indent)
    pending_space = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            pending_space = " "
            continue
        piece = pending_space + token
        fits = used + width(piece) <= line_width
        at_start = line.strip() == ""
        if fits or at_start or token[0] in _NO_LINE_START:
            line, used = line + (piece if not at_start else token), used + width(piece if not at_start else token)
        else:
            lines.append(line.rstrip())
            line = later_indent + token
            used = width(line)
        pending_space = ""
    lines.append(line.rstrip())
    return "\n".join(lines)


def wrap_paragraphs(text: str, line_width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """click's paragraph-preserving ``wrap_text`` by display width: paragraphs are separated by an
    empty line, a paragraph whose first line is ``\\b`` is kept line by line (only indented),
    an indented paragraph keeps its extra indent."""
    paragraphs: list[tuple[int, bool, list[str]]] = []
    block: list[str] = []
    indent: int | None = None

    def flush() -> None:
        if block:
            raw = block[0].strip() == "\b"
            paragraphs.append((indent or 0, raw, block[1:] if raw else list(block)))
            block.clear()

    for text_line in text.expandtabs().splitlines():
        if not text_line:
            flush()
            indent = None
            continue
        if indent is None:
            stripped = text_line.lstrip()
            indent = len(text_line) - len(stripped)
            text_line = stripped
        block.append(text_line)
    flush()
    out = []
    for extra, raw, lines in paragraphs:
        first, later = initial_indent + " " * extra, subsequent_indent + " " * extra
        if raw:
            out.append("\n".join((first if i == 0 else later) + line for i, line in enumerate(lines)))
        else:
            out.append(_fill(" ".join(lines), line_width, first, later))
    return "\n\n".join(out)


def tolerant_streams() -> None:
    """Let stdout and stderr replace a character their encoding lacks (a GBK console, a pipe on a
    Windows machine with code page 936) with ``?`` instead of raising UnicodeEncodeError; streams
    in UTF-8 are left as they are. drafter's files are always written in UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding in ("utf8", "utf8sig") or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):  # a stream that cannot change (a test's capture)
            pass
