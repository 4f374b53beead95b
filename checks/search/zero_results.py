"""search.zero-results: the page a search with no results ends on."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .common import SearchCheck
from .results import judged_runs

__all__ = ["ZeroResults", "zero_page_gaps"]

#: links on a zero-results page that count as "somewhere to go"
MIN_HELP_LINKS = 3


def zero_page_gaps(read: dict) -> list[str]:
    """Where this zero-results page falls short of a helpful one (NN/g's guidance)."""
    gaps = []
    if not read["says_zero"]:
        gaps.append("does not say clearly that nothing was found")
    if not read["echoed"]:
        gaps.append("does not repeat the query")
    if not read["kept"]:
        gaps.append("shows no search box with the query")
    if not read["suggestion"] and read["help_links"] < MIN_HELP_LINKS:
        gaps.append("offers no suggestions, categories or popular products")
    if not read["chrome"]:
        gaps.append("drops the shop's header and menu")
    return gaps


class ZeroResults(SearchCheck):
    """Zero-results page: helpful, or a dead end.

    What: a nonsense query shows the page a customer gets when nothing matches. It
    should say so clearly, repeat the query, keep it in a search box, and offer a way
    on: a spelling suggestion, categories, popular products.
    Why: a bare "0 results" ends the visit; NN/g's guidance for no-results pages is to
    say so plainly, not blame the customer, and offer starting points.
    Example: "Search results — 0 results", without header, search box or links.
    Fix: keep the header and a search box with the query, say “No results for
    “xyz””, suggest a spelling, and list categories and popular products.
    """

    id = "search.zero-results"
    title = "Zero-results page"
    description = "A search that finds nothing still helps the customer on."

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        data = site.site_data or {}
        out = []
        for r in judged_runs(data, ("nonsense",)):
            read = r["read"]
            if not read["zero"]:
                continue
            gaps = zero_page_gaps(read)
            if not gaps:
                continue
            dead = not read["search_box"] and read["help_links"] == 0
            shot = (data.get("screenshots") or {}).get("zero")
            out.append(
                self.finding(
                    severity="serious" if dead else ("moderate" if len(gaps) > 1 else "minor"),
                    title=(
                        "Zero-results page is a dead end"
                        if dead
                        else "Zero-results page offers little help"
                    ),
                    message_id=f"{self.id}." + ("dead-end" if dead else "little-help"),
                    params={"query": r["query"], "gaps": "|".join(gaps)},
                    message=(
                        f"A search for “{r['query']}” ends on a page that " + "; ".join(gaps) + "."
                    ),
                    recommendation=(
                        "Say plainly that nothing was found for the query, keep it in a "
                        "search box, suggest a spelling, and list categories and popular "
                        "products, with the shop's header (NN/g's no-results guidance)."
                    ),
                    url=r.get("url"),
                    evidence={"query": r["query"], "missing": gaps}
                    | ({"screenshot": shot} if shot else {}),
                    key="zero-page",
                )
            )
        return out
