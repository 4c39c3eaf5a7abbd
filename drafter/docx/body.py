"""What the body needs beyond paragraphs: footnote numbers, citation links, tables, figures,
landscape sections, and the package parts they bring (footnotes.xml, media, relationships)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from drafter.compose.blocks import Block, JointMark, Paragraph
from drafter.compose.tables import FigureBlock, FootnoteText, Landscape, TableBlock
from drafter.docx import oxml
from drafter.docx.turnedfooter import turned_content_types, turned_parts, turned_relationships
from drafter.docx.figures import EMU_PER_TWIP, figure_paragraph, figure_size, image_defaults, image_relationship
from drafter.docx.notes import (
    FOOTNOTES_TYPE,
    bookmark,
    citation,
    document_with_footnotes,
    footnote_reference,
    footnotes_part,
    landscape_width,
    section_break,
    section_properties,
    settings_with_footnotes,
)
from drafter.docx.profile import Profile
from drafter.errors import ProfileError
from drafter.i18n import _
from drafter.outline.media import Image


def walk(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block, including those inside landscape sections."""
    for block in blocks:
        if isinstance(block, Landscape):
            yield from walk(block.blocks)
        else:
            yield block


def paragraphs_of(block: Block) -> Iterator[Paragraph]:
    """The paragraphs a block holds (a table's cells, a footnote's text)."""
    if isinstance(block, Paragraph):
        yield block
    elif isinstance(block, TableBlock):
        for row in block.rows:
            for cell in row.cells:
                yield cell.paragraph
    elif isinstance(block, FootnoteText):
        yield block.paragraph
    elif isinstance(block, Landscape):
        for inner in block.blocks:
            yield from paragraphs_of(inner)
    elif isinstance(block, JointMark):
        yield from block.names


def styles_of(block: Block) -> set[str]:
    """The profile elements a non-paragraph block uses."""
    used = set()
    if isinstance(block, FigureBlock):
        used.add(block.style or "figure")
    if isinstance(block, TableBlock) and block.styles:
        return set(block.styles)
    for paragraph in paragraphs_of(block):
        used.add(paragraph.style)
        used.update(run.style for run in paragraph.runs if run.style)
    return used


class BodyContent:
    """Numbering and parts for one document's footnotes, citations, figures and landscape pages."""

    def __init__(self, profile: Profile, formats: Any, media: Mapping[str, Image] | None = None,
                 blocks: Iterable[Block] = ()) -> None:
        self.profile = profile
        self.formats = formats
        self.media = media or {}
        self.note_texts: dict[str, Paragraph] = {}
        self.cited: set[str] = set()
        for block in walk(blocks):
            if isinstance(block, FootnoteText):
                self.note_texts.setdefault(block.name, block.paragraph)
            for paragraph in paragraphs_of(block):
                self.cited |= {_anchor(run.cite) for run in paragraph.runs if run.cite}
        self.notes: list[tuple[str, list[str]]] = []
        self.images: list[tuple[str, Image]] = []  # (relationship id, image), one per distinct src
        self._image_ids: dict[str, str] = {}
        self._drawings = 0
        self._bookmarks = 0
        self.landscape = False
        self.turned = False
        """Whether a landscape section with page numbers was written (it needs the turned footers)."""

    # -- runs -------------------------------------------------------------------------------

    def runs(self, paragraph: Paragraph, extra_rpr: str = "") -> list[str]:
        """The ``w:r`` elements of a paragraph: text, line breaks, footnote marks, citations;
        ``extra_rpr`` ends every run's properties (a squeezed mark's ``w:w``)."""
        out = []
        for run in paragraph.runs:
            rpr = self.formats.rpr(paragraph.style, run.style) + extra_rpr
            if run.line_break:
                out.append(oxml.line_break(rpr))
            elif run.note:
                out.append(self._note(run.note, rpr))
            elif run.cite:
                out.append(citation(run.cite.replace(" ", ""), _anchor(run.cite), rpr))
            else:
                out.append(oxml.run(run.text, rpr))
        return out

    def _note(self, name: str, rpr: str) -> str:
        text = self.note_texts.get(name)
        if text is None:
            raise ProfileError(_("footnote mark [^{name}] has no footnote text in the template's output").format(
                                 name=name))
        self.notes.append((text.style, self.runs(text)))
        return footnote_reference(len(self.notes), rpr)

    def bookmark(self, anchor: str, runs: list[str]) -> list[str]:
        """Runs inside a bookmark named ``anchor`` (what citations link to)."""
        self._bookmarks += 1
        return bookmark(self._bookmarks, anchor, runs)

    # -- blocks -----------------------------------------------------------------------------

    def text_width(self) -> int:
        """Width of the text block on the current page, in twips."""
        page = self.profile.page
        return landscape_width(page) if self.landscape else page.width - page.left - page.right

    def block(self, block: Block, render: Callable[[list[Block]], str], *, keep_next: bool) -> str:
        """XML of a table, figure or landscape section; ``render`` writes blocks inside a section."""
        from drafter.docx.tables import table_xml

        if isinstance(block, TableBlock):
            return table_xml(block, self.text_width(), self.runs,
                             lambda style: self.profile.style(style).half_points * 10)
        if isinstance(block, FigureBlock):
            return self._figure(block, keep_next)
        assert isinstance(block, Landscape)
        page = self.profile.page
        numbers = self.profile.footnote_numbers if self.note_texts else None
        footers = self.profile.page_numbers.enabled
        self.turned = self.turned or footers
        before = section_break(section_properties(page, footers=footers, landscape=False, footnotes=numbers))
        self.landscape = True
        try:
            inner = render(list(block.blocks))
        finally:
            self.landscape = False
        after = section_break(section_properties(page, footers=footers, landscape=True, footnotes=numbers))
        return before + inner + after

    def figure_height(self, block: FigureBlock, text_width: int) -> int:
        """The height in twips of a figure's paragraph on a text block ``text_width`` wide: the
        picture's (its paragraph is off the grid; 0 for a file the outline does not have)."""
        image = self.media.get(block.src)
        if image is None:
            return 0
        return figure_size(block, image, text_width)[1] // EMU_PER_TWIP

    def _figure(self, block: FigureBlock, keep_next: bool) -> str:
        image = self.media.get(block.src)
        if image is None:
            raise ProfileError(_("<figure src={src!r}>: the outline has no figure with that file").format(
                                 src=block.src))
        rel = self._image_ids.get(block.src)
        if rel is None:
            rel = self._image_ids[block.src] = f"rIdImage{len(self._image_ids) + 1}"
            self.images.append((rel, image))
        self._drawings += 1
        size = figure_size(block, image, self.text_width())
        style = self.profile.style(block.style or "figure")
        return figure_paragraph(style.name, self._drawings, rel, block.src, size,
                                keep_next or style.keep_with_next, before_tw=style.before_tw,
                                after_tw=style.after_tw)

    # -- package ----------------------------------------------------------------------------

    def has_parts(self) -> bool:
        """Whether the document needs parts beyond the ones every document has."""
        return bool(self.notes or self.images or self.turned)

    def package(self, parts: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        """The package's parts with footnotes and media added (content types, relationships)."""
        out = []
        for name, data in parts:
            if name == "[Content_Types].xml":
                extra = image_defaults([image for _, image in self.images])
                if self.turned:
                    extra += turned_content_types()
                if self.notes:
                    extra += f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/>'
                data = data.decode("utf-8").replace("</Types>", extra + "</Types>").encode("utf-8")
            elif name == "word/_rels/document.xml.rels":
                extra = "".join(image_relationship(rel, f"media/image{n}.{image.extension}")
                                for n, (rel, image) in enumerate(self.images, 1))
                if self.turned:
                    extra += turned_relationships()
                if self.notes:
                    extra += ('<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                              'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
                data = data.decode("utf-8").replace("</Relationships>", extra + "</Relationships>").encode("utf-8")
            elif name == "word/document.xml" and self.notes:
                data = document_with_footnotes(data.decode("utf-8"), self.profile.footnote_numbers).encode("utf-8")
            elif name == "word/settings.xml" and self.notes:
                data = settings_with_footnotes(data.decode("utf-8"), self.profile.footnote_numbers).encode("utf-8")
            out.append((name, data))
        if self.notes:
            mark = self.formats.rpr("footnote", None)
            out.append(("word/footnotes.xml", footnotes_part(self.notes, mark).encode("utf-8")))
        if self.turned:
            out.extend(turned_parts(self.profile.page_numbers, self.profile.page))
        for n, (_, image) in enumerate(self.images, 1):
            out.append((f"word/media/image{n}.{image.extension}", image.data))
        return out


def _anchor(cite: str) -> str:
    """The bookmark a citation links to: its first reference (ref3 for [@3-5])."""
    first = cite.replace("，", ",").replace("、", ",").split(",")[0].split("-")[0].strip()
    return f"ref{first}"
