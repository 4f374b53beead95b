"""Crawl speed and memory: a generated demo shop of 500+ pages, link health only.

Prints pages per minute, seconds per page, and peak memory (the auditor's Python
process, and the browser with its helpers), for a small and a large shop, so that
memory growth with the number of pages can be read off directly.

    python bench/crawl_bench.py                 # 150 and 600 products, concurrency 4
    python bench/crawl_bench.py --products 1000 --concurrency 8

The target (issue 3): at least 120 pages per minute at concurrency 4 on 2 cores,
and peak memory that does not grow with pages beyond the link graph.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


from memory import MemorySampler  # noqa: E402

from auditor.config import load_settings  # noqa: E402
from auditor.demo import DemoShop  # noqa: E402
from auditor.runner import run_audit  # noqa: E402

LINK_HEALTH = ["navigation.broken-links", "navigation.redirect-chains"]


def one_run(products: int, concurrency: int, checks: list[str]) -> dict:
    layer = {
        "audit": {"checks": checks},
        "crawl": {
            "concurrency": concurrency,
            "max_pages": 100_000,
            "max_pages_per_template": 100_000,
            "requests_per_second": 50.0,
            "max_depth": 100,
        },
        "output": {"progress": "lines"},
    }
    settings = load_settings(None, layer, environ={})
    with DemoShop(mode="clean", products=products) as shop, tempfile.TemporaryDirectory() as out:
        with MemorySampler() as mem:
            t0 = time.monotonic()
            results_path = asyncio.run(run_audit(shop.base_url, settings, Path(out)))
            wall = time.monotonic() - t0
        results = json.loads(results_path.read_text())
    stats = results["stats"]
    pages = stats["pages_crawled"]
    return {
        "products": products,
        "pages": pages,
        "failed": stats["pages_failed"],
        "wall_s": wall,
        "pages_per_min": pages / wall * 60,
        "s_per_page": wall / pages,
        "python_mb": mem.peak_python / 2**20,
        "browser_mb": mem.peak_browser / 2**20,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, nargs="*", default=[150, 600])
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--checks",
        default="link-health",
        help='comma-separated check ids, "link-health" (default) or "navigation" (all of them)',
    )
    args = parser.parse_args()
    if args.checks == "link-health":
        checks = LINK_HEALTH
    elif args.checks == "navigation":
        from auditor.plugins import discover_checks

        checks = [cid for cid, _, _ in discover_checks() if cid.startswith("navigation.")]
    else:
        checks = [c.strip() for c in args.checks.split(",") if c.strip()]
    rows = [one_run(n, args.concurrency, checks) for n in args.products]
    print()
    print(
        f"crawl benchmark: concurrency {args.concurrency}, checks: {args.checks}, "
        f"{psutil.cpu_count()} cores"
    )
    print(
        f"{'products':>8} {'pages':>6} {'failed':>6} {'wall s':>7} {'pages/min':>9} "
        f"{'s/page':>7} {'python MB':>9} {'browser MB':>10}"
    )
    for r in rows:
        print(
            f"{r['products']:>8} {r['pages']:>6} {r['failed']:>6} {r['wall_s']:>7.1f} "
            f"{r['pages_per_min']:>9.0f} {r['s_per_page']:>7.3f} {r['python_mb']:>9.0f} "
            f"{r['browser_mb']:>10.0f}"
        )
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        growth = (b["python_mb"] - a["python_mb"]) / max(1, b["pages"] - a["pages"]) * 1024
        print(
            f"python memory growth: {growth:.1f} KB per extra page "
            f"({a['pages']} -> {b['pages']} pages)"
        )


if __name__ == "__main__":
    main()
