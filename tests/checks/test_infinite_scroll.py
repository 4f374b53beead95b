"""Infinite scroll, found by scrolling a real listing in Chromium; its twins are not."""

import json

from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, page

CARDS = "".join(
    f"<li style='height:300px'><a href='/product/p{i}'>Product {i}</a></li>" for i in range(12)
)
MORE = "".join(f"<li><a href='/product/p{i}'>Product {i}</a></li>" for i in range(12, 24))
ENDLESS = page(
    "Tents",
    f"<h1>Tents</h1><ul id='grid'>{CARDS}</ul><div id='end'></div>"
    "<script>new IntersectionObserver(async (entries) => {"
    "  if (!entries[0].isIntersecting || window.loaded) return; window.loaded = true;"
    "  const html = await (await fetch('/more')).text();"
    "  document.getElementById('grid').insertAdjacentHTML('beforeend', html);"
    "}).observe(document.getElementById('end'));</script>",
)
PAGED = page(
    "Tents",
    f"<h1>Tents</h1><ul>{CARDS}</ul>"
    "<nav aria-label='Pagination'><a href='/category/tents?page=2' rel='next'>2</a></nav>",
)
STILL = page("Tents", f"<h1>Tents</h1><ul>{CARDS}</ul>")


def shop(listing):
    routes = {
        "/": page("Home", "<a href='/category/tents'>Tents</a>"),
        "/category/tents": listing,
        "/more": MORE,
    }
    routes.update({f"/product/p{i}": page(f"P{i}", "<a href='/'>Home</a>") for i in range(24)})
    return routes


async def findings_for(listing, browser, tmp_path):
    settings = quick_settings(audit={"checks": ["navigation.pagination"]}, crawl={"max_depth": 1})
    with FixtureServer(shop(listing)) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
        more_requests = server.requests_to("/more")
    results = json.loads(path.read_text())
    return [f for f in results["findings"] if f["check"] == "navigation.pagination"], more_requests


async def test_a_listing_that_grows_when_scrolled_is_found(browser, tmp_path):
    found, more = await findings_for(ENDLESS, browser, tmp_path)
    assert more == 1  # probed once, by scrolling, not by guessing
    assert [f["title"] for f in found] == ["Infinite scroll without pages to link to"]
    assert found[0]["url"].endswith("/category/tents")


async def test_paginated_and_static_listings_are_not(browser, tmp_path):
    for listing in (PAGED, STILL):
        found, _ = await findings_for(listing, browser, tmp_path)
        assert found == []
