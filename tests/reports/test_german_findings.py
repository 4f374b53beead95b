"""Every finding in German: its title, message and recommendation by message id and params
(reports/i18n, reports/i18n_de), for what the demo's twins and the barrier pages find.

- on recorded findings (tests/data/german_findings.json, written by
  tests/data/record_german_findings.py): each has a message id with a German entry whose
  placeholders its params fill, so none of the three texts stays English;
- on the checks' source: every message id a check writes as a literal has an entry, and
  every entry has all three texts;
- end to end (slow): the demo's defects twin audited with every check, the same holds.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from auditor.config import PERSONA_NAMES

from .test_html import ROOT, load_reports

reports = load_reports()
i18n = sys.modules[reports.__name__ + ".i18n"]
i18n_de = sys.modules[reports.__name__ + ".i18n_de"]

RECORDED = ROOT / "tests" / "data" / "german_findings.json"
CHECKS = ROOT / "checks"
FIELDS = ("title", "message", "recommendation")
#: a literal message id after the check's id: message_id=f"{self.id}.no-label"
_LITERAL_ID = re.compile(r'message_id=f"\{self\.id\}\.([a-z0-9._-]+)"(?!\s*\+)')
#: the forms checks name the text by its "what": self.form_finding(case, "no-submit", ...)
_FORM_WHAT = re.compile(r'(?:form_finding|self\._finding)\(\s*\w+,\s*"([a-z0-9-]+)"')
_CHECK_ID = re.compile(r'^    id = "([a-z]+\.[a-z0-9-]+)"', re.M)


def german(finding: dict) -> dict[str, str]:
    with i18n.use_lang("de"):
        return {f: i18n.finding_text(finding, f) for f in FIELDS}


def untranslated(findings: list[dict]) -> list[tuple]:
    """(where, check, message id, field) for each text that stays English."""
    left = []
    for f in findings:
        said = german(f)
        for field in FIELDS:
            text = said[field]
            if not f.get("message_id") or text == f[field] or "[[" in text:
                left.append((f.get("source"), f["check"], f.get("message_id"), field))
    return left


@pytest.fixture(scope="module")
def recorded() -> list[dict]:
    return json.loads(RECORDED.read_text(encoding="utf-8"))


def test_the_recording_covers_the_demo_twins_and_the_barrier_pages(recorded):
    sources = {f["source"] for f in recorded}
    assert {"demo", "a11y-pages"} <= sources  # the clean twin has no finding to say
    checks = {f["check"] for f in recorded}
    for family in (
        "accessibility.",
        "navigation.",
        "performance.",
        "forms.",
        "search.",
        "journeys.",
    ):
        assert any(c.startswith(family) for c in checks), family
    assert len(recorded) >= 60


def test_every_recorded_finding_has_a_german_title_message_and_fix(recorded):
    assert untranslated(recorded) == []


def test_a_finding_whose_params_lack_a_placeholder_is_caught(recorded):
    f = next(f for f in recorded if f["message_id"] == "navigation.broken-links.link")
    broken = {**f, "params": {k: v for k, v in f["params"].items() if k != "target"}}
    assert untranslated([f]) == []
    assert untranslated([broken]) == [(f["source"], f["check"], f["message_id"], "message")]
    unknown = {**f, "message_id": "navigation.broken-links.no-such-text"}
    assert len(untranslated([unknown])) == 3


def test_no_english_word_is_left_in_the_german_messages(recorded):
    """The checks' own words in a German sentence (a band, a region, a form's kind) come
    from the table too: none of these English words of the checks is left."""
    english = re.compile(
        r"\b(the|pages?|which|answers|customers?|needs improvement|header|footer|"
        r"elements?|field|form|shows?|without)\b"
    )
    shop_words = {"Nordwind", "Outfitters"}
    left = []
    for f in recorded:
        params = " ".join(str(v) for v in (f.get("params") or {}).values())
        for field, text in german(f).items():
            for word in english.findall(text):
                if word not in params and word not in shop_words:
                    left.append((f["message_id"], field, word))
    assert left == []


# --------------------------------------------------------------------------- the source


def literal_ids() -> dict[str, set[str]]:
    """Message ids written as literals in checks/, by file: check id + suffix."""
    found: dict[str, set[str]] = {}
    for path in sorted(CHECKS.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        ids = _CHECK_ID.findall(text)
        suffixes = set(_LITERAL_ID.findall(text))
        if path.parent.name == "forms":
            suffixes |= set(_FORM_WHAT.findall(text))
        if ids and suffixes:
            found[str(path.relative_to(ROOT))] = {f"{c}.{s}" for c in ids for s in suffixes}
    return found


def test_every_literal_message_id_of_the_checks_has_a_german_entry():
    by_file = literal_ids()
    assert len(by_file) >= 15  # the regexes still find the checks' ids
    # a file may hold several checks: each literal must belong to one of them
    missing = {}
    for path, candidates in by_file.items():
        suffixes = {c.split(".", 2)[2] for c in candidates}
        for suffix in suffixes:
            if not any(c.endswith("." + suffix) and c in i18n_de.FINDINGS for c in candidates):
                missing.setdefault(path, []).append(suffix)
    # ids the forms checks set apart from their "what" (a variant named by the call)
    for ok in ("button-unnamed", "empty-no-error", "malformed-accepted", "focus"):
        for path in list(missing):
            if ok in missing[path]:
                missing[path].remove(ok)
    assert {p: s for p, s in missing.items() if s} == {}


def test_every_german_entry_has_title_message_and_fix():
    incomplete = sorted(
        (msg_id, f)
        for msg_id, texts in i18n_de.FINDINGS.items()
        for f in FIELDS
        if not texts.get(f)
    )
    assert incomplete == []
    assert len(i18n_de.FINDINGS) >= 200


def test_every_check_title_is_german():
    from auditor.plugins import discover_checks

    ids = {cid for cid, cls, _ in discover_checks() if cls is not None}
    assert sorted(ids - set(i18n_de.CHECKS)) == []


# --------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def demo_defects(tmp_path_factory) -> list[dict]:
    import asyncio

    from tests.data.record_german_findings import audit_demo, findings_of

    # the defects twin only: the clean twin has no finding to say (tests/test_demo_*
    # assert that), and a second whole audit would double this test's minutes
    results = asyncio.run(audit_demo("defects", tmp_path_factory.mktemp("defects")))
    return findings_of(results, "defects")


@pytest.mark.slow
def test_the_demo_audited_now_is_said_in_german_through_and_through(demo_defects):
    assert len(demo_defects) >= 40
    assert untranslated(demo_defects) == []


# --------------------------------------------------------------------------- lines of results.json


def test_the_gate_lines_and_review_notes_are_said_in_german():
    from auditor.config import load_settings
    from auditor.gate import evaluate

    results = json.loads((ROOT / "tests" / "data" / "demo_results.json").read_text("utf-8"))
    gate = load_settings(
        None,
        {
            "gate": {
                "fail_under": 99,
                "categories": {"accessibility": 99},
                "max_findings": {"serious": 0},
                "budgets": {"*": {"lcp_ms": 100}, "/nowhere/*": {"cls": 0.1}},
                "journey_effort": {"checkout": 5},
            }
        },
        environ={},
    ).gate
    rules = evaluate(results, gate, None)
    assert {r.rule for r in rules} >= {"overall", "category", "max_findings", "budget"}
    with i18n.use_lang("de"):
        lines = [(r.what, i18n.said(r.what), r.measured, i18n.said(r.measured)) for r in rules]
        notes = [i18n.t(n) for n in ("separate first and last name fields", "not measured")]
        contrast = i18n.axe_help("color-contrast", "Elements must meet minimum color contrast")
    left = [en for en, de, _, _ in lines if en == de]
    assert left == []
    assert any("Median aus" in de for _, de, _, _ in lines)
    assert all(not re.search(r"\b(not|of|step|median)\b", m_de) for _, _, _, m_de in lines)
    assert notes == ["getrennte Felder für Vor- und Nachname", "nicht gemessen"]
    assert contrast == "Elemente müssen das Mindest-Kontrastverhältnis einhalten"
    assert i18n.said("overall score") == "overall score"  # English outside use_lang("de")


def dynamic_ids() -> list[str]:
    """The message ids the checks build from their data (a rule, a kind, a variant),
    each variant spelled out: what the literal scan above cannot see."""
    from checks.accessibility.axe import FIXES
    from checks.navigation.key_pages import _NAMES
    from checks.search.tolerance import _WHAT

    ids = [f"accessibility.axe.{r}{many}" for r in FIXES for many in ("", ".many")]
    ids += [f"accessibility.keyboard.{v}" for v in ("focus-chrome", "focus-kind")]
    ids += [f"accessibility.keyboard.skip-broken-{v}" for v in ("target", "tab")]
    ids += [f"accessibility.link-texts.vague-{v}" for v in ("one", "many")]
    ids += [
        f"accessibility.text-resize.{w}{s}" for w in ("chrome", "content") for s in ("", "-scrolls")
    ]
    ids += [f"accessibility.image-alts.file-name{v}" for v in ("", "-linked")]
    ids += [f"accessibility.motion.{v}" for v in ("carousel", "video")]
    ids += [f"accessibility.choice-groups.{v}" for v in ("radio", "checkbox")]
    ids += [f"accessibility.duplicate-ids.{v}" for v in ("plain", "referenced")]
    ids += [f"navigation.soft-404.probe-{v}" for v in ("redirect", "not-found", "ordinary")]
    ids += [f"navigation.soft-404.{v}" for v in ("pages", "stranded", "stranded-probe")]
    ids += [
        f"navigation.click-depth.deep-{k}-{n}"
        for k in ("product", "category", "page")
        for n in ("one", "many")
    ]
    ids += [f"navigation.pagination.late-{v}" for v in ("one", "many")]
    ids += [f"navigation.orphans.orphan-{n}{p}" for n in ("one", "many") for p in ("", "-partial")]
    ids += [
        f"navigation.key-pages.{w}.{k}"
        for w in ("missing", "deep", "not-everywhere")
        for k in _NAMES
    ]
    ids += [
        f"performance.web-vitals.{m}-{v}"
        for m in ("lcp_ms", "cls", "inp_ms", "fcp_ms", "ttfb_ms", "tbt_ms")
        for v in ("one", "many", "site")
    ]
    ids += [f"performance.render-blocking.{v}" for v in ("script", "stylesheet")]
    ids += [
        f"performance.compression.{v}"
        for v in ("document", "file", "group-pages", "group-files", "group-both")
    ]
    ids += ["performance.image-sizes.one", "performance.caching.one"]
    ids += [f"performance.page-weight.{v}" for v in ("bytes", "requests")]
    ids += [f"forms.input-types.type-{v}" for v in ("email", "tel")]
    ids += [f"forms.error-handling.{v}" for v in ("empty-sent", "empty-silent")]
    ids += [f"forms.error-handling.focus-{v}" for v in ("button", "elsewhere")]
    ids += [f"forms.error-handling.malformed-{v}" for v in ("sent", "silent")]
    ids += [f"forms.buttons.button-{v}" for v in ("icon-only", "no-text")]
    ids += [f"search.results.{v}" for v in ("not-found", "not-first", "not-listed")]
    ids += [f"search.results.{v}" for v in ("count", "echo", "kept", "refine")]
    ids += [f"search.zero-results.{v}" for v in ("dead-end", "little-help")]
    ids += [f"search.tolerance.{k}" for k in _WHAT]
    ids += [f"search.box.no-search-field-found{v}" for v in ("", "-via-pattern")]
    journeys = {
        "discovery": ("search-only", "unfindable", "search-misses", "lostness"),
        "cart": (
            *("add-review", "add-failed", "variant-hint", "paint"),
            *("cart-content", "cart-checkout", "checkout-fold"),
        ),
        "checkout": (
            *("forced-account", "unreached-review", "unreached", "fields"),
            *("guest-prominence", "steps", "total", "order-wording"),
        ),
        "service": ("service",),
    }
    ids += [f"journeys.{j}.{key}" for j, keys in journeys.items() for key in keys]
    ids += [f"journeys.cart.feedback-{v}" for v in ("nothing", "unnamed", "late")]
    ids += [f"journeys.service.far.{r}" for r in ("contact", "shipping", "returns")]
    ids += [f"journeys.personas.persona.{v}" for v in PERSONA_NAMES if v != "desktop"]
    return ids


def test_every_message_id_the_checks_build_has_a_german_entry():
    ids = dynamic_ids()
    assert len(ids) > 120
    assert sorted(i for i in ids if i not in i18n_de.FINDINGS) == []


def test_the_reasons_a_guest_checkout_weighs_less_are_said_in_german():
    from reports.i18n import finding_text, use_lang

    finding = {
        "message_id": "journeys.checkout.guest-prominence",
        "params": {"reasons": "guest-later|guest-link"},
        "message": "The checkout opens on signing in; ...",
    }
    with use_lang("de"):
        text = finding_text(finding, "message")
    assert "erst nach der Anmeldung auf einem späteren Schritt und sie ist nur ein Textlink" in text
    assert "guest-" not in text
