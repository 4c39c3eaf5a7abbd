"""Markdown text → its YAML front matter and a flat list of blocks, through markdown-it.

markdown-it-py (CommonMark with the table extension, and mdit-py-plugins' front matter and
footnotes, and the attributes plugin for an image's ``{width=…}``) does the parsing; this module
only flattens its syntax tree into the few kinds of :class:`Block` an outline can be made of, each
with the line it starts on, and keeps the inline markup an outline has no place for (raw HTML,
an image inside a sentence, an inline footnote) as problems instead of dropping it. A footnote
reference stays in the text as the outline writes it, ``[^name]``; the definitions stay where they
were typed (``footnote`` blocks), so each is reported at its own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import unquote

from drafter.errors import OutlineError, Problem
from drafter.i18n import N_, _
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
    ``footnote`` (a definition ``[^name]: text``), ``html``, ``code`` or ``rule``.
    """

    type: str
    line: int
    """1-based line where the block starts."""
    text: str = ""
    """Plain text of a heading, paragraph or footnote (inline emphasis and code kept as their
    text, footnote references as ``[^name]``); a list's marker (``-``, ``.``, ``)``); an image's
    file (percent-escapes decoded); raw HTML or code as written."""
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
    cells: tuple[tuple[Block, ...], ...] = ()
    """A table's rows as cell blocks (text, inline problems, the row's line), header first."""
    aligns: tuple[str, ...] = ()
    """A table's column alignments from its delimiter row: ``left`` (``:---``), ``center``
    (``:---:``), ``right`` (``---:``) or ``""`` (``---``)."""
    typed: tuple[int, ...] = ()
    """How many cells each table row was typed with (markdown-it pads a short row and cuts a
    long one to the header's count; the mapping reports both)."""
    label: str = ""
    """A footnote definition's name (``[^scope]: …`` → ``scope``)."""
    caption: str = ""
    """An image's alternative text (its caption), as plain text."""
    attrs: tuple[tuple[str, str], ...] = ()
    """An image's attributes from ``{width=8cm}`` (the attributes plugin), and ``title``."""
    rest: str = ""
    """Text after a lone image that the attributes plugin did not read (``{width=60%}``: the
    plugin takes ``%`` for the start of a comment), for the mapping to read or report."""
    problems: tuple[Unmappable, ...] = ()
    """Inline things in the block that an outline cannot hold (raw HTML, an image, a footnote reference)."""
    styled: bool = False
    """Whether inline emphasis, links or code were made plain text."""


class Unmappable(NamedTuple):
    """Something inside a block that an outline cannot hold: why (a code the mapping words its message
    by) and what (the data of that message, or a sentence in the current language for ``other``).

    ``html`` (what: the raw HTML), ``image`` (an image inside a paragraph; what: its file),
    ``inline-footnote`` (``^[…]``), ``empty-footnote``, ``footnote-paragraphs``, ``in-footnote``
    (a block inside a footnote; what: its name), ``other`` (what: the sentence)."""

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
    from mdit_py_plugins.attrs import attrs_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return (MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
            .use(footnote_plugin, move_to_end=False)  # definitions stay at their lines
            .use(attrs_plugin, after=("image",)))


def read_markdown(text: str, file: str) -> MarkdownSource:
    """Parse Markdown ``text`` (from ``file``, for messages); raises :class:`OutlineError` when the
    front matter is not valid YAML."""
    from markdown_it.tree import SyntaxTreeNode

    tree = SyntaxTreeNode(_parser().parse(text))
    source = MarkdownSource(file, text, None, 0)
    lines = text.splitlines()
    for node in tree.children:
        if node.type == "front_matter":
            source.front_line = node.map[0] + 1 if node.map else 1
            source.front = _front_matter(node.content, file, source.front_line)
            continue
        source.blocks.extend(_blocks(node, lines))
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


def _blocks(node: Any, lines: list[str]) -> list[Block]:
    """The outline blocks of one top-level (or block-quote level) node; ``lines``: the source's."""
    kind = node.type
    if kind == "heading":
        return [_inline_block("heading", node, level=int(node.tag[1]))]
    if kind == "paragraph":
        inline = node.children[0] if node.children else None
        children = inline.children if inline is not None else []
        if children and children[0].type == "image" and \
                all(c.type == "text" for c in children[1:]) and len(children) <= 2:
            return [_image(node, children[0], children[1].content if len(children) > 1 else "")]
        return [_inline_block("paragraph", node)]
    if kind in ("bullet_list", "ordered_list"):
        start = node.attrs.get("start", 1) if kind == "ordered_list" else 1
        return [Block("list", _line(node), node.markup, items=tuple(_list_item(item) for item in node.children),
                      ordered=kind == "ordered_list", start=int(start))]
    if kind == "blockquote":
        inner = [b for child in node.children for b in _blocks(child, lines)]
        return [Block("quote", _line(node), items=tuple(inner))]
    if kind == "table":
        return [_table(node, lines)]
    if kind in ("html_block",):
        return [Block("html", _line(node), node.content.strip())]
    if kind in ("fence", "code_block"):
        return [Block("code", _line(node), node.content)]
    if kind == "hr":
        return [Block("rule", _line(node))]
    if kind == "footnote_reference":  # a definition [^name]: text, where it was typed
        return [_footnote(node)]
    return [Block(kind, _line(node))]  # anything else is reported by the mapping as not mapped


def _image(paragraph: Any, image: Any, rest: str) -> Block:
    """A paragraph that is one image (and perhaps an attribute block the plugin left as text)."""
    attrs = tuple((str(k), str(v)) for k, v in image.attrs.items() if k not in ("src", "alt"))
    source = unquote(str(image.attrGet("src") or ""))
    return Block("image", _line(paragraph), source, caption=_join_lines(_plain(image)), attrs=attrs,
                 rest=rest.strip())


def _table(node: Any, lines: list[str]) -> Block:
    """A GFM table: its cells row by row (header first), column alignments and typed cell counts."""
    from markdown_it.rules_block.table import escapedSplit

    cells: list[tuple[Block, ...]] = []
    typed: list[int] = []
    aligns: tuple[str, ...] = ()
    for part in node.children:  # thead, tbody
        for row in part.children:
            line = _line(row)
            cells.append(tuple(replace(_inline_block("paragraph", cell), line=line) for cell in row.children))
            if not aligns:
                aligns = tuple(_align(cell) for cell in row.children)
            typed_line = lines[line - 1].lstrip(" >") if line <= len(lines) else ""
            columns = escapedSplit(typed_line.strip())
            if columns and columns[0] == "":
                columns.pop(0)
            if columns and columns[-1] == "":
                columns.pop()
            typed.append(len(columns))
    rows = tuple(tuple(cell.text for cell in row) for row in cells)
    return Block("table", _line(node), rows=rows, cells=tuple(cells), aligns=aligns, typed=tuple(typed))


def _align(cell: Any) -> str:
    style = str(cell.attrs.get("style", ""))
    return style.removeprefix("text-align:") if style.startswith("text-align:") else ""


_BLOCK_NAMES = {"bullet_list": N_("a list"), "ordered_list": N_("a list"), "blockquote": N_("a block quote"),
                "table": N_("a table"), "fence": N_("code"), "code_block": N_("code"), "heading": N_("a heading"),
                "html_block": N_("raw HTML"), "hr": N_("a rule")}


def _footnote(node: Any) -> Block:
    """A footnote definition: its text as one paragraph; more paragraphs or other blocks are problems."""
    paragraphs = [child for child in node.children if child.type == "paragraph"]
    others = [child for child in node.children if child.type != "paragraph"]
    label = str(node.meta.get("label", ""))
    if not paragraphs:
        return Block("footnote", _line(node), label=label, problems=(Unmappable("empty-footnote", ""),))
    first = _inline_block("paragraph", paragraphs[0])
    problems = list(first.problems)
    if len(paragraphs) > 1:
        problems.append(Unmappable("footnote-paragraphs", ""))
    for other in others:
        name = _BLOCK_NAMES.get(other.type)
        problems.append(Unmappable("in-footnote", _(name) if name else other.type))
    return replace(first, type="footnote", line=_line(node), label=label, problems=tuple(problems))


def _plain(node: Any) -> str:
    """The text inside ``node`` (emphasis, a link's or an image's text), footnote marks kept."""
    pieces = []
    for child in node.walk():
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type == "footnote_ref" and child.meta.get("label"):
            pieces.append(f"[^{child.meta['label']}]")
    return "".join(pieces)


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
            for inner in child.walk():  # an image inside a link or emphasis is no figure
                if inner.type == "image":
                    problems.append(Unmappable("image", str(inner.attrGet("src"))))
                elif inner.type == "footnote_ref" and not inner.meta.get("label"):
                    problems.append(Unmappable("inline-footnote", ""))
        elif kind_of == "html_inline":
            html.append(child.content)
        elif kind_of == "image":
            problems.append(Unmappable("image", str(child.attrGet("src"))))
            pieces.append(_plain(child))
        elif kind_of == "footnote_ref" and child.meta.get("label"):
            pieces.append(f"[^{child.meta['label']}]")  # the outline's own footnote mark
        elif kind_of == "footnote_ref":
            problems.append(Unmappable("inline-footnote", ""))
        else:
            problems.append(Unmappable("other", _("inline {type}").format(type=kind_of)))
    if html:
        problems.insert(0, Unmappable("html", " ".join(html)))
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
