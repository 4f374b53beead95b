"""What a form is for, and what each field asks for: pure, from the gathered facts.

English and German words in names, ids, labels, placeholders, button texts, headings
and the address decide; ``autocomplete`` and ``type`` speak first where present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = [
    "FORM_KINDS",
    "PERSONAL_PURPOSES",
    "can_be_left_empty",
    "field_purpose",
    "field_words",
    "form_kind",
    "form_name",
    "form_noun",
    "text_fields",
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

#: cards that are not payment cards: their numbers are no cc-number
_NOT_A_PAYMENT_CARD = re.compile(
    r"gift|voucher|coupon|loyalty|bonus|member|gutschein|geschenk|mitglied|kundenkarte|payback"
)

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

#: fields that offer choices instead of taking typed text
_CHOICE_TYPES = frozenset({"select", "checkbox", "radio", "file", "range", "color"})


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
            if purpose.startswith("cc-") and _NOT_A_PAYMENT_CARD.search(words):
                return None  # a gift card's number: autofill would put the credit card in
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
    """search, login, registration, checkout, payment, contact, newsletter or other.

    The form speaks first (its fields, then the words of its own action and buttons,
    then its heading), the page it stands on last: a language switcher or a sort menu on the
    contact page is not the contact form. Every guess from words must fit the fields:
    a contact form has something to write in, a newsletter form an email field.
    """
    facts = _FormFacts.of(form, page_url)
    return (
        _kind_by_fields(facts)
        or _kind_by_words(facts, f"{facts.action} {facts.buttons}")
        or _kind_by_words(facts, facts.head)
        or _kind_by_shape(facts)
        or _kind_by_page(facts)
        or "other"
    )


@dataclass
class _FormFacts:
    """What form_kind looks at, read once from the gathered form."""

    fields: list[dict]
    role: str
    types: list[str]
    purposes: list[str | None]
    texts: list[str]
    action: str
    buttons: str
    head: str
    here: str
    context: str

    @classmethod
    def of(cls, form: dict, page_url: str) -> _FormFacts:
        fields = visible_fields(form)
        here = urlsplit(page_url).path.lower()
        buttons = " ".join(
            (b.get("text") or "") + " " + (b.get("aria_label") or "")
            for b in form.get("buttons", [])
        )
        return cls(
            fields=fields,
            role=form.get("role") or "",
            types=[f.get("type") or "" for f in fields],
            purposes=[field_purpose(f) for f in fields],
            texts=[field_words(f) for f in fields],
            action=urlsplit(form.get("action") or "").path.lower(),
            buttons=buttons.lower(),
            head=" ".join([form.get("heading") or "", form.get("aria_label") or ""]).lower(),
            here=here,
            context=f"{form.get('text', '')} {form.get('before', '')} {here}".lower(),
        )


def text_fields(fields: list[dict]) -> list[dict]:
    """The fields a customer types into (not choices: menus, boxes, files, sliders)."""
    return [f for f in fields if (f.get("type") or "") not in _CHOICE_TYPES]


def can_be_left_empty(fields: list[dict]) -> bool:
    """Whether a customer could send the form with something missing: it has a field to
    type into or a required one. A menu or a set of boxes always sends a value."""
    return bool(text_fields(fields)) or any(
        f.get("required") or f.get("aria_required") for f in fields
    )


def _fits(kind: str, facts: _FormFacts) -> bool:
    """Whether the form's fields can do what a form of ``kind`` does."""
    typed = text_fields(facts.fields)
    if kind in ("contact", "registration", "search"):
        return bool(typed)
    if kind == "newsletter":
        return "email" in facts.purposes or "email" in facts.types
    if kind == "checkout":  # an address, or a step that must be answered (the terms)
        return len(typed) >= 2 or any(f.get("required") for f in facts.fields)
    return can_be_left_empty(facts.fields)


def _kind_by_fields(facts: _FormFacts) -> str | None:
    """Fields that say it all: a search field, card fields, password fields."""
    if facts.role == "search" or "search" in facts.types:
        return "search"
    if (
        len(facts.fields) <= 2
        and any(re.search(r"^(q|query|s|search|suche|keywords?)\b", w) for w in facts.texts)
        and re.search(r"search|such", f"{facts.action} {facts.buttons} {' '.join(facts.texts)}")
    ):
        return "search"
    if {"cc-number", "cc-csc"} & set(facts.purposes) or re.search(
        r"\biban\b", " ".join(facts.texts)
    ):
        return "payment"
    passwords = [f for f in facts.fields if f.get("type") == "password"]
    if not passwords:
        return None
    tokens = {t for f in passwords for t in (f.get("autocomplete") or "").split()[-1:]}
    said = f"{facts.action} {facts.buttons} {facts.head}"
    if "new-password" in tokens or len(passwords) >= 2 or _KIND_WORDS[0][1].search(said):
        return "registration"
    return "login"


def _kind_by_words(facts: _FormFacts, said: str) -> str | None:
    """The first kind whose words appear in ``said`` and that the fields can serve."""
    for kind, rx in _KIND_WORDS:
        if kind not in ("login", "payment") and rx.search(said) and _fits(kind, facts):
            return kind
    return None


def _kind_by_shape(facts: _FormFacts) -> str | None:
    """What the fields add up to: an address, one email, a message."""
    address = {"street-address", "postal-code", "address-level2", "country"}
    if len(address & set(facts.purposes)) >= 2:
        return "checkout"
    has_text_area = "textarea" in facts.types
    has_email = "email" in facts.purposes
    short = has_email and len(facts.fields) <= 3 and not has_text_area
    if short and (_KIND_WORDS[4][1].search(facts.context) or len(facts.fields) == 1):
        return "newsletter"
    if has_text_area and (has_email or re.search(r"contact|kontakt", facts.here)):
        return "contact"
    return None


def _kind_by_page(facts: _FormFacts) -> str | None:
    """The page's address, last, and only for a form sent to the page itself: a form
    sent elsewhere (/i18n/setlang/, /cart/add) is not about the page it stands on."""
    if facts.action and facts.action.rstrip("/") != facts.here.rstrip("/"):
        return None
    for kind, rx in _KIND_WORDS:
        if kind in ("login", "payment", "registration"):
            continue
        if rx.search(facts.here) and _fits(kind, facts):
            return kind
    return None


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
