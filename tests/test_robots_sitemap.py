import gzip

import pytest

from auditor.fetch import FetchResult
from auditor.robots import RobotsPolicy, rules_from_response
from auditor.sitemap import collect_sitemap_urls, parse_sitemap

ROBOTS = b"""User-agent: *
Disallow: /private/
Crawl-delay: 2

User-agent: ShopAuditor
Disallow: /checkout
Crawl-delay: 0.5

Sitemap: https://s.example/sitemap.xml
"""


def test_robots_rules_for_our_agent():
    rules = rules_from_response("https://s.example", FetchResult("u", 200, body=ROBOTS))
    assert not rules.allows("https://s.example/checkout", "ShopAuditor")
    assert rules.allows("https://s.example/private/x", "ShopAuditor")  # its own group wins
    assert not rules.allows("https://s.example/private/x", "OtherBot")
    assert rules.crawl_delay("ShopAuditor") == 0.5
    assert rules.sitemaps == ["https://s.example/sitemap.xml"]


@pytest.mark.parametrize(
    ("status", "allowed"),
    [(404, True), (410, True), (401, True), (500, False), (503, False), (None, False)],
)
def test_robots_without_a_usable_file_follows_rfc9309(status, allowed):
    rules = rules_from_response("https://s.example", FetchResult("u", status, error="x"))
    assert rules.allows("https://s.example/anything", "ShopAuditor") is allowed


async def test_policy_fetches_once_per_origin_and_can_be_switched_off():
    calls = []

    async def fetch(url):
        calls.append(url)
        return FetchResult(url, 200, body=b"User-agent: *\nDisallow: /\n")

    policy = RobotsPolicy(fetch, "ShopAuditor")
    await policy.rules_for("https://s.example/a")
    await policy.rules_for("https://s.example/b")
    assert calls == ["https://s.example/robots.txt"]
    assert policy.allows("https://s.example/a") is False
    policy.respect = False
    assert policy.allows("https://s.example/a") is True


URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://s.example/</loc></url>
  <url><loc> https://s.example/product/a </loc><lastmod>2026-01-01</lastmod></url>
</urlset>"""
INDEX = b"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://s.example/sm-pages.xml</loc></sitemap>
  <sitemap><loc>https://s.example/sm-products.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_parse_urlset_index_and_gzip():
    assert parse_sitemap(URLSET) == (["https://s.example/", "https://s.example/product/a"], [])
    pages, children = parse_sitemap(INDEX)
    assert pages == [] and len(children) == 2
    assert parse_sitemap(gzip.compress(URLSET))[0][1] == "https://s.example/product/a"


def test_sitemap_with_entities_is_refused():
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><urlset><url><loc>&a;</loc></url></urlset>'
    with pytest.raises(ValueError):
        parse_sitemap(evil)


async def test_collect_walks_indexes_and_reports_broken_files():
    files = {
        "https://s.example/sitemap.xml": FetchResult("", 200, body=INDEX),
        "https://s.example/sm-pages.xml": FetchResult("", 200, body=URLSET),
        "https://s.example/sm-products.xml.gz": FetchResult("", 200, body=b"\x1f\x8bbroken"),
    }

    async def fetch(url):
        return files.get(url, FetchResult(url, 404))

    found = await collect_sitemap_urls(fetch, ["https://s.example/sitemap.xml"])
    assert found.urls == ["https://s.example/", "https://s.example/product/a"]
    assert len(found.problems) == 1 and "sm-products" in found.problems[0]
