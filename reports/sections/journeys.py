"""The customer journeys section: not shown yet, as results.json records no journeys.

The hook: ARCHITECTURE.md plans a top-level ``journeys`` list (per journey and persona:
steps, fields, waits, effort seconds, completed, where it stopped). When the audit writes
it, this builder returns its view model and ``templates/sections/journeys.html.j2`` lays
it out; the registry in ``reports/sections/__init__.py`` already gives it its place in
the report and in the menu, between Forms and Accessibility.
"""

from __future__ import annotations

from typing import Any

from .data import ReportData

__all__ = ["journeys_view"]


def journeys_view(data: ReportData) -> dict[str, Any] | None:
    """None for now: no audit records journeys yet, so the section never appears."""
    return None
