"""The report in German (reports/i18n, reports/i18n_de): one table for every text the
reports write themselves, findings translated by message id, results.json unchanged.

The demo recording (tests/data/demo_results.json) is rendered with ``lang="de"``; every
string that comes from results.json itself (the shop's text, the checks' English texts of
findings without a message id) is taken out of the page text, and what is left must hold
no English text of the table: the chrome is German through and through.
"""

from __future__ import annotations

import copy
import html
import json
import re
import sys
from pathlib import Path

import pytest

from .test_html import ROOT, load_reports, section

reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]
i18n = sys.modules[reports.__name__ + ".i18n"]
de = sys.modules[reports.__name__ + ".i18n_de"]
markdown_mod = sys.modules[reports.__name__ + ".markdown"]

DEMO = ROOT / "tests" / "data" / "demo_results.json"
TEMPLATES = ROOT / "reports" / "templates"
_LITERAL = re.compile(
    r'\bt\(\s*"((?:[^"\\]|\\.)*)"|\btn\([^,()]+(?:\([^()]*\))?,\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"'
)


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def german_path(demo, tmp_path_factory) -> Path:
    return html_mod.render_html(copy.deepcopy(demo), tmp_path_factory.mktemp("de"), lang="de")


@pytest.fixture(scope="module")
def german(german_path) -> str:
    return german_path.read_text(encoding="utf-8")


def visible_text(document: str) -> str:
    """The text a reader sees (and a screen reader hears: alt, aria-label, title)."""
    body = re.sub(r"<style>.*?</style>", " ", document, flags=re.S)
    attrs = " ".join(re.findall(r'(?:alt|aria-label|title)="([^"]*)"', body))
    text = re.sub(r"<[^>]+>", "\n", body) + "\n" + attrs
    return html.unescape(text)


def strings_in(value, out: set[str]) -> set[str]:
    """Every string results.json holds (keys and values), at any depth."""
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.add(str(k))
            strings_in(v, out)
    elif isinstance(value, list):
        for v in value:
            strings_in(v, out)
    return out


def without_results_text(text: str, results: dict) -> str:
    """``text`` with every string of results.json taken out (longest first), and the
    cut-down forms the report shows of them (first 60 characters)."""
    for s in sorted(strings_in(results, set()), key=len, reverse=True):
        if len(s) >= 4:
            text = text.replace(s, " ")
            if len(s) > 60:
                text = text.replace(s[:60], " ")
    return text


def template_strings() -> set[str]:
    found = set()
    for path in TEMPLATES.rglob("*.j2"):
        if "journeys" in path.name:
            continue
        for m in _LITERAL.finditer(path.read_text(encoding="utf-8")):
            found.update(g for g in m.groups() if g)
    return found


# --------------------------------------------------------------------------- the table


def test_every_template_text_has_a_german_text():
    strings = template_strings()
    assert len(strings) > 200  # the regex still finds the templates' texts
    missing = sorted(s for s in strings if s not in de.TEXTS)
    assert missing == []


def test_the_german_texts_keep_the_placeholders_of_the_english_ones():
    fields = re.compile(r"\{(\w*)\}")
    wrong = {
        en: sorted(set(fields.findall(en)) ^ set(fields.findall(text)))
        for en, text in de.TEXTS.items()
        if set(fields.findall(en)) != set(fields.findall(text))
    }
    assert wrong == {}


# --------------------------------------------------------------------------- the demo in German


def test_the_german_report_says_lang_de_and_has_german_headings(german):
    assert '<html lang="de">' in german
    headings = re.findall(r'<h2 id="[\w-]+">([^<]+)</h2>', german)
    assert "Wichtigste Probleme" in headings
    assert "So entsteht die Bewertung" in headings
    assert "Barrierefreiheit" in headings
    assert "Seiten" in headings
    german_values = set(de.TEXTS.values())
    assert all(h in german_values for h in headings), headings
    nav = german[german.index('<nav class="toc"') : german.index("</nav>")]
    assert ">Formulare" in nav and ">Suche" in nav and ">Top problems" not in nav


def test_no_english_text_of_the_table_is_left(german, demo):
    text = without_results_text(visible_text(german), demo)
    english = [
        en
        for en, text_de in de.TEXTS.items()
        if en not in text_de and " " in en.strip() and "{" not in en and len(en) >= 8
    ]
    assert len(english) > 200
    left = sorted(en for en in english if en in text)
    assert left == []
    # and the short labels the table translates, as whole cells
    for word in ("Severity", "Category", "Findings", "Overall score", "How to fix", "Evidence"):
        assert f">{word}<" not in german


def test_numbers_dates_and_units_are_written_the_german_way(german):
    assert re.search(
        r"\d+\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}", german
    )
    assert re.search(r"\d+,\d+ s\b", german)  # "2,7 s", not "2.7 s"
    assert not re.search(r">\d+\.\d+ s<", german)


def test_the_english_report_is_unchanged_by_the_table(demo, tmp_path):
    english = html_mod.render_html(copy.deepcopy(demo), tmp_path).read_text(encoding="utf-8")
    assert '<html lang="en">' in english
    assert "Top problems" in english and "Wichtigste Probleme" not in english


def test_an_unknown_language_is_refused_before_anything_is_written(demo, tmp_path):
    with pytest.raises(ValueError, match="unknown report language 'fr'"):
        reports.render(demo, tmp_path / "out", ["html"], lang="fr")
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- findings by id


def finding(**extra) -> dict:
    base = {
        "fingerprint": "f" * 16,
        "check": "forms.error-handling",
        "category": "forms",
        "severity": "minor",
        "title": "No inline validation (contact form)",
        "message": 'The contact form "Contact us": leaving the email field Email with "a.b" '
        "showed nothing at the field.",
        "url": "http://shop.test/contact",
        "urls": ["http://shop.test/contact"],
        "selector": "form",
        "snippet": None,
        "evidence": {},
        "recommendation": "Check the format when the customer leaves the field.",
    }
    return {**base, **extra}


def test_a_finding_with_a_message_id_is_said_in_german():
    f = finding(
        message_id="forms.error-handling.no-inline",
        params={"form": "contact form", "name": "Contact us", "field": "Email", "value": "a.b"},
    )
    with i18n.use_lang("de"):
        title = i18n.finding_text(f, "title")
        message = i18n.finding_text(f, "message")
        fix = i18n.finding_text(f, "recommendation")
    assert title == "Keine Prüfung beim Ausfüllen (Kontaktformular)"
    assert message.startswith(
        "Das Kontaktformular „Contact us“: Wer das E-Mail-Feld „Email“ mit „a.b“"
    )
    assert fix.startswith("Prüfen Sie das Format")
    assert i18n.finding_text(f, "title") == f["title"]  # English outside use_lang("de")


def test_a_finding_without_a_german_text_stays_english_whole():
    unknown = finding(message_id="forms.error-handling.not-in-the-table", params={})
    short = finding(message_id="forms.error-handling.no-inline", params={"form": "contact form"})
    with i18n.use_lang("de"):
        assert i18n.finding_text(unknown, "title") == unknown["title"]
        assert i18n.finding_text(finding(), "message") == finding()["message"]
        # a placeholder without its value: the English sentence, not half of each
        assert i18n.finding_text(short, "message") == short["message"]
        assert i18n.finding_text(short, "title") == "Keine Prüfung beim Ausfüllen (Kontaktformular)"


def test_hostile_params_stay_escaped_in_the_german_report(demo, tmp_path):
    results = copy.deepcopy(demo)
    planted = '<script>alert(1)</script><img src=x onerror=alert(2)>"{form}'
    f = next(x for x in results["findings"] if x["check"] == "forms.error-handling")
    f["message_id"] = "forms.error-handling.no-inline"
    f["params"] = {"form": "contact form", "name": planted, "field": planted, "value": "{0}"}
    document = html_mod.render_html(results, tmp_path, lang="de").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in document and "<img src=x" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "Keine Prüfung beim Ausfüllen (Kontaktformular)" in document


def test_check_titles_are_german_by_id(german):
    crawl = section(german, "crawl")
    assert "Fehlermeldungen bei falsch ausgefüllten Formularen" in crawl
    assert "Error messages when a form is filled in wrong" not in crawl


def test_the_recorded_forms_findings_carry_message_ids_with_german_titles():
    from auditor.plugins import SiteView
    from checks.forms import Buttons, FormLength, InputTypes, Labels, RequiredFields

    from ..checks.test_forms_recorded import recorded

    site = SiteView("http://shop.test/", {}, {}, [], {})
    found = [
        f
        for cls in (Buttons, FormLength, InputTypes, Labels, RequiredFields)
        for f in cls().evaluate(recorded("defects"), site)
    ]
    assert found
    for f in found:
        data = f.to_dict()
        assert data["message_id"].startswith(f.check + ".")
        with i18n.use_lang("de"):
            title = i18n.finding_text(data, "title")
        assert title != data["title"] and "{" not in title, data["message_id"]
        assert " form)" not in title, title  # the form's kind in German too


# --------------------------------------------------------------------------- axe


def test_axe_finds_no_violation_in_the_german_report(german_path):
    from tests.axe_check import axe_violations

    assert axe_violations([german_path.as_uri()]) == []


# --------------------------------------------------------------------------- summary.md


@pytest.fixture(scope="module")
def summaries(demo) -> dict[str, str]:
    out = {}
    for lang in ("en", "de"):
        with i18n.use_lang(lang):
            out[lang] = markdown_mod.build_markdown(copy.deepcopy(demo))
    return out


def test_the_summary_has_the_short_sections_in_both_languages(summaries):
    en, de_text = summaries["en"], summaries["de"]
    for heading in ("How the score is made", "Performance", "Search", "Forms", "Pages"):
        assert f"\n## {heading}\n" in en, heading
        assert f"\n## {de.TEXTS[heading]}\n" in de_text, heading
    # performance per template names its worst page, not only the median
    row = next(line for line in en.splitlines() if line.startswith("| /product/\\*"))
    assert "363 ms (/product/alpine-shell-jacket)" in row
    assert "268 ms / " in row  # the median beside it
    assert "363 ms (/product/alpine-shell-jacket)" in de_text
    # the forms with their probes, the search in figures, the pages counted
    assert "| /contact | 14 | Sent unchecked (the audit blocked the request)" in en
    assert (
        "| /contact | 14 | Ungeprüft abgeschickt (die Prüfung hat die Anfrage blockiert)" in de_text
    )
    assert "found 5 among the first results (100%)" in en
    assert "46 audited pages in 22 templates" in en
    assert "46 geprüfte Seiten in 22 Vorlagen" in de_text
    assert "| Search | 74 | 1 | 20% | 5.1 | Search tolerance (−10) |" in en
    assert "| Suche | 74 | 1 | 20% | 5,1 | Fehlertoleranz der Suche (−10) |" in de_text


def test_no_english_text_of_the_table_is_left_in_the_german_summary(summaries, demo):
    text = without_results_text(summaries["de"].replace("\\", ""), demo)
    english = [
        en
        for en, text_de in de.TEXTS.items()
        if en not in text_de and " " in en.strip() and "{" not in en and len(en) >= 8
    ]
    left = sorted(en for en in english if en in text)
    assert left == []
    assert "# Usability-Prüfung: " in summaries["de"]


# --------------------------------------------------------------------------- options


def test_auditor_report_lang_de_renders_saved_results_in_german(tmp_path):
    from click.testing import CliRunner

    from auditor.cli import cli

    saved = tmp_path / "results.json"
    saved.write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["report", str(saved), "--lang", "de", "--format", "html,markdown,sarif"]
    )
    assert result.exit_code == 0, result.output
    assert '<html lang="de">' in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "## Wichtigste Probleme" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    sarif = (tmp_path / "results.sarif").read_text(encoding="utf-8")
    assert "Fehlermeldungen bei falsch ausgefüllten Formularen" in sarif
    assert saved.read_text(encoding="utf-8") == DEMO.read_text(encoding="utf-8")  # untouched
    bad = CliRunner().invoke(cli, ["report", str(saved), "--lang", "fr"])
    assert bad.exit_code == 2


def test_output_lang_in_the_config_is_checked(tmp_path):
    from auditor.config import load_settings
    from auditor.errors import AuditorError

    assert load_settings(None, {}).output.lang == "en"
    assert load_settings(None, {"output": {"lang": "de"}}).output.lang == "de"
    config = tmp_path / "auditor.toml"
    config.write_text('[output]\nlang = "fr"\n', encoding="utf-8")
    with pytest.raises(AuditorError, match=r"output\.lang"):
        load_settings(str(config), {})


def test_axe_findings_are_named_in_german_by_their_rule():
    from checks.accessibility import AxeCore

    from ..checks.test_accessibility_axe import contrast, site, view

    pages = [
        view("/", "/", [contrast(["footer > p", "footer > a"], "footer")]),
        view("/p/a", "/p/*", [contrast([".price"], "main")]),
    ]
    found = {f.selector: f.to_dict() for f in AxeCore().evaluate(pages, site())}
    with i18n.use_lang("de"):
        titles = {sel: i18n.finding_text(f, "title") for sel, f in found.items()}
    assert titles[".price"] == "Elemente müssen das Mindest-Kontrastverhältnis einhalten"
    footer = next(t for sel, t in titles.items() if sel != ".price")
    assert footer == "Elemente müssen das Mindest-Kontrastverhältnis einhalten (2 Elemente)"


def test_message_ids_and_params_are_valid_in_results_json(demo):
    import jsonschema

    from .test_html import SCHEMA

    results = copy.deepcopy(demo)
    f = next(x for x in results["findings"] if x["check"] == "performance.web-vitals")
    f["message_id"] = "performance.web-vitals.tbt_ms-many"  # as the check writes it
    f["params"] = {"band": "poor", "path": "", "count": 3, "template": "/product/*"}
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(results)
    f["params"] = {"nested": {"no": "objects"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(results)


def test_search_findings_are_named_in_german_by_their_message_id():
    from checks.search import SearchResults, SearchSpeed, ZeroResults

    from ..checks.test_search_checks import run, searches, site

    data = searches(
        run("product", "Red Kettle", expected="/p/red-kettle", echoed=False, kept=False, ms=4e3),
        run("product", "Blue Kettle", expected="/p/blue-kettle", zero=True, shown=0, rank=None),
        run("product", "Green Kettle", expected="/p/green-kettle", rank=14, ms=4000.0),
        run("category", "Kettles", category="/c/kettles", zero_page=True),
        run("nonsense", "qxzvbwkj", zero_page=True, ms=4000.0),
    )
    found = [
        f.to_dict()
        for c in (SearchResults, SearchSpeed, ZeroResults)
        for f in c().evaluate([], site(data))
    ]
    assert len(found) >= 5
    with i18n.use_lang("de"):
        titles = {f["message_id"]: i18n.finding_text(f, "title") for f in found}
    assert all(f.get("message_id") for f in found)
    assert all(titles[f["message_id"]] != f["title"] for f in found), titles
    assert titles["search.results.not-found"] == "Produkt wird über seinen Namen nicht gefunden"
    assert titles["search.speed.search-is-slow"] == "Die Suche ist langsam"


def test_a_merged_finding_keeps_its_german_title_and_its_english_message():
    f = finding(
        message_id="forms.error-handling.no-inline",
        params={
            "form": "contact form",
            "name": "Contact us",
            "field": "Email",
            "value": "a.b",
            "merged": True,
        },
    )
    with i18n.use_lang("de"):
        assert i18n.finding_text(f, "title") == "Keine Prüfung beim Ausfüllen (Kontaktformular)"
        assert i18n.finding_text(f, "message") == f["message"]


def test_merging_findings_keeps_the_message_id_and_marks_the_grown_message():
    from auditor.model import Finding, merge_findings

    def one(url: str, selector: str) -> Finding:
        return Finding(
            check="forms.labels",
            category="forms",
            severity="moderate",
            title="Form field without any label (contact form)",
            message="No label.",
            recommendation="Add a label.",
            url=url,
            selector=selector,
            group="contact|/c|form",
            message_id="forms.labels.no-label",
            params={"form": "contact form", "type": "text"},
        )

    (merged,) = merge_findings([one("http://s.test/a", "#a"), one("http://s.test/b", "#b")])
    data = merged.to_dict()
    assert data["message_id"] == "forms.labels.no-label"
    assert data["params"] == {
        "form": "contact form",
        "type": "text",
        "merged": True,
        "merged_elements": "#a, #b",
        "merged_more": 0,
        "merged_pages": 2,
    }
    assert "Elements: #a, #b." in data["message"]
    with i18n.use_lang("de"):  # the sentences the merge added, in German too
        alone = i18n.finding_text(one("http://s.test/a", "#a").to_dict(), "message")
        assert alone != "No label."
        assert i18n.finding_text(data, "message") == (
            alone + " Elemente: #a, #b. Dieselbe Ursache zeigt sich auf insgesamt 2 Seiten."
        )
