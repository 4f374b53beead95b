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


@pytest.fixture
def history(tmp_path) -> Path:
    """Three runs of one shop (clean, defective, clean again) with reports, and one
    audit running now."""
    path = tmp_path / "history.sqlite"
    runs = [
        results("2026-01-01T10:00:00Z", 100.0),
        results("2026-01-02T10:00:00Z", 62.0, [finding("aaa", title="Link <b>leads</b> to a 404")]),
        results("2026-01-03T10:00:00Z", 95.0, [finding("bbb", "minor", title="A new blemish")]),
    ]
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
        if name == "site":  # the chart's overall line has three points
            assert page.locator("svg.chart g.marks.filled path").count() == 3
            assert page.locator(".badge.new").first.is_visible()

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
