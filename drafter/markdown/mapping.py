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
- Anything else (raw HTML, code, and — until the outline model holds them — tables, images
  and footnotes) is a problem at its line: never silently dropped.

Each content item has one function (:meth:`_Mapper.paragraph`, ``points``, ``quote``, ``table``,
``image``, ``footnote``), so a new item type is one function to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.errors import Problem
from drafter.i18n import _, ngettext
from drafter.markdown import head
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

    # -- the run ----------------------------------------------------------------------------

    def run(self) -> Draft:
        blocks = list(self.source.blocks)
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
        for block in blocks:
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
        sections = holder.setdefault("sections", [])
        path = (*holder_path, "sections", len(sections))
        heading = without_typed_number(block.text)
        if heading != block.text:
            self.numbers_dropped.append(block.line)
        node: dict[str, Any] = {"heading": heading.strip()}
        sections.append(node)
        self.marks[path] = self.marks[(*path, "heading")] = (block.line, 1)
        self.marks.setdefault((*holder_path, "sections"), (block.line, 1))
        return _Target(node, path, "paragraphs")

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

    def table(self, block: Block, target: _Target) -> None:
        self.not_mapped_yet(block, _("a table"), _("write its content as paragraphs, or as an attachment"))

    def image(self, block: Block, target: _Target) -> None:
        self.not_mapped_yet(block, _("an image ({source})").format(source=block.text),
                            _("leave it out and insert it in the DOCX"))

    def footnote(self, block: Block, target: _Target) -> None:
        self.not_mapped_yet(block, _("a footnote"), _("put the note in the text in brackets, or in references"))

    def not_mapped_yet(self, block: Block, what: str, instead: str) -> None:
        self.fail(block.line, _("{what} is not mapped yet: drafter's outlines do not hold tables, images or "
                                "footnotes yet; {instead}").format(what=what, instead=instead))

    # -- helpers ----------------------------------------------------------------------------

    def check_inline(self, block: Block) -> bool:
        """Report inline markup an outline cannot hold; False when there was any."""
        for problem in block.problems:
            if problem.why == "html":
                self.fail(block.line, _("{problem} cannot be mapped to an outline; write it as Markdown text").format(
                    problem=problem.what))
            elif problem.why == "later":
                self.fail(block.line, _("{problem} is not mapped yet: drafter's outlines do not hold tables, images "
                                        "or footnotes yet").format(problem=problem.what))
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


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
