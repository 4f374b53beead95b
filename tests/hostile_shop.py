"""A shop that misbehaves the way the web does, for reliability tests.

``HostileShop()`` starts two small threaded HTTP servers (standard library only):
the shop on 127.0.0.1 and an *off-site* host on 127.0.0.2 (another host, so outside
the audited site). The shop's home page ``/`` links to every fault route in
``FAULTS`` plus three healthy pages (``/ok/1`` .. ``/ok/3``), so a crawl from ``/``
meets them all. ``/robots.txt`` and ``/sitemap.xml`` are friendly unless a hostile
variant is chosen: ``HostileShop(robots="garbage", sitemap="bomb")``.

    with HostileShop() as shop:
        run_the_auditor(shop.base_url)
        assert shop.requests_to("/order") == 0          # path without query: all queries
        assert shop.bodies == []                         # no POST/PUT/PATCH/DELETE at all
        assert shop.offsite.requests_to("/landing") <= 1

Every ``FAULTS`` entry names what a robust crawler records for it (``Fault.expect``,
a tuple of acceptable outcomes, the preferred first):

- ``ok``            a page record with a 2xx status and no error;
- ``status:N``      a page record with HTTP status N (an error code beside it is fine);
- ``error:CODE``    a page record with that error code (``auditor.errors.PAGE_ERROR_CODES``);
- ``not-rendered``  no page record for the address (not followed, off-site, not HTML);
- ``file``          a record of a file: a 2xx status, no error, a content type that is not HTML;
- ``bounded``       a crawler trap: only a few of its endless addresses are rendered.

Beyond that, for every route: the audit finishes, the page costs at most one error
record, and its time is bounded by the page timeout (plus a retry). ``max_requests``
bounds the requests to the path (any query) in one audit where that does not depend
on timing.

The servers stop promptly even while connections hang or trickle: handler threads
are daemons, every hold waits on the stop event (never a plain sleep), every loop is
capped (``LOOP_LIMIT`` seconds), and open connections are shut down on exit.
"""

from __future__ import annotations

import contextlib
import email.utils
import html
import json
import random
import re
import socket
import struct
import threading
import time
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "FAULTS",
    "FAULTS_BY_PATH",
    "HEALTHY",
    "LOOP_LIMIT",
    "ROBOTS_VARIANTS",
    "SITEMAP_VARIANTS",
    "Fault",
    "HostileShop",
    "LoggedRequest",
]

#: seconds after which any hanging, trickling or streaming handler gives up
LOOP_LIMIT = 120.0
HTML = "text/html; charset=utf-8"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class Fault:
    path: str  # as the home page links it (with a query where the route needs one)
    kind: str  # fault class
    description: str
    expect: tuple[str, ...]  # acceptable outcomes, preferred first (see the module doc)
    max_requests: int | None = None  # requests to the path (any query) per audit at most
    linked: bool = True  # linked from "/" (robots/sitemap variants are not)


def _f(path, kind, description, *expect, max_requests=None, linked=True) -> Fault:
    return Fault(path, kind, description, tuple(expect), max_requests, linked)


# fmt: off
FAULTS: tuple[Fault, ...] = (
    # 1. servers that hang or trickle
    _f("/slow/hang", "hang", "accepts and reads the request, never answers",
       "error:PAGE_HUNG", max_requests=4),
    _f("/slow/headers-only", "hang", "sends status and headers (Content-Length 2048), never the body",
       "error:PAGE_HUNG", max_requests=4),
    _f("/slow/trickle", "trickle", "headers, then one byte of HTML a second, never finishing",
       "error:PAGE_HUNG", max_requests=4),
    _f("/slow/huge-length", "trickle", "Content-Length of 1 TB, a kilobyte every half second",
       "error:PAGE_HUNG", max_requests=4),
    _f("/slow/late", "slow", "a healthy page that answers after 3 s (under the page timeout)",
       "ok", max_requests=3),
    _f("/slow/hung-image", "hang", "the HTML arrives at once, an <img> on it never does (no load event)",
       "ok", "error:PAGE_HUNG", max_requests=4),
    # 2. pages that never go quiet
    _f("/busy/poll", "never-quiet", "fetch() every 100 ms, forever", "ok", max_requests=3),
    _f("/busy/longpoll", "never-quiet", "a long-poll request the server holds 30 s, then another",
       "ok", max_requests=3),
    _f("/busy/sse", "never-quiet", "an EventSource whose stream never ends", "ok", max_requests=3),
    _f("/busy/stream", "never-quiet", "the document itself is chunked and never ends (a tick each 200 ms)",
       "error:PAGE_HUNG", "ok", max_requests=4),
    # 3. main thread spins
    _f("/spin/head", "spin", "<script>while(true){}</script> in the head: frozen while loading",
       "error:SCRIPT_HUNG", max_requests=1),
    _f("/spin/later", "spin", "loads, then spins forever 300 ms after the load event",
       "error:SCRIPT_HUNG", "ok", max_requests=1),
    # 4. renderer dies
    _f("/crash/oom", "crash", "allocates memory without bound until the renderer runs out",
       "error:PAGE_CRASHED", max_requests=4),
    # 5. dialogs, popups, self-navigation
    _f("/js/alert", "dialog", "alert() while parsing", "ok", max_requests=3),
    _f("/js/confirm", "dialog", "confirm() while parsing", "ok", max_requests=3),
    _f("/js/prompt", "dialog", "prompt() while parsing", "ok", max_requests=3),
    _f("/js/beforeunload", "dialog", "onbeforeunload asks to stay (once the page had a click)",
       "ok", max_requests=3),
    _f("/js/alert-storm", "dialog", "10,000 alert() calls in a row while parsing",
       "ok", "error:SCRIPT_HUNG", max_requests=2),
    _f("/js/popup", "popup", "window.open() twice on load (/js/popup-target)", "ok", max_requests=3),
    _f("/js/close", "navigation", "window.close() on load", "ok", "error:PAGE_CRASHED",
       "error:NAVIGATION_FAILED", max_requests=4),
    _f("/js/navigate", "navigation", "moves itself to /js/navigate-target 200 ms after load",
       "ok", max_requests=3),
    # on a loaded machine, a page that floods its history or refreshes itself may use up
    # its budget before the visit or the loop's fifth document ends it: either is its record
    _f("/js/pushstate", "navigation", "history.pushState() with a new URL every 5 ms", "ok",
       "error:PAGE_BUDGET", max_requests=3),
    _f("/js/reload", "navigation", "location.reload() on every load",
       "error:NAVIGATION_LOOP", max_requests=8),
    _f("/js/meta-refresh", "navigation", "<meta http-equiv=refresh content=0> to itself",
       "error:NAVIGATION_LOOP", "error:PAGE_BUDGET", max_requests=8),
    _f("/js/print", "dialog", "window.print() on load", "ok", max_requests=3),
    # 6. statuses
    _f("/status/500", "status", "500 Internal Server Error", "status:500", max_requests=4),
    _f("/status/503-retry", "status", "503 with Retry-After: 2 on the first request, 200 after",
       "ok", max_requests=4),
    _f("/status/429-date", "status", "429 with Retry-After as an HTTP date 3 s ahead, then 200",
       "ok", max_requests=4),
    _f("/status/503-day", "status", "always 503 with Retry-After: 86400 (must not wait a day)",
       "status:503", "error:RATE_LIMITED", max_requests=4),
    _f("/status/204", "status", "204 No Content, no body", "status:204", "error:NOT_HTML",
       "error:NAVIGATION_FAILED", max_requests=4),
    _f("/status/299", "status", "an unregistered 2xx status", "status:299", "ok", max_requests=3),
    _f("/status/418", "status", "418 I'm a teapot", "status:418", max_requests=4),
    _f("/status/599", "status", "an unregistered 5xx status", "status:599", max_requests=4),
    _f("/status/401-basic", "status", "401 asking for HTTP Basic auth", "error:AUTH_REQUIRED",
       "status:401", max_requests=4),
    _f("/status/404", "status", "a plain 404 (a broken link)", "status:404", max_requests=4),
    _f("/status/soft-404", "status", "200 whose page says 'Page not found'", "ok", max_requests=3),
    # 7. transports
    _f("/net/truncated", "transport", "Content-Length 100000, 500 bytes sent, connection closed",
       "error:PAGE_HUNG", "error:BAD_RESPONSE", max_requests=2),
    _f("/net/reset", "transport", "connection reset (RST) right after the request",
       "error:NAVIGATION_FAILED", "error:CONNECTION_FAILED", max_requests=6),
    _f("/net/empty", "transport", "connection closed without a single byte",
       "error:NAVIGATION_FAILED", "error:CONNECTION_FAILED", max_requests=6),
    _f("/net/garbage", "transport", "answers binary garbage, not HTTP",
       "error:BAD_RESPONSE", max_requests=2),
    _f("/net/bad-gzip", "transport", "Content-Encoding: gzip on a plain body",
       "error:BAD_RESPONSE", "error:PAGE_HUNG", max_requests=2),
    _f("/net/bad-chunked", "transport", "chunked encoding with a chunk size of 'zz'",
       "error:BAD_RESPONSE", "error:PAGE_HUNG", max_requests=2),
    _f("/net/double-length", "transport", "two different Content-Length headers",
       "error:BAD_RESPONSE", max_requests=2),
    _f("/net/huge-header", "transport", "a 300 KB response header",
       "error:BAD_RESPONSE", max_requests=2),
    # 8. redirects
    _f("/loop/a", "redirect", "/loop/a -> /loop/b -> /loop/a ...", "error:REDIRECT_LOOP"),
    _f("/redirect/chain/0", "redirect", "25 redirects in a row before a page",
       "error:REDIRECT_LOOP", "ok"),
    _f("/redirect/no-location", "redirect", "302 without a Location header (with a body)",
       "status:302", max_requests=4),
    _f("/redirect/file", "redirect", "302 to file:///etc/passwd",
       "error:UNSAFE_REDIRECT", max_requests=2),
    _f("/redirect/javascript", "redirect", "302 to javascript:alert(1)",
       "error:NAVIGATION_FAILED", "not-rendered", max_requests=4),
    _f("/redirect/data", "redirect", "302 to a data:text/html URL",
       "error:UNSAFE_REDIRECT", max_requests=2),
    _f("/redirect/offsite", "redirect", "302 to the other host 127.0.0.2 (/landing): out of the site",
       "error:OFFSITE_REDIRECT", max_requests=2),
    _f("/redirect/raw-utf8", "redirect", "Location with raw UTF-8 bytes and a space",
       "ok", max_requests=4),
    _f("/redirect/refresh-header", "redirect", "200 with a 'Refresh: 0; url=/ok/3' header",
       "ok", max_requests=3),
    # 9. crawler traps
    _f("/calendar?month=0", "trap", "a calendar whose 'next month' never ends", "bounded"),
    _f("/trap/a/", "trap", "a path that nests itself: /trap/a/ links to /trap/a/a/ ...", "bounded"),
    _f("/session", "trap", "links carry new session ids (sid, jsessionid, PHPSESSID) on every load",
       "bounded"),
    _f("/grow?x=a", "trap", "links to itself with the query doubled (until the server says 414)",
       "bounded"),
    _f("/trap/facets", "trap", "filter links in every combination and order, plus an endless page=",
       "bounded"),
    # 10. link soup
    # a page big only by its size may keep a busy machine's main thread past
    # script_timeout: then it is SCRIPT_HUNG ("or a page too big to handle"), one
    # record, not tried again; either way it never holds the audit up
    _f("/links/many", "links", "5,000 links (to /links/target/N)", "ok", "error:SCRIPT_HUNG",
       max_requests=3),
    _f("/links/odd", "links", "spaces, non-ASCII, bad escapes, IDN host, a 10,000-char URL ...",
       "ok", max_requests=6),  # itself, ?only=query and the long query are three pages
    _f("/links/base", "links", "<base href=/links/based/> under relative links", "ok",
       max_requests=3),
    _f("/links/base-offsite", "links", "<base href> on the other host: every relative link leaves",
       "ok", max_requests=3),
    _f("/links/fragments", "links", "fragment-only links (#, #top, #!/route)", "ok", max_requests=3),
    _f("/links/tracking", "links", "utm_*, gclid, fbclid on links to /ok/1 and /ok/2", "ok",
       max_requests=3),
    _f("/links/schemes", "links", "javascript:, mailto:, tel:, data:, file:, ftp:, ws: ... links",
       "ok", max_requests=3),
    # 11. content
    _f("/content/10mb", "content", "a 10 MB HTML page", "ok", "error:SCRIPT_HUNG",
       max_requests=3),  # too big for a busy machine: see /links/many
    _f("/content/deep", "content", "10,000 nested divs", "ok", "error:SCRIPT_HUNG",
       max_requests=3),
    _f("/content/latin1", "content", "Latin-1 bytes declared UTF-8", "ok", max_requests=3),
    _f("/content/bad-utf8", "content", "invalid UTF-8 sequences and NUL bytes", "ok",
       max_requests=3),
    _f("/content/surrogate-entity", "content", "&#xD83D; (a lone surrogate) in title and text",
       "ok", max_requests=3),
    _f("/content/surrogate-js", "content", "document.title = '\\ud83d' and such texts set by script",
       "ok", max_requests=3),
    _f("/content/png-as-html", "content", "a PNG served as text/html", "ok", "error:NOT_HTML",
       max_requests=3),
    _f("/content/json-as-html", "content", "JSON served as text/html", "ok", "error:NOT_HTML",
       max_requests=3),
    _f("/content/binary", "content", "64 KB of binary as application/octet-stream",
       "file", "error:NOT_HTML", "not-rendered", max_requests=3),
    _f("/content/download", "content", "HTML with Content-Disposition: attachment",
       "error:NOT_HTML", "not-rendered", max_requests=3),
    _f("/content/pdf", "content", "a PDF", "file", "error:NOT_HTML", "not-rendered",
       max_requests=3),
    _f("/content/xhtml-broken", "content", "malformed XML as application/xhtml+xml", "ok",
       max_requests=3),
    _f("/content/no-type", "content", "HTML with no Content-Type at all", "ok", max_requests=3),
    # 13. forms that must never be sent
    _f("/forms/buy", "form", "filled-in POST form to /order with 'Buy now' (+ a GET delete form)",
       "ok", max_requests=3),
    _f("/forms/autosubmit", "form", "posts itself to /order 2 s after a real click or key press",
       "ok", max_requests=3),
    _f("/forms/fetch-buy", "form", "'Buy now' button that POSTs /api/order with fetch()", "ok",
       max_requests=3),
    _f("/forms/beacon", "form", "navigator.sendBeacon('/collect') when the page is hidden or left",
       "ok", max_requests=3),
    # 14. overlays
    _f("/overlay/fullscreen", "overlay", "a fixed full-screen div at z-index 2147483647", "ok",
       max_requests=3),
    _f("/overlay/cookie", "overlay", "a cookie banner ('Accept all') that appears after 500 ms",
       "ok", max_requests=3),
    # 15. text built to break a report
    _f("/text/script", "text", "</script><script>alert(1)</script> in title, heading, link text",
       "ok", max_requests=3),
    _f("/text/template", "text", "{{ 7*7 }}, {% raw %}, ${7*7}, <%= 7*7 %> in the texts", "ok",
       max_requests=3),
    _f("/text/markdown", "text", "Markdown pipes, backticks, [x](javascript:alert(1)) in the texts",
       "ok", max_requests=3),
    _f("/text/rtl", "text", "right-to-left override and isolate characters in the texts", "ok",
       max_requests=3),
    _f("/text/huge-title", "text", "a 1 MB title and a 100 KB link text", "ok", max_requests=3),
    _f("/text/nul", "text", "NUL characters in title and link text (raw and set by script)", "ok",
       max_requests=3),
    # 12. hostile robots.txt and sitemaps (not linked; chosen by HostileShop(robots=, sitemap=))
    _f("/hostile/robots-garbage.txt", "robots", "robots.txt of binary garbage",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/robots-huge.txt", "robots", "1 MB of robots rules (a Crawl-delay: 86400 at the end)",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/robots-crawl-delay.txt", "robots", "Crawl-delay: 3600",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/robots-hang.txt", "robots", "robots.txt that never answers",
       "not-rendered", max_requests=3, linked=False),
    _f("/hostile/robots-error.txt", "robots", "robots.txt answering 500 (RFC 9309: crawl nothing)",
       "not-rendered", max_requests=3, linked=False),
    _f("/hostile/sitemap-bomb.xml.gz", "sitemap", "a gzip bomb (1 MB -> 1 GiB of XML)",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/sitemap-bomb.xml", "sitemap", "the same bomb as Content-Encoding: gzip",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/sitemap-xxe.xml", "sitemap", "billion laughs + external entities (file:, http:)",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/sitemap-index-self.xml", "sitemap", "a sitemap index listing itself (and a 2-cycle)",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/sitemap-huge.xml", "sitemap", "a 50 MB sitemap of ~800,000 URLs",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/sitemap-malformed.xml", "sitemap", "broken XML with bad and foreign <loc>s",
       "not-rendered", max_requests=2, linked=False),
    _f("/hostile/sitemap-hang.xml", "sitemap", "a sitemap that never answers",
       "not-rendered", max_requests=3, linked=False),
    _f("/hostile/sitemap-html.xml", "sitemap", "an HTML 'not found' page with status 200",
       "not-rendered", max_requests=2, linked=False),
)
# fmt: on

FAULTS_BY_PATH = {f.path: f for f in FAULTS}
HEALTHY = ("/", "/ok/1", "/ok/2", "/ok/3")
ROBOTS_VARIANTS = {
    "friendly": "/robots.txt",
    "garbage": "/hostile/robots-garbage.txt",
    "huge": "/hostile/robots-huge.txt",
    "crawl-delay": "/hostile/robots-crawl-delay.txt",
    "hang": "/hostile/robots-hang.txt",
    "error": "/hostile/robots-error.txt",
}
SITEMAP_VARIANTS = {
    "friendly": "/sitemap.xml",
    "bomb": "/hostile/sitemap-bomb.xml.gz",
    "bomb-encoding": "/hostile/sitemap-bomb.xml",
    "xxe": "/hostile/sitemap-xxe.xml",
    "self-index": "/hostile/sitemap-index-self.xml",
    "huge": "/hostile/sitemap-huge.xml",
    "malformed": "/hostile/sitemap-malformed.xml",
    "hang": "/hostile/sitemap-hang.xml",
    "html": "/hostile/sitemap-html.xml",
}

NAV = (
    "<header><a href='/'>Hostile shop</a><nav aria-label='Main'><a href='/ok/1'>Jackets</a> "
    "<a href='/ok/2'>Shoes</a> <a href='/ok/3'>Contact</a></nav></header>"
)
FOOTER = "<footer><a href='/ok/3'>Imprint</a> <a href='/ok/2'>Privacy</a></footer>"


def page(title: str, main: str, head: str = "") -> str:
    """A small shop page; ``title`` and ``main`` are HTML (escape texts yourself)."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{head}</head><body>{NAV}<main>{main}</main>{FOOTER}</body></html>"
    )


# ---------------------------------------------------------------- built once, on demand

_cache: dict[str, bytes] = {}
_cache_lock = threading.Lock()


def _cached(key: str, build: Callable[[], bytes]) -> bytes:
    with _cache_lock:
        if key not in _cache:
            _cache[key] = build()
        return _cache[key]


def _gzip_bomb(size: int) -> bytes:
    """A valid gzip file of ~size/1000 bytes that inflates to ``size`` bytes of sitemap XML.

    Built without compressing ``size`` bytes: one megabyte of spaces is deflated after a
    full flush (so it refers to nothing before it) and that block is repeated."""
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n'.encode()
    tail = b"</urlset>\n"
    block = b" " * (1 << 20)
    n = max(0, (size - len(head) - len(tail)) // len(block))
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    middle = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(n):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    total = len(head) + n * len(block) + len(tail)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc & 0xFFFFFFFF, total & 0xFFFFFFFF)
    return header + first + middle * n + last + trailer


def _ten_mb_page() -> bytes:
    para = (
        "<p>Our alpine jacket keeps you warm and dry on every trail; breathable, windproof and "
        "light. Free returns within 30 days. <a href='/ok/1'>More jackets</a></p>\n"
    )
    head = page("Ten megabytes", "<h1>A very long page</h1>").split("</main>")[0]
    body = para * ((10 * 1024 * 1024) // len(para) + 1)
    return (head + body + "</main>" + FOOTER + "</body></html>").encode()


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _noise(n: int, seed: int) -> bytes:
    data = random.Random(seed).randbytes(n)
    return b"\x00\xff" + data[2:]  # never starts like "HTTP/"


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

PAYLOADS = {
    "script": "</script><script>alert(1)</script>",
    "template": "{{ 7*7 }} {% raw %} {{ config }} ${7*7} <%= 7*7 %> {# x",
    "markdown": "| a | b |\n|---|---|\n`tick` ``` [x](javascript:alert(1)) ![i](/x.png) **b** _u_",
    "rtl": "Sale \u202egnp.exe\u202c \u2067rtl\u2069 \u200fend \u202bembed\u202c",
}


# ---------------------------------------------------------------- request log


@dataclass
class LoggedRequest:
    when: float  # time.monotonic()
    host: str  # "shop" or "offsite"
    method: str
    path: str  # as requested, with query
    headers: dict[str, str]
    body: bytes = b""

    @property
    def bare_path(self) -> str:
        """The path without query and without ;parameters."""
        return self.path.split("?", 1)[0].split(";", 1)[0]


class _Server:
    """One threaded HTTP server with a request log; routes come from ``dispatch``."""

    def __init__(self, name: str, host: str, stop: threading.Event, dispatch: Callable):
        self.name = name
        self.stop = stop
        self.log: list[LoggedRequest] = []
        self.lock = threading.RLock()
        self.logged = threading.Condition(self.lock)  # notified on every logged request
        self.connections: set[socket.socket] = set()
        server = self

        class Handler(_Handler):
            pass

        Handler.server_ref = server
        Handler.dispatch = staticmethod(dispatch)

        class QuietServer(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 64

            def handle_error(self, request, client_address):  # a client that hung up
                pass

        self.httpd = QuietServer((host, 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://{host}:{self.port}/"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        with self.lock:
            conns = list(self.connections)
        for conn in conns:  # wake handlers blocked in a read or write
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self.httpd.server_close()

    def requests_to(self, path: str) -> int:
        """Requests to ``path``: with a query, exactly that; without one, any query."""
        with self.lock:
            if "?" in path or ";" in path:
                return sum(1 for r in self.log if r.path == path)
            return sum(1 for r in self.log if r.bare_path == path)

    def wait_for(self, path: str, count: int = 1, timeout: float = 5.0) -> bool:
        """Block until ``count`` requests to ``path`` were logged (see ``requests_to``)."""
        with self.logged:
            return self.logged.wait_for(lambda: self.requests_to(path) >= count, timeout)

    def requests_under(self, prefix: str) -> int:
        with self.lock:
            return sum(1 for r in self.log if r.bare_path.startswith(prefix))

    def counts(self) -> dict[str, int]:
        """Requests per bare path."""
        out: dict[str, int] = {}
        with self.lock:
            for r in self.log:
                out[r.bare_path] = out.get(r.bare_path, 0) + 1
        return out

    @property
    def bodies(self) -> list[tuple[str, str, bytes]]:
        """(method, path, body) of every request that could change state."""
        with self.lock:
            return [
                (r.method, r.path, r.body)
                for r in self.log
                if r.method in ("POST", "PUT", "PATCH", "DELETE")
            ]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle keep-alive connection is dropped after a minute
    server_ref: _Server
    dispatch: Callable

    def log_message(self, *args):  # quiet
        pass

    def setup(self):
        super().setup()
        with self.server_ref.lock:
            self.server_ref.connections.add(self.connection)

    def finish(self):
        with contextlib.suppress(OSError):
            super().finish()
        with self.server_ref.lock:
            self.server_ref.connections.discard(self.connection)

    # -- helpers for routes

    @property
    def stopping(self) -> bool:
        return self.server_ref.stop.is_set()

    def hold(self, seconds: float) -> bool:
        """Wait (on the stop event, never a plain sleep); True once the server stops."""
        return self.server_ref.stop.wait(seconds)

    def reply(
        self,
        status: int = 200,
        body: bytes | str = b"",
        ctype: str | None = HTML,
        headers: dict[str, str] | list[tuple[str, str]] | None = None,
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if status != 204 and not 100 <= status < 200:
            self.send_header("Content-Length", str(len(data)))
        items = headers.items() if isinstance(headers, dict) else (headers or [])
        for k, v in items:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD" and data and status != 204:
            self.wfile.write(data)

    def html(self, title: str, main: str, head: str = "", status: int = 200, **kw) -> None:
        self.reply(status, page(title, main, head), **kw)

    def raw(self, data: bytes) -> bool:
        """Write bytes as they are; False when the client is gone."""
        self.close_connection = True
        try:
            self.wfile.write(data)
            return True
        except OSError:
            return False

    def chunk(self, data: bytes) -> bool:
        return self.raw(f"{len(data):x}\r\n".encode() + data + b"\r\n")

    # -- every method goes through the log, then the routes

    def _handle(self) -> None:
        body = b""
        length = self.headers.get("Content-Length")
        if length and length.isdigit():
            body = self.rfile.read(min(int(length), 1 << 20))
        srv = self.server_ref
        with srv.logged:
            srv.log.append(
                LoggedRequest(
                    time.monotonic(), srv.name, self.command, self.path, dict(self.headers), body
                )
            )
            srv.logged.notify_all()
        self.dispatch(self)

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _handle


# ---------------------------------------------------------------- the shop


class HostileShop:
    """The hostile shop on 127.0.0.1 and its off-site neighbour on 127.0.0.2."""

    def __init__(
        self,
        robots: str = "friendly",
        sitemap: str = "friendly",
        bomb_size: int = 1 << 30,
        huge_sitemap_bytes: int = 50 * 1024 * 1024,
        links: list[str] | tuple[str, ...] | None = None,
        after: int = 0,
    ):
        """``links``: the fault paths the home page links, in this order (default: every
        linked fault); ``after``: that many healthy pages (``/after/N``) linked after
        them, to see whether a fault harms the pages visited after it."""
        if robots not in ROBOTS_VARIANTS:
            raise ValueError(f"robots must be one of {sorted(ROBOTS_VARIANTS)}")
        if sitemap not in SITEMAP_VARIANTS:
            raise ValueError(f"sitemap must be one of {sorted(SITEMAP_VARIANTS)}")
        self.robots = robots
        self.sitemap = sitemap
        self.bomb_size = bomb_size
        self.huge_sitemap_bytes = huge_sitemap_bytes
        self.links = [f.path for f in FAULTS if f.linked] if links is None else list(links)
        self.after = after
        self._stop = threading.Event()
        self._hits: dict[str, int] = {}
        self._hits_lock = threading.Lock()
        self._huge_sitemap: bytes | None = None
        self.shop = _Server("shop", "127.0.0.1", self._stop, self._dispatch)
        self.offsite = _Server("offsite", "127.0.0.2", self._stop, self._dispatch_offsite)
        self.base_url = self.shop.base_url
        self.port = self.shop.port
        self._routes = self._route_table()

    # -- lifecycle and log

    def __enter__(self) -> HostileShop:
        self.shop.start()
        self.offsite.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self.shop.close()
        self.offsite.close()

    def url(self, path: str) -> str:
        return self.shop.url(path)

    @property
    def log(self) -> list[LoggedRequest]:
        return self.shop.log

    def requests_to(self, path: str) -> int:
        return self.shop.requests_to(path)

    def requests_under(self, prefix: str) -> int:
        return self.shop.requests_under(prefix)

    def wait_for(self, path: str, count: int = 1, timeout: float = 5.0) -> bool:
        return self.shop.wait_for(path, count, timeout)

    def counts(self) -> dict[str, int]:
        return self.shop.counts()

    @property
    def bodies(self) -> list[tuple[str, str, bytes]]:
        """(method, path, body) of every POST/PUT/PATCH/DELETE to the shop."""
        return self.shop.bodies

    def _hit(self, key: str) -> int:
        with self._hits_lock:
            self._hits[key] = self._hits.get(key, 0) + 1
            return self._hits[key]

    # -- routing

    def _dispatch(self, h: _Handler) -> None:
        parts = urlsplit(h.path)
        path = parts.path.split(";", 1)[0]
        query = parse_qs(parts.query, keep_blank_values=True)
        route = self._routes.get(path)
        if route is None:
            for prefix, handler in self._prefixes:
                if path.startswith(prefix):
                    route = handler
                    break
        if route is None:
            h.html("Not found", "<h1>Not found</h1>", status=404)
            return
        route(h, path, query)

    def _route_table(self) -> dict[str, Callable]:
        s = self
        self._prefixes: list[tuple[str, Callable]] = [
            ("/redirect/chain/", s.r_chain),
            ("/trap/a/", s.r_nested),
            ("/session/", s.r_session),
            ("/links/target/", s.r_plain),
            ("/links/odd/", s.r_plain),
            ("/links/based/", s.r_plain),
            ("/sitemap-page/", s.r_plain),
            ("/after/", s.r_plain),
        ]
        routes: dict[str, Callable] = {
            "/": s.r_home,
            "/robots.txt": s.r_robots,
            "/sitemap.xml": s.r_sitemap,
            "/ok/1": s.r_ok,
            "/ok/2": s.r_ok,
            "/ok/3": s.r_ok,
            "/order": s.r_sink,
            "/api/order": s.r_sink,
            "/collect": s.r_sink,
            "/account/delete": s.r_plain,
            "/js/popup-target": s.r_plain,
            "/js/navigate-target": s.r_plain,
            "/slow/hang.png": s.r_hang,
            "/busy/poll-api": s.r_poll_api,
            "/busy/longpoll-api": s.r_longpoll_api,
            "/busy/events": s.r_events,
            "/loop/b": s.r_loop,
            "/calendar": s.r_calendar,
            "/grow": s.r_grow,
            "/session": s.r_session,
            "/hostile/sitemap-index-b.xml": s.r_sitemap_index_b,
        }
        shared = {"hang": s.r_hang, "status": s.r_status}
        for fault in FAULTS:
            path = fault.path.split("?", 1)[0]
            if path in routes or any(path.startswith(p) for p, _ in self._prefixes):
                continue
            name = "r_" + re.sub(r"[^a-z0-9]+", "_", path.strip("/").lower())
            handler = getattr(s, name, None) or shared.get(fault.kind)
            if handler is None:
                raise RuntimeError(f"no route for {fault.path} (write {name})")
            routes[path] = handler
        return routes

    # -- healthy pages

    def r_home(self, h, path, q):
        links = "".join(
            f"<li><a href='{html.escape(p)}'>{html.escape(FAULTS_BY_PATH[p].kind)}: "
            f"{html.escape(FAULTS_BY_PATH[p].description)}</a></li>"
            if p in FAULTS_BY_PATH
            else f"<li><a href='{html.escape(p)}'>{html.escape(p)}</a></li>"
            for p in self.links
        )
        ok = "".join(f"<li><a href='/ok/{i}'>Healthy page {i}</a></li>" for i in (1, 2, 3))
        after = "".join(
            f"<li><a href='/after/{i}'>Healthy page after the faults {i}</a></li>"
            for i in range(1, self.after + 1)
        )
        h.html(
            "Hostile shop", f"<h1>Hostile shop</h1><ul>{ok}</ul><ul>{links}</ul><ul>{after}</ul>"
        )

    def r_ok(self, h, path, q):
        n = path.rsplit("/", 1)[-1]
        names = {"1": "Jackets", "2": "Shoes", "3": "Contact"}
        h.html(
            f"{names.get(n, 'Page')} | Hostile shop",
            f"<h1>{names.get(n, 'Page')}</h1><p>An ordinary page.</p>"
            f"<a href='/ok/{int(n) % 3 + 1}'>Next</a>",
        )

    def r_plain(self, h, path, q):
        h.html("Plain page", f"<h1>Plain page</h1><p>{html.escape(h.path[:200])}</p>")

    def r_sink(self, h, path, q):  # POST targets: the log is what matters
        h.html("Order placed", "<h1>Thank you for your order</h1>")

    def r_robots(self, h, path, q):
        if self.robots != "friendly":
            return self._routes[ROBOTS_VARIANTS[self.robots]](h, path, q)
        sitemap = self.url(SITEMAP_VARIANTS[self.sitemap])
        body = f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
        h.reply(200, body, "text/plain; charset=utf-8")

    def r_sitemap(self, h, path, q):
        if self.sitemap != "friendly":
            return self._routes[SITEMAP_VARIANTS[self.sitemap]](h, path, q)
        locs = "".join(f"<url><loc>{self.url(p)}</loc></url>" for p in HEALTHY)
        h.reply(
            200,
            f"<?xml version='1.0'?><urlset xmlns='{SITEMAP_NS}'>{locs}</urlset>",
            "application/xml",
        )

    # -- 1. hang and trickle

    def r_hang(self, h, path, q):
        h.close_connection = True
        h.hold(LOOP_LIMIT)

    def r_slow_headers_only(self, h, path, q):
        h.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2048\r\n\r\n")
        h.hold(LOOP_LIMIT)

    def r_slow_trickle(self, h, path, q):
        if not h.raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
        ):
            return
        text = b"<!doctype html><title>Trickle</title><h1>Trickle</h1><p>" + b"." * 200
        for i in range(int(LOOP_LIMIT)):
            if h.hold(1.0) or not h.raw(text[i : i + 1] or b"."):
                return

    def r_slow_huge_length(self, h, path, q):
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {10**12}\r\n\r\n"
        ).encode()
        if not h.raw(head + b"<!doctype html><title>Huge length</title><h1>Huge</h1>"):
            return
        for _ in range(int(LOOP_LIMIT * 2)):
            if h.hold(0.5) or not h.raw(b"<p>" + b"x" * 1017 + b"</p>"):
                return

    def r_slow_late(self, h, path, q):
        if not h.hold(3.0):
            h.html("Late", "<h1>Late but fine</h1>")

    def r_slow_hung_image(self, h, path, q):
        h.html("Hung image", "<h1>Hung image</h1><img src='/slow/hang.png' alt='never arrives'>")

    # -- 2. never quiet

    def r_busy_poll(self, h, path, q):
        script = "<script>setInterval(() => fetch('/busy/poll-api').catch(() => {}), 100)</script>"
        h.html("Polling", "<h1>Polling</h1>" + script)

    def r_poll_api(self, h, path, q):
        h.reply(200, json.dumps({"t": time.time()}), "application/json")

    def r_busy_longpoll(self, h, path, q):
        script = (
            "<script>(async () => { for (;;) { try { await fetch('/busy/longpoll-api'); }"
            " catch (e) { await new Promise(r => setTimeout(r, 1000)); } } })()</script>"
        )
        h.html("Long poll", "<h1>Long poll</h1>" + script)

    def r_longpoll_api(self, h, path, q):
        if not h.hold(30.0):
            h.reply(200, '{"news": []}', "application/json")

    def r_busy_sse(self, h, path, q):
        script = "<script>new EventSource('/busy/events').onmessage = e => { document.title = 'SSE ' + e.data; }</script>"
        h.html("Events", "<h1>Server-sent events</h1>" + script)

    def r_events(self, h, path, q):
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        if not h.raw(head):
            return
        for i in range(int(LOOP_LIMIT / 0.2)):
            if h.hold(0.2) or not h.chunk(f"data: {i}\n\n".encode()):
                return

    def r_busy_stream(self, h, path, q):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
        first = page("Endless stream", "<h1>Endless stream</h1>").split("</main>")[0]
        if not (h.raw(head) and h.chunk(first.encode())):
            return
        for i in range(int(LOOP_LIMIT / 0.2)):
            if h.hold(0.2) or not h.chunk(f"<p>tick {i}</p>\n".encode()):
                return

    # -- 3. spin, 4. crash

    def r_spin_head(self, h, path, q):
        h.html("Spin in head", "<h1>Never shown</h1>", head="<script>while(true){}</script>")

    def r_spin_later(self, h, path, q):
        script = (
            "<script>addEventListener('load', () => setTimeout(() => { for(;;){} }, 300))</script>"
        )
        h.html("Spin later", "<h1>Spins 300 ms after load</h1>" + script)

    def r_crash_oom(self, h, path, q):
        script = (
            "<script>const hog = [];"
            "for (let i = 0; ; i++) {"
            " hog.push(new Array(1 << 20).fill(i));"
            " hog.push(('leak ' + i + ' ').repeat(1 << 16).split(' ').join('_'));"
            "}</script>"
        )
        h.html("Out of memory", "<h1>Eats memory</h1>" + script)

    # -- 5. dialogs and self-navigation

    def _script_page(self, h, title, script, head=""):
        h.html(html.escape(title), f"<h1>{html.escape(title)}</h1><script>{script}</script>", head)

    def r_js_alert(self, h, path, q):
        self._script_page(h, "Alert", "alert('Welcome to our shop!')")

    def r_js_confirm(self, h, path, q):
        self._script_page(
            h, "Confirm", "if (!confirm('Are you over 18?')) document.body.append('no')"
        )

    def r_js_prompt(self, h, path, q):
        self._script_page(h, "Prompt", "document.body.append(prompt('Your postcode?') || 'none')")

    def r_js_beforeunload(self, h, path, q):
        self._script_page(
            h,
            "Before unload",
            "addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = 'Stay?'; return 'Stay?'; })",
        )

    def r_js_alert_storm(self, h, path, q):
        self._script_page(h, "Alert storm", "for (let i = 0; i < 10000; i++) alert('storm ' + i)")

    def r_js_popup(self, h, path, q):
        self._script_page(
            h,
            "Popup",
            "addEventListener('load', () => { window.open('/js/popup-target');"
            " window.open('/js/popup-target?second', 'named', 'width=300,height=300'); })",
        )

    def r_js_close(self, h, path, q):
        self._script_page(
            h, "Close", "window.close(); addEventListener('load', () => window.close())"
        )

    def r_js_navigate(self, h, path, q):
        self._script_page(
            h,
            "Navigate away",
            "addEventListener('load', () => setTimeout(() => { location.href = '/js/navigate-target'; }, 200))",
        )

    def r_js_pushstate(self, h, path, q):
        self._script_page(
            h,
            "Push state",
            "let n = 0; setInterval(() => history.pushState({n}, '', '/js/pushstate?step=' + (++n)), 5)",
        )

    def r_js_reload(self, h, path, q):
        n = self._hit(path)
        h.html(f"Reload {n}", f"<h1>Reload {n}</h1><script>location.reload()</script>")

    def r_js_meta_refresh(self, h, path, q):
        n = self._hit(path)
        h.html(
            f"Refresh {n}", f"<h1>Refresh {n}</h1>", head="<meta http-equiv='refresh' content='0'>"
        )

    def r_js_print(self, h, path, q):
        self._script_page(h, "Print", "addEventListener('load', () => window.print())")

    # -- 6. statuses

    def r_status(self, h, path, q):
        code = int(path.rsplit("/", 1)[-1].split("-")[0])
        if code == 204:
            h.reply(204, b"", ctype=None)
        elif code == 401:
            h.html(
                "Login required",
                "<h1>Login required</h1>",
                status=401,
                headers={"WWW-Authenticate": 'Basic realm="shop"'},
            )
        else:
            h.html(f"Status {code}", f"<h1>Status {code}</h1>", status=code)

    def r_status_503_retry(self, h, path, q):
        if self._hit(path) == 1:
            h.html("Busy", "<h1>Try again shortly</h1>", status=503, headers={"Retry-After": "2"})
        else:
            h.html("Back again", "<h1>Back again</h1>")

    def r_status_429_date(self, h, path, q):
        if self._hit(path) == 1:
            when = email.utils.formatdate(time.time() + 3, usegmt=True)
            h.html(
                "Slow down", "<h1>Too many requests</h1>", status=429, headers={"Retry-After": when}
            )
        else:
            h.html("Welcome back", "<h1>Welcome back</h1>")

    def r_status_503_day(self, h, path, q):
        h.html(
            "Maintenance", "<h1>Back tomorrow</h1>", status=503, headers={"Retry-After": "86400"}
        )

    def r_status_soft_404(self, h, path, q):
        h.html(
            "Page not found", "<h1>Page not found</h1><p>Sorry, this page does not exist (404).</p>"
        )

    # -- 7. transports

    def r_net_truncated(self, h, path, q):
        body = page("Truncated", "<h1>Truncated</h1>" + "<p>cut</p>" * 200).encode()[:500]
        h.raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 100000\r\n\r\n"
            + body
        )

    def r_net_reset(self, h, path, q):
        h.close_connection = True
        with contextlib.suppress(OSError):
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()

    def r_net_empty(self, h, path, q):
        h.close_connection = True

    def r_net_garbage(self, h, path, q):
        h.raw(_noise(2048, 7))

    def r_net_bad_gzip(self, h, path, q):
        h.reply(
            200, page("Bad gzip", "<h1>Not gzip at all</h1>"), headers={"Content-Encoding": "gzip"}
        )

    def r_net_bad_chunked(self, h, path, q):
        first = b"<!doctype html><title>Bad chunks</title><h1>Bad chunks</h1>"
        h.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
        h.chunk(first)
        h.raw(b"zz\r\nnot a chunk size\r\n0\r\n\r\n")

    def r_net_double_length(self, h, path, q):
        body = page("Two lengths", "<h1>Two lengths</h1>").encode()
        h.raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + f"Content-Length: {len(body)}\r\nContent-Length: {len(body) + 7}\r\n\r\n".encode()
            + body
        )

    def r_net_huge_header(self, h, path, q):
        h.reply(
            200, page("Huge header", "<h1>Huge header</h1>"), headers={"X-Padding": "a" * 300_000}
        )

    # -- 8. redirects

    def _redirect(self, h, location: str | bytes, status: int = 302) -> None:
        loc = location.encode() if isinstance(location, str) else location
        h.raw(
            f"HTTP/1.1 {status} Redirect\r\n".encode()
            + b"Location: "
            + loc
            + b"\r\nContent-Type: text/html\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )

    def r_loop_a(self, h, path, q):
        self._redirect(h, "/loop/b")

    def r_loop(self, h, path, q):  # /loop/b
        self._redirect(h, "/loop/a")

    def r_chain(self, h, path, q):
        tail = path.rsplit("/", 1)[-1]
        n = int(tail) if tail.isdigit() else 0
        if n >= 25:
            h.html("End of the chain", "<h1>25 redirects later</h1>")
        else:
            self._redirect(h, f"/redirect/chain/{n + 1}", 301)

    def r_redirect_no_location(self, h, path, q):
        h.html("Moved somewhere", "<h1>Moved, but we will not say where</h1>", status=302)

    def r_redirect_file(self, h, path, q):
        self._redirect(h, "file:///etc/passwd")

    def r_redirect_javascript(self, h, path, q):
        self._redirect(h, "javascript:alert(1)")

    def r_redirect_data(self, h, path, q):
        self._redirect(h, "data:text/html,<title>data</title><h1>From a data URL</h1>")

    def r_redirect_offsite(self, h, path, q):
        self._redirect(h, self.offsite.url("/landing"))

    def r_redirect_raw_utf8(self, h, path, q):
        self._redirect(h, "/ok/2?q=über schön".encode())

    def r_redirect_refresh_header(self, h, path, q):
        h.html("Refreshing", "<h1>Moving on</h1>", headers={"Refresh": "0; url=/ok/3"})

    # -- 9. traps

    def r_calendar(self, h, path, q):
        raw = q.get("month", ["0"])[0]
        n = int(raw) if re.fullmatch(r"-?\d{1,12}", raw) else 0
        h.html(
            f"Calendar month {n}",
            f"<h1>Events in month {n}</h1><a href='/calendar?month={n - 1}'>Previous month</a> "
            f"<a href='/calendar?month={n + 1}'>Next month</a>",
        )

    def r_nested(self, h, path, q):
        if not re.fullmatch(r"/trap(/a)+/", path):
            return h.html("Not found", "<h1>Not found</h1>", status=404)
        depth = path.count("/a")
        h.html(
            f"Nested {depth}",
            f"<h1>Nested {depth} deep</h1><a href='a/'>Deeper</a> <a href='./a/'>Also deeper</a>",
        )

    def r_session(self, h, path, q):
        sid = uuid.uuid4().hex
        links = (
            f"<a href='/session/page?sid={sid}'>Page</a> "
            f"<a href='/session/page;jsessionid={sid.upper()}'>Page (jsessionid)</a> "
            f"<a href='/session/other?PHPSESSID={sid[:26]}&amp;view=list'>Other</a> "
            f"<a href='/session/s/{sid}/page'>Page (id in path)</a>"
        )
        h.html(f"Session {sid[:8]}", f"<h1>Session page</h1>{links}")

    def r_grow(self, h, path, q):
        x = q.get("x", ["a"])[0]
        h.html(f"Grow {len(x)}", f"<h1>Grow {len(x)}</h1><a href='/grow?x={x}{x}'>Grow more</a>")

    def r_trap_facets(self, h, path, q):
        facets = {
            "color": ["red", "blue", "green", "black", "white"],
            "size": ["s", "m", "l", "xl"],
            "sort": ["price", "name", "new"],
        }
        current = [(k, v[0]) for k, v in q.items() if k in facets or k == "page"]
        links = []
        for k, values in facets.items():
            for v in values:
                rest = [(a, b) for a, b in current if a != k]
                for combo in ([*rest, (k, v)], [(k, v), *rest]):  # both orders
                    qs = "&amp;".join(f"{a}={b}" for a, b in combo)
                    links.append(f"<a href='/trap/facets?{qs}'>{k}: {v}</a>")
        pg = int(q.get("page", ["1"])[0]) if q.get("page", ["1"])[0].isdigit() else 1
        links.append(f"<a href='/trap/facets?page={pg + 1}'>Next page</a>")
        h.html("Facets", "<h1>Filter products</h1>" + " ".join(links))

    # -- 10. link soup

    def r_links_many(self, h, path, q):
        links = "".join(f"<a href='/links/target/{i}'>Product {i}</a> " for i in range(5000))
        h.html("Five thousand links", "<h1>5,000 links</h1>" + links)

    def r_links_odd(self, h, path, q):
        p, op = self.port, self.offsite.port
        hrefs = [
            "/links/odd/with space",
            "/links/odd/über-größe",
            "/links/odd/%C3%BCber-gr%C3%B6%C3%9Fe",
            "/links/odd/%7Euser",
            "/links/odd/~user",
            "/links/odd/%zz-bad-escape",
            "/links/odd/a%2Fb",
            "/links/odd/%00nul",
            "/links/odd/emoji-😀",
            "/links/odd/rtl-\u202egnp.exe",
            "/links/odd/x/../../odd/dots",
            "\\links\\odd\\backslash",
            "   /links/odd/padded   ",
            "/links/odd/tab\there",
            "/links/odd/new\nline",
            "/links/odd/q?a=1+2&b=1%202&b=x",
            "?only=query",
            "",
            f"HTTP://127.0.0.1:{p}/links/odd/upper-scheme",
            f"http://127.0.0.1:{p}//links/odd/double-slash",
            f"http://user:pass@127.0.0.1:{p}/links/odd/credentials",
            "http:/links/odd/one-slash",
            f"http://bücher.localhost:{p}/ok/1",
            f"http://xn--bcher-kva.localhost:{p}/ok/1",
            f"//127.0.0.2:{op}/landing",
            "http://127.0.0.1:99999/links/odd/bad-port",
            "http://[127.0.0.1/links/odd/bad-bracket",
            "/links/odd/long?" + "x" * 10_000,
        ]
        links = "".join(
            f'<a href="{html.escape(href)}">odd {i}</a> ' for i, href in enumerate(hrefs)
        )
        h.html("Odd links", "<h1>Odd links</h1>" + links + "<a>no href</a>")

    def r_links_base(self, h, path, q):
        links = "<a href='x'>x</a> <a href='y/z'>y/z</a> <a href='../based/w'>w</a> <a href='?q=1'>q</a>"
        h.html("Base", "<h1>Base href</h1>" + links, head="<base href='/links/based/'>")

    def r_links_base_offsite(self, h, path, q):
        links = "<a href='landing'>landing</a> <a href='ok/1'>ok</a>"
        h.html(
            "Base off-site",
            "<h1>Base off-site</h1>" + links,
            head=f"<base href='{self.offsite.base_url}'>",
        )

    def r_links_fragments(self, h, path, q):
        links = (
            "<a href='#'>top</a> <a href='#top'>#top</a> <a href='#!/spa/route'>spa</a> "
            "<a href='/links/fragments#x'>self</a> <a href='/ok/1#a'>ok a</a> <a href='/ok/1#b'>ok b</a>"
        )
        h.html("Fragments", "<h1 id='top'>Fragments</h1>" + links)

    def r_links_tracking(self, h, path, q):
        hrefs = [
            "/ok/1?utm_source=news&utm_medium=email&utm_campaign=x",
            "/ok/1?gclid=abc123",
            "/ok/1?fbclid=xyz",
            "/ok/2?utm_content=a&mc_eid=1&_ga=2.1",
            "/ok/2?msclkid=1&utm_term=shoe",
        ]
        links = " ".join(f"<a href='{html.escape(u)}'>tracked {i}</a>" for i, u in enumerate(hrefs))
        h.html("Tracking", "<h1>Tracking parameters</h1>" + links)

    def r_links_schemes(self, h, path, q):
        p, op = self.port, self.offsite.port
        hrefs = [
            "javascript:alert(1)",
            "javascript:void(0)",
            "JaVaScRiPt:alert(2)",
            " javascript:alert(3)",
            "java\tscript:alert(4)",
            "mailto:shop@example.com?subject=hi",
            "tel:+49-30-1234567",
            "sms:+491234",
            f"ftp://127.0.0.1:{p}/file.txt",
            "data:text/html,<h1>data</h1>",
            "file:///etc/passwd",
            "about:blank",
            "chrome://settings",
            f"view-source:http://127.0.0.1:{p}/",
            f"ws://127.0.0.2:{op}/socket",
            "blob:http://127.0.0.1/abc",
            "intent://scan/#Intent;scheme=zxing;end",
            "whatsapp://send?text=hi",
        ]
        links = " ".join(f'<a href="{html.escape(u)}">scheme {i}</a>' for i, u in enumerate(hrefs))
        h.html("Schemes", "<h1>Link schemes</h1>" + links)

    # -- 11. content

    def r_content_10mb(self, h, path, q):
        h.reply(200, _cached("10mb", _ten_mb_page))

    def r_content_deep(self, h, path, q):
        h.html("Deep", "<h1>Deep</h1>" + "<div>" * 10_000 + "bottom" + "</div>" * 10_000)

    def r_content_latin1(self, h, path, q):
        h.reply(
            200,
            page("Größe und Café", "<h1>Größe: 42 – Café</h1><p>Übergrößen für Männer</p>").encode(
                "latin-1", "replace"
            ),
        )

    def r_content_bad_utf8(self, h, path, q):
        body = (
            b"<!doctype html><html><head><meta charset='utf-8'><title>Bad \xff\xfe UTF-8 \x00 here</title>"
            b"</head><body>"
            + NAV.encode()
            + b"<main><h1>Broken \xc3\x28 \xc0\xaf \xed\xa0\xbd bytes</h1>"
            b"<p>NUL:\x00\x00 end</p><a href='/ok/1'>Link \xf8\x88\x80\x80\x80</a></main>"
            + FOOTER.encode()
            + b"</body></html>"
        )
        h.reply(200, body)

    def r_content_surrogate_entity(self, h, path, q):
        h.html(
            "Lone &#xD83D; surrogate",
            "<h1>Broken &#xD83D; emoji</h1><a href='/ok/1'>Half &#xDE00; a smile</a>",
        )

    def r_content_surrogate_js(self, h, path, q):
        script = (
            "<script>document.title = 'Lone \\ud83d surrogate';"
            "document.querySelector('h1').textContent = 'Broken \\ud83d emoji';"
            "document.querySelector('#s').textContent = 'Half \\ude00 a smile';"
            "document.querySelector('#s').setAttribute('aria-label', 'x\\ud800y');"
            "document.querySelector('img').alt = 'alt \\udfff';</script>"
        )
        h.html(
            "Surrogate", "<h1>h</h1><a id='s' href='/ok/1'>s</a><img src='data:,' alt=''>" + script
        )

    def r_content_png_as_html(self, h, path, q):
        h.reply(200, _png())

    def r_content_json_as_html(self, h, path, q):
        h.reply(
            200,
            json.dumps(
                {"products": [{"id": 1, "name": "Jacket"}], "html": "<a href='/ok/1'>x</a>"}
            ),
        )

    def r_content_binary(self, h, path, q):
        h.reply(200, _noise(65536, 11), "application/octet-stream")

    def r_content_download(self, h, path, q):
        h.reply(
            200,
            page("Download", "<h1>Download</h1>"),
            headers={"Content-Disposition": 'attachment; filename="page.html"'},
        )

    def r_content_pdf(self, h, path, q):
        h.reply(200, PDF, "application/pdf")

    def r_content_xhtml_broken(self, h, path, q):
        body = "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head><title>XHTML</title></head><body><h1>Unclosed<p>& broken</body>"
        h.reply(200, body, "application/xhtml+xml")

    def r_content_no_type(self, h, path, q):
        h.reply(200, page("No type", "<h1>No Content-Type</h1>"), ctype=None)

    # -- 13. forms

    def r_forms_buy(self, h, path, q):
        form = (
            "<form method='post' action='/order'><label>Email <input name='email' type='email' "
            "value='buyer@example.com'></label><label>Card <input name='card' "
            "value='4111 1111 1111 1111'></label><input type='hidden' name='qty' value='1'>"
            "<button type='submit'>Buy now</button></form>"
            "<form method='get' action='/account/delete'><input type='hidden' name='confirm' "
            "value='yes'><button>Delete my account</button></form>"
        )
        h.html("Buy now", "<h1>Alpine jacket</h1>" + form)

    def r_forms_autosubmit(self, h, path, q):
        form = (
            "<form id='order' method='post' action='/order'><input name='item' value='jacket'>"
            "<button type='button'>Looks harmless</button></form>"
            "<script>let touched = false;"
            "for (const t of ['click', 'keydown', 'pointerdown', 'input'])"
            " addEventListener(t, e => { if (e.isTrusted) touched = true; }, true);"
            "addEventListener('load', () => setTimeout(() => {"
            " if (touched) document.getElementById('order').submit(); }, 2000));</script>"
        )
        h.html("Auto submit", "<h1>Auto submit</h1>" + form)

    def r_forms_fetch_buy(self, h, path, q):
        body = (
            "<button id='buy'>Buy now</button><script>document.getElementById('buy').onclick = () =>"
            " fetch('/api/order', {method: 'POST', headers: {'Content-Type': 'application/json'},"
            " body: JSON.stringify({item: 'jacket', qty: 1})});</script>"
        )
        h.html("Fetch buy", "<h1>One-click buy</h1>" + body)

    def r_forms_beacon(self, h, path, q):
        script = (
            "<script>const send = () => navigator.sendBeacon('/collect', 'left ' + location.pathname);"
            "addEventListener('pagehide', send);"
            "document.addEventListener('visibilitychange', () => {"
            " if (document.visibilityState === 'hidden') send(); });</script>"
        )
        h.html("Beacon", "<h1>Analytics beacon</h1>" + script)

    # -- 14. overlays

    def r_overlay_fullscreen(self, h, path, q):
        overlay = (
            "<div style='position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.92);"
            "color:#fff;font-size:3em'>Subscribe to our newsletter!</div>"
        )
        h.html("Overlay", "<h1>Covered page</h1><a href='/ok/1'>Under the overlay</a>" + overlay)

    def r_overlay_cookie(self, h, path, q):
        banner = (
            "<div id='cookie' hidden style='position:fixed;bottom:0;left:0;right:0;z-index:9999;"
            "background:#fff;padding:2em;border-top:2px solid'>We use cookies."
            "<button id='accept'>Accept all</button><button id='reject'>Reject</button></div>"
            "<script>setTimeout(() => { document.getElementById('cookie').hidden = false;"
            " document.body.style.overflow = 'hidden'; }, 500);"
            "for (const id of ['accept', 'reject']) document.getElementById(id).onclick = () => {"
            " document.cookie = 'consent=' + id + '; path=/';"
            " document.getElementById('cookie').remove(); document.body.style.overflow = ''; };</script>"
        )
        h.html("Cookie banner", "<h1>Cookies</h1><a href='/ok/2'>Shoes</a>" + banner)

    # -- 15. text built to break a report

    def _text_page(self, h, text: str, link_text: str | None = None, script: str = "") -> None:
        t = html.escape(text)
        lt = html.escape(link_text if link_text is not None else text)
        h.html(
            t,
            f"<h1>{t}</h1><a href='/ok/1'>{lt}</a> <button>{t}</button>"
            f"<img src='data:,' alt='{t}'><p>{t}</p>{script}",
            head=f"<meta name='description' content='{t}'>",
        )

    def r_text_script(self, h, path, q):
        self._text_page(h, PAYLOADS["script"])

    def r_text_template(self, h, path, q):
        self._text_page(h, PAYLOADS["template"])

    def r_text_markdown(self, h, path, q):
        self._text_page(h, PAYLOADS["markdown"])

    def r_text_rtl(self, h, path, q):
        self._text_page(h, PAYLOADS["rtl"])

    def r_text_huge_title(self, h, path, q):
        self._text_page(h, "Huge " + "T" * 1_000_000, link_text="L" * 100_000)

    def r_text_nul(self, h, path, q):
        script = (
            "<script>document.title = 'NUL \\u0000 in title';"
            "document.querySelector('main a').textContent = 'NUL \\u0000 link';</script>"
        )
        self._text_page(h, "NUL \x00 raw", script=script)

    # -- 12. hostile robots.txt and sitemaps

    def r_hostile_robots_garbage_txt(self, h, path, q):
        h.reply(200, _noise(4096, 3) + b"\nDisallow: /\x00\n", "text/plain")

    def r_hostile_robots_huge_txt(self, h, path, q):
        def build() -> bytes:
            lines = [f"Disallow: /nothing-here/{i}/\n" for i in range(40_000)]
            text = "User-agent: *\n" + "".join(lines)
            text += "#" * max(0, (1 << 20) - len(text)) + "\nCrawl-delay: 86400\n"
            return text.encode()

        h.reply(200, _cached("robots-huge", build), "text/plain")

    def r_hostile_robots_crawl_delay_txt(self, h, path, q):
        h.reply(200, "User-agent: *\nCrawl-delay: 3600\nAllow: /\n", "text/plain")

    def r_hostile_robots_hang_txt(self, h, path, q):
        self.r_hang(h, path, q)

    def r_hostile_robots_error_txt(self, h, path, q):
        h.reply(500, "Internal Server Error", "text/plain")

    def r_hostile_sitemap_bomb_xml_gz(self, h, path, q):
        bomb = _cached(f"bomb-{self.bomb_size}", lambda: _gzip_bomb(self.bomb_size))
        h.reply(200, bomb, "application/gzip")

    def r_hostile_sitemap_bomb_xml(self, h, path, q):
        bomb = _cached(f"bomb-{self.bomb_size}", lambda: _gzip_bomb(self.bomb_size))
        h.reply(200, bomb, "application/xml", headers={"Content-Encoding": "gzip"})

    def r_hostile_sitemap_xxe_xml(self, h, path, q):
        lols = "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
        )
        body = (
            '<?xml version="1.0"?>\n<!DOCTYPE urlset [<!ENTITY lol0 "lol">'
            + lols
            + '<!ENTITY xxe SYSTEM "file:///etc/passwd">'
            + f'<!ENTITY ext SYSTEM "{self.offsite.url("/xxe")}">]>\n'
            + f'<urlset xmlns="{SITEMAP_NS}"><url><loc>{self.url("/ok/1")}?&lol9;</loc></url>'
            + f"<url><loc>{self.url('/ok/2')}?&xxe;</loc></url>"
            + f"<url><loc>{self.url('/ok/3')}?&ext;</loc></url></urlset>\n"
        )
        h.reply(200, body, "application/xml")

    def r_hostile_sitemap_index_self_xml(self, h, path, q):
        locs = "".join(
            f"<sitemap><loc>{self.url(p)}</loc></sitemap>"
            for p in ("/hostile/sitemap-index-self.xml", "/hostile/sitemap-index-b.xml")
        )
        h.reply(
            200,
            f"<?xml version='1.0'?><sitemapindex xmlns='{SITEMAP_NS}'>{locs}</sitemapindex>",
            "application/xml",
        )

    def r_sitemap_index_b(self, h, path, q):
        loc = f"<sitemap><loc>{self.url('/hostile/sitemap-index-self.xml')}</loc></sitemap>"
        h.reply(
            200,
            f"<?xml version='1.0'?><sitemapindex xmlns='{SITEMAP_NS}'>{loc}</sitemapindex>",
            "application/xml",
        )

    def r_hostile_sitemap_huge_xml(self, h, path, q):
        if self._huge_sitemap is None:
            parts = [f"<?xml version='1.0'?>\n<urlset xmlns='{SITEMAP_NS}'>\n"]
            size, i = len(parts[0]), 0
            while size < self.huge_sitemap_bytes:
                line = f"<url><loc>{self.base_url}sitemap-page/{i}</loc></url>\n"
                parts.append(line)
                size += len(line)
                i += 1
            parts.append("</urlset>\n")
            self._huge_sitemap = "".join(parts).encode()
        h.reply(200, self._huge_sitemap, "application/xml")

    def r_hostile_sitemap_malformed_xml(self, h, path, q):
        body = (
            f"<?xml version='1.0'?><urlset xmlns='{SITEMAP_NS}'>"
            f"<url><loc>{self.url('/ok/1')}</loc></url>"
            "<url><loc>javascript:alert(1)</loc></url><url><loc>/relative/path</loc></url>"
            f"<url><loc>{self.offsite.url('/landing')}</loc></url>"
            "<url><loc>file:///etc/passwd</loc></url>"
            f"<url><loc>{self.url('/ok/2')}?a=1&b=2</loc></url>"
            "<url><loc>\x01\x02 control</loc><url><loc>unclosed"
        )
        h.reply(200, body, "application/xml")

    def r_hostile_sitemap_hang_xml(self, h, path, q):
        self.r_hang(h, path, q)

    def r_hostile_sitemap_html_xml(self, h, path, q):
        h.html("Page not found", "<h1>Page not found</h1>")

    # -- the other host (127.0.0.2)

    def _dispatch_offsite(self, h: _Handler) -> None:
        path = urlsplit(h.path).path
        if path == "/landing":
            h.html(
                "Somebody else's site",
                "<h1>Off-site landing</h1><a href='/landing/more'>More off-site</a> "
                f"<a href='{self.url('/ok/1')}'>Back to the shop</a>",
            )
        elif path == "/xxe":
            h.reply(200, "EXTERNAL-ENTITY-FETCHED", "text/plain")
        else:
            h.html("Off-site page", f"<h1>Off-site {html.escape(path)}</h1>")


if __name__ == "__main__":  # python -m tests.hostile_shop [robots] [sitemap]: serve until Ctrl-C
    import sys

    with HostileShop(*sys.argv[1:3]) as shop:
        print(shop.base_url, shop.offsite.base_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
