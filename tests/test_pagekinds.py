"""Page kinds from recorded structure: English and German shops, several URL schemes."""

import pytest

from auditor.pagekinds import link_kind, page_kind, says_not_found

S = "https://shop.example"


@pytest.mark.parametrize(
    ("url", "text", "kind"),
    [
        ("/cart", "Cart (3)", "cart"),
        ("/checkout/cart/", "", "cart"),
        ("/warenkorb", "", "cart"),
        ("/x?id=1", "Warenkorb", "cart"),
        ("/checkout", "Proceed to checkout", "checkout"),
        ("/kasse", "", "checkout"),
        ("/pages/contact", "", "contact"),
        ("/kontakt", "Kontakt", "contact"),
        ("/policies/shipping-policy", "", "shipping"),
        ("/versandkosten", "", "shipping"),
        ("/info", "Versand & Zahlung", "shipping"),
        ("/returns", "", "returns"),
        ("/widerrufsbelehrung", "", "returns"),
        ("/impressum", "", "imprint"),
        ("/legal-notice", "", "imprint"),
        ("/datenschutz", "", "privacy"),
        ("/policies/privacy-policy", "", "privacy"),
        ("/agb", "AGB", "terms"),
        ("/product/shipping-bag", "Shipping bag", None),
        ("/product/returning-hiker-jacket", "Returning Hiker Jacket", None),
        ("/category/tents", "Tents", None),
    ],
)
def test_link_kind(url, text, kind):
    assert link_kind(S + url, text) == kind


def test_page_kind_prefers_structured_data_then_url_then_heading():
    s = {"types": ["Product"], "add_to_cart": True}
    assert page_kind(S + "/any/thing", "Tent", s, S + "/") == "product"
    assert page_kind(S + "/", "Shop", {}, S + "/") == "home"
    assert page_kind(S + "/?utm=1", "Shop", {}, S + "/") != "home"
    assert page_kind(S + "/collections/tents", "Tents", {}, S + "/") == "category"
    assert page_kind(S + "/outdoor", "Outdoor", {"types": ["CollectionPage"]}, S + "/") == (
        "category"
    )
    assert page_kind(S + "/zelte?seite=2", "Zelte", {"pagination": {"max_page": 5}}, S + "/") == (
        "category"
    )
    assert page_kind(S + "/page-17", "x", {"h1": "Impressum"}, S + "/") == "imprint"
    assert page_kind(S + "/about", "About us", {"h1": "About us"}, S + "/") == "page"
    assert page_kind(S + "/de/", "Start", {}, S + "/de/") == "home"


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Page not found", "", True),
        ("404 – Shop", "", True),
        ("Shop", "Seite nicht gefunden", True),
        ("Shop", "Diese Seite existiert nicht", True),
        ("Shop", "Sorry, this page does not exist", True),
        ("Tents – Shop", "Tents", False),
        ("Product 14040", "Found: the best jacket", False),
    ],
)
def test_says_not_found(title, h1, expected):
    assert says_not_found(title, h1) is expected
