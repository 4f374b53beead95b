"""forms.buttons: a submit button that says what it does; password and format help."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .common import FormsCheck, field_label, forms_in

__all__ = ["Buttons", "button_name"]

#: texts that say nothing about what happens (EN/DE)
GENERIC = re.compile(
    r"^(submit|send|ok|okay|go|los|absenden|abschicken|senden|weiter|continue|next|"
    r"click here|hier klicken|>|»|→|›)$",
    re.I,
)
_HINT = re.compile(
    r"\d+\s*(characters|zeichen|digits|ziffern|stellen)|at least|mindestens|must contain|"
    r"muss .*enthalten|format|e\.g\.|z\.\s?b\.|for example|zum beispiel|tt\.mm|dd/mm|mm/yy",
    re.I,
)


def button_name(b: dict) -> str:
    """The button's accessible name, as a screen reader would announce it."""
    for key in ("labelledby", "aria_label", "text", "image_alt", "title"):
        value = (b.get(key) or "").strip()
        if value:
            return value
    return ""


class Buttons(FormsCheck):
    """Submit buttons, show-password controls and format hints.

    What: forms without a visible submit button; submit buttons with no accessible name
    (an icon alone) or a generic one ("Submit", "OK", "Absenden"); fields with format
    rules (minlength, pattern, a new password) and no visible hint of the rule before
    the customer fails it (not in sign-in forms: the customer types a password that
    already exists, so the rules for new ones are noise there); password fields
    without a way to show the password (``require_show_password = false`` lists them
    under needs review instead).
    Why: an icon-only button is announced as "button" and leaves voice control users
    guessing (WCAG 4.1.2, 2.5.3); "Submit" does not say whether the order is placed or
    the message sent; an unexplained rule is learnt by failing it (Baymard: inline
    validation, WCAG 3.3.2); customers mistype passwords they cannot see, more so on a
    phone keyboard, and fail to sign in or set a password they did not mean (NN/g and
    Baymard recommend a show-password option).
    Example: <button type="submit"><svg>...</svg></button>.
    Fix: a visible verb for the outcome ("Place order", "Send message"), or at least an
    aria-label; state rules next to the field and tie them with aria-describedby.
    """

    id = "forms.buttons"
    title = "Submit buttons and field help"
    description = "Named submit buttons, show-password controls, visible format hints."
    default_options: ClassVar[dict[str, Any]] = {"require_show_password": True}
    option_docs: ClassVar[dict[str, str]] = {
        "require_show_password": "a finding for password fields without a show-password "
        "control (off: listed under needs review)",
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self.details: dict[str, Any] | None = None

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        out: list[Finding] = []
        review: list[dict] = []
        for case in forms_in(pages):
            if not case.fields:
                continue
            submits = [
                b for b in case.form.get("buttons", []) if b.get("submit") and b.get("visible")
            ]
            if not submits and case.kind not in ("search", "other"):
                out.append(
                    self.form_finding(
                        case,
                        "no-submit",
                        severity="moderate",
                        title="Form without a submit button",
                        message=f"{case.name[0].upper()}{case.name[1:]} has no visible submit "
                        "button: customers must guess that Enter sends it.",
                        recommendation='Add a <button type="submit"> that names the outcome.',
                        evidence={"buttons": len(case.form.get("buttons", []))},
                        params={},
                    )
                )
            for b in submits:
                out.extend(self._button(case, b))
            if case.kind == "search":
                continue
            for f in case.fields:
                if case.kind != "login":  # a customer signing in types a password they have
                    out.extend(self._hint(case, f))
                if f.get("type") == "password" and not f.get("password_toggle"):
                    if self.options["require_show_password"]:
                        out.append(
                            self.form_finding(
                                case,
                                "show-password",
                                field=f,
                                severity="minor",
                                title="No way to show the password",
                                message=f"The password field {field_label(f)} of {case.name} "
                                "offers no way to show the password: customers mistype "
                                "passwords they cannot see, more so on a phone keyboard, and "
                                "fail to sign in or set a password they did not mean. NN/g "
                                "and Baymard recommend a show-password option.",
                                recommendation='Add a "Show password" toggle next to the field '
                                '(a <button type="button"> with aria-pressed that switches '
                                "the field between type=password and type=text).",
                                evidence={"field": f.get("name") or f.get("id")},
                            )
                        )
                    else:
                        review.append(
                            {
                                "url": case.page.url,
                                "form": case.name,
                                "note": "password field without a show-password control",
                            }
                        )
        self.details = {"needs_review": review[:50]}
        return out

    def _button(self, case, b: dict) -> list[Finding]:
        name = button_name(b)
        if not name:
            return [
                self.form_finding(
                    case,
                    "button-unnamed",
                    message_id=f"{self.id}.button-" + ("icon-only" if b.get("icon") else "no-text"),
                    selector=b.get("selector"),
                    snippet=b.get("snippet"),
                    severity="serious",
                    title="Icon-only submit button"
                    if b.get("icon")
                    else "Submit button with no text",
                    message=f"The submit button of {case.name} shows "
                    + ("only an icon" if b.get("icon") else "nothing")
                    + ' and has no accessible name: screen readers announce just "button", '
                    "and customers who do not know the icon must guess.",
                    recommendation='Give it a visible text ("Search", "Send message"), or at '
                    "least an aria-label, and mark the icon aria-hidden.",
                    evidence={"icon": bool(b.get("icon")), "accessible_name": ""},
                )
            ]
        if GENERIC.match(name.strip()):
            return [
                self.form_finding(
                    case,
                    "button-generic",
                    params={"button": name[:30]},
                    selector=b.get("selector"),
                    snippet=b.get("snippet"),
                    severity="minor",
                    title=f'Generic submit button "{name[:30]}"',
                    message=f'The submit button of {case.name} says "{name[:40]}", not what '
                    "happens when it is pressed.",
                    recommendation='Name the outcome: "Place order", "Create account", '
                    '"Send message", "Subscribe".',
                    evidence={"text": name},
                )
            ]
        return []

    def _hint(self, case, f: dict) -> list[Finding]:
        rules = []
        if f.get("pattern"):
            rules.append(f'pattern "{f["pattern"][:40]}"')
        if f.get("minlength"):
            rules.append(f"at least {f['minlength']} characters")
        if not rules:
            return []
        said = " ".join(
            [f.get("described_text") or "", f.get("label_text") or "", f.get("around") or ""]
        )
        if _HINT.search(said):
            return []
        return [
            self.form_finding(
                case,
                "format-hint",
                field=f,
                severity="moderate",
                title="Format rule not explained before the customer fails it",
                message=f"The field {field_label(f)} of {case.name} enforces "
                f"{', '.join(rules)} but shows no hint of it near the field.",
                recommendation='State the rule next to the field ("At least 8 characters") '
                "and tie it with aria-describedby.",
                evidence={"rules": rules},
                params={
                    "pattern": f["pattern"][:40] if f.get("pattern") else "",
                    "minlength": f.get("minlength") or None,
                },
            )
        ]
