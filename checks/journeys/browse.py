"""Journey 1: find a product through the menu (home -> category -> product).

The customer opens the home page, picks the menu entry whose listing holds the product
(the crawl's link graph says which: the shortest path it found), opens it, pages on
where the listing is long, and opens the product. Each step is verified by the address
it lands on. Lostness compares the pages walked with the crawl's shortest path.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from playwright.async_api import Error as PlaywrightError

from .common import Trip, link_to
from .ladder import Match, recognise
from .walker import Walk, same_page

__all__ = ["menu_links", "pick_category", "walk_browse"]


def menu_links(facts: dict[str, Any], start: str) -> list[dict[str, Any]]:
    """The menu's links on the home page: links in the header's or a nav's landmark
    (visible or in a closed dropdown), on the shop's site, not the cart or home."""
    out = []
    host = start.split("/")[2] if "://" in start else ""
    for c in facts.get("candidates") or ():
        if c.get("tag") != "a" or c.get("where") not in ("nav", "header"):
            continue
        href = c.get("href") or ""
        if not href.startswith(("http://", "https://")) or href.split("/")[2] != host:
            continue
        here = facts.get("url") or start  # where the start page redirected to
        if same_page(href, start) or same_page(href, here):
            continue
        if recognise({"candidates": [c]}, "cart_link"):
            continue
        out.append(c)
    return out


def pick_category(
    menu: list[dict[str, Any]],
    target: str,
    out_links: Callable[[str], list[str]] | None,
    limit: int = 2,
) -> tuple[dict[str, Any], int] | None:
    """The menu link from which the crawl's link graph reaches ``target`` in the fewest
    further clicks (at most ``limit``), and that number; None where no menu entry leads
    there (a product the menu cannot find)."""
    if out_links is None:
        return None
    best: tuple[dict[str, Any], int] | None = None
    for c in menu:
        frontier, seen = [c["href"]], {c["href"]}
        for dist in range(1, limit + 1):
            nxt: list[str] = []
            for url in frontier:
                links = out_links(url) or []
                if any(same_page(u, target) for u in links):
                    if best is None or dist < best[1]:
                        best = (c, dist)
                    nxt = []
                    break
                nxt.extend(u for u in links if u not in seen)
                seen.update(links)
            else:
                frontier = nxt[:40]
                continue
            break
        if best is not None and best[1] == 1:
            return best
    return best


#: the control that opens the closed menu around a hidden link: the nearest visible
#: toggle (a button, an ``aria-expanded``/``aria-haspopup``/``data-toggle`` element) in
#: its ancestors, outside the hidden part
_TOGGLE_JS = """
(sel) => {
  const el = document.querySelector(sel); if (!el) return null;
  const visible = (n) => { const r = n.getBoundingClientRect(); const cs = getComputedStyle(n); return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; };
  const toggles = 'button, [aria-expanded], [aria-haspopup], [data-toggle], [data-bs-toggle], summary, [role="button"]';
  let hidden = el;
  for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
    const t = [...n.querySelectorAll(toggles)].find((x) => !hidden.contains(x) && visible(x));
    if (t) { t.setAttribute('data-journey-toggle', '1'); return '[data-journey-toggle="1"]'; }
    if (!visible(n)) hidden = n;
  }
  return null;
}
"""


async def _open_menu(w: Walk, entry: dict[str, Any]) -> None:
    """Open the closed menu (a burger, a dropdown) that hides ``entry`` the way a
    customer does: its toggle clicked, or, where clicking does not show it, hovered."""
    try:
        toggle = await w.page.evaluate(_TOGGLE_JS, entry["sel"])
    except PlaywrightError:
        return
    if toggle:
        await w.act(Match("menu", toggle, "landmark", "menu"), "the menu toggle")
        with contextlib.suppress(PlaywrightError):
            await w.page.evaluate(
                "() => document.querySelectorAll('[data-journey-toggle]').forEach((e) => e.removeAttribute('data-journey-toggle'))"
            )


async def walk_browse(trip: Trip) -> dict[str, Any]:
    w = Walk(trip.page, trip.tabs, trip.persona, "browse", trip.opts)
    target = trip.product
    if target is None:
        await w.stop("the crawl found no product page to look for")
        return w.result()
    w.details["product"] = target
    if not await w.start(trip.start):
        return w.result()
    facts = await w.scan()
    if w.blocked:
        await w.stop("blocked at step 1: a bot wall or captcha")
        return w.result()
    menu = menu_links(facts, trip.start)
    w.details["menu_links"] = len(menu)
    # a visible entry before one in a closed dropdown (stable sort keeps the order)
    picked = pick_category(sorted(menu, key=lambda c: not c.get("visible")), target, trip.out_links)
    if picked is None:
        await w.stop("no menu entry leads to the product (not in any listing the menu opens)")
        w.details["not_in_menu"] = True
        return w.result()
    entry, further = picked
    # the shortest path through the menu the crawl found: home, the entry, then links
    w.minimum = 2 + further
    w.details["shortest_path"] = w.minimum
    if not entry.get("visible"):
        await _open_menu(w, entry)
        facts = await w.scan()
        same = [c for c in menu_links(facts, trip.start) if c["href"] == entry["href"]]
        entry = next((c for c in same if c.get("visible")), entry)
    m = Match("menu", entry["sel"], "landmark", entry.get("name") or "", entry["href"])
    if await w.act(m, f"menu entry '{m.name}'") is None:
        return w.result()
    for _ in range(trip.opts["max_steps"]):
        facts = await w.scan()
        if w.blocked:
            await w.stop(f"blocked at step {len(w.steps) + 1}: a bot wall or captcha")
            return w.result()
        link = link_to(facts, target)
        if link is not None:
            step = await w.act(link, f"the product '{link.name}'")
            if step is not None and same_page(trip.page.url, target):
                step["verified"] = "address of the product"
                w.completed = True
                trip.reached = trip.page.url
            elif step is not None:
                await w.stop("the product link did not open the product")
            return w.result()
        nxt = recognise(facts, "next_page")
        if nxt is None or len(w.steps) >= trip.opts["max_steps"]:
            break
        if await w.act(nxt, "the next page of the listing") is None:
            return w.result()
    await w.stop("the product is not shown in the listing the menu opened")
    return w.result()
