"""The recognition ladder on pages recorded from the common shop platforms.

Each page is served by a real local server and scanned in Chromium by the journeys'
own script (SCAN_JS); ``recognise`` then picks the element for each role, and the
test names the rung it must be found on (the most stable one the page offers).
"""

from pathlib import Path

import pytest

from checks.journeys.cart import variant_fields
from checks.journeys.checkout import checkout_facts
from checks.journeys.common import cart_count
from checks.journeys.ladder import platform_of, recognise
from tests.checks.ladder_scan import scan_page
from tests.fixture_server import FixtureServer

DATA = Path(__file__).parent.parent / "data" / "journeys"

# page, platform, {role: rung}, cart badge count
CASES = [
    (
        "shopify-product.html",
        "shopify",
        {
            "add_to_cart": "role-name",
            "cart_link": "role-name",
            "contact": "role-name",
            "returns": "role-name",
            "shipping": "role-name",
        },
        2,
    ),
    (
        "shopware-product.html",
        "shopware",
        {
            "add_to_cart": "role-name",
            "cart_link": "platform",
            "contact": "role-name",
            "returns": "role-name",
            "imprint": "role-name",
        },
        1,
    ),
    (
        "woocommerce-product.html",
        "woocommerce",
        {"add_to_cart": "role-name", "cart_link": "platform", "returns": "role-name"},
        0,
    ),
    (
        "magento-product.html",
        "magento",
        {"add_to_cart": "role-name", "cart_link": "platform", "contact": "role-name"},
        0,
    ),
    (
        "testid-product.html",
        None,
        {"add_to_cart": "test-attribute", "cart_link": "test-attribute"},
        3,
    ),
    ("structured-product.html", None, {"add_to_cart": "structured-data"}, None),
    ("pattern-product.html", None, {"add_to_cart": "pattern", "cart_link": "pattern"}, 0),
    ("german-checkout.html", None, {"final_order": "role-name"}, None),
    ("guest-login.html", None, {"guest": "role-name"}, None),
]


@pytest.fixture(scope="module")
def served():
    with FixtureServer({f"/{name}": (DATA / name).read_text() for name, *_ in CASES}) as server:
        yield server


async def scan(browser, server, name, selectors=None):
    return await scan_page(browser, server.url(f"/{name}"), selectors)


@pytest.mark.parametrize(("name", "platform", "rungs", "count"), CASES, ids=[c[0] for c in CASES])
async def test_ladder_on_recorded_pages(browser, served, name, platform, rungs, count):
    facts = await scan(browser, served, name)
    assert platform_of(facts) == platform
    for role, rung in rungs.items():
        m = recognise(facts, role)
        assert m is not None, role
        assert m.rung == rung, (role, m)
    assert cart_count(facts) == count
    # nothing on a product page is taken for a final order button
    if "add_to_cart" in rungs:
        assert recognise(facts, "final_order") is None


async def test_the_config_selector_overrides_every_rung(browser, served):
    facts = await scan(browser, served, "testid-product.html", {"add_to_cart": "button.x9"})
    m = recognise(facts, "add_to_cart")
    assert m.rung == "config" and m.name == "Save for later"


async def test_variants_and_their_hints(browser, served):
    shopify = await scan(browser, served, "shopify-product.html")
    button = recognise(shopify, "add_to_cart")
    form = next(c["form"] for c in shopify["candidates"] if c["sel"] == button.selector)
    (colour,) = variant_fields(shopify, form)
    assert colour["type"] == "radio" and colour["legend"] == "Color" and colour["group"] == 2
    assert shopify["product"]["varies_by"] == ["color"] and shopify["product"]["variants"] == 2
    shopware = await scan(browser, served, "shopware-product.html")
    (size,) = variant_fields(shopware, "")
    assert size["tag"] == "select" and size["label"] == ""  # the title is no label
    woo = await scan(browser, served, "woocommerce-product.html")
    assert variant_fields(woo, "") == []  # a quantity is no variant


async def test_checkout_facts_of_a_german_order_page(browser, served):
    seen = checkout_facts(await scan(browser, served, "german-checkout.html"))
    assert seen["final_button"] == "Bestellung abschicken"
    assert seen["final_wording_clear"] is False and seen["total"] and seen["lang"] == "de"
    login = checkout_facts(await scan(browser, served, "guest-login.html"))
    assert login["password"] and login["guest"]["name"] == "Als Gast bestellen"
