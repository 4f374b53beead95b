"""Journey 5: from a product page to the contact form, the shipping costs and the
returns policy.

The customer looks for each on the product page (header, footer, the product's own
text), opens it and comes back. A page the customer cannot reach from the product page
in one click is looked for one page further, through the shop's help or service page.
How far the service pages are from every page the journeys walked is read from the
crawl's link graph (``service_distances``, pure).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .common import Trip
from .ladder import recognise
from .walker import Walk, same_page

__all__ = ["SERVICE_ROLES", "service_distances", "service_targets", "walk_service"]

SERVICE_ROLES = ("contact", "shipping", "returns")
_TARGET_PATHS = {
    "contact": r"/(contact|kontakt)",
    "imprint": r"/(imprint|impressum|legal-notice)",
    "returns": r"/(returns?|retoure|widerruf|rueckgabe|refund|delivery-returns)",
}


def service_targets(urls: Iterable[str]) -> dict[str, set[str]]:
    """The shop's contact, imprint and returns pages among ``urls`` (by address)."""
    out: dict[str, set[str]] = {k: set() for k in _TARGET_PATHS}
    for u in urls:
        path = "/" + u.split("/", 3)[3] if u.count("/") >= 3 else "/"
        for role, pattern in _TARGET_PATHS.items():
            if re.search(pattern, path, re.I):
                out[role].add(u)
    return out


def service_distances(
    pages: Iterable[str], out_links: Callable[[str], list[str]] | None, limit: int = 2
) -> dict[str, dict[str, int | None]]:
    """For each page: the clicks to the nearest contact, imprint and returns page in the
    crawl's link graph (None: not within ``limit``)."""
    out: dict[str, dict[str, int | None]] = {}
    if out_links is None:
        return out
    for page in dict.fromkeys(pages):
        first = out_links(page) or []
        if not first:
            continue  # not in the link graph (a results page): unknown, not far
        dist: dict[str, int | None] = dict.fromkeys(_TARGET_PATHS)
        for role, found in service_targets([page]).items():
            if found:
                dist[role] = 0
        frontier, seen = [page], {page}
        for d in range(1, limit + 1):
            nxt: list[str] = []
            for u in frontier:
                nxt.extend(x for x in (out_links(u) or []) if x not in seen)
            seen.update(nxt)
            for role, found in service_targets(nxt).items():
                if found and dist[role] is None:
                    dist[role] = d
            frontier = nxt[:200]
        out[page] = dist
    return out


async def walk_service(trip: Trip) -> dict[str, Any]:
    w = Walk(trip.page, trip.tabs, trip.persona, "service", trip.opts)
    start = trip.reached or trip.product
    if start is None:
        await w.stop("no product page to start from")
        return w.result()
    reached: dict[str, Any] = {}
    w.details["reached"] = reached
    for role in SERVICE_ROLES:
        if not await w.start(start):
            return w.result()
        facts = await w.scan()
        m = recognise(facts, role)
        if m is None:
            reached[role] = None
            continue
        step = await w.act(m, f"the {role} link '{m.name}'")
        if step is None:
            return w.result()
        ok = not same_page(trip.page.url, start)
        step["verified"] = "address changed" if ok else None
        reached[role] = {"clicks": 1, "url": trip.page.url, "rung": m.rung} if ok else None
    missing = [r for r in SERVICE_ROLES if not reached.get(r)]
    if missing:
        await w.stop(f"not reachable from the product page: {', '.join(missing)}")
    else:
        w.completed = True
    return w.result()
