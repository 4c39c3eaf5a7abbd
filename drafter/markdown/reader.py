"""Markdown text → its YAML front matter and a flat list of blocks, through markdown-it.

markdown-it-py (CommonMark with the table extension, and mdit-py-plugins' front matter and
footnotes) does the parsing; this module only flattens its syntax tree into the few kinds of
:class:`Block` an outline can be made of, each with the line it starts on, and keeps the
inline markup an outline has no place for (raw HTML, images, footnote references) as problems
instead of dropping it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, NamedTuple

from drafter.errors import OutlineError, Problem
from drafter.i18n import _
from drafter.outline import yamlfile
from drafter.outline.yamlfile import YamlDocument

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_LEFT_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"),
)
"""Emphasis CommonMark leaves as literal asterisks next to Chinese punctuation: in
``**（一）要点。**正文`` the closing ``**`` follows 。 and precedes a letter, so it cannot close.
Chinese writers and models type leads this way constantly; the markers are dropped as a
CJK-aware renderer would."""


@dataclass(frozen=True)
class Block:
    """One block of a Markdown draft, flattened.

    ``type`` is ``heading``, ``paragraph``, ``list``, ``quote``, ``table``, ``image``,
    ``footnote``, ``html``, ``code`` or ``rule``.
    """

    type: str
    line: int
    """1-based line where the block starts."""
    text: str = ""
    """Plain text of a heading or paragraph (inline emphasis and code kept as their text); a
    list's marker (``-``, ``.``, ``)``); an image's source; raw HTML or code as written."""
    level: int = 0
    """Heading level (number of #)."""
    items: tuple[Block, ...] = ()
    """List items, or the paragraphs of a block quote, as paragraph blocks."""
    ordered: bool = False
    start: int = 1
    """The number an ordered list starts at (``3.`` → 3)."""
    lines: tuple[str, ...] = ()
    """A paragraph's text line by line, as typed (soft line breaks kept)."""
    rows: tuple[tuple[str, ...], ...] = ()
    """A table's rows (header first), each a tuple of cell texts."""
    problems: tuple[Unmappable, ...] = ()
    """Inline things in the block that an outline cannot hold (raw HTML, an image, a footnote reference)."""
    styled: bool = False
    """Whether inline emphasis, links or code were made plain text."""


class Unmappable(NamedTuple):
    """Something inside a block that an outline cannot hold: what it is (in the current language) and
    why: ``html`` (write it as text), ``later`` (images, footnotes: not mapped yet) or ``other``."""

    why: str
    what: str


@dataclass
class MarkdownSource:
    """A parsed Markdown draft: its front matter (positions in the Markdown file) and its blocks."""

    file: str
    text: str
    front: YamlDocument | None
    front_line: int
    """Line of the opening ``---`` (1), or 0 without front matter."""
    blocks: list[Block] = field(default_factory=list)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


def read_markdown(text: str, file: str) -> MarkdownSource:
    """Parse Markdown ``text`` (from ``file``, for messages); raises :class:`OutlineError` when the
    front matter is not valid YAML."""
    from markdown_it.tree import SyntaxTreeNode

    tree = SyntaxTreeNode(_parser().parse(text))
    source = MarkdownSource(file, text, None, 0)
    for node in tree.children:
        if node.type == "front_matter":
            source.front_line = node.map[0] + 1 if node.map else 1
            source.front = _front_matter(node.content, file, source.front_line)
            continue
        source.blocks.extend(_blocks(node))
    return source


def _front_matter(content: str, file: str, opening_line: int) -> YamlDocument:
    """The front matter's YAML, read with the lines it has in the Markdown file."""
    padded = "\n" * opening_line + content  # the YAML starts on the line after the opening ---
    try:
        document = yamlfile.parse(padded, file, strict=False)
    except OutlineError as exc:
        raise OutlineError([replace(p, message=_("front matter: {problem}").format(problem=p.message))
                            for p in exc.problems]) from None
    document.scalars = {}  # offsets into the padded front matter, not into the Markdown file
    document.text = ""
    if document.data is not None and not isinstance(document.data, dict):
        what = (_("a list") if isinstance(document.data, list)
                else _("the text {text}").format(text=_shown(document.data)))
        line, column = document.mark(())
        raise OutlineError([Problem(file, line, column, "", _(
            "the front matter (between the --- lines) must be a mapping of outline keys such as 'title: …', "
            "got {what}").format(what=what))])
    return document


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 30 else text[:30] + "…")


def _line(node: Any) -> int:
    return node.map[0] + 1 if node.map else 1


def _blocks(node: Any) -> list[Block]:
    """The outline blocks of one top-level (or block-quote level) node."""
    kind = node.type
    if kind == "heading":
        return [_inline_block("heading", node, level=int(node.tag[1]))]
    if kind == "paragraph":
        inline = node.children[0] if node.children else None
        if inline is not None and [c.type for c in inline.children] == ["image"]:
            return [Block("image", _line(node), inline.children[0].attrGet("src") or "")]
        return [_inline_block("paragraph", node)]
    if kind in ("bullet_list", "ordered_list"):
        start = node.attrs.get("start", 1) if kind == "ordered_list" else 1
        return [Block("list", _line(node), node.markup, items=tuple(_list_item(item) for item in node.children),
                      ordered=kind == "ordered_list", start=int(start))]
    if kind == "blockquote":
        inner = [b for child in node.children for b in _blocks(child)]
        return [Block("quote", _line(node), items=tuple(inner))]
    if kind == "table":
        rows = tuple(tuple(_join_lines(_plain(cell)) for cell in row.children)
                     for part in node.children for row in part.children)
        return [Block("table", _line(node), rows=rows)]
    if kind in ("html_block",):
        return [Block("html", _line(node), node.content.strip())]
    if kind in ("fence", "code_block"):
        return [Block("code", _line(node), node.content)]
    if kind == "hr":
        return [Block("rule", _line(node))]
    if kind == "footnote_block":
        return [Block("footnote", _line(child) if child.map else _first_line(child), _plain(child))
                for child in node.children]
    return [Block(kind, _line(node))]  # anything else is reported by the mapping as not mapped


def _first_line(node: Any) -> int:
    for child in node.walk():
        if child.map:
            return child.map[0] + 1
    return 1


def _plain(node: Any) -> str:
    return "".join(child.content for child in node.walk() if child.type == "text")


def _list_item(item: Any) -> Block:
    """A list item as one paragraph block; nested blocks inside it are its problems."""
    paragraphs = [child for child in item.children if child.type == "paragraph"]
    others = [child for child in item.children if child.type != "paragraph"]
    if not paragraphs:
        return Block("paragraph", _line(item), problems=(Unmappable("other", _("an empty list item")),))
    first = _inline_block("paragraph", paragraphs[0])
    problems = list(first.problems)
    if len(paragraphs) > 1:
        problems.append(Unmappable("other", _("a list item of several paragraphs (an outline's point is one "
                                              "paragraph)")))
    for other in others:
        what = (_("a list inside a list item") if other.type.endswith("_list")
                else _("a {type} inside a list item").format(type=other.type))
        problems.append(Unmappable("other", _("{what} (points do not nest)").format(what=what)))
    return replace(first, line=_line(item), problems=tuple(problems))


def _inline_block(kind: str, node: Any, level: int = 0) -> Block:
    """A heading or paragraph block with its inline content made plain text."""
    inline = node.children[0] if node.children else None
    pieces: list[str] = []
    problems: list[Unmappable] = []
    html: list[str] = []
    styled = False
    for child in (inline.children if inline is not None else []):
        kind_of = child.type
        if kind_of == "text":
            pieces.append(child.content)
        elif kind_of in ("softbreak", "hardbreak"):
            pieces.append("\n")
        elif kind_of == "code_inline":
            pieces.append(child.content)
            styled = True
        elif kind_of in ("strong", "em", "link"):
            pieces.append(_plain(child))
            styled = True
        elif kind_of == "html_inline":
            html.append(child.content)
        elif kind_of == "image":
            problems.append(Unmappable("later", _("an image ({source})").format(source=child.attrGet("src"))))
            pieces.append(_plain(child))
        elif kind_of == "footnote_ref":
            problems.append(Unmappable("later", _("a footnote reference [^{label}]").format(
                label=child.meta.get("label", ""))))
        else:
            problems.append(Unmappable("other", _("inline {type}").format(type=kind_of)))
    if html:
        problems.insert(0, Unmappable("html", _("raw HTML {html!r}").format(html=" ".join(html))))
    raw = "".join(pieces)
    for pattern in _LEFT_EMPHASIS:
        raw, count = pattern.subn(lambda m: m.group(m.lastindex), raw)
        styled = styled or bool(count)
    lines = tuple(line.strip() for line in raw.split("\n") if line.strip())
    return Block(kind, _line(node), _join_lines(raw), level, lines=lines, problems=tuple(problems), styled=styled)


def _join_lines(text: str) -> str:
    """Soft line breaks joined as CommonMark renders them: no space between Chinese characters."""
    lines = [line.strip() for line in text.split("\n")]
    out = ""
    for line in lines:
        if not line:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out
