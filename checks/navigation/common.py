"""What the navigation checks share: which pages count, what they are, how to get there."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise
from urllib.parse import urlsplit

from auditor.checkkit import OncePerTemplate, listed, plural
from auditor.frontier import facet_query
from auditor.page import HTML_TYPES
from auditor.pagekinds import is_start_address, page_kind, page_kinds
from auditor.plugins import PageView, SiteView
from auditor.urls import url_key

__all__ = [
    "Addresses",
    "OncePerTemplate",
    "click_paths",
    "content_pages",
    "is_html",
    "kind_of",
    "kinds_of",
    "listed",
    "plural",
    "whole_shop",
]

#: redirects followed from one address at most (a loop ends there too)
_MAX_HOPS = 10

#: pages where a shop rightly hides its menus (a distraction-free checkout)
FOCUSED_KINDS = frozenset({"checkout"})


def is_html(page: PageView) -> bool:
    return (page.content_type or "").split(";")[0] in HTML_TYPES


def is_content_page(page: PageView) -> bool:
    """A rendered HTML page that answered with success: what a customer browses."""
    return (
        page.error is None
        and page.status is not None
        and 200 <= page.status < 300
        and (page.content_type or "text/html").split(";")[0] in HTML_TYPES
    )


def content_pages(pages: Iterable[PageView]) -> Iterable[PageView]:
    return (p for p in pages if is_content_page(p))


def kinds_of(page: PageView, site: SiteView) -> list[str]:
    """Every role of the page, its primary kind first (auditor.pagekinds.page_kinds).

    The start address is the home page wherever it redirects to: a shop whose "/"
    answers with the catalogue is still entered there.
    """
    if is_start_address(page.url, site.start_url):
        return ["home"]
    structure = page.facts.get("structure") or {}
    return page_kinds(page.final_url or page.url, page.title, structure, site.start_url)


def kind_of(page: PageView, site: SiteView) -> str:
    return kinds_of(page, site)[0]


def _address(url: str) -> str:
    """An address as a comparison needs it: host in lower case, no fragment, no
    trailing slash ("/catalogue/" and "/catalogue" are one page)."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    return f"{parts.netloc.lower()}{path}" + (f"?{parts.query}" if parts.query else "")


class Addresses:
    """Where each crawled address ended up, so that a link is compared with the page a
    customer lands on, not with the address written in it.

    Why: a shop whose "/" redirects to "/catalogue/" links home as "/" in every
    breadcrumb; compared as written, 288 category pages "did not start at the home
    page". Page records hold ``url``, ``final_url`` and the ``redirects`` on the way.
    """

    def __init__(self, pages: Iterable[PageView]):
        self._final: dict[str, str] = {}
        for page in pages:
            if not page.final_url:
                continue
            final = _address(page.final_url)
            for hop in [page.url, *(h.get("url", "") for h in page.facts.get("redirects") or [])]:
                if hop and _address(hop) != final:
                    self._final[_address(hop)] = final

    def resolve(self, url: str) -> str:
        """The comparable address a customer lands on after following ``url``."""
        key = _address(url)
        for _ in range(_MAX_HOPS):
            nxt = self._final.get(key)
            if nxt is None or nxt == key:
                break
            key = nxt
        return key

    def same(self, a: str | None, b: str | None) -> bool:
        """Whether two addresses lead to the same page."""
        if not a or not b:
            return False
        return self.resolve(a) == self.resolve(b)


def whole_shop(
    pages: Iterable[PageView], site: SiteView
) -> Iterator[tuple[str, int, str, str | None, str]]:
    """(url, click depth, kind, title, template) of every page a customer can browse
    to: the rendered ones and those the link map read over HTTP (site.mapped).

    A mapped page's kind is the kind its template's rendered pages mostly have (the
    sample stands for its template), else what its address and title suggest. Sort
    and filter variants of listings, and pages whose canonical address is another
    page, are left out: their depth is the depth of the listing they vary.
    """
    by_template: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for page in content_pages(pages):
        kind = kind_of(page, site)
        by_template[page.template][kind] += 1
        if page.depth is not None and facet_query(page.url) is None:
            yield page.url, page.depth, kind, page.title, page.template
    for url, mapped in site.mapped.items():
        if mapped.error or mapped.canonical or not 200 <= (mapped.status or 0) < 300:
            continue
        if (mapped.content_type or "text/html") not in HTML_TYPES or facet_query(url):
            continue
        depth = site.depths.get(url)
        if depth is None:
            continue
        kinds = by_template.get(mapped.template)
        kind = (
            kinds.most_common(1)[0][0]
            if kinds
            else page_kind(mapped.final_url or url, mapped.title, {}, site.start_url)
        )
        yield url, depth, kind, mapped.title, mapped.template


def click_paths(
    targets: Iterable[str], pages: Iterable[PageView], site: SiteView
) -> dict[str, list[str]]:
    """For each target, the link texts of its shortest click path from the start page.

    Only the links on those paths are looked up, in one pass over the pages, so a big
    crawl costs no more memory than the paths themselves.
    """
    chains: dict[str, list[str]] = {}
    needed: set[tuple[str, str]] = set()
    for target in targets:
        chain, node, guard = [], target, 0
        while node is not None and guard < 200:
            chain.append(node)
            node = site.parents.get(node)
            guard += 1
        chain.reverse()
        chains[target] = chain
        needed.update(pairwise(chain))
    texts: dict[tuple[str, str], str] = {}
    if needed:
        for page in pages:
            for link in page.facts.get("links") or []:
                edge = (page.url, link.url)
                if edge in needed and edge not in texts:
                    texts[edge] = link.text or link.url
    mapped_sources = {m.final_url or u for u, m in site.mapped.items()}
    mapped_redirects = {(u, m.final_url) for u, m in site.mapped.items() if m.final_url != u}
    out: dict[str, list[str]] = {}
    for target, chain in chains.items():
        path = ["Home"]
        for edge in pairwise(chain):
            if edge in texts:  # no text: a redirect, the same click as the link before it
                path.append(texts[edge][:80])
            elif edge[0] in mapped_sources and edge not in mapped_redirects:  # read over HTTP
                mapped = site.mapped.get(edge[1])
                path.append(((mapped and mapped.title) or url_key(edge[1]))[:80])
        out[target] = path
    return out
