"""The result-page reader on pages recorded from several shop layouts.

Each page is served by a real local server at the address its shop uses and read in
Chromium by the same script the search runs use (RESULTS_JS); ``read_results`` then
judges the facts. The demo shop's pages were saved from both twins.
"""

from pathlib import Path

import pytest

from checks.search.reader import RESULTS_JS, clean_facts, read_results
from checks.search.zero_results import zero_page_gaps
from tests.fixture_server import FixtureServer, Route

DATA = Path(__file__).parent.parent / "data" / "search"

# file, address it is served at, query, expected product path, what the reader must say
CASES = [
    (
        "shopify-results.html",
        "/search?q=kettle",
        "kettle",
        "/products/whistling-kettle",
        {
            "zero": False,
            "shown": 3,
            "stated": 3,
            "rank": 2,
            "echoed": True,
            "kept": True,
            "sort": True,
            "filters": True,
        },
    ),
    (
        "shopware-results.html",
        "/search?search=Wanderschuh",
        "Wanderschuh",
        "/Leichter-Wanderschuh-Damen/SW10043",
        {
            "zero": False,
            "shown": 2,
            "stated": 2,
            "rank": 2,
            "echoed": True,
            "kept": True,
            "sort": True,
            "filters": True,
        },
    ),
    (
        "woocommerce-results.html",
        "/?s=lamp&post_type=product",
        "lamp",
        "/product/brass-desk-lamp/",
        # the header box of this theme forgets the query
        {
            "zero": False,
            "shown": 4,
            "stated": 4,
            "rank": 1,
            "echoed": True,
            "kept": False,
            "sort": True,
        },
    ),
    (
        "magento-results.html",
        "/catalogsearch/result/?q=yoga+mat",
        "yoga mat",
        "/sprite-yoga-mat.html",
        {
            "zero": False,
            "shown": 3,
            "stated": 3,
            "rank": 1,
            "echoed": True,
            "kept": True,
            "sort": True,
            "filters": True,
        },
    ),
    (
        "demo-clean-results.html",
        "/search?q=jacket",
        "jacket",
        None,
        {"zero": False, "shown": 5, "stated": 5, "echoed": True, "kept": True, "sort": True},
    ),
    (
        # the query-hidden defect: "12 results", an empty box; product names that
        # contain the word do not count as repeating the query
        "demo-defects-results.html",
        "/search?q=jacket",
        "jacket",
        None,
        {"zero": False, "shown": 5, "stated": 5, "echoed": False, "kept": False},
    ),
    (
        "shopify-zero.html",
        "/search?q=qxzvbwkj",
        "qxzvbwkj",
        None,
        {
            "zero": True,
            "says_zero": True,
            "shown": 0,
            "echoed": True,
            "kept": True,
            "search_box": True,
            "suggestion": False,
        },
    ),
    (
        "shopware-zero.html",
        "/search?search=qxzvbwkj",
        "qxzvbwkj",
        None,
        {"zero": True, "says_zero": True, "stated": 0, "echoed": True, "kept": True},
    ),
    (
        "woocommerce-zero.html",
        "/?s=qxzvbwkj&post_type=product",
        "qxzvbwkj",
        None,
        {"zero": True, "says_zero": True, "echoed": True, "kept": True},
    ),
    (
        "magento-zero.html",
        "/catalogsearch/result/?q=qxzvbwkj",
        "qxzvbwkj",
        None,
        {"zero": True, "says_zero": True, "echoed": True, "kept": True, "suggestion": True},
    ),
    (
        "demo-clean-zero.html",
        "/search?q=qxzvbwkj",
        "qxzvbwkj",
        None,
        {
            "zero": True,
            "says_zero": True,
            "echoed": True,
            "kept": True,
            "search_box": True,
            "chrome": True,
        },
    ),
    (
        "demo-defects-zero.html",
        "/search?q=qxzvbwkj",
        "qxzvbwkj",
        None,
        {
            "zero": True,
            "says_zero": True,
            "stated": 0,
            "echoed": False,
            "kept": False,
            "search_box": False,
            "help_links": 0,
            "chrome": False,
        },
    ),
]

# what each zero-results page lacks (NN/g's list), or [] for a helpful one
ZERO_GAPS = {
    "shopify-zero.html": ["offers no suggestions, categories or popular products"],
    "shopware-zero.html": [],
    "woocommerce-zero.html": ["offers no suggestions, categories or popular products"],
    "magento-zero.html": [],
    "demo-clean-zero.html": [],
    "demo-defects-zero.html": [
        "does not repeat the query",
        "shows no search box with the query",
        "offers no suggestions, categories or popular products",
        "drops the shop's header and menu",
    ],
}


def _at(address: str, name: str) -> str:
    return f"{address}{'&' if '?' in address else '?'}page={name.removesuffix('.html')}"


@pytest.fixture(scope="module")
def served():
    # each page at its own address: the query string tells the twins apart
    routes = {_at(address, name): Route((DATA / name).read_text()) for name, address, *_ in CASES}
    with FixtureServer(routes) as server:
        yield server


@pytest.mark.parametrize(
    ("name", "address", "query", "expected", "want"), CASES, ids=[c[0] for c in CASES]
)
async def test_reader_on_recorded_pages(browser, served, name, address, query, expected, want):
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(served.url(_at(address, name)))
        facts = clean_facts(await page.evaluate(RESULTS_JS))
    finally:
        await context.close()
    read = read_results(facts, query, [expected] if expected else None)
    got = {k: read[k] for k in want}
    assert got == want
    if name in ZERO_GAPS:
        assert zero_page_gaps(read) == ZERO_GAPS[name]


def test_reader_on_plain_facts():
    facts = {
        "title": "Shop",
        "h1": "Results",
        "text": "Showing 1–24 of 1.234 products",
        "links": [["http://s/p/a", "A", True, True], ["http://s/p/b", "B", True, True]],
        "fields": [["red kettle", True, True]],
    }
    read = read_results(facts, "Red  Kettle", ["/p/b"])
    assert (read["stated"], read["shown"], read["rank"], read["kept"]) == (1234, 2, 2, True)
    assert read["echoed"] is False  # neither title, heading nor text names the query
    read = read_results({**facts, "text": "24 results for “red kettle”"}, "red kettle")
    assert read["echoed"] is True and read["stated"] == 24
    # German: "Keine Treffer" is a zero-results page, even with product links beside it
    zero = read_results({**facts, "text": "Leider keine Treffer für „xyz“."}, "xyz")
    assert zero["zero"] and zero["says_zero"] and zero["shown"] == 0 and zero["echoed"]
    # a page without a search field on it cannot keep the query
    assert read_results({**facts, "fields": []}, "red kettle")["kept"] is False
