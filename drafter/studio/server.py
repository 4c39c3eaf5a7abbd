"""Running the studio: the address, the token, the warm LibreOffice, uvicorn."""

from __future__ import annotations

import ipaddress
import secrets
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.i18n import _
from drafter.office.warm import WarmOffice

LOOPBACK = "127.0.0.1"


class StudioStartError(DrafterError):
    """The studio cannot start (a folder that is not one, a port in use)."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer only (127.x, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def answer_names(host: str, port: int) -> list[str]:
    """The ``host:port`` names the server accepts in the Host header: this computer's own names on
    the loopback address; any on another address (it is reached by names it cannot know, and the
    token guards it)."""
    if not is_loopback(host):
        return []
    return sorted({f"{host}:{port}", f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"})


def serve(folder: Path, packs: list[Path], host: str = LOOPBACK, port: int = 8765, open_browser: bool = False,
          say: Callable[[str], None] = print, page_view: bool = True) -> None:
    """Serve ``folder`` at ``host:port`` until interrupted; prints the address (with the token
    when ``host`` is not the loopback address) and what to install if there is no page view."""
    import uvicorn

    from drafter.studio.app import create_app

    if not folder.is_dir():
        raise StudioStartError(_("{folder}: not a folder; give the folder that holds the outlines").format(folder=folder))
    token = None if is_loopback(host) else secrets.token_urlsafe(24)
    office = WarmOffice() if page_view else None
    app = create_app(folder, packs, hosts=answer_names(host, port), token=token, office=office,
                     office_missing=None if page_view else _("the page view was turned off (--no-pages)"))
    shown = socket.gethostname() if host in ("0.0.0.0", "::") else f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    say(_("drafter studio: {folder}").format(folder=folder.resolve()))
    say(_("  open {address}").format(address=address))
    if token:
        say(_("  anyone on the network who has this address (with its token) can edit these files"))
    say(_("  Ctrl+C stops it; everything is saved as you type"))
    if office is not None:
        threading.Thread(target=_warm_up, args=(office,), daemon=True).start()
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(address,)).start()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            limit_concurrency=64, timeout_graceful_shutdown=2)
    try:
        uvicorn.Server(config).run()
    finally:
        if office is not None:
            office.close()


def _warm_up(office: WarmOffice) -> None:
    """Start LibreOffice now, so the first page view does not wait for it."""
    from drafter.office.warm import warm_office_missing

    if warm_office_missing() is None:
        try:
            office.start()
        except DrafterError:
            pass  # reported when the page is first asked for
