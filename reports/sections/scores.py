"""The score sections: "Scores by category" (a card per category) and "How the score is
made" (what cost points in each category, with the weights results.json records).

Why the second: a manager who sees 61 for performance asks what it would take to get 90.
The report does not score anything itself; it lays out the weights and scores the
engine wrote and, where the engine's documented rule explains a check's score from its
findings, the points each finding took.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..common import (
    BAND_LABELS,
    MAX_SHORT,
    MAX_SUMMARY,
    MAX_TITLE,
    SEVERITY_LABELS,
    as_dict,
    as_list,
    band,
    category_label,
    clip,
    fmt_number,
    humanise,
    is_number,
    plural,
    ring,
    score_value,
    url_view,
)
from ..i18n import check_title, finding_text, localise_number, t, tn
from .baseline import change_text
from .data import ReportData
from .findings import severity_counts

__all__ = ["SEVERITY_PENALTY", "categories_view", "category_views", "scoring_view"]

#: The engine's documented rule (README "How the score works", auditor/scoring.py): a
#: check starts at 100 and each finding multiplies its score by (1 - penalty). Used only
#: to explain a recorded score, and only where the arithmetic reproduces it.
SEVERITY_PENALTY = {"critical": 0.5, "serious": 0.25, "moderate": 0.1, "minor": 0.03}
MAX_SCORING_FINDINGS = 12  # findings listed per check; the rest are counted
MAX_TEMPLATE_ROWS = 12
MAX_MEASURES = 4
MAX_LOSING = 6  # templates that lose points, listed per check where a breakdown explains it
MAX_COSTLY = 10  # findings listed per category from its breakdown; the rest are counted
MAX_PARTS = 8  # measurements listed per category from its breakdown
MAX_COUNTED_ONCE = 12

#: A key page of a role, as a sentence names it ("capped at 89 because the home page …").
ROLE_PAGES = {
    "home": "the home page",
    "category": "a category page",
    "product": "a product page",
    "search": "a search results page",
    "cart": "the cart",
    "checkout": "a checkout page",
}


_SUMMARY = re.compile(r"^(\d+) findings? \(([a-z0-9, ]+)\)\.$")


def summary_text(summary: str) -> str:
    """A category's summary as the engine writes it ("12 findings (5 critical, 4 serious).")
    in the report's language; any other summary as it is, whole."""
    match = _SUMMARY.match(summary)
    if not match or t("{n} finding") == "{n} finding":
        return summary
    parts = []
    for part in match.group(2).split(", "):
        count, _, severity = part.partition(" ")
        if severity not in SEVERITY_PENALTY or not count.isdigit():
            return summary
        parts.append(f"{fmt_number(int(count))} {t(severity)}")
    return tn(int(match.group(1)), "{n} finding", "{n} findings") + f" ({', '.join(parts)})."


def categories_view(data: ReportData) -> list[dict[str, Any]]:
    """Always shown (an empty list says "no categories were scored"). A finding counted
    with a primary finding of another check is not counted again, as in the engine's
    summary of the category."""
    return category_views(data.results, data.distinct)


def category_views(
    results: Mapping[str, Any], findings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    categories = as_dict(results.get("categories"))
    checks = [c for c in as_list(results.get("checks")) if isinstance(c, dict)]
    names: list[str] = [str(k) for k in categories]
    for item in [*findings, *checks]:
        name = item.get("category")
        if isinstance(name, str) and name and name not in names:
            names.append(name)
    changes = as_dict(as_dict(results.get("comparison")).get("categories"))
    views = []
    for name in names:
        cat = as_dict(categories.get(name))
        score = score_value(cat.get("score"))
        own = [f for f in findings if f.get("category") == name]
        own_checks = [c for c in checks if c.get("category") == name]
        statuses = Counter(c.get("status") for c in own_checks)
        views.append(
            {
                "name": category_label(name),
                "score": score,
                "band": band(score),
                "band_label": BAND_LABELS[band(score)],
                "summary": summary_text(clip(cat.get("summary"), MAX_SUMMARY)),
                "counts": severity_counts(own),
                "findings": len(own),
                "checks_ran": statuses.get("ran", 0),
                "checks_not_run": statuses.get("disabled", 0) + statuses.get("error", 0),
                "ring": ring(score, 26, 7),
                "change": change_text(as_dict(changes.get(name)).get("change")),
            }
        )
    views.sort(key=lambda v: (v["score"] is None, v["score"] if v["score"] is not None else 0))
    return views


def _measured(categories: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """{category: (score, weight)} of the categories that have a score and a weight."""
    out = {}
    for name, cat in categories.items():
        cat = as_dict(cat)
        score, weight = cat.get("score"), cat.get("weight")
        if is_number(score) and is_number(weight) and weight >= 0:
            out[str(name)] = (float(score), float(weight))
    return out


def _explained_by_findings(score: Any, findings: list[dict[str, Any]]) -> bool:
    """Whether 100 × Π(1 − penalty) over the check's findings gives its recorded score
    (to the rounding results.json keeps): then each finding's cost can be shown."""
    if not is_number(score):
        return False
    value = 100.0
    for f in findings:
        penalty = SEVERITY_PENALTY.get(f.get("severity"))
        if penalty is None:
            return False
        value *= 1 - penalty
    return math.isclose(value, float(score), abs_tol=0.6)


def _finding_costs(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each finding with the points it took from its check, in the order they apply."""
    rows, value = [], 100.0
    for f in findings[:MAX_SCORING_FINDINGS]:
        penalty = SEVERITY_PENALTY[f["severity"]]
        cost = value * penalty
        value -= cost
        rows.append(
            {
                "title": clip(finding_text(f, "title"), MAX_TITLE),
                "severity": f["severity"],
                "severity_label": SEVERITY_LABELS[f["severity"]],
                "penalty": localise_number(f"{penalty:.0%}"),
                "points": fmt_number(round(cost, 1)),
            }
        )
    return rows


def _template_scores(check: Mapping[str, Any]) -> list[dict[str, Any]]:
    """performance.web-vitals' details: each template's score and its share of the site,
    the templates that cost most points first (share × points below 100)."""
    templates = [as_dict(r) for r in as_list(as_dict(check.get("details")).get("templates"))]

    def cost(row: dict) -> float:
        share, score = row.get("share"), row.get("score")
        return -(share * (100 - score)) if is_number(share) and is_number(score) else 0.0

    rows = []
    for row in sorted(templates, key=cost)[:MAX_TEMPLATE_ROWS]:
        score = score_value(row.get("score"))
        if score is None:
            continue
        share = row.get("share")
        rows.append(
            {
                "template": clip(row.get("template"), MAX_SHORT),
                "score": score,
                "band": band(score),
                "share": localise_number(f"{share:.0%}") if is_number(share) else "–",
                "timed": fmt_number(row.get("pages_timed")),
                "found": fmt_number(row.get("pages_found")),
                "found_one": row.get("pages_found") == 1,
                "role": _role_label(row.get("role")),
            }
        )
    return rows


def _role_label(role: Any) -> str:
    """A template's role in the customer's path, as its row names it ("" if none)."""
    if not isinstance(role, str) or not role:
        return ""
    return t("other") if role == "page" else t(clip(role, MAX_SHORT))


def _measures(check: Mapping[str, Any]) -> str:
    """The figures a check that scores by its own measure records in its details
    (e.g. "Variants 25 · Failed 15"), the numbers only."""
    parts = [
        f"{humanise(key)} {fmt_number(value)}"
        for key, value in as_dict(check.get("details")).items()
        if is_number(value)
    ]
    return " · ".join(parts[:MAX_MEASURES])


def _check_row(check: Mapping[str, Any], own: list[dict[str, Any]], weights: float) -> dict:
    """One check of a category: score, weight, points lost to the category, and why."""
    score = check.get("score")
    weight = check.get("weight") if is_number(check.get("weight")) else 0
    lost = (100 - score) * weight / weights if is_number(score) and weights else None
    by_findings = _explained_by_findings(score, own)
    value = score_value(score)
    return {
        "id": clip(check.get("id"), MAX_SHORT),
        "title": clip(check_title(check), MAX_TITLE),
        "status": check.get("status")
        if check.get("status") in ("ran", "disabled", "error")
        else "",
        "score": value,
        "band": band(value),
        "weight": fmt_number(weight),
        "lost": fmt_number(round(lost, 1)) if lost is not None else "–",
        "lost_value": lost or 0,
        "findings": len(own),
        "method": "findings" if by_findings else ("own" if value is not None else "none"),
        "costs": _finding_costs(own) if by_findings and own else [],
        "costs_more": max(len(own) - MAX_SCORING_FINDINGS, 0) if by_findings else 0,
        "templates": _template_scores(check),
        "measures": _measures(check) if not by_findings else "",
    }


def _category_row(
    name: str, cat: Mapping[str, Any], data: ReportData, total_weight: float
) -> dict[str, Any]:
    members = [c for c in data.checks if c.get("category") == name]
    scored = [c for c in members if is_number(c.get("score")) and is_number(c.get("weight"))]
    weights = sum(c["weight"] for c in scored)
    checks = [
        _check_row(c, [f for f in _counted(data) if f.get("check") == c.get("id")], weights)
        for c in members
    ]
    checks.sort(key=lambda r: -r["lost_value"])
    score = score_value(cat.get("score"))
    weight = cat.get("weight") if is_number(cat.get("weight")) else None
    lost = None
    if score is not None and weight is not None and total_weight:
        lost = (100 - float(cat["score"])) * weight / total_weight
    breakdown = cat.get("breakdown")
    return {
        "name": category_label(name),
        "breakdown": _breakdown_view(name, breakdown, data)
        if isinstance(breakdown, dict)
        else None,
        "anchor": "score-" + "".join(ch if ch.isalnum() else "-" for ch in clip(name, MAX_SHORT)),
        "score": score,
        "band": band(score),
        "band_label": BAND_LABELS[band(score)],
        "weight": fmt_number(weight),
        "share": localise_number(f"{weight / total_weight:.0%}")
        if weight is not None and total_weight
        else "–",
        "lost": fmt_number(round(lost, 1)) if lost is not None else "–",
        "lost_value": lost or 0,
        "checks": checks,
    }


def _counted(data: ReportData) -> list[dict[str, Any]]:
    """The findings a check's score counts: all but those that point to a primary
    finding of another check (the same defect, counted with the primary)."""
    return [f for f in data.findings if not (isinstance(f.get("primary"), str) and f["primary"])]


def _points(value: Any) -> str:
    """Points lost, as the breakdown rounds them: "6.3", "<0.1" for a trace."""
    if not is_number(value) or value <= 0:
        return "0"
    return f"{value:,.1f}" if value >= 0.05 else "<0.1"


def _finding_link(data: ReportData, fingerprint: Any, title: Any) -> dict[str, Any]:
    """A finding the breakdown names by fingerprint: its title (the finding's own where
    results.json has it), severity and anchor in Top problems."""
    number = data.number(fingerprint)
    finding = data.findings[number - 1] if number else {}
    severity = finding.get("severity")
    return {
        "title": clip(finding_text(finding, "title") if number else title, MAX_TITLE)
        or t("Untitled finding"),
        "check": clip(finding.get("check"), MAX_SHORT),
        "severity": severity if severity in SEVERITY_LABELS else None,
        "anchor": data.anchor(number),
        "number": number,
    }


def _cap_view(cap: Any, data: ReportData) -> dict[str, Any] | None:
    """The cap a serious finding on a key page put on the category, in words."""
    cap = as_dict(cap)
    limit = cap.get("limit")
    if not is_number(limit):
        return None
    before = cap.get("score_before")
    role = cap.get("role") if isinstance(cap.get("role"), str) else ""
    finding = _finding_link(data, cap.get("fingerprint"), cap.get("title"))
    page = url_view(cap.get("page"), data.origin) if isinstance(cap.get("page"), str) else None
    severity = finding["severity"]
    return {
        "limit": fmt_number(limit),
        "before": fmt_number(before) if is_number(before) else None,
        "points": _points(before - limit) if is_number(before) else None,
        "where": t(ROLE_PAGES[role])
        if role in ROLE_PAGES
        else (t("a key page ({role})", role=clip(role, MAX_SHORT)) if role else t("a key page")),
        "page": page if page and page["text"] else None,
        "severity": severity if severity in ("critical", "serious") else t("serious or critical"),
        "finding": finding,
    }


def _breakdown_check(entry: Mapping[str, Any], data: ReportData, parts: set[str]) -> dict:
    """One check as the category's breakdown records it: score, weight, points lost."""
    check_id = entry.get("check")
    record = as_dict(data.check(check_id) if isinstance(check_id, str) else None)
    own = [f for f in _counted(data) if f.get("check") == check_id]
    mine = sum(1 for f in data.findings if f.get("check") == check_id)
    linked = mine - len(own)
    value = score_value(entry.get("score"))
    weight = entry.get("weight") if is_number(entry.get("weight")) else None
    points = entry.get("points") if is_number(entry.get("points")) else 0
    if weight == 0:
        note = t("Weight 0: shown for information, does not count.")
    elif value == 100:
        note = t("No findings: full marks.") if not own else t("Full marks.")
    elif check_id in parts or not _explained_by_findings(entry.get("score"), own):
        measures = _measures(record)
        note = t("Scored by its own measure") + (f" ({measures})" if measures else "") + "."
    else:
        note = f"{plural(len(own), 'finding')}."
    if linked:
        note += " " + tn(
            linked,
            "{n} more finding: counted once, with another check's.",
            "{n} more findings: counted once, with another check's.",
        )
    return {
        "id": clip(check_id, MAX_SHORT),
        "title": clip(check_title(record), MAX_TITLE),
        "status": "ran",
        "score": value,
        "band": band(value),
        "weight": fmt_number(weight),
        "lost": _points(points),
        "lost_value": points if is_number(points) else 0,
        "note": note,
        "templates": [t for t in _template_scores(record) if t["score"] < 100][:MAX_LOSING],
    }


def _breakdown_view(name: str, breakdown: Mapping[str, Any], data: ReportData) -> dict[str, Any]:
    """What the engine says the category's score is made of (``breakdown``): per check
    the weight and points lost, the findings and measurements that cost most, the
    findings counted once with a primary of another check, and the cap if one applied."""
    entries = [as_dict(e) for e in as_list(breakdown.get("checks")) if isinstance(e, dict)]
    parts = [as_dict(p) for p in as_list(breakdown.get("parts")) if isinstance(p, dict)]
    part_checks = {p.get("check") for p in parts if isinstance(p.get("check"), str)}
    checks = [_breakdown_check(e, data, part_checks) for e in entries]
    listed = {e.get("check") for e in entries}
    for record in data.checks:  # switched off or failed: no score, does not count
        if record.get("category") != name or record.get("id") in listed:
            continue
        status = record.get("status") if record.get("status") in ("disabled", "error") else ""
        checks.append(
            {
                "id": clip(record.get("id"), MAX_SHORT),
                "title": clip(check_title(record), MAX_TITLE),
                "status": status,
                "score": None,
                "band": "na",
                "weight": fmt_number(record.get("weight")),
                "lost": "–",
                "lost_value": 0,
                "note": t("Not scored")
                + (f" ({t(status)})" if status else "")
                + ": "
                + t("does not count."),
                "templates": [],
            }
        )
    checks.sort(key=lambda r: -r["lost_value"])
    info = [c for c in checks if c["weight"] == "0" and c["score"] is not None]
    costly = []
    for entry in as_list(breakdown.get("findings")):
        entry = as_dict(entry)
        if not is_number(entry.get("points")):
            continue
        link = _finding_link(data, entry.get("fingerprint"), entry.get("title"))
        severity = entry.get("severity")
        severity = link["severity"] or (severity if severity in SEVERITY_LABELS else "unknown")
        costly.append(
            {
                **link,
                "check": link["check"] or clip(entry.get("check"), MAX_SHORT),
                "severity": severity,
                "severity_label": SEVERITY_LABELS.get(severity, "Unknown"),
                "points": _points(entry["points"]),
                "value": float(entry["points"]),
            }
        )
    measures = [
        {
            "what": clip(p.get("what"), MAX_TITLE),
            "check": clip(p.get("check"), MAX_SHORT),
            "points": _points(p.get("points")),
        }
        for p in parts
        if is_number(p.get("points"))
    ]
    once = []
    for fingerprint in as_list(breakdown.get("counted_elsewhere")):
        number = data.number(fingerprint)
        if number is None:
            continue
        once.append({**_finding_link(data, fingerprint, ""), "same_as": data.same_as(number)})
    rest = costly[MAX_COSTLY:]
    estimated = sorted({f["check"] for f in costly[:MAX_COSTLY] if f["check"] in part_checks})
    cap = _cap_view(breakdown.get("cap"), data)
    return {
        "checks": [c for c in checks if c not in info],
        "info": info,
        "findings": costly[:MAX_COSTLY],
        "findings_more": len(rest),
        "findings_more_points": _points(sum(f["value"] for f in rest)),
        "estimated": estimated,
        "parts": measures[:MAX_PARTS],
        "parts_check": measures[0]["check"] if len({m["check"] for m in measures}) == 1 else "",
        "parts_more": max(len(measures) - MAX_PARTS, 0),
        "counted_once": once[:MAX_COUNTED_ONCE],
        "counted_once_more": max(len(once) - MAX_COUNTED_ONCE, 0),
        "cap": cap,
    }


def _key_page_rule(data: ReportData) -> dict[str, Any] | None:
    """The cap rule as the effective settings record it: ``roles.key_page_cap``."""
    roles = as_dict(as_dict(data.results.get("settings")).get("roles"))
    cap = roles.get("key_page_cap")
    if not is_number(cap):
        return None
    pages = [clip(r, MAX_SHORT) for r in as_list(roles.get("key_pages")) if isinstance(r, str)]
    return {"limit": fmt_number(cap), "pages": ", ".join(pages[:10])}


def scoring_view(data: ReportData) -> dict[str, Any] | None:
    """Per category: its weight in the overall score, the points it cost, and per check the
    weight, score and the findings or measures behind it. None without scored categories."""
    categories = as_dict(data.results.get("categories"))
    measured = _measured(categories)
    if not measured:
        return None
    total_weight = sum(w for _, w in measured.values())
    rows = [_category_row(str(n), as_dict(c), data, total_weight) for n, c in categories.items()]
    rows.sort(key=lambda r: (r["score"] is None, -r["lost_value"]))
    overall = score_value(data.results.get("score"))
    explained = any(r["breakdown"] for r in rows)
    penalties = [
        {"label": SEVERITY_LABELS[s], "key": s, "penalty": localise_number(f"{p:.0%}")}
        for s, p in SEVERITY_PENALTY.items()
    ]
    return {
        "overall": overall,
        "explained": explained,
        "key_page_cap": _key_page_rule(data) if explained else None,
        "categories": rows,
        "unscored": [r["name"] for r in rows if r["score"] is None],
        "penalties": penalties,
        "penalties_text": ", ".join(f"{p['label'].lower()} {p['penalty']}" for p in penalties),
    }
