"""axe on the auditor's own pages (report, batch overview, dashboard) in a real Chromium.

Why one helper: four tests ran the same launch, context, inject and ``axe.run`` steps;
the pages' CSP forbids scripts, so axe is let in with ``bypass_csp``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from typing import Any

import pytest

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

RUN_AXE = (
    "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
    " return r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].target]); }"
)


def browser_and_axe() -> tuple[str, str, Any] | None:
    """(chromium path, axe's script, sync_playwright), or None where one is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from axe_playwright_python.base import AXE_SCRIPT
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    return (chromium, AXE_SCRIPT, sync_playwright) if chromium else None


def axe_violations(
    urls: Iterable[str],
    widths: Iterable[int] = (1300, 390),
    visit: Callable[[Any, str, int], None] | None = None,
) -> list[tuple[str, int, list]]:
    """Every axe violation of every URL at every window width, as (url, width, violations)
    for those that have any; ``visit(page, url, width)`` may look at each page first.
    Skips the test where Chromium, Playwright or axe-core is missing."""
    found = browser_and_axe()
    if found is None:
        pytest.skip("Chromium, Playwright or axe-core is not installed")
    chromium, axe_script, sync_playwright = found
    failed = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            for width in widths:
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, bypass_csp=True
                )
                page = context.new_page()
                for url in urls:
                    page.goto(url)
                    if visit is not None:
                        visit(page, url, width)
                    page.evaluate(axe_script)
                    violations = page.evaluate(RUN_AXE)
                    if violations:
                        failed.append((url, width, violations))
                context.close()
        finally:
            browser.close()
    return failed
