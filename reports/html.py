"""Render a results.json dict as one self-contained HTML report.

The report is a single file: inline CSS, inline SVG charts, no scripts, no external
resources. A Content-Security-Policy meta tag forbids everything but inline styles and
data: images, so nothing taken from the audited shop can run or load when the file is
opened. Every string that may come from the shop is cut to a sane length and escaped by
Jinja2's autoescaping; links are only made for http(s) URLs.

This module builds the head of the report and puts it together; each section's view
model is built by its own module in ``reports/sections`` from nothing but the results
dict, and the templates in ``reports/templates`` only lay it out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .common import (
    BAND_LABELS,
    MAX_MESSAGE,
    MAX_SHORT,
    SEVERITIES,
    as_dict,
    as_list,
    band,
    clip,
    fmt_datetime,
    fmt_duration,
    int_or_none,
    is_number,
    parse_time,
    plural,
    ring,
    score_value,
    url_view,
)
from .i18n import current, t, tn, use_lang
from .sections import SECTIONS, ReportData, build_sections
from .sections.findings import severity_counts, verdict

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

_env: Environment | None = None


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
    after = cut.get("after_s") if is_number(cut.get("after_s")) and cut["after_s"] >= 0 else None
    message = clip(" ".join(clip(cut.get("message"), MAX_MESSAGE).split()), MAX_CUT_SHORT_MESSAGE)
    stats = as_dict(results.get("stats"))
    audited = int_or_none(stats.get("pages_crawled"))
    if audited is None:
        audited = sum(1 for p in as_list(results.get("pages")) if isinstance(p, dict))
    unvisited = int_or_none(stats.get("pages_unvisited"))

    after_text = (
        " " + t("after {duration}", duration=fmt_duration(after)) if after is not None else ""
    )
    why = t(CUT_SHORT_REASONS.get(reason, "It stopped early{after}"), after=after_text)
    if reason == "error" and message:
        why += f": {message}"
    elif reason != "max_duration" and message:
        why += f" ({message})"
    why += "."
    if unvisited:
        reach = tn(
            unvisited,
            "It audited {pages}; {n} more address it had found was left unvisited.",
            "It audited {pages}; {n} more addresses it had found were left unvisited.",
            pages=plural(audited, "page"),
        )
    else:
        reach = t("It audited {pages}.", pages=plural(audited, "page"))
    partial = "" if reason == "max_duration" else " " + t("These results are partial.")
    return {
        "reason": reason,
        "after": fmt_duration(after) if after is not None else None,
        "audited": audited,
        "unvisited": unvisited,
        "message": message,
        "why": why,
        "detail": f"{reach} {t('Pages it did not visit are not judged in this report.')}{partial}",
    }


# --------------------------------------------------------------------------- context


def _duration(results: Mapping[str, Any]) -> float | None:
    """The audit's seconds: the stats' figure, else the time between start and finish."""
    duration = as_dict(results.get("stats")).get("duration_s")
    if is_number(duration):
        return duration
    start, end = parse_time(results.get("started_at")), parse_time(results.get("finished_at"))
    if start and end and (start.tzinfo is None) == (end.tzinfo is None):
        return (end - start).total_seconds()
    return None


def _tool_name(results: Mapping[str, Any]) -> str:
    tool = as_dict(results.get("tool"))
    parts = (clip(tool.get("name"), MAX_SHORT), clip(tool.get("version"), MAX_SHORT))
    return " ".join(part for part in parts if part) or "–"


def header_view(data: ReportData) -> dict[str, Any]:
    """The head of the report: shop, date, profile, overall score and verdict."""
    results = data.results
    target = results.get("target") if isinstance(results.get("target"), str) else ""
    target_host = urlsplit(target).netloc if data.origin else clip(target, MAX_SHORT)
    score = score_value(results.get("score"))
    counts = severity_counts(data.distinct)  # the same defect found twice counts once
    return {
        "target": url_view(target) if target else None,
        "target_host": clip(target_host, MAX_SHORT) or t("unknown shop"),
        "started": fmt_datetime(results.get("started_at")),
        "started_iso": clip(results.get("started_at"), MAX_SHORT),
        "profile": t(data.profile.capitalize()) if data.profile else "–",
        "duration": fmt_duration(_duration(results)),
        "tool": _tool_name(results),
        "interrupted": results.get("interrupted") is True,
        "cut_short": cut_short_view(results),
        "score": score,
        "band": band(score),
        "band_label": BAND_LABELS[band(score)],
        "gauge": ring(score, 64, 14),
        "verdict": verdict(score, counts, len(data.distinct)),
        "schema_version": clip(results.get("schema_version"), MAX_SHORT),
    }


def build_context(results: Mapping[str, Any]) -> dict[str, Any]:
    """The whole view model of the report, built from the results dict only.

    The head comes from ``header_view``; every section below it from its own builder in
    reports/sections, and only the sections whose data is present are listed (and get a
    menu entry). The sections' views are also given by name, for tests and callers.
    """
    if not isinstance(results, Mapping):
        raise TypeError(f"results must be a dict, not {type(results).__name__}")
    data = ReportData.of(results)
    sections = build_sections(data)
    context = header_view(data)
    context["pages_total"] = len(data.pages)
    context["sections"] = sections
    context.update({s["id"]: s["view"] for s in sections})
    for spec in SECTIONS:
        context.setdefault(spec.id, None)
    return context


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
        _env.globals.update(t=t, tn=tn)
    return _env


def write_atomic(path: Path, text: str) -> None:
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


def render_html(results: dict, out_dir: Path, lang: str | None = None) -> Path:
    """Write ``out_dir/report.html`` for ``results`` (a parsed results.json) and return its path.

    ``lang`` renders in that language; without it, in the current one (reports.i18n)."""
    with use_lang(lang or current()):
        context = build_context(results)
        html = _environment().get_template("report.html.j2").render(lang=current(), **context)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / REPORT_FILENAME
    write_atomic(path, html)
    return path
