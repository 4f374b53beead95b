"""The ladder's page scan on a served page, for the journeys tests: one fresh context,
the page loaded, ``SCAN_JS`` run on it (what the walker reads before each step)."""

from __future__ import annotations

from checks.journeys.ladder import SCAN_JS, scan_args


async def scan_page(browser, url: str, selectors: dict | None = None) -> dict:
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(url)
        return await page.evaluate(SCAN_JS, scan_args(selectors))
    finally:
        await context.close()
