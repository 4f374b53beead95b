"""Shared fixtures: one Chromium for the whole session, real servers on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio
from playwright.async_api import async_playwright

from auditor.browser import find_chromium, launch_args
from auditor.config import Settings, load_settings


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def browser():
    """One Chromium shared by every integration test (starting one costs a second)."""
    async with async_playwright() as pw:
        executable = find_chromium(Settings().browser.executable, pw.chromium.executable_path)
        b = await pw.chromium.launch(executable_path=executable, args=launch_args([]))
        yield b
        await b.close()


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
