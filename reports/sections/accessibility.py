"""The accessibility section: WCAG criteria passed and failed, barriers by element."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..common import (
    MAX_SHORT,
    MAX_TITLE,
    as_dict,
    as_list,
    clip,
    coverage_rows,
    fmt_int,
    fmt_number,
    int_or_none,
    url_view,
)
from ..i18n import axe_help, t
from .data import ReportData
from .findings import finding_view, pages_affected

# --------------------------------------------------------------------------- accessibility

#: WCAG 2.2 success criteria of levels A and AA (and the AAA ones axe tests): number ->
#: (name, level)
WCAG_CRITERIA = {
    "1.1.1": ("Non-text Content", "A"),
    "1.2.1": ("Audio-only and Video-only", "A"),
    "1.2.2": ("Captions (Prerecorded)", "A"),
    "1.2.3": ("Audio Description or Media Alternative", "A"),
    "1.2.4": ("Captions (Live)", "AA"),
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
    "1.4.6": ("Contrast (Enhanced)", "AAA"),
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
    "2.5.5": ("Target Size (Enhanced)", "AAA"),
    "2.5.8": ("Target Size (Minimum)", "AA"),
    "3.1.1": ("Language of Page", "A"),
    "3.1.2": ("Language of Parts", "AA"),
    "3.2.1": ("On Focus", "A"),
    "3.2.2": ("On Input", "A"),
    "3.2.3": ("Consistent Navigation", "AA"),
    "3.2.4": ("Consistent Identification", "AA"),
    "3.2.6": ("Consistent Help", "A"),
    "3.3.1": ("Error Identification", "A"),
    "3.3.2": ("Labels or Instructions", "A"),
    "3.3.3": ("Error Suggestion", "AA"),
    "3.3.4": ("Error Prevention (Legal, Financial, Data)", "AA"),
    "3.3.7": ("Redundant Entry", "A"),
    "3.3.8": ("Accessible Authentication (Minimum)", "AA"),
    "4.1.1": ("Parsing", "A"),
    "4.1.2": ("Name, Role, Value", "A"),
    "4.1.3": ("Status Messages", "AA"),
}
#: criteria new in WCAG 2.2: EN 301 549 V3.2.1 (WCAG 2.1) has no clause for them
WCAG22_NEW = frozenset({"2.4.11", "2.4.12", "2.4.13", "2.5.7", "2.5.8", "3.2.6", "3.3.7",
                        "3.3.8", "3.3.9"})  # fmt: skip
MAX_A11Y_FINDINGS = 60
MAX_A11Y_MESSAGE = 400  # the section repeats findings of Top problems: shorter there
_SC = re.compile(r"^\d\.\d{1,2}\.\d{1,2}$")


def en_clause(sc: str, level: str) -> str:
    """The EN 301 549 clause for web pages that mirrors a WCAG 2.1 A/AA criterion
    (9.x.y.z for x.y.z); "" for WCAG 2.2's new criteria and level AAA."""
    if level not in ("A", "AA") or sc in WCAG22_NEW:
        return ""
    return f"9.{sc}"


def _criteria(finding: dict[str, Any]) -> list:
    """The finding's WCAG criteria: results.json's ``wcag``, else its evidence's."""
    return as_list(finding.get("wcag")) or as_list(as_dict(finding.get("evidence")).get("wcag"))


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
        for c in as_list(results.get("checks"))
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
            {"criterion": sc, "name": t(name), "level": level, "passed": 0, "failed": 0,
             "pages": 0, "checks": []},
        )  # fmt: skip

    axe = next((c for c in checks if c.get("id") == "accessibility.axe"), None)
    details = as_dict(axe.get("details")) if axe else {}
    for entry in as_list(details.get("wcag"))[:200]:
        entry = as_dict(entry)
        sc = entry.get("criterion")
        if not (isinstance(sc, str) and _SC.match(sc)):
            continue
        r = row(sc)
        r["passed"] += len(as_list(entry.get("rules_passed")))
        r["failed"] += len(as_list(entry.get("rules_failed")))
        r["pages"] = max(r["pages"], int_or_none(entry.get("pages_failed")) or 0)
    # every finding mapped to a criterion counts in its row: the accessibility checks'
    # and others' (a placeholder as the only label fails 1.3.1 and 3.3.2 too)
    mapped = [f for f in findings if f.get("category") == "accessibility" or f.get("wcag")]
    for f in mapped:
        for sc in _criteria(f)[:10]:
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
        r["en"] = en_clause(r["criterion"], r["level"])
    cards = []
    for f in own[:MAX_A11Y_FINDINGS]:
        view = finding_view(f, origin)
        view["message"] = clip(view["message"], MAX_A11Y_MESSAGE)
        view["wcag"] = [sc for sc in _criteria(f)[:6] if isinstance(sc, str) and _SC.match(sc)]
        view["same_as"] = None  # section_view says which are counted with a primary
        cards.append(view)
    review = []
    for item in as_list(details.get("needs_review"))[:20]:
        item = as_dict(item)
        review.append(
            {
                "rule": clip(item.get("rule"), MAX_SHORT),
                "help": clip(axe_help(item.get("rule"), item.get("help")), MAX_TITLE),
                "pages": fmt_int(item.get("pages")),
                "elements": fmt_int(item.get("elements")),
                "urls": [url_view(u, origin) for u in as_list(item.get("urls"))[:5]],
                "urls_more": (int_or_none(item.get("pages")) or 0)
                > min(5, len(as_list(item.get("urls")))),
            }
        )
    return {
        "criteria": criteria,
        "passed": sum(1 for r in criteria if r["status"] == "pass"),
        "failed": sum(1 for r in criteria if r["status"] == "fail"),
        "findings": cards,
        "findings_more": max(len(own) - MAX_A11Y_FINDINGS, 0),
        "pages_checked": fmt_int(details.get("pages_checked")) if details else None,
        "pages_judged": _judged_beyond(details),
        "axe_seconds": fmt_number(details.get("axe_seconds")) if details else None,
        "needs_review": review,
        "judged": [r["sentence"] for r in coverage_rows(results, "accessibility")],
    }


def _judged_beyond(details: dict | None) -> str | None:
    """How many pages axe's page-level rules judged, where that is more than the pages
    axe ran on in full (one per structural template): the lede says both, so "axe on 17
    pages" does not read as if 13 pages went unchecked."""
    if not details:
        return None
    judged, ran = (
        int_or_none(details.get("pages_judged")),
        int_or_none(details.get("pages_checked")),
    )
    return fmt_int(judged) if judged and ran is not None and judged > ran else None


def section_view(data: ReportData) -> dict[str, Any] | None:
    """The section, or None when no accessibility check ran and none found anything."""
    view = accessibility_view(data.results, data.findings, data.origin)
    if view is not None:
        numbers = [
            n for n, f in enumerate(data.findings, start=1) if f.get("category") == "accessibility"
        ]
        for card, number in zip(view["findings"], numbers, strict=False):
            card["same_as"] = data.same_as(number)
    return view
