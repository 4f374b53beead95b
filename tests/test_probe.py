"""Probe tabs: the site stage's own tabs keep to robots.txt and leave nothing open."""

from auditor.plugins import SiteView
from auditor.runner import SiteContext
from tests.conftest import probe_tabs, quick_settings
from tests.fixture_server import FixtureServer, Route, page


async def test_probe_tab_loads_politely_and_closes(playwright, browser):
    routes = {
        "/robots.txt": Route("User-agent: *\nDisallow: /private\n", content_type="text/plain"),
        "/": page("Home", "<h1>Home</h1><a href='/private/x'>x</a>"),
        "/private/x": page("Private", "<h1>Private</h1>"),
        "/gone": Route(page("Gone", "<h1>Gone</h1>"), status=404),
    }
    settings = quick_settings()
    with FixtureServer(routes) as server:
        async with probe_tabs(playwright, browser, settings) as tabs:
            contexts_before = len(browser.contexts)
            async with tabs.open(server.url("/")) as tab:
                assert tab is not None
                assert await tab.title() == "Home"
                assert len(browser.contexts) == contexts_before + 1
            assert len(browser.contexts) == contexts_before
            async with tabs.open(server.url("/private/x")) as tab:
                assert tab is None
            async with tabs.open(server.url("/gone")) as tab:
                assert tab is None
            async with tabs.open(viewport={"width": 320, "height": 600}) as tab:
                assert tab is not None and tab.viewport_size["width"] == 320
    assert server.requests_to("/private/x") == 0
    assert server.requests_to("/") == 1


def test_samples_take_one_successful_page_per_template(tmp_path):
    from auditor.model import PageError, PageRecord

    records = [
        PageRecord(url="http://s/", template="/", status=200, content_type="text/html"),
        PageRecord(url="http://s/p/a", template="/p/*", status=200, content_type="text/html"),
        PageRecord(url="http://s/p/b", template="/p/*", status=200, content_type="text/html"),
        PageRecord(url="http://s/c/x", template="/c/*", status=404, content_type="text/html"),
        PageRecord(url="http://s/c/y", template="/c/*", error=PageError("PAGE_HUNG", "hung")),
        PageRecord(url="http://s/f.pdf", template="/f", status=200, content_type="application/pdf"),
        # an old address of the home page: the same page, not probed again
        PageRecord(
            url="http://s/index.html",
            final_url="http://s/",
            template="/index.html",
            status=200,
            content_type="text/html",
        ),
    ]
    path = tmp_path / "pages.jsonl"
    import json

    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in records))
    view = SiteView("http://s/", {}, {}, [], {})
    ctx = SiteContext(None, None, quick_settings(), {}, view, path)
    assert [s.url for s in ctx.samples()] == ["http://s/", "http://s/p/a"]
    assert [s.url for s in ctx.samples(2)] == ["http://s/", "http://s/p/a", "http://s/p/b"]
    assert ctx.samples()[0].kind == "home"


async def test_slots_serve_steps_before_background_work_and_count_who_waits():
    import asyncio

    from auditor.probe import Slots

    slots = Slots(1)
    served: list[str] = []
    await slots.acquire()  # the one slot is taken

    async def ask(name: str, background: bool) -> None:
        await slots.acquire(background=background)
        served.append(name)

    probe = asyncio.ensure_future(ask("probe", True))
    await asyncio.sleep(0)
    assert slots.waiting == 0 and slots.locked()  # background work is not a waiting step
    search = asyncio.ensure_future(ask("search", False))
    journey = asyncio.ensure_future(ask("journey", False))
    await asyncio.sleep(0)
    assert slots.waiting == 2
    for _ in range(3):
        slots.release()
        await asyncio.sleep(0)
    await asyncio.gather(probe, search, journey)
    # steps first, in the order they asked; the probe, which asked first, last
    assert served == ["search", "journey", "probe"]
    assert slots.waiting == 0 and slots.locked()  # the last one still holds its slot
    slots.release()
    assert not slots.locked()


async def test_a_slot_given_to_a_cancelled_waiter_goes_on():
    import asyncio

    from auditor.probe import Slots

    slots = Slots(1)
    await slots.acquire()
    gone = asyncio.ensure_future(slots.acquire())
    later = asyncio.ensure_future(slots.acquire())
    await asyncio.sleep(0)
    gone.cancel()
    slots.release()
    await asyncio.wait_for(later, 5)
    assert gone.cancelled() and later.result() is True and slots.locked()


async def test_alone_waits_for_the_other_tabs_and_holds_them_off_meanwhile():
    import asyncio

    from auditor.probe import Slots

    slots = Slots(3)
    await slots.acquire()  # the measuring step's own tab
    await slots.acquire()  # another step's tab, busy
    events: list[str] = []

    async def measure() -> None:
        async with slots.alone(max_wait=30) as alone:
            events.append(f"alone={alone}")
            await asyncio.sleep(0)  # a newcomer may ask meanwhile: it must wait
            events.append("measured")

    async def newcomer() -> None:
        async with slots:
            events.append("newcomer")

    task = asyncio.ensure_future(measure())
    while slots.waiting == 0:  # until it holds the free slot and waits for the busy one
        await asyncio.sleep(0)
    late = asyncio.ensure_future(newcomer())
    await asyncio.sleep(0)
    assert events == []  # the busy tab still works
    slots.release()  # it is done
    await asyncio.wait_for(asyncio.gather(task, late), 5)
    assert events == ["alone=True", "measured", "newcomer"]
    slots.release()  # the step's own
    assert not slots.locked()


async def test_alone_gives_up_in_time_and_keeps_no_slot():
    import asyncio

    from auditor.probe import Slots

    slots = Slots(3)
    await slots.acquire()  # the measuring step's own
    await slots.acquire()  # a tab that never finishes
    async with slots.alone(max_wait=0.05) as alone:
        assert alone is False
        assert not slots.locked()  # the free third slot was given back at once
    async with slots:  # and nothing is held afterwards
        assert slots.locked()
    await asyncio.wait_for(slots.acquire(), 1)


async def test_probe_work_started_beside_a_step_lets_the_step_have_the_slot_first():
    import asyncio

    from auditor.probe import ProbeTabs, Slots

    tabs = ProbeTabs(None, quick_settings(), None, None, Slots(1))
    order: list[str] = []

    async def take(name: str, background: bool) -> None:
        # not wanted once the slot is there: no browser tab needed to see the order
        async with tabs.open(wanted=lambda: False, background=background) as tab:
            assert tab is None
            order.append(name)

    await asyncio.gather(take("probe", True), take("search", False))
    assert order == ["search", "probe"]


async def test_a_probe_tab_answers_the_cookie_banner_then_waits_for_the_paint(playwright, browser):
    """The look for a banner and the wait for the first paint share one round trip
    where there is no banner; where there is one it is answered first, as always."""
    banner = (
        "<div id='cookie-banner' role='dialog' aria-label='Cookie consent'>We use cookies."
        "<button onclick=\"document.cookie='consent=all;path=/';this.parentNode.remove()\">"
        "Accept all</button></div>"
    )
    script = (
        "<script>if(document.cookie.includes('consent=')) "
        "document.getElementById('cookie-banner').remove()</script>"
    )
    routes = {
        "/": page("Home", "<h1>Home</h1>" + banner + script),
        "/b": page("B", "<h1>B</h1>" + banner + script),
    }
    for action, answered in (("accept", True), ("none", False)):
        settings = quick_settings(consent={"action": action})
        with FixtureServer(routes) as server:
            async with (
                probe_tabs(playwright, browser, settings) as tabs,
                tabs.open(server.url("/")) as tab,
            ):
                assert tab is not None
                shown = "() => !!document.getElementById('cookie-banner')"
                assert await tab.evaluate(shown) is not answered, action
                painted = "() => performance.getEntriesByName('first-contentful-paint').length"
                assert await tab.evaluate(painted) == 1
                # the next page of the tab: the consent cookie keeps the banner away
                assert await tabs.goto(tab, server.url("/b")) is not None
                assert await tab.evaluate(shown) is not answered, action
                assert await tab.evaluate(painted) == 1
