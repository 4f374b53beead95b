"""The CI gate: thresholds, a baseline comparison, and the verdict written into results.json.

Rules (each from ``[gate]`` or a flag): the overall score and each category's score at
least a limit; at most so many findings of a severity; performance budgets per URL
template and metric (the median of the template's pages); with a baseline, no new
finding at or above ``fail_on_new`` and no category dropping more than
``max_score_drop`` points, and no template's median of a metric in ``metric_margin``
leaving its band around the baseline's (up by more than the margin and more than the
metric's noise floor). Every rule broken is one line: what, limit, measured.

The comparison matches findings by fingerprint, which holds no host, port, run order or
sampling (auditor.model.Finding.fingerprint), so a preview deployment on another address
compares with the main site's baseline. A finding whose pages were all audited in only
one of the two runs is neither new nor fixed: a different sample, not a change.
The verdict and the comparison are stored in results.json (``gate``, ``comparison``), so
every report reads them from there.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import AuditorError
from .results import SCHEMA_VERSION, read_json, validate_results, walk_excused
from .urls import url_key

__all__ = [
    "SEVERITIES",
    "BaselineError",
    "Rule",
    "apply_gate",
    "breach_lines",
    "compare",
    "evaluate",
    "load_baseline",
    "same_site",
]

SEVERITIES = ("critical", "serious", "moderate", "minor")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}
#: share of the smaller run's pages (besides the start page) two runs on different hosts
#: must have in common to be audits of one site
SAME_SITE_OVERLAP = 0.5
MAX_LISTED = 200


class BaselineError(AuditorError):
    """The baseline cannot be compared with: corrupt, of a newer schema, another site."""


@dataclass(frozen=True)
class Rule:
    """One gate rule as checked: ``passed`` False means it is broken."""

    rule: str
    what: str
    limit: str
    measured: str
    passed: bool

    def line(self) -> str:
        return f"{self.what}: limit {self.limit}, measured {self.measured}"

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "what": self.what,
            "limit": self.limit,
            "measured": self.measured,
            "passed": self.passed,
        }


# --------------------------------------------------------------------------- baseline


def _version(text: Any) -> tuple[int, ...] | None:
    try:
        return tuple(int(p) for p in str(text).split("."))
    except ValueError:
        return None


def load_baseline(path: str | Path) -> dict:
    """The baseline results at ``path``; BaselineError with one line where it is
    missing, corrupt, of another schema version or not valid results."""
    p = Path(path)
    data = read_json(p, f"baseline {p}", BaselineError)
    if not isinstance(data, dict):
        raise BaselineError(f"baseline {p}: not a results file (no JSON object)")
    version = data.get("schema_version")
    mine, theirs = _version(SCHEMA_VERSION), _version(version)
    if theirs is not None and mine is not None and theirs > mine:
        raise BaselineError(
            f"baseline {p}: schema version {version} is newer than this auditor reads "
            f"({SCHEMA_VERSION}); compare with the auditor that wrote it"
        )
    if version != SCHEMA_VERSION:
        raise BaselineError(f"baseline {p}: not a results file of schema version {SCHEMA_VERSION}")
    errors = validate_results(data)
    if errors:
        raise BaselineError(f"baseline {p}: not a valid results file ({errors[0][:200]})")
    return data


def _paths(results: Mapping[str, Any]) -> set[str]:
    return {
        url_key(p["url"])
        for p in results.get("pages") or []
        if isinstance(p, dict) and isinstance(p.get("url"), str)
    }


def same_site(base: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether two runs audited one site: the same host, or (a preview deployment on
    another address) at least half of the smaller run's pages besides the start page
    at the same paths. A run with no page besides its start page cannot tell: it passes."""
    host = lambda r: (urlsplit(str(r.get("target") or "")).hostname or "").lower()  # noqa: E731
    if host(base) == host(new):
        return True
    a, b = _paths(base) - {"/"}, _paths(new) - {"/"}
    if not a or not b:
        return True
    return len(a & b) >= SAME_SITE_OVERLAP * min(len(a), len(b))


# --------------------------------------------------------------------------- comparison


def _pages_of(finding: Mapping[str, Any]) -> set[str]:
    urls = [u for u in finding.get("urls") or [] if isinstance(u, str)]
    if isinstance(finding.get("url"), str):
        urls.append(finding["url"])
    return {url_key(u) for u in urls}


def _brief(f: Mapping[str, Any]) -> dict:
    return {
        "fingerprint": f.get("fingerprint"),
        "check": f.get("check"),
        "category": f.get("category"),
        "severity": f.get("severity"),
        "title": str(f.get("title") or "")[:200],
        "url": url_key(f["url"]) if isinstance(f.get("url"), str) else None,
    }


def _change(before: Any, after: Any) -> dict:
    num = lambda v: isinstance(v, int | float) and not isinstance(v, bool)  # noqa: E731
    change = round(after - before, 1) if num(before) and num(after) else None
    return {"before": before, "after": after, "change": change}


def compare(base: Mapping[str, Any], new: Mapping[str, Any]) -> dict:
    """New, fixed and unchanged findings by fingerprint, and the score changes.

    A finding only in one run whose pages were all audited in that run alone is counted
    as ``sampled_apart``, neither new nor fixed. Site-wide findings (no page) always
    count."""
    before = {f["fingerprint"]: f for f in base.get("findings") or [] if f.get("fingerprint")}
    after = {f["fingerprint"]: f for f in new.get("findings") or [] if f.get("fingerprint")}
    base_pages, new_pages = _paths(base), _paths(new)

    def comparable(f: Mapping[str, Any], other_pages: set[str]) -> bool:
        pages = _pages_of(f)
        return not pages or bool(pages & other_pages)

    new_fps = [fp for fp, f in after.items() if fp not in before and comparable(f, base_pages)]
    fixed = [f for fp, f in before.items() if fp not in after and comparable(f, new_pages)]
    apart = sum(1 for fp, f in after.items() if fp not in before and fp not in new_fps)
    apart += sum(1 for fp in before if fp not in after) - len(fixed)
    cats = dict.fromkeys([*(base.get("categories") or {}), *(new.get("categories") or {})])
    return {
        "baseline": {
            "target": base.get("target"),
            "started_at": base.get("started_at"),
            "score": base.get("score"),
        },
        "score": _change(base.get("score"), new.get("score")),
        "categories": {
            c: _change(
                (base.get("categories") or {}).get(c, {}).get("score"),
                (new.get("categories") or {}).get(c, {}).get("score"),
            )
            for c in cats
        },
        "new": new_fps,
        "fixed": [_brief(f) for f in fixed][:MAX_LISTED],
        "fixed_total": len(fixed),
        "unchanged": sum(1 for fp in after if fp in before),
        "sampled_apart": apart,
    }


# --------------------------------------------------------------------------- rules


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return str(value)


def _min_score(rule: str, what: str, limit: float, score: Any) -> Rule:
    measured = "n/a" if score is None else _fmt(score)
    passed = score is not None and score >= limit
    return Rule(rule, what, f">= {_fmt(limit)}", measured, passed)


def _template_medians(results: Mapping[str, Any], metric: str) -> dict[str, tuple[float, int]]:
    values: dict[str, list[float]] = {}
    for p in results.get("pages") or []:
        v = (p.get("metrics") or {}).get(metric) if isinstance(p, dict) else None
        if isinstance(v, int | float) and not isinstance(v, bool):
            values.setdefault(str(p.get("template") or ""), []).append(float(v))
    return {t: (statistics.median(vs), len(vs)) for t, vs in values.items()}


def _budget_rules(results: Mapping[str, Any], budgets: Mapping[str, Any]) -> Iterable[Rule]:
    """A budget per template and metric; template "*" stands for every template."""
    for template, metrics in sorted(budgets.items()):
        for metric, limit in sorted(metrics.items()):
            medians = _template_medians(results, metric)
            if template == "*":
                chosen = medians
            else:
                chosen = {template: medians[template]} if template in medians else {}
            if not chosen:
                yield Rule(
                    "budget", f"{metric} of {template}", f"<= {_fmt(limit)}", "not measured", True
                )
            for name, (median, n) in sorted(chosen.items()):
                yield Rule(
                    "budget",
                    f"{metric} of {name} (median of {n} page{'s' * (n != 1)})",
                    f"<= {_fmt(limit)}",
                    _fmt(round(median, 3)),
                    median <= limit,
                )


def _journey_rules(results: Mapping[str, Any], limits: Mapping[str, float]) -> Iterable[Rule]:
    """A journey's predicted effort within its limit; a walk that did not finish breaks
    the rule (its effort would flatter it), one the audit could not walk is not measured."""
    walks = [w for w in results.get("journeys") or [] if isinstance(w, dict)]
    for name, limit in sorted(limits.items()):
        journey, _, persona = name.partition(":")
        persona = persona or "desktop"
        what = f"effort of the {journey} journey ({persona})"
        walk = next(
            (w for w in walks if w.get("journey") == journey and w.get("persona") == persona),
            None,
        )
        seconds = ((walk or {}).get("effort") or {}).get("seconds")
        stopped = (walk or {}).get("stopped") or {}
        if walk is None or walk_excused(walk):
            yield Rule("journey_effort", what, f"<= {_fmt(limit)} s", "not walked", True)
        elif not walk.get("completed"):
            step = stopped.get("step")
            yield Rule(
                "journey_effort", what, f"<= {_fmt(limit)} s", f"stopped at step {step}", False
            )
        else:
            yield Rule(
                "journey_effort", what, f"<= {_fmt(limit)} s", f"{_fmt(seconds)} s",
                isinstance(seconds, int | float) and seconds <= limit,
            )  # fmt: skip


def evaluate(
    results: Mapping[str, Any],
    gate: Any,
    comparison: Mapping | None,
    base: Mapping[str, Any] | None = None,
) -> list[Rule]:
    """Every rule the gate settings ask for, checked against ``results`` (and ``base``,
    the baseline the ``comparison`` was made with)."""
    rules: list[Rule] = []
    if gate.fail_under:
        rules.append(_min_score("overall", "overall score", gate.fail_under, results.get("score")))
    categories = results.get("categories") or {}
    for cat, limit in sorted(gate.categories.items()):
        score = (categories.get(cat) or {}).get("score")
        rules.append(_min_score("category", f"{cat} score", float(limit), score))
    counts = {s: 0 for s in SEVERITIES}
    for f in results.get("findings") or []:
        if f.get("severity") in counts and not f.get("primary"):
            counts[f["severity"]] += 1
    for severity, limit in sorted(gate.max_findings.items(), key=lambda kv: _RANK[kv[0]]):
        rules.append(
            Rule(
                "max_findings",
                f"{severity} findings",
                f"<= {limit}",
                str(counts[severity]),
                counts[severity] <= limit,
            )
        )
    rules += _budget_rules(results, gate.budgets)
    rules += _journey_rules(results, gate.journey_effort)
    if comparison is not None:
        rules += _baseline_rules(results, gate, comparison)
    if base is not None:
        rules += _metric_rules(results, base, gate.metric_margin)
    return rules


#: changes smaller than these are timing noise, whatever their share: a template's median
#: must move by more than this as well as by more than its margin to regress
NOISE_FLOOR = {"cls": 0.02, "transfer_bytes": 10_000, "requests": 2, "timed_loads": 2}
NOISE_FLOOR_MS = 50.0


def _metric_rules(
    results: Mapping[str, Any], base: Mapping[str, Any], margins: Mapping[str, float]
) -> Iterable[Rule]:
    """A metric regresses only where a template's median leaves the band around the
    baseline's: up by more than its margin (a share) and by more than the noise floor.
    Templates measured in one run only are not compared (a different sample)."""
    for metric, margin in sorted(margins.items()):
        before, after = _template_medians(base, metric), _template_medians(results, metric)
        floor = NOISE_FLOOR.get(metric, NOISE_FLOOR_MS)
        for template in sorted(set(before) & set(after)):
            was, now = before[template][0], after[template][0]
            grew = now - was
            share = grew / was if was > 0 else (float("inf") if grew > 0 else 0.0)
            measured = "+∞" if share == float("inf") else f"{share * 100:+.0f} %"
            yield Rule(
                "metric_regression",
                f"{metric} of {template} against the baseline",
                f"+{margin * 100:.0f} % (and +{_fmt(floor)})",
                f"{measured} ({_fmt(round(was, 3))} -> {_fmt(round(now, 3))})",
                not (share > margin and grew > floor),
            )


def _baseline_rules(results: Mapping[str, Any], gate: Any, comparison: Mapping) -> list[Rule]:
    rules = []
    if gate.fail_on_new:
        by_fp = {f.get("fingerprint"): f for f in results.get("findings") or []}
        rank = _RANK[gate.fail_on_new]
        bad = [
            by_fp[fp]
            for fp in comparison["new"]
            if fp in by_fp and _RANK.get(by_fp[fp].get("severity"), 9) <= rank
        ]
        names = "; ".join(f"[{f['severity']}] {str(f.get('title'))[:80]}" for f in bad[:5])
        more = f" and {len(bad) - 5} more" if len(bad) > 5 else ""
        rules.append(
            Rule(
                "fail_on_new",
                f"new findings at or above {gate.fail_on_new}",
                "0",
                f"{len(bad)}" + (f" ({names}{more})" if bad else ""),
                not bad,
            )
        )
    if gate.max_score_drop:
        for cat, ch in sorted(comparison["categories"].items()):
            if ch["change"] is None:
                continue
            rules.append(
                Rule(
                    "max_score_drop",
                    f"{cat} score drop",
                    f"<= {_fmt(gate.max_score_drop)}",
                    f"{_fmt(max(-ch['change'], 0.0))} "
                    f"({_fmt(ch['before'])} -> {_fmt(ch['after'])})",
                    -ch["change"] <= gate.max_score_drop,
                )
            )
    return rules


# --------------------------------------------------------------------------- verdict


def apply_gate(
    results: dict, gate: Any, base: Mapping[str, Any] | None, base_name: str = ""
) -> dict:
    """Add ``comparison`` (with a baseline) and ``gate`` to ``results``; return it.
    BaselineError where the baseline is of another site."""
    comparison = None
    if base is not None:
        if not same_site(base, results):
            raise BaselineError(
                f"baseline {base_name or base.get('target')}: audits another site "
                f"({base.get('target')}, no pages in common with {results.get('target')})"
            )
        comparison = compare(base, results)
        results["comparison"] = comparison
    rules = evaluate(results, gate, comparison, base)
    results["gate"] = {
        "passed": all(r.passed for r in rules),
        "rules": [r.to_dict() for r in rules],
    }
    return results


def breach_lines(results: Mapping[str, Any]) -> list[str]:
    """One line per broken rule recorded in ``results`` (what, limit, measured)."""
    rules = (results.get("gate") or {}).get("rules") or []
    return [
        f"{r['what']}: limit {r['limit']}, measured {r['measured']}"
        for r in rules
        if isinstance(r, dict) and not r.get("passed")
    ]
