"""forms.input-types: the right keyboard and autofill for each field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .classify import EXPECTED_TOKENS, PERSONAL_PURPOSES, field_purpose
from .common import MAX_FORM_FACTS, FormsCheck, field_label, form_facts, forms_in

__all__ = ["WHATWG_FIELD_NAMES", "InputTypes", "autocomplete_problem"]

#: the autofill field names of the WHATWG HTML standard (4.10.18.7.1)
WHATWG_FIELD_NAMES = frozenset(
    """name honorific-prefix given-name additional-name family-name honorific-suffix nickname
    username new-password current-password one-time-code organization-title organization
    street-address address-line1 address-line2 address-line3 address-level4 address-level3
    address-level2 address-level1 country country-name postal-code cc-name cc-given-name
    cc-additional-name cc-family-name cc-number cc-exp cc-exp-month cc-exp-year cc-csc
    cc-type transaction-currency transaction-amount language bday bday-day bday-month
    bday-year sex url photo tel tel-country-code tel-national tel-area-code tel-local
    tel-local-prefix tel-local-suffix tel-extension email impp""".split()
)
_CONTACT_ONLY = frozenset(
    """tel tel-country-code tel-national tel-area-code tel-local tel-local-prefix
    tel-local-suffix tel-extension email impp""".split()
)
_CONTACT_KINDS = ("home", "work", "mobile", "fax", "pager")

#: purposes whose customers need another keyboard than letters
_TYPES = {"email": ("email",), "email-confirm": ("email",), "tel": ("tel",)}
#: type=number spoils these (leading zeros dropped, thousands separators, spinners)
_NOT_NUMBER = {"postal-code", "cc-number", "cc-csc", "tel", "one-time-code"}


def autocomplete_problem(value: str) -> str | None:
    """Why an autocomplete attribute is not valid per WHATWG, or None if it is."""
    tokens = value.lower().split()
    if not tokens or tokens in (["on"], ["off"]):
        return None
    if tokens[-1] == "webauthn":
        tokens = tokens[:-1]
        if not tokens:
            return "webauthn must follow a field name"
    name = tokens[-1]
    if name not in WHATWG_FIELD_NAMES:
        return f'"{name}" is not an autofill field name'
    rest = tokens[:-1]
    if rest and rest[-1] in _CONTACT_KINDS:
        if name not in _CONTACT_ONLY:
            return f'"{rest[-1]}" only goes with tel and email tokens, not "{name}"'
        rest = rest[:-1]
    if rest and rest[-1] in ("shipping", "billing"):
        rest = rest[:-1]
    if rest and rest[-1].startswith("section-"):
        rest = rest[:-1]
    if rest:
        return f'"{" ".join(rest)}" is not allowed before "{name}"'
    return None


class InputTypes(FormsCheck):
    """Input types, keyboards and autocomplete tokens.

    What: email and phone fields of type text; postcodes, card numbers and phone
    numbers of type number; fields with a clear purpose (name, email, phone, address,
    card) but no autocomplete token; tokens that are not in the WHATWG list; and
    autocomplete="off" on personal data. A gift card's or a loyalty card's number is
    no payment card: autofill would put the credit card into it. Search fields are left
    to the search checks.
    Why: the right type brings the right phone keyboard; autofill makes forms about 30%
    faster (Google) and a third of Shopify's guest checkouts use it, with up to 41%
    higher completion; WCAG 2.1 SC 1.3.5 (AA) asks for the tokens on personal data.
    type=number drops leading zeros and adds spinners (Filament Group, lighthouse#1639).
    Example: <input name="phone" type="text">; <input name="zip" autocomplete="off">.
    Fix: type="email"/"tel", inputmode="numeric" for digits, and the WHATWG token.
    """

    id = "forms.input-types"
    title = "Input types and autocomplete tokens"
    description = "Keyboards (email, tel, numeric) and WHATWG autocomplete tokens per field."
    default_options: ClassVar[dict[str, Any]] = {}

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        out: list[Finding] = []
        facts: list[dict] = []
        for case in forms_in(pages):
            if case.kind == "search":
                continue
            missing: list[tuple[dict, str]] = []
            needing = 0
            for f in case.fields:
                purpose = field_purpose(f, case.kind)
                out.extend(self._field(case, f, purpose))
                raw = f.get("autocomplete")
                needing += purpose in EXPECTED_TOKENS
                if purpose in EXPECTED_TOKENS and raw is None:
                    missing.append((f, purpose))
            if missing:
                out.append(self._missing(case, missing))
            if len(facts) < MAX_FORM_FACTS:  # autofill coverage in figures, for the report
                facts.append(form_facts(case, needing=needing, with_token=needing - len(missing)))
        self.details = {"forms": facts}
        return out

    def _field(self, case, f: dict, purpose: str | None) -> list[Finding]:
        out = []
        name, ftype = field_label(f), f.get("type")
        where = f"{name} in {case.name}"
        wanted = _TYPES.get(purpose or "")
        if wanted and ftype not in wanted and f.get("tag") == "input":
            keyboard = "the @ key" if wanted[0] == "email" else "the number pad"
            asks = "an email address" if wanted[0] == "email" else "a phone number"
            out.append(
                self.form_finding(
                    case,
                    f"type-{purpose}",
                    message_id=f"{self.id}.type-{'email' if wanted[0] == 'email' else 'tel'}",
                    params={"type": str(ftype)[:20], "wanted": wanted[0]},
                    field=f,
                    severity="moderate",
                    title=f'{"Email" if wanted[0] == "email" else "Phone"} field of type "{ftype}"',
                    message=f"The field {where} asks for {asks}"
                    f' but is type="{ftype}": phones show a letter keyboard without {keyboard}'
                    + (
                        ", and the browser cannot check the address."
                        if wanted[0] == "email"
                        else "."
                    ),
                    recommendation=f'Use type="{wanted[0]}".',
                    evidence={"type": ftype, "expected": wanted[0], "purpose": purpose},
                )
            )
        if ftype == "number" and purpose in _NOT_NUMBER:
            out.append(
                self.form_finding(
                    case,
                    f"number-{purpose}",
                    message_id=f"{self.id}.number",
                    field=f,
                    severity="moderate",
                    title="Digits in a number field",
                    message=f'The field {where} ({purpose}) is type="number": browsers drop '
                    "leading zeros, add spinners and may change the value on scroll.",
                    recommendation='Use type="text" with inputmode="numeric" (and a pattern) '
                    '- or type="tel" for phone numbers.',
                    evidence={"type": ftype, "purpose": purpose},
                    params={"purpose": purpose},
                )
            )
        raw = f.get("autocomplete")
        if raw is not None:
            problem = autocomplete_problem(raw)
            if problem:
                out.append(
                    self.form_finding(
                        case,
                        "token-invalid",
                        field=f,
                        severity="moderate",
                        title="Invalid autocomplete value",
                        message=f'The field {where} has autocomplete="{raw[:60]}": {problem}, so '
                        "browsers and password managers ignore it.",
                        recommendation="Use a token from the WHATWG autofill list"
                        + (
                            f' ("{EXPECTED_TOKENS[purpose][0]}").'
                            if purpose in EXPECTED_TOKENS
                            else "."
                        ),
                        evidence={"autocomplete": raw, "problem": problem},
                        params={
                            "raw": raw[:60],
                            "token": EXPECTED_TOKENS[purpose][0]
                            if purpose in EXPECTED_TOKENS
                            else "",
                        },
                    )
                )
            elif raw.strip().lower() == "off" and purpose in PERSONAL_PURPOSES:
                out.append(
                    self.form_finding(
                        case,
                        "token-off",
                        field=f,
                        severity="moderate",
                        title="Autofill switched off on personal data",
                        message=f'The field {where} ({purpose}) has autocomplete="off": the '
                        "customer must type what the browser already knows.",
                        recommendation=f'Use autocomplete="{EXPECTED_TOKENS[purpose][0]}".',
                        evidence={"autocomplete": raw, "purpose": purpose},
                        params={"purpose": purpose, "token": EXPECTED_TOKENS[purpose][0]},
                    )
                )
        return out

    def _missing(self, case, missing: list[tuple[dict, str]]) -> Finding:
        names = [f"{field_label(f)} ({EXPECTED_TOKENS[p][0]})" for f, p in missing]
        first = missing[0][0]
        return self.form_finding(
            case,
            "token-missing",
            selector=case.form["selector"],
            snippet=first.get("snippet"),
            severity="moderate" if len(missing) > 1 else "minor",
            title="Fields without autocomplete tokens",
            message=f"{len(missing)} field{'s' if len(missing) != 1 else ''} of {case.name} "
            f"ask for personal data without an autocomplete token, so autofill must guess: "
            + ", ".join(names[:12])
            + ".",
            recommendation="Add the WHATWG tokens (WCAG 1.3.5): autofill makes forms about "
            "30% faster, and a third of guest checkouts use it.",
            evidence={
                "fields": [
                    f'{f.get("name") or f.get("id")}: autocomplete="{EXPECTED_TOKENS[p][0]}"'
                    for f, p in missing
                ],
                "missing": len(missing),
            },
            params={"count": len(missing), "names": ", ".join(names[:12])},
        )
