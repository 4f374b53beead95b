"""Journey 3 in a shop whose cart link opens a mini cart in place (as Shuup's does):
the walk follows the mini cart's own "View cart" to the cart page, where the twin's
cart link goes there at once. Both reach the cart and find the product in it; the
add-to-cart post is the only request with form data."""

import pytest

from checks.journeys.cart import walk_cart
from checks.journeys.common import Trip
from checks.journeys.walker import open_walk
from tests.conftest import probe_tabs, quick_settings
from tests.fixture_server import FixtureServer, Route, page

_BUY = (
    "<main><h1>Nordic Kettle</h1><p>20.00 EUR</p><form id='buy' method='post' "
    "action='/cart/add'><input type='hidden' name='product_id' value='1'>"
    "<button type='submit'>Add to cart</button></form></main><script>"
    "document.getElementById('buy').addEventListener('submit', async (e) => {"
    " e.preventDefault(); await fetch('/cart/add', {method: 'POST', body: "
    "new URLSearchParams(new FormData(e.target))});"
    " document.getElementById('n').textContent = '1'; });</script>"
)
_MINI = (
    "<header><a href='#' id='toggle' onclick=\"event.preventDefault();"
    " document.getElementById('mini').hidden = false\">Cart (<span id='n'>0</span>)</a>"
    "<div id='mini' hidden><p>1 x Nordic Kettle</p><a href='/cart'>View cart</a></div></header>"
)
_DIRECT = "<header><a href='/cart' id='toggle'>Cart (<span id='n'>0</span>)</a></header>"
_CART = page(
    "Your cart",
    "<main><h1>Your cart</h1><p>Nordic Kettle, 1 x 20.00 EUR</p><p>Total 20.00 EUR, "
    "shipping free</p><a href='/checkout'>Proceed to checkout</a></main>",
)


@pytest.mark.parametrize("header", ["mini", "direct"])
async def test_the_cart_reached_through_a_mini_cart(playwright, browser, header):
    routes = {
        "/product": page("Nordic Kettle", (_MINI if header == "mini" else _DIRECT) + _BUY),
        "/cart/add": Route('{"ok": true}', content_type="application/json"),
        "/cart": _CART,
    }
    settings = quick_settings()
    with FixtureServer(routes) as server:
        async with (
            probe_tabs(playwright, browser, settings) as tabs,
            open_walk(tabs, "desktop", True) as (tab, guard),
        ):
            opts = {"selectors": {}, "state_changes": True}
            trip = Trip(tab, tabs, "desktop", opts, server.url("/"), server.url("/product"),
                        "Nordic Kettle")  # fmt: skip
            walk = await walk_cart(trip)
        posts = [p for m, p in server.log if m == "POST"]
    assert walk["completed"], walk["stopped"]
    assert trip.in_cart and walk["steps"][-1]["url"].endswith("/cart")
    d = walk["details"]
    assert d["feedback"]["badge_changed"] and d["cart"]["product"] and d["cart"]["checkout"]
    names = [s["what"] for s in walk["steps"]]
    assert names[1] == "the cart"
    assert (names[2:] == ["'View cart' in the mini cart"]) is (header == "mini")
    assert len(names) == (3 if header == "mini" else 2)
    assert posts == ["/cart/add"] and [e["verdict"] for e in guard.log] == ["cart"]
