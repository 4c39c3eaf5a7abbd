"""Nobody in but the person at this computer (or holding the token printed at start).

An ASGI middleware in front of every route:

- on the loopback address, the ``Host`` header must name this server (a page on another site that
  rebinds its DNS name to 127.0.0.1 sends its own name, and is refused); on another address the
  token does that job, since the server cannot know every name it is reached by;
- a request carrying an ``Origin`` other than the page's own (``http://`` + its ``Host``) is
  refused (another site's page cannot post to the studio), and so is a state-changing request
  without one when the browser marks it cross-site (``Sec-Fetch-Site``);
- with a token (any ``--host`` other than the loopback address), every request needs it: the
  address printed at start carries ``?token=…`` once, which sets a same-site, HTTP-only cookie.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from drafter.i18n import _

COOKIE = "drafter_studio"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

Scope = dict[str, Any]


class Guard:
    """Refuses requests from elsewhere; ``hosts`` are the ``host:port`` names this server answers to
    (empty: any, which needs a ``token``)."""

    def __init__(self, app: Any, hosts: Iterable[str], token: str | None = None) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        if not self.hosts and not token:
            raise ValueError("a studio that answers to any host name needs a token")
        self.token = token

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        reason = self.refusal(scope, headers)
        if reason is not None:
            await _refuse(send, 403, reason)
            return
        if self.token and _query_token(scope) == self.token:
            await self.app(scope, receive, _with_cookie(send, self.token))
            return
        await self.app(scope, receive, send)

    def refusal(self, scope: Scope, headers: dict[str, str]) -> str | None:
        """Why the request is refused, or None."""
        host = headers.get("host", "").lower()
        if (self.hosts and host not in self.hosts) or not host:
            if not host:
                return _("this studio answers to {hosts}, not a request without a host").format(
                    hosts=", ".join(sorted(self.hosts)))
            return _("this studio answers to {hosts}, not {host}").format(hosts=", ".join(sorted(self.hosts)), host=host)
        origin = headers.get("origin")
        if origin is not None and origin.lower() != f"http://{host}":
            return _("requests from {origin} are refused: the studio only answers its own pages").format(origin=origin)
        if scope["method"] not in SAFE_METHODS and origin is None \
                and headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return _("a cross-site request is refused")
        if self.token:
            given = _query_token(scope) or _cookie_token(headers) or headers.get("x-drafter-token", "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return _("this studio needs its token: open the address printed when it started (…?token=…)")
        return None


def _query_token(scope: Scope) -> str:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [])
    return values[0] if values else ""


def _cookie_token(headers: dict[str, str]) -> str:
    cookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is just no token
        return ""
    return cookie[COOKIE].value if COOKIE in cookie else ""


def _with_cookie(send: Any, token: str) -> Any:
    async def sending(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            value = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
            message.setdefault("headers", []).append((b"set-cookie", value.encode("latin-1")))
        await send(message)
    return sending


async def _refuse(send: Any, status: int, reason: str) -> None:
    import json

    body = json.dumps({"error": reason}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
