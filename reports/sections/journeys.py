"""The customer journeys section: each journey as a strip of step thumbnails with the
cost of every step, and the personas side by side.

Why: the owner sees what a customer does, step by step, and what each step costs (the
Keystroke-Level Model's predicted seconds plus the shop's measured wait), and which
customers (keyboard, a slow phone, a 320 px window) get stuck where.

From results.json: the top-level ``journeys`` list (per journey and persona: steps,
effort, completed or where it stopped, with a screenshot). Shop text is clipped and
escaped by the template; pictures only pass as JPEG/PNG data URIs.
"""

from __future__ import annotations

from typing import Any

from auditor.results import walk_excused

from ..common import MAX_SHORT, MAX_TITLE, as_dict, as_list, clip, is_number, url_view
from ..i18n import localise_number, said
from ..images import picture
from .data import ReportData

__all__ = ["JOURNEY_NAMES", "journey_step_cost", "journeys_view"]

JOURNEY_NAMES = {
    "browse": "1 Find the product through the menu",
    "search": "2 Find it through the search",
    "cart": "3 Choose, add to the cart, open the cart",
    "checkout": "4 Into the checkout (no personal data sent)",
    "service": "5 Contact, shipping and returns from the product",
}
_TEST_DATA_NAME = "4 Into the checkout (with the configured test data)"
PERSONA_ORDER = ("desktop", "mobile", "keyboard", "zoom", "zoom-text")
MAX_STEPS = 12


def _seconds(value: Any) -> str:
    """Seconds with one decimal, in the report's language (6,6 s in German)."""
    return localise_number(f"{value:.1f} s") if is_number(value) else "–"


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _n(value: Any) -> float:
    return value if is_number(value) else 0


def journey_step_cost(step: dict[str, Any], persona: str) -> float:
    """A step's predicted seconds (KLM, as in checks.journeys.effort) plus its wait;
    computed here from the recorded operators so the report needs no check code."""
    ops = as_dict(step.get("ops"))
    m, p, b, h, k = 1.35, 1.1, 0.2, 0.4, 0.28
    typed = ops.get("type") or []
    typed = [typed] if is_number(typed) else [n for n in as_list(typed) if is_number(n)]
    click, keys, choose = (_n(ops.get(x)) for x in ("click", "keys", "choose"))
    if persona == "keyboard":
        s = click * m + keys * k + choose * (m + 2 * k) + sum(m + n * k for n in typed)
    else:
        s = click * (m + p + b) + keys * k + choose * (m + 2 * p + 2 * b)
        s += sum(m + p + b + 2 * h + n * k for n in typed)
    wait = step.get("wait_ms")
    return s + (wait / 1000.0 if is_number(wait) and wait > 0 else 0.0)


def _walk(w: dict[str, Any], origin: str | None) -> dict[str, Any]:
    persona = w.get("persona") if isinstance(w.get("persona"), str) else "desktop"
    effort = as_dict(w.get("effort"))
    stopped = as_dict(w.get("stopped")) or None
    steps = []
    for s in [x for x in as_list(w.get("steps")) if isinstance(x, dict)][:MAX_STEPS]:
        steps.append(
            {
                "n": s.get("n"),
                "what": clip(said(s.get("what")), MAX_TITLE),
                "action": clip(s.get("action"), MAX_SHORT),
                "rung": clip(said(s.get("rung")), MAX_SHORT),
                "cost": _seconds(journey_step_cost(s, persona)),
                "wait": _seconds(s["wait_ms"] / 1000) if is_number(s.get("wait_ms")) else "–",
                "thumb": picture(s.get("thumb")),
                "predicted": s.get("predicted") is True,
            }
        )
    return {
        "persona": persona,
        "checkout": _checkout(as_dict(w.get("details")))
        if w.get("journey") == "checkout"
        else None,
        "completed": w.get("completed") is True,
        "blocked": w.get("blocked") is True,
        "seconds": _seconds(effort.get("seconds")),
        "band": f"{_seconds(effort.get('low'))} – {_seconds(effort.get('high'))}",
        "steps": steps,
        "clicks": w.get("clicks") if is_number(w.get("clicks")) else 0,
        "presses": w.get("keys") if is_number(w.get("keys")) else 0,
        "fields": w.get("fields") if is_number(w.get("fields")) else 0,
        "wait": _seconds(effort.get("wait_s")),
        "lostness": (
            localise_number(f"{w['lostness']:.2f}") if is_number(w.get("lostness")) else None
        ),
        "stopped": None
        if stopped is None
        else {
            "step": stopped.get("step"),
            "reason": clip(said(stopped.get("reason")), MAX_TITLE),
            "excused": walk_excused(w),
            "url": url_view(stopped["url"], origin) if _text(stopped.get("url")) else None,
            "shot": picture(stopped.get("screenshot")),
        },
    }


def _checkout(d: dict[str, Any]) -> dict[str, Any] | None:
    """What the checkout walk learnt of the checkout's size (``steps_total`` as its
    indicator shows it, the pages walked) and how far it went (before personal data,
    or on with the configured test data)."""
    total = d.get("steps_total")
    used = as_dict(d.get("test_data"))
    out = {
        "total": total if isinstance(total, int) and not isinstance(total, bool) else None,
        "source": clip(said(d.get("steps_source")), MAX_SHORT)
        if _text(d.get("steps_source"))
        else None,
        "labels": [clip(x, MAX_SHORT) for x in as_list(d.get("steps_labels")) if _text(x)][:12],
        "walked": d.get("steps_walked") if is_number(d.get("steps_walked")) else None,
        "before": clip(said(d.get("stopped_before")), MAX_SHORT)
        if _text(d.get("stopped_before"))
        else None,
        "test_data": clip(used.get("host"), MAX_SHORT) if _text(used.get("host")) else None,
        "test_steps": len(as_list(used.get("steps"))),
    }
    return out if any(v for k, v in out.items() if k != "labels") else None


def journeys_view(data: ReportData) -> dict[str, Any] | None:
    """The journeys and their personas; None where the audit walked none."""
    raw = [w for w in as_list(data.results.get("journeys")) if isinstance(w, dict)]
    if not raw:
        return None
    walks = [_walk(w, data.origin) for w in raw]
    personas = [p for p in PERSONA_ORDER if any(w["persona"] == p for w in walks)]
    rows = []
    for key, name in JOURNEY_NAMES.items():
        mine = {w["persona"]: w for w, r in zip(walks, raw, strict=True) if r.get("journey") == key}
        if not mine:
            continue
        first = mine.get(personas[0]) if personas else None
        rows.append(
            {
                "id": key,
                "name": name,
                "cells": [mine.get(p) for p in personas],
                "strip": first,
                # the checkout went on with the configured test data: its card says so
                "strip_name": _TEST_DATA_NAME
                if first and (first.get("checkout") or {}).get("test_data")
                else name,
                "stuck": [
                    mine[p]
                    for p in personas[1:]
                    if p in mine and not mine[p]["completed"] and mine[p]["stopped"]
                ],
            }
        )
    effort = next(
        (as_dict(w.get("effort")) for w in raw if _text(as_dict(w.get("effort")).get("formula"))),
        {},
    )
    return {
        "personas": personas,
        "rows": rows,
        "formula": clip(said(effort.get("formula")), MAX_TITLE * 2) if effort else None,
        "label": clip(said(effort.get("label")), MAX_TITLE) if _text(effort.get("label")) else None,
    }
