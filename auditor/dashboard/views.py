"""What each dashboard page shows, as plain view models read from the history store.

Kept apart from the web app so the pages' content is testable without a server, and so
the app's handlers stay one line each. Charts reuse the report's geometry
(reports.sections.trend): a chart looks and reads the same in both.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import partial
from typing import Any

from reports.sections.trend import line_chart, sparkline

from ..history.store import HistoryStore
from ..history.trends import site_trend

__all__ = ["BANDS", "band_of", "index_view", "live_view", "site_view"]

#: web.dev's good / poor limits (README "Performance"); "needs improvement" between
BANDS: dict[str, tuple[float, float]] = {
    "lcp_ms": (2500, 4000),
    "fcp_ms": (1800, 3000),
    "cls": (0.1, 0.25),
    "inp_ms": (200, 500),
    "ttfb_ms": (800, 1800),
    "tbt_ms": (200, 600),
}
METRIC_NAMES = {
    "lcp_ms": "LCP",
    "fcp_ms": "FCP",
    "cls": "CLS",
    "inp_ms": "INP",
    "ttfb_ms": "TTFB",
    "tbt_ms": "TBT",
}
STATUS = {"complete": "complete", "cut_short": "cut short", "crashed": "crashed"}
MAX_TEMPLATES = 15
#: templates drawn as charts (six small charts each); the tables list up to MAX_TEMPLATES
MAX_CHARTED = 6
MAX_FINDINGS = 100
STALE_AFTER_S = 300


def band_of(metric: str, value: float | None) -> str | None:
    """good, average (needs improvement) or poor; None without a band or a value."""
    if value is None or metric not in BANDS:
        return None
    good, poor = BANDS[metric]
    return "good" if value <= good else ("average" if value <= poor else "poor")


def _fmt_metric(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    if metric == "cls":
        return f"{value:.2f}"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def _score(value: Any) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _when(text: Any) -> str:
    return str(text or "").replace("T", " ").replace("Z", "")[:16]


def index_view(store: HistoryStore, last: int = 12) -> dict[str, Any]:
    """Every shop with its latest run and a sparkline of its overall score."""
    shops = []
    for s in store.sites():
        runs = store.runs(s["site"], limit=last)
        latest = runs[-1]
        scores = [r["score"] for r in runs]
        shops.append(
            {
                "site": s["site"],
                "runs": s["runs"],
                "score": _score(latest["score"]),
                "status": STATUS.get(latest["status"], latest["status"]),
                "when": _when(latest["started_at"]),
                "findings": latest["findings"],
                "spark": sparkline(scores),
                "spark_text": ", ".join(_score(v) for v in scores),
                "shown": len(runs),
            }
        )
    return {"shops": shops, "running": len([r for r in store.live() if _running(r)])}


def _running(row: dict[str, Any]) -> bool:
    return row["state"] == "running" and not _stale(row)


def _stale(row: dict[str, Any]) -> bool:
    try:
        updated = dt.datetime.fromisoformat(str(row["updated_at"]).replace("Z", "+00:00"))
    except ValueError:
        return False
    return (dt.datetime.now(dt.UTC) - updated).total_seconds() > STALE_AFTER_S


def _metric_values(
    store: HistoryStore, runs: list[dict[str, Any]]
) -> dict[str, dict[str, list[float | None]]]:
    """Per metric and template, its median per run (None where a run has none)."""
    ids = [r["id"] for r in runs]
    metrics = store.template_metrics(ids)
    out: dict[str, dict[str, list[float | None]]] = {}
    for metric in BANDS:
        templates = sorted({t for i in ids for (t, m) in metrics[i] if m == metric})
        out[metric] = {t: [metrics[i].get((t, metric)) for i in ids] for t in templates}
    return out


def _metric_tables(store: HistoryStore, runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per metric with a band: its median per template over the runs, each with its band
    in words."""
    ids = [r["id"] for r in runs]
    metrics = store.template_metrics(ids)
    tables = []
    for metric, (good, poor) in BANDS.items():
        templates = sorted({t for i in ids for (t, m) in metrics[i] if m == metric})
        if not templates:
            continue
        rows = []
        for template in templates[:MAX_TEMPLATES]:
            cells = []
            for i in ids:
                value = metrics[i].get((template, metric))
                band = band_of(metric, value)
                cells.append({"text": _fmt_metric(metric, value), "band": band})
            rows.append({"template": template, "cells": cells})
        tables.append(
            {
                "metric": metric,
                "name": METRIC_NAMES[metric],
                "good": _fmt_metric(metric, good),
                "poor": _fmt_metric(metric, poor),
                "rows": rows,
                "more": max(0, len(templates) - MAX_TEMPLATES),
            }
        )
    return tables


def _thin_ticks(chart: dict[str, Any], keep: int = 3) -> dict[str, Any]:
    """At most ``keep`` run labels under a small chart (the first and the last), so they
    do not run into each other; every point keeps its label in the chart's text."""
    ticks = chart["ticks"]
    if len(ticks) > keep:
        every = math.ceil((len(ticks) - 1) / (keep - 1))
        kept = [*range(0, len(ticks) - 1, every), len(ticks) - 1]
        chart["ticks"] = [ticks[i] for i in kept]
    return chart


def _round_up(value: float) -> float:
    """The next whole multiple of the value's power of ten, so the axis reads 0, a
    round middle and a round top (3750 -> 4000, 0.31 -> 0.4)."""
    magnitude = 10 ** math.floor(math.log10(value))
    return round(math.ceil(value / magnitude) * magnitude, 6)


def _metric_chart(metric: str, labels: list[str], values: list[float | None]) -> dict[str, Any]:
    """One template's figure over the runs against its good and poor limits, drawn as
    labelled lines with their zones; the scale reaches past the poor limit."""
    good, poor = BANDS[metric]
    known = [v for v in values if v is not None]
    top = _round_up(max([poor * 1.25] + [v * 1.1 for v in known]))
    chart = line_chart(
        labels,
        [(METRIC_NAMES[metric], values)],
        top=top,
        width=370,
        height=170,
        bands=[("good up to", good), ("poor above", poor)],
        fmt=partial(_fmt_metric, metric),
        left=52,
        right=110,
    )
    return _thin_ticks(chart)


def _metric_charts(
    metrics: list[dict[str, Any]], labels: list[str], values: dict[str, dict[str, list]]
) -> list[dict[str, Any]]:
    """Per template, a small chart per metric it has (the tables' numbers, drawn)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for m in metrics:
        for row in m["rows"]:
            series = values[m["metric"]][row["template"]]
            out.setdefault(row["template"], []).append(
                {
                    "metric": m["metric"],
                    "name": m["name"],
                    "good": m["good"],
                    "poor": m["poor"],
                    "chart": _metric_chart(m["metric"], labels, series),
                }
            )
    return [{"template": t, "charts": charts} for t, charts in out.items()][:MAX_CHARTED]


def _journey_chart(labels: list[str], runs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Predicted effort seconds over the runs, a line per journey and persona; None
    while no run has a journey with an effort."""
    keys: list[tuple[str, str]] = []
    by_run = [{(j["journey"], j["persona"]): j for j in r["journeys"]} for r in runs]
    for table in by_run:
        keys += [k for k in table if k not in keys]
    series = []
    for journey, persona in keys:
        values = [(t.get((journey, persona)) or {}).get("effort_s") for t in by_run]
        name = f"{journey} · {persona}" if persona else journey
        series.append((name[:24], values))
    known = [v for _, values in series for v in values if v is not None]
    if not known:
        return None
    top = max(10.0, math.ceil(max(known) * 1.2 / 10) * 10)
    chart = line_chart(labels, series, top=top, fmt=_seconds, left=44, right=170)
    return _thin_ticks(chart, keep=5)


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} s"


def _journey_table(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Effort per journey and persona over the runs (empty until audits record journeys)."""
    keys: list[tuple[str, str]] = []
    by_run = [{(j["journey"], j["persona"]): j for j in r["journeys"]} for r in runs]
    for table in by_run:
        keys += [k for k in table if k not in keys]
    rows = []
    for journey, persona in keys:
        cells = []
        for table in by_run:
            j = table.get((journey, persona))
            if j is None:
                cells.append("–")
                continue
            effort = "–" if j["effort_s"] is None else f"{j['effort_s']:.0f} s"
            done = {1: "completed", 0: "stopped"}.get(j["completed"], "")
            cells.append(f"{effort} {done}".strip())
        rows.append({"journey": journey, "persona": persona or "–", "cells": cells})
    return rows


def site_view(store: HistoryStore, site: str, last: int = 10) -> dict[str, Any] | None:
    """One shop: score trends, metric trends against their bands, the journeys, the
    latest findings (new ones marked) and the runs with their reports."""
    trend = site_trend(store, site, last)
    runs = trend["runs"]
    if not runs:
        return None
    labels = [_when(r["started_at"])[5:] for r in runs]
    series = [("Overall", [r["score"] for r in runs])]
    series += [(c, [r["categories"].get(c) for r in runs]) for c in trend["categories"]]
    latest = runs[-1]
    new = set(latest["new"] or [])
    findings = [
        {
            "severity": f["severity"],
            "title": f["title"],
            "category": f["category"],
            "check": f["check_id"],
            "url": f["url"],
            "pages": f["page_count"],
            "new": f["fingerprint"] in new,
            "same_as": bool(f["primary_fp"]),
        }
        for f in store.findings(latest["id"])[:MAX_FINDINGS]
    ]
    findings.sort(key=lambda f: not f["new"])  # new ones first, then worst first
    metrics = _metric_tables(store, runs)
    charts = _metric_charts(metrics, labels, _metric_values(store, runs))
    charted = {row["template"] for m in metrics for row in m["rows"]}
    return {
        "site": site,
        "chart": line_chart(labels, series) if len(runs) >= 1 else None,
        "names": [name for name, _ in series],
        "rows": [
            {
                "id": r["id"],
                "label": labels[i],
                "when": _when(r["started_at"]),
                "status": STATUS.get(r["status"], r["status"]),
                "cells": [_score(values[i]) for _, values in series],
                "findings": r["findings"],
                "new": "–" if r["new"] is None else len(r["new"]),
                "fixed": "–" if r["fixed"] is None else len(r["fixed"]),
                "report": bool(r["report_path"]),
                "pages": r["pages"],
            }
            for i, r in enumerate(runs)
        ],
        "metric_labels": labels,
        "metrics": metrics,
        "metric_charts": charts,
        "charts_more": max(0, len(charted) - len(charts)),
        "journeys": _journey_table(runs),
        "journey_chart": _journey_chart(labels, runs),
        "findings": findings,
        "new_count": len(new),
        "latest": {"when": _when(latest["started_at"]), "id": latest["id"]},
    }


def _number(value: Any) -> str:
    return "–" if value is None else f"{value:.0f}"


def live_view(store: HistoryStore, site: str | None = None) -> dict[str, Any]:
    """The audits running now (and the last few finished), with their figures so far."""
    rows = []
    for r in store.live(site):
        f = r["figures"] or {}
        state = "no longer reporting" if r["state"] == "running" and _stale(r) else r["state"]
        total = r["pages_done"] + r["queued"]
        rows.append(
            {
                "key": r["key"],
                "site": r["site"],
                "target": r["target"],
                "state": state,
                "running": state == "running",
                "stage": r["stage"] or "",
                "pages_done": r["pages_done"],
                "pages_failed": r["pages_failed"],
                "queued": r["queued"],
                "total": total,
                "rate": "–"
                if f.get("pages_per_minute") is None
                else f"{f['pages_per_minute']:.0f}",
                "elapsed": "–" if f.get("elapsed_s") is None else f"{f['elapsed_s']:.0f} s",
                "lcp": _fmt_metric("lcp_ms", f.get("lcp_ms_median")),
                "templates": f.get("templates", 0),
                "last_url": r["last_url"] or "",
                "score": _score(r["score"]) if r["score"] is not None else None,
                "run_id": r["run_id"],
                "started": _when(r["started_at"]),
            }
        )
    running = sorted((r for r in rows if r["running"]), key=lambda r: r["started"])
    done = sorted((r for r in rows if not r["running"]), key=lambda r: r["started"])[::-1][:10]
    return {"running": running, "done": done, "rows": running + done}
