"""``drafter mcp``: drafter's tools as a Model Context Protocol server over stdio (the official SDK).

Each tool is a thin wrapper over :class:`~drafter.assistant.tools.Assistant`: a drafter error
becomes a tool error carrying the text the command line prints, anything else is the SDK's
"error executing tool" — either way the server keeps serving.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from mcp.server.mcpserver import Image, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, TextContent

from drafter.assistant.prompt import outline_prompt
from drafter.assistant.tools import MAX_PAGE_IMAGES, Assistant, Format
from drafter.assistant.workspace import Workspace, WorkspaceError
from drafter.errors import DrafterError
from drafter.i18n import N_, _
from drafter.version import __version__

T = TypeVar("T")

CONFINED = N_("It reads and writes only inside the workspace folder chosen when the server was started "
              "(paths are relative to it; paths outside it, or symbolic links out of it, are refused).")


def build_server(workspace: Workspace) -> Any:
    """The MCP server with drafter's tools and prompt, bound to ``workspace``."""
    tools = Assistant(workspace)
    confined = _(CONFINED)
    server = MCPServer(
        "drafter", version=__version__, log_level="WARNING",
        instructions=_("drafter renders outlines (YAML, JSON or Markdown drafts) to DOCX laid out as Chinese "
                       "government offices send them. Workspace: {workspace}. {confined} "
                       "Get the prompt 'write_outline' for how to write outlines.").format(
            workspace=workspace.root, confined=confined),
    )

    def run(call: Callable[[], T]) -> T:
        try:
            return call()
        except DrafterError as exc:
            raise ToolError(str(exc)) from None

    @server.tool(description=_("The kinds of document drafter lays out (speech, party-lecture, minutes, "
                               "article, commentary, report), each with its description and keys. Reads no files."))
    def kinds() -> dict[str, Any]:
        return {"kinds": run(tools.kinds)}

    @server.tool(description=_("The JSON Schema of one kind's outlines (kind: speech, party-lecture, minutes, "
                               "article, commentary or report). Reads no files."))
    def schema(kind: str) -> dict[str, Any]:
        return run(lambda: tools.schema(kind))

    @server.tool(description=_("A starter YAML outline of a kind, every key explained in a comment; it renders "
                               "as it is. Reads no files."))
    def starter(kind: str) -> str:
        return run(lambda: tools.starter(kind))

    @server.tool(description=_("Check an outline given as text (YAML, JSON or a Markdown draft; format auto "
                               "detects it): every problem with line, column, code, severity, message and, where "
                               "drafter knows one, the fix. Reads and writes no files."))
    def check(outline: str, format: Format = "auto") -> dict[str, Any]:
        return run(lambda: tools.check(outline, format))

    @server.tool(description=_("Render an outline to a DOCX in the workspace: give outline (the text: YAML, JSON "
                               "or Markdown) or path (a .yaml, .json or .md file in the workspace), optionally a "
                               "department pack folder and an output name (.docx). Returns the DOCX's path in the "
                               "workspace and, when LibreOffice is installed, up to {most} page images "
                               "(page_images, default 2; 0 for none). {confined}").format(
        most=MAX_PAGE_IMAGES, confined=confined))
    def render(outline: str | None = None, path: str | None = None, department: str | None = None,
               output: str | None = None, format: Format = "auto", page_images: int = 2) -> CallToolResult:
        def call() -> CallToolResult:
            done = tools.render(outline, path, department, output, format, page_images)
            pages = [tools.workspace.relative(p) for p in done.pages]
            summary = {"docx": done.docx, "kind": done.kind, "pages": pages, "notes": done.notes}
            content: list[Any] = [TextContent(type="text", text=json.dumps(summary, ensure_ascii=False, indent=2))]
            for page in done.pages:
                if not tools.workspace.contains(page.resolve()):  # pragma: no cover - preview writes beside the DOCX
                    raise WorkspaceError(_("{path}: outside the workspace").format(path=page))
                content.append(Image(path=page).to_image_content())
            return CallToolResult(content=content, structured_content=summary)

        return run(call)

    @server.tool(description=_("Extract an outline (YAML) from a document in the workspace (.txt, .md, .docx, "
                               ".doc, .wps, .pdf, .html), the kind guessed unless given; with output (a .yaml name) "
                               "it is also written there. Returns the YAML, how the kind was decided, dropped lines "
                               "and notes. {confined}").format(confined=confined))
    def extract(path: str, kind: str | None = None, output: str | None = None) -> dict[str, Any]:
        return run(lambda: tools.extract(path, kind, output))

    @server.tool(description=_("The department packs in the workspace (folders holding department.yaml, up to 4 "
                               "levels down), with their names; pass one's path to render. {confined}").format(
        confined=confined))
    def departments() -> dict[str, Any]:
        found = run(tools.departments)
        return {"workspace": str(workspace.root), "departments": found,
                "note": "" if found else _("no department packs in the workspace (drafter department init DIR "
                                           "makes one)")}

    @server.prompt(description=_("How to write drafter outlines: no numbers in headings, points as lists, what "
                                 "each kind holds, and the order of work (kinds, schema, check, render)."))
    def write_outline(kind: str | None = None) -> str:
        return outline_prompt(kind)

    return server


def serve(workspace: Workspace) -> None:
    """Serve over stdio until the client closes the connection."""
    build_server(workspace).run("stdio")
