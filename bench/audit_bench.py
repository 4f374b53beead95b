"""What a whole audit costs: the demo shop, every default check, seconds per stage.

Starts the demo shop the way ``auditor demo`` does (auditor.demo.DemoShop, defects
twin unless ``--clean``), audits it with the default settings, renders the reports,
and prints the total, seconds per page, pages per minute, the wall seconds of each
stage (results.json's ``stats.stages``: they add up to the total), the overlapping
detail (each check's gatherers summed over tabs, each check's site step), the timing
loads run alone, and peak memory of this Python process and of Chromium with its
helpers (PSS, shared pages counted once).

    python bench/audit_bench.py                  # the demo, 24 products
    python bench/audit_bench.py --products 60    # a larger generated shop
    python bench/audit_bench.py --json out.json  # the figures for a README table

The target (issue 23): the demo audit in under 90 s on 2 cores, about 1 s a page.
"""

from __future__ import annotations

import argparse
import asyncio
import json
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
from reports import render  # noqa: E402


def one_audit(products: int, clean: bool, layer: dict, keep: str | None = None) -> dict:
    """Audit the demo shop once; the figures of results.json plus the report's seconds."""
    settings = load_settings(None, {"output": {"progress": "none"}, **layer}, environ={})
    mode = "clean" if clean else "defects"
    shop = DemoShop(mode=mode, products=products)
    with shop, tempfile.TemporaryDirectory() as tmp, MemorySampler() as mem:
        out = keep or tmp
        t0 = time.monotonic()
        path = asyncio.run(run_audit(shop.base_url, settings, Path(out)))
        audited = time.monotonic() - t0
        results = json.loads(path.read_text())
        render(results, Path(out), settings.output.formats)
        total = time.monotonic() - t0
    stats = results["stats"]
    pages = stats["pages_crawled"]
    return {
        "shop": f"demo ({mode}, {products} products)",
        "pages": pages,
        "findings": len(results["findings"]),
        "score": results["score"],
        "total_s": round(total, 1),
        "audit_s": round(audited, 1),
        "s_per_page": round(total / pages, 2) if pages else None,
        "pages_per_min": round(pages / total * 60, 1) if total else None,
        "stages": {**stats.get("stages", {}), "report": round(total - audited, 2)},
        "detail": stats.get("stage_detail", {}),
        "timing_loads": stats.get("timing_loads"),
        "pages_screened": stats.get("pages_screened"),
        "python_mb": round(mem.peak_python / 2**20),
        "browser_mb": round(mem.peak_browser / 2**20),
    }


def show(row: dict) -> None:
    print(
        f"\n{row['shop']}: {row['pages']} pages, {row['findings']} findings, score {row['score']}"
    )
    print(
        f"total {row['total_s']} s, {row['s_per_page']} s a page, {row['pages_per_min']} pages/min; "
        f"timing loads {row['timing_loads']}, pages screened {row['pages_screened']}; "
        f"peak memory: python {row['python_mb']} MB, chromium {row['browser_mb']} MB"
    )
    print("stages (wall seconds, one after another):")
    for name, seconds in row["stages"].items():
        print(f"  {name:<44} {seconds:>7.1f}")
    print("detail (seconds that overlap: summed over tabs, or steps side by side):")
    for name, seconds in sorted(row["detail"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:<44} {seconds:>7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, nargs="*", default=[24])
    parser.add_argument("--clean", action="store_true", help="audit the repaired twin")
    parser.add_argument("--concurrency", type=int, help="crawl.concurrency (default: the default)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--out", help="keep the (last) audit's results and reports here")
    args = parser.parse_args()
    layer = {"crawl": {"concurrency": args.concurrency}} if args.concurrency else {}
    rows = [one_audit(n, args.clean, layer, args.out) for n in args.products]
    print(f"\naudit benchmark: every default check, {psutil.cpu_count()} cores")
    for row in rows:
        show(row)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
