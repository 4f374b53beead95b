"""The performance checks on recorded timing loads of the demo shop (both twins).

tests/data/timing_runs.json holds what the measurement lane recorded on five demo
pages (home, a slow category, a category with a late banner, the product with the
blocking script, the heavy about page) in defects and clean mode, with the shop's
address replaced by http://shop.test. The checks are pure functions of that data.
"""

from __future__ import annotations

import asyncio
import copy
import json
from pathlib import Path

import pytest

from auditor.errors import ConfigError
from auditor.measure import LoadLane, median_run
from auditor.plugins import PageView, SiteView, load_checks
from checks.performance import (
    Caching,
    ImageSizes,
    PageWeight,
    RenderBlocking,
    TextCompression,
    WebVitals,
)
from checks.performance.scoring import page_score
from tests.conftest import quick_settings

RECORDED = json.loads((Path(__file__).parent.parent / "data" / "timing_runs.json").read_text())
NAMES = ("home", "sale", "jackets", "product", "about")


def view(entry: dict, timing: dict | None = None) -> PageView:
    return PageView(
        url=entry["url"],
        final_url=entry["url"],
        status=200,
        template=entry["template"],
        depth=0,
        content_type="text/html",
        title="t",
        error=None,
        facts={"timing": timing if timing is not None else entry["timing"]},
    )


def pages(mode: str) -> list[PageView]:
    return [view(RECORDED[f"{mode}:{name}"]) for name in NAMES]


def site(sizes: dict | None = None) -> SiteView:
    return SiteView("http://shop.test/", {}, {}, [], {}, template_sizes=sizes or {})


def by_key(findings) -> dict:
    return {f.key: f for f in findings}


def test_recorded_data_is_complete():
    for mode in ("defects", "clean"):
        for name in NAMES:
            timing = RECORDED[f"{mode}:{name}"]["timing"]
            assert timing["profile"] == "desktop" and timing["runs"], (mode, name)


def test_web_vitals_finds_each_defect_with_its_metric_and_cause():
    check = WebVitals()
    found = by_key(check.evaluate(pages("defects"), site()))
    assert set(found) == {
        "/|lcp_ms",
        "/category/sale|ttfb_ms",
        "/category/jackets|cls",
        "/product/*|tbt_ms",
    }
    lcp = found["/|lcp_ms"]
    assert lcp.severity == "moderate" and lcp.evidence["band"] == "needs-improvement"
    assert 2500 < lcp.evidence["value"] <= 4000 and lcp.evidence["loads"] == 3
    assert "/static/img/hero.png" in lcp.message and lcp.evidence["lcp_element"].startswith("img")
    start, end = lcp.evidence["lcp_resource_ms"]
    assert end - start > 2000  # the hero image is the slow part, not the server
    ttfb = found["/category/sale|ttfb_ms"]
    assert 800 < ttfb.evidence["value"] <= 1800 and "Time to first byte" in ttfb.title
    cls = found["/category/jackets|cls"]
    assert 0.1 < cls.evidence["value"] <= 0.25
    assert any(s.startswith("ul.grid") for s in cls.evidence["shifted"])
    assert "footer" in cls.message and "out of view" in cls.message
    tbt = found["/product/*|tbt_ms"]
    assert 200 < tbt.evidence["value"] <= 600 and tbt.evidence["longest_task_ms"] >= 350
    assert any("recommendations.js" in s for s in tbt.evidence["scripts"])
    assert tbt.url.endswith("/product/alpine-shell-jacket")


def test_web_vitals_clean_twin_has_no_finding_and_full_score():
    check = WebVitals()
    assert check.evaluate(pages("clean"), site()) == []
    assert check.score([], 5) >= 95


def test_web_vitals_thresholds_are_a_budget():
    strict = WebVitals({"lcp_ms": [50.0, 100.0], "fcp_ms": [10.0, 20.0]})
    found = by_key(strict.evaluate(pages("clean"), site()))
    # past the budget on every kind of page: one finding per metric for the whole site
    lcp, fcp = found["site|lcp_ms"], found["site|fcp_ms"]
    assert lcp.severity == "serious"  # poor: > 100 ms
    assert set(lcp.evidence["templates"]) == set(fcp.evidence["templates"])
    assert len(lcp.evidence["templates"]) == len(NAMES)
    assert lcp.title.endswith(f"on {len(NAMES)} of {len(NAMES)} kinds of page")
    assert len(lcp.pages) == len(NAMES)
    assert not [k for k in found if k.endswith("|lcp_ms") and not k.startswith("site|")]


def test_a_metric_slow_on_few_kinds_of_page_stays_with_its_template():
    budget = WebVitals({"lcp_ms": [50.0, 100.0]})
    few = pages("clean")[:2]  # two kinds of page: below the three a site-wide cause needs
    found = by_key(budget.evaluate(few, site()))
    assert {k for k in found if k.endswith("|lcp_ms")} == {f"{p.template}|lcp_ms" for p in few}


def test_web_vitals_score_weighs_templates_by_their_share_of_pages():
    defects = pages("defects")
    check = WebVitals()
    check.evaluate(defects, site())
    even = check.score([], 5)
    # the slow home page is 1 page; say the product template has 500
    check.evaluate(defects, site({"/": 1, "/product/*": 500}))
    weighted = check.score([], 5)
    rows = {r["template"]: r for r in check.details["templates"]}
    assert rows["/product/*"]["pages_found"] == 500 and rows["/"]["pages_found"] == 1
    assert rows["/"]["score"] < 90 and rows["/about"]["score"] == 100
    expected = sum(r["score"] * r["pages_found"] for r in rows.values()) / sum(
        r["pages_found"] for r in rows.values()
    )
    assert weighted == pytest.approx(expected, abs=0.05)
    assert weighted != even


def test_page_score_uses_the_median_of_the_loads():
    entry = RECORDED["defects:home"]
    medians, run = median_run(entry["timing"])
    lcps = sorted(r["metrics"]["lcp_ms"] for r in entry["timing"]["runs"])
    assert medians["lcp_ms"] == lcps[1] and run["metrics"]["lcp_ms"] == lcps[1]
    assert page_score(medians) < page_score({**medians, "lcp_ms": 1000})


def test_median_run_skips_failed_loads_and_picks_the_representative():
    timing = {
        "runs": [
            {"metrics": {"lcp_ms": 300.0, "cls": 0.0, "requests": 5}, "id": "a"},
            {"error": "timed out"},
            {"metrics": {"lcp_ms": 100.0, "cls": 0.2, "requests": 7}, "id": "b"},
            {"metrics": {"lcp_ms": 200.0, "cls": 0.1, "requests": 6}, "id": "c"},
        ]
    }
    medians, run = median_run(timing)
    assert medians == {"lcp_ms": 200.0, "cls": 0.1, "requests": 6}
    assert run["id"] == "c"
    assert median_run({"runs": [{"error": "x"}]}) == ({}, None)
    medians, _ = median_run(
        {"runs": [{"metrics": {"load_ms": 10.0}}, {"metrics": {"load_ms": 20.0}}]}
    )
    assert medians["load_ms"] == 15.0


def test_page_weight_finds_the_heavy_page_and_honours_template_budgets():
    found = PageWeight().evaluate(pages("defects"), site())
    assert [f.key for f in found] == ["/about|bytes"]
    assert "about-team-full.png" in found[0].message and found[0].evidence["value"] > 2_700_000
    assert PageWeight().evaluate(pages("clean"), site()) == []
    tight = PageWeight({"budgets": {"/product/*": {"max_kb": 5, "max_requests": 3}}})
    keys = {f.key for f in tight.evaluate(pages("clean"), site())}
    assert keys == {"/product/*|bytes", "/product/*|requests"}


def test_render_blocking_names_the_synchronous_script():
    found = RenderBlocking().evaluate(pages("defects"), site())
    assert len(found) == 1 and found[0].evidence["type"] == "script"
    assert found[0].evidence["resource"].endswith("/static/js/recommendations.js")
    assert found[0].urls == ["http://shop.test/product/alpine-shell-jacket"]
    assert RenderBlocking().evaluate(pages("clean"), site()) == []


def test_caching_finds_no_store_images_only_on_the_defect_twin():
    found = Caching().evaluate(pages("defects"), site())
    resources = {f.evidence["resource"] for f in found}
    assert "/static/img/about-team-full.png" in {
        r.removeprefix("http://shop.test") for r in resources
    }
    assert all("no-store" in f.message for f in found)
    assert Caching().evaluate(pages("clean"), site()) == []


def _with_network(entry: dict, **changes) -> dict:
    timing = copy.deepcopy(entry["timing"])
    for run in timing["runs"]:
        for key, value in changes.items():
            run["network"][key] = value
    return timing


def test_compression_and_caching_on_a_text_resource_without_headers():
    entry = RECORDED["clean:product"]
    row = ["http://shop.test/static/app.js", "script", 60_000, {}]
    timing = _with_network(entry, text=[row], static=[row])
    found = TextCompression().evaluate([view(entry, timing)], site())
    assert len(found) == 1 and found[0].severity == "moderate"
    assert found[0].evidence["bytes"] == 60_000
    cached = Caching().evaluate([view(entry, timing)], site())
    assert len(cached) == 1 and "no caching header" in cached[0].message
    gz = [
        "http://shop.test/static/app.js",
        "script",
        60_000,
        {"content-encoding": "br", "etag": '"1"'},
    ]
    timing = _with_network(entry, text=[gz], static=[gz])
    assert TextCompression().evaluate([view(entry, timing)], site()) == []
    assert Caching().evaluate([view(entry, timing)], site()) == []
    # the recorded clean pages are gzipped and cacheable
    assert TextCompression().evaluate(pages("clean"), site()) == []


def test_oversized_image_and_a_right_sized_one():
    entry = RECORDED["clean:home"]
    big = "http://shop.test/static/img/big.jpg"
    ok = "http://shop.test/static/img/ok.jpg"
    timing = copy.deepcopy(entry["timing"])
    for run in timing["runs"]:  # [src, natural w, h, displayed w, h, alt], bytes on the wire
        run["images"] = [[big, 3000, 2000, 300, 200, "Tent"], [ok, 400, 266, 300, 200, "Boot"]]
        run["network"]["images"] = {big: 800_000, ok: 80_000}
    found = ImageSizes().evaluate([view(entry, timing)], site())
    assert len(found) == 1 and found[0].evidence["resource"] == "/static/img/big.jpg"
    assert found[0].evidence["natural"] == "3000×2000" and found[0].severity == "moderate"
    assert found[0].evidence["wasted_bytes"] == pytest.approx(800_000 * 0.99, rel=0.01)
    assert ImageSizes().evaluate(pages("clean"), site()) == []
    assert ImageSizes().evaluate(pages("defects"), site()) == []


@pytest.mark.parametrize(
    ("check", "key", "value", "needle"),
    [
        (
            "performance.web-vitals",
            "lcp_ms",
            [4000, 2500],
            'checks."performance.web-vitals".lcp_ms',
        ),
        ("performance.web-vitals", "cls", "fast", 'checks."performance.web-vitals".cls'),
        ("performance.page-weight", "budgets", {"/p/*": {"max_mb": 1}}, 'budgets."/p/*".max_mb'),
        ("performance.page-weight", "budgets", {"/p/*": 5}, 'budgets."/p/*"'),
    ],
)
def test_bad_options_name_the_key(check, key, value, needle):
    settings = quick_settings(audit={"checks": [check]})
    settings.checks[check] = {key: value}
    with pytest.raises(ConfigError) as err:
        load_checks(settings)
    assert needle in str(err.value)


def test_bad_measurement_settings_name_the_key():
    for key, value in (("runs", 0), ("template_runs", 12), ("cpu_slowdown", 0.5), ("quiet_ms", -1)):
        with pytest.raises(ConfigError) as err:
            quick_settings(measurement={key: value})
        assert f"measurement.{key}" in str(err.value)


async def test_load_lane_runs_a_timing_load_alone():
    lane = LoadLane()
    log: list[str] = []
    visit_started = asyncio.Event()
    release_visit = asyncio.Event()

    async def visit(name: str, hold: asyncio.Event | None = None) -> None:
        async with lane.visit():
            log.append(f"{name}+")
            visit_started.set()
            if hold:
                await hold.wait()
            log.append(f"{name}-")

    async def timing() -> None:
        async with lane.alone():
            log.append("T+")
            assert lane.busy_visits == 0
            await asyncio.sleep(0)
            log.append("T-")

    first = asyncio.create_task(visit("v1", release_visit))
    await visit_started.wait()
    t = asyncio.create_task(timing())
    await asyncio.sleep(0)
    late = asyncio.create_task(visit("v2"))  # arrives while the timing load waits
    await asyncio.sleep(0)
    assert log == ["v1+"]  # neither the timing load nor the new visit has started
    release_visit.set()
    await asyncio.gather(first, t, late)
    assert log == ["v1+", "v1-", "T+", "T-", "v2+", "v2-"]


def _straddling_run(tasks: list, tbt: float, frames: list) -> dict:
    """A timing load recorded in Chromium on a page whose widget sets itself up right
    after the first paint (requestAnimationFrame, then setTimeout)."""
    return {
        "status": 200,
        "fcp_ms": 300,
        "tti_ms": 989.9 if tasks else 300,
        "tbt_ms": tbt,
        "blocking_ms": 649 if tasks else 0,
        "long_tasks": tasks,
        "frames": frames,
        "metrics": {"fcp_ms": 300, "lcp_ms": 300, "cls": 0, "tbt_ms": tbt, "ttfb_ms": 5},
    }


def test_a_long_task_straddling_first_paint_is_named_with_its_script():
    script = [
        "http://shop.test/static/js/map.js",
        "TimerHandler:setTimeout",
        699.5,
        290.9,
        "initMap",
    ]
    run = _straddling_run([[290.9, 699, ""]], 639.9, [[290.9, 699.7, 649.6, [script]]])
    entry = {"url": "http://shop.test/stores", "template": "/stores"}
    (f,) = WebVitals().evaluate([view(entry, {"profile": "desktop", "runs": [run]})], site())
    assert f.evidence["metric"] == "tbt_ms" and f.evidence["band"] == "poor"
    (task,) = f.evidence["blocking_tasks"]
    assert task == {
        "start_ms": 290.9,
        "duration_ms": 699,
        "blocking_ms": 639.9,
        "scripts": ["/static/js/map.js (TimerHandler:setTimeout) initMap"],
    }
    assert f.evidence["tbt_window_ms"] == [300, 989.9]
    assert "/static/js/map.js (TimerHandler:setTimeout) initMap" in f.message
    # the repaired twin: the same work in slices under 50 ms
    twin = _straddling_run([], 0, [])
    assert WebVitals().evaluate([view(entry, {"profile": "desktop", "runs": [twin]})], site()) == []


def test_a_task_in_an_iframe_names_the_frame_longtask_attribution_gives():
    run = _straddling_run([[400, 300, "cross-origin-descendant https://ads.example/"]], 250, [])
    entry = {"url": "http://shop.test/", "template": "/"}
    (f,) = WebVitals().evaluate([view(entry, {"profile": "desktop", "runs": [run]})], site())
    assert f.evidence["blocking_tasks"][0]["frame"].endswith("https://ads.example/")


async def test_load_lane_lets_the_crawl_go_on_and_runs_queued_loads_in_one_pause():
    lane = LoadLane(grace=30)
    log: list[str] = []
    holds = {name: asyncio.Event() for name in ("v1", "v2", "T1")}
    started = {name: asyncio.Event() for name in ("v1", "v2", "T1")}

    async def visit(name: str) -> None:
        async with lane.visit():
            log.append(f"{name}+")
            if name in holds:
                started[name].set()
                await holds[name].wait()
            log.append(f"{name}-")

    async def timing(name: str) -> None:
        async with lane.alone():
            log.append(f"{name}+")
            assert lane.busy_visits == 0
            if name in holds:
                started[name].set()
                await holds[name].wait()
            log.append(f"{name}-")

    v1, v2 = asyncio.create_task(visit("v1")), asyncio.create_task(visit("v2"))
    await started["v1"].wait()
    await started["v2"].wait()
    t1 = asyncio.create_task(timing("T1"))
    await asyncio.sleep(0)
    await visit("v3")  # within the grace the crawl goes on
    holds["v1"].set()
    await v1
    t2 = asyncio.create_task(timing("T2"))  # another worker's load joins the queue
    await asyncio.sleep(0)
    assert "T1+" not in log and "T2+" not in log  # v2 still runs
    holds["v2"].set()
    await v2
    await started["T1"].wait()  # the last visit ended: the crawl pauses for the loads
    v4 = asyncio.create_task(visit("v4"))
    await asyncio.sleep(0)
    holds["T1"].set()
    await asyncio.gather(t1, t2, v4)
    # both loads in one pause, and no visit between or beside them
    crawl = ["v1+", "v2+", "v3+", "v3-", "v1-", "v2-"]
    assert log == [*crawl, "T1+", "T1-", "T2+", "T2-", "v4+", "v4-"]
