"""Our web vitals next to Lighthouse's: the demo shop, the same pages, the same Chromium.

Audits eight pages of the demo shop once with the performance checks, then runs
Lighthouse's CLI (installed from npm into bench/.lighthouse on first use) on each of
them, and prints page by page our LCP, CLS, TBT and FCP next to Lighthouse's, the band
web.dev puts each figure in (good / needs improvement / poor), and the seconds per
page each tool took.

    python bench/lighthouse_bench.py                # the shop with its defects
    python bench/lighthouse_bench.py --mode clean   # every defect repaired

What it proves: on every page the auditor's desktop figures fall in the same band as
Lighthouse's desktop figures, in a fraction of Lighthouse's time per page. The exit
code is 0 when every figure agrees, 1 when one does not, 2 when Lighthouse or Chromium
cannot be had.

Why ``--throttling-method=provided``: the demo shop runs on 127.0.0.1. With its default
simulated throttling, Lighthouse would not report what it saw but what it models the
page to do on a network and CPU the shop does not have (Lantern's estimate from the
dependency graph); with ``provided`` it reports the load as observed, unthrottled, which
is what the auditor's desktop profile measures too. Both tools then time the same
loads of the same server in the same Chromium, and any difference in band is a
difference in how the figures are taken, not in the conditions.

The demo shop is served with its real delays (no delay_scale), so the slow Sale page
and the late hero image land in the bands they are meant to.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.browser import find_chromium  # noqa: E402
from auditor.config import Settings, load_settings  # noqa: E402
from auditor.demo import DemoShop  # noqa: E402
from auditor.errors import BrowserNotFound  # noqa: E402
from auditor.plugins import discover_checks  # noqa: E402
from auditor.runner import run_audit  # noqa: E402

LIGHTHOUSE_DIR = ROOT / "bench" / ".lighthouse"
LIGHTHOUSE_BIN = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PACKAGE = "lighthouse@12"
LIGHTHOUSE_TIMEOUT_S = 300
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync"
)

PAGES = [
    "/",
    "/category/sale",
    "/category/jackets",
    "/product/alpine-shell-jacket",
    "/about",
    "/category/tents",
    "/contact",
    "/product/alpine-daypack",
]

#: our metric key -> (label, Lighthouse audit id)
METRICS: dict[str, tuple[str, str]] = {
    "lcp_ms": ("LCP", "largest-contentful-paint"),
    "cls": ("CLS", "cumulative-layout-shift"),
    "tbt_ms": ("TBT", "total-blocking-time"),
    "fcp_ms": ("FCP", "first-contentful-paint"),
}

#: web.dev: good up to the first figure, poor above the second
BANDS: dict[str, tuple[float, float]] = {
    "lcp_ms": (2500.0, 4000.0),
    "cls": (0.1, 0.25),
    "tbt_ms": (200.0, 600.0),
    "fcp_ms": (1800.0, 3000.0),
}


@dataclass
class LighthouseRun:
    """One Lighthouse run of one page: its figures by our metric keys, or its error."""

    seconds: float
    figures: dict[str, float] = field(default_factory=dict)
    error: str | None = None


def band(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    good, poor = BANDS[metric]
    if value <= good:
        return "good"
    if value > poor:
        return "poor"
    return "needs improvement"


def show(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if metric == "cls" else f"{value:.0f} ms"


def ensure_lighthouse() -> Path | None:
    """The Lighthouse CLI, installed from npm into bench/.lighthouse if missing."""
    if LIGHTHOUSE_BIN.exists():
        return LIGHTHOUSE_BIN
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"installing {LIGHTHOUSE_PACKAGE} into {LIGHTHOUSE_DIR.relative_to(ROOT)} ...")
    cmd = [
        "npm",
        "install",
        "--prefix",
        str(LIGHTHOUSE_DIR),
        LIGHTHOUSE_PACKAGE,
        "--no-audit",
        "--no-fund",
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"cannot install Lighthouse: {' '.join(cmd)} failed: {exc}")
        return None
    if proc.returncode != 0 or not LIGHTHOUSE_BIN.exists():
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        print(
            f"cannot install Lighthouse: {' '.join(cmd)} exited {proc.returncode}"
            + (f": {lines[-1]}" if lines else "")
        )
        return None
    return LIGHTHOUSE_BIN


def playwright_chromium() -> str | None:
    """Playwright's own Chromium path (it may not be downloaded), as the auditor asks it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        return pw.chromium.executable_path


def audit_settings(base_url: str, chromium: str) -> Settings:
    """Exactly the pages in PAGES, only the performance checks, desktop, no sitemap."""
    urls = [base_url.rstrip("/") + path for path in PAGES]
    origin = re.escape(base_url.rstrip("/"))
    checks = [cid for cid, _, _ in discover_checks() if cid.startswith("performance.")]
    layer: dict[str, Any] = {
        "audit": {"checks": checks},
        "browser": {"executable": chromium, "profile": "desktop"},
        "crawl": {
            "start_urls": urls,
            # Scope.allows() searches the whole URL: anchor both ends so that
            # /product/alpine-shell-jacket admits no other product (nor a query string).
            "include": [f"^{origin}{re.escape(path)}$" for path in PAGES],
            "max_depth": 0,
            "use_sitemap": False,
            # the shop is local; the default politeness limit would time the limiter
            "requests_per_second": 50.0,
        },
        "output": {"progress": "none", "formats": []},
    }
    return load_settings(None, layer, environ={})


def run_ours(base_url: str, settings: Settings, out: Path) -> tuple[dict[str, dict], float]:
    """Our figures by page path, and the wall seconds of the whole audit."""
    t0 = time.monotonic()
    results_path = asyncio.run(run_audit(base_url, settings, out))
    wall = time.monotonic() - t0
    results = json.loads(results_path.read_text(encoding="utf-8"))
    by_path: dict[str, dict] = {}
    for page in results["pages"]:
        parts = urlsplit(page["url"])
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        by_path[path] = page
    for error in results.get("errors") or []:
        print(f"  audit error: {error.get('code')}: {error.get('message')} ({error.get('url')})")
    return by_path, wall


def run_lighthouse(lighthouse: Path, url: str, chrome_path: str, tmp: Path) -> LighthouseRun:
    report = tmp / "lighthouse.json"
    report.unlink(missing_ok=True)
    cmd = [
        str(lighthouse),
        url,
        "--preset=desktop",
        "--throttling-method=provided",
        "--only-categories=performance",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": chrome_path}
    t0 = time.monotonic()
    try:
        proc = subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=LIGHTHOUSE_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        return LighthouseRun(time.monotonic() - t0, error=f"timed out ({LIGHTHOUSE_TIMEOUT_S} s)")
    seconds = time.monotonic() - t0
    if proc.returncode != 0 or not report.exists():
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        why = lines[-1] if lines else "no output"
        return LighthouseRun(seconds, error=f"exited {proc.returncode}: {why}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        err = data["runtimeError"]
        return LighthouseRun(seconds, error=f"{err.get('code')}: {err.get('message')}")
    run = LighthouseRun(seconds)
    problems = []
    for key, (_, audit_id) in METRICS.items():
        audit = data.get("audits", {}).get(audit_id, {})
        value = audit.get("numericValue")
        if isinstance(value, int | float):
            run.figures[key] = float(value)
        else:
            problems.append(f"{audit_id}: {audit.get('errorMessage') or 'no value'}")
    if problems:
        run.error = "; ".join(problems)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mode", choices=["defects", "clean"], default="defects")
    parser.add_argument(
        "--chromium",
        default=os.environ.get("AUDITOR_CHROMIUM", ""),
        help="Chromium for both tools (default: what the auditor finds)",
    )
    args = parser.parse_args()

    lighthouse = ensure_lighthouse()
    if lighthouse is None:
        return 2
    try:
        chrome_path = find_chromium(args.chromium, playwright_chromium())
    except BrowserNotFound as exc:
        print(f"cannot run the benchmark: {exc}")
        return 2
    assert chrome_path is not None

    ours: dict[str, dict] = {}
    lh: dict[str, LighthouseRun] = {}
    with DemoShop(mode=args.mode) as shop, tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base_url = shop.base_url
        settings = audit_settings(base_url, chrome_path)
        print(f"demo shop ({args.mode}) at {base_url}, Chromium {chrome_path}")
        print(f"our audit of {len(PAGES)} pages ({', '.join(settings.audit.checks)}) ...")
        ours, our_wall = run_ours(base_url, settings, tmp / "audit")
        for path in PAGES:
            print(f"lighthouse {path} ...", flush=True)
            run = run_lighthouse(lighthouse, base_url.rstrip("/") + path, chrome_path, tmp)
            if run.error:
                print(f"  lighthouse failed on {path}: {run.error}")
            lh[path] = run

    rows = []
    for path in PAGES:
        metrics = (ours.get(path) or {}).get("metrics") or {}
        for key, (label, _) in METRICS.items():
            a, b = metrics.get(key), lh[path].figures.get(key)
            ba, bb = band(key, a), band(key, b)
            agree = a is not None and b is not None and ba == bb
            rows.append((path, label, show(key, a), show(key, b), ba, bb, agree))

    wp = max(len(p) for p in PAGES)
    print()
    print(f"web vitals, desktop, demo shop ({args.mode}): ours next to Lighthouse 12")
    header = (
        f"{'page':<{wp}} {'metric':<6} {'ours':>9} {'LH':>9}  "
        f"{'band ours':<17} {'band LH':<17} agree"
    )
    print(header)
    print("-" * len(header))
    for path, label, a, b, ba, bb, agree in rows:
        print(
            f"{path:<{wp}} {label:<6} {a:>9} {b:>9}  {ba:<17} {bb:<17} {'yes' if agree else 'NO'}"
        )

    timed = [p for p in PAGES if (ours.get(p) or {}).get("metrics", {}).get("timed_loads")]
    our_per_page = our_wall / max(1, len(timed))
    print()
    print(f"{'page':<{wp}} {'timed loads':>11} {'ours s (run avg)':>16} {'LH s':>7}")
    for path in PAGES:
        loads = (ours.get(path) or {}).get("metrics", {}).get("timed_loads")
        run = lh[path]
        lh_s = f"{run.seconds:.1f}" + ("*" if run.error else "")
        print(
            f"{path:<{wp}} {loads if loads is not None else '-':>11} "
            f"{our_per_page:>16.1f} {lh_s:>7}"
        )
    if any(run.error for run in lh.values()):
        print("* Lighthouse failed on this page")

    agreed = sum(1 for r in rows if r[-1])
    ok_runs = [run.seconds for run in lh.values() if not run.error]
    lh_per_page = statistics.mean(ok_runs) if ok_runs else float("nan")
    print()
    print(f"{agreed} of {len(rows)} figures in the same band")
    print(
        f"ours {our_per_page:.1f} s/page ({our_wall:.1f} s for {len(timed)} timed pages), "
        f"Lighthouse {lh_per_page:.1f} s/page "
        f"(ours is {our_per_page / lh_per_page * 100:.0f}% of Lighthouse's time)"
    )
    return 0 if agreed == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
