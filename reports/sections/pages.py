"""The "Pages" section: every audited page, grouped by template, with its figures.

Why grouped by template: a shop of 400 pages is a dozen templates; the owner fixes a
template, not a page, and a long flat table is unreadable. Each template is a
``<details>`` element, so the list opens and closes without scripts (the report runs
none) and prints open.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from ..common import (
    MAX_PAGE_ROWS,
    MAX_SHORT,
    MAX_TITLE,
    SEVERITIES,
    as_dict,
    as_list,
    clip,
    fmt_bytes,
    fmt_cls,
    fmt_int,
    fmt_ms,
    int_or_none,
    is_number,
    page_failed,
    rate,
    url_view,
)
from ..i18n import t
from .data import ReportData

__all__ = ["count", "page_kinds", "page_row", "pages_view"]

MAX_OPEN_TEMPLATE = 30  # a template with more pages starts closed
MAX_KINDS = 4


def page_kinds(page: Mapping[str, Any]) -> str:
    """What the page is for a customer: its ``kinds`` list where the record has one (a
    page can be a product and a search result), else its ``kind``."""
    kinds = [k for k in as_list(page.get("kinds")) if isinstance(k, str) and k]
    if kinds:
        return ", ".join(clip(k, MAX_SHORT) for k in kinds[:MAX_KINDS])
    return clip(page.get("kind"), MAX_SHORT)


def _finding_index(data: ReportData) -> dict[str, list[tuple[int, str]]]:
    """{page URL: [(finding number, severity)]}: the findings that name each page, worst
    first (the numbers are the anchors of the Top problems section, 1-based), without
    those counted with a primary finding (the same defect, counted once)."""
    index: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number in data.top:
        finding = data.findings[number - 1]
        urls = {u for u in as_list(finding.get("urls")) if isinstance(u, str)}
        if isinstance(finding.get("url"), str):
            urls.add(finding["url"])
        for url in urls:
            index[url].append((number, str(finding.get("severity"))))
    return index


def _findings_cell(page: Mapping[str, Any], index: Mapping[str, list], data: ReportData) -> dict:
    """How many findings name the page, by severity, and the anchor of the worst one."""
    hits: dict[int, str] = {}
    for key in ("url", "final_url"):
        if isinstance(page.get(key), str):
            hits.update(index.get(page[key], []))
    if not hits:
        return {"total": 0, "anchor": None, "worst": None}
    worst = min(hits)  # findings are numbered worst first
    return {
        "total": len(hits),
        "anchor": data.anchor(worst),
        "worst": hits[worst] if hits[worst] in SEVERITIES else None,
    }


def page_row(
    page: Mapping[str, Any], data: ReportData, index: Mapping[str, list]
) -> dict[str, Any]:
    """One page as a table row: address, status, depth, kind, figures, findings."""
    metrics = as_dict(page.get("metrics"))
    error = page.get("error") if isinstance(page.get("error"), dict) else None
    status = int_or_none(page.get("status"))
    depth = int_or_none(page.get("depth"))
    return {
        "url": url_view(page.get("url"), data.origin),
        "title": clip(page.get("title"), MAX_TITLE),
        "status": str(status) if status is not None else "–",
        "status_class": "bad"
        if status is None or status >= 400
        else ("warn" if status >= 300 else "ok"),
        "failed": page_failed(page),
        "depth": str(depth) if depth is not None else "–",
        "kind": page_kinds(page),
        "redirects": len(as_list(page.get("redirects"))),
        "error": {
            "code": clip(error.get("code"), MAX_SHORT),
            "message": clip(error.get("message"), 300),
        }
        if error
        else None,
        "lcp": fmt_ms(metrics.get("lcp_ms")),
        "lcp_rate": rate("lcp_ms", metrics.get("lcp_ms")),
        "cls": fmt_cls(metrics.get("cls")),
        "cls_rate": rate("cls", metrics.get("cls")),
        "tbt": fmt_ms(metrics.get("tbt_ms")),
        "tbt_rate": rate("tbt_ms", metrics.get("tbt_ms")),
        "ttfb": fmt_ms(metrics.get("ttfb_ms")),
        "ttfb_rate": rate("ttfb_ms", metrics.get("ttfb_ms")),
        "load": fmt_ms(metrics.get("load_ms")),
        "bytes": fmt_bytes(metrics.get("transfer_bytes")),
        "requests": fmt_int(metrics.get("requests")),
        "findings": _findings_cell(page, index, data),
    }


def _order(page: Mapping[str, Any]) -> tuple[bool, int]:
    """Failing pages first, then by click depth (unknown depth last)."""
    depth = int_or_none(page.get("depth"))
    return (not page_failed(page), depth if depth is not None else 1 << 30)


def _median_lcp(pages: list[dict[str, Any]]) -> str | None:
    values = [
        as_dict(p.get("metrics")).get("lcp_ms")
        for p in pages
        if is_number(as_dict(p.get("metrics")).get("lcp_ms"))
    ]
    return fmt_ms(statistics.median(values)) if values else None


def pages_view(data: ReportData) -> dict[str, Any] | None:
    """The pages by template, biggest template first; None when no page was audited.

    At most ``MAX_PAGE_ROWS`` rows in all (a template keeps at least one), the rest
    counted, so a 5,000-page audit still gives a file a browser opens.
    """
    if not data.pages:
        return None
    index = _finding_index(data)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for page in data.pages:
        groups[clip(page.get("template"), MAX_SHORT) or t("(no template)")].append(page)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    budget = max(MAX_PAGE_ROWS, len(ordered))
    views = []
    for number, (name, members) in enumerate(ordered, start=1):
        members = sorted(members, key=_order)
        take = max(1, min(len(members), budget - (len(ordered) - number)))
        budget -= take
        rows = [page_row(p, data, index) for p in members[:take]]
        views.append(
            {
                "name": name,
                "anchor": f"pages-t{number}",
                "total": len(members),
                "failed": sum(1 for p in members if page_failed(p)),
                "median_lcp": _median_lcp(members),
                "findings": sum(1 for r in rows if r["findings"]["total"]),
                "open": len(members) <= MAX_OPEN_TEMPLATE,
                "rows": rows,
                "more": len(members) - len(rows),
            }
        )
    return {
        "total": len(data.pages),
        "failed": sum(1 for p in data.pages if page_failed(p)),
        "templates": views,
    }


def count(view: dict[str, Any]) -> tuple[int, bool]:
    """The menu badge: how many pages."""
    return view["total"], False
