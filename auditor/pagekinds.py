"""What kind of page a customer is on: product, category, cart, imprint, ...

Checks judge pages by their role (a product should be close to home, a cart linked
from every page), and shops name those pages in many ways and two languages. The
kind comes from the strongest evidence first: schema.org types and an add-to-cart
button, then the URL, then the heading and title, in English and German. Pure
functions of what the crawl recorded, so they run on saved data too.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

__all__ = ["KEY_PAGE_KINDS", "link_kind", "page_kind", "says_not_found"]

#: Service pages a customer looks for, in the order the report lists them.
KEY_PAGE_KINDS = ("cart", "checkout", "contact", "shipping", "returns", "imprint", "privacy")

# (kind, URL path pattern, heading/link text pattern); first match wins, so the more
# specific kinds come first ("/checkout/cart" is a cart, "/account/orders" an account).
_RULES: tuple[tuple[str, str, str], ...] = (
    (
        "cart",
        r"/(cart|basket|bag|warenkorb|einkaufswagen|checkout/cart)",
        r"^(shopping |your |ihr |mein )?(cart|basket|bag|warenkorb|einkaufswagen)\b",
    ),
    (
        "checkout",
        r"/(checkout|kasse|bestellen|order/confirm|onepage)",
        r"^(checkout|check out|kasse|zur kasse|bestellung abschlie)",
    ),
    (
        "imprint",
        r"/(imprint|impressum|legal-notice|legal_notice|anbieterkennzeichnung)",
        r"^(imprint|impressum|legal notice|anbieterkennzeichnung)\b",
    ),
    (
        "privacy",
        r"/(privacy|datenschutz|privacy-policy|data-protection|datenschutzerklaerung)",
        r"^(privacy|datenschutz|data protection)",
    ),
    (
        "returns",
        r"/(returns?|retoure[n]?|rueckgabe|rückgabe|ruecksendung|widerruf|widerrufs\w*|refunds?)",
        r"^(returns?|retoure|rückgabe|rücksendung|widerruf|refunds?)\b",
    ),
    (
        "shipping",
        r"/(shipping|delivery|versand|lieferung|versandkosten|zahlung-und-versand)",
        r"^(shipping|delivery|versand|lieferung|zahlung (und|&) versand)\b",
    ),
    (
        "contact",
        r"/(contact|kontakt|contact-us|kontaktformular)",
        r"^(contact|kontakt)",
    ),
    ("terms", r"/(terms|agb|conditions|tos)", r"^(terms|agb|allgemeine gesch)"),
    ("search", r"/(search|suche|catalogsearch)", r""),
    (
        "account",
        r"/(login|signin|sign-in|account|konto|anmelden|register|registrieren|customer)",
        r"^(sign in|log in|login|my account|mein konto|anmelden)\b",
    ),
)
#: a key-page word counts as a whole path segment or the start of one ("/returns-policy")
_COMPILED = [
    (kind, re.compile(url + r"(?=$|[/._-])", re.I), re.compile(txt, re.I) if txt else None)
    for kind, url, txt in _RULES
]
_PRODUCT_URL = re.compile(
    r"/(product|products|produkt|produkte|artikel|item|p|dp)/[^/]+|-p-?\d+(\.html)?$|/\d{4,}\.html$",
    re.I,
)
_CATEGORY_URL = re.compile(
    r"/(category|categories|collections?|kategorie|c|shop|catalog|department)(/[^/]+)+/?$", re.I
)
_NOT_FOUND = re.compile(
    r"\b404\b|not\s+found|page\s+(does\s+not|doesn.t|no\s+longer)\s+exist|"
    r"nicht\s+gefunden|existiert\s+nicht|seite\s+wurde\s+nicht|nicht\s+mehr\s+verf",
    re.I,
)


def _path(url: str) -> str:
    return unquote(urlsplit(url).path).lower() or "/"


def link_kind(url: str, text: str = "") -> str | None:
    """The key-page kind a link leads to, from its address or its text."""
    path = _path(url)
    if _PRODUCT_URL.search(path):  # "/product/shipping-bag" is a bag, not a policy
        return None
    clean = " ".join(text.split()).lower()
    for kind, url_re, text_re in _COMPILED:
        if url_re.search(path) or (text_re is not None and clean and text_re.search(clean)):
            return kind
    return None


def says_not_found(title: str | None, h1: str | None) -> bool:
    """Whether the page tells the customer it does not exist (for soft 404s)."""
    return bool(_NOT_FOUND.search(f"{title or ''} \n {h1 or ''}"))


def page_kind(url: str, title: str | None, structure: dict[str, Any], start_url: str) -> str:
    """home, product, category, a key-page kind, search, account, terms, or page."""
    if _path(url).rstrip("/") == _path(start_url).rstrip("/") and not urlsplit(url).query:
        return "home"
    types = {t.lower() for t in structure.get("types") or []}
    og = (structure.get("og_type") or "").lower()
    path = _path(url)
    h1 = structure.get("h1") or ""
    if not _PRODUCT_URL.search(path):
        for kind, url_re, _ in _COMPILED:
            if url_re.search(path):
                return kind
    if "product" in types or og.startswith("product") or og == "og:product":
        return "product"
    if _PRODUCT_URL.search(path) and structure.get("add_to_cart"):
        return "product"
    if {"collectionpage", "itemlist", "offercatalog"} & types or _CATEGORY_URL.search(path):
        return "category"
    if (structure.get("pagination") or {}).get("max_page", 0) > 1:
        return "category"
    for heading in (h1, title or ""):
        clean = " ".join(heading.split()).lower()
        for kind, _, text_re in _COMPILED:
            if text_re is not None and clean and text_re.search(clean):
                return kind
    if _PRODUCT_URL.search(path):
        return "product"
    return "page"
