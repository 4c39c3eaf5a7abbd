"""The document model: frozen dataclasses that are also the declared outline schema.

Each field's type hint says what the outline may hold there and its ``doc`` metadata says what
it means; :mod:`drafter.schema` reads both to validate outlines, to produce JSON Schema and to
document the keys. Defaults make a key optional; a field without a default is required.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, field
from typing import Any, Literal

Paragraphs = tuple[str, ...]


def key(doc: str, default: Any = MISSING, *, example: Any = None) -> Any:
    """A dataclass field carrying its one-line documentation (and an example for starters)."""
    metadata = {"doc": doc, "example": example}
    if default is MISSING:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Section:
    """A section of the body; sections nest (level 1 一、, 2 （一）, 3 1., 4 （1）)."""

    heading: str = key(
        "Heading text without its number: drafter numbers headings from their position.",
        example="深化认识、提高站位，深刻领会会议精神的时代内涵",
    )
    paragraphs: Paragraphs = key("Body paragraphs of the section, in order.", ())
    points: Paragraphs = key(
        "Parallel points rendered as one paragraph: 一是……；二是……；三是……。", ()
    )
    points_marker: str = key(
        "The verb after the ordinal in points: 是 gives 一是, 要 gives 一要.", "是"
    )
    sections: tuple[Section, ...] = key("Subsections, numbered one level down.", ())
    inline: bool | None = key(
        "true: the heading is the lead sentence of the first paragraph; false: on its own line. "
        "Unset: the kind decides (speeches run level 2 in).",
        None,
    )


@dataclass(frozen=True)
class Speech:
    """A speech at a meeting or seminar (讲话稿、研讨会发言)."""

    kind: Literal["speech"] = key("The kind of document.", example="speech")
    title: str = key("Main title.", example="深学笃行新思想，擘画城市新蓝图")
    subtitle: str | None = key(
        "Occasion line under the title, without the leading dash: 在……上的讲话.", None
    )
    speaker: str | None = key("Speaker's name, centred under the title.", None)
    date: dt.date | None = key("Date of delivery, rendered （2025年7月18日）.", None)
    salutation: str | None = key("Salutation such as 同志们; rendered 同志们：.", None)
    opening: Paragraphs = key("Opening paragraphs before the first section.", ())
    sections: tuple[Section, ...] = key("The numbered sections of the body.", ())
    closing: Paragraphs = key("Closing paragraphs, e.g. 谢谢大家！", ())
    department: str | None = key(
        "Department pack to render with: a folder, relative to this outline.", None
    )
