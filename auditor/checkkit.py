"""Small helpers every check family uses: a finding's page list, counted words, and
sampling pages per template. In the engine so that built-in families and
third-party checks share one version instead of each writing its own."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

__all__ = ["OncePerAudit", "OncePerTemplate", "listed", "plural", "structural_template"]


def listed(urls: Iterable[str], limit: int | None = None) -> dict[str, Any]:
    """The ``url``/``urls`` fields of a finding about many pages. Uncapped by default:
    the engine merges findings of one cause by their pages, and results.json caps the
    list and keeps the total (``evidence.pages_total``)."""
    unique = list(dict.fromkeys(urls))
    return {"url": unique[0] if unique else None, "urls": unique[:limit]}


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 page``, ``3 pages``: the count with the word that fits it."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


class OncePerTemplate:
    """Which templates a probing gatherer has already tried, and how often: the first
    page (or few) of a template tells as much as all of them, at a fraction of the time."""

    def __init__(self, limit: int = 1) -> None:
        self.limit = limit
        self._runs: dict[str, int] = defaultdict(int)

    def first(self, template: str) -> bool:
        """True for the first ``limit`` pages asked for of a template (0: every page),
        and counts this one."""
        if self.limit and self._runs[template] >= self.limit:
            return False
        self._runs[template] += 1
        return True

    def release(self, template: str) -> None:
        """Give back one page counted by ``first``: its work failed, so the next page of
        the template asked for gets its turn instead."""
        if self._runs[template] > 0:
            self._runs[template] -= 1


def structural_template(template: str, layout: str) -> str:
    """What a page shares its structure with: its URL template split by its layout
    (auditor.skeleton) where the layout is known, and for a fixed-name page (``/about``,
    no wildcard) its layout alone, so that one-page templates that share a layout are
    one structural template. The same grouping as the timing lane's
    (auditor.crawl.timing_group is this function); ``layout`` "" (no telling): the URL
    template."""
    if not layout:
        return template
    if "*" in template:
        return f"{template}#{layout}"
    return f"#{layout}"


class OncePerAudit:
    """Site-stage work that several checks judge (the searches, the journeys): the first
    check that asks starts it, the others await the same answer.

    Keyed by the audit's start URL and records file, so a process that audits twice
    (tests, ``auditor batch``) never hands one audit another's answer; a few earlier
    audits are kept, no more. The shared task is shielded: one asking check cancelled
    by its own deadline does not cancel the work for the others."""

    def __init__(self, keep: int = 4) -> None:
        self._tasks: dict[tuple[str, str], asyncio.Future] = {}
        self._keep = keep

    async def get(self, site: Any, start: Callable[[], Awaitable[Any]]) -> Any:
        key = (site.view.start_url, str(site.records_path))
        task = self._tasks.get(key)
        if task is None:
            task = asyncio.ensure_future(start())
            self._tasks[key] = task
            while len(self._tasks) > self._keep:
                self._tasks.pop(next(iter(self._tasks)))
        return await asyncio.shield(task)

    def result_for(self, records_path: str) -> Any:
        """The finished answer of the audit that writes ``records_path`` (for tests)."""
        return next(t.result() for (_, path), t in self._tasks.items() if path == records_path)
