"""The keyboard walk, the text-resize probe and the reflow probe share one page load
per layout (checks/accessibility/probing.py): the resize first, undone, then the
window narrowed for reflow and put back, then the walk.

Pure tests of the shared run on fake tabs (which step runs when, on which load, in
which window, on whose pages, what a failing step costs the others, that a stopped
run stops its tabs), and in a real Chromium: the resize undone leaves the page as
loaded, reflow on the shared load gathers what a page loaded 320 px wide gives, and
an audit with the three checks loads each probed page no more often than one with
the keyboard walk alone, each check finding what it finds alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

from auditor.probe import TemplateSample
from auditor.results import validate_results
from auditor.runner import run_audit
from checks.accessibility.common import PageProber
from checks.accessibility.keyboard import Keyboard
from checks.accessibility.probing import LoadShare, Pages, ProbeStep, probe_samples, run_probes
from checks.accessibility.reflow import Reflow
from checks.accessibility.text_resize import TextResize
from tests.checks.test_accessibility_layouts import SHOP
from tests.checks.test_accessibility_layouts import _site as _layout_site
from tests.checks.test_accessibility_probes import shop
from tests.conftest import probe_tabs, quick_settings
from tests.fixture_server import FixtureServer

PAGES = Path(__file__).resolve().parents[1] / "data" / "a11y_pages"


class _Page:
    """A fake tab's page: its window, and what was done to it."""

    def __init__(self, tab: int) -> None:
        self.tab = tab
        self.events: list = []
        self.viewport_size = {"width": 1280, "height": 800}

    async def set_viewport_size(self, size: dict) -> None:
        self.viewport_size = dict(size)
        self.events.append(("window", size["width"]))

    async def evaluate(self, script: str, *args: Any) -> Any:
        self.events.append(("settle", self.viewport_size["width"]))
        return self.viewport_size["width"]


class _Tabs:
    """Fake probe tabs: each open tab is a page object, each load is logged."""

    def __init__(self, hang: bool = False) -> None:
        self.loads: list[str] = []
        self.opened = 0
        self.closed = 0
        self.pages: list[_Page] = []
        self.hang = hang

    @contextlib.asynccontextmanager
    async def open(self, wanted=None, background=False, **options: Any):
        if wanted is not None and not wanted():
            yield None
            return
        self.opened += 1
        self.pages.append(_Page(self.opened))
        try:
            yield self.pages[-1]
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


def _step(
    name: str, log: list, undo: bool = True, fail_on: str = "", exc=None, **options: Any
) -> ProbeStep:
    async def probe(page, sample):
        log.append((name, page.tab, sample.url))
        page.events.append((name, page.viewport_size["width"]))
        if sample.url.endswith(fail_on) and fail_on:
            raise exc
        return {"by": name}

    async def restore(page):
        log.append((f"undo {name}", page.tab, None))
        page.events.append((f"undo {name}", page.viewport_size["width"]))

    return ProbeStep(probe, restore if undo else None, **options)


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


async def test_a_run_without_pages_opens_no_tab():
    tabs, log = _Tabs(), []
    resize, walk = await run_probes(_site(tabs, []), 1, lambda: [_step("resize", log)] * 2)
    assert tabs.opened == 0 and log == []
    assert resize["pages"] == walk["pages"] == [] and resize["loaded"] == 0


async def test_a_step_with_a_window_of_its_own_gets_it_for_its_turn_and_the_tab_its_back():
    tabs, log = _Tabs(), []
    site = _site(tabs, ["/a", "/b"])
    narrow = {"width": 320, "height": 640}
    steps = [
        _step("resize", log),
        _step("reflow", log, window=narrow),
        _step("walk", log, undo=False),
    ]
    await run_probes(site, 1, lambda: steps)
    (page,) = tabs.pages
    # the window narrowed and settled before the probe, its own undo in that window,
    # then the tab's window back and settled before the walk
    one_load = [
        ("resize", 1280),
        ("undo resize", 1280),
        ("window", 320),
        ("settle", 320),
        ("reflow", 320),
        ("undo reflow", 320),
        ("window", 1280),
        ("settle", 1280),
        ("walk", 1280),
    ]
    assert page.events == [("load", "http://s/a"), *one_load, ("load", "http://s/b"), *one_load]


async def test_a_last_step_with_a_window_of_its_own_leaves_the_next_load_the_tabs():
    tabs, log = _Tabs(), []
    site = _site(tabs, ["/a", "/b"])
    await run_probes(site, 1, lambda: [_step("reflow", log, window={"width": 320, "height": 640})])
    (page,) = tabs.pages
    one_load = [("window", 320), ("settle", 320), ("reflow", 320), ("window", 1280)]
    assert page.events == [("load", "http://s/a"), *one_load, ("load", "http://s/b"), *one_load]


async def test_each_step_probes_its_own_pages_each_page_loaded_once():
    # keyboard and text resize: one page per layout; reflow: per layout and viewport
    # meta, so /imprint (the /cart layout, another viewport meta) is probed by it alone
    tabs, log = _Tabs(), []
    site = _layout_site(SHOP)
    site.tabs, site.settings = tabs, SimpleNamespace(crawl=SimpleNamespace(concurrency=1))
    steps = [
        _step("resize", log, pages=Pages(1, TextResize().group_key)),
        _step("reflow", log, pages=Pages(1, Reflow().group_key)),
        _step("walk", log, undo=False, pages=Pages(1, Keyboard().group_key)),
    ]
    resize, reflow, walk = await run_probes(site, 1, lambda: steps)
    assert [u.removeprefix("http://s") for u in tabs.loads] == [
        "/",
        "/cart",
        "/p/a",
        "/x",
        "/imprint",
    ]
    assert [
        (name, url.removeprefix("http://s")) for name, _, url in log if url == "http://s/imprint"
    ] == [("reflow", "/imprint")]
    short = lambda data: {  # noqa: E731
        p["url"].removeprefix("http://s"): [u.removeprefix("http://s") for u in p.get("shares", [])]
        for p in data["pages"]
    }
    assert (
        short(walk)
        == short(resize)
        == {
            "/": [],
            "/cart": ["/imprint", "/privacy"],
            "/p/a": ["/p/b"],
            "/x": [],
        }
    )
    assert short(reflow) == {
        "/": [],
        "/cart": ["/privacy"],
        "/p/a": ["/p/b"],
        "/x": [],
        "/imprint": [],
    }
    assert (resize["loaded"], reflow["loaded"], walk["loaded"]) == (4, 5, 4)


class _Prober(PageProber):
    """A probing check that notes where its probe ran."""

    id = "test.prober"
    category = "accessibility"
    title = "test"
    default_options: ClassVar[dict[str, Any]] = {"per_template": 1, **PageProber.PER_OPTION}
    shares_loads = True

    def __init__(self, name: str, log: list, undo: bool, window: dict | None = None):
        super().__init__({"per": "template"})
        self.name, self.log, self.restores_page, self.window = name, log, undo, window

    def viewport(self) -> dict | None:
        return self.window

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
    reflow = _Prober("reflow", log, undo=True, window={"width": 320, "height": 640})
    walked, reflowed, resized = await asyncio.gather(
        walk.site(site), reflow.site(site), resize.site(site)
    )
    assert tabs.loads == ["http://s/a", "http://s/b"]
    # exact undo first, then the one whose window is put back, the walk last
    order = ["resize", "undo resize", "reflow", "undo reflow", "walk"]
    assert [name for name, _ in log] == order * 2
    assert [p["by"] for p in walked["pages"]] == ["walk", "walk"]
    assert [p["by"] for p in reflowed["pages"]] == ["reflow", "reflow"]
    assert [p["by"] for p in resized["pages"]] == ["resize", "resize"]
    assert ("window", 320) in tabs.pages[0].events


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


#: pages whose layout at 320 px a page's own answer to the window decides: a menu whose
#: width a stylesheet transition slides to 100 % below 400 px (a page loaded narrow
#: shows it at its end), and one whose script sets its width on load and on resize
_ANSWERING = {
    "/transition": (
        "<!doctype html><meta name='viewport' content='width=device-width'><style>"
        "body{margin:0} .menu{width:900px;transition:width 3s;background:#eee}"
        " @media (max-width:400px){.menu{width:100%}}</style>"
        "<header><nav class='menu'><a href='/'>Home</a></nav></header><main>Text</main>"
    ),
    "/script": (
        "<!doctype html><meta name='viewport' content='width=device-width'>"
        "<style>body{margin:0}</style><main><div id='box'>Text</div></main><script>"
        "const fit = () => { box.style.width = innerWidth < 400 ? '100%' : '900px'; };"
        "fit(); addEventListener('resize', fit);</script>"
    ),
}


async def test_reflow_on_the_shared_load_gathers_what_a_page_loaded_narrow_gives(
    playwright, browser
):
    pages = {f"/{p.name}": p.read_text() for p in PAGES.glob("reflow-*.html")}
    pages.update(_ANSWERING)
    wide_table = shop(defects=True)["/c/jackets"]
    pages["/c/jackets"] = wide_table
    settings = quick_settings()
    resize, reflow = TextResize(), Reflow()
    with FixtureServer(pages) as server:
        samples = [TemplateSample(server.url(path), path, "", None) for path in sorted(pages)]
        async with probe_tabs(playwright, browser, settings) as tabs:
            site = SimpleNamespace(tabs=tabs, settings=settings, samples=lambda per=1: samples)
            # the text resize undone, then the window narrowed on the same load
            steps = [
                ProbeStep(resize.probe, resize.restore),
                ProbeStep(reflow.probe, reflow.restore, window=reflow.viewport()),
            ]
            _, shared = await run_probes(site, 0, lambda: steps)
            # each page loaded in a tab 320 px wide, as reflow loaded alone before
            alone = await probe_samples(site, 0, reflow.probe, viewport=reflow.viewport())
    assert shared["errors"] == alone["errors"] == []
    assert shared["loaded"] == alone["loaded"] == len(pages)
    without_shot = lambda data: {  # noqa: E731
        p["url"]: {k: v for k, v in p.items() if k != "screenshot"} for p in data["pages"]
    }
    assert without_shot(shared) == without_shot(alone)
    found = {url.rsplit("/", 1)[-1]: p for url, p in without_shot(shared).items()}
    # the barriers are there to be found, their twins and the answering pages fit
    assert found["reflow-cut.html"]["wide"] and found["reflow-cut.html"]["page_cuts"]
    assert found["reflow-scrollbox.html"]["locked_boxes"]
    assert found["jackets"]["page_px"] >= 640
    for name in ("reflow-cut-fixed.html", "reflow-scrollbox-fixed.html", "transition", "script"):
        assert found[name]["page_px"] == 320 and not found[name]["wide"], name
        assert not found[name]["locked_boxes"], name


async def _audit(checks: list[str], browser, tmp_path: Path) -> tuple[dict, dict[str, int]]:
    settings = quick_settings(audit={"checks": checks}, crawl={"use_sitemap": False})
    with FixtureServer(shop(defects=True)) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
        gets: dict[str, int] = {}
        for method, where in server.log:
            # pages only: a tab asks for the favicon or not, as its timing goes
            if method == "GET" and not where.startswith(("/img/", "/robots", "/favicon")):
                gets[where] = gets.get(where, 0) + 1
    return json.loads(path.read_text()), gets


async def test_an_audit_with_the_three_probes_loads_no_page_more_than_the_walk_alone(
    browser, tmp_path
):
    probes = ["accessibility.keyboard", "accessibility.text-resize", "accessibility.reflow"]
    three, loads_three = await _audit(probes, browser, tmp_path / "three")
    walk, loads_walk = await _audit(["accessibility.keyboard"], browser, tmp_path / "walk")
    alone, _ = await _audit(["accessibility.reflow"], browser, tmp_path / "reflow")
    assert loads_three == loads_walk
    assert three["errors"] == walk["errors"] == alone["errors"] == []
    details = {c["id"]: c.get("details") or {} for c in three["checks"]}
    for check in probes:
        assert details[check]["pages_probed"] == details[check]["pages_loaded"] == 4, check
    # each still finds what it finds alone: the resize its header cut off (on every
    # page), the walk its trap, focus and skip link findings, reflow the zoom blocked
    # and the wide size table, to the snippet
    (resize,) = [f for f in three["findings"] if f["check"] == "accessibility.text-resize"]
    assert resize["selector"] == "header" and len(resize["urls"]) == 4
    found = lambda r, check: sorted(  # noqa: E731
        (f["title"], f["snippet"], tuple(sorted(urlsplit(u).path for u in f["urls"])))
        for f in r["findings"]
        if f["check"] == check
    )
    assert len(found(walk, "accessibility.keyboard")) >= 3
    assert found(three, "accessibility.keyboard") == found(walk, "accessibility.keyboard")
    reflow = found(alone, "accessibility.reflow")
    assert [title for title, _, _ in reflow] == [
        "Pinch zoom is switched off",
        "Sideways scrolling at 320 px",
    ]
    assert found(three, "accessibility.reflow") == reflow


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
