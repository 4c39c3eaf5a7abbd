"""The pipeline: outline → template context → block markup → blocks → DOCX bytes → file."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from drafter import __version__
from drafter.blocks import Block, parse_blocks
from drafter.context import template_context
from drafter.docx.writer import DocumentInfo, write_docx
from drafter.kinds import Kind
from drafter.outline import Outline, load_outline
from drafter.output import check_not_source, check_writable, write_atomic
from drafter.profile import Profile, load_profile
from drafter.templates import Templates, builtin_dir


class Renderer:
    """Renders outlines with one template search path; templates and profiles are loaded once."""

    def __init__(self, search_path: Sequence[Path] = ()) -> None:
        self.templates = Templates(search_path)
        self._profiles: dict[str, Profile] = {}

    def profile(self, kind: Kind) -> Profile:
        """The resolved style profile for ``kind`` (cached)."""
        if kind.profile not in self._profiles:
            files = [builtin_dir() / "profiles" / f"{kind.profile}.yaml"]
            self._profiles[kind.profile] = load_profile(files)
        return self._profiles[kind.profile]

    def blocks(self, outline: Outline) -> list[Block]:
        """The block stream of an outline, from its kind's template."""
        context = template_context(outline.document, outline.kind)
        name = outline.kind.template
        markup = self.templates.render(name, context)
        origin = self.templates.origin(name)
        return parse_blocks(markup, str(origin or name), chinese=outline.kind.language == "zh")

    def docx(self, outline: Outline) -> bytes:
        """The DOCX package of an outline."""
        document = outline.document
        info = DocumentInfo(
            title=getattr(document, "title", ""),
            author=getattr(document, "speaker", None) or "",
            stamp=_stamp(getattr(document, "date", None)),
            generator=__version__,
        )
        return write_docx(self.blocks(outline), self.profile(outline.kind), info)


def _stamp(date: dt.date | None) -> str:
    """Creation time for core properties: --now, SOURCE_DATE_EPOCH, the outline's date, or fixed."""
    from drafter.clock import stamp

    return stamp(date)


def default_output(source: Path) -> Path:
    """``speech.yaml`` → ``speech.docx`` beside it."""
    return source.with_suffix(".docx")


def render_file(source: str | Path, output: str | Path | None = None) -> Path:
    """Render the outline file ``source`` to ``output`` (default: beside it, .docx); returns the path."""
    source = Path(source)
    target = Path(output) if output else default_output(source)
    check_not_source(target, source)
    check_writable(target)
    outline = load_outline(source)
    write_atomic(target, Renderer().docx(outline))
    return target
