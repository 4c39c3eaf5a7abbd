"""Read the extractor's YAML back through drafter's own loader: the outline a user would load."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from drafter.errors import OutlineError
from drafter.extraction.docxmedia import staged
from drafter.extraction.pipeline import MODELS, Extraction
from drafter.extraction.sources import ExtractError
from drafter.i18n import N_, _
from drafter.outline import yamlfile
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.load import Outline, outline_from_yaml
from drafter.outline.schema import Validator


def kind_for(name: str) -> Kind:
    """The registered kind, or (before its template is registered) a description of it for the model."""
    if name in KINDS:
        return KINDS[name]
    model = MODELS[name]
    return Kind(name, model, (model.__doc__ or name).strip().splitlines()[0], f"{name}.j2",
                language="en" if name == "commentary" else "zh")


BUG = N_("{source}: the extracted outline does not validate ({problems}); this is a bug in drafter "
         "extract — please report it with the document")


def build_outline(extraction: Extraction) -> Outline:
    """Validate the extraction's YAML against its kind's model and build the outline."""
    document = yamlfile.parse(extraction.yaml, f"{extraction.source.name} (extracted)")
    if extraction.kind in KINDS:  # exactly what `drafter render` will do with the YAML
        try:
            if extraction.media:  # figures: their images as they will stand beside the outline
                with tempfile.TemporaryDirectory(prefix="drafter-extract-") as folder:
                    return outline_from_yaml(document, staged(extraction.media, Path(folder)), reviewed=False)
            return outline_from_yaml(document, extraction.source, reviewed=False)  # files beside the source
        except OutlineError as exc:
            raise ExtractError(_(BUG).format(source=extraction.source, problems=exc)) from None
    kind = kind_for(extraction.kind)
    validator = Validator(document)
    built: Any = validator.record(kind.model, document.data, ())
    if validator.problems:
        problems = "; ".join(str(p) for p in validator.problems[:5])
        raise ExtractError(_(BUG).format(source=extraction.source, problems=problems))
    try:
        return Outline(kind, built, None)
    except OutlineError as exc:  # pragma: no cover - record() reports problems instead
        raise ExtractError(str(exc)) from None
