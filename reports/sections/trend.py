"""The "Trend" section: the overall and category scores over the recorded runs of the
shop, from results.json's ``trend`` (written when the audit has a history file).

Shown only with two runs or more. The chart tells its series apart by line pattern and
marker shape, labels each line's last value and its name at the right end, and the
table under it gives every value as text: nothing depends on colour. The geometry is
plain data (``line_chart``, ``sparkline``) so the dashboard draws the same charts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..common import clip
from .data import ReportData

__all__ = ["MARKERS", "PATTERNS", "line_chart", "sparkline", "trend_view"]

#: line patterns (stroke-dasharray) and marker shapes, one per series, in order
PATTERNS = ("", "6 3", "2 3", "10 3 2 3", "1 5", "12 6", "4 2 1 2")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "bar", "star")
WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 34, 150, 14, 40


def _marker_path(shape: str, x: float, y: float, r: float = 4.0) -> str:
    """An SVG path of a marker centred on (x, y)."""
    if shape == "circle":
        return f"M{x - r},{y} a{r},{r} 0 1,0 {2 * r},0 a{r},{r} 0 1,0 {-2 * r},0"
    if shape == "square":
        return f"M{x - r},{y - r} h{2 * r} v{2 * r} h{-2 * r} Z"
    if shape == "triangle":
        return f"M{x},{y - r - 1} L{x + r + 1},{y + r} L{x - r - 1},{y + r} Z"
    if shape == "diamond":
        return f"M{x},{y - r - 1} L{x + r + 1},{y} L{x},{y + r + 1} L{x - r - 1},{y} Z"
    if shape == "cross":
        return f"M{x - r},{y - r} L{x + r},{y + r} M{x - r},{y + r} L{x + r},{y - r}"
    if shape == "bar":
        return f"M{x - r},{y} h{2 * r}"
    return (
        f"M{x},{y - r - 1} L{x + 1.2},{y - 1.2} L{x + r + 1},{y} L{x + 1.2},{y + 1.2} "
        f"L{x},{y + r + 1} L{x - 1.2},{y + 1.2} L{x - r - 1},{y} L{x - 1.2},{y - 1.2} Z"
    )


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _bands(
    bands: Sequence[tuple[str, float]], y: Callable[[float], float], fmt: Callable
) -> list[dict[str, Any]]:
    """Each limit's line (y), its label, and the zone from it up to the next limit. The
    lowest of several limits has its label under its line (inside the zone it bounds,
    e.g. "good up to"), the others above theirs."""
    out = []
    ordered = sorted(bands, key=lambda b: b[1])
    for k, (name, value) in enumerate(ordered):
        upper = y(ordered[k + 1][1]) if k + 1 < len(ordered) else TOP
        out.append(
            {
                "name": name,
                "value": fmt(value),
                "y": y(value),
                "label_y": round(y(value) + 11 if k == 0 and len(ordered) > 1 else y(value) - 3, 1),
                "zone_y": upper,
                "zone_h": round(max(y(value) - upper, 0.0), 1),
                "level": k,
            }
        )
    return out


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    top: float = 100.0,
    width: int = WIDTH,
    height: int = HEIGHT,
    bands: Sequence[tuple[str, float]] = (),
    fmt: Callable[[float | None], str] | None = None,
    left: int = LEFT,
    right: int = RIGHT,
) -> dict[str, Any]:
    """Scores (0..``top``) of several series over the same runs (``labels``), oldest
    first. A gap (None) breaks a line. Each series carries its pattern, marker, the
    points with their values, and its name and last value at the right end (moved
    apart where two would overlap).

    Optional, for figures other than scores: ``bands`` are named limits (e.g. a
    metric's good and poor limits) drawn as labelled horizontal lines, each with the
    zone above it up to the next limit, so a value reads against its band without
    colour; ``fmt`` writes values and axis labels (default: whole numbers); ``left``
    and ``right`` are the margins for the axis labels and the line names."""
    fmt = fmt or _fmt
    plot_w, plot_h = width - left - right, height - TOP - BOTTOM
    n = max(len(labels), 1)
    step = plot_w / max(n - 1, 1)

    def x(i: int) -> float:
        return round(left + (step * i if n > 1 else plot_w / 2), 1)

    def y(v: float) -> float:
        return round(TOP + plot_h * (1 - min(max(v, 0.0), top) / top), 1)

    out, ends = [], []
    for k, (name, values) in enumerate(series):
        shape = MARKERS[k % len(MARKERS)]
        points = [
            {"x": x(i), "y": y(v), "value": fmt(v), "label": labels[i]}
            for i, v in enumerate(values)
            if v is not None
        ]
        segments, current = [], []
        for i, v in enumerate(values):
            if v is None:
                if len(current) > 1:
                    segments.append(" ".join(current))
                current = []
                continue
            current.append(f"{x(i)},{y(v)}")
        if len(current) > 1:
            segments.append(" ".join(current))
        last = next((v for v in reversed(values) if v is not None), None)
        entry = {
            "name": name,
            "pattern": PATTERNS[k % len(PATTERNS)],
            "marker": shape,
            "width": 3 if k == 0 else 1.5,
            "segments": segments,
            "points": [{**p, "path": _marker_path(shape, p["x"], p["y"])} for p in points],
            "last": fmt(last),
            "end_y": y(last) if last is not None else None,
        }
        out.append(entry)
        if last is not None:
            ends.append(entry)
    # the labels at the right end: in the order of their lines, at least 13 px apart
    ends.sort(key=lambda e: e["end_y"])
    previous = -1e9
    for e in ends:
        e["label_y"] = max(e["end_y"] + 4, previous + 13)
        previous = e["label_y"]
    shift = max(0.0, previous - (height - 4))
    for e in ends:
        e["label_y"] = round(e["label_y"] - shift, 1)
        e["legend_x"] = width - right + 34
        e["sample_x1"], e["sample_x2"] = width - right + 6, width - right + 28
        e["sample_path"] = _marker_path(e["marker"], width - right + 17, e["label_y"] - 4)
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "grid": [{"y": y(v), "label": fmt(v)} for v in (0, top / 2, top)],
        "bands": _bands(bands, y, fmt),
        "ticks": [{"x": x(i), "label": label} for i, label in enumerate(labels)],
        "tick_y": height - BOTTOM + 16,
        "series": out,
    }


def sparkline(values: Sequence[float | None], width: int = 120, height: int = 28) -> dict:
    """A small line of scores (0..100), oldest first, with the last point marked."""
    pad = 3
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    n = max(len(values) - 1, 1)
    span_x, span_y = width - 2 * pad, height - 2 * pad
    pts = [
        (round(pad + span_x * i / n, 1), round(pad + span_y * (1 - v / 100), 1)) for i, v in known
    ]
    return {
        "width": width,
        "height": height,
        "points": " ".join(f"{a},{b}" for a, b in pts),
        "last": {"x": pts[-1][0], "y": pts[-1][1]} if pts else None,
    }


def _label(started: Any) -> str:
    text = str(started or "")
    return text[5:16].replace("T", " ") if len(text) >= 16 else clip(text, 16)


def trend_view(data: ReportData) -> dict[str, Any] | None:
    """The chart and the table of the runs in results.json's ``trend``; None with
    fewer than two runs."""
    trend = data.results.get("trend")
    if not isinstance(trend, Mapping):
        return None
    runs = [r for r in trend.get("runs") or [] if isinstance(r, Mapping)]
    if len(runs) < 2:
        return None
    categories: list[str] = []
    for r in runs:
        cats = r.get("categories") if isinstance(r.get("categories"), Mapping) else {}
        categories += [str(c) for c in cats if str(c) not in categories]

    def num(v: Any) -> float | None:
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None

    series = [("Overall", [num(r.get("score")) for r in runs])]
    series += [
        (clip(c, 40), [num((r.get("categories") or {}).get(c)) for r in runs]) for c in categories
    ]
    labels = [_label(r.get("started_at")) for r in runs]
    status = {"complete": "", "cut_short": "cut short", "crashed": "crashed"}
    rows = [
        {
            "label": labels[i],
            "started_at": clip(str(r.get("started_at") or ""), 40),
            "status": status.get(str(r.get("status")), ""),
            "current": bool(r.get("current")),
            "cells": [_fmt(values[i]) for _, values in series],
        }
        for i, r in enumerate(runs)
    ]
    first, last = series[0][1][0], series[0][1][-1]
    return {
        "site": clip(str(trend.get("site") or ""), 120),
        "runs": len(runs),
        "chart": line_chart(labels, series),
        "names": [name for name, _ in series],
        "rows": rows,
        "summary": f"Overall score {_fmt(first)} in the first of {len(runs)} runs, "
        f"{_fmt(last)} in this one.",
    }
