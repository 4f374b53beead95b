"""The keyboard walk and the text-resize probe share one page load per layout
(checks/accessibility/probing.py): the resize first, undone, then the walk.

Pure tests of the shared run on fake tabs (which step runs when, on which load,
what a failing step costs the others, that a stopped run stops its tabs), and in a
real Chromium: the resize undone leaves the page as loaded, and an audit with both
checks loads each probed page no more often than one with the keyboard walk alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar

from playwright.async_api import Error as PlaywrightError

from auditor.probe import TemplateSample
from auditor.results import validate_results
from auditor.runner import run_audit
from checks.accessibility.common import PageProber
from checks.accessibility.probing import LoadShare, ProbeStep, run_probes
from checks.accessibility.text_resize import TextResize
from tests.checks.test_accessibility_probes import shop
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer

PAGES = Path(__file__).resolve().parents[1] / "data" / "a11y_pages"


class _Tabs:
    """Fake probe tabs: each open tab is a page object, each load is logged."""

    def __init__(self, hang: bool = False) -> None:
        self.loads: list[str] = []
        self.opened = 0
        self.closed = 0
        self.hang = hang

    @contextlib.asynccontextmanager
    async def open(self, wanted=None, background=False, **options: Any):
        if wanted is not None and not wanted():
            yield None
            return
        self.opened += 1
        try:
            yield SimpleNamespace(tab=self.opened, events=[])
        finally:
            self.closed += 1

    async def goto(self, page, url: str):
        self.loads.append(url)
        page.events.append(("load", url))
        if self.hang:
            await asyncio.Event().wait()  # a page that never finishes loading
        return object()

    def contended(self) -> bool:
        return False


def _site(tabs: _Tabs, paths: list[str]) -> SimpleNamespace:
    samples = [TemplateSample(f"http://s{p}", p, "", None) for p in paths]
    return SimpleNamespace(
        tabs=tabs,
        settings=SimpleNamespace(crawl=SimpleNamespace(concurrency=1)),
        samples=lambda per=1: samples,
        records=lambda: iter(()),
    )


def _step(name: str, log: list, undo: bool = True, fail_on: str = "", exc=None) -> ProbeStep:
    async def probe(page, sample):
        log.append((name, page.tab, sample.url))
        if sample.url.endswith(fail_on) and fail_on:
            raise exc
        return {"by": name}

    async def restore(page):
        log.append((f"undo {name}", page.tab, None))

    return ProbeStep(probe, restore if undo else None)


async def test_one_load_per_page_for_all_steps_each_undone_before_the_next():
    tabs, log = _Tabs(), []
    site = _site(tabs, ["/a", "/b"])
    steps = [_step("resize", log), _step("walk", log, undo=False)]
    resize, walk = await run_probes(site, 1, lambda: steps)
    assert tabs.loads == ["http://s/a", "http://s/b"]
    assert [e[0] for e in log] == ["resize", "undo resize", "walk"] * 2
    assert [p["by"] for p in resize["pages"]] == ["resize", "resize"]
    assert [p["url"] for p in walk["pages"]] == ["http://s/a", "http://s/b"]
    assert resize["loaded"] == walk["loaded"] == 2 and resize["errors"] == walk["errors"] == []


async def test_a_step_failing_on_a_page_costs_that_page_and_the_next_step_a_fresh_load():
    tabs, log = _Tabs(), []
    site = _site(tabs, ["/a", "/b"])
    broken = PlaywrightError("Target crashed")
    steps = [_step("resize", log, fail_on="/a", exc=broken), _step("walk", log, undo=False)]
    resize, walk = await run_probes(site, 1, lambda: steps)
    # /a again for the walk alone, in a new tab (the old one may be spoilt)
    assert tabs.loads == ["http://s/a", "http://s/a", "http://s/b"]
    assert [(name, tab) for name, tab, url in log if url == "http://s/a"] == [
        ("resize", 1),
        ("walk", 2),
    ]
    assert resize["errors"][0]["url"] == "http://s/a" and "crashed" in resize["errors"][0]["error"]
    assert [p["url"] for p in resize["pages"]] == ["http://s/b"]
    assert [p["url"] for p in walk["pages"]] == ["http://s/a", "http://s/b"]
    assert (resize["loaded"], walk["loaded"]) == (2, 3)


async def test_a_bug_in_one_step_fails_that_step_only():
    tabs, log = _Tabs(), []
    site = _site(tabs, ["/a", "/b", "/c"])
    steps = [_step("resize", log, fail_on="/a", exc=KeyError("x")), _step("walk", log, undo=False)]
    resize, walk = await run_probes(site, 1, lambda: steps)
    assert isinstance(resize["failure"], KeyError)
    assert [p["url"] for p in walk["pages"]] == ["http://s/a", "http://s/b", "http://s/c"]
    assert [name for name, _, _ in log].count("resize") == 1  # not run again after its bug


class _Prober(PageProber):
    """A probing check that notes where its probe ran."""

    id = "test.prober"
    category = "accessibility"
    title = "test"
    default_options: ClassVar[dict[str, Any]] = {"per_template": 1, **PageProber.PER_OPTION}
    shares_loads = True

    def __init__(self, name: str, log: list, undo: bool):
        super().__init__({"per": "template"})
        self.name, self.log, self.restores_page = name, log, undo

    async def probe(self, page, sample):
        self.log.append((self.name, sample.url))
        return {"by": self.name}

    async def restore(self, page):
        self.log.append((f"undo {self.name}", None))

    def evaluate(self, pages, site):
        return []


async def test_checks_started_together_share_the_loads_the_one_that_undoes_first():
    tabs, log = _Tabs(), []
    site = _site(tabs, ["/a", "/b"])
    walk, resize = _Prober("walk", log, undo=False), _Prober("resize", log, undo=True)
    walked, resized = await asyncio.gather(walk.site(site), resize.site(site))
    assert tabs.loads == ["http://s/a", "http://s/b"]
    assert [name for name, _ in log] == ["resize", "undo resize", "walk"] * 2
    assert [p["by"] for p in walked["pages"]] == ["walk", "walk"]
    assert [p["by"] for p in resized["pages"]] == ["resize", "resize"]


async def test_two_steps_that_cannot_undo_their_probes_load_apart():
    tabs, log = _Tabs(), []
    site = _site(tabs, ["/a"])
    one, two = _Prober("one", log, undo=False), _Prober("two", log, undo=False)
    await asyncio.gather(one.site(site), two.site(site))
    assert tabs.loads == ["http://s/a", "http://s/a"]
    assert ("undo one", None) not in log and ("undo two", None) not in log


async def test_a_check_stopped_leaves_the_run_to_the_others_and_the_last_stops_it():
    tabs = _Tabs(hang=True)
    site = _site(tabs, ["/a"])
    log: list = []
    one, two = _Prober("one", log, undo=True), _Prober("two", log, undo=False)
    first = asyncio.ensure_future(one.site(site))
    second = asyncio.ensure_future(two.site(site))
    while not tabs.loads:  # the shared run has its page loading (forever)
        await asyncio.sleep(0)
    first.cancel()
    await asyncio.sleep(0)
    share = LoadShare._open[tabs][one.load_key()]
    assert not share._task.done()  # the other check still waits for it
    second.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await share._task
    assert share._task.cancelled() and tabs.opened == tabs.closed == 1
    assert first.cancelled() and second.cancelled()


async def test_the_resize_undone_leaves_the_page_as_loaded(browser):
    state = (
        "() => [document.documentElement.outerHTML, scrollX, scrollY,"
        " [...document.querySelectorAll('*')].map((e) => e.scrollLeft + ',' + e.scrollTop).join()]"
    )
    check = TextResize()
    pages = {f"/{p.name}": p.read_text() for p in PAGES.glob("text-resize-*.html")}
    with FixtureServer(pages) as server:
        tab = await browser.new_page()
        try:
            for path in sorted(pages):
                await tab.goto(server.url(path))
                before = await tab.evaluate(state)
                data = await check.probe(tab, None)
                await check.restore(tab)
                assert await tab.evaluate(state) == before, path
                # the barrier pages cut text off; their twins do not
                assert bool(data["clipped"]) == ("fixed" not in path), path
                assert bool(data.get("screenshot")) == ("fixed" not in path), path
        finally:
            await tab.close()


async def _audit(checks: list[str], browser, tmp_path: Path) -> tuple[dict, dict[str, int]]:
    settings = quick_settings(audit={"checks": checks}, crawl={"use_sitemap": False})
    with FixtureServer(shop(defects=True)) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
        gets: dict[str, int] = {}
        for method, where in server.log:
            if method == "GET" and not where.startswith(("/img/", "/robots")):
                gets[where] = gets.get(where, 0) + 1
    return json.loads(path.read_text()), gets


async def test_an_audit_with_both_probes_loads_no_page_more_than_the_walk_alone(browser, tmp_path):
    both, loads_both = await _audit(
        ["accessibility.keyboard", "accessibility.text-resize"], browser, tmp_path / "both"
    )
    walk, loads_walk = await _audit(["accessibility.keyboard"], browser, tmp_path / "walk")
    assert loads_both == loads_walk
    assert both["errors"] == [] and walk["errors"] == []
    details = {c["id"]: c.get("details") or {} for c in both["checks"]}
    assert details["accessibility.text-resize"]["pages_probed"] == 4
    assert details["accessibility.keyboard"]["pages_probed"] == 4
    # each still finds what it finds alone: the resize its header cut off (on every
    # page), the walk its trap, focus and skip link findings, to the snippet
    (resize,) = [f for f in both["findings"] if f["check"] == "accessibility.text-resize"]
    assert resize["selector"] == "header" and len(resize["urls"]) == 4
    keyboard = lambda r: sorted(  # noqa: E731
        (f["title"], f["snippet"]) for f in r["findings"] if f["check"] == "accessibility.keyboard"
    )
    assert len(keyboard(walk)) >= 3 and keyboard(both) == keyboard(walk)


async def test_probes_sharing_loads_past_their_deadline_cost_only_their_checks(browser, tmp_path):
    checks = ["accessibility.keyboard", "accessibility.text-resize", "accessibility.reflow"]
    settings = quick_settings(audit={"checks": checks}, crawl={"use_sitemap": False})
    settings.audit.site_step_timeout = 0.001
    with FixtureServer(shop(defects=True)) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    codes = {(e["code"], e["check"]) for e in results["errors"]}
    assert codes == {("SITE_STEP_TIMEOUT", check) for check in checks}
    assert results["cut_short"] is None and validate_results(results) == []
    # the zoom finding needs no probe: read in the crawl, it stands
    assert any(f["title"] == "Pinch zoom is switched off" for f in results["findings"])
