"""The "Top problems" section: the findings worst first, as cards and then as rows.

A finding that points to a primary finding of another check (the same element: an
unlabelled search field found by axe and by the search checks) is the same defect,
counted once. It is not a problem of its own here: it is listed under its primary,
marked "Same defect as … (counted once)", and the counts leave it out.
"""

from __future__ import annotations

from typing import Any

from ..common import MAX_FINDING_CARDS, MAX_FINDING_ROWS, SEVERITIES, SEVERITY_LABELS
from .baseline import new_fingerprints
from .data import ReportData
from .findings import finding_view, severity_counts

__all__ = ["count", "problems_view"]


def _entry(data: ReportData, number: int) -> dict[str, Any]:
    """One finding as Top problems shows it, with the findings counted with it."""
    view = finding_view(data.findings[number - 1], data.origin)
    view["anchor"] = data.anchor(number)
    view["same_as"] = data.same_as(number)
    view["is_new"] = data.findings[number - 1].get("fingerprint") in new_fingerprints(data.results)
    view["linked"] = []
    for other in data.linked_to(number):
        linked = finding_view(data.findings[other - 1], data.origin)
        linked["anchor"] = data.anchor(other)
        linked["same_as"] = data.same_as(other)
        view["linked"].append(linked)
    return view


def problems_view(data: ReportData) -> dict[str, Any]:
    """Always shown: "no problems" is news too. Each finding shown carries an anchor
    (``finding-N``); the pages table links each page to the first card naming it."""
    top = data.top
    counts = severity_counts(data.distinct)
    cards = [_entry(data, n) for n in top[:MAX_FINDING_CARDS]]
    rows = [_entry(data, n) for n in top[MAX_FINDING_CARDS:][:MAX_FINDING_ROWS]]
    return {
        "total": len(top),
        "linked": len(data.links),
        "severities": [
            {"key": s, "label": SEVERITY_LABELS[s], "count": counts[s]} for s in SEVERITIES
        ],
        "cards": cards,
        "rows": rows,
        "rows_more": max(len(top) - MAX_FINDING_CARDS - MAX_FINDING_ROWS, 0),
    }


def count(view: dict[str, Any]) -> tuple[int, bool]:
    """The menu badge: how many problems."""
    return view["total"], False
