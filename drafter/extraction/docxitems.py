"""Tables and figures of a Word document as body items, with their captions, notes and footnotes.

:func:`drafter.extraction.sources.read_docx` gives a table or a picture paragraph one
:class:`~drafter.extraction.sources.Para` that carries a :class:`BodyItem`; :func:`fold_items`
then joins the caption above a table (表1 …) and the notes below it (注：…), and the caption
below a figure (图1 …), to their item, and :func:`attach_notes` gives every paragraph the
footnotes its marks name. Where an outline part holds only paragraphs (an opening, a speaker's
remarks), :func:`as_text` turns an item back into the text lines it shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from drafter.extraction.docxfigures import Picture, landscape, pictures, text_width
from drafter.extraction.docxtables import read_table, table_lines
from drafter.extraction.sources import Para
from drafter.text.typography import normalise_punctuation

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NUMERALS = "0-9０-９一二三四五六七八九十"
_TABLE_CAPTION = re.compile(rf"^表\s*([{_NUMERALS}]+(?:[-.．][{_NUMERALS}]+)?)[\s\u3000:：.．、]*(.*)$")
_FIGURE_CAPTION = re.compile(rf"^图\s*([{_NUMERALS}]+(?:[-.．][{_NUMERALS}]+)?)[\s\u3000:：.．、]*(.*)$")
_NOTE_FIRST = re.compile(r"^注\s*[：:]\s*(?:(1)\s*[.．、]\s*)?(.*)$")
_NOTE_NEXT = re.compile(r"^(\d{1,2})\s*[.．、]\s*(.*)$")
_MARK = re.compile(r"\[\^([^\]\s]+)\]")


@dataclass
class BodyItem:
    """A table or figure for a section's body: the outline item, and its text for text-only places."""

    data: dict[str, Any]
    """``{"table": {...}}`` or ``{"figure": {...}}`` as the outline writes it."""
    picture: Picture | None = None
    """A figure's image, written beside the outline by the caller."""
    caption_label: str = ""
    """The caption as printed (表1　…), for the text form."""
    note_lines: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The item as text lines: caption, rows (cells separated by an ideographic space), notes."""
        head = [self.caption_label] if self.caption_label else []
        if "table" in self.data:
            return head + table_lines(self.data["table"]) + self.note_lines
        return head


def block_sections(document: Any, blocks: list[Any]) -> list[Any]:
    """For each body block, the ``w:sectPr`` of the section it lies in (the next one after it)."""
    found: list[Any] = [None] * len(blocks)
    pending: list[int] = []
    for index, block in enumerate(blocks):
        pending.append(index)
        element = getattr(block, "_p", None)
        sect = element.find(f"{_W}pPr/{_W}sectPr") if element is not None else None
        if sect is not None:
            for i in pending:
                found[i] = sect
            pending = []
    last = document.element.body.find(f"{_W}sectPr")
    for i in pending:
        found[i] = last
    return found


def table_para(tbl: Any, number: int, marks: dict[str, str], sect_pr: Any) -> Para | None:
    """The paragraph standing for a table (the rows as its text for the kind guess); None for a
    table without text (a layout grid left empty)."""
    table = read_table(tbl, marks)
    if not any(c["text"] if isinstance(c, dict) else c for row in table["rows"] for c in row):
        return None
    if landscape(sect_pr):
        table["landscape"] = True
    item = BodyItem({"table": table})
    lines = item.lines()
    return Para(lines[0] if lines else "\u3000", number, item=item)


def figure_paras(p: Any, part: Any, number: int, sect_pr: Any) -> list[Para]:
    """A paragraph for each PNG or JPEG picture drawn in paragraph ``p``."""
    out = []
    for picture in pictures(p, part, text_width(sect_pr)):
        figure: dict[str, Any] = {"file": f"image.{picture.extension}"}
        if picture.width:
            figure["width"] = picture.width
        out.append(Para("（图）", number, item=BodyItem({"figure": figure}, picture)))
    return out


def _clean(text: str) -> str:
    return normalise_punctuation(text.strip())


def fold_items(paras: list[Para]) -> list[Para]:
    """Join captions and notes to their tables and figures (removing those paragraphs)."""
    out: list[Para] = []
    index = 0
    while index < len(paras):
        para = paras[index]
        item = para.item
        if item is None:
            out.append(para)
            index += 1
            continue
        if "table" in item.data:
            if out and out[-1].item is None and _caption(out[-1], "table_caption", _TABLE_CAPTION):
                _set_caption(item, "table", out.pop(), _TABLE_CAPTION)
            index = _take_notes(paras, index + 1, item)
        else:
            following = paras[index + 1] if index + 1 < len(paras) else None
            index += 1
            if following is not None and following.item is None and _caption(following, "figure_caption", _FIGURE_CAPTION):
                _set_caption(item, "figure", following, _FIGURE_CAPTION)
                index += 1
        lines = item.lines()
        out.append(replace(para, text=lines[0] if lines else para.text))
    return out


def _caption(para: Para, role: str, pattern: re.Pattern[str]) -> bool:
    if para.role == role:
        return True
    return para.role is None and not para.lead and len(para.text) <= 80 and bool(pattern.match(para.text)) \
        and not para.text.endswith("。")


def _set_caption(item: BodyItem, key: str, para: Para, pattern: re.Pattern[str]) -> None:
    text = para.text.strip()
    item.caption_label = text
    match = pattern.match(text)
    body = item.data[key]
    if match:
        if match.group(2).strip():
            body["caption"] = _clean(match.group(2))
    elif text:
        body["caption"] = _clean(text)
        body["numbered"] = False


def _take_notes(paras: list[Para], index: int, item: BodyItem) -> int:
    """Notes under a table: 注：…, or 注：1. … with 2. … 3. … on the next lines."""
    if index >= len(paras) or paras[index].item is not None:
        return index
    first = _NOTE_FIRST.match(paras[index].text.strip())
    if first is None or (paras[index].role not in (None, "table_note")):
        return index
    notes = [_clean(first.group(2))]
    item.note_lines.append(paras[index].text.strip())
    index += 1
    numbered = first.group(1) is not None
    while numbered and index < len(paras) and paras[index].item is None:
        match = _NOTE_NEXT.match(paras[index].text.strip())
        if match is None or int(match.group(1)) != len(notes) + 1:
            break
        notes.append(_clean(match.group(2)))
        item.note_lines.append(paras[index].text.strip())
        index += 1
    item.data["table"]["notes"] = notes
    return index


def attach_notes(paras: list[Para], named: dict[str, str]) -> list[Para]:
    """Each paragraph with the footnotes (name, text) its ``[^name]`` marks cite."""
    if not named:
        return paras
    out = []
    for para in paras:
        text = para.text if para.item is None else "\n".join(_cell_texts(para.item.data))
        cited = tuple((name, named[name]) for name in dict.fromkeys(_MARK.findall(text)) if name in named)
        out.append(replace(para, notes=cited) if cited else para)
    return out


def _cell_texts(data: dict[str, Any]) -> list[str]:
    table = data.get("table")
    if table is None:
        return []
    texts = [c["text"] if isinstance(c, dict) else c for row in table["rows"] for c in row]
    return texts + list(table.get("notes", ()))


def as_text(paras: list[Para], keep: Any = lambda item: False) -> list[Para]:
    """The paragraphs with each item that ``keep`` refuses turned into its text lines."""
    out: list[Para] = []
    for para in paras:
        if para.item is None or keep(para.item):
            out.append(para)
            continue
        out.extend(Para(_clean(line), para.line, table="table" in para.item.data, notes=para.notes)
                   for line in para.item.lines())
    return out
