"""The "Search" section: the queries the audit sent and what came back, the tolerance
matrix, the zero-results page, the speed of the answers and the suggestions.

Why: a search that finds nothing for "Alpne Dome Tent" loses the customer who typed it;
the owner needs the queries themselves, side by side with their variants, to test and
fix the search engine.

From results.json: the search checks' details (``search.results``: recall over the
product queries; ``search.tolerance``: variants tried and failed; ``search.speed``:
median and number of searches; ``search.box``: where the field is) and the evidence of
their findings (the queries that failed, with their variants, counts, the pictures).
The checks record the queries that failed one by one and the others as totals, so a
cell the data does not decide says so instead of guessing.
"""

from __future__ import annotations

import re
from typing import Any

from ..common import (
    MAX_SHORT,
    MAX_TITLE,
    as_dict,
    as_list,
    clip,
    fmt_int,
    fmt_ms,
    int_or_none,
    is_number,
    url_view,
)
from ..i18n import finding_text, t, tn
from ..images import screenshot
from .charts import band_strip
from .data import ReportData

__all__ = ["TOLERANCE_COLUMNS", "search_view"]

#: the matrix's columns: (label, the variant kinds search.tolerance files under it)
TOLERANCE_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Misspelt", ("swap", "drop")),
    ("Plural / singular", ("plural", "singular")),
    ("Case", ("case",)),
    ("Umlaut", ("umlaut",)),
    ("Synonym", ("synonym",)),
    ("Product number", ("sku",)),
)
ALWAYS_SHOWN = ("Misspelt", "Plural / singular", "Case", "Umlaut")
SPEED_BANDS = (1000.0, 3000.0)  # search.speed's defaults, when its evidence gives none
MAX_QUERIES = 30
MAX_QUERY = 120
_PAIR = re.compile(r"^\s*“(?P<base>.*)”\s*→\s*“(?P<variant>.*)”\s*$")


def _search_findings(data: ReportData, check: str) -> list[tuple[int, dict]]:
    """(number, finding) of one search check, numbered as in Top problems."""
    return [(n, f) for n, f in enumerate(data.findings, start=1) if f.get("check") == check]


def _details(data: ReportData, check: str) -> dict[str, Any]:
    return as_dict((data.check(check) or {}).get("details"))


def _box(data: ReportData) -> dict[str, Any] | None:
    """Where the search field is and how it is named (search.box's details)."""
    d = _details(data, "search.box")
    if not d:
        return None
    return {
        "where": clip(d.get("where"), MAX_SHORT) or "–",
        "visible": d.get("visible") is True,
        "width": fmt_int(d.get("width_chars")),
        "name": clip(d.get("name"), MAX_TITLE),
        "name_source": clip(d.get("name_source"), MAX_SHORT),
        "landmark": d.get("role_search") is True,
        "url": url_view(d.get("page"), data.origin) if isinstance(d.get("page"), str) else None,
    }


def _query_flags(data: ReportData) -> dict[str, dict[str, Any]]:
    """Per query, what search.results' findings say of its results page: the product
    not found (with its rank and count), no count stated, query not repeated, box
    emptied. A query missing from a list that was cut at 10 is left undecided."""
    flags: dict[str, dict[str, Any]] = {}
    listed: dict[str, bool] = {}
    for _, f in _search_findings(data, "search.results"):
        ev = as_dict(f.get("evidence"))
        if isinstance(ev.get("query"), str) and "expected" in ev:
            q = flags.setdefault(ev["query"], {})
            q["rank"] = int_or_none(ev.get("rank"))
            q["shown"] = int_or_none(ev.get("shown"))
            q["not_found"] = True
        for flag in ("stated", "echoed", "kept"):
            if flag in ev and isinstance(ev.get("queries"), list):
                listed[flag] = len(ev["queries"]) < 10
                for query in ev["queries"]:
                    if isinstance(query, str):
                        flags.setdefault(query, {})[flag] = False
    for q in flags.values():
        for flag in ("stated", "echoed", "kept"):
            q.setdefault(flag, True if listed.get(flag, True) else None)
    # the searches search.results recorded (results.json's details.runs): every query with
    # its own figures, those that passed too; a finding's word stays where it has one
    for run in as_list(_details(data, "search.results").get("runs")):
        run = as_dict(run)
        query = run.get("query")
        if not isinstance(query, str) or not query:
            continue
        q = flags.setdefault(query, {})
        q.setdefault("rank", int_or_none(run.get("rank")))
        q.setdefault("shown", int_or_none(run.get("shown")))
        q.setdefault("zero", run.get("zero") is True)
        q.setdefault("recorded", True)
        for flag in ("stated", "echoed", "kept"):
            if q.get(flag) is None and isinstance(run.get(flag), bool):
                q[flag] = run[flag]
    return flags


def _tolerance(data: ReportData) -> dict[str, dict[str, list[str]]]:
    """{base query: {column: the variants that found nothing}} from search.tolerance's
    findings, the base queries in the order they appear."""
    matrix: dict[str, dict[str, list[str]]] = {}

    def add(base: str, column: str, variant: str) -> None:
        cell = matrix.setdefault(base, {}).setdefault(column, [])
        if variant not in cell:
            cell.append(variant)

    for run in as_list(_details(data, "search.tolerance").get("runs")):
        run = as_dict(run)  # every variant tried: a query whose variants all found is listed
        base, kind = run.get("base"), run.get("kind")
        if isinstance(base, str) and base:
            matrix.setdefault(base, {})
            column = next((label for label, kinds in TOLERANCE_COLUMNS if kind in kinds), None)
            if column and run.get("found") is False and isinstance(run.get("query"), str):
                add(base, column, run["query"])
    for _, f in _search_findings(data, "search.tolerance"):
        ev = as_dict(f.get("evidence"))
        kind = ev.get("kind")
        column = next((label for label, kinds in TOLERANCE_COLUMNS if kind in kinds), None)
        if column is None:
            continue
        if isinstance(ev.get("exact"), str) and isinstance(ev.get("query"), str):
            add(ev["exact"], column, ev["query"])
        for pair in as_list(ev.get("query_pairs")):
            match = _PAIR.match(pair) if isinstance(pair, str) else None
            if match:
                add(match["base"], column, match["variant"])
    return matrix


def _queries(data: ReportData) -> list[dict[str, Any]]:
    """One row per query the findings name: what came back, and its variants."""
    flags = _query_flags(data)
    matrix = _tolerance(data)
    order = [*matrix, *(q for q in flags if q not in matrix)]
    rows = []
    for query in order[:MAX_QUERIES]:
        f = flags.get(query, {})
        rank = f.get("rank")
        if f.get("not_found"):
            found = t("not among the first results") if rank is None else t("at place {n}", n=rank)
            found_tone = "poor"
        elif f.get("recorded") and f.get("zero"):
            found, found_tone = t("nothing found"), "poor"
        elif f.get("recorded") and rank is not None:
            found, found_tone = t("the product at place {n}", n=rank), "good"
        elif f.get("recorded") and f.get("shown") is not None:
            found, found_tone = tn(f["shown"], "{n} result", "{n} results"), "na"
        else:
            found, found_tone = t("found results"), "na"
        rows.append(
            {
                "query": clip(query, MAX_QUERY),
                "found": found,
                "found_tone": found_tone,
                "stated": f.get("stated"),
                "echoed": f.get("echoed"),
                "kept": f.get("kept"),
                "variants": [
                    {
                        "label": label,
                        "failed": [
                            clip(v, MAX_QUERY) for v in matrix.get(query, {}).get(label, [])
                        ],
                    }
                    for label, _ in TOLERANCE_COLUMNS
                ],
            }
        )
    return rows


def _columns(queries: list[dict[str, Any]]) -> list[str]:
    """The matrix's variant columns: misspelt, plural, case and umlaut always (the kinds
    every shop is tried on), synonym and product number where one failed."""
    failed = {v["label"] for q in queries for v in q["variants"] if v["failed"]}
    return [label for label, _ in TOLERANCE_COLUMNS if label in ALWAYS_SHOWN or label in failed]


def _speed(data: ReportData) -> dict[str, Any] | None:
    """The searches' answer times: median and slowest against search.speed's bands."""
    d = _details(data, "search.speed")
    found = _search_findings(data, "search.speed")
    ev = as_dict(found[0][1].get("evidence")) if found else {}
    median = ev.get("median_ms", d.get("median_ms"))
    if not is_number(median):
        return None
    slowest = ev.get("max_ms", d.get("max_ms"))
    times = [v for v in as_list(d.get("times_ms")) if is_number(v)]
    bands = as_list(ev.get("thresholds_ms"))
    good, poor = (
        (float(bands[0]), float(bands[1]))
        if len(bands) == 2 and all(is_number(b) for b in bands) and 0 < bands[0] < bands[1]
        else SPEED_BANDS
    )
    values = times or ([median] + ([slowest] if is_number(slowest) else []))
    rate = "good" if median <= good else ("average" if median <= poor else "poor")
    searches = int_or_none(ev.get("searches", d.get("searches")))
    return {
        "median": fmt_ms(median),
        "slowest": fmt_ms(slowest) if is_number(slowest) else None,
        "searches": searches,
        "rate": rate,
        "good": fmt_ms(good),
        "poor": fmt_ms(poor),
        "strip": band_strip(values, good, poor, median, fmt_ms),
        "description": (
            (
                t(
                    "Search answer time over {n} searches: median {median}",
                    n=searches,
                    median=fmt_ms(median),
                )
                if searches
                else t("Search answer time: median {median}", median=fmt_ms(median))
            )
            + (", " + t("slowest {value}", value=fmt_ms(slowest)) if is_number(slowest) else "")
            + "; "
            + t("good up to {good}, poor above {poor}.", good=fmt_ms(good), poor=fmt_ms(poor))
        ),
    }


def _zero(data: ReportData) -> dict[str, Any] | None:
    """The zero-results page: what it lacked, and its picture."""
    for _, f in _search_findings(data, "search.zero-results"):
        ev = as_dict(f.get("evidence"))
        return {
            "query": clip(ev.get("query"), MAX_QUERY),
            "missing": [t(clip(m, MAX_TITLE)) for m in as_list(ev.get("missing"))[:8]],
            "picture": screenshot(ev),
            "url": url_view(f.get("url"), data.origin),
        }
    if (data.check("search.zero-results") or {}).get("status") == "ran":
        return {"query": "", "missing": [], "picture": None, "url": None}
    return None


def _suggestions(data: ReportData) -> list[dict[str, Any]]:
    """What the suggestion probe saw after typing a few letters (search.suggestions)."""
    rows = []
    for _, f in _search_findings(data, "search.suggestions"):
        ev = as_dict(f.get("evidence"))
        rows.append(
            {
                "prefix": clip(ev.get("prefix"), MAX_SHORT),
                "title": clip(finding_text(f, "title"), MAX_TITLE),
                "count": fmt_int(ev.get("suggestions")) if "suggestions" in ev else None,
                "ms": fmt_ms(ev.get("ms")) if is_number(ev.get("ms")) else None,
                "picture": screenshot(ev),
            }
        )
    return rows


def _totals(data: ReportData) -> dict[str, Any]:
    results, tolerance = _details(data, "search.results"), _details(data, "search.tolerance")
    recall = results.get("recall")
    return {
        "queries": int_or_none(results.get("queries")),
        "found": int_or_none(results.get("found")),
        "recall": f"{recall:.0%}" if is_number(recall) else None,
        "variants": int_or_none(tolerance.get("variants")),
        "variants_failed": int_or_none(tolerance.get("failed")),
    }


def search_view(data: ReportData) -> dict[str, Any] | None:
    """The section, or None when no search check ran and none found anything."""
    if not data.ran("search") and not any(f.get("category") == "search" for f in data.findings):
        return None
    suggest_check = data.check("search.suggestions") or {}
    suggest_ran = suggest_check.get("status") == "ran" and (
        as_dict(suggest_check.get("details")).get("tested", True) is not False
    )
    queries = _queries(data)
    return {
        "box": _box(data),
        "totals": _totals(data),
        "queries": queries,
        "columns": _columns(queries),
        "speed": _speed(data),
        "zero": _zero(data),
        "suggestions": _suggestions(data),
        "suggestions_ran": suggest_ran,
    }
