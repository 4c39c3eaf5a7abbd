"""Extract an outline from an existing document (.txt, .md, .docx, .doc/.wps through LibreOffice,
a PDF's text layer, a saved web page).

``drafter.extract(path)`` (this package's :func:`extract`) returns the
:class:`~drafter.outline.load.Outline`; :func:`extract_file` gives the whole account (YAML text,
dropped boilerplate, notes, how the kind was guessed), which is what ``drafter extract`` prints.

Modules, one job each: ``sources`` (read txt/md/docx, dispatch the others), ``docxparts`` (text
boxes, footnotes), ``docxtables``/``docxfigures``/``docxnotes`` (a DOCX's tables, pictures,
footnote marks and citations as outline items), ``docxitems`` (captions and notes joined to
them), ``docxmedia`` (the images' folder beside the outline), ``bodies`` (sections with items as
ordered ``body:`` lists), ``pdftext`` (a PDF's text layer), ``webpage`` (HTML), ``cleanup`` (spaces,
boilerplate lines), ``furniture`` (what a site puts above the head and after the end),
``wrap`` (hard-wrapped lines), ``numbers`` (heading numbers), ``patterns`` (dates, salutations,
enumerations), ``head`` (title block), ``sections`` (numbered sections), ``numbered``/``minutes``/
``article``/``commentary`` (per-kind structure), ``speakers`` (minutes speaker lines), ``guess``
(kind), ``yamlout`` (YAML text), ``pipeline`` (the whole run), ``build`` (Outline from the YAML).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.extraction.pipeline import MODELS, Extraction, extract_file
from drafter.extraction.sources import ExtractError

__all__ = ["extract", "extract_file", "outline_from_extraction", "Extraction", "ExtractError", "MODELS"]


def outline_from_extraction(extraction: Extraction) -> Any:
    """The validated :class:`~drafter.outline.load.Outline` for an extraction (its YAML, read back)."""
    from drafter.extraction.build import build_outline

    return build_outline(extraction)


def extract(path: str | Path, kind: str | None = None) -> Any:
    """Read the document at ``path`` and return its outline (kind guessed unless ``kind`` is given)."""
    return outline_from_extraction(extract_file(path, kind))
