"""Small real HTTP servers on 127.0.0.1 for tests: a dict of routes, nothing mocked.

A route is a path (with query, if any) mapped to a ``Route``: status, headers, body,
and an optional behaviour: ``hang`` (accept the request, never answer until the
server stops), ``delay`` (seconds before answering), ``redirect`` (Location).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["FixtureServer", "Route", "page"]


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    hang: bool = False
    redirect: str | None = None
    #: served instead of this route from the second request on (e.g. 429, then 200)
    then: Route | None = None
    #: a cookie (name=value) the request must carry, else a 302 to /login
    require_cookie: str | None = None


def page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body>{body}</body></html>"
    )


class FixtureServer:
    def __init__(self, routes: dict[str, Route | str]):
        self.routes = {k: (Route(v) if isinstance(v, str) else v) for k, v in routes.items()}
        self.log: list[tuple[str, str]] = []
        self.headers: list[tuple[str, dict]] = []
        #: path -> threading.Event set when the path is first requested
        self.events: dict[str, threading.Event] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _serve(self, send_body: bool) -> None:
                with server._lock:
                    server.log.append((self.command, self.path))
                    server.headers.append((self.path, dict(self.headers)))
                key = self.path if self.path in server.routes else self.path.split("?")[0]
                route = server.routes.get(key)
                if route is not None and route.then is not None:
                    with server._lock:
                        server.routes[key] = route.then
                if key in server.events:
                    server.events[key].set()
                if route is None:
                    route = Route("<!doctype html><title>Not found</title><h1>Not found</h1>", 404)
                if route.require_cookie and route.require_cookie not in self.headers.get(
                    "Cookie", ""
                ):
                    route = Route(status=302, redirect="/login")
                if route.hang:
                    server._stop.wait(60)
                    return
                if route.delay:
                    server._stop.wait(route.delay)
                body = route.body.encode() if isinstance(route.body, str) else route.body
                self.send_response(route.status)
                if route.redirect:
                    self.send_header("Location", route.redirect)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(body)))
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                if send_body:
                    self.wfile.write(body)

            def do_GET(self):
                self._serve(True)

            def do_HEAD(self):
                self._serve(False)

            def do_POST(self):
                # read the body: left unread, it would prefix the next request on the
                # kept-alive connection (a page that posts, then navigates)
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self._serve(True)

        class QuietServer(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a browser that hung up
                pass

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def __enter__(self) -> FixtureServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def requests_to(self, path: str) -> int:
        with self._lock:
            return sum(1 for _, p in self.log if p == path)
