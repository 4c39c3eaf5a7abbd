"""``drafter check``'s engine: schema problems plus the faults a careful colleague would catch.

Every finding points at the line and column of the offending character inside its YAML scalar
(see :mod:`drafter.outline.scalarmap`) and, when the fault has a safe fix, carries the source edit that
``drafter fix`` applies. The rules walk the outline generically, guided by the type hints of the
kind's model (:mod:`drafter.outline.model`): any text field is checked for placeholders and punctuation,
any list of records with a ``heading`` is checked as a group of sibling sections.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import statistics
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import OutlineError, Problem
from drafter.i18n import N_, _
from drafter.markdown import is_markdown, parse_draft
from drafter.outline import yamlfile
from drafter.outline.formats import parse_document
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.load import outline_from_yaml
from drafter.outline.scalarmap import LineIndex, Span, char_spans
from drafter.outline.schema import fields_of
from drafter.outline.yamlfile import KeyPath, YamlDocument, format_path
from drafter.text.docnumber import normalise_doc_number, parse_doc_number
from drafter.text.grid import NO_LINE_START, break_lines
from drafter.text.numbering import TYPED_NUMBER, as_lead, heading_number, without_typed_number
from drafter.text.placeholders import PLACEHOLDER as _PLACEHOLDER
from drafter.text.titles import TITLE_CHARS, break_title
from drafter.text.typography import normalise_punctuation, punctuation_review

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    """A kind of finding: its code, severity, one-line summary and whether ``fix`` repairs it."""

    code: str
    severity: str
    summary: str
    fixable: bool = False

    @property
    def description(self) -> str:
        """The summary in the current language."""
        return _(self.summary)


RULES: dict[str, Rule] = {rule.code: rule for rule in (
    Rule("E001", ERROR, N_("the file cannot be read as YAML (syntax, encoding, duplicate key, tag)")),
    Rule("E002", ERROR, N_("the outline does not fit its kind's schema (unknown or missing key, wrong type, "
                        "empty text, impossible date, sections too deep)")),
    Rule("E003", ERROR, N_("Markdown that cannot be mapped to an outline (raw HTML, a heading that skips a level, "
                        "a code block, or a table, image or footnote, which outlines do not hold yet)")),
    Rule("E101", ERROR, N_("a placeholder was never filled in: XX, ××, ○○, □□, 某某, TODO, [待补充], 待定 …")),
    Rule("E102", ERROR, N_("a heading starts with a number typed by hand (一、 （一） 1. （1） 第一部分 …); "
                        "drafter numbers headings itself"), fixable=True),
    Rule("W201", WARNING, N_("half-width punctuation (, ; : ? ! . ( )) in Chinese text"), fixable=True),
    Rule("W202", WARNING, N_("straight quotes \" ' in Chinese text; write “ ” ‘ ’"), fixable=True),
    Rule("W203", WARNING, N_("a dash typed as -- or ———; write —— (a single — between numbers or dates "
                          "is the range connector 一字线 and is kept)"), fixable=True),
    Rule("W204", WARNING, N_("an ellipsis typed as ... or a single …; write ……"), fixable=True),
    Rule("W205", WARNING, N_("a mark with two readings that only the writer can choose between "
                          "(a single — between words: 破折号 —— or 一字线 —; a . between names: 。 or ·)")),
    Rule("W206", WARNING, N_("the year of a file number (发文字号) in brackets other than 〔〕"), fixable=True),
    Rule("W207", WARNING, N_("a . or • between the parts of a foreign name or a date name; write the 间隔号 ·"),
         fixable=True),
    Rule("W301", WARNING, N_("a section has a heading but no body (no paragraphs, points or subsections)")),
    Rule("W302", WARNING, N_("parallel headings of very different length (one is at least twice as long, "
                          "or half as long, as its siblings, and differs by 8 characters or more)")),
    Rule("W303", WARNING, N_("two sibling sections have the same heading")),
    Rule("W304", WARNING, N_("the title breaks into more than three lines (GB/T 9704 7.3.1): shorten it")),
    Rule("W305", WARNING, N_("a level-1 heading or a run-in lead leaves a single character on its last line "
                          "(孤字) on the 28-character grid")),
    Rule("W401", WARNING, N_("a 发文字号 not written as GB/T 9704 prints it (江规发〔2025〕12号: the full year in "
                          "〔〕, no 第, no leading zeros); drafter prints it corrected")),
    Rule("W402", WARNING, N_("a 请示 (request) without 签发人 (signer:), which a 上行文 must carry")),
    Rule("W403", WARNING, N_("the text refers to an attachment (附件3) that the 附件说明 (attachments:) does not list")),
    Rule("E404", ERROR, N_("the 印发日期 (printed_on:) is before the 成文日期 (date:)")),
)}
"""Every code ``check`` reports; E… are errors, W… warnings (documented in docs/companion.md)."""

_TYPOGRAPHY_CODES = {"half-width": "W201", "quote": "W202", "dash": "W203", "ellipsis": "W204",
                     "file-number": "W206", "interpunct": "W207"}
_TYPOGRAPHY_MESSAGES = {
    "W206": N_("file number year typed as `{typed}`; write `{fix}` (GB/T 9704 7.2.4)"),
    "W207": N_("`{typed}` between the parts of a name; write the 间隔号 `{fix}`"),
    "W201": N_("half-width `{typed}` in Chinese text; write `{fix}`"),
    "W202": N_("straight quote `{typed}` in Chinese text; write `{fix}`"),
    "W203": N_("dash typed as `{typed}`; write `{fix}`"),
    "W204": N_("ellipsis typed as `{typed}`; write `{fix}`"),
}

_DOUBT_MESSAGES = {
    "dash": N_("single `{typed}` in `{context}`: write {choices} (—— for a 破折号, an aside or a turn; "
               "— for a range such as 北京—上海); drafter leaves it as typed"),
    "interpunct": N_("`{typed}` in `{context}`: write {choices} (。 if a sentence ends here, · if it joins "
                     "the parts of a name); drafter leaves it as typed"),
}

VERBATIM_FIELDS = frozenset({"department", "references", "english"})
"""Keys whose text is not Chinese prose: a folder path, references in GB/T 7714 style (half-width
punctuation on purpose) and an article's English block. Only the placeholder rule applies inside."""

_ATTACHMENT_REFERENCE = re.compile(r"附件\s*([0-9]+)")


@dataclass(frozen=True)
class Edit:
    """Replace the source text ``[start, end)`` of the outline file with ``replacement``.

    ``path`` and ``value_span`` say which scalar and which characters of its value the edit
    changes, and ``value_replacement`` what they become (when it differs from the source text
    ``replacement``, e.g. a value re-quoted as a whole), so that ``fix`` can verify the result
    by parsing the file again.
    """

    start: int
    end: int
    replacement: str
    path: KeyPath = ()
    value_span: tuple[int, int] = (0, 0)
    value_replacement: str | None = None

    @property
    def new_text(self) -> str:
        """What the edited characters of the value become."""
        return self.replacement if self.value_replacement is None else self.value_replacement


@dataclass(frozen=True)
class Finding:
    """One fault in an outline file, at a line and column (1-based, in characters)."""

    file: str
    line: int
    column: int
    code: str
    message: str
    path: str = ""
    edit: Edit | None = None

    @property
    def severity(self) -> str:
        """``error`` or ``warning``, from the rule."""
        return RULES[self.code].severity

    @property
    def fixable(self) -> bool:
        """Whether ``drafter fix`` can repair it (it has a safe source edit)."""
        return self.edit is not None

    def __str__(self) -> str:
        mark = " [*]" if self.fixable else ""
        return f"{self.file}:{self.line}:{self.column}: {self.code}{mark} {self.message}"

    def as_json(self) -> dict[str, Any]:
        """The finding as a JSON object for ``--format json``."""
        return {
            "file": self.file, "line": self.line, "column": self.column, "code": self.code,
            "severity": self.severity, "message": self.message, "path": self.path,
            "fixable": self.fixable,
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings; each by file, line and column."""
    order = {ERROR: 0, WARNING: 1}
    return sorted(findings, key=lambda f: (order[f.severity], f.file, f.line, f.column, f.code))


class Locator:
    """Finds the source position of a character inside a scalar of a parsed outline."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.lines = LineIndex(document.text)
        self._spans: dict[KeyPath, list[Span] | None] = {}

    def spans(self, path: KeyPath, value: str) -> list[Span] | None:
        """Source span of each character of the string ``value`` at ``path`` (None: unknown)."""
        if path not in self._spans:
            scalar = self.document.scalars.get(path)
            self._spans[path] = None if scalar is None else char_spans(
                self.document.text, scalar.start, scalar.end, scalar.style, value)
        return self._spans[path]

    def position(self, path: KeyPath, value: str, offset: int) -> tuple[int, int]:
        """Line and column of ``value[offset]``; the scalar's start when it cannot be mapped."""
        spans = self.spans(path, value)
        if spans and 0 <= offset < len(spans):
            return self.lines.position(spans[offset][0])
        return self.document.mark(path)

    def edit(self, path: KeyPath, value: str, start: int, end: int, replacement: str) -> Edit | None:
        """The source edit replacing ``value[start:end]``; None when the span cannot be mapped."""
        spans = self.spans(path, value)
        if not spans or not 0 <= start < end <= len(spans):
            return None
        scalar = self.document.scalars.get(path)
        new_value = value[:start] + replacement + value[end:]
        if scalar and scalar.style is None and start == 0 and not _plain_safe(new_value):
            # the value would no longer read as plain text (it starts with [ or #, …): quote it whole
            source = self.document.text[scalar.start:scalar.end]
            if "\n" in source or "\r" in source:
                return None
            return Edit(scalar.start, scalar.end, json.dumps(new_value, ensure_ascii=False), path,
                        (0, len(value)), new_value)
        return Edit(spans[start][0], spans[end - 1][1], replacement, path, (start, end))


@dataclass
class Checked:
    """The result of checking one outline: its findings and, when it parsed, the YAML document."""

    findings: list[Finding]
    document: YamlDocument | None
    kind: Kind | None


def check_file(path: Path, display: str | None = None) -> Checked:
    """Check the outline file at ``path``."""
    name = display or str(path)
    try:
        text = yamlfile.read_text(path, name)
    except OutlineError as exc:
        return Checked([_problem_finding(p, "E001") for p in exc.problems], None, None)
    return check_text(text, name, path)


def check_text(text: str, file: str = "<outline>", source: Path | None = None) -> Checked:
    """Check outline source text (YAML, JSON, or a Markdown draft when ``file`` ends in .md):
    schema problems (E0xx) and lint findings.

    ``source`` is the outline's file: tables' spreadsheets and figures' images are found beside it.
    """
    if is_markdown(file):
        return check_markdown(text, file, source)
    try:
        document = parse_document(text, file)
    except OutlineError as exc:
        return Checked([_problem_finding(p, "E001") for p in exc.problems], None, None)
    findings: list[Finding] = []
    try:
        outline_from_yaml(document, source, reviewed=False)
    except OutlineError as exc:
        findings.extend(_problem_finding(p, "E002") for p in exc.problems)
    data = document.data
    kind = KINDS.get(data.get("kind")) if isinstance(data, dict) and isinstance(data.get("kind"), str) else None
    if kind is not None:
        findings.extend(Linter(document, kind).run())
    return Checked(sort_findings(findings), document, kind)


def check_markdown(text: str, file: str = "<draft.md>", source: Path | None = None) -> Checked:
    """Check a Markdown draft: what cannot be mapped (E003), the mapped outline's schema problems
    (E002) and lint findings, each at its line in the Markdown."""
    try:
        draft = parse_draft(text, file)
    except OutlineError as exc:
        return Checked([_problem_finding(p, "E001") for p in exc.problems], None, None)
    findings = [_problem_finding(p, "E003") for p in draft.unmapped]
    unmapped = set(draft.unmapped)
    try:
        outline_from_yaml(draft.document, source, reviewed=False)
    except OutlineError as exc:
        findings.extend(_problem_finding(p, "E002") for p in exc.problems if p not in unmapped)
    kind = KINDS.get(draft.kind)
    if kind is not None:
        findings.extend(Linter(draft.document, kind).run())
    return Checked(sort_findings(findings), draft.document, kind)


def _problem_finding(problem: Problem, code: str) -> Finding:
    message = _("{path}: {message}").format(path=problem.path, message=problem.message) \
        if problem.path else problem.message
    return Finding(problem.file, problem.line, problem.column, code, message, problem.path)


@dataclass(frozen=True)
class _Text:
    path: KeyPath
    value: str
    field: str


@dataclass(frozen=True)
class _Group:
    """A list of sibling records that have a ``heading`` (sections), with their level."""

    path: KeyPath
    items: tuple[tuple[int, dict[str, Any]], ...]
    record: type
    level: int


def walk(hint: Any, data: Any, path: KeyPath, field: str = "", level: int = 0) -> Iterator[_Text | _Group]:
    """Yield the texts and section groups of raw outline ``data`` typed by ``hint`` (wrong types skipped)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(hint):
            if option is not type(None) and _fits(option, data):
                yield from walk(option, data, path, field, level)
                return
        return
    if dataclasses.is_dataclass(hint) and isinstance(data, dict):
        for spec in fields_of(hint):
            if spec.name in data:
                yield from walk(spec.hint, data[spec.name], (*path, spec.name), spec.name, level)
        return
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(data, list):
            if dataclasses.is_dataclass(item) and "heading" in {s.name for s in fields_of(item)}:
                items = tuple((i, d) for i, d in enumerate(data) if isinstance(d, dict))
                yield _Group(path, items, item, level + 1)
                for index, element in enumerate(data):
                    yield from walk(item, element, (*path, index), field, level + 1)
                return
            for index, element in enumerate(data):
                yield from walk(item, element, (*path, index), field, level)
        elif item is str and isinstance(data, str):
            yield _Text(path, data, field)
        return
    if origin is dict and isinstance(data, dict):
        for name, element in data.items():
            yield from walk(typing.get_args(hint)[1], element, (*path, name), field, level)
        return
    if hint is str and isinstance(data, str):
        yield _Text(path, data, field)


def _fits(hint: Any, data: Any) -> bool:
    if dataclasses.is_dataclass(hint):
        return isinstance(data, dict)
    if typing.get_origin(hint) is tuple:
        return isinstance(data, (list, str))
    if hint is str:
        return isinstance(data, str)
    return False


class Linter:
    """Runs the content rules over one parsed outline of a known kind."""

    def __init__(self, document: YamlDocument, kind: Kind) -> None:
        self.document = document
        self.kind = kind
        self.locate = Locator(document)
        self.findings: list[Finding] = []
        self._seen: set[tuple[int, int, str]] = set()

    def run(self) -> list[Finding]:
        """All lint findings of the outline."""
        texts = []
        for item in walk(self.kind.model, self.document.data, ()):
            if isinstance(item, _Text):
                self.text(item)
                texts.append(item)
            else:
                self.group(item)
        if isinstance(self.document.data, dict):
            self.official(self.document.data, texts)
        return self.findings

    def official(self, data: dict[str, Any], texts: list[_Text]) -> None:
        """The 公文 rules: 发文字号 form, 签发人 of a 请示, attachments referred to, 印发 after 成文."""
        number = data.get("doc_number")
        if isinstance(number, str) and parse_doc_number(number) is not None:
            printed = normalise_doc_number(number)
            if printed != number.strip():
                self.add(("doc_number",), None, 0, "W401", _(
                    "发文字号 `{typed}` is printed `{printed}`; write it so").format(
                        typed=number.strip(), printed=printed))
        if self.kind.name == "request" and not data.get("signer"):
            self.add(("kind",), None, 0, "W402", _("a 请示 is sent up and carries 签发人: add signer: with the "
                                                 "name of who signed it off"))
        listed = data.get("attachments")
        count = len(listed) if isinstance(listed, list) else (1 if isinstance(listed, str) else 0)
        for item in texts:
            if item.path[:1] == ("attachments",):
                continue
            for match in _ATTACHMENT_REFERENCE.finditer(item.value):
                wanted = int(match.group(1))
                if wanted > count:
                    self.add(item.path, item.value, match.start(), "W403",
                             _("`{reference}` is referred to, but attachments: lists {count}").format(
                                 reference=match.group(), count=count))
        issued, printed_on = data.get("date"), data.get("printed_on")
        if isinstance(issued, dt.date) and isinstance(printed_on, dt.date) and printed_on < issued:
            self.add(("printed_on",), None, 0, "E404", _(
                "印发日期 {printed_on} is before the 成文日期 {issued}; a document is printed on or after "
                "the day it is dated").format(printed_on=printed_on, issued=issued))

    def add(self, path: KeyPath, value: str | None, offset: int, code: str, message: str,
            edit: Edit | None = None) -> None:
        """Record a finding at ``value[offset]`` (or at the node at ``path`` when value is None)."""
        if value is None:
            line, column = self.document.mark(path)
        else:
            line, column = self.locate.position(path, value, offset)
        if (line, column, code) in self._seen:  # the same text reached again through a YAML alias
            return
        self._seen.add((line, column, code))
        self.findings.append(Finding(self.document.file, line, column, code, message, format_path(path), edit))

    def text(self, item: _Text) -> None:
        """Placeholder and punctuation rules on one text value."""
        for match in _PLACEHOLDER.finditer(item.value):
            self.add(item.path, item.value, match.start(), "E101",
                     _("placeholder `{placeholder}` was never filled in").format(placeholder=match.group()))
        if self.kind.language != "zh" or any(part in VERBATIM_FIELDS for part in item.path):
            return
        if item.path == ("title",):
            self.title(item)
        review = punctuation_review(item.value)
        for doubt in review.doubts:
            typed = item.value[doubt.start:doubt.end]
            context = item.value[max(0, doubt.start - 4):doubt.end + 4]
            choices = _(" or ").join(f"`{c}`" for c in doubt.choices)
            self.add(item.path, item.value, doubt.start, "W205", _(_DOUBT_MESSAGES[doubt.code]).format(
                typed=typed, context=context, choices=choices))
        for fix in review.fixes:
            code = _TYPOGRAPHY_CODES.get(fix.code)
            if code is None or (code == "W206" and item.field == "doc_number"):
                continue  # the 发文字号 field has its own rule (W401)
            typed = item.value[fix.start:fix.end]
            offset = fix.start + (len(typed) - len(typed.lstrip(" ")))
            edit = self.locate.edit(item.path, item.value, fix.start, fix.end, fix.replacement)
            message = _(_TYPOGRAPHY_MESSAGES[code]).format(typed=typed.strip(" "), fix=fix.replacement)
            self.add(item.path, item.value, offset, code, message, edit)

    def title(self, item: _Text) -> None:
        """W304: a title of more than three lines once broken by meaning (as the renderer breaks it)."""
        lines = break_title(item.value, TITLE_CHARS)
        if len(lines) > 3:
            self.add(item.path, item.value, _first_char(item.value), "W304",
                     _("the title takes {count} lines of {chars} characters ({lines}); a title reads best "
                       "in at most three: shorten it").format(count=len(lines), chars=TITLE_CHARS,
                                                              lines=" / ".join(lines)))

    def group(self, group: _Group) -> None:
        """Section rules on a group of sibling sections."""
        headings: list[tuple[int, str]] = []
        body_fields = [s.name for s in fields_of(group.record) if typing.get_origin(s.hint) is tuple]
        for index, section in group.items:
            path = (*group.path, index)
            heading = section.get("heading")
            if not isinstance(heading, str):
                continue
            headings.append((index, heading))
            hpath = (*path, "heading")
            if self.kind.numbering:
                self.hand_number(hpath, heading, group.level)
            if self.kind.language == "zh" and self.kind.numbering:
                self.orphan(hpath, section, heading, group.level, index + 1)
            if not any(section.get(name) for name in body_fields):
                self.add(hpath, heading, _first_char(heading), "W301",
                         _("section '{heading}' has no body: add paragraphs, points or subsections").format(
                             heading=_short(heading)))
        self.lengths(group, headings)
        seen: dict[str, int] = {}
        for index, heading in headings:
            key = _core(without_typed_number(heading))
            if key and key in seen:
                self.add((*group.path, index, "heading"), heading, _first_char(heading), "W303",
                         _("same heading as section {number} of this list: '{heading}'").format(
                             number=seen[key] + 1, heading=_short(heading)))
            seen.setdefault(key, index)

    def orphan(self, path: KeyPath, section: dict[str, Any], heading: str, level: int, position: int) -> None:
        """W305: a single character (孤字) on the last line of a level-1 heading or a run-in lead,
        as the heading breaks on the grid (drafter.text.grid) once numbered and punctuated."""
        depth = min(level, len(self.kind.numbering))
        try:
            number = heading_number(self.kind.numbering, depth, position)
        except ValueError:
            return
        text = number + normalise_punctuation(without_typed_number(heading).strip())
        inline = section.get("inline")
        inline = inline if isinstance(inline, bool) else level in self.kind.inline_levels
        if inline:
            lead = number + as_lead(normalise_punctuation(without_typed_number(heading).strip()))
            first = section.get("paragraphs") or [""]
            body = normalise_punctuation(first[0]) if isinstance(first[0], str) else ""
            lines = break_lines(lead + body).lines
            end, at = len(lead), 0
            for line in lines:
                if at + len(line) >= end:
                    alone = lead[at:end].rstrip("".join(NO_LINE_START))
                    if at > 0 and len(alone) == 1:
                        self.add(path, heading, _first_char(heading), "W305",
                                 _("the run-in lead ends with `{alone}` alone on a line (…{before} / {alone}); "
                                   "shorten or lengthen it a little").format(
                                     alone=lead[at:end], before=lead[max(0, at - 6):at]))
                    return
                at += len(line)
            return
        if level != 1:
            return
        lines = break_lines(text)
        if lines.orphan:
            self.add(path, heading, _first_char(heading), "W305",
                     _("the heading leaves `{alone}` alone on its last line (…{before} / {alone}); "
                       "shorten or lengthen it a little").format(alone=lines.lines[-1],
                                                                  before=lines.lines[-2][-6:]))

    def hand_number(self, path: KeyPath, heading: str, level: int) -> None:
        """E102: a number typed into a heading that drafter numbers itself."""
        match = TYPED_NUMBER.match(heading)
        if not match or without_typed_number(heading) == heading:
            return
        typed = match.group().strip()
        depth = min(level, len(self.kind.numbering))
        expected = self.kind.numbering[depth - 1].format(zh="一", n=1)
        edit = self.locate.edit(path, heading, match.start(), match.end(), "")
        offset = match.start() + (len(match.group()) - len(match.group().lstrip()))
        self.add(path, heading, offset, "E102",
                 _("heading starts with the number `{typed}` typed by hand; drafter numbers it "
                   "(level {level}: {expected}…), so remove it").format(typed=typed, level=level,
                                                                       expected=expected), edit)

    def lengths(self, group: _Group, headings: list[tuple[int, str]]) -> None:
        """W302: a heading far longer or shorter than its siblings (numbers typed by hand not counted).

        With two siblings the longer is flagged when it is at least twice the shorter; with more,
        each heading is compared with the median length of the group.
        """
        if len(headings) < 2:
            return
        sizes = [len(_core(without_typed_number(h))) for _, h in headings]
        flagged = []
        if len(headings) == 2:
            long_at = 0 if sizes[0] > sizes[1] else 1
            longer, shorter = sizes[long_at], sizes[1 - long_at]
            if longer - shorter >= 8 and longer >= 2 * shorter:
                flagged.append((long_at, shorter))
        else:
            typical = statistics.median(sizes)
            for position, size in enumerate(sizes):
                if abs(size - typical) >= 8 and (size >= 2 * typical or size <= typical / 2):
                    flagged.append((position, typical))
        for position, typical in flagged:
            index, heading = headings[position]
            self.add((*group.path, index, "heading"), heading, _first_char(heading), "W302",
                     _("heading is {size} characters long but its parallel headings about {typical}; "
                       "parallel headings read best at similar length").format(
                         size=sizes[position], typical=f"{typical:g}"))


_PLAIN_START = re.compile(r"[-?:](?:[ \t]|$)|[\[\]{},#&*!|>'\"%@`\s]")


def _plain_safe(value: str) -> bool:
    """Whether ``value`` can be written as a plain YAML scalar that reads back as text."""
    if not value or _PLAIN_START.match(value) or value != value.rstrip():
        return False
    if ": " in value or " #" in value:
        return False
    return isinstance(yaml.safe_load(value), str) and yaml.safe_load(value) == value


def _core(heading: str) -> str:
    return re.sub(r"\s", "", heading)


def _first_char(text: str) -> int:
    return len(text) - len(text.lstrip())


def _short(text: str, limit: int = 16) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"
