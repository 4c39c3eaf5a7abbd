"""Learn a department's look from a DOCX it already uses: page setup and per-element formatting.

Every property is resolved the way Word resolves it: direct formatting on the run or paragraph,
then the character style, then the paragraph style and the styles it is based on, then the
document defaults (``w:docDefaults``); theme fonts (``w:eastAsiaTheme``…) are looked up in the
theme. Elements are found by:

- ``body``: the paragraph style holding the most text;
- ``title``: a paragraph in style Title, else the first centred paragraph larger than the body;
- ``heading1``…``heading4``: paragraphs at outline level 1-4 (direct, or through their style,
  such as Word's "Heading N");
- any other element of the built-in profile whose name is a paragraph style's name
  (subtitle, speaker, date, signature, …) or a character style's name (lead, … "lead Char").

A document without paragraphs (a template) is learned from its styles alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from drafter.docx.profile import (
    PAPER_MM,
    SIZE_NAMES,
    TWIPS_PER_MM,
    ElementSpec,
    MarginsSpec,
    PageNumberSpec,
    PageSpec,
    ProfileSpec,
    RuleSpec,
    builtin_element_names,
)
from drafter.errors import DepartmentError
from drafter.i18n import _

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"

_ALIGN = {"both": "justify", "justify": "justify", "center": "center", "left": "left", "start": "left",
          "right": "right", "end": "right", "distribute": "distribute"}
_FALSE = {"0", "false", "off"}
HEADING_LEVELS = 4


def _attr(element: Any, name: str) -> str | None:
    return None if element is None else element.get(W + name)


def _on(element: Any) -> bool | None:
    """A toggle property (w:b, w:keepNext…): None when absent."""
    if element is None:
        return None
    return _attr(element, "val") not in _FALSE


# -- effective formatting ------------------------------------------------------------------------

class StyleSheet:
    """The styles part, the document defaults and the theme fonts of one document."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id = {s.get(W + "styleId"): s for s in root.findall(W + "style")}
        self.doc_rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.doc_ppr = root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        self.default_paragraph = next(
            (sid for sid, s in self.by_id.items()
             if s.get(W + "type") == "paragraph" and _attr(s, "default") in ("1", "true", "on")), None)
        self.theme = _theme_fonts(document)

    def name(self, style_id: str | None) -> str:
        """A style's name (lower case), or '' when unknown."""
        style = self.by_id.get(style_id or "")
        if style is None:
            return ""
        name = style.find(W + "name")
        return (_attr(name, "val") or style_id or "").lower()

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(W + "basedOn")
            style_id = _attr(based, "val")
        return out

    def theme_font(self, name: str | None) -> str | None:
        """``minorEastAsia`` → the theme's East Asian minor font, and so on."""
        return self.theme.get(name or "")


def _theme_fonts(document: Any) -> dict[str, str]:
    fonts: dict[str, str] = {}
    try:
        part = document.part.part_related_by(THEME_REL)
    except KeyError:
        return fonts
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:
        return fonts
    for which in ("major", "minor"):
        font = root.find(f".//{A}{which}Font")
        if font is None:
            continue
        latin = font.find(A + "latin")
        east = font.find(A + "ea")
        complex_script = font.find(A + "cs")
        hans = next((f.get("typeface") for f in font.findall(A + "font") if f.get("script") == "Hans"), None)
        latin_face = latin.get("typeface") if latin is not None else None
        east_face = (east.get("typeface") if east is not None else None) or hans
        if latin_face:
            fonts[f"{which}HAnsi"] = fonts[f"{which}Ascii"] = latin_face
        if complex_script is not None and complex_script.get("typeface"):
            fonts[f"{which}Bidi"] = complex_script.get("typeface")
        if east_face:
            fonts[f"{which}EastAsia"] = east_face
    return fonts


@dataclass(frozen=True)
class Look:
    """The effective formatting of a run in a paragraph (lengths in twips, sizes in points)."""

    font: str | None
    latin_font: str | None
    size: float
    bold: bool
    italic: bool
    spacing: int
    align: str
    first_chars: float | None
    first_tw: int
    hanging_chars: float | None
    hanging_tw: int
    left_tw: int
    left_chars: float | None
    right_tw: int
    right_chars: float | None
    before_tw: int
    before_lines: float | None
    after_tw: int
    after_lines: float | None
    line_tw: int | None
    line_rule: str
    keep_next: bool
    level: int | None
    color: str | None = None
    """Text colour as six hex digits (w:color), None for automatic."""
    scale: int | None = None
    """Horizontal character scaling in per cent (w:w), None for 100."""
    rule_above: BorderLook | None = None
    rule_below: BorderLook | None = None


@dataclass(frozen=True)
class BorderLook:
    """A paragraph rule (w:pBdr top or bottom) as Word writes it."""

    eighths: int
    """Width in eighths of a point (w:sz)."""
    color: str | None
    space_pt: int
    style: str


_RULE_STYLES = ("single", "double", "thickThinSmallGap", "thinThickSmallGap")
"""Border styles a profile rule can hold (others are learned as single)."""


def _border(pbdr: Any, side: str) -> BorderLook | None:
    """The ``side`` (top, bottom) border of a ``w:pBdr``, or None when it draws nothing."""
    edge = pbdr.find(W + side) if pbdr is not None else None
    style = _attr(edge, "val")
    if edge is None or style in (None, "nil", "none"):
        return None
    try:
        eighths = int(_attr(edge, "sz") or 4)
        space = int(_attr(edge, "space") or 0)
    except ValueError:
        return None
    return BorderLook(min(max(eighths, 2), 96), _hex(_attr(edge, "color")), min(max(space, 0), 31),
                      style if style in _RULE_STYLES else "single")


def _hex(value: str | None) -> str | None:
    """A w:color value as six upper-case hex digits; None for auto or anything else."""
    text = (value or "").strip().upper()
    return text if len(text) == 6 and all(c in "0123456789ABCDEF" for c in text) else None


class Resolver:
    """Looks up effective run and paragraph properties through styles and defaults."""

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet

    def _rpr_levels(self, run_rpr: Any, char_style: str | None, para_style: str | None) -> list[Any]:
        levels = [run_rpr]
        levels += [s.find(W + "rPr") for s in self.sheet.chain(char_style)]
        levels += [s.find(W + "rPr") for s in self.sheet.chain(para_style)]
        levels.append(self.sheet.doc_rpr)
        return [level for level in levels if level is not None]

    def _ppr_levels(self, para_ppr: Any, para_style: str | None) -> list[Any]:
        levels = [para_ppr] + [s.find(W + "pPr") for s in self.sheet.chain(para_style)]
        levels.append(self.sheet.doc_ppr)
        return [level for level in levels if level is not None]

    @staticmethod
    def _first(levels: list[Any], child: str, attribute: str | None = None) -> Any:
        for level in levels:
            element = level.find(W + child)
            if element is None:
                continue
            if attribute is None:
                return element
            value = _attr(element, attribute)
            if value is not None:
                return value
        return None

    def _font(self, levels: list[Any], slot: str) -> str | None:
        for level in levels:
            fonts = level.find(W + "rFonts")
            if fonts is None:
                continue
            if _attr(fonts, slot):
                return _attr(fonts, slot)
            theme = self.sheet.theme_font(_attr(fonts, slot + "Theme"))
            if theme:
                return theme
        return None

    def look(self, para_ppr: Any, para_style: str | None, run_rpr: Any, char_style: str | None) -> Look:
        """The effective formatting of a run (``run_rpr`` may be None for a style-only look)."""
        r = self._rpr_levels(run_rpr, char_style, para_style)
        p = self._ppr_levels(para_ppr, para_style)
        size = self._first(r, "sz", "val")
        bold = self._first(r, "b")
        italic = self._first(r, "i")
        spacing = self._first(r, "spacing", "val")

        def ind(name: str) -> str | None:
            value = self._first(p, "ind", name)
            return value

        def number(value: str | None) -> int:
            try:
                return round(float(value)) if value is not None else 0
            except ValueError:
                return 0

        def hundredths(value: str | None) -> float | None:
            return None if value is None else number(value) / 100

        # The first-line indent is one setting (firstLine or hanging, in twips or characters):
        # the nearest level that says anything about it decides all of it.
        first = next((ind for ind in (level.find(W + "ind") for level in p) if ind is not None and any(
            ind.get(W + a) is not None for a in ("firstLine", "firstLineChars", "hanging", "hangingChars"))),
            {})
        hanging = first.get(W + "hanging") is not None or first.get(W + "hangingChars") is not None
        level = self._first(p, "outlineLvl", "val")
        line = self._first(p, "spacing", "line")
        scale = number(self._first(r, "w", "val"))

        def rule(side: str) -> BorderLook | None:
            borders = next((b for b in (level.find(W + "pBdr") for level in p)
                            if b is not None and b.find(W + side) is not None), None)
            return _border(borders, side)

        return Look(
            font=self._font(r, "eastAsia"),
            latin_font=self._font(r, "ascii") or self._font(r, "hAnsi"),
            size=number(size) / 2 if size else 10.0,  # Word's default size is 10 pt
            bold=bool(_on(bold)),
            italic=bool(_on(italic)),
            spacing=number(spacing),
            align=_ALIGN.get(self._first(p, "jc", "val") or "left", "left"),
            first_chars=hundredths(first.get(W + "firstLineChars")) if not hanging else None,
            first_tw=number(first.get(W + "firstLine")) if not hanging else 0,
            hanging_chars=hundredths(first.get(W + "hangingChars")) if hanging else None,
            hanging_tw=number(first.get(W + "hanging")) if hanging else 0,
            left_tw=number(ind("left") or ind("start")),
            left_chars=hundredths(ind("leftChars") or ind("startChars")),
            right_tw=number(ind("right") or ind("end")),
            right_chars=hundredths(ind("rightChars") or ind("endChars")),
            before_tw=number(self._first(p, "spacing", "before")),
            before_lines=hundredths(self._first(p, "spacing", "beforeLines")),
            after_tw=number(self._first(p, "spacing", "after")),
            after_lines=hundredths(self._first(p, "spacing", "afterLines")),
            line_tw=number(line) if line is not None else None,
            line_rule=self._first(p, "spacing", "lineRule") or "auto",
            keep_next=bool(_on(self._first(p, "keepNext"))),
            level=(number(level) + 1) if level is not None and number(level) < 9 else None,
            color=_hex(self._first(r, "color", "val")),
            scale=scale if 1 <= scale <= 600 and scale != 100 else None,
            rule_above=rule("top"),
            rule_below=rule("bottom"),
        )


# -- sampling the document -----------------------------------------------------------------------

@dataclass
class Sample:
    """One paragraph as learned: its style, text and the look of its runs weighted by length."""

    style_id: str | None
    text: str
    looks: Counter[Look]
    char_looks: dict[str, Counter[Look]]
    first: Look | None = None
    """The look of the first run: a run-in heading's (（一）…。) when it differs from the rest."""


def _paragraph_samples(document: Any, resolver: Resolver, sheet: StyleSheet) -> list[Sample]:
    samples = []
    for paragraph in document.paragraphs:
        p = paragraph._p
        ppr = p.find(W + "pPr")
        style_id = _attr(ppr.find(W + "pStyle") if ppr is not None else None, "val") or sheet.default_paragraph
        looks: Counter[Look] = Counter()
        char_looks: dict[str, Counter[Look]] = {}
        text = ""
        first: Look | None = None
        for run in p.iter(W + "r"):
            run_text = "".join(t.text or "" for t in run.iter(W + "t"))
            if not run_text.strip():
                continue
            text += run_text
            rpr = run.find(W + "rPr")
            char_style = _attr(rpr.find(W + "rStyle") if rpr is not None else None, "val")
            look = resolver.look(ppr, style_id, rpr, char_style)
            first = first or look
            if char_style:
                char_looks.setdefault(char_style, Counter())[look] += len(run_text)
            else:
                looks[look] += len(run_text)
        if text.strip():
            samples.append(Sample(style_id, text, looks, char_looks, first))
    return samples


def _common(counters: list[Counter[Look]]) -> Look | None:
    total: Counter[Look] = Counter()
    for counter in counters:
        total.update(counter)
    return total.most_common(1)[0][0] if total else None


NUMBERED = (
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    (3, re.compile(r"^\d+[.．]")),
    (4, re.compile(r"^[（(]\d+[）)]")),
)
"""How GB/T 9704 numbers heading levels 1-4: 一、 （一） 1. （1）."""


def _level(sheet: StyleSheet, resolver: Resolver, sample: Sample) -> int | None:
    """A paragraph's heading level from its style name or outline level."""
    name = sheet.name(sample.style_id)
    if name.startswith("heading ") and name[8:].isdigit():
        return int(name[8:])
    look = _common([sample.looks])
    return look.level if look else None


def _numbered_level(sample: Sample) -> int | None:
    """A heading level from the number a paragraph starts with (一、 （一） 1. （1））."""
    text = sample.text.strip()
    for level, pattern in NUMBERED:
        if pattern.match(text):
            return level
    return None


@dataclass(frozen=True)
class Learned:
    """What learning found: page geometry (twips) and a look per element."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    footer: int | None
    grid_pitch: int | None
    looks: dict[str, Look]
    page_numbers: PageNumberSpec | None = None


def read_docx(path: Path) -> Learned:
    """Learn the page setup and element looks of the DOCX at ``path``."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise DepartmentError(_("{path}: cannot be read as a Word document (.docx): {reason}").format(
            path=path, reason=exc)) from None
    except Exception as exc:  # zipfile.BadZipFile, lxml errors…
        raise DepartmentError(_("{path}: cannot be read as a Word document (.docx): {reason}").format(
            path=path, reason=f"{type(exc).__name__}: {exc}")) from None
    sheet = StyleSheet(document)
    resolver = Resolver(sheet)
    samples = _paragraph_samples(document, resolver, sheet)
    looks = _element_looks(samples, sheet, resolver)
    if "body" not in looks:
        raise DepartmentError(_("{path}: found neither body paragraphs nor a Normal style to learn from").format(
            path=path))
    section = document.sections[0]._sectPr if document.sections else None
    numbers = _page_numbers(document, resolver) if document.sections else None
    return Learned(*_page(section), looks=looks, page_numbers=numbers)


def _page_numbers(document: Any, resolver: Resolver) -> PageNumberSpec | None:
    """The page number in the first section's footers: its text around {n}, look and place.

    ``enabled: false`` when the document has footers but no PAGE field in them; None (keep the
    base setting) when it has no footers at all."""
    section = document.sections[0]
    footers = []
    if not section.footer.is_linked_to_previous:
        footers.append(("odd", section.footer))
    if document.settings.odd_and_even_pages_header_footer and not section.even_page_footer.is_linked_to_previous:
        footers.append(("even", section.even_page_footer))
    if not footers:
        return None
    found: dict[str, tuple[str, Look]] = {}
    for side, footer in footers:
        for paragraph in footer.paragraphs:
            text, look = _field_text(paragraph._p, resolver)
            if look is not None and text.count("{n}") == 1:
                found[side] = (text, look)
                break
    if "odd" not in found:
        return PageNumberSpec(enabled=False)
    text, look = found["odd"]
    even = found.get("even", found["odd"])[1]
    points = look.size

    def edge(side_look: Look) -> float:
        twips = side_look.right_tw if side_look.align == "right" else side_look.left_tw
        return round(twips / (points * 20), 2)

    def place(side_look: Look) -> str:
        return side_look.align if side_look.align in ("left", "center", "right") else "left"

    return PageNumberSpec(
        enabled=True, format=text.strip(), font=look.font, size=_size(points),
        odd=place(look), even=place(even), edge_chars=edge(look),  # type: ignore[arg-type]
    )


def _field_text(p: Any, resolver: Resolver) -> tuple[str, Look | None]:
    """A footer paragraph's text with a PAGE field as {n}, and the look of the field's runs."""
    ppr = p.find(W + "pPr")
    style_id = _attr(ppr.find(W + "pStyle") if ppr is not None else None, "val")
    style_id = style_id or resolver.sheet.default_paragraph
    text, instruction, state = "", "", "text"
    look: Look | None = None
    for element in p.iter(W + "r", W + "fldSimple"):
        if element.tag == W + "fldSimple":
            if "PAGE" in (_attr(element, "instr") or "").split():
                text += "{n}"
                runs = element.findall(W + "r")
                rpr = runs[0].find(W + "rPr") if runs else None
                look = resolver.look(ppr, style_id, rpr, None)
            continue
        if element.getparent().tag == W + "fldSimple":
            continue
        char = element.find(W + "fldChar")
        kind = _attr(char, "fldCharType")
        if kind == "begin":
            state, instruction = "instruction", ""
        elif kind == "separate":
            state = "result"
        elif kind == "end":
            if "PAGE" in instruction.split():
                text += "{n}"
                look = resolver.look(ppr, style_id, element.find(W + "rPr"), None)
            state = "text"
        elif state == "instruction":
            instruction += "".join(t.text or "" for t in element.iter(W + "instrText"))
        elif state == "text":
            text += "".join(t.text or "" for t in element.iter(W + "t"))
    return text, look


def _style_look(resolver: Resolver, style_id: str) -> Look:
    return resolver.look(None, style_id, None, None)


def _element_looks(samples: list[Sample], sheet: StyleSheet, resolver: Resolver) -> dict[str, Look]:
    looks: dict[str, Look] = {}
    by_style: dict[str | None, list[Sample]] = {}
    weight: Counter[str | None] = Counter()
    for sample in samples:
        by_style.setdefault(sample.style_id, []).append(sample)
        weight[sample.style_id] += len(sample.text)
    # body: the paragraph style holding the most text (headings and titles excluded)
    body_style = next((sid for sid, _ in weight.most_common()
                       if not _level(sheet, resolver, by_style[sid][0])
                       and sheet.name(sid) not in ("title", "subtitle")), None)
    if body_style is not None:
        look = _common([s.looks for s in by_style[body_style]])
        if look is not None:
            looks["body"] = look
    elif sheet.default_paragraph:
        looks["body"] = _style_look(resolver, sheet.default_paragraph)
    body_size = looks["body"].size if "body" in looks else 0
    # title
    titled = [s for s in samples if sheet.name(s.style_id) == "title"]
    if not titled:
        for sample in samples[:6]:
            look = _common([sample.looks])
            if look and look.align == "center" and look.size > body_size and not _red(look):
                titled = [sample]
                break
    if titled:
        look = _common([titled[0].looks])
        if look:
            looks["title"] = look
    else:
        title_id = next((sid for sid in sheet.by_id if sheet.name(sid) == "title"), None)
        if title_id:
            looks["title"] = _style_look(resolver, title_id)
    # headings by outline level
    for level in range(1, HEADING_LEVELS + 1):
        at_level = [s for s in samples if _level(sheet, resolver, s) == level]
        look = _common([s.looks for s in at_level])
        if look is None:
            style_id = next((sid for sid in sheet.by_id if sheet.name(sid) == f"heading {level}"
                             and sheet.by_id[sid].get(W + "type") == "paragraph"), None)
            if style_id and not samples:
                look = _style_look(resolver, style_id)
        if look is not None:
            looks[f"heading{level}"] = dataclasses.replace(look, level=level)
    _numbered_headings(samples, sheet, resolver, looks)
    _red_header(samples, looks)
    # other elements named by a style
    known = builtin_element_names()
    for style_id, group in by_style.items():
        name = sheet.name(style_id)
        if name in known and name not in looks and name != "body":
            look = _common([s.looks for s in group])
            if look is not None:
                looks[name] = look
    char_counters: dict[str, list[Counter[Look]]] = {}
    for sample in samples:
        for style_id, counter in sample.char_looks.items():
            name = sheet.name(style_id).removesuffix(" char")
            if name in known and name not in looks:
                char_counters.setdefault(name, []).append(counter)
    for name, counters in char_counters.items():
        look = _common(counters)
        if look is not None:
            looks[name] = look
    return looks


def _numbered_headings(samples: list[Sample], sheet: StyleSheet, resolver: Resolver,
                       looks: dict[str, Look]) -> None:
    """Headings formatted by hand, found by their numbers: a short paragraph starting 一、 whose
    look differs from the body's is a level-1 heading; a paragraph starting （一） whose first
    run differs from the rest is a run-in heading (``lead``)."""
    body = looks.get("body")
    if body is None:
        return
    own: dict[int, list[Counter[Look]]] = {}
    run_in: dict[int, Counter[Look]] = {}
    for sample in samples:
        level = _numbered_level(sample)
        if level is None or _level(sheet, resolver, sample) or sample.first is None:
            continue
        look = _common([sample.looks])
        if look is None:
            continue
        if len(sample.looks) == 1 and len(sample.text) <= 60 and _visible(look) != _visible(body):
            own.setdefault(level, []).append(sample.looks)
        elif len(sample.looks) > 1 and _visible(sample.first) != _visible(look):
            run_in.setdefault(level, Counter())[sample.first] += 1
    for level, counters in own.items():
        name = f"heading{level}"
        if name not in looks:
            look = _common(counters)
            if look is not None:
                looks[name] = dataclasses.replace(look, level=level)
    for level, counter in run_in.items():
        name = "lead" if level == 2 else f"lead{level}"
        if name not in looks and level > 1:
            looks[name] = counter.most_common(1)[0][0]


def _red(look: Look) -> bool:
    """Whether a look's text is red (a 红头's mark): strong red, little green and blue."""
    if not look.color:
        return False
    r, g, b = (int(look.color[i:i + 2], 16) for i in (0, 2, 4))
    return r >= 0xB0 and g < 0x60 and b < 0x60


def _red_header(samples: list[Sample], looks: dict[str, Look]) -> None:
    """A 红头 formatted by hand: near the top, the red paragraph larger than the body is the
    issuer mark (``issuer_mark``) and the paragraph with a rule below it is the 发文字号
    (``doc_number``), red line included."""
    body = looks.get("body")
    if body is None:
        return
    head = samples[:12]
    if "issuer_mark" not in looks:
        mark = next((look for s in head if (look := _common([s.looks])) and _red(look) and look.size > body.size), None)
        if mark is not None:
            looks["issuer_mark"] = mark
    if "doc_number" not in looks:
        number = next((look for s in head if (look := _common([s.looks])) and look.rule_below is not None), None)
        if number is not None:
            looks["doc_number"] = number


def _visible(look: Look) -> tuple[Any, ...]:
    return (look.font, look.size, look.bold, look.italic)


def _page(sectpr: Any) -> tuple[int, int, int, int, int, int, int | None, int | None]:
    size = sectpr.find(W + "pgSz") if sectpr is not None else None
    margins = sectpr.find(W + "pgMar") if sectpr is not None else None
    grid = sectpr.find(W + "docGrid") if sectpr is not None else None

    def tw(element: Any, name: str, default: int | None) -> int | None:
        value = _attr(element, name)
        try:
            return abs(round(float(value))) if value is not None else default
        except ValueError:
            return default

    width, height = tw(size, "w", 11906), tw(size, "h", 16838)
    inch = 1440
    top, bottom = tw(margins, "top", inch), tw(margins, "bottom", inch)
    left, right = tw(margins, "left", inch), tw(margins, "right", inch)
    footer = tw(margins, "footer", None)
    pitch = tw(grid, "linePitch", None) if _attr(grid, "type") in ("lines", "linesAndChars", "snapToChars") else None
    return (width or 11906, height or 16838, top or 0, bottom or 0, left or 0, right or 0, footer, pitch)


# -- turning what was learned into a style profile ---------------------------------------------

def _mm(twips: int) -> float:
    return round(twips / TWIPS_PER_MM, 1)


def _size(points: float) -> float | str:
    names = {v: k for k, v in SIZE_NAMES.items()}
    if points in names:
        return names[points]
    return int(points) if points == int(points) else points


def _paper(width: int, height: int) -> str | None:
    w, h = width / TWIPS_PER_MM, height / TWIPS_PER_MM
    for name, (pw, ph) in PAPER_MM.items():
        if abs(pw - w) <= 1 and abs(ph - h) <= 1:
            return name
    return None


def to_spec(learned: Learned) -> ProfileSpec:
    """A style profile layer that reproduces what was learned when laid over the base profile."""
    body = learned.looks["body"]
    text_width = learned.width - learned.left - learned.right
    text_height = learned.height - learned.top - learned.bottom
    pitch = body.line_tw if body.line_rule == "exact" and body.line_tw else learned.grid_pitch
    if not pitch:  # auto spacing: approximate single spacing × the multiple, as an exact pitch
        multiple = (body.line_tw or 240) / 240 if body.line_rule == "auto" else 1
        pitch = round(body.size * 20 * 1.3 * multiple)
    lines = round(text_height / pitch) if pitch else 0
    page = PageSpec(
        size=_paper(learned.width, learned.height),  # type: ignore[arg-type]
        margins_mm=MarginsSpec(top=_mm(learned.top), bottom=_mm(learned.bottom),
                               left=_mm(learned.left), right=_mm(learned.right)),
        footer_mm=_mm(learned.footer) if learned.footer is not None else None,
        lines_per_page=lines if lines and text_height // lines == pitch else None,
        line_pitch=None if lines and text_height // lines == pitch else round(pitch / 20, 2),
    )
    body_tw = round(body.size * 20)
    chars = round(text_width / (body_tw + body.spacing)) if body_tw + body.spacing > 0 else 0
    grid = (text_width // chars - body_tw) if chars else 0
    on_grid = chars > 0 and grid == body.spacing
    page = dataclasses.replace(page, chars_per_line=chars if on_grid else None)
    # With chars_per_line unset the base profile's 28 would still apply: pin spacing instead.
    body_spacing = None if on_grid else body.spacing / 20
    elements = {}
    for name, look in learned.looks.items():
        if name == "body":
            expected_spacing = None
        elif on_grid:
            expected_spacing = grid if look.size == body.size else 0
        else:
            expected_spacing = body.spacing
        spacing = look.spacing / 20 if (name == "body" and body_spacing is not None) or \
            (expected_spacing is not None and look.spacing != expected_spacing) else None
        elements[name] = _element(look, pitch, spacing)
    return ProfileSpec(page=page, page_number=learned.page_numbers, elements=elements)


def _element(look: Look, page_pitch: int, char_spacing: float | None) -> ElementSpec:
    char_tw = look.size * 20
    own_pitch = look.line_tw if look.line_rule == "exact" and look.line_tw and look.line_tw != page_pitch else None
    pitch = own_pitch or page_pitch or char_tw

    def chars(value_chars: float | None, twips: int) -> float:
        if value_chars is not None:
            return round(value_chars, 2)
        return round(twips / char_tw, 2) if twips else 0

    def lines(value_lines: float | None, twips: int) -> float:
        if value_lines is not None:
            return round(value_lines, 2)
        return round(twips / pitch, 3) if twips else 0

    hanging = chars(look.hanging_chars, look.hanging_tw)
    return ElementSpec(
        font=look.font, latin_font=look.latin_font, size=_size(look.size), bold=look.bold,
        italic=True if look.italic else None, align=look.align,  # type: ignore[arg-type]
        indent=0 if hanging else chars(look.first_chars, look.first_tw),
        left_indent=chars(look.left_chars, look.left_tw) or None,
        right_indent=chars(look.right_chars, look.right_tw),
        hanging=hanging or None,
        space_before=lines(look.before_lines, look.before_tw),
        space_after=lines(look.after_lines, look.after_tw),
        line_pitch=round(own_pitch / 20, 2) if own_pitch else None,
        char_spacing=char_spacing, keep_with_next=look.keep_next, level=look.level,
        color=look.color, scale=look.scale,
        rule_above=_rule_spec(look.rule_above), rule_below=_rule_spec(look.rule_below),
    )


def _rule_spec(border: BorderLook | None) -> RuleSpec | None:
    """A learned border as a profile rule: width in mm, colour, space in points, style."""
    if border is None:
        return None
    return RuleSpec(width_mm=round(border.eighths / 8 / 72 * 25.4, 3), color=border.color or "000000",
                    space_pt=border.space_pt, style=border.style)  # type: ignore[arg-type]


def learn_spec(path: Path) -> ProfileSpec:
    """The style layer learned from the DOCX at ``path`` (used for a pack's reference.docx)."""
    return to_spec(read_docx(path))


# -- writing department.yaml -----------------------------------------------------------------------

def spec_to_data(spec: Any) -> Any:
    """A profile spec as plain YAML data, unset keys left out."""
    if dataclasses.is_dataclass(spec):
        out = {}
        for f in dataclasses.fields(spec):
            value = spec_to_data(getattr(spec, f.name))
            if value is not None:
                out[f.name] = value
        return out
    if isinstance(spec, dict):
        return {name: spec_to_data(value) for name, value in spec.items()}
    return spec


def _tidy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def _flow(value: Any) -> str:
    """One value as flow-style YAML on a single line."""
    text = yaml.safe_dump([_tidy(value)], allow_unicode=True, default_flow_style=True, width=10_000,
                          sort_keys=False).strip()
    return text[1:-1]


ELEMENT_ORDER = ("body", "title", "subtitle", "speaker", "date", "salutation",
                 "heading1", "heading2", "heading3", "heading4", "lead", "lead3", "lead4")


def pack_yaml(spec: ProfileSpec, source: Path, name: str) -> str:
    """The text of a learned ``department.yaml`` (comments say where it came from)."""
    data = spec_to_data(spec)
    lines = [
        "# " + _("Learned by `drafter department learn` from {file}.").format(file=source.name),
        *("# " + line for line in _(
            "Page setup and the look of each element found in the document; anything not listed\n"
            "comes from the built-in GB/T 9704 profile. Edit freely: see docs/departments.md.").splitlines()),
        f"name: {_flow(name)}",
        "style:",
        "  page:",
    ]
    for key, value in data.get("page", {}).items():
        lines.append(f"    {key}: {_flow(value)}")
    if "page_number" in data:
        lines.append(f"  page_number: {_flow(data['page_number'])}")
    lines.append("  elements:")
    elements = data.get("elements", {})
    order = [n for n in ELEMENT_ORDER if n in elements] + [n for n in elements if n not in ELEMENT_ORDER]
    for element in order:
        lines.append(f"    {element + ':':<15} {_flow(elements[element])}")
    return "\n".join(lines) + "\n"
