"""From findings to scores: check -> category -> overall, every step a weighted mean.

The rules, documented in README.md ("How the score works"):
- a check scores 100 with no findings; each finding multiplies its score by
  (1 - penalty): critical 0.5, serious 0.25, moderate 0.1, minor 0.03. A check may
  compute its own score instead (performance uses Lighthouse's log-normal curves).
  A check that failed or was switched off has no score and does not count. A finding
  that points to a primary finding of another check (the same element) is counted
  once, with its primary, and not again in its own check.
- where a check scores templates (performance), templates weigh by their role in the
  customer's path (``[roles]``: home, category, product, search, cart, checkout), not
  by their number of pages: the home page is one page, but most visits start there.
- a category's score is the weighted mean of its checks' scores (``[checks."id"] weight``);
  while a key page (``roles.key_pages``) has a serious or critical finding of the
  category (of a check that weighs more than 0, and not counted with a primary), the
  category keeps at most ``roles.key_page_cap`` (below "good").
- the overall score is the weighted mean of the category scores (``[scoring]`` weights),
  over the categories that were measured.

Each category says what its score is made of (``breakdown``): the points each check
and each finding cost it, and the cap where one applied, so a report can explain it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .model import SEVERITY_ORDER, Finding, clip
from .plugins import SEVERITY_PENALTY

__all__ = [
    "CheckScore",
    "RoleWeights",
    "finding_costs",
    "role_weighted_mean",
    "score_categories",
    "summarise",
]

_CAPPING_SEVERITIES = ("critical", "serious")
_BREAKDOWN_FINDINGS = 20


@dataclass
class CheckScore:
    id: str
    category: str
    score: float | None
    weight: float
    #: what the score is made of, where the check says (``Check.score_parts``)
    parts: list[dict] = field(default_factory=list)


@dataclass
class RoleWeights:
    """What the engine knows of roles: each page's role, each template's, the weight of
    a role, the key roles and the cap a poor key page puts on its category."""

    pages: dict[str, str] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    other: float = 1.0
    key_roles: tuple[str, ...] = ()
    cap: float = 89.0

    def weight(self, role: str) -> float:
        return self.weights.get(role, self.other)


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in pairs)
    if not pairs or total <= 0:
        return None
    return round(sum(s * w for s, w in pairs) / total, 1)


def role_weighted_mean(
    rows: Iterable[tuple[str, float, int]], roles: RoleWeights | None
) -> tuple[float | None, dict[str, float]]:
    """(score, each template's share of it) from (template, score, pages) rows.

    Each role weighs its configured weight, shared among its templates by their pages;
    without roles every template weighs by its pages alone. Why: by page count a
    catalogue of 5,000 products drowns a slow home page, the page most visits start on.
    """
    rows = [r for r in rows if r[2] > 0]
    if not rows:
        return None, {}
    if roles is None or not roles.templates:
        total = sum(n for _, _, n in rows)
        shares = {t: n / total for t, _, n in rows}
    else:
        by_role: dict[str, list[tuple[str, float, int]]] = {}
        for row in rows:
            by_role.setdefault(roles.templates.get(row[0], "page"), []).append(row)
        weights = {role: roles.weight(role) for role in by_role}
        total_weight = sum(weights.values())
        if total_weight <= 0:
            return role_weighted_mean(rows, None)
        shares = {}
        for role, members in by_role.items():
            pages = sum(n for _, _, n in members)
            for template, _, n in members:
                shares[template] = weights[role] / total_weight * n / pages
    score = round(sum(s * shares[t] for t, s, _ in rows), 1)
    return score, {t: round(v, 4) for t, v in shares.items()}


def summarise(findings: list[Finding], checks: int) -> str:
    if not findings:
        return f"No problems found by {checks} check{'s' if checks != 1 else ''}."
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}" for s in sorted(counts, key=SEVERITY_ORDER.get)]
    n = len(findings)
    return f"{n} finding{'s' if n != 1 else ''} ({', '.join(parts)})."


def finding_costs(findings: list[Finding], lost: float) -> list[tuple[Finding, float]]:
    """Share ``lost`` points of a check among its counted findings.

    Each finding gets the share its penalty has in the product of (1 - penalty): with
    the default score that is exactly what it cost, whatever the order; for a check
    that scores itself it is an estimate by severity. Findings that point to a primary
    are counted there, not here.
    """
    counted = [f for f in findings if f.primary is None]
    logs = [-math.log(1.0 - SEVERITY_PENALTY[f.severity]) for f in counted]
    total = sum(logs)
    if lost <= 0 or total <= 0:
        return [(f, 0.0) for f in counted]
    return [(f, lost * w / total) for f, w in zip(counted, logs, strict=True)]


def _key_page_hit(findings: list[Finding], roles: RoleWeights | None) -> tuple | None:
    """The worst serious or critical finding on a key page: (finding, page, role)."""
    if roles is None or not roles.key_roles:
        return None
    for f in sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.fingerprint)):
        if f.severity not in _CAPPING_SEVERITIES or f.primary is not None:
            continue
        for url in f.pages:
            role = roles.pages.get(url)
            if role in roles.key_roles:
                return f, url, role
    return None


def _category(
    members: list[CheckScore],
    findings: list[Finding],
    roles: RoleWeights | None,
) -> tuple[float | None, dict]:
    """A category's score and what it is made of."""
    ran = [(c, c.score) for c in members if c.score is not None]
    score = _weighted_mean([(value, c.weight) for c, value in ran])
    total_weight = sum(c.weight for c, _ in ran)
    checks, costs, parts = [], [], []
    for c, value in ran:
        share = c.weight / total_weight if total_weight > 0 else 0.0
        lost = (100.0 - value) * share
        checks.append({"check": c.id, "score": value, "weight": c.weight, "points": round(lost, 1)})
        mine = [f for f in findings if f.check == c.id]
        costs += finding_costs(mine, lost)
        parts += [
            {"check": c.id, "what": str(p["what"]), "points": round(p["points"] * share, 1)}
            for p in c.parts
            if isinstance(p.get("points"), int | float) and p["points"] * share >= 0.05
        ]
    parts.sort(key=lambda p: (-p["points"], p["check"], p["what"]))
    costs.sort(key=lambda fc: (-fc[1], SEVERITY_ORDER[fc[0].severity], fc[0].fingerprint))
    breakdown: dict = {
        "checks": checks,
        "findings": [
            {
                "fingerprint": f.fingerprint,
                "check": f.check,
                "title": clip(f.title) or "",
                "severity": f.severity,
                "points": round(points, 1),
            }
            for f, points in costs[:_BREAKDOWN_FINDINGS]
            if points > 0
        ],
        "parts": parts[:_BREAKDOWN_FINDINGS],
        "counted_elsewhere": sorted(f.fingerprint for f in findings if f.primary is not None),
        "cap": None,
    }
    counted = {c.id for c, _ in ran if c.weight > 0}  # a diagnostic of weight 0 caps nothing
    hit = _key_page_hit([f for f in findings if f.check in counted], roles)
    if score is not None and hit is not None and roles is not None and score > roles.cap:
        f, url, role = hit
        breakdown["cap"] = {
            "limit": roles.cap,
            "score_before": score,
            "fingerprint": f.fingerprint,
            "title": clip(f.title) or "",
            "page": url,
            "role": role,
        }
        score = roles.cap
    return score, breakdown


def score_categories(
    check_scores: list[CheckScore],
    findings: list[Finding],
    category_weights: Mapping[str, float],
    roles: RoleWeights | None = None,
) -> tuple[float | None, dict[str, dict]]:
    """(overall score, {category: {score, weight, summary, checks, breakdown}})."""
    categories: dict[str, dict] = {}
    for cat in sorted({c.category for c in check_scores}):
        members = [c for c in check_scores if c.category == cat]
        ran = [c for c in members if c.score is not None]
        cat_findings = [f for f in findings if f.category == cat]
        score, breakdown = _category(members, cat_findings, roles)
        categories[cat] = {
            "score": score,
            "weight": float(category_weights.get(cat, 1.0)),
            "summary": (
                summarise([f for f in cat_findings if f.primary is None], len(ran))
                if ran
                else "Not measured."
            ),
            "checks": [c.id for c in members],
            "breakdown": breakdown,
        }
    overall = _weighted_mean(
        [(c["score"], c["weight"]) for c in categories.values() if c["score"] is not None]
    )
    return overall, categories
