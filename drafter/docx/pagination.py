"""drafter's own page layout prediction on the fixed grid: how many pages, how full the last one is.

GB/T 9704 text is set on a fixed grid (every line exactly ``line_pitch`` high, every full-width
character one advance wide), so the page count can be known without a word processor: a 公文's
版记 must land on an even page, and only drafter can put the blank page before it in a way that
holds in Word and in LibreOffice alike. The model: lines break greedily at the line width, a
closing punctuation mark never starts a line (it pulls the character before it down), Latin
letters and digits are half an advance wide, a ``keep_with_next`` paragraph moves to the next
page when the first line of what follows would not fit, and a page break starts a new page.
tests/test_gongwen.py checks the prediction against LibreOffice's PDF.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from drafter.compose.blocks import Block, PageBreak, Paragraph, TableOfContents
from drafter.docx.profile import Profile, Style

NO_LINE_START = set("，。、；：？！）］｝〕〉》」』】”’…—·%‰℃")
"""Characters a Chinese line never starts with (GB/T 15834 practice, Word's and LibreOffice's kinsoku)."""


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


def count_lines(text: str, first_width: int, width: int, style: Style) -> int:
    """Lines a paragraph of ``text`` takes: the first line ``first_width`` wide, the rest ``width``."""
    lines = 0
    for segment in text.split("\n"):
        lines += 1
        room = first_width if lines == 1 else width
        used = 0
        previous = ""
        for char in segment:
            if char == "\t":  # a tab to a right stop: the rest sits on this line
                break
            advance = char_width(char, style)
            if used + advance > room:
                lines += 1
                room = width
                # kinsoku: a closing mark pulls the last character of the full line down with it
                used = char_width(previous, style) if char in NO_LINE_START and previous else 0
            used += advance
            previous = char
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


def predict(blocks: list[Block], profile: Profile) -> Layout:
    """Predict the page count and the last page's used height of ``blocks`` laid out on ``profile``."""
    page = profile.page
    page_tw = page.height - page.top - page.bottom
    pages, used = 1, 0
    paragraphs = list(blocks)
    for index, block in enumerate(paragraphs):
        if isinstance(block, PageBreak):
            pages, used = pages + 1, 0
            continue
        if isinstance(block, TableOfContents) or not isinstance(block, Paragraph):
            continue
        style = profile.style(block.style)
        lines, height = paragraph_height(block, style, profile, fit=style.fit_width)
        line = style.line_tw or height // max(lines, 1)
        extra = height - lines * line  # spacing and rules, laid out with the first and last lines
        if used and used + line + extra > page_tw:
            pages, used = pages + 1, 0
        if style.keep_with_next and used:
            following = next((b for b in paragraphs[index + 1:] if isinstance(b, Paragraph)), None)
            if following is not None:
                next_style = profile.style(following.style)
                next_line = (next_style.line_tw or line) + next_style.before_tw
                if used + height + next_line > page_tw and height + next_line <= page_tw:
                    pages, used = pages + 1, 0
        used += extra
        for _ in range(lines):
            if used + line > page_tw:
                pages, used = pages + 1, 0
            used += line
    return Layout(pages, used, page_tw)
