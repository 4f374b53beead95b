"""Logging in once before the crawl, so member-only pages are audited as members see them.

Either a Playwright storage-state file (cookies and local storage saved from a
real session), or form steps in the config. Step values may name environment
variables as ``${NAME}`` so that passwords stay out of config files; they are
removed from the settings that results.json shows.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.async_api import Error as PlaywrightError

from .browser import BrowserSession
from .config import Settings
from .errors import ConfigError, TargetError

__all__ = ["expand_env", "log_in"]

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_env(value: str, key: str) -> str:
    def sub(match: re.Match) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise ConfigError(f"'{key}' names the environment variable {name}, which is not set")
        return os.environ[name]

    return _VAR.sub(sub, value)


async def log_in(session: BrowserSession, settings: Settings, base_url: str) -> bool:
    """Run the login; afterwards every new context carries its cookies. True if it ran."""
    login = settings.login
    if login.storage_state:
        if not Path(login.storage_state).is_file():
            raise ConfigError(f"'login.storage_state': file not found: {login.storage_state}")
        session.storage_state = login.storage_state
        return True
    if not login.steps:
        return False
    context = await session.new_context()
    page = await context.new_page()
    timeout_ms = settings.crawl.page_timeout * 1000
    try:
        for i, step in enumerate(login.steps):
            key = f"login.steps[{i}]"
            action = step["action"]
            t = float(step.get("timeout", settings.crawl.page_timeout)) * 1000
            try:
                if action == "goto":
                    url = expand_env(step["url"], f"{key}.url")
                    await page.goto(
                        url if "://" in url else base_url.rstrip("/") + "/" + url.lstrip("/"),
                        timeout=t,
                    )
                elif action == "fill":
                    value = expand_env(str(step.get("value", "")), f"{key}.value")
                    await page.fill(step["selector"], value, timeout=t)
                elif action == "click":
                    await page.click(step["selector"], timeout=t)
                elif action == "press":
                    await page.press(step["selector"], str(step.get("value", "Enter")), timeout=t)
                elif action == "wait_for":
                    await page.wait_for_selector(step["selector"], timeout=t)
                await page.wait_for_load_state("load", timeout=timeout_ms)
            except PlaywrightError as exc:
                first = str(exc).strip().splitlines()[0]
                raise TargetError(f"login step {i + 1} ({action}) failed: {first}") from None
        session.storage_state = await context.storage_state()
    finally:
        await context.close()
    return True
