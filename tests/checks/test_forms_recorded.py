"""The static forms checks on what the gatherer recorded on the demo shop's pages
(tests/data/forms_demo_*.json, saved from a real run of both twins by
tests/data/record_forms_demo.py: run it again after changing the demo's forms)."""

import json
from pathlib import Path

import pytest

from auditor.plugins import PageView, SiteView
from checks.forms import Buttons, FormLength, InputTypes, Labels, RequiredFields, TouchTargets

DATA = Path(__file__).parent.parent / "data"
STATIC = (Labels, InputTypes, RequiredFields, FormLength, Buttons, TouchTargets)


def recorded(mode: str) -> list[PageView]:
    entries = json.loads((DATA / f"forms_demo_{mode}.json").read_text())
    return [
        PageView(
            url="http://shop.test" + e["path"],
            final_url="http://shop.test" + e["path"],
            status=200,
            template=e["template"],
            depth=1,
            content_type="text/html",
            title=e["data"]["title"],
            error=None,
            data=e["data"],
        )
        for e in entries
    ]


def findings(mode: str) -> set[tuple[str, str, str]]:
    site = SiteView("http://shop.test/", {}, {}, [], {})
    out = set()
    for cls in STATIC:
        for f in cls().evaluate(recorded(mode), site):
            out.add((f.check, f.title, f.url.removeprefix("http://shop.test")))
    return out


def test_recorded_defects_give_exactly_the_expected_static_findings():
    icon = ("forms.buttons", "Icon-only submit button (search form)")
    assert findings("defects") == {
        ("forms.labels", "Placeholder used as the only label (newsletter form)", "/newsletter"),
        ("forms.input-types", 'Email field of type "text" (registration form)', "/register"),
        ("forms.input-types", 'Phone field of type "text" (checkout form)', "/checkout"),
        ("forms.input-types", "Fields without autocomplete tokens (checkout form)", "/checkout"),
        (
            "forms.input-types",
            "Fields without autocomplete tokens (contact form)",
            "/contact",
        ),  # the fax
        ("forms.required-fields", "Required fields are not marked (checkout form)", "/checkout"),
        ("forms.required-fields", "Required fields are not marked (contact form)", "/contact"),
        ("forms.length", "Long form: 14 fields (contact form)", "/contact"),
        ("forms.length", "Confirm-email field (contact form)", "/contact"),
        ("forms.length", "Separate first and last name fields (checkout form)", "/checkout"),
        ("forms.length", "Separate first and last name fields (contact form)", "/contact"),
        ("forms.buttons", "No way to show the password (sign-in form)", "/login"),
        ("forms.buttons", "No way to show the password (registration form)", "/register"),
        *{
            (*icon, p)
            for p in (
                "/",
                "/category/jackets",
                "/checkout",
                "/contact",
                "/login",
                "/newsletter",
                "/product/alpine-shell-jacket",
                "/register",
            )
        },
    }


def test_recorded_clean_twin_gives_no_static_finding():
    assert findings("clean") == set()


@pytest.mark.parametrize("mode", ["defects", "clean"])
def test_recorded_forms_are_classified(mode):
    from checks.forms.classify import form_kind

    kinds = {
        (p.url.removeprefix("http://shop.test"), form_kind(f, p.url))
        for p in recorded(mode)
        for f in p.data["forms"]
    }
    assert {
        ("/", "search"),
        ("/checkout", "checkout"),
        ("/contact", "contact"),
        ("/login", "login"),
        ("/newsletter", "newsletter"),
        ("/register", "registration"),
        ("/product/alpine-shell-jacket", "other"),
        ("/category/jackets", "other"),
    } <= kinds
    assert {k for _, k in kinds} <= {
        "search",
        "checkout",
        "contact",
        "login",
        "newsletter",
        "registration",
        "other",
    }
