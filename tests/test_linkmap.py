"""The whole-site link map (issue: accuracy): pages the per-template sample leaves out
are read over HTTP, so click depth and pagination are judged on the whole shop; sort
and filter variants of a listing are followed a few times at most."""

from __future__ import annotations

import json

from auditor.frontier import Frontier, facet_query
from auditor.linkmap import read_links
from auditor.runner import run_audit
from auditor.urls import Scope, TemplateGrouper
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, page

# -- reading links from HTML fetched without the browser ----------------------------------


def test_links_are_read_absolute_in_order_without_scripts_and_mail():
    html = b"""<html><head><title> Shoes \n page </title><base href="/shop/">
    <link rel="next" href="?page=2"><link rel="stylesheet" href="a.css">
    <link rel="canonical" href="https://s.example/shop/shoes"></head><body>
    <a href="shoes">Shoes</a><a href="javascript:void(0)">x</a><a href="#top">top</a>
    <a href="mailto:a@b.c">mail</a><map><area href="/sale"></map><a href="http://[oops">bad</a>
    </body></html>"""
    found = read_links(html, "https://s.example/start")
    assert found.title == "Shoes page"
    assert found.links == [
        "https://s.example/shop/?page=2",
        "https://s.example/shop/shoes",
        "https://s.example/sale",
    ]
    assert found.canonical == "https://s.example/shop/shoes"


def test_garbage_and_odd_charsets_give_no_error():
    assert read_links(b"", "https://s.example/").links == []
    assert read_links(b"\x00\xff\xfe garbage <a", "https://s.example/").links == []
    latin = "<title>Gr\u00f6\u00dfen</title><a href='/x'>x</a>".encode("latin-1")
    found = read_links(latin, "https://s.example/", "text/html; charset=ISO-8859-1")
    assert found.title == "Gr\u00f6\u00dfen" and found.links == ["https://s.example/x"]
    many = b"".join(b"<a href='/p%d'>p</a>" % i for i in range(100))
    assert len(read_links(many, "https://s.example/", limit=10).links) == 10


# -- the frontier: variants and the map's budget ------------------------------------------


def frontier(**kw) -> Frontier:
    scope = Scope(["https://s.example/"], False, [], [])
    return Frontier(scope, TemplateGrouper(), lambda _u: True, 100, 12, 2, **kw)


def test_sort_and_filter_variants_of_a_listing_are_followed_a_few_times():
    f = frontier(max_variants=2, max_urls=100)
    base = "https://s.example/shoes"
    assert facet_query(f"{base}?color=red&page=3") == "color=red"
    assert facet_query(f"{base}?page=3") is None
    assert facet_query("https://s.example/product?id=7") is None  # an id is not a facet
    assert facet_query(f"{base}?filter[size]=42") == "filter[size]=42"
    reasons = [
        f.offer(f"{base}?color=red", 1),
        f.offer(f"{base}?color=blue", 1),
        f.offer(f"{base}?color=red&page=2", 2),  # a page of a variant already followed
        f.offer(f"{base}?color=green", 1),
        f.offer(f"{base}?sort=price&color=red", 1),
        f.offer(f"{base}?page=9", 1),  # page numbers are never variants
        f.offer("https://s.example/bags?color=green", 1),  # another listing
    ]
    assert reasons[3] == reasons[4] == "variants"
    assert "variants" not in (reasons[:3] + reasons[5:])
    assert f.skipped["variants"] == 2


def test_pages_beyond_the_sample_go_to_the_link_map_within_max_urls():
    f = frontier(max_urls=3)
    for i in range(8):
        f.offer(f"https://s.example/product/{i}", 1)
    assert len(f) == 2  # the rendered sample of the template
    assert f.to_map == 3  # the next three are read over HTTP, the rest not at all
    assert [f.pop_to_map().url for _ in range(3)] == [
        f"https://s.example/product/{i}" for i in (2, 3, 4)
    ]
    assert f.pop_to_map() is None
    off = frontier(max_urls=0)
    for i in range(8):
        off.offer(f"https://s.example/product/{i}", 1)
    assert off.to_map == 0


# -- a deep product behind Previous/Next pagination, beyond the render budget -------------


def archive_shop(hidden_on_page: int, dead_link_on_page: int = 0) -> dict[str, str]:
    """Home → /archive (Next-only pagination, 6 pages); two products on page 1 and a
    third on ``hidden_on_page``; only two pages of any template are rendered."""
    routes = {"/": page("Home", "<nav><a href='/archive'>Archive</a></nav><main>Hi</main>")}
    for n in range(1, 7):
        url = "/archive" if n == 1 else f"/archive?page={n}"
        items = ""
        if n == 1:
            items += "<a href='/product/tent-1'>Tent</a><a href='/product/stove-2'>Stove</a>"
        if n == hidden_on_page:
            items += "<a href='/product/lantern-3'>Lantern</a>"
        if n == dead_link_on_page:
            items += "<a href='/product/discontinued-9'>Old</a>"
        nav = f"<a rel='next' href='/archive?page={n + 1}'>Next</a>" if n < 6 else ""
        back = "/archive" if n == 2 else f"/archive?page={n - 1}"
        prev = f"<a rel='prev' href='{back}'>Previous</a>" if n > 1 else ""
        routes[url] = page(f"Archive {n}", f"<main><h1>Archive</h1>{items}{prev}{nav}</main>")
    for slug in ("tent-1", "stove-2", "lantern-3"):
        routes[f"/product/{slug}"] = page(
            slug.title(),
            f"<main><h1>{slug}</h1><form><button>Add to cart</button></form>"
            "<p>Price 10 EUR</p></main>",
        )
    return routes


async def audit_archive(browser, tmp_path, hidden_on_page: int, max_urls: int = 20000) -> dict:
    with FixtureServer(archive_shop(hidden_on_page)) as srv:
        settings = quick_settings(
            audit={"checks": ["navigation.click-depth", "navigation.pagination"]},
            crawl={"max_pages_per_template": 2, "max_urls": max_urls, "use_sitemap": False},
        )
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        lantern_requests = srv.requests_to("/product/lantern-3")
    results = json.loads(path.read_text())
    results["_lantern_requests"] = lantern_requests
    return results


def lantern_findings(results: dict) -> list[dict]:
    return [
        f
        for f in results["findings"]
        if any(u.endswith("/product/lantern-3") for u in f.get("urls") or [f.get("url") or ""])
    ]


async def test_a_product_behind_late_pages_is_judged_though_no_browser_renders_it(
    browser, tmp_path
):
    results = await audit_archive(browser, tmp_path, hidden_on_page=5)
    rendered = {p["url"].rsplit("/", 1)[-1] for p in results["pages"]}
    assert "lantern-3" not in rendered  # beyond the sample: read over HTTP only
    assert results["_lantern_requests"] == 1
    assert results["stats"]["urls_mapped"] >= 4
    checks = {f["check"] for f in lantern_findings(results)}
    assert checks == {"navigation.click-depth", "navigation.pagination"}
    depth = next(f for f in lantern_findings(results) if f["check"] == "navigation.click-depth")
    assert depth["evidence"]["depth"] == 6 and depth["evidence"]["kind"] == "product"


async def test_without_the_link_map_the_sample_hides_it(browser, tmp_path):
    results = await audit_archive(browser, tmp_path, hidden_on_page=5, max_urls=0)
    assert results["_lantern_requests"] == 0
    assert lantern_findings(results) == []


async def test_the_repaired_archive_gives_no_finding(browser, tmp_path):
    results = await audit_archive(browser, tmp_path, hidden_on_page=1)
    assert results["_lantern_requests"] == 1  # still read over HTTP, and judged
    assert lantern_findings(results) == []


async def test_a_dead_link_on_a_page_no_browser_renders_is_found(browser, tmp_path):
    with FixtureServer(archive_shop(hidden_on_page=1, dead_link_on_page=4)) as srv:
        settings = quick_settings(
            audit={"checks": ["navigation.broken-links"]},
            crawl={"max_pages_per_template": 2, "use_sitemap": False},
        )
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    rendered = {p["url"] for p in results["pages"]}
    broken = [f for f in results["findings"] if f["title"] == "Link leads to an error page"]
    assert len(broken) == 1 and broken[0]["evidence"]["status"] == 404
    assert broken[0]["urls"] == [srv.url("/archive?page=4")]
    assert srv.url("/archive?page=4") not in rendered  # read over HTTP only
