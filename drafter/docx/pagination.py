"""drafter's own page layout prediction on the fixed grid: how many pages, how full the last one is.

GB/T 9704 text is set on a fixed grid (every line exactly ``line_pitch`` high, every full-width
character one advance wide), so the page count can be known without a word processor: a 公文's
版记 must land on an even page, and only drafter can put the blank page before it in a way that
holds in Word and in LibreOffice alike. The model: lines break greedily at the line width, a
closing punctuation mark never starts a line (it pulls the character before it down), Latin
letters and digits are half an advance wide, a ``keep_with_next`` paragraph moves to the next
page when the first line of what follows would not fit, and a page break starts a new page;
tables, figures and landscape pages are counted by :mod:`drafter.docx.tablepages`.
tests/test_gongwen.py checks the prediction against LibreOffice's PDF.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from drafter.compose.blocks import Block, JointMark, Letterhead, PageBreak, Paragraph
from drafter.compose.tables import FigureBlock, Landscape, TableBlock
from drafter.docx.profile import TWIPS_PER_MM, Profile, Style

NO_LINE_START = set("，。、；：？！）］｝〕〉》」』】”’…—·%‰℃")
"""Characters a Chinese line never starts with (GB/T 15834 practice, Word's and LibreOffice's kinsoku)."""
HEADER_DISTANCE_TW = 851
"""The header's distance from the page's top edge (15 mm), as drafter's sections write it."""
NO_LINE_END = set("（［｛〔〈《「『【“‘")
"""Characters a Chinese line never ends with."""


@dataclass(frozen=True)
class Layout:
    """Where the text ends: the number of pages and the height used on the last one, in twips."""

    pages: int
    used_tw: int
    page_tw: int

    @property
    def free_tw(self) -> int:
        """Height left below the text on the last page."""
        return self.page_tw - self.used_tw


def char_width(char: str, style: Style) -> int:
    """The advance of one character in twips: full width for CJK and full-width marks, else half."""
    em = style.half_points * 10
    wide = unicodedata.east_asian_width(char) in ("W", "F", "A") and not char.isascii()
    return (em if wide else em // 2) + style.spacing_twentieths


def _autospaced(before: str, after: str) -> bool:
    """Whether a quarter-em goes between two characters (autoSpaceDE/DN: 汉字 next to a Latin
    letter or digit; punctuation takes none)."""
    def latin(c: str) -> bool:
        return c.isascii() and c.isalnum()

    def han(c: str) -> bool:
        return not c.isascii() and unicodedata.category(c) == "Lo"

    return (han(before) and latin(after)) or (latin(before) and han(after))


def _units(segment: str) -> list[str]:
    """Pieces a line never splits: a run of Latin letters and digits (2025, GDP) is one piece."""
    return re.findall(r"[A-Za-z0-9.%]+|.", segment)


def count_lines(text: str, first_width: int, width: int, style: Style) -> int:
    """Lines a paragraph of ``text`` takes: the first line ``first_width`` wide, the rest ``width``."""
    lines = 0
    for segment in text.split("\n"):
        lines += 1
        room = first_width if lines == 1 else width
        line: list[tuple[str, int]] = []
        used = 0
        for unit in _units(segment):
            if unit == "\t":  # a tab to a right stop: the rest sits on this line
                break
            advance = sum(char_width(c, style) for c in unit)
            if line and _autospaced(line[-1][0][-1], unit[0]):
                advance += style.half_points * 10 // 4  # the space Word and LibreOffice put between 汉字 and Latin
            if used + advance > room and line:
                # kinsoku: a closing mark pulls the last piece of the full line down with it;
                # an opening mark at the end of the line goes down with what it opens
                carried: list[tuple[str, int]] = []
                if unit[0] in NO_LINE_START:
                    carried.append(line.pop())
                while line and line[-1][0][-1] in NO_LINE_END:
                    carried.insert(0, line.pop())
                lines += 1
                room = width
                line = carried
                used = sum(a for _, a in line)
            line.append((unit, advance))
            used += advance
    return lines


def paragraph_height(block: Paragraph, style: Style, profile: Profile, *, fit: bool = False) -> tuple[int, int]:
    """(number of lines, height in twips) of a paragraph, spacing and rules included."""
    page = profile.page
    text_width = page.width - page.left - page.right
    char = style.half_points * 10
    right = style.right_tw + round((block.right_chars or 0) * char)
    if block.hang_chars or block.left_chars:
        first = style.left_tw + style.first_line_tw - style.hanging_tw + round((block.left_chars or 0) * char)
        rest = first + round((block.hang_chars or 0) * char)
    else:
        first = style.left_tw + style.first_line_tw - style.hanging_tw
        rest = style.left_tw
    if fit:
        lines = block.text.count("\n") + 1
    else:
        lines = count_lines(block.text, text_width - first - right, text_width - rest - right, style)
    line = style.line_tw or round(style.half_points * 10 * 1.3)
    height = lines * line + style.before_tw + style.after_tw
    for rule in (style.rule_above, style.rule_below):
        if rule is not None:
            height += rule.space_pt * 20 + rule.eighths * 20 // 8
    return lines, height


def _keeps(blocks: list[Block], profile: Profile) -> list[bool]:
    """For each block, whether it stays on the page of the next one (as the writer marks it)."""
    keeps = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        keeps.append(isinstance(block, Paragraph) and (
            (isinstance(following, Paragraph) and (profile.style(block.style).keep_with_next
                                                  or profile.style(following.style).keep_with_previous))
            or (isinstance(following, TableBlock) and profile.style(block.style).keep_with_next)))
    return keeps


def _block_height(block: Block, profile: Profile) -> int:
    """Height in twips of a letterhead line: a paragraph, or a sized image (a mark image)."""
    if isinstance(block, FigureBlock):
        style = profile.style(block.style or "figure")
        return style.before_tw + round((block.height_cm or 0) * 10 * TWIPS_PER_MM) + style.after_tw
    assert isinstance(block, Paragraph)
    return paragraph_height(block, profile.style(block.style), profile, fit=True)[1]


def header_overflow(blocks: list[Block], profile: Profile) -> int:
    """How far a letterhead (the first page's header) reaches below the top margin, in twips:
    the word processor starts page one's text that much lower."""
    head = next((b for b in blocks if isinstance(b, Letterhead)), None)
    if head is None:
        return 0
    height = HEADER_DISTANCE_TW + sum(_block_height(p, profile) for p in head.top)
    return max(0, height - profile.page.top)


FigureHeight = Callable[[FigureBlock, int], int]
"""A figure's height in twips on a text block of the given width (the picture's own size)."""


def _on_grid(line: int, pitch: int) -> int:
    """A line set closer than the page grid (a table's note at 20 pt) still takes a whole grid
    line, as LibreOffice lays it out; taller lines (the issuer's mark) keep their own height."""
    return pitch if pitch and line < pitch else line


def predict(blocks: list[Block], profile: Profile, figure_height: FigureHeight | None = None) -> Layout:
    """Predict the page count and the last page's used height of ``blocks`` laid out on ``profile``.

    Tables count row by row (:mod:`drafter.docx.tablepages`), figures by ``figure_height`` (not
    counted without it), landscape tables on pages of their own."""
    from drafter.docx.tablepages import first_chunk, landscape_profile, place_table

    page = profile.page
    page_tw = page.height - page.top - page.bottom
    text_width = page.width - page.left - page.right
    keeps = _keeps(blocks, profile)
    heights: dict[int, tuple[int, int, int]] = {}  # index → (lines, line height, extra)
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            style = profile.style(block.style)
            lines, height = paragraph_height(block, style, profile, fit=style.fit_width)
            line = style.line_tw or height // max(lines, 1)
            extra = height - lines * line
            heights[index] = (lines, _on_grid(line, page.line_pitch), extra)
        elif isinstance(block, JointMark):
            # one row per name, each as tall as the name's paragraph
            style = profile.style(block.names[0].style)
            _, one = paragraph_height(block.names[0], style, profile, fit=True)
            heights[index] = (len(block.names), one, 0)
        elif isinstance(block, FigureBlock) and block.height_cm is not None:
            # a sized image (a department's mark): one line as tall as the image, off the grid
            style = profile.style(block.style or "figure")
            heights[index] = (1, round(block.height_cm * 10 * TWIPS_PER_MM), style.before_tw + style.after_tw)
        elif isinstance(block, TableBlock):  # in a chain: what its first page must hold
            heights[index] = (0, first_chunk(block, profile, text_width), 0)
    pages, used = 1, header_overflow(blocks, profile)
    for index, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            pages, used = pages + 1, 0
            continue
        if isinstance(block, TableBlock):
            pages, used = place_table(block, profile, text_width, page_tw, pages, used)
            continue
        if isinstance(block, FigureBlock) and block.height_cm is None and figure_height is not None:
            height = figure_height(block, text_width)
            if used and used + height > page_tw:
                pages, used = pages + 1, 0
            used += height
            continue
        if isinstance(block, Landscape):  # a section of its own: new pages before and after
            turned = predict(list(block.blocks), landscape_profile(profile), figure_height)
            pages, used = pages + turned.pages + 1, 0
            continue
        if index not in heights:
            continue
        lines, line, extra = heights[index]
        if used and (index == 0 or not keeps[index - 1]):
            # the first of a chain of paragraphs kept together: all of it, and the first line of
            # its last paragraph, must fit, or the chain starts the next page
            chain, last = 0, index
            while keeps[last] and last + 1 in heights:
                chain += heights[last][0] * heights[last][1] + heights[last][2]
                last += 1
            chain += heights[last][1] + heights[last][2]
            if used + chain > page_tw and chain <= page_tw:
                pages, used = pages + 1, 0
        if used and used + line + extra > page_tw:
            pages, used = pages + 1, 0
        used += extra
        for _ in range(lines):
            if used + line > page_tw:
                pages, used = pages + 1, 0
            used += line
    return Layout(pages, used, page_tw)
