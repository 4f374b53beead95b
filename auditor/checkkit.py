"""Small helpers every check family uses: a finding's page list, counted words, and
sampling pages per template. In the engine so that built-in families and
third-party checks share one version instead of each writing its own."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

__all__ = ["OncePerTemplate", "listed", "plural"]


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
