"""One Chromium for the whole audit, found wherever the machine has one.

Order of the search: the path the user named (``browser.executable`` or
``AUDITOR_CHROMIUM``), Playwright's own download where it is installed, then the
system's Chromium or Chrome. The browser is started with flags that keep it from
calling home (no component updates, sync or background networking), and
``--no-sandbox`` only when running as root, where Chromium refuses to start without.

With ``browser.endpoint`` no browser is launched: the audit connects to one running
elsewhere (a browser farm, a container beside a Dask worker), over Playwright's own
protocol (``playwright run-server``) or Chrome's DevTools protocol, and a crash of the
connection is repaired by connecting again.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import time
import weakref
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, Page, Playwright
from playwright.async_api import Error as PlaywrightError

from .config import Settings
from .errors import BrowserNotFound

__all__ = [
    "BrowserSession",
    "find_chromium",
    "keep_to_one_tab",
    "launch_args",
    "quietly",
    "reads_only",
    "responsive",
    "wait_for_load",
]

SYSTEM_CHROMIUMS = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
QUIET_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--no-default-browser-check",
    "--disable-dev-shm-usage",
]
# No --disable-features here: Chromium honours only the last such flag, and
# Playwright passes its own list (which keeps paint timing undistorted).
DESKTOP_VIEWPORT = {"width": 1350, "height": 940}
MOBILE_DEVICE = "Pixel 7"
_HINT = (
    "install one (Debian/Ubuntu: 'sudo apt-get install chromium'; or 'playwright install "
    "chromium'), or name it in browser.executable or AUDITOR_CHROMIUM"
)


def find_chromium(configured: str, playwright_path: str | None) -> str | None:
    """The executable to launch. Raises BrowserNotFound.

    Playwright's own download is launched by its path too: headless launches would
    otherwise look for its separate headless shell, which a user may not have.
    """
    if configured:
        path = shutil.which(configured) or configured
        if not Path(path).is_file() or not os.access(path, os.X_OK):
            raise BrowserNotFound(f"the Chromium named in the settings was not found: {configured}")
        return path
    if playwright_path and Path(playwright_path).is_file():
        return playwright_path
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(f"no Chromium found: {_HINT}")


def launch_args(extra: list[str]) -> list[str]:
    args = list(QUIET_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return args + list(extra)


async def quietly(awaitable: Any) -> None:
    """Await something that may fail because its page or context is already gone: a
    tab that closes badly must not cost the audit."""
    with contextlib.suppress(PlaywrightError, TimeoutError):
        await awaitable


#: dialogs of one tab that count as activity (a storm of them does not)
MAX_DIALOGS_AS_ACTIVITY = 20


class NavigationWatch:
    """When the page's main frame last showed navigation activity (a document request,
    a commit, a load event) or opened a dialog.

    Why: while a page sends itself elsewhere (a script, a meta refresh) there is no
    script context to answer a question until the next document commits, which on a
    busy machine may take longer than ``script_timeout``. A page that is navigating is
    not a page whose script hangs.
    """

    def __init__(self, page: Page):
        self.last = time.monotonic()
        self._page = page
        page.on("request", self._on_request)
        page.on("framenavigated", self._on_frame)
        page.on("domcontentloaded", self._touch)
        page.on("load", self._touch)
        # a dialog holds the page's main thread until the engine has answered it: on a
        # busy machine that may take longer than a question's patience. A page that
        # opens dialog after dialog is not busy with anything a customer could use.
        self._dialogs = 0
        page.on("dialog", self._on_dialog)

    def _touch(self, *_args: Any) -> None:
        self.last = time.monotonic()

    def _on_dialog(self, _dialog: Any) -> None:
        self._dialogs += 1
        if self._dialogs <= MAX_DIALOGS_AS_ACTIVITY:
            self._touch()

    def _on_request(self, request: Any) -> None:
        with contextlib.suppress(Exception):
            if request.is_navigation_request() and request.frame == self._page.main_frame:
                self._touch()

    def _on_frame(self, frame: Any) -> None:
        if frame == self._page.main_frame:
            self._dialogs = 0  # a new document: its own dialogs count
            self._touch()

    def navigated_since(self, moment: float) -> bool:
        return self.last >= moment


_WATCHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def watch_navigation(page: Page) -> NavigationWatch:
    """The page's navigation watch, attached once (before it loads, to see it all)."""
    watch = _WATCHES.get(page)
    if watch is None:
        watch = _WATCHES[page] = NavigationWatch(page)
    return watch


#: a blank tab per browser, in a context of its own, that nothing ever loads into: how
#: long it takes to answer a trivial question is how busy the machine is
_CONTROLS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CONTROL_LOCKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def _control_tab(page: Page) -> Page | None:
    """The blank control tab of ``page``'s browser (opened once), or None where the
    browser cannot open one (a connected browser that refuses, a closed one)."""
    browser = page.context.browser
    if browser is None:
        return None
    lock = _CONTROL_LOCKS.setdefault(browser, asyncio.Lock())
    async with lock:
        control = _CONTROLS.get(browser)
        if control is None or control.is_closed():
            try:
                control = await asyncio.wait_for(browser.new_page(), timeout=10)
            except (PlaywrightError, TimeoutError):
                return None
            _CONTROLS[browser] = control
        return control


async def machine_starved(page: Page, patience_s: float) -> bool:
    """Whether a blank tab of the same browser is slow too (takes more than a quarter
    of ``patience_s`` to answer a trivial question): then the cores are held by
    others, and a page that did not answer in time is not yet known to hang."""
    control = await _control_tab(page)
    if control is None:
        return False
    asked = time.monotonic()
    try:
        await asyncio.wait_for(control.evaluate("0"), timeout=patience_s)
    except (PlaywrightError, TimeoutError):
        return True
    return time.monotonic() - asked > patience_s / 4


#: at most this many unanswered questions are forgiven a starved machine, so a page
#: on a machine that stays starved is still judged within a bounded time
MAX_FORGIVEN = 3


async def responsive(page: Page, timeout_s: float, asks: int = 2) -> bool:
    """Whether the page's main thread answers a trivial script within ``timeout_s``.

    Why: a page whose script never yields (an endless loop, a freeze while loading)
    makes every later ``evaluate`` wait forever. A cheap question tells it apart from
    a page that is merely slow on the network, which still answers at once. It is asked
    ``asks`` times before the page counts as hung, each time with twice the patience,
    and a question the page missed while a blank tab of the same browser was slow too
    (``machine_starved``: other pages hold the cores) is asked again, up to
    ``MAX_FORGIVEN`` times: a wrong verdict costs a page, and at load 40 on two cores
    healthy pages missed two questions. A page that is navigating away (its script
    context just went, or a navigation of its main frame happened within the last
    ``timeout_s``) counts as answering.
    """
    watch = _WATCHES.get(page)
    patience, missed, forgiven = timeout_s, 0, 0
    while missed < asks:
        asked = time.monotonic()
        try:
            await asyncio.wait_for(page.evaluate("0"), timeout=patience)
        except TimeoutError:
            if watch is not None and watch.navigated_since(asked - timeout_s):
                return True
            if forgiven < MAX_FORGIVEN and await machine_starved(page, patience):
                forgiven += 1
                continue
            missed += 1
            patience *= 2
            continue
        except PlaywrightError:
            return not page.is_closed()
        return True
    return False


async def wait_for_load(page: Page, timeout_s: float, script_timeout_s: float) -> str:
    """Wait for the load event, asking the page every second whether it still answers.

    Returns ``"load"``, ``"timeout"`` (still loading after ``timeout_s``: a slow or
    trickling server) or ``"hung"`` (its main thread stopped answering: recognised
    within about ``script_timeout_s``, not after the whole timeout).
    """
    load = asyncio.ensure_future(page.wait_for_load_state("load", timeout=timeout_s * 1000))
    try:
        while True:
            done, _ = await asyncio.wait({load}, timeout=1.0)
            if done:
                try:
                    load.result()
                except PlaywrightError:  # the timeout, or the page went away
                    return "timeout"
                return "load"
            if not await responsive(page, script_timeout_s):
                return "hung"
    finally:
        if not load.done():
            load.cancel()
        load.add_done_callback(forget_outcome)


def forget_outcome(task: asyncio.Future) -> None:
    """Take a finished task's outcome so that asyncio does not warn about it."""
    if not task.cancelled():
        task.exception()


#: request methods that only read; a tab that clicks or types lets no other out
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def reads_only(route: Any) -> None:
    """A route handler that lets only reading requests out: a probe's keys and clicks
    are real user input to the page, and a page may answer them by posting a form or
    an order on its own. Never an order, so anything that writes is aborted here."""
    if route.request.method in READ_METHODS:
        await route.fallback()
    else:
        await route.abort("blockedbyclient")


async def _answer_dialog(dialog: Any) -> None:
    if dialog.type == "beforeunload":
        await dialog.accept()
    else:
        await dialog.dismiss()


def keep_to_one_tab(context: BrowserContext, page: Page) -> None:
    """Dismiss alerts, confirms and prompts (they would block the tab), leave a page
    that asks to stay (a dismissed "beforeunload" would cancel every later navigation
    of the tab), and close pop-ups: a visit, a timing load or a probe is about one page."""
    page.on("dialog", lambda d: asyncio.ensure_future(quietly(_answer_dialog(d))))
    context.on("page", lambda p: p != page and asyncio.ensure_future(quietly(p.close())))


def _without_query(endpoint: str) -> str:
    """An endpoint fit to print: a hosted browser's token rides in the query."""
    return endpoint.split("?")[0]


def _speaks_cdp(endpoint: str) -> bool:
    """Chrome's DevTools protocol (an http(s) address, or the ws:// address of a
    Chromium's /devtools/browser/...), not a Playwright server's own."""
    parts = urlsplit(endpoint)
    return parts.scheme in ("http", "https") or parts.path.startswith("/devtools/")


async def _connect(pw: Playwright, endpoint: str) -> Browser:
    """A running browser at ``endpoint``: its connection, not its process, is ours
    (closing it only disconnects)."""
    if _speaks_cdp(endpoint):
        return await pw.chromium.connect_over_cdp(endpoint, timeout=30_000)
    return await pw.chromium.connect(endpoint, timeout=30_000)


class BrowserSession:
    """The browser, restartable, and a factory for identical browser contexts."""

    def __init__(self, playwright: Playwright, settings: Settings, browser: Browser | None = None):
        """``browser``: an already running one to borrow (tests share one); it is not
        closed here, and a crash of it is not repaired."""
        self._pw = playwright
        self._settings = settings
        self._browser: Browser | None = browser
        self._borrowed = browser is not None
        self._endpoint = "" if self._borrowed else settings.browser.endpoint
        self._executable = (
            None
            if self._borrowed or self._endpoint
            else find_chromium(settings.browser.executable, playwright.chromium.executable_path)
        )
        self.storage_state: dict | str | None = settings.login.storage_state or None
        self.user_agent: str = ""
        self.restarts = 0
        self._lock = asyncio.Lock()

    @property
    def executable(self) -> str:
        if self._endpoint:
            return _without_query(self._endpoint)
        return self._executable or "the borrowed browser"

    async def start(self) -> None:
        if self._borrowed:
            self.user_agent = self.user_agent or await self._default_user_agent()
            return
        try:
            if self._endpoint:
                self._browser = await _connect(self._pw, self._endpoint)
            else:
                self._browser = await self._pw.chromium.launch(
                    executable_path=self._executable,
                    headless=self._settings.browser.headless,
                    args=launch_args(self._settings.browser.args),
                )
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            if self._endpoint:
                first = first.replace(self._endpoint, self.executable)
                raise BrowserNotFound(
                    f"no browser answered at browser.endpoint {self.executable}: {first}"
                ) from None
            raise BrowserNotFound(f"Chromium at {self.executable} did not start: {first}") from None
        if not self.user_agent:
            self.user_agent = await self._default_user_agent()

    async def _default_user_agent(self) -> str:
        if self._settings.browser.user_agent:
            return self._settings.browser.user_agent
        token = f"{self._settings.crawl.user_agent_token}/0.1"
        if self._settings.browser.profile == "mobile":
            base = self._pw.devices[MOBILE_DEVICE]["user_agent"]
        else:
            assert self._browser is not None
            page = await self._browser.new_page()
            try:
                base = await page.evaluate("navigator.userAgent")
            finally:
                await page.close()
        return base.replace("HeadlessChrome", "Chrome") + " " + token

    @property
    def connected(self) -> bool:
        return self._browser is not None and self._browser.is_connected()

    async def restart(self) -> None:
        """After a browser crash: a fresh process, same settings."""
        self.restarts += 1
        await self.close()
        await self.start()

    def context_options(self) -> dict[str, Any]:
        b = self._settings.browser
        options: dict[str, Any] = {
            "user_agent": self.user_agent,
            "locale": b.locale,
            "ignore_https_errors": b.ignore_https_errors,
            "service_workers": "block",
            "accept_downloads": False,
        }
        if b.profile == "mobile":
            device = dict(self._pw.devices[MOBILE_DEVICE])
            device.pop("default_browser_type", None)
            device["user_agent"] = self.user_agent
            options.update(device)
        else:
            options["viewport"] = dict(DESKTOP_VIEWPORT)
        if self.storage_state:
            options["storage_state"] = self.storage_state
        return options

    async def new_context(self) -> BrowserContext:
        async with self._lock:  # several workers may notice the same crash
            if not self.connected:
                await self.restart()
        assert self._browser is not None
        return await self._browser.new_context(**self.context_options())

    async def close(self) -> None:
        if self._borrowed:
            return
        if self._browser is not None:
            with contextlib.suppress(PlaywrightError):
                await self._browser.close()
            self._browser = None
