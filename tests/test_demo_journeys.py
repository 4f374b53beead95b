"""End to end on the bundled demo shop: the customer journeys on both twins.

The clean twin's journeys finish for every persona with no journey finding; the
defects twin's planted journey defects are found, each by its check; and from the
demo's own request log, nothing with form data left the browser but add-to-cart.
"""

import json

import pytest

from auditor.demo import DEEP_PRODUCT_SLUG, DemoShop
from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings

JOURNEYS = [
    "journeys.discovery",
    "journeys.cart",
    "journeys.checkout",
    "journeys.service",
    "journeys.personas",
]
pytestmark = pytest.mark.slow


async def audit(shop, browser, tmp_path, **options):
    settings = quick_settings(
        audit={"checks": JOURNEYS},
        crawl={"max_pages": 12},
        checks={"journeys.discovery": options},
    )
    shop.clear_log()
    path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    log = shop.request_log()
    # the proof: the only requests with a body the shop received were add-to-cart
    posts = [p for m, p in log if m not in ("GET", "HEAD")]
    assert posts and set(posts) == {"/cart/add"}, posts
    return results


def findings(results):
    return {(f["check"], f["title"]) for f in results["findings"]}


def walks(results):
    return {(w["journey"], w["persona"]): w for w in results["journeys"]}


async def test_clean_twin_every_persona_finishes(browser, tmp_path):
    with DemoShop(mode="clean", delay_scale=0.5) as shop:
        personas = ["desktop", "mobile", "keyboard", "zoom", "zoom-text"]
        results = await audit(shop, browser, tmp_path, personas=personas)
    assert findings(results) == set()
    got = walks(results)
    assert len(got) == 25
    for key, w in got.items():
        assert w["completed"], (key, w["stopped"])
        assert w["effort"]["low"] < w["effort"]["seconds"] < w["effort"]["high"]
    cart = got[("cart", "desktop")]
    assert cart["details"]["variants"] == [{"label": "Size", "hint": True}]
    assert cart["details"]["cart"]["variant"] is True
    assert cart["choices"] == 1
    checkout = got[("checkout", "desktop")]["details"]["steps"][-1]
    assert checkout["fields"] <= 8 and checkout["step_indicator"] and checkout["total"]
    # "Step 1 of 2" and its list: at most 5 steps, no note
    steps = got[("checkout", "desktop")]["details"]
    assert (steps["steps_total"], steps["steps_source"]) == (2, "text")
    # the keyboard's effort is keys, not pointing
    assert got[("browse", "keyboard")]["keys"] > 0 and got[("browse", "desktop")]["keys"] == 0
    assert results["categories"]["journeys"]["score"] == 100


async def test_defects_twin_cart_and_checkout(browser, tmp_path):
    with DemoShop(mode="defects", delay_scale=0.5) as shop:
        results = await audit(shop, browser, tmp_path)
    assert findings(results) == {
        ("journeys.cart", "A variant must be chosen without a visible hint"),
        ("journeys.cart", "Adding to the cart gives no clear confirmation"),
        ("journeys.cart", "The checkout button is below the fold"),
        ("journeys.checkout", "The checkout forces an account"),
    }
    got = walks(results)
    assert got[("checkout", "desktop")]["stopped"]["url"].endswith("/login?next=/checkout")
    assert got[("cart", "desktop")]["completed"]  # the cart still works, silently


async def test_defects_twin_search_only_steps_and_keyboard(browser, tmp_path):
    with DemoShop(mode="defects", delay_scale=0.5) as shop:
        shop.app.active = shop.app.active - {"checkout-forced-account"}
        results = await audit(
            shop,
            browser,
            tmp_path,
            personas=["desktop", "keyboard"],
            product=f"/product/{DEEP_PRODUCT_SLUG}",
        )
    found = findings(results)
    assert ("journeys.discovery", "Product only findable through the search") in found
    assert ("journeys.checkout", "The checkout does not show its steps") in found
    assert (
        "journeys.personas",
        "The keyboard customer cannot finish the checkout journey",
    ) in found
    got = walks(results)
    assert got[("checkout", "desktop")]["completed"]
    assert "keyboard cannot reach" in got[("checkout", "keyboard")]["stopped"]["reason"]


async def test_defects_twin_many_steps(browser, tmp_path):
    with DemoShop(mode="defects", delay_scale=0.5) as shop:
        # the step indicator shows: not hidden by "checkout-no-steps", not behind a login
        shop.app.active = shop.app.active - {"checkout-forced-account", "checkout-no-steps"}
        results = await audit(shop, browser, tmp_path)
    assert ("journeys.checkout", "The checkout has more than 5 steps") in findings(results)
    assert ("journeys.checkout", "The checkout does not show its steps") not in findings(results)
    walk = walks(results)[("checkout", "desktop")]
    d = walk["details"]
    assert (d["steps_total"], d["steps_source"], d["steps_walked"]) == (7, "text", 1)
    assert d["steps_labels"][:3] == ["Delivery address", "Shipping method", "Gift options"]
    # counted from the page: the walk still stopped before sending the address
    assert d["stopped_before"] == "personal data" and walk["completed"]


TEST_CUSTOMER = {
    "name": "Testa Kundin",
    "email": "testa@example.com",
    "street": "Teststraße 1",
    "postcode": "12345",
    "city": "Prüfstadt",
    "country": "DE",
}


async def audit_with_test_data(shop, browser, tmp_path, hosts):
    """The clean twin's journeys with test data for ``hosts``: the request log's posts."""
    settings = quick_settings(
        audit={"checks": JOURNEYS},
        crawl={"max_pages": 12},
        checks={"journeys.discovery": {"test_data": {**TEST_CUSTOMER, "allowed_hosts": hosts}}},
    )
    shop.clear_log()
    path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    # the test customer is not written out with the settings
    written = results["settings"]["checks"]["journeys.discovery"]["test_data"]
    assert written["email"] == "***" and written["allowed_hosts"] == hosts
    assert "testa@example.com" not in path.read_text()
    return results, [p for m, p in shop.request_log() if m not in ("GET", "HEAD")]


async def test_test_data_reaches_step_two_only_on_an_allowed_host(browser, tmp_path):
    with DemoShop(mode="clean", delay_scale=0.5) as shop:
        results, posts = await audit_with_test_data(shop, browser, tmp_path, ["127.0.0.1"])
    assert sorted(set(posts)) == ["/cart/add", "/checkout"], posts
    assert posts.count("/checkout") == 1  # the address step, never the order button
    walk = walks(results)[("checkout", "desktop")]
    assert walk["completed"], walk["stopped"]
    d = walk["details"]
    assert d["test_data"]["host"] == "127.0.0.1"
    assert "email" in d["test_data"]["steps"][0]["fields"]
    # the shop took the data: its review step ("Step 2 of 2") with the order button
    first, review = d["steps"][0], d["steps"][-1]
    assert (first["steps_current"], review["steps_current"]) == (1, 2)
    assert review["final_button"] == "Place order" and review["fields"] == 0
    assert d["stopped_before"] == "payment or the order button" and d["steps_walked"] == 2
    assert [s["action"] for s in walk["steps"]][-2:] == ["fill (test data)", "click"]
    # name, email, street, postcode, city (autofillable: a click each) and the country
    ops = walk["steps"][-2]["ops"]
    assert (ops["click"], ops["choose"], ops["type"]) == (5, 1, [])
    assert not any(s.get("predicted") for s in walk["steps"])
    assert findings(results) == set()


async def test_test_data_for_another_host_sends_nothing(browser, tmp_path):
    with DemoShop(mode="clean", delay_scale=0.5) as shop:
        results, posts = await audit_with_test_data(shop, browser, tmp_path, ["shop.example"])
    assert set(posts) == {"/cart/add"}, posts
    d = walks(results)[("checkout", "desktop")]["details"]
    assert "test_data" not in d and d["stopped_before"] == "personal data"
    assert d["steps"][-1]["steps_current"] == 1
