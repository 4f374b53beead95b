"""The whole-shop link map: a generated shop of 20,000 URLs, read over HTTP, while the
browser renders only a sample per template.

Prints the URLs in the link graph, the pages rendered and read over HTTP, URLs per
minute, the crawl's seconds and the peak memory of the auditor's Python process (and
of the browser), so the cost of judging click depth on the whole shop can be read off.

    python bench/linkmap_bench.py                          # 20,000 products
    python bench/linkmap_bench.py --products 5000 --rate 200

The shop: home → 40 categories → each category paginated (Previous/Next only, 25
products a page) → product pages that link to their category and two siblings.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.config import load_settings  # noqa: E402
from auditor.runner import run_audit  # noqa: E402

CATEGORIES = 40
PER_PAGE = 25


def shop_handler(products: int):
    per_category = -(-products // CATEGORIES)
    pages = -(-per_category // PER_PAGE)

    def html(title: str, body: str) -> bytes:
        nav = "".join(f"<a href='/c/cat-{c}'>Category {c}</a>" for c in range(CATEGORIES))
        return (
            f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
            f"<header><nav aria-label='Main'>{nav}</nav></header><main><h1>{title}</h1>"
            f"{body}</main><footer><a href='/about'>About</a></footer></body></html>"
        ).encode()

    def category(c: int, n: int) -> bytes:
        first = c * per_category + (n - 1) * PER_PAGE
        last = min(first + PER_PAGE, (c + 1) * per_category, products)
        items = "".join(f"<a href='/p/item-{i}'>Item {i}</a>" for i in range(first, last))
        prev = f"<a rel='prev' href='/c/cat-{c}?page={n - 1}'>Previous</a>" if n > 1 else ""
        nxt = f"<a rel='next' href='/c/cat-{c}?page={n + 1}'>Next</a>" if n < pages else ""
        return html(f"Category {c}, page {n}", items + prev + nxt)

    def product(i: int) -> bytes:
        c = i // per_category
        sib = "".join(
            f"<a href='/p/item-{j}'>Item {j}</a>" for j in (i - 1, i + 1) if 0 <= j < products
        )
        return html(f"Item {i}", f"<a href='/c/cat-{c}'>Back</a>{sib}<button>Add to cart</button>")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            parts = urlsplit(self.path)
            body, status = None, 200
            if parts.path == "/":
                body = html("Home", "<p>Welcome</p>")
            elif parts.path == "/about":
                body = html("About", "")
            elif parts.path.startswith("/c/cat-"):
                n = int((parse_qs(parts.query).get("page") or ["1"])[0])
                body = category(int(parts.path.rsplit("-", 1)[1]), n)
            elif parts.path.startswith("/p/item-"):
                body = product(int(parts.path.rsplit("-", 1)[1]))
            elif parts.path == "/robots.txt":
                body = b"User-agent: *\nAllow: /\n"
            if body is None:
                body, status = b"not found", 404
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler, pages


class Peak:
    """Peak resident memory of this process and of its children (the browser)."""

    def __init__(self):
        self.own = self.children = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        me = psutil.Process()
        while not self._stop.wait(0.5):
            self.own = max(self.own, me.memory_info().rss)
            total = 0
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
            self.children = max(self.children, total)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--products", type=int, default=20_000)
    ap.add_argument("--rate", type=float, default=500.0, help="requests per second to the shop")
    ap.add_argument("--map-concurrency", type=int, default=8)
    args = ap.parse_args()
    handler, pages = shop_handler(args.products)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    layer = {
        "audit": {"checks": ["navigation.click-depth", "navigation.pagination"]},
        "output": {"progress": "none"},
        "crawl": {
            "requests_per_second": args.rate,
            "max_pages_per_template": 3,
            "max_urls": args.products + 2 * CATEGORIES * pages,
            "map_concurrency": args.map_concurrency,
            "max_depth": 10_000,
        },
    }
    settings = load_settings(None, layer, environ={})
    with tempfile.TemporaryDirectory() as tmp, Peak() as peak:
        started = time.monotonic()
        path = await run_audit(base, settings, Path(tmp))
        took = time.monotonic() - started
        results = json.loads(path.read_text())
    server.shutdown()
    stats = results["stats"]
    mapped, graph = stats["urls_mapped"], stats["urls_in_link_graph"]
    deep = [f for f in results["findings"] if f["check"] == "navigation.click-depth"]
    print(f"shop: {args.products} products, {CATEGORIES} categories x {pages} listing pages")
    print(f"rendered in the browser: {stats['pages_crawled']} pages")
    print(f"read over HTTP (link map): {mapped} pages")
    print(f"in the link graph (click depth judged): {graph} URLs")
    print(f"audit: {took:.1f} s; crawl stage {stats['stages'].get('crawl', 0):.1f} s")
    print(f"link map: {mapped / max(took, 1e-9) * 60:,.0f} URLs per minute")
    print(f"peak memory: auditor {peak.own / 2**20:.0f} MB, browser {peak.children / 2**20:.0f} MB")
    print(
        f"click-depth findings: {len(deep)} (deepest {max((f['evidence'].get('depth', 0) for f in deep), default=0)})"
    )


if __name__ == "__main__":
    asyncio.run(main())
