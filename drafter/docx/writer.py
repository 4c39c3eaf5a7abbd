"""Blocks × style profile → the bytes of a DOCX package (reproducible: fixed zip times and order)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from drafter.blocks import Block, PageBreak, Paragraph, TableOfContents
from drafter.docx import oxml
from drafter.errors import ProfileError
from drafter.profile import Profile

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DocumentInfo:
    """Core properties of the package."""

    title: str
    author: str = ""
    stamp: str = "2000-01-01T00:00:00Z"
    generator: str = ""


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


class _ProfileParts:
    """What a package takes from its profile alone, built once per profile and reused.

    A batch renders many documents with one profile: their styles, settings, footers and
    run properties are the same, so they are built (and encoded) only for the first.
    """

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.formats = _RunFormats(profile)
        self.body_char_tw = profile.style("body").half_points * 10
        numbers = profile.page_numbers
        self.footers = numbers.enabled
        self.head: list[tuple[str, bytes]] = [
            ("[Content_Types].xml", oxml.content_types(footers=numbers.enabled).encode("utf-8")),
            ("_rels/.rels", oxml.PACKAGE_RELS.encode("utf-8")),
        ]
        self.rels = oxml.document_rels(footers=numbers.enabled).encode("utf-8")
        self.tail: list[tuple[str, bytes]] = [
            ("word/styles.xml", oxml.styles_part(profile).encode("utf-8")),
            ("word/settings.xml", oxml.settings_part(even_and_odd=numbers.enabled and numbers.odd != numbers.even,
                                                     language=profile.language).encode("utf-8")),
        ]
        if numbers.enabled:
            self.tail.append(("word/footer1.xml", oxml.footer_part(numbers, numbers.odd).encode("utf-8")))
            self.tail.append(("word/footer2.xml", oxml.footer_part(numbers, numbers.even).encode("utf-8")))


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


def body_xml(blocks: list[Block], profile: Profile) -> str:
    """The ``w:body`` content for a block stream."""
    parts = _profile_parts(profile)
    formats = parts.formats
    body_char_tw = parts.body_char_tw
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            formats.rpr(block.style, None)  # fail early on an unknown style
            runs = []
            for run in block.runs:
                rpr = formats.rpr(block.style, run.style)
                runs.append(oxml.line_break(rpr) if run.line_break else oxml.run(run.text, rpr))
            hang = round(block.hang_chars * body_char_tw) if block.hang_chars else None
            out.append(oxml.paragraph(block.style, runs, align=block.align, hang_tw=hang))
        elif isinstance(block, PageBreak):
            out.append(oxml.page_break())
        elif isinstance(block, TableOfContents):
            rpr = formats.rpr("body", None)
            instruction = f'TOC \\o "1-{block.levels}" \\h \\z \\u'
            field = oxml.field(instruction, "（目录：在 Word 中右键“更新域”，或用 drafter render --update-fields）",
                               rpr, dirty=True)
            out.append(oxml.paragraph("body", [field]))
    return "".join(out)


def write_docx(blocks: list[Block], profile: Profile, info: DocumentInfo) -> bytes:
    """A complete DOCX package for the blocks, styled by the profile."""
    cached = _profile_parts(profile)
    document = oxml.document_part(body_xml(blocks, profile), profile.page, footers=cached.footers)
    parts: list[tuple[str, bytes]] = [
        *cached.head,
        ("docProps/core.xml", oxml.core_part(info.title, info.author, profile.language, info.stamp).encode("utf-8")),
        ("docProps/app.xml", oxml.app_part(info.generator).encode("utf-8")),
        ("word/_rels/document.xml.rels", cached.rels),
        ("word/document.xml", document.encode("utf-8")),
        *cached.tail,
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            entry = zipfile.ZipInfo(name, _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            package.writestr(entry, data, compresslevel=6)
    return buffer.getvalue()
