"""The Measurer: timing loads of a page, alone, in a cold browser context.

Why its own load: the crawl's tab has a warm cache, a dismissed cookie banner and the
navigation checks' keyboard and scroll probes; a timing load is a first visit in a new
context (cold cache), watched from before the first byte until the page is quiet, and
repeated where the settings ask for it so that the median can be reported. It also
reads a crawl visit's figures the same way (``screen``), so that a page well within
every band needs no load alone (which pages do: auditor.measure.bands).

The ``mobile`` profile is throttled through the DevTools protocol like Lighthouse's
mobile preset: CPU 4x slower, about 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

from ..browser import BrowserSession, keep_to_one_tab, reads_only, wait_for_load, watch_navigation
from ..config import Settings
from ..errors import PAGE_ERROR_CODES
from ..model import clip
from ..page import ScriptHung, script_timeout, visit_budget
from ..ratelimit import HostLimiter
from .figures import blocking_figures, run_metrics
from .network import LoadNetwork, network_summary
from .quiet import wait_until_quiet
from .scripts import AFTER_PAINT_JS, MAX_ITEMS, MEASURE_INIT_SCRIPT, PICK_SAFE_JS, READ_JS

__all__ = ["Measurer"]


@dataclass
class _Blank:
    """A timing load's own context and its one empty tab, before the load."""

    context: BrowserContext
    page: Any
    net: Any


async def _close(blank: _Blank) -> None:
    with contextlib.suppress(PlaywrightError, TimeoutError):
        await asyncio.wait_for(blank.context.close(), timeout=10)


class Measurer:
    """Timing loads of one page: each in a fresh context, the median over them."""

    def __init__(self, session: BrowserSession, settings: Settings, limiter: HostLimiter):
        self.session = session
        self.settings = settings
        self.limiter = limiter
        #: the next load's tab, opened ahead (``prepare``)
        self._spare: asyncio.Future[_Blank] | None = None

    def throttling(self) -> dict | None:
        """The DevTools throttling of the profile, or None (desktop: none)."""
        m = self.settings.measurement
        if self.settings.browser.profile != "mobile":
            return None
        return {
            "cpu_slowdown": m.cpu_slowdown,
            "rtt_ms": m.rtt_ms,
            "download_kbps": m.download_kbps,
            "upload_kbps": m.upload_kbps,
        }

    @property
    def screens(self) -> bool:
        """Whether crawl visits may screen pages: not where the profile is throttled
        (the crawl's visits are not, so their figures say nothing of a throttled load)."""
        return self.throttling() is None

    async def screen(self, page: Page, net: LoadNetwork, visit: Any, status: int | None) -> dict:
        """The figures of a crawl visit, read like a timing load's: once the page has
        been quiet for ``quiet_ms`` (at most ``max_wait_ms``, and never into the
        gatherers' share of the visit), before anything clicks or presses a key in it.
        ``visit`` is the crawl's auditor.page.Visit (its budget and the page's pulse)."""
        m = self.settings.measurement
        waited_from = time.monotonic()
        limit = min(m.max_wait_ms / 1000, max(0.0, visit.remaining() / 2))
        never_quiet = m.max_wait_ms > 0 and not await wait_until_quiet(
            visit.evaluate, net, m.quiet_ms / 1000, limit
        )
        facts = await visit.evaluate(READ_JS, MAX_ITEMS)
        facts.update(blocking_figures(facts))
        run: dict[str, Any] = {
            "status": status,
            "load_timed_out": False,
            "settle_ms": round((time.monotonic() - waited_from) * 1000),
            "never_quiet": never_quiet,
            **facts,
        }
        if net.document_ttfb_ms is not None and (
            run.get("ttfb_ms") is None or net.document_ttfb_ms > run["ttfb_ms"]
        ):
            run["ttfb_ms"] = net.document_ttfb_ms
        run["network"] = network_summary(net)
        run["interaction"] = None  # a click now would change what the gatherers see
        run["metrics"] = run_metrics(run)  # with the click's figure: ``click_screened``
        return {
            "profile": self.settings.browser.profile,
            "throttling": None,
            "screened": True,
            "runs": [run],
        }

    async def click_screened(self, page: Page, timing: dict, pulse: float) -> None:
        """The interaction figure of a screened page, from its crawl tab once the
        gatherers are done with it (a click before them would change what they see):
        the click a timing load makes, so that a page well within every band needs no
        load alone for its INP. The crawl visit has already routed the page to reads
        only. A page that does not take the click keeps no interaction figure."""
        runs = timing.get("runs") or []
        if not self.settings.measurement.interaction or len(runs) != 1 or "metrics" not in runs[0]:
            return
        run = runs[0]
        try:
            run["interaction"] = await self._interaction(page, pulse, guard=False)
        except (ScriptHung, PlaywrightError, TimeoutError):
            return
        run["metrics"] = run_metrics(run)

    async def measure(self, url: str, runs: int) -> dict:
        """``runs`` timing loads of ``url``; never raises for a page problem.

        The crawl waits while a timing load runs, so each load's deadline is what a
        load, the wait for quiet and the click need (never more than a crawl visit's
        budget), and a load that fails (hangs, spins, crashes) or never gets quiet ends
        the page's timing: trying again would make every crawl worker wait once more
        for the same fault.
        """
        deadline = min(
            visit_budget(self.settings),
            self.settings.crawl.page_timeout + self.settings.measurement.max_wait_ms / 1000 + 10,
        )
        results = []
        for _ in range(runs):
            # the host's rate limit first, outside the load's deadline (politeness is
            # not the page's fault)
            await self.limiter.acquire(urlsplit(url).netloc)
            try:
                results.append(await asyncio.wait_for(self._one_load(url), timeout=deadline))
            except TimeoutError:
                results.append({"error": "the timing load did not finish within its deadline"})
            except ScriptHung:
                results.append({"error": PAGE_ERROR_CODES["SCRIPT_HUNG"], "code": "SCRIPT_HUNG"})
            except PlaywrightError as exc:
                first = (str(exc).strip().splitlines() or ["browser error"])[0]
                results.append({"error": clip(first, 200)})
            if "error" in results[-1] or results[-1].get("never_quiet"):
                break  # the same fault, or the same endless activity, would come again
        return {
            "profile": self.settings.browser.profile,
            "throttling": self.throttling(),
            "runs": results,
        }

    def prepare(self) -> None:
        """Open the next timing load's tab now, while the lane still waits for the
        crawl's visits to end: a new context and renderer cost a few hundred ms on a
        busy machine, which the crawl then does not spend waiting. The tab is empty
        until its load, so opening it beside the visits disturbs no figure."""
        if self._spare is None:
            self._spare = asyncio.ensure_future(self._open_blank())

    async def discard(self) -> None:
        """Close a tab ``prepare`` opened that no load has taken."""
        spare, self._spare = self._spare, None
        if spare is None:
            return
        with contextlib.suppress(Exception):
            await _close(await spare)

    async def _take_blank(self) -> _Blank:
        """The prepared tab where there is a good one, else a new one."""
        spare, self._spare = self._spare, None
        if spare is not None:
            with contextlib.suppress(PlaywrightError, TimeoutError):
                blank = await spare
                if self.session.connected and not blank.page.is_closed():
                    return blank
                await _close(blank)  # of a browser that has been restarted since
        return await self._open_blank()

    async def _open_blank(self) -> _Blank:
        """A fresh context (cold cache) with one empty tab, watched from its first
        request on, throttled where the profile says so."""
        context = await self.session.new_context()
        try:
            context.set_default_timeout(self.settings.crawl.page_timeout * 1000)
            await context.add_init_script(MEASURE_INIT_SCRIPT)
            page = await context.new_page()
            keep_to_one_tab(context, page)
            cdp = await context.new_cdp_session(page)
            net = LoadNetwork()
            net.attach(cdp)
            await cdp.send("Network.enable")
            throttle = self.throttling()
            if throttle:
                await cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle["cpu_slowdown"]})
                await cdp.send(
                    "Network.emulateNetworkConditions",
                    {
                        "offline": False,
                        "latency": throttle["rtt_ms"],
                        "downloadThroughput": _bytes_per_s(throttle["download_kbps"]),
                        "uploadThroughput": _bytes_per_s(throttle["upload_kbps"]),
                    },
                )
        except BaseException:
            await _close(_Blank(context, None, None))
            raise
        return _Blank(context, page, net)

    async def _one_load(self, url: str) -> dict:
        blank = await self._take_blank()
        try:
            return await self._load_and_read(blank.page, url, blank.net)
        finally:
            await _close(blank)

    async def _load_and_read(self, page: Page, url: str, net: LoadNetwork) -> dict:
        m = self.settings.measurement
        started = time.monotonic()
        watch_navigation(page)
        response = await page.goto(url, wait_until="commit")
        pulse = script_timeout(self.settings)
        outcome = await wait_for_load(page, self.settings.crawl.page_timeout, pulse)
        if outcome == "hung":
            raise ScriptHung()
        timed_out = outcome == "timeout"
        # quiet: no request in flight, and no paint, shift, long task or resource
        # entry, for quiet_ms; at most max_wait_ms after the load event
        waited_from = time.monotonic()

        async def ask(script: str) -> Any:
            return await _answer(page.evaluate(script), pulse)

        never_quiet = m.max_wait_ms > 0 and not await wait_until_quiet(
            ask, net, m.quiet_ms / 1000, m.max_wait_ms / 1000
        )
        facts = await _answer(page.evaluate(READ_JS, MAX_ITEMS), pulse * 3)
        facts.update(blocking_figures(facts))
        run: dict[str, Any] = {
            "status": response.status if response else None,
            "load_timed_out": timed_out,
            "wall_ms": round((time.monotonic() - started) * 1000),
            "settle_ms": round((time.monotonic() - waited_from) * 1000),
            "never_quiet": never_quiet,
            **facts,
        }
        if net.document_ttfb_ms is not None and (
            run.get("ttfb_ms") is None or net.document_ttfb_ms > run["ttfb_ms"]
        ):
            run["ttfb_ms"] = net.document_ttfb_ms  # throttled: the latency is in here only
        run["network"] = network_summary(net)
        run["interaction"] = await self._interaction(page, pulse) if m.interaction else None
        run["metrics"] = run_metrics(run)
        return run

    async def _interaction(self, page: Page, pulse: float, guard: bool = True) -> dict | None:
        """Click one safe element and time the frame after it (an INP-like figure).
        ``guard``: route the tab's context to reads only first (the caller has not)."""
        target = await _answer(page.evaluate(PICK_SAFE_JS), pulse)
        if not target:
            return None
        url_before = page.url
        # the figures are read; from here on nothing that writes may leave the tab, as
        # the page may answer a real click by posting (never an order)
        if guard:
            await page.context.route("**/*", reads_only)
        try:  # a page in a print dialog or a nested loop never takes the click
            await asyncio.wait_for(page.mouse.click(target["x"], target["y"]), timeout=pulse)
        except TimeoutError:
            return {"element": clip(target["element"], 200), "ms": None, "navigated": False}
        try:
            worst = await asyncio.wait_for(page.evaluate(AFTER_PAINT_JS), timeout=5)
        except (PlaywrightError, TimeoutError):  # the click navigated or the page hung
            worst = None
        return {
            "element": clip(target["element"], 200),
            "ms": worst,
            "navigated": page.url != url_before,
        }


async def _answer(work: Any, timeout_s: float) -> Any:
    """A script's answer, or ScriptHung where the page's main thread does not give it."""
    try:
        return await asyncio.wait_for(work, timeout=timeout_s)
    except TimeoutError:
        raise ScriptHung() from None


def _bytes_per_s(kbps: float) -> float:
    return kbps * 1000 / 8 if kbps > 0 else -1  # -1: DevTools' "not throttled"
