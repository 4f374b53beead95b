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
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Response
from playwright.async_api import TimeoutError as PlaywrightTimeout

from .browser import BrowserSession, keep_to_one_tab, quietly, reads_only
from .config import Settings
from .consent import dismiss_consent
from .page import AWAIT_PAINT_JS
from .ratelimit import HostLimiter
from .robots import RobotsPolicy

__all__ = ["ProbeTabs", "TemplateSample"]


@dataclass(frozen=True)
class TemplateSample:
    """One rendered page that stands for its template in a probe."""

    url: str
    template: str
    kind: str
    title: str | None


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
        self, url: str | None = None, *, viewport: dict[str, int] | None = None
    ) -> AsyncIterator[Page | None]:
        """A new tab in a fresh context, with ``url`` loaded (when given); closed on exit.

        Yields None where robots.txt forbids the page or it cannot be loaded; the
        caller records that as the probe's outcome instead of failing.
        """
        if url is not None and not await self.allowed(url):
            yield None
            return
        async with self.slots or contextlib.nullcontext(), self._tab(url, viewport) as page:
            yield page

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

    async def goto(self, page: Page, url: str) -> Response | None:
        """Load ``url`` in ``page`` as the crawl would: rate limit, load event, cookie
        banner, first paint. None when robots.txt forbids it or the load fails."""
        if not await self.allowed(url):
            return None
        await self.pace(url)
        timeout_ms = self.settings.crawl.page_timeout * 1000
        try:
            response = await page.goto(url, wait_until="load", timeout=timeout_ms)
        except (PlaywrightError, PlaywrightTimeout):
            return None
        if response is None or response.status >= 400:
            return None
        await self.settle(page)
        return response

    async def settle(self, page: Page) -> None:
        """Dismiss the cookie banner and wait for the first paint of what is loaded."""
        consent = self.settings.consent
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            if consent.action != "none":
                await dismiss_consent(page, consent.action, consent.selectors)
            await page.evaluate(AWAIT_PAINT_JS)
