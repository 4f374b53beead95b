"""The yardstick of issue 23: a bare Playwright loop over the pages an audit judged.

Each page is loaded once in a fresh context (load event) and axe-core runs on it,
one page after another, nothing else: what a minimal "render plus axe" tool costs on
the same pages. Compare its seconds with ``bench/audit_bench.py``'s total for the
same shop.

    python bench/bare_axe_bench.py --results /tmp/audit/results.json   # those pages
    python bench/bare_axe_bench.py                                     # the demo's pages

Without ``--results`` it starts the demo shop (defects twin) and takes the pages a
link-check-only audit of it finds (not timed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.async_api import async_playwright  # noqa: E402

from auditor.browser import find_chromium, launch_args  # noqa: E402
from auditor.config import load_settings  # noqa: E402
from auditor.demo import DemoShop  # noqa: E402
from auditor.runner import run_audit  # noqa: E402

HTML = ("text/html", "application/xhtml+xml")


def judged_pages(results: dict) -> list[str]:
    """The HTML pages with a 2xx status that the audit judged."""
    return [
        p.get("final_url") or p["url"]
        for p in results["pages"]
        if p.get("error") is None
        and (p.get("content_type") or "") in HTML
        and 200 <= (p.get("status") or 0) < 300
    ]


async def bare_loop(urls: list[str]) -> float:
    """Seconds for loading each page in a fresh context and running axe on it."""
    from axe_playwright_python.base import AXE_SCRIPT

    async with async_playwright() as pw:
        path = find_chromium("", None)
        browser = await pw.chromium.launch(executable_path=path, args=launch_args([]))
        t0 = time.monotonic()
        for url in urls:
            context = await browser.new_context()
            page = await context.new_page()
            try:
                await page.goto(url, wait_until="load", timeout=30_000)
                await page.evaluate(AXE_SCRIPT)
                await page.evaluate("() => axe.run().then((r) => r.violations.length)")
            except Exception as exc:  # a bench: report and go on
                print(f"  {url}: {str(exc).splitlines()[0][:100]}", file=sys.stderr)
            await context.close()
        seconds = time.monotonic() - t0
        await browser.close()
    return seconds


def demo_pages(shop: DemoShop) -> list[str]:
    layer = {"audit": {"checks": ["navigation.broken-links"]}, "output": {"progress": "none"}}
    settings = load_settings(None, layer, environ={})
    with tempfile.TemporaryDirectory() as tmp:
        path = asyncio.run(run_audit(shop.base_url, settings, Path(tmp)))
        return judged_pages(json.loads(path.read_text()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--results", help="an audit's results.json: its judged pages")
    args = parser.parse_args()
    if args.results:
        urls = judged_pages(json.loads(Path(args.results).read_text()))
        seconds = asyncio.run(bare_loop(urls))
    else:
        with DemoShop(mode="defects") as shop:
            urls = demo_pages(shop)
            seconds = asyncio.run(bare_loop(urls))
    hosts = {urlunsplit((*urlsplit(u)[:2], "", "", "")) for u in urls}
    print(f"bare render + axe loop: {len(urls)} pages of {', '.join(sorted(hosts))}")
    print(f"total {seconds:.1f} s, {seconds / max(1, len(urls)):.2f} s a page")


if __name__ == "__main__":
    main()
