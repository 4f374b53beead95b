"""WCAG versions and levels, and where a finding stands in WCAG and EN 301 549.

Why in the engine: the level a user asks for (``wcag = "2.2 AA"``) becomes axe-core's
tags, and every accessibility finding, axe's and the project's own checks', is named by
its success criteria and by the clauses of EN 301 549 (the European standard behind the
European Accessibility Act and Germany's BFSG), so that a tester can hand the report's
per-criterion table to an auditor. EN 301 549 V3.2.1, chapter 9 (web pages), mirrors
WCAG 2.1 level A and AA: success criterion x.y.z is clause 9.x.y.z. Criteria new in
WCAG 2.2 and level AAA have no clause there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "CHECK_CRITERIA",
    "WCAG21_A_AA",
    "axe_tags",
    "en_301_549",
    "finding_criteria",
    "parse_wcag",
    "with_criteria",
]

#: WCAG 2.1 success criteria of levels A and AA: those EN 301 549 V3.2.1 (9.x.y.z) mirrors
WCAG21_A_AA = frozenset(
    """1.1.1 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.4.1 1.4.2 1.4.3
    1.4.4 1.4.5 1.4.10 1.4.11 1.4.12 1.4.13 2.1.1 2.1.2 2.1.4 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2
    2.4.3 2.4.4 2.4.5 2.4.6 2.4.7 2.5.1 2.5.2 2.5.3 2.5.4 3.1.1 3.1.2 3.2.1 3.2.2 3.2.3
    3.2.4 3.3.1 3.3.2 3.3.3 3.3.4 4.1.1 4.1.2 4.1.3""".split()
)

_VERSIONS = ("2.0", "2.1", "2.2")
_LEVELS = ("A", "AA", "AAA")
#: axe-core's tags per version and level (axe 4.x has no 2.1/2.2 AAA rules of their own)
_AXE_TAGS = {
    ("2.0", "A"): ["wcag2a"],
    ("2.0", "AA"): ["wcag2aa"],
    ("2.0", "AAA"): ["wcag2aaa"],
    ("2.1", "A"): ["wcag21a"],
    ("2.1", "AA"): ["wcag21aa"],
    ("2.2", "A"): ["wcag22a"],
    ("2.2", "AA"): ["wcag22aa"],
}
_SPEC = re.compile(r"^\s*(?:wcag\s*)?(2\.[012])\s*(A{1,3})\s*$", re.I)


def parse_wcag(spec: str) -> tuple[str, str] | None:
    """``"2.1 AA"`` -> ("2.1", "AA"); None where it names no WCAG version and level."""
    m = _SPEC.match(spec) if isinstance(spec, str) else None
    return (m.group(1), m.group(2).upper()) if m else None


def axe_tags(spec: str, best_practices: bool = True, experimental: bool = False) -> list[str]:
    """axe-core's tags for a WCAG version and level: every earlier version and every
    lower level included (2.2 AA is 2.0 A and AA, 2.1 A and AA, and 2.2 AA)."""
    parsed = parse_wcag(spec)
    if parsed is None:
        raise ValueError(f"{spec!r} is not a WCAG version and level such as '2.1 AA'")
    version, level = parsed
    tags: list[str] = []
    for v in _VERSIONS[: _VERSIONS.index(version) + 1]:
        for lv in _LEVELS[: _LEVELS.index(level) + 1]:
            tags += _AXE_TAGS.get((v, lv), [])
    if best_practices:
        tags.append("best-practice")
    if experimental:
        tags.append("experimental")
    return tags


def en_301_549(criteria: Iterable[str]) -> list[str]:
    """The EN 301 549 V3.2.1 clauses for web pages that mirror these success criteria."""
    return [f"9.{sc}" for sc in criteria if sc in WCAG21_A_AA]


#: the project's own checks: success criteria by check, and by words of a finding's
#: title where a check finds barriers of several kinds (first match wins). A finding
#: whose evidence names its criteria (``evidence.wcag``) keeps those.
CHECK_CRITERIA: dict[str, list[tuple[str, list[str]]]] = {
    "accessibility.duplicate-ids": [("", ["4.1.1"])],
    "accessibility.image-alts": [("", ["1.1.1"])],
    "accessibility.link-texts": [("", ["2.4.4"])],
    "accessibility.motion": [("", ["2.2.2"])],
    "accessibility.reflow": [("zoom", ["1.4.4"]), ("", ["1.4.10"])],
    "accessibility.text-resize": [("", ["1.4.4"])],
    "accessibility.keyboard": [
        ("trap", ["2.1.2"]),
        ("focus", ["2.4.7"]),
        ("skip", ["2.4.1"]),
        ("", ["2.1.1"]),
    ],
    "forms.labels": [
        ("accessible name|differs", ["2.5.3"]),
        ("placeholder", ["1.3.1", "3.3.2"]),
        ("screen readers only", ["3.3.2"]),
        ("", ["1.3.1", "3.3.2", "4.1.2"]),
    ],
    "forms.input-types": [("autocomplete|autofill", ["1.3.5"])],
    "forms.required-fields": [("only to the eye", ["1.3.1", "3.3.2"]), ("", ["3.3.2"])],
    "forms.touch-targets": [("too small|24", ["2.5.8"])],
    "forms.error-handling": [
        ("announced", ["4.1.3"]),
        ("tied|no error", ["3.3.1"]),
        ("malformed", ["3.3.1"]),
    ],
}
_SC = re.compile(r"^\d\.\d{1,2}\.\d{1,2}$")


def finding_criteria(finding: dict[str, Any]) -> list[str]:
    """A finding's WCAG success criteria: what its evidence names (axe's rule tags, the
    own checks' ``evidence.wcag``), else the table above; [] where none applies."""
    evidence = finding.get("evidence") if isinstance(finding.get("evidence"), dict) else {}
    named = [sc for sc in evidence.get("wcag") or [] if isinstance(sc, str) and _SC.match(sc)]
    if named:
        return list(dict.fromkeys(named))
    title = str(finding.get("title") or "").lower()
    for words, criteria in CHECK_CRITERIA.get(str(finding.get("check")), []):
        if not words or re.search(words, title):
            return list(criteria)
    return []


def with_criteria(finding: dict[str, Any]) -> dict[str, Any]:
    """The finding of results.json with ``wcag`` and ``en_301_549`` where it has criteria."""
    criteria = finding_criteria(finding)
    if criteria:
        finding["wcag"] = criteria
        finding["en_301_549"] = en_301_549(criteria)
    return finding
