"""Template filters of the 公文 kinds: document numbers, 份号, 密级, widths for a sealed signature.

Registered with the other filters in :mod:`drafter.compose.templates`; pure functions of outline
values, so the templates in ``templates/_gongwen.j2`` hold no string surgery.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from drafter.compose.context import NumberedSection, number_sections
from drafter.outline.gongwen import classification_text, copy_number_text
from drafter.outline.kinds import KINDS
from drafter.text.docnumber import normalise_doc_number


def text_width(text: str) -> float:
    """Width of ``text`` in characters: full-width characters 1, Latin letters and digits ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F") else 0.5 for c in text)


def sealed_signature_right(signature: str, date_text: str, date_right: float = 4, own: float = 2) -> float:
    """Extra right indent (characters, beyond the signature element's own ``own``) that centres a
    signature over a sealed date set ``date_right`` characters from the edge."""
    return max(0.0, date_right + (text_width(date_text) - text_width(signature)) / 2 - own)


def doc_number(text: str, prefix: str | None = None) -> str:
    """A 发文字号 as GB/T 9704 prints it (``江规发[2025]012号`` → ``江规发〔2025〕12号``)."""
    return normalise_doc_number(text, prefix or "")


MARK_SUFFIX = "文件"


def joint_mark(lines: Sequence[str]) -> tuple[list[str], str]:
    """Joint issuers' mark lines → (names, suffix): when every line ends in 文件, or only the
    last does, 文件 is taken off the names and set once beside them (GB/T 9704 §7.2.3); otherwise
    the lines stack as they are, with no suffix."""
    names = [line.strip() for line in lines if line.strip()]
    ending = [name.endswith(MARK_SUFFIX) and len(name) > len(MARK_SUFFIX) for name in names]
    if len(names) > 1 and (all(ending) or (ending[-1] and not any(ending[:-1]))):
        return [name.removesuffix(MARK_SUFFIX) for name in names], MARK_SUFFIX
    return names, ""


def attachment_title(item: object) -> str:
    """An attachment's title, whether the outline gave a title or a mapping with one."""
    title = item if isinstance(item, str) else getattr(item, "title", "")
    return str(title).rstrip("。；;，,")


def numbered(sections: Sequence[Any]) -> tuple[NumberedSection, ...]:
    """An attachment's sections numbered as a 公文's body: 一、 （一） 1. （1）, headings on their own lines."""
    return number_sections(tuple(sections), KINDS["notice"])


FILTERS = {
    "number_sections": numbered,
    "doc_number": doc_number,
    "copy_number": copy_number_text,
    "classification": classification_text,
    "text_width": text_width,
    "sealed_signature_right": sealed_signature_right,
    "attachment_title": attachment_title,
    "joint_mark": joint_mark,
}
