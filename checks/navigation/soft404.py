"""Soft 404s, and error pages that leave the customer stranded."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import urljoin

from auditor.model import Finding
from auditor.pagekinds import says_not_found
from auditor.plugins import Check, PageView, SiteView
from auditor.urls import url_key

from .common import is_html, listed, plural

__all__ = ["Soft404"]


def _way_back(structure: dict) -> bool:
    """An error page helps when it keeps the menu or offers the search."""
    return bool(structure.get("main_nav") or structure.get("search"))


class Soft404(Check):
    """Soft 404s and helpless error pages.

    What: pages that answer 200 but tell the customer the page was not found; the
    answer to an address that cannot exist (the site step asks for ``probe_path``);
    and error pages that offer neither the menu nor the search.
    Why: a "not found" page with status 200 is indexed by search engines and counted
    as a success by monitoring, so broken links stay unnoticed; an error page with no
    way back ends the visit.
    Example: /no-such-page answers 200 with a bare "Page not found".
    Fix: answer unknown addresses with status 404 (410 for removed products), and keep
    the shop's header, menu and search on the error page, with links to the main
    categories.
    """

    id = "navigation.soft-404"
    category = "navigation"
    title = "Soft 404s and error pages"
    description = "Missing pages must say 404, and the error page must offer a way back."
    requires = ("structure",)
    default_options: ClassVar[dict[str, Any]] = {
        "probe_path": "/auditor-probe-this-page-does-not-exist"
    }
    option_docs: ClassVar[dict[str, str]] = {
        "probe_path": 'an address that cannot exist on the shop, asked for once ("" to skip)'
    }

    async def site(self, site) -> dict | None:
        """Ask for an address that cannot exist, the way a customer with a bad link does."""
        path = self.options["probe_path"]
        if not path or site.visit is None:
            return None
        url = urljoin(site.view.start_url, path)
        record = await site.visit(url)
        if record is None:
            return {"url": url, "skipped": "robots.txt does not allow it"}
        return {
            "url": url,
            "final_url": record.final_url,
            "status": record.status,
            "redirected": bool(record.redirects),
            "content_type": record.content_type,
            "title": record.title,
            "structure": record.structure,
            "error": None if record.error is None else record.error.code,
        }

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        findings: list[Finding] = []
        probe = site.site_data or {}
        if probe.get("status") and not probe.get("error"):
            findings += self._judge_probe(probe, site)
        soft, stranded = [], []
        for page in pages:
            structure = page.facts.get("structure") or {}
            if page.error or not is_html(page) or page.status is None:
                continue
            if 200 <= page.status < 300 and says_not_found(page.title, structure.get("h1")):
                soft.append(page.url)
                if not _way_back(structure):
                    stranded.append(page.url)
            elif page.status >= 400 and structure and not _way_back(structure):
                stranded.append(page.url)
        if soft:
            findings.append(self._soft(soft))
        if stranded:
            findings.append(self._stranded(stranded))
        return findings

    def _judge_probe(self, probe: dict, site: SiteView) -> list[Finding]:
        url, status = probe["url"], probe["status"]
        structure = probe.get("structure") or {}
        out = []
        if 200 <= status < 300:
            final = probe.get("final_url") or url
            if probe.get("redirected") and final != url:
                what = f"redirects to {url_key(final)}, which answers {status}"
            elif says_not_found(probe.get("title"), structure.get("h1")):
                what = f"shows a \u201cnot found\u201d page with status {status}"
            else:
                what = f"answers {status} with an ordinary page"
            out.append(
                self.finding(
                    severity="serious",
                    title="Missing pages answer with success (soft 404)",
                    message=(
                        f"An address that cannot exist ({url_key(url)}) {what}. Search engines "
                        "index such pages, and monitoring never sees the broken links that "
                        "lead customers there."
                    ),
                    recommendation=(
                        "Answer unknown addresses with HTTP 404 (410 for products that are gone "
                        "for good), and keep a helpful error page with the shop's header, menu "
                        "and search."
                    ),
                    url=url,
                    urls=[url],
                    evidence={"probe": url, "status": status, "final_url": final},
                    key="probe",
                    message_id=f"{self.id}.probe-"
                    + (
                        "redirect"
                        if probe.get("redirected") and final != url
                        else "not-found"
                        if says_not_found(probe.get("title"), structure.get("h1"))
                        else "ordinary"
                    ),
                    params={"path": url_key(url), "target": url_key(final), "status": status},
                )
            )
        if structure and not _way_back(structure):
            out.append(self._stranded([url], probe=True))
        return out

    def _soft(self, urls: list[str]) -> Finding:
        many = len(urls)
        return self.finding(
            severity="serious",
            title="\u201cNot found\u201d page answers with success",
            message=(
                f"{many} crawled page{'s say' if many != 1 else ' says'} the page was not "
                "found, but answer HTTP 200: search engines index them and the broken links "
                "to them go unnoticed."
            ),
            recommendation="Answer with HTTP 404 where the page does not exist.",
            **listed(urls),
            evidence={"pages": many},
            key="soft-404-pages",
            message_id=f"{self.id}.pages",
            params={"count": many},
        )

    def _stranded(self, urls: list[str], probe: bool = False) -> Finding:
        many = len(urls)
        return self.finding(
            severity="moderate",
            title="Error page offers no way back",
            message=(
                ("The shop's error page" if probe else plural(many, "error page"))
                + (" shows" if probe or many == 1 else " show")
                + " neither the main menu nor the search: a customer who follows a broken "
                "link has nowhere to go but away."
            ),
            recommendation=(
                "Keep the shop's header, main menu and search on error pages, and suggest the "
                "main categories or popular products."
            ),
            **listed(urls),
            evidence={"pages": many, "probe": probe},
            key="stranded-probe" if probe else "stranded",
            message_id=f"{self.id}.stranded" + ("-probe" if probe else ""),
            params={"count": many},
        )
