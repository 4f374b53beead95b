"""The frontier: which URL the crawl loads next, and which it never loads.

Kept apart from the workers on purpose: it is plain, synchronous bookkeeping, so a
distributed engine can own it while page audits run elsewhere. Order is breadth
first (shallow pages first), so the sample of each template is its shallowest pages
and ``max_pages`` cuts the deep end of the shop, not a random part of it.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from dataclasses import dataclass

from .urls import Scope, TemplateGrouper, looks_like_html

__all__ = ["CrawlTarget", "Frontier"]


@dataclass(frozen=True)
class CrawlTarget:
    url: str
    depth: int | None
    template: str


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
    ):
        self.scope = scope
        self._grouper = grouper
        self._robots_allows = robots_allows
        self._max_pages = max_pages
        self._max_depth = max_depth
        self._max_per_template = max_per_template
        self._heap: list[tuple[int, int, CrawlTarget]] = []
        self._seq = itertools.count()
        self._seen: set[str] = set()
        self._per_template: Counter[str] = Counter()
        self.accepted = 0
        #: in-scope pages found per template, including those sampled out
        self.found_per_template: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        #: in-scope URLs that are linked but not rendered (files, sampled out, limits)
        self.unrendered: dict[str, str] = {}

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
            return reason
        template = self._grouper.template_of(url)
        self.found_per_template[template] += 1
        if not force and self._per_template[template] >= self._max_per_template:
            self.skipped["sampled"] += 1
            self.unrendered[url] = "sampled"
            return "sampled"
        self._per_template[template] += 1
        self.accepted += 1
        order = self._max_depth + 1 if depth is None else depth
        heapq.heappush(self._heap, (order, next(self._seq), CrawlTarget(url, depth, template)))
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
        if self.accepted >= self._max_pages:
            return "max_pages"
        return None

    def mark_seen(self, url: str) -> None:
        """A URL already loaded under another name (the end of a redirect)."""
        self._seen.add(url)

    def pop(self) -> CrawlTarget | None:
        return heapq.heappop(self._heap)[2] if self._heap else None

    def __len__(self) -> int:
        return len(self._heap)

    @property
    def discovered(self) -> int:
        return len(self._seen)
