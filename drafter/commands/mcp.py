"""``drafter mcp``: serve drafter's tools to an assistant over the Model Context Protocol (stdio)."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.i18n import N_, _


@click.command()
@click.option("-w", "--workspace", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              metavar="DIR", help=N_("The only folder the server may read and write (outlines, drafts, DOCX, packs)."))
def mcp(workspace: Path) -> None:
    """Serve drafter to an assistant as an MCP server over stdio.

    Tools: kinds, schema, starter, check (an outline's text → located problems with fixes),
    render (an outline's text or a workspace file → a DOCX in the workspace, and page images
    when LibreOffice is installed), extract, departments; a prompt, write_outline, teaches an
    assistant to write outlines. The server never reads or writes outside DIR: paths outside
    it, and symbolic links out of it, are refused. It runs until the client closes stdin.

    \b
    Example (register it with an assistant client):
      drafter mcp --workspace ~/drafts
      claude mcp add drafter -- drafter mcp --workspace ~/drafts
    """
    import importlib.util

    from drafter.assistant.server import serve
    from drafter.assistant.workspace import Workspace
    from drafter.errors import ToolMissingError

    if importlib.util.find_spec("mcp") is None:
        raise ToolMissingError(_("drafter mcp needs the official MCP SDK: {command} (or install drafter with "
                                 "its extra: {extra})").format(command='pip install "mcp>=2"',
                                                               extra='pip install ".[mcp]"'))

    serve(Workspace(workspace))
