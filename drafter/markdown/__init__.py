"""Markdown drafts as outlines: a draft written in Markdown (by hand or by a language model) is
read through markdown-it and mapped to the same outline a YAML file gives.

Modules, one job each: ``reader`` (Markdown → front matter and flat blocks, through
markdown-it-py and mdit-py-plugins), ``head`` (the head lines under a title: occasion, speaker,
date, salutation, addressee, 摘要/关键词), ``guess`` (the kind, with the reason), ``mapping``
(blocks → outline data with the Markdown line of every value), and this package's
:func:`read_draft` / :func:`outline_from_draft`, which put them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when used, so that reading a YAML outline never loads the Markdown stage
    from drafter.markdown.mapping import Draft
    from drafter.outline.load import Outline

MARKDOWN_SUFFIXES = (".md", ".markdown")

__all__ = ["MARKDOWN_SUFFIXES", "is_markdown", "parse_draft", "read_draft", "outline_from_draft"]


def is_markdown(path: str | Path) -> bool:
    """Whether ``path`` names a Markdown draft (.md, .markdown)."""
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def parse_draft(text: str, file: str = "<draft.md>", kind: str | None = None) -> Draft:
    """Map Markdown ``text`` to outline data (``kind`` overrides the front matter and the guess)."""
    from drafter.markdown.mapping import map_markdown
    from drafter.markdown.reader import read_markdown

    return map_markdown(read_markdown(text, file), kind)


def read_draft(path: str | Path, kind: str | None = None) -> Draft:
    """Read the Markdown draft at ``path`` (UTF-8, at most as large as an outline file) and map it."""
    from drafter.outline.yamlfile import read_text

    path = Path(path)
    return parse_draft(read_text(path, str(path)), str(path), kind)


def outline_from_draft(draft: Draft, source: Path | None = None, *, base_dir: Path | None = None,
                       locate: Any = None) -> Outline:
    """Validate a mapped draft as an outline: every problem (mapping and schema) at its Markdown line
    (``base_dir``, ``locate``: where its figure files are read, as for
    :func:`drafter.outline.load.outline_from_yaml`)."""
    from drafter.outline.load import outline_from_yaml

    return outline_from_yaml(draft.document, source, base_dir=base_dir, locate=locate)
