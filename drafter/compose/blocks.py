"""The block stream: what templates emit, parsed into typed paragraphs and runs.

Templates write a tiny markup (documented in the README for department template authors)::

    <p style="heading1">一、标题</p>
    <p style="body"><span style="lead">（一）要点。</span>正文……</p>
    <p style="attendance" hang="3"><span style="label">出席：</span>张三、李四</p>
    <p style="attachment" left="3" hang="1">2. 附件名称</p>
    <p style="english_abstract" lang="en"><span style="english_label">Abstract: </span>…</p>
    <blank/>            an empty line (one line of the grid)
    <pagebreak/>        start a new page
    <toc/>              a table of contents field
    <record><p …/>…</record>   the 版记 of a 公文: its lines at the foot of an even last page
                        (rules="no": without separator rules, as a letter's)
    <letterhead><p …/>…</letterhead>  the first page's header (信函格式: mark and double rules)
    <jointmark suffix="文件"><p …/>…</jointmark>  joint issuers' names stacked, the suffix right of
                        them and centred on them (GB/T 9704 §7.2.3)

``style`` names an element of the style profile. Outline text arrives escaped, so it can
never add markup. Whitespace between blocks is ignored; a paragraph's text is trimmed.

Attributes of ``<p>``:

``align``  left, center, right, justify or distribute, overriding the element's alignment.
``left``   extra indent of the whole paragraph, in characters, added to where the element's
           first line starts (its left plus first-line indent).
``right``  extra right indent in characters, added to the element's own (a signature centred
           over a sealed date).
``hang``   wrapped lines start this many characters after the first line (a hanging indent):
           ``hang="3"`` after "出席：" aligns names that wrap under the first name.
``lang``   ``en`` leaves the text as typed (no Chinese punctuation conversion) — for English
           titles, abstracts and keywords inside a Chinese document; ``zh`` converts even in an
           English kind. ``<span lang="…">`` does the same for part of a paragraph, and a span
           inherits its paragraph's language.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from drafter.compose.tables import FigureBlock, FootnoteText, Landscape, TableBlock, parse_content_block
from drafter.errors import TemplateError
from drafter.i18n import _
from drafter.text.typography import join_lines, normalise_punctuation


@dataclass(frozen=True)
class Run:
    """Text in one look: ``style`` is a profile element used as a character style, or None."""

    text: str
    style: str | None = None
    line_break: bool = False
    note: str | None = None
    """The name of the footnote whose reference mark this run is (outline text: [^name])."""
    cite: str | None = None
    """A citation of the references list this run is (outline text: [@3], [@1,4], [@2-5])."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph in the look of profile element ``style``."""

    style: str
    runs: tuple[Run, ...]
    align: str | None = None
    hang_chars: float | None = None
    left_chars: float | None = None
    right_chars: float | None = None
    anchor: str | None = None
    """A bookmark name citations link to (``anchor="ref3"``)."""

    @property
    def text(self) -> str:
        """The paragraph's text as a reader sees it."""
        return "".join("\n" if r.line_break else r.text for r in self.runs)


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class TableOfContents:
    """A table-of-contents field over the heading levels ``levels``."""

    levels: int = 2


@dataclass(frozen=True)
class Record:
    """The 版记 of an official document: lines set between rules at the foot of an even last page."""

    lines: tuple[Paragraph, ...]
    rules: bool = True
    """False for a letter's record: 抄送 alone, without separator rules."""


@dataclass(frozen=True)
class Letterhead:
    """The first page's header and footer of a letter (信函格式): ``top`` in the header, ``foot``
    in the footer; the first page carries no page number."""

    top: tuple[Paragraph, ...]
    foot: tuple[Paragraph, ...]


@dataclass(frozen=True)
class JointMark:
    """Joint issuers' mark: ``names`` stacked one a line, ``suffix`` (文件) once, right of them and
    vertically centred on them; names and suffix in the style of the first name."""

    names: tuple[Paragraph, ...]
    suffix: str


Block = (Paragraph | PageBreak | TableOfContents | Record | Letterhead | JointMark
         | TableBlock | FigureBlock | FootnoteText | Landscape)

_ALIGNS = {"left", "center", "right", "justify", "distribute"}


def parse_blocks(markup: str, template: str, *, chinese: bool) -> list[Block]:
    """Parse template output into blocks; ``chinese`` makes punctuation full-width in the text."""
    try:
        root = ET.fromstring(f"<blocks>{markup}</blocks>")
    except ET.ParseError as exc:
        line = exc.position[0]
        raise TemplateError(template, None, _("the template's output is not valid block markup (output line {line}): {reason}").format(
                                              line=line, reason=exc)) from None
    if root.text and root.text.strip():
        _stray(template, root.text)
    blocks: list[Block] = []
    for element in root:
        blocks.append(_block(element, template, chinese))
        if element.tail and element.tail.strip():
            _stray(template, element.tail)
    return blocks


def _stray(template: str, text: str) -> None:
    snippet = text.strip()[:30]
    raise TemplateError(template, None, _("text outside a <p> element in the template's output: {snippet!r}; wrap it in <p "
                                          "style=\"body\">…</p>").format(snippet=snippet))


def _block(element: ET.Element, template: str, chinese: bool) -> Block:
    tag = element.tag
    if tag == "pagebreak":
        return PageBreak()
    if tag == "toc":
        levels = element.get("levels", "2")
        if not (levels.isdigit() and 1 <= int(levels) <= 9):
            raise TemplateError(template, None, _("<toc levels={levels!r}/>: levels is a whole number from 1 to 9").format(
                                                  levels=levels))
        return TableOfContents(int(levels))
    if tag == "blank":
        return Paragraph("blank", ())
    if tag in _CONTENT_TAGS:
        return parse_content_block(element, template, chinese)
    if tag == "record":
        lines = tuple(_block(child, template, chinese) for child in element)
        if not lines or not all(isinstance(line, Paragraph) for line in lines):
            raise TemplateError(template, None, _("<record> holds one or more <p> lines and nothing else"))
        rules = element.get("rules", "yes")
        if rules not in ("yes", "no"):
            raise TemplateError(template, None, _("<record rules=\"{rules}\">: use rules=\"yes\" or rules=\"no\"").format(
                                                  rules=rules))
        return Record(lines, rules == "yes")  # type: ignore[arg-type]
    if tag == "jointmark":
        names = tuple(_block(child, template, chinese) for child in element)
        if len(names) < 2 or not all(isinstance(n, Paragraph) for n in names):
            raise TemplateError(template, None, _("<jointmark> holds two or more <p> lines (the issuers' names)"))
        return JointMark(names, element.get("suffix", ""))  # type: ignore[arg-type]
    if tag == "letterhead":
        parts: dict[str, tuple[Paragraph, ...]] = {"top": (), "foot": ()}
        for child in element:
            if child.tag not in parts:
                raise TemplateError(template, None, _("<letterhead> holds <top> and <foot>, each of <p> lines"))
            parts[child.tag] = tuple(_block(p, template, chinese) for p in child)  # type: ignore[misc]
        return Letterhead(parts["top"], parts["foot"])
    if tag != "p":
        raise TemplateError(template, None, _("unknown block <{tag}> in the template's output; use <p>, <blank/>, <pagebreak/>, "
                                              "<toc/>, <record>, <letterhead>, <jointmark>, <table>, <figure/>, <footnote> or "
                                              "<landscape>").format(tag=tag))
    return _paragraph(element, "body", template, chinese)


def _paragraph(element: ET.Element, default_style: str, template: str, chinese: bool) -> Paragraph:
    """A paragraph from a ``<p>`` (or a ``<td>`` or ``<footnote>``, which hold text the same way;
    a cell's ``align`` is the cell's, read by :mod:`drafter.compose.tables`)."""
    style = element.get("style", default_style)
    align = element.get("align") if element.tag != "td" else None
    if align is not None and align not in _ALIGNS:
        raise TemplateError(template, None, _("align={align!r} on <p style=\"{style}\">: use one of {value}").format(
                                              align=align, style=style, value=', '.join(sorted(_ALIGNS))))
    hang = _chars(element, "hang", template)
    left = _chars(element, "left", template)
    right = _chars(element, "right", template)
    runs = _runs(element, None, template, _language(element, chinese, template))
    anchor = element.get("anchor")
    if anchor is not None and not _ANCHOR.fullmatch(anchor):
        raise TemplateError(template, None, _("anchor=\"{anchor}\": letters and digits, starting with a letter").format(
                                              anchor=anchor))
    return Paragraph(style, _trim(runs), align, hang, left, right, anchor)


def _chars(element: ET.Element, name: str, template: str) -> float | None:
    """A length attribute in characters (``hang="3"``), or None when absent."""
    value = element.get(name)
    if not value:
        return None
    try:
        chars = float(value)
    except ValueError:
        chars = -1.0
    if not 0 <= chars <= 40:
        raise TemplateError(template, None, _("{name}=\"{value}\" on <{tag}>: give a number of characters from 0 to 40").format(
                                              name=name, value=value, tag=element.tag))
    return chars


def _language(element: ET.Element, chinese: bool, template: str) -> bool:
    """Whether text inside ``element`` gets Chinese punctuation (its ``lang``, else the parent's)."""
    lang = element.get("lang")
    if lang is None:
        return chinese
    if lang.lower().startswith("en"):
        return False
    if lang.lower().startswith("zh"):
        return True
    raise TemplateError(template, None, _("lang=\"{lang}\" on <{tag}>: use lang=\"en\" (text left as typed) or lang=\"zh\" (Chinese "
                                          "punctuation)").format(lang=lang, tag=element.tag))


def _runs(element: ET.Element, style: str | None, template: str, chinese: bool) -> list[Run]:
    runs: list[Run] = []

    def text_run(text: str | None, run_style: str | None) -> None:
        if text:
            text = join_lines(text) if "\n" in text.strip() else text
            for piece, note, cite in split_marks(text):
                if note or cite:
                    runs.append(Run("", run_style, note=note, cite=cite))
                else:
                    runs.append(Run(normalise_punctuation(piece) if chinese else piece, run_style))

    text_run(element.text, style)
    for child in element:
        if child.tag == "span":
            runs.extend(_runs(child, child.get("style", style), template,
                              _language(child, chinese, template)))
        elif child.tag == "br":
            runs.append(Run("", style, line_break=True))
        else:
            raise TemplateError(template, None, _("<{tag}> inside a paragraph; use <span> or <br/>").format(
                                                  tag=child.tag))
        text_run(child.tail, style)
    return runs


def _trim(runs: list[Run]) -> tuple[Run, ...]:
    """Trim whitespace at the outer edges of a paragraph's text and drop empty runs."""
    if runs and not runs[0].line_break:
        first = runs[0]
        runs[0] = Run(first.text.lstrip(), first.style, False, first.note, first.cite)
    if runs and not runs[-1].line_break:
        last = runs[-1]
        runs[-1] = Run(last.text.rstrip(), last.style, False, last.note, last.cite)
    return tuple(r for r in runs if r.line_break or r.text or r.note or r.cite)


_MARKS = re.compile(r"\[\^([^\[\]\s]{1,40})\]|\[@(\d{1,4}(?:\s*[,，、-]\s*\d{1,4})*)\]")


def split_marks(text: str) -> list[tuple[str, str | None, str | None]]:
    """Text cut at footnote marks [^name] and citations [@3]: (text, note name, citation) pieces."""
    if "[" not in text:
        return [(text, None, None)]
    pieces: list[tuple[str, str | None, str | None]] = []
    last = 0
    for match in _MARKS.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], None, None))
        pieces.append(("", match.group(1), match.group(2)))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], None, None))
    return pieces


_ANCHOR = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,38}")
_CONTENT_TAGS = {"table", "figure", "footnote", "landscape"}
