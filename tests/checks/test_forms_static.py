"""The static forms checks on hand-written records: each defect found, its repair not."""

import pytest

from auditor.config import load_settings
from auditor.errors import ConfigError
from auditor.plugins import load_checks
from checks.forms import Buttons, FormLength, InputTypes, Labels, RequiredFields, TouchTargets
from tests.checks.forms_records import bare, button, field, form, pages, site
from tests.conftest import quick_settings


def titles(check, *forms, **kw):
    return [bare(f.title) for f in check.evaluate(pages(*forms, **kw), site())]


def newsletter(email: dict) -> dict:
    return form([email], [button("Subscribe")], action="/newsletter")


# -- forms.labels ----------------------------------------------------------------------
def test_placeholder_only_field_is_found_and_a_labelled_one_is_not():
    bare = field("email", "", label_for="", placeholder="Your email address", type="email")
    (f,) = Labels().evaluate(pages(newsletter(bare)), site())
    assert f.title == "Placeholder used as the only label (newsletter form)"
    assert f.severity == "serious"
    assert f.selector == "#email" and "newsletter form" in f.message
    assert titles(Labels(), newsletter(field("email", "Email address", type="email"))) == []


def test_wrapping_label_and_aria_labelledby_count_as_labels():
    wrapped = field("email", "Email", label_for="", label_wrap="Email")
    by_id = field("phone", "Phone", label_for="", labelledby="Phone")
    assert titles(Labels(), form([wrapped, by_id])) == []


def test_field_without_any_label_and_screen_reader_only_label():
    nothing = field("x", "", label_for="")
    hidden = field("y", "", aria_label="Postcode", acc_name="Postcode")
    assert sorted(titles(Labels(), form([nothing, hidden]))) == [
        "Field labelled for screen readers only",
        "Form field without any label",
    ]


def test_accessible_name_must_contain_the_visible_label():
    odd = field("zip", "Postcode *", aria_label="Field 7", acc_name="Field 7")
    assert titles(Labels(), form([odd])) == ["Accessible name differs from the visible label"]
    # the '*' and "(optional)" markers are not part of what voice users say
    fine = field("zip", "Postcode *", acc_name="Postcode")
    assert titles(Labels(), form([fine])) == []


def test_search_field_labels_are_left_to_the_search_checks():
    search = form(
        [field("q", "", label_for="", placeholder="Search", type="search")], role="search"
    )
    assert titles(Labels(), search) == []


# -- forms.input-types ----------------------------------------------------------------
def test_email_and_phone_of_type_text_are_found():
    bad = form(
        [
            field("email", "Email address", autocomplete="email"),
            field("phone", "Phone", autocomplete="tel"),
        ]
    )
    assert sorted(titles(InputTypes(), bad)) == [
        'Email field of type "text"',
        'Phone field of type "text"',
    ]
    good = form(
        [
            field("email", "Email address", type="email", autocomplete="email"),
            field("phone", "Phone", type="tel", autocomplete="tel"),
        ]
    )
    assert titles(InputTypes(), good) == []


def test_address_without_autocomplete_is_one_finding_naming_the_tokens():
    names = [
        ("first", "First name"),
        ("last", "Last name"),
        ("street", "Street"),
        ("zip", "Postcode"),
        ("city", "City"),
    ]
    bare = form([field(n, label) for n, label in names], action="/checkout")
    (f,) = InputTypes().evaluate(pages(bare), site())
    assert (
        f.title == "Fields without autocomplete tokens (checkout form)"
        and f.evidence["missing"] == 5
    )
    assert [x.split('"')[1] for x in f.evidence["fields"]] == [
        "given-name",
        "family-name",
        "street-address",
        "postal-code",
        "address-level2",
    ]
    tokens = [
        "given-name",
        "family-name",
        "shipping street-address",
        "postal-code",
        "address-level2",
    ]
    done = form(
        [field(n, label, autocomplete=t) for (n, label), t in zip(names, tokens, strict=True)]
    )
    assert titles(InputTypes(), done) == []


def test_invalid_token_autocomplete_off_and_number_postcode():
    fields = [
        field("email", "Email", type="email", autocomplete="e-mail"),
        field("name", "Full name", autocomplete="off"),
        field("zip", "Postcode", type="number", autocomplete="postal-code"),
        field("code", "Voucher", autocomplete="off"),  # no personal data: off is fine
    ]
    assert sorted(titles(InputTypes(), form(fields))) == [
        "Autofill switched off on personal data",
        "Digits in a number field",
        "Invalid autocomplete value",
    ]
    good = [field("zip", "Postcode", inputmode="numeric", autocomplete="postal-code")]
    assert titles(InputTypes(), form(good)) == []


# -- forms.required-fields --------------------------------------------------------------
def test_unmarked_required_fields_are_found():
    bare = form(
        [field("a", "First name"), field("b", "Email"), field("c", "City")], action="/checkout"
    )
    assert titles(RequiredFields(), bare) == ["Required fields are not marked"]
    marked = form(
        [
            field("a", "First name *", required=True),
            field("b", "Email *", required=True),
            field("c", "Phone (optional)"),
        ],
        action="/checkout",
    )
    assert titles(RequiredFields(), marked) == []


def test_required_in_markup_only_and_to_the_eye_only():
    markup_only = form(
        [field("a", "Name", required=True), field("b", "Email", required=True)], action="/contact"
    )
    assert titles(RequiredFields(), markup_only) == ["Required fields not marked visibly"]
    eye_only = form([field("a", "Name *"), field("b", "Email *")], action="/contact")
    assert titles(RequiredFields(), eye_only) == ["Required only to the eye"]
    told = form(
        [field("a", "Name", required=True), field("b", "Email", required=True)],
        action="/contact",
        before="All fields are required.",
    )
    assert titles(RequiredFields(), told) == []


def test_sign_in_forms_need_no_required_marks():
    login = form(
        [field("email", "Email", type="email"), field("pw", "Password", type="password")],
        [button("Sign in")],
    )
    assert titles(RequiredFields(), login) == []


# -- forms.length ------------------------------------------------------------------------
def test_long_contact_form_with_confirm_email_is_found_with_savings():
    names = [
        "Salutation",
        "Title",
        "First name",
        "Last name",
        "Company",
        "Department",
        "Email address",
        "Confirm email address",
        "Phone",
        "Mobile",
        "Fax",
        "Street",
        "City",
    ]
    fields = [field(f"f{i}", n) for i, n in enumerate(names)]
    fields.append(field("msg", "Message", type="textarea", tag="textarea"))
    found = {
        bare(f.title): f
        for f in FormLength().evaluate(pages(form(fields, action="/contact")), site())
    }
    assert set(found) == {
        "Long form: 14 fields",
        "Confirm-email field",
        "Separate first and last name fields",
    }
    long = found["Long form: 14 fields"]
    assert long.evidence["value"] == 14 and long.evidence["limit"] == 5
    assert "Baymard 2024" in long.message and "11.3" in long.message
    assert any("first and last name" in s for s in long.evidence["savings"])
    short = [
        field("name", "Name"),
        field("email", "Email"),
        field("msg", "Message", type="textarea"),
    ]
    assert titles(FormLength(), form(short, action="/contact")) == []


def test_captcha_and_second_address_line():
    fields = [
        field("street", "Street"),
        field("street2", "Address line 2"),
        field("zip", "Postcode"),
    ]
    found = titles(FormLength(), form(fields, action="/checkout", captcha=True))
    assert sorted(found) == ["CAPTCHA in the form", "Second address line shown by default"]
    assert titles(FormLength(), form(fields[::2], action="/checkout")) == []


def test_split_name_is_a_finding_with_its_cost_and_review_when_switched_off():
    fields = [
        field("first", "First name"),
        field("last", "Last name"),
        field("street", "Street"),
        field("zip", "Postcode"),
    ]
    check = FormLength()
    (f,) = check.evaluate(pages(form(fields, action="/checkout")), site())
    assert f.title == "Separate first and last name fields (checkout form)"
    assert f.severity == "minor" and f.selector == "#first"
    assert "one more field" in f.message and '"First name", "Last name"' in f.message
    assert "Baymard" in f.message and 'autocomplete="name"' in f.recommendation
    assert f.evidence == {"fields": ["first", "last"]}
    assert check.details["needs_review"] == []
    off = FormLength({"split_name": False})
    assert off.evaluate(pages(form(fields, action="/checkout")), site()) == []
    assert off.details["needs_review"][0]["note"] == "separate first and last name fields"
    one = [field("name", "Full name", autocomplete="name"), *fields[2:]]
    assert titles(FormLength(), form(one, action="/checkout")) == []
    first_only = [field("first", "First name"), field("email", "Email", type="email")]
    assert titles(FormLength(), form(first_only, action="/newsletter")) == []


def test_split_name_option_must_be_true_or_false():
    settings = quick_settings(checks={"forms.length": {"split_name": "no"}})
    with pytest.raises(ConfigError, match=r"forms.length.*split_name"):
        load_checks(settings, ["forms.length"])


def test_budgets_merge_with_the_defaults_and_bad_ones_stop_with_the_key():
    check = FormLength({"max_fields": {"contact": 9}})
    assert check.options["max_fields"]["contact"] == 9
    assert check.options["max_fields"]["checkout"] == 11
    settings = quick_settings(checks={"forms.length": {"max_fields": {"kontakt": 3}}})
    with pytest.raises(ConfigError, match=r"forms.length.*max_fields\.kontakt"):
        load_checks(settings, ["forms.length"])


# -- forms.buttons ----------------------------------------------------------------------------
def test_icon_only_submit_is_found_also_in_a_search_form():
    icon = button("", icon=True, snippet="<button><svg></svg></button>")
    search = form([field("q", "", type="search")], [icon], role="search", action="/search")
    (f,) = Buttons().evaluate(pages(search), site())
    assert f.title == "Icon-only submit button (search form)" and f.severity == "serious"
    named = form(
        [field("q", "", type="search")],
        [button("", icon=True, aria_label="Search")],
        role="search",
        action="/search",
    )
    assert titles(Buttons(), named) == []


def test_generic_text_and_missing_submit_button():
    assert titles(
        Buttons(), form([field("email", "Email")], [button("Submit")], action="/contact")
    ) == ['Generic submit button "Submit"']
    assert titles(Buttons(), form([field("email", "Email")], [], action="/contact")) == [
        "Form without a submit button"
    ]
    assert titles(Buttons(), form([field("email", "Email")], [button("Send message")])) == []


def test_format_rule_needs_a_hint_before_failing():
    rule = field(
        "pw",
        "Password",
        type="password",
        minlength="8",
        autocomplete="new-password",
        password_toggle=True,
    )
    assert titles(Buttons(), form([rule], [button("Create account")])) == [
        "Format rule not explained before the customer fails it"
    ]
    hinted = {**rule, "described_text": "At least 8 characters."}
    assert titles(Buttons(), form([hinted], [button("Create account")])) == []


def test_missing_show_password_is_a_finding_with_its_cost_unless_switched_off():
    pw = field("pw", "Password", type="password")
    login = form([field("email", "Email", type="email"), pw], [button("Sign in")])
    check = Buttons()
    (f,) = check.evaluate(pages(login), site())
    assert f.title == "No way to show the password (sign-in form)"
    assert f.severity == "minor" and f.selector == "#pw"
    assert "mistype" in f.message and "phone" in f.message and "NN/g" in f.message
    assert "aria-pressed" in f.recommendation
    assert check.details["needs_review"] == []
    off = Buttons({"require_show_password": False})
    assert off.evaluate(pages(login), site()) == []
    assert "show-password" in off.details["needs_review"][0]["note"]
    toggled = form(
        [field("email", "Email", type="email"), {**pw, "password_toggle": True}],
        [button("Sign in")],
    )
    assert titles(Buttons(), toggled) == []


def test_show_password_option_must_be_true_or_false():
    settings = quick_settings(checks={"forms.buttons": {"require_show_password": 1}})
    with pytest.raises(ConfigError, match=r"forms.buttons.*require_show_password"):
        load_checks(settings, ["forms.buttons"])


# -- forms.touch-targets -------------------------------------------------------------------------
def mobile_check() -> TouchTargets:
    check = TouchTargets()
    check.configure(load_settings(None, {"browser": {"profile": "mobile"}}, environ={}))
    return check


def test_small_targets_only_on_the_mobile_profile():
    tiny = form([field("email", "Email", type="email", height=18)], [button("Send", height=20)])
    (f,) = mobile_check().evaluate(pages(tiny), site())
    assert bare(f.title) == "Touch targets too small on a phone" and f.evidence["controls"] == 2
    assert f.evidence["limit"] == 24
    assert titles(TouchTargets(), tiny) == []  # desktop: not judged
    assert titles(mobile_check(), form([field("email", "Email", type="email")])) == []


def test_fields_too_narrow_for_their_content():
    narrow = form(
        [field("zip", "Postcode", chars=4), field("email", "Email", type="email", chars=12)]
    )
    assert titles(TouchTargets(), narrow) == ["Field too narrow for its content"] * 2
    wide = form(
        [field("zip", "Postcode", chars=8), field("email", "Email", type="email", chars=30)]
    )
    assert titles(TouchTargets(), wide) == []


def test_same_form_on_two_templates_is_one_finding_with_both_pages():
    from auditor.model import merge_findings

    icon = button("", icon=True)
    search = form([field("q", "", type="search")], [icon], role="search", action="/search")
    views = pages(search, path="/", template="/") + pages(search, path="/c/x", template="/c/*")
    (f,) = merge_findings(list(Buttons().evaluate(views, site())))
    assert [u.rsplit(":9", 1)[1] for u in f.urls] == ["/", "/c/x"]
    assert "127.0.0.1" not in f.key


# -- forms a rule must not apply to: each exemption beside the twin the rule still judges --
def test_a_form_that_asks_one_thing_needs_no_required_mark():
    email = field("email", "Email address", type="email", required=True)
    consent = field("ok", "I agree to receive the newsletter", type="checkbox", required=True)
    assert titles(RequiredFields(), newsletter(email)) == []
    assert titles(RequiredFields(), form([email, consent], [button("Subscribe")])) == []
    coupon = form([field("code", "Coupon code", required=True)], [button("Apply coupon")])
    assert titles(RequiredFields(), coupon) == []
    twin = form([email, field("first", "First name", required=True)], [button("Subscribe")])
    assert titles(RequiredFields(), twin) == ["Required fields not marked visibly"]


def test_a_form_of_menus_only_needs_no_required_mark():
    menus = [
        field(n, n.capitalize(), type="select", tag="select") for n in ("size", "colour", "fit")
    ]
    assert titles(RequiredFields(), form(menus, [button("Continue")], action="/checkout")) == []
    typed = [*menus[:2], field("street", "Street"), field("zip", "Postcode")]
    assert titles(RequiredFields(), form(typed, [button("Continue")], action="/checkout")) == [
        "Required fields are not marked"
    ]


def test_the_button_of_a_form_that_asks_one_thing_may_be_its_visible_label():
    # WCAG G167: the field has an accessible name, the button beside it says what it is for
    named = field("code", "", label_for="", aria_label="Coupon code", acc_name="Coupon code")
    assert titles(Labels(), form([named], [button("Apply coupon")])) == []
    assert titles(Labels(), form([named], [button("OK")])) == [
        "Field labelled for screen readers only"
    ]
    two = form([named, field("email", "Email", type="email")], [button("Apply coupon")])
    assert titles(Labels(), two) == ["Field labelled for screen readers only"]
    # a placeholder is still no label: it is gone once the customer types
    gone = field("code", "", label_for="", placeholder="Coupon code")
    assert titles(Labels(), form([gone], [button("Apply coupon")])) == [
        "Placeholder used as the only label"
    ]


def test_a_search_form_has_no_field_budget():
    names = ["Keywords", "Brand", "Colour", "Size", "Price from", "Price to", "Material"]
    fields = [field(f"s{i}", n) for i, n in enumerate(names)]
    assert titles(FormLength(), form(fields, [button("Search")], role="search")) == []
    assert titles(FormLength(), form(fields, [button("Send")], action="/contact")) == [
        "Long form: 7 fields"
    ]


def test_a_gift_card_number_is_not_asked_for_a_credit_card_token():
    gift = [field("gc", "Gift card number"), field("pin", "Gift card PIN")]
    assert titles(InputTypes(), form(gift, [button("Redeem")])) == []
    card = [field("cc", "Card number", autocomplete=None), field("cvc", "CVC")]
    assert titles(InputTypes(), form(card, [button("Pay now")])) == [
        "Fields without autocomplete tokens"
    ]


def test_a_sign_in_form_need_not_explain_the_rules_of_new_passwords():
    pw = field("pw", "Password", type="password", minlength="8", password_toggle=True)
    email = field("email", "Email", type="email", autocomplete="username")
    assert titles(Buttons(), form([email, pw], [button("Sign in")])) == []
    new = {**pw, "autocomplete": "new-password"}
    assert titles(Buttons(), form([email, new], [button("Create account")])) == [
        "Format rule not explained before the customer fails it"
    ]


def test_a_field_for_a_part_of_a_phone_number_may_be_narrow():
    code = field("cc", "Phone country code", type="tel", autocomplete="tel-country-code", chars=4)
    assert titles(TouchTargets(), form([code, field("email", "Email", type="email")])) == []
    whole = field("phone", "Phone", type="tel", autocomplete="tel", chars=4)
    assert titles(TouchTargets(), form([whole])) == ["Field too narrow for its content"]
