"""checks/forms/classify.py: what a form is for and what a field asks, in English and German."""

import pytest

from checks.forms.classify import can_be_left_empty, field_purpose, form_kind
from checks.forms.input_types import autocomplete_problem
from tests.checks.forms_records import S, button, field, form


@pytest.mark.parametrize(
    ("fields", "buttons", "extra", "url", "kind"),
    [
        ([field("q", "", type="search")], [button("Search")], {}, "/", "search"),
        (
            [field("q", "", placeholder="Suche")],
            [button("Suchen")],
            {"action": "/suche"},
            "/",
            "search",
        ),
        (
            [field("email", type="email"), field("pw", "Password", type="password")],
            [button("Sign in")],
            {},
            "/account",
            "login",
        ),
        (
            [field("email", "E-Mail"), field("pw", "Passwort", type="password")],
            [button("Anmelden")],
            {},
            "/konto",
            "login",
        ),
        (
            [field("email"), field("pw", "Password", type="password", autocomplete="new-password")],
            [button("Continue")],
            {},
            "/x",
            "registration",
        ),
        (
            [
                field("name", "Name"),
                field("mail", "E-Mail"),
                field("pw", "Passwort", type="password"),
            ],
            [button("Konto erstellen")],
            {},
            "/x",
            "registration",
        ),
        (
            [field("street", "Straße"), field("plz", "PLZ"), field("ort", "Ort")],
            [button("Weiter")],
            {},
            "/x",
            "checkout",
        ),
        (
            [field("card", "Card number"), field("cvc", "CVC")],
            [button("Pay now")],
            {},
            "/checkout",
            "payment",
        ),
        (
            [field("email", "Email")],
            [button("Subscribe")],
            {"action": "/"},
            "/",
            "newsletter",
        ),
        (
            [
                field("name", "Ihr Name"),
                field("email", "E-Mail"),
                field("msg", "Nachricht", type="textarea"),
            ],
            [button("Senden")],
            {"action": "/kontakt"},
            "/kontakt",
            "contact",
        ),
        (
            [field("qty", "Quantity", type="number")],
            [button("Add to cart")],
            {"action": "/cart/add"},
            "/product/x",
            "other",
        ),
    ],
)
def test_form_kinds(fields, buttons, extra, url, kind):
    assert form_kind(form(fields, buttons, **extra), S + url) == kind


@pytest.mark.parametrize(
    ("f", "purpose"),
    [
        (field("email", "Email address", type="text"), "email"),
        (field("x", "E-Mail-Adresse wiederholen"), "email-confirm"),
        (field("x", "Confirm email address"), "email-confirm"),
        (field("x", "Telefon"), "tel"),
        (field("x", "Vorname"), "given-name"),
        (field("last_name", "Last name"), "family-name"),
        (field("x", "Postleitzahl"), "postal-code"),
        (field("x", "Street and house number"), "street-address"),
        (field("x", "Adresszusatz"), "address-line2"),
        (field("x", "Full name"), "name"),
        (field("x", "Username"), None),
        (field("x", "Department"), None),
        (field("x", "Fax", type="tel"), "tel"),
        (field("x", "", type="email"), "email"),
    ],
)
def test_field_purposes(f, purpose):
    assert field_purpose(f) == purpose


def test_password_purpose_follows_the_form_kind_unless_the_token_says():
    pw = field("pw", "Password", type="password")
    assert field_purpose(pw, "login") == "current-password"
    assert field_purpose(pw, "registration") == "new-password"
    assert field_purpose({**pw, "autocomplete": "new-password"}, "login") == "new-password"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("email", True),
        ("shipping postal-code", True),
        ("section-a billing street-address", True),
        ("work tel", True),
        ("username webauthn", True),
        ("on", True),
        ("off", True),
        ("e-mail", False),
        ("zip", False),
        ("work postal-code", False),
        ("billing shipping email", False),
    ],
)
def test_autocomplete_tokens_follow_whatwg(value, valid):
    assert (autocomplete_problem(value) is None) is valid


LANGUAGES = field("language", "Language", type="select", tag="select", options=2)


@pytest.mark.parametrize(
    ("fields", "buttons", "extra", "url", "kind"),
    [
        # a language switcher on the contact page, under its heading: a menu, no contact form
        ([LANGUAGES], [button("Go")], {"action": "/i18n/setlang/"}, "/contact", "other"),
        (
            [LANGUAGES],
            [button("Go")],
            {"action": "/contact", "heading": "Contact us"},
            "/contact",
            "other",
        ),
        # a coupon box on the checkout page, sent elsewhere: not the checkout form
        (
            [field("coupon", "Coupon code")],
            [button("Apply coupon")],
            {"action": "/cart/coupon"},
            "/checkout",
            "other",
        ),
        (
            [field("coupon", "Coupon code")],
            [button("Apply")],
            {"action": "/checkout", "heading": "Checkout"},
            "/checkout",
            "other",
        ),
        # the twins: forms that are what their page says
        (
            [field("name", "Name"), field("mail", "E-Mail"), field("subject", "Subject")],
            [button("Send")],
            {"action": "/contact"},
            "/contact",
            "contact",
        ),
        (
            [field("name", "Name"), field("email", "Email"), field("subject", "Subject")],
            [button("Send")],
            {"action": "/form/123", "heading": "Contact us"},
            "/contact",
            "contact",
        ),
        (
            [field("terms", "I accept the terms", type="checkbox", required=True)],
            [button("Place order")],
            {"action": "/checkout/confirm"},
            "/checkout/confirm",
            "checkout",
        ),
        (
            [field("coupon", "Coupon code"), field("street", "Street"), field("zip", "ZIP")],
            [button("Continue")],
            {"action": "/checkout"},
            "/checkout",
            "checkout",
        ),
    ],
)
def test_a_form_is_judged_by_its_fields_action_and_button_before_its_page(
    fields, buttons, extra, url, kind
):
    assert form_kind(form(fields, buttons, **extra), S + url) == kind


def test_a_form_with_nothing_to_leave_out_cannot_be_left_empty():
    assert not can_be_left_empty([LANGUAGES, field("terms", "Terms", type="checkbox")])
    assert can_be_left_empty([LANGUAGES, field("terms", "Terms", type="checkbox", required=True)])
    assert can_be_left_empty([LANGUAGES, field("note", "Note")])


def test_a_gift_card_number_is_no_payment_card():
    gift = [field("gc", "Gift card number"), field("pin", "PIN")]
    assert field_purpose(gift[0]) is None
    assert form_kind(form(gift, [button("Redeem")]), S + "/checkout") != "payment"
    assert field_purpose(field("cc", "Card number")) == "cc-number"
