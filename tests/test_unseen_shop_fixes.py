"""What an audit of a django-oscar shop showed (issue: accuracy), each at its root:
products at addresses no pattern knows, menu toggles taken for cart links, filter
widgets crawled on every category, checks that scored what they never tried, and a
desktop audit described as throttled."""

from __future__ import annotations

from auditor.frontier import Frontier
from auditor.pagekinds import page_kind
from auditor.plugins import SiteView
from auditor.urls import Scope, TemplateGrouper
from checks.navigation.menus import _is_utility
from checks.search import SearchSuggestions, SearchTolerance
from reports.sections.performance import _conditions

START = "http://127.0.0.1:8000/"


def test_one_add_to_cart_under_a_heading_is_a_product_wherever_it_lives():
    product = {"h1": "Salt and Iron", "add_to_cart": True, "add_to_cart_count": 1}
    listing = {"h1": "Fiction", "add_to_cart": True, "add_to_cart_count": 20}
    # a buy box with a quantity field above "recently viewed" cards with their own buttons
    viewed = {"h1": "Glass Orchard", "add_to_cart_count": 4, "quantity_fields": 1}
    assert page_kind(START + "catalogue/salt-and-iron_6/", None, product, START) == "product"
    assert page_kind(START + "catalogue/fiction/", None, listing, START) != "product"
    assert page_kind(START + "catalogue/glass-orchard_3/", None, viewed, START) == "product"
    # the home page stays home, however it sells
    assert page_kind(START, None, product, START) == "home"


def test_a_menu_toggle_to_the_page_itself_is_no_cart_link():
    toggle = {"items": [["Browse store", START + "basket/#"]]}
    bar = {"items": [["Basket", START + "basket/"], ["Sign in", START + "accounts/login/"]]}
    assert _is_utility(toggle) is False
    assert _is_utility(bar) is True


def test_filter_variants_share_one_budget_per_section_of_listings():
    f = Frontier(
        Scope([START], False, [], []),
        TemplateGrouper(),
        lambda _u: True,
        500,
        12,
        50,
        max_variants=2,
    )
    reasons = [
        f.offer(f"{START}catalogue/category/{parent}/books-{n}/?selected_facets=rating%3A{r}", 1)
        for n, parent in ((1, "books"), (2, "clothing"), (3, "home"))
        for r in ("one", "two")
    ]
    # six filter links on three categories under three parents: two variants in all
    assert reasons.count(None) == 2 and reasons.count("variants") == 4


def test_checks_that_tried_nothing_claim_no_score():
    site = SiteView(START, {}, {}, [], {}, site_data={"start": START})
    suggestions, tolerance = SearchSuggestions(), SearchTolerance()
    assert suggestions.evaluate([], site) == [] and suggestions.score([], 10) is None
    assert suggestions.details == {"tested": False}
    assert tolerance.evaluate([], site) == [] and tolerance.score([], 10) is None
    typed = SiteView(
        START, {}, {}, [], {}, site_data={"autocomplete": {"prefix": "sh", "count": 4}}
    )
    assert suggestions.evaluate([], typed) == [] and suggestions.score([], 10) == 100.0


def test_a_desktop_audit_is_not_described_as_throttled():
    settings = {"measurement": {"cpu_slowdown": 4.0, "rtt_ms": 150.0, "download_kbps": 1600.0}}
    assert _conditions({"profile": "desktop", "settings": settings}) == ""
    assert "CPU slowed 4" in _conditions({"profile": "mobile", "settings": settings})
