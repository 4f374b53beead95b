"""The sections of the HTML report, in the order they appear, each with its own builder.

Why a registry: a section appears (and gets an entry in the report's menu) only when the
data it shows is in results.json, and a new section (the customer journeys, once the
audit records them) is one more entry here, a builder and a template partial, without
touching the rest of the report.

A builder takes the ``ReportData`` (results.json read once) and returns the section's view
model, or None when its checks did not run. Its partial, in ``templates/sections/``, lays
the view out as ``view``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..i18n import t
from . import (
    accessibility,
    audit,
    baseline,
    forms,
    journeys,
    pages,
    performance,
    problems,
    scores,
    search,
    structure,
    trend,
)
from .data import ReportData

__all__ = ["SECTIONS", "ReportData", "Section", "build_sections"]


Builder = Callable[[ReportData], Any]


@dataclass(frozen=True)
class Section:
    """One section: its anchor id, its name in the menu, its partial and its builder.

    ``count`` may return a number for the menu entry's badge (and whether it warns)."""

    id: str
    title: str
    template: str
    build: Builder
    count: Callable[[Any], tuple[int, bool] | None] | None = None


SECTIONS: tuple[Section, ...] = (
    Section("gate", "Gate and baseline", "gate", baseline.gate_view, baseline.count),
    Section("categories", "Scores", "categories", scores.categories_view),
    Section("trend", "Trend", "trend", trend.trend_view),
    Section("problems", "Top problems", "problems", problems.problems_view, problems.count),
    Section("scoring", "How the score is made", "scoring", scores.scoring_view),
    Section("performance", "Performance", "performance", performance.performance_view),
    Section("search", "Search", "search", search.search_view),
    Section("forms", "Forms", "forms", forms.forms_view),
    Section("journeys", "Journeys", "journeys", journeys.journeys_view),
    Section("accessibility", "Accessibility", "accessibility", accessibility.section_view),
    Section("structure", "Site structure", "structure", structure.structure_view),
    Section("pages", "Pages", "pages", pages.pages_view, pages.count),
    Section("audit", "Audit problems", "audit", audit.audit_view, audit.count),
    Section("crawl", "Crawl summary", "crawl", audit.crawl_view),
)


def build_sections(data: ReportData) -> list[dict[str, Any]]:
    """The sections whose data is present, in order, each with its view model."""
    out = []
    for spec in SECTIONS:
        view = spec.build(data)
        if view is None:
            continue
        counted = spec.count(view) if spec.count else None
        out.append(
            {
                "id": spec.id,
                "title": t(spec.title),
                "template": f"sections/{spec.template}.html.j2",
                "view": view,
                "count": counted[0] if counted else None,
                "count_warn": bool(counted and counted[1]),
            }
        )
    return out
