"""The "Gate and baseline" section: the gate's verdict (each broken rule: what, limit,
measured) and the comparison with a baseline run (new, fixed and unchanged findings,
each category's score with its change). Both come from results.json (``gate`` and
``comparison``, written by auditor.gate); the section is absent where neither is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..common import (
    MAX_SHORT,
    MAX_TITLE,
    MAX_URL,
    SEVERITIES,
    SEVERITY_LABELS,
    as_dict,
    as_list,
    category_label,
    clip,
    fmt_datetime,
    is_number,
    score_value,
)
from ..i18n import finding_text, said, t
from .data import ReportData

__all__ = ["change_text", "gate_view", "new_fingerprints"]

MAX_LISTED = 50


def new_fingerprints(results: Mapping[str, Any]) -> set[str]:
    """Fingerprints of the findings the baseline had not."""
    comparison = as_dict(results.get("comparison"))
    return {fp for fp in as_list(comparison.get("new")) if isinstance(fp, str)}


def change_text(change: Any) -> str:
    """A score change as shown: "+3", "−12", "±0"; "" where not measured."""
    if not is_number(change):
        return ""
    value = round(float(change))
    return "±0" if value == 0 else f"+{value}" if value > 0 else f"−{-value}"


def _severity(value: Any) -> str:
    return value if value in SEVERITIES else "unknown"


def _comparison(data: ReportData) -> dict[str, Any] | None:
    c = as_dict(data.results.get("comparison"))
    if not c:
        return None
    base = as_dict(c.get("baseline"))
    categories = []
    for name, ch in as_dict(c.get("categories")).items():
        ch = as_dict(ch)
        categories.append(
            {
                "name": category_label(name),
                "before": score_value(ch.get("before")),
                "after": score_value(ch.get("after")),
                "change": change_text(ch.get("change")),
                "worse": is_number(ch.get("change")) and ch["change"] <= -0.5,
            }
        )
    new = new_fingerprints(data.results)
    new_rows = []
    for number, f in enumerate(data.findings, 1):
        if f.get("fingerprint") in new and len(new_rows) < MAX_LISTED:
            new_rows.append(
                {
                    "title": clip(finding_text(f, "title"), MAX_TITLE) or t("Untitled"),
                    "severity": _severity(f.get("severity")),
                    "severity_label": SEVERITY_LABELS.get(f.get("severity"), "Unknown"),
                    "check": clip(f.get("check"), MAX_SHORT),
                    "anchor": data.anchor(number),
                }
            )
    fixed_rows = [
        {
            "title": clip(finding_text(f, "title"), MAX_TITLE) or t("Untitled"),
            "severity": _severity(f.get("severity")),
            "severity_label": SEVERITY_LABELS.get(f.get("severity"), "Unknown"),
            "check": clip(f.get("check"), MAX_SHORT),
        }
        for f in as_list(c.get("fixed"))[:MAX_LISTED]
        if isinstance(f, dict)
    ]
    score = as_dict(c.get("score"))
    return {
        "target": clip(base.get("target"), MAX_URL),
        "started": fmt_datetime(base.get("started_at")),
        "score_before": score_value(score.get("before")),
        "score_after": score_value(score.get("after")),
        "score_change": change_text(score.get("change")),
        "categories": categories,
        "new": len(new),
        "new_rows": new_rows,
        "fixed": c.get("fixed_total") if isinstance(c.get("fixed_total"), int) else 0,
        "fixed_rows": fixed_rows,
        "unchanged": c.get("unchanged") if isinstance(c.get("unchanged"), int) else 0,
        "sampled_apart": c.get("sampled_apart") if isinstance(c.get("sampled_apart"), int) else 0,
    }


def gate_view(data: ReportData) -> dict[str, Any] | None:
    """None where no gate rule was set and there is no baseline: nothing to show."""
    gate = as_dict(data.results.get("gate"))
    comparison = _comparison(data)
    rules = [r for r in as_list(gate.get("rules")) if isinstance(r, dict)]
    if not rules and comparison is None:
        return None
    broken = [
        {
            "what": clip(said(r.get("what")), 300),
            "limit": clip(said(r.get("limit")), MAX_SHORT),
            "measured": clip(said(r.get("measured")), 500),
        }
        for r in rules
        if not r.get("passed")
    ]
    return {
        "has_gate": bool(rules),
        "passed": bool(gate.get("passed")) and not broken,
        "rules": len(rules),
        "broken": broken,
        "comparison": comparison,
    }


def count(view: dict[str, Any]) -> tuple[int, bool] | None:
    """The menu badge: rules broken, if any."""
    return (len(view["broken"]), True) if view["broken"] else None
