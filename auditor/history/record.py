"""What the history keeps of one results.json: plain rows, computed purely.

Why from results.json alone: the history then records a finished audit, a cut-short one
and a results.json saved months ago (``auditor history add``) the same way, and it needs
no knowledge of any check. Fingerprints are the findings' own (host-free, see
auditor.model.Finding.fingerprint), so runs on a preview address and on the main site
compare; paths are url_key's path and query, never a host.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..results import METRIC_KEYS
from ..urls import url_key

__all__ = ["RunRows", "run_rows", "settings_hash", "site_of", "status_of"]

#: settings that say where things go, not what is audited: left out of the hash
_PLACES = {("output", "dir"), ("output", "progress"), ("output", "formats"), ("history", "path")}
MAX_PAGES_KEPT = 50  # pages listed per finding (the count is kept whole)


@dataclass
class RunRows:
    """One run as the tables hold it."""

    run: dict[str, Any]
    categories: list[tuple[str, float | None, float | None]] = field(default_factory=list)
    journeys: list[dict[str, Any]] = field(default_factory=list)
    metrics: list[tuple[str, str, float, int]] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)


def _num(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def site_of(target: str) -> str:
    """Runs of one shop share this: the target's scheme, host and port."""
    parts = urlsplit(str(target or ""))
    if not parts.scheme or not parts.netloc:
        return str(target or "")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def status_of(results: Mapping[str, Any]) -> tuple[str, str | None]:
    """complete, cut_short (time limit, signal) or crashed (an internal error), and why."""
    cut = results.get("cut_short")
    if not isinstance(cut, Mapping):
        return ("cut_short", None) if results.get("interrupted") else ("complete", None)
    reason = str(cut.get("reason") or "")
    return ("crashed" if reason == "error" else "cut_short"), reason or None


def settings_hash(settings: Any) -> str | None:
    """A short hash of the effective settings that decide what is audited: two runs with
    the same hash were made alike (output places and the history file left out)."""
    if not isinstance(settings, Mapping):
        return None
    kept = {
        section: (
            {k: v for k, v in values.items() if (section, k) not in _PLACES}
            if isinstance(values, Mapping)
            else values
        )
        for section, values in settings.items()
    }
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _template_metrics(pages: list[Mapping[str, Any]]) -> list[tuple[str, str, float, int]]:
    """The median of each metric over each template's pages (what the gate's budgets
    and metric bands judge)."""
    values: dict[tuple[str, str], list[float]] = {}
    for p in pages:
        metrics = p.get("metrics") if isinstance(p.get("metrics"), Mapping) else {}
        for key in METRIC_KEYS:
            v = _num(metrics.get(key))
            if v is not None and key != "timed_loads":
                values.setdefault((str(p.get("template") or ""), key), []).append(v)
    return [
        (template, metric, float(statistics.median(vs)), len(vs))
        for (template, metric), vs in sorted(values.items())
    ]


def _journey_rows(journeys: Any) -> list[dict[str, Any]]:
    """One row per walk of results.json's ``journeys`` (journey and persona): whether it
    finished, its predicted effort, steps, fields, waits, and the step where it stopped."""
    rows = {}
    for walk in journeys if isinstance(journeys, list) else []:
        if not isinstance(walk, Mapping):
            continue
        name, persona = str(walk.get("journey") or "?"), str(walk.get("persona") or "")
        effort = walk.get("effort") if isinstance(walk.get("effort"), Mapping) else {}
        stopped = walk.get("stopped") if isinstance(walk.get("stopped"), Mapping) else {}
        steps = walk.get("steps") if isinstance(walk.get("steps"), list) else []
        completed = walk.get("completed")
        rows[(name, persona)] = {
            "journey": name[:200],
            "persona": persona[:100],
            "score": None,
            "completed": None if completed is None else int(bool(completed)),
            "effort_s": _num(effort.get("seconds")),
            "steps": len(steps),
            "fields": _count(walk.get("fields")),
            "waits": sum(1 for s in steps if isinstance(s, Mapping) and s.get("wait_ms")),
            "stopped_at": _text(stopped.get("step")),
        }
    return list(rows.values())


def _count(value: Any) -> int | None:
    if isinstance(value, list):
        return len(value)
    v = _num(value)
    return None if v is None else int(v)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)[:300]


def _finding_row(f: Mapping[str, Any]) -> dict[str, Any] | None:
    fp = f.get("fingerprint")
    if not isinstance(fp, str) or not fp:
        return None
    urls = [u for u in f.get("urls") or [] if isinstance(u, str)]
    url = f.get("url") if isinstance(f.get("url"), str) else None
    paths = sorted({url_key(u) for u in [*urls, *([url] if url else [])]})
    return {
        "fingerprint": fp,
        "check_id": str(f.get("check") or ""),
        "category": str(f.get("category") or ""),
        "severity": str(f.get("severity") or ""),
        "title": str(f.get("title") or "")[:300],
        "url": url_key(url) if url else None,
        "pages": json.dumps(paths[:MAX_PAGES_KEPT], ensure_ascii=False),
        "page_count": len(paths),
        "primary_fp": f.get("primary") if isinstance(f.get("primary"), str) else None,
    }


def run_rows(
    results: Mapping[str, Any],
    results_path: str | None = None,
    report_path: str | None = None,
    site: str | None = None,
) -> RunRows:
    """The rows of one results.json (``site``: the name its runs are grouped under;
    default the target's origin)."""
    status, reason = status_of(results)
    pages = [p for p in results.get("pages") or [] if isinstance(p, Mapping)]
    stats = results.get("stats") if isinstance(results.get("stats"), Mapping) else {}
    tool = results.get("tool") if isinstance(results.get("tool"), Mapping) else {}
    findings = [r for f in results.get("findings") or [] if (r := _finding_row(f)) is not None]
    target = str(results.get("target") or "")
    run = {
        "site": site or site_of(target),
        "target": target,
        "started_at": str(results.get("started_at") or ""),
        "finished_at": results.get("finished_at"),
        "tool_version": tool.get("version"),
        "schema_version": results.get("schema_version"),
        "profile": results.get("profile"),
        "settings_hash": settings_hash(results.get("settings")),
        "status": status,
        "cut_reason": reason,
        "score": _num(results.get("score")),
        "pages": int(_num(stats.get("pages_crawled")) or len(pages)),
        "pages_failed": int(_num(stats.get("pages_failed")) or 0),
        "findings": sum(1 for f in findings if not f["primary_fp"]),
        "duration_s": _num(stats.get("duration_s")),
        "results_path": results_path,
        "report_path": report_path,
    }
    categories = [
        (str(name), _num(c.get("score")), _num(c.get("weight")))
        for name, c in (results.get("categories") or {}).items()
        if isinstance(c, Mapping)
    ]
    return RunRows(
        run=run,
        categories=categories,
        journeys=_journey_rows(results.get("journeys")),
        metrics=_template_metrics(pages),
        pages=sorted({url_key(p["url"]) for p in pages if isinstance(p.get("url"), str)}),
        findings=findings,
    )
