"""Blocks × style profile → the bytes of a DOCX package (reproducible: fixed zip times and order)."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from drafter.blocks import Block, PageBreak, Paragraph, TableOfContents
from drafter.docx import oxml
from drafter.errors import ProfileError
from drafter.profile import Profile, Style

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
            raise ProfileError(f"the template uses style '{name}', which the style profile does not "
                               f"define; known elements: {known}") from None


def body_xml(blocks: list[Block], profile: Profile, toc: Sequence[TocEntry] = ()) -> str:
    """The ``w:body`` content for a block stream; ``toc`` fills every table of contents."""
    formats = _RunFormats(profile)
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            formats.rpr(block.style, None)  # fail early on an unknown style
            runs = []
            for run in block.runs:
                rpr = formats.rpr(block.style, run.style)
                runs.append(oxml.line_break(rpr) if run.line_break else oxml.run(run.text, rpr))
            out.append(oxml.paragraph(block.style, runs, align=block.align,
                                      indent=_indent(block, profile.style(block.style))))
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


_ALWAYS = ("body", "title", "heading1", "heading2", "heading3", "heading4")


def _used_styles(profile: Profile, blocks: list[Block]) -> Profile:
    """The profile with only the styles the document uses (and body, title, headings for editing).

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
    return replace(profile, styles={name: style for name, style in profile.styles.items() if name in used})


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


def write_docx(blocks: list[Block], profile: Profile, info: DocumentInfo,
               toc: Sequence[TocEntry] = ()) -> bytes:
    """A complete DOCX package for the blocks, styled by the profile.

    ``toc`` is the filled-in table of contents (from LibreOffice's layout, see
    :mod:`drafter.office`); without it a table of contents is a field Word fills when updated.
    """
    levels = max((b.levels for b in blocks if isinstance(b, TableOfContents)), default=0)
    if levels:
        profile = with_toc_styles(profile, levels)
    numbers = profile.page_numbers
    parts: list[tuple[str, str]] = [
        ("[Content_Types].xml", oxml.content_types(footers=numbers.enabled)),
        ("_rels/.rels", oxml.PACKAGE_RELS),
        ("docProps/core.xml", oxml.core_part(info.title, info.author, profile.language, info.stamp)),
        ("docProps/app.xml", oxml.app_part(info.generator)),
        ("word/_rels/document.xml.rels", oxml.document_rels(footers=numbers.enabled)),
        ("word/document.xml", oxml.document_part(body_xml(blocks, profile, toc), profile.page,
                                                 footers=numbers.enabled)),
        ("word/styles.xml", oxml.styles_part(_used_styles(profile, blocks))),
        ("word/settings.xml", oxml.settings_part(even_and_odd=numbers.enabled and numbers.odd != numbers.even,
                                                 language=profile.language)),
    ]
    if numbers.enabled:
        parts.append(("word/footer1.xml", oxml.footer_part(numbers, numbers.odd)))
        parts.append(("word/footer2.xml", oxml.footer_part(numbers, numbers.even)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts:
            entry = zipfile.ZipInfo(name, _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            package.writestr(entry, xml.encode("utf-8"), compresslevel=6)
    return buffer.getvalue()
