"""Page kinds from recorded structure: English and German shops, several URL schemes."""

import pytest

from auditor.pagekinds import link_kind, link_kinds, page_kind, page_kinds, says_not_found

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
        # a password reset is part of the account (Shuup's /recover-password/)
        ("/recover-password/", "", "account"),
        ("/customer/password-reset/", "", "account"),
        ("/passwort-vergessen", "", "account"),
        ("/blog/password-tips", "Password tips", None),
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
    assert page_kind(S + "/recover-password/", "Shop – Forgot password", {}, S + "/") == ("account")
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


@pytest.mark.parametrize(
    ("url", "h1", "kinds"),
    [
        ("/help/delivery-returns", "Delivery & returns", ["shipping", "returns"]),
        ("/pages/info", "Shipping and Returns", ["shipping", "returns"]),
        ("/impressum-datenschutz", "", ["imprint", "privacy"]),
        ("/rechtliches", "Impressum & Datenschutz", ["imprint", "privacy"]),
        ("/versand-und-rueckgabe", "Versand", ["shipping", "returns"]),
        ("/agb", "AGB und Widerruf", ["terms", "returns"]),
        ("/returns", "Returns", ["returns"]),
        ("/shipping-information", "Shipping", ["shipping"]),
        # one role only: other words in the address, a slogan, a product, a category
        ("/blog/free-shipping-weekend", "Free shipping weekend", ["page"]),
        ("/about", "About us", ["page"]),
        ("/product/shipping-bag", "Shipping & returns bag", ["product"]),
        ("/category/bags", "Shipping and returns bags", ["category"]),
    ],
)
def test_page_kinds_name_every_role_of_a_combined_page(url, h1, kinds):
    structure = {"h1": h1, "add_to_cart": True, "types": ["Product"] if "product" in url else []}
    assert page_kinds(S + url, "Shop", structure, S + "/") == kinds
    assert page_kind(S + url, "Shop", structure, S + "/") == kinds[0]


def test_a_slogan_in_the_title_gives_a_plain_page_no_role():
    title = "About us | Free shipping & returns"
    assert page_kinds(S + "/about", title, {"h1": ""}, S + "/") == ["page"]


@pytest.mark.parametrize(
    ("url", "text", "kinds"),
    [
        ("/help/delivery-returns", "Delivery & returns", ["shipping", "returns"]),
        ("/x?id=7", "Versand & Rückgabe", ["shipping", "returns"]),
        ("/impressum", "Impressum & Datenschutz", ["imprint", "privacy"]),
        ("/cart", "Cart & checkout", ["cart"]),
        ("/product/shipping-bag", "Shipping & returns bag", []),
        ("/blog/free-shipping-weekend", "Read more", []),
    ],
)
def test_link_kinds(url, text, kinds):
    assert link_kinds(S + url, text) == kinds
