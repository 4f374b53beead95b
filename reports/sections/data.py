"""results.json read once, as every report section reads it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..common import as_list, origin_of
from .findings import sorted_findings

__all__ = ["ReportData"]


@dataclass(frozen=True)
class ReportData:
    """results.json as every section reads it: the raw dict plus what all of them need
    (the shop's origin, the profile, the page and check records, the findings worst first)."""

    results: Mapping[str, Any]
    origin: str | None
    profile: str
    pages: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    checks: list[dict[str, Any]]

    @classmethod
    def of(cls, results: Mapping[str, Any]) -> ReportData:
        target = results.get("target")
        profile = results.get("profile")
        return cls(
            results=results,
            origin=origin_of(target),
            profile=profile if profile in ("desktop", "mobile") else "",
            pages=[p for p in as_list(results.get("pages")) if isinstance(p, dict)],
            findings=sorted_findings(as_list(results.get("findings"))),
            checks=[c for c in as_list(results.get("checks")) if isinstance(c, dict)],
        )

    def ran(self, category: str) -> list[dict[str, Any]]:
        """The checks of ``category`` that ran."""
        return [
            c for c in self.checks if c.get("category") == category and c.get("status") == "ran"
        ]

    def check(self, check_id: str) -> dict[str, Any] | None:
        """The record of one check, by id (the first, should results.json repeat it)."""
        return next((c for c in self.checks if c.get("id") == check_id), None)

    def of_check(self, check_id: str) -> list[dict[str, Any]]:
        """The findings of one check, worst first."""
        return [f for f in self.findings if f.get("check") == check_id]
