"""What the machine formats (JUnit, SARIF, CSV) share: findings and pages read from a
results.json dict defensively, severities in order, pages mapped to their templates.

Each machine format reads only results.json (the contract), so a results file of an
older audit renders as well as a new one; missing or odd fields become empty values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .common import SEVERITIES, as_dict, as_list, clip

__all__ = [
    "DEFAULT_MIN_SEVERITY",
    "at_least",
    "finding_pages",
    "findings",
    "page_templates",
    "pages",
    "setting",
]

DEFAULT_MIN_SEVERITY = "serious"
_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # critical 0 ... minor 3


def at_least(severity: Any, minimum: str) -> bool:
    """Whether ``severity`` is ``minimum`` or worse; an unknown severity never is."""
    rank = _RANK.get(severity) if isinstance(severity, str) else None
    return rank is not None and rank <= _RANK.get(minimum, _RANK[DEFAULT_MIN_SEVERITY])


def findings(results: Mapping[str, Any]) -> list[dict]:
    """The findings that are objects (others are skipped)."""
    return [f for f in as_list(results.get("findings")) if isinstance(f, dict)]


def pages(results: Mapping[str, Any]) -> list[dict]:
    """The pages that are objects with a URL."""
    return [
        p
        for p in as_list(results.get("pages"))
        if isinstance(p, dict) and isinstance(p.get("url"), str)
    ]


def page_templates(results: Mapping[str, Any]) -> dict[str, str]:
    """Each page's URL -> its URL template."""
    return {p["url"]: clip(p.get("template") or "(none)", 200) for p in pages(results)}


def finding_pages(finding: Mapping[str, Any]) -> list[str]:
    """The pages a finding is on, its first page first; none for a site-wide finding."""
    urls = [u for u in as_list(finding.get("urls")) if isinstance(u, str)]
    first = finding.get("url")
    if isinstance(first, str) and first not in urls:
        urls.insert(0, first)
    return urls


def setting(results: Mapping[str, Any], section: str, key: str, default: Any) -> Any:
    """An effective setting as recorded in results.json (``settings``), else ``default``."""
    value = as_dict(as_dict(results.get("settings")).get(section)).get(key)
    return default if value is None else value
