"""Read a source document into paragraphs: plain text, Markdown, DOCX, and through them
old Word and WPS files (LibreOffice converts them to DOCX), PDF (its text layer read as
plain text) and saved web pages.

Every reader returns :class:`Para` items in document order. Plain text keeps one item per
line (blank lines included, as empty items) because line breaks carry meaning there (hard
wrapping, paragraph ends); Markdown, DOCX and HTML already know their paragraphs and bring
what their markup says (heading level, title, run-in lead sentence, a page's navigation).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.i18n import _, ngettext
from drafter.markdown.reader import Block
from drafter.outline.yamlfile import YamlDocument

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".doc", ".wps", ".rtf", ".odt", ".fodt", ".pdf", ".html", ".htm")
_OFFICE_SUFFIXES = (".doc", ".wps", ".rtf", ".odt", ".fodt")
"""Formats LibreOffice converts to DOCX for the DOCX reader."""
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The signature of an OLE compound file (Word 97–2003 .doc, WPS Writer .wps)."""


class ExtractError(DrafterError):
    """A source document that cannot be read or turned into an outline."""


@dataclass(frozen=True)
class Para:
    """One paragraph (or, for plain text before joining, one line) of the source."""

    text: str
    line: int
    """1-based line (text, Markdown) or paragraph number (DOCX) where it starts."""
    role: str | None = None
    """What the markup says it is: title, subtitle, speaker, date, salutation, closing, heading, signature."""
    level: int | None = None
    """Heading level from the markup (Markdown #, DOCX heading style or outline level)."""
    lead: str | None = None
    """Run-in lead sentence at the start of ``text`` (DOCX character style Lead…Char)."""
    indent: int = 0
    """Width of the white space the line started with (plain text: an indented paragraph start,
    or a new text box or page in PDF copies)."""
    raw: str | None = None
    """The text before punctuation was normalised (kept for English and references)."""
    lead_role: str | None = None
    """Role of the run-in lead span (DOCX character style): ``lead`` or another element such as ``speaker_heading``."""
    table: bool = False
    """A row of a DOCX table, kept as one paragraph (outlines have no tables)."""
    furniture: str | None = None
    """Why the source's markup says this is no part of the document (a web page's navigation
    bar, footer, or a block that is only a link); the cleanup drops it with this reason."""
    item: Any = None
    """A DOCX table or figure as a body item (:class:`drafter.extraction.docxitems.BodyItem`)."""
    notes: tuple[tuple[str, str], ...] = ()
    """The footnotes (name, text) whose ``[^name]`` marks stand in this paragraph."""

    def with_text(self, text: str) -> Para:
        """The same paragraph with other text."""
        return replace(self, text=text)


@dataclass(frozen=True)
class Source:
    """What a reader made of a file: its paragraphs, its format, and remarks for the report."""

    paras: list[Para]
    fmt: str
    """``txt``, ``md``, ``docx``, ``pdf`` or ``html``: how the paragraphs are to be read on."""
    remarks: list[str] = field(default_factory=list)
    """Things the user should know (footnotes moved into the text, pages without text)."""
    converted: str = ""
    """How the file was converted first (a .doc through LibreOffice), for the report."""
    line_width: int = 0
    """A printed source's full line width in half-width cells (PDF), for joining its lines."""


def read_source(path: Path) -> Source:
    """The paragraphs of ``path`` with its format and the reader's remarks."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ExtractError(_("{path}: no such file; give the path of a document ({suffixes})").format(
            path=path, suffixes=", ".join(SUFFIXES)))
    remarks: list[str] = []
    if suffix == ".docx":
        return Source(read_docx(path, remarks), "docx", remarks)
    if suffix in _OFFICE_SUFFIXES:
        return Source(read_office(path, remarks), "docx", remarks,
                      _("converted from {suffix} to DOCX by LibreOffice").format(suffix=suffix))
    if suffix == ".pdf":
        from drafter.extraction.pdftext import read_pdf_text

        pdf = read_pdf_text(path)
        if pdf.blank_pages:
            remarks.append(_("pages {pages} of the PDF carry no text (scanned?) and were not read").format(
                pages=", ".join(map(str, pdf.blank_pages))))
        return Source(read_plain(pdf.text), "pdf", remarks, line_width=pdf.line_width)
    if suffix in (".html", ".htm", ".xhtml"):
        from drafter.extraction.webpage import read_html

        return Source(read_html(path), "html")
    if suffix in (".md", ".markdown"):
        return Source(read_markdown(read_text(path), str(path)), "md")
    if suffix == ".txt" or suffix == "":
        return Source(read_plain(read_text(path)), "txt")
    raise ExtractError(_("{path}: cannot extract from '{suffix}' files; drafter reads {suffixes} (save other "
                         "formats as .docx or .txt first)").format(path=path, suffix=suffix,
                                                                    suffixes=", ".join(SUFFIXES)))


_READABLE = re.compile(r"[\u0020-\u007e\u00a0-\u024f\u2000-\u206f\u2460-\u24ff\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _garbled(text: str) -> bool:
    """Text that is bytes read as characters: under 60 % Latin, Chinese and their punctuation."""
    return bool(text) and len(_READABLE.findall(text)) < 0.6 * len(text)


def read_office(path: Path, remarks: list[str]) -> list[Para]:
    """An old Word (.doc), WPS (.wps), RTF or ODT file: converted to DOCX by LibreOffice in a
    private profile, then read as DOCX."""
    from drafter.office.libreoffice import Office

    data = path.read_bytes()
    if data[:8] == _OLE and "WordDocument".encode("utf-16-le") not in data:
        raise ExtractError(_("{path}: an OLE file with no Word document inside (damaged, or a spreadsheet or "
                             "slides under that name); open it in Word or WPS and save it as .docx").format(
            path=path))
    with Office() as office:
        converted = office.to_docx(path, office.folder / "converted.docx")
        paras = read_docx(converted, remarks, shown=path)
    if _garbled("".join(p.text for p in paras[:5])):  # LibreOffice fell back to reading the bytes as text
        raise ExtractError(_("{path}: LibreOffice could not read it as a {suffix} document (it came out as "
                             "raw bytes: damaged, or another format under that name); open it in Word or WPS "
                             "and save it as .docx").format(path=path, suffix=path.suffix))
    return paras


def read_text(path: Path) -> str:
    """A text file's contents: UTF-8 (with or without BOM), else GB18030, the common Chinese encodings."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractError(_("{path}: the text is neither UTF-8 nor GB18030; save it as UTF-8 and try again").format(
        path=path))


def read_plain(text: str) -> list[Para]:
    """One :class:`Para` per line of plain text, blank lines kept as empty paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Para(line.rstrip(), number, indent=_indent(line) if line.strip() else 0)
            for number, line in enumerate(text.split("\n"), 1)]


def _indent(line: str) -> int:
    """Leading white space in half-width cells (an ideographic space counts two)."""
    width = 0
    for char in line:
        if char == "\u3000":
            width += 2
        elif char == "\t":
            width += 4
        elif char.isspace():
            width += 1
        else:
            break
    return width


_MD_ORDERED = re.compile(r"^\s{0,3}(?:\d{1,3}[.．、)）]|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")
"""A line typed as a numbered item: it starts a paragraph of its own, as the writer meant."""


def read_markdown(text: str, file: str = "<markdown>") -> list[Para]:
    """Markdown paragraphs through the Markdown parser (drafter.markdown.reader): headings with
    their level, list items and block-quote paragraphs one paragraph each (an ordered list's
    numbers kept as typed), table rows as table paragraphs. A lone top ``#`` heading is the title.
    The front matter is not text: :func:`markdown_front_matter` reads it."""
    from drafter.markdown.reader import read_markdown as parse

    out: list[Para] = []
    for block in parse(text, file).blocks:
        out.extend(_md_paras(block))
    return _md_title(out)


def markdown_front_matter(path: Path) -> YamlDocument | None:
    """The YAML front matter of the Markdown file at ``path`` (positions in that file), or None."""
    from drafter.markdown.reader import read_markdown as parse

    return parse(read_text(path), str(path)).front


def _md_paras(block: Block) -> list[Para]:
    if block.type == "heading":
        return [Para(block.text, block.line, "heading", block.level)]
    if block.type == "paragraph":
        return [Para(_join_block(group), block.line) for group in _numbered_groups(block.lines)]
    if block.type == "list":
        out = []
        for number, item in enumerate(block.items, block.start):
            label = f"{number}{block.text}" if block.ordered else ""
            out.extend(Para(label + text if i == 0 else text, item.line)
                       for i, text in enumerate(_join_block(g) for g in _numbered_groups(item.lines)))
        return out
    if block.type in ("quote",):
        return [p for inner in block.items for p in _md_paras(inner)]
    if block.type == "table":
        return [Para("　".join(cell for cell in row if cell), block.line + index, table=True)
                for index, row in enumerate(block.rows) if any(row)]
    if block.type in ("html", "code", "footnote"):
        lines = [line.strip() for line in re.sub(r"<[^>]*>", "", block.text).splitlines() if line.strip()]
        return [Para(_join_block(lines), block.line)] if lines else []
    return []  # rules and images carry no text


def _numbered_groups(lines: tuple[str, ...]) -> list[list[str]]:
    """A paragraph's lines grouped so that a line typed as a numbered item starts a new group."""
    groups: list[list[str]] = []
    for line in lines:
        if not groups or _MD_ORDERED.match(line):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _md_title(paras: list[Para]) -> list[Para]:
    """A lone top ``#`` heading is the title; the other headings move up a level."""
    tops = [p for p in paras if p.role == "heading" and p.level == 1]
    if len(tops) != 1 or paras[0] is not tops[0]:
        return paras
    out = [replace(paras[0], role="title", level=None)]
    for para in paras[1:]:
        out.append(replace(para, level=para.level - 1) if para.role == "heading" and para.level else para)
    return out


def _join_block(lines: list[str]) -> str:
    from drafter.text.typography import join_lines

    return join_lines("\n".join(line.strip() for line in lines))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAFTER_ELEMENTS = frozenset({
    "speaker", "date", "salutation", "closing", "signature", "signature_date", "source", "meeting",
    "speaker_heading", "consensus", "attendance", "authors", "affiliation", "abstract", "keywords",
    "classification", "note", "references_heading", "reference", "english_title", "english_authors",
    "english_abstract", "english_keywords", "toc_heading", "attachment", "byline", "credit",
    "table_caption", "table_note", "figure_caption",
})
"""Paragraph styles drafter's templates write: a DOCX that uses them says what each paragraph is."""
_ROLE_BY_STYLE = {"title": "title", "标题": "title", "subtitle": "subtitle", "副标题": "subtitle"}
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_LEAD_STYLE = re.compile(r"^Lead(\d?)Char$")
_SPAN_STYLE = re.compile(r"^(\w+)Char$")


def read_docx(path: Path, remarks: list[str] | None = None, shown: Path | None = None) -> list[Para]:
    """DOCX paragraphs with the role their style gives (title, heading N, …) and run-in leads;
    text boxes in their anchor's place, footnotes in the sentence that cites them (each one
    said in ``remarks``). ``shown`` is the name the user gave (a .doc converted to ``path``)."""
    import docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OpcError) as exc:
        hint = _(" (an old .doc renamed? name it .doc and drafter converts it)") \
            if path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0" else ""
        raise ExtractError(_("{path}: not a readable DOCX{hint}: {reason}; open it in Word or LibreOffice "
                             "and save it as .docx").format(path=shown or path, hint=hint, reason=exc)) from None
    from drafter.extraction.docxnumbers import AutoNumbers
    from drafter.extraction.docxfigures import only_pictures
    from drafter.extraction.docxitems import attach_notes, block_sections, figure_paras, fold_items, table_para
    from drafter.extraction.docxnotes import footnote_marks, has_citation
    from drafter.extraction.docxparts import footnotes, has_footnote, text_boxes, text_of

    remarks = remarks if remarks is not None else []
    notes = footnotes(document)
    marks, named = footnote_marks(notes)
    style_levels = _style_outline_levels(document)
    numbers = AutoNumbers(document)
    out: list[Para] = []
    from docx.table import Table

    from drafter.text.typography import join_lines

    number = 0
    blocks = list(document.iter_inner_content())
    sections = block_sections(document, blocks)
    for index, block in enumerate(blocks):
        number += 1
        if isinstance(block, Table):
            table = table_para(block._tbl, number, marks, sections[index])
            if table is not None:
                out.append(table)
            continue
        paragraph = block
        p = paragraph._p
        if any("TOC" in (t.text or "") for t in p.iter(f"{_W}instrText")):
            continue  # a table-of-contents field: Word fills it in
        if only_pictures(p):
            out.extend(figure_paras(p, document.part, number, sections[index]))
            continue
        boxes = text_boxes(p)
        if boxes:
            out.extend(Para(join_lines(box).strip(), number) for box in boxes)
            remarks.append(ngettext("paragraph {number}: text box read in its anchor's place",
                                    "paragraph {number}: text boxes read in its anchor's place",
                                    len(boxes)).format(number=number))
        if (notes and has_footnote(p)) or has_citation(p):
            typed = text_of(p, marks=marks).replace("\t", " ")
        else:
            typed = paragraph.text.replace("\t", " ")
        text = join_lines(typed).strip()
        if not text:
            continue
        style_id = p.style or "Normal"
        label = numbers.label(p, style_id)
        if label:  # Word's automatic number, shown but not in the text
            typed, text = label + typed.lstrip(), label + text
        name = document.styles.get_by_id(style_id, 1).name if style_id != "Normal" else "Normal"
        role, level = _ROLE_BY_STYLE.get(name.lower()) or _ROLE_BY_STYLE.get(name), None
        if role is None and name in DRAFTER_ELEMENTS:
            role = name
        heading = _HEADING_STYLE.match(name)
        outline = _outline_level(p) if _outline_level(p) is not None else style_levels.get(style_id)
        if heading:
            role, level = "heading", int(heading.group(1))
        elif role is None and outline is not None and outline < 9:
            role, level = "heading", outline + 1
        lead, lead_level, lead_role = _lead(paragraph)
        if lead_role == "lead" and role is None:
            out.append(Para(text, number, None, lead_level, lead, lead_role="lead"))
        elif role is None and lead_role is None and "\n" in typed.strip():
            # Manual line breaks in body text (pasted from the web): one paragraph per line.
            out.extend(Para(line.strip(), number) for line in typed.split("\n") if line.strip())
        else:  # a label span (出席：, speaker_heading …) is part of the text; its role is kept
            out.append(Para(text, number, role, level, None, lead_role=lead_role))
    return _docx_title(attach_notes(fold_items(out), named))


def _docx_title(paras: list[Para]) -> list[Para]:
    """A document whose first paragraph is its only Heading 1 (Word users title with it) and
    that has no Title style: that heading is the title, the other headings move up a level."""
    if any(p.role == "title" for p in paras):
        return paras
    return _md_title(paras)


def _outline_level(p) -> int | None:  # type: ignore[no-untyped-def]
    ppr = p.pPr
    if ppr is None:
        return None
    element = ppr.find(f"{_W}outlineLvl")
    return int(element.get(f"{_W}val")) if element is not None else None


def _style_outline_levels(document) -> dict[str, int]:  # type: ignore[no-untyped-def]
    levels = {}
    for element in document.styles.element.iter(f"{_W}style"):
        found = element.find(f"{_W}pPr/{_W}outlineLvl")
        if found is not None:
            levels[element.get(f"{_W}styleId")] = int(found.get(f"{_W}val"))
    return levels


def _lead(paragraph) -> tuple[str | None, int | None, str | None]:  # type: ignore[no-untyped-def]
    """Text, level and element of the leading runs in one character style: drafter's run-in
    headings (Lead…Char) and labels (LabelChar, SpeakerHeadingChar …)."""
    parts, style = [], None
    for run in paragraph._p.r_lst:
        if not run.style or (style and run.style != style):
            break
        style = run.style
        parts.append(run.text)
    lead = "".join(parts).strip()
    if not lead or style is None:
        return None, None, None
    match = _LEAD_STYLE.match(style)
    if match:
        return lead, int(match.group(1) or 2), "lead"
    span = _SPAN_STYLE.match(style)
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", span.group(1)).lower() if span else style
    return lead, None, name
