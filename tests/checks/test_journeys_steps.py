"""The checkout's steps and the guest checkout's weight across them.

Pure: ``step_count`` picks the most explicit indicator, ``steps_seen`` keeps the first
one the walk saw, the judge notes more than 5 steps and a guest checkout that weighs
less than signing in (a later step, below it, a text link beside its button). Live:
the ladder's scan reads the indicators of real pages in Chromium (a page with each
kind, and one without any).
"""

import pytest

from checks.journeys import judge
from checks.journeys.checkout import checkout_facts, go_on_link, steps_seen
from checks.journeys.steps import step_count
from tests.checks.ladder_scan import scan_page
from tests.fixture_server import FixtureServer, page


def _data(steps, **details):
    cart = {"journey": "cart", "persona": "desktop", "completed": True, "stopped": None,
            "steps": [], "details": {}}  # fmt: skip
    walk = {"journey": "checkout", "persona": "desktop", "completed": True, "stopped": None,
            "steps": [], "details": {"steps": steps, **steps_seen(steps), **details}}  # fmt: skip
    return {"product": {"url": "http://s/p"}, "walks": [cart, walk]}


def _step(url="http://s/checkout", **kw):
    base = {"url": url, "fields": 6, "step_indicator": True, "total": True, "lang": "en"}
    return {**base, **kw}


def _titles(data):
    return {p["title"]: p for p in judge.checkout_problems(data)}


def test_step_count_prefers_the_explicit_total():
    assert step_count({}) is None and step_count({"step_lists": []}) is None
    lists = [
        {"source": "list", "total": 4, "current": 1, "labels": ["a", "b", "c", "d"]},
        {"source": "text", "total": 6, "current": 2, "labels": []},
    ]
    assert step_count({"step_lists": lists}) == {
        "total": 6, "current": 2, "source": "text", "labels": []}  # fmt: skip
    # the text's total, the list's names where it has as many
    lists[0] = dict(lists[0], total=6, labels=list("abcdef"))
    assert step_count({"step_lists": lists})["labels"] == list("abcdef")
    platform = [{"source": "numbered list", "total": 3}, {"source": "platform:magento", "total": 2}]
    assert step_count({"step_lists": platform})["source"] == "platform:magento"
    # one item, or a list of forty, is no step indicator
    assert step_count({"step_lists": [{"source": "list", "total": 1}]}) is None
    assert step_count({"step_lists": [{"source": "list", "total": 40}]}) is None


def test_more_than_five_steps_is_a_note():
    seven = _titles(_data([_step(steps_total=7, steps_source="text", steps_labels=["a"] * 7)]))
    note = seven["The checkout has more than 5 steps"]
    assert note["severity"] == "minor" and note["evidence"]["steps"] == 7
    assert note["evidence"]["source"] == "text"
    five = _titles(_data([_step(steps_total=5, steps_source="list")]))
    assert "The checkout has more than 5 steps" not in five
    unknown = _titles(_data([_step(steps_total=None, step_indicator=False)]))
    assert "The checkout has more than 5 steps" not in unknown
    assert "The checkout does not show its steps" in unknown


def test_steps_seen_keeps_the_first_indicator_and_the_pages_walked():
    seen = steps_seen([_step(steps_total=None), _step("http://s/c2", steps_total=4,
                       steps_source="aria-current", steps_labels=["x"])])  # fmt: skip
    assert seen == {"steps_total": 4, "steps_source": "aria-current", "steps_labels": ["x"],
                    "steps_walked": 2}  # fmt: skip
    # with test data the next step may come at the same address: told apart by its number
    same = steps_seen(
        [_step(steps_total=2, steps_current=1), _step(steps_total=2, steps_current=2)]
    )
    assert same["steps_walked"] == 2
    assert steps_seen([_step(), _step()])["steps_walked"] == 1  # the same page scanned again


def test_guest_checkout_only_after_the_sign_in():
    signin = _step("http://s/login", signin_top=200, signin_button=True, guest=None)
    later = _step("http://s/checkout", guest={"name": "Guest checkout"}, guest_button=True)
    data = _data([signin, later], signin_first={"step": 1, "link": "New customer?"})
    found = _titles(data)["Guest checkout is less prominent than signing in"]
    assert found["evidence"]["reasons"] == ["later"] and found["url"] == "http://s/checkout"
    assert "step 2, behind the link 'New customer?'" in found["message"]
    # the guest checkout first, a button beside the sign-in: nothing to say
    first = _step(guest={"name": "Guest"}, guest_top=100, guest_button=True, signin_top=300,
                  signin_button=True)  # fmt: skip
    assert "Guest checkout is less prominent than signing in" not in _titles(_data([first]))


def test_guest_checkout_as_a_text_link_beside_a_sign_in_button():
    link = _step(guest={"name": "Guest"}, guest_top=100, guest_button=False, signin_top=120,
                 signin_button=True)  # fmt: skip
    found = _titles(_data([link]))["Guest checkout is less prominent than signing in"]
    assert found["evidence"]["reasons"] == ["link"]
    both_links = dict(link, signin_button=False)
    assert "Guest checkout is less prominent than signing in" not in _titles(_data([both_links]))


_PAGES = {
    "/text": page(
        "Checkout", "<main><p>Schritt 2 von 6</p><form><input name='email'></form></main>"
    ),
    "/aria": page(
        "Checkout",
        "<main><ol><li>Cart</li><li aria-current='step'>Address</li><li>Payment</li></ol></main>",
    ),
    "/magento": page(
        "Checkout",
        "<main><ul class='opc-progress-bar'>"
        "<li class='opc-progress-bar-item _active'><span>Shipping</span></li>"
        "<li class='opc-progress-bar-item'><span>Review &amp; Payments</span></li>"
        "</ul></main>",
    ),
    "/numbered": page(
        "Checkout",
        "<main><ul><li>1. Address</li><li>2. Delivery</li>"
        "<li>3. Pay</li><li>4. Check</li></ul></main>",
    ),
    "/bar": page(
        "Checkout",
        "<main><div role='progressbar' aria-valuemin='1' aria-valuemax='8'"
        " aria-valuenow='1' style='height:4px;background:#333'></div></main>",
    ),
    "/none": page(
        "Checkout",
        "<main><h1>Checkout</h1><ul><li>Free returns</li><li>Secure</li>"
        "</ul><ol><li>Step one is to relax</li></ol></main>",
    ),
    "/signin": page(
        "Checkout",
        "<main><h2>Sign in</h2><form method='post'><label>Email "
        "<input type='email' name='email'></label><label>Password <input "
        "type='password' name='pw'></label><button>Sign in</button></form>"
        "<p><a href='/checkout/guest'>New customer? Continue here</a></p></main>",
    ),
    "/signup-only": page(
        "Checkout",
        "<main><form method='post'><input type='email' name='email'><input "
        "type='password' name='pw'><button>Sign in</button></form>"
        "<p><a href='/register'>New customer? Create an account</a></p></main>",
    ),
    "/guest-link": page(
        "Checkout",
        "<main><form method='post'><input type='email' name='e'>"
        "<input type='password' name='p'><button class='btn'>Log in</button>"
        "</form><a href='/g'>Checkout as guest</a></main>",
    ),
}


@pytest.fixture(scope="module")
def served():
    with FixtureServer(_PAGES) as server:
        yield server


async def _facts(browser, server, path):
    return await scan_page(browser, server.url(path))


@pytest.mark.parametrize(
    ("path", "total", "source", "current"),
    [
        ("/text", 6, "text", 2),
        ("/aria", 3, "aria-current", 2),
        ("/magento", 2, "platform:magento", 1),
        ("/numbered", 4, "numbered list", None),
        ("/bar", 8, "progressbar", 1),
    ],
)
async def test_indicators_read_from_the_page(browser, served, path, total, source, current):
    seen = checkout_facts(await _facts(browser, served, path))
    assert (seen["steps_total"], seen["steps_source"], seen["steps_current"]) == (
        total, source, current)  # fmt: skip
    assert seen["step_indicator"]


async def test_a_page_without_an_indicator(browser, served):
    seen = checkout_facts(await _facts(browser, served, "/none"))
    assert seen["steps_total"] is None and not seen["step_indicator"]


async def test_the_link_past_a_sign_in_and_a_guest_text_link(browser, served):
    facts = await _facts(browser, served, "/signin")
    more = go_on_link(facts)
    assert more is not None and more.name == "New customer? Continue here"
    assert checkout_facts(facts)["guest"] is None
    # a link to register is no way past the sign-in
    assert go_on_link(await _facts(browser, served, "/signup-only")) is None
    seen = checkout_facts(await _facts(browser, served, "/guest-link"))
    assert seen["guest_button"] is False and seen["signin_button"] is True
    assert go_on_link(await _facts(browser, served, "/guest-link")) is None


# --- walked: the guest checkout behind a link past the sign-in, and its twin ----------
_GUEST_FORM = page(
    "Guest checkout",
    "<main><h1>Guest checkout</h1><p>Step 1 of 3</p><p>Total 20.00 EUR</p><form method='post'>"
    "<label>Email <input type='email' name='email' autocomplete='email' required></label>"
    "<label>Street <input name='street' autocomplete='street-address' required></label>"
    "<button>Continue as guest</button></form></main>",
)
_SIGN_IN_FORM = (
    "<form method='post'><label>Email <input type='email' name='e'></label><label>Password "
    "<input type='password' name='p'></label><button class='btn'>Sign in</button></form>"
)
_WALKED = {
    "/cart": page("Cart", "<main><h1>Cart</h1><a href='/checkout'>Proceed to checkout</a></main>"),
    "/checkout": page(
        "Checkout",
        f"<main><h1>Sign in</h1>{_SIGN_IN_FORM}"
        "<p><a href='/checkout/guest'>New customer? Continue here</a></p></main>",
    ),
    "/checkout/guest": _GUEST_FORM,
    "/clean/cart": page(
        "Cart", "<main><h1>Cart</h1><a href='/clean/checkout'>Proceed to checkout</a></main>"
    ),
    "/clean/checkout": page(
        "Checkout",
        "<main><h1>Checkout</h1><p><a class='btn' href='/checkout/guest'>Checkout as guest</a>"
        f"</p><h2>Returning customer</h2>{_SIGN_IN_FORM}</main>",
    ),
}


async def _walk_checkout(playwright, browser, server, cart):
    from checks.journeys.checkout import walk_checkout
    from checks.journeys.common import Trip
    from checks.journeys.walker import open_walk
    from tests.conftest import probe_tabs, quick_settings

    settings = quick_settings()
    async with (
        probe_tabs(playwright, browser, settings) as tabs,
        open_walk(tabs, "desktop", True) as (tab, guard),
    ):
        await tab.goto(server.url(cart))
        trip = Trip(tab, tabs, "desktop", {"selectors": {}}, server.url("/"), None, "")
        trip.in_cart = True
        walk = await walk_checkout(trip)
        assert guard.sent() == []  # nothing with form data left the browser
    return walk


@pytest.mark.parametrize(("cart", "later"), [("/cart", True), ("/clean/cart", False)])
async def test_guest_checkout_found_behind_the_sign_in(playwright, browser, cart, later):
    with FixtureServer(_WALKED) as server:
        walk = await _walk_checkout(playwright, browser, server, cart)
        posts = [p for m, p in server.log if m == "POST"]
    assert walk["completed"] and walk["details"]["stopped_before"] == "personal data"
    assert posts == []
    assert walk["details"]["steps_total"] == 3
    data = {"product": {"url": "http://s/p"}, "walks": [
        {"journey": "cart", "persona": "desktop", "completed": True, "stopped": None,
         "steps": [], "details": {}}, walk]}  # fmt: skip
    titles = {p["title"]: p for p in judge.checkout_problems(data)}
    assert ("Guest checkout is less prominent than signing in" in titles) is later
    if later:
        assert bool(walk["details"]["signin_first"])
        assert titles["Guest checkout is less prominent than signing in"]["evidence"][
            "reasons"
        ] == ["later"]
    assert set(titles) <= {"Guest checkout is less prominent than signing in"}
