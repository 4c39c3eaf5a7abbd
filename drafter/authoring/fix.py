"""``drafter fix``'s engine: apply the safe fixes of ``check`` to the outline's source text.

Edits replace exactly the characters ``check`` located inside each YAML scalar, so comments, key
order, quoting and layout are kept byte for byte. Every round is verified by parsing the result
again: the changed scalars must hold exactly the fixed text and nothing else may change; an
edit that fails this (an unusual YAML construct) is left undone and stays reported by ``check``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from drafter.authoring.check import Edit, Finding, check_text
from drafter.errors import OutlineError
from drafter.outline.formats import parse_document
from drafter.outline.yamlfile import KeyPath, YamlDocument

MAX_ROUNDS = 5
"""Fixing can uncover another fixable fault (a number typed twice); rounds stop when none is left."""


@dataclass
class FixResult:
    """The fixed source text, the findings that were fixed and those that remain."""

    text: str
    fixed: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)


def fix_text(text: str, file: str = "<outline>") -> FixResult:
    """Apply every safe fix to outline source ``text``; the text is unchanged when there is none."""
    current = text
    fixed: list[Finding] = []
    for _ in range(MAX_ROUNDS):
        checked = check_text(current, file)
        fixable = [f for f in checked.findings if f.edit is not None]
        if not fixable or checked.document is None:
            break
        current, done = _apply_verified(current, file, checked.document, fixable)
        if not done:
            break
        fixed.extend(done)
    return FixResult(current, fixed, check_text(current, file).findings)


def _apply_verified(text: str, file: str, document: YamlDocument,
                    findings: list[Finding]) -> tuple[str, list[Finding]]:
    """Apply the findings' edits, keeping only those whose result parses back as intended."""
    chosen = _without_overlaps(findings)
    by_path: dict[KeyPath, list[Finding]] = {}
    for finding in chosen:
        assert finding.edit is not None
        by_path.setdefault(finding.edit.path, []).append(finding)
    everything = _apply(text, [f.edit for f in chosen if f.edit])
    if _parses_to(everything, file, _expected(document, by_path)):
        return everything, chosen
    # Something did not round-trip: apply scalar by scalar, from the end of the file backwards.
    done: list[Finding] = []
    current = text
    groups = sorted(by_path.items(), key=lambda item: -max(f.edit.start for f in item[1] if f.edit))
    for path, group in groups:
        trial = _apply(current, [f.edit for f in group if f.edit])
        expected = _expected(parse_document(current, file), {path: group})
        if expected is not None and _parses_to(trial, file, expected):
            current = trial
            done.extend(group)
    return current, done


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.edit.start, -f.edit.end) if f.edit else (0, 0))
    kept: list[Finding] = []
    for finding in ordered:
        edit = finding.edit
        if edit is None:
            continue
        if kept and kept[-1].edit and edit.start < kept[-1].edit.end:
            continue
        kept.append(finding)
    return kept


def _apply(text: str, edits: list[Edit]) -> str:
    out, last = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(text[last:edit.start])
        out.append(edit.replacement)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


def _expected(document: YamlDocument, by_path: dict[KeyPath, list[Finding]]) -> Any:
    """The document's data with each edited scalar's value changed the way its edits intend
    (everywhere the scalar appears: a YAML alias repeats it)."""
    result = copy.deepcopy(document.data)
    for path, group in by_path.items():
        value = _get(result, path)
        if not isinstance(value, str) or not path:
            return None
        for finding in sorted(group, key=lambda f: -f.edit.value_span[0] if f.edit else 0):
            assert finding.edit is not None
            start, end = finding.edit.value_span
            value = value[:start] + finding.edit.new_text + value[end:]
        span = document.scalars.get(path)
        for other, other_span in document.scalars.items():
            if other == path or (span is not None and other_span[:2] == span[:2]):
                _get(result, other[:-1])[other[-1]] = value
    return result


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _parses_to(text: str, file: str, expected: Any) -> bool:
    if expected is None:
        return False
    try:
        return parse_document(text, file).data == expected
    except OutlineError:
        return False
