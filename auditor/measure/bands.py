"""The lane's decisions, pure: which pages a crawl visit's figures may vouch for, which
are timed alone, and how many loads decide a band.

Why apart and pure: these choices trade the audit's time (every load alone pauses the
crawl) against the figures' quality (a band must not depend on one noisy load or on
the crawl's contention), so they are unit-tested on recorded figures
(tests/test_measure_bands.py) without a browser. They read timing records as
auditor.measure.measurer writes them: ``{"runs": [{"metrics": {...}, ...}], ...}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .figures import median_run

__all__ = [
    "AMBIGUOUS",
    "OPTIONAL_FIGURES",
    "POOR_LIMITS",
    "SCREEN_LIMITS",
    "SCREEN_MARGIN",
    "VOUCH_SAMPLES",
    "Vouch",
    "band",
    "bands_settled",
    "decided_by_one",
    "more_loads",
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
#: pages of a template timed alone, each in the band its crawl visit's screen said,
#: before the screen decides the template's other pages (``Vouch``)
VOUCH_SAMPLES = 2


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
    """Whether one load alone decides every band of the page: the page got quiet, has
    every figure (but those of OPTIONAL_FIGURES), and none lies within AMBIGUOUS of a
    band limit, where another load's noise could move it across (a hero that takes
    6 s is poor in any load, one of 3 s needs improvement in any). Such a load needs
    no median of more, whatever page it is: the lane's time goes to the pages on an
    edge."""
    run = _only_run(timing)
    if run is None or run.get("never_quiet"):
        return False
    metrics = run["metrics"]
    if any(metrics.get(key) is None for key in SCREEN_LIMITS if key not in OPTIONAL_FIGURES):
        return False
    return not on_a_band_edge(metrics)


def more_loads(timing: dict, template_first: bool, template_runs: int) -> int:
    """How many more loads alone ``timing`` may need, at most: the lane takes them one
    at a time and asks again after each, so a band decided early costs no more.

    After one load: up to ``template_runs`` in all where a figure lies on a band's
    edge (``on_a_band_edge``), or where it is the start page's or a template's first
    page and the load lacks a figure (``decided_by_one``); else none. After more:
    none once each figure's band is settled (``bands_settled``: the median of all
    ``template_runs`` loads would be in that band whatever the loads still to come
    gave), or once the loads agree on every band and their median is off every edge.
    None after a load that failed or never got quiet: the same fault, or the same
    endless activity, would come again."""
    runs = timing.get("runs") or []
    if not runs or any("error" in run or run.get("never_quiet") for run in runs):
        return 0
    more = template_runs - len(runs)
    if more <= 0:
        return 0
    medians = median_run(timing)[0]
    if len(runs) == 1:
        edge = on_a_band_edge(medians)
        return more if edge or (template_first and not decided_by_one(timing)) else 0
    if bands_settled(timing, template_runs, unanimous=False):
        return 0
    if bands_settled(timing, template_runs, unanimous=True) and not on_a_band_edge(medians):
        return 0
    return more


def bands_settled(timing: dict, template_runs: int, unanimous: bool = False) -> bool:
    """Whether the loads so far settle every figure's band: more than half of
    ``template_runs`` loads in one band (a median of values of which most lie in an
    interval lies in it: the demo's hero at 2612 and 2620 ms needs improvement whatever
    a third load says), or, ``unanimous``, every load of the figure in one band."""
    loads = [r["metrics"] for r in timing.get("runs", []) if "metrics" in r]
    for key in SCREEN_LIMITS:
        values = [m[key] for m in loads if isinstance(m.get(key), int | float)]
        if not values:
            continue
        counts = [0, 0, 0]
        for value in values:
            counts[band(key, float(value))] += 1
        if unanimous and max(counts) < len(values):
            return False
        if not unanimous and max(counts) * 2 <= template_runs:
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


def band(key: str, value: float) -> int:
    """0 good, 1 needs improvement, 2 poor: web.dev's bands of a figure."""
    return 0 if value <= SCREEN_LIMITS[key] else 1 if value <= POOR_LIMITS[key] else 2


def _only_run(timing: dict) -> dict | None:
    """The one run with figures of a screened (or once-loaded) page, else None."""
    runs = [r for r in timing.get("runs", []) if "metrics" in r]
    return runs[0] if len(runs) == 1 else None


def _screen_readable(screened: dict) -> dict | None:
    """The screened figures, where the screen can speak for the page at all: one run,
    quiet, every figure present (but the optional ones); else None."""
    run = _only_run(screened)
    if run is None or run.get("never_quiet"):
        return None
    figures = {}
    for key in SCREEN_LIMITS:
        value = run["metrics"].get(key)
        if value is None:
            if key in OPTIONAL_FIGURES:
                continue
            return None
        figures[key] = float(value)
    return figures


@dataclass
class Vouch:
    """What a template's pages timed alone showed of its crawl visits' screens, and
    whether the screen may now decide the bands of its other pages.

    Why: on a slower shop most crawl visits screen near a limit (half of it), and each
    such page paused the crawl for a load alone (Shuup: 49 loads, half the audit). Yet
    the pages of one template are built alike; where the last VOUCH_SAMPLES of them
    timed alone fell in the bands their screens said, the screen is known to tell
    this template's bands, and a later page whose screened figures lie clear of every
    band limit (by AMBIGUOUS of it and by the largest error any sample showed, which
    covers the error of a sample that crossed a limit) keeps its screened figures. A
    sample whose band differs from its screen's starts the count of agreeing samples
    again: the machine's load changes during an audit, and with it the screen's error.
    """

    #: the pages timed alone whose screens agreed, since the last that did not
    samples: list[str] = field(default_factory=list)
    #: per figure, the largest |screened - alone| any sample showed
    errors: dict[str, float] = field(default_factory=dict)
    #: samples whose screen put a figure in another band than their loads alone
    disagreed: int = 0

    def learn(self, url: str, screened: dict, timed: dict) -> bool:
        """Compare a page's screen with its loads alone; whether they agreed (same band
        for every figure both have). A page without a readable screen teaches nothing."""
        figures = _screen_readable(screened)
        medians = median_run(timed)[0]
        if figures is None or not medians:
            return False
        agreed = True
        for key, value in figures.items():
            alone = medians.get(key)
            if alone is None:
                continue
            agreed = agreed and band(key, value) == band(key, alone)
            self.errors[key] = max(self.errors.get(key, 0.0), abs(value - float(alone)))
        if agreed:
            self.samples.append(url)
        else:
            self.samples.clear()
            self.disagreed += 1
        return agreed

    def vouches_for(self, screened: dict) -> bool:
        """Whether the screened figures decide this page's bands without a load alone:
        VOUCH_SAMPLES agreeing samples since the last that disagreed, and every figure
        clear of every band limit by AMBIGUOUS of the limit or the samples' largest
        error, which is wider."""
        if len(self.samples) < VOUCH_SAMPLES:
            return False
        figures = _screen_readable(screened)
        if figures is None:
            return False
        # in the warm crawl tab the first paint may come after a task that a cold load
        # paints before (``near_a_limit``): the blocking of all long tasks must tell
        # the band the screened TBT tells, and be clear of the limits too
        blocking = float((_only_run(screened) or {}).get("blocking_ms") or 0)
        if band("tbt_ms", blocking) != band("tbt_ms", figures["tbt_ms"]):
            return False
        checked = [*figures.items(), ("tbt_ms", blocking)]
        return not any(self._near(key, value) for key, value in checked)

    def _near(self, key: str, value: float) -> bool:
        """Whether ``value`` lies within AMBIGUOUS of a band limit of ``key``, or within
        the largest error the samples showed for it, which is wider."""
        for limit in (SCREEN_LIMITS[key], POOR_LIMITS[key]):
            if abs(value - limit) <= max(AMBIGUOUS * limit, self.errors.get(key, 0.0)):
                return True
        return False

    def note(self) -> dict:
        """What a vouched page's timing record says of the decision."""
        return {
            "samples": self.samples[-VOUCH_SAMPLES:],
            "errors": {key: round(error, 4) for key, error in self.errors.items()},
            "disagreed": self.disagreed,
        }
