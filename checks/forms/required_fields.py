"""forms.required-fields: which fields must be filled in, shown to the eye and in markup."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .classify import text_fields
from .common import (
    MAX_FORM_FACTS,
    FormCase,
    FormsCheck,
    field_label,
    form_facts,
    forms_in,
    single_field,
)

__all__ = ["RequiredFields"]

#: forms where the customer must be told which fields are required
JUDGED_KINDS = ("registration", "checkout", "contact", "newsletter", "other")
_ALL_REQUIRED = re.compile(
    r"all fields (are )?(required|mandatory)|alle felder sind pflicht|alle felder (müssen|sind)",
    re.I,
)


def _needs_marks(case: FormCase, fields: list[dict]) -> bool:
    """Whether customers must be told which of this form's fields are required.

    Not in sign-in, search and payment forms (every field is needed, and customers
    know it); not in a form that asks one thing (a newsletter's email, a coupon code:
    that it is needed is plain); not in a form of menus only (a menu always sends a
    value, so nothing can be left out); not in a short form of another kind (a sort
    menu, a quantity).
    """
    if case.kind not in JUDGED_KINDS or not fields or single_field(case):
        return False
    if not text_fields(fields):
        return False
    return not (case.kind == "other" and len(fields) < 3)


class RequiredFields(FormsCheck):
    """Required and optional fields, marked for the eye and for assistive technology.

    What: forms where no field says whether it is required or optional; fields required
    in markup (required, aria-required) but not visibly; fields marked with '*' or
    "required" but not in markup. Sign-in, search and payment forms are left out (every
    field of them is needed, and customers know it), and so are forms that ask one
    thing (a newsletter's email, a coupon code) and forms of menus only.
    Why: customers who cannot tell required from optional either fill in everything
    (time) or submit and meet errors (frustration); screen readers announce only the
    markup (WCAG 3.3.2 Labels or Instructions, 1.3.1).
    Example: a checkout whose fields have no '*', no "(optional)" and no required.
    Fix: mark required fields with '*' explained above the form (or mark the few
    optional ones "(optional)"), and put required/aria-required on them.
    """

    id = "forms.required-fields"
    title = "Required fields are marked"
    description = "Required and optional fields told apart, visibly and in markup."
    default_options: ClassVar[dict[str, Any]] = {}

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        out: list[Finding] = []
        facts: list[dict] = []
        for case in forms_in(pages):
            fields = [f for f in case.fields if f.get("type") not in ("checkbox", "radio")]
            if not _needs_marks(case, fields):
                continue
            in_markup = [f for f in fields if f.get("required") or f.get("aria_required")]
            shown = [f for f in fields if f.get("required_marker")]
            optional = [f for f in fields if f.get("optional_marker")]
            told = _ALL_REQUIRED.search(
                f"{case.form.get('text', '')} {case.form.get('before', '')}"
            )
            if len(facts) < MAX_FORM_FACTS:  # the form's marks in figures, for the report
                facts.append(
                    form_facts(
                        case,
                        fields=len(fields),
                        required=len(in_markup),
                        marked=len(shown),
                        optional_marked=len(optional),
                        all_required_said=bool(told),
                    )
                )
            if not in_markup and not shown and not optional and not told and len(fields) >= 2:
                out.append(
                    self.form_finding(
                        case,
                        "unmarked",
                        severity="moderate",
                        title="Required fields are not marked",
                        message=f"None of the {len(fields)} fields of {case.name} says whether "
                        "it is required or optional, neither visibly nor in markup: customers "
                        "find out by submitting and failing.",
                        recommendation="Mark required fields with '*' (explained above the "
                        "form) and the required attribute, or mark the optional ones "
                        '"(optional)".',
                        evidence={"fields": len(fields)},
                        params={"count": len(fields)},
                    )
                )
                continue
            hidden = [f for f in in_markup if not f.get("required_marker")]
            if (
                hidden
                and not told
                and not (optional and len(optional) + len(in_markup) >= len(fields))
            ):
                out.append(
                    self.form_finding(
                        case,
                        "not-shown",
                        field=hidden[0],
                        severity="moderate",
                        title="Required fields not marked visibly",
                        message=f"{len(hidden)} required field{'s' if len(hidden) != 1 else ''}"
                        f" of {case.name} ({', '.join(field_label(f) for f in hidden[:6])}) "
                        "carry the required attribute but show no '*' or \"required\", and "
                        "the optional fields are not marked either.",
                        recommendation="Show '*' after the label (and explain it), or mark the "
                        'optional fields "(optional)".',
                        evidence={"fields": [f.get("name") or f.get("id") for f in hidden]},
                        params={
                            "count": len(hidden),
                            "fields": ", ".join(field_label(f) for f in hidden[:6]),
                        },
                    )
                )
            unmarked = [f for f in shown if not (f.get("required") or f.get("aria_required"))]
            if unmarked:
                out.append(
                    self.form_finding(
                        case,
                        "not-in-markup",
                        field=unmarked[0],
                        severity="minor",
                        title="Required only to the eye",
                        message=f"{len(unmarked)} field{'s' if len(unmarked) != 1 else ''} of "
                        f"{case.name} ({', '.join(field_label(f) for f in unmarked[:6])}) "
                        "look required but have neither required nor aria-required: screen "
                        "readers do not say so.",
                        recommendation='Add the required attribute (or aria-required="true").',
                        evidence={"fields": [f.get("name") or f.get("id") for f in unmarked]},
                        params={
                            "count": len(unmarked),
                            "fields": ", ".join(field_label(f) for f in unmarked[:6]),
                        },
                    )
                )
        self.details = {"forms": facts}
        return out
