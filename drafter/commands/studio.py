"""``drafter studio``: the outlines of a folder in a browser, with the real page beside them."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.errors import ToolMissingError
from drafter.i18n import N_, _

STUDIO_PACKAGES = ("starlette", "uvicorn", "ruamel.yaml", "pypdfium2", "PIL")


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("-d", "--department", "departments", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=N_("A department pack the page can switch to (repeat for several)."))
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help=N_("Port to serve on."))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=N_("Address to serve on. Any other than 127.0.0.1 prints a token that every visitor needs."))
@click.option("--open", "open_browser", is_flag=True, help=N_("Open the studio in the web browser."))
@click.option("--no-pages", is_flag=True, help=N_("Do not start LibreOffice (no page view; DOCX download still works)."))
def studio(folder: Path, departments: tuple[Path, ...], port: int, host: str, open_browser: bool,
           no_pages: bool) -> None:
    """Write the outlines of FOLDER in a browser: a form and the YAML side by side, the page as
    LibreOffice lays it out beside them, problems shown at their field.

    \b
    Example:
      drafter studio outlines --open
      drafter studio . -d departments/planning-bureau --port 8800
    """
    import importlib.util

    missing = [name for name in STUDIO_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise ToolMissingError(_("the studio needs {packages}: {command}").format(
            packages=", ".join(missing), command="pip install 'drafter[studio]'"))
    from drafter.studio.server import serve

    serve(folder, list(departments), host=host, port=port, open_browser=open_browser,
          say=lambda line: click.echo(line, err=True), page_view=not no_pages)
