"""Pages no link leads to, and pages that lead nowhere."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import Check, PageView, SiteView
from auditor.urls import TemplateGrouper, looks_like_html, url_key

from .common import Addresses, content_pages, listed, plural

__all__ = ["DeadEnds", "Orphans"]

#: reasons of pages the crawl left out on purpose; with any, the link graph is partial
_LEFT_OUT = frozenset({"sampled", "depth", "max_pages"})


class Orphans(Check):
    """Orphan pages.

    What: pages listed in the sitemap that no crawled page links to.
    Why: a customer can only reach them from outside (a search engine, an old
    bookmark); in the shop itself they are lost, and often forgotten leftovers.
    Example: a lantern in the product sitemap that no category lists.
    Fix: link the page from its category (or the menu), or take it out of the sitemap
    and redirect it if it is gone.
    """

    id = "navigation.orphans"
    category = "navigation"
    title = "Orphan pages"
    description = "Pages in the sitemap that no page of the shop links to."
    requires = ("redirects",)
    default_options: ClassVar[dict[str, Any]] = {"max_findings": 50}
    option_docs: ClassVar[dict[str, str]] = {
        "max_findings": "templates whose orphans get a finding each; the rest are summed up in one"
    }

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        # sitemap URLs are normalised and kept to the shop's site by the engine; one
        # that redirects is reached where links reach the page it redirects to
        candidates = [
            u
            for u in dict.fromkeys(site.sitemap_urls)
            if u not in site.depths and looks_like_html(u)
        ]
        if not candidates:
            return []
        addresses = Addresses(pages)
        reached = {addresses.resolve(u) for u in site.depths}
        orphans = [u for u in candidates if addresses.resolve(u) not in reached]
        if not orphans:
            return []
        partial = any(
            reason in _LEFT_OUT and url not in site.mapped
            for url, reason in site.unrendered.items()
        )
        wanted = set(orphans)
        titles = {p.url: p.title for p in pages if p.url in wanted}
        # one finding per URL template: orphans of one kind (old products left in the
        # sitemap) share a cause; a template of the sitemap's own order, never the crawl's
        grouper = TemplateGrouper()
        groups: dict[str, list[str]] = defaultdict(list)
        for u in orphans:
            groups[grouper.template_of(u)].append(u)
        cap = self.options["max_findings"]
        ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        findings = [self._orphan(t, us, titles.get(us[0]), partial) for t, us in ordered[:cap]]
        rest = [u for _, us in ordered[cap:] for u in us]
        if rest:
            findings.append(
                self.finding(
                    severity="minor",
                    title=f"{len(rest)} more sitemap pages are linked from nowhere",
                    message=(
                        f"Besides the pages listed, {len(rest)} pages of the sitemap were "
                        "not reached through any link of the crawled pages."
                    ),
                    recommendation=(
                        "Link them from their categories, or drop them from the sitemap."
                    ),
                    **listed(rest),
                    evidence={"pages": len(rest), "partial_crawl": partial},
                    key="more-orphans",
                    message_id=f"{self.id}.more",
                    params={"count": len(rest)},
                )
            )
        return findings

    def _orphan(self, template: str, urls: list[str], title: str | None, partial: bool) -> Finding:
        hedge = (
            " The crawl left some pages out (sampling or limits), so one of those may "
            "still link to it."
            if partial
            else ""
        )
        url = urls[0]
        many = len(urls) > 1
        also = f" So are {len(urls) - 1} more pages of {template}." if many else ""
        return self.finding(
            severity="minor" if partial else "moderate",
            title=(
                f"{len(urls)} pages of {template} in the sitemap that no page links to"
                if many
                else "Page in the sitemap that no page links to"
            ),
            message=(
                f"{title or url_key(url)} ({url_key(url)}) is listed in the sitemap, but none "
                f"of the crawled pages links to it: customers cannot get there in the shop."
                + also
                + hedge
            ),
            recommendation=(
                "Link the page from its category or the menu; if it is obsolete, remove it "
                "from the sitemap and redirect it to its successor."
            ),
            url=url,
            urls=urls,
            evidence={"in_sitemap": True, "linked_from": 0, "partial_crawl": partial},
            key=f"orphans:{template}",
            message_id=f"{self.id}.orphan-"
            + ("many" if many else "one")
            + ("-partial" if partial else ""),
            params={
                "title": title or url_key(url),
                "path": url_key(url),
                "count": len(urls),
                "more": len(urls) - 1,
                "template": template,
            },
        )


class DeadEnds(Check):
    """Dead ends.

    What: pages that link to no other page of the shop.
    Why: the only way on is the back button; a customer who arrived from a search
    engine leaves.
    Example: a landing page with text and an image but no header, menu or footer.
    Fix: give every page the shop's header, main menu and footer.
    """

    id = "navigation.dead-ends"
    category = "navigation"
    title = "Dead ends"
    description = "Pages with no link to any other page of the shop."
    requires = ("links", "redirects")

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        by_template: dict[str, list[str]] = defaultdict(list)
        addresses = Addresses(pages)
        for page in content_pages(pages):
            here = addresses.resolve(page.url)
            onward = any(
                link.internal and addresses.resolve(link.url) != here
                for link in page.facts.get("links") or []
            )
            if not onward:
                by_template[page.template].append(page.url)
        findings = []
        for template, urls in sorted(by_template.items()):
            many = len(urls)
            findings.append(
                self.finding(
                    severity="moderate",
                    title="Page links nowhere",
                    message=(
                        f"{plural(many, 'page')} of the form {template} "
                        f"{'have' if many != 1 else 'has'} no link to any other page of the "
                        "shop: the back button is the only way on."
                    ),
                    recommendation="Give these pages the shop's header, main menu and footer.",
                    **listed(urls),
                    evidence={"template": template, "pages": many},
                    key=f"dead-end:{template}",
                    message_id=f"{self.id}.dead-end",
                    params={"count": many, "template": template},
                )
            )
        return findings
