"""End to end: what the demo audit with every default check cost, stage by stage.

Not a timed test (the time budget is shown by bench/audit_bench.py, not asserted): the
stages of results.json must be there, follow one another and add up to the total, and
the overlapping detail must name each check's gatherers and site step.
"""

from __future__ import annotations

import json

import pytest

from auditor.demo import DemoShop
from auditor.plugins import discover_checks
from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings

DEFAULT = [cid for cid, cls, _ in discover_checks() if cls is not None and cls.enabled_by_default]


@pytest.mark.slow
async def test_demo_audit_stages_add_up_to_the_total(browser, tmp_path):
    settings = quick_settings(audit={"checks": DEFAULT})
    with DemoShop(mode="defects", delay_scale=0.1) as shop:
        path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    stats = results["stats"]
    stages = stats["stages"]
    for name in ("start page", "crawl", "timing loads", "site stage", "evaluate", "other"):
        assert name in stages, (name, stages)
    assert all(seconds >= 0 for seconds in stages.values())
    # rounded to 0.01 s each: the sum is the total within a rounding step per stage
    assert sum(stages.values()) == pytest.approx(stats["duration_s"], abs=0.01 * len(stages))
    assert stages["crawl"] > 0 and stages["site stage"] > 0
    detail = stats["stage_detail"]
    gathering = {cid for cid, cls, _ in discover_checks() if cid in DEFAULT and cls.has_gatherer()}
    stepping = {cid for cid, cls, _ in discover_checks() if cid in DEFAULT and cls.has_site_step()}
    assert {f"gather: {cid}" for cid in gathering} <= set(detail)
    assert {f"site: {cid}" for cid in stepping} <= set(detail)
    # the site steps run side by side: the stage is shorter than their sum
    site_sum = sum(detail[f"site: {cid}"] for cid in stepping)
    assert stages["site stage"] <= site_sum + 0.05 * len(stepping)
    # every HTML page has figures: timed alone, or screened by its crawl visit
    assert stats["timing_loads"] >= 1
    timed = [p for p in results["pages"] if p["metrics"].get("timed_loads")]
    assert len(timed) >= stats["pages_screened"]
