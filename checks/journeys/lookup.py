"""Journey 2: find the same product through the shop's search.

The customer types the product's name into the visible search field (opening it by its
icon where needed), presses Enter, and opens the product from the results. A search
only reads (a GET): the journeys' guard lets it out like any page load.
"""

from __future__ import annotations

import re
from typing import Any

from .common import Trip, link_to
from .ladder import Match
from .walker import Walk, same_page, thumbnail

__all__ = ["search_field", "walk_lookup"]


def search_field(facts: dict[str, Any]) -> dict[str, Any] | None:
    """The visible search field (a ``type=search``, ``role=search`` or ``q``-like field)."""
    for f in facts.get("fields") or ():
        if f.get("search") and f.get("visible") and f.get("method") != "post":
            return f
    return None


def _search_toggle(facts: dict[str, Any]) -> Match | None:
    for c in facts.get("candidates") or ():
        named = re.search(r"\b(search|suche|suchen)\b", (c.get("name") or "").lower())
        if (
            named
            and c.get("visible")
            and c.get("where") in ("header", "nav")
            and c.get("tag") != "a"
        ):
            return Match("search", c["sel"], "role-name", c["name"])
    return None


async def walk_lookup(trip: Trip) -> dict[str, Any]:
    w = Walk(trip.page, trip.tabs, trip.persona, "search", trip.opts)
    target, name = trip.product, trip.product_name
    if target is None or not name:
        await w.stop("the crawl found no product to search for")
        return w.result()
    w.details.update(product=target, query=name)
    w.minimum = 3  # home, results, product
    if not await w.start(trip.start):
        return w.result()
    facts = await w.scan()
    field = search_field(facts)
    if field is None:
        toggle = _search_toggle(facts)
        if toggle is not None and await w.act(toggle, "the search icon") is not None:
            field = search_field(await w.scan())
    if field is None:
        await w.stop("no search field found")
        return w.result()
    page = trip.page
    keys = 0
    if trip.persona == "keyboard":
        keys = await w._reach_by_keys(field["sel"])
        if keys is None:
            await w.stop("the keyboard cannot reach the search field", keyboard=True)
            return w.result()
    if not await w.fill(field, name):
        await w.stop("the search field could not be typed into")
        return w.result()
    await trip.tabs.pace(page.url)
    result = await w._wait(lambda: page.press(field["sel"], "Enter"))
    w.steps.append(
        {
            "n": len(w.steps) + 1,
            "action": "type",
            "what": f"search for '{name[:60]}'",
            "name": field.get("label") or "search",
            "rung": "search-field",
            "selector": field["sel"],
            "url": page.url,
            "ops": {"type": [len(name)], "keys": keys + 1, "click": 0},
            "thumb": await thumbnail(page),
            **result,
        }
    )
    facts = await w.scan()
    if w.blocked:
        await w.stop(f"blocked at step {len(w.steps) + 1}: a bot wall or captcha")
        return w.result()
    link = link_to(facts, target)
    if link is None:
        await w.stop("the results do not show the product")
        return w.result()
    step = await w.act(link, f"the result '{link.name}'")
    if step is not None and same_page(page.url, target):
        step["verified"] = "address of the product"
        w.completed = True
        trip.reached = trip.reached or page.url
    elif step is not None:
        await w.stop("the result did not open the product")
    return w.result()
