"""A link that is a widget (role=tab, button, menuitem) is announced as that control
and named by its label: Shuup's product tabs ``<a href="#details" role="tab">Details</a>``
are no vague link. The same text on a plain link to another page still is."""

from __future__ import annotations

import json

from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

_TABS = page(
    "Tabs",
    "<h1>Lipstick</h1><ul role='tablist'>"
    "<li><a href='#description' role='tab' data-toggle='tab'>Description</a></li>"
    "<li><a href='#details' role='tab' data-toggle='tab'>Details</a></li></ul>"
    "<div id='description' role='tabpanel'>Red.</div><div id='details' role='tabpanel'>5 g</div>",
)
_PLAIN = page(
    "Plain",
    "<h1>Lipstick</h1><p>Red. <a href='/info.html'>Details</a></p>",
)


def _routes() -> dict[str, Route | str]:
    return {
        "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/tabs.html": _TABS,
        "/plain.html": _PLAIN,
        "/info.html": page("Info", "<h1>Info</h1>"),
    }


async def _vague_pages(browser, tmp_path) -> set[str]:
    with FixtureServer(_routes()) as server:
        settings = quick_settings(
            audit={"checks": ["accessibility.link-texts"]},
            crawl={
                "start_urls": [server.url("/plain.html")],
                "use_sitemap": False,
                "follow_links": False,
            },
            sample={"all_pages": True},
        )
        path = await run_audit(server.url("/tabs.html"), settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    return {
        url.rsplit("/", 1)[-1]
        for f in results["findings"]
        if f["title"] == "Link text “Details” does not say where it leads"
        for url in f["urls"]
    }


async def test_a_tab_named_details_is_no_vague_link_but_a_plain_link_is(browser, tmp_path):
    assert await _vague_pages(browser, tmp_path) == {"plain.html"}
