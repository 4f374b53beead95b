"""What the navigation checks share: which pages count, what they are, how to get there."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from auditor.checkkit import OncePerTemplate, listed, plural
from auditor.page import HTML_TYPES
from auditor.pagekinds import page_kind
from auditor.plugins import PageView, SiteView

__all__ = [
    "OncePerTemplate",
    "click_paths",
    "content_pages",
    "is_html",
    "kind_of",
    "listed",
    "plural",
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
    out: dict[str, list[str]] = {}
    for target, chain in chains.items():
        path = ["Home"]
        for edge in pairwise(chain):
            if edge in texts:  # no text: a redirect, the same click as the link before it
                path.append(texts[edge][:80])
        out[target] = path
    return out
