"""Every finding in German: its title, message and recommendation by message id and params
(reports/i18n, reports/i18n_de), for what the demo's twins and the barrier pages find.

- on recorded findings (tests/data/german_findings.json, written by
  tests/data/record_german_findings.py): each has a message id with a German entry whose
  placeholders its params fill, so none of the three texts stays English;
- on the checks' source: every message id a check writes as a literal has an entry, and
  every entry has all three texts;
- end to end (slow): the demo's two twins audited with every check, the same holds.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

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
def demo_twins(tmp_path_factory) -> list[dict]:
    import asyncio

    from tests.data.record_german_findings import audit_demo, findings_of

    async def both() -> list[dict]:
        out = []
        for mode in ("defects", "clean"):
            results = await audit_demo(mode, tmp_path_factory.mktemp(mode))
            out += findings_of(results, mode)
        return out

    return asyncio.run(both())


@pytest.mark.slow
def test_the_demo_audited_now_is_said_in_german_through_and_through(demo_twins):
    assert len(demo_twins) >= 40
    assert untranslated(demo_twins) == []


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
