"""The journeys' hard safety rules: what a walking customer may never do.

Why: a journey clicks and types in a real shop. The only state it may change by
default is the cart (and a search, which only reads); it never places an order, never
types a card number, an IBAN or a password, never opens an order-complete page, and
nothing else it sends may carry form data. The rules are pure functions, tested on
their own, and the browser side (``guard``) is a route handler on the journey's whole
browser context, so a page that answers a click by posting on its own is stopped too.

``adds_to_cart`` and ``searches`` are the two kinds of request with form data that may
leave; add-to-cart only where ``allow_cart`` (the ``state_changes`` option) is on. The
one opt-in exception is the configured test data (``testdata``): while the checkout
submits a step it filled with it (``Guard.test_data_host``, armed for that one action,
only for a host the config allows), a POST to that host may leave, unless it names a
card, IBAN or password field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "Guard",
    "adds_to_cart",
    "body_names",
    "forbidden_field",
    "is_final_order",
    "is_order_complete_url",
    "request_verdict",
]

_FINAL_WORDS = re.compile(
    r"place (my |your )?order|complete (my |your )?(order|purchase)|confirm (my |the )?"
    r"(order|purchase)|submit (my |the )?order|buy now|pay now|order now|order and pay|"
    r"zahlungspflichtig|kostenpflichtig bestellen|bestellung (abschicken|absenden|abschließen)|"
    r"jetzt (kaufen|bestellen|bezahlen)|^kaufen$|^bestellen$|kauf abschließen|pay \S+ now|"
    r"^pay$|^bezahlen$",
    re.I,
)
_FINAL_ATTRS = re.compile(
    r"place[-_]?order|submit[-_]?order|complete[-_]?order|confirm[-_]?order|"
    r"checkout[-_]?(submit|complete|confirm)|order[-_]?(submit|confirm)|pay[-_]?now|"
    r"confirmformsubmit|checkout-pay-button",
    re.I,
)
_FORBIDDEN_FIELDS = re.compile(
    r"cc[-_ ]?(number|num|csc|cvc|exp)|card[-_ ]?(number|no|holder|cvc|cvv)|credit[-_ ]?card|"
    r"\bcvv|\bcvc|security[-_]?code|\biban\b|\bbic\b|bank[-_]?(account|code)|kontonummer|"
    r"bankleitzahl|password|passwort|kennwort|\bpin\b",
    re.I,
)
_FORBIDDEN_AUTOCOMPLETE = re.compile(
    r"\bcc-(number|csc|exp|exp-month|exp-year|name|type)\b|\b(current|new)-password\b"
)
_ORDER_COMPLETE = re.compile(
    r"/(checkout/)?(order[-_]?(complete|confirmation|received|success)|thank[-_]?you|"
    r"checkout/(success|finish|onepage/success)|thanks|bestellbestaetigung|danke)(/|$|\?|\.)"
    r"|/order-received/|/checkout/finish|/onepage/success|[?&]order[-_]?id=",
    re.I,
)
_CART_ADD = re.compile(
    r"/cart/add|/checkout/line-item/add|/checkout/cart/add|"
    r"[?&]add-to-cart=|wc-ajax=add_to_cart|/warenkorb/(add|hinzufuegen)|/basket/add|"
    r"/cart/items|add[-_]?to[-_]?cart",
    re.I,
)
#: the cart page itself, posted to with a command (Shuup: command=add&product_id=…)
_CART_PAGE = re.compile(r"/(cart|basket|warenkorb)/?$", re.I)
_ADD_COMMAND = re.compile(r"(^|&)(command|action|cmd)=add(_?to_?(cart|basket))?(&|$)", re.I)
_CART_FIELDS = re.compile(
    r"(^|&)(add-to-cart|product_id|productId|sku|slug|id|qty|quantity|variant|"
    r"lineItems|product|form_key|super_attribute|selected_configurable_option|item)"
    r"(\[|=|%5B)",
    re.I,
)


def is_final_order(name: str, attrs: str = "", href: str = "") -> bool:
    """A button or link that would place the order (EN/DE words, ``place_order``-like
    names and ids): detected for the report, never clicked."""
    return bool(
        _FINAL_WORDS.search(" ".join((name or "").split()))
        or _FINAL_ATTRS.search(attrs or "")
        or (href and is_order_complete_url(href))
    )


def forbidden_field(field: dict[str, Any]) -> bool:
    """A field the journeys never fill: a card number, security code, IBAN, password."""
    if (field.get("type") or "") == "password":
        return True
    if _FORBIDDEN_AUTOCOMPLETE.search(field.get("autocomplete") or ""):
        return True
    words = " ".join(str(field.get(k) or "") for k in ("name", "id", "label"))
    return bool(_FORBIDDEN_FIELDS.search(words))


def is_order_complete_url(url: str) -> bool:
    """An address that shows (or completes) a placed order; never opened."""
    parts = urlsplit(url)
    return bool(_ORDER_COMPLETE.search(parts.path + ("?" + parts.query if parts.query else "")))


def adds_to_cart(url: str, body: str) -> bool:
    """A request that puts something in the cart: a platform's cart endpoint, or a form
    to a cart address whose fields name a product and a quantity; or a form to the
    cart page itself that says ``command=add`` with a product (Shuup's)."""
    path = urlsplit(url).path + "?" + urlsplit(url).query
    if _CART_PAGE.search(urlsplit(url).path) and body:
        return bool(_ADD_COMMAND.search(body) and _CART_FIELDS.search(body))
    if not _CART_ADD.search(path):
        return False
    return not body or bool(_CART_FIELDS.search(body)) or body.lstrip().startswith("{")


def body_names(body: str) -> list[str]:
    """The field names a request body carries (a form, a multipart form or JSON)."""
    text = body or ""
    if text.lstrip().startswith(("{", "[")):
        try:
            return sorted(_json_keys(json.loads(text)))
        except ValueError:
            return ["?"]
    multipart = re.findall(r'name="([^"]{0,200})"', text)
    if multipart:
        return multipart
    return [k for k, _ in parse_qsl(text, keep_blank_values=True)]


def _json_keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        keys = {str(k) for k in node}
        for v in node.values():
            keys |= _json_keys(v)
        return keys
    if isinstance(node, list):
        return set().union(*(_json_keys(v) for v in node)) if node else set()
    return set()


def request_verdict(
    method: str,
    url: str,
    body: str | None,
    *,
    allow_cart: bool,
    search_paths: tuple[str, ...] = (),
    test_data_host: str | None = None,
) -> str:
    """What the guard does with one request: ``read`` (no form data: let it go),
    ``cart``, ``search`` or ``test data`` (allowed form data), or ``blocked`` with a
    reason (``blocked: ...``). Every order-complete address is blocked, whatever the
    method. ``test_data_host``: the host (host:port) a filled checkout step may be
    posted to right now (None: none)."""
    if is_order_complete_url(url):
        return "blocked: an order-complete address"
    method = method.upper()
    data = body or ""
    if method in ("GET", "HEAD", "OPTIONS"):
        return "read"
    if allow_cart and adds_to_cart(url, data):
        return "cart"
    if test_data_host and method == "POST" and urlsplit(url).netloc == test_data_host:
        names = body_names(data)
        if any(forbidden_field({"name": n}) for n in names):
            return "blocked: test data with a card, IBAN or password field"
        return "test data"
    path = urlsplit(url).path
    if method == "POST" and search_paths and path in search_paths and not data.strip():
        return "search"
    return f"blocked: {method} with form data" if data else f"blocked: {method}"


class Guard:
    """The route handler of a journey's browser context, and its log: every request
    that carried form data (or would have) with the verdict, for the report and tests."""

    def __init__(self, allow_cart: bool) -> None:
        self.allow_cart = allow_cart
        #: armed by the checkout for the one submission of a step filled with test data
        self.test_data_host: str | None = None
        self.log: list[dict[str, str]] = []
        self.on_block: Callable[[str], None] | None = None

    async def __call__(self, route: Any) -> None:
        req = route.request
        try:
            body = req.post_data or ""
        except Exception:  # binary bodies: never ours to send
            body = "\x00binary"
        verdict = request_verdict(
            req.method,
            req.url,
            body,
            allow_cart=self.allow_cart,
            test_data_host=self.test_data_host,
        )
        if verdict != "read":
            self.log.append({"method": req.method, "url": req.url[:300], "verdict": verdict})
        if verdict.startswith("blocked"):
            if self.on_block:
                self.on_block(verdict)
            await route.abort("blockedbyclient")
        else:
            await route.fallback()

    def sent(self) -> list[dict[str, str]]:
        """The requests with form data that were let out (``cart``, ``test data``)."""
        return [e for e in self.log if not e["verdict"].startswith("blocked")]

    def blocked(self) -> list[dict[str, str]]:
        return [e for e in self.log if e["verdict"].startswith("blocked")]
