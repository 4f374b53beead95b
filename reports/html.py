"""Render a results.json dict as one self-contained HTML report.

The report is a single file: inline CSS, inline SVG charts, no scripts, no external
resources. A Content-Security-Policy meta tag forbids everything but inline styles and
data: images, so nothing taken from the audited shop can run or load when the file is
opened. Every string that may come from the shop is cut to a sane length and escaped by
Jinja2's autoescaping; links are only made for http(s) URLs.

The view model is built here, in Python, from nothing but the results dict; the
templates in ``reports/templates`` only lay it out.
"""

from __future__ import annotations

import json
import math
import os
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

__all__ = [
    "CSP",
    "REPORT_FILENAME",
    "SEVERITIES",
    "build_context",
    "cut_short_view",
    "render_html",
]

REPORT_FILENAME = "report.html"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

SEVERITIES = ("critical", "serious", "moderate", "minor")
SEVERITY_LABELS = {s: s.capitalize() for s in SEVERITIES}

# Length limits for strings that may come from the shop (characters).
MAX_TITLE = 200
MAX_MESSAGE = 2000
MAX_SNIPPET = 1000
MAX_URL = 500
MAX_SELECTOR = 300
MAX_RECOMMENDATION = 2000
MAX_SUMMARY = 500
MAX_SHORT = 80  # codes, check ids, template names, category names, keys
MAX_EVIDENCE_VALUE = 300
MAX_HREF = 2048  # longer URLs are shown as text, not linked

# Count limits, so a huge site still gives a file a browser can open.
MAX_FINDING_URLS = 50
MAX_FINDING_CARDS = 50
MAX_FINDING_ROWS = 500
MAX_EVIDENCE_ROWS = 20
MAX_EVIDENCE_ITEMS = 10
MAX_PAGE_ROWS = 500
MAX_ERROR_ROWS = 200
MAX_SETTINGS_ROWS = 60
MAX_DEPTH_BUCKET = 30  # depths beyond this are grouped as "30+"

ELLIPSIS = "…"

_env: Environment | None = None


# --------------------------------------------------------------------------- helpers


# Characters no report shows as they are: control characters but tab, newline and carriage
# return (NUL among them), bidi embeddings, overrides and isolates (one can reverse the text
# after it: a URL, the rest of a table row) and lone surrogates (not text, not encodable).
_UNSHOWABLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def clip(value: Any, limit: int) -> str:
    """Return ``value`` as text of at most ``limit`` characters, ending in an ellipsis if cut.

    Every string the reports show passes here: the cut comes first, so a megabyte costs no
    more than ``limit``; then each unshowable character becomes U+FFFD.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return _UNSHOWABLE.sub("\ufffd", text)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _as_dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_NOT_IN_URLS = frozenset('"<>`')


def safe_href(url: Any) -> str | None:
    """The URL itself if it is a plain absolute http(s) URL that may be linked, else None."""
    if not isinstance(url, str) or not url or len(url) > MAX_HREF:
        return None
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F or ch in _NOT_IN_URLS for ch in url):
        return None
    if _UNSHOWABLE.search(url):  # e.g. a right-to-left override that disguises the address
        return None
    if not url[:8].lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _origin(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def url_view(url: Any, origin: str | None = None) -> dict[str, Any]:
    """A URL ready for the template: display text (cut, optionally origin-relative) and href."""
    if not isinstance(url, str) or not url:
        return {"text": "", "full": "", "href": None}
    full = clip(url, MAX_URL)
    text = full
    if origin and _origin(url) == origin:
        rest = url[len(origin) :] if url.lower().startswith(origin) else ""
        if rest.startswith("/") or rest == "":
            text = clip(rest or "/", MAX_URL)
    return {"text": text, "full": full, "href": safe_href(url)}


def humanise(key: Any) -> str:
    text = clip(key, MAX_SHORT).replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else ""


def category_label(name: Any) -> str:
    text = clip(name, MAX_SHORT).replace("_", " ").replace("-", " ").strip()
    return text.title() if text.islower() else text


def fmt_int(value: Any) -> str:
    if not _is_number(value):
        return "–"
    return f"{round(value):,}"


def fmt_number(value: Any) -> str:
    if not _is_number(value):
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:.3f}".rstrip("0").rstrip(".")


def fmt_ms(value: Any) -> str:
    if not _is_number(value):
        return "–"
    if abs(value) < 1000:
        return f"{round(value):,} ms"
    return f"{value / 1000:.1f} s"


def fmt_cls(value: Any) -> str:
    if not _is_number(value):
        return "–"
    return f"{value:.2f}"


def fmt_bytes(value: Any) -> str:
    if not _is_number(value):
        return "–"
    if abs(value) < 1000:
        return f"{round(value)} B"
    if abs(value) < 1_000_000:
        return f"{value / 1000:.0f} kB"
    return f"{value / 1_000_000:.1f} MB"


def fmt_duration(seconds: Any) -> str:
    if not _is_number(seconds) or seconds < 0:
        return "–"
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def fmt_datetime(value: Any) -> str:
    parsed = _parse_time(value)
    if parsed is None:
        return clip(value, MAX_SHORT) or "–"
    text = f"{parsed.day} {parsed:%b %Y, %H:%M}"
    if parsed.tzinfo is not None:
        offset = parsed.utcoffset()
        if offset is not None and not offset:
            text += " UTC"
        elif offset is not None:
            minutes = round(offset.total_seconds() / 60)
            sign = "+" if minutes >= 0 else "−"
            hours, mins = divmod(abs(minutes), 60)
            text += f" UTC{sign}{hours:02d}:{mins:02d}"
    return text


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def score_value(value: Any) -> int | None:
    """A displayable 0–100 integer score, or None when not measured."""
    if not _is_number(value):
        return None
    return round(min(max(value, 0), 100))


def band(score: int | None) -> str:
    """Score band as in Lighthouse: ≥90 good (green), 50–89 average (orange), <50 poor (red)."""
    if score is None:
        return "na"
    if score >= 90:
        return "good"
    if score >= 50:
        return "average"
    return "poor"


BAND_LABELS = {
    "good": "Good",
    "average": "Needs improvement",
    "poor": "Poor",
    "na": "Not measured",
}


def ring(score: int | None, radius: float, stroke: float) -> dict[str, Any]:
    """Geometry of an SVG ring gauge."""
    size = 2 * (radius + stroke)
    circumference = 2 * math.pi * radius
    filled = circumference * (score or 0) / 100
    return {
        "size": round(size, 2),
        "c": round(size / 2, 2),
        "r": radius,
        "stroke": stroke,
        "circumference": round(circumference, 2),
        "dash": f"{filled:.2f} {circumference:.2f}",
    }


# Metric rating bands for the pages table (good ≤ first, poor > second): the defaults of
# performance.web-vitals, so the table and the findings agree. LCP, FCP, CLS, TTFB, INP:
# web.dev's thresholds; TBT: Lighthouse's mobile control points (web.dev has no TBT band).
_METRIC_BANDS = {
    "lcp_ms": (2500, 4000),
    "fcp_ms": (1800, 3000),
    "cls": (0.1, 0.25),
    "ttfb_ms": (800, 1800),
    "tbt_ms": (200, 600),
    "inp_ms": (200, 500),
}


def rate(metric: str, value: Any, profile: str = "desktop") -> str:
    if not _is_number(value):
        return "na"
    if metric not in _METRIC_BANDS:
        return "none"
    good, poor = _METRIC_BANDS[metric]
    if value <= good:
        return "good"
    if value <= poor:
        return "average"
    return "poor"


# --------------------------------------------------------------------------- findings


def severity_rank(severity: Any) -> int:
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        return len(SEVERITIES)


def pages_affected(finding: Mapping[str, Any]) -> int:
    urls = [u for u in _as_list(finding.get("urls")) if isinstance(u, str)]
    total = _int_or_none(_as_dict(finding.get("evidence")).get("pages_total"))
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
_IMAGE_DATA_URI = re.compile(r"^data:image/(jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$")


def _fmt_with_unit(value: Any, unit: str | None) -> str:
    if not _is_number(value):
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
            clip(item if isinstance(item, str) else json.dumps(item, default=str), MAX_URL)
            for item in value[:MAX_EVIDENCE_ITEMS]
        ]
        return {"entries": items, "more": max(len(value) - MAX_EVIDENCE_ITEMS, 0), "text": ""}
    if isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, default=str)
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif value is None:
        text = "none"
    elif _is_number(value):
        if key.endswith("_ms"):
            text = fmt_ms(value)
        elif key.endswith("_bytes"):
            text = fmt_bytes(value)
        else:
            text = fmt_number(value)
    else:
        text = str(value)
    return {"entries": None, "more": 0, "text": clip(text, MAX_EVIDENCE_VALUE)}


def evidence_view(evidence: Any) -> dict[str, Any]:
    ev = _as_dict(evidence)
    unit = ev.get("unit") if isinstance(ev.get("unit"), str) else None
    measured_key = next((k for k in _MEASURED_KEYS if ev.get(k) is not None), None)
    threshold_key = next((k for k in _THRESHOLD_KEYS if ev.get(k) is not None), None)
    compare = None
    hidden = set(_HIDDEN_EVIDENCE_KEYS)
    if measured_key and threshold_key:
        measured, threshold = ev[measured_key], ev[threshold_key]
        ratio = None
        if (
            _is_number(measured)
            and _is_number(threshold)
            and threshold > 0
            and measured > threshold
        ):
            ratio = f"{measured / threshold:.1f}×"
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
    urls = [u for u in _as_list(finding.get("urls")) if isinstance(u, str)]
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
            sev, clip(severity, MAX_SHORT).capitalize() or "Unknown"
        ),
        "category": category_label(finding.get("category")),
        "check": clip(finding.get("check"), MAX_SHORT),
        "title": clip(finding.get("title"), MAX_TITLE) or "Untitled finding",
        "message": clip(finding.get("message"), MAX_MESSAGE),
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
        "screenshot": _screenshot(finding.get("evidence")),
        "recommendation": clip(finding.get("recommendation"), MAX_RECOMMENDATION),
    }


def _screenshot(evidence: Any) -> str | None:
    """The evidence's picture, only if it is an image data URI and nothing else: a
    results.json may have been edited, and a report must never load or run anything."""
    value = _as_dict(evidence).get("screenshot")
    if isinstance(value, str) and len(value) < 400_000 and _IMAGE_DATA_URI.match(value):
        return value
    return None


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
    head = heads[band(score)]
    urgent = [(counts.get(s, 0), s) for s in ("critical", "serious") if counts.get(s, 0)]
    if urgent:
        n = sum(c for c, _ in urgent)
        parts = " and ".join(f"{c:,} {s}" for c, s in urgent)
        noun, verb = ("problem", "needs") if n == 1 else ("problems", "need")
        tail = f"{parts} {noun} {verb} fixing first"
    elif total:
        verb = "remains" if total == 1 else "remain"
        tail = f"only {plural(total, 'moderate or minor problem')} {verb}"
    else:
        tail = "no problems were found"
    return f"{head}: {tail}."


# --------------------------------------------------------------------------- cut short

#: Why an audit stopped early (results.json ``cut_short.reason``), said to a shop manager.
CUT_SHORT_REASONS = {
    "max_duration": "It reached its time limit{after}",
    "signal": "It was stopped{after}, before it had finished",
    "error": "It stopped{after} because of an internal error",
}
MAX_CUT_SHORT_MESSAGE = 200


def cut_short_view(results: Mapping[str, Any]) -> dict[str, Any] | None:
    """The notice for an audit that was cut short, or None when it ran to the end.

    ``why`` says why and after how long, ``detail`` what that means for the report: how
    many pages were audited, how many found URLs were left unvisited (when known), and that
    pages not visited are not judged. Both are plain text, to be escaped by the renderer.
    """
    cut = results.get("cut_short")
    if not isinstance(cut, dict):
        return None
    reason = cut.get("reason") if cut.get("reason") in CUT_SHORT_REASONS else "unknown"
    after = cut.get("after_s") if _is_number(cut.get("after_s")) and cut["after_s"] >= 0 else None
    message = clip(" ".join(clip(cut.get("message"), MAX_MESSAGE).split()), MAX_CUT_SHORT_MESSAGE)
    stats = _as_dict(results.get("stats"))
    audited = _int_or_none(stats.get("pages_crawled"))
    if audited is None:
        audited = sum(1 for p in _as_list(results.get("pages")) if isinstance(p, dict))
    unvisited = _int_or_none(stats.get("pages_unvisited"))

    after_text = f" after {fmt_duration(after)}" if after is not None else ""
    why = CUT_SHORT_REASONS.get(reason, "It stopped early{after}").format(after=after_text)
    if reason == "error" and message:
        why += f": {message}"
    elif reason != "max_duration" and message:
        why += f" ({message})"
    why += "."
    if unvisited:
        left = plural(unvisited, "more address", "more addresses")
        verb = "was" if unvisited == 1 else "were"
        reach = f"It audited {plural(audited, 'page')}; {left} it had found {verb} left unvisited."
    else:
        reach = f"It audited {plural(audited, 'page')}."
    partial = "" if reason == "max_duration" else " These results are partial."
    return {
        "reason": reason,
        "after": fmt_duration(after) if after is not None else None,
        "audited": audited,
        "unvisited": unvisited,
        "message": message,
        "why": why,
        "detail": f"{reach} Pages it did not visit are not judged in this report.{partial}",
    }


# --------------------------------------------------------------------------- categories


def category_views(
    results: Mapping[str, Any], findings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    categories = _as_dict(results.get("categories"))
    checks = [c for c in _as_list(results.get("checks")) if isinstance(c, dict)]
    names: list[str] = [str(k) for k in categories]
    for item in [*findings, *checks]:
        name = item.get("category")
        if isinstance(name, str) and name and name not in names:
            names.append(name)
    views = []
    for name in names:
        cat = _as_dict(categories.get(name))
        score = score_value(cat.get("score"))
        own = [f for f in findings if f.get("category") == name]
        own_checks = [c for c in checks if c.get("category") == name]
        statuses = Counter(c.get("status") for c in own_checks)
        views.append(
            {
                "name": category_label(name),
                "score": score,
                "band": band(score),
                "band_label": BAND_LABELS[band(score)],
                "summary": clip(cat.get("summary"), MAX_SUMMARY),
                "counts": severity_counts(own),
                "findings": len(own),
                "checks_ran": statuses.get("ran", 0),
                "checks_not_run": statuses.get("disabled", 0) + statuses.get("error", 0),
                "ring": ring(score, 26, 7),
            }
        )
    views.sort(key=lambda v: (v["score"] is None, v["score"] if v["score"] is not None else 0))
    return views


# --------------------------------------------------------------------------- accessibility

#: WCAG 2.2 success criteria of levels A and AA: number -> (name, level)
WCAG_CRITERIA = {
    "1.1.1": ("Non-text Content", "A"),
    "1.2.1": ("Audio-only and Video-only", "A"),
    "1.2.2": ("Captions (Prerecorded)", "A"),
    "1.2.3": ("Audio Description or Media Alternative", "A"),
    "1.2.5": ("Audio Description (Prerecorded)", "AA"),
    "1.3.1": ("Info and Relationships", "A"),
    "1.3.2": ("Meaningful Sequence", "A"),
    "1.3.3": ("Sensory Characteristics", "A"),
    "1.3.4": ("Orientation", "AA"),
    "1.3.5": ("Identify Input Purpose", "AA"),
    "1.4.1": ("Use of Color", "A"),
    "1.4.2": ("Audio Control", "A"),
    "1.4.3": ("Contrast (Minimum)", "AA"),
    "1.4.4": ("Resize Text", "AA"),
    "1.4.5": ("Images of Text", "AA"),
    "1.4.10": ("Reflow", "AA"),
    "1.4.11": ("Non-text Contrast", "AA"),
    "1.4.12": ("Text Spacing", "AA"),
    "1.4.13": ("Content on Hover or Focus", "AA"),
    "2.1.1": ("Keyboard", "A"),
    "2.1.2": ("No Keyboard Trap", "A"),
    "2.1.4": ("Character Key Shortcuts", "A"),
    "2.2.1": ("Timing Adjustable", "A"),
    "2.2.2": ("Pause, Stop, Hide", "A"),
    "2.3.1": ("Three Flashes or Below Threshold", "A"),
    "2.4.1": ("Bypass Blocks", "A"),
    "2.4.2": ("Page Titled", "A"),
    "2.4.3": ("Focus Order", "A"),
    "2.4.4": ("Link Purpose (In Context)", "A"),
    "2.4.5": ("Multiple Ways", "AA"),
    "2.4.6": ("Headings and Labels", "AA"),
    "2.4.7": ("Focus Visible", "AA"),
    "2.4.9": ("Link Purpose (Link Only)", "AAA"),
    "2.4.11": ("Focus Not Obscured (Minimum)", "AA"),
    "2.5.1": ("Pointer Gestures", "A"),
    "2.5.2": ("Pointer Cancellation", "A"),
    "2.5.3": ("Label in Name", "A"),
    "2.5.4": ("Motion Actuation", "A"),
    "2.5.7": ("Dragging Movements", "AA"),
    "2.5.8": ("Target Size (Minimum)", "AA"),
    "3.1.1": ("Language of Page", "A"),
    "3.1.2": ("Language of Parts", "AA"),
    "3.2.1": ("On Focus", "A"),
    "3.2.2": ("On Input", "A"),
    "3.2.6": ("Consistent Help", "A"),
    "3.3.1": ("Error Identification", "A"),
    "3.3.2": ("Labels or Instructions", "A"),
    "3.3.3": ("Error Suggestion", "AA"),
    "3.3.7": ("Redundant Entry", "A"),
    "3.3.8": ("Accessible Authentication (Minimum)", "AA"),
    "4.1.1": ("Parsing", "A"),
    "4.1.2": ("Name, Role, Value", "A"),
    "4.1.3": ("Status Messages", "AA"),
}
MAX_A11Y_FINDINGS = 60
MAX_A11Y_MESSAGE = 400  # the section repeats findings of Top problems: shorter there
_SC = re.compile(r"^\d\.\d{1,2}\.\d{1,2}$")


def _sc_key(sc: str) -> tuple[int, ...]:
    return tuple(int(part) for part in sc.split("."))


def accessibility_view(
    results: Mapping[str, Any], findings: list[dict[str, Any]], origin: str | None
) -> dict[str, Any] | None:
    """The accessibility section: WCAG success criteria with what passed and failed, and
    the category's findings with their elements. None when no accessibility check ran.

    Criteria come from axe's rules (passed and failed, in the axe check's details) and
    from the other accessibility checks' findings (their evidence names the criteria).
    """
    checks = [
        c
        for c in _as_list(results.get("checks"))
        if isinstance(c, dict) and c.get("category") == "accessibility" and c.get("status") == "ran"
    ]
    own = [f for f in findings if f.get("category") == "accessibility"]
    if not checks and not own:
        return None
    rows: dict[str, dict[str, Any]] = {}

    def row(sc: str) -> dict[str, Any]:
        name, level = WCAG_CRITERIA.get(sc, ("", ""))
        return rows.setdefault(
            sc,
            {"criterion": sc, "name": name, "level": level, "passed": 0, "failed": 0,
             "pages": 0, "checks": []},
        )  # fmt: skip

    axe = next((c for c in checks if c.get("id") == "accessibility.axe"), None)
    details = _as_dict(axe.get("details")) if axe else {}
    for entry in _as_list(details.get("wcag"))[:200]:
        entry = _as_dict(entry)
        sc = entry.get("criterion")
        if not (isinstance(sc, str) and _SC.match(sc)):
            continue
        r = row(sc)
        r["passed"] += len(_as_list(entry.get("rules_passed")))
        r["failed"] += len(_as_list(entry.get("rules_failed")))
        r["pages"] = max(r["pages"], _int_or_none(entry.get("pages_failed")) or 0)
    for f in own:
        for sc in _as_list(_as_dict(f.get("evidence")).get("wcag"))[:10]:
            if not (isinstance(sc, str) and _SC.match(sc)):
                continue
            r = row(sc)
            r["failed"] += 0 if f.get("check") == "accessibility.axe" else 1
            r["pages"] = max(r["pages"], pages_affected(f))
            check = clip(f.get("check"), MAX_SHORT)
            if check not in r["checks"]:
                r["checks"].append(check)
    criteria = sorted(rows.values(), key=lambda r: _sc_key(r["criterion"]))
    for r in criteria:
        r["status"] = "fail" if r["failed"] else "pass"
    cards = []
    for f in own[:MAX_A11Y_FINDINGS]:
        view = finding_view(f, origin)
        view["message"] = clip(view["message"], MAX_A11Y_MESSAGE)
        view["wcag"] = [
            sc for sc in _as_list(_as_dict(f.get("evidence")).get("wcag"))[:6]
            if isinstance(sc, str) and _SC.match(sc)
        ]  # fmt: skip
        cards.append(view)
    review = []
    for item in _as_list(details.get("needs_review"))[:20]:
        item = _as_dict(item)
        review.append(
            {
                "rule": clip(item.get("rule"), MAX_SHORT),
                "help": clip(item.get("help"), MAX_TITLE),
                "pages": fmt_int(item.get("pages")),
                "elements": fmt_int(item.get("elements")),
            }
        )
    return {
        "criteria": criteria,
        "passed": sum(1 for r in criteria if r["status"] == "pass"),
        "failed": sum(1 for r in criteria if r["status"] == "fail"),
        "findings": cards,
        "findings_more": max(len(own) - MAX_A11Y_FINDINGS, 0),
        "pages_checked": fmt_int(details.get("pages_checked")) if details else None,
        "axe_seconds": fmt_number(details.get("axe_seconds")) if details else None,
        "needs_review": review,
    }


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
        depth = _int_or_none(page.get("depth"))
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
        f"depth {b['label']}: {plural(b['count'], 'page')}" for b in bars if b["count"]
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
    depth = _int_or_none(value)
    return depth if depth is not None and depth >= 0 else None


def _click_path(value: Any) -> str:
    """The link texts of a click path joined by arrows; a very long path loses its middle.

    The start (how the visitor enters) and the end (where the page hangs) say where a
    shortcut belongs; the middle of a 30-click path only makes the row unreadable.
    """
    steps = [
        clip(" ".join(step.split()), MAX_PATH_STEP) or "(no text)"
        for step in _as_list(value)
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
        ev = _as_dict(finding.get("evidence"))
        limit = _depth(ev.get("limit", ev.get("threshold")))
        first = finding.get("url")
        for url in [first, *_as_list(finding.get("urls"))]:
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


def _page_failed(page: Mapping[str, Any]) -> bool:
    status = _int_or_none(page.get("status"))
    return page.get("error") is not None or status is None or status >= 400


def page_views(pages: list[dict[str, Any]], origin: str | None, profile: str) -> list[dict]:
    ordered = sorted(
        enumerate(pages),
        key=lambda item: (
            not _page_failed(item[1]),
            _int_or_none(item[1].get("depth"))
            if _int_or_none(item[1].get("depth")) is not None
            else 1 << 30,
            item[0],
        ),
    )
    views = []
    for _, page in ordered[:MAX_PAGE_ROWS]:
        metrics = _as_dict(page.get("metrics"))
        error = page.get("error") if isinstance(page.get("error"), dict) else None
        status = _int_or_none(page.get("status"))
        redirects = _as_list(page.get("redirects"))
        views.append(
            {
                "url": url_view(page.get("url"), origin),
                "status": str(status) if status is not None else "–",
                "status_class": "bad"
                if status is None or status >= 400
                else ("warn" if status >= 300 else "ok"),
                "failed": _page_failed(page),
                "depth": str(_int_or_none(page.get("depth")))
                if _int_or_none(page.get("depth")) is not None
                else "–",
                "template": clip(page.get("template"), MAX_SHORT),
                "title": clip(page.get("title"), MAX_TITLE),
                "redirects": len(redirects),
                "error": {
                    "code": clip(error.get("code"), MAX_SHORT),
                    "message": clip(error.get("message"), 300),
                }
                if error
                else None,
                "lcp": fmt_ms(metrics.get("lcp_ms")),
                "lcp_rate": rate("lcp_ms", metrics.get("lcp_ms"), profile),
                "cls": fmt_cls(metrics.get("cls")),
                "cls_rate": rate("cls", metrics.get("cls"), profile),
                "tbt": fmt_ms(metrics.get("tbt_ms")),
                "tbt_rate": rate("tbt_ms", metrics.get("tbt_ms"), profile),
                "load": fmt_ms(metrics.get("load_ms")),
                "bytes": fmt_bytes(metrics.get("transfer_bytes")),
                "requests": fmt_int(metrics.get("requests")),
            }
        )
    return views


def _median_metric(pages: list[dict[str, Any]], key: str) -> float | None:
    values = [
        _as_dict(p.get("metrics")).get(key)
        for p in pages
        if _is_number(_as_dict(p.get("metrics")).get(key))
    ]
    return statistics.median(values) if values else None


def speed_summary(pages: list[dict[str, Any]], profile: str) -> list[dict[str, str]]:
    spec = [
        ("lcp_ms", "Largest Contentful Paint", fmt_ms),
        ("cls", "Cumulative Layout Shift", fmt_cls),
        ("tbt_ms", "Total Blocking Time", fmt_ms),
        ("transfer_bytes", "Page size", fmt_bytes),
    ]
    tiles = []
    for key, label, fmt in spec:
        value = _median_metric(pages, key)
        if value is None:
            continue
        tiles.append({"label": label, "value": fmt(value), "rate": rate(key, value, profile)})
    return tiles


# --------------------------------------------------------------------------- audit problems


def error_views(results: Mapping[str, Any], origin: str | None) -> list[dict[str, Any]]:
    rows = []
    for err in _as_list(results.get("errors"))[:MAX_ERROR_ROWS]:
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
    for check in _as_list(results.get("checks")):
        if not isinstance(check, dict):
            continue
        status = check.get("status")
        score = score_value(check.get("score"))
        rows.append(
            {
                "id": clip(check.get("id"), MAX_SHORT),
                "title": clip(check.get("title"), MAX_TITLE),
                "category": category_label(check.get("category")),
                "status": status if status in ("ran", "disabled", "error") else "unknown",
                "status_label": {"ran": "Ran", "disabled": "Disabled", "error": "Error"}.get(
                    status, clip(status, MAX_SHORT) or "Unknown"
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
    if _as_dict(settings):
        _flatten("", settings, flat)
    rows = []
    for key, value in flat[:MAX_SETTINGS_ROWS]:
        if isinstance(value, str):
            text = value
        else:
            text = json.dumps(value, ensure_ascii=False, default=str)
        rows.append({"key": clip(key, MAX_SHORT), "value": clip(text, MAX_EVIDENCE_VALUE)})
    return rows, max(len(flat) - MAX_SETTINGS_ROWS, 0)


def stats_tiles(stats: Mapping[str, Any]) -> list[dict[str, str]]:
    spec = [
        ("pages_crawled", "Pages crawled", fmt_int, ""),
        ("pages_failed", "Pages failed", fmt_int, "bad"),
        ("urls_discovered", "URLs discovered", fmt_int, ""),
        ("skipped_robots", "Skipped by robots.txt", fmt_int, ""),
        ("skipped_sampled", "Skipped by sampling", fmt_int, ""),
        ("skipped_scope", "Outside the scope", fmt_int, ""),
        ("duration_s", "Duration", fmt_duration, ""),
        ("pages_per_minute", "Pages per minute", fmt_number, ""),
    ]
    tiles = []
    for key, label, fmt, tone in spec:
        value = stats.get(key)
        tiles.append(
            {
                "label": label,
                "value": fmt(value),
                "tone": tone if tone and _is_number(value) and value > 0 else "",
            }
        )
    return tiles


# --------------------------------------------------------------------------- context


def build_context(results: Mapping[str, Any]) -> dict[str, Any]:
    """The whole view model of the report, built from the results dict only."""
    if not isinstance(results, Mapping):
        raise TypeError(f"results must be a dict, not {type(results).__name__}")
    target = results.get("target") if isinstance(results.get("target"), str) else ""
    origin = _origin(target)
    profile = results.get("profile") if results.get("profile") in ("desktop", "mobile") else ""
    tool = _as_dict(results.get("tool"))
    stats = _as_dict(results.get("stats"))
    pages = [p for p in _as_list(results.get("pages")) if isinstance(p, dict)]
    findings = sorted_findings(_as_list(results.get("findings")))
    counts = severity_counts(findings)
    score = score_value(results.get("score"))
    marks = click_depth_marks(findings)

    duration = stats.get("duration_s")
    if not _is_number(duration):
        start, end = _parse_time(results.get("started_at")), _parse_time(results.get("finished_at"))
        duration = None
        if start and end and (start.tzinfo is None) == (end.tzinfo is None):
            duration = (end - start).total_seconds()

    finding_cards = [finding_view(f, origin) for f in findings[:MAX_FINDING_CARDS]]
    finding_rows = [
        finding_view(f, origin) for f in findings[MAX_FINDING_CARDS:][:MAX_FINDING_ROWS]
    ]
    failed_pages = [
        {
            "url": url_view(p.get("url"), origin),
            "code": clip(_as_dict(p.get("error")).get("code"), MAX_SHORT),
            "message": clip(_as_dict(p.get("error")).get("message"), MAX_MESSAGE),
        }
        for p in pages
        if isinstance(p.get("error"), dict)
    ][:MAX_ERROR_ROWS]
    checks = check_views(results)
    settings, settings_more = settings_rows(results.get("settings"))
    target_host = urlsplit(target).netloc if origin else clip(target, MAX_SHORT)

    return {
        "target": url_view(target) if target else None,
        "target_host": clip(target_host, MAX_SHORT) or "unknown shop",
        "started": fmt_datetime(results.get("started_at")),
        "started_iso": clip(results.get("started_at"), MAX_SHORT),
        "profile": profile.capitalize() if profile else "–",
        "duration": fmt_duration(duration),
        "tool": " ".join(
            part
            for part in (clip(tool.get("name"), MAX_SHORT), clip(tool.get("version"), MAX_SHORT))
            if part
        )
        or "–",
        "interrupted": results.get("interrupted") is True,
        "cut_short": cut_short_view(results),
        "score": score,
        "band": band(score),
        "band_label": BAND_LABELS[band(score)],
        "gauge": ring(score, 64, 14),
        "verdict": verdict(score, counts, len(findings)),
        "categories": category_views(results, findings),
        "severities": [
            {"key": s, "label": SEVERITY_LABELS[s], "count": counts[s]} for s in SEVERITIES
        ],
        "findings_total": len(findings),
        "finding_cards": finding_cards,
        "finding_rows": finding_rows,
        "finding_rows_more": max(len(findings) - MAX_FINDING_CARDS - MAX_FINDING_ROWS, 0),
        "depth_chart": depth_chart(pages),
        "site_tree": site_tree(pages, marks),
        "accessibility": accessibility_view(results, findings, origin),
        "deepest_pages": deepest_pages(pages, marks, origin),
        "speed": speed_summary(pages, profile or "mobile"),
        "pages": page_views(pages, origin, profile or "mobile"),
        "pages_total": len(pages),
        "pages_more": max(len(pages) - MAX_PAGE_ROWS, 0),
        "pages_failed": sum(1 for p in pages if _page_failed(p)),
        "errors": error_views(results, origin),
        "errors_total": len(_as_list(results.get("errors"))),
        "failed_pages": failed_pages,
        "checks": checks,
        "checks_not_run": [c for c in checks if c["status"] != "ran"],
        "stats": stats_tiles(stats),
        "settings": settings,
        "settings_more": settings_more,
        "schema_version": clip(results.get("schema_version"), MAX_SHORT),
        "limits": {"finding_urls": MAX_FINDING_URLS, "page_rows": MAX_PAGE_ROWS},
    }


def _environment() -> Environment:
    global _env
    if _env is None:
        _env = Environment(
            loader=FileSystemLoader(str(TEMPLATE_DIR)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
    return _env


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 next to ``path`` and move it into place, so no half file remains."""
    data = text.encode("utf-8", errors="replace")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def render_html(results: dict, out_dir: Path) -> Path:
    """Write ``out_dir/report.html`` for ``results`` (a parsed results.json) and return its path."""
    html = _environment().get_template("report.html.j2").render(**build_context(results))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / REPORT_FILENAME
    _write_atomic(path, html)
    return path
