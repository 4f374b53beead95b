"""From findings to scores: check -> category -> overall, every step a weighted mean.

The rules, documented in README.md ("How the score works"):
- a check scores 100 with no findings; each finding multiplies its score by
  (1 - penalty): critical 0.5, serious 0.25, moderate 0.1, minor 0.03. A check may
  compute its own score instead (performance uses Lighthouse's log-normal curves).
  A check that failed or was switched off has no score and does not count.
- a category's score is the weighted mean of its checks' scores (``[checks."id"] weight``).
- the overall score is the weighted mean of the category scores (``[scoring]`` weights),
  over the categories that were measured.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import SEVERITY_ORDER, Finding

__all__ = ["CheckScore", "score_categories", "summarise"]


@dataclass
class CheckScore:
    id: str
    category: str
    score: float | None
    weight: float


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in pairs)
    if not pairs or total <= 0:
        return None
    return round(sum(s * w for s, w in pairs) / total, 1)


def summarise(findings: list[Finding], checks: int) -> str:
    if not findings:
        return f"No problems found by {checks} check{'s' if checks != 1 else ''}."
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}" for s in sorted(counts, key=SEVERITY_ORDER.get)]
    n = len(findings)
    return f"{n} finding{'s' if n != 1 else ''} ({', '.join(parts)})."


def score_categories(
    check_scores: list[CheckScore],
    findings: list[Finding],
    category_weights: dict[str, float],
) -> tuple[float | None, dict[str, dict]]:
    """(overall score, {category: {score, weight, summary, checks}})."""
    categories: dict[str, dict] = {}
    for cat in sorted({c.category for c in check_scores}):
        members = [c for c in check_scores if c.category == cat]
        ran = [(c.score, c.weight) for c in members if c.score is not None]
        cat_findings = [f for f in findings if f.category == cat]
        categories[cat] = {
            "score": _weighted_mean(ran),
            "weight": float(category_weights.get(cat, 1.0)),
            "summary": summarise(cat_findings, len(ran)) if ran else "Not measured.",
            "checks": [c.id for c in members],
        }
    overall = _weighted_mean(
        [(c["score"], c["weight"]) for c in categories.values() if c["score"] is not None]
    )
    return overall, categories
