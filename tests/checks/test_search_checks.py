"""Each search check's evaluate step on hand-written data: the defect, and its clean twin."""

import pytest

from auditor.errors import ConfigError
from auditor.plugins import PageView, SiteView
from checks.search import (
    SearchBox,
    SearchResults,
    SearchSpeed,
    SearchSuggestions,
    SearchTolerance,
    ZeroResults,
)
from tests.conftest import quick_settings

START = "http://shop.test/"
GOOD_READ = {
    "zero": False,
    "says_zero": False,
    "shown": 12,
    "stated": 12,
    "results": [],
    "rank": 1,
    "echoed": True,
    "kept": True,
    "search_box": True,
    "sort": True,
    "filters": True,
    "suggestion": False,
    "help_links": 12,
    "chrome": True,
}
ZERO_READ = {
    **GOOD_READ,
    "zero": True,
    "says_zero": True,
    "shown": 0,
    "stated": 0,
    "rank": None,
    "sort": False,
    "filters": False,
    "help_links": 8,
}


def run(purpose, query, ms=200.0, **read):
    extra = {k: read.pop(k) for k in ("kind", "base", "expected", "category") if k in read}
    base = ZERO_READ if read.pop("zero_page", False) else GOOD_READ
    return {
        "purpose": purpose,
        "query": query,
        "ms": ms,
        "url": START + "search?q=x",
        "read": {**base, **read},
        **extra,
    }


def site(data=None):
    return SiteView(START, {}, {}, [], {}, site_data=data)


def searches(*runs, **more):
    return {
        "start": START,
        "runs": list(runs),
        "searches": len(runs),
        "budget": 40,
        "method": "field",
        "screenshots": {},
        **more,
    }


def test_results_recall_and_page_defects():
    check = SearchResults()
    clean = searches(
        run("product", "Red Kettle", expected="/p/red-kettle"),
        run("product", "Blue Kettle", expected="/p/blue-kettle", rank=3),
        run("category", "Kettles", rank=None, category="/c/kettles"),
    )
    assert check.evaluate([], site(clean)) == []
    assert check.score([], 2) == 100.0 and check.details["recall"] == 1.0
    hidden = searches(
        run("product", "Red Kettle", expected="/p/red-kettle", echoed=False, kept=False),
        run(
            "product",
            "Blue Kettle",
            expected="/p/blue-kettle",
            zero=True,
            shown=0,
            rank=None,
            stated=None,
        ),
        run("product", "Green Kettle", expected="/p/green-kettle", rank=14),
    )
    found = check.evaluate([], site(hidden))
    by_key = {f.key: f for f in found}
    assert set(by_key) == {"not-found:/p/blue-kettle", "not-found:/p/green-kettle", "echo", "kept"}
    assert by_key["not-found:/p/blue-kettle"].severity == "serious"
    assert by_key["not-found:/p/green-kettle"].evidence["rank"] == 14
    assert by_key["echo"].evidence["queries"] == ["Red Kettle"]
    figures = {k: check.details[k] for k in ("recall", "queries", "found")}
    assert figures == {"recall": 0.333, "queries": 3, "found": 1}
    assert len(check.details["runs"]) == 3  # each search, recorded for the report
    # the recall, lowered by the two moderate page findings
    assert check.score(found, 3) == round(100 * (1 / 3) * 0.9 * 0.9, 1)


def test_results_category_name_that_finds_nothing():
    check = SearchResults()
    (f,) = check.evaluate(
        [], site(searches(run("category", "Kettles", zero_page=True, category="/c/kettles")))
    )
    assert f.key == "category:/c/kettles" and f.evidence["query"] == "Kettles"


def test_results_count_and_sorting():
    check = SearchResults()
    found = check.evaluate(
        [], site(searches(run("configured", "kettle", stated=None, sort=False, filters=False)))
    )
    assert {f.key for f in found} == {"count", "refine"}


def test_results_say_when_searches_were_not_run():
    check = SearchResults()
    (f,) = check.evaluate([], site(searches(skipped="robots.txt does not allow the search")))
    assert f.key == "not-tested" and "robots" in f.message
    # every search blocked: needs review, with the reason
    blocked = searches(
        {
            "purpose": "product",
            "query": "Red Kettle",
            "ms": None,
            "error": "robots.txt does not allow the search address",
        }
    )
    (f,) = check.evaluate([], site(blocked))
    assert f.key == "not-tested" and f.evidence["reason"].startswith("robots.txt")
    assert (
        check.evaluate([], site(searches(skipped="no searches allowed (max_searches = 0)"))) == []
    )
    # no search field: search.box says so, not this check
    assert (
        check.evaluate([], site(searches(skipped="no search field found on the start page"))) == []
    )


def test_tolerance_pairs_as_evidence():
    check = SearchTolerance()
    data = searches(
        run("product", "Red Kettle"),
        run("variant", "Rde Kettle", kind="swap", base="Red Kettle", zero_page=True),
        run("variant", "Red Kettles", kind="plural", base="Red Kettle"),
        run("variant", "NW-1001", kind="sku", base="Red Kettle", zero_page=True),
    )
    found = check.evaluate([], site(data))
    assert {(f.evidence["exact"], f.evidence["query"]) for f in found} == {
        ("Red Kettle", "Rde Kettle"),
        ("Red Kettle", "NW-1001"),
    }
    assert {f.key: f.severity for f in found} == {"swap": "moderate", "sku": "serious"}
    assert check.score(found, 1) == round(100 * 1 / 3, 1)
    assert check.evaluate([], site(tolerant_but(["Blue Mug", "Red Kettle"]))) != []


def tolerant_but(bases: list[str]) -> dict:
    return searches(*(run("variant", b[::-1], kind="drop", base=b, zero_page=True) for b in bases))


def test_one_finding_per_kind_of_variant_with_every_query_pair():
    check = SearchTolerance()
    (finding,) = check.evaluate([], site(tolerant_but(["Blue Mug", "Red Kettle", "Tea Pot"])))
    assert finding.evidence["queries_failed"] == 3
    assert finding.evidence["query_pairs"] == [
        "“Blue Mug” → “guM eulB”",
        "“Red Kettle” → “eltteK deR”",
        "“Tea Pot” → “toP aeT”",
    ]
    assert "(3 queries, e.g. these)" in finding.message
    tolerant = searches(run("variant", "Rde Kettle", kind="swap", base="Red Kettle"))
    assert check.evaluate([], site(tolerant)) == []
    assert check.score([], 1) == 100.0


def test_zero_results_dead_end_and_helpful():
    check = ZeroResults()
    dead = searches(
        run(
            "nonsense",
            "qxzvbwkj",
            zero_page=True,
            echoed=False,
            kept=False,
            search_box=False,
            help_links=0,
            chrome=False,
        ),
        screenshots={"zero": "data:image/jpeg;base64,AAAA"},
    )
    (f,) = check.evaluate([], site(dead))
    assert f.severity == "serious" and f.title == "Zero-results page is a dead end"
    assert f.evidence["screenshot"].startswith("data:image/jpeg")
    assert "shows no search box with the query" in f.evidence["missing"]
    thin = searches(run("nonsense", "qxzvbwkj", zero_page=True, help_links=0))
    (f,) = check.evaluate([], site(thin))
    assert f.severity == "minor" and f.evidence["missing"] == [
        "offers no suggestions, categories or popular products"
    ]
    helpful = searches(run("nonsense", "qxzvbwkj", zero_page=True))
    assert check.evaluate([], site(helpful)) == []
    # a nonsense query that finds something is not judged here
    assert check.evaluate([], site(searches(run("nonsense", "qxzvbwkj")))) == []


def test_speed_thresholds():
    check = SearchSpeed()
    slow = searches(*(run("product", f"q{i}", ms=2100.0 + i) for i in range(3)))
    (f,) = check.evaluate([], site(slow))
    assert f.severity == "moderate" and f.evidence["median_ms"] == 2101.0
    assert f.evidence["thresholds_ms"] == [1000, 3000]
    assert 50 < check.score([f], 1) < 100
    very = searches(run("product", "q", ms=4000.0))
    (f,) = check.evaluate([], site(very))
    assert f.severity == "serious"
    fast = searches(
        run("product", "q", ms=300.0),
        run("variant", "r", ms=2500.0),
        run("nonsense", "z", ms=400.0),
    )
    assert check.evaluate([], site(fast)) == [] and check.score([], 1) == 100.0
    assert check.evaluate([], site(searches())) == [] and check.score([], 1) is None


def test_speed_thresholds_are_validated():
    check = SearchSpeed({"thresholds_ms": [3000, 1000]})
    with pytest.raises(ConfigError, match="thresholds_ms"):
        check.configure(quick_settings())


def test_search_options_are_validated_in_one_place():
    bad = quick_settings(checks={"search.results": {"url_pattern": "/search?q="}})
    with pytest.raises(ConfigError, match="url_pattern"):
        SearchSpeed().configure(bad)
    bad = quick_settings(checks={"search.results": {"synonyms": {"jacket": "coat"}}})
    with pytest.raises(ConfigError, match="synonyms"):
        SearchBox().configure(bad)
    good = quick_settings(checks={"search.results": {"queries": ["kettle => /p/kettle"]}})
    check = SearchTolerance()
    check.configure(good)
    assert check.run_options["queries"] == ["kettle => /p/kettle"]


def test_suggestions():
    check = SearchSuggestions()
    (f,) = check.evaluate([], site(searches(autocomplete={"prefix": "ket", "count": 0})))
    assert f.key == "none" and f.severity == "minor"
    found = check.evaluate(
        [],
        site(searches(autocomplete={"prefix": "ket", "count": 4, "ms": 1800.0, "keyboard": False})),
    )
    assert {f.key for f in found} == {"slow", "keyboard"}
    good = searches(autocomplete={"prefix": "ket", "count": 4, "ms": 150.0, "keyboard": True})
    assert check.evaluate([], site(good)) == []
    assert check.evaluate([], site(searches())) == []


def page(url, facts, kind_title="Shop"):
    return PageView(
        url=url,
        final_url=url,
        status=200,
        template=url,
        depth=1,
        content_type="text/html",
        title=kind_title,
        error=None,
        data=facts,
        facts={"structure": {}},
    )


FIELD = {
    "selector": "#q",
    "where": "header",
    "visible": True,
    "width_px": 300,
    "width_chars": 40,
    "name": "Search",
    "name_source": "aria-label",
    "placeholder": "Search…",
    "input_name": "q",
    "role_search": True,
    "form": True,
    "method": "get",
    "action": START + "search",
    "submit": True,
    "submit_selector": "#go",
    "combobox": False,
    "snippet": "<input id=q>",
}


def test_box_defects_and_clean_twin():
    check = SearchBox()
    clean = [
        page(START, {"field": FIELD, "trigger": None, "fields": 1}),
        page(START + "p/a", {"field": FIELD, "trigger": None, "fields": 1}),
    ]
    assert check.evaluate(clean, site(searches())) == []
    assert check.details["where"] == "header" and check.details["name_source"] == "aria-label"
    bad_field = {
        **FIELD,
        "name": "Search…",
        "name_source": "placeholder",
        "width_chars": 18,
        "role_search": False,
        "submit": False,
    }
    pages = [
        page(START, {"field": bad_field, "trigger": None, "fields": 1}),
        page(START + "c/x", {"field": bad_field, "trigger": None, "fields": 1}),
        page(START + "c/z", {"field": {**FIELD, "where": "footer"}, "trigger": None, "fields": 1}),
        page(START + "about", {"field": None, "trigger": None, "fields": 0}),
        page(
            START + "c/y",
            {
                "field": {**FIELD, "visible": False},
                "trigger": {
                    "selector": "#open",
                    "where": "header",
                    "name": "Search",
                    "snippet": "<button>",
                },
                "fields": 1,
            },
        ),
    ]
    found = {f.key: f for f in check.evaluate(pages, site(searches()))}
    assert set(found) == {
        "label",
        "width",
        "landmark",
        "submit",
        "missing-on-pages",
        "hidden",
        "placement",
    }
    assert found["placement"].urls == [START + "c/z"]
    assert found["label"].urls == [START, START + "c/x"]
    assert found["label"].severity == "moderate"  # a placeholder at least; none is serious
    assert found["width"].evidence == {"width_chars": 18, "width_px": 300, "threshold_chars": 27}
    assert found["missing-on-pages"].urls == [START + "about"]
    assert found["hidden"].selector == "#open"


def test_box_no_search_at_all():
    check = SearchBox()
    pages = [page(START, {"field": None, "trigger": None, "fields": 0})]
    (f,) = check.evaluate(pages, site(searches(method=None)))
    assert f.key == "none" and f.severity == "serious"
    assert "url_pattern" in f.recommendation
