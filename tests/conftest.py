"""Shared fixtures: one Chromium for the whole session, real servers on 127.0.0.1."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from playwright.async_api import async_playwright

from auditor.browser import BrowserSession, find_chromium, launch_args
from auditor.config import Settings, load_settings
from auditor.fetch import Fetcher
from auditor.probe import ProbeTabs
from auditor.ratelimit import HostLimiter
from auditor.robots import RobotsPolicy


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def playwright():
    """One Playwright driver for the whole session."""
    async with async_playwright() as pw:
        yield pw


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def browser(playwright):
    """One Chromium shared by every integration test (starting one costs a second)."""
    executable = find_chromium(Settings().browser.executable, playwright.chromium.executable_path)
    b = await playwright.chromium.launch(executable_path=executable, args=launch_args([]))
    yield b
    await b.close()


@contextlib.asynccontextmanager
async def probe_tabs(playwright, browser, settings: Settings) -> AsyncIterator[ProbeTabs]:
    """The site stage's probe tabs on the shared browser, for testing a site step
    without a whole audit: real robots.txt, real rate limit, real pages."""
    c = settings.crawl
    session = BrowserSession(playwright, settings, browser)
    await session.start()
    limiter = HostLimiter(c.requests_per_second, c.max_retry_after)
    async with Fetcher(limiter, c.page_timeout) as fetcher:
        robots = RobotsPolicy(fetcher.fetch, c.user_agent_token, c.respect_robots)
        yield ProbeTabs(session, settings, limiter, robots)


def quick_settings(tmp: Path | None = None, **sections: dict) -> Settings:
    """Settings for tests: only the named checks, no progress output, fast timeouts.

    Tests name the checks they run, so installed third-party checks never leak in.
    """
    layer: dict = {
        "audit": {"checks": ["navigation.broken-links", "navigation.redirect-chains"]},
        "output": {"progress": "none"},
        "crawl": {"page_timeout": 10.0, "requests_per_second": 50.0},
    }
    for name, values in sections.items():
        layer.setdefault(name, {}).update(values)
    return load_settings(None, layer, environ={})


@pytest.fixture
def settings_factory():
    return quick_settings
