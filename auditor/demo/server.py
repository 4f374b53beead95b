"""The HTTP server around ShopApp: a ThreadingHTTPServer in a daemon thread."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .app import Request, Response, ShopApp, _html
from .catalog import DEEP_PRODUCT_SLUG, ORPHAN_PRODUCT_SLUG

MODES = ("defects", "clean")
MAX_BODY = 1 << 20  # 1 MiB is plenty for the shop's forms

#: Text types that are gzipped when the client accepts it (never images or application/gzip).
COMPRESSIBLE_TYPES = frozenset(
    {
        "text/html",
        "text/css",
        "text/plain",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/ld+json",
        "image/svg+xml",
        "application/xml",
        "text/xml",
    }
)
GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 5
_GZIP_CACHE_ENTRIES = 512
_GZIP_CACHE_MAX_BODY = 512 * 1024


def accepts_gzip(accept_encoding: str) -> bool:
    """Does an Accept-Encoding header allow gzip (``gzip`` or ``*``, with q > 0)?"""
    star = False
    for item in accept_encoding.lower().split(","):
        coding, _, params = item.partition(";")
        coding = coding.strip()
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        if coding in ("gzip", "x-gzip"):
            return q > 0
        if coding == "*":
            star = q > 0
    return star


class _GzipCache:
    """Compressed bodies by their uncompressed bytes (pages are deterministic), LRU-bounded."""

    def __init__(self, entries: int = _GZIP_CACHE_ENTRIES) -> None:
        self._entries = entries
        self._data: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def compress(self, body: bytes) -> bytes:
        if len(body) > _GZIP_CACHE_MAX_BODY:
            return gzip.compress(body, GZIP_LEVEL, mtime=0)
        with self._lock:
            hit = self._data.get(body)
            if hit is not None:
                self._data.move_to_end(body)
                return hit
        packed = gzip.compress(body, GZIP_LEVEL, mtime=0)
        with self._lock:
            self._data[body] = packed
            while len(self._data) > self._entries:
                self._data.popitem(last=False)
        return packed


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, address, handler, shop: DemoShop, family: int) -> None:
        self.address_family = family
        self.shop = shop
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        self.gzip_cache = _GzipCache()
        super().__init__(address, handler)

    def track(self, conn: socket.socket) -> None:
        with self._conns_lock:
            self._conns.add(conn)

    def untrack(self, conn: socket.socket) -> None:
        with self._conns_lock:
            self._conns.discard(conn)

    def close_connections(self) -> None:
        with self._conns_lock:
            conns = list(self._conns)
            self._conns.clear()
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request, client_address) -> None:
        # A client that goes away mid-answer is normal for a crawler; stay quiet.
        return


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.0"  # malformed request lines get a real 400 status line
    server_version = "NordwindDemo/1.0"
    sys_version = ""
    timeout = 60  # idle keep-alive connections are closed after this many seconds
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def log_message(self, format, *args) -> None:
        return

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def _read_body(self) -> bytes | None:
        """The request body, or None if it cannot be read sensibly."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            total = 0
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                except ValueError:
                    return None
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                total += size
                if total > MAX_BODY:
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline(1024)
            return b"".join(chunks)
        length = self.headers.get("Content-Length")
        if not length:
            return b""
        try:
            n = int(length)
        except ValueError:
            return None
        if n < 0 or n > MAX_BODY:
            return None
        return self.rfile.read(n)

    def _serve(self) -> None:
        shop = self.server.shop
        method = self.command
        shop._record(method, self.path)
        body = b""
        if method not in ("GET", "HEAD"):
            read = self._read_body()
            if read is None:
                self.close_connection = True
                self._send(
                    Response(400, b"Bad request body\n", "text/plain; charset=utf-8"), method
                )
                return
            body = read
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            resp = shop.app.handle(Request(method, self.path, headers, body))
        except Exception:  # never let one bad request take the shop down
            resp = _html(
                '<!doctype html><html lang="en"><title>Server error</title>'
                "<h1>Something went wrong</h1></html>",
                500,
            )
        if resp.delay > 0:
            time.sleep(resp.delay)
        self._send(resp, method)

    def _encode(self, resp: Response) -> tuple[bytes, list[tuple[str, str]]]:
        """The body to send and the extra headers: gzip for text bodies, when accepted."""
        ctype = resp.content_type.split(";", 1)[0].strip().lower()
        if (
            ctype not in COMPRESSIBLE_TYPES
            or len(resp.body) < GZIP_MIN_BYTES
            or resp.status in (204, 304)
            or any(name.lower() == "content-encoding" for name, _ in resp.headers)
        ):
            return resp.body, []
        extra = []
        if not any(name.lower() == "vary" for name, _ in resp.headers):
            extra.append(("Vary", "Accept-Encoding"))
        if not accepts_gzip(self.headers.get("Accept-Encoding", "")):
            return resp.body, extra
        return self.server.gzip_cache.compress(resp.body), [("Content-Encoding", "gzip"), *extra]

    def _send(self, resp: Response, method: str) -> None:
        try:
            body, extra = self._encode(resp)
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in [*resp.headers, *extra]:
                self.send_header(name, value)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if method != "HEAD" and resp.status not in (204, 304):
                self.wfile.write(body)
            self.wfile.flush()
        except OSError:
            self.close_connection = True


class DemoShop:
    """The bundled demo shop "Nordwind Outfitters", served on a real local HTTP port.

    >>> with DemoShop(mode="clean") as shop:
    ...     url = shop.base_url  # e.g. "http://127.0.0.1:54321/"
    """

    def __init__(
        self,
        mode: str = "defects",
        host: str = "127.0.0.1",
        port: int = 0,
        products: int = 24,
        delay_scale: float = 1.0,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if not isinstance(products, int) or products < 2:
            raise ValueError("products must be an integer >= 2")
        if delay_scale < 0:
            raise ValueError("delay_scale must be >= 0")
        self.mode = mode
        self.host = host
        self.port = port
        self.products = products
        self.delay_scale = float(delay_scale)
        self.app = ShopApp(mode, products, self.delay_scale)
        self.base_url = ""
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._log: list[tuple[str, str]] = []
        self._log_lock = threading.Lock()
        self._state_lock = threading.Lock()

    # ---------------------------------------------------------------- lifecycle
    def start(self) -> str:
        """Start serving in a background thread; return the base URL (with trailing slash)."""
        with self._state_lock:
            if self._server is not None:
                return self.base_url
            family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
            server = _Server((self.host, self.port), _Handler, self, family)
            port = server.server_address[1]
            host = self.host
            if host in ("", "0.0.0.0"):
                host = "127.0.0.1"
            elif host == "::":
                host = "::1"
            if ":" in host:
                host = f"[{host}]"
            self.base_url = f"http://{host}:{port}/"
            self.app.base_url = self.base_url
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"demo-shop-{self.mode}-{port}",
                daemon=True,
            )
            self._server, self._thread = server, thread
            thread.start()
            return self.base_url

    def stop(self) -> None:
        """Stop serving and close the socket (and open keep-alive connections). Idempotent."""
        with self._state_lock:
            server, thread = self._server, self._thread
            self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        server.close_connections()
        if thread is not None:
            thread.join(timeout=5)

    @property
    def running(self) -> bool:
        return self._server is not None

    def __enter__(self) -> DemoShop:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---------------------------------------------------------------- request log
    def _record(self, method: str, path: str) -> None:
        with self._log_lock:
            self._log.append((method, path))

    def request_log(self) -> list[tuple[str, str]]:
        """(method, request target incl. query string) of every request received, in order."""
        with self._log_lock:
            return list(self._log)

    def clear_log(self) -> None:
        with self._log_lock:
            self._log.clear()

    # ---------------------------------------------------------------- conveniences
    def url(self, path: str = "/") -> str:
        """Absolute URL of a path on this shop (after start)."""
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    @property
    def first_product_slug(self) -> str:
        return self.app.catalog.first.slug

    @property
    def deep_product_slug(self) -> str:
        return DEEP_PRODUCT_SLUG

    @property
    def orphan_product_slug(self) -> str:
        return ORPHAN_PRODUCT_SLUG

    def product_paths(self) -> list[str]:
        """Paths of all product pages (the same list as the product sitemap)."""
        return [p.url for p in self.app.catalog.products]

    def __repr__(self) -> str:
        state = self.base_url if self.running else "stopped"
        return f"<DemoShop mode={self.mode} products={self.products} {state}>"
