"""The journeys' route guard in a real Chromium: what a page may send while a journey
walks it. Only add-to-cart leaves with form data (and not even that when switched off);
anything else with a body, and any order-complete address, is stopped in the browser,
as the fixture server's own request log shows."""

import pytest

from checks.journeys.walker import open_walk
from tests.conftest import probe_tabs, quick_settings
from tests.fixture_server import FixtureServer, Route, page

_SEND = """
async ([url, body]) => {
  try { const r = await fetch(url, {method: 'POST', body, headers: {'Content-Type': 'application/x-www-form-urlencoded'}}); return r.status; }
  catch (e) { return 'blocked'; }
}
"""


def routes():
    return {
        "/": page("Shop", "<main><h1>Shop</h1></main>"),
        "/cart/add": Route("added"),
        "/newsletter": Route("subscribed"),
        "/checkout": Route("ordered"),
        "/checkout/onepage/success/": page("Thank you", "<p>Order 1</p>"),
    }


@pytest.mark.parametrize("allow_cart", [True, False])
async def test_only_add_to_cart_leaves_with_form_data(playwright, browser, allow_cart):
    settings = quick_settings()
    with FixtureServer(routes()) as server:
        async with (
            probe_tabs(playwright, browser, settings) as tabs,
            open_walk(tabs, "desktop", allow_cart) as (tab, guard),
        ):
            await tab.goto(server.url("/"))
            cart = await tab.evaluate(_SEND, [server.url("/cart/add"), "slug=kettle&qty=1"])
            news = await tab.evaluate(_SEND, [server.url("/newsletter"), "email=a%40b.c"])
            order = await tab.evaluate(_SEND, [server.url("/checkout"), "name=A&email=a%40b.c"])
            with pytest.raises(Exception):  # noqa: B017 - aborted by the guard
                await tab.goto(server.url("/checkout/onepage/success/"))
        log = list(server.log)
    posts = [p for m, p in log if m == "POST"]
    assert posts == (["/cart/add"] if allow_cart else [])
    assert ("GET", "/checkout/onepage/success/") not in log
    assert (cart == 200) is allow_cart and news == "blocked" and order == "blocked"
    verdicts = [e["verdict"] for e in guard.log]
    assert verdicts[0] == ("cart" if allow_cart else "blocked: POST with form data")
    assert verdicts[1:] == [
        "blocked: POST with form data",
        "blocked: POST with form data",
        "blocked: an order-complete address",
    ]


async def test_test_data_leaves_only_while_armed_for_its_host(playwright, browser):
    """The checkout arms the guard for one submission of a step filled with test data:
    then a form may go to that host, never one naming a password or card field, and
    never before or after."""
    from urllib.parse import urlsplit

    settings = quick_settings()
    with FixtureServer(routes()) as server:
        async with (
            probe_tabs(playwright, browser, settings) as tabs,
            open_walk(tabs, "desktop", True) as (tab, guard),
        ):
            await tab.goto(server.url("/"))
            before = await tab.evaluate(_SEND, [server.url("/checkout"), "name=A&email=a%40b.c"])
            guard.test_data_host = urlsplit(server.url("/")).netloc
            armed = await tab.evaluate(_SEND, [server.url("/checkout"), "name=A&email=a%40b.c"])
            card = await tab.evaluate(_SEND, [server.url("/checkout"), "name=A&cc-number=4111"])
            guard.test_data_host = "elsewhere.example:80"
            other = await tab.evaluate(_SEND, [server.url("/checkout"), "name=A"])
            guard.test_data_host = None
            after = await tab.evaluate(_SEND, [server.url("/checkout"), "name=A"])
        log = list(server.log)
    assert [p for m, p in log if m == "POST"] == ["/checkout"]
    assert (before, armed, card, other, after) == ("blocked", 200, "blocked", "blocked", "blocked")
    assert [e["verdict"] for e in guard.log] == [
        "blocked: POST with form data",
        "test data",
        "blocked: test data with a card, IBAN or password field",
        "blocked: POST with form data",
        "blocked: POST with form data",
    ]
