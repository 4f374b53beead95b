"""search.suggestions: autocomplete as the customer types."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .common import SUGGEST_GOOD_MS, SearchCheck

__all__ = ["SearchSuggestions"]


class SearchSuggestions(SearchCheck):
    """Autocomplete: suggestions appear while typing, fast, and work by keyboard.

    What: a few letters of a product name are typed into the search field, one key
    at a time; suggestions must appear (a listbox with options, or a suggestion
    list), within ``good_ms``, and ArrowDown must move into them.
    Why: autocomplete is offered on 80% of sites and guides customers to queries that
    find something (Baymard); a list that the keyboard cannot reach excludes
    keyboard and screen reader users.
    Example: typing "alp" shows nothing.
    Fix: suggest queries, categories and products after 1-3 letters, as an ARIA
    combobox (role=combobox, listbox, aria-activedescendant) with arrow-key support.
    """

    id = "search.suggestions"
    title = "Search suggestions"
    description = "Autocomplete suggestions appear while typing and work with the keyboard."
    default_options: ClassVar[dict[str, Any]] = {"good_ms": SUGGEST_GOOD_MS}
    option_docs: ClassVar[dict[str, str]] = {
        "good_ms": "suggestions should appear within this many ms after the last key"
    }

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        data = site.site_data or {}
        ac = data.get("autocomplete")
        self._tested = bool(ac)
        self.details = {"tested": self._tested}
        if not ac:
            return []
        url = data.get("start")
        prefix = ac.get("prefix", "")
        if not ac.get("count"):
            return [
                self.finding(
                    severity="minor",
                    title="No autocomplete suggestions",
                    message_id=f"{self.id}.no-autocomplete-suggestions",
                    params={"prefix": prefix},
                    message=f"Typing “{prefix}” into the search field shows no suggestions.",
                    recommendation=(
                        "Suggest queries, categories and products after the first letters; "
                        "80% of shops do (Baymard), and it leads customers to queries that "
                        "find something."
                    ),
                    url=url,
                    evidence={"prefix": prefix, "suggestions": 0},
                    key="none",
                )
            ]
        out = []
        good = self.options["good_ms"]
        if ac.get("ms") is not None and ac["ms"] > good:
            out.append(
                self.finding(
                    severity="minor",
                    title="Autocomplete suggestions appear slowly",
                    message_id=f"{self.id}.autocomplete-suggestions-appear-slowly",
                    params={
                        "prefix": prefix,
                        "s": round(ac["ms"] / 1000, 1),
                        "good_s": good / 1000,
                    },
                    message=(
                        f"Suggestions for “{prefix}” appeared {ac['ms'] / 1000:.1f} s after "
                        f"the last key (good: within {good / 1000:g} s)."
                    ),
                    recommendation="Answer suggestion requests from a cache or prefix index.",
                    url=url,
                    evidence={"prefix": prefix, "ms": ac["ms"], "threshold_ms": good},
                    key="slow",
                )
            )
        if ac.get("keyboard") is False:
            out.append(
                self.finding(
                    severity="moderate",
                    title="Autocomplete suggestions cannot be chosen by keyboard",
                    message_id=f"{self.id}.autocomplete-suggestions-cannot-be-chosen-by-keyboard",
                    params={"prefix": prefix},
                    message=(
                        f"Suggestions for “{prefix}” appear, but ArrowDown does not move into them."
                    ),
                    recommendation=(
                        "Build the field as an ARIA combobox: arrow keys move through the "
                        "options (aria-activedescendant), Enter picks one, Escape closes."
                    ),
                    url=url,
                    evidence={"prefix": prefix, "suggestions": ac["count"]}
                    | ({"screenshot": ac["screenshot"]} if ac.get("screenshot") else {}),
                    key="keyboard",
                )
            )
        return out

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        """No score where nothing was typed (no product name to type): full marks would
        claim suggestions were seen."""
        if not getattr(self, "_tested", False):
            return None
        return super().score(findings, pages_seen)
