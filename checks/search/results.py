"""search.results: does the search find what the shop sells, and say what it found?"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import SEVERITY_PENALTY, PageScript, PageView, SiteView
from auditor.urls import url_key

from .common import SEARCH_OPTION_DOCS, SEARCH_OPTIONS, SearchCheck

__all__ = ["SKU_JS", "SearchResults", "judged_runs"]

#: the product number a product page shows: JSON-LD or microdata, else "SKU: ..."
SKU_JS = r"""
() => {
  const found = [];
  const walk = (n, d) => {
    if (!n || d > 6 || found.length) return;
    if (Array.isArray(n)) { n.forEach((x) => walk(x, d + 1)); return; }
    if (typeof n !== 'object') return;
    const t = [].concat(n['@type'] || []);
    if (t.includes('Product')) for (const k of ['sku', 'mpn', 'productID']) if (typeof n[k] === 'string' && n[k].trim()) { found.push(n[k].trim()); return; }
    if (n['@graph']) walk(n['@graph'], d + 1);
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) { try { walk(JSON.parse(s.textContent), 0); } catch (e) {} }
  if (found.length) return found[0].slice(0, 60);
  const m = document.querySelector('[itemprop="sku"]');
  if (m) return (m.getAttribute('content') || m.textContent || '').trim().slice(0, 60) || null;
  const main = document.querySelector('main, [role="main"]') || document.body;
  const hit = (main.innerText || '').match(/(?:SKU|Art\.?-?Nr\.?|Artikelnummer|Artikel-Nr\.?|Item\s*(?:No\.?|#)|Model)\s*[:.]?\s*([A-Z0-9][A-Z0-9._\/-]{2,30})/i);
  return hit ? hit[1] : null;
}
"""


def judged_runs(data: dict | None, purposes: tuple[str, ...]) -> list[dict]:
    """The searches of the given purposes that got an answer the reader could read."""
    return [
        r
        for r in (data or {}).get("runs") or []
        if r.get("purpose") in purposes and r.get("read") is not None
    ]


def _sku(sku: Any) -> dict | None:
    """The product number SKU_JS read, cut to size; None where the page shows none."""
    return {"sku": sku[:60]} if isinstance(sku, str) and sku.strip() else None


class SearchResults(SearchCheck):
    """Search results: the expected products found, the page saying what it found.

    What: the shop is searched for product names seen in the crawl (and the queries
    the config names); the answer must list that product among the first results.
    The results page must state how many it found, repeat the query and keep it in
    the box, and offer sorting or filters.
    Why: 16% of sites cannot find a product by its own name (Baymard 2014); a page
    that hides the query leaves the customer guessing what was searched and makes
    refining a search a retyping chore.
    Example: a search for "Alpine Shell Jacket" answers "0 results"; the results page
    says "12 results" and the box above it is empty.
    Fix: index product names, categories and numbers; show "12 results for “jacket”",
    keep the query in the field, and offer sorting and filters.
    Score: the share of known-good queries that find their product among the first
    ``top_results`` (the recall), lowered by the other findings' penalties.
    """

    id = "search.results"
    title = "Search results"
    description = "Searching for a product finds it; the results page says what it found."
    default_options: ClassVar[dict[str, Any]] = dict(SEARCH_OPTIONS)
    option_docs: ClassVar[dict[str, str]] = dict(SEARCH_OPTION_DOCS)

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self.details: dict[str, Any] | None = None
        self._recall: float | None = None

    def page_script(self, ctx: Any) -> PageScript | None:
        """The product number a product page shows, for the SKU query."""
        structure = ctx.structure or {}
        if not (structure.get("add_to_cart") or "Product" in (structure.get("types") or [])):
            return None
        return PageScript(SKU_JS, None, _sku)

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        data = site.site_data or {}
        self.details, self._recall = None, None
        out: list[Finding] = []
        skipped = data.get("skipped")
        runs = data.get("runs") or []
        if not skipped and runs and not any(r.get("read") for r in runs):
            skipped = next((r["error"] for r in runs if r.get("error")), "no search was answered")
        # no field: search.box says so; no searches allowed: the user's choice
        quiet = ("no search field found on the start page", "no searches allowed")
        if skipped and not skipped.startswith(quiet):
            out.append(
                self.finding(
                    severity="minor",
                    title="Search not tested (needs review)",
                    message=f"The searches were not run or not answered: {skipped}.",
                    recommendation=(
                        "Check the search by hand, or name the search in the config "
                        "(selector, url_pattern) and allow it (max_searches)."
                    ),
                    url=data.get("start"),
                    evidence={"reason": skipped},
                    key="not-tested",
                )
            )
            return out
        top = self.run_options["top_results"]
        known = [r for r in judged_runs(data, ("product", "configured")) if r.get("expected")]
        found = 0
        for r in known:
            read = r["read"]
            rank = read["rank"]
            if rank is not None and rank <= top:
                found += 1
                continue
            path = url_key(r["expected"]) if "://" in r["expected"] else r["expected"]
            none = read["zero"]
            out.append(
                self.finding(
                    severity="serious" if none else "moderate",
                    title=(
                        "Product not found by its name"
                        if none
                        else "Product not among the first results for its name"
                    ),
                    message_id=f"{self.id}."
                    + ("not-found" if none else "not-first" if rank is not None else "not-listed"),
                    params={
                        "query": r["query"][:80],
                        "rank": rank,
                        "shown": read["shown"],
                        "path": path,
                    },
                    message=(
                        f"A search for “{r['query']}” "
                        + (
                            "finds nothing"
                            if none
                            else (
                                f"lists {read['shown']} result(s) but "
                                + (
                                    "not that product"
                                    if rank is None
                                    else f"that product only at place {rank}"
                                )
                            )
                        )
                        + f", although {path} is that product's page."
                    ),
                    recommendation=(
                        "Index product names (and categories, numbers) so that a product is "
                        "found by its own name, ranked first; 16% of sites fail this "
                        "(Baymard)."
                    ),
                    url=r.get("url") or data.get("start"),
                    evidence={
                        "query": r["query"],
                        "expected": path,
                        "rank": rank,
                        "shown": read["shown"],
                        "stated": read["stated"],
                        "top_results": top,
                    },
                    key=f"not-found:{path}",
                )
            )
        for r in judged_runs(data, ("category",)):
            if not r["read"]["zero"]:
                continue
            path = r.get("category") or ""
            out.append(
                self.finding(
                    severity="moderate",
                    title="Category name finds nothing",
                    message_id=f"{self.id}.category-nothing",
                    params={"query": r["query"][:80], "category": path},
                    message=(
                        f"A search for “{r['query']}”, the name of the shop's own category "
                        f"{path}, finds nothing."
                    ),
                    recommendation=(
                        "Index category names and product types, so that a search for a kind "
                        "of product lists that category's products; 29% of sites fail "
                        "product-type queries (Baymard 2024)."
                    ),
                    url=r.get("url"),
                    evidence={"query": r["query"], "category": path, "shown": 0},
                    key=f"category:{path}",
                )
            )
        if known:
            self._recall = found / len(known)
            self.details = {"recall": round(self._recall, 3), "queries": len(known), "found": found}
        searched = judged_runs(data, ("product", "configured", "category"))
        if searched:  # each search as it went, so a search that passed shows its figures too
            self.details = {**(self.details or {}), "runs": [_run_facts(r) for r in searched[:30]]}
        answered = [
            r
            for r in judged_runs(data, ("product", "configured", "category"))
            if not r["read"]["zero"]
        ]
        for flag, bad, severity, title, message, fix, key in (
            (
                "stated",
                lambda rd: rd["stated"] is None,
                "minor",
                "Results page does not say how many it found",
                "The results page lists products but states no count",
                "State the number of results at the top: “24 results for “jacket””.",
                "count",
            ),
            (
                "echoed",
                lambda rd: not rd["echoed"],
                "moderate",
                "Results page does not repeat the query",
                "Neither the title, the heading nor the text says what was searched for",
                "Repeat the query above the results: “24 results for “jacket””.",
                "echo",
            ),
            (
                "kept",
                lambda rd: not rd["kept"],
                "moderate",
                "Search box emptied on the results page",
                "The search field on the results page no longer shows the query",
                "Keep the query in the search field, so it can be refined without retyping.",
                "kept",
            ),
            (
                "sort",
                lambda rd: rd["shown"] >= 2 and not (rd["sort"] or rd["filters"]),
                "minor",
                "Results cannot be sorted or filtered",
                "The results page offers neither sorting nor filters",
                "Offer sorting (price, relevance) and filters (category, price, size) on "
                "the results page.",
                "refine",
            ),
        ):
            hits = [r for r in answered if bad(r["read"])]
            if not hits:
                continue
            queries = [r["query"] for r in hits]
            out.append(
                self.finding(
                    severity=severity,
                    title=title,
                    # the kind of text, so that a report can name it in German
                    message_id=f"{self.id}.{key}",
                    params={"count": len(hits), "searches": len(answered), "query": queries[0]},
                    message=(
                        f"{message}: {len(hits)} of {len(answered)} searches, e.g. “{queries[0]}”."
                    ),
                    recommendation=fix,
                    url=hits[0].get("url"),
                    urls=[r["url"] for r in hits if r.get("url")][:20],
                    evidence={"queries": queries[:10], flag: False, "searches": len(answered)},
                    key=key,
                )
            )
        return out

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        """The recall, times the penalties of the findings that are not about recall."""
        base = 1.0 if self._recall is None else self._recall
        for f in findings:
            if not f.key.startswith("not-found:"):
                base *= 1.0 - SEVERITY_PENALTY[f.severity]
        return round(100.0 * base, 1)


def _run_facts(run: dict) -> dict[str, Any]:
    """One search as the report shows it: the query, where the product came, what the
    results page said (plain values, the query cut to size)."""
    read = run["read"]
    return {
        "query": str(run.get("query", ""))[:80],
        "purpose": run.get("purpose"),
        "rank": read.get("rank"),
        "shown": read.get("shown"),
        "zero": bool(read.get("zero")),
        "stated": read.get("stated") is not None,
        "echoed": read.get("echoed"),
        "kept": read.get("kept"),
        "ms": run.get("ms"),
    }
