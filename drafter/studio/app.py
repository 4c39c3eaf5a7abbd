"""The studio's routes: a JSON API over the folder's outline files, and the page that uses it.

Every route reads what it needs from the request and the files; nothing about an editing
session is kept here (the browser holds it), so any ASGI server could run this app. The one
long-lived thing is the warm LibreOffice that draws pages, shared by all requests.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from drafter.authoring.fix import fix_one, fix_text
from drafter.authoring.starter import starter_outline
from drafter.errors import DrafterError, ToolMissingError
from drafter.i18n import _, current_language
from drafter.office.warm import WarmOffice, warm_office_missing
from drafter.outline.kinds import KINDS
from drafter.studio import pages
from drafter.studio.analysis import analyse, known_kinds
from drafter.studio.documents import MAX_OUTLINE_BYTES, ConflictError, TooLargeError, read_document, save_document
from drafter.studio.edits import apply_edits
from drafter.studio.guard import Guard
from drafter.studio.paths import StudioPathError, confine, list_outlines
from drafter.studio.uploads import MAX_UPLOAD_BYTES, extracted_yaml, free_name, safe_stem

STATIC = Path(__file__).with_name("static")
CONTENT_SECURITY = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
MAX_PAGES = 40
"""Pages drawn in one request (the browser asks for the pages in view)."""


@dataclass
class Studio:
    """What the routes share: the folder, the department packs offered, and the warm LibreOffice."""

    folder: Path
    packs: list[Path] = field(default_factory=list)
    office: WarmOffice | None = None
    office_missing: str | None = None
    """Why there is no page view (what to install), or None."""
    _probe: threading.Lock = field(default_factory=threading.Lock)
    _probed: bool = False

    def pages_missing(self) -> str | None:
        """Why there is no page view (what to install), or None; asks the machine once."""
        with self._probe:
            if not self._probed:
                self.office_missing = self.office_missing or warm_office_missing()
                self._probed = True
        return self.office_missing

    def page_office(self) -> WarmOffice:
        """The warm LibreOffice, or :class:`ToolMissingError` naming what to install."""
        if self.pages_missing() or self.office is None:
            raise ToolMissingError(self.office_missing or _("the page view is turned off"))
        return self.office


def create_app(folder: Path, packs: list[Path] | None = None, *, hosts: list[str], token: str | None = None,
               office: WarmOffice | None = None, office_missing: str | None = None) -> Any:
    """The studio as an ASGI app serving ``folder``, answering to ``hosts`` (``host:port``)."""
    studio = Studio(folder.resolve(), [p.resolve() for p in packs or []], office, office_missing)

    def json_route(handler: Any) -> Any:
        def endpoint(request: Request) -> Response:
            try:
                return handler(studio, request)
            except ConflictError as exc:
                current = exc.current
                return JSONResponse({"error": str(exc), "conflict": True,
                                     "current": None if current is None else
                                     {"text": current.text, "version": current.version}}, status_code=409)
            except StudioPathError as exc:
                return JSONResponse({"error": str(exc)}, status_code=403)
            except TooLargeError as exc:
                return JSONResponse({"error": str(exc)}, status_code=413)
            except ToolMissingError as exc:
                return JSONResponse({"error": str(exc), "missing": True}, status_code=503)
            except DrafterError as exc:
                return JSONResponse({"error": str(exc)}, status_code=422)
        return endpoint

    routes = [
        Route("/", index),
        Route("/api/info", json_route(info)),
        Route("/api/file", json_route(get_file), methods=["GET"]),
        Route("/api/file", json_route(put_file), methods=["PUT"]),
        Route("/api/new", json_route(new_file), methods=["POST"]),
        Route("/api/analyse", json_route(analyse_text), methods=["POST"]),
        Route("/api/edit", json_route(edit_text), methods=["POST"]),
        Route("/api/fix", json_route(fix), methods=["POST"]),
        Route("/api/pages", json_route(page_images), methods=["POST"]),
        Route("/api/download", json_route(download), methods=["POST"]),
        Route("/api/import", json_route(import_document), methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.studio = studio
    return Guard(_SecurityHeaders(app), hosts, token)


class _SecurityHeaders:
    """No framing, no sniffing, no referrer, and a content security policy on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", []).extend([
                    (b"content-security-policy", CONTENT_SECURITY.encode()),
                    (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                    (b"cache-control", b"no-store")])
            await send(message)
        await self.app(scope, receive, sending)


def index(request: Request) -> Response:
    """The studio page, in the language drafter speaks (its ``lang`` attribute tells static/i18n.js
    which of messages.json's tables to show until the user switches)."""
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    if current_language() == "en":
        page = page.replace('<html lang="zh-CN">', '<html lang="en">', 1)
    return Response(page, media_type="text/html; charset=utf-8")


# -- the API ------------------------------------------------------------------------------------

def info(studio: Studio, request: Request) -> Response:
    """The folder, its outlines, the kinds, the department choices and whether pages can be drawn."""
    return JSONResponse({
        "folder": studio.folder.name or str(studio.folder), "files": list_outlines(studio.folder),
        "kinds": known_kinds(), "departments": pages.department_choices(studio.packs),
        "office_missing": studio.pages_missing(), "max_upload": MAX_UPLOAD_BYTES,
    })


def get_file(studio: Studio, request: Request) -> Response:
    """An outline's text and version."""
    name = request.query_params.get("name", "")
    document = read_document(confine(studio.folder, name), name)
    return JSONResponse({"name": document.name, "text": document.text, "version": document.version})


def put_file(studio: Studio, request: Request) -> Response:
    """Save an outline over the version the editor started from (409 with the disk's text if not)."""
    body = _body(request)
    name = _text(body, "name")
    document = save_document(confine(studio.folder, name), name, _text(body, "text"), body.get("version") or None)
    return JSONResponse({"name": document.name, "version": document.version})


def new_file(studio: Studio, request: Request) -> Response:
    """A new outline from a kind's starter; refused if the name is taken."""
    body = _body(request)
    kind = KINDS.get(_text(body, "kind"))
    if kind is None:
        raise DrafterError(_("unknown kind {kind!r}; choose one of {kinds}").format(kind=body.get('kind'), kinds=', '.join(KINDS)))
    name = _text(body, "name") or free_name(studio.folder, kind.name)
    document = save_document(confine(studio.folder, name), name, starter_outline(kind), None)
    return JSONResponse({"name": document.name, "text": document.text, "version": document.version})


def analyse_text(studio: Studio, request: Request) -> Response:
    """Data, findings, heading numbers and statistics of the text being edited."""
    body = _body(request)
    return JSONResponse(analyse(_text(body, "text"), _text(body, "name") or "<outline>"))


def edit_text(studio: Studio, request: Request) -> Response:
    """The text with the form's edits applied (comments and layout kept)."""
    body = _body(request)
    edits = body.get("edits")
    if not isinstance(edits, list):
        raise DrafterError(_("'edits' must be a list"))
    return JSONResponse({"text": apply_edits(_text(body, "text"), edits)})


def fix(studio: Studio, request: Request) -> Response:
    """One finding's safe fix (line, column, code), or every safe fix (``all``)."""
    body = _body(request)
    text, name = _text(body, "text"), _text(body, "name") or "<outline>"
    if body.get("all"):
        result = fix_text(text, name)
    else:
        try:
            line, column, code = int(body["line"]), int(body["column"]), str(body["code"])
        except (KeyError, TypeError, ValueError):
            raise DrafterError(_("a fix names the finding's line, column and code")) from None
        result = fix_one(text, line, column, code, name)
    return JSONResponse({"text": result.text, "fixed": len(result.fixed)})


def page_images(studio: Studio, request: Request) -> Response:
    """Pages ``first``…``last`` of the text's DOCX as LibreOffice lays them out, as JPEG data URLs."""
    body = _body(request)
    office = studio.page_office()
    outline, department = _outline(studio, body)
    docx = pages.render_docx(outline, department)
    first = max(int(body.get("first") or 1), 1)
    last = min(max(int(body.get("last") or first + 1), first), first + MAX_PAGES - 1)
    dpi = min(max(float(body.get("dpi") or 72), 30), 200)
    drawn = pages.render_pages(office, docx, first, last, dpi)
    images = ["data:image/jpeg;base64," + base64.b64encode(image).decode("ascii") for image in drawn.images]
    return JSONResponse({"page_count": drawn.page_count, "first": drawn.first, "images": images,
                         "department": department.display_name if department else ""})


def download(studio: Studio, request: Request) -> Response:
    """The DOCX (or PDF, laid out by LibreOffice) of the text being edited, as a file to save."""
    body = _body(request)
    outline, department = _outline(studio, body)
    docx = pages.render_docx(outline, department)
    stem = Path(_text(body, "name")).stem or "outline"
    if body.get("format") == "pdf":
        data, suffix, media = studio.page_office().pdf(docx).pdf, ".pdf", "application/pdf"
    else:
        suffix, media = ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        data = docx
    filename = quote(stem + suffix)
    return Response(data, media_type=media,
                    headers={"content-disposition": f"attachment; filename*=UTF-8''{filename}"})


def import_document(studio: Studio, request: Request) -> Response:
    """A .docx/.txt/.md document (the request body, named by ``X-File-Name``) made into a new outline."""
    raw_name = unquote(request.headers.get("x-file-name", ""))
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_UPLOAD_BYTES:
        raise TooLargeError(_("{name}: larger than {megabytes} MB; not imported").format(name=raw_name, megabytes=MAX_UPLOAD_BYTES // 1024 // 1024))
    data = _read_limited(request, MAX_UPLOAD_BYTES, raw_name)
    text = extracted_yaml(raw_name, data)
    name = free_name(studio.folder, safe_stem(raw_name))
    document = save_document(confine(studio.folder, name), name, text, None)
    return JSONResponse({"name": document.name, "text": document.text, "version": document.version})


# -- helpers ------------------------------------------------------------------------------------

def _outline(studio: Studio, body: dict[str, Any]) -> tuple[Any, Any]:
    name = _text(body, "name")
    path = confine(studio.folder, name)
    return pages.outline_for(_text(body, "text"), path, name, studio.folder, studio.packs,
                             str(body.get("department") or pages.AUTO))


def _body(request: Request) -> dict[str, Any]:
    import json

    data = _read_limited(request, MAX_OUTLINE_BYTES * 2, "the request")
    try:
        body = json.loads(data)
    except ValueError:
        raise DrafterError(_("the request is not JSON")) from None
    if not isinstance(body, dict):
        raise DrafterError(_("the request must be a JSON object"))
    return body


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key, "")
    if not isinstance(value, str):
        raise DrafterError(_("'{key}' must be text").format(key=key))
    return value


def _read_limited(request: Request, limit: int, what: str) -> bytes:
    """The request body, refused once it passes ``limit`` bytes (read in a worker thread)."""
    import anyio.from_thread

    async def read() -> bytes:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise TooLargeError(_("{what} is larger than {megabytes} MB; refused").format(what=what, megabytes=limit // 1024 // 1024))
            chunks.append(chunk)
        return b"".join(chunks)

    return anyio.from_thread.run(read)
