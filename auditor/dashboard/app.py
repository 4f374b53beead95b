"""`auditor serve`: the web dashboard over a history file (Starlette, served by uvicorn).

Pages: every shop (``/``), one shop (``/site?name=``), the audits running now (``/live``,
kept up to date by server-sent events from ``/events``), each recorded run's report
(``/runs/{id}/report``), and the same data as JSON under ``/api/``. Every asset comes
from the package (``/static/``): no CDN, no request leaves the machine.

Safety: on a loopback address only local programs can reach it, and the Host header
must name a loopback address (no DNS rebinding). Bound to another address it requires a
token (header ``Authorization: Bearer``, ``X-Auditor-Token``, or ``?token=`` once, which
sets a cookie for the pages' own links and event stream).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from pathlib import Path
from typing import Any

import anyio
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from ..history.store import open_store
from ..history.trends import site_trend
from .views import index_view, live_view, site_view

__all__ = ["LOOPBACK_HOSTS", "create_app"]

HERE = Path(__file__).parent
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
COOKIE = "auditor_token"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class _TokenGate:
    """Every request needs the token (header, cookie, or ?token= which sets the cookie)."""

    def __init__(self, app: ASGIApp, token: str):
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        auth = request.headers.get("authorization", "")
        offered = [
            auth[7:] if auth.lower().startswith("bearer ") else "",
            request.headers.get("x-auditor-token", ""),
            request.cookies.get(COOKIE, ""),
            request.query_params.get("token", ""),
        ]
        if not any(o and secrets.compare_digest(o, self.token) for o in offered):
            response: Response = PlainTextResponse("a token is required", status_code=401)
            await response(scope, receive, send)
            return
        if request.query_params.get("token"):

            async def send_with_cookie(message: dict) -> None:
                if message["type"] == "http.response.start":
                    cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                    message.setdefault("headers", []).append(
                        (b"set-cookie", cookie.encode("latin-1"))
                    )
                await send(message)

            await self.app(scope, receive, send_with_cookie)
            return
        await self.app(scope, receive, send)


class _SecurityHeaders:
    """The dashboard's own pages get a strict CSP; a run's report keeps its own."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_report = scope["path"].endswith("/report")

        async def send_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                if not is_report:
                    headers.append((b"content-security-policy", CSP.encode()))
            await send(message)

        await self.app(scope, receive, send_headers)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def create_app(
    history_path: str | Path,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    poll_s: float = 0.5,
) -> Starlette:
    """The dashboard app over ``history_path`` (created if missing; HistoryError if
    unusable). ``token``: required on every request; ``allowed_hosts``: Host headers
    accepted (default loopback names only)."""
    path = Path(history_path)
    open_store(path).close()  # a newer or broken file fails here, before serving
    env = _environment()

    def store():
        return open_store(path)

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(history=str(path), **context)
        return HTMLResponse(html, status_code=status)

    def index(request: Request) -> Response:
        with store() as s:
            return page("index.html.j2", view=index_view(s), nav="shops")

    def site(request: Request) -> Response:
        name = request.query_params.get("name", "")
        with store() as s:
            view = site_view(s, name) if name else None
        if view is None:
            return page("missing.html.j2", 404, what=name, nav="shops")
        return page("site.html.j2", view=view, nav="shops")

    def live(request: Request) -> Response:
        site_name = request.query_params.get("site") or None
        with store() as s:
            view = live_view(s, site_name)
        return page("live.html.j2", view=view, site=site_name, nav="live")

    def report(request: Request) -> Response:
        run_id = int(request.path_params["run_id"])
        with store() as s:
            run = s.run(run_id)
        report_path = Path(run["report_path"]) if run and run["report_path"] else None
        if report_path is None or not report_path.is_file():
            return PlainTextResponse("this run's report is not on disk", status_code=404)
        return FileResponse(report_path, media_type="text/html; charset=utf-8")

    def api_sites(request: Request) -> Response:
        with store() as s:
            return JSONResponse({"sites": s.sites()})

    def api_site(request: Request) -> Response:
        name = request.query_params.get("name", "")
        with store() as s:
            return JSONResponse(site_trend(s, name))

    def api_live(request: Request) -> Response:
        with store() as s:
            return JSONResponse(live_view(s, request.query_params.get("site") or None))

    async def events(request: Request) -> Response:
        """Server-sent events: the live rows whenever one changes (checked every
        ``poll_s``), a comment every 15 s to keep the connection open."""
        site_name = request.query_params.get("site") or None
        fragment = env.get_template("live_rows.html.j2")

        opened = store()  # one connection for the stream's life, used by one thread at a time

        def snapshot() -> tuple[str, dict]:
            view = live_view(opened, site_name)
            marker = json.dumps(
                [(r["key"], r["state"], r["pages_done"], r["stage"]) for r in view["rows"]]
            )
            return marker, view

        async def stream():
            try:
                async for chunk in changes():
                    yield chunk
            finally:
                with contextlib.suppress(Exception):
                    opened.close()

        async def changes():
            last, quiet = None, 0.0
            while not await request.is_disconnected():
                marker, view = await anyio.to_thread.run_sync(snapshot)
                if marker != last:
                    last, quiet = marker, 0.0
                    payload = {
                        "rows": view["rows"],
                        "html": fragment.render(view=view),
                    }
                    yield f"event: live\ndata: {json.dumps(payload)}\n\n"
                elif quiet >= 15:
                    quiet = 0.0
                    yield ": still here\n\n"
                await asyncio.sleep(poll_s)
                quiet += poll_s

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    routes = [
        Route("/", index),
        Route("/site", site),
        Route("/live", live),
        Route("/runs/{run_id:int}/report", report),
        Route("/events", events),
        Route("/api/sites", api_sites),
        Route("/api/site", api_site),
        Route("/api/live", api_live),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    hosts = allowed_hosts or [h.strip("[]") for h in LOOPBACK_HOSTS] + ["[::1]"]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=hosts)]
    if token:
        middleware.append(Middleware(_TokenGate, token=token))
    middleware.append(Middleware(_SecurityHeaders))
    return Starlette(routes=routes, middleware=middleware)
