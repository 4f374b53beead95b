"""The frontier: which URL the crawl loads next, and which it never loads.

Kept apart from the workers on purpose: it is plain, synchronous bookkeeping, so a
distributed engine can own it while page audits run elsewhere. Order is breadth
first (shallow pages first), so the sample of each template is its shallowest pages
and ``max_pages`` cuts the deep end of the shop, not a random part of it.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlsplit

from .urls import (
    FACET_NAMES,
    PAGE_PARAMETERS,
    Scope,
    TemplateGrouper,
    looks_like_html,
)
from .urls import (
    bare_parameter as _bare,
)

__all__ = [
    "FACET_NAMES",
    "MAX_LAYOUTS_PER_TEMPLATE",
    "PAGE_PARAMETERS",
    "CrawlTarget",
    "Frontier",
    "facet_query",
]

#: distinct layouts (auditor.skeleton) of one URL template the browser renders at most
MAX_LAYOUTS_PER_TEMPLATE = 5


def facet_query(url: str, names: frozenset[str] = FACET_NAMES) -> str | None:
    """The sorting/filtering part of a listing URL's query (sorted, without page
    numbers), or None where the URL has no such parameter (``names``: facet
    parameters in lower case): ``/shoes?color=red&page=2`` is the ``color=red``
    variant of ``/shoes``."""
    try:
        query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    except ValueError:
        return None
    facets = [(k, v) for k, v in query if _bare(k) in names]
    if not facets:
        return None
    rest = [(k, v) for k, v in query if _bare(k) not in PAGE_PARAMETERS]
    return "&".join(f"{k}={v}" for k, v in sorted(rest))


def _section(url: str) -> str:
    """``/catalogue`` for ``/catalogue/category/books/fiction_2/``: where a shop keeps
    its listings."""
    parts = urlsplit(url)
    first = parts.path.strip("/").split("/", 1)[0]
    return f"{parts.netloc}/{first}"


def _without_query(url: str) -> str:
    return urlsplit(url)._replace(query="", fragment="").geturl()


class _HeapQueue:
    """The queue in memory: shallowest first, then first come first served."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, CrawlTarget]] = []

    def push(self, rank: int, seq: int, target: CrawlTarget) -> None:
        heapq.heappush(self._heap, (rank, seq, target))

    def pop(self) -> CrawlTarget | None:
        return heapq.heappop(self._heap)[2] if self._heap else None

    def take(self, url: str) -> CrawlTarget | None:
        """The queued target of ``url``, out of the queue (None: not queued)."""
        for i, (_, _, target) in enumerate(self._heap):
            if target.url == url:
                del self._heap[i]
                heapq.heapify(self._heap)
                return target
        return None

    def __len__(self) -> int:
        return len(self._heap)


@dataclass(frozen=True)
class CrawlTarget:
    url: str
    depth: int | None
    template: str
    #: the page's layout where it is known before the visit (a structural sample)
    layout: str = ""


class Frontier:
    """Dedupes, filters and orders URLs; answers why a URL was not queued."""

    def __init__(
        self,
        scope: Scope,
        grouper: TemplateGrouper,
        robots_allows,
        max_pages: int,
        max_depth: int,
        max_per_template: int,
        max_urls: int = 0,
        max_variants: int = 0,
        facet_parameters: Iterable[str] = FACET_NAMES,
        max_layouts: int = MAX_LAYOUTS_PER_TEMPLATE,
        seen=None,
        queue=None,
    ):
        """``max_per_template``: pages of one URL template rendered (0: no limit);
        ``max_urls``: pages the link map may fetch over HTTP beyond the rendered ones
        (0: none); ``max_variants``: sort/filter variants followed per section of
        listings (0: no limit); ``max_layouts``: distinct layouts of one URL template rendered
        (the sample's own and those the link map promotes). ``seen`` and ``queue``: the
        set of URLs seen and the queue elsewhere (auditor.frontier_store keeps them in
        SQLite), in memory by default."""
        self.scope = scope
        self._grouper = grouper
        self._robots_allows = robots_allows
        self._max_pages = max_pages
        self._max_depth = max_depth
        self._max_per_template = max_per_template
        self._queue = queue if queue is not None else _HeapQueue()
        self._seq = itertools.count()
        self._seen = seen if seen is not None else set()
        self._per_template: Counter[str] = Counter()
        self.accepted = 0
        #: in-scope pages found per template, including those sampled out
        self.found_per_template: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        #: in-scope URLs that are linked but not rendered (files, sampled out, limits)
        self.unrendered: dict[str, str] = {}
        self._max_urls = max_urls
        self._max_variants = max_variants
        self._facet_parameters = frozenset(p.lower() for p in facet_parameters)
        self._variants: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
        #: pages to read over HTTP only (the link map), first found first
        self._map: deque[CrawlTarget] = deque()
        self._queued_to_map = 0
        self._max_layouts = max_layouts
        #: layouts of each URL template rendered or queued to render
        self._layouts: defaultdict[str, set[str]] = defaultdict(set)
        #: pages of each template's sample queued or in the browser, not yet rendered
        self._pending: Counter[str] = Counter()
        #: mapped pages of a new layout waiting for their template's sample, by layout
        self._waiting: defaultdict[str, dict[str, CrawlTarget]] = defaultdict(dict)
        #: pages the link map handed to the browser for a layout of their own
        self.promoted = 0

    def offer(self, url: str, depth: int | None, force: bool = False) -> str | None:
        """Queue ``url``; returns None when queued, else the reason it was not.

        ``depth`` is None for URLs known only from the sitemap: they come last.
        ``force`` is for start URLs the user named: the caller has asked robots.txt.
        """
        if url in self._seen:
            return "seen"
        self._seen.add(url)
        reason = self._refusal(url, depth, force)
        if reason:
            self.skipped[reason] += 1
            if reason in ("file", "sampled", "depth", "max_pages"):
                self.unrendered[url] = reason
            if reason == "max_pages":
                self._to_map(url, depth, self._grouper.template_of(url))
            return reason
        template = self._grouper.template_of(url)
        self.found_per_template[template] += 1
        limit = self._max_per_template  # 0: no limit
        if not force and limit and self._per_template[template] >= limit:
            self.skipped["sampled"] += 1
            self.unrendered[url] = "sampled"
            self._to_map(url, depth, template)
            return "sampled"
        self._per_template[template] += 1
        self._pending[template] += 1
        self.accepted += 1
        order = self._max_depth + 1 if depth is None else depth
        self._queue.push(order, next(self._seq), CrawlTarget(url, depth, template))
        return None

    def _refusal(self, url: str, depth: int | None, force: bool) -> str | None:
        if force:
            return None
        if not self.scope.allows(url):
            return "scope"
        if not self._robots_allows(url):
            return "robots"
        if not looks_like_html(url):
            return "file"
        if depth is not None and depth > self._max_depth:
            return "depth"
        if self._one_variant_too_many(url):
            return "variants"
        if self.accepted >= self._max_pages:
            return "max_pages"
        return None

    def _one_variant_too_many(self, url: str) -> bool:
        """A sort/filter variant of a listing beyond ``max_variants`` for its section
        (page numbers of a variant already followed are not new variants)."""
        if not self._max_variants:
            return False
        variant = facet_query(url, self._facet_parameters)
        if variant is None:
            return False
        # keyed by the listings' section (the address's first segment): the variants of
        # every category page come from one filter widget, so a few of them judge it
        # for the whole shop, however the categories below it are named
        bare = _without_query(url)
        seen = self._variants[_section(bare)]
        if (bare, variant) in seen:
            return False
        if len(seen) >= self._max_variants:
            return True
        seen.add((bare, variant))
        return False

    def _to_map(self, url: str, depth: int | None, template: str) -> None:
        """Queue a page the browser will not render for the link map, within max_urls."""
        if self._queued_to_map < self._max_urls:
            self._queued_to_map += 1
            self._map.append(CrawlTarget(url, depth, template))

    def rendered(self, target: CrawlTarget, layout: str) -> list[CrawlTarget]:
        """The browser rendered ``target`` and found ``layout`` (``""``: could not be
        told). Returns the pages promoted now that their template's sample is all in
        (see ``promote``): the caller no longer counts them as mapped."""
        template = target.template
        if layout:
            self._layouts[template].add(layout)
        if target.layout:  # a promoted page, not one of the sample
            return []
        self._pending[template] = max(0, self._pending[template] - 1)
        if self._pending[template] or template not in self._waiting:
            return []
        waiting = self._waiting.pop(template)
        return [replace(t, layout=lay) for lay, t in waiting.items() if self.promote(t, lay)]

    def promote(self, target: CrawlTarget, layout: str) -> bool:
        """Render a page the link map read, because its layout is new to its URL
        template: a folder of many different pages gets each layout rendered, up to
        ``max_layouts`` per template and within ``max_pages``. While the template's
        sample is still being rendered its layouts are not all known: the page waits
        (one per layout) and ``rendered`` decides. False: left mapped (for now)."""
        template = target.template
        known = self._layouts[template]
        if not layout or layout in known or len(known) >= self._max_layouts:
            return False
        if self.accepted >= self._max_pages:
            return False
        if self._pending[template]:
            waiting = self._waiting[template]
            if layout not in waiting and len(waiting) < self._max_layouts:
                waiting[layout] = target
            return False
        known.add(layout)
        self.accepted += 1
        self.promoted += 1
        if self.unrendered.pop(target.url, None) == "sampled":
            self.skipped["sampled"] -= 1
        order = self._max_depth + 1 if target.depth is None else target.depth
        promoted = CrawlTarget(target.url, target.depth, template, layout)
        self._queue.push(order, next(self._seq), promoted)
        return True

    def pop_to_map(self) -> CrawlTarget | None:
        return self._map.popleft() if self._map else None

    def take(self, url: str) -> CrawlTarget | None:
        """The target of ``url`` out of the queue, as ``pop`` would have given it: a
        resumed audit replays a page finished before (auditor.crawl ``Crawler.catch_up``)."""
        return self._queue.take(url)

    def take_to_map(self, url: str) -> CrawlTarget | None:
        """The target of ``url`` out of the link map's queue (see ``take``). The map
        reads its queue first in first out, so a replayed page is near its front."""
        for i, target in enumerate(self._map):
            if target.url == url:
                del self._map[i]
                return target
        return None

    @property
    def to_map(self) -> int:
        """Pages waiting to be read for the link map."""
        return len(self._map)

    def mark_seen(self, url: str) -> None:
        """A URL already loaded under another name (the end of a redirect)."""
        self._seen.add(url)

    def pop(self) -> CrawlTarget | None:
        return self._queue.pop()

    def __len__(self) -> int:
        return len(self._queue)

    @property
    def discovered(self) -> int:
        return len(self._seen)
