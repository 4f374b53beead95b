"""search.box: the search field itself, on every page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.checkkit import listed
from auditor.model import Finding
from auditor.pagekinds import page_kind
from auditor.plugins import PageScript, PageView, SiteView

from .common import SearchCheck
from .locate import LOCATE_JS, clean_locate

__all__ = ["SearchBox"]

#: pages where a shop rightly leaves the search out (a distraction-free checkout)
_FOCUSED = frozenset({"checkout"})


class SearchBox(SearchCheck):
    """The search field: found on every page, visible, labelled, wide enough.

    What: on every audited page, where the search field stands, whether it is open
    or hidden behind an icon, its accessible name, its width in characters, whether
    it is marked as a search landmark (role=search) and has a submit button.
    Why: customers who search buy more, and a prominent, open field is what makes
    them search (Baymard); a box of 27 characters fits 90% of queries (Nielsen);
    a field known only by its placeholder has no name once the customer types, and
    screen readers may not announce it at all.
    Example: the header field is ``<input type=search placeholder="Search…">`` with
    no label and no ``role=search`` on its form.
    Fix: an open field in the shared header of every page, at least 27 characters
    wide, with a label (visible or ``aria-label``), inside ``<form role="search">``
    with a submit button.
    """

    id = "search.box"
    title = "Search field"
    description = "A visible, labelled, wide enough search field on every page."
    default_options: ClassVar[dict[str, Any]] = {"min_chars": 27}
    option_docs: ClassVar[dict[str, str]] = {
        "min_chars": "narrowest search field in characters (27 fits 90% of queries)"
    }

    def page_script(self, ctx: Any) -> PageScript:
        """Where the search is on this page, as plain facts (no clicks, no typing)."""
        return PageScript(LOCATE_JS, self.run_options["selector"] or None, clean_locate)

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self.details: dict[str, Any] | None = None

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        data = site.site_data or {}
        self.details = None
        found, missing, hidden, unnamed, narrow, landmark, nosubmit = [], [], [], [], [], [], []
        aside: list[str] = []
        sample: dict[str, dict] = {}
        for page in pages:
            if page.error or page.status is None or not 200 <= page.status < 300:
                continue
            facts = page.data
            if not isinstance(facts, dict):
                continue
            structure = page.facts.get("structure") or {}
            kind = page_kind(page.final_url or page.url, page.title, structure, site.start_url)
            field = facts.get("field")
            if field is None and facts.get("trigger") is None:
                if kind not in _FOCUSED:
                    missing.append(page.url)
                continue
            found.append(page.url)
            if self.details is None and field is not None:
                # where the search is, as the report's check table shows it
                self.details = {
                    k: field[k]
                    for k in ("where", "visible", "width_chars", "width_px", "name", "name_source")
                } | {"page": page.url, "role_search": field["role_search"]}
            if field is None or not field["visible"]:
                hidden.append(page.url)
                sample.setdefault("hidden", facts.get("trigger") or field or {})
                continue
            for name, bad, bucket in (
                ("aside", field["where"] not in ("header", "nav"), aside),
                ("unnamed", field["name_source"] in ("placeholder", "none"), unnamed),
                ("narrow", 0 < field["width_chars"] < self.options["min_chars"], narrow),
                ("landmark", not field["role_search"], landmark),
                ("submit", not field["submit"], nosubmit),
            ):
                if bad:
                    bucket.append(page.url)
                    sample.setdefault(name, field)
        if not found:
            return [self._none(data)] if missing or data else []
        out = []
        shot = (data.get("screenshots") or {}).get("box")
        if missing:
            out.append(
                self.finding(
                    severity="moderate",
                    title="Search missing on some pages",
                    message_id=f"{self.id}.search-missing-on-some-pages",
                    params={"count": len(missing), "found": len(found)},
                    message=(
                        f"{len(missing)} page(s) show no search field while "
                        f"{len(found)} others do: a customer there must go back to search."
                    ),
                    recommendation=(
                        "Put the search in the shared header of every page template "
                        "(a focused checkout may leave it out)."
                    ),
                    **listed(missing),
                    evidence={"pages_without": len(missing), "pages_with": len(found)},
                    key="missing-on-pages",
                )
            )
        if hidden:
            t = sample["hidden"]
            out.append(
                self.finding(
                    severity="moderate",
                    title="Search field hidden behind an icon",
                    message_id=f"{self.id}.search-field-hidden-behind-an-icon",
                    params={"name": t.get("name") or ""},
                    message=(
                        "The search field is not visible until the customer clicks "
                        f"{('“' + t.get('name') + '”') if t.get('name') else 'an icon'}: "
                        "many never notice that the shop can be searched."
                    ),
                    recommendation=(
                        "Show an open search field in the header on desktop; Baymard finds "
                        "that the field's prominence decides how many customers search."
                    ),
                    **listed(hidden),
                    selector=t.get("selector"),
                    snippet=t.get("snippet"),
                    evidence={"pages": len(hidden), "opened_by_click": data.get("opened_by_click")},
                    key="hidden",
                )
            )
        if aside:
            f = sample["aside"]
            out.append(
                self.finding(
                    severity="minor",
                    title="Search field not in the header",
                    message_id=f"{self.id}.search-field-not-in-the-header",
                    params={"where": f["where"]},
                    message=(
                        f"The search field stands in the page's {f['where']}, not in the "
                        "header where customers look for it first."
                    ),
                    recommendation=(
                        "Place the search field at the top of the page, in the shared header "
                        "(Baymard: the field's prominence decides how much it is used)."
                    ),
                    **listed(aside),
                    selector=f["selector"],
                    snippet=f["snippet"],
                    evidence={"where": f["where"]},
                    key="placement",
                )
            )
        if unnamed:
            f = sample["unnamed"]
            only = "only a placeholder" if f["name_source"] == "placeholder" else "no name at all"
            out.append(
                self.finding(
                    severity="serious" if f["name_source"] == "none" else "moderate",
                    title="Search field has no label",
                    message_id=f"{self.id}.search-field-has-no-label",
                    params={
                        "source": "placeholder" if f["name_source"] == "placeholder" else "none"
                    },
                    message=(
                        f"The search field has {only}: no <label>, aria-label or "
                        "aria-labelledby. The placeholder vanishes as soon as the customer "
                        "types, and screen readers may announce the field without a name."
                    ),
                    recommendation=(
                        'Give the field a label: a visible <label> or aria-label="Search", '
                        "and keep the placeholder as an example only (WCAG 1.3.1, 4.1.2)."
                    ),
                    **listed(unnamed),
                    selector=f["selector"],
                    snippet=f["snippet"],
                    evidence={"name_source": f["name_source"], "name": f["name"]}
                    | ({"screenshot": shot} if shot else {}),
                    key="label",
                )
            )
        if narrow:
            f = sample["narrow"]
            out.append(
                self.finding(
                    severity="minor",
                    title="Search field too narrow",
                    message_id=f"{self.id}.search-field-too-narrow",
                    params={
                        "chars": f["width_chars"],
                        "px": f["width_px"],
                        "min": self.options["min_chars"],
                    },
                    message=(
                        f"The search field shows about {f['width_chars']} characters "
                        f"({f['width_px']} px); longer queries scroll out of sight and "
                        "customers cannot check what they typed."
                    ),
                    recommendation=(
                        f"Make the field at least {self.options['min_chars']} characters wide: "
                        "that fits 90% of queries (Nielsen)."
                    ),
                    **listed(narrow),
                    selector=f["selector"],
                    snippet=f["snippet"],
                    evidence={
                        "width_chars": f["width_chars"],
                        "width_px": f["width_px"],
                        "threshold_chars": self.options["min_chars"],
                    },
                    key="width",
                )
            )
        if landmark:
            f = sample["landmark"]
            out.append(
                self.finding(
                    severity="minor",
                    title="Search is not marked as a search landmark",
                    message_id=f"{self.id}.search-is-not-marked-as-a-search-landmark",
                    message=(
                        "The search form has no role=search (nor a <search> element): "
                        "screen reader users cannot jump to it from the landmarks list."
                    ),
                    recommendation='Add role="search" to the search form.',
                    **listed(landmark),
                    selector=f["selector"],
                    snippet=f["snippet"],
                    evidence={"role_search": False},
                    key="landmark",
                )
            )
        if nosubmit:
            f = sample["submit"]
            out.append(
                self.finding(
                    severity="minor",
                    title="Search field has no submit button",
                    message_id=f"{self.id}.search-field-has-no-submit-button",
                    message=(
                        "There is no button next to the search field: on touch screens "
                        "and for customers who do not know to press Enter, the search "
                        "cannot be sent (21% of mobile sites, Baymard)."
                    ),
                    recommendation="Put a submit button right beside the field.",
                    **listed(nosubmit),
                    selector=f["selector"],
                    snippet=f["snippet"],
                    evidence={"submit": False},
                    key="submit",
                )
            )
        return out

    def _none(self, data: dict) -> Finding:
        via = data.get("method") == "url_pattern"
        return self.finding(
            severity="moderate" if via else "serious",
            title="No search field found",
            message_id=f"{self.id}.no-search-field-found" + ("-via-pattern" if via else ""),
            message=(
                "No page shows a search field or an icon that opens one"
                + (
                    "; the searches ran through the configured url_pattern."
                    if via
                    else ": customers who know what they want cannot search for it."
                )
            ),
            recommendation=(
                "Offer an open search field in the header of every page. If the shop has "
                "one the auditor missed, name it in the config: "
                '[checks."search.results"] selector = "#my-search" or '
                'url_pattern = "/search?q={query}".'
            ),
            url=data.get("start"),
            evidence={"method": data.get("method")},
            key="none",
        )
