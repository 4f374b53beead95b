"""The "Forms" section: each form the audit found, what its probes saw, its findings.

Why per form: the owner fixes the contact form, not "forms.error-handling"; seeing the
form's kind, page, size, marks, autofill and what happened when it was sent empty or
with a malformed email, next to the picture taken after the failed submit, says what to
change in one place.

From results.json: ``forms.error-handling``'s details (``probes``: one per form tried,
with the outcome of the empty and the malformed-email submit) and the evidence of the
forms findings (field counts, unmarked required fields, missing autocomplete tokens,
the picture). A form that was not probed but has findings is listed too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from checks.forms.classify import FORM_NOUNS

from ..common import (
    MAX_SHORT,
    MAX_TITLE,
    Labels,
    as_dict,
    as_list,
    clip,
    int_or_none,
    is_number,
    url_view,
)
from ..i18n import localise_number, t, tn
from ..images import screenshot
from .data import ReportData
from .journeys import JOURNEY_NAMES, journey_step_cost

__all__ = ["OUTCOMES", "forms_view"]

PROBE_CHECK = "forms.error-handling"
KIND_LABELS = Labels(
    {
        "login": "Sign-in",
        "registration": "Registration",
        "checkout": "Checkout",
        "payment": "Payment",
        "contact": "Contact",
        "newsletter": "Newsletter",
        "search": "Search",
        "other": "Other",
    }
)
#: what a probe's outcome (forms.error-handling's ``judge_attempt``) means, and its tone
OUTCOMES = {
    "messages": ("The page showed error messages", "good"),
    "dialog": ("Only an alert box complained", "average"),
    "native": ("Only the browser's own bubble complained", "average"),
    "sent": ("Sent unchecked (the audit blocked the request)", "poor"),
    "silent": ("Nothing happened: no message at all", "poor"),
    "unsent": ("The submit button could not be pressed", "na"),
}
#: where the failed empty submit left the keyboard focus (the probe summary's ``focus``)
FOCUS = {
    "field": ("On the first wrong field", "good"),
    "summary": ("On the error summary", "good"),
    "message": ("On an error message", "good"),
    "button": ("Stayed on the submit button", "average"),
    "other": ("Somewhere else on the page", "average"),
    "none": ("Lost: on no element", "poor"),
}
_NOUN_IN_TITLE = re.compile(r"\(([^()]{1,40} form)\)\s*$")
MAX_FORMS = 40
MAX_FORM_FINDINGS = 12


def _outcome(value: Any) -> dict[str, str] | None:
    """A probe outcome in words, with a tone; a skip reason is shown as it is."""
    if value is None:
        return None
    if value in OUTCOMES:
        text, tone = OUTCOMES[value]
        return {"text": t(text), "tone": tone}
    return {"text": t("Not tried:") + " " + t(clip(value, 200)), "tone": "na"}


def _focus(value: Any) -> dict[str, str] | None:
    """Where the focus went after the failed empty submit, in words; None unrecorded."""
    if value in FOCUS:
        text, tone = FOCUS[value]
        return {"text": t(text), "tone": tone}
    return None


def _key(url: Any, noun: str) -> tuple[str, str]:
    return (url if isinstance(url, str) else "", noun)


def _form_findings(data: ReportData) -> dict[tuple[str, str], list[tuple[int, dict]]]:
    """The forms findings by (page, form noun): their titles end in "(contact form)"."""
    out: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for number, finding in enumerate(data.findings, start=1):
        if not str(finding.get("check", "")).startswith("forms."):
            continue
        match = _NOUN_IN_TITLE.search(str(finding.get("title", "")))
        if not match:
            continue
        out.setdefault(_key(finding.get("url"), match.group(1)), []).append((number, finding))
    return out


def _fields(findings: list[dict]) -> int | None:
    """The form's number of fields, as far as its findings state it."""
    counts = []
    for f in findings:
        ev, check = as_dict(f.get("evidence")), f.get("check")
        if check == "forms.length" and ev.get("unit") == "fields" and is_number(ev.get("value")):
            counts.append(int(ev["value"]))
        elif check == "forms.required-fields" and int_or_none(ev.get("fields")):
            counts.append(ev["fields"])
        elif check == PROBE_CHECK and isinstance(ev.get("fields"), list):
            counts.append(len(ev["fields"]))
    return max(counts) if counts else None


def _required(findings: list[dict], ran: bool, facts: Mapping[str, Any]) -> dict[str, str]:
    """Whether required fields are marked: the required-fields check's word on it, and
    its figures (results.json's details.forms) where it found nothing wrong."""
    hit = next((f for f in findings if f.get("check") == "forms.required-fields"), None)
    if hit:
        count = int_or_none(as_dict(hit.get("evidence")).get("fields"))
        text = t("Required fields are not marked")
        if count:
            text += " (" + tn(count, "{n} field", "{n} fields") + ")"
        return {"text": text, "tone": "poor"}
    required, marked = int_or_none(facts.get("required")), int_or_none(facts.get("marked"))
    if ran and required is not None and marked is not None:
        if facts.get("all_required_said") is True:
            return {"text": t("The form says every field is required"), "tone": "good"}
        if required == 0 and int_or_none(facts.get("optional_marked")):
            return {"text": t("Optional fields are marked"), "tone": "good"}
        if required == 0 and marked == 0:
            return {"text": t("No field is required"), "tone": "good"}
        return {
            "text": t(
                "{marked} of {required} required fields marked", marked=marked, required=required
            ),
            "tone": "good",
        }
    if ran:
        return {"text": t("No problem found"), "tone": "good"}
    return {"text": t("Not checked"), "tone": "na"}


def _autocomplete(findings: list[dict], ran: bool, facts: Mapping[str, Any]) -> dict[str, str]:
    """Autofill coverage: the fields the input-types check found without a token, or
    its figures (results.json's details.forms) where every field has one."""
    for f in findings:
        ev = as_dict(f.get("evidence"))
        if f.get("check") == "forms.input-types" and "missing" in ev:
            missing = int_or_none(ev.get("missing")) or len(as_list(ev.get("fields")))
            names = ", ".join(clip(x, MAX_SHORT) for x in as_list(ev.get("fields"))[:4])
            text = tn(missing, "{n} field without a token", "{n} fields without a token")
            return {"text": text + (f" ({names})" if names else ""), "tone": "average"}
    needing = int_or_none(facts.get("needing"))
    if ran and needing:
        return {
            "text": t(
                "{with_token} of {needing} fields have a token",
                with_token=int_or_none(facts.get("with_token")) or 0,
                needing=needing,
            ),
            "tone": "good",
        }
    if ran:
        return {"text": t("Every field that needs one has a token"), "tone": "good"}
    return {"text": t("Not checked"), "tone": "na"}


def _picture(findings: list[dict]) -> dict[str, str] | None:
    """The picture taken after the failed submit, from the first finding that has one."""
    for f in findings:
        uri = screenshot(f.get("evidence"))
        if uri:
            attempt = as_dict(f.get("evidence")).get("attempt")
            if attempt:
                caption = t("The form after the {attempt} submit", attempt=t(clip(attempt, 40)))
            else:
                caption = t("The form as the probe saw it")
            return {"src": uri, "caption": caption}
    return None


def _form_view(
    probe: Mapping[str, Any],
    found: list[tuple[int, dict]],
    data: ReportData,
    all_facts: Mapping[tuple[Any, Any], dict[str, Any]],
    efforts: Mapping[str, dict[str, Any]],
) -> dict[str, Any]:
    """One form's card; ``all_facts`` and ``efforts`` are the section's, read once."""
    findings = [f for _, f in found]
    kind = probe.get("kind") if isinstance(probe.get("kind"), str) else "other"
    facts = all_facts.get((probe.get("url"), probe.get("form")), {})
    return {
        "kind": KIND_LABELS.get(kind, clip(kind, MAX_SHORT).capitalize()),
        "name": _form_name(clip(probe.get("form"), MAX_TITLE)),
        "url": url_view(probe.get("url"), data.origin),
        "fields": _fields(findings) or int_or_none(facts.get("fields")),
        "required": _required(findings, _ran(data, "forms.required-fields"), facts),
        "autocomplete": _autocomplete(findings, _ran(data, "forms.input-types"), facts),
        "empty": _outcome(probe.get("empty")),
        "malformed": _outcome(probe.get("malformed_email")),
        "focus": _focus(probe.get("focus")),
        "blocked": int_or_none(probe.get("requests_blocked")),
        "probed": bool(probe.get("probed", True)),
        "picture": _picture(findings),
        "findings": [data.ref(n) for n, _ in found[:MAX_FORM_FINDINGS]],
        "findings_more": max(len(found) - MAX_FORM_FINDINGS, 0),
        "effort": efforts.get(probe.get("url")),
        "notes": [
            t(clip(r.get("note"), MAX_TITLE))
            for r in _reviews(data)
            if r.get("url") == probe.get("url") and r.get("form") == probe.get("form")
        ][:3],
    }


def _journey_effort(data: ReportData) -> dict[str, dict[str, Any]]:
    """{page URL: what filling its form costs a customer}, from the journeys' steps that
    fill a form (predicted, never typed, in the checkout), the desktop walk's figures."""
    out: dict[str, dict[str, Any]] = {}
    for walk in as_list(data.results.get("journeys")):
        if not isinstance(walk, dict) or walk.get("persona") not in (None, "desktop"):
            continue
        for step in as_list(walk.get("steps")):
            ops = as_dict(as_dict(step).get("ops"))
            typed = ops.get("type")
            if not isinstance(step, dict) or not (step.get("predicted") or typed):
                continue
            typed_fields = len(typed) if isinstance(typed, list) else 1
            # a field the browser fills is one click, a choice one choose: fields too
            fields = typed_fields + sum(int_or_none(ops.get(k)) or 0 for k in ("click", "choose"))
            out.setdefault(
                step.get("url"),
                {
                    "journey": t(JOURNEY_NAMES.get(walk.get("journey"), "")) or "",
                    "seconds": localise_number(f"{journey_step_cost(step, 'desktop'):.1f} s"),
                    "fields": fields,
                },
            )
    return out


_FORM_NAME = re.compile(r'^(the (?:[a-z -]{1,30} )?form)( ".*")?$', re.S)


def _form_name(name: str) -> str:
    """A form as the probe names it ('the contact form "Contact us"'): the audit's words
    in the report's language, the shop's own name after them as it is."""
    match = _FORM_NAME.match(name)
    if not match:
        return name
    return t(match.group(1)) + (match.group(2) or "")


#: the checks that record each form's figures in their details (``details.forms``)
FACT_CHECKS = ("forms.length", "forms.required-fields", "forms.input-types")


def _facts(data: ReportData) -> dict[tuple[Any, Any], dict[str, Any]]:
    """{(page URL, form name): the figures the forms checks recorded of it}, merged over
    the checks: a form without findings still shows its fields, marks and autofill."""
    out: dict[tuple[Any, Any], dict[str, Any]] = {}
    for check_id in FACT_CHECKS:
        for entry in as_list(as_dict((data.check(check_id) or {}).get("details")).get("forms")):
            entry = as_dict(entry)
            if isinstance(entry.get("url"), str) and isinstance(entry.get("form"), str):
                out.setdefault((entry["url"], entry["form"]), {}).update(entry)
    return out


def _ran(data: ReportData, check_id: str) -> bool:
    return (data.check(check_id) or {}).get("status") == "ran"


def _reviews(data: ReportData) -> list[dict[str, Any]]:
    """What the probe could not decide (sign-in errors come from the server, say)."""
    details = as_dict((data.check(PROBE_CHECK) or {}).get("details"))
    return [r for r in as_list(details.get("needs_review")) if isinstance(r, dict)]


def _probes(data: ReportData) -> list[dict[str, Any]]:
    details = as_dict((data.check(PROBE_CHECK) or {}).get("details"))
    return [p for p in as_list(details.get("probes")) if isinstance(p, dict)]


def forms_view(data: ReportData) -> dict[str, Any] | None:
    """The section, or None when no forms check ran and no forms finding exists."""
    ran = [c for c in data.checks if str(c.get("id", "")).startswith("forms.")]
    by_form = _form_findings(data)
    if not any(c.get("status") == "ran" for c in ran) and not by_form:
        return None
    forms, seen = [], set()
    all_facts, efforts = _facts(data), _journey_effort(data)
    for probe in _probes(data):
        kind = probe.get("kind") if isinstance(probe.get("kind"), str) else ""
        key = _key(probe.get("url"), FORM_NOUNS.get(kind, "form"))
        seen.add(key)
        forms.append(_form_view(probe, by_form.get(key, []), data, all_facts, efforts))
    for (url, noun), found in by_form.items():
        if (url, noun) in seen:
            continue
        kind = next((k for k, n in FORM_NOUNS.items() if n == noun), "other")
        named = next((n for u, n in all_facts if u == url and f"the {noun}" in n), None)
        probe = {"url": url, "kind": kind, "form": named or f"the {noun}", "probed": False}
        seen.add((url, noun))
        forms.append(_form_view(probe, found, data, all_facts, efforts))
    for (url, name), facts in all_facts.items():  # neither probed nor with a finding
        kind = facts.get("kind") if isinstance(facts.get("kind"), str) else "other"
        if _key(url, FORM_NOUNS.get(kind, "form")) in seen:
            continue
        seen.add(_key(url, FORM_NOUNS.get(kind, "form")))
        probe = {"url": url, "kind": kind, "form": name, "probed": False}
        forms.append(_form_view(probe, [], data, all_facts, efforts))
    unplaced = [
        data.ref(n)
        for n, f in enumerate(data.findings, start=1)
        if str(f.get("check", "")).startswith("forms.")
        and not _NOUN_IN_TITLE.search(str(f.get("title", "")))
    ]
    return {
        "unplaced": unplaced[:MAX_FORM_FINDINGS],
        "forms": forms[:MAX_FORMS],
        "more": max(len(forms) - MAX_FORMS, 0),
        "probed": sum(1 for f in forms if f["probed"]),
        "findings": sum(len(v) for v in by_form.values()),
        "probe_ran": _ran(data, PROBE_CHECK),
    }
