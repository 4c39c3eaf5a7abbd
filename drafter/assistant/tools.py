"""What ``drafter mcp`` can do, as plain functions over one workspace (the MCP layer is in ``server``).

Every function returns JSON-ready data or raises a :class:`~drafter.errors.DrafterError` whose
message is the text the command line prints for the same input; every path is confined to the
workspace by :class:`~drafter.assistant.workspace.Workspace`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from drafter.assistant.workspace import Workspace, WorkspaceError
from drafter.errors import DrafterError
from drafter.i18n import N_, _
from drafter.outline.kinds import KINDS, Kind
from drafter.outline.kindtext import unknown_kind

Format = Literal["auto", "yaml", "json", "markdown"]

TEXT_NAMES = {"yaml": "outline.yaml", "json": "outline.json", "markdown": "draft.md"}
"""How an outline given as text is named in messages (and which reader its suffix selects)."""

MAX_PAGE_IMAGES = 4
"""Most page images one render returns (each is ~50 KB of PNG at the preview resolution)."""

PREVIEW_DPI = 60
"""Resolution of returned page images: enough to see the layout, small enough for a chat."""


@dataclass
class Rendered:
    """A DOCX written in the workspace, and the page images drawn of it."""

    docx: str
    kind: str
    pages: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def kind_named(name: str) -> Kind:
    """The kind called ``name``; the error lists the kinds drafter knows."""
    if name in KINDS:
        return KINDS[name]
    raise DrafterError(unknown_kind(name, list(KINDS)))


def text_format(text: str, given: Format = "auto") -> str:
    """``yaml``, ``json`` or ``markdown``: as given, else read from the text itself.

    JSON starts with ``{``; a Markdown draft either opens with a front matter block (``---`` …
    ``---``) followed by text, or has no top-level ``kind:`` line; anything else is YAML."""
    if given != "auto":
        return given
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("{"):
        return "json"
    if re.match(r"---[ \t]*\r?\n.*?\n---[ \t]*\r?\n\s*\S", body, re.DOTALL):
        return "markdown"
    if re.search(r"^kind[ \t]*:", body, re.MULTILINE):
        return "yaml"
    return "markdown"


class Assistant:
    """The tools of ``drafter mcp``, bound to one workspace folder."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    # -- knowing the outline ------------------------------------------------------------------

    def kinds(self) -> list[dict[str, Any]]:
        """Every kind with its description and its keys (required ones marked with *)."""
        from drafter.outline.kindinfo import kind_summary
        from drafter.outline.kindtext import key_lines

        return [{"kind": kind.name, "description": _(kind.description), "keys": kind_summary(kind),
                 "details": [line.strip() for line in key_lines(kind)]} for kind in KINDS.values()]

    def schema(self, kind: str) -> dict[str, Any]:
        """The JSON Schema of one kind's outlines."""
        from drafter.outline.json_schema import kind_schema

        return kind_schema(kind_named(kind))

    def starter(self, kind: str) -> str:
        """A starter YAML outline of ``kind``, every key explained; it renders as it is."""
        from drafter.authoring.starter import starter_outline

        return starter_outline(kind_named(kind))

    # -- checking and rendering ---------------------------------------------------------------

    def check(self, outline: str, format: Format = "auto") -> dict[str, Any]:
        """Problems of an outline text, each with line, column, code, severity, message and fix."""
        from drafter.authoring.check import check_text

        name = self._text_name(outline, format)
        checked = check_text(outline, name)
        problems = []
        for finding in checked.findings:
            entry = finding.as_json()
            entry.pop("file")
            entry["fix"] = self._fix_text(finding, checked.document.text if checked.document else outline)
            problems.append(entry)
        errors = sum(1 for p in problems if p["severity"] == "error")
        return {"file": name, "kind": checked.kind.name if checked.kind else None, "ok": errors == 0,
                "errors": errors, "warnings": len(problems) - errors, "problems": problems}

    @staticmethod
    def _fix_text(finding: Any, source: str) -> str | None:
        edit = finding.edit
        if edit is None:
            return None
        typed = source[edit.start:edit.end]
        if edit.replacement:
            return _("replace {typed!r} with {replacement!r}").format(typed=typed, replacement=edit.replacement)
        return _("delete {typed!r}").format(typed=typed)

    def render(self, outline: str | None = None, path: str | None = None, department: str | None = None,
               output: str | None = None, format: Format = "auto", page_images: int = 2) -> Rendered:
        """Render an outline text or a workspace file to a DOCX in the workspace (and page images)."""
        from drafter.departments.pack import load_department
        from drafter.output import check_not_source, check_writable, write_atomic
        from drafter.pipeline.render import Renderer

        if (outline is None) == (path is None):
            raise DrafterError(_("give either outline (the outline's text) or path (a file in the workspace), not both"))
        if path is not None:
            source = self.workspace.existing_file(path)
            read, notes = self._read_file(source)
            base = source.parent
            target_name = output or self.workspace.relative(source.with_suffix(".docx"))
        else:
            assert outline is not None
            read, notes = self._read_text(outline, format)
            source, base = None, self.workspace.root
            target_name = output or "draft.docx"
        target = self.workspace.output_file(target_name, ".docx")
        if source is not None:
            check_not_source(target, source)
        check_writable(target)
        pack_name = department or getattr(read.document, "department", None)
        pack = None
        if pack_name:
            folder = self.workspace.resolve(str(base / pack_name) if not department else pack_name,
                                            what=N_("department pack"))
            pack = load_department(folder, lambda f: self.workspace.confine_tree(f, N_("department pack")))
            read = pack.apply_defaults(read)
        renderer = Renderer(department=pack)
        write_atomic(target, renderer.docx(read))
        rendered = Rendered(self.workspace.relative(target), read.kind.name, notes=notes)
        count = max(0, min(page_images, MAX_PAGE_IMAGES))
        if count:
            rendered.pages, note = self._pages(target, count, lambda toc: write_atomic(target, renderer.docx(read, toc)))
            if note:
                rendered.notes.append(note)
        return rendered

    def _pages(self, docx: Path, count: int, rerender: Any) -> tuple[list[Path], str | None]:
        """The first ``count`` pages as PNG beside the DOCX, or why there are none."""
        from drafter.errors import ToolMissingError
        from drafter.office.libreoffice import find_soffice
        from drafter.office.preview import PageRange, PreviewRequest, preview

        if find_soffice() is None:
            return [], _("no page images: LibreOffice (soffice) is not installed where the server runs")
        for name in [f".{docx.stem}.pages", *(f"{docx.stem}-{n}.png" for n in range(1, count + 1))]:
            self.workspace.resolve(str(docx.parent / name))  # the files the preview writes: no link out
        request = PreviewRequest(png=True, pages=PageRange(1, count), dpi=PREVIEW_DPI)
        try:
            return preview(docx, request, rerender).pngs, None
        except ToolMissingError as exc:
            return [], _("no page images: {reason}").format(reason=exc)

    def extract(self, path: str, kind: str | None = None, output: str | None = None) -> dict[str, Any]:
        """An outline (YAML text) extracted from a document in the workspace (.txt, .md, .docx, .doc, .wps,
        .pdf or a saved .html page)."""
        from drafter.extraction import extract_file, outline_from_extraction
        from drafter.output import write_atomic

        if kind is not None:
            kind_named(kind)
        source = self.workspace.existing_file(path)
        target = self.workspace.output_file(output, ".yaml") if output else None
        result = extract_file(source, kind, figures=False)  # it writes no images
        outline_from_extraction(result)  # the YAML must load as a valid outline
        if target is not None:
            write_atomic(target, result.yaml.encode("utf-8"))
        how = _("given") if result.guess is None else _("guessed: {reason}").format(reason=result.guess.reason)
        return {"kind": result.kind, "how": how,
                "yaml": result.yaml, "written": self.workspace.relative(target) if target else None,
                "dropped": [str(d) for d in result.dropped], "notes": list(result.notes)}

    def departments(self) -> list[dict[str, Any]]:
        """The department packs in the workspace (folders holding department.yaml), at most 4 levels down."""
        from drafter.departments.pack import PACK_FILE, load_department

        found = []
        for file in sorted(self._walk(self.workspace.root, 4, PACK_FILE)):
            folder = file.parent
            entry: dict[str, Any] = {"path": self.workspace.relative(folder)}
            try:
                pack = load_department(folder, lambda f: self.workspace.confine_tree(f, N_("department pack")))
                entry["name"] = pack.display_name
                entry["extends"] = [self.workspace.relative(p.folder) for p in pack.packs[1:]]
            except DrafterError as exc:
                entry["error"] = str(exc)
            found.append(entry)
        return found

    def _walk(self, folder: Path, depth: int, name: str) -> list[Path]:
        out: list[Path] = []
        try:
            entries = list(folder.iterdir())
        except OSError:
            return out
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            if entry.is_file() and entry.name == name:
                out.append(entry)
            elif entry.is_dir() and depth > 0:
                out.extend(self._walk(entry, depth - 1, name))
        return out

    # -- reading -----------------------------------------------------------------------------

    def _text_name(self, text: str, format: Format) -> str:
        from drafter.outline.yamlfile import check_size

        if format not in ("auto", *TEXT_NAMES):
            raise DrafterError(_("format {format!r}: give auto, yaml, json or markdown").format(format=format))
        name = TEXT_NAMES[text_format(text, format)]
        check_size(name, len(text.encode("utf-8")), "the outline")
        return name

    def _read_text(self, text: str, format: Format) -> tuple[Any, list[str]]:
        from drafter.markdown import is_markdown, outline_from_draft, parse_draft
        from drafter.outline.load import parse_outline

        name = self._text_name(text, format)
        root, locate = self.workspace.root, self.workspace.confine_file  # figures, tables: workspace files
        if not is_markdown(name):
            return parse_outline(text, name, base_dir=root, locate=locate), []
        draft = parse_draft(text, name)
        if draft.guess is None:
            said = _("kind: {kind} (given)").format(kind=draft.kind)
        else:
            said = _("kind: {kind} (guessed: {reason})").format(kind=draft.kind, reason=draft.guess.reason)
        return outline_from_draft(draft, base_dir=root, locate=locate), [said, *draft.notes]

    def _read_file(self, source: Path) -> tuple[Any, list[str]]:
        from drafter.pipeline.render import read_source

        if source.suffix.lower() not in (".yaml", ".yml", ".json", ".md", ".markdown"):
            raise WorkspaceError(_("{path}: render reads outlines (.yaml, .json) and Markdown drafts (.md); extract an outline from other documents first").format(path=self.workspace.relative(source)))
        return read_source(source, locate=self.workspace.confine_file)
