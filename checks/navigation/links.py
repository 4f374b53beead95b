"""Link health: do the shop's links lead where they promise, without detours?"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding
from auditor.plugins import Check, PageView, SiteView
from auditor.urls import url_key

from .common import plural

__all__ = ["BrokenLinks", "RedirectChains"]

_PLACE_WEIGHT = {"nav": 0, "header": 1, "footer": 2, "breadcrumb": 3, "body": 4}
_CRITICAL_RESOURCES = {"script", "stylesheet", "document"}


#: network errors that mean the resource's server cannot be reached or refused it, as
#: every later load will find it (not a cancelled load, not the audit's own block, not
#: a timeout that a busy moment can cause)
_UNREACHABLE = (
    "net::ERR_NAME_NOT_RESOLVED",
    "net::ERR_NAME_RESOLUTION_FAILED",
    "net::ERR_CONNECTION_REFUSED",
    "net::ERR_CONNECTION_RESET",
    "net::ERR_CONNECTION_CLOSED",
    "net::ERR_EMPTY_RESPONSE",
    "net::ERR_ADDRESS_UNREACHABLE",
    "net::ERR_CERT_",
    "net::ERR_SSL_",
)
#: resources whose loss a customer notices (a beacon or a prefetch is not one)
_VISIBLE_RESOURCES = {"script", "stylesheet", "font", "image", "media", "document"}


def _is_broken(status: int | None) -> bool:
    return status is not None and status >= 400


def _unreachable(resource: dict[str, Any]) -> bool:
    """A script, style, font or image whose server could not be reached at all."""
    failure = str(resource.get("failure") or "")
    return (
        resource.get("status") is None
        and resource.get("type") in _VISIBLE_RESOURCES
        and failure.startswith(_UNREACHABLE)
    )


def _mapped_links(site: SiteView) -> Iterable[tuple[str, str]]:
    """(page, link target) of the pages the link map read over HTTP."""
    if site.out_links is None:
        return
    for url, mapped in site.mapped.items():
        if mapped.error is None and mapped.status == 200:
            source = mapped.final_url or url
            for target in site.out_links(source):
                yield source, target


class BrokenLinks(Check):
    """Broken links and resources.

    What: internal links whose target answers 4xx/5xx, and resources (images,
    scripts, styles, fonts) the pages load that answer 4xx/5xx or whose server cannot
    be reached (a refused connection, an unknown host, a broken certificate).
    Why: a dead link is a dead end in the customer's journey; a link in the menu or
    footer is one on every page. A missing script or stylesheet can break the page.
    Example: the home page links to ``/product/discontinued-parka``, which answers 404.
    Fix: link to the current page, redirect the old address to its successor (301),
    or remove the link.
    """

    id = "navigation.broken-links"
    category = "navigation"
    title = "Broken links and resources"
    description = "Internal links and page resources that answer with an error status."
    requires = ("links", "failed_resources")
    default_options: ClassVar[dict[str, Any]] = {"max_checks": 300, "concurrency": 4}
    option_docs: ClassVar[dict[str, str]] = {
        "max_checks": "status checks of linked files and pages the crawl did not render",
        "concurrency": "parallel status checks (the per-host rate limit still applies)",
    }

    async def site(self, site) -> dict:
        """Ask for the status of linked in-scope URLs the crawl did not render (files
        such as PDFs first, then pages left out by sampling or limits)."""
        order = {"file": 0, "sampled": 1, "depth": 2, "max_pages": 3}
        known = site.view.statuses  # the link map read many of them already
        pending = sorted(
            ((u, why) for u, why in site.view.unrendered.items() if u not in known),
            key=lambda kv: (order.get(kv[1], 9), kv[0]),
        )
        pending = [url for url, _ in pending[: self.options["max_checks"]]]
        statuses: dict[str, int | None] = {}
        errors: dict[str, str] = {}
        gate = asyncio.Semaphore(max(1, self.options["concurrency"]))

        async def one(url: str) -> None:
            async with gate:
                result = await site.fetcher.status(url)
            statuses[url] = result.status
            if result.error:
                errors[url] = result.error

        await asyncio.gather(*(one(u) for u in pending))
        return {
            "statuses": statuses,
            "errors": errors,
            "unchecked": max(0, len(site.view.unrendered) - len(pending)),
        }

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        extra = (site.site_data or {}).get("statuses", {})
        statuses = {**site.statuses, **extra}
        broken = {u for u, s in statuses.items() if _is_broken(s)}
        sources: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        resources: dict[tuple[str, str], dict[str, Any]] = {}
        for page in pages:
            if page.error:
                continue
            for link in page.links:
                if link.internal and link.url in broken and link.url != page.url:
                    sources[link.url].append((page.url, link.text, link.place))
            for res in page.failed_resources:
                if not (_is_broken(res.get("status")) or _unreachable(res)):
                    continue
                key = (res["url"], res.get("type") or "other")
                answer = res.get("status") or str(res.get("failure"))[:60]
                entry = resources.setdefault(key, {"status": answer, "pages": []})
                entry["pages"].append(page.url)
        for source, target in _mapped_links(site):
            if target in broken and target != source:
                sources[target].append((source, "", "body"))
        findings = [self._link_finding(t, statuses[t], s) for t, s in sorted(sources.items())]
        findings += [self._resource_finding(u, t, e) for (u, t), e in sorted(resources.items())]
        return findings

    def _link_finding(self, target: str, status: int, found: list[tuple[str, str, str]]) -> Finding:
        found.sort(key=lambda x: (_PLACE_WEIGHT.get(x[2], 9), x[0]))
        page_urls = list(dict.fromkeys(u for u, _, _ in found))
        _, text, place = found[0]
        where = {
            "nav": "the main navigation",
            "header": "the header",
            "footer": "the footer",
            "breadcrumb": "the breadcrumb",
        }.get(place, "the page content")
        many = len(page_urls)
        return self.finding(
            severity="serious",
            title="Link leads to an error page",
            # the kind of text and its values, so that a report can say it in German
            message_id=f"{self.id}.link",
            params={
                "text": text or url_key(target),
                "place": place if place in ("nav", "header", "footer", "breadcrumb") else "body",
                "target": url_key(target),
                "status": status,
                "count": many,
            },
            message=(
                f"The link \u201c{text or url_key(target)}\u201d in {where} leads to "
                f"{url_key(target)}, which answers HTTP {status}. "
                f"It is on {plural(many, 'page')}."
            ),
            recommendation=(
                "Point the link at the page that replaced the old one, redirect the old "
                "address with a 301 to its closest successor, or remove the link."
            ),
            url=page_urls[0],
            urls=page_urls,
            selector=f'a[href$="{url_key(target)}"]',
            snippet=text or None,
            evidence={
                "target": target,
                "status": status,
                "link_text": text,
                "place": place,
                "pages_linking": many,
            },
            key=url_key(target),
        )

    def _resource_finding(self, url: str, kind: str, entry: dict[str, Any]) -> Finding:
        page_urls = list(dict.fromkeys(entry["pages"]))
        many = len(page_urls)
        article = "An" if kind[:1] in "aeiou" else "A"
        status = entry["status"]
        if isinstance(status, int):
            title = f"{article} {kind} the page loads is missing"
            answer = f"answers HTTP {status}"
            fix = "Restore the file, or remove the reference to it from the template."
        else:  # its server could not be reached (another host, often a CDN or a widget)
            title = f"{article} {kind} the page loads cannot be reached"
            answer = f"could not be loaded ({status}) from the machine that ran the audit"
            fix = (
                "Serve the file from the shop's own host, or make sure its server answers "
                "(where the audit ran without internet access, check it from a customer's "
                "network)."
            )
        return self.finding(
            severity="serious" if kind in _CRITICAL_RESOURCES else "moderate",
            title=title,
            message_id=f"{self.id}.resource-"
            + ("missing" if isinstance(status, int) else "unreachable"),
            params={"kind": kind, "target": url_key(url), "status": status, "count": many},
            message=(
                f"The {kind} {url_key(url)} {answer} on "
                f"{plural(many, 'page')}: customers see a gap or a broken page part."
            ),
            recommendation=fix,
            url=page_urls[0],
            urls=page_urls,
            selector=None,
            snippet=url,
            evidence={"resource": url, "type": kind, "status": entry["status"], "pages": many},
            key=f"resource:{url_key(url)}",
        )


class RedirectChains(Check):
    """Redirect chains.

    What: links whose target redirects two or more times before the page arrives.
    Why: every hop is a round trip the customer waits for (on mobile often 100-300 ms
    each), and long chains lose link equity in search engines.
    Example: the menu links to ``/sale`` → 301 ``/promo`` → 302 ``/promo/winter`` →
    301 ``/category/sale``.
    Fix: link straight to the final address, and make old addresses redirect to it in
    one hop.
    """

    id = "navigation.redirect-chains"
    category = "navigation"
    title = "Redirect chains"
    description = "Links that pass through two or more redirects before the page arrives."
    requires = ("links", "redirects")
    default_options: ClassVar[dict[str, Any]] = {"min_hops": 2}
    option_docs: ClassVar[dict[str, str]] = {"min_hops": "redirects in a row that make a chain"}

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        chains: dict[str, tuple[list[dict], str | None]] = {}
        for page in pages:
            if len(page.redirects) >= self.options["min_hops"]:
                chains[page.url] = (page.redirects, page.final_url)
        # a second pass, so that only links to chains are kept, not the whole link graph
        linked_from: dict[str, list[str]] = defaultdict(list)
        if chains:
            for page in pages:
                for link in page.links:
                    if link.internal and link.url in chains and link.url != page.url:
                        linked_from[link.url].append(page.url)
        findings = []
        for url, (hops, final) in sorted(chains.items()):
            sources = list(dict.fromkeys(linked_from.get(url, [])))
            path = " → ".join(f"{url_key(h['url'])} ({h['status']})" for h in hops)
            path += f" → {url_key(final or '')}"
            findings.append(
                self.finding(
                    severity="moderate" if len(hops) >= 3 else "minor",
                    title=f"Link passes through {len(hops)} redirects",
                    message=(
                        f"{url_key(url)} redirects {len(hops)} times before the page arrives: "
                        f"{path}."
                    ),
                    recommendation=(
                        f"Link straight to {url_key(final or url)}, and let every old address "
                        "redirect there in a single hop."
                    ),
                    url=sources[0] if sources else url,
                    urls=sources or [url],
                    selector=f'a[href$="{url_key(url)}"]',
                    evidence={
                        "start": url,
                        "final": final,
                        "hops": len(hops),
                        "chain": [f"{url_key(h['url'])} ({h['status']})" for h in hops],
                    },
                    key=url_key(url),
                    message_id=f"{self.id}.chain",
                    params={
                        "path": url_key(url),
                        "hops": len(hops),
                        "chain": path,
                        "final": url_key(final or url),
                    },
                )
            )
        return findings
