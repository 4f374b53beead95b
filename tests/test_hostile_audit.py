"""An audit of the hostile shop with the default checks: every fault ends as a record
with a status or an error code, nothing stalls, nothing is submitted, and the results
and reports are written (issue: reliability).

The auditor runs as a user runs it (the CLI in a subprocess), against
``tests.hostile_shop.HostileShop`` on 127.0.0.1 (and its off-site twin on 127.0.0.2),
with short timeouts and a link map of 100 pages (the 5,000 links of /links/many would
otherwise be read over HTTP one by one, slowed down by the 429s), so the whole audit
of every fault stays in the quick suite. Chromium's JavaScript heap is kept
small (``--js-flags``) so that the page that eats memory crashes its tab at once.
What each fault should end as is written down once, in ``FAULTS`` beside the shop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from auditor.results import validate_results
from tests.hostile_shop import FAULTS, FAULTS_BY_PATH, HostileShop

#: every linked fault: the whole fault audit, in the quick suite
LINKED = [f.path for f in FAULTS if f.linked]
#: faults of every class, the ones that broke audits first: the cut-short audit's shop
QUICK = [
    *("/slow/hang", "/slow/trickle", "/busy/poll", "/spin/head", "/spin/later", "/crash/oom"),
    *("/js/beforeunload", "/js/popup", "/js/reload", "/status/500", "/status/503-day"),
    *("/status/429-date", "/net/reset", "/net/garbage", "/loop/a", "/redirect/offsite"),
    *("/redirect/file", "/calendar?month=0", "/links/odd", "/content/surrogate-js"),
    *("/content/pdf", "/forms/autosubmit", "/forms/fetch-buy", "/overlay/fullscreen"),
    *("/text/script", "/text/nul"),
]

#: pages a crawler trap may cost at most
TRAP_BOUND = 25
#: loads of a template's first page beyond the crawl's: one timing load, the keyboard,
#: reflow and text-resize walks, and up to two form probes
PROBE_LOADS = 6

CONFIG = """
[audit]
site_step_timeout = 40.0

[crawl]
page_timeout = 4.0
page_budget = 25.0
script_timeout = 2.0
concurrency = 4
requests_per_second = 50.0
max_retry_after = 2.0
max_pages = 150
max_pages_per_template = 12
max_urls = 100

[browser]
args = ["--js-flags=--max-old-space-size=64"]

[measurement]
runs = 1
template_runs = 1
max_pages_per_template = 1
quiet_ms = 300
max_wait_ms = 1500
"""


def audit(shop: HostileShop, out: Path, *extra: str) -> tuple[subprocess.CompletedProcess, float]:
    config = out.parent / f"{out.name}.toml"
    config.write_text(CONFIG, encoding="utf-8")
    started = time.monotonic()
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "auditor", "run", shop.base_url, "-c", str(config)),
            *("--out", str(out), "--progress", "lines", *extra),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")},
    )
    return proc, time.monotonic() - started


def outcome_matches(expected: str, page: dict | None) -> bool:
    if expected == "not-rendered":
        return page is None
    if page is None:
        return False
    error = (page.get("error") or {}).get("code")
    if expected == "file":
        return error is None and page["content_type"] not in (None, "text/html")
    if expected == "ok":
        return error is None and page["status"] is not None and 200 <= page["status"] < 300
    if expected.startswith("status:"):
        return page["status"] == int(expected.split(":", 1)[1])
    if expected.startswith("error:"):
        return error == expected.split(":", 1)[1]
    raise AssertionError(f"unknown outcome {expected!r}")


def pages_by_path(results: dict, base_url: str) -> dict[str, dict]:
    out = {}
    for p in results["pages"]:
        parts = urlsplit(p["url"])
        if p["url"].startswith(base_url):
            out[parts.path + (f"?{parts.query}" if parts.query else "")] = p
    return out


def audit_of(tmp_path_factory, links: list[str]):
    out = tmp_path_factory.mktemp("hostile") / "audit"
    with HostileShop(links=links) as shop:
        proc, took = audit(shop, out)
        seen = {
            "counts": {f.path: shop.requests_to(f.path.split("?")[0]) for f in FAULTS},
            "bodies": shop.bodies,
            "offsite": [(r.method, r.path) for r in shop.offsite.log],
            "base_url": shop.base_url,
        }
    return proc, took, out, seen


@pytest.fixture(scope="module")
def hostile_audit(tmp_path_factory):
    """Every linked fault, with every default check."""
    return audit_of(tmp_path_factory, LINKED)


def test_the_whole_hostile_audit_finishes_and_writes_everything(hostile_audit):
    # generous for a loaded machine: a stall (a page holding a worker, the lane
    # waiting behind a hung visit) costs many minutes, not a few
    check_finished(hostile_audit, max_seconds=420)


@pytest.mark.parametrize("path", LINKED)
def test_each_fault_ends_as_its_record(hostile_audit, path):
    check_outcome(hostile_audit, path)


def test_nothing_is_submitted_and_nothing_off_site_is_audited(hostile_audit):
    check_nothing_sent(hostile_audit)


def check_finished(audited, max_seconds: float) -> None:
    proc, took, out, _seen = audited
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert validate_results(results) == []
    assert results["interrupted"] is False and results["cut_short"] is None
    assert (out / "report.html").stat().st_size > 10_000
    assert (out / "summary.md").is_file()
    assert took < max_seconds, f"the audit took {took:.0f} s"  # a stall takes far longer
    assert not [e for e in results["errors"] if e["code"] == "CHECK_FAILED"], results["errors"]


def check_outcome(audited, path: str) -> None:
    _proc, _took, out, seen = audited
    fault = FAULTS_BY_PATH[path]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    pages = pages_by_path(results, seen["base_url"])
    if "bounded" in fault.expect:
        prefix = path.split("?")[0].rstrip("/")
        rendered = [p for p in pages if p.startswith(prefix)]
        # endless addresses, a few dozen rendered at most (templates and depth bound them)
        assert 1 <= len(rendered) <= TRAP_BOUND, rendered
        return
    page = pages.get(path)
    seen_as = page and {
        k: page.get(k) for k in ("status", "error", "final_url", "content_type", "duration_ms")
    }
    assert any(outcome_matches(e, page) for e in fault.expect), (fault.expect, seen_as)
    if fault.max_requests is not None:  # a link check's audit; the default checks add
        # one timing load and the keyboard, reflow, text-resize and forms probes
        assert seen["counts"][path] <= fault.max_requests + PROBE_LOADS


def check_nothing_sent(audited) -> None:
    _proc, _took, _out, seen = audited
    # the only body a page sends is its own beacon when its tab is closed, as in
    # any browser; no form, button or script was made to post an order
    assert [(m, p) for m, p, _b in seen["bodies"] if p != "/collect"] == []
    assert [p for _m, p in seen["offsite"] if p not in ("/landing", "/favicon.ico")] == []
    assert sum(1 for _m, p in seen["offsite"] if p == "/landing") <= 2


def test_a_short_max_duration_cuts_the_hostile_audit_short(tmp_path):
    with HostileShop(links=QUICK) as shop:
        proc, took = audit(shop, tmp_path / "audit", "--max-duration", "10s")
    out = tmp_path / "audit"
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert validate_results(results) == []
    assert results["cut_short"]["reason"] == "max_duration"
    assert results["stats"]["pages_unvisited"] > 0
    assert "time limit" in (out / "report.html").read_text(encoding="utf-8")
    assert took < 200, f"the cut-short audit took {took:.0f} s"
