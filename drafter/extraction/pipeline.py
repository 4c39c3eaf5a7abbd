"""The extractor's pipeline: read → clean → join → normalise → guess the kind → structure → YAML."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafter.extraction.article import build_article
from drafter.extraction.bodies import ITEM_KINDS, unplaced
from drafter.extraction.docxitems import as_text
from drafter.extraction.docxmedia import place_media
from drafter.extraction.cleanup import Dropped, clean, drop_contents, drop_running_headers
from drafter.extraction.commentary import build_commentary
from drafter.extraction.frontmatter import front_kind, front_matter, overlay
from drafter.extraction.furniture import drop_head_furniture, drop_tail_note
from drafter.extraction.gongwen import MODELS as OFFICIAL_MODELS
from drafter.extraction.gongwen import read_official
from drafter.extraction.guess import Guess, guess_kind
from drafter.extraction.minutes import build_minutes
from drafter.extraction.notes import DECISIONS, notes_in
from drafter.extraction.numbered import build_numbered
from drafter.extraction.sources import ExtractError, Para, read_source
from drafter.extraction.wrap import detect, join_wrapped
from drafter.extraction.yamlout import to_yaml
from drafter.i18n import _, ngettext
from drafter.outline import model
from drafter.text.typography import normalise_punctuation

MODELS: dict[str, type] = {
    "speech": model.Speech,
    "party-lecture": model.PartyLecture,
    "minutes": model.Minutes,
    "article": model.Article,
    "commentary": model.Commentary,
    **OFFICIAL_MODELS,   # notice, request, letter, meeting-minutes, and report with the 公文 keys
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
    media: dict[Path, bytes] = field(default_factory=dict)
    """Figure images to write beside the outline (path → bytes; see :mod:`drafter.extraction.docxmedia`)."""


def paragraphs(path: Path) -> tuple[list[Para], list[Dropped], str, str, bool, list[str]]:
    """The source's paragraphs after cleanup and joining; dropped lines, format, layout note,
    whether it had a table of contents, and the reader's remarks."""
    source = read_source(path)
    raw, fmt = source.paras, source.fmt
    kept, dropped = clean(raw)
    kept, contents = drop_contents(kept, dropped)
    kept, title = drop_head_furniture(kept, dropped)
    layout = _("paragraphs from the document's markup")
    if fmt in ("txt", "pdf"):
        kept = drop_running_headers(kept, title, dropped)
        info = detect(kept, printed=source.line_width if fmt == "pdf" else 0)
        layout = info.describe()
        kept = join_wrapped(kept, info)
    if fmt == "pdf":
        layout = _("the PDF's text layer, {layout}").format(layout=layout)
    if source.converted:
        layout = _("{converted}; {layout}").format(converted=source.converted, layout=layout)
    kept = [replace(p, text=normalise_punctuation(p.text), raw=p.text) for p in kept if p.text]
    kept = drop_tail_note(kept, dropped)
    dropped.sort(key=lambda d: d.line)
    return kept, dropped, fmt, layout, contents, source.remarks


def extract_file(path: str | Path, kind: str | None = None, outline: str | Path | None = None,
                 figures: bool = True) -> Extraction:
    """Extract an outline from the document at ``path`` (kind guessed unless given).

    ``outline`` is where the YAML will be written (default: ``<source stem>.yaml`` in the
    current folder): a DOCX's figures name their images in ``<outline stem>-media/`` beside it,
    returned in :attr:`Extraction.media` for the caller to write. ``figures=False`` keeps a
    figure's caption as text instead (for callers that write no images)."""
    path = Path(path)
    if kind is not None and kind not in MODELS:
        raise ExtractError(_("unknown kind '{kind}'; the extractor writes: {kinds}").format(
            kind=kind, kinds=", ".join(MODELS)))
    if path.suffix.lower() in (".md", ".markdown") and path.is_file():
        from drafter.extraction.markdown_draft import extract_markdown_draft

        structured = extract_markdown_draft(path, kind)  # tables, figures, footnotes: read as render does
        if structured is not None:
            return structured
    paras, dropped, fmt, layout, contents, remarks = paragraphs(path)
    if not paras:
        raise ExtractError((_("{path}: no text to extract (the document is empty after dropping boilerplate)")
                            if dropped else _("{path}: no text to extract (the document is empty)")).format(
            path=path))
    front = front_matter(path, fmt)
    given = kind is not None or front_kind(front, MODELS) is not None
    kind = kind or front_kind(front, MODELS)
    # a 公文 is read from its text: its 版记 and joint marks are tables of lines, not content tables
    official = (read_official(as_text(paras), path, fmt, kind, dropped) if kind is None or kind in OFFICIAL_MODELS
                else None)
    guess = None if given else Guess(official.kind, official.reason) if official else guess_kind(paras)
    kind = kind or guess.kind  # type: ignore[union-attr]
    paras = as_text(paras, lambda item: kind in ITEM_KINDS and (figures or item.picture is None))
    media = place_media(paras, Path(outline) if outline is not None else Path(f"{path.stem}.yaml"))
    markup_only = fmt == "docx" and any(p.lead or (p.role == "heading" and (p.level or 0) >= 2) for p in paras)
    if official is not None:
        data = official.data
    elif kind == "minutes":
        data = build_minutes(paras)
    elif kind == "article":
        data = build_article(paras)
    elif kind == "commentary":  # English: punctuation stays exactly as typed
        data = build_commentary([p.with_text(p.raw or p.text) for p in paras])
    else:
        data = build_numbered(paras, kind, markup_only=markup_only)
        if contents and kind == "report":
            data["toc"] = True  # the source had a table of contents: drafter makes a fresh one
    cited = dict(note for p in paras for note in p.notes)
    if cited:
        data["footnotes"] = cited
    data = overlay(data, front, MODELS[kind])
    how = (_("given in the front matter") if front_kind(front, MODELS) == kind and guess is None and front
           else _("given with --kind") if guess is None else _("guessed from {reason}").format(reason=guess.reason))
    header = [_("Extracted by drafter extract from {file}.").format(file=path.name),
              _("kind: {kind} ({how}).").format(kind=kind, how=how)]
    given_keys = set(front.data) if front is not None and isinstance(front.data, dict) else set()
    decisions = [line for line in data.pop(DECISIONS, []) if line.split(":", 1)[0] not in given_keys]
    if decisions:
        header.append(_("How the head was read (correct the key if a line was misread):"))
        header.extend(f"  {line}" for line in decisions)
    if dropped:
        header.append(ngettext("{count} boilerplate line was dropped (listed on stderr).",
                               "{count} boilerplate lines were dropped (listed on stderr).", len(dropped)).format(
            count=len(dropped)))
    tables = sorted({p.line for p in paras if p.table})
    if tables:
        header.append(_("Tables (paragraphs {paragraphs}) are kept as text, one paragraph a row.").format(
            paragraphs=", ".join(map(str, tables))))
    text = to_yaml(MODELS[kind], data, header)
    notes = remarks + notes_in(data) + [
        _("paragraph {number}: a table, kept as text one row a paragraph (outlines have no tables)").format(number=n)
        for n in tables]
    for line in unplaced(paras, data):
        notes.append(_("paragraph {line}: a table or figure before the first heading, kept as text (an opening "
                       "holds paragraphs only)").format(line=line))
    if cited:
        notes.append(_("{count} footnotes read as the outline's footnotes (marked [^note1] … in the text)")
                     .format(count=len(cited)))
    if media:
        notes.append(_("{count} figure images to write in {folder}").format(
            count=len(media), folder=next(iter(media)).parent))
    return Extraction(path, kind, guess, data, text, dropped, notes, layout, media)
