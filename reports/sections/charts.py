"""Geometry of the report's small inline SVG charts, computed in Python.

Why here and not in the template: the numbers a chart draws are the numbers it labels,
so both come from one place, and the templates only place the shapes. Every chart
carries its figures as text (in the drawing and in its <title>/<desc>), never as colour
alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["BandStrip", "band_strip", "histogram"]

BandStrip = dict[str, Any]

STRIP_WIDTH = 300
STRIP_HEIGHT = 50
STRIP_PAD = 16  # room at both ends for the labels
STRIP_BAR_Y = 18
STRIP_BAR_H = 14
MAX_STRIP_DOTS = 120  # pages drawn on one strip; more are summarised by the median


def _scale(good: float, poor: float, values: Sequence[float]) -> float:
    """The strip's right end: past the poor threshold by half again, or the worst value
    if that is further, but never beyond three times the threshold (such values are drawn
    at the end with an arrow: one 40 s page must not squash the rest to a dot)."""
    top = max(poor * 1.5, max(values, default=0) * 1.05)
    return min(top, poor * 3) or 1.0


def band_strip(
    values: Sequence[float],
    good: float,
    poor: float,
    median: float,
    fmt: Callable[[float], str],
) -> BandStrip:
    """A horizontal strip: the good, needs-improvement and poor zones, one dot per page,
    the median marked and labelled, the two thresholds labelled below."""
    top = _scale(good, poor, values)
    span = STRIP_WIDTH - 2 * STRIP_PAD

    def x(value: float) -> float:
        return round(STRIP_PAD + span * min(max(value, 0), top) / top, 1)

    dots = [{"x": x(v), "over": v > top} for v in sorted(values)[:MAX_STRIP_DOTS]]
    median_x = x(median)
    return {
        "width": STRIP_WIDTH,
        "height": STRIP_HEIGHT,
        "bar_y": STRIP_BAR_Y,
        "bar_h": STRIP_BAR_H,
        "dot_y": STRIP_BAR_Y + STRIP_BAR_H / 2,
        "zones": [
            {"band": "good", "x": x(0), "w": round(x(good) - x(0), 1)},
            {"band": "average", "x": x(good), "w": round(x(poor) - x(good), 1)},
            {"band": "poor", "x": x(poor), "w": round(x(top) - x(poor), 1)},
        ],
        "ticks": [
            {"x": x(good), "label": fmt(good)},
            {"x": x(poor), "label": fmt(poor)},
        ],
        "tick_y": STRIP_HEIGHT - 2,
        "dots": dots,
        "median": {
            "x": median_x,
            "label": fmt(median),
            # keep the label inside the drawing at either end
            "label_x": min(max(median_x, 24), STRIP_WIDTH - 24),
        },
        "over": any(d["over"] for d in dots),
    }


HIST_WIDTH = 400
HIST_HEIGHT = 150
HIST_LEFT, HIST_RIGHT, HIST_TOP, HIST_BOTTOM = 12, 12, 22, 34


def histogram(
    edges: Sequence[float], counts: Sequence[int], fmt: Callable[[float], str]
) -> dict[str, Any]:
    """Bars for counts between consecutive ``edges`` (len(edges) == len(counts) + 1),
    each bar labelled with its count above and its range below."""
    plot_w = HIST_WIDTH - HIST_LEFT - HIST_RIGHT
    plot_h = HIST_HEIGHT - HIST_TOP - HIST_BOTTOM
    peak = max(counts, default=0) or 1
    slot = plot_w / max(len(counts), 1)
    bars = []
    for i, count in enumerate(counts):
        h = round(plot_h * count / peak, 1)
        bx = HIST_LEFT + slot * i + slot * 0.12
        bars.append(
            {
                "x": round(bx, 1),
                "y": round(HIST_TOP + plot_h - h, 1),
                "w": round(slot * 0.76, 1),
                "h": h,
                "cx": round(bx + slot * 0.38, 1),
                "count": count,
                "label": f"{fmt(edges[i])}–{fmt(edges[i + 1])}",
            }
        )
    return {
        "width": HIST_WIDTH,
        "height": HIST_HEIGHT,
        "base": HIST_TOP + plot_h,
        "label_y": HIST_HEIGHT - 12,
        "left": HIST_LEFT,
        "right": HIST_WIDTH - HIST_RIGHT,
        "bars": bars,
    }
