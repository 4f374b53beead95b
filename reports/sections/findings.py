"""Finding cards: a finding of results.json as the report shows it, worst first."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..common import (
    MAX_EVIDENCE_ITEMS,
    MAX_EVIDENCE_ROWS,
    MAX_EVIDENCE_VALUE,
    MAX_FINDING_URLS,
    MAX_MESSAGE,
    MAX_RECOMMENDATION,
    MAX_SELECTOR,
    MAX_SHORT,
    MAX_SNIPPET,
    MAX_TITLE,
    MAX_URL,
    SEVERITIES,
    SEVERITY_LABELS,
    as_dict,
    as_list,
    band,
    category_label,
    clip,
    fmt_bytes,
    fmt_ms,
    fmt_number,
    humanise,
    int_or_none,
    is_number,
    url_view,
)
from ..i18n import finding_text, localise_number, said, t, tn
from ..images import screenshot

# --------------------------------------------------------------------------- findings


def severity_rank(severity: Any) -> int:
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        return len(SEVERITIES)


def pages_affected(finding: Mapping[str, Any]) -> int:
    urls = [u for u in as_list(finding.get("urls")) if isinstance(u, str)]
    total = int_or_none(as_dict(finding.get("evidence")).get("pages_total"))
    count = max(total or 0, len(urls))
    if count == 0 and isinstance(finding.get("url"), str) and finding.get("url"):
        count = 1
    return count


def sorted_findings(findings: Iterable[Any]) -> list[dict[str, Any]]:
    """Findings, worst first: by severity (critical first), then by pages affected."""
    valid = [f for f in findings if isinstance(f, dict)]
    indexed = list(enumerate(valid))
    indexed.sort(
        key=lambda item: (severity_rank(item[1].get("severity")), -pages_affected(item[1]), item[0])
    )
    return [f for _, f in indexed]


_MEASURED_KEYS = ("value", "measured", "actual", "observed")
_THRESHOLD_KEYS = ("threshold", "limit", "budget", "max_allowed", "expected_max")
_HIDDEN_EVIDENCE_KEYS = {"pages_total", "unit", "screenshot"}


def _fmt_with_unit(value: Any, unit: str | None) -> str:
    if not is_number(value):
        return clip(value, MAX_EVIDENCE_VALUE) if value is not None else "–"
    if unit in ("ms", "milliseconds"):
        return fmt_ms(value)
    if unit in ("bytes", "B", "byte"):
        return fmt_bytes(value)
    if unit:
        if value == 1 and len(unit) > 2 and unit.isalpha() and unit.endswith("s"):
            unit = unit[:-1]  # "1 clicks" -> "1 click"
        return f"{fmt_number(value)} {clip(unit, 20)}"
    return fmt_number(value)


def _evidence_value(key: str, value: Any, unit: str | None) -> dict[str, Any]:
    if isinstance(value, list):
        items = [
            clip(said(item) if isinstance(item, str) else json.dumps(item, default=str), MAX_URL)
            for item in value[:MAX_EVIDENCE_ITEMS]
        ]
        return {"entries": items, "more": max(len(value) - MAX_EVIDENCE_ITEMS, 0), "text": ""}
    if isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, default=str)
    elif isinstance(value, bool):
        text = t("yes") if value else t("no")
    elif value is None:
        text = t("none")
    elif is_number(value):
        if key.endswith("_ms"):
            text = fmt_ms(value)
        elif key.endswith("_bytes"):
            text = fmt_bytes(value)
        else:
            text = fmt_number(value)
    else:
        text = said(str(value))  # the checks' own phrases in the report's language
    return {"entries": None, "more": 0, "text": clip(text, MAX_EVIDENCE_VALUE)}


def evidence_view(evidence: Any) -> dict[str, Any]:
    ev = as_dict(evidence)
    unit = ev.get("unit") if isinstance(ev.get("unit"), str) else None
    measured_key = next((k for k in _MEASURED_KEYS if ev.get(k) is not None), None)
    threshold_key = next((k for k in _THRESHOLD_KEYS if ev.get(k) is not None), None)
    compare = None
    hidden = set(_HIDDEN_EVIDENCE_KEYS)
    if measured_key and threshold_key:
        measured, threshold = ev[measured_key], ev[threshold_key]
        ratio = None
        if is_number(measured) and is_number(threshold) and threshold > 0 and measured > threshold:
            ratio = localise_number(f"{measured / threshold:.1f}×")
        compare = {
            "measured": _fmt_with_unit(measured, unit),
            "threshold": _fmt_with_unit(threshold, unit),
            "threshold_label": humanise(threshold_key),
            "ratio": ratio,
        }
        hidden |= {measured_key, threshold_key}
    elif unit is None:
        hidden.discard("unit")
    rows = []
    keys = [k for k in ev if k not in hidden]
    for key in keys[:MAX_EVIDENCE_ROWS]:
        value = ev[key]
        if key in (measured_key,) and unit:
            row_value = {"entries": None, "more": 0, "text": _fmt_with_unit(value, unit)}
        else:
            row_value = _evidence_value(str(key), value, unit)
        rows.append({"key": humanise(key), **row_value})
    return {"compare": compare, "rows": rows, "more": max(len(keys) - MAX_EVIDENCE_ROWS, 0)}


def finding_view(finding: Mapping[str, Any], origin: str | None) -> dict[str, Any]:
    severity = finding.get("severity")
    sev = severity if severity in SEVERITIES else "unknown"
    urls = [u for u in as_list(finding.get("urls")) if isinstance(u, str)]
    first_url = finding.get("url") if isinstance(finding.get("url"), str) else None
    if not urls and first_url:
        urls = [first_url]
    affected = pages_affected(finding)
    shown = urls[:MAX_FINDING_URLS]
    selector = finding.get("selector")
    snippet = finding.get("snippet")
    return {
        "severity": sev,
        "severity_label": SEVERITY_LABELS.get(
            sev, clip(severity, MAX_SHORT).capitalize() or t("Unknown")
        ),
        "category": category_label(finding.get("category")),
        "check": clip(finding.get("check"), MAX_SHORT),
        "title": clip(finding_text(finding, "title"), MAX_TITLE) or t("Untitled finding"),
        "message": clip(finding_text(finding, "message"), MAX_MESSAGE),
        "url": url_view(first_url, origin) if first_url else None,
        "site_wide": affected == 0,
        "pages": affected,
        "urls": [url_view(u, origin) for u in shown],
        "urls_more": max(affected - len(shown), 0),
        "selector": clip(selector, MAX_SELECTOR)
        if isinstance(selector, str) and selector
        else None,
        "snippet": clip(snippet, MAX_SNIPPET) if isinstance(snippet, str) and snippet else None,
        "evidence": evidence_view(finding.get("evidence")),
        "screenshot": screenshot(finding.get("evidence")),
        "recommendation": clip(finding_text(finding, "recommendation"), MAX_RECOMMENDATION),
    }


def severity_counts(findings: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        if f.get("severity") in counts:
            counts[f["severity"]] += 1
    return counts


def verdict(score: int | None, counts: Mapping[str, int], total: int) -> str:
    """One sentence a manager can read aloud."""
    heads = {
        "good": "The shop is in good shape",
        "average": "The shop works, but customers meet avoidable friction",
        "poor": "Customers are likely to struggle on this shop",
        "na": "The overall score could not be measured",
    }
    verdict_band = band(score)
    if verdict_band == "good" and counts.get("critical", 0):
        # a good score with a critical problem left is no "good shape": the score says
        # how much friction there is in all, a critical problem that someone is stopped
        verdict_band = "average"
    head = t(heads[verdict_band])
    urgent = [(counts.get(s, 0), s) for s in ("critical", "serious") if counts.get(s, 0)]
    if urgent:
        n = sum(c for c, _ in urgent)
        parts = t(" and ").join(tn(c, "{n} " + s, "{n} " + s) for c, s in urgent)
        tail = tn(
            n,
            "{parts} problem needs fixing first",
            "{parts} problems need fixing first",
            parts=parts,
        )
    elif total:
        tail = tn(
            total,
            "only {n} moderate or minor problem remains",
            "only {n} moderate or minor problems remain",
        )
    else:
        tail = t("no problems were found")
    return f"{head}: {tail}."


def finding_anchor(number: int) -> str:
    """The id of finding ``number`` (1-based, worst first) in the Top problems section;
    ``ReportData.anchor`` says whether that section shows it."""
    return f"finding-{number}"


def finding_ref(finding: Mapping[str, Any]) -> dict[str, Any]:
    """A short mention of a finding: its title and severity (``ReportData.ref`` adds the
    link to its entry in Top problems)."""
    severity = finding.get("severity")
    return {
        "title": clip(finding_text(finding, "title"), MAX_TITLE) or t("Untitled finding"),
        "severity": severity if severity in SEVERITIES else "unknown",
        "severity_label": SEVERITY_LABELS.get(severity, t("Unknown")),
    }


def primary_links(findings: list[dict[str, Any]]) -> dict[int, int]:
    """{number of a finding that points to a primary: number of that primary}, numbers
    1-based in the order given.

    ``primary`` is the fingerprint of another check's finding about the same element:
    the same defect, counted once (with the primary). A pointer to a finding that itself
    points on is followed to the end; one to itself, to a fingerprint not in the list or
    round in a circle links nothing.
    """
    numbers: dict[str, int] = {}
    for n, f in enumerate(findings, start=1):
        fp = f.get("fingerprint")
        if isinstance(fp, str) and fp:
            numbers.setdefault(fp, n)

    def target(n: int) -> int | None:
        pointer = findings[n - 1].get("primary")
        to = numbers.get(pointer) if isinstance(pointer, str) else None
        return to if to != n else None

    links: dict[int, int] = {}
    for n in range(1, len(findings) + 1):
        seen, at = {n}, target(n)
        while at is not None and at not in seen:
            seen.add(at)
            nxt = target(at)
            if nxt is None:
                links[n] = at
                break
            at = nxt
    return links
