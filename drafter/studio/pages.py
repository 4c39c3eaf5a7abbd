"""The page beside the editor: outline text → DOCX (drafter's own renderer) → LibreOffice's layout.

The DOCX is the one ``drafter render`` writes; LibreOffice (kept warm, :mod:`drafter.office.warm`)
lays out only the pages asked for and pdfium draws them (:mod:`drafter.office.pageimages`).
Department packs: ``auto`` (the outline's ``department:`` key, which must stay inside the studio's
folder), ``none`` (the built-in GB/T 9704 look), or one of the packs named on the command line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from drafter.departments.pack import Department, department_for, load_department
from drafter.errors import DepartmentError
from drafter.i18n import _
from drafter.office.pageimages import page_images
from drafter.office.warm import WarmOffice
from drafter.outline import yamlfile
from drafter.outline.load import Outline, outline_from_yaml
from drafter.pipeline.render import Renderer
from drafter.studio.paths import StudioPathError

AUTO, NONE = "auto", "none"


@dataclass(frozen=True)
class Pages:
    """Images of pages ``first``… of a document of ``page_count`` pages."""

    page_count: int
    first: int
    images: list[bytes]


def department_choices(packs: list[Path]) -> list[dict[str, str]]:
    """The choices the department switch offers: auto, none, then each pack by its name."""
    choices = [{"id": AUTO, "name": ""}, {"id": NONE, "name": ""}]
    for index, folder in enumerate(packs):
        try:
            name = load_department(folder).display_name
        except DepartmentError as exc:
            name = f"{folder.name} ({exc})"
        choices.append({"id": str(index), "name": name})
    return choices


def outline_for(text: str, path: Path, name: str, folder: Path, packs: list[Path],
                choice: str) -> tuple[Outline, Department | None]:
    """The validated outline of ``text`` (the file ``path``, shown as ``name``) and its department."""
    outline = outline_from_yaml(yamlfile.parse(text, name, strict=False), path)
    if choice == NONE:
        return outline, None
    if choice == AUTO:
        key = getattr(outline.document, "department", None)
        if key:
            real = Path(os.path.realpath(outline.base_dir / key))
            root = folder.resolve()
            allowed = {p.resolve() for p in packs}
            if real not in allowed and real != root and root not in real.parents:
                raise StudioPathError(_("{name}: department: {key!r} is outside the studio's folder; name the pack with --department when starting the studio").format(name=name, key=key))
        return department_for(outline)
    try:
        pack = packs[int(choice)]
    except (ValueError, IndexError):
        raise StudioPathError(_("no department pack {choice!r} in this studio").format(choice=choice)) from None
    return department_for(outline, pack)


def render_docx(outline: Outline, department: Department | None) -> bytes:
    """The DOCX bytes ``drafter render`` would write for ``outline``."""
    return Renderer(department=department).docx(outline)


def render_pages(office: WarmOffice, docx: bytes, first: int, last: int, dpi: float) -> Pages:
    """Pages ``first``…``last`` of ``docx`` as LibreOffice lays them out, drawn at ``dpi``."""
    pdf = office.pdf(docx, f"{first}-{last}")
    images = page_images(pdf.pdf, dpi) if first <= max(pdf.page_count, 1) else []
    return Pages(pdf.page_count, first, images)
