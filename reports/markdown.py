"""Render a results.json dict as a short Markdown summary (summary.md).

Meant for a pull-request comment or a CI job summary: the overall score, a table of
categories, the top findings and the crawl figures. Text that may come from the shop is
cut and escaped so it can neither break a table nor inject links, images or HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .common import (
    BAND_LABELS,
    SEVERITIES,
    as_dict,
    as_list,
    band,
    category_label,
    clip,
    coverage_rows,
    fmt_datetime,
    fmt_duration,
    fmt_int,
    fmt_number,
    is_number,
    score_value,
)
from .html import MAX_CUT_SHORT_MESSAGE, cut_short_view, write_atomic
from .sections.accessibility import accessibility_view
from .sections.baseline import change_text, new_fingerprints
from .sections.data import ReportData
from .sections.findings import pages_affected, severity_counts, verdict
from .sections.scores import ROLE_PAGES

__all__ = ["MAX_FINDINGS", "SUMMARY_FILENAME", "build_markdown", "md_escape", "render_markdown"]

SUMMARY_FILENAME = "summary.md"
MAX_FINDINGS = 20
MAX_ERRORS = 10
MAX_TITLE = 120
MAX_TEXT = 200
MAX_SHORT = 80

BAND_MARKS = {"good": "🟢", "average": "🟠", "poor": "🔴", "na": "⚪"}

# Characters that start inline Markdown (code, emphasis, links, images, strikethrough,
# table cells) anywhere in a line. Block syntax (#, -, 1.) only counts at the start of a
# line, and shop text never starts one here. <, > and & become entities.
_MD_SPECIAL = frozenset("\\`*_[]|~")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code < 0xA0 or ch in "\u2028\u2029"


def md_escape(value: Any, limit: int) -> str:
    """Cut ``value`` to ``limit`` characters and make it inert inline Markdown.

    Newlines and other control characters become spaces, so a table row stays one row;
    pipes, brackets, backticks and emphasis marks are backslash-escaped, and <, >, & become
    HTML entities.
    """
    text = clip(value, limit)
    text = " ".join("".join(" " if _is_control(ch) else ch for ch in text).split())
    out = []
    for ch in text:
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _MD_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _score_cell(score: int | None) -> str:
    if score is None:
        return f"{BAND_MARKS['na']} not measured"
    return f"{BAND_MARKS[band(score)]} **{score}**"


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _header(results: Mapping[str, Any], findings: list[dict], score: int | None) -> list[str]:
    tool = as_dict(results.get("tool"))
    stats = as_dict(results.get("stats"))
    counts = severity_counts(findings)
    lines = [f"# Usability audit: {md_escape(results.get('target'), 200) or 'unknown shop'}", ""]
    cut = cut_short_view(results)
    if cut is not None:
        text = md_escape(f"{cut['why']} {cut['detail']}", 2 * MAX_TEXT + MAX_CUT_SHORT_MESSAGE)
        lines += [f"> **The audit was cut short.** {text}", ""]
    elif results.get("interrupted") is True:
        lines += ["> **Interrupted:** the audit stopped early; these results are partial.", ""]
    score_text = f"**{score}/100**" if score is not None else "**not measured**"
    lines += [
        f"{BAND_MARKS[band(score)]} Overall score: {score_text} ({BAND_LABELS[band(score)]})",
        "",
        verdict(score, counts, len(findings)),
        "",
    ]
    meta = [
        f"Audited {md_escape(fmt_datetime(results.get('started_at')), MAX_SHORT)}",
        f"profile {md_escape(results.get('profile') or '–', MAX_SHORT)}",
        f"duration {fmt_duration(stats.get('duration_s'))}",
    ]
    name = md_escape(tool.get("name"), MAX_SHORT)
    version = md_escape(tool.get("version"), MAX_SHORT)
    if name or version:
        meta.append(" ".join(p for p in (name, version) if p))
    lines += [" · ".join(meta), ""]
    return lines


def _categories(results: Mapping[str, Any], findings: list[dict]) -> list[str]:
    lines = ["## Categories", ""]
    categories = as_dict(results.get("categories"))
    changes = as_dict(as_dict(results.get("comparison")).get("categories"))
    if not categories:
        return [*lines, "No categories were scored.", ""]
    rows = []
    for name, cat in categories.items():
        cat = as_dict(cat)
        count = sum(1 for f in findings if f.get("category") == name)
        rows.append((score_value(cat.get("score")), name, cat, count))
    rows.sort(key=lambda r: (r[0] is None, r[0] if r[0] is not None else 0))
    lines += ["| Category | Score | Findings | Summary |", "|---|---|---:|---|"]
    for cat_score, name, cat, count in rows:
        summary = md_escape(cat.get("summary"), MAX_TEXT)
        cap = as_dict(as_dict(cat.get("breakdown")).get("cap"))
        if is_number(cap.get("limit")):
            role = cap.get("role") if isinstance(cap.get("role"), str) else ""
            where = ROLE_PAGES.get(role) or "a key page"
            fp = cap.get("fingerprint")
            worst = next((f.get("severity") for f in findings if f.get("fingerprint") == fp), "")
            severity = worst if worst in ("critical", "serious") else "serious or critical"
            summary += f" Capped at {fmt_number(cap['limit'])}: a {severity} finding on {where}."
        change = change_text(as_dict(changes.get(name)).get("change"))
        lines.append(
            f"| {md_escape(category_label(name), MAX_SHORT)} | {_score_cell(cat_score)}"
            f"{f' ({change})' if change else ''} | {count} | {summary.strip()} |"
        )
    return [*lines, ""]


def _accessibility(results: Mapping[str, Any], findings: list[dict]) -> list[str]:
    """One line per failed WCAG criterion: what a CI log reader needs to act on."""
    view = accessibility_view(results, findings, None)
    if view is None or not view["criteria"]:
        return []
    lines = [
        "## Accessibility",
        "",
        f"WCAG success criteria tested: {view['failed']} failed, {view['passed']} passed.",
        "",
    ]
    failed = [r for r in view["criteria"] if r["status"] == "fail"]
    if failed:
        lines += [
            "| Criterion | Level | EN 301 549 | Pages failing |",
            "|---|---|---|---:|",
        ]
        for r in failed:
            name = f"{r['criterion']} {r['name']}".strip()
            lines.append(
                f"| {md_escape(name, MAX_SHORT)} | {md_escape(r['level'] or '–', 8)} "
                f"| {md_escape(r['en'] or '–', 16)} | {r['pages'] or '–'} |"
            )
        lines.append("")
    return lines


def _judged(results: Mapping[str, Any]) -> list[str]:
    """Per check, how many of the rendered pages it judged: a sample said is honest."""
    rows = coverage_rows(results)
    if not rows:
        return []
    lines = [
        "## Pages judged per check",
        "",
        "| Check | Pages judged | Sample | Where pages were left out |",
        "|---|---:|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {md_escape(r['id'], MAX_SHORT)} | {r['judged']} of {r['rendered']} "
            f"| {md_escape(r['sample'], MAX_SHORT)} | {md_escape(r['left_out'] or '–', 400)} |"
        )
    return [*lines, ""]


def _findings(data: ReportData) -> list[str]:
    """The problems worst first. A finding counted with a primary finding of another
    check (the same defect) is no problem of its own: its primary names its check."""
    lines = ["## Top problems", ""]
    findings = data.distinct
    if not findings:
        return [*lines, "No problems were found.", ""]
    new = new_fingerprints(data.results)
    counts = severity_counts(findings)
    by_severity = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES)
    lines += [
        f"{len(findings)} problem{_s(len(findings))} found ({by_severity}).",
        "",
        "| # | Severity | Problem | Category | Pages |",
        "|---:|---|---|---|---:|",
    ]
    for i, number in enumerate(data.top[:MAX_FINDINGS], 1):
        f = data.findings[number - 1]
        sev = f.get("severity")
        pages = pages_affected(f)
        title = md_escape(f.get("title"), MAX_TITLE) or "Untitled"
        also = [
            md_escape(data.findings[n - 1].get("check"), MAX_SHORT) for n in data.linked_to(number)
        ]
        if also:
            title += f" (same defect also found by {', '.join(also)}, counted once)"
        if f.get("fingerprint") in new:
            title = f"🆕 **new** {title}"
        lines.append(
            f"| {i} | {sev if sev in SEVERITIES else 'unknown'} | {title} "
            f"| {md_escape(category_label(f.get('category')), MAX_SHORT)} "
            f"| {pages if pages else 'site-wide'} |"
        )
    if len(findings) > MAX_FINDINGS:
        lines += ["", f"…and {len(findings) - MAX_FINDINGS} more in the HTML report."]
    if data.links:
        n = len(data.links)
        lines += [
            "",
            f"{n} more finding{_s(n)} of other checks {'is' if n == 1 else 'are'} the same "
            f"defect as a problem listed here and counted once, with it.",
        ]
    return [*lines, ""]


def _audit_problems(results: Mapping[str, Any]) -> list[str]:
    errors = [e for e in as_list(results.get("errors")) if isinstance(e, dict)]
    checks = [c for c in as_list(results.get("checks")) if isinstance(c, dict)]
    not_run = [c for c in checks if c.get("status") in ("disabled", "error")]
    failed = [
        p
        for p in as_list(results.get("pages"))
        if isinstance(p, dict) and isinstance(p.get("error"), dict)
    ]
    if not (errors or not_run or failed):
        return []
    lines = ["## Problems the audit met", ""]
    for c in not_run:
        check_id = md_escape(c.get("id"), MAX_SHORT)
        status = md_escape(c.get("status"), MAX_SHORT)
        reason = md_escape(c.get("reason"), MAX_TEXT) or "no reason given"
        lines.append(f"- Check {check_id} {status}: {reason}")
    if errors:
        lines.append(f"- {len(errors)} error{_s(len(errors))} during the audit:")
        for e in errors[:MAX_ERRORS]:
            code = md_escape(e.get("code"), MAX_SHORT)
            lines.append(f"  - {code}: {md_escape(e.get('message'), MAX_TEXT)}")
        if len(errors) > MAX_ERRORS:
            lines.append(f"  - …and {len(errors) - MAX_ERRORS} more")
    if failed:
        lines.append(f"- {len(failed)} page{_s(len(failed))} could not be audited")
    return [*lines, ""]


def _crawl(results: Mapping[str, Any]) -> list[str]:
    stats = as_dict(results.get("stats"))
    rows = [
        ("Pages crawled", fmt_int(stats.get("pages_crawled"))),
        ("Pages failed", fmt_int(stats.get("pages_failed"))),
        ("URLs discovered", fmt_int(stats.get("urls_discovered"))),
        ("Skipped by robots.txt", fmt_int(stats.get("skipped_robots"))),
        ("Skipped by sampling", fmt_int(stats.get("skipped_sampled"))),
        ("Outside the scope", fmt_int(stats.get("skipped_scope"))),
        ("Duration", fmt_duration(stats.get("duration_s"))),
        ("Pages per minute", fmt_number(stats.get("pages_per_minute"))),
    ]
    lines = ["## Crawl", "", "| Figure | Value |", "|---|---:|"]
    lines += [f"| {label} | {value} |" for label, value in rows]
    return [*lines, ""]


def _journeys(results: Mapping[str, Any]) -> list[str]:
    """The journeys' effort per persona: predicted seconds (KLM, a lab proxy) or where
    each got stuck; nothing where no journey was walked."""
    walks = [w for w in as_list(results.get("journeys")) if isinstance(w, dict)]
    if not walks:
        return []
    personas = list(dict.fromkeys(str(w.get("persona")) for w in walks))
    names = list(dict.fromkeys(str(w.get("journey")) for w in walks))
    cells = {(str(w.get("journey")), str(w.get("persona"))): w for w in walks}
    lines = [
        "## Journeys (effort, s)",
        "",
        "Keystroke-Level Model seconds plus measured waits, ±21 %: a lab proxy, not a CES.",
        "",
        "| Journey | " + " | ".join(md_escape(p, 20) for p in personas) + " |",
        "|---|" + "---:|" * len(personas),
    ]
    for name in names:
        row = []
        for p in personas:
            w = cells.get((name, p))
            if w is None:
                row.append("–")
            elif w.get("completed") is True:
                row.append(fmt_number(as_dict(w.get("effort")).get("seconds")))
            else:
                step = as_dict(w.get("stopped")).get("step")
                row.append(f"stuck at step {md_escape(step, 8)}")
        lines.append(f"| {md_escape(name, 20)} | " + " | ".join(row) + " |")
    return [*lines, ""]


def _gate(results: Mapping[str, Any]) -> list[str]:
    """The gate's verdict: one line per broken rule (what, limit, measured), as on stderr."""
    rules = [r for r in as_list(as_dict(results.get("gate")).get("rules")) if isinstance(r, dict)]
    if not rules:
        return []
    broken = [r for r in rules if not r.get("passed")]
    if not broken:
        return [
            "## Gate",
            "",
            f"✅ The gate passed: all {len(rules)} rule{_s(len(rules))} held.",
            "",
        ]
    lines = ["## Gate", "", f"❌ The gate failed: {len(broken)} of {len(rules)} rules broken.", ""]
    for r in broken:
        lines.append(
            f"- {md_escape(r.get('what'), MAX_TEXT)}: limit {md_escape(r.get('limit'), MAX_SHORT)}"
            f", measured {md_escape(r.get('measured'), MAX_TEXT * 2)}"
        )
    return [*lines, ""]


def _comparison(data: ReportData) -> list[str]:
    """The comparison with the baseline: counts, the overall score's change and the new
    findings (the categories table shows each category's change)."""
    c = as_dict(data.results.get("comparison"))
    if not c:
        return []
    base = as_dict(c.get("baseline"))
    score = as_dict(c.get("score"))
    new = new_fingerprints(data.results)
    count = lambda key: c.get(key) if isinstance(c.get(key), int) else 0  # noqa: E731
    change = change_text(score.get("change"))
    lines = [
        "## Compared with the baseline",
        "",
        f"Baseline: {md_escape(base.get('target'), MAX_SHORT)}, "
        f"{fmt_datetime(base.get('started_at'))}. Overall score "
        f"{fmt_number(score.get('before'))} → {fmt_number(score.get('after'))}"
        f"{f' ({change})' if change else ''}.",
        "",
        f"**{len(new)} new**, {count('fixed_total')} fixed, {count('unchanged')} unchanged "
        f"finding{_s(count('unchanged'))}."
        + (
            f" {count('sampled_apart')} on pages audited in one run only: neither new nor fixed."
            if count("sampled_apart")
            else ""
        ),
        "",
    ]
    shown = [f for f in data.findings if f.get("fingerprint") in new][:MAX_FINDINGS]
    for f in shown:
        sev = f.get("severity") if f.get("severity") in SEVERITIES else "unknown"
        lines.append(
            f"- 🆕 {sev}: {md_escape(f.get('title'), MAX_TITLE)} "
            f"({md_escape(f.get('check'), MAX_SHORT)})"
        )
    fixed = [f for f in as_list(c.get("fixed")) if isinstance(f, dict)][:MAX_FINDINGS]
    for f in fixed:
        lines.append(
            f"- ✅ fixed: {md_escape(f.get('title'), MAX_TITLE)} "
            f"({md_escape(f.get('check'), MAX_SHORT)})"
        )
    return [*lines, ""] if shown or fixed else lines


def build_markdown(results: Mapping[str, Any]) -> str:
    """The text of summary.md for ``results``."""
    if not isinstance(results, Mapping):
        raise TypeError(f"results must be a dict, not {type(results).__name__}")
    data = ReportData.of(results)
    score = score_value(results.get("score"))
    lines = [
        *_header(results, data.distinct, score),
        *_gate(results),
        *_comparison(data),
        *_categories(results, data.distinct),
        *_findings(data),
        *_journeys(results),
        *_accessibility(results, data.findings),
        *_audit_problems(results),
        *_crawl(results),
        *_judged(results),
    ]
    return "\n".join(lines)


def render_markdown(results: dict, out_dir: Path) -> Path:
    """Write ``out_dir/summary.md`` for ``results`` (a parsed results.json) and return its path."""
    text = build_markdown(results)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / SUMMARY_FILENAME
    write_atomic(path, text)
    return path
