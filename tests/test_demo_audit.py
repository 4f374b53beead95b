"""End to end on the bundled demo shop: the engine and the navigation checks on both twins."""

import json

import pytest

from auditor.demo import DemoShop
from auditor.plugins import discover_checks
from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings

NAVIGATION = [cid for cid, _, _ in discover_checks() if cid.startswith("navigation.")]


async def audit(mode, browser, tmp_path):
    settings = quick_settings(audit={"checks": NAVIGATION})
    with DemoShop(mode=mode, delay_scale=0.1) as shop:
        path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
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
    assert pages["/product/polar-expedition-tent"]["kind"] == "product"
    assert results["score"] < 100

    def found(check):
        return [f for f in results["findings"] if f["check"] == check]

    def paths(finding):
        return {u.removeprefix(base) for u in finding["urls"]}

    deep = next(f for f in found("navigation.click-depth") if f["url"].endswith("expedition-tent"))
    assert deep["evidence"]["depth"] == 6 and deep["evidence"]["limit"] == 3
    assert deep["evidence"]["path"][:3] == ["Home", "Tents", "Page 2"]
    assert len(deep["evidence"]["path"]) == 7
    orphans = found("navigation.orphans")
    assert [f["url"].removeprefix(base) for f in orphans] == ["/product/legacy-lantern"]
    (menu,) = found("navigation.main-menu")
    assert paths(menu) == {"/shipping"}
    crumbs = {f["title"]: f for f in found("navigation.breadcrumbs")}
    missing = crumbs.pop("Product pages without a breadcrumb")
    assert "/product/alpine-daypack" in paths(missing)
    assert all("jacket" not in p and "tent" not in p for p in paths(missing))
    # the deep tent's breadcrumb says Tents, but no Tents listing page links to it
    (unlisted,) = crumbs.values()
    assert paths(unlisted) == {"/product/polar-expedition-tent"}
    assert unlisted["evidence"]["parent_text"] == "Tents"
    soft = {f["title"] for f in found("navigation.soft-404")}
    assert soft == {"Missing pages answer with success (soft 404)", "Error page offers no way back"}
    assert found("navigation.key-pages") == [] and found("navigation.dead-ends") == []


@pytest.mark.slow
async def test_clean_demo_shop_has_no_navigation_findings(browser, tmp_path):
    results, log, base = await audit("clean", browser, tmp_path)
    assert results["findings"] == [], [f["title"] for f in results["findings"]]
    assert results["score"] == 100
    pages = {p["url"].removeprefix(base): p for p in results["pages"]}
    assert pages["/product/polar-expedition-tent"]["depth"] <= 3
    assert all(p["error"] is None for p in results["pages"])
    assert not any(path.startswith("/private/") for _, path in log)
    # what real shops do and must not be reported: price filters on every listing (a few
    # variants rendered, the rest skipped), breadcrumbs that link "Home" through a 301,
    # one page for delivery and returns
    variants = [p for p in pages if "?price=" in p]
    assert 1 <= len(variants) <= 5, variants
    assert results["stats"]["skipped_variants"] > 0
    assert {"shipping", "returns"} <= set(pages["/returns"]["kinds"])
    assert ("GET", "/index.html") in log
