"""What kind of page a customer is on: product, category, cart, imprint, ...

Checks judge pages by their role (a product should be close to home, a cart linked
from every page), and shops name those pages in many ways and two languages. The
kind comes from the strongest evidence first: schema.org types and an add-to-cart
button, then the URL, then the heading and title, in English and German. Pure
functions of what the crawl recorded, so they run on saved data too.

A page can serve several key roles: "Delivery & returns" is the shipping and the
returns page, "Impressum & Datenschutz" the imprint and the privacy policy. Its kinds
(``page_kinds``, ``link_kinds``) list its primary kind first, then the other roles its
address or heading names, so a check that looks for the returns page finds it there.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

__all__ = [
    "KEY_PAGE_KINDS",
    "is_start_address",
    "link_kind",
    "link_kinds",
    "page_kind",
    "page_kinds",
    "says_not_found",
    "with_roles",
]

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
        r"/(login|signin|sign-in|account|konto|anmelden|register|registrieren|customer"
        r"|(recover|reset|forgot|lost)-password|password-reset|passwort-vergessen)",
        r"^(sign in|log in|login|my account|mein konto|anmelden)\b",
    ),
)
#: a key-page word counts as a whole path segment or the start of one ("/returns-policy")
_COMPILED = [
    (kind, re.compile(url + r"(?=$|[/._-])", re.I), re.compile(txt, re.I) if txt else None)
    for kind, url, txt in _RULES
]
#: roles shops combine on one service page, and how their names join them
_SHARED_ROLES = ("contact", "shipping", "returns", "imprint", "privacy", "terms")
_ROLE_RULES = [rule for rule in _COMPILED if rule[0] in _SHARED_ROLES]
_TEXT_JOINERS = re.compile(r"\s*(?:&|\+|/|,|\band\b|\bund\b|\bsowie\b)\s*", re.I)
_PATH_TOKENS = re.compile(r"[-_.+&]+")
#: words a combined address may carry besides the roles ("shipping-and-returns-policy")
_PATH_FILLERS = frozenset(
    """and und or oder policy policies info information informationen page seite hinweise
    us costs kosten html htm php aspx""".split()
)
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


def link_kinds(url: str, text: str = "") -> list[str]:
    """Every key-page kind a link leads to: ``link_kind`` first, then the other roles
    that a combined name gives ("Delivery & returns" leads to shipping and returns)."""
    first = link_kind(url, text)
    if first is not None and first not in _SHARED_ROLES:
        return [first]
    if _PRODUCT_URL.search(_path(url)):
        return []
    roles = _roles_in_path(_path(url)) + _roles_in_text(text)
    return list(dict.fromkeys([first, *roles] if first else roles))


def _roles_in_text(text: str) -> list[str]:
    """Roles a name joins with "&", "and", "und", commas or slashes: each part that
    starts like a role's name is one ("Shipping, returns and exchanges")."""
    roles = []
    for part in _TEXT_JOINERS.split(" ".join(text.split()).lower()):
        for kind, _, text_re in _ROLE_RULES:
            if part and text_re is not None and text_re.search(part):
                roles.append(kind)
                break
    return roles


def _roles_in_path(path: str) -> list[str]:
    """Roles of an address segment made of nothing but role words and fillers
    ("/delivery-and-returns", "/impressum-datenschutz"); a segment with any other word
    ("/free-shipping-weekend") names no role, which keeps blog posts out."""
    roles: list[str] = []
    for segment in path.split("/"):
        found = []
        for token in _PATH_TOKENS.split(segment):
            if not token or token in _PATH_FILLERS:
                continue
            kind = next((k for k, url_re, _ in _ROLE_RULES if url_re.search("/" + token)), None)
            if kind is None:
                found = []
                break
            found.append(kind)
        roles += found
    return roles


def says_not_found(title: str | None, h1: str | None) -> bool:
    """Whether the page tells the customer it does not exist (for soft 404s)."""
    return bool(_NOT_FOUND.search(f"{title or ''} \n {h1 or ''}"))


def is_start_address(url: str, start_url: str) -> bool:
    """Whether ``url`` is the audit's start address (the home page), query aside."""
    return _path(url).rstrip("/") == _path(start_url).rstrip("/") and not urlsplit(url).query


def page_kind(url: str, title: str | None, structure: dict[str, Any], start_url: str) -> str:
    """home, product, category, a key-page kind, search, account, terms, or page: the
    page's primary kind (the first of ``page_kinds``)."""
    return page_kinds(url, title, structure, start_url)[0]


def page_kinds(url: str, title: str | None, structure: dict[str, Any], start_url: str) -> list[str]:
    """The page's kinds: its primary kind first, then the other key roles it serves."""
    return with_roles(_primary_kind(url, title, structure, start_url), url, title, structure)


def with_roles(kind: str, url: str, title: str | None, structure: dict[str, Any]) -> list[str]:
    """``kind`` and the other roles that the page's address or heading names.

    Only a service page (or a plain page) takes more roles: a product called "Shipping
    bag" or a category is what it is. The heading counts, not the title, where there
    is one (and never for a plain page): a title often carries a slogan ("Free shipping
    & returns") on every page.
    """
    if kind not in _SHARED_ROLES and kind != "page":
        return [kind]
    heading = structure.get("h1") or ("" if kind == "page" else title or "")
    roles = _roles_in_path(_path(url)) + _roles_in_text(heading)
    if kind == "page":
        return list(dict.fromkeys(roles)) or ["page"]
    return list(dict.fromkeys([kind, *roles]))


def _one_buy_box(structure: dict[str, Any]) -> bool:
    """One add-to-cart control; or, beside several (a product page with "recently
    viewed" or "you may also like" cards under its buy box), one visible quantity field
    or exactly one control between the heading and the next sub-heading (a hidden
    quantity field, as django-oscar's). A listing has a control per card, none of them
    right under its heading alone."""
    controls = structure.get("add_to_cart_count") or 0
    if controls == 1:
        return True
    return controls > 1 and (
        structure.get("quantity_fields") == 1 or structure.get("buy_box_controls") == 1
    )


def _primary_kind(url: str, title: str | None, structure: dict[str, Any], start_url: str) -> str:
    """The strongest evidence first: the start address, the URL's key-page words,
    structured data, the URL's shape, pagination, then the heading and title."""
    if is_start_address(url, start_url):
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
    if h1 and _one_buy_box(structure):
        # whatever the address looks like (/catalogue/salt-and-iron_6/)
        return "product"
    for heading in (h1, title or ""):
        clean = " ".join(heading.split()).lower()
        for kind, _, text_re in _COMPILED:
            if text_re is not None and clean and text_re.search(clean):
                return kind
    if _PRODUCT_URL.search(path):
        return "product"
    return "page"
