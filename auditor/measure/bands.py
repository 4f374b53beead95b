"""The lane's decisions, pure: which pages a crawl visit's figures may vouch for, which
are timed alone, and how many loads decide a band.

Why apart and pure: these choices trade the audit's time (every load alone pauses the
crawl) against the figures' quality (a band must not depend on one noisy load or on
the crawl's contention), so they are unit-tested on recorded figures
(tests/test_measure_bands.py) without a browser. They read timing records as
auditor.measure.measurer writes them: ``{"runs": [{"metrics": {...}, ...}], ...}``.
"""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS",
    "OPTIONAL_FIGURES",
    "POOR_LIMITS",
    "SCREEN_LIMITS",
    "SCREEN_MARGIN",
    "decided_by_one",
    "near_a_limit",
    "on_a_band_edge",
]

#: web.dev's "good" limits of the banded figures: a page whose crawl visit stays well
#: within each (SCREEN_MARGIN of it) keeps the figures of that visit; any other is timed
#: alone. The crawl's figures run beside other visits, so they err on the slow side: a
#: page they call fast is fast alone too, and one near a limit is timed alone.
SCREEN_LIMITS = {
    "lcp_ms": 2500.0,
    "fcp_ms": 1800.0,
    "ttfb_ms": 800.0,
    "tbt_ms": 200.0,
    "cls": 0.1,
    "inp_ms": 200.0,
}
SCREEN_MARGIN = 0.5
#: web.dev's "poor" limits of the same figures
POOR_LIMITS = {
    "lcp_ms": 4000.0,
    "fcp_ms": 3000.0,
    "ttfb_ms": 1800.0,
    "tbt_ms": 600.0,
    "cls": 0.25,
    "inp_ms": 500.0,
}
#: figures a page may lack without being timed alone for it: no contentful paint of its
#: own (a timing load sees none either), nothing safe to click
OPTIONAL_FIGURES = ("lcp_ms", "inp_ms")
#: a timed figure this close to a band limit (either side, as a share of the limit) is
#: one that a single load could put in the wrong band: it gets the median of more loads
AMBIGUOUS = 0.15


def near_a_limit(timing: dict) -> bool:
    """Whether a screened page must be timed alone: a figure at SCREEN_MARGIN of its
    "good" limit or past it (for TBT, the blocking of all long tasks too), a figure
    missing (but those of OPTIONAL_FIGURES), or a page that never got quiet."""
    runs = [r for r in timing.get("runs", []) if "metrics" in r]
    if len(runs) != 1 or runs[0].get("never_quiet"):
        return True
    # TBT counts a long task from the first paint on, and in the warm crawl tab the
    # paint may come after a task that a cold load paints before (the demo's backpacks:
    # TBT 0 screened, 420 ms alone): the blocking of every long task, whenever it ran,
    # is screened against TBT's limit too
    if (runs[0].get("blocking_ms") or 0) >= SCREEN_MARGIN * SCREEN_LIMITS["tbt_ms"]:
        return True
    metrics = runs[0]["metrics"]
    for key, limit in SCREEN_LIMITS.items():
        value = metrics.get(key)
        if key in OPTIONAL_FIGURES and value is None:
            continue
        if value is None or value >= SCREEN_MARGIN * limit:
            return True
    return False


def decided_by_one(timing: dict) -> bool:
    """Whether one load alone decides every band of the page beyond doubt: each
    figure well within its "good" limit (under SCREEN_MARGIN of it) or past its "poor"
    limit by more than AMBIGUOUS of it (a hero that takes 6 s is poor in any load), so
    that the median of more loads could change neither a band nor, much, a score."""
    runs = [r for r in timing.get("runs", []) if "metrics" in r]
    if len(runs) != 1 or runs[0].get("never_quiet"):
        return False
    metrics = runs[0]["metrics"]
    for key, good in SCREEN_LIMITS.items():
        value = metrics.get(key)
        if value is None:
            if key in OPTIONAL_FIGURES:
                continue
            return False
        if SCREEN_MARGIN * good <= value <= (1 + AMBIGUOUS) * POOR_LIMITS[key]:
            return False
    return True


def on_a_band_edge(medians: dict) -> bool:
    """Whether a timed figure lies within AMBIGUOUS of a band limit, where one load's
    noise could decide the band (such a page gets the median of more loads)."""
    for limits in (SCREEN_LIMITS, POOR_LIMITS):
        for key, limit in limits.items():
            value = medians.get(key)
            if isinstance(value, int | float) and abs(value - limit) <= AMBIGUOUS * limit:
                return True
    return False
