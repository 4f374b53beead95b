"""The site structure section: click depth chart, the tree of sections, deepest pages."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from ..common import (
    ELLIPSIS,
    MAX_DEPTH_BUCKET,
    MAX_SHORT,
    MAX_TITLE,
    as_dict,
    as_list,
    clip,
    int_or_none,
    plural,
    url_view,
)
from ..i18n import t
from .data import ReportData

# --------------------------------------------------------------------------- pages


def _nice_step(maximum: int) -> int:
    for base in (1, 2, 5, 10, 20, 25, 50):
        for power in range(0, 7):
            step = base * 10**power
            if maximum / step <= 5:
                return step
    return max(maximum // 5, 1)


def depth_chart(pages: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not pages:
        return None
    counts: Counter[str] = Counter()
    known: list[int] = []
    for page in pages:
        depth = int_or_none(page.get("depth"))
        if depth is None or depth < 0:
            counts["?"] += 1
        else:
            known.append(depth)
            counts[str(depth) if depth < MAX_DEPTH_BUCKET else f"{MAX_DEPTH_BUCKET}+"] += 1
    top = min(max(known), MAX_DEPTH_BUCKET) if known else -1
    labels = [str(d) for d in range(top + 1)]
    if top == MAX_DEPTH_BUCKET:
        labels[-1] = f"{MAX_DEPTH_BUCKET}+"
    if counts["?"]:
        labels.append("?")
    width, height = 640, 260
    left, right, top_pad, bottom = 48, 16, 28, 52
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    peak = max(counts[label] for label in labels)
    step = _nice_step(peak)
    y_max = max(step * math.ceil(peak / step), 1)
    slot = plot_w / len(labels)
    bar_w = min(slot * 0.68, 64)
    bars = []
    for i, label in enumerate(labels):
        count = counts[label]
        h = plot_h * count / y_max
        x = left + slot * i + (slot - bar_w) / 2
        bars.append(
            {
                "label": label,
                "count": count,
                "x": round(x, 2),
                "y": round(top_pad + plot_h - h, 2),
                "w": round(bar_w, 2),
                "h": round(h, 2),
                "cx": round(x + bar_w / 2, 2),
            }
        )
    ticks = [
        {"value": v, "y": round(top_pad + plot_h - plot_h * v / y_max, 2)}
        for v in range(0, y_max + 1, step)
    ]
    description = ", ".join(
        t("depth {depth}:", depth=b["label"]) + " " + plural(b["count"], "page")
        for b in bars
        if b["count"]
    )
    summary = None
    if known:
        summary = {
            "median": statistics.median_low(known),
            "max": max(known),
            "deep": sum(1 for d in known if d > 3),
            "total": len(known),
        }
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "base": top_pad + plot_h,
        "axis_y": height - 12,
        "bars": bars,
        "ticks": ticks,
        "description": description,
        "summary": summary,
    }


# --------------------------------------------------------------------------- site tree

CLICK_DEPTH_CHECK = "navigation.click-depth"
MAX_TREE_NODES = 40  # sections and sub-sections shown in the tree, together
MAX_TREE_CHILDREN = 12  # sub-sections shown under one section
MAX_OPEN_SECTION = 50  # a section with more pages starts collapsed
MAX_DEEPEST = 10
MAX_PATH_STEPS = 12  # a longer click path keeps its start and end
MAX_PATH_STEP = 60


def _depth(value: Any) -> int | None:
    depth = int_or_none(value)
    return depth if depth is not None and depth >= 0 else None


def _click_path(value: Any) -> str:
    """The link texts of a click path joined by arrows; a very long path loses its middle.

    The start (how the visitor enters) and the end (where the page hangs) say where a
    shortcut belongs; the middle of a 30-click path only makes the row unreadable.
    """
    steps = [
        clip(" ".join(step.split()), MAX_PATH_STEP) or t("(no text)")
        for step in as_list(value)
        if isinstance(step, str)
    ]
    if len(steps) > MAX_PATH_STEPS:
        head = MAX_PATH_STEPS // 2
        steps = [*steps[:head], ELLIPSIS, *steps[head + 1 - MAX_PATH_STEPS :]]
    return " → ".join(steps)


def click_depth_marks(findings: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The pages the click-depth check found too deep, by URL.

    The check owns the judgement (its limit may depend on the kind of page), so the report
    marks exactly the pages it flagged rather than applying a limit of its own. A finding
    names its page in ``url``, with depth, limit, kind and click path in its evidence; other
    pages in ``urls`` are marked too, but the evidence describes only the first. The generic
    ``value``/``threshold`` evidence keys are read when ``depth``/``limit`` are missing.
    """
    marks: dict[str, dict[str, Any]] = {}
    for finding in findings:
        if finding.get("check") != CLICK_DEPTH_CHECK:
            continue
        ev = as_dict(finding.get("evidence"))
        limit = _depth(ev.get("limit", ev.get("threshold")))
        first = finding.get("url")
        for url in [first, *as_list(finding.get("urls"))]:
            own = url == first
            if not isinstance(url, str) or not url or (url in marks and not own):
                continue
            marks[url] = {
                "depth": _depth(ev.get("depth", ev.get("value"))) if own else None,
                "limit": limit,
                "kind": clip(ev.get("kind"), MAX_SHORT) if own else "",
                "path": _click_path(ev.get("path")) if own else "",
            }
    return marks


@dataclass
class _Node:
    """Counts of one section of the tree: pages, depth range and pages too deep."""

    pages: int = 0
    low: int | None = None
    high: int | None = None
    deep: int = 0
    nested: bool = False  # some page lies below it, so it is a section, not a single page
    children: dict[str, _Node] = field(default_factory=dict)

    def add(self, depth: int | None, deep: bool) -> None:
        self.pages += 1
        self.deep += deep
        if depth is not None:
            self.low = depth if self.low is None else min(self.low, depth)
            self.high = depth if self.high is None else max(self.high, depth)


def _segments(url: Any) -> list[str]:
    try:
        path = urlsplit(url).path if isinstance(url, str) else ""
    except ValueError:
        path = ""
    return [clip(unquote(part), MAX_SHORT) for part in path.split("/") if part]


def _ranked(nodes: Mapping[str, _Node]) -> list[tuple[str, _Node]]:
    return sorted(nodes.items(), key=lambda item: (-item[1].pages, item[0]))


def _node_view(label: str, node: _Node) -> dict[str, Any]:
    if node.low is None:
        depths = "–"
    elif node.low == node.high:
        depths = str(node.low)
    else:
        depths = f"{node.low}–{node.high}"
    return {"label": label, "pages": node.pages, "depths": depths, "deep": node.deep}


def site_tree(pages: list[dict[str, Any]], marks: Mapping[str, Any]) -> dict[str, Any] | None:
    """The shop's main sections as a two-level tree, for the "Site structure" section.

    Pages are grouped by the first segment of their path (``/category``), and by the second
    (``/category/shoes``) only where pages lie below it: a product's own slug is a page, not
    a section, and a shop of 5,000 products must not become 5,000 nodes. The root counts the
    whole site. Flagged URLs that were not rendered (templates are sampled) still count,
    with the depth the check reported. At most ``MAX_TREE_NODES`` nodes are shown, the
    biggest sections first.
    """
    records: list[tuple[list[str], int | None, bool]] = []
    seen: set[str] = set()
    for page in pages:
        urls = {u for u in (page.get("url"), page.get("final_url")) if isinstance(u, str)}
        seen |= urls
        deep = any(u in marks for u in urls)
        records.append((_segments(page.get("url")), _depth(page.get("depth")), deep))
    for url, mark in marks.items():
        if url not in seen:
            records.append((_segments(url), mark["depth"], True))
    if not records:
        return None
    root = _Node()
    for segments, depth, deep in records:
        root.add(depth, deep)
        if segments:
            section = root.children.setdefault(segments[0], _Node())
            section.add(depth, deep)
            if len(segments) > 1:
                sub = section.children.setdefault(segments[1], _Node())
                sub.add(depth, deep)
                sub.nested |= len(segments) > 2
    sections = _ranked(root.children)
    shown, rest = sections[:MAX_TREE_NODES], sections[MAX_TREE_NODES:]
    budget = MAX_TREE_NODES - len(shown)
    views = []
    for name, node in shown:
        subs = _ranked({k: v for k, v in node.children.items() if v.nested})
        take = min(len(subs), MAX_TREE_CHILDREN, budget)
        budget -= take
        view = _node_view(f"/{name}", node)
        view["children"] = [_node_view(f"/{name}/{k}", v) for k, v in subs[:take]]
        view["children_more"] = len(subs) - take
        view["open"] = node.pages <= MAX_OPEN_SECTION
        views.append(view)
    return {
        "root": _node_view("/", root),
        "sections": views,
        "sections_more": len(rest),
        "sections_more_pages": sum(node.pages for _, node in rest),
    }


def deepest_pages(
    pages: list[dict[str, Any]], marks: Mapping[str, dict[str, Any]], origin: str | None
) -> dict[str, Any] | None:
    """Up to ``MAX_DEEPEST`` pages furthest from the start page, deepest first.

    When the click-depth check flagged pages, these are listed with its limit and the click
    path, which shows the owner where a shortcut link would help. Without such findings the
    pages of the largest known depth are listed, so the report still shows where the
    structure is deepest.
    """
    by_url: dict[str, dict[str, Any]] = {}
    for page in pages:
        for key in ("url", "final_url"):
            if isinstance(page.get(key), str):
                by_url.setdefault(page[key], page)
    rows: list[tuple[Any, int | None, dict[str, Any] | None]]
    if marks:
        rows = []
        for url, mark in marks.items():
            depth = mark["depth"]
            if depth is None:  # the finding did not say; the crawl may know
                depth = _depth(by_url.get(url, {}).get("depth"))
            rows.append((url, depth, mark))
    else:
        rows = [(p.get("url"), _depth(p.get("depth")), None) for p in pages]
        rows = [row for row in rows if row[1] is not None]
    if not rows:
        return None
    rows.sort(key=lambda row: -1 if row[1] is None else -row[1])
    items = []
    for url, depth, mark in rows[:MAX_DEEPEST]:
        mark = mark or {}
        limit = mark.get("limit")
        items.append(
            {
                "url": url_view(url, origin),
                "title": clip(by_url.get(url, {}).get("title"), MAX_TITLE)
                if isinstance(url, str)
                else "",
                "depth": "–" if depth is None else str(depth),
                "limit": "–" if limit is None else str(limit),
                "kind": mark.get("kind", ""),
                "path": mark.get("path", ""),
            }
        )
    return {"flagged": bool(marks), "rows": items, "more": len(rows) - len(items)}


def structure_view(data: ReportData) -> dict[str, Any]:
    """Always shown ("no pages were audited" when empty): the depth chart, the tree of the
    shop's sections and the deepest pages, with the click-depth check's marks."""
    marks = click_depth_marks(data.findings)
    return {
        "depth_chart": depth_chart(data.pages),
        "site_tree": site_tree(data.pages, marks),
        "deepest_pages": deepest_pages(data.pages, marks, data.origin),
        "pages_total": len(data.pages),
    }
