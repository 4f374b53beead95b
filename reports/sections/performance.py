"""The "Performance" section: each template's timings against web.dev's bands, the
slowest pages with the causes the audit recorded, and the resources behind them.

Why per template and per page, not medians alone: a median of 2.1 s hides the product
template whose every page takes 5 s; the owner fixes templates, and wants to see which
element, script or image made a page slow. The medians stay, as a summary line.

Everything comes from results.json: page ``metrics`` (medians of the timing loads, with
``timed_loads``), ``performance.web-vitals``' details (each template's score and share)
and the evidence of the performance findings (LCP element and resource, the scripts
behind long tasks, moved elements, render-blocking files, the heaviest resources).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from ..common import (
    MAX_EVIDENCE_VALUE,
    MAX_SHORT,
    MAX_TITLE,
    METRIC_BANDS,
    Labels,
    as_dict,
    as_list,
    band,
    clip,
    fmt_bytes,
    fmt_cls,
    fmt_int,
    fmt_ms,
    fmt_number,
    int_or_none,
    is_number,
    score_value,
    url_view,
)
from ..i18n import finding_text, t, tn
from .charts import band_strip
from .data import ReportData

__all__ = ["METRICS", "performance_view"]

#: (key in page metrics, short name, long name, formatter), in the order they are drawn
METRICS: tuple[tuple[str, str, str, Callable[[Any], str]], ...] = (
    ("lcp_ms", "LCP", "Largest Contentful Paint", fmt_ms),
    ("cls", "CLS", "Cumulative Layout Shift", fmt_cls),
    ("tbt_ms", "TBT", "Total Blocking Time", fmt_ms),
    ("inp_ms", "INP", "Interaction to Next Paint (one click)", fmt_ms),
    ("fcp_ms", "FCP", "First Contentful Paint", fmt_ms),
    ("ttfb_ms", "TTFB", "Time to First Byte", fmt_ms),
)
VITALS_CHECK = "performance.web-vitals"
WEIGHT_CHECK = "performance.page-weight"
RATE_WORDS = Labels(
    {"good": "good", "average": "needs improvement", "poor": "poor", "na": "not measured"}
)
MAX_SLOWEST = 10
MIN_SLOWEST = 3  # shown even when they are fast: the slowest of a fast shop
MAX_TEMPLATES = 20
MAX_CAUSES = 8
MAX_RESOURCES = 15
MAX_CAUSE_TEXT = 300
MAX_TASKS = 5


def _path(url: Any) -> str:
    """Path and query of a URL: how the performance checks name pages in their evidence."""
    try:
        parts = urlsplit(url) if isinstance(url, str) else None
    except ValueError:
        return url
    if parts is None:
        return ""
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _metric(page: Mapping[str, Any], key: str) -> float | None:
    value = as_dict(page.get("metrics")).get(key)
    return value if is_number(value) else None


def _timed(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pages with at least one of the drawn timings."""
    return [p for p in pages if any(_metric(p, key) is not None for key, *_ in METRICS)]


def _bands(data: ReportData) -> dict[str, tuple[float, float]]:
    """good/poor thresholds per metric: the check's own (its findings' evidence names
    them) where results.json shows them, else web.dev's defaults."""
    bands = dict(METRIC_BANDS)
    for finding in data.of_check(VITALS_CHECK):
        ev = as_dict(finding.get("evidence"))
        key, good, poor = ev.get("metric"), ev.get("threshold"), ev.get("poor_above")
        if key in bands and is_number(good) and is_number(poor) and 0 < good < poor:
            bands[key] = (float(good), float(poor))
    return bands


def _rate(key: str, value: Any, bands: Mapping[str, tuple[float, float]]) -> str:
    if not is_number(value):
        return "na"
    good, poor = bands[key]
    return "good" if value <= good else ("average" if value <= poor else "poor")


def _summary(timed: list[dict[str, Any]], bands: Mapping) -> list[dict[str, str]]:
    """The medians over all timed pages, one tile per metric, plus the page weight."""
    tiles = []
    for key, short, name, fmt in METRICS:
        values = [v for p in timed if (v := _metric(p, key)) is not None]
        if not values:
            continue
        median = statistics.median(values)
        tiles.append(
            {
                "label": f"{t(name)} ({short})",
                "value": fmt(median),
                "rate": _rate(key, median, bands),
                "rate_word": RATE_WORDS[_rate(key, median, bands)],
            }
        )
    sizes = [v for p in timed if (v := _metric(p, "transfer_bytes")) is not None]
    if sizes:
        tiles.append(
            {
                "label": t("Page size"),
                "value": fmt_bytes(statistics.median(sizes)),
                "rate": "none",
                "rate_word": "",
            }
        )
    return tiles


def _metric_row(
    key: str, short: str, name: str, fmt: Callable, members: list[dict], bands: Mapping
) -> dict[str, Any] | None:
    """One metric of one template: its strip, median, worst and how many pages are poor."""
    measured = [(v, p) for p in members if (v := _metric(p, key)) is not None]
    values = [v for v, _ in measured]
    if not values:
        return None
    worst_page = max(measured, key=lambda vp: vp[0])[1]
    good, poor = bands[key]
    median = statistics.median(values)
    rates = [_rate(key, v, bands) for v in values]
    strip = band_strip(values, good, poor, median, fmt)
    verdict = RATE_WORDS[_rate(key, median, bands)]
    counts = {r: rates.count(r) for r in ("good", "average", "poor")}
    counted = ", ".join(f"{n} {RATE_WORDS[r]}" for r, n in counts.items() if n)
    spread = (
        tn(1, "{n} page", "{n} pages")
        if len(values) == 1
        else t("worst {value}", value=fmt(max(values))) + f" · {counted}"
    )
    return {
        "key": key,
        "short": short,
        "name": t(name),
        "median": fmt(median),
        "worst": fmt(max(values)),
        "worst_page": _path(worst_page.get("url")),
        "worst_rate": _rate(key, max(values), bands),
        "rate": _rate(key, median, bands),
        "rate_word": verdict,
        "pages": len(values),
        "counts": counts,
        "spread": spread,
        "good": fmt(good),
        "poor": fmt(poor),
        "strip": strip,
        "description": tn(
            len(values),
            "{name} of {n} page: median {median} ({verdict}), worst {worst}; good up to "
            "{good}, poor above {poor}; {counted}.",
            "{name} of {n} pages: median {median} ({verdict}), worst {worst}; good up to "
            "{good}, poor above {poor}; {counted}.",
            name=t(name),
            median=fmt(median),
            verdict=verdict,
            worst=fmt(max(values)),
            good=fmt(good),
            poor=fmt(poor),
            counted=counted,
        ),
    }


def _template_scores(data: ReportData) -> dict[str, dict[str, Any]]:
    """performance.web-vitals' details by template: score, share, pages found."""
    check = data.check(VITALS_CHECK) or {}
    out = {}
    for row in as_list(as_dict(check.get("details")).get("templates")):
        row = as_dict(row)
        if isinstance(row.get("template"), str):
            out[row["template"]] = row
    return out


def _templates(data: ReportData, timed: list[dict], bands: Mapping) -> list[dict[str, Any]]:
    """One card per template, the slowest (by median LCP, else score) first."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for page in timed:
        template = page.get("template") if isinstance(page.get("template"), str) else ""
        groups[template].append(page)
    scores = _template_scores(data)
    cards = []
    for number, (template, members) in enumerate(sorted(groups.items()), start=1):
        rows = [
            row
            for key, short, name, fmt in METRICS
            if (row := _metric_row(key, short, name, fmt, members, bands))
        ]
        details = scores.get(template, {})
        score = score_value(details.get("score"))
        loads = [n for p in members if (n := int_or_none(_metric_dict(p).get("timed_loads")))]
        lcp = [v for p in members if (v := _metric(p, "lcp_ms")) is not None]
        cards.append(
            {
                "name": clip(template, MAX_SHORT) or t("(no template)"),
                "id": f"perf-t{number}",
                "pages": len(members),
                "found": fmt_int(details.get("pages_found")) if details else None,
                "score": score,
                "band": band(score),
                "loads": sum(loads),
                "rows": rows,
                "sort": (score if score is not None else 101, -(max(lcp) if lcp else 0)),
            }
        )
    cards.sort(key=lambda c: c["sort"])
    return cards[:MAX_TEMPLATES]


def _metric_dict(page: Mapping[str, Any]) -> dict[str, Any]:
    return as_dict(page.get("metrics"))


def _page_scores(data: ReportData) -> dict[str, float]:
    """{page path: performance score} from the web-vitals details."""
    out: dict[str, float] = {}
    for row in _template_scores(data).values():
        for path, score in as_dict(row.get("pages")).items():
            if is_number(score):
                out[str(path)] = float(score)
    return out


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(clip(v, MAX_SHORT * 2) for v in value[:5] if isinstance(v, str))
    return clip(value, MAX_CAUSE_TEXT)


def _vitals_causes(ev: Mapping[str, Any]) -> list[dict[str, str]]:
    """What a web-vitals finding's evidence says caused its figure."""
    causes = []
    if ev.get("lcp_element"):
        causes.append({"label": "LCP element", "text": _text(ev["lcp_element"])})
    if ev.get("lcp_resource"):
        text = _text(ev["lcp_resource"])
        span = as_list(ev.get("lcp_resource_ms"))
        if len(span) == 2 and all(is_number(v) for v in span):
            text += " " + t(
                "(requested at {start}, arrived after {took})",
                start=fmt_ms(span[0]),
                took=fmt_ms(span[1] - span[0]),
            )
        causes.append({"label": "LCP resource", "text": text})
    if is_number(ev.get("long_tasks")):
        longest = ev.get("longest_task_ms")
        text = f"{fmt_int(ev['long_tasks'])}"
        if is_number(longest):
            text += ", " + t("the longest {value}", value=fmt_ms(longest))
        causes.append({"label": "Long tasks", "text": text})
    if ev.get("scripts"):
        causes.append({"label": "Scripts behind them", "text": _text(ev["scripts"])})
    tasks = _blocking_tasks(ev.get("blocking_tasks"))
    if tasks:
        causes.append({"label": "Blocking tasks", "text": tasks})
    window = as_list(ev.get("tbt_window_ms"))
    if len(window) == 2 and all(is_number(v) for v in window):
        text = t(
            "from the first paint at {start} to interactive at {end}",
            start=fmt_ms(window[0]),
            end=fmt_ms(window[1]),
        )
        causes.append({"label": "Counted", "text": text})
    if ev.get("shifted"):
        causes.append({"label": "Elements that moved", "text": _text(ev["shifted"])})
    if ev.get("render_blocking"):
        causes.append({"label": "Render-blocking", "text": _text(ev["render_blocking"])})
    if ev.get("clicked"):
        causes.append({"label": "Clicked", "text": _text(ev["clicked"])})
    return causes


def _blocking_tasks(value: Any) -> str:
    """The long tasks TBT counted (newer web-vitals evidence): when, how long, how much
    of it blocked input, and the scripts that ran in it."""
    parts = []
    for task in as_list(value)[:MAX_TASKS]:
        task = as_dict(task)
        start, duration = task.get("start_ms"), task.get("duration_ms")
        if not (is_number(start) and is_number(duration)):
            continue
        text = t("at {start} for {took}", start=fmt_ms(start), took=fmt_ms(duration))
        if is_number(task.get("blocking_ms")):
            text += " (" + t("{value} blocking", value=fmt_ms(task["blocking_ms"])) + ")"
        scripts = [
            clip(s, MAX_SHORT * 2) for s in as_list(task.get("scripts"))[:3] if isinstance(s, str)
        ]
        if scripts:
            text += ": " + ", ".join(scripts)
        parts.append(text)
    return clip("; ".join(parts), MAX_CAUSE_TEXT * 2)


def _weight_causes(ev: Mapping[str, Any]) -> list[dict[str, str]]:
    """What a page-weight finding's evidence says made the page heavy."""
    causes = []
    if ev.get("heaviest"):
        causes.append({"label": "Heaviest resources", "text": _text(ev["heaviest"])})
    by_type = as_dict(ev.get("by_type"))
    if by_type:
        parts = [f"{clip(k, 20)} {clip(v, 20)}" for k, v in list(by_type.items())[:6]]
        causes.append({"label": "By type", "text": ", ".join(parts)})
    return causes


def _causes_by_page(data: ReportData) -> dict[str, list[dict[str, str]]]:
    """{page URL: causes}: the findings describe the cause on their first page."""
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for finding in data.findings:
        url, check = finding.get("url"), finding.get("check")
        if not isinstance(url, str) or check not in (VITALS_CHECK, WEIGHT_CHECK):
            continue
        ev = as_dict(finding.get("evidence"))
        found = _vitals_causes(ev) if check == VITALS_CHECK else _weight_causes(ev)
        metric = next((m for m in METRICS if m[0] == ev.get("metric")), None)
        for cause in found:
            if metric:
                cause = {**cause, "label": f"{metric[1]}: {t(cause['label'])}"}
            else:
                cause = {**cause, "label": t(cause["label"])}
            if cause not in out[url]:
                out[url].append(cause)
    return out


def _refs_by_page(data: ReportData) -> dict[str, list[dict[str, Any]]]:
    """{page URL: the performance findings naming it}, linked to Top problems."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for number, finding in enumerate(data.findings, start=1):
        if finding.get("category") != "performance":
            continue
        urls = [
            u for u in [finding.get("url"), *as_list(finding.get("urls"))] if isinstance(u, str)
        ]
        for url in dict.fromkeys(urls):
            out[url].append(data.ref(number))
    return out


def _slowest(data: ReportData, timed: list[dict], bands: Mapping) -> list[dict[str, Any]]:
    """The pages with the lowest performance score (or, without one, the longest LCP),
    each with its figures and the causes the findings recorded for it: every page with a
    figure that is not good (up to ``MAX_SLOWEST``), and at least ``MIN_SLOWEST``."""
    scores = _page_scores(data)
    causes = _causes_by_page(data)
    refs = _refs_by_page(data)

    def order(page: dict) -> tuple:
        score = scores.get(_path(page.get("url")))
        lcp = _metric(page, "lcp_ms") or 0
        return (score if score is not None else 101, -lcp)

    rows = []
    for page in sorted(timed, key=order):
        url = page.get("url")
        score = score_value(scores.get(_path(url)))
        figures = []
        for key, short, _name, fmt in METRICS:
            value = _metric(page, key)
            if value is not None:
                figures.append(
                    {"short": short, "value": fmt(value), "rate": _rate(key, value, bands)}
                )
        slow = any(f["rate"] in ("average", "poor") for f in figures) or band(score) != "good"
        if len(rows) >= MAX_SLOWEST or (not slow and len(rows) >= MIN_SLOWEST):
            break
        own = causes.get(url, []) if isinstance(url, str) else []
        rows.append(
            {
                "url": url_view(url, data.origin),
                "title": clip(page.get("title"), MAX_TITLE),
                "template": clip(page.get("template"), MAX_SHORT),
                "score": score,
                "band": band(score),
                "figures": figures,
                "loads": fmt_int(_metric_dict(page).get("timed_loads")),
                "size": fmt_bytes(_metric(page, "transfer_bytes")),
                "requests": fmt_int(_metric(page, "requests")),
                "causes": own[:MAX_CAUSES],
                "findings": refs.get(url, [])[:MAX_CAUSES] if isinstance(url, str) else [],
            }
        )
    return rows


def _resources(data: ReportData) -> list[dict[str, Any]]:
    """The resources the performance findings name (oversized images, blocking or
    uncompressed files, missing caching), the most widespread first."""
    rows = []
    for finding in data.findings:
        if finding.get("category") != "performance":
            continue
        ev = as_dict(finding.get("evidence"))
        if not isinstance(ev.get("resource"), str):
            continue
        facts = []
        for key, label in (("bytes", "size"), ("wasted_bytes", "wasted"), ("took_ms", "took")):
            value = ev.get(key)
            if is_number(value):
                facts.append(
                    f"{t(label)} {fmt_ms(value) if key.endswith('_ms') else fmt_bytes(value)}"
                )
        pages = len([u for u in as_list(finding.get("urls")) if isinstance(u, str)])
        rows.append(
            {
                "resource": clip(ev["resource"], MAX_EVIDENCE_VALUE),
                "problem": clip(finding_text(finding, "title"), MAX_TITLE),
                "severity": finding.get("severity"),
                "facts": ", ".join(facts),
                "pages": pages or 1,
            }
        )
    rows.sort(key=lambda r: -r["pages"])
    return rows[:MAX_RESOURCES]


def _conditions(results: Mapping[str, Any]) -> str:
    """The throttling the timing loads ran under, from the settings used, in words.
    Only the mobile profile is throttled; the desktop profile runs at full speed."""
    if results.get("profile") != "mobile":
        return ""
    measurement = as_dict(as_dict(results.get("settings")).get("measurement"))
    parts = []
    if is_number(measurement.get("cpu_slowdown")) and measurement["cpu_slowdown"] > 1:
        parts.append(t("CPU slowed {n}×", n=fmt_number(measurement["cpu_slowdown"])))
    if is_number(measurement.get("rtt_ms")) and measurement["rtt_ms"] > 0:
        parts.append(t("{value} round trip", value=fmt_ms(measurement["rtt_ms"])))
    if is_number(measurement.get("download_kbps")) and measurement["download_kbps"] > 0:
        parts.append(t("{n} Mbit/s down", n=fmt_number(measurement["download_kbps"] / 1000)))
    return ", ".join(parts)


def _range(values: list[int]) -> str | None:
    """ "3" or "1–3": how many timed loads a page had."""
    if not values:
        return None
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}–{high}"


def performance_view(data: ReportData) -> dict[str, Any] | None:
    """The section, or None when no page has a timing (the timing checks did not run)."""
    timed = _timed(data.pages)
    if not timed:
        return None
    bands = _bands(data)
    loads = [n for p in timed if (n := int_or_none(_metric_dict(p).get("timed_loads")))]
    check = data.check(VITALS_CHECK) or {}
    return {
        "profile": t(data.profile or "desktop"),
        "conditions": _conditions(data.results),
        "pages": len(timed),
        "pages_total": len(data.pages),
        "timed_pages": len(loads),
        "timed_loads": sum(loads),
        "loads_per_page": _range(loads),
        "score": score_value(check.get("score")),
        "summary": _summary(timed, bands),
        "bands": [
            {"short": short, "good": fmt(bands[key][0]), "poor": fmt(bands[key][1])}
            for key, short, _n, fmt in METRICS
        ],
        "templates": _templates(data, timed, bands),
        "slowest": _slowest(data, timed, bands),
        "resources": _resources(data),
    }
