"""The figures of one timing load, and of several: pure functions of what a load read.

Total Blocking Time and Time to Interactive as Lighthouse computes them from the long
tasks and requests a page recorded, the metrics of a run, and the median over runs
with the run that explains it. No browser here: the checks and the tests run these on
recorded loads.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import Any

from ..results import METRIC_KEYS

__all__ = [
    "TIMED_METRICS",
    "blocking_figures",
    "blocking_parts",
    "interactive_at",
    "median_run",
    "run_metrics",
]

#: the figures a timing load reports, and whose median across loads is the page's figure:
#: the page metrics of results.json but the count of loads itself
TIMED_METRICS = tuple(key for key in METRIC_KEYS if key != "timed_loads")
#: Lighthouse's TBT: the part of a long task beyond 50 ms keeps input waiting
BLOCKING_THRESHOLD_MS = 50.0
#: Lighthouse's TTI: the quiet window that ends the blocking (no long task, at most two
#: requests in flight)
QUIET_WINDOW_MS = 5000.0
MAX_BUSY_REQUESTS = 2


def blocking_parts(
    long_tasks: Iterable[Sequence[Any]], start_ms: float, end_ms: float
) -> list[tuple[float, float, float]]:
    """(start, duration, blocking ms counted) of every long task that blocks in the window.

    Why clip: a task that starts a few ms before the first paint is presented still
    blocks the customer's first taps for nearly all its length; counting only tasks
    that *start* after FCP reported TBT 0 for a 700 ms task there. Like Lighthouse
    (core/lib/tbt-utils.js), each task is cut to the FCP-TTI window first, and the
    part beyond 50 ms of what is left counts.
    """
    parts = []
    for task in long_tasks:
        start, duration = float(task[0]), float(task[1])
        clipped = min(start + duration, end_ms) - max(start, start_ms)
        if clipped > BLOCKING_THRESHOLD_MS:
            parts.append((start, duration, clipped - BLOCKING_THRESHOLD_MS))
    return parts


def interactive_at(
    long_tasks: Iterable[Sequence[Any]], fcp_ms: float, requests: Iterable[Sequence[Any]] = ()
) -> float:
    """Time to Interactive as Lighthouse defines it, from what the page recorded.

    TTI is where the first quiet window begins: 5 s after FCP with no long task and at
    most two requests in flight; it is FCP itself or the end of the long task before
    that window. The recording ends once the page is quiet, so the time after it counts
    as quiet: where no window is seen, TTI is the end of the last long task. ``requests``
    are Resource Timing rows (url, type, blocking, start, end, ...).
    """
    spans = sorted((float(t[0]), float(t[0]) + float(t[1])) for t in long_tasks)
    spans = [s for s in spans if s[1] > fcp_ms]
    timed = [(float(r[3]), float(r[4])) for r in requests if len(r) > 4]
    candidate = fcp_ms
    for task_start, task_end in spans:
        if task_start - candidate >= QUIET_WINDOW_MS and _network_quiet(timed, candidate):
            return candidate
        candidate = max(candidate, task_end)
    return candidate


def _network_quiet(requests: list[tuple[float, float]], start: float) -> bool:
    """At most two requests in flight at any moment of the quiet window from ``start``."""
    end = start + QUIET_WINDOW_MS
    overlapping = [(a, b) for a, b in requests if a < end and b > start]
    if len(overlapping) <= MAX_BUSY_REQUESTS:
        return True
    edges = sorted([(max(a, start), 1) for a, _ in overlapping] + [(b, -1) for _, b in overlapping])
    flying = 0
    for _, step in edges:
        flying += step
        if flying > MAX_BUSY_REQUESTS:
            return False
    return True


def blocking_figures(facts: dict[str, Any]) -> dict[str, Any]:
    """TBT over the FCP-TTI window, the window's end, and the blocking time of all tasks
    (``blocking_ms``, whatever their time: what FCP's cause may name)."""
    tasks = facts.get("long_tasks") or []
    blocking = sum(max(0.0, float(t[1]) - BLOCKING_THRESHOLD_MS) for t in tasks)
    fcp = facts.get("fcp_ms")
    if not isinstance(fcp, int | float):  # no first paint: no window to block in
        return {"tbt_ms": 0.0, "tti_ms": None, "blocking_ms": blocking}
    tti = interactive_at(tasks, float(fcp), facts.get("resources") or [])
    tbt = sum(counted for _, _, counted in blocking_parts(tasks, float(fcp), tti))
    return {"tbt_ms": tbt, "tti_ms": tti, "blocking_ms": blocking}


def run_metrics(run: dict) -> dict:
    lcp = run.get("lcp") or {}
    interaction = run.get("interaction") or {}
    raw = {
        "ttfb_ms": run.get("ttfb_ms"),
        "fcp_ms": run.get("fcp_ms"),
        "lcp_ms": lcp.get("time"),
        "cls": run.get("cls"),
        "tbt_ms": run.get("tbt_ms"),
        "inp_ms": interaction.get("ms"),
        "dcl_ms": run.get("dcl_ms"),
        "load_ms": run.get("load_ms"),
        "transfer_bytes": run["network"]["bytes"],
        "requests": run["network"]["requests"],
    }
    out = {}
    for key, value in raw.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = round(float(value), 4) if key == "cls" else round(float(value), 1)
            if key in ("transfer_bytes", "requests"):
                out[key] = int(value)
    return out


def median_run(timing: dict) -> tuple[dict, dict | None]:
    """(median of every metric over the good runs, the run closest to that median).

    The representative run is the one whose LCP (else load time) is the median's, so
    its details (LCP element, shifts, long tasks) explain the figures reported.
    """
    runs = [r for r in timing.get("runs", []) if "metrics" in r]
    if not runs:
        return {}, None
    medians: dict[str, Any] = {}
    for key in TIMED_METRICS:
        values = [r["metrics"][key] for r in runs if key in r["metrics"]]
        if values:
            value = statistics.median(values)
            medians[key] = int(value) if key in ("transfer_bytes", "requests") else value
    pivot = "lcp_ms" if "lcp_ms" in medians else "load_ms"
    if pivot not in medians:
        return medians, runs[0]
    best = min(runs, key=lambda r: abs(r["metrics"].get(pivot, 1e12) - medians[pivot]))
    return medians, best
