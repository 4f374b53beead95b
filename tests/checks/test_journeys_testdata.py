"""The opt-in test data of the checkout journey: its config, which hosts, which fields
(pure; the walk on the demo shop is in tests/test_demo_journeys.py)."""

import pytest

from auditor.config import settings_to_dict
from auditor.errors import ConfigError
from checks.journeys.checkout import submit_of
from checks.journeys.common import journey_options
from checks.journeys.safety import body_names, request_verdict
from checks.journeys.testdata import TEST_DATA, host_allowed, plan_fill, value_for
from tests.conftest import quick_settings

DATA = {**TEST_DATA, "name": "Testa Kundin", "email": "t@example.com", "street": "Weg 1",
        "postcode": "12345", "city": "Ort", "country": "DE", "allowed_hosts": ["127.0.0.1"]}  # fmt: skip


def field(name, **kw):
    return {"sel": f"#{name}", "tag": "input", "type": "text", "name": name, "id": name,
            "autocomplete": "", "label": "", "required": True, "value": "", **kw}  # fmt: skip


def options(test_data):
    return journey_options(quick_settings(checks={"journeys.discovery": {"test_data": test_data}}))


def test_off_by_default_and_merged_with_the_defaults():
    opts = journey_options(quick_settings())
    assert opts["test_data"] == TEST_DATA and not host_allowed(opts["test_data"], "http://a/")
    opts = options({"email": "t@example.com", "allowed_hosts": ["a"]})
    assert opts["test_data"]["name"] == "" and opts["test_data"]["email"] == "t@example.com"


@pytest.mark.parametrize(
    "bad, said",
    [
        ("yes", "must be a table"),
        ({"iban": "DE00"}, "knows no iban"),
        ({"password": "x"}, "knows no password"),
        ({"allowed_hosts": "a.example"}, "allowed_hosts must be a list"),
        ({"email": 3}, "values must be strings"),
    ],
)
def test_bad_test_data_stops_with_one_line(bad, said):
    with pytest.raises(ConfigError, match=said):
        options(bad)


def test_only_listed_hosts_and_only_with_some_value():
    assert host_allowed(DATA, "http://127.0.0.1:8123/checkout")
    assert host_allowed({**DATA, "allowed_hosts": ["127.0.0.1:8123"]}, "http://127.0.0.1:8123/x")
    assert not host_allowed({**DATA, "allowed_hosts": ["127.0.0.1:9"]}, "http://127.0.0.1:8/x")
    assert not host_allowed(DATA, "https://shop.example/checkout")
    assert not host_allowed({**TEST_DATA, "allowed_hosts": ["127.0.0.1"]}, "http://127.0.0.1/")


def test_fields_by_token_type_and_words():
    assert value_for(field("x", autocomplete="shipping email"), DATA) == "t@example.com"
    assert value_for(field("vorname"), DATA) == "Testa"
    assert value_for(field("lastname"), DATA) == "Kundin"
    assert value_for(field("zip"), DATA) == "12345"
    assert value_for(field("c", type="tel"), DATA) is None  # no phone given
    country = field("country", tag="select", type="select-one", options=[
        {"value": "", "text": "Choose", "disabled": False},
        {"value": "DE", "text": "Germany", "disabled": False}])  # fmt: skip
    assert value_for(country, DATA) == "DE"
    assert value_for({**country, "options": country["options"][:1]}, DATA) is None


def test_never_a_card_iban_or_password_field():
    for f in (
        field("password", type="password"),
        field("cardnumber", autocomplete="cc-number"),
        field("iban", label="IBAN"),
        field("email_password", label="Password"),
    ):
        assert value_for(f, {**DATA, "email": "t@example.com"}) is None
    fills, missing = plan_fill([field("email", type="email"), field("pw", type="password")], DATA)
    assert [f["name"] for f, _ in fills] == ["email"] and missing == ["pw"]


def test_a_required_field_without_test_data_is_named():
    fills, missing = plan_fill(
        [field("name"), field("company", label="Company"), field("terms", type="checkbox")], DATA
    )
    assert [v for _, v in fills] == ["Testa Kundin"]
    assert missing == ["Company", "terms"]
    fills, missing = plan_fill([field("company", required=False)], DATA)
    assert fills == [] and missing == []


def test_the_step_is_submitted_by_a_button_that_places_no_order():
    def cand(name, **kw):
        return {"sel": f"#{name[:4]}", "tag": "button", "type": "submit", "name": name,
                "attrs": "", "form": "form#a", "visible": True, **kw}  # fmt: skip

    facts = {"candidates": [cand("Place order"), cand("Search", form="form#s"), cand("Weiter")]}
    assert submit_of(facts, {"form#a"}).name == "Weiter"
    assert submit_of({"candidates": [cand("Place order"), cand("Buy now")]}, {"form#a"}) is None


def test_the_guard_takes_test_data_only_to_its_host_and_without_secrets():
    def verdict(url, body, host="127.0.0.1:8123"):
        return request_verdict("POST", url, body, allow_cart=True, test_data_host=host)

    assert verdict("http://127.0.0.1:8123/checkout", "name=A&email=t%40e.c") == "test data"
    assert verdict("http://127.0.0.1:8123/checkout", "name=A", None).startswith("blocked")
    assert verdict("http://evil.example/collect", "name=A").startswith("blocked")
    assert verdict("http://127.0.0.1:8123/c", '{"a": {"cardNumber": "4"}}').startswith("blocked")
    assert verdict("http://127.0.0.1:8123/checkout/onepage/success/", "").startswith("blocked")
    assert body_names('--x\r\nContent-Disposition: form-data; name="iban"\r\n') == ["iban"]


def test_results_keep_the_hosts_but_not_the_values():
    settings = quick_settings(checks={"journeys.discovery": {"test_data": DATA}})
    written = settings_to_dict(settings)["checks"]["journeys.discovery"]["test_data"]
    assert written["allowed_hosts"] == ["127.0.0.1"] and written["email"] == "***"
    assert written["given_name"] == ""
