"""The "Problems the audit met" and "Crawl summary" sections: errors, checks that did not
run, failed pages, the crawl's figures and the settings used."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..common import (
    MAX_ERROR_ROWS,
    MAX_EVIDENCE_VALUE,
    MAX_MESSAGE,
    MAX_SETTINGS_ROWS,
    MAX_SHORT,
    MAX_TITLE,
    as_dict,
    as_list,
    band,
    category_label,
    clip,
    coverage_rows,
    fmt_duration,
    fmt_int,
    fmt_number,
    is_number,
    score_value,
    url_view,
)
from ..i18n import check_title, t
from .data import ReportData


def error_views(results: Mapping[str, Any], origin: str | None) -> list[dict[str, Any]]:
    rows = []
    for err in as_list(results.get("errors"))[:MAX_ERROR_ROWS]:
        if not isinstance(err, dict):
            continue
        url = err.get("url") if isinstance(err.get("url"), str) else None
        rows.append(
            {
                "code": clip(err.get("code"), MAX_SHORT),
                "message": clip(err.get("message"), MAX_MESSAGE),
                "check": clip(err.get("check"), MAX_SHORT) if err.get("check") else "",
                "url": url_view(url, origin) if url else None,
            }
        )
    return rows


def check_views(results: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for check in as_list(results.get("checks")):
        if not isinstance(check, dict):
            continue
        status = check.get("status")
        score = score_value(check.get("score"))
        rows.append(
            {
                "id": clip(check.get("id"), MAX_SHORT),
                "title": clip(check_title(check), MAX_TITLE),
                "category": category_label(check.get("category")),
                "status": status if status in ("ran", "disabled", "error") else "unknown",
                "status_label": t(
                    {"ran": "Ran", "disabled": "Disabled", "error": "Error"}.get(
                        status, clip(status, MAX_SHORT) or "Unknown"
                    )
                ),
                "reason": clip(check.get("reason"), MAX_MESSAGE),
                "score": score,
                "band": band(score),
                "findings": fmt_int(check.get("findings")),
            }
        )
    order = {"error": 0, "disabled": 1, "unknown": 2, "ran": 3}
    rows.sort(key=lambda r: order[r["status"]])
    return rows


def _flatten(prefix: str, value: Any, out: list[tuple[str, Any]]) -> None:
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), sub, out)
    else:
        out.append((prefix, value))


def settings_rows(settings: Any) -> tuple[list[dict[str, str]], int]:
    flat: list[tuple[str, Any]] = []
    if as_dict(settings):
        _flatten("", settings, flat)
    rows = []
    for key, value in flat[:MAX_SETTINGS_ROWS]:
        if isinstance(value, str):
            text = value
        else:
            text = json.dumps(value, ensure_ascii=False, default=str)
        rows.append({"key": clip(key, MAX_SHORT), "value": clip(text, MAX_EVIDENCE_VALUE)})
    return rows, max(len(flat) - MAX_SETTINGS_ROWS, 0)


_OPTIONAL_STATS = frozenset({"urls_mapped", "urls_in_link_graph"})


def coverage_text(stats: Mapping[str, Any]) -> str | None:
    """Which figures cover the whole shop and which the rendered sample: a reader must
    know that a click depth covers 20,000 pages while a load time covers 300."""
    graph, mapped = stats.get("urls_in_link_graph"), stats.get("urls_mapped")
    rendered = stats.get("pages_crawled")
    if not (is_number(graph) and is_number(mapped) and is_number(rendered)):
        return None
    return t(
        "Click depth, orphans, late listing pages and broken links are judged on the "
        "whole link graph: {graph} addresses reached by links ({rendered} "
        "pages rendered in the browser, {mapped} more read over HTTP, the rest "
        "files or addresses the audit may not load). Every other "
        "figure (speed, forms, search, accessibility) covers the {rendered} "
        "rendered pages, a sample of each kind of page.",
        graph=fmt_int(graph),
        rendered=fmt_int(rendered),
        mapped=fmt_int(mapped),
    )


def stage_rows(stats: Mapping[str, Any], key: str = "stages") -> list[dict[str, str]]:
    """Seconds per stage, slowest first: what each part of the audit cost (``key``
    ``stage_detail``: what each check's gatherers and site step cost, overlapping)."""
    stages = as_dict(stats.get(key))
    rows = [(k, v) for k, v in stages.items() if is_number(v)]
    rows.sort(key=lambda kv: -kv[1])
    return [{"name": clip(k, MAX_SHORT), "seconds": fmt_number(v)} for k, v in rows[:40]]


def stats_tiles(stats: Mapping[str, Any]) -> list[dict[str, str]]:
    spec = [
        ("pages_crawled", "Pages crawled", fmt_int, ""),
        ("pages_failed", "Pages failed", fmt_int, "bad"),
        ("urls_discovered", "URLs discovered", fmt_int, ""),
        ("skipped_robots", "Skipped by robots.txt", fmt_int, ""),
        ("skipped_sampled", "Skipped by sampling", fmt_int, ""),
        ("urls_mapped", "Read over HTTP (link map)", fmt_int, ""),
        ("urls_in_link_graph", "Pages in the link graph", fmt_int, ""),
        ("skipped_scope", "Outside the scope", fmt_int, ""),
        ("duration_s", "Duration", fmt_duration, ""),
        ("pages_per_minute", "Pages per minute", fmt_number, ""),
    ]
    tiles = []
    for key, label, fmt, tone in spec:
        if key not in stats and key in _OPTIONAL_STATS:
            continue
        value = stats.get(key)
        tiles.append(
            {
                "label": t(label),
                "value": fmt(value),
                "tone": tone if tone and is_number(value) and value > 0 else "",
            }
        )
    return tiles


def _failed_pages(data: ReportData) -> list[dict[str, Any]]:
    rows = []
    for page in data.pages:
        error = page.get("error")
        if not isinstance(error, dict):
            continue
        rows.append(
            {
                "url": url_view(page.get("url"), data.origin),
                "code": clip(error.get("code"), MAX_SHORT),
                "message": clip(error.get("message"), MAX_MESSAGE),
            }
        )
    return rows[:MAX_ERROR_ROWS]


def audit_view(data: ReportData) -> dict[str, Any]:
    """Always shown: "the audit ran cleanly" is worth saying, and a gap is worth more."""
    checks = check_views(data.results)
    return {
        "errors": error_views(data.results, data.origin),
        "errors_total": len(as_list(data.results.get("errors"))),
        "failed_pages": _failed_pages(data),
        "checks_not_run": [c for c in checks if c["status"] != "ran"],
    }


def count(view: dict[str, Any]) -> tuple[int, bool] | None:
    """The menu badge: every problem the audit met, as a warning; none when clean."""
    total = view["errors_total"] + len(view["failed_pages"]) + len(view["checks_not_run"])
    return (total, True) if total else None


def crawl_view(data: ReportData) -> dict[str, Any]:
    """Always shown: the crawl's figures, every check and the settings used."""
    settings, settings_more = settings_rows(data.results.get("settings"))
    return {
        "stats": stats_tiles(as_dict(data.results.get("stats"))),
        "coverage": coverage_text(as_dict(data.results.get("stats"))),
        "stages": stage_rows(as_dict(data.results.get("stats"))),
        "stage_detail": stage_rows(as_dict(data.results.get("stats")), "stage_detail"),
        "checks": check_views(data.results),
        "judged": coverage_rows(data.results),
        "settings": settings,
        "settings_more": settings_more,
    }
