"""One shop's pages on a Dask cluster (``auditor run --executor dask``).

The unit of work is ``audit_batch``: a batch of URLs with the settings → page records,
a plain function a Dask worker runs. It does what a crawl worker does for each page
(``Crawler.page_work``: the visit, its gatherers, its timing loads) in a browser of its
own, and nothing else: it sends only what a crawl visit sends, so a batch run twice
(after its worker died) is harmless. Journeys, form probes, the other site steps,
evaluation and the report stay on the driver.

The driver (``crawl_on_dask``) keeps everything that must be one: the frontier and
the seen set (SQLite, auditor.frontier_store), robots.txt (read there, once), the link
map, and politeness:

- requests in flight: at most ``crawl.concurrency`` batches are out at once (one per
  slot, never more than the cluster's threads), a worker loads a batch's pages one
  after another in one tab, and the driver grants each batch one of the host's
  ``crawl.concurrency`` permits (auditor.politeness), so a batch that Dask runs twice
  does not push it over;
- the per-host rate and the back-off: every navigation, fetch and timing load on a
  worker asks the driver's rate limiter (the host's interval, robots.txt's Crawl-delay
  included) for its slot, and reports 429/503 and ordinary answers back to it, so all
  workers together keep to the rate a local audit keeps and a 429 slows every one.

Records come back as batches finish and are written to pages.jsonl then, once per URL
(the page log's index dedupes). A batch whose worker died is rescheduled by Dask; one
that fails is split into batches of one page, and a page that still fails is an error
record (``BATCH_FAILED``), never the end of the crawl. Timing loads run alone per
worker (the measurement lane of the batch's own browser; one thread per worker), and
each record names the worker that measured it (``worker``). Dask is imported only here,
and only with ``--executor dask``.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import itertools
import socket
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .config import Settings
from .crawl import Crawler
from .errors import AuditorError
from .events import EventBus
from .frontier import CrawlTarget
from .model import PageError, PageRecord, clip
from .politeness import PolitenessServer, PolitenessTicket, RemoteLimiter, driver_address

__all__ = ["BatchResult", "PageBatch", "audit_batch", "crawl_on_dask", "require_dask"]


@dataclass(frozen=True)
class PageBatch:
    """What a worker needs for a batch of pages: picklable, no handle of the driver's."""

    targets: tuple[CrawlTarget, ...]
    settings: Settings
    #: the audit's start URLs: what counts as the site (auditor.urls.Scope)
    starts: tuple[str, ...]
    #: the driver's login (cookies), handed to the worker's browser contexts
    storage_state: dict | str | None
    #: requests per second this batch may make to a host (the host's share per slot),
    #: kept only where the worker cannot reach the driver's grants
    rate: float
    #: timing loads already taken per timing group (measurement.max_pages_per_template)
    timed: dict[str, int] = field(default_factory=dict)
    #: where the driver grants each request's slot (auditor.politeness)
    politeness: PolitenessTicket | None = None


@dataclass
class BatchResult:
    records: list[dict]
    #: the worker that loaded and timed the pages
    worker: str
    #: timing groups this batch timed (counts added on the driver)
    timed: dict[str, int] = field(default_factory=dict)
    timing_loads: int = 0
    screened: int = 0
    gather_seconds: dict[str, float] = field(default_factory=dict)


def audit_batch(batch: PageBatch) -> BatchResult:
    """The Dask task: each page of ``batch`` as a crawl worker audits it, in a browser
    of this worker's own. A top-level function, so it pickles by name."""
    future = asyncio.run_coroutine_threadsafe(_run_batch(batch, _worker_name()), _loop())
    return future.result()


#: the worker process's event loop (a thread of its own) and its browsers, kept from
#: batch to batch: starting Chromium for each batch would cost more than its pages
_LOOP: asyncio.AbstractEventLoop | None = None
_LOOP_LOCK = threading.Lock()
_BROWSERS: dict[str, Any] = {}
_BROWSER_LOCK = asyncio.Lock()
_PLAYWRIGHT: list[Any] = []


def _loop() -> asyncio.AbstractEventLoop:
    global _LOOP
    with _LOOP_LOCK:
        if _LOOP is None:
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="auditor-pages", daemon=True).start()
            atexit.register(_close_browsers, loop)
            _LOOP = loop
        return _LOOP


async def _browser(settings: Settings) -> Any:
    """This process's running browser for ``settings.browser`` (started on first use,
    again after a crash)."""
    from playwright.async_api import async_playwright

    from .browser import BrowserSession

    if not _PLAYWRIGHT:
        _PLAYWRIGHT.append(await async_playwright().start())
    key = repr(settings.browser)
    owner = _BROWSERS.get(key)
    if owner is None or not owner.connected:
        owner = BrowserSession(_PLAYWRIGHT[0], settings)
        await owner.start()
        _BROWSERS[key] = owner
    return owner._browser  # lent to each batch's session, which never closes it


def _close_browsers(loop: asyncio.AbstractEventLoop) -> None:
    async def close() -> None:
        for owner in _BROWSERS.values():
            await owner.close()
        for pw in _PLAYWRIGHT:
            await pw.stop()

    with contextlib.suppress(Exception):
        asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=10)


def _worker_name() -> str:
    """This Dask worker's address (its machine and port); the host name elsewhere."""
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return socket.gethostname()


async def _run_batch(batch: PageBatch, worker: str) -> BatchResult:
    from .browser import BrowserSession
    from .measure import Measurer
    from .page import PageEnv
    from .plugins import load_checks
    from .ratelimit import HostLimiter
    from .urls import Scope, UrlNormalizer

    settings, c = batch.settings, batch.settings.crawl
    enabled = [lc for lc in load_checks(settings) if lc.enabled and lc.instance is not None]
    async with _BROWSER_LOCK:  # batches side by side (threads) share one browser
        browser = await _browser(settings)
    session = BrowserSession(_PLAYWRIGHT[0], settings, browser)
    await session.start()
    session.storage_state = batch.storage_state or session.storage_state
    limiter: Any = HostLimiter(batch.rate, c.max_retry_after)
    if batch.politeness is not None:
        limiter = RemoteLimiter(batch.politeness, limiter, c.max_retry_after)
    scope = Scope(list(batch.starts), c.allow_subdomains, c.include, c.exclude)
    env = PageEnv(
        settings,
        limiter,
        [lc.instance for lc in enabled if lc.cls.has_gatherer()],
        same_site=scope.same_site,
    )
    timed = any("timing" in lc.cls.requires for lc in enabled)
    measurer = Measurer(session, settings, limiter) if timed else None
    normalizer = UrlNormalizer(c.tracking_parameters, c.session_parameters)
    # no frontier, robots.txt or page log here: the driver keeps them
    crawler = Crawler(settings, session, env, None, normalizer, None, None, EventBus(), measurer)  # type: ignore[arg-type]
    crawler._timed_templates.update(batch.timed)
    records: list[dict] = []
    tab, used = None, 0
    try:
        for target in batch.targets:
            record, tab, used = await crawler.page_work(target, tab, used)
            record.worker = worker
            records.append(record.to_dict())
    finally:
        await crawler.close_tab(tab)
        await session.close()
        if isinstance(limiter, RemoteLimiter):
            await limiter.close()  # the batch's permit goes back to the driver
    delta = crawler._timed_templates - Counter(batch.timed)
    return BatchResult(
        records,
        worker,
        dict(delta),
        crawler.timing_loads,
        crawler.screened,
        dict(env.gather_seconds),
    )


def require_dask() -> None:
    """AuditorError with one line where Dask is not installed: before the audit starts,
    not after its start page."""
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise AuditorError("the dask executor needs Dask: pip install 'shop-auditor[dask]'")


def failed_record(target: CrawlTarget, exc: BaseException) -> PageRecord:
    """The record of a page whose batch kept failing on the cluster."""
    line = clip(" ".join(str(exc).split()), 300) or type(exc).__name__
    record = PageRecord(url=target.url, template=target.template, discovered_depth=target.depth)
    record.error = PageError("BATCH_FAILED", f"the page's task failed on the cluster: {line}")
    return record


class _DaskPages:
    """The driver's side: slots that take targets, send them as batches, and record
    what comes back."""

    def __init__(
        self,
        crawler: Crawler,
        client: Any,
        starts: list[str],
        slots: int,
        ticket: PolitenessTicket | None = None,
    ):
        self.crawler, self.client, self.slots, self.ticket = crawler, client, slots, ticket
        self.starts = tuple(starts)
        self.host = urlsplit(starts[0]).netloc
        self.run_id = uuid.uuid4().hex[:8]
        self._keys = itertools.count()

    def _batch(self, targets: list[CrawlTarget]) -> PageBatch:
        crawler = self.crawler
        interval = crawler.env.limiter.interval(self.host)
        return PageBatch(
            tuple(targets),
            crawler.settings,
            self.starts,
            crawler.session.storage_state,
            rate=1.0 / (interval * self.slots),
            timed=dict(crawler._timed_templates),
            politeness=self.ticket,
        )

    async def slot(self) -> None:
        crawler, size = self.crawler, self.crawler.settings.scale.batch_pages
        while True:
            targets = await crawler.take(size)
            if not targets:
                return
            try:
                todo = [t for t in targets if not await crawler.replay(t)]
                for target, record in await self._audit(todo) if todo else []:
                    if crawler.finished(target.url) is not None:
                        continue  # recorded already (a batch that ran twice)
                    await crawler.record(target, record)
            finally:
                await crawler.done_with(len(targets))

    async def _audit(self, targets: list[CrawlTarget]) -> list[tuple[CrawlTarget, PageRecord]]:
        """The records of ``targets``; a failing batch is split, a failing page is an
        error record."""
        try:
            result = await self._submit(self._batch(targets))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if len(targets) == 1:
                return [(targets[0], failed_record(targets[0], exc))]
            out: list[tuple[CrawlTarget, PageRecord]] = []
            for target in targets:  # one by one: a page that breaks its batch costs itself
                out += await self._audit([target])
            return out
        self._merge(result)
        return [(t, PageRecord.from_dict(r)) for t, r in zip(targets, result.records, strict=True)]

    def _merge(self, result: BatchResult) -> None:
        crawler = self.crawler
        crawler._timed_templates.update(result.timed)
        crawler.timing_loads += result.timing_loads
        crawler.screened += result.screened
        seconds = crawler.env.gather_seconds
        for check_id, spent in result.gather_seconds.items():
            seconds[check_id] = seconds.get(check_id, 0.0) + spent

    async def _submit(self, batch: PageBatch) -> BatchResult:
        """Run ``batch`` on the cluster; the event loop goes on meanwhile (the result
        arrives through the future's callback, in a thread of the client's)."""
        loop = asyncio.get_running_loop()
        settled: asyncio.Future = loop.create_future()
        key = f"pages-{self.run_id}-{next(self._keys)}"
        future = self.client.submit(audit_batch, batch, key=key, pure=False, retries=1)

        def on_done(f: Any) -> None:
            try:
                outcome = (f.result(), None)
            except BaseException as exc:  # the task's error, a lost worker, a cancel
                outcome = (None, exc)
            loop.call_soon_threadsafe(_settle, settled, outcome)

        future.add_done_callback(on_done)
        try:
            result, exc = await settled
        except asyncio.CancelledError:
            future.cancel()
            raise
        if exc is not None:
            raise exc if isinstance(exc, Exception) else RuntimeError(str(exc))
        return result


def _settle(settled: asyncio.Future, outcome: tuple) -> None:
    if not settled.done():
        settled.set_result(outcome)


async def crawl_on_dask(crawler: Crawler, starts: list[str], events: EventBus) -> None:
    """The crawl with its pages on the cluster of ``crawler.settings.scale.scheduler``
    (connected here, closed at the end); the link map and the bookkeeping stay here."""
    from .executors import dask_client

    settings = crawler.settings

    def say(line: str) -> None:
        events.emit("stage_started", name=line)

    stack = contextlib.ExitStack()
    opening = dask_client(settings.scale.scheduler, say)
    client = await asyncio.to_thread(stack.enter_context, opening)
    try:
        threads = sum((await asyncio.to_thread(client.nthreads)).values())
        slots = max(1, min(settings.crawl.concurrency, threads or 1))
        grants = PolitenessServer(
            crawler.env.limiter,
            settings.crawl.concurrency,
            driver_address(settings.scale.scheduler),
        )
        async with grants:
            ticket = await grants.start()
            pages = _DaskPages(crawler, client, starts, slots, ticket)
            say(f"crawl: batches of {settings.scale.batch_pages} pages, {slots} at a time on Dask")
            await crawler.run(pages.slot, slots)
    finally:
        await asyncio.to_thread(stack.close)
