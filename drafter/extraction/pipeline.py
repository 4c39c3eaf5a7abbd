"""The extractor's pipeline: read → clean → join → normalise → guess the kind → structure → YAML."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafter.extraction.article import build_article
from drafter.extraction.cleanup import Dropped, clean, drop_contents, drop_running_headers
from drafter.extraction.commentary import build_commentary
from drafter.extraction.frontmatter import front_kind, front_matter, overlay
from drafter.extraction.guess import Guess, guess_kind
from drafter.extraction.minutes import build_minutes
from drafter.extraction.notes import notes_in
from drafter.extraction.numbered import build_numbered
from drafter.extraction.sources import ExtractError, Para, read_source
from drafter.extraction.wrap import detect, join_wrapped
from drafter.extraction.yamlout import to_yaml
from drafter.outline import model
from drafter.text.typography import normalise_punctuation

MODELS: dict[str, type] = {
    "speech": model.Speech,
    "party-lecture": model.PartyLecture,
    "minutes": model.Minutes,
    "article": model.Article,
    "commentary": model.Commentary,
    "report": model.Report,
}
"""The kinds the extractor can write, and their outline models."""


@dataclass(frozen=True)
class Extraction:
    """What the extractor made of a source: the outline as data and YAML, and its account of it."""

    source: Path
    kind: str
    guess: Guess | None
    """How the kind was guessed (None when it was given)."""
    data: dict[str, Any]
    yaml: str
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    layout: str = ""
    """How the source's lines were read (one paragraph per line, or hard-wrapped and joined)."""


def paragraphs(path: Path) -> tuple[list[Para], list[Dropped], str, str, bool]:
    """The source's paragraphs after cleanup and joining; dropped lines, format, layout note and
    whether it had a table of contents."""
    raw, fmt = read_source(path)
    kept, dropped = clean(raw)
    kept, contents = drop_contents(kept, dropped)
    layout = "paragraphs from the document's markup"
    if fmt == "txt":
        first = next((p.text for p in kept if p.text), "")
        kept = drop_running_headers(kept, first, dropped)
        info = detect(kept)
        layout = info.describe()
        kept = join_wrapped(kept, info)
    kept = [replace(p, text=normalise_punctuation(p.text), raw=p.text) for p in kept if p.text]
    return kept, dropped, fmt, layout, contents


def extract_file(path: str | Path, kind: str | None = None) -> Extraction:
    """Extract an outline from the document at ``path`` (kind guessed unless given)."""
    path = Path(path)
    if kind is not None and kind not in MODELS:
        raise ExtractError(f"unknown kind '{kind}'; the extractor writes: {', '.join(MODELS)}")
    paras, dropped, fmt, layout, contents = paragraphs(path)
    if not paras:
        raise ExtractError(f"{path}: no text to extract (the document is empty"
                           f"{' after dropping boilerplate' if dropped else ''})")
    front = front_matter(path, fmt)
    given = kind is not None or front_kind(front, MODELS) is not None
    kind = kind or front_kind(front, MODELS)
    guess = None if given else guess_kind(paras)
    kind = kind or guess.kind  # type: ignore[union-attr]
    markup_only = fmt == "docx" and any(p.lead or (p.role == "heading" and (p.level or 0) >= 2) for p in paras)
    if kind == "minutes":
        data = build_minutes(paras)
    elif kind == "article":
        data = build_article(paras)
    elif kind == "commentary":  # English: punctuation stays exactly as typed
        data = build_commentary([p.with_text(p.raw or p.text) for p in paras])
    else:
        data = build_numbered(paras, kind, markup_only=markup_only)
        if contents and kind == "report":
            data["toc"] = True  # the source had a table of contents: drafter makes a fresh one
    data = overlay(data, front, MODELS[kind])
    how = ("given in the front matter" if front_kind(front, MODELS) == kind and guess is None and front
           else "given with --kind" if guess is None else f"guessed from {guess.reason}")
    header = [f"Extracted by drafter extract from {path.name}.", f"kind: {kind} ({how})."]
    if dropped:
        header.append(f"{len(dropped)} boilerplate lines were dropped (listed on stderr).")
    tables = sorted({p.line for p in paras if p.table})
    if tables:
        header.append(f"Tables (paragraphs {', '.join(map(str, tables))}) are kept as text, one paragraph a row.")
    text = to_yaml(MODELS[kind], data, header)
    notes = notes_in(data) + [f"paragraph {n}: a table, kept as text one row a paragraph (outlines have no tables)"
                              for n in tables]
    return Extraction(path, kind, guess, data, text, dropped, notes, layout)
