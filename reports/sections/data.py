"""results.json read once, as every report section reads it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..common import MAX_FINDING_CARDS, MAX_FINDING_ROWS, MAX_TITLE, as_list, clip, origin_of
from ..i18n import finding_text, t
from .findings import finding_anchor, finding_ref, primary_links, sorted_findings

__all__ = ["ReportData"]


@dataclass(frozen=True)
class ReportData:
    """results.json as every section reads it: the raw dict plus what all of them need
    (the shop's origin, the profile, the page and check records, the findings worst first).

    Findings are numbered 1, 2, … worst first; the numbers make the anchors of the Top
    problems section (``finding-N``). ``links`` maps the number of a finding that points
    to a primary finding of another check (the same defect, counted once) to its
    primary's number. Top problems lists the other findings (``top``) and each linked
    finding under its primary, so ``anchor`` gives an anchor only to a finding that
    section shows.
    """

    results: Mapping[str, Any]
    origin: str | None
    profile: str
    pages: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    checks: list[dict[str, Any]]
    links: dict[int, int] = field(default_factory=dict)
    shown: frozenset[int] = frozenset()
    numbers: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, results: Mapping[str, Any]) -> ReportData:
        target = results.get("target")
        profile = results.get("profile")
        findings = sorted_findings(as_list(results.get("findings")))
        links = primary_links(findings)
        top = [n for n in range(1, len(findings) + 1) if n not in links]
        listed = set(top[: MAX_FINDING_CARDS + MAX_FINDING_ROWS])
        shown = listed | {n for n, p in links.items() if p in listed}
        numbers: dict[str, int] = {}
        for n, f in enumerate(findings, start=1):
            if isinstance(f.get("fingerprint"), str) and f["fingerprint"]:
                numbers.setdefault(f["fingerprint"], n)
        return cls(
            results=results,
            origin=origin_of(target),
            profile=profile if profile in ("desktop", "mobile") else "",
            pages=[p for p in as_list(results.get("pages")) if isinstance(p, dict)],
            findings=findings,
            checks=[c for c in as_list(results.get("checks")) if isinstance(c, dict)],
            links=links,
            shown=frozenset(shown),
            numbers=numbers,
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

    # -- findings by number and the same defect counted once --------------------------

    @property
    def top(self) -> list[int]:
        """The numbers of the findings Top problems lists as problems of their own: all
        but those counted with a primary finding."""
        return [n for n in range(1, len(self.findings) + 1) if n not in self.links]

    @property
    def distinct(self) -> list[dict[str, Any]]:
        """The findings, worst first, without those counted with a primary: one per
        defect, as the engine counts them."""
        return [self.findings[n - 1] for n in self.top]

    def number(self, fingerprint: Any) -> int | None:
        """The number of the finding with ``fingerprint`` (the first, if repeated)."""
        return self.numbers.get(fingerprint) if isinstance(fingerprint, str) else None

    def anchor(self, number: int | None) -> str | None:
        """The id of finding ``number`` in Top problems, or None where it is not shown."""
        return finding_anchor(number) if number in self.shown else None

    def linked_to(self, number: int) -> list[int]:
        """The numbers of the findings counted with primary ``number``, worst first."""
        return [n for n, p in self.links.items() if p == number]

    def same_as(self, number: int) -> dict[str, Any] | None:
        """For a finding that points to a primary finding: the primary's title, check and
        anchor, to say "Same defect as … (counted once)". None for a finding of its own;
        ``title`` is empty when the primary is not in results.json."""
        finding = self.findings[number - 1] if 0 < number <= len(self.findings) else {}
        primary = self.links.get(number)
        if primary is None:
            pointer = finding.get("primary")
            if not isinstance(pointer, str) or not pointer or pointer == finding.get("fingerprint"):
                return None
            return {"title": "", "check": "", "anchor": None}
        target = self.findings[primary - 1]
        return {
            "title": clip(finding_text(target, "title"), MAX_TITLE) or t("Untitled finding"),
            "check": clip(target.get("check"), MAX_TITLE),
            "anchor": self.anchor(primary),
        }

    def ref(self, number: int) -> dict[str, Any]:
        """A short mention of finding ``number`` that links to its entry in Top problems
        and says when it is the same defect as another check's finding."""
        return {
            **finding_ref(self.findings[number - 1]),
            "anchor": self.anchor(number),
            "same_as": self.same_as(number),
        }
