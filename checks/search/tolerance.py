"""search.tolerance: misspellings, plurals, case, umlauts, SKUs and synonyms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .common import SearchCheck
from .results import judged_runs

__all__ = ["SearchTolerance"]

_WHAT = {
    "swap": ("a misspelling (two letters swapped)", "moderate"),
    "drop": ("a misspelling (one letter left out)", "moderate"),
    "plural": ("the plural", "moderate"),
    "singular": ("the singular", "moderate"),
    "case": ("other upper/lower case", "serious"),
    "umlaut": ("umlauts written as ae/oe/ue", "moderate"),
    "synonym": ("a synonym", "moderate"),
    "sku": ("the product number (SKU)", "serious"),
}


class SearchTolerance(SearchCheck):
    """Search tolerance: the query as customers really type it still finds something.

    What: each query that finds results is searched again as a variant: two letters
    swapped, one left out, singular/plural, other case, ä written as ae, a synonym
    from the config, and the product's number where its page shows one. A variant
    that finds nothing while the exact query does is a finding, with both queries.
    Why: 18% of sites return nothing for a one-letter misspelling, 33% do not fully
    support model/SKU queries, 61% require the shop's own jargon (Baymard); each such
    zero is a customer who concludes the shop does not have the product.
    Example: “Alpine Shell Jacket” finds the jacket, “Alipne Shell Jacket” and
    “Alpine Shell Jackets” find nothing.
    Fix: a search with typo tolerance (edit distance 1-2), stemming for the shop's
    languages, umlaut folding, product numbers indexed, and a synonym list.
    Score: the share of variants tried that still find something.
    """

    id = "search.tolerance"
    title = "Search tolerance"
    description = "Misspellings, plurals, case, umlauts, SKUs and synonyms still find products."

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._share: float | None = None
        self.details: dict[str, Any] | None = None

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        runs = judged_runs(site.site_data, ("variant",))
        self._share, self.details = None, None
        failing: dict[str, list[dict]] = {}
        for r in runs:
            if r["read"]["zero"]:
                failing.setdefault(r.get("kind", ""), []).append(r)
        # one finding per kind of variant, with every query pair as evidence: the fix
        # (typo tolerance, stemming) is one piece of work, however many queries show it
        out = [self._finding(kind, failed) for kind, failed in failing.items()]
        if runs:
            failed = sum(len(f) for f in failing.values())
            self._share = 1.0 - failed / len(runs)
            self.details = {
                "variants": len(runs),
                "failed": failed,
                # every variant tried, found or not: the matrix shows passes too
                "runs": [
                    {
                        "base": str(r.get("base", ""))[:80],
                        "query": str(r.get("query", ""))[:80],
                        "kind": r.get("kind", ""),
                        "found": not r["read"]["zero"],
                    }
                    for r in runs[:80]
                ],
            }
        return out

    def _finding(self, kind: str, failed: list[dict]) -> Finding:
        what, severity = _WHAT.get(kind, ("a variant", "moderate"))
        pairs = [f"“{r['base']}” → “{r['query']}”" for r in failed]
        first = failed[0]
        more = f" ({len(failed)} queries, e.g. these)" if len(failed) > 1 else ""
        shown = "; ".join(
            f"“{r['base']}” finds results, “{r['query']}” nothing" for r in failed[:3]
        )
        return self.finding(
            severity=severity,
            title=f"Search fails on {what}",
            # the kind of text and its values, so that a report can say it in German
            message_id=f"{self.id}.{kind}" if kind in _WHAT else None,
            params={
                "count": len(failed),
                "more": len(failed) if len(failed) > 1 else None,
                "base": first["base"],
                "query": first["query"],
                **{f"base{i}": r["base"] for i, r in enumerate(failed[1:3], 2)},
                **{f"query{i}": r["query"] for i, r in enumerate(failed[1:3], 2)},
            },
            message=(f"{shown}{more}: the customer concludes the shop does not have it."),
            recommendation=(
                "Make the search tolerant: typo tolerance, stemming of plurals, "
                "case and umlaut folding, product numbers and a synonym list. "
                "18% of sites fail a one-letter misspelling, 33% model/SKU queries "
                "(Baymard)."
            ),
            url=first.get("url"),
            urls=[r["url"] for r in failed if r.get("url")],
            evidence={
                "query": first["query"],
                "exact": first["base"],
                "kind": kind or None,
                "results": 0,
                "query_pairs": pairs[:20],
                "queries_failed": len(failed),
            },
            key=f"{kind}",
        )

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        """The share of variants that still found something; no score where no variant
        was tried (no product name to vary): full marks would claim a test not made."""
        if self._share is None:
            return None
        return round(100.0 * self._share, 1)
