"""A Markdown draft's blocks → outline data, with the Markdown line of every value.

The rules, in the order a draft is read:

- **Front matter** supplies outline keys as they are (kind, title, subtitle, speaker, date,
  department, …); the text may not give a key the front matter gives too.
- **Title**: the front matter's ``title:``, else a lone ``#`` heading at the top (then ``##``
  headings are level-1 sections).
- **Head lines**: the short paragraphs right under the title fill the keys their kind has
  (occasion line → subtitle, speaker, date, salutation; a report's addressee; an article's
  摘要/关键词): see :mod:`drafter.markdown.head`. A head line for a key the front matter gives
  too is reported, not printed twice.
- **Headings** are sections at their depth; a heading may not skip a level; a number typed
  in a heading is dropped (drafter numbers headings by position). An article's 参考文献 and a
  report's 附件 headings hold those lists instead.
- **Content items**: a paragraph is a paragraph; a list, or a paragraph that is nothing but
  一是……；二是……。, is the section's points; a block quote's paragraphs are paragraphs. Text
  after a horizontal rule that follows the sections is the closing (minutes: the consensus).
- **Tables and figures** (a GFM table, an image alone in its paragraph) are ``table:`` and
  ``figure:`` items of the section they stand in (:mod:`drafter.markdown.items` has the
  conventions for captions, notes, alignment and width); that section is then written as an
  ordered ``body:``, in which paragraphs may also follow its points. Outside a section (the
  opening, the closing, a speaker's remarks) they are a problem at their line.
- **Footnotes**: a mark ``[^name]`` stays in the text, as the outline writes it; each
  definition ``[^name]: text`` (wherever it is typed) is the outline's ``footnotes: {name: text}``.
  Citations ``[@2]`` are plain text to Markdown and reach the outline as typed.
- Anything else (raw HTML, code, an image inside a sentence, an inline footnote ``^[…]``) is a
  problem at its line: never silently dropped.

Each content item has one function (:meth:`_Mapper.paragraph`, ``points``, ``quote``, ``table``,
``image``, ``footnote``), so a new item type is one function to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.errors import Problem
from drafter.i18n import _, ngettext
from drafter.markdown import head, items
from drafter.markdown.guess import Guess, guess_kind
from drafter.markdown.reader import Block, MarkdownSource
from drafter.outline.yamlfile import KeyPath, YamlDocument, format_path
from drafter.text.numbering import join_points, split_points, without_typed_number

_CLOSING_THANKS = re.compile(r"^谢谢(?:大家|各位)?[！!。]?$")
_ITEM_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[是要]|第[一二三四五六七八九十]{1,3}[，,、])")
_ITEM_END = "。；;，,"


@dataclass(frozen=True)
class Shape:
    """Where a kind keeps its text: the keys before, between and after the sections."""

    opening: str = "opening"
    closing: str | None = "closing"
    head: tuple[str, ...] = ()
    """Head keys recognised under the title, in the order they are tried."""
    lists: dict[str, str] = field(default_factory=dict)
    """Level-1 headings whose content is a list key (参考文献 → references), by heading text."""
    speakers: bool = False
    """Minutes: level-1 headings are speakers, not sections."""


SHAPES: dict[str, Shape] = {
    "speech": Shape(head=("subtitle", "speaker", "date", "salutation")),
    "party-lecture": Shape(head=("source", "speaker", "date", "salutation")),
    "report": Shape(head=("addressee", "subtitle"), lists={"附件": "attachments"}),
    "article": Shape(closing=None, head=("subtitle", "abstract", "keywords", "classification"),
                     lists={"参考文献": "references", "摘要": "abstract", "关键词": "keywords"}),
    "commentary": Shape(opening="paragraphs", closing=None, lists={"References": "references"}),
    "minutes": Shape(closing="consensus", head=("subtitle",), speakers=True),
}
"""The shape of each kind's outline as Markdown fills it."""

_LIST_KEYS = {"attachments", "references", "keywords"}
"""Keys whose list items are separate entries (not one paragraph of points)."""


@dataclass
class Draft:
    """A Markdown draft mapped to outline data: what validation needs, and the account of it."""

    file: str
    kind: str
    guess: Guess | None
    """How the kind was guessed; None when the caller or the front matter named it."""
    data: dict[str, Any]
    document: YamlDocument
    """The data with the Markdown line of every value, and the problems found while mapping."""
    unmapped: list[Problem] = field(default_factory=list)
    """What the mapping could not place (raw HTML, a skipped heading level, a table…); also in ``document.problems``."""
    notes: list[str] = field(default_factory=list)
    """What the mapping decided (title, head lines, dropped heading numbers, quotes), for the writer."""


@dataclass
class _Target:
    """Where content goes: a mapping (the outline or a section) and its keys for text and points."""

    node: dict[str, Any]
    path: KeyPath
    paragraphs: str
    points: str | None = "points"
    section: bool = False
    """A section, which may hold tables and figures (its content then goes to an ordered ``body``)."""


def map_markdown(source: MarkdownSource, kind: str | None = None) -> Draft:
    """Map a parsed Markdown draft to outline data; ``kind`` overrides the front matter's."""
    return _Mapper(source, kind).run()


class _Mapper:
    def __init__(self, source: MarkdownSource, kind: str | None) -> None:
        self.source = source
        self.front: dict[str, Any] = dict(source.front.data or {}) if source.front else {}
        self.given_kind = kind
        self.data: dict[str, Any] = {}
        self.marks: dict[KeyPath, tuple[int, int]] = {}
        self.problems: list[Problem] = list(source.front.problems) if source.front else []
        self.unmapped: list[Problem] = []
        self.notes: list[str] = []
        self.styled_noted = False
        """Whether a note already says that inline emphasis, links and code became plain text."""
        self.language = "zh"
        self.numbers_dropped: list[int] = []
        self.captions: dict[int, tuple[tuple[str, bool], int]] = {}
        """Table block (by id) → its caption (text, whether a number was dropped) and line."""
        self.table_notes: dict[int, list[tuple[str, int]]] = {}
        self.lines = source.text.splitlines()

    # -- the run ----------------------------------------------------------------------------

    def run(self) -> Draft:
        blocks = [b for b in self.source.blocks if b.type != "footnote"]
        definitions = [b for b in self.source.blocks if b.type == "footnote"]
        title, shift, blocks = self.title(blocks)
        kind, guess = self.kind(title, blocks, shift)
        shape = SHAPES.get(kind, SHAPES["report"])
        self.language = "en" if kind == "commentary" else "zh"
        if title is not None:
            self.put(("title",), title[0], title[1])
        if kind == "party-lecture" and "title" in self.data and "label" not in self.front:
            labelled = head.lecture_label(self.data["title"])
            if labelled:
                self.data["label"], self.data["title"] = labelled
                self.marks[("label",)] = self.marks[("title",)]
                self.notes.append(_("line {line}: '{label}：' in the title read as the label").format(
                    line=title[1] if title else 1, label=labelled[0]))
        blocks = self.head(blocks, shape)
        if kind in ("speech", "party-lecture"):
            blocks = self.thanks_as_closing(blocks)
        self.body(blocks, shape, shift)
        for definition in definitions:
            self.footnote(definition)
        if self.numbers_dropped:
            lines = ", ".join(map(str, self.numbers_dropped))
            self.notes.append(ngettext(
                "line {lines}: the numbers typed in the headings were dropped (drafter numbers headings by position)",
                "lines {lines}: the numbers typed in the headings were dropped (drafter numbers headings by position)",
                len(self.numbers_dropped)).format(lines=lines))
        self.merge_front()
        self.data["kind"] = kind
        self.marks.setdefault(("kind",), self.front_mark(("kind",)) or (1, 1))
        document = YamlDocument(self.source.file, self.data, value_marks=self.marks, key_marks=dict(self.marks),
                                text=self.source.text, problems=self.problems)
        if self.source.front:
            document.key_marks.update(self.source.front.key_marks)
            document.value_marks.update(self.source.front.value_marks)
            document.reported = set(self.source.front.reported)
        return Draft(self.source.file, kind, guess, self.data, document, self.unmapped, self.notes)

    def title(self, blocks: list[Block]) -> tuple[tuple[str, int] | None, int, list[Block]]:
        """(title text and line, how many levels headings move up, the blocks after the title)."""
        headings = [b for b in blocks if b.type == "heading"]
        first = blocks[0] if blocks and blocks[0].type == "heading" and blocks[0].level == 1 else None
        given = self.front.get("title")
        if first is not None and (given is None or given == first.text):
            self.check_inline(first)
            more_tops = any(h.level == 1 for h in headings[1:])
            if given is None:
                if more_tops:
                    note = _("line {line}: the first # heading is the title; the other # headings are the level-1 "
                             "sections")
                else:
                    note = _("line {line}: the first # heading is the title; ## headings are the level-1 sections")
                self.notes.append(note.format(line=first.line))
            return (first.text, first.line), 0 if more_tops else 1, blocks[1:]
        shift = min((h.level for h in headings), default=1) - 1
        if shift:
            self.notes.append(_("line {line}: the draft's top headings are {marks}: they are the level-1 "
                                "sections").format(line=headings[0].line, marks="#" * (shift + 1)))
        return None, shift, blocks

    def kind(self, title: tuple[str, int] | None, blocks: list[Block], shift: int) -> tuple[str, Guess | None]:
        if self.given_kind:
            return self.given_kind, None
        named = self.front.get("kind")
        if isinstance(named, str) and named in SHAPES:
            return named, None
        if "kind" in self.front:
            return str(named), None  # validation names the unknown kind at its line
        text = title[0] if title else str(self.front.get("title", ""))
        lead = [b.text for b in self.prelude(blocks)]
        headings = [b.text for b in blocks if b.type == "heading"]
        body = [b.text for b in blocks if b.type == "paragraph"]
        return (found := guess_kind(text, lead, headings, body)).kind, found

    @staticmethod
    def prelude(blocks: list[Block]) -> list[Block]:
        """The paragraphs before anything else (the head lines may be among them)."""
        out = []
        for block in blocks:
            if block.type != "paragraph":
                break
            out.append(block)
        return out

    def head(self, blocks: list[Block], shape: Shape) -> list[Block]:
        """Consume the head lines under the title; returns the remaining blocks."""
        index = 0
        tried = list(shape.head)  # a key also in the front matter is reported by merge_front
        recognisers = {
            "subtitle": head.occasion, "source": head.occasion, "speaker": head.speaker, "date": head.date_line,
            "salutation": head.salutation, "addressee": head.addressee,
            "abstract": head.abstract, "keywords": head.keywords, "classification": head.classification,
        }
        while index < len(blocks) and blocks[index].type == "paragraph" and tried:
            block = blocks[index]
            for position, key in enumerate(tried):
                value = recognisers[key](block.text)
                if value is not None:
                    break
            else:
                break
            self.check_inline(block)
            self.put((key,), [value] if key == "abstract" else value, block.line)
            self.notes.append(_("line {line}: '{text}' read as {key}").format(line=block.line, text=_short(block.text),
                                                                            key=key))
            tried = tried[position + 1:] if key not in ("abstract", "keywords", "classification") else \
                [k for k in tried if k != key]
            index += 1
        return blocks[index:]

    # -- the body ---------------------------------------------------------------------------

    def body(self, blocks: list[Block], shape: Shape, shift: int) -> None:
        top = _Target(self.data, (), shape.opening, None)
        target = top
        stack: list[_Target] = []  # the open sections, one per level
        previous_level = 0
        after_rule = False
        parts = self.table_parts(blocks)
        for index, block in enumerate(parts):
            if block.type == "heading":
                level = block.level - shift
                if after_rule:
                    self.fail(block.line, _("a heading after the closing's horizontal rule; the closing comes last"))
                    continue
                special = shape.lists.get(block.text.strip()) if level == 1 else None
                if special:
                    self.check_inline(block)
                    target = _Target(self.data, (), special, None)
                    stack, previous_level = [], 0
                    continue
                if level > previous_level + 1:
                    self.fail(block.line, _("the heading {marks} '{heading}' skips a level: after {previous} comes at "
                                            "most {allowed} (sections nest one level at a time)").format(
                        marks="#" * block.level, heading=_short(block.text),
                        previous="#" * (previous_level + shift) or _("the title"),
                        allowed="#" * (previous_level + shift + 1)))
                    continue
                previous_level = level
                self.check_inline(block)
                if shape.speakers:
                    if level > 1:
                        self.fail(block.line, _("minutes have speakers, not subsections: use one heading level (# or ## under a # "
                                                "title) per speaker"))
                        continue
                    target = self.speaker(block)
                    continue
                parent = stack[level - 2] if level > 1 else None
                target = self.section(block, parent)
                stack = stack[:level - 1] + [target]
                if _holds_items(parts[index + 1:]):
                    self.to_body(target)  # written as an ordered body from its first item
            elif block.type == "rule":
                if shape.closing and (stack or target is not top):
                    target = _Target(self.data, (), shape.closing, None)
                    stack, after_rule = [], True
                    self.notes.append(_("line {line}: the text after the horizontal rule is the {key}").format(
                        line=block.line, key=shape.closing))
                else:
                    self.notes.append(_("line {line}: a horizontal rule, which an outline has no place for "
                                        "(it holds no text)").format(line=block.line))
            else:
                self.content(block, target)

    def section(self, block: Block, parent: _Target | None) -> _Target:
        """A new section under ``parent`` (None: at level 1); returns it as the target of what follows."""
        holder = parent.node if parent else self.data
        holder_path = parent.path if parent else ()
        heading = without_typed_number(block.text)
        if heading != block.text:
            self.numbers_dropped.append(block.line)
        node: dict[str, Any] = {"heading": heading.strip()}
        if "body" in holder and parent is not None:  # the parent is an ordered body: the subsection is an item
            path = (*holder_path, "body", len(holder["body"]), "section")
            holder["body"].append({"section": node})
            self.marks[path[:-1]] = (block.line, 1)
        else:
            sections = holder.setdefault("sections", [])
            path = (*holder_path, "sections", len(sections))
            sections.append(node)
            self.marks.setdefault((*holder_path, "sections"), (block.line, 1))
        self.marks[path] = self.marks[(*path, "heading")] = (block.line, 1)
        return _Target(node, path, "paragraphs", section=True)

    def speaker(self, block: Block) -> _Target:
        """A minutes speaker from a heading ``单位职务姓名：题目``."""
        speakers = self.data.setdefault("speakers", [])
        path = ("speakers", len(speakers))
        name, _, topic = without_typed_number(block.text).partition("：")
        node: dict[str, Any] = {"name": name.strip()}
        if topic.strip():
            node["topic"] = topic.strip()
        speakers.append(node)
        for key in ("", "name", "topic"):
            self.marks[(*path, key) if key else path] = (block.line, 1)
        self.marks.setdefault(("speakers",), (block.line, 1))
        return _Target(node, path, "remarks")

    def content(self, block: Block, target: _Target) -> None:
        """One content item into ``target``."""
        handlers = {"paragraph": self.paragraph, "list": self.points, "quote": self.quote,
                    "table": self.table, "image": self.image, "footnote": self.footnote}
        handler = handlers.get(block.type)
        if handler is not None:
            handler(block, target)
        elif block.type == "html":
            self.fail(block.line, _("raw HTML ({value!r}) cannot be mapped to an outline; write it as Markdown text").format(
                                    value=_short(block.text)))
        elif block.type == "code":
            self.fail(block.line, _("a code block has no place in an outline; write its text as a paragraph"))
        else:
            self.fail(block.line, _("a Markdown {type} cannot be mapped to an outline").format(type=block.type))

    def paragraph(self, block: Block, target: _Target) -> None:
        if not self.check_inline(block) or not block.text:
            return
        if self.language == "zh" and target.points:
            enumerated = split_points(block.text)
            if enumerated:
                self.set_points(block, target, enumerated[0], enumerated[1])
                return
        if "body" in target.node and target.section:
            self.body_item(target, block.text, block.line)
            return
        if target.points and target.points in target.node:
            self.fail(block.line, _("a paragraph after the section's points: an outline section holds its paragraphs "
                                    "first, then its points; move the paragraph above the list or give it a heading of "
                                    "its own"))
            return
        if target.paragraphs == "keywords":  # under a 关键词 heading: 城镇化；都市圈
            for word in head.keywords(f"关键词：{block.text}") or []:
                self.append(target, "keywords", word, block.line)
            return
        self.append(target, target.paragraphs, block.text, block.line)

    def points(self, block: Block, target: _Target) -> None:
        """A list: the section's points; at the top, entries of a list key, or one paragraph 一是……。"""
        items = []
        for item in block.items:
            if self.check_inline(item) and item.text:
                items.append(item.text)
        if not items:
            return
        if target.paragraphs in _LIST_KEYS:
            for item, text in zip(block.items, items):
                self.append(target, target.paragraphs, text, item.line)
            return
        lines = [item.line for item in block.items if not item.problems and item.text]
        if target.points is None:  # at the top: one paragraph 一是……。 (English: one paragraph per item)
            if self.language == "en":
                for line, text in zip(lines, items):
                    self.append(target, target.paragraphs, text, line)
                self.notes.append(_("line {line}: a list outside a section is kept as one paragraph per item").format(
                    line=block.line))
            else:
                cleaned = [_ITEM_ORDINAL.sub("", text).rstrip(_ITEM_END) for text in items]
                self.append(target, target.paragraphs, join_points(tuple(cleaned)), block.line)
                self.notes.append(_("line {line}: a list outside a section is written as one paragraph "
                                    "一是……；二是……。").format(line=block.line))
            return
        marker = "要" if all(re.match(r"^[一二三四五六七八九十]{1,3}要", t) for t in items) else "是"
        if self.language == "zh":
            items = [_ITEM_ORDINAL.sub("", text).rstrip(_ITEM_END) for text in items]
        self.set_points(block, target, tuple(items), marker, lines)

    def set_points(self, block: Block, target: _Target, items: tuple[str, ...], marker: str,
                   lines: list[int] | None = None) -> None:
        assert target.points is not None
        if "body" in target.node and target.section:  # an ordered body: the points are one more item
            item: dict[str, Any] = {"points": list(items)}
            if marker != "是":
                item["marker"] = marker
            marks = {("points",): (block.line, 1), ("marker",): (block.line, 1)}
            marks.update({("points", i): (lines[i] if lines else block.line, 1) for i in range(len(items))})
            self.body_item(target, item, block.line, marks)
            return
        if target.points in target.node:
            self.fail(block.line, _("a second list of points in one section; an outline section holds one (merge the "
                                    "lists, or give each its own heading)"))
            return
        target.node[target.points] = list(items)
        path = (*target.path, target.points)
        self.marks[path] = (block.line, 1)
        for index in range(len(items)):
            self.marks[(*path, index)] = (lines[index] if lines else block.line, 1)
        if marker != "是":
            target.node["points_marker"] = marker
            self.marks[(*target.path, "points_marker")] = (block.line, 1)

    def quote(self, block: Block, target: _Target) -> None:
        """A block quote: its paragraphs are body paragraphs (outlines have no quotation style)."""
        for inner in block.items:
            self.content(inner, target)
        self.notes.append(_("line {line}: a block quote, kept as body paragraphs").format(line=block.line))

    def table_parts(self, blocks: list[Block]) -> list[Block]:
        """Join each table's caption and notes paragraphs to it; returns the blocks without them."""
        out: list[Block] = []
        taken: set[int] = set()
        for index, block in enumerate(blocks):
            if index in taken:
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.type == "paragraph" and not block.problems:
                caption = items.table_caption(block.text)
                if caption and following is not None and following.type == "table":
                    self.captions[id(following)] = (caption, block.line)
                    continue
                if caption:
                    self.notes.append(_("line {line}: '{text}' looks like a table's caption but is next to no "
                                        "table; kept as a paragraph").format(line=block.line, text=_short(block.text)))
            if block.type == "table":
                after = index + 1
                if id(block) not in self.captions and self._caption_after(blocks, after):
                    self.captions[id(block)] = (items.table_caption(blocks[after].text, True), blocks[after].line)
                    taken.add(after)
                    after += 1
                notes: list[tuple[str, int]] = []
                while after < len(blocks) and blocks[after].type == "paragraph" and not blocks[after].problems:
                    note = items.table_note(blocks[after].text)
                    if note is None:
                        break
                    notes.append((note, blocks[after].line))
                    taken.add(after)
                    after += 1
                self.table_notes[id(block)] = notes
            out.append(block)
        return out

    @staticmethod
    def _caption_after(blocks: list[Block], index: int) -> bool:
        """Whether blocks[index] is a caption of the table before it (not of a table right after it)."""
        if index >= len(blocks) or blocks[index].type != "paragraph" or blocks[index].problems:
            return False
        text = blocks[index].text
        if items.table_caption(text, after_table=True) is None:
            return False
        next_is_table = index + 1 < len(blocks) and blocks[index + 1].type == "table"
        return not (next_is_table and items.table_caption(text) is not None)

    def table(self, block: Block, target: _Target) -> None:
        """A GFM table: a ``table:`` item of the section's body, with its caption and notes."""
        if not self.in_section(block, target, _("a table")):
            return
        cells_ok = all([self.check_inline(cell) for row in block.cells for cell in row])
        found = self.captions.get(id(block))
        if found and found[0][1]:
            self.notes.append(_("line {line}: the number typed in the table's caption was dropped (drafter "
                                "numbers tables 表1, 表2 … in order)").format(line=found[1]))
        caption = (found[0][0], found[1]) if found else None
        typed = [self.line_text(row[0].line) if row else "" for row in block.cells]
        item = items.table_item(block, caption, self.table_notes.get(id(block), []), typed)
        self.place(target, item, block.line, cells_ok)

    def image(self, block: Block, target: _Target) -> None:
        """An image alone in its paragraph: a ``figure:`` item of the section's body."""
        if not self.in_section(block, target, _("an image")):
            return
        column = self.line_text(block.line).find("![") + 1 or 1
        self.place(target, items.figure_item(block, column), block.line)

    def footnote(self, block: Block, target: _Target | None = None) -> None:
        """A footnote definition ``[^name]: text``: the outline's ``footnotes: {name: text}``."""
        if not self.check_inline(block):
            return
        notes = self.data.setdefault("footnotes", {})
        path = ("footnotes", block.label)
        if block.label in notes:
            self.fail(block.line, _("the footnote [^{name}] is defined twice (first at line {line}); give each "
                                    "footnote one definition").format(name=block.label, line=self.marks[path][0]))
            return
        notes[block.label] = block.text
        self.marks.setdefault(("footnotes",), (block.line, 1))
        self.marks[path] = (block.line, 1)

    def in_section(self, block: Block, target: _Target, what: str) -> bool:
        """Whether ``target`` is a section (tables and figures go in a section's body); else a problem."""
        if target.section:
            return True
        if target.paragraphs == "remarks":
            where = _("a speaker's remarks (minutes hold text there)")
        elif target.node is self.data and target.paragraphs in ("opening", "paragraphs"):
            where = _("the text before the first heading")
        else:
            where = _("the '{key}' part").format(key=target.paragraphs)
        self.fail(block.line, _("{what} in {where} cannot be mapped: an outline holds tables and figures in the "
                                "body of a section; put it under a heading").format(what=what, where=where))
        return False

    def place(self, target: _Target, item: items.Item, line: int, ok: bool = True) -> None:
        """A table or figure item into the target section's body, or its problems at their lines."""
        for problem in item.problems:
            self.problems.append(Problem(self.source.file, problem.line, problem.column, "", problem.message))
            self.unmapped.append(self.problems[-1])
        self.notes.extend(item.notes)
        if ok and not item.problems:
            self.body_item(target, item.data, line, item.marks)

    def body_item(self, target: _Target, value: Any, line: int,
                  marks: dict[KeyPath, tuple[int, int]] | None = None) -> None:
        """Append ``value`` to the section's ordered body (made from what it held so far, the first time)."""
        body = self.to_body(target)
        path = (*target.path, "body", len(body))
        body.append(value)
        self.marks[path] = (line, 1)
        for sub, mark in (marks or {}).items():
            self.marks[(*path, *sub)] = mark

    def to_body(self, target: _Target) -> list[Any]:
        """The section's ``body``: its paragraphs, points and subsections so far become its first items."""
        node = target.node
        if "body" in node:
            return node["body"]  # type: ignore[no-any-return]
        body: list[Any] = []
        moved: dict[KeyPath, KeyPath] = {}
        base = target.path
        for index, text in enumerate(node.pop("paragraphs", [])):
            moved[(*base, "paragraphs", index)] = (*base, "body", len(body))
            body.append(text)
        if "points" in node:
            item: dict[str, Any] = {"points": node.pop("points")}
            if "points_marker" in node:
                item["marker"] = node.pop("points_marker")
                moved[(*base, "points_marker")] = (*base, "body", len(body), "marker")
            moved[(*base, "points")] = (*base, "body", len(body), "points")
            body.append(item)
        for index, section in enumerate(node.pop("sections", [])):
            moved[(*base, "sections", index)] = (*base, "body", len(body), "section")
            body.append({"section": section})
        for old_prefix, new_prefix in moved.items():
            for key in [k for k in self.marks if k[:len(old_prefix)] == old_prefix]:
                self.marks[(*new_prefix, *key[len(old_prefix):])] = self.marks.pop(key)
            if new_prefix[-1] in ("points", "section", "marker"):
                self.marks.setdefault(new_prefix[:-1], self.marks.get(new_prefix, (1, 1)))
        for key in ("paragraphs", "sections"):
            self.marks.pop((*base, key), None)
        node["body"] = body
        self.marks.setdefault((*base, "body"), self.marks.get((*base, "heading"), (1, 1)))
        return body

    def line_text(self, line: int) -> str:
        """The Markdown source's line ``line`` (1-based), as typed."""
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    # -- helpers ----------------------------------------------------------------------------

    def check_inline(self, block: Block) -> bool:
        """Report inline markup an outline cannot hold; False when there was any."""
        for problem in block.problems:
            if problem.why == "html":
                what = _("raw HTML {html!r}").format(html=problem.what)
                self.fail(block.line, _("{problem} cannot be mapped to an outline; write it as Markdown text").format(
                    problem=what))
            elif problem.why == "image":
                self.fail(block.line, _("an image ({file}) inside a paragraph cannot be mapped: put the image in a "
                                        "paragraph of its own, ![caption](file.png), where it becomes a figure").format(
                                            file=problem.what))
            elif problem.why == "empty-footnote":
                self.fail(block.line, _("the footnote [^{name}] has no text; write it after the colon, "
                                        "[^{name}]: text").format(name=block.label))
            elif problem.why == "footnote-paragraphs":
                self.fail(block.line, _("the footnote [^{name}] has several paragraphs, and an outline's footnote "
                                        "is one paragraph: join them").format(name=block.label))
            elif problem.why == "in-footnote":
                self.fail(block.line, _("the footnote [^{name}] holds {what}; an outline's footnote is one "
                                        "paragraph of text").format(name=block.label, what=problem.what))
            elif problem.why == "inline-footnote":
                self.fail(block.line, _("an inline footnote ^[…] cannot be mapped: mark the place with [^name] and "
                                        "give the note on a line of its own, [^name]: text"))
            else:
                self.fail(block.line, _("{problem} cannot be mapped to an outline").format(problem=problem.what))
        if block.styled and not self.styled_noted:
            self.styled_noted = True
            self.notes.append(_("line {line}: emphasis, links and code are kept as plain text "
                                "here and below (the layout decides how text looks)").format(line=block.line))
        return not block.problems

    def append(self, target: _Target, key: str, text: str, line: int) -> None:
        items = target.node.setdefault(key, [])
        path = (*target.path, key)
        self.marks.setdefault(path, (line, 1))
        self.marks[(*path, len(items))] = (line, 1)
        items.append(text)

    def put(self, path: KeyPath, value: Any, line: int) -> None:
        self.data[path[0]] = value
        self.marks[path] = (line, 1)

    def fail(self, line: int, message: str, path: KeyPath = ()) -> None:
        problem = Problem(self.source.file, line, 1, format_path(path), message)
        self.problems.append(problem)
        self.unmapped.append(problem)

    def front_mark(self, path: KeyPath) -> tuple[int, int] | None:
        if self.source.front and path in self.source.front.value_marks:
            return self.source.front.value_marks[path]
        return None

    def thanks_as_closing(self, blocks: list[Block]) -> list[Block]:
        """A speech whose last paragraph is 谢谢大家！ (after its sections) closes with it."""
        last = blocks[-1] if blocks else None
        if last is None or last.type != "paragraph" or "closing" in self.front or not _CLOSING_THANKS.match(last.text):
            return blocks
        if not any(b.type == "heading" for b in blocks) or any(b.type == "rule" for b in blocks):
            return blocks
        self.put(("closing",), [last.text], last.line)
        self.marks[("closing", 0)] = (last.line, 1)
        self.notes.append(_("line {line}: '{text}' is the closing").format(line=last.line, text=last.text))
        return blocks[:-1]

    def merge_front(self) -> None:
        """Lay the front matter's keys over the mapped text; a key given in both is a problem."""
        for key, value in self.front.items():
            if key in self.data and key != "title":
                line = self.marks.get((key,), (1, 1))[0]
                front_line = self.front_mark((key,)) or (1, 1)
                self.fail(line, _("'{key}' is given in the front matter (line {front_line}) and by the text here; give "
                                  "it in one place").format(key=key, front_line=front_line[0]), (key,))
                continue
            self.data[key] = value


def _holds_items(blocks: list[Block]) -> bool:
    """Whether the content before the next heading holds a table or an image."""
    for block in blocks:
        if block.type == "heading":
            return False
        if block.type in ("table", "image"):
            return True
    return False


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
