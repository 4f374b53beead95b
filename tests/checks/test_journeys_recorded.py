"""The recognition ladder on pages recorded from real shops running on this machine.

The pages were saved by ``tests/data/recorded/record.py`` from django-oscar 3.2
(bench/shops/oscar, 127.0.0.1:8000): home, a category, a product, the basket with
one book in it, the checkout's way in (Oscar's default: sign in or register, no guest
checkout) and, signed in, its first step; and from Shuup 3.1 (bench/shops/shuup,
127.0.0.1:8010): home, a category, a product, the cart with one item, and the
checkout's first phase (Shuup lets a guest check out: straight to the addresses). Each is served again on 127.0.0.1 under its
own address and scanned in Chromium by the journeys' script; the test names the rung
that finds each role, so a change of the ladder that loses one shows here.
"""

from pathlib import Path

import pytest

from checks.journeys.cart import cart_facts, variant_fields
from checks.journeys.checkout import checkout_facts, go_on_link
from checks.journeys.common import cart_count
from checks.journeys.ladder import platform_of, recognise
from tests.checks.ladder_scan import scan_page
from tests.fixture_server import FixtureServer

DATA = Path(__file__).parent.parent / "data" / "recorded"
#: where each recorded page lived in the shop (its links are relative to that)
OSCAR = {
    "/catalogue/": "home",
    "/catalogue/category/books/fiction_2/": "category",
    "/catalogue/the-silent-harbour_1/": "product",
    "/basket/": "cart",
    "/accounts/login/": "checkout",
    "/checkout/shipping-address/": "checkout-shipping",
}

SHUUP = {
    "/": "home",
    "/c/1-category-ujzpde/": "category",
    "/p/38-la-vie-est-belle/": "product",
    "/basket/": "cart",
    "/checkout/addresses/": "checkout",
}


def _serve(shop, paths):
    pages = {path: (DATA / shop / f"{name}.html").read_text() for path, name in paths.items()}
    return FixtureServer(pages)


@pytest.fixture(scope="module")
def shuup():
    with _serve("shuup", SHUUP) as server:
        yield server


@pytest.fixture(scope="module")
def oscar():
    with _serve("oscar", OSCAR) as server:
        yield server


async def _facts(browser, server, path):
    return await scan_page(browser, server.url(path))


def _rungs(facts, roles):
    out = {}
    for role in roles:
        m = recognise(facts, role)
        out[role] = (m.rung, m.name) if m else None
    return out


async def test_oscar_product_page(browser, oscar):
    facts = await _facts(browser, oscar, "/catalogue/the-silent-harbour_1/")
    assert platform_of(facts) is None  # none of the four platforms the ladder knows
    assert _rungs(facts, ("add_to_cart", "cart_link", "final_order")) == {
        "add_to_cart": ("role-name", "Add to basket"),
        "cart_link": ("role-name", "View basket"),
        "final_order": None,
    }
    add = recognise(facts, "add_to_cart")
    form = next(c["form"] for c in facts["candidates"] if c["sel"] == add.selector)
    assert variant_fields(facts, form) == []  # a book: no size or colour to choose
    assert facts["types"] == []  # Oscar writes no schema.org data
    # the header's "Basket total: £0.00" is a price, not a badge's count
    assert cart_count(facts) is None


async def test_oscar_listings_buy_from_the_list(browser, oscar):
    for path in ("/catalogue/", "/catalogue/category/books/fiction_2/"):
        facts = await _facts(browser, oscar, path)
        assert _rungs(facts, ("add_to_cart",)) == {"add_to_cart": ("role-name", "Add to basket")}
        assert recognise(facts, "final_order") is None


async def test_oscar_basket(browser, oscar):
    facts = await _facts(browser, oscar, "/basket/")
    assert _rungs(facts, ("checkout", "final_order")) == {
        "checkout": ("role-name", "Proceed to checkout"),
        "final_order": None,
    }
    assert recognise(facts, "cart_link").rung == "role-name"
    cart = cart_facts(facts, "The Silent Harbour", "")
    assert cart["product"] and cart["price"] and cart["total"]
    assert cart["checkout"]["rung"] == "role-name"


async def test_oscar_checkout_forces_an_account(browser, oscar):
    facts = await _facts(browser, oscar, "/accounts/login/")
    seen = checkout_facts(facts)
    # sign in or register, nothing for a guest and no link past it: a forced account
    assert seen["password"] and seen["guest"] is None and not seen["address"]
    assert go_on_link(facts) is None
    assert seen["steps_total"] is None


async def test_oscar_checkout_steps(browser, oscar):
    seen = checkout_facts(await _facts(browser, oscar, "/checkout/shipping-address/"))
    assert (seen["steps_total"], seen["steps_source"], seen["steps_current"]) == (5, "list", 1)
    assert seen["steps_labels"] == [
        "1. Shipping address",
        "2. Shipping method",
        "3. Payment",
        "4. Preview",
        "5. Confirmation",
    ]
    # the address form: personal data, so the walk stops here, before sending it
    assert seen["personal"] and seen["address"] and seen["final_button"] is None


async def test_shuup_product_page(browser, shuup):
    facts = await _facts(browser, shuup, "/p/38-la-vie-est-belle/")
    assert platform_of(facts) is None
    assert _rungs(facts, ("add_to_cart", "cart_link", "final_order")) == {
        "add_to_cart": ("role-name", "Add to cart"),
        "cart_link": ("role-name", "Cart (0)"),
        "final_order": None,
    }
    add = recognise(facts, "add_to_cart")
    form = next(c["form"] for c in facts["candidates"] if c["sel"] == add.selector)
    assert variant_fields(facts, form) == []  # a quantity is no variant
    assert cart_count(facts) == 0


async def test_shuup_cart_counts_the_item(browser, shuup):
    facts = await _facts(browser, shuup, "/basket/")
    assert cart_count(facts) == 1  # the badge went from 0 to 1: verified by state
    assert _rungs(facts, ("checkout", "final_order")) == {
        "checkout": ("role-name", "Proceed to checkout"),
        "final_order": None,
    }
    cart = cart_facts(facts, "La Vie Est Belle", "")
    assert cart["product"] and cart["price"] and cart["total"]


async def test_shuup_checkout_lets_a_guest_in_and_shows_3_steps(browser, shuup):
    facts = await _facts(browser, shuup, "/checkout/addresses/")
    seen = checkout_facts(facts)
    assert (seen["steps_total"], seen["steps_source"], seen["steps_current"]) == (
        3,
        "numbered list",
        1,
    )
    assert seen["steps_labels"] == ["1. Addresses", "2. Shipping & Payment", "3. Confirmation"]
    # no sign-in wall: the address form at once, where the walk stops before sending
    assert not seen["password"] and seen["personal"] and seen["address"]
    assert seen["fields"] > 11  # billing and shipping address: "many fields"
    # the step links are checkout links too (the platform rung's loose Shopify
    # selector a[href*="/checkout"]); the walk has stopped before it would follow one
    assert recognise(facts, "checkout").rung == "platform"


async def test_shuup_listings(browser, shuup):
    for path in ("/", "/c/1-category-ujzpde/"):
        facts = await _facts(browser, shuup, path)
        assert recognise(facts, "cart_link").rung == "role-name"
        assert recognise(facts, "final_order") is None
