"""Blocks × style profile → the bytes of a DOCX package (reproducible: fixed zip times and order)."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from drafter.compose.blocks import Block, JointMark, Letterhead, PageBreak, Paragraph, Record, TableOfContents
from drafter.compose.tables import FigureBlock, FootnoteText, Landscape, TableBlock
from drafter.docx import oxml, record
from drafter.docx.body import BodyContent, styles_of
from drafter.docx.figures import image_relationship
from drafter.docx.jointmark import joint_mark_xml
from drafter.docx.profile import Profile, Style
from drafter.errors import ProfileError
from drafter.i18n import _
from drafter.outline.media import Image

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DocumentInfo:
    """Core properties of the package."""

    title: str
    author: str = ""
    stamp: str = "2000-01-01T00:00:00Z"
    generator: str = ""


@dataclass(frozen=True)
class TocEntry:
    """One line of a filled table of contents: heading level, heading text, page number."""

    level: int
    text: str
    page: str


TOC_PLACEHOLDER = "（目录：在 Word 中右键“更新域”，或用 drafter render --update-fields）"


class _RunFormats:
    """Run properties per (paragraph style, span style), built once per document."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    @lru_cache(maxsize=None)  # noqa: B019 - one instance per document
    def rpr(self, paragraph_style: str, span_style: str | None) -> str:
        if span_style is None or span_style == paragraph_style:
            return oxml.run_properties(self._style(paragraph_style))
        return oxml.run_properties(self._style(span_style), char_style=oxml.style_id(span_style) + "Char")

    def _style(self, name: str):  # type: ignore[no-untyped-def]
        try:
            return self.profile.style(name)
        except KeyError:
            known = ", ".join(self.profile.styles)
            raise ProfileError(_("the template uses style '{name}', which the style profile does not define; known "
                                 "elements: {known}").format(name=name, known=known)) from None


class _ProfileParts:
    """What a package takes from its profile alone, built once per profile and reused.

    A batch renders many documents with one profile: their run properties, settings, footers
    and styles (per set of styles used) are the same, so they are built and encoded once.
    """

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.formats = _RunFormats(profile)
        numbers = profile.page_numbers
        self.footers = numbers.enabled
        self.head: list[tuple[str, bytes]] = [
            ("[Content_Types].xml", oxml.content_types(footers=numbers.enabled).encode("utf-8")),
            ("_rels/.rels", oxml.PACKAGE_RELS.encode("utf-8")),
        ]
        self.rels = oxml.document_rels(footers=numbers.enabled).encode("utf-8")
        self.tail: list[tuple[str, bytes]] = [
            ("word/settings.xml", oxml.settings_part(even_and_odd=numbers.enabled and numbers.odd != numbers.even,
                                                     language=profile.language).encode("utf-8")),
        ]
        if numbers.enabled:
            self.tail.append(("word/footer1.xml", oxml.footer_part(numbers, numbers.odd).encode("utf-8")))
            self.tail.append(("word/footer2.xml", oxml.footer_part(numbers, numbers.even).encode("utf-8")))
        self._styles: dict[frozenset[str], bytes] = {}
        self._with_toc: dict[int, Profile] = {}

    def styles(self, used: frozenset[str]) -> bytes:
        """``word/styles.xml`` holding only the styles named in ``used``."""
        data = self._styles.get(used)
        if data is None:
            subset = replace(self.profile, styles={n: s for n, s in self.profile.styles.items() if n in used})
            data = self._styles[used] = oxml.styles_part(subset).encode("utf-8")
        return data

    def with_toc(self, levels: int) -> Profile:
        """:func:`with_toc_styles` of this profile (the same object every time, so it is cached too)."""
        if levels not in self._with_toc:
            self._with_toc[levels] = with_toc_styles(self.profile, levels)
        return self._with_toc[levels]


_PARTS: dict[int, _ProfileParts] = {}
_PARTS_KEPT = 16


def _profile_parts(profile: Profile) -> _ProfileParts:
    """The cached :class:`_ProfileParts` of ``profile`` (by identity: profiles are immutable)."""
    parts = _PARTS.get(id(profile))
    if parts is None or parts.profile is not profile:
        if len(_PARTS) >= _PARTS_KEPT:
            _PARTS.clear()
        parts = _PARTS[id(profile)] = _ProfileParts(profile)
    return parts


def body_xml(blocks: list[Block], profile: Profile, toc: Sequence[TocEntry] = (),
             content: BodyContent | None = None) -> str:
    """The ``w:body`` content for a block stream; ``toc`` fills every table of contents.

    ``content`` carries what tables, figures, footnotes and citations need (images, numbering);
    without it the blocks are paragraphs, page breaks and tables of contents only.
    """
    formats = _profile_parts(profile).formats
    content = content or BodyContent(profile, formats)
    out = []
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            out.append(_paragraph_xml(block, formats, profile, _next_keeps_with_previous(blocks, index, profile),
                                      content))
        elif isinstance(block, (TableBlock, FigureBlock, Landscape)):
            out.append(content.block(block, lambda inner: body_xml(inner, profile, toc, content),
                                     keep_next=_next_keeps_with_previous(blocks, index, profile)))
        elif isinstance(block, FootnoteText):
            continue  # written to the footnotes part
        elif isinstance(block, Record):
            rows = [_paragraph_xml(line, formats, profile, False, content) for line in block.lines]
            placement = record.place(blocks[:index], block, profile, content.figure_height)
            out.append(record.record_xml(block, placement, profile, rows) + oxml.closing_paragraph())
        elif isinstance(block, JointMark):
            out.append(joint_mark_xml(block, profile, content.runs, lambda style: formats.rpr(style, None)))
        elif isinstance(block, PageBreak):
            out.append(oxml.page_break())
        elif isinstance(block, TableOfContents):
            instruction = f'{oxml.TOC_INSTRUCTION}\\o "1-{block.levels}" \\h \\z \\u'
            shown = [e for e in toc if 1 <= e.level <= block.levels]
            if shown:
                rpr = {f"toc{e.level}": formats.rpr(f"toc{e.level}", None) for e in shown}
                width = profile.page.width - profile.page.left - profile.page.right
                out.append(oxml.toc_field(instruction, [(f"toc{e.level}", e.text, e.page) for e in shown],
                                          rpr, width))
            else:
                field = oxml.field(instruction, TOC_PLACEHOLDER, formats.rpr("body", None), dirty=True)
                out.append(oxml.paragraph("body", [field]))
    return "".join(out)


def _paragraph_xml(block: Paragraph, formats: _RunFormats, profile: Profile, keep_next: bool,
                   content: BodyContent) -> str:
    formats.rpr(block.style, None)  # fail early on an unknown style
    style = profile.style(block.style)
    scale = record.fit_scale(block, style, profile) if style.fit_width else None
    runs = content.runs(block, f'<w:w w:val="{scale}"/>' if scale is not None else "")
    if block.anchor and block.anchor in content.cited:
        runs = content.bookmark(block.anchor, runs)
    right = style.right_tw + round(block.right_chars * style.half_points * 10) if block.right_chars else None
    return oxml.paragraph(block.style, runs, align=block.align, indent=_indent(block, style),
                          keep_next=keep_next, right_tw=right)


def _next_keeps_with_previous(blocks: list[Block], index: int, profile: Profile) -> bool:
    """Whether the block after ``blocks[index]`` asks to stay on the same page as it."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return isinstance(following, Paragraph) and profile.style(following.style).keep_with_previous


_ALWAYS = ("body", "title", "heading1", "heading2", "heading3", "heading4")


def _used_styles(blocks: list[Block]) -> frozenset[str]:
    """The styles a document uses (and body, title, headings for editing).

    A profile holds the elements of every kind; writing them all would fill Word's style
    gallery of a speech with article and minutes styles.
    """
    used = set(_ALWAYS)
    for block in blocks:
        if isinstance(block, Paragraph):
            used.add(block.style)
            used.update(run.style for run in block.runs if run.style)
        elif isinstance(block, TableOfContents):
            used.update(f"toc{level}" for level in range(1, block.levels + 1))
        elif isinstance(block, (Record, Letterhead)):
            lines = block.lines if isinstance(block, Record) else block.top + block.foot
            used.update(line.style or "figure" for line in lines)  # a letter's mark image: its style
            used.update(run.style for line in lines if isinstance(line, Paragraph) for run in line.runs if run.style)
        else:
            used.update(styles_of(block))
    return frozenset(used)


def _indent(block: Paragraph, style: Style) -> tuple[int, int, int] | None:
    """(left, hanging) in twips and the hang in hundredths of a character, for a paragraph
    with ``left``/``hang`` attributes; None without them.

    The first line starts where the element's first line starts, plus ``left`` characters;
    wrapped lines start ``hang`` characters after that. Characters are the element's size.
    """
    if not block.hang_chars and not block.left_chars:
        return None
    char_tw = style.half_points * 10
    start = style.left_tw + style.first_line_tw - style.hanging_tw + round((block.left_chars or 0) * char_tw)
    hang = round((block.hang_chars or 0) * char_tw)
    return start + hang, hang, round((block.hang_chars or 0) * 100)


def with_toc_styles(profile: Profile, levels: int) -> Profile:
    """The profile with entry styles toc1…toc<levels> (Word's "toc N"), where it lacks them.

    An entry looks like body text without the first-line indent, each level two characters
    further in; a profile may define its own ``tocN`` elements instead.
    """
    body = profile.style("body")
    char_tw = body.half_points * 10
    added: dict[str, Style] = {}
    for level in range(1, levels + 1):
        name = f"toc{level}"
        if name not in profile.styles:
            added[name] = dataclasses.replace(
                body, name=name, align="left", first_line_tw=0, first_line_chars=0,
                left_tw=(level - 1) * 2 * char_tw, hanging_tw=0, keep_with_next=False, level=None)
    if not added:
        return profile
    return dataclasses.replace(profile, styles={**profile.styles, **added})


def _with_blank_footer(head: list[tuple[str, bytes]], rels: bytes,
                       tail: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], bytes, list[tuple[str, bytes]]]:
    """The package parts with the empty footer of an unnumbered last section added."""
    types = [(name, data.replace(b"</Types>", oxml.blank_footer_type().encode() + b"</Types>"))
             if name == "[Content_Types].xml" else (name, data) for name, data in head]
    rels = rels.replace(b"</Relationships>", oxml.blank_footer_rel().encode() + b"</Relationships>")
    return types, rels, [*tail, (oxml.BLANK_FOOTER_PART, oxml.blank_footer_part().encode("utf-8"))]


def _with_letterhead(letterhead: Letterhead, profile: Profile, document: str, head: list[tuple[str, bytes]],
                     rels: bytes, tail: list[tuple[str, bytes]],
                     content: BodyContent) -> tuple[str, list[tuple[str, bytes]], bytes, list[tuple[str, bytes]]]:
    """The package with page one's own header and footer (a letter's mark, or its image, and
    double rules); ``content`` holds the document's images (a mark image joins them)."""
    formats = _profile_parts(profile).formats

    def xml(block: Block) -> str:
        if isinstance(block, FigureBlock):
            return content.block(block, lambda inner: "", keep_next=False)
        return _paragraph_xml(block, formats, profile, False, content)

    top = "".join(xml(p) for p in letterhead.top)
    foot = "".join(xml(p) for p in letterhead.foot)
    start = document.index("<w:sectPr>")
    end = document.index("</w:sectPr>", start) + len("</w:sectPr>")
    # the lower double rule hangs 1 mm below the footer's bottom: the footer goes 19 mm up
    footer = round(19 * 1440 / 25.4)
    document = document[:start] + oxml.with_first_page(document[start:end], footer) + document[end:]
    numbers = profile.page_numbers
    if numbers.enabled and profile.page.footer > footer:
        # the later pages' numbers stay where every document has them (7 mm below the text
        # block): their footers are lifted by what the section's footer distance gave up
        lifted = {"word/footer1.xml": oxml.footer_part(numbers, numbers.odd, profile.page.footer - footer),
                  "word/footer2.xml": oxml.footer_part(numbers, numbers.even, profile.page.footer - footer)}
        tail = [(name, lifted[name].encode("utf-8")) if name in lifted else (name, data) for name, data in tail]
    head = [(name, data.replace(b"</Types>", oxml.first_page_types().encode() + b"</Types>"))
            if name == "[Content_Types].xml" else (name, data) for name, data in head]
    rels = rels.replace(b"</Relationships>", oxml.first_page_rels().encode() + b"</Relationships>")
    tail = [*tail, (oxml.FIRST_HEADER_PART, oxml.header_footer_part("hdr", top).encode("utf-8")),
            (oxml.FIRST_FOOTER_PART, oxml.header_footer_part("ftr", foot).encode("utf-8"))]
    if content.images:  # the header's own relationships to the images it shows
        tail.append((oxml.FIRST_HEADER_RELS, oxml.relationships_part(
            "".join(image_relationship(rel, f"media/image{n}.{image.extension}")
                    for n, (rel, image) in enumerate(content.images, 1))).encode("utf-8")))
    return document, head, rels, tail


def write_docx(blocks: list[Block], profile: Profile, info: DocumentInfo,
               toc: Sequence[TocEntry] = (), media: Mapping[str, Image] | None = None) -> bytes:
    """A complete DOCX package for the blocks, styled by the profile.

    ``toc`` is the filled-in table of contents (from LibreOffice's layout, see
    :mod:`drafter.office.libreoffice`); without it a table of contents is a field Word fills when updated.
    ``media`` holds the images figures may show, by the name their ``src`` gives.
    """
    levels = max((b.levels for b in blocks if isinstance(b, TableOfContents)), default=0)
    if levels:
        profile = _profile_parts(profile).with_toc(levels)
    cached = _profile_parts(profile)
    content = BodyContent(profile, cached.formats, media or {}, blocks)
    body = body_xml(blocks, profile, toc, content)
    # a record on a page of its own ends the document with a section without page numbers
    blank_footer = cached.footers and any(isinstance(b, Record) for b in blocks) and oxml.has_section_break(body)
    document = oxml.document_part(body, profile.page, footers=cached.footers, blank_footer=blank_footer)
    head, rels, tail = cached.head, cached.rels, cached.tail
    if blank_footer:
        head, rels, tail = _with_blank_footer(head, rels, tail)
    letterhead = next((b for b in blocks if isinstance(b, Letterhead)), None)
    if letterhead is not None:
        document, head, rels, tail = _with_letterhead(letterhead, profile, document, head, rels, tail, content)
    parts: list[tuple[str, bytes]] = [
        *head,
        ("docProps/core.xml", oxml.core_part(info.title, info.author, profile.language, info.stamp).encode("utf-8")),
        ("docProps/app.xml", oxml.app_part(info.generator).encode("utf-8")),
        ("word/_rels/document.xml.rels", rels),
        ("word/document.xml", document.encode("utf-8")),
        ("word/styles.xml", cached.styles(_used_styles(blocks))),
        *tail,
    ]
    if content.has_parts():
        parts = content.package(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            entry = zipfile.ZipInfo(name, _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            package.writestr(entry, data, compresslevel=6)
    return buffer.getvalue()
