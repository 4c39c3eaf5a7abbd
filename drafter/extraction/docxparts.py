"""The parts of a Word document python-docx does not read as text: text boxes and footnotes.

A text box (``w:txbxContent``, drawn by Word in both a DrawingML and a VML copy inside
``mc:AlternateContent``) holds whole paragraphs anchored in a body paragraph; they are read
once, from the copy Word shows, in the place of their anchor. A footnote's text lives in the
footnotes part; it is put into the sentence where its reference mark stands, as （注：…）, so
nothing of the document is lost and the reader sees where it belonged.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _inside(element: Any, tag: str, stop: Any = None) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag == tag:
            return True
    return False


def text_of(element: Any, footnotes: dict[str, str] | None = None, marks: dict[str, str] | None = None) -> str:
    """The text a paragraph element shows: runs, tabs and breaks in order, leaving out text boxes
    (read separately) and deleted text; footnote references become （注：…）, or with ``marks``
    (footnote id → ``[^name]``) the outline's marks, and drafter's citation links ``[@n]``."""
    if marks is not None:
        from drafter.extraction.docxnotes import marked_text

        return marked_text(element, marks)
    out: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}footnoteReference"):
        if _inside(node, f"{_W}txbxContent", element) or _inside(node, _MC_FALLBACK, element):
            continue
        if node.tag == f"{_W}t":
            out.append(node.text or "")
        elif node.tag == f"{_W}tab":
            out.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif footnotes is not None:
            note = footnotes.get(node.get(f"{_W}id") or "", "")
            if note:
                out.append(f"（注：{note.rstrip('。.')}）")
    return "".join(out)


def text_boxes(p: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in paragraph ``p``, each copy read once."""
    found: list[str] = []
    for box in p.iter(f"{_W}txbxContent"):
        if _inside(box, _MC_FALLBACK, p) or _inside(box, f"{_W}txbxContent", p):
            continue
        for inner in box.iter(f"{_W}p"):
            text = text_of(inner).strip()
            if text:
                found.append(text)
    return found


def footnotes(document: Any) -> dict[str, str]:
    """Footnote id → its text (separators left out), from the document's footnotes part."""
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == _FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            notes = {}
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "".join(text_of(p) for p in note.iter(f"{_W}p")).strip()
                if text:
                    notes[note.get(f"{_W}id") or ""] = text
            return notes
    return {}


def has_footnote(p: Any) -> bool:
    """Whether paragraph ``p`` carries a footnote reference."""
    return next(p.iter(f"{_W}footnoteReference"), None) is not None
