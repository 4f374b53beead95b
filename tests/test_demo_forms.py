"""End to end on the bundled demo shop: the forms checks on both twins, nothing sent."""

import json

import pytest

from auditor.demo import DemoShop
from auditor.demo.defects import DEFECTS
from auditor.plugins import discover_checks
from auditor.results import validate_results
from auditor.runner import run_audit
from checks.forms.probe import MALFORMED_EMAIL
from tests.conftest import quick_settings

FORMS = [cid for cid, _, _ in discover_checks() if cid.startswith("forms.")]

#: each planted forms defect: the check, the page and the title that must show it
EXPECTED = {
    "newsletter-placeholder-only": (
        "forms.labels",
        "/newsletter",
        "Placeholder used as the only label (newsletter form)",
    ),
    "email-type-text": (
        "forms.input-types",
        "/register",
        'Email field of type "text" (registration form)',
    ),
    "address-no-autocomplete": (
        "forms.input-types",
        "/checkout",
        "Fields without autocomplete tokens (checkout form)",
    ),
    "required-unmarked": (
        "forms.required-fields",
        "/checkout",
        "Required fields are not marked (checkout form)",
    ),
    "no-error-on-empty": (
        "forms.error-handling",
        "/contact",
        "No error when the form is sent empty (contact form)",
    ),
    "errors-not-tied": (
        "forms.error-handling",
        "/register",
        "Error messages not tied to their fields (registration form)",
    ),
    "phone-type-text": (
        "forms.input-types",
        "/checkout",
        'Phone field of type "text" (checkout form)',
    ),
    "long-contact-form": (
        "forms.length",
        "/contact",
        "Long form: 14 fields (contact form)",
    ),
    "split-name-fields": (
        "forms.length",
        "/checkout",
        "Separate first and last name fields (checkout form)",
    ),
    "no-show-password": (
        "forms.buttons",
        "/login",
        "No way to show the password (sign-in form)",
    ),
    "icon-only-submit": ("forms.buttons", "/", "Icon-only submit button (search form)"),
}


async def audit(mode, browser, tmp_path):
    with DemoShop(mode=mode, delay_scale=0.1) as shop:
        # /checkout is linked from a filled cart only, and the crawl adds nothing to it
        settings = quick_settings(
            audit={"checks": FORMS}, crawl={"start_urls": [shop.base_url + "checkout"]}
        )
        path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
        log = shop.request_log()
    return json.loads(path.read_text()), log, shop.base_url.rstrip("/")


def assert_nothing_sent(log):
    assert {method for method, _ in log} <= {"GET", "HEAD"}
    for _, path in log:
        assert not path.startswith(("/contact?", "/newsletter?", "/register?", "/checkout?"))
        assert "anna" not in path.lower() and MALFORMED_EMAIL not in path


@pytest.mark.slow
async def test_demo_forms_defects_are_found_and_nothing_is_sent(browser, tmp_path):
    results, log, base = await audit("defects", browser, tmp_path)
    assert validate_results(results) == []
    assert set(EXPECTED) == {k for k, d in DEFECTS.items() if d["category"] == "forms"}
    found: dict[tuple, list] = {}
    for f in results["findings"]:
        found.setdefault((f["check"], f["title"]), []).append(f)
    for defect, (check, path, title) in EXPECTED.items():
        assert (check, title) in found, defect
        paths = {u.removeprefix(base) or "/" for f in found[(check, title)] for u in f["urls"]}
        assert path in paths, (defect, paths)
    # the defect's every page: the registration form's password too
    shown = {
        u.removeprefix(base)
        for title in (
            "No way to show the password (sign-in form)",
            "No way to show the password (registration form)",
        )
        for f in found.get(("forms.buttons", title), [])
        for u in f["urls"]
    }
    assert set(DEFECTS["no-show-password"]["paths"]) <= shown, shown
    # the header's search button is one finding with the pages of many templates
    (icon,) = found[("forms.buttons", "Icon-only submit button (search form)")]
    assert len(icon["urls"]) > 5
    for probe in found[
        ("forms.error-handling", "No error when the form is sent empty (contact form)")
    ]:
        assert probe["evidence"]["screenshot"].startswith("data:image/jpeg;base64,")
    assert {f["category"] for f in results["findings"]} == {"forms"}
    assert results["categories"]["forms"]["score"] < 90
    assert_nothing_sent(log)


@pytest.mark.slow
async def test_clean_demo_shop_has_no_forms_findings(browser, tmp_path):
    results, log, base = await audit("clean", browser, tmp_path)
    assert results["findings"] == [], [(f["title"], f["url"]) for f in results["findings"]]
    assert results["categories"]["forms"]["score"] == 100
    (probes,) = [
        c["details"]["probes"] for c in results["checks"] if c["id"] == "forms.error-handling"
    ]
    by_path = {p["url"].removeprefix(base): p for p in probes}
    assert {"/checkout", "/contact", "/register", "/newsletter", "/login"} <= set(by_path)
    assert by_path["/contact"]["empty"] == "messages"
    # the newsletter announces its errors by moving the focus to the first wrong field,
    # whose error is its description, not by a live region: no finding either
    assert by_path["/newsletter"]["empty"] == "messages"
    assert by_path["/newsletter"]["focus"] == "field"
    assert all(p["requests_sent"] == 0 for p in probes)
    assert_nothing_sent(log)


async def test_clean_show_password_toggle_switches_the_field_and_sign_in_still_works(browser):
    from auditor.demo.app import LOGIN_EMAIL, LOGIN_PASSWORD

    with DemoShop(mode="clean", delay_scale=0) as shop:
        context = await browser.new_context()
        try:
            page = await context.new_page()
            await page.goto(shop.base_url + "register")
            reg = page.locator("#reg-password")
            await page.get_by_role("button", name="Show password").click()
            assert await reg.get_attribute("type") == "text"
            await page.goto(shop.base_url + "login")
            field = page.locator("#login-password")
            toggle = page.get_by_role("button", name="Show password")
            await page.fill("#login-email", LOGIN_EMAIL)
            await field.fill(LOGIN_PASSWORD)
            await toggle.click()
            assert await field.get_attribute("type") == "text"
            assert await toggle.get_attribute("aria-pressed") == "true"
            assert await field.input_value() == LOGIN_PASSWORD
            await toggle.click()
            assert await field.get_attribute("type") == "password"
            assert await toggle.get_attribute("aria-pressed") == "false"
            await toggle.click()  # shown or hidden, the form sends the same password
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url("**/account")
            assert "Welcome back" in await page.inner_text("h1")
        finally:
            await context.close()
