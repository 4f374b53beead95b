"""The "Top problems" section: the findings worst first, as cards and then as rows."""

from __future__ import annotations

from typing import Any

from ..common import MAX_FINDING_CARDS, MAX_FINDING_ROWS, SEVERITIES, SEVERITY_LABELS
from .data import ReportData
from .findings import finding_anchor, finding_view, severity_counts

__all__ = ["count", "problems_view"]


def problems_view(data: ReportData) -> dict[str, Any]:
    """Always shown: "no problems" is news too. The first cards carry an anchor each
    (``finding-N``); the pages table links each page to the first card naming it."""
    findings = data.findings
    counts = severity_counts(findings)
    cards = [finding_view(f, data.origin) for f in findings[:MAX_FINDING_CARDS]]
    for index, card in enumerate(cards, start=1):
        card["anchor"] = finding_anchor(index)
    rows = [finding_view(f, data.origin) for f in findings[MAX_FINDING_CARDS:][:MAX_FINDING_ROWS]]
    for index, row in enumerate(rows, start=MAX_FINDING_CARDS + 1):
        row["anchor"] = finding_anchor(index)
    return {
        "total": len(findings),
        "severities": [
            {"key": s, "label": SEVERITY_LABELS[s], "count": counts[s]} for s in SEVERITIES
        ],
        "cards": cards,
        "rows": rows,
        "rows_more": max(len(findings) - MAX_FINDING_CARDS - MAX_FINDING_ROWS, 0),
    }


def count(view: dict[str, Any]) -> tuple[int, bool]:
    """The menu badge: how many problems."""
    return view["total"], False
