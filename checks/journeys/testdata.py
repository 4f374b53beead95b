"""Opt-in test data for the checkout: which fields it fills, on which shops (pure).

Why opt in: by default the checkout journey stops at the first step whose submission
would carry personal data, so it never sees the steps behind the address form. A shop
team auditing its own (or a staging) shop can hand the journeys made-up customer data
and name the hosts that may receive it (``allowed_hosts``); only there does the
checkout fill the address step with it and go on, still stopping before payment and
before any final order button. Card, IBAN and password fields are never filled
(``safety.forbidden_field``); a required field the test data cannot fill stops the
walk before anything is sent.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .safety import forbidden_field

__all__ = [
    "TEST_DATA",
    "TEST_DATA_KEYS",
    "check_test_data",
    "host_allowed",
    "plan_fill",
    "value_for",
]

#: the values a config may give (all empty: no test data, the default)
TEST_DATA_KEYS = (
    "name",
    "given_name",
    "family_name",
    "email",
    "phone",
    "street",
    "postcode",
    "city",
    "country",
)
TEST_DATA: dict[str, Any] = {"allowed_hosts": [], **dict.fromkeys(TEST_DATA_KEYS, "")}

#: autocomplete tokens (WHATWG) to test-data keys
_TOKENS = {
    "name": "name",
    "given-name": "given_name",
    "family-name": "family_name",
    "email": "email",
    "tel": "phone",
    "tel-national": "phone",
    "street-address": "street",
    "address-line1": "street",
    "postal-code": "postcode",
    "address-level2": "city",
    "country": "country",
    "country-name": "country",
}
#: the field's name, id or label to test-data keys, most specific first
_WORDS = (
    ("email", re.compile(r"e-?mail", re.I)),
    ("given_name", re.compile(r"first.?name|given|vorname|firstname", re.I)),
    ("family_name", re.compile(r"last.?name|family|surname|nachname|lastname", re.I)),
    ("phone", re.compile(r"phone|\btel|telefon|mobile", re.I)),
    ("postcode", re.compile(r"zip|post.?code|postal|\bplz\b", re.I)),
    ("city", re.compile(r"\bcity\b|\btown\b|\bort\b|stadt", re.I)),
    ("country", re.compile(r"country|\bland\b", re.I)),
    ("street", re.compile(r"street|address|stra(ss|ß)e|adresse", re.I)),
    ("name", re.compile(r"\bname\b|full.?name", re.I)),
)


def check_test_data(value: Any) -> str | None:
    """What is wrong with a configured ``test_data`` table, or None."""
    if not isinstance(value, dict):
        return "must be a table"
    unknown = sorted(set(value) - set(TEST_DATA))
    if unknown:
        return f"knows no {', '.join(unknown)} (only allowed_hosts, {', '.join(TEST_DATA_KEYS)})"
    hosts = value.get("allowed_hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h.strip() for h in hosts):
        return "allowed_hosts must be a list of host names"
    if not all(isinstance(value.get(k, ""), str) for k in TEST_DATA_KEYS):
        return "values must be strings"
    return None


def host_allowed(test_data: dict[str, Any] | None, url: str) -> bool:
    """The test data may go to ``url``: some value is given and the address's host
    (or host:port) is one of ``allowed_hosts``."""
    if not test_data or not any(test_data.get(k) for k in TEST_DATA_KEYS):
        return False
    parts = urlsplit(url)
    hosts = {h.strip().lower() for h in test_data.get("allowed_hosts") or ()}
    return bool(parts.hostname) and (
        parts.hostname.lower() in hosts or parts.netloc.lower() in hosts
    )


def _given(data: dict[str, Any], key: str) -> str:
    value = str(data.get(key) or "")
    if value:
        return value
    name = str(data.get("name") or "").split()
    if key == "given_name" and name:
        return name[0]
    if key == "family_name" and len(name) > 1:
        return " ".join(name[1:])
    if key == "name" and data.get("given_name"):
        return f"{data['given_name']} {data.get('family_name') or ''}".strip()
    return ""


def _key_of(field: dict[str, Any]) -> str | None:
    tokens = (field.get("autocomplete") or "").split()
    if tokens and tokens[-1] in _TOKENS:
        return _TOKENS[tokens[-1]]
    if field.get("type") == "email":
        return "email"
    if field.get("type") == "tel":
        return "phone"
    words = " ".join(str(field.get(k) or "") for k in ("name", "id", "label"))
    return next((key for key, pattern in _WORDS if pattern.search(words)), None)


def value_for(field: dict[str, Any], data: dict[str, Any]) -> str | None:
    """The test value for one field (for a select: the option's value), or None."""
    if forbidden_field(field):
        return None
    key = _key_of(field)
    value = _given(data, key) if key else ""
    if not value:
        return None
    if field.get("tag") == "select" or field.get("type") in ("select", "select-one"):
        wanted = value.strip().lower()
        for o in field.get("options") or ():
            if o.get("disabled") or not o.get("value"):
                continue
            if wanted in (str(o["value"]).lower(), str(o.get("text") or "").lower()):
                return str(o["value"])
        return None
    return value


def plan_fill(
    fields: list[dict[str, Any]], data: dict[str, Any]
) -> tuple[list[tuple[dict[str, Any], str]], list[str]]:
    """What to type where on one checkout step: (field, value) pairs for the fields the
    test data can fill, and the labels of required fields it cannot (the walk stops
    before sending anything where there are any). Checkboxes and radios are left alone
    (no consent is given for the customer); card, IBAN and password fields never filled."""
    fills: list[tuple[dict[str, Any], str]] = []
    missing: list[str] = []
    for f in fields:
        if f.get("type") in ("checkbox", "radio"):
            if f.get("required") and not f.get("value"):
                missing.append(_label(f))
            continue
        value = value_for(f, data)
        if value is not None:
            fills.append((f, value))
        elif f.get("required") and not (f.get("value") and not forbidden_field(f)):
            missing.append(_label(f))
    return fills, missing


def _label(field: dict[str, Any]) -> str:
    return str(field.get("label") or field.get("name") or field.get("id") or "a field")[:60]
