"""The site's link graph and click depth.

Click depth is what a customer pays to reach a page: the shortest number of link
hops from the start page, over the links the crawl actually saw (a redirect counts
as no extra click). Nodes are integers so that a big shop's graph stays small in
memory; it is the one thing the crawl keeps for every page.

The edges (each page's out-links) are most of that memory on a big shop, so they live
in an ``Edges`` store: a list of integer arrays here by default, an SQLite table in the
audit's crawl store (auditor.frontier_store.SqliteEdges) where there is one, read back
a page at a time when the depths are searched and a check asks for a page's links. A
store on disk is told each node's URL and each redirect as well (``named``,
``aliased``), so that the whole graph outlives the audit (auditor.frontier_store
``read_graph``); the graph itself still looks its URLs up in memory.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Sequence
from typing import Protocol

__all__ = ["Edges", "LinkGraph", "MemoryEdges"]


class Edges(Protocol):
    """Each node's out-links, by node number, in the order they were added."""

    def get(self, src: int) -> Sequence[int]: ...

    def extend(self, src: int, dsts: list[int]) -> None: ...

    def named(self, node: int, url: str) -> None:
        """Node ``node`` is ``url`` (called once per node, in number order)."""

    def aliased(self, src: int, dst: int) -> None:
        """Node ``src`` redirects to node ``dst``."""


class MemoryEdges:
    """Out-links as one array of node numbers per node (4 bytes a link). Nodes and
    redirects stay with the graph: nothing to keep of them here."""

    def __init__(self) -> None:
        self._out: list[array] = []

    def get(self, src: int) -> Sequence[int]:
        return self._out[src] if src < len(self._out) else ()

    def extend(self, src: int, dsts: list[int]) -> None:
        while len(self._out) <= src:
            self._out.append(array("I"))
        self._out[src].extend(dsts)

    def named(self, node: int, url: str) -> None:
        pass

    def aliased(self, src: int, dst: int) -> None:
        pass


class LinkGraph:
    def __init__(self, edges: Edges | None = None) -> None:
        self._ids: dict[str, int] = {}
        self._urls: list[str] = []
        self._edges: Edges = edges if edges is not None else MemoryEdges()
        self._aliases: dict[int, int] = {}

    def node(self, url: str) -> int:
        idx = self._ids.get(url)
        if idx is None:
            idx = self._ids[url] = len(self._urls)
            self._urls.append(url)
            self._edges.named(idx, url)
        return idx

    def __contains__(self, url: str) -> bool:
        return url in self._ids

    def __len__(self) -> int:
        return len(self._urls)

    def add_links(self, source: str, targets: Iterable[str]) -> None:
        src = self.node(source)
        seen = set(self._edges.get(src))
        new: list[int] = []
        for t in targets:
            dst = self.node(t)
            if dst != src and dst not in seen:
                new.append(dst)
                seen.add(dst)
        if new:
            self._edges.extend(src, new)

    def add_redirect(self, source: str, target: str) -> None:
        """``source`` answered with a redirect to ``target``: the same click."""
        if source != target:
            src, dst = self.node(source), self.node(target)
            self._aliases[src] = dst
            self._edges.aliased(src, dst)

    def load(self, out: dict[int, list[int]], aliases: dict[int, int]) -> None:
        """Add out-links and redirects by node number (a graph read back from a store:
        auditor.frontier_store.read_graph); the nodes must be there already."""
        for src, dsts in out.items():
            self._edges.extend(src, dsts)
        self._aliases.update(aliases)

    def out_links(self, url: str) -> list[str]:
        idx = self._ids.get(url)
        return [] if idx is None else [self._urls[i] for i in self._edges.get(idx)]

    def depths(self, starts: Iterable[str]) -> dict[str, int]:
        """Shortest hop count from any start URL to every reachable node.

        A 0-1 breadth-first search: links cost one click, redirects none.
        """
        order, depth, _ = self._search(starts)
        return {self._urls[i]: depth[i] for i in order}

    def paths(self, starts: Iterable[str]) -> dict[str, str | None]:
        """For each reachable node, the node it is reached from on a shortest path."""
        return self.depths_and_parents(starts)[1]

    def depths_and_parents(
        self, starts: Iterable[str]
    ) -> tuple[dict[str, int], dict[str, str | None]]:
        """``depths`` and ``paths`` from one search, for a big graph searched once."""
        order, depth, parent = self._search(starts)
        urls = self._urls
        depths = {urls[i]: depth[i] for i in order}
        parents = {urls[i]: (None if parent[i] < 0 else urls[parent[i]]) for i in order}
        return depths, parents

    def _search(self, starts: Iterable[str]) -> tuple[array, array, array]:
        """(the nodes reached, in the order first reached; each node's depth; each
        node's parent, -1 for none). Arrays by node number, not a dict of tuples: on
        a big shop the search would otherwise cost more than the graph."""
        n = len(self._urls)
        order = array("I")
        depth = array("i", [-1]) * n
        parent = array("i", [-1]) * n
        queue: deque[int] = deque()
        for s in starts:
            idx = self._ids.get(s)
            if idx is not None and depth[idx] < 0:
                depth[idx] = 0
                order.append(idx)
                queue.append(idx)
        while queue:
            cur = queue.popleft()
            d = depth[cur]
            alias = self._aliases.get(cur)
            if alias is not None and (depth[alias] < 0 or depth[alias] > d):
                if depth[alias] < 0:
                    order.append(alias)
                depth[alias], parent[alias] = d, cur
                queue.appendleft(alias)
            for nxt in self._edges.get(cur):
                if depth[nxt] < 0 or depth[nxt] > d + 1:
                    if depth[nxt] < 0:
                        order.append(nxt)
                    depth[nxt], parent[nxt] = d + 1, cur
                    queue.append(nxt)
        return order, depth, parent
