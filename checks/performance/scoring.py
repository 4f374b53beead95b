"""Lighthouse's performance score: each metric on a log-normal curve, then a weighted mean.

Why Lighthouse's numbers: teams compare an audit with the Lighthouse score they
already know, so our page score must mean the same. A metric value at the curve's
``p10`` control point scores 0.9, at its ``median`` 0.5 (Lighthouse's
``getLogNormalScore`` in shared/statistics.js, with the same clamping at the band
edges). Control points and weights are those of Lighthouse 10 and later (its
metric audits' ``defaultOptions.scoring`` and the performance category weights):

=========  ==================  ==================  ======
metric     desktop p10/median  mobile p10/median   weight
=========  ==================  ==================  ======
FCP        934 / 1600 ms       1800 / 3000 ms      10
SI         1311 / 2300 ms      3387 / 5800 ms      10
LCP        1200 / 2400 ms      2500 / 4000 ms      25
TBT        150 / 350 ms        200 / 600 ms        30
CLS        0.1 / 0.25          0.1 / 0.25          25
=========  ==================  ==================  ======

A metric that could not be measured is left out and the weights of the others are
renormalised, as Lighthouse does for a missing metric.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["CONTROL_POINTS", "WEIGHTS", "Curve", "log_normal_score", "page_score"]


@dataclass(frozen=True)
class Curve:
    p10: float
    median: float


CONTROL_POINTS: dict[str, dict[str, Curve]] = {
    "desktop": {
        "fcp_ms": Curve(934, 1600),
        "si_ms": Curve(1311, 2300),
        "lcp_ms": Curve(1200, 2400),
        "tbt_ms": Curve(150, 350),
        "cls": Curve(0.1, 0.25),
    },
    "mobile": {
        "fcp_ms": Curve(1800, 3000),
        "si_ms": Curve(3387, 5800),
        "lcp_ms": Curve(2500, 4000),
        "tbt_ms": Curve(200, 600),
        "cls": Curve(0.1, 0.25),
    },
}
WEIGHTS: dict[str, float] = {"fcp_ms": 10, "si_ms": 10, "lcp_ms": 25, "tbt_ms": 30, "cls": 25}

# erfc(x) / 2 = 0.1 at x = 0.9061938...: puts p10 at a score of 0.9
_INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232
# the exact doubles Lighthouse clamps each band to, so band edges never flip
_MAX_AVERAGE = 0.8999999999999999
_MAX_FAILING = 0.49999999999999994


def log_normal_score(curve: Curve, value: float) -> float:
    """0..1: the share of a log-normal distribution of sites slower than ``value``."""
    if not 0 < curve.p10 < curve.median:
        raise ValueError(f"p10 ({curve.p10}) must lie between 0 and the median ({curve.median})")
    if value <= 0:
        return 1.0
    x_log_ratio = math.log(max(value / curve.median, 5e-324))
    p10_log_ratio = -math.log(curve.p10 / curve.median)
    standardized = x_log_ratio * _INVERSE_ERFC_ONE_FIFTH / p10_log_ratio
    score = math.erfc(standardized) / 2
    if value <= curve.p10:
        return max(0.9, min(1.0, score))
    if value <= curve.median:
        return max(0.5, min(_MAX_AVERAGE, score))
    return max(0.0, min(_MAX_FAILING, score))


def page_score(metrics: Mapping[str, float | None], profile: str = "desktop") -> float | None:
    """0-100 from the metrics a page has (keys as in ``WEIGHTS``); None if it has none."""
    curves = CONTROL_POINTS[profile]
    total = weight = 0.0
    for key, w in WEIGHTS.items():
        value = metrics.get(key)
        if value is None or isinstance(value, bool) or not math.isfinite(value):
            continue
        total += w * log_normal_score(curves[key], float(value))
        weight += w
    return round(100 * total / weight, 1) if weight else None
