"""End to end on the bundled demo shop: the search checks on both twins."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from auditor.demo import DemoShop
from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings

SEARCH = [
    "search.box",
    "search.results",
    "search.tolerance",
    "search.zero-results",
    "search.speed",
    "search.suggestions",
]
# the demo's search answers after 2 s x delay_scale where it is slow: 1 s here, and
# "good" is set below that so the clean twin's fast answers pass with room to spare
DELAY_SCALE = 0.5


async def audit(mode, browser, tmp_path):
    settings = quick_settings(
        audit={"checks": SEARCH},
        crawl={"max_pages": 12},
        checks={
            "search.results": {"max_searches": 10, "derived_products": 2, "derived_categories": 1},
            "search.speed": {"thresholds_ms": [700, 3000]},
        },
    )
    with DemoShop(mode=mode, delay_scale=DELAY_SCALE) as shop:
        path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
        log = shop.request_log()
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    # politeness: searches are GET navigations, nothing is posted
    assert {method for method, _ in log} <= {"GET", "HEAD"}
    searches = [p for _, p in log if p.startswith(("/search?", "/search#")) or p == "/search"]
    # what the shop's own autocomplete asked while the auditor typed (clean twin only)
    suggests = [(m, p) for m, p in log if p.startswith("/search/suggest")]
    checks = {c["id"]: c for c in results["checks"]}
    assert all(checks[c]["status"] == "ran" for c in SEARCH), checks
    return results, searches, suggests


def keyed(results):
    return {(f["check"], f["title"]): f for f in results["findings"]}


def typed_by_auditor(tmp_path):
    """What the search runs of the audit written to ``tmp_path`` typed into the search
    field: each search's query (filled in at once, then Enter) and the autocomplete probe's
    letters (one key at a time). The searches of an audit are cached by start URL and
    records file (checks.search.runs.shared_runs)."""
    from checks.search.runs import _RUNS

    records = str(tmp_path / "pages.jsonl")
    data = _RUNS.result_for(records)
    typed = [run["query"] for run in data["runs"]]
    probe = (data["autocomplete"] or {}).get("prefix")
    return typed, probe


@pytest.mark.slow
async def test_demo_search_defects_found(browser, tmp_path):
    results, searches, suggests = await audit("defects", browser, tmp_path)
    found = keyed(results)
    # search-no-label: the header field has only a placeholder, on every page
    label = found["search.box", "Search field has no label"]
    assert label["evidence"]["name_source"] == "placeholder" and len(label["urls"]) > 5
    # search-typo-intolerant: a misspelling finds nothing while the exact name does
    typos = [f for f in results["findings"] if f["check"] == "search.tolerance"]
    assert {"swap", "drop"} <= {f["evidence"]["kind"] for f in typos}
    pair = next(f for f in typos if f["evidence"]["kind"] == "swap")
    assert pair["evidence"]["query"] != pair["evidence"]["exact"]
    # zero-results-dead-end
    dead = found["search.zero-results", "Zero-results page is a dead end"]
    assert dead["severity"] == "serious" and dead["evidence"]["screenshot"].startswith(
        "data:image/"
    )
    # query-hidden: neither repeated nor kept in the box
    assert ("search.results", "Results page does not repeat the query") in found
    assert ("search.results", "Search box emptied on the results page") in found
    # slow-search: 1 s per answer against a 0.7 s "good"
    slow = found["search.speed", "Search is slow"]
    assert 700 < slow["evidence"]["median_ms"] < 3000
    # no-autocomplete: the typed letters of a product name show nothing
    none = found["search.suggestions", "No autocomplete suggestions"]
    assert none["evidence"]["suggestions"] == 0 and len(none["evidence"]["prefix"]) == 3
    assert not suggests
    # six checks, one run of searches: 9 sent, 1 autocomplete probe, all within the budget
    assert len(searches) == 9


@pytest.mark.slow
async def test_demo_search_clean_twin_has_none_of_them(browser, tmp_path):
    results, searches, suggests = await audit("clean", browser, tmp_path)
    # the model search: not one search finding, autocomplete included
    assert results["findings"] == [], [f["title"] for f in results["findings"]]
    scores = {c["id"]: c["score"] for c in results["checks"]}
    assert all(scores[c] == 100.0 for c in SEARCH), scores
    assert searches
    # the suggestions came from the shop's own GET endpoint while the auditor typed. The
    # combobox asks 150 ms after the last change of the field: for the probe's three letters
    # of a product name (and, when a key came late, for the first two), and, on a loaded
    # machine, for a whole query the search runs filled in before Enter left the page. So
    # each asked q is a prefix of what was typed, whatever the timing.
    typed, probe = typed_by_auditor(tmp_path)
    assert probe and len(probe) == 3 and typed
    asked = []
    for method, target in suggests:
        parts = urlsplit(target)
        assert method == "GET" and parts.path == "/search/suggest", (method, target)
        (q,) = parse_qs(parts.query, keep_blank_values=True)["q"]
        assert len(q) >= 2 and any(t.strip().startswith(q) for t in [*typed, probe]), q
        asked.append(q)
    assert probe in asked  # the probe's letters were asked (its suggestions were shown)


_STATE_JS = """() => {
  const q = document.getElementById('site-search'), list = document.getElementById('site-search-list');
  return { expanded: q.getAttribute('aria-expanded'), hidden: list.hidden, value: q.value,
           active: q.getAttribute('aria-activedescendant'), focused: document.activeElement === q,
           selected: [...list.querySelectorAll('[aria-selected="true"]')].map((o) => o.id),
           options: [...list.querySelectorAll('[role="option"]')].map((o) => o.textContent) };
}"""


@pytest.mark.slow
async def test_demo_clean_autocomplete_works_by_keyboard(browser):
    """The clean twin's combobox as a keyboard user meets it: closed until typed into,
    arrows move the active option, Escape closes, Enter opens the active one."""
    with DemoShop(mode="clean", delay_scale=0) as shop:
        page = await browser.new_page()
        try:
            await page.goto(shop.base_url)
            closed = await page.evaluate(_STATE_JS)
            assert closed["hidden"] and closed["expanded"] == "false" and not closed["options"]
            # Tab order: skip link, logo, the field, its button; the list takes no focus
            for _ in range(3):
                await page.keyboard.press("Tab")
            assert (await page.evaluate(_STATE_JS))["focused"]
            assert (await page.evaluate(_STATE_JS))["hidden"]  # focus alone opens nothing
            await page.keyboard.type("jaket", delay=30)
            await page.wait_for_function(f"() => ({_STATE_JS})().options.length > 0", timeout=2000)
            shown = await page.evaluate(_STATE_JS)
            assert shown["expanded"] == "true" and not shown["hidden"]
            assert shown["options"][:2] == ["Jackets Category", "Alpine Shell Jacket Product"]
            assert shown["active"] is None  # nothing chosen until an arrow key
            await page.keyboard.press("ArrowDown")
            await page.keyboard.press("ArrowDown")
            await page.keyboard.press("ArrowUp")
            one = await page.evaluate(_STATE_JS)
            assert one["active"] == "site-search-opt-0" == one["selected"][0]
            assert len(one["selected"]) == 1 and one["focused"] and one["value"] == "jaket"
            await page.keyboard.press("ArrowUp")  # wraps to the last option
            last = await page.evaluate(_STATE_JS)
            assert last["active"] == f"site-search-opt-{len(shown['options']) - 1}"
            await page.keyboard.press("Escape")
            gone = await page.evaluate(_STATE_JS)
            assert gone["hidden"] and gone["expanded"] == "false" and gone["active"] is None
            assert gone["value"] == "jaket" and gone["focused"]
            await page.keyboard.press("ArrowDown")  # opens again on the first option
            again = await page.evaluate(_STATE_JS)
            assert not again["hidden"] and again["active"] == "site-search-opt-0"
            async with page.expect_navigation():
                await page.keyboard.press("Enter")
            assert page.url == shop.url("/category/jackets")
            # Enter with no active option sends the search as typed
            await page.fill("#site-search", "tent")
            async with page.expect_navigation():
                await page.keyboard.press("Enter")
            assert page.url == shop.url("/search?q=tent")
        finally:
            await page.close()
        assert {m for m, _ in shop.request_log()} == {"GET"}
