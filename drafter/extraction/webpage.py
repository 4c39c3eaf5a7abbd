"""A web page saved from a browser (.html, .htm): its text block by block, without the page's chrome.

Python's own :mod:`html.parser` reads the markup (it never fails on broken HTML). Each block
element (p, div, li, td, h1…, and each line ended by <br>) gives one paragraph, numbered by the
source line where it starts. Scripts, styles, forms and the page's navigation, sidebars and
footers (<nav>, <aside>, <footer>, or a class or id such as ``breadcrumb``, ``share``,
``related``) and a block that is nothing but a link (a menu entry, 上一篇：…) are marked as
furniture, and the cleanup drops them with that reason like any other boilerplate.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from drafter.extraction.sources import ExtractError, Para
from drafter.i18n import _

_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "select", "button",
                          "head", "textarea", "canvas", "video", "audio", "map"})
"""Elements whose text is never shown as the page's text."""
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside"})
"""Not <form>: ASP.NET sites wrap the whole page in one."""
_BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                         "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead", "blockquote",
                         "pre", "br", "hr", "center", "figure", "figcaption", "address", "caption", "body", "html"})
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
_FURNITURE_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
                              "footer", "sidebar", "share", "bdshare", "comment", "comments", "related", "recommend",
                              "copyright", "pagination", "pager", "toolbar", "topbar", "login", "search", "advert",
                              "ads", "qrcode"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.IGNORECASE)


def decode_html(data: bytes, path: Path) -> str:
    """The page's text in the charset its <meta> names (gb2312 read as its superset GB18030),
    else UTF-8, else GB18030."""
    declared = _CHARSET.search(data[:4096])
    encodings = ["utf-8-sig", "gb18030"]
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        encodings.insert(0, "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name)
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ExtractError(_("{path}: the page is neither in its declared charset, UTF-8 nor GB18030; save it as "
                         "UTF-8").format(path=path))


def _furniture(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
    """Why an element is not the document's text: ``hidden`` (scripts, styles, hidden
    elements: nothing to report), or the page furniture it is (reported with its text)."""
    if tag in _HIDDEN_TAGS:
        return "hidden"
    for name, value in attrs:
        if name == "hidden" or (name == "style" and value and re.search(r"display\s*:\s*none", value, re.I)):
            return "hidden"
    if tag in _FURNITURE_TAGS:
        return _("page furniture (<{tag}>)").format(tag=tag)
    for name, value in attrs:
        if name in ("class", "id", "role") and value:
            words = set(re.split(r"[\s_\-]+", value.lower()))
            if words & _FURNITURE_WORDS:
                return _("page furniture (<{tag} {name}=\"{value}\">)").format(tag=tag, name=name, value=value)
    return None


class _Blocks(HTMLParser):
    """Collects (line, text, furniture reason or None) blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, why it is not text)
        self.blocks: list[tuple[int, str, str | None]] = []
        self.text: list[str] = []
        self.linked = 0
        self.unlinked = 0
        self.start = 0
        self.links = 0
        self.why: str | None = None

    def _state(self) -> str | None:
        reasons = [why for _, why in self.stack if why]
        return "hidden" if "hidden" in reasons else (reasons[0] if reasons else None)

    def flush(self) -> None:
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.text)).strip()
        if text:
            from drafter.text.typography import join_lines

            why = self.why or ("link line" if self.linked > 0 and self.unlinked == 0 else None)
            self.blocks.append((self.start, join_lines(text), why))
        self.text, self.linked, self.unlinked = [], 0, 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS or tag in _FURNITURE_TAGS or _furniture(tag, attrs):
            self.flush()
        if tag == "a":
            self.links += 1
        if tag not in _VOID_TAGS:
            self.stack.append((tag, _furniture(tag, attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return
        if tag in _BLOCK_TAGS or any(why for _, why in self.stack[-1:]):
            self.flush()
        while self.stack:
            open_tag, why = self.stack.pop()
            if why:
                self.flush()
            if open_tag == tag:
                break
        if tag == "a":
            self.links = max(0, self.links - 1)

    def handle_data(self, data: str) -> None:
        state = self._state()
        if state == "hidden":
            return
        if not self.text or not "".join(self.text).strip():
            self.start = self.getpos()[0]
            self.why = state
        self.text.append(data)
        if data.strip():
            if self.links:
                self.linked += len(data.strip())
            else:
                self.unlinked += len(data.strip())


def read_html(path: Path) -> list[Para]:
    """The blocks of text of a saved web page, each a :class:`Para` at its source line."""
    parser = _Blocks()
    parser.feed(decode_html(path.read_bytes(), path))
    parser.close()
    parser.flush()
    return [Para(text, line, furniture=why) for line, text, why in parser.blocks]
