"""The walking customer: one browser context per persona, actions verified by state.

Why its own context and not the probe tabs' read-only one: adding to the cart posts a
form, which the probe tabs rightly forbid. The journey's context gets the journeys'
own guard (``safety.Guard``) on every request instead: form data may leave only to add
to the cart, nothing may open an order-complete page. The context keeps to robots.txt,
the rate limit and the cookie banner through the probe tabs' helpers, and takes one of
the site stage's tab slots while it is open.

Every action waits for a condition, never for a fixed time: a navigation and its load
event, or the page's own changes settling (no DOM change for ``_QUIET`` s). What the
action cost the customer is measured from the action to that point (``wait_ms``).
A persona decides how an action is done: ``keyboard`` reaches its target with Tab and
presses Enter or Space (no pointer); ``mobile`` runs on a slow 4G-like link and a 4x
slower CPU (Chrome DevTools Protocol); ``zoom`` in a 320 px wide window (WCAG 1.4.10,
400 % of 1280 px); ``zoom-text`` with every text at 200 % in a desktop window (WCAG
1.4.4; the text enlarged in each page as ``auditor.textsize`` does, the accessibility
family's text-resize probe with it).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import io
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from auditor.browser import keep_to_one_tab, quietly
from auditor.config import PERSONA_NAMES
from auditor.screenshots import viewport_shot
from auditor.textsize import text_zoom_script

from .effort import effort, lostness
from .ladder import SCAN_JS, Match, scan_args
from .safety import Guard, forbidden_field, is_final_order, is_order_complete_url

__all__ = ["PERSONAS", "Walk", "open_walk", "same_page", "thumbnail"]

PERSONAS = PERSONA_NAMES  # one list with the config's and the gate's
#: seconds of no DOM change after which an in-place answer counts as settled
_QUIET = 0.3
#: seconds to wait for an action to start a navigation or change the page
_GRACE = 1.0
#: Tab presses at most to reach one target
_MAX_TABS = 120

_ARM_JS = """
() => {
  window.__jw = {changed: null, last: null, t0: performance.now(), paint: null};
  const mark = () => { const t = performance.now(); if (window.__jw.changed === null) window.__jw.changed = t; window.__jw.last = t; };
  if (window.__jwObs) window.__jwObs.disconnect();
  window.__jwObs = new MutationObserver(mark);
  window.__jwObs.observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'hidden', 'open', 'aria-expanded', 'style']});
  const onInput = () => { window.__jw.t0 = performance.now(); requestAnimationFrame(() => setTimeout(() => { if (window.__jw.paint === null) window.__jw.paint = performance.now() - window.__jw.t0; }, 0)); };
  document.addEventListener('click', onInput, {capture: true, once: true});
  document.addEventListener('keydown', onInput, {capture: true, once: true});
}
"""
_STATE_JS = "() => window.__jw ? {changed: window.__jw.changed, last: window.__jw.last, t0: window.__jw.t0, paint: window.__jw.paint, now: performance.now()} : null"
_ACTIVE_JS = """
(sel) => { const a = document.activeElement; if (!a || a === document.body) return {hit: false, none: true};
  let t = null; try { t = document.querySelector(sel); } catch (e) {}
  return {hit: !!t && (a === t || t.contains(a) || a.contains(t)), none: false}; }
"""


def same_page(a: str, b: str) -> bool:
    """Two addresses of one page (fragment and trailing slash aside)."""
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.netloc, pa.path.rstrip("/") or "/", pa.query) == (
        pb.netloc,
        pb.path.rstrip("/") or "/",
        pb.query,
    )


async def thumbnail(page: Page, width: int = 200) -> str | None:
    """A small picture of the window for the journey's strip (a few kB)."""
    try:
        from PIL import Image

        raw = await page.screenshot(type="jpeg", quality=50, timeout=4000)
        img = Image.open(io.BytesIO(raw))
        img.thumbnail((width, width * 2))
        out = io.BytesIO()
        img.convert("RGB").save(out, "JPEG", quality=45)
        return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")
    except Exception:
        return None


class Walk:
    """One journey walked by one persona: its steps, pages and where it stopped."""

    def __init__(self, page: Page, tabs: Any, persona: str, journey: str, opts: dict) -> None:
        self.page, self.tabs, self.persona, self.journey = page, tabs, persona, journey
        self.opts = opts
        self.steps: list[dict[str, Any]] = []
        self.visited: list[str] = []
        self.stopped: dict[str, Any] | None = None
        self.completed = False
        self.blocked = False
        self.details: dict[str, Any] = {}
        self.minimum: int | None = None
        self.timeout = tabs.settings.crawl.page_timeout

    # -- reading -----------------------------------------------------------------------
    async def scan(self) -> dict[str, Any]:
        """The page's facts for the ladder (empty where the page does not answer)."""
        try:
            facts = await self.page.evaluate(SCAN_JS, scan_args(self.opts.get("selectors")))
        except (PlaywrightError, PlaywrightTimeout):
            return {"candidates": [], "fields": [], "url": self.page.url}
        if facts.get("captcha"):
            self.blocked = True
        return facts

    async def start(self, url: str) -> bool:
        """Open the journey's first page (not a customer step: where they begin)."""
        if is_order_complete_url(url) or await self.tabs.goto(self.page, url) is None:
            await self.stop(f"the start page {url} could not be opened")
            return False
        self.visited.append(self.page.url)
        return True

    # -- acting ------------------------------------------------------------------------
    async def _wait(self, act: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
        """Do ``act`` and wait for its answer: a navigation's load, or the page's
        changes settling. What it cost, and whether a page was loaded."""
        page = self.page
        started, loaded = asyncio.Event(), asyncio.Event()
        marks: dict[str, float] = {}

        #: requests the action caused that have not ended: an answer in place is
        #: awaited until they have (a slow add-to-cart's fetch), not only for a change
        pending: set[Any] = set()

        def on_request(req: Any) -> None:
            pending.add(req)
            with contextlib.suppress(PlaywrightError):
                if req.is_navigation_request() and req.frame == page.main_frame:
                    started.set()

        def on_ended(req: Any) -> None:
            pending.discard(req)

        def on_load(_: Any) -> None:
            marks.setdefault("load", time.monotonic())
            loaded.set()

        def on_dcl(_: Any) -> None:
            marks.setdefault("dcl", time.monotonic())

        page.on("request", on_request)
        page.on("requestfinished", on_ended)
        page.on("requestfailed", on_ended)
        page.on("load", on_load)
        page.on("domcontentloaded", on_dcl)
        before = page.url
        try:
            with contextlib.suppress(PlaywrightError):
                await page.evaluate(_ARM_JS)
            t0 = time.monotonic()
            with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
                await act()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(started.wait(), _GRACE)
            if started.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(loaded.wait(), self.timeout)
                end = marks.get("load", time.monotonic())
                await self.tabs.settle(page)
                paint = marks.get("dcl", end) - t0
                self.visited.append(page.url)
                return {
                    "wait_ms": round((end - t0) * 1000.0, 1),
                    "paint_ms": round(paint * 1000.0, 1),
                    "load": True,
                    "url_changed": not same_page(before, page.url),
                }
            # in place: until the page has been quiet for _QUIET s (or timeout)
            state = None
            deadline = time.monotonic() + min(self.timeout, 8.0)
            while time.monotonic() < deadline:
                with contextlib.suppress(PlaywrightError):
                    state = await page.evaluate(_STATE_JS)
                if not state:
                    break
                quiet = state["last"] is None or state["now"] - state["last"] > _QUIET * 1000
                if quiet and not pending:
                    break
                await asyncio.sleep(0.05)
            changed = bool(state and state["changed"] is not None)
            wait = (state["last"] - state["t0"]) if changed else 0.0
            paint = state.get("paint") if state else None
            return {
                "wait_ms": round(max(0.0, wait), 1),
                "paint_ms": None if paint is None else round(paint, 1),
                "load": False,
                "url_changed": not same_page(before, page.url),
                "changed": changed,
            }
        finally:
            for name, fn in (
                ("request", on_request),
                ("requestfinished", on_ended),
                ("requestfailed", on_ended),
                ("load", on_load),
                ("domcontentloaded", on_dcl),
            ):
                page.remove_listener(name, fn)

    async def _reach_by_keys(self, selector: str) -> int | None:
        """Tab to ``selector``; the number of presses, or None where Tab never gets there."""
        page = self.page
        with contextlib.suppress(PlaywrightError):
            await page.evaluate(
                "() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); }"
            )
        for n in range(1, _MAX_TABS + 1):
            try:
                await page.keyboard.press("Tab")
                state = await page.evaluate(_ACTIVE_JS, selector)
            except (PlaywrightError, PlaywrightTimeout):
                return None
            if state["hit"]:
                return n
        return None

    async def act(
        self,
        match: Match,
        what: str,
        *,
        ops: dict[str, Any] | None = None,
        key: str = "Enter",
        thumb: bool = True,
    ) -> dict[str, Any] | None:
        """Click ``match`` as this persona would (the keyboard: Tab to it, then ``key``);
        the step, or None where the persona could not do it (the walk is stopped)."""
        if match.role != "add_to_cart" and is_final_order(match.name, match.attrs, match.href):
            await self.stop(f"stopped before {what}: a final order button is never pressed")
            return None
        if match.href and is_order_complete_url(match.href):
            await self.stop(f"{what} leads to an order-complete page (not opened)")
            return None
        # robots.txt is obeyed here as everywhere (``--ignore-robots`` for one's own
        # shop): a shop that keeps robots out of its cart (Shopify) ends the walk there,
        # as a result of the audit, never as a finding against the shop
        if match.href and not await self.tabs.allowed(match.href):
            await self.stop(f"robots.txt does not allow {match.href}", excused=True)
            return None
        ops = dict(ops or {"click": 1})
        page = self.page
        await self.tabs.pace(page.url)
        if self.persona == "keyboard":
            presses = await self._reach_by_keys(match.selector)
            if presses is None:
                await self.stop(f"the keyboard cannot reach {what}", keyboard=True)
                return None
            ops["keys"] = ops.get("keys", 0) + presses + 1
            result = await self._wait(lambda: page.keyboard.press(key))
        else:

            async def click() -> None:
                await page.click(match.selector, timeout=5000)

            result = await self._wait(click)
        step = {
            "n": len(self.steps) + 1,
            "action": "press" if self.persona == "keyboard" else "click",
            "what": what[:120],
            "name": match.name[:80],
            "rung": match.rung,
            "selector": match.selector[:200],
            "url": page.url,
            "ops": ops,
            **result,
        }
        if thumb:
            step["thumb"] = await thumbnail(page)
        self.steps.append(step)
        return step

    async def fill(self, field: dict[str, Any], value: str) -> bool:
        """Type ``value`` into a field (never a card, IBAN or password field)."""
        if forbidden_field(field):
            raise RuntimeError("refusing to fill a payment or password field")
        try:
            await self.page.fill(field["sel"], value, timeout=5000)
        except (PlaywrightError, PlaywrightTimeout):
            return False
        return True

    async def choose(self, field: dict[str, Any], what: str) -> dict[str, Any] | None:
        """Choose the first available option of a select or radio group (a variant)."""
        page = self.page
        ops: dict[str, Any] = {"choose": 1}
        if field["tag"] == "select":
            values = [
                o["value"]
                for o in field.get("options") or []
                if o["value"]
                and not o["disabled"]
                and not o["text"].startswith(("-", "—", "Choose", "Select", "Bitte"))
            ]
            if not values:
                return None

            async def pick() -> None:
                if self.persona == "keyboard":
                    await page.focus(field["sel"])
                await page.select_option(field["sel"], values[0], timeout=5000)

            if self.persona == "keyboard":
                presses = await self._reach_by_keys(field["sel"])
                if presses is None:
                    await self.stop(f"the keyboard cannot reach {what}", keyboard=True)
                    return None
                ops["keys"] = presses
            result = await self._wait(pick)
        else:
            if self.persona == "keyboard":
                presses = await self._reach_by_keys(field["sel"])
                if presses is None:
                    await self.stop(f"the keyboard cannot reach {what}", keyboard=True)
                    return None
                ops["keys"] = presses + 1
                result = await self._wait(lambda: page.keyboard.press("Space"))
            else:
                result = await self._wait(
                    lambda: page.check(field["sel"], timeout=5000, force=True)
                )
        step = {
            "n": len(self.steps) + 1,
            "action": "choose",
            "what": what[:120],
            "name": (field.get("label") or field.get("legend") or field.get("name") or "")[:80],
            "rung": "form",
            "selector": field["sel"][:200],
            "url": page.url,
            "ops": ops,
            "thumb": await thumbnail(page),
            **result,
        }
        self.steps.append(step)
        return step

    async def stop(self, reason: str, *, keyboard: bool = False, excused: bool = False) -> None:
        """The walk ends here, unfinished: where and why, with a screenshot.

        ``excused``: the walk may not go on (robots.txt); like a bot wall, a result
        of the audit that judges nothing about the shop's usability."""
        if self.stopped is not None:
            return
        self.stopped = {
            "step": len(self.steps) + 1,
            "reason": reason[:300],
            "url": self.page.url,
            "keyboard": keyboard,
            "blocked": self.blocked,
            "excused": excused or self.blocked,
            "screenshot": await viewport_shot(self.page),
        }

    def result(self) -> dict[str, Any]:
        """The journey's record for results.json (effort figures included)."""
        fig = effort(self.steps, self.persona)
        ops = [s.get("ops") or {} for s in self.steps]
        return {
            "journey": self.journey,
            "persona": self.persona,
            "completed": self.completed and self.stopped is None,
            "blocked": self.blocked,
            "stopped": self.stopped,
            "steps": self.steps,
            "clicks": sum(o.get("click", 0) for o in ops),
            "keys": sum(o.get("keys", 0) for o in ops),
            "loads": sum(1 for s in self.steps if s.get("load")),
            "fields": sum(
                len(o["type"]) if isinstance(o.get("type"), list) else (1 if o.get("type") else 0)
                for o in ops
            ),
            "choices": sum(o.get("choose", 0) for o in ops),
            "wait_s": fig["wait_s"],
            "effort": fig,
            "pages": len(self.visited),
            "unique_pages": len(set(self.visited)),
            "minimum_pages": self.minimum,
            "lostness": lostness(self.visited, self.minimum),
            "details": self.details,
        }


@contextlib.asynccontextmanager
async def open_walk(tabs: Any, persona: str, allow_cart: bool) -> AsyncIterator[tuple[Page, Guard]]:
    """A fresh browser context for one persona's journeys, with the journeys' guard."""
    guard = Guard(allow_cart)
    async with tabs.slots or contextlib.nullcontext():
        context = await tabs.session.new_context()
        try:
            await context.route("**/*", guard)
            context.set_default_timeout(tabs.settings.crawl.page_timeout * 1000)
            page = await context.new_page()
            keep_to_one_tab(context, page)
            await _dress(page, persona)
            yield page, guard
        finally:
            await quietly(asyncio.wait_for(context.close(), timeout=10))


async def _dress(page: Page, persona: str) -> None:
    """Make the tab the persona's: a phone on a slow link, a 320 px window, or every
    text at 200 % (set before any page of the walk opens, kept for what pages add)."""
    if persona == "zoom-text":
        await page.add_init_script(text_zoom_script(2.0))
    elif persona == "zoom":
        await page.set_viewport_size({"width": 320, "height": 720})
    elif persona == "mobile":
        await page.set_viewport_size({"width": 390, "height": 844})
        with contextlib.suppress(PlaywrightError):
            cdp = await page.context.new_cdp_session(page)
            await cdp.send("Network.enable")
            # Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up
            await cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": 150,
                    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
                    "uploadThroughput": 750 * 1024 / 8,
                },
            )
            await cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
