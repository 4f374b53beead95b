"""End to end on the bundled demo shop: the engine and link health on both twins."""

import json

import pytest

from auditor.demo import DemoShop
from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings


async def audit(mode, browser, tmp_path):
    with DemoShop(mode=mode, delay_scale=0.1) as shop:
        path = await run_audit(shop.base_url, quick_settings(), tmp_path, browser=browser)
        log = shop.request_log()
    return json.loads(path.read_text()), log, shop.base_url.rstrip("/")


@pytest.mark.slow
async def test_demo_shop_with_defects(browser, tmp_path):
    results, log, base = await audit("defects", browser, tmp_path)
    assert validate_results(results) == []
    by_key = {
        (
            f["check"],
            f["evidence"].get("target")
            or f["evidence"].get("resource")
            or f["evidence"].get("start"),
        ): f
        for f in results["findings"]
    }
    broken = {k[1].removeprefix(base) for k in by_key if k[0] == "navigation.broken-links"}
    assert {
        "/product/discontinued-parka",
        "/downloads/catalog-2019.pdf",
        "/static/img/missing-banner.jpg",
    } <= broken
    chains = [f for f in results["findings"] if f["check"] == "navigation.redirect-chains"]
    assert len(chains) == 1 and chains[0]["evidence"]["hops"] == 3
    assert chains[0]["evidence"]["final"].endswith("/category/sale")
    # the footer link to the PDF is on every page: one finding, many pages
    pdf = next(f for f in results["findings"] if f["evidence"].get("target", "").endswith(".pdf"))
    assert len(pdf["urls"]) > 10
    # politeness: robots.txt respected, nothing but GET/HEAD sent
    assert not any(path.startswith("/private/") for _, path in log)
    assert {method for method, _ in log} <= {"GET", "HEAD"}
    pages = {p["url"].removeprefix(base): p for p in results["pages"]}
    assert pages["/"]["depth"] == 0
    assert pages["/product/polar-expedition-tent"]["depth"] == 6
    assert results["score"] < 100


@pytest.mark.slow
async def test_clean_demo_shop_has_no_link_findings(browser, tmp_path):
    results, log, base = await audit("clean", browser, tmp_path)
    assert results["findings"] == [], [f["title"] for f in results["findings"]]
    assert results["score"] == 100
    pages = {p["url"].removeprefix(base): p for p in results["pages"]}
    assert pages["/product/polar-expedition-tent"]["depth"] <= 3
    assert all(p["error"] is None for p in results["pages"])
    assert not any(path.startswith("/private/") for _, path in log)
