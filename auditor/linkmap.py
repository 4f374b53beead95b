"""The whole-site link map: pages the browser does not render, read over HTTP.

Why: the browser renders a sample of each template, but click depth, orphans,
pagination and broken links are properties of the whole shop. A product reachable
only through page 5 of a listing is invisible to a sample. So every in-scope URL the
sample leaves out (up to ``crawl.max_urls``) is fetched once over plain HTTP, its
HTML parsed with lxml for links, and the links fed back to the frontier, which may
find new templates there for the browser to render. It costs a request and a parse
per page, no browser, and counts against the same politeness budget.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from urllib.parse import urljoin

from .safety import safe_text
from .skeleton import parse_html, skeleton_of

__all__ = ["MAP_MAX_BYTES", "MappedPage", "PageLinks", "read_links"]

#: the part of a page's HTML that is read for links (menus and listings come early)
MAP_MAX_BYTES = 2 * 1024 * 1024
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#")
_LINK_RELS = {"next", "prev", "previous"}


@dataclass
class MappedPage:
    """A page known over HTTP only: enough for the site-wide figures."""

    url: str
    status: int | None
    final_url: str | None
    template: str
    depth: int | None
    title: str | None = None
    content_type: str | None = None
    error: str | None = None
    #: the page's rel=canonical, where it names another address
    canonical: str | None = None
    #: the page's layout (auditor.skeleton), where it could be told
    layout: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class PageLinks:
    title: str | None
    links: list[str]
    canonical: str | None
    #: the document's layout (auditor.skeleton; "" where it cannot be told)
    layout: str = ""


def read_links(
    body: bytes, base_url: str, content_type: str | None = None, limit: int = 5000
) -> PageLinks:
    """The title, link targets (absolute, in page order, at most ``limit``), the
    canonical address and the layout of an HTML document. Garbage gives no links,
    never an error."""
    root = parse_html(body, content_type)
    if root is None:
        return PageLinks(None, [], None)
    base = base_url
    for href in root.xpath("//base/@href")[:1]:
        with contextlib.suppress(ValueError):
            base = urljoin(base_url, str(href).strip())
    links: list[str] = []
    for el in root.iter("a", "area", "link"):
        href = (el.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        if el.tag == "link" and not _LINK_RELS & set((el.get("rel") or "").lower().split()):
            continue
        try:
            links.append(urljoin(base, href))
        except ValueError:  # an address no browser could follow either
            continue
        if len(links) >= limit:
            break
    canonical = None
    for href in root.xpath("//link[contains(concat(' ', @rel, ' '), ' canonical ')]/@href")[:1]:
        with contextlib.suppress(ValueError):
            canonical = urljoin(base, str(href).strip())
    title = None
    for text in root.xpath("//title/text()")[:1]:
        title = safe_text(" ".join(str(text).split()), 300) or None
    return PageLinks(title, links, canonical, skeleton_of(root))
