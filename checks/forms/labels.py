"""forms.labels: every field has a visible label that is tied to it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .buttons import GENERIC, button_name
from .common import FormCase, FormsCheck, field_label, forms_in, single_field

__all__ = ["Labels"]

_MARKS = re.compile(r"\*|\((optional|required|pflicht(feld)?|freiwillig)\)|:", re.I)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", _MARKS.sub(" ", text or "")).strip().lower()


def _button_labels(case: FormCase) -> bool:
    """Whether the form's button is the field's visible label: a form that asks one
    thing, beside a submit button that names it ("Subscribe", "Apply coupon"). WCAG
    technique G167 accepts such a button as the label of a field that has an
    accessible name of its own."""
    if not single_field(case):
        return False
    names = [
        button_name(b) for b in case.form.get("buttons", []) if b.get("submit") and b.get("visible")
    ]
    return any(n and not GENERIC.match(n.strip()) for n in names)


class Labels(FormsCheck):
    """Form fields without a visible, tied label.

    What: fields whose only label is a placeholder; fields with no label at all; fields
    whose label is visible but not tied to them (no label[for], wrapping label or
    aria-labelledby); fields whose accessible name does not contain the visible label.
    Search fields are left to the search checks; a form that asks one thing may let
    its submit button be the visible label ("Subscribe", "Apply coupon"), if the field
    has an accessible name (WCAG technique G167).
    Why: a placeholder disappears as soon as the customer types, so they must remember
    what the field was for, cannot check their entries and mistake it for a filled-in
    value (NN/g, Sherwin 2014, "Placeholders in Form Fields Are Harmful"); an untied
    label is not read out by screen readers (WCAG 1.3.1, 4.1.2); a name that differs
    from the visible label breaks voice control (WCAG 2.5.3 Label in Name).
    Example: <input type="email" placeholder="Your email address">.
    Fix: <label for="email">Email address</label> above the field; keep placeholders for
    examples of the format, if at all.
    """

    id = "forms.labels"
    title = "Form fields have visible, tied labels"
    description = "Placeholder-only or missing labels, labels not tied to their field."
    default_options: ClassVar[dict[str, Any]] = {}

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        out: list[Finding] = []
        for case in forms_in(pages):
            if case.kind == "search":
                continue  # the search family judges the search field's label
            for f in case.fields:
                out.extend(self._field(case, f))
        return out

    def _field(self, case, f: dict) -> list[Finding]:
        tied = f.get("label_for") or f.get("label_wrap") or f.get("labelledby")
        visible_label = f.get("label_text")
        name = field_label(f)
        where = f"{name} in {case.name}"
        if f.get("type") in ("checkbox", "radio") and (tied or f.get("aria_label")):
            return []
        if not tied and not f.get("aria_label") and not f.get("title"):
            if f.get("placeholder"):
                return [
                    self.form_finding(
                        case,
                        "placeholder-only",
                        field=f,
                        severity="serious",
                        title="Placeholder used as the only label",
                        message=f"The field {where} has no label, only the placeholder "
                        f'"{f["placeholder"][:60]}", which disappears as soon as the customer '
                        "types.",
                        recommendation="Add a visible <label for=...> above the field; a "
                        "placeholder may show an example, never the field's name "
                        "(NN/g: placeholders in form fields are harmful).",
                        evidence={"placeholder": f["placeholder"], "field": f.get("name")},
                        params={"placeholder": f["placeholder"][:60]},
                    )
                ]
            return [
                self.form_finding(
                    case,
                    "no-label",
                    field=f,
                    severity="serious",
                    title="Form field without any label",
                    message=f"A {f.get('type')} field ({f.get('name') or f.get('id') or 'no name'})"
                    f" in {case.name} has no label tied to it (label[for], a wrapping "
                    "label or aria-labelledby), no placeholder and no accessible name.",
                    recommendation="Give the field a visible <label for=...>.",
                    evidence={"field": f.get("name"), "text_nearby": f.get("around")},
                    params={"type": f.get("type"), "ident": f.get("name") or f.get("id") or ""},
                )
            ]
        if not visible_label and not _button_labels(case):
            return [
                self.form_finding(
                    case,
                    "no-visible-label",
                    field=f,
                    severity="moderate",
                    title="Field labelled for screen readers only",
                    message=f"The field {where} has an accessible name but no visible label; "
                    "sighted customers see at most a placeholder.",
                    recommendation="Show the label above the field, tied with <label for=...>.",
                    evidence={"accessible_name": f.get("acc_name")},
                )
            ]
        seen, heard = _norm(visible_label), _norm(f.get("acc_name") or "")
        if seen and heard and seen not in heard:
            return [
                self.form_finding(
                    case,
                    "label-in-name",
                    field=f,
                    severity="moderate",
                    title="Accessible name differs from the visible label",
                    message=f'The field {where} shows the label "{visible_label[:60]}" but is '
                    f'announced as "{(f.get("acc_name") or "")[:60]}"; voice control users '
                    "who say what they see cannot reach it (WCAG 2.5.3).",
                    recommendation="Let the visible label be the accessible name: drop the "
                    "aria-label, or make it start with the visible text.",
                    evidence={"visible_label": visible_label, "accessible_name": f.get("acc_name")},
                    params={
                        "label": visible_label[:60],
                        "acc_name": (f.get("acc_name") or "")[:60],
                    },
                )
            ]
        return []
