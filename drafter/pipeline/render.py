"""The pipeline: outline → template context → block markup → blocks → DOCX bytes → file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.compose.blocks import Block, Paragraph, parse_blocks
from drafter.compose.context import template_context
from drafter.compose.packcheck import check_pack_templates
from drafter.compose.tables import check_content
from drafter.compose.templates import Templates
from drafter.docx.body import styles_of
from drafter.docx.profile import Profile, load_profile
from drafter.docx.writer import DocumentInfo, TocEntry, write_docx
from drafter.errors import Problem, StrictError, TemplateError
from drafter.i18n import _
from drafter.outline.kinds import Kind
from drafter.outline.load import Outline, load_outline
from drafter.outline.resolve import Locate
from drafter.output import check_not_source, check_writable, write_atomic
from drafter.resources import builtin_dir
from drafter.version import __version__

if TYPE_CHECKING:
    from drafter.departments.pack import Department, MarkImage
    from drafter.outline.media import Image


class Renderer:
    """Renders outlines with one template search path; templates and profiles are loaded once.

    With a ``department`` (see :mod:`drafter.departments.pack`) its pack folders come first on the
    search path, its style layers merge over the built-in profile and its variables are ``dept``.
    """

    def __init__(self, search_path: Sequence[Path] = (), department: Department | None = None) -> None:
        self.department = department
        pack_dirs = department.template_dirs() if department else []
        self.templates = Templates([*search_path, *pack_dirs])
        if department is not None:
            check_pack_templates(self.templates.environment, pack_dirs, department.variables())
        self._profiles: dict[str, Profile] = {}

    def profile(self, kind: Kind) -> Profile:
        """The resolved style profile for ``kind`` (cached)."""
        if kind.profile not in self._profiles:
            if self.department is not None:
                self._profiles[kind.profile] = self.department.profile(kind.profile)
            else:
                files = [builtin_dir() / "profiles" / f"{kind.profile}.yaml"]
                self._profiles[kind.profile] = load_profile(files)
        return self._profiles[kind.profile]

    def blocks(self, outline: Outline) -> list[Block]:
        """The block stream of an outline, from its kind's template."""
        variables = self.department.variables() if self.department else None
        mark = self._mark_image(outline)
        if mark is not None and variables is not None:
            # what the template writes: <figure src=… style="issuer_mark_image" width=… height=…/>
            variables = {**variables, "mark_image": {"src": mark.src, "width": f"{mark.width_mm / 10:.3f}cm",
                                                     "height": f"{mark.height_mm / 10:.3f}cm"}}
        context = template_context(outline.document, outline.kind, variables)
        name = outline.kind.template
        markup = self.templates.render(name, context)
        origin = str(self.templates.origin(name) or name)
        blocks = parse_blocks(markup, origin, chinese=outline.kind.language == "zh")
        _check_styles(blocks, self.profile(outline.kind), origin)
        check_content(blocks, self._media(outline), origin)
        return blocks

    def _mark_image(self, outline: Outline) -> MarkImage | None:
        """The department's mark image for this outline, if it has one and the outline uses it."""
        if self.department is None:
            return None
        page = self.profile(outline.kind).page
        return self.department.mark_image(outline.kind.name, tuple(getattr(outline.document, "issuer_mark", ())),
                                          page.width - page.left - page.right)

    def _media(self, outline: Outline) -> dict[str, Image]:
        """The images the document may show: the outline's figures and the department's mark."""
        mark = self._mark_image(outline)
        return {**outline.media, mark.src: mark.image} if mark is not None else outline.media

    def docx(self, outline: Outline, toc: Sequence[TocEntry] = ()) -> bytes:
        """The DOCX package of an outline; ``toc`` fills its table of contents (see drafter.office.libreoffice)."""
        document = outline.document
        info = DocumentInfo(
            title=getattr(document, "title", None) or "".join(getattr(document, "issuer_mark", ())),
            author=_author(document),
            stamp=_stamp(getattr(document, "date", None)),
            generator=__version__,
        )
        return write_docx(self.blocks(outline), self.profile(outline.kind), info, toc, self._media(outline))


def _check_styles(blocks: list[Block], profile: Profile, template: str) -> None:
    """Refuse, naming the template, styles the profile does not define (a typo in a pack template)."""
    used = {b.style for b in blocks if isinstance(b, Paragraph)}
    used |= {r.style for b in blocks if isinstance(b, Paragraph) for r in b.runs if r.style}
    used |= {style for b in blocks if not isinstance(b, Paragraph) for style in styles_of(b)}
    unknown = sorted(used - profile.styles.keys())
    if unknown:
        names = ", ".join(f"'{u}'" for u in unknown)
        raise TemplateError(template, None, _("uses style {names}, which the style profile does not define; "
                                              "define it under style: elements: in the pack, or use one of: "
                                              "{styles}").format(names=names, styles=", ".join(profile.styles)))


def _author(document: object) -> str:
    """Who wrote it, for the DOCX core properties: speaker, author, first author, issuer or signature."""
    for name in ("speaker", "author", "issuer", "signature"):
        value = getattr(document, name, None)
        if value:
            return str(value)
    authors = getattr(document, "authors", ())
    return authors[0].name if authors else ""


def _stamp(date: dt.date | None) -> str:
    """Creation time for core properties: --now, SOURCE_DATE_EPOCH, the outline's date, or fixed."""
    from drafter.pipeline.clock import stamp

    return stamp(date)


def default_output(source: Path) -> Path:
    """``speech.yaml`` → ``speech.docx`` beside it."""
    return source.with_suffix(".docx")


def read_outline(source: str | Path, kind: str | None = None) -> Outline:
    """The outline in the file ``source``: a YAML or JSON outline, or a Markdown draft (.md) mapped
    to one (``kind`` then overrides its front matter; the mapping's notes are in :func:`read_source`)."""
    return read_source(source, kind)[0]


def read_source(source: str | Path, kind: str | None = None, *,
                locate: Locate | None = None) -> tuple[Outline, list[str]]:
    """(the outline in ``source``, what was decided reading it): notes only for Markdown drafts, whose
    kind may be guessed and whose head lines and headings are interpreted. ``locate``: where the
    files the outline names are read (see :data:`drafter.outline.resolve.Locate`)."""
    from drafter.markdown import is_markdown, outline_from_draft, read_draft

    source = Path(source)
    if not is_markdown(source):
        return load_outline(source, locate=locate), []
    draft = read_draft(source, kind)
    outline = outline_from_draft(draft, source, locate=locate)
    if draft.guess is None:
        said = _("kind: {kind} (given)").format(kind=draft.kind)
    else:
        said = _("kind: {kind} (guessed: {reason})").format(kind=draft.kind, reason=draft.guess.reason)
    return outline, [said, *draft.notes]


def render_file(source: str | Path, output: str | Path | None = None,
                department: str | Path | None = None, *, toc: Sequence[TocEntry] = (),
                outline: Outline | None = None, strict: bool = False,
                warn: Callable[[Problem], None] | None = None) -> Path:
    """Render the outline file ``source`` (YAML, JSON or a Markdown draft) to ``output`` (default:
    beside it, .docx); returns the path.

    The department pack is ``department``, else the outline's ``department:`` key (relative to
    the outline), else ``$DRAFTER_DEPARTMENT``, else none. ``toc``: the entries of a filled-in
    table of contents (drafter.office.preview gets them from LibreOffice). ``outline``: the
    outline already read from ``source`` (see :func:`read_source`), to not read it twice. Each
    warning of the outline (:mod:`drafter.outline.review`) goes to ``warn``; with ``strict`` any
    warning is a :class:`StrictError` and nothing is written.
    """
    from drafter.departments.pack import department_for

    source = Path(source)
    target = Path(output) if output else default_output(source)
    outline = outline or read_outline(source)  # first: a .docx given by mistake is told so, not "would overwrite"
    check_not_source(target, source)
    check_writable(target)
    outline, pack = department_for(outline, department)
    if strict and outline.warnings:
        raise StrictError(list(outline.warnings))
    for warning in outline.warnings:
        if warn is not None:
            warn(warning)
    write_atomic(target, Renderer(department=pack).docx(outline, toc))
    return target
