"""The German tables of the reports, one module per part of what they translate.

Written for a German shop owner: Sie-form, the usual UX and WCAG terms (Barrierefreiheit,
Pflichtfeld, Warenkorb; the WCAG success criteria by their official German names).

- ``TEXTS``: English source string → German, for everything the reports write
  themselves (``chrome``: the frame, ``sections``: the report's sections, ``summary``:
  summary.md, the CI formats and the journeys; ``patterns``: the words of the lines
  results.json carries, with ``PATTERNS`` for the gate's lines);
- ``CHECKS``, ``TERMS``, ``TERM_PARAMS``, ``TERM_LIST_PARAMS`` (``terms``): the checks'
  titles by id and the audit's own words they pass as params;
- ``FINDINGS``: the findings' title, message and recommendation by message id, one
  module per family of checks (``findings_*``).

tests/reports/test_german.py keeps the tables complete for the templates and the
checks' message ids.
"""

from __future__ import annotations

from . import (
    chrome,
    findings_accessibility,
    findings_forms,
    findings_journeys,
    findings_navigation,
    findings_performance,
    findings_search,
    patterns,
    sections,
    summary,
)
from .terms import CHECKS, TERM_LIST_PARAMS, TERM_PARAMS, TERMS

__all__ = ["CHECKS", "FINDINGS", "PATTERNS", "TERMS", "TERM_LIST_PARAMS", "TERM_PARAMS", "TEXTS"]

#: the gate's lines by pattern (regex → German), for ``i18n.said``
PATTERNS = patterns.PATTERNS

TEXTS: dict[str, str] = {**patterns.TEXTS, **chrome.TEXTS, **sections.TEXTS, **summary.TEXTS}

FINDINGS: dict[str, dict[str, str]] = {
    **findings_accessibility.FINDINGS,
    **findings_forms.FINDINGS,
    **findings_journeys.FINDINGS,
    **findings_navigation.FINDINGS,
    **findings_performance.FINDINGS,
    **findings_search.FINDINGS,
}
