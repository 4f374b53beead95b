"""The journeys of one audit: walked once per persona, shared by every journey check.

The site step of every journeys check calls ``shared_runs``; the first one walks, the
others await the same answer (cached per audit by start URL and records file). Each
persona walks in a browser context of its own (one tab slot of the site stage), in
order: 1 menu, 2 search, 3 cart, 4 checkout (in the same context, so the cart is the
customer's), 5 service pages. Personas are walked one after another: the figures of
one must not be slowed by the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

from playwright.async_api import Error as PlaywrightError

from auditor.checkkit import OncePerAudit
from auditor.config import JOURNEY_NAMES
from auditor.page import HTML_TYPES
from auditor.pagekinds import page_kind

from .browse import walk_browse
from .cart import walk_cart
from .checkout import walk_checkout
from .common import Trip
from .lookup import walk_lookup
from .service import service_distances, service_targets, walk_service
from .walker import open_walk

__all__ = ["JOURNEYS", "pick_product", "run_journeys", "shared_runs"]

JOURNEYS = JOURNEY_NAMES  # one list with the gate's (auditor.config)
_RUNS = OncePerAudit()


async def shared_runs(site: Any, opts: dict[str, Any]) -> dict[str, Any]:
    """The journeys of this audit: walked by the first journeys check that asks."""
    return await _RUNS.get(site, lambda: run_journeys(site, opts))


def _name(record: Any) -> str:
    h1 = ((record.structure or {}).get("h1") or "").strip()
    if h1:
        return h1
    title = (record.title or "").strip()
    for sep in (" – ", " | ", " - ", " — "):
        title = title.split(sep)[0]
    return title.strip()


def pick_product(
    records: Any, start: str, depths: dict[str, int], wanted: str = ""
) -> tuple[str | None, str]:
    """The product the journeys look for: the configured path, else the product page
    nearest the home page in the crawl (first by address among equals); with its name."""
    best: tuple[tuple[int, str], str, str] | None = None
    target = urljoin(start, wanted) if wanted else None
    for r in records:
        if r.error is not None or r.content_type not in HTML_TYPES:
            continue
        if r.status is None or not 200 <= r.status < 300:
            continue
        url = r.final_url or r.url
        if target is not None:
            if urlsplit(url).path.rstrip("/") == urlsplit(target).path.rstrip("/"):
                return url, _name(r)
            continue
        if page_kind(url, r.title, r.structure, start) != "product":
            continue
        depth = depths.get(r.url, depths.get(url))
        key = (depth if depth is not None else 99, url)
        if best is None or key < best[0]:
            best = (key, url, _name(r))
    if target is not None:
        return target, ""
    return (best[1], best[2]) if best else (None, "")


async def _persona(
    site: Any, opts: dict[str, Any], persona: str, product, name, data: dict[str, Any]
) -> None:
    """Every journey as one persona, in one browser context, each walk added to
    ``data`` as it ends (a persona stopped by the time limit keeps what it walked)."""
    view = site.view
    async with open_walk(site.tabs, persona, opts["state_changes"]) as (page, guard):
        trip = Trip(
            page,
            site.tabs,
            persona,
            opts,
            view.start_url,
            product,
            name,
            view.depths,
            view.out_links,
            guard=guard,
        )
        try:
            for walk in (walk_browse, walk_lookup, walk_cart, walk_checkout, walk_service):
                try:
                    data["walks"].append(await walk(trip))
                except PlaywrightError as exc:
                    reason = f"the browser failed: {exc}"[:200]
                    data["walks"].append(_failed(walk.__name__, persona, reason))
        finally:
            data["requests"].extend({**r, "persona": persona} for r in guard.log)


def _failed(fn: str, persona: str, reason: str) -> dict[str, Any]:
    name = {"walk_browse": "browse", "walk_lookup": "search", "walk_cart": "cart",
            "walk_checkout": "checkout", "walk_service": "service"}.get(fn, fn)  # fmt: skip
    return {
        "journey": name,
        "persona": persona,
        "completed": False,
        "blocked": False,
        "stopped": {"step": 1, "reason": reason, "url": None, "keyboard": False, "blocked": False},
        "steps": [],
        "details": {},
    }


async def run_journeys(site: Any, opts: dict[str, Any]) -> dict[str, Any]:
    """Every journey for every persona, in a fixed order."""
    view = site.view
    data: dict[str, Any] = {"start": view.start_url, "walks": [], "requests": [], "skipped": None}
    if site.tabs is None:
        data["skipped"] = "the engine lent no browser tab for the journeys"
        return data
    product, name = pick_product(site.records(), view.start_url, view.depths, opts["product"])
    if product is not None and not name:  # a page the link map read: its title
        mapped = (view.mapped or {}).get(product)
        title = (getattr(mapped, "title", None) or "").strip()
        name = title.split(" – ")[0].split(" | ")[0].strip()
    data["product"] = {"url": product, "name": name}
    seconds: dict[str, float] = {}
    # within the site step's limit, with room to hand the walks over
    deadline = time.monotonic() + 0.85 * site.settings.audit.site_step_timeout
    for persona in opts["personas"]:
        started = time.monotonic()
        left = deadline - started
        if left <= 5:
            data["cut"] = f"no time left for the {persona} persona (audit.site_step_timeout)"
            break
        with contextlib.suppress(PlaywrightError, TimeoutError):
            await asyncio.wait_for(_persona(site, opts, persona, product, name, data), left)
        seconds[persona] = round(time.monotonic() - started, 1)
    data["seconds"] = seconds
    pages = [s["url"] for w in data["walks"] for s in w.get("steps", []) if s.get("url")]
    data["service_distances"] = service_distances(pages, view.out_links)
    # which of them the shop has at all (a missing one is the service journey's finding)
    known = service_targets([*view.depths, *(view.mapped or {})])
    data["service_pages"] = {role: len(found) for role, found in known.items()}
    return data
