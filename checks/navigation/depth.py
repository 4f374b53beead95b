"""How many clicks a customer needs to reach a page, and listings that make it long."""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from playwright.async_api import TimeoutError as PlaywrightTimeout

from auditor.model import Finding
from auditor.pagekinds import page_kind
from auditor.plugins import Check, PageView, SiteView
from auditor.urls import PAGE_NUMBER_PARAMETERS, TemplateGrouper, url_key

from .common import (
    OncePerTemplate,
    click_paths,
    content_pages,
    listed,
    plural,
    whole_shop,
)

__all__ = ["ClickDepth", "Pagination"]

_COUNT_LINKS_JS = """() => ({
  links: document.querySelectorAll('a[href]').length,
  height: document.documentElement.scrollHeight,
  viewport: window.innerHeight,
})"""
_PAGE_PATH = re.compile(r"/(page|seite)/(\d+)/?$", re.I)


class ClickDepth(Check):
    """Click depth.

    What: product pages deeper than ``max_product_depth`` clicks from the home page,
    and any other page deeper than ``max_depth``, over the links the crawl saw.
    Why: there is no hard click limit (the "3-click rule" is a myth), but every extra
    step is a chance to lose the scent and leave; products hidden behind long chains
    of listings are rarely found.
    Example: a tent reachable only via Tents → page 2 → Expedition → Arctic → Limited.
    Fix: link the page from a higher level (its category's first page, a menu or a
    teaser), or flatten the hierarchy.
    """

    id = "navigation.click-depth"
    category = "navigation"
    title = "Click depth"
    description = "Pages that take more clicks from the home page than customers should need."
    requires = ("links", "structure")
    default_options: ClassVar[dict[str, Any]] = {
        "max_product_depth": 3,
        "max_depth": 4,
        "max_findings": 50,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "max_product_depth": "clicks from the home page a product page may take",
        "max_depth": "clicks from the home page any other page may take",
        "max_findings": "templates whose deep pages get a finding each; the rest are summed "
        "up in one",
    }

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        deep: list[tuple[int, str, int, str, str | None, str]] = []
        self._judged = 0
        pages = list(pages)
        for url, depth, kind, title, template in whole_shop(pages, site):
            self._judged += 1
            limit = self.options["max_product_depth" if kind == "product" else "max_depth"]
            if depth > limit:
                deep.append((depth, url, limit, kind, title, template))
        self._deep = len(deep)
        deep.sort(key=lambda d: (-d[0], d[1]))
        # one finding per kind and template: the deep pages of one template share the
        # cause (the listings above them), so 300 deep products are one thing to fix
        groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for d in deep:
            groups[(d[3], d[5])].append(d)
        ordered = sorted(groups.values(), key=lambda g: (-g[0][0], -len(g), g[0][1]))
        cap = self.options["max_findings"]
        shown, rest = ordered[:cap], [d for g in ordered[cap:] for d in g]
        paths = click_paths([g[0][1] for g in shown], pages, site)
        findings = [self._finding(g, paths.get(g[0][1], [])) for g in shown]
        if rest:
            rest.sort(key=lambda d: (-d[0], d[1]))
            findings.append(
                self.finding(
                    severity="minor",
                    title=f"{len(rest)} more pages are deeper than recommended",
                    message=(
                        f"Besides the pages listed, {len(rest)} pages take more clicks from "
                        f"the home page than the limits ({self.options['max_product_depth']} "
                        f"for products, {self.options['max_depth']} for other pages)."
                    ),
                    recommendation="Flatten the hierarchy: link deep sections from higher levels.",
                    **listed([d[1] for d in rest]),
                    evidence={"pages": len(rest), "deepest": rest[0][0]},
                    key="more-deep-pages",
                    message_id=f"{self.id}.more",
                    params={
                        "count": len(rest),
                        "max_product": self.options["max_product_depth"],
                        "max": self.options["max_depth"],
                    },
                )
            )
        return findings

    def _finding(self, group: list[tuple], path: list[str]) -> Finding:
        """The deep pages of one kind and template, told by the deepest."""
        depth, url, limit, kind, title, template = group[0]
        noun = {"product": "product page", "category": "category page"}.get(kind, "page")
        shown = " → ".join(path)
        Noun = noun[:1].upper() + noun[1:]
        if len(group) == 1:
            heading = f"{Noun} is {depth} clicks from the home page"
            also = ""
        else:
            heading = f"{Noun}s of {template} up to {depth} clicks from the home page"
            also = f" {len(group)} {noun}s of {template} are deeper than {limit} clicks."
        return self.finding(
            severity="minor",
            title=heading,
            message=(
                f"Customers need {depth} clicks to reach {title or url_key(url)} (recommended: "
                f"at most {limit} for a {noun}). Shortest path: {shown}." + also
            ),
            recommendation=(
                "Link the page from a higher level: its category's first listing page, the "
                "main menu, or a teaser on the home page, so that it is found without a "
                "long chain of clicks."
            ),
            **listed([d[1] for d in group]),
            evidence={
                "depth": depth,
                "limit": limit,
                "kind": kind,
                "path": path,
                "pages": {url_key(d[1]): d[0] for d in group[:50]},
            },
            key=f"deep:{kind}:{template}",
            message_id=f"{self.id}.deep-{kind if kind in ('product', 'category') else 'page'}"
            + ("-one" if len(group) == 1 else "-many"),
            params={
                "depth": depth,
                "title": title or url_key(url),
                "limit": limit,
                "path": shown,
                "count": len(group),
                "template": template,
            },
        )

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        """The share of pages within reach: one deep product in a big shop costs little."""
        judged = getattr(self, "_judged", 0)
        if not judged:
            return None if not findings else 0.0
        return round(100.0 * (1 - getattr(self, "_deep", 0) / judged), 1)


def _by_template(hidden: dict[str, list[tuple[str, int]]]) -> dict[str, dict]:
    """Late listings grouped by their template: every category of a shop paginates the
    same way, so long listings are one thing to fix, not one per category. Templates
    of the listings' own sorted order, never the crawl's."""
    grouper = TemplateGrouper()
    out: dict[str, dict] = {}
    for base, found in sorted(hidden.items()):
        out.setdefault(grouper.template_of(base), {})[base] = found
    return out


def _listing_page(url: str) -> tuple[str, int] | None:
    """(listing without its page number, page number) for a paginated listing URL."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in query:
        if key.lower() in PAGE_NUMBER_PARAMETERS and value.isdigit():
            rest = urlencode([(k, v) for k, v in query if k != key])
            return urlunsplit(parts._replace(query=rest, fragment="")), int(value)
    m = _PAGE_PATH.search(parts.path)
    if m:
        base = parts.path[: m.start()] or "/"
        return urlunsplit(parts._replace(path=base, fragment="")), int(m.group(2))
    return None


class Pagination(Check):
    """Pagination and infinite scroll.

    What: products that can only be reached through a late page of a listing (page
    ``max_listing_page`` or later), and listings that load more products only by
    script ("Load more", or infinite scroll: the gatherer scrolls one listing per
    template without pagination to its end) with no paginated links behind them.
    Why: few customers page past the first pages of a listing, and products that only
    a script can reveal are found neither by search engines nor by this audit.
    Example: a jacket that is only on page 5 of /category/jackets.
    Fix: let filters and sub-categories narrow long listings; give "Load more" a real
    link to the next page (``<a href="?page=2">``) that the script enhances.
    """

    id = "navigation.pagination"
    category = "navigation"
    title = "Pagination"
    description = "Products hidden on late listing pages, and listings only a script can page."
    requires = ("links", "structure")
    default_options: ClassVar[dict[str, Any]] = {"max_listing_page": 3, "scroll_wait_ms": 1500}
    option_docs: ClassVar[dict[str, str]] = {
        "max_listing_page": "a product reached only through this page of a listing or later",
        "scroll_wait_ms": (
            "how long a listing without pagination may take to load more after a scroll to "
            "its end (once per template; 0 to skip the probe)"
        ),
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._probed = OncePerTemplate()

    async def gather(self, page: Any, ctx: Any) -> dict | None:
        """Scroll a listing that has no pagination to its end, once per template, and see
        whether more links appear: infinite scroll. Scrolling loads with GET only."""
        structure = ctx.structure or {}
        pag = structure.get("pagination") or {}
        wait = self.options["scroll_wait_ms"]
        if (
            not wait
            or pag.get("next")
            or pag.get("max_page", 0) > 1
            or structure.get("load_more")
            or page_kind(ctx.final_url or ctx.url, None, structure, "") != "category"
            or not self._probed.first(ctx.template)
        ):
            return None
        before = await page.evaluate(_COUNT_LINKS_JS)
        if before["height"] < before["viewport"] * 1.5:
            return {"links_before": before["links"], "links_after": before["links"]}
        await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        with contextlib.suppress(PlaywrightTimeout):
            await page.wait_for_function(
                "n => document.querySelectorAll('a[href]').length > n",
                arg=before["links"],
                timeout=wait,
            )
        after = await page.evaluate(_COUNT_LINKS_JS)
        await page.evaluate("window.scrollTo(0, 0)")  # leave the page as found
        return {"links_before": before["links"], "links_after": after["links"]}

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        limit = self.options["max_listing_page"]
        pages = list(pages)
        hidden: dict[str, list[tuple[str, int]]] = defaultdict(list)
        script_only: list[str] = []
        endless: list[str] = []
        for page in content_pages(pages):
            structure = page.facts.get("structure") or {}
            pag = structure.get("pagination") or {}
            if structure.get("load_more") and not pag.get("next") and pag.get("max_page", 0) < 2:
                script_only.append(page.url)
            probe = page.data or {}
            if probe.get("links_after", 0) > probe.get("links_before", 0):
                endless.append(page.url)
        for url, _depth, kind, _title, _template in whole_shop(pages, site):
            if kind != "product":
                continue
            node, guard = site.parents.get(url), 0
            while node is not None and guard < 200:
                listing = _listing_page(node)
                if listing and listing[1] >= limit:
                    hidden[listing[0]].append((url, listing[1]))
                    break
                node, guard = site.parents.get(node), guard + 1
        findings = [self._late(t, listings) for t, listings in _by_template(hidden).items()]
        if endless:
            findings.append(
                self.finding(
                    severity="moderate",
                    title="Infinite scroll without pages to link to",
                    message=(
                        f"{plural(len(endless), 'listing page')} load "
                        "more products when scrolled to the end, with no paginated links "
                        "behind them: search engines and this audit see only the first "
                        "products, and customers lose their place when they come back."
                    ),
                    recommendation=(
                        "Keep the infinite scroll, but give every batch its own address "
                        '(?page=2) with a real "next page" link, and update the address as '
                        "the customer scrolls."
                    ),
                    **listed(endless),
                    evidence={"pages": len(endless)},
                    key="infinite-scroll",
                    message_id=f"{self.id}.infinite-scroll",
                    params={"count": len(endless)},
                )
            )
        if script_only:
            findings.append(
                self.finding(
                    severity="moderate",
                    title="Listing loads more products only by script",
                    message=(
                        f"{plural(len(script_only), 'listing page')} "
                        "offer a \u201cload more\u201d button with no link to a next page: "
                        "products behind it are found neither by search engines nor by "
                        "customers who come back to the same place."
                    ),
                    recommendation=(
                        "Back the button with a real link to the next page "
                        '(<a href="?page=2">) that the script enhances.'
                    ),
                    **listed(script_only),
                    evidence={"pages": len(script_only)},
                    key="load-more",
                    message_id=f"{self.id}.load-more",
                    params={"count": len(script_only)},
                )
            )
        return findings

    def _late(self, template: str, listings: dict[str, list[tuple[str, int]]]) -> Finding:
        """Products reached only late in the listings of one template, told by the
        listing that hides most."""
        base = max(sorted(listings), key=lambda b: len(listings[b]))
        urls = list(dict.fromkeys(u for found in listings.values() for u, _ in found))
        first = min(n for found in listings.values() for _, n in found)
        where = url_key(base) if len(listings) == 1 else f"{len(listings)} listings of {template}"
        return self.finding(
            severity="minor",
            title="Products only reachable through a late listing page",
            message=(
                f"{len(urls)} product page{'s are' if len(urls) != 1 else ' is'} "
                f"reached only through page {first} or later of {where}."
            ),
            recommendation=(
                "Offer sub-categories or filters that narrow the listing, and link "
                "these products from a first page."
            ),
            **listed(urls),
            evidence={
                "listing": base,
                "listings": [url_key(b) for b in sorted(listings)][:20],
                "from_page": first,
                "products": len(urls),
            },
            key=f"late:{template}",
            message_id=f"{self.id}.late-" + ("one" if len(listings) == 1 else "many"),
            params={
                "count": len(urls),
                "first": first,
                "listing": url_key(base),
                "listings": len(listings),
                "template": template,
            },
        )
