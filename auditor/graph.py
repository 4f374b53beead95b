"""The site's link graph and click depth.

Click depth is what a customer pays to reach a page: the shortest number of link
hops from the start page, over the links the crawl actually saw (a redirect counts
as no extra click). Nodes are integers so that a big shop's graph stays small in
memory; it is the one thing the crawl keeps for every page.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable

__all__ = ["LinkGraph"]


class LinkGraph:
    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._urls: list[str] = []
        self._out: list[array] = []
        self._aliases: dict[int, int] = {}

    def node(self, url: str) -> int:
        idx = self._ids.get(url)
        if idx is None:
            idx = self._ids[url] = len(self._urls)
            self._urls.append(url)
            self._out.append(array("I"))
        return idx

    def __contains__(self, url: str) -> bool:
        return url in self._ids

    def __len__(self) -> int:
        return len(self._urls)

    def add_links(self, source: str, targets: Iterable[str]) -> None:
        src = self.node(source)
        out = self._out[src]
        seen = set(out)
        for t in targets:
            dst = self.node(t)
            if dst != src and dst not in seen:
                out.append(dst)
                seen.add(dst)

    def add_redirect(self, source: str, target: str) -> None:
        """``source`` answered with a redirect to ``target``: the same click."""
        if source != target:
            self._aliases[self.node(source)] = self.node(target)

    def out_links(self, url: str) -> list[str]:
        idx = self._ids.get(url)
        return [] if idx is None else [self._urls[i] for i in self._out[idx]]

    def depths(self, starts: Iterable[str]) -> dict[str, int]:
        """Shortest hop count from any start URL to every reachable node.

        A 0-1 breadth-first search: links cost one click, redirects none.
        """
        return {self._urls[i]: d for i, (d, _) in self._search(starts).items()}

    def paths(self, starts: Iterable[str]) -> dict[str, str | None]:
        """For each reachable node, the node it is reached from on a shortest path."""
        return {
            self._urls[i]: (None if p is None else self._urls[p])
            for i, (_, p) in self._search(starts).items()
        }

    def depths_and_parents(
        self, starts: Iterable[str]
    ) -> tuple[dict[str, int], dict[str, str | None]]:
        """``depths`` and ``paths`` from one search, for a big graph searched once."""
        best = self._search(starts)
        urls = self._urls
        depths = {urls[i]: d for i, (d, _) in best.items()}
        parents = {urls[i]: (None if p is None else urls[p]) for i, (_, p) in best.items()}
        return depths, parents

    def _search(self, starts: Iterable[str]) -> dict[int, tuple[int, int | None]]:
        best: dict[int, tuple[int, int | None]] = {}
        queue: deque[int] = deque()
        for s in starts:
            idx = self._ids.get(s)
            if idx is not None and idx not in best:
                best[idx] = (0, None)
                queue.append(idx)
        while queue:
            cur = queue.popleft()
            d = best[cur][0]
            alias = self._aliases.get(cur)
            if alias is not None and (alias not in best or best[alias][0] > d):
                best[alias] = (d, cur)
                queue.appendleft(alias)
            for nxt in self._out[cur]:
                if nxt not in best or best[nxt][0] > d + 1:
                    best[nxt] = (d + 1, cur)
                    queue.append(nxt)
        return best
