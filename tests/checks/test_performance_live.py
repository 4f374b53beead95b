"""The measurement lane and the performance checks in a real Chromium, on small servers.

A shop page with the classic resource defects (a slow stylesheet and a synchronous
script in the head, both uncompressed and without caching headers) and its repaired
twin (gzip, a long max-age, defer); and the mobile profile's throttling.
"""

from __future__ import annotations

import gzip
import json

import pytest

from auditor.plugins import discover_checks
from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

PERFORMANCE = [cid for cid, _, _ in discover_checks() if cid.startswith("performance.")]
CSS = "body{margin:0;font:16px sans-serif}\n" + "".join(
    f".product-{i}{{color:#{i % 999:03d};padding:{i % 7}px}}\n" for i in range(1500)
)
JS = "window.shop={ready:true};\n" + "".join(
    f"window.f{i}=function(){{return {i};}};\n" for i in range(300)
)
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
BODY = "<header><h1>Nordwind</h1></header><main><p>Warm jackets for cold days.</p></main>"
CACHED = {"Cache-Control": "public, max-age=31536000", "Content-Encoding": "gzip"}


def shop(defects: bool) -> FixtureServer:
    if defects:
        head = '<link rel="stylesheet" href="/site.css"><script src="/app.js"></script>'
        routes = {
            "/": page("Shop", BODY, head),
            # slow and heavy: the browser waits for it before the first paint
            "/site.css": Route(CSS, content_type="text/css", delay=0.4),
            "/app.js": Route(JS, content_type="application/javascript"),
        }
    else:
        head = VIEWPORT + '<link rel="stylesheet" href="/site.css"><script src="/app.js" defer>'
        head += "</script>"
        routes = {
            "/": page("Shop", BODY, head),
            "/site.css": Route(
                gzip.compress(CSS.encode()), content_type="text/css", headers=CACHED
            ),
            "/app.js": Route(
                gzip.compress(JS.encode()), content_type="application/javascript", headers=CACHED
            ),
        }
    routes["/robots.txt"] = Route("User-agent: *\nAllow: /\n", content_type="text/plain")
    return FixtureServer(routes)


async def audit(srv: FixtureServer, browser, tmp_path, **browser_settings):
    settings = quick_settings(
        audit={"checks": PERFORMANCE},
        crawl={"use_sitemap": False},
        measurement={"template_runs": 1},
        browser=browser_settings,
    )
    path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    records = [json.loads(line) for line in (tmp_path / "pages.jsonl").read_text().splitlines()]
    return results, records


async def test_resource_defects_found_in_a_real_load(browser, tmp_path):
    with shop(defects=True) as srv:
        results, records = await audit(srv, browser, tmp_path)
        css_requests = srv.requests_to("/site.css")
    found = {(f["check"], f["evidence"].get("resource")) for f in results["findings"]}
    assert ("performance.render-blocking", "/app.js") in found
    assert ("performance.render-blocking", "/site.css") in found  # it took 400 ms
    # the server compresses neither: one finding (the server's setting) with both files
    (compression,) = [f for f in results["findings"] if f["check"] == "performance.compression"]
    assert set(compression["evidence"]["resources"]) == {"/site.css", "/app.js"}
    assert ("performance.caching", "/site.css") in found
    assert ("performance.caching", "/app.js") in found
    blocking = next(
        f
        for f in results["findings"]
        if f["evidence"].get("resource") == "/site.css"
        and f["check"] == "performance.render-blocking"
    )
    assert blocking["evidence"]["took_ms"] >= 400
    # the timing load is its own cold visit: the stylesheet is fetched again
    assert css_requests >= 2
    (home,) = [p for p in results["pages"] if p["url"] == srv.base_url]
    assert home["metrics"]["timed_loads"] == 1
    assert home["metrics"]["fcp_ms"] >= 400  # the stylesheet held back the first paint
    timing = records[0]["timing"]
    assert timing["profile"] == "desktop" and timing["throttling"] is None
    net = timing["runs"][0]["network"]
    assert net["by_type"]["style"][0] == 1 and net["by_type"]["style"][1] > len(CSS)
    assert {"document", "style", "script"} <= set(net["by_type"])
    assert results["pages"][0]["metrics"]["transfer_bytes"] == net["bytes"]


async def test_repaired_twin_raises_no_performance_finding(browser, tmp_path):
    with shop(defects=False) as srv:
        results, records = await audit(srv, browser, tmp_path)
    assert [f["title"] for f in results["findings"]] == []
    net = records[0]["timing"]["runs"][0]["network"]
    assert net["by_type"]["style"][1] < len(CSS) / 3  # gzip on the wire
    scores = {c["id"]: c["score"] for c in results["checks"]}
    assert scores["performance.web-vitals"] >= 95


async def test_mobile_profile_is_throttled_and_named(browser, tmp_path):
    with shop(defects=False) as srv:
        results, records = await audit(srv, browser, tmp_path, profile="mobile")
    assert results["profile"] == "mobile"
    timing = records[0]["timing"]
    assert timing["profile"] == "mobile"
    assert timing["throttling"] == {
        "cpu_slowdown": 4.0,
        "rtt_ms": 150.0,
        "download_kbps": 1600.0,
        "upload_kbps": 750.0,
    }
    run = timing["runs"][0]
    assert run["viewport"][0] < 500 and run["dpr"] > 1  # a phone's screen
    # 127.0.0.1 answers in a few ms; the emulated round trip makes it 150 ms or more
    assert run["ttfb_ms"] >= 140
    assert results["pages"][0]["metrics"]["fcp_ms"] >= 300


#: a store finder that sets up its map right after the first paint: one 700 ms task
#: that starts a few ms before the paint is presented (issue 21: Lighthouse TBT 658 ms,
#: the auditor's 0); the twin does the same work in slices of 25 ms
STRADDLING_JS = """<script>
requestAnimationFrame(function () { setTimeout(function initMap() {
  var t = Date.now(); while (Date.now() - t < 700) {} }, 0); });
</script>"""
SLICED_JS = """<script>
requestAnimationFrame(function () { var left = 28; setTimeout(function initMap() {
  var t = Date.now(); while (Date.now() - t < 25) {}
  if (--left > 0) setTimeout(initMap, 0); }, 0); });
</script>"""


def stores(defect: bool) -> FixtureServer:
    body = "<header><h1>Our stores</h1></header><main><p>Find a store near you.</p></main>"
    return FixtureServer(
        {
            "/": page("Stores", body + (STRADDLING_JS if defect else SLICED_JS), VIEWPORT),
            "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
        }
    )


async def test_a_long_task_around_first_paint_counts_and_names_its_script(browser, tmp_path):
    with stores(defect=True) as srv:
        results, records = await audit(srv, browser, tmp_path)
    run = records[0]["timing"]["runs"][0]
    (task,) = [t for t in run["long_tasks"] if t[1] >= 650]
    # whether the task started just before the paint was presented or after it, the
    # part of it after FCP counts, as in Lighthouse
    after_paint = task[0] + task[1] - max(task[0], run["fcp_ms"])
    assert run["tbt_ms"] == pytest.approx(after_paint - 50, abs=0.5)
    assert run["tti_ms"] >= task[0] + task[1]
    (f,) = [f for f in results["findings"] if f["evidence"].get("metric") == "tbt_ms"]
    assert f["evidence"]["value"] == pytest.approx(run["tbt_ms"], abs=0.5)
    (blocking,) = [t for t in f["evidence"]["blocking_tasks"] if t["duration_ms"] >= 650]
    assert any("initMap" in s for s in blocking["scripts"])  # long-animation-frame


async def test_the_same_work_in_slices_blocks_nothing(browser, tmp_path):
    with stores(defect=False) as srv:
        results, records = await audit(srv, browser, tmp_path)
    # what holds however busy the machine: no task near the defect's 700 ms, and no
    # poor blocking time (a loaded machine may stretch the page's own small tasks into
    # a "needs improvement", never into the defect's)
    run = records[0]["timing"]["runs"][0]
    assert all(duration < 300 for _start, duration, *_ in run["long_tasks"]), run["long_tasks"]
    assert results["pages"][0]["metrics"]["tbt_ms"] < 600
    tbt = [f for f in results["findings"] if f["evidence"].get("metric") == "tbt_ms"]
    assert all(f["evidence"].get("band") != "poor" for f in tbt), tbt


def menu_shop() -> FixtureServer:
    """A start page, a quick page with a menu toggle, and an old address of the start
    page that redirects to it."""
    toggle = (
        "<button aria-expanded='false' onclick=\"this.setAttribute('aria-expanded','true')\">"
        "Menu</button>"
    )
    return FixtureServer(
        {
            "/": page("Home", f"{BODY}<a href='/stores'>Stores</a><a href='/index.html'>Home</a>"),
            "/stores": page("Stores", f"<header>{toggle}</header><main><p>Near you.</p></main>"),
            "/index.html": Route(status=301, redirect="/"),
            "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
        }
    )


async def test_a_quick_page_keeps_its_screened_figures_and_its_click(
    browser, tmp_path, monkeypatch
):
    # on a busy machine a crawl visit's figures may reach half a limit (the page is then
    # timed alone, as it should): here the screen's margin is wide, so the test sees
    # what a page well within every band gets whatever the machine's load (the margin
    # itself: tests/test_measure.py)
    monkeypatch.setattr("auditor.measure.bands.SCREEN_MARGIN", 50.0)
    with menu_shop() as srv:
        results, records = await audit(srv, browser, tmp_path)
        loads = {p: srv.requests_to(p) for p in ("/", "/stores", "/index.html")}
    by_url = {r["url"].removeprefix(srv.base_url.rstrip("/")): r for r in records}
    # the start page is always timed alone: its crawl visit, its load alone, and the
    # redirect's visit that lands on it
    assert by_url["/"]["timing"].get("screened") is None
    assert loads["/"] == 3
    # a page well within every band keeps its crawl visit's figures: one request only,
    # and the click for INP taken in the crawl tab once the checks had gathered
    stores = by_url["/stores"]["timing"]
    assert stores["screened"] is True and loads["/stores"] == 1
    (run,) = stores["runs"]
    assert run["interaction"]["element"].startswith('button "Menu"')
    assert run["metrics"]["inp_ms"] is not None
    # the old address lands on the start page, judged once: no load of its own alone
    assert loads["/index.html"] == 1
    assert by_url["/index.html"]["timing"].get("screened") is True
    assert results["stats"]["timing_loads"] == 1


def slow_products_shop(count: int = 5) -> FixtureServer:
    """Product pages of one template whose server answers after 0.5 s: each crawl
    visit screens a TTFB near a limit (over half of 800 ms), clear of the band's edge."""
    links = "".join(f"<a href='/product/{i}'>Tent {i}</a>" for i in range(1, count + 1))
    routes: dict[str, Route | str] = {
        "/": page("Home", f"<main><h1>Tents</h1>{links}</main>"),
        "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
    }
    for i in range(1, count + 1):
        body = f"<main><h1>Tent {i}</h1><p>Sleeps {i}.</p><a href='/'>Home</a></main>"
        routes[f"/product/{i}"] = Route(page(f"Tent {i}", body), delay=0.5)
    return FixtureServer(routes)


async def test_a_page_is_timed_alone_or_vouched_for_by_samples_whose_screens_agreed(
    browser, tmp_path
):
    with slow_products_shop() as srv:
        settings = quick_settings(
            audit={"checks": PERFORMANCE},
            crawl={"use_sitemap": False, "concurrency": 1},
        )
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        loads = {i: srv.requests_to(f"/product/{i}") for i in range(1, 6)}
    records = [json.loads(line) for line in (tmp_path / "pages.jsonl").read_text().splitlines()]
    products = {r["url"].rsplit("/", 1)[-1]: r for r in records if "/product/" in r["url"]}
    assert len(products) == 5
    timed = {k: r for k, r in products.items() if not r["timing"].get("screened")}
    vouched = {k: r for k, r in products.items() if r["timing"].get("vouched")}
    # what holds whatever the machine's load: a page is timed alone (its loads counted)
    # or keeps its screen with its one request; a vouched page's samples are pages timed
    # alone whose screens agreed. Whether the screens agree depends on the load (at
    # load 50 they disagreed about half the time); that samples which agree do vouch
    # is shown on recorded figures (tests/test_measure_bands.py).
    assert len(timed) >= 1
    for key, record in products.items():
        runs = record["timing"].get("runs") or []
        if key in timed:
            assert loads[int(key)] == 1 + len(runs), (key, loads, record["timing"])
        else:
            assert loads[int(key)] == 1, (key, loads)
    agreeing = {r["url"] for r in timed.values() if (r["timing"].get("screen") or {}).get("agreed")}
    for record in vouched.values():
        assert set(record["timing"]["vouched"]["samples"]) <= agreeing
        assert len(record["timing"]["vouched"]["samples"]) >= 2
        assert record["metrics"]["ttfb_ms"] >= 400  # the screen's own figure, kept
    results = json.loads(path.read_text())
    assert results["stats"]["pages_screened"] >= len(vouched)
