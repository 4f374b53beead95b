"""The overview of a batch (``auditor batch``): index.html from batch.json alone.

One row per shop in the order of the shops file: its score and category scores with
their change since the last run, findings by severity, its three worst problems, its
status and a link to its report. Like the report it is one self-contained file with no
script and a Content-Security-Policy that forbids everything but inline styles; every
text that may come from a shop or the shops file is cut here and escaped by Jinja2.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .common import (
    BAND_LABELS,
    MAX_SHORT,
    MAX_TITLE,
    SEVERITIES,
    SEVERITY_LABELS,
    as_dict,
    as_list,
    band,
    category_label,
    clip,
    fmt_datetime,
    is_number,
    score_value,
    url_view,
)
from .html import _environment, write_atomic

__all__ = ["INDEX_FILENAME", "batch_context", "render_batch_html"]

INDEX_FILENAME = "index.html"
MAX_LINE = 300
MAX_SHOPS = 2000
STATUS_LABELS = {
    "ok": "Audited",
    "cut short": "Cut short",
    "failed": "Failed",
    "interrupted": "Interrupted",
    "waiting": "Waiting",
}


def _change(value: Any, better_up: bool = True) -> dict[str, Any] | None:
    """A change as text and whether it is good news (scores up, findings down)."""
    if not is_number(value):
        return None
    if value == 0:
        return {"text": "±0", "tone": "same", "label": "no change"}
    up = value > 0
    text = f"+{value:g}" if up else f"−{abs(value):g}"
    return {"text": text, "tone": "better" if up == better_up else "worse", "label": text}


def _report_link(value: Any) -> str | None:
    """A link inside the batch's folder: ``<folder>/report.html`` as the batch wrote it."""
    if not isinstance(value, str):
        return None
    folder, _, name = value.partition("/")
    ok = folder and all(c.isalnum() or c in "._-" for c in folder) and folder not in (".", "..")
    return value if ok and name in ("report.html", "results.json") else None


def _shop_view(row: Mapping[str, Any], categories: list[str]) -> dict[str, Any]:
    change = as_dict(row.get("change"))
    cat_scores = as_dict(row.get("categories"))
    cat_changes = as_dict(change.get("categories"))
    findings = as_dict(row.get("findings"))
    finding_changes = as_dict(change.get("findings"))
    score = score_value(row.get("score"))
    status = row.get("status") if row.get("status") in STATUS_LABELS else "failed"
    return {
        "name": clip(row.get("name"), MAX_SHORT) or "Unnamed shop",
        "url": url_view(row.get("url")),
        "status": status,
        "status_label": STATUS_LABELS[status],
        "error": clip(row.get("error"), MAX_LINE),
        "note": clip(row.get("cut_short"), MAX_LINE),
        "score": score,
        "band": band(score),
        "band_label": BAND_LABELS[band(score)],
        "change": _change(change.get("score")),
        "categories": [
            {
                "name": category_label(name),
                "score": score_value(cat_scores.get(name)),
                "band": band(score_value(cat_scores.get(name))),
                "change": _change(cat_changes.get(name)),
            }
            for name in categories
        ],
        "findings": [
            {
                "severity": s,
                "label": SEVERITY_LABELS[s],
                "count": int(findings.get(s) or 0) if is_number(findings.get(s)) else 0,
                "change": _change(finding_changes.get(s), better_up=False),
            }
            for s in SEVERITIES
        ],
        "worst": [
            {
                "title": clip(w.get("title"), MAX_TITLE) or "Untitled",
                "severity": w.get("severity") if w.get("severity") in SEVERITIES else "minor",
                "pages": w.get("pages") if is_number(w.get("pages")) else 0,
            }
            for w in as_list(row.get("worst"))[:3]
            if isinstance(w, dict)
        ],
        "gate_broken": [clip(x, MAX_LINE) for x in as_list(as_dict(row.get("gate")).get("broken"))],
        "since": fmt_datetime(change.get("since")) if change.get("since") else "",
        "report": _report_link(row.get("report")) or _report_link(row.get("results")),
        "pages": row.get("pages") if is_number(row.get("pages")) else 0,
    }


def batch_context(document: Mapping[str, Any]) -> dict[str, Any]:
    """The overview's view model, from a batch.json dict and nothing else."""
    rows = [r for r in as_list(document.get("shops")) if isinstance(r, dict)][:MAX_SHOPS]
    categories: list[str] = []
    for row in rows:
        for name in as_dict(row.get("categories")):
            if isinstance(name, str) and name not in categories:
                categories.append(name)
    tally = as_dict(document.get("tally"))
    finished = document.get("finished_at")
    return {
        "shops": [_shop_view(r, categories) for r in rows],
        "categories": [category_label(c) for c in categories],
        "tally": [
            {"label": STATUS_LABELS.get(k, clip(k, MAX_SHORT).capitalize()), "count": v}
            for k, v in tally.items()
            if is_number(v) and v and k in STATUS_LABELS
        ],
        "gate_failed": tally.get("gate failed") if is_number(tally.get("gate failed")) else 0,
        "started": fmt_datetime(document.get("started_at")),
        "finished": fmt_datetime(finished) if finished else "",
        "executor": clip(document.get("executor"), MAX_SHORT),
        "total": len(rows),
    }


def render_batch_html(document: Mapping[str, Any], out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` for a batch.json dict and return its path."""
    html = _environment().get_template("batch.html.j2").render(**batch_context(document))
    path = Path(out_dir) / INDEX_FILENAME
    write_atomic(path, html)
    return path
