"""The crawl: workers take URLs from the frontier, audit them, and feed links back.

Each worker owns one browser context (a clean profile with the login cookies) with
one tab that it reuses, and replaces both every hundred pages, so a shop's
leaks cannot grow the browser without bound. Records go to a JSONL file the moment
they are done, and so does what the link map read of each page (``map_log``), so that
a resumed audit can replay both (``catch_up``); the crawl keeps in memory only the link
graph, statuses and the frontier. A page that hangs or crashes is retried once in a
fresh context; a crashed browser is restarted. Beside the browser workers, link-map
workers read the pages the sample leaves out over HTTP (auditor.linkmap), so that the
link graph covers the whole shop; the crawl ends when both queues are empty and
nothing is in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page

from .browser import BrowserSession, keep_to_one_tab, quietly
from .checkkit import structural_template
from .config import Settings
from .events import EventBus
from .fetch import Fetcher
from .frontier import CrawlTarget, Frontier
from .graph import LinkGraph
from .linkmap import MAP_MAX_BYTES, MappedPage, read_links
from .measure import (
    MEASURE_INIT_SCRIPT,
    LoadLane,
    Measurer,
    TabNetwork,
    Vouch,
    median_run,
    more_loads,
    near_a_limit,
)
from .model import PageError, PageRecord
from .page import (
    HTML_TYPES,
    METRICS_INIT_SCRIPT,
    RETRYABLE,
    PageEnv,
    Visit,
    audit_page,
    hard_deadline_margin,
    visit_budget,
)
from .robots import RobotsPolicy
from .safety import safe_data
from .urls import UrlNormalizer

__all__ = ["CrawlState", "Crawler", "timing_group"]

#: seconds a timing load lets the crawl go on before it pauses it (auditor.measure's
#: LoadLane): about one visit, so that the loads of several pages share one pause
LANE_GRACE = 5.0


class _EntryLog(Protocol):
    def write(self, entry: dict) -> None: ...


@dataclass
class _Tab:
    """A worker's browser context and the one tab it loads pages in."""

    context: BrowserContext
    page: Page
    #: the tab's requests as DevTools sees them, where its visits screen the timings
    net: TabNetwork | None = None


@dataclass
class CrawlState:
    """What the crawl knows about the whole site when it ends."""

    graph: LinkGraph = field(default_factory=LinkGraph)
    statuses: dict[str, int | None] = field(default_factory=dict)
    #: pages read over HTTP only, for the link map
    mapped: dict[str, MappedPage] = field(default_factory=dict)
    done: int = 0
    failed: int = 0
    started: float = field(default_factory=time.monotonic)


class Crawler:
    def __init__(
        self,
        settings: Settings,
        session: BrowserSession,
        env: PageEnv,
        frontier: Frontier,
        normalizer: UrlNormalizer,
        robots: RobotsPolicy,
        records: TextIO,
        events: EventBus,
        measurer: Measurer | None = None,
        fetcher: Fetcher | None = None,
    ):
        self.settings = settings
        self.session = session
        self.env = env
        self.frontier = frontier
        self.normalizer = normalizer
        self.robots = robots
        self.records = records
        self.events = events
        self.state = CrawlState()
        #: None: no check asked for timings, and crawl visits need no lane
        self.measurer = measurer
        #: reads the pages the browser does not render (None: no link map)
        self.fetcher = fetcher
        self._mapping = fetcher is not None and settings.crawl.max_urls > 0
        self.lane = LoadLane(grace=LANE_GRACE)
        #: seconds the measurement lane held the browser alone (the crawl waited)
        self.lane_seconds = 0.0
        #: timing loads run alone, and pages whose crawl visit screened them
        self.timing_loads = 0
        self.screened = 0
        self._timed_templates: Counter[str] = Counter()
        #: per timing group, what its pages timed alone showed of their screens
        self._vouches: dict[str, Vouch] = {}
        #: addresses whose figures the lane kept (screened or timed alone)
        self._timed_urls: set[str] = set()
        self._wakeup = asyncio.Condition()
        self._in_flight = 0
        #: monotonic time after which no new page is started (crawl.max_duration)
        self.stop_at: float | None = None
        #: whether the crawl stopped at ``stop_at`` with pages still to visit
        self.stopped_early = False
        #: the record of a page finished before (``--resume``: auditor.frontier_store),
        #: which the crawl reads back instead of loading the page again
        self.finished: Callable[[str], PageRecord | None] = lambda url: None
        #: where the link map's readings are logged for a resume (auditor.frontier_store)
        self.map_log: _EntryLog | None = None

    # -- tabs ----------------------------------------------------------------------------
    async def _new_tab(self) -> _Tab:
        context = await self.session.new_context()
        context.set_default_timeout(self.settings.crawl.page_timeout * 1000)
        await context.add_init_script(METRICS_INIT_SCRIPT)
        screens = self.measurer is not None and self.measurer.screens
        if screens:
            await context.add_init_script(MEASURE_INIT_SCRIPT)
        page = await context.new_page()
        keep_to_one_tab(context, page)
        tab = _Tab(context, page)
        if screens:
            tab.net = TabNetwork()
            try:
                await tab.net.attach(context, page)
            except Exception:
                await self.close_tab(tab)
                raise
        return tab

    @staticmethod
    async def close_tab(tab: _Tab | None) -> None:
        if tab is not None:
            await quietly(asyncio.wait_for(tab.context.close(), timeout=10))

    # -- one page, with its retry ----------------------------------------------------------
    async def _audit_with_deadline(
        self, target: CrawlTarget, tab: _Tab, gather: bool = True
    ) -> PageRecord:
        """One budget for the whole visit, however many checks gather on the page
        (``audit_page`` keeps to it); the hard deadline here, a little later, catches
        whatever might still escape it, so a page costs one error record, not a worker.
        ``gather`` off: the page's load, status and structure only (no gatherer, no
        figures), for a page the results do not keep."""
        budget = visit_budget(self.settings)
        await self.env.limiter.acquire(urlsplit(target.url).netloc)  # outside the budget
        deadline = time.monotonic() + budget
        screen = click = None
        env = self.env if gather else dataclasses.replace(self.env, gatherers=[])
        if gather and tab.net is not None and self.measurer is not None:
            tab.net.fresh()
            net, measurer = tab.net, self.measurer

            async def screen(visit, status):
                return await measurer.screen(visit.page, net.current, visit, status)

            async def click(visit, record):
                if record.timing:
                    pulse, limit = visit.script_timeout, max(0.1, min(10.0, visit.remaining()))
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(
                            measurer.click_screened(visit.page, record.timing, pulse), limit
                        )

        visits: list[Visit] = []
        try:
            return await asyncio.wait_for(
                audit_page(
                    target,
                    tab.page,
                    env,
                    deadline,
                    slot_taken=True,
                    screen=screen,
                    after_gather=click,
                    on_visit=visits.append,
                ),
                timeout=budget + hard_deadline_margin(self.settings),
            )
        except TimeoutError:
            record = PageRecord(
                url=target.url, template=target.template, discovered_depth=target.depth
            )
            where = f" (it was at: {visits[0].step})" if visits else ""
            record.error = PageError(
                "PAGE_BUDGET", f"the page did not finish within its budget{where}"
            )
            return record

    async def visit(
        self, target: CrawlTarget, tab: _Tab | None, gather: bool = True
    ) -> tuple[PageRecord, _Tab | None]:
        """Audit one page, retrying once where that may help; returns (record, tab)."""
        if self.measurer is None:
            return await self._visit(target, tab, gather)
        async with self.lane.visit():
            return await self._visit(target, tab, gather)

    async def time_loads(self, target: CrawlTarget, record: PageRecord, first: bool) -> None:
        """The measurement lane's timing loads of a page just visited, alone.

        Every page is screened by its crawl visit first (``record.timing``: cold
        cache, read once the page was quiet, beside the other visits, and its click
        figure once the gatherers were done). The start page is timed alone. Any other
        page keeps its screened figures where they are well within every band (they
        err on the slow side, beside other visits), or where its template's pages timed
        alone showed that the screen tells this template's bands and its figures lie
        clear of every band limit (``Vouch``: a slower shop's pages mostly screen near
        a limit). Any other page is timed alone, ``runs`` loads: the crawl waits only
        for the loads that could change a band. Where those loads leave a figure on a
        band's edge, more loads up to ``template_runs`` are taken, one at a time until
        every band is settled, and the median decides (``more_loads``). A page the
        visit reached through a redirect to a page the audit has timed already
        (``/index.html`` → ``/``) is that page, which the checks judge once: it keeps
        its screened figures, no load alone.
        ``max_pages_per_template`` counts a template as the page's structural group
        (``timing_group``): fixed-name pages that share a layout (``/about``,
        ``/faq``) are one template. The medians replace the crawl tab's own figures in
        ``record.metrics``.
        """
        m = self.settings.measurement
        screened, record.timing = record.timing, {}
        if self.measurer is None or record.error is not None:
            return
        if record.content_type not in HTML_TYPES or (record.status or 0) >= 400:
            return
        if record.metrics.get("load_timed_out"):  # it never finished loading: no figures
            return
        final = self.normalizer.normalize(record.final_url) if record.final_url else None
        if final and final != target.url and final in self._timed_urls:
            self._keep(record, screened or {})
            return
        group = timing_group(target.template, record.layout)
        seen = self._timed_templates[group]
        if m.max_pages_per_template and seen >= m.max_pages_per_template:
            return
        self._timed_templates[group] += 1
        self._timed_urls.add(final or target.url)
        vouch = self._vouches.setdefault(group, Vouch())
        if not first and (not near_a_limit(screened) or self._vouched(screened, vouch)):
            self.screened += 1
            self._keep(record, screened)
            return
        url = record.final_url or record.url
        timing = await self._alone(
            url, first or seen == 0, lambda: not first and self._vouched(screened, vouch)
        )
        if timing is None:  # its template's samples vouched for it while it waited
            self.screened += 1
            self._keep(record, screened)
            return
        self.timing_loads += len(timing["runs"])
        if screened:
            timing["screen"] = _screen_note(screened)
            timing["screen"]["agreed"] = vouch.learn(record.url, screened, timing)
        self._keep(record, timing)

    @staticmethod
    def _vouched(screened: dict, vouch: Vouch) -> bool:
        """Whether ``vouch`` decides the page by its screen; marks the record if so."""
        if not screened or not vouch.vouches_for(screened):
            return False
        screened["vouched"] = vouch.note()
        return True

    async def _alone(
        self, url: str, template_first: bool, needless: Callable[[], bool]
    ) -> dict | None:
        """The page's loads alone, once the crawl has paused for them (``LoadLane``);
        None where ``needless`` says, once the lane is free, that they are no longer
        needed (the pages of a template come in together, before any has been timed:
        by the time the lane is free, the first may vouch for the others' screens)."""
        assert self.measurer is not None
        m = self.settings.measurement
        lane_wait = max(10.0, 2 * self.settings.crawl.script_timeout)
        self.measurer.prepare()  # its tab opens while the lane waits for the visits
        try:
            async with self.lane.alone(lane_wait) as beside:
                if needless():
                    return None
                began = time.monotonic()
                try:
                    timing = await self.measurer.measure(url, m.runs)
                    while more_loads(timing, template_first, m.template_runs):
                        again = await self.measurer.measure(url, 1)  # one at a time
                        timing["runs"] += again["runs"]
                finally:
                    self.lane_seconds += time.monotonic() - began
        finally:
            await self.measurer.discard()  # one no load took (the lane was interrupted)
        if beside:
            timing["beside_visits"] = beside
        return timing

    @staticmethod
    def _keep(record: PageRecord, timing: dict) -> None:
        """``timing`` as the page's timing record, its medians as the page's figures."""
        record.timing = safe_data(timing)
        medians, _ = median_run(timing)
        if medians:
            record.metrics.update(medians)
            record.metrics["timed_loads"] = sum(1 for r in timing["runs"] if "metrics" in r)

    async def _visit(
        self, target: CrawlTarget, tab: _Tab | None, gather: bool = True
    ) -> tuple[PageRecord, _Tab | None]:
        """After any failure the tab is replaced: a hung, spinning or crashed page, or
        one that left a dialog or a navigation of its own behind, may have spoilt it.
        A page that failed for no clear reason in a tab an earlier page had used is
        tried once more in a fresh one, so an earlier page's leftovers cannot fail it."""
        attempts = 0
        while True:
            attempts += 1
            reused = tab is not None
            if tab is None:
                tab = await self._new_tab()
            record = await self._audit_with_deadline(target, tab, gather)
            record.attempts = attempts
            if record.error is None:
                return record, tab
            await self.close_tab(tab)
            tab = None
            code = record.error.code
            again = code in RETRYABLE or (reused and code == "NAVIGATION_FAILED")
            if not again or attempts > self.settings.crawl.retries:
                return record, tab

    # -- bookkeeping after each page -----------------------------------------------------
    async def replay(self, target: CrawlTarget) -> bool:
        """Whether ``target`` was finished before (``--resume``): its record then goes
        through the bookkeeping again, unwritten, so its links are followed as before."""
        old = self.finished(target.url)
        if old is None:
            return False
        self.recall_timing(target, old)
        await self.record(target, old, write=False)
        return True

    def recall_timing(self, target: CrawlTarget, record: PageRecord) -> None:
        """A replayed page's part in the measurement lane (``--resume``), as
        ``time_loads`` counted it: its timing group's pages timed and the addresses
        timed, so the resumed audit keeps to ``measurement.max_pages_per_template``
        across the kill, and what its loads alone showed of its screen (``Vouch``)."""
        if self.measurer is None or not record.timing:
            return
        final = self.normalizer.normalize(record.final_url) if record.final_url else None
        if final and final != target.url and final in self._timed_urls:
            return  # it kept the figures of the page it redirected to, uncounted
        group = timing_group(target.template, record.layout)
        self._timed_templates[group] += 1
        self._timed_urls.add(final or target.url)
        screen = record.timing.get("screen")
        if screen is not None and record.timing.get("runs"):
            vouch = self._vouches.setdefault(group, Vouch())
            vouch.learn(record.url, {"runs": [screen]}, record.timing)

    async def record(self, target: CrawlTarget, record: PageRecord, write: bool = True) -> None:
        """Write the record, then feed its links to the graph and the frontier."""
        targets = []
        record.links = [link for link in record.links if _parses(link.url)]
        for link in record.links:
            url = self.normalizer.normalize(link.url)
            if url is None:
                continue
            link.url = url
            link.internal = self.frontier.scope.same_site(url)
            if link.internal:
                targets.append(url)
        for promoted in self.frontier.rendered(target, record.layout):
            self.state.mapped.pop(promoted.url, None)  # the browser renders it after all
        if write:
            self.records.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            self.records.flush()
        st = self.state
        st.done += 1
        if record.error is not None:
            st.failed += 1
        st.statuses[record.url] = record.status
        st.graph.node(record.url)
        final = self.normalizer.normalize(record.final_url) if record.final_url else None
        if final and final != record.url:
            st.graph.add_redirect(record.url, final)
            self.frontier.mark_seen(final)
            st.statuses.setdefault(final, record.status)
        await self._follow(final or record.url, target.depth, targets)
        self.events.emit(
            "page_recorded",
            record=record,
            queued=len(self.frontier) + self._in_flight,
            done=st.done,
            failed=st.failed,
        )

    async def _follow(self, source: str, depth: int | None, targets: list[str]) -> None:
        """Offer a page's internal links to the frontier and add them to the graph."""
        depth = depth if depth is not None else self.settings.crawl.max_depth
        # crawl.follow_links off (--urls, --sitemap-only): the links still count in the
        # graph (broken links, click depth), but only the pages named are audited
        for url in targets if self.settings.crawl.follow_links else ():
            if not self.robots.known(url):
                await self.robots.rules_for(url)
            self.frontier.offer(url, depth + 1)
        self.state.graph.add_links(source, targets)

    # -- the link map: pages read over HTTP ------------------------------------------
    async def map_page(self, target: CrawlTarget) -> MappedPage:
        """Read one page the browser does not render, for its status, redirects and links."""
        try:
            entry = await self._read_map(target)
        except Exception as exc:  # one page's oddity never ends the map
            failed = f"{type(exc).__name__}: {str(exc)[:200]}"
            entry = {"url": target.url, "template": target.template, "depth": target.depth}
            entry["failed"] = failed
        if self.map_log is not None:
            self.map_log.write(entry)
        return await self.apply_map(target, entry)

    async def _read_map(self, target: CrawlTarget) -> dict:
        """What the link map keeps of a page it fetched, as plain data (``mapped.jsonl``
        holds it, and a resume replays it): the answer's status, type, error and
        redirects, and where it is an HTML page, its title, layout, canonical address and
        internal links, normalised."""
        assert self.fetcher is not None
        answer = await self.fetcher.fetch(target.url, max_bytes=MAP_MAX_BYTES, keep_prefix=True)
        ctype = (answer.headers.get("content-type") or "").split(";")[0].strip().lower() or None
        final = self.normalizer.normalize(answer.url) or target.url
        entry: dict = {
            "url": target.url,
            "template": target.template,
            "depth": target.depth,
            "status": answer.status,
            "final_url": final,
            "content_type": ctype,
            "error": answer.error,
            "hops": [self.normalizer.normalize(u) or u for u in answer.redirects],
        }
        if answer.body and answer.status == 200 and (ctype or "text/html") in HTML_TYPES:
            found = read_links(
                answer.body,
                answer.url,
                answer.headers.get("content-type"),
                self.settings.crawl.max_links_per_page,
            )
            canonical = self.normalizer.normalize(found.canonical) if found.canonical else None
            targets = []
            for link in found.links:
                url = self.normalizer.normalize(link) if _parses(link) else None
                if url is not None and self.frontier.scope.same_site(url):
                    targets.append(url)
            entry["html"] = {
                "title": found.title,
                "layout": found.layout,
                "canonical": canonical,
                "links": targets,
            }
        return entry

    async def apply_map(self, target: CrawlTarget, entry: dict) -> MappedPage:
        """Feed what the link map read of a page (``_read_map``) to the statuses, the
        graph and the frontier, which may promote the page to the browser."""
        failed = entry.get("failed")
        if failed is None:
            try:
                return await self._apply_map(target, entry)
            except Exception as exc:  # one page's oddity never ends the map
                failed = f"{type(exc).__name__}: {str(exc)[:200]}"
        mapped = MappedPage(target.url, None, None, target.template, target.depth, error=failed)
        self.state.mapped[target.url] = mapped
        return mapped

    async def _apply_map(self, target: CrawlTarget, entry: dict) -> MappedPage:
        st, final = self.state, entry["final_url"]
        mapped = MappedPage(
            target.url,
            entry["status"],
            final,
            target.template,
            target.depth,
            content_type=entry["content_type"],
            error=entry["error"],
        )
        st.statuses[target.url] = entry["status"]
        st.graph.node(target.url)
        for a, b in itertools.pairwise([*entry["hops"], final]):
            st.graph.add_redirect(a, b)
        if final != target.url:
            self.frontier.mark_seen(final)
            st.statuses.setdefault(final, entry["status"])
        html = entry.get("html")
        if html is not None:
            mapped.title = html["title"]
            mapped.layout = html["layout"] or None
            if html["canonical"]:
                mapped.canonical = html["canonical"] if html["canonical"] != final else None
            await self._follow(final, target.depth, html["links"])
            if final == target.url and self.frontier.promote(target, html["layout"]):
                return mapped  # a layout new to its template: the browser renders it
        st.mapped[target.url] = mapped
        return mapped

    async def _map_worker(self) -> None:
        while True:
            target = await self._next(self.frontier.pop_to_map)
            if target is None:
                return
            try:
                mapped = await self.map_page(target)
                self.events.emit("page_mapped", page=mapped, mapped=len(self.state.mapped))
            finally:
                async with self._wakeup:
                    self._in_flight -= 1
                    self._wakeup.notify_all()

    # -- a resumed audit -------------------------------------------------------------
    async def catch_up(self, done: Iterable[tuple[str, Any]]) -> int:
        """Replay the work an audit did before it was stopped or killed, in the order it
        was done (auditor.frontier_store ``journal``: page records and the link map's
        entries), before any worker starts: each page is taken out of the queue it was
        taken from then and goes through the same bookkeeping, so the frontier (which
        pages of a template are rendered, which mapped, which promoted), the link graph,
        the statuses and the link map stand as they stood, and the crawl goes on with
        what was queued or in flight. Nothing is fetched but robots.txt of a host new
        to this run. Returns the entries replayed."""
        replayed = 0
        for kind, item in done:
            replayed += 1
            if kind == "page":
                target = self.frontier.take(item.url)
                if target is None:  # not where the run left it: the record still counts
                    self.frontier.mark_seen(item.url)
                    target = CrawlTarget(item.url, item.discovered_depth, item.template)
                self.recall_timing(target, item)
                await self.record(target, item, write=False)
            else:
                target = self.frontier.take_to_map(item["url"])
                if target is None:
                    self.frontier.mark_seen(item["url"])
                    target = CrawlTarget(item["url"], item["depth"], item["template"])
                await self.apply_map(target, item)
        return replayed

    async def _next(self, pop) -> CrawlTarget | None:
        """The next target from ``pop`` (one of the frontier's queues), waiting while
        work in flight may still add some; None when the crawl is over for this worker."""
        async with self._wakeup:
            while True:
                if self.stop_at is not None and time.monotonic() >= self.stop_at:
                    self.stopped_early = self.stopped_early or len(self.frontier) > 0
                    self._wakeup.notify_all()
                    return None
                target = pop()
                if target is not None:
                    self._in_flight += 1
                    return target
                to_map = self.frontier.to_map if self._mapping else 0
                if self._in_flight == 0 and not len(self.frontier) and not to_map:
                    self._wakeup.notify_all()
                    return None
                await self._wakeup.wait()

    async def take(self, most: int) -> list[CrawlTarget]:
        """Up to ``most`` targets for one batch (auditor.distributed): the first as a
        worker waits for it, then whatever is queued now. Each counts as in flight
        until ``done_with``; an empty list when the crawl is over."""
        first = await self._next(self.frontier.pop)
        if first is None:
            return []
        batch = [first]
        async with self._wakeup:
            while len(batch) < most and (target := self.frontier.pop()) is not None:
                self._in_flight += 1
                batch.append(target)
        return batch

    async def done_with(self, count: int) -> None:
        """``count`` targets taken with ``take`` are recorded (or given up)."""
        async with self._wakeup:
            self._in_flight -= count
            self._wakeup.notify_all()

    # -- the worker pool -----------------------------------------------------------------
    async def _worker(self) -> None:
        tab: _Tab | None = None
        pages_in_context = 0
        try:
            while True:
                target = await self._next(self.frontier.pop)
                if target is None:
                    return
                try:
                    if await self.replay(target):
                        continue
                    record, tab, pages_in_context = await self.page_work(
                        target, tab, pages_in_context
                    )
                    await self.record(target, record)
                finally:
                    async with self._wakeup:
                        self._in_flight -= 1
                        self._wakeup.notify_all()
        finally:
            await self.close_tab(tab)

    async def page_work(
        self, target: CrawlTarget, tab: _Tab | None, pages_in_context: int
    ) -> tuple[PageRecord, _Tab | None, int]:
        """One page's work as a crawl worker does it: the visit (in a fresh context
        every ``restart_context_every`` pages) and its timing loads. The local crawl's
        workers and a Dask worker's batch (auditor.distributed) both call this.
        Returns (record, the tab to reuse, pages visited in its context)."""
        if tab is not None and pages_in_context >= self.settings.browser.restart_context_every:
            await self.close_tab(tab)
            tab, pages_in_context = None, 0
        record, tab = await self.visit(target, tab)
        await self.time_loads(target, record, first=False)
        return record, tab, pages_in_context + 1

    async def run(
        self, page_worker: Callable[[], Awaitable[None]] | None = None, slots: int = 0
    ) -> CrawlState:
        """Crawl until the frontier is empty. ``page_worker`` replaces the browser
        workers (``slots`` of them): the Dask executor's slots, which take targets
        with ``take`` and hand their records to ``record``."""
        self.events.emit("crawl_started", total=None)
        c = self.settings.crawl
        if page_worker is None:
            page_worker, slots = self._worker, c.concurrency
        workers = [asyncio.create_task(page_worker()) for _ in range(slots)]
        if self._mapping:
            workers += [asyncio.create_task(self._map_worker()) for _ in range(c.map_concurrency)]
        try:
            await asyncio.gather(*workers)
        finally:
            for w in workers:
                w.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        return self.state


#: what the timing lane counts as one template: the structural template, the grouping
#: accessibility.axe samples by too (one definition, checkkit.structural_template)
timing_group = structural_template


def _parses(url: str) -> bool:
    """Whether Python can read ``url`` at all (``http://[oops`` cannot): a link no
    customer's browser could follow either, and one that every check would trip on."""
    try:
        urlsplit(url).port  # noqa: B018 - the port is read for its ValueError
    except ValueError:
        return False
    return True


def _screen_note(screened: dict) -> dict:
    """What a page's crawl visit screened, kept beside its loads alone: the decision to
    time it alone, and whether the screen told its bands (``Vouch``), can be checked."""
    runs = [r for r in screened.get("runs", []) if "metrics" in r]
    if not runs:
        return {"metrics": {}}
    run = runs[0]
    return {
        "metrics": dict(run["metrics"]),
        "blocking_ms": run.get("blocking_ms"),
        "never_quiet": bool(run.get("never_quiet")),
    }
