"""auditor.browser's hang detection in a real Chromium: a page sending itself elsewhere
is alive, a page whose script never yields is not (issue: reliability)."""

from __future__ import annotations

import time

import pytest_asyncio

from auditor.browser import responsive, watch_navigation
from tests.fixture_server import FixtureServer, Route, page

ROUTES = {
    "/": page("Home", "<main><h1>Home</h1><a href='/next'>Next</a></main>"),
    "/next": page("Next", "<main><h1>Next</h1></main>"),
    # a meta refresh that sends the page on once it has loaded
    "/refresh": page(
        "Moving", "<p>Moving</p>", head="<meta http-equiv='refresh' content='0;url=/next'>"
    ),
    "/spin": page("Spin", "<p>Spin</p><script>for (;;) {}</script>"),
    "/slow": Route(page("Slow", "<p>Slow</p>"), delay=1.0),
}


@pytest_asyncio.fixture
async def tab(browser):
    context = await browser.new_context()
    yield await context.new_page()
    await context.close()


async def test_the_watch_sees_every_navigation_of_the_main_frame(tab):
    watch = watch_navigation(tab)
    assert watch_navigation(tab) is watch  # attached once
    with FixtureServer(ROUTES) as srv:
        await tab.goto(srv.url("/"))
        settled = time.monotonic()
        assert not watch.navigated_since(settled)  # a loaded page at rest
        async with tab.expect_navigation():
            await tab.click("a")
        assert watch.navigated_since(settled)
        moment = time.monotonic()
        async with tab.expect_navigation(url="**/next"):
            await tab.goto(srv.url("/refresh"))
        assert watch.navigated_since(moment)  # the refresh's own navigation counts


async def test_a_navigating_page_answers_and_a_spinning_one_does_not(tab):
    watch_navigation(tab)
    with FixtureServer(ROUTES) as srv:
        await tab.goto(srv.url("/"))
        assert await responsive(tab, 5.0)
        # on its way to a slow page the tab still answers (the old document, then the new)
        async with tab.expect_navigation(url="**/slow"):
            await tab.evaluate("location.href = '/slow'")
            assert await responsive(tab, 5.0)
        spinning = await tab.context.new_page()
        watch_navigation(spinning)
        await spinning.goto(srv.url("/spin"), wait_until="commit")
        # just after its commit the page counts as navigating; a second later, as hung
        verdicts = [await responsive(spinning, 0.5) for _ in range(3)]
        assert verdicts[-1] is False, verdicts
