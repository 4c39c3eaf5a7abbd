"""How many pages a document takes, predicted from its blocks on the page grid (``stats``).

Each paragraph's lines come from :func:`drafter.text.grid.break_lines` at its own size (a 二号
title line holds 20 characters, a 三号 line 28); a line takes one line of the grid (styles larger
than the body are written off the grid with an exact height), or its own line height when smaller, space before and after as set;
a paragraph kept with the next moves to a new page when the next one's first line would not
fit; widow control is off, as drafter writes it. A table of contents is counted as one line
per heading it lists.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from drafter.compose.blocks import Block, PageBreak, Paragraph, TableOfContents
from drafter.docx.profile import Profile
from drafter.text.grid import break_lines

BODY_HALF_POINTS = 32
"""三号, the size the page grid's characters per line are counted in."""


def paragraph_lines(paragraph: Paragraph, profile: Profile) -> int:
    """Grid lines a paragraph's text takes (at least one: an empty paragraph is a blank line)."""
    style = profile.styles[paragraph.style]
    scale = BODY_HALF_POINTS / style.half_points
    chars = math.floor(profile.page.chars_per_line * scale + 1e-6)
    cell_tw = style.half_points * 10  # one character of this size, in twips
    first = style.first_line_tw / cell_tw - style.hanging_tw / cell_tw
    left = (style.left_tw + (paragraph.left_chars or 0) * cell_tw) / cell_tw
    if paragraph.hang_chars:
        first, left = -paragraph.hang_chars, left + paragraph.hang_chars
    segments, current = [], ""
    for run in paragraph.runs:
        if run.line_break:
            segments.append(current)
            current = ""
        else:
            current += run.text
    segments.append(current)
    total = 0
    for index, segment in enumerate(segments):
        total += break_lines(segment, first if index == 0 else 0, chars, left).count
    return max(total, 1)


def predicted_pages(blocks: Sequence[Block], profile: Profile, lines_per_page: int = 22) -> int:
    """Pages the blocks fill on a grid of ``lines_per_page`` lines."""
    pitch = profile.page.line_pitch or 1
    pages, used = 1, 0.0
    headings = sum(1 for b in blocks if isinstance(b, Paragraph) and profile.styles[b.style].level)
    items = list(blocks)
    for index, block in enumerate(items):
        if isinstance(block, PageBreak):
            pages, used = pages + 1, 0.0
            continue
        if isinstance(block, TableOfContents):
            lines: float = headings
            before = after = 0.0
            keep = False
        else:
            style = profile.styles[block.style]
            height = style.line_tw / pitch if style.line_tw and style.half_points < BODY_HALF_POINTS else 1.0
            lines = paragraph_lines(block, profile) * height
            before = style.before_tw / pitch if used else 0.0
            after = style.after_tw / pitch
            keep = style.keep_with_next
        if keep and used and used + before + lines + 1 > lines_per_page + 1e-6 and index + 1 < len(items):
            pages, used, before = pages + 1, 0.0, 0.0
        used += before
        while used + lines > lines_per_page + 1e-6:
            lines -= max(0.0, lines_per_page - used)
            pages, used = pages + 1, 0.0
        used += lines + after
    return pages
