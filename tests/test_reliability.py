"""One bad page costs one error record, never the audit (issue: reliability).

Real Chromium against real servers on 127.0.0.1: pages that spin their main thread,
gatherers that would add up past a page's budget, text that cannot be encoded, an
audit stopped by a signal, by its time limit or by an internal error. Each test asserts
what must hold whatever the timing (codes, request counts, files written), with time
limits far above the expected figures so that a loaded machine does not flip them.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

import pytest

from auditor.config import Settings
from auditor.crawl import Crawler
from auditor.frontier import CrawlTarget
from auditor.page import PageEnv, audit_page
from auditor.plugins import Check
from auditor.ratelimit import HostLimiter
from auditor.results import iter_records, validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

SPIN_IN_HEAD = page("Spin", "never shown", head="<script>for (;;) {}</script>")
SPIN_ON_LOAD = page(
    "Spin on load", "shown", head="<script>addEventListener('load', () => { for (;;) {} })</script>"
)
#: a lone UTF-16 surrogate (a broken emoji) and a NUL, put in by the page's own script
BROKEN_TEXT = page(
    "Broken",
    "<a id='l' href='/ok/1'>link</a><script>document.title = 'Broken \\ud83d title\\u0000';"
    "document.getElementById('l').textContent = 'bad \\ud83d emoji';</script>",
)


def links_to(*paths: str) -> str:
    return page("Home", "".join(f"<a href='{p}'>{p}</a>" for p in paths))


def by_path(results: dict, base_url: str) -> dict[str, dict]:
    return {p["url"].removeprefix(base_url.rstrip("/")): p for p in results["pages"]}


def run_cli(base_url: str, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "auditor", "run", base_url, "--out", str(out)),
            *("--progress", "lines", "--concurrency", "2", *extra),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "AUDITOR_CRAWL__REQUESTS_PER_SECOND": "50"},
    )


def assert_written(out: Path) -> dict:
    """results.json valid against the schema, and both reports beside it."""
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert validate_results(results) == []
    assert (out / "report.html").stat().st_size > 1000
    assert (out / "summary.md").stat().st_size > 50
    return results


# -- pages whose scripts never yield ------------------------------------------------------


async def test_spinning_pages_are_one_error_record_each_not_retried(browser, tmp_path):
    routes = {
        "/": links_to("/spin/head", "/spin/load", "/ok/1", "/ok/2"),
        "/spin/head": SPIN_IN_HEAD,
        "/spin/load": SPIN_ON_LOAD,
        "/ok/1": page("One", "<a href='/'>Home</a>"),
        "/ok/2": page("Two", "<a href='/'>Home</a>"),
    }
    settings = quick_settings(
        audit={"checks": ["navigation.broken-links", "accessibility.link-texts"]},
        crawl={"page_timeout": 20.0, "script_timeout": 2.0, "concurrency": 2},
    )
    with FixtureServer(routes) as srv:
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        counts = {p: srv.requests_to(p) for p in routes}
    results = json.loads(path.read_text())
    pages = by_path(results, srv.base_url)
    for spin in ("/spin/head", "/spin/load"):
        assert pages[spin]["error"]["code"] == "SCRIPT_HUNG", pages[spin]
        assert counts[spin] == 1  # a retry cannot help a script that loops
    assert pages["/ok/1"]["error"] is None and pages["/ok/2"]["error"] is None
    records = {r.url: r for r in iter_records(tmp_path / "pages.jsonl")}
    for spin in ("/spin/head", "/spin/load"):
        # recognised from the script timeout (2 s), long before the page timeout (20 s)
        assert records[srv.url(spin)].duration_ms < 15_000
    assert validate_results(results) == []


class _WaitsForever(Check):
    """A gatherer that waits on the page for something that never comes, while the
    page stays responsive: only the visit's budget can stop the sum of them."""

    category = "navigation"
    title = "waits"
    gather_timeout: ClassVar[float] = 4.0

    async def gather(self, page, ctx):
        return await page.evaluate("new Promise(() => {})")

    def evaluate(self, pages, site):
        return []


async def test_one_budget_for_the_whole_visit_however_many_gatherers(browser, tmp_path):
    """Six gatherers of 4 s each would take 24 s; the visit's budget (8 s) stops them."""
    settings = quick_settings(crawl={"page_timeout": 3.0, "page_budget": 8.0})
    gatherers = []
    for i in range(6):
        check = _WaitsForever()
        check.id = f"test.waits-{i}"
        gatherers.append(check)
    env = PageEnv(settings, HostLimiter(50), gatherers)
    with FixtureServer({"/": page("Calm", "<p>calm</p>")}) as srv:
        context = await browser.new_context()
        try:
            tab = await context.new_page()
            started = time.monotonic()
            record = await audit_page(CrawlTarget(srv.base_url, 0, "/"), tab, env)
            took = time.monotonic() - started
        finally:
            await context.close()
    assert record.error is None and record.title == "Calm"
    assert took < 14, took  # the budget (8 s) plus slack, not 6 x 4 s
    errors = record.gather_errors
    assert len(errors) == 6
    assert "took longer than 4 s" in errors["test.waits-0"]
    assert "budget" in errors["test.waits-5"]


class _StartsASpin(Check):
    """A gatherer whose script the page answers by spinning its main thread a moment
    later: the work was sent while the page still answered."""

    category = "navigation"
    title = "spins"
    gather_timeout: ClassVar[float] = 30.0

    async def gather(self, page, ctx):
        return await page.evaluate("new Promise(() => setTimeout(() => { for (;;) {} }, 50))")

    def evaluate(self, pages, site):
        return []


async def test_a_page_that_spins_during_slow_work_is_recognised_within_a_few_pulses(
    browser, tmp_path
):
    """Work that waits may not wait out its own limit (30 s) on a page that has stopped
    answering: the page is asked after one pulse (2 s), with twice that patience, so
    the visit ends SCRIPT_HUNG after about three pulses, not the gatherer's limit."""
    settings = quick_settings(
        crawl={"page_timeout": 5.0, "page_budget": 60.0, "script_timeout": 2.0}
    )
    check = _StartsASpin()
    check.id = "test.spins"
    env = PageEnv(settings, HostLimiter(50), [check])
    steps: list = []
    with FixtureServer({"/": page("Calm", "<p>calm</p>")}) as srv:
        context = await browser.new_context()
        try:
            tab = await context.new_page()
            record = await audit_page(
                CrawlTarget(srv.base_url, 0, "/"), tab, env, on_visit=steps.append
            )
        finally:
            await context.close()
    assert record.error is not None and record.error.code == "SCRIPT_HUNG", record.error
    assert steps[0].step == "gatherer test.spins"
    gathered_for = env.gather_seconds["test.spins"]
    assert gathered_for < 20, gathered_for  # 3 x 2 s and a loaded machine's slack, not 30 s


# -- text from the shop -------------------------------------------------------------------


def test_unencodable_text_from_a_page_does_not_end_the_audit(tmp_path):
    """The reported crash: a lone surrogate in a page's text ended the audit with
    UnicodeEncodeError and no results.json."""
    routes = {"/": links_to("/broken", "/ok/1"), "/broken": BROKEN_TEXT, "/ok/1": page("One", "x")}
    with FixtureServer(routes) as srv:
        proc = run_cli(srv.base_url, tmp_path, "--check", "navigation.broken-links")
        _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    results = assert_written(tmp_path)
    broken = by_path(results, srv.base_url)["/broken"]
    assert broken["error"] is None
    assert broken["title"].startswith("Broken \ufffd title")
    assert "\x00" not in broken["title"]


# -- stopped from outside, by the clock, by a bug -----------------------------------------


def slow_chain(n: int, delay: float) -> dict:
    routes = {"/": links_to(*(f"/p{i}" for i in range(n)))}
    for i in range(n):
        routes[f"/p{i}"] = Route(page(f"P{i}", "x"), delay=delay)
    return routes


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_leaves_results_and_reports(tmp_path, sig):
    with FixtureServer(slow_chain(12, 0.5)) as srv:
        reached = srv.events.setdefault("/p2", threading.Event())
        proc = run_cli(srv.base_url, tmp_path, "--check", "navigation.broken-links")
        assert reached.wait(60), "the crawl never reached /p2"
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    results = assert_written(tmp_path)
    assert results["interrupted"] is True
    assert results["cut_short"]["reason"] == "signal"
    assert sig.name in results["cut_short"]["message"]
    assert 1 <= len(results["pages"]) < 13
    assert "cut short" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_max_duration_stops_new_pages_and_says_so(tmp_path):
    with FixtureServer(slow_chain(30, 0.4)) as srv:
        proc = run_cli(
            srv.base_url, tmp_path, "--check", "navigation.broken-links", "--max-duration", "3s"
        )
        _out, err = proc.communicate(timeout=120)
        served = sum(srv.requests_to(f"/p{i}") for i in range(30))
    assert proc.returncode == 0, err  # the audit did what it was told: not an interruption
    assert "cut short" in err
    results = assert_written(tmp_path)
    cut = results["cut_short"]
    assert cut["reason"] == "max_duration" and results["interrupted"] is False
    assert results["stats"]["pages_unvisited"] > 0
    assert len(results["pages"]) < 31 and served < 30
    assert "time limit" in (tmp_path / "report.html").read_text(encoding="utf-8")


async def test_an_internal_error_mid_crawl_still_writes_results(browser, tmp_path, monkeypatch):
    """A bug in the engine (here: bookkeeping that fails on the third page) must not
    lose what was gathered."""
    real_record = Crawler.record
    calls = {"n": 0}

    async def failing_record(self, target, record):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("bookkeeping broke")
        await real_record(self, target, record)

    monkeypatch.setattr(Crawler, "record", failing_record)
    settings = quick_settings(crawl={"concurrency": 1})
    with FixtureServer(slow_chain(6, 0.0)) as srv:
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    assert results["interrupted"] is True
    assert results["cut_short"]["reason"] == "error"
    assert "bookkeeping broke" in results["cut_short"]["message"]
    assert len(results["pages"]) == 2


async def test_a_site_step_past_its_deadline_costs_only_its_check(browser, tmp_path):
    settings = quick_settings(
        audit={"checks": ["navigation.broken-links", "navigation.soft-404"]},
    )
    settings.audit.site_step_timeout = 0.001
    with FixtureServer({"/": links_to("/ok/1"), "/ok/1": page("One", "x")}) as srv:
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    codes = {(e["code"], e["check"]) for e in results["errors"]}
    assert ("SITE_STEP_TIMEOUT", "navigation.soft-404") in codes
    assert len(results["pages"]) == 2 and results["cut_short"] is None
    assert validate_results(results) == []


def test_quick_settings_keep_the_budget_above_the_page_timeout():
    """The visit budget is never shorter than a load may take (page_timeout + 5 s)."""
    from auditor.page import visit_budget

    assert visit_budget(Settings()) == 60.0
    assert visit_budget(quick_settings(crawl={"page_timeout": 90.0})) == 95.0


async def test_the_timing_lane_does_not_wait_for_ever_behind_a_visit():
    from auditor.measure import LoadLane

    lane = LoadLane()
    stuck = asyncio.Event()

    async def hanging_visit():
        async with lane.visit():
            stuck.set()
            await asyncio.Event().wait()

    visit = asyncio.create_task(hanging_visit())
    await stuck.wait()
    started = time.monotonic()
    async with lane.alone(max_wait=0.2) as beside:
        assert beside == 1
    assert time.monotonic() - started < 5
    visit.cancel()


def test_a_visit_out_of_time_while_its_page_reloads_itself_is_a_loop():
    """Under a loaded machine a reload loop can spend the budget before its sixth
    document: that is still the loop, while a slow page's one document is not."""
    from types import SimpleNamespace

    from auditor.model import PageError, PageRecord
    from auditor.page import _budget_spent_reloading

    def record(code: str | None) -> PageRecord:
        rec = PageRecord(url="http://127.0.0.1/x")
        rec.error = code and PageError(code, "m")
        return rec

    docs = lambda *statuses: [SimpleNamespace(status=s) for s in statuses]  # noqa: E731
    assert _budget_spent_reloading(record("PAGE_BUDGET"), docs(200, 200, 200))
    assert not _budget_spent_reloading(record("PAGE_BUDGET"), docs(200))  # one slow page
    assert not _budget_spent_reloading(record("PAGE_BUDGET"), docs(301, 302, 200))  # hops
    assert not _budget_spent_reloading(record("SCRIPT_HUNG"), docs(200, 200, 200))
    assert not _budget_spent_reloading(record(None), docs(200, 200, 200))
