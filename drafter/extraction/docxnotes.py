"""Word footnotes and drafter's citation links read back as the outline's marks.

A footnote reference (``w:footnoteReference``) becomes the mark ``[^note1]``, ``[^note2]`` … in
the order the notes are numbered, and the note's text (the footnotes part) the outline's
``footnotes: {note1: …}``. A citation drafter wrote for an article — a link to a reference's
bookmark ``ref<n>`` whose text is ``[1]``, ``[2,3]`` or ``[1-3]`` — becomes ``[@1]``, ``[@2,3]``,
``[@1-3]`` again, so the rendered article links it to its reference as before.
"""

from __future__ import annotations

import re
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CITATION_ANCHOR = re.compile(r"^ref\d+$")
_CITATION_TEXT = re.compile(r"^\[(\d+(?:\s*[,，\-–]\s*\d+)*)\]$")


def footnote_marks(notes: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """For the footnotes part's notes (id → text): the mark of each id (``[^note1]``) and the
    outline's footnotes (``note1`` → text), numbered in the ids' order."""
    marks: dict[str, str] = {}
    named: dict[str, str] = {}
    for number, note_id in enumerate(sorted(notes, key=lambda i: int(i) if i.lstrip("-").isdigit() else 0), 1):
        name = f"note{number}"
        marks[note_id] = f"[^{name}]"
        named[name] = notes[note_id]
    return marks, named


def _inside(element: Any, tag: str, stop: Any) -> Any:
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return None
        if ancestor.tag == tag:
            return ancestor
    return None


def marked_text(element: Any, marks: dict[str, str]) -> str:
    """A paragraph's text with footnote references as ``[^name]`` and citation links as ``[@n]``
    (text boxes and Word's fallback copies left out, as in the plain reading)."""
    out: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}footnoteReference", f"{_W}hyperlink"):
        if _inside(node, f"{_W}txbxContent", element) is not None or _inside(node, _MC_FALLBACK, element) is not None:
            continue
        if node.tag == f"{_W}hyperlink":
            continue
        link = _inside(node, f"{_W}hyperlink", element)
        if node.tag == f"{_W}t":
            text = node.text or ""
            if link is not None and _CITATION_ANCHOR.match(link.get(f"{_W}anchor") or ""):
                citation = _CITATION_TEXT.match(text.strip())
                if citation:
                    text = "[@" + re.sub(r"\s+", "", citation.group(1)).replace("，", ",").replace("–", "-") + "]"
            out.append(text)
        elif node.tag == f"{_W}tab":
            out.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        else:
            out.append(marks.get(node.get(f"{_W}id") or "", ""))
    return "".join(out)


def has_citation(p: Any) -> bool:
    """Whether paragraph ``p`` holds a link to a reference's bookmark (drafter's citations)."""
    return any(_CITATION_ANCHOR.match(link.get(f"{_W}anchor") or "") for link in p.iter(f"{_W}hyperlink"))


def used_footnotes(named: dict[str, str], texts: list[str]) -> dict[str, str]:
    """The footnotes whose mark is in one of ``texts`` (a note of a dropped line goes with it)."""
    joined = "\n".join(texts)
    return {name: text for name, text in named.items() if f"[^{name}]" in joined}
