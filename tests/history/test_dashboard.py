"""`auditor serve`: the dashboard's pages, its safety, and axe on each page in Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx
import pytest

from auditor.dashboard.serve import DashboardServer, is_loopback
from auditor.history import open_store

from .helpers import finding, results, write

ARTIFACTS = Path(os.environ.get("AUDITOR_TEST_ARTIFACTS", "/tmp/auditor-test-artifacts"))


#: LCP of the product template per run: good, poor, needs improvement
PRODUCT_LCP = (1500, 4600, 3100)


def _pages(run: int) -> list[dict]:
    """Two templates with every banded figure; the product page's LCP moves across its
    bands from run to run."""
    figures = {"cls": 0.02, "inp_ms": 120, "tbt_ms": 90, "fcp_ms": 900, "ttfb_ms": 300}
    return [
        {"url": "http://shop.test/", "template": "/", "metrics": {"lcp_ms": 900, **figures}},
        {
            "url": "http://shop.test/p/1",
            "template": "/p/*",
            "metrics": {**figures, "lcp_ms": PRODUCT_LCP[run], "cls": 0.3 if run == 1 else 0.05},
        },
    ]


def _walks(run: int) -> list[dict]:
    """Two journeys, one walked by two personas: three effort lines."""
    walk = {"completed": True, "stopped": None, "steps": []}
    return [
        {**walk, "journey": "buy", "persona": "mobile", "effort": {"seconds": 40.0 + 20 * run}},
        {**walk, "journey": "buy", "persona": "senior", "effort": {"seconds": 70.0 + 5 * run}},
        {**walk, "journey": "search", "persona": "mobile", "effort": {"seconds": 12.0}},
    ]


@pytest.fixture
def history(tmp_path) -> Path:
    """Three runs of one shop (clean, defective, clean again) with reports, page figures
    and journeys, and one audit running now."""
    path = tmp_path / "history.sqlite"
    runs = [
        results("2026-01-01T10:00:00Z", 100.0),
        results("2026-01-02T10:00:00Z", 62.0, [finding("aaa", title="Link <b>leads</b> to a 404")]),
        results("2026-01-03T10:00:00Z", 95.0, [finding("bbb", "minor", title="A new blemish")]),
    ]
    for i, data in enumerate(runs):
        data.update(pages=_pages(i), journeys=_walks(i))
    with open_store(path) as store:
        for i, data in enumerate(runs):
            folder = tmp_path / f"run{i}"
            write(folder, data)
            (folder / "report.html").write_text(f"<!doctype html><title>report {i}</title>")
            store.add_results(folder / "results.json")
        store.live_update(
            "abc",
            {
                "site": "http://shop.test",
                "target": "http://shop.test/",
                "stage": "crawl",
                "pages_done": 4,
                "queued": 6,
                "figures": {"pages_per_minute": 30.0},
            },
        )
    return path


def test_the_pages_show_shops_trends_new_findings_reports_and_live_runs(history):
    with DashboardServer(history) as url:
        index = httpx.get(url + "/")
        site = httpx.get(url + "/site", params={"name": "http://shop.test"})
        live = httpx.get(url + "/live")
        report = httpx.get(url + "/runs/2/report")
        missing = httpx.get(url + "/site", params={"name": "http://other.test"})
        no_report = httpx.get(url + "/runs/99/report")
        api = httpx.get(url + "/api/site", params={"name": "http://shop.test"}).json()
        css = httpx.get(url + "/static/dashboard.css")
    assert index.status_code == 200
    assert "http://shop.test" in index.text and "Last 3: 100, 62, 95" in index.text
    assert "1 audit running now" in index.text
    # the chart: three points on each line, the values as text
    overall = site.text.split('class="series s0"')[1].split('class="series s1"')[0]
    assert overall.count("<path d=") == 3  # a marker per run
    assert "Overall 95" in site.text
    # the latest run's finding is new (the 404 was fixed), hostile text escaped
    assert re.search(
        r'<strong class="badge new">New</strong> <span class="badge sev">minor</span> '
        r'<span class="title">A new blemish</span>',
        site.text,
    )
    assert "Link <b>" not in site.text
    assert 'href="/runs/3/report"' in site.text and "report 1" in report.text
    assert (
        "LCP" in site.text and "needs improvement" in site.text
    )  # /p/* median 2.0 s? no: 2 s good
    assert [r["score"] for r in api["runs"]] == [100.0, 62.0, 95.0]
    assert api["runs"][2]["new"] == ["bbb"] and api["runs"][2]["fixed"] == ["aaa"]
    assert 'class="pages-done">4<' in live.text
    assert missing.status_code == 404 and no_report.status_code == 404
    assert "script-src 'self'" in index.headers["content-security-policy"]
    assert css.status_code == 200 and "http" not in re.sub(r"/\*.*?\*/", "", css.text, flags=re.S)


def test_another_host_name_is_refused_and_a_token_is_required_when_set(history):
    with DashboardServer(history) as url:
        assert httpx.get(url + "/", headers={"Host": "rebound.example"}).status_code == 400
    with DashboardServer(history, token="s3cret-token") as url:
        assert httpx.get(url + "/").status_code == 401
        assert httpx.get(url + "/", params={"token": "wrong"}).status_code == 401
        ok = httpx.get(url + "/", headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200
        with httpx.Client() as client:  # ?token= once, then the cookie serves the links
            assert client.get(url + "/", params={"token": "s3cret-token"}).status_code == 200
            assert client.get(url + "/live").status_code == 200


def test_only_loopback_is_served_without_the_explicit_flag(tmp_path):
    from click.testing import CliRunner

    from auditor.cli import cli

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    result = CliRunner().invoke(
        cli, ["serve", "--history", str(tmp_path / "h.sqlite"), "--host", "0.0.0.0"]
    )
    assert result.exit_code == 2 and "--allow-remote" in result.stderr


def test_axe_finds_no_violation_on_any_page_at_desktop_and_phone_width(history):
    from tests.axe_check import axe_violations

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = {"shops": "/", "site": "/site?name=http%3A%2F%2Fshop.test", "live": "/live"}
    seen = []

    def look(page, url, width):
        name = next(n for n, path in pages.items() if url.endswith(path))
        seen.append((name, width))
        page.screenshot(path=str(ARTIFACTS / f"dashboard-{name}-{width}.png"), full_page=True)
        # phone width: nothing wider than the screen but the scrolling tables
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width + 1, (name, width, wide)
        if name == "shops":
            assert page.get_by_role("link", name="http://shop.test").is_visible()
        if name == "site":  # the score chart's overall line has three points
            assert page.locator("svg.chart").first.locator("g.marks.filled path").count() == 3
            assert page.locator(".badge.new").first.is_visible()
            # a chart per template and banded figure, and the effort chart, all drawn
            assert page.locator(".template-charts svg.chart").count() == 12
            assert page.get_by_role("img", name=re.compile("^Predicted effort")).is_visible()
            lcp = page.locator("svg:has(#m1-lcp_ms-t)")
            assert lcp.bounding_box()["width"] <= width

    with DashboardServer(history) as url:
        assert axe_violations([url + path for path in pages.values()], visit=look) == []
    assert len(seen) == 6


def test_journey_efforts_show_once_results_have_journeys(tmp_path):
    from auditor.dashboard.views import site_view

    journeys = [
        {"journey": "buy", "persona": "mobile", "effort": {"seconds": 41.5}, "completed": True}
    ]
    with open_store(tmp_path / "h.sqlite") as store:
        store.add_results(write(tmp_path / "a", results("2026-01-01T10:00:00Z", 90.0)))
        assert site_view(store, "http://shop.test")["journeys"] == []
        later = results("2026-01-02T10:00:00Z", 90.0, journeys=journeys)
        store.add_results(write(tmp_path / "b", later))
        view = site_view(store, "http://shop.test")
    assert view["journeys"] == [
        {"journey": "buy", "persona": "mobile", "cells": ["–", "42 s completed"]}
    ]


def _chart(html: str, chart_id: str) -> str:
    """One chart's SVG out of a page."""
    start = html.index(f'<title id="{chart_id}-t">')
    return html[start : html.index("</svg>", start)]


def test_the_site_page_draws_each_templates_figures_against_their_bands(history):
    with DashboardServer(history) as url:
        site = httpx.get(url + "/site", params={"name": "http://shop.test"}).text
    # a chart per template and figure: LCP, CLS, INP, TBT, FCP and TTFB for / and /p/*
    assert site.count('<figure class="chart-box small">') == 12
    lcp = _chart(site, "m1-lcp_ms")
    assert "LCP of template /p/*" in lcp
    # the band limits as labelled lines, their zones shaded
    assert ">good up to 2.50 s</text>" in lcp and ">poor above 4.00 s</text>" in lcp
    assert lcp.count('class="band-limit') == 2 and lcp.count('<rect class="zone') == 2
    # each run's value as text (in the chart's description and on each marker)
    assert "LCP: 01-01 10:00 1.50 s, 01-02 10:00 4.60 s, 01-03 10:00 3.10 s." in lcp
    assert lcp.count("<title>LCP ") == 3 and ">LCP 3.10 s</text>" in lcp
    # a value above the poor limit is drawn above the poor line (smaller y is higher)
    poor_y = float(re.search(r'class="band-limit b1"><line [^>]*y1="([\d.]+)"', lcp)[1])
    marks = re.findall(r'<path d="M([\d.]+),([\d.]+)', lcp.split('class="marks')[1])
    assert float(marks[1][1]) < poor_y < float(marks[0][1])
    cls = _chart(site, "m1-cls")
    assert ">good up to 0.10</text>" in cls and "CLS: 01-01 10:00 0.05, 01-02 10:00 0.30" in cls
    # the tables stay, as the text version, folded away
    details = site.split('<details class="metric-tables">')[1].split("</details>")[0]
    assert "✖ poor" in details and "needs improvement" in details


def test_the_effort_chart_shows_with_journeys_and_not_without(history, tmp_path):
    with DashboardServer(history) as url:
        site = httpx.get(url + "/site", params={"name": "http://shop.test"}).text
    effort = _chart(site, "effort")
    # one line per journey and persona, each with its own marker and its values as text
    assert effort.count('class="series s') == 3
    assert "buy · mobile: 01-01 10:00 40 s, 01-02 10:00 60 s, 01-03 10:00 80 s." in effort
    assert "buy · senior" in effort and "search · mobile" in effort
    shapes = re.findall(r'<path class="marks[^"]*" d="(M[^"]*)"', effort)
    assert len(shapes) == 3 and len({re.sub(r"[\d.]+", "", d) for d in shapes}) == 3
    plain = tmp_path / "plain.sqlite"
    with open_store(plain) as store:
        store.add_results(write(tmp_path / "p1", results("2026-01-01T10:00:00Z", 90.0)))
        store.add_results(write(tmp_path / "p2", results("2026-01-02T10:00:00Z", 91.0)))
    with DashboardServer(plain) as url:
        without = httpx.get(url + "/site", params={"name": "http://shop.test"}).text
    assert 'id="effort-t"' not in without and "Journeys" not in without
    assert 'id="m1-lcp_ms-t"' in without  # the figures are still drawn


def test_many_runs_and_templates_keep_the_small_charts_readable(tmp_path):
    from auditor.dashboard.views import MAX_CHARTED, site_view

    pages = [
        {"url": f"http://shop.test/t{k}", "template": f"/t{k}/*", "metrics": {"lcp_ms": 1000}}
        for k in range(MAX_CHARTED + 2)
    ]
    with open_store(tmp_path / "h.sqlite") as store:
        for day in range(1, 11):
            data = results(f"2026-01-{day:02d}T10:00:00Z", 90.0, pages=pages)
            store.add_results(write(tmp_path / str(day), data))
        view = site_view(store, "http://shop.test")
    assert len(view["metric_charts"]) == MAX_CHARTED and view["charts_more"] == 2
    chart = view["metric_charts"][0]["charts"][0]["chart"]
    # ten points, each with its label, but only three run labels under the axis
    assert len(chart["series"][0]["points"]) == 10
    assert [t["label"] for t in chart["ticks"]] == ["01-01 10:00", "01-06 10:00", "01-10 10:00"]
    # a round axis past the poor limit (4 s * 1.25 = 5 s)
    assert [g["label"] for g in chart["grid"]] == ["0 ms", "2.50 s", "5.00 s"]
