"""Hostile robots.txt and sitemaps (tests/hostile_shop.py) cost an audit a few seconds
and an error line at most, never the audit, and reach no other host.

A robots.txt that cannot be read at all (it hangs, or answers 500) stops the audit
before it starts, as RFC 9309 asks: one clear line, exit 2. A robots.txt of garbage or
of a megabyte of rules is read as far as it makes sense.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from auditor.results import validate_results
from tests.hostile_shop import FAULTS_BY_PATH, ROBOTS_VARIANTS, SITEMAP_VARIANTS, HostileShop

SITEMAPS = [name for name in SITEMAP_VARIANTS if name != "friendly"]


def audit(shop: HostileShop, out) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            *(sys.executable, "-m", "auditor", "run", shop.base_url, "--out", str(out)),
            *("--progress", "none", "--check", "navigation.broken-links", "--timeout", "3"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "AUDITOR_CRAWL__REQUESTS_PER_SECOND": "50"},
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", SITEMAPS)
def test_a_hostile_sitemap_costs_an_error_line_not_the_audit(tmp_path, name):
    path = SITEMAP_VARIANTS[name]
    with HostileShop(links=[], sitemap=name) as shop:
        proc = audit(shop, tmp_path)
        served = shop.requests_to(path)
        offsite = list(shop.offsite.log)
    assert proc.returncode == 0, proc.stderr
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert validate_results(results) == []
    pages = {p["url"].removeprefix(shop.base_url.rstrip("/")) for p in results["pages"]}
    assert {"/", "/ok/1", "/ok/2", "/ok/3"} <= pages  # the shop itself was audited
    assert served <= FAULTS_BY_PATH[path].max_requests
    assert offsite == []  # no external entity or foreign <loc> was fetched
    assert len(results["pages"]) <= 20  # no bomb or index loop flooded the frontier


@pytest.mark.slow
@pytest.mark.parametrize("name", ["garbage", "huge"])
def test_a_robots_txt_of_garbage_is_read_as_far_as_it_makes_sense(tmp_path, name):
    with HostileShop(links=[], robots=name) as shop:
        proc = audit(shop, tmp_path)
        served = shop.requests_to("/robots.txt")  # the variant is served there
    assert proc.returncode == 0, proc.stderr
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert validate_results(results) == []
    assert len(results["pages"]) >= 4
    assert served <= FAULTS_BY_PATH[ROBOTS_VARIANTS[name]].max_requests


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hang", "error"])
def test_an_unreadable_robots_txt_stops_the_audit_with_one_line(tmp_path, name):
    with HostileShop(links=[], robots=name) as shop:
        proc = audit(shop, tmp_path)
        pages_served = shop.requests_to("/ok/1")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "robots.txt" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert pages_served == 0
