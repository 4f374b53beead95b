"""search.speed: the time from pressing Enter to the results."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .common import SearchCheck

__all__ = ["SearchSpeed"]


class SearchSpeed(SearchCheck):
    """Search speed: results within a second.

    What: for every search, the time from the key press until the results page's
    document is there (the navigation committed and parsed; for a search that
    answers in place, the first change of the page). The median is judged against
    ``thresholds_ms`` = [good, poor].
    Why: a search is a question the customer waits for; past one second the flow of
    thought breaks, past several the customer gives up (Nielsen's response times).
    Example: every search answers after 2 s.
    Fix: a search index (not a database scan), cached popular queries, and a results
    page that renders before recommendations and tracking load.
    Score: 100 up to the good threshold, 50 at the poor one, 0 at twice the poor one.
    """

    id = "search.speed"
    title = "Search speed"
    description = "Search results appear within a second."
    default_options: ClassVar[dict[str, Any]] = {"thresholds_ms": [1000, 3000]}
    option_docs: ClassVar[dict[str, str]] = {
        "thresholds_ms": "[good, poor]: median time from Enter to results, in ms"
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._median: float | None = None
        self.details: dict[str, Any] | None = None

    def configure(self, settings: Settings) -> None:
        super().configure(settings)
        t = self.options["thresholds_ms"]
        if not (
            len(t) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) and v > 0 for v in t)
            and t[0] <= t[1]
        ):
            raise ConfigError(
                f"{settings.source}: 'checks.\"{self.id}\".thresholds_ms' must be "
                f"[good, poor] in ms with 0 < good <= poor, not {t!r}"
            )

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        runs = [r for r in (site.site_data or {}).get("runs") or [] if r.get("ms") is not None]
        self._median, self.details = None, None
        if not runs:
            return []
        good, poor = self.options["thresholds_ms"]
        times = [r["ms"] for r in runs]
        median = statistics.median(times)
        slowest = max(runs, key=lambda r: (r["ms"], r["query"]))
        self._median = median
        self.details = {
            "median_ms": round(median, 1),
            "searches": len(runs),
            "max_ms": round(max(times), 1),
            # each answer's time, so the report draws the distribution, not two points
            "times_ms": [round(ms, 1) for ms in sorted(times)[:200]],
        }
        if median <= good:
            return []
        return [
            self.finding(
                severity="serious" if median > poor else "moderate",
                title="Search is slow",
                message_id=f"{self.id}.search-is-slow",
                params={
                    "median_s": round(median / 1000, 1),
                    "count": len(runs),
                    "slowest_s": round(slowest["ms"] / 1000, 1),
                    "query": slowest["query"],
                    "good_s": good / 1000,
                    "poor_s": poor / 1000,
                },
                message=(
                    f"Search results take {median / 1000:.1f} s (median of {len(runs)} "
                    f"searches; slowest {slowest['ms'] / 1000:.1f} s for “{slowest['query']}”); "
                    f"good is within {good / 1000:g} s, poor over {poor / 1000:g} s."
                ),
                recommendation=(
                    "Answer searches from a search index, cache popular queries, and send "
                    "the results page before recommendations and tracking."
                ),
                url=slowest.get("url"),
                evidence={
                    "median_ms": round(median, 1),
                    "max_ms": round(slowest["ms"], 1),
                    "searches": len(runs),
                    "thresholds_ms": [good, poor],
                },
                key="slow",
            )
        ]

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        if self._median is None:
            return None
        good, poor = self.options["thresholds_ms"]
        m = self._median
        if m <= good:
            return 100.0
        if m <= poor:
            return round(100.0 - 50.0 * (m - good) / max(poor - good, 1), 1)
        return round(max(0.0, 50.0 - 50.0 * (m - poor) / poor), 1)
