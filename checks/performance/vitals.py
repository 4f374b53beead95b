"""Web vitals: each page's timings against web.dev's thresholds, scored like Lighthouse."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.checkkit import plural
from auditor.config import Settings
from auditor.measure import blocking_parts
from auditor.model import Finding
from auditor.plugins import Check, PageView, SiteView
from auditor.scoring import role_weighted_mean

from .common import (
    BAND_WORDS,
    METRIC_NAMES,
    TimedPage,
    band,
    fmt_metric,
    pages_phrase,
    short,
    timed_pages,
    validate_pair,
)
from .scoring import CONTROL_POINTS, WEIGHTS, log_normal_score, page_score

__all__ = ["WebVitals"]

#: web.dev's published thresholds (good up to, poor above); TBT as Lighthouse's mobile
#: curve, the lab stand-in for INP (shared/UX-FACTS.md 3.4)
THRESHOLDS: dict[str, list[float]] = {
    "lcp_ms": [2500.0, 4000.0],
    "cls": [0.1, 0.25],
    "inp_ms": [200.0, 500.0],
    "fcp_ms": [1800.0, 3000.0],
    "ttfb_ms": [800.0, 1800.0],
    "tbt_ms": [200.0, 600.0],
}
SEVERITY = {"needs-improvement": "moderate", "poor": "serious"}

FIXES = {
    "lcp_ms": "Make the largest element arrive early: serve the hero image small and "
    "cacheable (AVIF/WebP, the right size), preload it or mark it fetchpriority=high, "
    "never lazy-load it, and keep the server's first answer fast.",
    "cls": "Reserve the room for what arrives late: width and height on images, a fixed "
    "slot for banners and consent bars, and no content inserted above what is already shown.",
    "inp_ms": "Keep the main thread free when customers tap: split long tasks, defer "
    "third-party scripts, and show feedback at once before heavy work.",
    "fcp_ms": "Show something sooner: inline the critical CSS, defer scripts in the head "
    "(async/defer), and cut the server's response time.",
    "ttfb_ms": "Answer faster: cache rendered pages (full-page cache, CDN), and find the "
    "slow database queries or backend calls behind this template.",
    "tbt_ms": "Break up the long tasks named here: defer or remove the scripts behind "
    "them, load third-party tags after the page, and split heavy work into small chunks.",
}


class WebVitals(Check):
    """Core Web Vitals and their companions, per page and template.

    What: LCP, CLS, INP (one click on a safe element), FCP, TTFB and TBT of each page,
    from timing loads that run alone with a cold cache (the median where a page was
    loaded more than once), against web.dev's thresholds.
    Why: slow pages lose customers: Google's thresholds mark where users notice.
    Example: the home page's hero image arrives after 2.6 s: LCP needs improvement.
    Fix: the finding names the cause the data shows (LCP element, shifted elements,
    long tasks and their scripts).
    Score: each page's Lighthouse performance score (scoring.py); the check's score is
    the mean over templates, each weighted by its role in the customer's path
    (``[roles]``), the templates of a role by their share of its pages.
    """

    id = "performance.web-vitals"
    category = "performance"
    title = "Page speed (web vitals)"
    description = (
        "Loading, visual stability and responsiveness of each page, as web.dev rates them."
    )
    requires = ("timing",)
    default_options: ClassVar[dict[str, Any]] = {k: list(v) for k, v in THRESHOLDS.items()}
    option_docs: ClassVar[dict[str, str]] = {
        "lcp_ms": "[good, poor] Largest Contentful Paint in ms (web.dev: 2500, 4000)",
        "cls": "[good, poor] Cumulative Layout Shift (web.dev: 0.1, 0.25)",
        "inp_ms": "[good, poor] the click probe's time to the next paint in ms (web.dev INP)",
        "fcp_ms": "[good, poor] First Contentful Paint in ms (web.dev: 1800, 3000)",
        "ttfb_ms": "[good, poor] time to first byte in ms (web.dev: 800, 1800)",
        "tbt_ms": "[good, poor] Total Blocking Time in ms (Lighthouse mobile: 200, 600)",
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._score: float | None = None
        self.details: dict[str, Any] | None = None

    def configure(self, settings: Settings) -> None:
        for key in THRESHOLDS:
            validate_pair(self.id, settings.source, key, self.options[key])

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        by_template: dict[str, list[TimedPage]] = defaultdict(list)
        for tp in timed_pages(pages):
            by_template[tp.page.template].append(tp)
        findings: list[Finding] = []
        for key in THRESHOLDS:
            judged = {
                template: self._judge(template, members, key)
                for template, members in sorted(by_template.items())
                if any(key in tp.metrics for tp in members)
            }
            found = {t: f for t, f in judged.items() if f is not None}
            if _site_wide(len(found), len(judged)):
                findings.append(_one_for_the_site(key, found, len(judged)))
            else:
                findings.extend(found.values())
        self._score, self.details = _scores(by_template, site)
        self._parts = _metric_costs(by_template, self.details)
        return findings

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        return self._score

    def score_parts(self) -> list[dict[str, Any]]:
        return list(getattr(self, "_parts", []))

    def _judge(self, template: str, members: list[TimedPage], key: str) -> Finding | None:
        good, poor = self.options[key]
        rated = [
            (tp, tp.metrics[key], band(tp.metrics[key], good, poor))
            for tp in members
            if key in tp.metrics
        ]
        bad = [r for r in rated if r[2] != "good"]
        if not bad:
            return None
        bad.sort(key=lambda r: -r[1])
        worst_tp, worst, worst_band = max(bad, key=lambda r: (r[2] == "poor", r[1]))
        paths = [tp.path for tp, _, _ in bad]
        name = METRIC_NAMES[key]
        loads = worst_tp.loads
        median = f"median of {loads} loads" if loads > 1 else "one load"
        message = (
            f"{name} was {fmt_metric(key, worst)} on {worst_tp.path} ({median}, "
            f"{worst_tp.profile} profile); web.dev rates up to {fmt_metric(key, good)} as good "
            f"and above {fmt_metric(key, poor)} as poor."
        )
        if len(bad) > 1:
            message += f" {len(bad)} of {len(rated)} timed pages of {template} are not good."
        cause, cause_evidence = _CAUSES.get(key, _no_cause)(worst_tp.run)
        if cause:
            message += " " + cause
        evidence: dict[str, Any] = {
            "metric": key,
            "value": worst,
            "threshold": good,
            "poor_above": poor,
            "unit": "" if key == "cls" else "ms",
            "band": worst_band,
            "loads": loads,
            "profile": worst_tp.profile,
            "pages": {tp.path: value for tp, value, _ in bad[:50]},
        }
        evidence.update(cause_evidence)
        return self.finding(
            severity=SEVERITY[worst_band],
            title=f"{name} {BAND_WORDS[worst_band]} on {pages_phrase(paths, template)}",
            message=message,
            recommendation=FIXES[key],
            # the kind of text and its values, so that a report can say it in German
            message_id=f"{self.id}.{key}-{'one' if len(paths) == 1 else 'many'}",
            params={
                "band": worst_band,
                "path": paths[0] if len(paths) == 1 else "",
                "count": len(paths),
                "template": template,
                "worst_path": worst_tp.path,
                "value_fmt": fmt_metric(key, worst),
                "good_fmt": fmt_metric(key, good),
                "poor_fmt": fmt_metric(key, poor),
                "loads": loads,
                "profile": worst_tp.profile,
                "rated": len(rated),
                **_cause_params(cause_evidence),
            },
            url=worst_tp.page.url,
            urls=[tp.page.url for tp, _, _ in bad],
            evidence=evidence,
            key=f"{template}|{key}",
        )


#: kinds of page with the same metric not good, from which it is one site-wide finding
SITE_WIDE_TEMPLATES = 3


def _site_wide(failing: int, timed: int) -> bool:
    """A metric that is not good on most kinds of page has a cause they all share (the
    server's answer time, the theme's fonts and scripts): one thing to fix."""
    return failing >= SITE_WIDE_TEMPLATES and failing * 2 >= timed


def _one_for_the_site(key: str, found: dict[str, Finding], timed: int) -> Finding:
    """The templates' findings of one metric as one: the worst speaks for all, every
    template's worst value is in the evidence, every page in its list."""
    order = {"serious": 0, "moderate": 1}
    worst = min(found.values(), key=lambda f: (order.get(f.severity, 2), -f.evidence["value"]))
    name, band = METRIC_NAMES[key], worst.evidence["band"]
    templates = {t: f.evidence["value"] for t, f in found.items()}
    shown = ", ".join(list(templates)[:5]) + (" …" if len(templates) > 5 else "")
    urls = list(dict.fromkeys(u for f in found.values() for u in f.pages))
    return Finding(
        check=worst.check,
        category=worst.category,
        severity=worst.severity,
        title=f"{name} {BAND_WORDS[band]} on {len(found)} of {timed} kinds of page",
        message=(
            f"{worst.message} It is not good on {len(found)} of the {timed} kinds of page "
            f"timed ({shown}): a cause they share, such as the server's answer time or "
            "the theme's fonts and scripts, so one fix helps every page."
        ),
        recommendation=worst.recommendation,
        url=worst.url,
        urls=urls,
        evidence={**worst.evidence, "templates": templates},
        key=f"site|{key}",
        message_id=f"performance.web-vitals.{key}-site",
        params={**worst.params, "kinds": len(found), "timed": timed, "templates": shown},
    )


def _scores(
    by_template: dict[str, list[TimedPage]], site: SiteView
) -> tuple[float | None, dict[str, Any]]:
    """The mean over templates of their pages' scores, each template weighted by its
    role in the customer's path (home, category, product, ... as ``[roles]`` sets
    them), the templates of one role by their share of its pages (found, not only
    rendered: a sampled template of 5,000 products weighs what it is). Why roles: by
    page count alone a slow home page, one page, would hardly move the score."""
    rows = []
    for template, members in sorted(by_template.items()):
        scores = [
            s for s in (page_score(tp.metrics, tp.profile) for tp in members) if s is not None
        ]
        if not scores:
            continue
        size = max(site.template_sizes.get(template, 0), len(members))
        rows.append(
            {
                "template": template,
                "pages_timed": len(members),
                "pages_found": size,
                "score": round(sum(scores) / len(scores), 1),
                "pages": {tp.path: page_score(tp.metrics, tp.profile) for tp in members[:200]},
            }
        )
    score, shares = role_weighted_mean(
        [(r["template"], r["score"], r["pages_found"]) for r in rows], site.roles
    )
    if score is None:
        return None, {"templates": []}
    for r in rows:
        r["share"] = shares[r["template"]]
        if site.roles is not None:
            r["role"] = site.roles.templates.get(r["template"], "page")
    return score, {"templates": rows}


def _metric_costs(
    by_template: dict[str, list[TimedPage]], details: dict[str, Any]
) -> list[dict[str, Any]]:
    """The points each metric of each template costs the check's score, most first.

    A page's score is the weighted mean of its metrics' curve scores, so what a metric
    costs the page is its weight share times what it falls short of 100; a template
    costs its share (by role) of its pages' mean. The parts add up to 100 - score, so
    a report can say "LCP of the home page: 21 points".
    """
    shares = {r["template"]: r.get("share", 0.0) for r in details.get("templates", [])}
    parts = []
    for template, members in sorted(by_template.items()):
        share = shares.get(template, 0.0)
        lost: dict[str, float] = defaultdict(float)
        for tp in members:
            present = {k: w for k, w in WEIGHTS.items() if _measured(tp.metrics.get(k))}
            total = sum(present.values())
            for key, w in present.items():
                curve = CONTROL_POINTS[tp.profile][key]
                short_of = 1.0 - log_normal_score(curve, float(tp.metrics[key]))
                lost[key] += 100.0 * w / total * short_of / len(members)
        for key, points in lost.items():
            if share * points >= 0.05:
                name = METRIC_NAMES.get(key, "Speed Index" if key == "si_ms" else key)
                parts.append({"what": f"{name} on {template}", "points": share * points})
    return sorted(parts, key=lambda p: (-p["points"], p["what"]))


def _measured(value: Any) -> bool:
    """A metric the page score counted (as ``page_score`` does: a finite number)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _lcp_cause(run: dict) -> tuple[str, dict]:
    lcp = run.get("lcp") or {}
    element = lcp.get("element")
    if not element:
        return "", {}
    text = f"The largest element was {element}."
    ev: dict[str, Any] = {"lcp_element": element}
    url = lcp.get("url")
    if url:
        timing = next((r for r in run.get("resources", []) if r[0] == url), None)
        ev["lcp_resource"] = short(url, 200)
        if timing:
            start, end = timing[3], timing[4]
            ev["lcp_resource_ms"] = [start, end]
            text += (
                f" Its image {short(url)} was requested at {fmt_metric('ms', start)} and "
                f"took {fmt_metric('ms', max(0, end - start))} to arrive."
            )
        else:
            text += f" Its image was {short(url)}."
    return text, ev


def _cls_cause(run: dict) -> tuple[str, dict]:
    moved: dict[str, list[int] | None] = {}
    for _start, _value, sources in run.get("cls_shifts", []):
        for desc, before, after in sources:
            if desc and desc not in moved:
                # an empty rectangle after the shift: the element left the viewport
                gone = after is not None and not any(after)
                moved[desc] = [before[1], None if gone else after[1]] if before and after else None
    if not moved:
        return "", {}
    names = []
    for desc, ys in list(moved.items())[:5]:
        if ys is None:
            names.append(desc)
        elif ys[1] is None:
            names.append(f"{desc} (pushed out of view from y={ys[0]})")
        else:
            names.append(f"{desc} (moved from y={ys[0]} to y={ys[1]})")
    return "Elements that moved: " + "; ".join(names) + ".", {"shifted": list(moved)[:10]}


def _tbt_cause(run: dict) -> tuple[str, dict]:
    """The long tasks that make up TBT, each with the scripts that ran in it.

    Only the tasks TBT counts are named (cut to the FCP-TTI window like the figure),
    so a task that started just before the first paint is named with its share.
    """
    tasks = _counted_tasks(run)
    if not tasks:
        return "", {}
    longest = max(t["duration_ms"] for t in tasks)
    scripts: dict[str, float] = defaultdict(float)
    for task in tasks:
        for name, duration in task.pop("_scripts"):
            scripts[name] += duration
    top = sorted(scripts.items(), key=lambda kv: -kv[1])[:5]
    many = len(tasks)
    text = f"{plural(many, 'long task')} blocked input, the longest {longest:.0f} ms."
    if top:
        text += " Scripts behind them: " + "; ".join(f"{n} {d:.0f} ms" for n, d in top) + "."
    evidence: dict[str, Any] = {
        "long_tasks": many,
        "longest_task_ms": longest,
        "scripts": [n for n, _ in top],
        "blocking_tasks": sorted(tasks, key=lambda t: -t["blocking_ms"])[:5],
    }
    if isinstance(run.get("fcp_ms"), int | float) and isinstance(run.get("tti_ms"), int | float):
        evidence["tbt_window_ms"] = [round(run["fcp_ms"], 1), round(run["tti_ms"], 1)]
    return text, evidence


def _counted_tasks(run: dict) -> list[dict[str, Any]]:
    """Each long task TBT counts: when, how long, how much of it blocked, and who ran."""
    fcp = run.get("fcp_ms")
    if not isinstance(fcp, int | float):
        return []
    tasks = run.get("long_tasks") or []
    tti = run.get("tti_ms")
    end = float(tti) if isinstance(tti, int | float) else float("inf")
    out = []
    for start, duration, counted in blocking_parts(tasks, float(fcp), end):
        culprit = next((t[2] for t in tasks if t[0] == start and len(t) > 2 and t[2]), "")
        ran = _scripts_in(run.get("frames") or [], start, start + duration)
        task: dict[str, Any] = {
            "start_ms": round(start, 1),
            "duration_ms": round(duration, 1),
            "blocking_ms": round(counted, 1),
            "scripts": [name for name, _ in ran][:5],
            "_scripts": ran,
        }
        if culprit:
            task["frame"] = culprit
        out.append(task)
    return out


def _scripts_in(frames: list, start: float, end: float) -> list[tuple[str, float]]:
    """The scripts of the long animation frames that ran inside a task.

    A script entry that knows its start time is matched to the task it started in; an
    older record without it is matched by its frame's time span.
    """
    ran: dict[str, float] = defaultdict(float)
    for f_start, f_duration, _blocking, frame_scripts in frames:
        for script in frame_scripts:
            at = script[3] if len(script) > 3 else None
            inside = (
                start - 1 <= at <= end
                if isinstance(at, int | float)
                else f_start < end and f_start + f_duration > start
            )
            if inside:
                ran[_script_name(script)] += float(script[2])
    return sorted(ran.items(), key=lambda kv: -kv[1])


def _script_name(script: list) -> str:
    """``/static/js/map.js (TimerHandler:setTimeout) initMap``: file, how it ran, function."""
    source, invoker = script[0], script[1]
    name = short(source) if source else (invoker or "inline script")
    if invoker and source:
        name += f" ({invoker})"
    function = script[4] if len(script) > 4 else ""
    return f"{name} {function}" if function else name


def _fcp_cause(run: dict) -> tuple[str, dict]:
    blocking = [r for r in run.get("resources", []) if r[2] == "blocking"]
    ttfb = run.get("ttfb_ms")
    parts = []
    ev: dict[str, Any] = {}
    if ttfb is not None:
        parts.append(f"The server's first byte came at {fmt_metric('ms', ttfb)}.")
    if blocking:
        names = [short(r[0]) for r in blocking[:5]]
        parts.append("Render-blocking: " + ", ".join(names) + ".")
        ev["render_blocking"] = names
    if run.get("blocking_ms"):
        parts.append(f"Long tasks blocked the main thread for {run['blocking_ms']:.0f} ms.")
    return " ".join(parts), ev


def _inp_cause(run: dict) -> tuple[str, dict]:
    interaction = run.get("interaction") or {}
    element = interaction.get("element")
    if not element:
        return "", {}
    return f"Clicked: {element}.", {"clicked": element}


_CAUSES = {
    "lcp_ms": _lcp_cause,
    "cls": _cls_cause,
    "tbt_ms": _tbt_cause,
    "fcp_ms": _fcp_cause,
    "inp_ms": _inp_cause,
}


def _cause_params(ev: dict[str, Any]) -> dict[str, Any]:
    """The cause's facts as plain params, so that a report can say the cause sentence
    in its language (reports/i18n): the LCP element and its image, what moved, the long
    tasks and their scripts."""
    out: dict[str, Any] = {}
    if ev.get("lcp_element"):
        out["lcp_element"] = str(ev["lcp_element"])[:200]
    timing = ev.get("lcp_resource_ms")
    if ev.get("lcp_resource") and isinstance(timing, list) and len(timing) == 2:
        out["lcp_resource"] = ev["lcp_resource"]
        out["lcp_start_fmt"] = fmt_metric("ms", timing[0])
        out["lcp_took_fmt"] = fmt_metric("ms", max(0, timing[1] - timing[0]))
    if ev.get("shifted"):
        out["shifted"] = ", ".join(str(s) for s in ev["shifted"][:5])
    if ev.get("long_tasks"):
        out["long_tasks"] = ev["long_tasks"]
        out["longest_ms"] = round(ev.get("longest_task_ms") or 0)
        out["scripts"] = ", ".join(str(s) for s in ev.get("scripts") or [])
    return out


def _no_cause(run: dict) -> tuple[str, dict]:
    return "", {}
