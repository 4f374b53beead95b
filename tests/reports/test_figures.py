"""Figures without findings: the search and forms checks record every search and every
form they judged in their details (results.json ``checks[].details``), and the report's
Search and Forms sections show them: a search that passed and a form without findings
still show their figures."""

from __future__ import annotations

import copy
import json
import re
import sys

import pytest

from .test_html import ROOT, load_reports, section

reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]

DEMO = ROOT / "tests" / "data" / "demo_results.json"
SHOP = "http://127.0.0.1:35065"


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def details(results: dict, check_id: str) -> dict:
    check = next(c for c in results["checks"] if c["id"] == check_id)
    check["details"] = check.get("details") or {}
    return check["details"]


def without_findings(results: dict, prefix: str) -> dict:
    out = copy.deepcopy(results)
    out["findings"] = [f for f in out["findings"] if not f["check"].startswith(prefix)]
    return out


def text(document: str, section_id: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section(document, section_id)))


def test_a_search_that_passed_shows_its_figures(demo, tmp_path):
    results = without_findings(demo, "search.")
    details(results, "search.results")["runs"] = [
        {
            "query": "Alpine Daypack",
            "purpose": "product",
            "rank": 1,
            "shown": 9,
            "zero": False,
            "stated": True,
            "echoed": True,
            "kept": True,
            "ms": 420.0,
        },
        {
            "query": "Backpacks",
            "purpose": "category",
            "rank": None,
            "shown": 4,
            "zero": False,
            "stated": True,
            "echoed": True,
            "kept": False,
            "ms": 380.0,
        },
    ]
    details(results, "search.tolerance")["runs"] = [
        {"base": "Alpine Daypack", "query": "Alpine Dayack", "kind": "drop", "found": True},
        {"base": "Alpine Daypack", "query": "alpine daypack", "kind": "case", "found": True},
    ]
    details(results, "search.speed").update({"times_ms": [380.0, 420.0, 950.0], "max_ms": 950.0})
    search = text(html_mod.render_html(results, tmp_path).read_text(encoding="utf-8"), "search")
    assert "“Alpine Daypack” the product at place 1" in search
    assert "“Backpacks” 4 results" in search
    assert "slowest 950 ms" in search
    doc = (tmp_path / "report.html").read_text(encoding="utf-8")
    strip = section(doc, "search")[section(doc, "search").index('id="search-speed-t"') :]
    assert strip[: strip.index("</svg>")].count('class="dot-page"') == 3  # each answer


def test_a_form_without_findings_shows_its_figures(demo, tmp_path):
    results = without_findings(demo, "forms.")
    name = 'the contact form "Contact us"'
    url = f"{SHOP}/contact"
    details(results, "forms.length")["forms"] = [
        {"url": url, "form": name, "kind": "contact", "fields": 5, "budget": 5}
    ]
    details(results, "forms.required-fields")["forms"] = [
        {
            "url": url,
            "form": name,
            "kind": "contact",
            "fields": 5,
            "required": 3,
            "marked": 3,
            "optional_marked": 0,
            "all_required_said": False,
        }
    ]
    details(results, "forms.input-types")["forms"] = [
        {"url": url, "form": name, "kind": "contact", "needing": 3, "with_token": 3},
        {
            "url": f"{SHOP}/checkout",
            "form": "the checkout form",
            "kind": "checkout",
            "needing": 8,
            "with_token": 8,
        },
    ]
    forms = text(html_mod.render_html(results, tmp_path).read_text(encoding="utf-8"), "forms")
    card = forms[forms.index("the contact form") :]
    assert "Fields 5 " in card
    assert "3 of 3 required fields marked" in card
    assert "3 of 3 fields have a token" in card
    assert "No problem found with this form." in card
    # a form neither probed nor with a finding is listed with its figures too
    assert "the checkout form" in forms and "8 of 8 fields have a token" in forms


def test_the_figures_say_it_in_german(demo, tmp_path):
    results = without_findings(demo, "forms.")
    details(results, "forms.input-types")["forms"] = [
        {
            "url": f"{SHOP}/contact",
            "form": 'the contact form "Contact us"',
            "kind": "contact",
            "needing": 3,
            "with_token": 2,
        },
    ]
    document = html_mod.render_html(results, tmp_path, lang="de").read_text(encoding="utf-8")
    assert "2 von 3 Feldern haben eine Autocomplete-Angabe" in text(document, "forms")
    assert "das Kontaktformular" in text(document, "forms")


def test_a_checkout_form_shows_what_filling_it_costs_in_the_journey(demo, tmp_path):
    results = without_findings(demo, "forms.")
    url = f"{SHOP}/checkout"
    details(results, "forms.input-types")["forms"] = [
        {"url": url, "form": "the checkout form", "kind": "checkout", "needing": 8, "with_token": 8}
    ]
    predicted = {  # 2 typed fields and 3 autofilled (one click each), never typed
        "n": 3,
        "url": url,
        "ops": {"click": 3, "type": [12, 20], "choose": 0},
        "wait_ms": 0.0,
        "predicted": True,
    }
    results["journeys"] = [
        {"journey": "checkout", "persona": "desktop", "completed": True, "stopped": None,
         "steps": [{"n": 1, "url": f"{SHOP}/cart", "ops": {"click": 1}}, predicted]},
    ]  # fmt: skip
    forms = text(html_mod.render_html(results, tmp_path).read_text(encoding="utf-8"), "forms")
    card = forms[forms.index("the checkout form") :]
    # 3 clicks of 2.65 s + 2 fields of 3.45 s + 32 characters of 0.28 s = 23.8 s
    assert "23.8 s for 5 fields (predicted, desktop): 4 Into the checkout" in card
    doc = html_mod.render_html(results, tmp_path, lang="de").read_text(encoding="utf-8")
    assert "23,8 s für 5 Felder" in text(doc, "forms")
