"""Render a results.json dict as a short Markdown summary (summary.md).

Meant for a pull-request comment or a CI job summary: the overall score, a table of
categories, the top findings and the crawl figures. Text that may come from the shop is
cut and escaped so it can neither break a table nor inject links, images or HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from auditor.results import walk_excused

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
from .i18n import current, finding_text, localise_number, said, t, tn, use_lang
from .sections.accessibility import accessibility_view
from .sections.baseline import change_text, new_fingerprints
from .sections.data import ReportData
from .sections.findings import pages_affected, severity_counts, verdict
from .sections.forms import forms_view
from .sections.pages import pages_view
from .sections.performance import METRICS, performance_view
from .sections.scores import ROLE_PAGES, scoring_view, summary_text
from .sections.search import search_view

__all__ = ["MAX_FINDINGS", "SUMMARY_FILENAME", "build_markdown", "md_escape", "render_markdown"]

SUMMARY_FILENAME = "summary.md"
MAX_FINDINGS = 20
MAX_ERRORS = 10
MAX_TITLE = 120
MAX_TEXT = 200
MAX_SHORT = 80
MAX_TEMPLATES = 12  # performance rows per template in the summary
MAX_SLOW = 5
MAX_FORMS = 12
_RATE_BAND = {"good": "good", "average": "average", "poor": "poor"}

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
        return f"{BAND_MARKS['na']} {t('not measured')}"
    return f"{BAND_MARKS[band(score)]} **{score}**"


def _header(results: Mapping[str, Any], findings: list[dict], score: int | None) -> list[str]:
    tool = as_dict(results.get("tool"))
    stats = as_dict(results.get("stats"))
    counts = severity_counts(findings)
    target = md_escape(results.get("target"), 200) or t("unknown shop")
    lines = [f"# {t('Usability audit: {target}', target=target)}", ""]
    cut = cut_short_view(results)
    if cut is not None:
        text = md_escape(f"{cut['why']} {cut['detail']}", 2 * MAX_TEXT + MAX_CUT_SHORT_MESSAGE)
        lines += [f"> **{t('The audit was cut short.')}** {text}", ""]
    elif results.get("interrupted") is True:
        lines += [
            f"> **{t('Interrupted:')}** "
            + t("the audit stopped early; these results are partial."),
            "",
        ]
    score_text = f"**{score}/100**" if score is not None else f"**{t('not measured')}**"
    lines += [
        f"{BAND_MARKS[band(score)]} {t('Overall score:')} {score_text} "
        f"({BAND_LABELS[band(score)]})",
        "",
        verdict(score, counts, len(findings)),
        "",
    ]
    profile = results.get("profile")
    meta = [
        t("Audited {when}", when=md_escape(fmt_datetime(results.get("started_at")), MAX_SHORT)),
        t("profile {profile}", profile=md_escape(t(profile) if profile else "–", MAX_SHORT)),
        t("duration {duration}", duration=fmt_duration(stats.get("duration_s"))),
    ]
    name = md_escape(tool.get("name"), MAX_SHORT)
    version = md_escape(tool.get("version"), MAX_SHORT)
    if name or version:
        meta.append(" ".join(p for p in (name, version) if p))
    lines += [" · ".join(meta), ""]
    return lines


def _categories(results: Mapping[str, Any], findings: list[dict]) -> list[str]:
    lines = [f"## {t('Categories')}", ""]
    categories = as_dict(results.get("categories"))
    changes = as_dict(as_dict(results.get("comparison")).get("categories"))
    if not categories:
        return [*lines, t("No categories were scored."), ""]
    rows = []
    for name, cat in categories.items():
        cat = as_dict(cat)
        count = sum(1 for f in findings if f.get("category") == name)
        rows.append((score_value(cat.get("score")), name, cat, count))
    rows.sort(key=lambda r: (r[0] is None, r[0] if r[0] is not None else 0))
    head = (t("Category"), t("Score"), t("Findings"), t("Summary"))
    lines += ["| " + " | ".join(head) + " |", "|---|---|---:|---|"]
    for cat_score, name, cat, count in rows:
        summary = md_escape(summary_text(clip(cat.get("summary"), MAX_TEXT)), MAX_TEXT)
        cap = as_dict(as_dict(cat.get("breakdown")).get("cap"))
        if is_number(cap.get("limit")):
            role = cap.get("role") if isinstance(cap.get("role"), str) else ""
            where = t(ROLE_PAGES[role]) if role in ROLE_PAGES else t("a key page")
            fp = cap.get("fingerprint")
            worst = next((f.get("severity") for f in findings if f.get("fingerprint") == fp), "")
            severity = t(worst) if worst in ("critical", "serious") else t("serious or critical")
            summary += " " + t(
                "Capped at {limit}: a {severity} finding on {where}.",
                limit=fmt_number(cap["limit"]),
                severity=severity,
                where=where,
            )
        change = change_text(as_dict(changes.get(name)).get("change"))
        lines.append(
            f"| {md_escape(category_label(name), MAX_SHORT)} | {_score_cell(cat_score)}"
            f"{f' ({change})' if change else ''} | {count} | {summary.strip()} |"
        )
    return [*lines, ""]


def _scoring(data: ReportData) -> list[str]:
    """How the score is made, in short: the rule, and per category its weight, share of
    the overall score and the points it lost, the check that cost most first."""
    view = scoring_view(data)
    if view is None:
        return []
    lines = [
        f"## {t('How the score is made')}",
        "",
        t(
            "The overall score is the weighted mean of the category scores; a category’s "
            "score is the weighted mean of its checks’ scores."
        )
        + " "
        + t(
            "A check starts at 100 and each finding multiplies it by one minus its "
            "severity’s penalty ({penalties}), unless it measures its own score (page speed "
            "uses Lighthouse’s curves).",
            penalties=view["penalties_text"],
        ),
        "",
        "| "
        + " | ".join(
            (t("Category"), t("Score"), t("Weight"), t("Share of overall"), t("Points lost"))
        )
        + " | "
        + t("Costs most")
        + " |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for c in view["categories"]:
        costly = [
            k for k in (c["breakdown"] or {}).get("checks", c["checks"]) if k.get("lost") != "0"
        ]
        worst = max(costly, key=lambda k: _as_float(k.get("lost")), default=None)
        lost = localise_number(str(worst["lost"])) if worst else ""
        worst_text = (
            f"{md_escape(worst.get('title') or worst.get('id'), MAX_SHORT)} (−{lost})"
            if worst and _as_float(worst.get("lost")) > 0
            else "–"
        )
        score = c["score"] if c["score"] is not None else "–"
        lines.append(
            f"| {md_escape(c['name'], MAX_SHORT)} | {score} | {c['weight']} | {c['share']} "
            f"| {c['lost']} | {worst_text} |"
        )
    return [*lines, ""]


def _as_float(text: Any) -> float:
    """A number the views wrote as text ("1,234.5", or "1.234,5" in German), else 0."""
    if not isinstance(text, str):
        return 0.0
    raw = text.replace(".", "").replace(",", ".") if current() == "de" else text.replace(",", "")
    try:
        return float(raw)
    except ValueError:
        return 0.0


def _performance(data: ReportData) -> list[str]:
    """Per template: the median and the worst page of each key metric, not only the
    medians; then the slowest pages with their score."""
    view = performance_view(data)
    if view is None:
        return []
    lines = [
        f"## {t('Performance')}",
        "",
        t(
            "{pages} of {total} pages timed with the {profile} profile",
            pages=view["pages"],
            total=view["pages_total"],
            profile=view["profile"],
        )
        + ".",
        "",
    ]
    shown = [k for k in ("lcp_ms", "cls", "tbt_ms", "ttfb_ms")]
    head = [t("Template"), t("Pages"), t("Score")]
    head += [
        t("{metric} median / worst page", metric=short)
        for key, short, *_ in METRICS
        if key in shown
    ]
    lines += ["| " + " | ".join(head) + " |", "|---|---:|---:|" + "---|" * len(shown)]
    for tp in view["templates"][:MAX_TEMPLATES]:
        rows = {r["key"]: r for r in tp["rows"]}
        cells = []
        for key in shown:
            r = rows.get(key)
            if r is None:
                cells.append("–")
                continue
            mark = BAND_MARKS.get(_RATE_BAND.get(r["worst_rate"], "na"), "")
            worst = f"{mark} {r['worst']} ({md_escape(r['worst_page'], MAX_SHORT)})".strip()
            if r["pages"] == 1:  # one page: its value is the median and the worst
                worst = f"{mark} {r['worst']}".strip()
            cells.append(f"{r['median']} / {worst}" if r["pages"] > 1 else worst)
        score = tp["score"] if tp["score"] is not None else "–"
        lines.append(
            f"| {md_escape(tp['name'], MAX_SHORT)} | {tp['pages']} | {score} | "
            + " | ".join(cells)
            + " |"
        )
    if len(view["templates"]) > MAX_TEMPLATES:
        lines += [
            "",
            t("…and {n} more in the HTML report.", n=len(view["templates"]) - MAX_TEMPLATES),
        ]
    slow = [p for p in view["slowest"] if p["band"] != "good"][:MAX_SLOW]
    if slow:
        lines += ["", t("Slowest pages first") + ":"]
        for p in slow:
            figures = ", ".join(f"{f['short']} {f['value']}" for f in p["figures"])
            lines.append(
                f"- {md_escape(p['url']['text'], MAX_SHORT)} ({t('Score')} {p['score']}): "
                f"{md_escape(figures, MAX_TEXT)}"
            )
    return [*lines, ""]


def _forms(data: ReportData) -> list[str]:
    """Each form: its kind, page, fields and what the empty and malformed-email probes saw."""
    view = forms_view(data)
    if view is None or not view["forms"]:
        return []
    lines = [f"## {t('Forms')}", ""]
    head = (t("Form"), t("Page"), t("Fields"), t("Sent empty"), t("Malformed email"), t("Findings"))
    lines += ["| " + " | ".join(head) + " |", "|---|---|---:|---|---|---:|"]
    for f in view["forms"][:MAX_FORMS]:
        fields = f["fields"] if f["fields"] is not None else "–"
        empty = f["empty"]["text"] if f["empty"] else t("Not probed")
        bad = f["malformed"]["text"] if f["malformed"] else "–"
        name = f"{f['kind']}: {f['name']}" if f["name"] else f["kind"]
        lines.append(
            f"| {md_escape(name, MAX_SHORT)} | {md_escape(f['url']['text'], MAX_SHORT)} "
            f"| {fields} | {md_escape(empty, MAX_SHORT)} | {md_escape(bad, MAX_SHORT)} "
            f"| {len(f['findings']) + f['findings_more']} |"
        )
    more = len(view["forms"]) - MAX_FORMS + view["more"]
    if more > 0:
        lines += ["", t("…and {n} more in the HTML report.", n=more)]
    return [*lines, ""]


def _search(data: ReportData) -> list[str]:
    """The searches in figures: products found, variants that failed, speed, the box."""
    view = search_view(data)
    if view is None:
        return []
    tt, lines = view["totals"], [f"## {t('Search')}", ""]
    if tt.get("queries"):
        lines.append(
            "- "
            + tn(
                tt["queries"],
                "The audit searched for {n} product by name and found {found} among the "
                "first results ({recall}).",
                "The audit searched for {n} products by name and found {found} among the "
                "first results ({recall}).",
                found=tt["found"],
                recall=tt["recall"],
            )
        )
    if tt.get("variants"):
        lines.append(
            "- "
            + tn(
                tt["variants"],
                "It tried {n} variant of the queries that found something (misspelt, "
                "plural, other case, umlauts written out); {failed} found nothing.",
                "It tried {n} variants of the queries that found something (misspelt, "
                "plural, other case, umlauts written out); {failed} found nothing.",
                failed=tt["variants_failed"],
            )
        )
    sp = view["speed"]
    if sp:
        speed = t("median") + " " + sp["median"]
        if sp.get("slowest"):
            speed += ", " + t("slowest {value}", value=sp["slowest"])
        lines.append(f"- {t('Search answer time')}: {speed}")
    if view["zero"] is not None:
        missing = view["zero"]["missing"]
        lines.append(
            f"- {t('The zero-results page')}: "
            + (md_escape("; ".join(missing), MAX_TEXT) if missing else t("no problem found"))
        )
    if len(lines) == 2:
        return []
    return [*lines, ""]


def _pages(data: ReportData) -> list[str]:
    """How many pages were audited, in how many templates, and how many failed."""
    view = pages_view(data)
    if view is None:
        return []
    biggest = ", ".join(
        f"{md_escape(g['name'], MAX_SHORT)} ({g['total']})" for g in view["templates"][:6]
    )
    text = (
        tn(view["total"], "{n} audited page", "{n} audited pages")
        + " "
        + tn(len(view["templates"]), "in {n} template", "in {n} templates")
    )
    if view["failed"]:
        text += ", " + t("{n} failing", n=view["failed"])
    return [f"## {t('Pages')}", "", f"{text}: {biggest}.", ""]


def _accessibility(results: Mapping[str, Any], findings: list[dict]) -> list[str]:
    """One line per failed WCAG criterion: what a CI log reader needs to act on."""
    view = accessibility_view(results, findings, None)
    if view is None or not view["criteria"]:
        return []
    lines = [
        f"## {t('Accessibility')}",
        "",
        t(
            "WCAG success criteria tested: {failed} failed, {passed} passed.",
            failed=view["failed"],
            passed=view["passed"],
        ),
        "",
    ]
    failed = [r for r in view["criteria"] if r["status"] == "fail"]
    if failed:
        lines += [
            f"| {t('Criterion')} | {t('Level')} | EN 301 549 | {t('Pages failing')} |",
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
    head = (t("Check"), t("Pages judged"), t("Sample"), t("Where pages were left out"))
    lines = [
        f"## {t('Pages judged per check')}",
        "",
        "| " + " | ".join(head) + " |",
        "|---|---:|---|---|",
    ]
    for r in rows:
        judged = t("{judged} of {rendered}", judged=r["judged"], rendered=r["rendered"])
        lines.append(
            f"| {md_escape(r['id'], MAX_SHORT)} | {judged} "
            f"| {md_escape(r['sample'], MAX_SHORT)} | {md_escape(r['left_out'] or '–', 400)} |"
        )
    return [*lines, ""]


def _findings(data: ReportData) -> list[str]:
    """The problems worst first. A finding counted with a primary finding of another
    check (the same defect) is no problem of its own: its primary names its check."""
    lines = [f"## {t('Top problems')}", ""]
    findings = data.distinct
    if not findings:
        return [*lines, t("No problems were found."), ""]
    new = new_fingerprints(data.results)
    counts = severity_counts(findings)
    by_severity = ", ".join(f"{fmt_int(counts[s])} {t(s)}" for s in SEVERITIES)
    head = ("#", t("Severity"), t("Problem"), t("Category"), t("Pages"))
    lines += [
        tn(
            len(findings),
            "{n} problem found ({by_severity}).",
            "{n} problems found ({by_severity}).",
            by_severity=by_severity,
        ),
        "",
        "| " + " | ".join(head) + " |",
        "|---:|---|---|---|---:|",
    ]
    for i, number in enumerate(data.top[:MAX_FINDINGS], 1):
        f = data.findings[number - 1]
        sev = f.get("severity")
        pages = pages_affected(f)
        title = md_escape(finding_text(f, "title"), MAX_TITLE) or t("Untitled")
        also = [
            md_escape(data.findings[n - 1].get("check"), MAX_SHORT) for n in data.linked_to(number)
        ]
        if also:
            title += (
                " ("
                + t("same defect also found by {checks}, counted once", checks=", ".join(also))
                + ")"
            )
        if f.get("fingerprint") in new:
            title = f"🆕 **{t('new')}** {title}"
        lines.append(
            f"| {i} | {t(sev) if sev in SEVERITIES else t('unknown')} | {title} "
            f"| {md_escape(category_label(f.get('category')), MAX_SHORT)} "
            f"| {pages if pages else t('site-wide')} |"
        )
    if len(findings) > MAX_FINDINGS:
        lines += ["", t("…and {n} more in the HTML report.", n=len(findings) - MAX_FINDINGS)]
    if data.links:
        lines += [
            "",
            tn(
                len(data.links),
                "{n} more finding of other checks is the same defect as a problem listed "
                "here and counted once, with it.",
                "{n} more findings of other checks are the same defect as a problem listed "
                "here and counted once, with it.",
            ),
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
    lines = [f"## {t('Problems the audit met')}", ""]
    for c in not_run:
        check_id = md_escape(c.get("id"), MAX_SHORT)
        status = md_escape(t(c.get("status")), MAX_SHORT)
        reason = md_escape(c.get("reason"), MAX_TEXT) or t("no reason given")
        lines.append(f"- {t('Check')} {check_id} {status}: {reason}")
    if errors:
        lines.append(
            "- " + tn(len(errors), "{n} error during the audit:", "{n} errors during the audit:")
        )
        for e in errors[:MAX_ERRORS]:
            code = md_escape(e.get("code"), MAX_SHORT)
            lines.append(f"  - {code}: {md_escape(e.get('message'), MAX_TEXT)}")
        if len(errors) > MAX_ERRORS:
            lines.append("  - " + t("…and {n} more", n=len(errors) - MAX_ERRORS))
    if failed:
        lines.append(
            "- "
            + tn(len(failed), "{n} page could not be audited", "{n} pages could not be audited")
        )
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
    lines = [f"## {t('Crawl')}", "", f"| {t('Figure')} | {t('Value')} |", "|---|---:|"]
    lines += [f"| {t(label)} | {value} |" for label, value in rows]
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
        f"## {t('Journeys (effort, s)')}",
        "",
        t(
            "Keystroke-Level Model seconds plus measured waits, the ±21 % band in brackets: "
            "a lab proxy, not a Customer Effort Score."
        ),
        "",
        f"| {t('Journey')} | " + " | ".join(md_escape(said(p), 20) for p in personas) + " |",
        "|---|" + "---:|" * len(personas),
    ]
    for name in names:
        row = []
        for p in personas:
            w = cells.get((name, p))
            if w is None:
                row.append("–")
            elif w.get("completed") is True:
                e = as_dict(w.get("effort"))
                band = f"{fmt_number(e.get('low'))}–{fmt_number(e.get('high'))}"
                row.append(f"{fmt_number(e.get('seconds'))} ({band})")
            else:
                step = md_escape(as_dict(w.get("stopped")).get("step"), 8)
                if walk_excused(w):
                    row.append(t("not walked from step {step}", step=step))
                else:
                    row.append(t("stuck at step {step}", step=step))
        lines.append(f"| {md_escape(said(name), 20)} | " + " | ".join(row) + " |")
    lines += ["", *_journey_notes(walks)]
    return [*lines, ""]


def _journey_notes(walks: list[dict[str, Any]]) -> list[str]:
    """Below the effort table: the formula, the checkout's steps as its page shows them
    (``steps_total``) and where each persona got stuck, with why."""
    out = []
    formula = next((as_dict(w.get("effort")).get("formula") for w in walks), None)
    if isinstance(formula, str) and formula:
        out += [f"{t('Formula')}: {md_escape(said(formula), 2 * MAX_TEXT)}", ""]
    for w in walks:
        d = as_dict(w.get("details"))
        if w.get("journey") == "checkout" and isinstance(d.get("steps_total"), int):
            source = md_escape(said(d.get("steps_source")), 20)
            said_steps = t(
                "Checkout steps shown by the shop: {n} ({source}).",
                n=d["steps_total"],
                source=source,
            )
            out += [said_steps, ""]
            break
    stuck = [
        w
        for w in walks
        if w.get("completed") is not True and w.get("stopped") and not walk_excused(w)
    ]
    if stuck:
        out += [f"{t('Where each got stuck')}:", ""]
    for w in stuck:
        stop = as_dict(w.get("stopped"))
        who = f"{md_escape(said(w.get('journey')), 20)} ({md_escape(said(w.get('persona')), 20)})"
        step = t("step {step}", step=md_escape(stop.get("step"), 8))
        out.append(f"- {who}, {step}: {md_escape(said(stop.get('reason')), MAX_TEXT)}")
    return out[:-1] if out and out[-1] == "" else out


def _gate(results: Mapping[str, Any]) -> list[str]:
    """The gate's verdict: one line per broken rule (what, limit, measured), as on stderr."""
    rules = [r for r in as_list(as_dict(results.get("gate")).get("rules")) if isinstance(r, dict)]
    if not rules:
        return []
    title = f"## {t('Gate')}"
    broken = [r for r in rules if not r.get("passed")]
    if not broken:
        held = tn(
            len(rules),
            "The gate passed: the {n} rule held.",
            "The gate passed: all {n} rules held.",
        )
        return [title, "", f"✅ {held}", ""]
    failed = t("The gate failed: {broken} of {n} rules broken.", broken=len(broken), n=len(rules))
    lines = [title, "", f"❌ {failed}", ""]
    for r in broken:
        lines.append(
            f"- {md_escape(said(r.get('what')), MAX_TEXT)}: "
            + t(
                "limit {limit}, measured {measured}",
                limit=md_escape(said(r.get("limit")), MAX_SHORT),
                measured=md_escape(said(r.get("measured")), MAX_TEXT * 2),
            )
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
    counts = f"**{t('{n} new', n=len(new))}**, " + tn(
        count("unchanged"),
        "{fixed} fixed, {n} unchanged finding.",
        "{fixed} fixed, {n} unchanged findings.",
        fixed=count("fixed_total"),
    )
    if count("sampled_apart"):
        counts += " " + t(
            "{n} on pages audited in one run only: neither new nor fixed.",
            n=count("sampled_apart"),
        )
    lines = [
        f"## {t('Compared with the baseline')}",
        "",
        t(
            "Baseline: {target}, {when}. Overall score {before} → {after}",
            target=md_escape(base.get("target"), MAX_SHORT),
            when=fmt_datetime(base.get("started_at")),
            before=fmt_number(score.get("before")),
            after=fmt_number(score.get("after")),
        )
        + f"{f' ({change})' if change else ''}.",
        "",
        counts,
        "",
    ]
    shown = [f for f in data.findings if f.get("fingerprint") in new][:MAX_FINDINGS]
    for f in shown:
        sev = f.get("severity") if f.get("severity") in SEVERITIES else "unknown"
        lines.append(
            f"- 🆕 {t(sev)}: {md_escape(finding_text(f, 'title'), MAX_TITLE)} "
            f"({md_escape(f.get('check'), MAX_SHORT)})"
        )
    fixed = [f for f in as_list(c.get("fixed")) if isinstance(f, dict)][:MAX_FINDINGS]
    for f in fixed:
        lines.append(
            f"- ✅ {t('fixed')}: {md_escape(finding_text(f, 'title'), MAX_TITLE)} "
            f"({md_escape(f.get('check'), MAX_SHORT)})"
        )
    return [*lines, ""] if shown or fixed else lines


def build_markdown(results: Mapping[str, Any]) -> str:
    """The text of summary.md for ``results``: the verdict and the gate first, then a
    short version of each section of the HTML report."""
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
        *_scoring(data),
        *_performance(data),
        *_search(data),
        *_forms(data),
        *_accessibility(results, data.findings),
        *_pages(data),
        *_audit_problems(results),
        *_crawl(results),
        *_judged(results),
    ]
    return "\n".join(lines)


def render_markdown(results: dict, out_dir: Path, lang: str | None = None) -> Path:
    """Write ``out_dir/summary.md`` for ``results`` (a parsed results.json) and return its path.

    ``lang`` writes it in that language; without it, in the current one (reports.i18n)."""
    with use_lang(lang or current()):
        text = build_markdown(results)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / SUMMARY_FILENAME
    write_atomic(path, text)
    return path
