"""A Markdown draft with tables, images or footnotes, extracted as ``drafter render`` reads it.

The text extractor reads a document's paragraphs and guesses its structure; it has no table,
figure or footnote items, so it would flatten a Markdown table into text and lose its images and
notes. A Markdown draft that has any of them is therefore read by the Markdown mapping
(:mod:`drafter.markdown`), the one ``render`` uses: its tables, figures and footnotes come back
as ``table:``, ``figure:`` and ``footnotes:`` items, and what the mapping cannot place is an
error at its line, as in ``render``. Other Markdown files go through the text extractor as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.extraction.pipeline import Extraction
    from drafter.markdown.reader import Block

_ITEMS = ("table", "image", "footnote")


class _Flow(list):  # type: ignore[type-arg]
    """A list written on one line in the YAML ([a, b, c]): a table row, alignments, keywords."""


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing :class:`_Flow` lists in flow style."""


_Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=True))


def holds_items(blocks: list[Block]) -> bool:
    """Whether the blocks (block quotes included) hold a table, an image or a footnote definition."""
    return any(b.type in _ITEMS or (b.type == "quote" and holds_items(list(b.items))) for b in blocks)


def extract_markdown_draft(path: Path, kind: str | None) -> Extraction | None:
    """The extraction of the Markdown draft at ``path`` through the Markdown mapping, when it holds
    tables, images or footnotes; None otherwise (the text extractor reads it). Raises
    :class:`~drafter.errors.OutlineError` with what the mapping or the outline's checks found."""
    from drafter.extraction.pipeline import Extraction
    from drafter.extraction.sources import read_text
    from drafter.markdown import outline_from_draft
    from drafter.markdown.mapping import map_markdown
    from drafter.markdown.reader import read_markdown

    source = read_markdown(read_text(path), str(path))
    if not holds_items(source.blocks):
        return None
    draft = map_markdown(source, kind)
    outline_from_draft(draft, path)  # every problem at its Markdown line, as render reports it
    how = _("given") if draft.guess is None else _("guessed from {reason}").format(reason=draft.guess.reason)
    header = [_("Extracted by drafter extract from {name}.").format(name=path.name),
              _("kind: {kind} ({how}).").format(kind=draft.kind, how=how),
              _("Read as drafter render reads a Markdown draft, since it has tables, figures or footnotes."),
              _("Figure files are relative to the draft's folder: keep this YAML beside {name}.").format(name=path.name)]
    text = "".join(f"# {line}\n" for line in header) + _dump(_ordered(draft.kind, draft.data))
    layout = _("a Markdown draft with tables, figures or footnotes, read as drafter render reads it")
    return Extraction(path, draft.kind, draft.guess, draft.data, text, [], list(draft.notes), layout)  # type: ignore[arg-type]


def _ordered(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The outline's keys in the order of its kind's model (kind and title first)."""
    from drafter.outline.kinds import KINDS
    from drafter.outline.schema import fields_of

    names = [spec.name for spec in fields_of(KINDS[kind].model)] if kind in KINDS else []
    order = {name: index for index, name in enumerate(["kind", *names])}
    return dict(sorted(data.items(), key=lambda item: order.get(item[0], len(order))))


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(_flows(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _flows(value: Any, key: str = "") -> Any:
    """``value`` with the short lists of scalars (rows, align, keywords) marked to be written on one line."""
    if isinstance(value, dict):
        return {k: _flows(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        if key in ("rows",):
            return [_Flow(row) if isinstance(row, list) else _flows(row) for row in value]
        if key in ("align", "keywords", "widths"):
            return _Flow(value)
        return [_flows(v) for v in value]
    return value
