"""What the journeys share: their options, the trip (one persona's walk through the
shop) and small readings of scanned pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from auditor.config import PERSONA_NAMES, Settings
from auditor.errors import ConfigError

from .ladder import Match, recognise
from .testdata import TEST_DATA, check_test_data

__all__ = [
    "JOURNEY_OPTIONS",
    "JOURNEY_OPTION_DOCS",
    "OWNER",
    "Trip",
    "cart_count",
    "journey_options",
    "link_to",
]

#: the check whose config section holds the options of every journey
OWNER = "journeys.discovery"

JOURNEY_OPTIONS: dict[str, Any] = {
    "personas": ["desktop"],
    "state_changes": True,
    "product": "",
    "selectors": {},
    "max_steps": 12,
    "test_data": dict(TEST_DATA),
}
JOURNEY_OPTION_DOCS: dict[str, str] = {
    "personas": (
        "(these options govern the walks of every journeys.* check) the customers who walk "
        'the journeys: "desktop", "mobile" (slow 4G, 4x slower CPU), "keyboard" (Tab, '
        'Enter, Space, arrows only), "zoom" (a 320 px wide window, WCAG 1.4.10), "zoom-text" '
        "(every text at 200 % in a desktop window, WCAG 1.4.4)"
    ),
    "state_changes": (
        "let the journeys add one product to the cart (the only state they ever change; "
        "false: journeys 3 and 4 stop before adding)"
    ),
    "product": 'path of the product to find, choose and add, e.g. "/product/red-kettle" '
    "(default: the first product the crawl found nearest the home page)",
    "selectors": (
        "CSS selectors that override recognition, by role: add_to_cart, cart_link, checkout, "
        "guest, final_order, contact, shipping, returns, imprint, next_page"
    ),
    "max_steps": "steps at most per journey before it counts as a dead end",
    "test_data": (
        "made-up customer data for the checkout, off by default: only on a host listed in "
        'allowed_hosts (e.g. ["staging.example.com"], host or host:port) does the checkout '
        "journey fill its address step with these values and go on to the next step, still "
        "stopping before payment and any final order button (card, IBAN and password "
        "fields are never filled); elsewhere it stops before the first personal data"
    ),
}

_PERSONAS = PERSONA_NAMES  # one list with the gate's (auditor.config)


def journey_options(settings: Settings | None) -> dict[str, Any]:
    """The journey options from the owner's section, validated; one line per bad key."""
    section = settings.checks.get(OWNER, {}) if settings is not None else {}
    opts = {**JOURNEY_OPTIONS, **{k: v for k, v in section.items() if k in JOURNEY_OPTIONS}}
    where = f'{getattr(settings, "source", "settings")}: \'checks."{OWNER}"'
    personas = opts["personas"]
    if not personas or not all(p in _PERSONAS for p in personas):
        raise ConfigError(f"{where}.personas' must list some of {', '.join(_PERSONAS)}")
    from .ladder import ROLES

    sel = opts["selectors"]
    if not all(k in ROLES and isinstance(v, str) and v.strip() for k, v in sel.items()):
        raise ConfigError(f"{where}.selectors' must map roles ({', '.join(ROLES)}) to CSS")
    if isinstance(opts["max_steps"], bool) or not isinstance(opts["max_steps"], int):
        raise ConfigError(f"{where}.max_steps' must be a whole number")
    if opts["max_steps"] < 2:
        raise ConfigError(f"{where}.max_steps' must be at least 2")
    wrong = check_test_data(opts["test_data"])
    if wrong:
        raise ConfigError(f"{where}.test_data' {wrong}")
    opts["test_data"] = {**TEST_DATA, **opts["test_data"]}
    return opts


@dataclass
class Trip:
    """One persona's trip: the tab, the shop's facts the walks need, what they found."""

    page: Any
    tabs: Any
    persona: str
    opts: dict[str, Any]
    start: str
    product: str | None
    product_name: str
    depths: dict[str, int] = field(default_factory=dict)
    out_links: Any = None
    #: the product page the customer reached (journey 1 or 2), for journey 3
    reached: str | None = None
    #: whether the customer's cart holds the product (journey 3), for journey 4
    in_cart: bool = False
    #: the context's request guard (``safety.Guard``): armed for a test-data submission
    guard: Any = None


def cart_count(facts: dict[str, Any]) -> int | None:
    """The number the header's cart link shows (a badge), or None."""
    m = recognise(facts, "cart_link")
    if m is None:
        return None
    for c in facts.get("candidates") or ():
        if c["sel"] == m.selector:
            return c.get("count")
    return None


def link_to(
    facts: dict[str, Any], url: str, *, where: tuple[str, ...] = ("main", "other")
) -> Match | None:
    """A visible link on the page to ``url`` (the same page, fragment aside)."""
    from .walker import same_page

    for c in facts.get("candidates") or ():
        if c.get("tag") != "a" or not c.get("visible") or c.get("where") not in where:
            continue
        if c.get("href") and same_page(c["href"], url):
            return Match(
                "link",
                c["sel"],
                "address",
                c.get("name") or "",
                c["href"],
                c.get("fold", True),
                "a",
                c.get("attrs") or "",
            )
    return None


def mentions(text: str, words: str) -> bool:
    return bool(re.search(words, text or "", re.I))
