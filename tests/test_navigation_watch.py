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


async def test_a_starved_machine_delays_the_verdict_but_does_not_prevent_it(tab):
    """A page that misses a question while a blank tab of the same browser is slow too
    is asked again (the cores are held by others), a bounded number of times: the
    verdict on a spinning page comes later, and it still comes."""
    from auditor.browser import MAX_FORGIVEN, _control_tab

    watch_navigation(tab)
    control = await _control_tab(tab)
    assert control is not None
    with FixtureServer(ROUTES) as srv:
        await tab.goto(srv.url("/spin"), wait_until="commit")
        verdicts = [await responsive(tab, 0.5) for _ in range(3)]  # past its commit
        assert verdicts[-1] is False, verdicts
        await control.evaluate("setTimeout(() => { for (;;) {} }, 0)")  # the control starves
        try:
            began = time.monotonic()
            verdict = await responsive(tab, 0.5, asks=1)
            took = time.monotonic() - began
        finally:
            await control.close()  # the next question opens a fresh control tab
    assert verdict is False
    # each forgiven question waited its full patience, and so did the one that counted
    assert took >= (MAX_FORGIVEN + 1) * 0.5, took
    assert (await _control_tab(tab)) is not control
