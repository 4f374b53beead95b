"""The measurement lane: timing loads of a page, alone, in a cold browser context.

Why a lane: page loads that run in parallel compete for the CPU and the network, so
their timings say more about the audit than about the shop (the most common complaint
about lab tools run in parallel). The crawl goes on with all its workers, but a timing
load waits until no crawl visit is in flight, and no visit starts while it runs. Each
crawl visit screens its page first (its figures read like a timing load's); only the
pages whose screened figures cannot decide their bands are timed alone.

Everything here gathers plain data; what is good or bad is judged in
checks/performance. One job per module:

- ``lane``: LoadLane, the lock that gives a timing load the browser alone
- ``scripts``: the in-page recorder and its readers
- ``network``: what DevTools sees of a load's requests
- ``quiet``: when a load is over (wait_until_quiet)
- ``figures``: TBT, TTI, a run's metrics, the median over runs (pure)
- ``bands``: which pages are timed alone and how often (pure decisions)
- ``measurer``: the Measurer, which drives timing loads and screens crawl visits
"""

from __future__ import annotations

from .bands import (
    AMBIGUOUS,
    OPTIONAL_FIGURES,
    POOR_LIMITS,
    SCREEN_LIMITS,
    SCREEN_MARGIN,
    VOUCH_SAMPLES,
    Vouch,
    band,
    bands_settled,
    decided_by_one,
    more_loads,
    near_a_limit,
    on_a_band_edge,
)
from .figures import (
    TIMED_METRICS,
    blocking_figures,
    blocking_parts,
    interactive_at,
    median_run,
    run_metrics,
)
from .lane import LoadLane
from .measurer import Measurer
from .network import LoadNetwork, TabNetwork, network_summary
from .quiet import EARLY_QUIET_S, quiet_answer, wait_until_quiet
from .scripts import MAX_ITEMS, MEASURE_INIT_SCRIPT

__all__ = [
    "AMBIGUOUS",
    "EARLY_QUIET_S",
    "MAX_ITEMS",
    "MEASURE_INIT_SCRIPT",
    "OPTIONAL_FIGURES",
    "POOR_LIMITS",
    "SCREEN_LIMITS",
    "SCREEN_MARGIN",
    "TIMED_METRICS",
    "VOUCH_SAMPLES",
    "LoadLane",
    "LoadNetwork",
    "Measurer",
    "TabNetwork",
    "Vouch",
    "band",
    "bands_settled",
    "blocking_figures",
    "blocking_parts",
    "decided_by_one",
    "interactive_at",
    "median_run",
    "more_loads",
    "near_a_limit",
    "network_summary",
    "on_a_band_edge",
    "quiet_answer",
    "run_metrics",
    "wait_until_quiet",
]
