"""Probe tabs: a check's own browser tab in the site stage, loaded the polite way.

Why: journeys and probes (searching, submitting a form with its requests blocked,
tabbing through a page, narrowing the window to 320 px) change the page they run in.
Run in the crawl's tab they would spoil what later gatherers see; so the site stage
lends each such check a fresh context of its own, one page at a time, that keeps to
robots.txt and the per-host rate limit like every crawl visit, dismisses the cookie
banner, and is closed whatever happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Response
from playwright.async_api import TimeoutError as PlaywrightTimeout

from .browser import BrowserSession, keep_to_one_tab, quietly, reads_only
from .config import Settings
from .consent import banner_selector, dismiss_consent
from .page import AWAIT_PAINT_JS
from .ratelimit import HostLimiter
from .robots import RobotsPolicy

__all__ = ["ProbeTabs", "Slots", "TemplateSample"]

#: a cookie banner on the page ("banner", to be answered first), else the first paint
#: awaited (``AWAIT_PAINT_JS``); a selector the page cannot read counts as no banner,
#: as in ``dismiss_consent``
_SETTLE_JS = (
    """(banner) => {
  try {
    if (banner && document.querySelector(banner)) return 'banner';
  } catch (e) { /* no banner to answer */ }
  return ("""
    + AWAIT_PAINT_JS.strip()
    + """)();
}"""
)


@dataclass(frozen=True)
class TemplateSample:
    """One rendered page that stands for its template in a probe."""

    url: str
    template: str
    kind: str
    title: str | None


class Slots:
    """The site stage's probe-tab slots (``crawl.concurrency``), first come first
    served, except that work in the background (a probe's queue of pages, which may
    run whenever a tab is free) gets a slot only while no other step waits for one.

    Why: the steps differ. The searches come in rounds, each waiting on the one before,
    and a journey is one long walk; a probe's pages can be taken in any order, by any
    number of tabs. Given the slots first, the chains start at once and the probes
    fill the tabs they leave, so the steps end about together. A background worker
    gives its slot back between pages while another step waits (``waiting``)."""

    def __init__(self, value: int = 1):
        self._free = value
        self.total = value
        self._alone = asyncio.Lock()
        #: (background?, arrival, future): the heap's first is served next
        self._queue: list[tuple[bool, int, asyncio.Future]] = []
        self._arrivals = itertools.count()

    @property
    def waiting(self) -> int:
        """Steps (not background work) waiting for a slot now."""
        return sum(1 for bg, _, f in self._queue if not bg and not f.done())

    def locked(self) -> bool:
        """Whether a slot cannot be had at once."""
        return self._free <= 0 or any(not f.done() for _, _, f in self._queue)

    async def acquire(self, background: bool = False) -> bool:
        if self._free > 0 and not any(
            not f.done() and (background or not bg) for bg, _, f in self._queue
        ):
            self._free -= 1
            return True
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._queue, (background, next(self._arrivals), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # served just as it was cancelled: the slot goes on
            raise
        return True

    def release(self) -> None:
        self._free += 1
        while self._free > 0 and self._queue:
            _, _, future = heapq.heappop(self._queue)
            if not future.done():
                self._free -= 1
                future.set_result(True)

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(self, *exc: object) -> None:
        self.release()

    @contextlib.asynccontextmanager
    async def alone(self, max_wait: float) -> AsyncIterator[bool]:
        """Every slot but the caller's own, for a figure measured beside no other tab:
        taken as the tabs free them (as a step, so background probes give theirs back
        between pages), within ``max_wait`` s. Yields whether all were had; where not,
        none is kept (the other steps go on at once)."""
        held = 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max_wait
        try:
            async with self._alone:  # one at a time: two half-way would wait on each other
                while held < self.total - 1:
                    try:
                        await asyncio.wait_for(self.acquire(), max(0.0, deadline - loop.time()))
                    except TimeoutError:
                        break
                    held += 1
                got = held == self.total - 1
                if not got:
                    for _ in range(held):
                        self.release()
                    held = 0
                yield got
        finally:
            for _ in range(held):
                self.release()


#: seconds a step that measured a late figure beside other tabs waits for them to
#: finish their pages before it measures again alone (where they do not free them, the
#: first figure stands)
ALONE_WAIT_S = 20.0


class ProbeTabs:
    """Opens fresh tabs for a check's site step and loads pages in them politely."""

    def __init__(
        self,
        session: BrowserSession,
        settings: Settings,
        limiter: HostLimiter,
        robots: RobotsPolicy,
        slots: asyncio.Semaphore | None = None,
    ):
        self.session = session
        self.settings = settings
        self.limiter = limiter
        self.robots = robots
        #: shared by the site steps that run side by side: one slot per open probe tab,
        #: so together they keep within ``crawl.concurrency`` tabs (None: no limit)
        self.slots = slots

    @contextlib.asynccontextmanager
    async def alone(self, max_wait: float = ALONE_WAIT_S) -> AsyncIterator[bool]:
        """``Slots.alone`` for a step that holds a tab: whether no other probe tab works
        meanwhile (False where the tabs have no shared slots to tell)."""
        if not isinstance(self.slots, Slots):
            yield False
            return
        async with self.slots.alone(max_wait) as alone:
            yield alone

    def contended(self) -> bool:
        """Whether a step (not background work) waits for a tab slot right now."""
        return getattr(self.slots, "waiting", 0) > 0

    async def allowed(self, url: str) -> bool:
        """robots.txt's word for ``url`` (fetched once per host)."""
        if not self.robots.known(url):
            await self.robots.rules_for(url)
        return self.robots.allows(url)

    async def pace(self, url: str) -> None:
        """Wait for the host's rate limit before a request the probe is about to cause
        (a search typed and sent, a link clicked)."""
        await self.limiter.acquire(urlsplit(url).netloc)

    @contextlib.asynccontextmanager
    async def open(
        self,
        url: str | None = None,
        *,
        viewport: dict[str, int] | None = None,
        wanted: Callable[[], bool] | None = None,
        background: bool = False,
    ) -> AsyncIterator[Page | None]:
        """A new tab in a fresh context, with ``url`` loaded (when given); closed on exit.

        Yields None where robots.txt forbids the page or it cannot be loaded; the
        caller records that as the probe's outcome instead of failing. ``wanted`` is
        asked once a slot is free: a tab that other tabs made needless while it waited
        (they took all its work) is not opened at all (None), and its slot goes on.
        ``background``: work that waits while any step waits for a slot (``Slots``).
        """
        if url is not None and not await self.allowed(url):
            yield None
            return
        async with self._slot(background):
            if wanted is not None and not wanted():
                yield None
                return
            async with self._tab(url, viewport) as page:
                yield page

    @contextlib.asynccontextmanager
    async def _slot(self, background: bool) -> AsyncIterator[None]:
        """One of the site stage's tab slots, held for the block (none: no limit)."""
        if self.slots is None:
            yield
            return
        if isinstance(self.slots, Slots):
            if background:
                # one turn of the event loop first: the steps started beside this one
                # ask for their slots in that turn and come first (the site stage
                # starts every step at once, the probes first in the checks' order)
                await asyncio.sleep(0)
            await self.slots.acquire(background=background)
        else:
            await self.slots.acquire()
        try:
            yield
        finally:
            self.slots.release()

    @contextlib.asynccontextmanager
    async def _tab(
        self, url: str | None, viewport: dict[str, int] | None
    ) -> AsyncIterator[Page | None]:
        """The tab itself: a fresh context whose requests may only read."""
        context = await self.session.new_context()
        try:
            # a probe presses keys and clicks: the page may answer that by posting
            await context.route("**/*", reads_only)
            context.set_default_timeout(self.settings.crawl.page_timeout * 1000)
            page = await context.new_page()
            if viewport:
                await page.set_viewport_size(viewport)
            keep_to_one_tab(context, page)
            if url is not None and await self.goto(page, url) is None:
                yield None
                return
            yield page
        finally:
            await quietly(asyncio.wait_for(context.close(), timeout=10))

    async def goto(self, page: Page, url: str, wait_until: str = "load") -> Response | None:
        """Load ``url`` in ``page`` as the crawl would: rate limit, load event (or
        ``wait_until``), cookie banner, first paint. None when robots.txt forbids it or
        the load fails."""
        if not await self.allowed(url):
            return None
        await self.pace(url)
        timeout_ms = self.settings.crawl.page_timeout * 1000
        try:
            response = await page.goto(url, wait_until=wait_until, timeout=timeout_ms)
        except (PlaywrightError, PlaywrightTimeout):
            return None
        if response is None or response.status >= 400:
            return None
        await self.settle(page)
        return response

    async def settle(self, page: Page) -> None:
        """Dismiss the cookie banner and wait for the first paint of what is loaded.

        One round trip where there is no banner (every page of a tab after its first):
        the look for a banner and the wait for the paint go in one script; where it
        finds a banner, the banner is answered, then the paint awaited, as before."""
        consent = self.settings.consent
        banner = banner_selector(consent.action, consent.selectors)
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            if await page.evaluate(_SETTLE_JS, banner) != "banner":
                return
            await dismiss_consent(page, consent.action, consent.selectors)
            await page.evaluate(AWAIT_PAINT_JS)
