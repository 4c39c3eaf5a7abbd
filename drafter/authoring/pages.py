"""How many pages a document takes, predicted from its blocks on the page grid (``stats``).

Each paragraph's lines come from :func:`drafter.text.grid.break_lines` at its own size (a 二号
title line holds 20 characters, a 三号 line 28); a line takes one line of the grid (styles larger
than the body are written off the grid with an exact height), or its own line height when smaller, space before and after as set;
a paragraph kept with the next moves to a new page when the next one's first line would not
fit; widow control is off, as drafter writes it. A table of contents is counted as one line
per heading it lists. Tables are laid out row by row as the 版记's prediction lays them
(:func:`drafter.docx.tablepages.place_table`: rows do not split, header rows repeat), figures take
their picture's height, a landscape part takes pages of its own; a 版记 or a joint mark counts
its lines; a footnote takes its lines at the foot of the page its mark is on (and the separator
one line, once a page); a letter's page furniture takes no body lines.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from drafter.compose.blocks import Block, JointMark, PageBreak, Paragraph, Record, TableOfContents
from drafter.compose.tables import FigureBlock, FootnoteText, Landscape, TableBlock
from drafter.docx.figures import EMU_PER_TWIP, figure_size
from drafter.docx.profile import TWIPS_PER_MM, Profile
from drafter.docx.tablepages import landscape_profile, place_table
from drafter.outline.media import Image
from drafter.text.grid import break_lines

BODY_HALF_POINTS = 32
"""三号, the size the page grid's characters per line are counted in."""


def paragraph_lines(paragraph: Paragraph, profile: Profile) -> int:
    """Grid lines a paragraph's text takes (at least one: an empty paragraph is a blank line)."""
    style = profile.styles[paragraph.style]
    scale = BODY_HALF_POINTS / style.half_points
    page = profile.page
    per_line = page.chars_per_line or (page.width - page.left - page.right) / (BODY_HALF_POINTS * 10)
    chars = max(1, math.floor(per_line * scale + 1e-6))
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


def predicted_pages(blocks: Sequence[Block], profile: Profile, lines_per_page: int = 22,
                    media: Mapping[str, Image] | None = None) -> int:
    """Pages the blocks fill on a grid of ``lines_per_page`` lines (``media``: the outline's images,
    by file, for the height of its figures)."""
    page = profile.page
    pitch = page.line_pitch
    if not pitch:  # a page without a grid (the English commentary): lines of the body text's height
        body = profile.styles.get("body")
        pitch = (body.line_tw if body and body.line_tw else round((body.half_points if body else 24) * 10 * 1.15))
        lines_per_page = max(1, (page.height - page.top - page.bottom) // pitch)
    text_width = page.width - page.left - page.right
    pages, used = 1, 0.0
    headings = sum(1 for b in blocks if isinstance(b, Paragraph) and profile.styles[b.style].level)
    notes = {b.name: _note_lines(b.paragraph, profile, pitch) for b in blocks if isinstance(b, FootnoteText)}
    noted_page = 0  # the last page that holds a footnote (its separator is counted once)
    items = [b for b in blocks if isinstance(b, (Paragraph, PageBreak, TableOfContents, TableBlock, FigureBlock,
                                                 Landscape, Record, JointMark))]
    for index, block in enumerate(items):
        if isinstance(block, PageBreak):
            pages, used = pages + 1, 0.0
            continue
        if isinstance(block, TableBlock):
            pages, used_tw = place_table(block, profile, text_width, lines_per_page * pitch, pages, round(used * pitch))
            used = used_tw / pitch
            continue
        if isinstance(block, Landscape):  # a section of its own: new pages before and after
            turned = predicted_pages(block.blocks, landscape_profile(profile), lines_per_page, media)
            first = pages + (1 if used else 0)
            pages, used = first + turned - 1, float(lines_per_page)  # what follows starts a new page
            continue
        if isinstance(block, Record):  # at the foot of an even page (drafter.docx.record.place)
            need = sum(paragraph_lines(row, profile) for row in block.lines)
            if pages % 2 or used + need > lines_per_page + 1e-6:
                pages += 1 if pages % 2 else 2
            used = float(lines_per_page)
            continue
        lines: float
        if isinstance(block, JointMark):  # the names stacked, 文件 beside them
            lines = sum(paragraph_lines(row, profile) for row in block.names)
            before = after = 0.0
            keep = False
        elif isinstance(block, FigureBlock):
            image = (media or {}).get(block.src)
            height = figure_size(block, image, text_width)[1] / EMU_PER_TWIP if image is not None else 0
            if block.height_cm is not None:
                height = block.height_cm * 10 * TWIPS_PER_MM
            lines = height / pitch
            if used and used + lines > lines_per_page + 1e-6:  # a picture does not split
                pages, used = pages + 1, 0.0
            used += lines
            continue
        elif isinstance(block, TableOfContents):
            lines = headings
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
        marked = [notes[run.note] for run in getattr(block, "runs", ()) if run.note in notes]
        if marked:  # the notes go to the foot of the page the paragraph ends on
            used += sum(marked) + (1.0 if noted_page != pages else 0.0)
            noted_page = pages
    return pages


def _note_lines(paragraph: Paragraph, profile: Profile, pitch: int) -> float:
    """Body lines a footnote's text takes at the page's foot (its own, smaller line height)."""
    style = profile.styles[paragraph.style]
    height = (style.line_tw or round(style.half_points * 10 * 1.2)) + style.before_tw + style.after_tw
    return paragraph_lines(paragraph, profile) * height / pitch
