"""End to end on the demo shop: every accessibility defect found, the clean twin clean."""

import json

import pytest

from auditor.demo import DemoShop
from auditor.plugins import discover_checks
from auditor.runner import run_audit
from tests.conftest import quick_settings

ACCESSIBILITY = [cid for cid, _, _ in discover_checks() if cid.startswith("accessibility.")]


async def audit(mode, browser, tmp_path):
    settings = quick_settings(audit={"checks": ACCESSIBILITY})
    with DemoShop(mode=mode, delay_scale=0.05) as shop:
        path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
        log = shop.request_log()
    return json.loads(path.read_text()), log, shop.base_url.rstrip("/")


@pytest.mark.slow
async def test_demo_accessibility_defects_are_found(browser, tmp_path):
    results, log, base = await audit("defects", browser, tmp_path)
    assert results["errors"] == []
    found = {}
    for f in results["findings"]:
        rule = f["evidence"].get("rule") or f["title"]
        found.setdefault((f["check"], rule), []).extend(u.removeprefix(base) for u in f["urls"])
    axe = {rule: urls for (check, rule), urls in found.items() if check == "accessibility.axe"}
    assert "/" in axe["image-alt"]  # product grid images without alt
    assert "color-contrast" in axe  # the footer's #bbb on white
    assert axe["html-has-lang"] == ["/returns"]
    assert axe["document-title"] == ["/privacy"]
    assert found[("accessibility.reflow", "Pinch zoom is switched off")] == ["/imprint"]
    assert found[
        ("accessibility.duplicate-ids", 'The id "data-we-collect" is used more than once on a page')
    ] == ["/privacy"]
    assert found[
        ("accessibility.link-texts", "Link text “Read more” does not say where it leads")
    ] == ["/"]
    assert found[
        ("accessibility.link-texts", "Link text “click here” does not say where it leads")
    ] == ["/"]
    assert found[("accessibility.keyboard", "Keyboard focus is trapped")] == ["/newsletter"]
    # the shared stylesheet strips the outline of every link and button, header and
    # content alike: one finding per kind of element, with all its pages
    keyboard = sorted(title for check, title in found if check == "accessibility.keyboard")
    no_focus = found.get(("accessibility.keyboard", "No visible focus indicator on links"), [])
    assert "/" in no_focus and len(no_focus) > 10, keyboard
    assert ("accessibility.keyboard", "No visible focus indicator on buttons") in found, keyboard
    assert {method for method, _ in log} <= {"GET", "HEAD"}
    category = results["categories"]["accessibility"]
    assert category["score"] < 90


@pytest.mark.slow
async def test_demo_clean_twin_has_no_accessibility_finding(browser, tmp_path):
    results, _, _ = await audit("clean", browser, tmp_path)
    assert results["errors"] == []
    assert [(f["check"], f["title"], f["urls"][:2]) for f in results["findings"]] == []
    assert results["categories"]["accessibility"]["score"] == 100
