"""What each accessibility check costs: seconds per audited page on the demo shop.

Audits the demo shop once with link health only (the baseline: crawl and page loads),
then once more per accessibility check, and prints each check's extra seconds in all
and per page, with the time its own figures report (axe's run time, the probes' time
in their own tabs). axe is often the slowest part of an audit; this shows by how much.

    python bench/accessibility_bench.py                      # every accessibility check
    python bench/accessibility_bench.py --checks accessibility.axe,accessibility.keyboard
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.config import load_settings  # noqa: E402
from auditor.demo import DemoShop  # noqa: E402
from auditor.plugins import discover_checks  # noqa: E402
from auditor.runner import run_audit  # noqa: E402

BASELINE = ["navigation.broken-links"]


async def one_audit(base_url: str, checks: list[str], concurrency: int) -> tuple[dict, float]:
    layer = {
        "audit": {"checks": checks},
        "output": {"progress": "none"},
        "crawl": {"concurrency": concurrency, "requests_per_second": 50.0},
    }
    settings = load_settings(None, layer, environ={})
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        path = await run_audit(base_url, settings, Path(tmp))
        seconds = time.monotonic() - started
        return json.loads(path.read_text()), seconds


def own_figure(results: dict, check: str) -> str:
    entry = next((c for c in results["checks"] if c["id"] == check), {})
    details = entry.get("details") or {}
    if "axe_seconds" in details:
        return f"axe {details['axe_seconds']} s on {details['pages_checked']} pages"
    if "probe_seconds" in details:
        loaded = details.get("pages_loaded", details["pages_probed"])
        return (
            f"probes {details['probe_seconds']} s on {loaded} pages loaded "
            f"({details['pages_probed']} judged)"
        )
    return "(reads the crawl's page)"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", default="", help="comma-separated check ids")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    wanted = [c for c in args.checks.split(",") if c] or [
        cid for cid, _, _ in discover_checks() if cid.startswith("accessibility.")
    ]
    with DemoShop(mode="defects", delay_scale=0.0) as shop:
        base, base_s = await one_audit(shop.base_url, BASELINE, args.concurrency)
        pages = base["stats"]["pages_crawled"]
        print(f"demo shop: {pages} pages, baseline (link health) {base_s:.1f} s")
        print(
            f"{'check':32} {'audit s':>8} {'extra s':>8} {'s/page':>7} {'findings':>8}  own figures"
        )
        for check in wanted:
            results, seconds = await one_audit(shop.base_url, [*BASELINE, check], args.concurrency)
            extra = seconds - base_s
            found = sum(1 for f in results["findings"] if f["check"] == check)
            print(
                f"{check:32} {seconds:8.1f} {extra:8.1f} {extra / pages:7.2f} {found:8d}  "
                f"{own_figure(results, check)}"
            )


if __name__ == "__main__":
    asyncio.run(main())
