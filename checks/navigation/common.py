"""What the navigation checks share: which pages count, what they are, how to get there."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise

from auditor.checkkit import OncePerTemplate, listed, plural
from auditor.frontier import facet_query
from auditor.page import HTML_TYPES
from auditor.pagekinds import page_kind
from auditor.plugins import PageView, SiteView
from auditor.urls import url_key

__all__ = [
    "OncePerTemplate",
    "click_paths",
    "content_pages",
    "is_html",
    "kind_of",
    "listed",
    "plural",
    "whole_shop",
]

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


def kind_of(page: PageView, site: SiteView) -> str:
    structure = page.facts.get("structure") or {}
    return page_kind(page.final_url or page.url, page.title, structure, site.start_url)


def whole_shop(
    pages: Iterable[PageView], site: SiteView
) -> Iterator[tuple[str, int, str, str | None]]:
    """(url, click depth, kind, title) of every page a customer can browse to: the
    rendered ones and those the link map read over HTTP (site.mapped).

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
            yield page.url, page.depth, kind, page.title
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
        yield url, depth, kind, mapped.title


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
