"""What a form is for, and what each field asks for: pure, from the gathered facts.

English and German words in names, ids, labels, placeholders, button texts, headings
and the address decide; ``autocomplete`` and ``type`` speak first where present.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = [
    "FORM_KINDS",
    "PERSONAL_PURPOSES",
    "field_purpose",
    "field_words",
    "form_kind",
    "form_name",
    "form_noun",
    "visible_fields",
]

FORM_KINDS = (
    "search",
    "login",
    "registration",
    "checkout",
    "payment",
    "contact",
    "newsletter",
    "other",
)

#: purpose -> pattern over a field's name, id, label, placeholder (lower case)
_PURPOSES: list[tuple[str, re.Pattern]] = [
    (p, re.compile(rx))
    for p, rx in [
        ("cc-number", r"card.?(number|no)|kartennummer|cc.?num|cardnumber|kreditkarte"),
        ("cc-exp", r"expir|exp.?date|cc.?exp|gültig bis|ablauf"),
        ("cc-csc", r"\bcvc\b|\bcvv\b|security code|prüfnummer|kartenprüf|cc.?csc"),
        ("cc-name", r"name on card|card.?holder|karteninhaber|cc.?name"),
        (
            "email-confirm",
            r"(confirm|repeat|verify|again|wiederhol|bestätig).{0,12}(e.?mail)"
            r"|e.?mail.{0,12}(confirm|repeat|again|wiederhol|bestätig)",
        ),
        ("email", r"e.?mail|\bmail\b"),
        ("tel", r"phone|\btel\b|telefon|mobile|handy|\bfax\b|mobil"),
        ("given-name", r"first.?name|given.?name|vorname|\bfname\b|forename"),
        ("family-name", r"last.?name|family.?name|surname|nachname|\blname\b"),
        ("address-line2", r"address.?(line)?.?2|addr2|adresszusatz|line 2|zusatz|apartment|suite"),
        ("postal-code", r"post.?code|postal|\bzip\b|zip.?code|\bplz\b|postleitzahl"),
        ("address-level2", r"\bcity\b|\btown\b|\bort\b|\bstadt\b|wohnort"),
        ("country", r"country|\bland\b|staat"),
        ("street-address", r"street|straße|strasse|address|adresse|anschrift|addr1|hausnummer"),
        ("organization", r"company|firma|organi[sz]ation|unternehmen"),
        ("one-time-code", r"one.?time|\botp\b|verification code|bestätigungscode|2fa"),
        ("name", r"^name$|full.?name|your name|ihr name|vollständiger name|^name\b"),
    ]
]

#: what a clear purpose accepts as its autocomplete field name (the preferred one first)
EXPECTED_TOKENS: dict[str, tuple[str, ...]] = {
    "email": ("email", "username"),
    "email-confirm": ("email",),
    "tel": ("tel", "tel-national", "tel-local", "tel-country-code"),
    "given-name": ("given-name",),
    "family-name": ("family-name",),
    "name": ("name", "username"),
    "street-address": ("street-address", "address-line1"),
    "address-line2": ("address-line2",),
    "postal-code": ("postal-code",),
    "address-level2": ("address-level2",),
    "country": ("country", "country-name"),
    "organization": ("organization",),
    "cc-number": ("cc-number",),
    "cc-exp": ("cc-exp", "cc-exp-month", "cc-exp-year"),
    "cc-csc": ("cc-csc",),
    "cc-name": ("cc-name",),
    "one-time-code": ("one-time-code",),
    "current-password": ("current-password",),
    "new-password": ("new-password",),
}

#: personal data: autocomplete="off" on these makes the customer type it all again
PERSONAL_PURPOSES = frozenset(EXPECTED_TOKENS) - {"one-time-code", "cc-csc"}

_TEXTUAL = {"text", "email", "tel", "number", "search", "url", "password", "textarea", ""}


def field_words(field: dict) -> str:
    """What the field says about itself, in lower case."""
    parts = [
        field.get("name"),
        field.get("id"),
        field.get("label_text"),
        field.get("label_for"),
        field.get("label_wrap"),
        field.get("labelledby"),
        field.get("aria_label"),
        field.get("placeholder"),
        field.get("title"),
    ]
    text = " ".join(p for p in parts if p)
    return re.sub(r"[_\-]+", " ", text.lower()).replace("*", " ")


def field_purpose(field: dict, kind: str = "") -> str | None:
    """The data a field asks for (an autocomplete token or our own name), or None."""
    ftype = field.get("type", "")
    if ftype in ("checkbox", "radio", "file", "submit", "button", "image", "range", "color"):
        return None
    if ftype == "password":
        ac = (field.get("autocomplete") or "").split()
        if ac and ac[-1] in ("current-password", "new-password"):
            return ac[-1]
        return "current-password" if kind == "login" else "new-password"
    if ftype == "search":
        return None
    words = field_words(field)
    # the name and label are more telling than a token the shop may have got wrong
    for purpose, rx in _PURPOSES:
        if rx.search(words):
            if purpose == "name" and re.search(r"user.?name|benutzername|product|produkt", words):
                continue
            return purpose
    if ftype == "email":
        return "email"
    if ftype == "tel":
        return "tel"
    return None


def visible_fields(form: dict) -> list[dict]:
    """The fields a customer sees and fills in (buttons and hidden inputs left out)."""
    return [
        f
        for f in form.get("fields", [])
        if f.get("visible")
        and f.get("type") not in ("hidden", "submit", "button", "image", "reset")
    ]


_KIND_WORDS: list[tuple[str, re.Pattern]] = [
    (k, re.compile(rx))
    for k, rx in [
        (
            "registration",
            r"regist|sign.?up|create.{0,12}account|konto (erstellen|anlegen)|"
            r"kundenkonto anlegen|neues konto|new account",
        ),
        ("login", r"log.?in|sign.?in|anmelden|einloggen|passwort vergessen|forgot"),
        ("payment", r"payment|zahlung|bezahl|credit card|kreditkarte|\biban\b"),
        (
            "checkout",
            r"checkout|check out|kasse|bestellung|place order|bestellen|shipping address|"
            r"delivery address|lieferadresse|rechnungsadresse|billing|versand",
        ),
        ("newsletter", r"newsletter|subscribe|abonnieren|abonnement"),
        ("contact", r"contact|kontakt|nachricht|message|anfrage|get in touch|schreiben sie uns"),
    ]
]


def form_kind(form: dict, page_url: str = "") -> str:
    """search, login, registration, checkout, payment, contact, newsletter or other."""
    fields = visible_fields(form)
    types = [f.get("type") for f in fields]
    action = urlsplit(form.get("action") or "").path.lower()
    here = urlsplit(page_url).path.lower()
    buttons = " ".join(
        (b.get("text") or "") + " " + (b.get("aria_label") or "") for b in form.get("buttons", [])
    ).lower()
    head = " ".join([form.get("heading") or "", form.get("aria_label") or ""]).lower()
    texts = [field_words(f) for f in fields]
    if form.get("role") == "search" or "search" in types:
        return "search"
    if (
        len(fields) <= 2
        and any(re.search(r"^(q|query|s|search|suche|keywords?)\b", w) for w in texts)
        and re.search(r"search|such", action + " " + buttons + " " + " ".join(texts))
    ):
        return "search"
    purposes = [field_purpose(f) for f in fields]
    if {"cc-number", "cc-csc"} & set(purposes) or re.search(r"\biban\b", " ".join(texts)):
        return "payment"
    passwords = [f for f in fields if f.get("type") == "password"]
    tokens = {t for f in passwords for t in (f.get("autocomplete") or "").split()[-1:]}
    said = f"{action} {buttons} {head}"
    if passwords:
        if "new-password" in tokens or len(passwords) >= 2:
            return "registration"
        if _KIND_WORDS[0][1].search(said):
            return "registration"
        return "login"
    for kind, rx in _KIND_WORDS:
        if kind in ("login", "payment"):
            continue
        if rx.search(said):
            return kind
    address = {"street-address", "postal-code", "address-level2", "country"} & set(purposes)
    if len(address) >= 2:
        return "checkout"
    has_text_area = "textarea" in types
    has_email = "email" in purposes
    if has_email and len(fields) <= 3 and not has_text_area:
        context = f"{form.get('text', '')} {form.get('before', '')} {here}".lower()
        if _KIND_WORDS[4][1].search(context) or len(fields) == 1:
            return "newsletter"
    if has_text_area and (has_email or re.search(r"contact|kontakt", here)):
        return "contact"
    for kind, rx in _KIND_WORDS:
        if kind in ("login", "payment", "registration") or not rx.search(here):
            continue
        return kind
    return "other"


#: what to call a form of each kind
FORM_NOUNS = {
    "search": "search form",
    "login": "sign-in form",
    "registration": "registration form",
    "checkout": "checkout form",
    "payment": "payment form",
    "contact": "contact form",
    "newsletter": "newsletter form",
}


def form_noun(kind: str) -> str:
    return FORM_NOUNS.get(kind, "form")


def form_name(form: dict, kind: str) -> str:
    """A short name a person recognises: 'the contact form "Contact us"'."""
    label = form.get("aria_label") or form.get("heading") or ""
    noun = form_noun(kind)
    return f'the {noun} "{label[:60]}"' if label else f"the {noun}"
