"""forms.length: how many fields a form asks for, against e-commerce research."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .classify import FORM_KINDS, field_purpose
from .common import MAX_FORM_FACTS, FormCase, FormsCheck, field_label, form_facts, forms_in

__all__ = ["FormLength", "count_fields"]

BAYMARD = (
    "Baymard 2024: the average checkout has 11.3 form fields where 8 are achievable, "
    "and 22% of shoppers abandoned an order over a too long or complicated checkout"
)


def count_fields(case: FormCase) -> int:
    """Visible fields; a group of radio buttons is one question."""
    radios = {f.get("name") for f in case.fields if f.get("type") == "radio"}
    return len([f for f in case.fields if f.get("type") != "radio"]) + len(radios)


class FormLength(FormsCheck):
    """Form length: fields per form type, and fields that cost more than they bring.

    What: forms with more visible fields than the budget for their kind; a "confirm
    email" field; a CAPTCHA; a second address line shown by default; separate first and
    last name fields (``split_name = false`` lists them under needs review instead, for
    shops whose carrier or formal salutations really need the parts). Search forms are
    left out: an advanced search's fields are optional filters, not questions.
    Why: Baymard (2024) measured 11.3 fields in the average checkout where 8 suffice,
    and 22% of shoppers abandoned an order over a long or complicated checkout.
    Every extra field costs typing on a phone; a confirm-email field doubles it for no
    gain (the customer copies the address), a CAPTCHA turns buyers away, a visible
    second address line makes customers think they must fill it in; first and last name
    fields are one field more, and names with several given or family names, the family
    name first or a single name do not fit them (Baymard recommends one "Full name"
    field; W3C, "Personal names around the world").
    Example: a contact form with salutation, title, company, department, fax...
    Fix: ask only what the order or request needs; put the rest after the purchase.
    """

    id = "forms.length"
    title = "Form length"
    description = "Visible fields per form type against research; confirm email, CAPTCHA."
    default_options: ClassVar[dict[str, Any]] = {
        "max_fields": {
            "checkout": 11,
            "registration": 5,
            "contact": 5,
            "newsletter": 2,
            "login": 3,
        },
        "split_name": True,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "max_fields": "most visible fields per form type before a finding (checkout 11: "
        "Baymard's 2024 average is 11.3 with 8 achievable); kinds: "
        + ", ".join(k for k in FORM_KINDS if k != "search"),
        "split_name": "a finding for separate first and last name fields (off: listed "
        "under needs review, e.g. where a carrier needs the parts)",
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        # a user file names only the kinds it changes; the others keep their budget
        given = (options or {}).get("max_fields") or {}
        self.options["max_fields"] = {**self.default_options["max_fields"], **given}
        self.details: dict[str, Any] | None = None

    def configure(self, settings: Settings) -> None:
        for kind, limit in self.options["max_fields"].items():
            if (
                kind not in FORM_KINDS
                or isinstance(limit, bool)
                or not isinstance(limit, int)
                or limit < 1
            ):
                raise ConfigError(
                    f"{settings.source}: 'checks.\"{self.id}\".max_fields.{kind}' must be a form "
                    f"kind ({', '.join(FORM_KINDS)}) with a whole number >= 1"
                )

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        out: list[Finding] = []
        review: list[dict] = []
        budgets = self.options["max_fields"]
        facts: list[dict] = []
        for case in forms_in(pages):
            if case.kind == "search" or not case.fields:
                continue
            purposes = {field_purpose(f, case.kind): f for f in case.fields}
            split = "given-name" in purposes and "family-name" in purposes
            count, budget = count_fields(case), budgets.get(case.kind)
            if len(facts) < MAX_FORM_FACTS:
                facts.append(form_facts(case, fields=count, budget=budget))
            if budget is not None and count > budget:
                savings = []
                if split:
                    savings.append("one name field instead of first and last name (-1)")
                if "email-confirm" in purposes:
                    savings.append("no confirm-email field (-1)")
                if "address-line2" in purposes:
                    savings.append("address line 2 behind a link (-1)")
                optional = [f for f in case.fields if f.get("optional_marker")]
                if optional:
                    savings.append(f"drop or defer {len(optional)} optional field(s)")
                out.append(
                    self.form_finding(
                        case,
                        "too-long",
                        params={
                            "count": count,
                            "budget": budget,
                            "fields": ", ".join(field_label(f) for f in case.fields[:16]),
                            "savings": "|".join(
                                w
                                for w, on in (
                                    ("split-name", split),
                                    ("confirm-email", "email-confirm" in purposes),
                                    ("address-line2", "address-line2" in purposes),
                                )
                                if on
                            ),
                            "optional": len(optional) or None,
                        },
                        severity="moderate",
                        title=f"Long form: {count} fields",
                        message=f"{case.name[0].upper()}{case.name[1:]} shows {count} fields "
                        f"where {budget} should do for a {case.kind} form "
                        f"({', '.join(field_label(f) for f in case.fields[:16])}). {BAYMARD}.",
                        recommendation="Ask only for what this step needs"
                        + (": " + "; ".join(savings) if savings else "")
                        + ".",
                        evidence={
                            "value": count,
                            "limit": budget,
                            "unit": "fields",
                            "kind": case.kind,
                            "savings": savings,
                        },
                    )
                )
            if split and self.options["split_name"]:
                out.append(self._split_name(case, purposes))
            elif split and (budget is None or count <= budget):
                review.append(
                    {
                        "url": case.page.url,
                        "form": case.name,
                        "note": "separate first and last name fields",
                    }
                )
            if "email-confirm" in purposes:
                f = purposes["email-confirm"]
                out.append(
                    self.form_finding(
                        case,
                        "confirm-email",
                        field=f,
                        severity="moderate",
                        title="Confirm-email field",
                        message=f"{case.name[0].upper()}{case.name[1:]} asks for the email "
                        f"address twice ({field_label(f)}): customers copy and paste it, so "
                        "typos survive and every customer types more.",
                        recommendation="Ask once; show the address back on the review step, "
                        "and validate its format inline.",
                        evidence={"field": f.get("name") or f.get("id")},
                    )
                )
            if case.form.get("captcha"):
                out.append(
                    self.form_finding(
                        case,
                        "captcha",
                        severity="moderate",
                        title="CAPTCHA in the form",
                        message=f"{case.name[0].upper()}{case.name[1:]} makes customers solve "
                        "a CAPTCHA: extra work, failed attempts, and a barrier for people "
                        "with low vision (WCAG 1.1.1 asks for an alternative).",
                        recommendation="Fight spam behind the scenes (honeypot field, rate "
                        "limits, server-side scoring) instead of asking the customer.",
                        evidence={"captcha": True},
                        params={},
                    )
                )
            if "address-line2" in purposes and case.kind in ("checkout", "other", "registration"):
                f = purposes["address-line2"]
                out.append(
                    self.form_finding(
                        case,
                        "address-line2",
                        field=f,
                        severity="minor",
                        title="Second address line shown by default",
                        message=f"{case.name[0].upper()}{case.name[1:]} shows {field_label(f)} "
                        "to everyone; most customers do not need it and wonder what to "
                        "put there.",
                        recommendation='Hide it behind an "Add apartment, suite, etc." link.',
                        evidence={"field": f.get("name") or f.get("id")},
                    )
                )
        self.details = {"needs_review": review[:50], "forms": facts}
        return out

    def _split_name(self, case: FormCase, purposes: dict[str, dict]) -> Finding:
        first, last = purposes["given-name"], purposes["family-name"]
        return self.form_finding(
            case,
            "split-name",
            field=first,
            severity="minor",
            title="Separate first and last name fields",
            message=f"{case.name[0].upper()}{case.name[1:]} asks for the name in two fields "
            f"({field_label(first)}, {field_label(last)}): one more field to fill in, and "
            "names that do not fit a first/last scheme (several given or family names, the "
            "family name first, a single name) leave customers unsure what goes where. "
            'Baymard recommends a single "Full name" field.',
            recommendation='Ask for one "Full name" field with autocomplete="name"; split '
            "it behind the scenes if a system needs the parts.",
            evidence={"fields": [f.get("name") or f.get("id") for f in (first, last)]},
            params={"last": field_label(last).strip('"')},
        )
