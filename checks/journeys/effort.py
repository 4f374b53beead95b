"""Effort and lostness of a walked journey: pure arithmetic on what the walk recorded.

Why a model and not a stopwatch: the walk's own clicks are instant, a customer's are
not. The Keystroke-Level Model (Card, Moran & Newell 1980) predicts the seconds an
experienced customer needs for the actions the journey really took, without errors:
mental preparation M 1.35 s, pointing P 1.1 s, a click 0.2 s, moving the hand between
mouse and keyboard H 0.4 s, a key press K 0.28 s. A click costs M + P + click = 2.65 s,
a text field of n characters M + P + click + 2 H + n K = 3.45 + 0.28 n s, a field the
browser can fill (a valid ``autocomplete`` token) one click. The shop's own waits
(action until the page settled) are measured and added. KLM predictions for experts
are within about 21 %, so the figure comes with that band. It is a lab proxy for the
effort a customer spends, never a Customer Effort Score (which only customers give).

Lostness (Smith 1996): L = sqrt((N/S - 1)^2 + (R/N - 1)^2) with N distinct pages
visited, S pages visited, R the fewest pages needed (the crawl's shortest path):
below 0.4 nobody looks lost, above 0.5 customers are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

__all__ = [
    "BAND",
    "KLM",
    "effort",
    "field_ops",
    "lostness",
    "ops_seconds",
    "typed_length",
]

#: operator seconds (Card, Moran & Newell)
KLM = {"M": 1.35, "P": 1.1, "B": 0.2, "H": 0.4, "K": 0.28}
#: the model's accuracy for experts: +-21 %
BAND = 0.21
FORMULA = (
    "KLM: click = M+P+B (2.65 s); text field of n characters = M+P+B+2H+nK (3.45 + 0.28 n s); "
    "autofillable field = one click; choice = M+P+B+P+B (3.95 s); key press (keyboard "
    "persona) = K, with M per target; plus the measured waits; +-21 %"
)

#: characters a customer types into a field of this kind (a typical entry)
_LENGTHS = {
    "email": 22,
    "tel": 12,
    "name": 14,
    "given-name": 6,
    "family-name": 8,
    "street-address": 18,
    "address-line1": 18,
    "postal-code": 5,
    "address-level2": 8,
    "city": 8,
    "search": 12,
}
_AUTOFILL = frozenset(
    {
        "name", "given-name", "family-name", "additional-name", "honorific-prefix",
        "email", "tel", "tel-national", "street-address", "address-line1", "address-line2",
        "address-line3", "address-level1", "address-level2", "address-level3",
        "postal-code", "country", "country-name", "organization", "username",
    }
)  # fmt: skip


def typed_length(field: dict[str, Any]) -> int:
    """Characters a customer types into ``field`` (by its autocomplete token or type)."""
    token = (field.get("autocomplete") or "").split()[-1:] or [""]
    for key in (token[0], field.get("type") or "", (field.get("name") or "").lower()):
        if key in _LENGTHS:
            return _LENGTHS[key]
    return 10


def autofillable(field: dict[str, Any]) -> bool:
    """The browser can fill the field: its last autocomplete token is an address,
    name or contact token (WHATWG)."""
    tokens = (field.get("autocomplete") or "").split()
    return bool(tokens) and tokens[-1] in _AUTOFILL


def field_ops(field: dict[str, Any]) -> dict[str, int]:
    """The KLM operators of filling one field: typing, a choice, or one click."""
    kind = field.get("type") or ""
    if kind in ("select", "select-one", "radio"):
        return {"choose": 1}
    if kind == "checkbox":
        return {"click": 1}
    if autofillable(field):
        return {"click": 1}
    return {"type": typed_length(field)}


def ops_seconds(ops: dict[str, int], persona: str = "desktop") -> float:
    """Predicted seconds of one step's operators. ``click``: pointing clicks (for the
    keyboard persona, a target reached by ``keys``); ``type``: characters typed in one
    field each (a list of counts is summed as one field per entry); ``choose``: choices;
    ``keys``: key presses (Tab, Enter, arrows)."""
    m, p, b, h, k = (KLM[x] for x in "MPBHK")
    click = ops.get("click", 0)
    keys = ops.get("keys", 0)
    if persona == "keyboard":
        # no pointer: each target is a decision and its keys; typing needs no H
        seconds = click * m + keys * k
        seconds += ops.get("choose", 0) * (m + 2 * k)
        for n in _typed(ops):
            seconds += m + n * k
        return round(seconds, 2)
    seconds = click * (m + p + b) + keys * k
    seconds += ops.get("choose", 0) * (m + 2 * p + 2 * b)
    for n in _typed(ops):
        seconds += m + p + b + 2 * h + n * k
    return round(seconds, 2)


def _typed(ops: dict[str, Any]) -> list[int]:
    typed = ops.get("type", [])
    if isinstance(typed, int):
        return [typed] if typed else []
    return [int(n) for n in typed]


def effort(steps: Iterable[dict[str, Any]], persona: str = "desktop") -> dict[str, Any]:
    """The journey's effort: KLM seconds of its steps' operators plus the measured
    waits, with the +-21 % band on the model's part."""
    klm = waits = 0.0
    for s in steps:
        klm += ops_seconds(s.get("ops") or {}, persona)
        waits += max(0.0, float(s.get("wait_ms") or 0.0)) / 1000.0
    total = klm + waits
    return {
        "seconds": round(total, 1),
        "low": round(klm * (1 - BAND) + waits, 1),
        "high": round(klm * (1 + BAND) + waits, 1),
        "klm_s": round(klm, 2),
        "wait_s": round(waits, 2),
        "formula": FORMULA,
        "label": "lab proxy (Keystroke-Level Model), not a Customer Effort Score",
    }


def lostness(visited: list[str], minimum: int | None) -> float | None:
    """Smith's lostness of a walk through ``visited`` pages (in order, repeats kept)
    against ``minimum`` pages needed; None where either is unknown."""
    s = len(visited)
    n = len(set(visited))
    if not s or not minimum or minimum < 1:
        return None
    r = min(minimum, n)
    return round(math.sqrt((n / s - 1) ** 2 + (r / n - 1) ** 2), 3)
