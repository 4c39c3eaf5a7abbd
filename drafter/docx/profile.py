"""Style profiles: page setup, page numbers and per-element fonts, written as YAML data.

A profile file holds only what it changes; files merge in order (built-in base → parent pack →
pack), then every element inherits from ``body``. Sizes are points or Chinese size names
(二号, 三号, 小四, …). The result, :class:`Profile`, is resolved to the units the DOCX writer
uses (twips, half-points) once, so writing never looks anything up twice.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from drafter.errors import OutlineError, ProfileError
from drafter.i18n import N_, _
from drafter.outline import yamlfile
from drafter.outline.model import key
from drafter.outline.schema import Validator
from drafter.resources import builtin_dir

SIZE_NAMES: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5, "小六": 6.5,
    "七号": 5.5, "八号": 5,
}
PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210, 297), "A3": (297, 420), "A5": (148, 210), "B5": (176, 250),
    "Letter": (215.9, 279.4), "Legal": (215.9, 355.6),
}
TWIPS_PER_MM = 1440 / 25.4

Align = Literal["left", "center", "right", "justify", "distribute"]


# -- what a profile file may say (every key optional, so files can be layered) ----------------

@dataclass(frozen=True)
class RuleSpec:
    """A rule drawn above or below a paragraph (a paragraph border), as wide as the paragraph."""

    width_mm: float | None = key(N_("Thickness in millimetres (0.35 thick, 0.25 thin in GB/T 9704)."), None)
    color: str | None = key(N_("Colour as six hex digits, e.g. FF0000."), None)
    space_pt: float | None = key(N_("Gap between the text and the rule, in points."), None)
    style: Literal["single", "double", "thickThinSmallGap", "thinThickSmallGap"] | None = key(
        N_("single, double, thickThinSmallGap (thick over thin) or thinThickSmallGap."), None)


@dataclass(frozen=True)
class ElementSpec:
    """How one element (title, body, heading1, lead, …) looks."""

    font: str | None = key(N_("Chinese (East Asian) font name, e.g. 仿宋_GB2312."), None)
    latin_font: str | None = key(N_("Font for Latin letters and digits."), None)
    size: float | str | None = key(N_("Points, or a size name: 二号, 三号, 小四…."), None)
    bold: bool | None = key(N_("Bold."), None)
    italic: bool | None = key(N_("Italic."), None)
    align: Align | None = key(N_("left, center, right, justify or distribute."), None)
    indent: float | None = key(N_("First-line indent in characters (2 for body text)."), None)
    left_indent: float | None = key(N_("Left indent in characters."), None)
    right_indent: float | None = key(N_("Right indent in characters."), None)
    hanging: float | None = key(N_("Hanging indent in characters."), None)
    space_before: float | None = key(N_("Space before, in lines."), None)
    space_after: float | None = key(N_("Space after, in lines."), None)
    line_pitch: float | None = key(N_("Exact line height in points (default: the page grid)."), None)
    char_spacing: float | None = key(N_("Character spacing in points (default: the page grid's)."), None)
    keep_with_next: bool | None = key(N_("Keep on the same page as the next paragraph."), None)
    keep_with_previous: bool | None = key(
        N_("Keep on the same page as the paragraph before (a signature never starts a page alone)."), None)
    level: int | None = key(N_("Outline level (1-9) for headings: shows in the navigation pane and TOC."), None)
    color: str | None = key(N_("Text colour as six hex digits: FF0000 for a red header."), None)
    scale: float | None = key(N_("Horizontal character scaling in per cent (Word's w:w): 100 is normal."), None)
    fit_width: bool | None = key(
        N_("Squeeze a line that is wider than the text block to its width (never wrap it): issuer marks."), None)
    right_tab: float | None = key(
        N_("A right-aligned tab stop this many characters inside the right indent (0: at it): text after "
        "a tab sits flush right."), None)
    rule_above: RuleSpec | None = key(N_("A rule above the paragraph (top border)."), None)
    rule_below: RuleSpec | None = key(N_("A rule below the paragraph (bottom border)."), None)


@dataclass(frozen=True)
class MarginsSpec:
    """Page margins in millimetres."""

    top: float | None = key(N_("Top margin, mm."), None)
    bottom: float | None = key(N_("Bottom margin, mm."), None)
    left: float | None = key(N_("Left margin, mm."), None)
    right: float | None = key(N_("Right margin, mm."), None)


@dataclass(frozen=True)
class PageSpec:
    """Paper, margins and the line grid."""

    size: Literal["A4", "A3", "A5", "B5", "Letter", "Legal"] | None = key(N_("Paper size."), None)
    margins_mm: MarginsSpec | None = key(N_("Margins in millimetres."), None)
    footer_mm: float | None = key(N_("Distance of the footer (page number) from the bottom edge, mm."), None)
    lines_per_page: int | None = key(N_("Lines of body text on a full page (22 in GB/T 9704)."), None)
    chars_per_line: int | None = key(N_("Body characters on a full line (28 in GB/T 9704)."), None)
    line_pitch: float | None = key(N_("Line pitch in points; default: the text height / lines_per_page."), None)


@dataclass(frozen=True)
class PageNumberSpec:
    """The page number in the footer."""

    enabled: bool | None = key(N_("Whether pages are numbered."), None)
    format: str | None = key(N_("Text around the number; {n} is the number: '— {n} —'."), None)
    font: str | None = key(N_("Font of the page number."), None)
    size: float | str | None = key(N_("Size of the page number."), None)
    odd: Literal["left", "center", "right"] | None = key(N_("Position on odd pages."), None)
    even: Literal["left", "center", "right"] | None = key(N_("Position on even pages."), None)
    edge_chars: float | None = key(N_("Distance from the text edge, in characters of the number's size."), None)


@dataclass(frozen=True)
class FootnoteSpec:
    """How footnotes are numbered."""

    numbers: Literal["circled", "arabic"] | None = key(N_("circled: ① ② ③ (default); arabic: 1 2 3."), None)


@dataclass(frozen=True)
class ProfileSpec:
    """A style profile file, or the ``style:`` part of a department pack."""

    language: str | None = key(N_("Document language, e.g. zh-CN or en-GB."), None)
    page: PageSpec | None = key(N_("Paper, margins and grid."), None)
    page_number: PageNumberSpec | None = key(N_("Page numbers."), None)
    elements: dict[str, ElementSpec] | None = key(N_("Look of each element, by name."), None)
    footnotes: FootnoteSpec | None = key(N_("Footnote numbering."), None)


def merge_specs(base: Any, override: Any) -> Any:
    """``override`` laid over ``base``: keys set in ``override`` win, recursively."""
    if override is None:
        return base
    if base is None:
        return override
    if isinstance(base, dict):
        merged = dict(base)
        for name, value in override.items():
            merged[name] = merge_specs(base.get(name), value)
        return merged
    if dataclasses.is_dataclass(base):
        changes = {f.name: merge_specs(getattr(base, f.name), getattr(override, f.name))
                   for f in dataclasses.fields(base)}
        return dataclasses.replace(base, **changes)
    return override


def read_spec(path: Path) -> ProfileSpec:
    """Read and validate one profile file."""
    try:
        document = yamlfile.load(path)
        validator = Validator(document)
        spec = validator.record(ProfileSpec, document.data or {}, ())
        if validator.problems:
            raise OutlineError(validator.problems)
    except OutlineError as exc:
        raise ProfileError(_("style profile {reason}").format(reason=exc)) from None
    return spec


# -- the resolved profile the writer uses -------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """A paragraph border in writer units: eighths of a point, points of space, hex colour."""

    eighths: int
    space_pt: int
    color: str
    style: str


@dataclass(frozen=True)
class Style:
    """An element's look in writer units: sizes in half-points, lengths in twips."""

    name: str
    font: str
    latin_font: str
    half_points: int
    bold: bool
    italic: bool
    align: str
    first_line_tw: int
    first_line_chars: int
    left_tw: int
    right_tw: int
    hanging_tw: int
    before_tw: int
    after_tw: int
    line_tw: int
    spacing_twentieths: int
    keep_with_next: bool
    keep_with_previous: bool
    level: int | None
    color: str | None = None
    scale: int | None = None
    fit_width: bool = False
    right_tab_tw: int | None = None
    rule_above: Rule | None = None
    rule_below: Rule | None = None


@dataclass(frozen=True)
class PageNumbers:
    """Footer page numbers, resolved."""

    enabled: bool
    before: str
    after: str
    font: str
    latin_font: str
    half_points: int
    odd: str
    even: str
    edge_tw: int


@dataclass(frozen=True)
class Page:
    """Page geometry in twips."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    footer: int
    line_pitch: int
    chars_per_line: int


@dataclass(frozen=True)
class Profile:
    """A resolved style profile: page, page numbers and a style per element."""

    language: str
    page: Page
    page_numbers: PageNumbers
    styles: dict[str, Style]
    footnote_numbers: str = "circled"
    """circled (① ②) or arabic (1 2): how footnote marks are numbered."""

    def style(self, name: str) -> Style:
        """The style of element ``name`` (KeyError when the profile has no such element)."""
        return self.styles[name]


def size_points(value: float | str, where: str) -> float:
    """A size in points from a number, "16pt" or a Chinese size name."""
    if isinstance(value, (int, float)):
        points = float(value)
    else:
        text = value.strip()
        if text in SIZE_NAMES:
            points = SIZE_NAMES[text]
        else:
            try:
                points = float(text.removesuffix("pt").removesuffix("磅").strip())
            except ValueError:
                names = "、".join(SIZE_NAMES)
                raise ProfileError(_("{where}: size {value!r} is neither points nor a size name ({names})").format(
                                     where=where, value=value, names=names)) from None
    if not 1 <= points <= 200:
        raise ProfileError(_("{where}: size {value!r} is out of range (1-200 pt)").format(where=where, value=value))
    return points


def resolve(spec: ProfileSpec) -> Profile:
    """Turn a merged :class:`ProfileSpec` into a :class:`Profile` (units, inheritance from body)."""
    page = _resolve_page(spec.page or PageSpec())
    elements = spec.elements or {}
    if "body" not in elements or not elements["body"].font or elements["body"].size is None:
        raise ProfileError(_("style profile: elements.body must give at least font and size"))
    body = elements["body"]
    body_points = size_points(body.size, "elements.body")
    width = page.width - page.left - page.right
    grid_spacing = math.floor(width / page.chars_per_line - body_points * 20) if page.chars_per_line else 0
    styles = {}
    for name, element in elements.items():
        merged = element if name == "body" else merge_specs(body, element)
        styles[name] = _resolve_style(name, merged, page, body_points, grid_spacing)
    numbers = _resolve_page_numbers(spec.page_number or PageNumberSpec(), styles["body"])
    footnote_numbers = (spec.footnotes.numbers if spec.footnotes else None) or "circled"
    return Profile(spec.language or "zh-CN", page, numbers, styles, footnote_numbers)


def _resolve_page(spec: PageSpec) -> Page:
    width_mm, height_mm = PAPER_MM[spec.size or "A4"]
    margins = spec.margins_mm or MarginsSpec()

    def tw(mm: float | None, default: float) -> int:
        return round((default if mm is None else mm) * TWIPS_PER_MM)

    top, bottom = tw(margins.top, 25.4), tw(margins.bottom, 25.4)
    left, right = tw(margins.left, 25.4), tw(margins.right, 25.4)
    height = tw(height_mm, 0)
    if spec.line_pitch:
        pitch = round(spec.line_pitch * 20)
    elif spec.lines_per_page:
        pitch = (height - top - bottom) // spec.lines_per_page
    else:
        pitch = 0
    return Page(tw(width_mm, 0), height, top, bottom, left, right,
                tw(spec.footer_mm, 25), pitch, spec.chars_per_line or 0)


def _resolve_style(name: str, e: ElementSpec, page: Page, body_points: float, grid: int) -> Style:
    points = size_points(e.size if e.size is not None else body_points, f"elements.{name}")
    char_tw = points * 20

    def chars(value: float | None) -> int:
        return round((value or 0) * char_tw)

    pitch = round(e.line_pitch * 20) if e.line_pitch else page.line_pitch
    if e.char_spacing is not None:
        spacing = round(e.char_spacing * 20)
    else:
        spacing = grid if points == body_points else 0
    return Style(
        name=name, font=e.font or "宋体", latin_font=e.latin_font or "Times New Roman",
        half_points=round(points * 2), bold=bool(e.bold), italic=bool(e.italic),
        align=e.align or "justify", first_line_tw=chars(e.indent),
        first_line_chars=round((e.indent or 0) * 100), left_tw=chars(e.left_indent),
        right_tw=chars(e.right_indent), hanging_tw=chars(e.hanging),
        before_tw=round((e.space_before or 0) * (pitch or char_tw)),
        after_tw=round((e.space_after or 0) * (pitch or char_tw)),
        line_tw=pitch, spacing_twentieths=spacing, keep_with_next=bool(e.keep_with_next),
        keep_with_previous=bool(e.keep_with_previous),
        level=e.level,
        color=_colour(e.color, f"elements.{name}.color"),
        scale=_scale(e.scale, name),
        fit_width=bool(e.fit_width),
        # tab stops are measured from the text block's left edge, in Word and LibreOffice alike
        right_tab_tw=(page.width - page.left - page.right - chars(e.right_indent) - chars(e.right_tab)
                      if e.right_tab is not None else None),
        rule_above=_rule(e.rule_above, f"elements.{name}.rule_above"),
        rule_below=_rule(e.rule_below, f"elements.{name}.rule_below"),
    )


def _colour(value: str | None, where: str) -> str | None:
    """``#ff0000``/``FF0000`` → ``FF0000``; None stays None."""
    if value is None:
        return None
    text = value.strip().lstrip("#").upper()
    if len(text) != 6 or any(c not in "0123456789ABCDEF" for c in text):
        raise ProfileError(_("{where}: colour {value!r} is not six hex digits such as FF0000").format(
                             where=where, value=value))
    return text


def _scale(value: float | None, name: str) -> int | None:
    if value is None:
        return None
    if not 1 <= value <= 600:
        raise ProfileError(_("elements.{name}.scale: {value} is outside 1-600 per cent").format(
                             name=name, value=value))
    return round(value)


def _rule(spec: RuleSpec | None, where: str) -> Rule | None:
    """A rule spec resolved: width to eighths of a point (Word's w:sz, 2-96), default black."""
    if spec is None:
        return None
    width = spec.width_mm if spec.width_mm is not None else 0.35
    eighths = round(width / 25.4 * 72 * 8)
    if not 2 <= eighths <= 96:
        raise ProfileError(_("{where}: width_mm {width} is outside 0.07-1.7 mm").format(where=where, width=width))
    space = round(spec.space_pt or 0)
    if not 0 <= space <= 31:
        raise ProfileError(_("{where}: space_pt {space_pt} is outside 0-31 points").format(
                             where=where, space_pt=spec.space_pt))
    return Rule(eighths, space, _colour(spec.color, f"{where}.color") or "000000", spec.style or "single")


def _resolve_page_numbers(spec: PageNumberSpec, body: Style) -> PageNumbers:
    text = spec.format if spec.format is not None else "— {n} —"
    if text.count("{n}") != 1:
        raise ProfileError(_("style profile: page_number.format {text!r} must contain {{n}} exactly once").format(
                             text=text))
    before, after = text.split("{n}")
    points = size_points(spec.size, "page_number") if spec.size is not None else 14
    return PageNumbers(
        enabled=spec.enabled is not False, before=before, after=after,
        font=spec.font or "宋体", latin_font=body.latin_font, half_points=round(points * 2),
        odd=spec.odd or "right", even=spec.even or "left",
        edge_tw=round((spec.edge_chars if spec.edge_chars is not None else 1) * points * 20),
    )


def load_profile(files: list[Path]) -> Profile:
    """Read profile files in order (base first), merge them and resolve the result."""
    merged: ProfileSpec | None = None
    for path in files:
        merged = merge_specs(merged, read_spec(path))
    return resolve(merged or ProfileSpec())


@cache
def builtin_element_names() -> frozenset[str]:
    """Element names of the built-in profiles (what a department's ``style:`` may restyle)."""
    names: set[str] = set()
    for file in (builtin_dir() / "profiles").glob("*.yaml"):
        names |= set((read_spec(file).elements or {}))
    return frozenset(names)
