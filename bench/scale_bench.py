"""Scale out: pages per minute of the local executor and of a local Dask cluster with 1
and 2 workers on the demo shop; the memory a frontier of 200,000 URLs costs the driver
in SQLite (auditor.frontier_store) against in memory; the driver's peak memory for the
link graph and statuses of a generated shop of 200,000 pages, its edges in memory and
in SQLite; and what the driver's grant of a worker's request costs (auditor.politeness).

    python bench/scale_bench.py [--products 24] [--urls 200000] [--skip-crawl] [--skip-frontier]

Prints figures; asserts nothing. The crawls render every page (--all-pages) with three
cheap checks, so the figures are about the executors, not the checks. On a loaded
machine the figures are the machine's, not the executors'.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.demo import DemoShop  # noqa: E402
from auditor.frontier import Frontier  # noqa: E402
from auditor.frontier_store import CrawlStore  # noqa: E402
from auditor.graph import LinkGraph  # noqa: E402
from auditor.politeness import PolitenessServer, RemoteLimiter  # noqa: E402
from auditor.ratelimit import HostLimiter  # noqa: E402
from auditor.urls import Scope, TemplateGrouper  # noqa: E402

CHECKS = ["forms.labels", "accessibility.image-alts", "navigation.broken-links"]


def crawl(url: str, out: Path, *executor: str) -> tuple[float, int]:
    """(pages per minute of the whole audit, pages) for one run of `auditor run`."""
    command = [sys.executable, "-m", "auditor", "run", url, "-o", str(out)]
    command += ["--progress", "none", "--all-pages", "--max-pages", "1000", "--format", "markdown"]
    for check in CHECKS:
        command += ["--check", check]
    started = time.monotonic()
    subprocess.run([*command, *executor], check=True, capture_output=True, cwd=ROOT)
    seconds = time.monotonic() - started
    pages = len(json.loads((out / "results.json").read_text())["pages"])
    return pages / seconds * 60, pages


def frontier_memory(urls: int, on_disk: bool, folder: Path) -> tuple[float, float]:
    """(peak Python MB, seconds) to offer ``urls`` addresses to a frontier and drain it."""
    tracemalloc.start()
    started = time.monotonic()
    store = CrawlStore(folder / f"crawl-{on_disk}.sqlite") if on_disk else None
    frontier = Frontier(
        Scope(["http://big.test/"]),
        TemplateGrouper(),
        lambda url: True,
        max_pages=urls,
        max_depth=50,
        max_per_template=0,
        seen=store.seen if store else None,
        queue=store.queue if store else None,
    )
    for i in range(urls):
        frontier.offer(f"http://big.test/c{i % 500}/product-{i}-with-a-longish-slug", i % 9)
    while frontier.pop() is not None:
        pass
    seconds = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if store:
        store.close()
    return peak / 1e6, seconds


START = "http://big.test/c0/product-0-with-a-longish-slug"  # _product(0)


def shop_links(urls: int, nav: int = 30, related: int = 10):
    """A generated shop of ``urls`` pages, each as the crawl records it: (its URL, the
    internal links on it): the same ``nav`` category links on every page (the menu)
    and ``related`` product links of its own."""
    categories = [f"http://big.test/c{c}/" for c in range(nav)]
    for i in range(urls):
        mine = [_product((i * 7 + k) % urls) for k in range(1, related + 1)]
        yield _product(i), categories + mine


def _product(i: int) -> str:
    return f"http://big.test/c{i % 500}/product-{i}-with-a-longish-slug"


def link_graph_memory(urls: int, folder: Path | None) -> tuple[float, float, float]:
    """(peak Python MB while the crawl feeds the link graph and the statuses, peak MB
    once the site view reads depths and parents from it, seconds) for a generated shop
    of ``urls`` pages: what the driver keeps for the whole site besides the frontier.
    With ``folder``, the edges are in a crawl store there (SQLite), as in an audit."""
    tracemalloc.start()
    started = time.process_time()  # CPU seconds: the machine may be shared
    store = CrawlStore(folder / "graph.sqlite") if folder else None
    graph, statuses = LinkGraph(store.edges if store else None), {}
    for url, links in shop_links(urls):
        statuses[url] = 200
        graph.node(url)
        graph.add_links(url, links)
    _, crawled = tracemalloc.get_traced_memory()
    depths, _parents = graph.depths_and_parents([START])
    assert len(depths) > urls // 2, len(depths)
    seconds = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if store:
        store.close()
    return crawled / 1e6, peak / 1e6, seconds


def grant_seconds(grants: int = 2000) -> float:
    """Wall milliseconds a worker's request waits for the driver's grant (over
    127.0.0.1, a rate too high to hold anything back): the cost of politeness held
    across workers, per request."""

    async def run() -> float:
        async with PolitenessServer(HostLimiter(1e6), cap=4) as server:
            limiter = RemoteLimiter(await server.start(), HostLimiter(1e6), 60.0)
            started = time.monotonic()
            for _ in range(grants):
                await limiter.acquire("big.test")
                limiter.answered("big.test")
            seconds = time.monotonic() - started
            await limiter.close()
        return seconds / grants * 1000

    return asyncio.run(run())


def load() -> str:
    """The machine's load as the figures were taken: they are the machine's as much as
    the executors'."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=24)
    parser.add_argument("--urls", type=int, default=200_000)
    parser.add_argument("--skip-crawl", action="store_true")
    parser.add_argument("--skip-frontier", action="store_true")
    args = parser.parse_args()
    print(f"at the start: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for on_disk in () if args.skip_frontier else (False, True):
            mb, seconds = frontier_memory(args.urls, on_disk, folder)
            where = "SQLite" if on_disk else "memory"
            print(f"frontier of {args.urls} URLs in {where}: peak {mb:.1f} MB, {seconds:.1f} s")
        print(f"a request's grant from the driver: {grant_seconds():.2f} ms")
        for on_disk in (False, True):
            crawled, peak, seconds = link_graph_memory(args.urls, folder if on_disk else None)
            print(
                f"link graph and statuses of {args.urls} URLs, edges in "
                f"{'SQLite' if on_disk else 'memory'}: peak {crawled:.1f} MB while "
                f"crawling, {peak:.1f} MB with the site view's depths, {seconds:.1f} CPU s"
            )
        if args.skip_crawl:
            return
        with DemoShop(products=args.products, delay_scale=0) as shop:
            runs = {
                "local": (),
                "dask local:1": ("--executor", "dask", "--scheduler", "local:1"),
                "dask local:2": ("--executor", "dask", "--scheduler", "local:2"),
            }
            for name, executor in runs.items():
                rate, pages = crawl(shop.base_url, folder / name.replace(" ", "_"), *executor)
                print(f"{name:<14} {pages} pages, {rate:.0f} pages/min (whole audit); {load()}")


if __name__ == "__main__":
    main()
