"""The journeys' pure parts: the safety rules, the effort model, lostness, the judging."""

import pytest

from checks.journeys import judge
from checks.journeys.effort import effort, field_ops, lostness, ops_seconds
from checks.journeys.safety import (
    adds_to_cart,
    forbidden_field,
    is_final_order,
    is_order_complete_url,
    request_verdict,
)


@pytest.mark.parametrize(
    "name",
    [
        "Place order",
        "Zahlungspflichtig bestellen",
        "Jetzt kaufen",
        "Buy now",
        "Bestellung abschicken",
        "Complete purchase",
        "Pay now",
    ],
)
def test_final_order_buttons_are_recognised(name):
    assert is_final_order(name)


@pytest.mark.parametrize(
    "name",
    ["Add to cart", "In den Warenkorb", "Proceed to checkout", "Zur Kasse", "Continue to shipping"],
)
def test_other_buttons_are_not_final(name):
    assert not is_final_order(name)


def test_final_order_by_its_attributes():
    assert is_final_order("Weiter", "place_order button alt")
    assert is_final_order("", "woocommerce_checkout_place_order")


@pytest.mark.parametrize(
    ("field", "forbidden"),
    [
        ({"type": "password", "name": "pw"}, True),
        ({"type": "text", "autocomplete": "cc-number"}, True),
        ({"type": "text", "name": "iban"}, True),
        ({"type": "text", "label": "Card number"}, True),
        ({"type": "text", "name": "cvc"}, True),
        ({"type": "email", "autocomplete": "email", "name": "email"}, False),
        ({"type": "text", "autocomplete": "street-address", "name": "street"}, False),
    ],
)
def test_forbidden_fields(field, forbidden):
    assert forbidden_field(field) is forbidden


def test_order_complete_urls():
    assert is_order_complete_url("https://s.example/checkout/order-received/123/?key=wc_x")
    assert is_order_complete_url("https://s.example/checkout/onepage/success/")
    assert is_order_complete_url("https://s.example/checkout/finish?orderId=1")
    assert is_order_complete_url("https://s.example/thank-you")
    assert not is_order_complete_url("https://s.example/checkout")
    assert not is_order_complete_url("https://s.example/cart")


def test_request_verdicts():
    v = request_verdict
    assert v("GET", "https://s.example/search?q=x", None, allow_cart=True) == "read"
    assert v("POST", "https://s.example/cart/add", "slug=x&qty=1", allow_cart=True) == "cart"
    assert v("POST", "https://s.example/cart/add.js", '{"id": 1}', allow_cart=True) == "cart"
    assert (
        v("POST", "https://s.example/checkout/line-item/add", "lineItems[1][id]=1", allow_cart=True)
        == "cart"
    )
    # Shuup posts to its cart page with a command: adding lets go, removing does not
    shuup = "command=add&product_id=38&supplier_id=1&quantity=1"
    assert v("POST", "https://s.example/basket/", shuup, allow_cart=True) == "cart"
    remove = "command=del&line_id=1"
    assert v("POST", "https://s.example/basket/", remove, allow_cart=True).startswith("blocked")
    assert v("POST", "https://s.example/basket/", "email=a", allow_cart=True).startswith("blocked")
    # switched off: adding is blocked too
    assert v("POST", "https://s.example/cart/add", "slug=x", allow_cart=False).startswith("blocked")
    # anything else carrying form data is blocked: the checkout, a login, a newsletter
    assert v("POST", "https://s.example/checkout", "name=a&email=b", allow_cart=True).startswith(
        "blocked"
    )
    assert v("POST", "https://s.example/login", "email=a&password=b", allow_cart=True).startswith(
        "blocked"
    )
    assert v("PUT", "https://s.example/api/cart/1", "", allow_cart=True).startswith("blocked")
    # an order-complete page is never opened, not even by GET
    assert v(
        "GET", "https://s.example/checkout/onepage/success/", None, allow_cart=True
    ).startswith("blocked")
    assert not adds_to_cart("https://s.example/newsletter", "email=a")


def test_klm_seconds():
    assert ops_seconds({"click": 1}) == 2.65
    assert ops_seconds({"type": [10]}) == pytest.approx(3.45 + 2.8)
    assert ops_seconds({"choose": 1}) == 3.95
    assert ops_seconds({"keys": 5, "click": 1}, "keyboard") == pytest.approx(1.35 + 5 * 0.28)
    # an autofillable field is one click, a field without a token is typed
    assert field_ops({"type": "email", "autocomplete": "email"}) == {"click": 1}
    assert field_ops({"type": "text", "autocomplete": "", "name": "email"}) == {"type": 22}
    assert field_ops({"type": "text", "name": "misc"}) == {"type": 10}
    assert field_ops({"type": "select", "autocomplete": "country"}) == {"choose": 1}


def test_effort_adds_waits_and_its_band():
    fig = effort([{"ops": {"click": 2}, "wait_ms": 500}, {"ops": {"click": 1}, "wait_ms": 1500}])
    assert fig["klm_s"] == pytest.approx(7.95) and fig["wait_s"] == 2.0
    assert fig["seconds"] == pytest.approx(9.9, abs=0.1)
    assert fig["low"] == pytest.approx(7.95 * 0.79 + 2, abs=0.1)
    assert fig["high"] == pytest.approx(7.95 * 1.21 + 2, abs=0.1)
    assert "not a Customer Effort Score" in fig["label"]


def test_lostness():
    assert lostness(["h", "c", "p"], 3) == 0.0
    # two detours back to the listing: visited 5, distinct 4, needed 3
    assert lostness(["h", "c", "x", "c", "p"], 3) == pytest.approx(0.32, abs=0.01)
    assert lostness(["h", "a", "b", "a", "c", "d", "c", "p"], 3) > 0.5
    assert lostness([], 3) is None and lostness(["h"], None) is None


# --- judging recorded journeys --------------------------------------------------------
def _walk(journey, completed=True, persona="desktop", **kw):
    return {
        "journey": journey,
        "persona": persona,
        "completed": completed,
        "stopped": None if completed else {"step": 2, "reason": "x", "url": "http://s/p"},
        "steps": [{"url": "http://s/cart"}],
        "details": {},
        **kw,
    }


def _data(*walks):
    return {"product": {"url": "http://s/p", "name": "P"}, "walks": list(walks)}


def test_search_only_product():
    titles = [
        p["title"] for p in judge.discovery_problems(_data(_walk("browse", False), _walk("search")))
    ]
    assert titles == ["Product only findable through the search"]
    assert judge.discovery_problems(_data(_walk("browse", lostness=0.2), _walk("search"))) == []
    lost = judge.discovery_problems(
        _data(_walk("browse", lostness=0.6, pages=6, minimum_pages=3), _walk("search"))
    )
    assert lost[0]["severity"] == "moderate"


def test_walks_ended_by_robots_or_a_bot_wall_are_never_judged():
    robots = {"step": 3, "reason": "robots.txt does not allow /cart", "url": "http://s/p",
              "excused": True}  # fmt: skip
    wall = {"step": 1, "reason": "blocked at step 1", "url": "http://s/", "blocked": True}
    failed = {"step": 3, "reason": "no add-to-cart button", "url": "http://s/p"}
    for stop in (robots, wall):
        cart = _data(_walk("cart", False, stopped=stop))
        assert judge.cart_problems(cart) == []
        assert judge.discovery_problems(_data(_walk("browse", False, stopped=stop), _walk("search"))) == []  # fmt: skip
        keyboard = _walk("cart", False, persona="keyboard", stopped=stop)
        assert judge.persona_problems(_data(_walk("cart"), keyboard)) == []
    (p,) = judge.cart_problems(_data(_walk("cart", False, stopped=failed)))
    assert p["title"] == "Adding to the cart failed"


GOOD_FEEDBACK = {
    "wait_ms": 300,
    "paint_ms": 50,
    "badge_changed": True,
    "went_to_cart": False,
    "message": "Added Red Kettle (M)",
    "names_item": True,
}
GOOD_CART = {
    "product": True,
    "variant": True,
    "price": True,
    "total": True,
    "shipping": True,
    "checkout": {"name": "Checkout"},
    "checkout_above_fold": True,
}


def test_cart_feedback_and_contents():
    clean = _walk(
        "cart",
        details={
            "product": "http://s/p",
            "variants": [{"hint": True}],
            "feedback": GOOD_FEEDBACK,
            "cart": GOOD_CART,
        },
    )
    assert judge.cart_problems(_data(clean)) == []
    silent = dict(GOOD_FEEDBACK, badge_changed=False, message=None, names_item=False)
    bad = _walk(
        "cart",
        details={
            "product": "http://s/p",
            "variants": [{"hint": False}],
            "feedback": silent,
            "cart": dict(GOOD_CART, shipping=False, checkout_above_fold=False),
        },
    )
    titles = {p["title"] for p in judge.cart_problems(_data(bad))}
    assert titles == {
        "A variant must be chosen without a visible hint",
        "Adding to the cart gives no clear confirmation",
        "The cart does not show everything the customer needs",
        "The checkout button is below the fold",
    }


def test_checkout_rules():
    cart = _walk("cart")
    step = {
        "url": "http://s/checkout",
        "fields": 7,
        "step_indicator": True,
        "total": True,
        "final_button": "Place order",
        "lang": "en",
    }
    assert judge.checkout_problems(_data(cart, _walk("checkout", details={"steps": [step]}))) == []
    forced = _walk("checkout", False, details={"forced_account": True, "steps": [step]})
    assert [p["title"] for p in judge.checkout_problems(_data(cart, forced))] == [
        "The checkout forces an account"
    ]
    long = dict(
        step,
        fields=12,
        step_indicator=False,
        total=False,
        final_button="Bestellen",
        lang="de",
        final_wording_clear=False,
    )
    found = {
        p["title"]: p["severity"]
        for p in judge.checkout_problems(_data(cart, _walk("checkout", details={"steps": [long]})))
    }
    assert found == {
        "The checkout asks for many fields": "moderate",
        "The checkout does not show its steps": "minor",
        "The total is not shown before the last step": "moderate",
        "The order button does not say that the order costs money": "serious",
    }
    below = dict(step, guest_top=600, signin_top=200)
    assert [
        p["title"]
        for p in judge.checkout_problems(_data(cart, _walk("checkout", details={"steps": [below]})))
    ] == ["Guest checkout is less prominent than signing in"]
    assert (
        judge.checkout_problems(
            _data(cart, _walk("checkout", details={"steps": [dict(below, guest_top=150)]}))
        )
        == []
    )
    unknown = _walk("checkout", False, details={"steps": []})
    unknown["stopped"]["reason"] = "no checkout button recognised in the cart"
    assert [(p["severity"], p["title"]) for p in judge.checkout_problems(_data(cart, unknown))] == [
        ("minor", "The way into the checkout needs review")
    ]
    nine = dict(step, fields=9)
    assert (
        judge.checkout_problems(_data(cart, _walk("checkout", details={"steps": [nine]})))[0][
            "severity"
        ]
        == "minor"
    )


def test_service_and_personas():
    walk = _walk(
        "service",
        False,
        details={"reached": {"contact": {"clicks": 1}, "shipping": None, "returns": None}},
    )
    data = _data(walk)
    data["service_distances"] = {"http://s/p": {"contact": 1, "imprint": None, "returns": 2}}
    titles = [p["title"] for p in judge.service_problems(data)]
    assert titles == [
        "Service information is not reachable from the product page",
        "The imprint page is more than 2 clicks away",
    ]
    # a shop without an imprint page at all: not "far", the service journey says it
    data["service_pages"] = {"contact": 1, "imprint": 0, "returns": 1}
    assert len(judge.service_problems(data)) == 1
    personas = judge.persona_problems(
        _data(_walk("cart"), _walk("cart", False, "keyboard"), _walk("browse", False, "mobile"))
    )
    assert [(p["severity"], p["title"]) for p in personas] == [
        ("serious", "The keyboard customer cannot finish the cart journey")
    ]


# --- the link-graph helpers -------------------------------------------------------------
def test_pick_category_follows_the_crawls_links():
    from checks.journeys.browse import pick_category

    graph = {
        "http://s/c/tents": ["http://s/p/a", "http://s/c/tents?page=2"],
        "http://s/c/tents?page=2": ["http://s/p/deep"],
        "http://s/c/bags": ["http://s/p/b"],
    }
    menu = [{"href": "http://s/c/bags"}, {"href": "http://s/c/tents"}]
    assert pick_category(menu, "http://s/p/a", graph.get)[0]["href"] == "http://s/c/tents"
    assert pick_category(menu, "http://s/p/deep", graph.get)[1] == 2
    assert pick_category(menu, "http://s/p/nowhere", graph.get) is None


def test_service_distances():
    from checks.journeys.service import service_distances

    graph = {
        "http://s/p": ["http://s/help"],
        "http://s/help": ["http://s/contact", "http://s/impressum"],
        "http://s/contact": ["http://s/p"],
    }
    got = service_distances(["http://s/p", "http://s/contact", "http://s/search?q=x"], graph.get)
    assert got["http://s/p"] == {"contact": 2, "imprint": 2, "returns": None}
    assert got["http://s/contact"]["contact"] == 0
    assert "http://s/search?q=x" not in got  # not in the link graph: unknown, not far
