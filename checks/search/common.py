"""What the search checks share: the search options, their validation, the base class.

The searches are sent once per audit and judged by six checks, so the options that
decide what is sent (queries, synonyms, where the search is, how many searches) live
in one place, the section of ``search.results``; every search check reads them from
there, and the first site step to run does the searching for all (``runs``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.plugins import Check

__all__ = [
    "OWNER",
    "SEARCH_OPTIONS",
    "SEARCH_OPTION_DOCS",
    "SearchCheck",
    "parse_query",
    "search_options",
]

#: the check whose config section holds the search options
OWNER = "search.results"
#: search.suggestions' default good_ms; suggestions later than this beside other tabs
#: are timed once more alone (checks.search.runs)
SUGGEST_GOOD_MS = 1000

SEARCH_OPTIONS: dict[str, Any] = {
    "queries": [],
    "synonyms": {},
    "url_pattern": "",
    "selector": "",
    "max_searches": 40,
    "derived_products": 5,
    "derived_categories": 2,
    "variants_per_kind": 2,
    "nonsense_query": "qxzvbwkj",
    "top_results": 10,
    "autocomplete_prefix": 3,
}
SEARCH_OPTION_DOCS: dict[str, str] = {
    "queries": (
        "(these options govern the searches of every search.* check) queries to search for "
        'besides those taken from the crawl; "query => /expected/path" names the page to find'
    ),
    "synonyms": 'words customers use for your words, e.g. { "jacket" = ["coat", "parka"] }',
    "url_pattern": 'where no search field is found: the results address, e.g. "/search?q={query}"',
    "selector": "CSS selector of the search field, where it is not found by itself",
    "max_searches": "searches per audit at most (each typed query, the autocomplete probe)",
    "derived_products": "product names from the crawl to search for (first ones by address)",
    "derived_categories": "category names from the crawl to search for",
    "variants_per_kind": (
        "products each kind of variant (typo, plural, case, SKU...) is tried on first; the "
        "other products only where those disagree (0: every product)"
    ),
    "nonsense_query": "a query that should find nothing, to see the zero-results page",
    "top_results": "the expected product counts as found within this many first results",
    "autocomplete_prefix": "letters typed to see autocomplete suggestions (0 to skip)",
}


def parse_query(entry: str) -> tuple[str, str | None]:
    """``"down jacket => /product/x"`` -> (query, expected path); no arrow, no path."""
    query, _, expected = entry.partition("=>")
    return " ".join(query.split()), (expected.strip() or None)


def search_options(settings: Settings) -> dict[str, Any]:
    """The search options from the owner's section, validated; one line per bad key."""
    section = settings.checks.get(OWNER, {}) if settings is not None else {}
    opts = {**SEARCH_OPTIONS, **{k: v for k, v in section.items() if k in SEARCH_OPTIONS}}
    where = f'{getattr(settings, "source", "settings")}: \'checks."{OWNER}"'
    if not all(isinstance(q, str) and parse_query(q)[0] for q in opts["queries"]):
        raise ConfigError(f"{where}.queries' must be a list of non-empty strings")
    syn = opts["synonyms"]
    if not all(
        isinstance(k, str)
        and k.strip()
        and isinstance(v, list)
        and v
        and all(isinstance(w, str) and w.strip() for w in v)
        for k, v in syn.items()
    ):
        raise ConfigError(f"{where}.synonyms' must map words to lists of words")
    pattern = opts["url_pattern"]
    if pattern and "{query}" not in pattern:
        raise ConfigError(f"{where}.url_pattern' must contain {{query}}, not {pattern!r}")
    if not isinstance(opts["nonsense_query"], str):
        raise ConfigError(f"{where}.nonsense_query' must be a string")
    for key in (
        "max_searches",
        "derived_products",
        "derived_categories",
        "variants_per_kind",
        "top_results",
    ):
        value = opts[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where}.{key}' must be a whole number >= 0")
    if opts["top_results"] < 1:
        raise ConfigError(f"{where}.top_results' must be at least 1")
    return opts


class SearchCheck(Check):
    """A search check: reads the shared search runs in its site step, judges them purely."""

    category = "search"
    requires: ClassVar[tuple[str, ...]] = ("structure",)

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self.run_options: dict[str, Any] = dict(SEARCH_OPTIONS)

    def configure(self, settings: Settings) -> None:
        self.run_options = search_options(settings)

    async def site(self, site) -> dict | None:
        from .runs import shared_runs

        return await shared_runs(site, self.run_options)
