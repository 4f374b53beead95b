"""Trends over a site's recorded runs: scores per category, findings new and fixed.

New and fixed are decided exactly as a baseline comparison decides them
(auditor.gate.compare, by the findings' host-free fingerprints, a finding whose pages
only one run audited counting as neither), each run against the run before it.
"""

from __future__ import annotations

from typing import Any

from ..gate import compare
from .store import HistoryStore

__all__ = ["run_as_results", "site_trend", "trend_points"]


def run_as_results(store: HistoryStore, run: dict[str, Any]) -> dict[str, Any]:
    """The parts of a run's results.json that a comparison reads, from the store."""
    scores = store.category_scores([run["id"]])[run["id"]]
    findings = [
        {
            "fingerprint": f["fingerprint"],
            "check": f["check_id"],
            "category": f["category"],
            "severity": f["severity"],
            "title": f["title"],
            "url": f["url"],
            "urls": f["pages"],
            "primary": f["primary_fp"],
        }
        for f in store.findings(run["id"])
    ]
    return {
        "target": run["target"],
        "started_at": run["started_at"],
        "score": run["score"],
        "categories": {c: {"score": s} for c, s in scores.items()},
        "pages": [{"url": p} for p in store.pages(run["id"])],
        "findings": findings,
    }


def site_trend(store: HistoryStore, site: str, last: int = 10) -> dict[str, Any]:
    """The last ``last`` runs of a site, oldest first, each with its scores, its
    findings by severity and the findings new and fixed since the run before it."""
    runs = store.runs(site, limit=last + 1)  # one more: the first shown needs its previous
    scores = store.category_scores([r["id"] for r in runs])
    journeys = store.journeys([r["id"] for r in runs])
    categories: list[str] = []
    for r in runs:
        categories += [c for c in scores[r["id"]] if c not in categories]
    out, previous = [], None
    for r in runs:
        current = run_as_results(store, r)
        entry = {
            "id": r["id"],
            "target": r["target"],
            "started_at": r["started_at"],
            "finished_at": r["finished_at"],
            "status": r["status"],
            "profile": r["profile"],
            "tool_version": r["tool_version"],
            "settings_hash": r["settings_hash"],
            "score": r["score"],
            "categories": scores[r["id"]],
            "journeys": journeys[r["id"]],
            "pages": r["pages"],
            "findings": r["findings"],
            "severities": _severities(current["findings"]),
            "report_path": r["report_path"],
            "results_path": r["results_path"],
            "new": None,
            "fixed": None,
        }
        if previous is not None:
            diff = compare(previous, current)
            entry["new"] = diff["new"]
            entry["fixed"] = [f["fingerprint"] for f in diff["fixed"]]
        out.append(entry)
        previous = current
    if len(out) > last:
        out = out[-last:]
    return {"site": site, "categories": categories, "runs": out}


def _severities(findings: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0}
    for f in findings:
        if f["severity"] in counts and not f.get("primary"):
            counts[f["severity"]] += 1
    return counts


def trend_points(store: HistoryStore, site: str, last: int = 10) -> list[dict[str, Any]]:
    """The small list of past runs' scores that results.json carries for the report's
    trend chart: oldest first, each with its start, status, overall and category scores."""
    runs = store.runs(site, limit=last)
    scores = store.category_scores([r["id"] for r in runs])
    return [
        {
            "started_at": r["started_at"],
            "status": r["status"],
            "score": r["score"],
            "categories": scores[r["id"]],
        }
        for r in runs
    ]
