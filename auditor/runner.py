"""One audit from start to end: crawl, site stage, evaluate, score, results.json.

The stages follow shared/ARCHITECTURE.md. The start page is loaded alone first:
if the shop cannot be audited at all (bad URL, unreachable, TLS, not HTML) that is
one clear target error before any parallel work starts. Ctrl-C or a crash during the
crawl still ends in a results.json built from the records already on disk, marked
``interrupted``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import signal
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, async_playwright

from . import __version__
from .browser import BrowserSession, quietly
from .config import ROLES, Settings, settings_to_dict
from .coverage import check_coverage
from .crawl import Crawler, CrawlState
from .errors import AuditorError, TargetError
from .events import EventBus
from .fetch import Fetcher, cookies_of
from .frontier import CrawlTarget, Frontier
from .frontier_store import CrawlStore, MapLog, PageLog, journal
from .graph import LinkGraph
from .login import log_in
from .measure import Measurer
from .model import Finding, PageRecord, clip, link_findings, merge_findings
from .page import HTML_TYPES, PageEnv
from .pagekinds import page_kind
from .plugins import ENGINE_KEYS, LoadedCheck, PageView, SiteView, load_checks
from .probe import ProbeTabs, Slots, TemplateSample
from .ratelimit import HostLimiter
from .results import SCHEMA_VERSION, iter_records, page_entry, template_layouts, write_results
from .robots import RobotsPolicy
from .safety import safe_data, safe_text
from .scoring import CheckScore, RoleWeights, score_categories
from .sitemap import collect_sitemap_urls
from .urls import Scope, TemplateGrouper, UrlNormalizer
from .wcag import with_criteria

__all__ = ["SiteContext", "run_audit"]


@dataclasses.dataclass
class SiteContext:
    """What a check's site step gets: the browser still open, and what the crawl saw."""

    session: BrowserSession
    fetcher: Fetcher
    settings: Settings
    options: dict[str, Any]
    view: SiteView
    records_path: Path
    #: loads one more page the way the crawl does (robots, rate limit, retries), with
    #: its status, title and structure but no check's gathered data; None where
    #: robots.txt forbids it. The record is not added to the results.
    visit: Callable[[str], Awaitable[PageRecord | None]] | None = None
    #: fresh tabs of the check's own for probes that change the page (auditor.probe)
    tabs: ProbeTabs | None = None

    def records(self) -> Iterator[PageRecord]:
        return _records(self.records_path)

    def samples(self, per_template: int = 1) -> list[TemplateSample]:
        """Up to ``per_template`` rendered pages of each template, in crawl order: what
        a probe that costs a page load runs on (one page of a template tells as much as
        all of them). A page that another address already led to (``/index.html`` →
        ``/``) is not probed twice."""
        taken: Counter[str] = Counter()
        out: list[TemplateSample] = []
        loaded: set[str] = set()
        for r in self.records():
            if r.error is not None or r.content_type not in HTML_TYPES:
                continue
            if r.status is None or not 200 <= r.status < 300:
                continue
            url = r.final_url or r.url
            if url in loaded or (per_template and taken[r.template] >= per_template):
                continue
            taken[r.template] += 1
            loaded.add(url)
            kind = page_kind(r.url, r.title, r.structure, self.view.start_url)
            out.append(TemplateSample(url, r.template, kind, r.title))
        return out


class _RecordPages:
    """A re-iterable view of the JSONL records, cut to what one check declared."""

    def __init__(
        self,
        path: Path,
        check_id: str,
        requires: tuple[str, ...],
        depths: dict,
        aliases: frozenset[str] = frozenset(),
    ):
        self.path, self.check_id, self.depths = path, check_id, depths
        self.facts = [k for k in requires if k in ENGINE_KEYS]
        # a check about redirects needs the address that redirected; any other judges
        # the page where it landed once, not again under each address leading there
        self.skip = frozenset() if "redirects" in requires else aliases

    def __iter__(self) -> Iterator[PageView]:
        for r in _records(self.path):
            if r.url in self.skip:
                continue
            yield PageView(
                url=r.url,
                final_url=r.final_url,
                status=r.status,
                template=r.template,
                depth=self.depths.get(r.url),
                content_type=r.content_type,
                title=r.title,
                error=None if r.error is None else dataclasses.asdict(r.error),
                data=r.gathered.get(self.check_id),
                gather_error=r.gather_errors.get(self.check_id),
                facts={k: getattr(r, k) for k in self.facts},
            )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _start_url(raw: str, normalizer: UrlNormalizer) -> str:
    parts = urlsplit(raw.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise TargetError(f"invalid URL {raw!r}: give a full http:// or https:// address")
    url = normalizer.normalize(raw)
    if url is None:
        raise TargetError(f"invalid URL {raw!r}")
    return url


def _start_page_problem(record: PageRecord) -> str | None:
    url = record.url
    if record.error is not None:
        hint = ""
        if record.error.code == "TLS_ERROR":
            hint = " (set browser.ignore_https_errors = true to audit it anyway)"
        if record.error.code == "PAGE_HUNG":
            hint = " (crawl.page_timeout sets the limit)"
        if record.error.code == "OFFSITE_REDIRECT":
            hint = f" ({record.final_url}: audit that address instead)"
        return f"cannot audit {url}: {record.error.message}{hint}"
    if record.status is not None and record.status >= 400:
        return f"cannot audit {url}: the start page answered HTTP {record.status}"
    if record.content_type not in HTML_TYPES:
        return f"cannot audit {url}: the start URL is not an HTML page ({record.content_type})"
    return None


async def run_audit(
    start_url: str,
    settings: Settings,
    out_dir: Path,
    events: EventBus | None = None,
    browser: Browser | None = None,
    resume: bool = False,
) -> Path:
    """Audit the shop at ``start_url``; returns the path of results.json.

    ``resume``: continue an audit into ``out_dir`` that was stopped or killed: the
    pages it recorded in pages.jsonl are read back, not loaded again
    (auditor.frontier_store).

    ``browser`` lends a running Chromium (the test suite shares one); by default the
    audit starts its own and closes it at the end.

    Once the start page has been judged auditable, results.json is always written:
    after the crawl, after ``crawl.max_duration``, after SIGINT/SIGTERM/SIGHUP (which
    stop the browser work at once) and after an internal error (named in
    ``cut_short``); a bad target is a TargetError and writes nothing.
    """
    audit = _Audit(start_url, settings, out_dir, events or EventBus(), resume)
    task = asyncio.current_task()
    assert task is not None

    def on_signal(name: str) -> None:
        if audit.stopped_by is None:
            audit.stopped_by = name
            audit.cut("signal", f"stopped by {name} after {audit.elapsed():.0f} s", True)
        task.cancel()

    with _signals_cancel(on_signal):
        try:
            await audit.browse(browser)
        except asyncio.CancelledError:
            if audit.stopped_by is None:
                raise  # not ours: the caller cancelled the audit
            task.uncancel()
        except AuditorError:
            raise
        except Exception as exc:
            if not audit.records_path.exists():
                raise
            audit.cut("error", f"internal error: {type(exc).__name__}: {clip(str(exc), 300)}", True)
        return audit.finish()


@contextlib.contextmanager
def _signals_cancel(on_signal: Callable[[str], None]) -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP (Ctrl-C, a CI runner's timeout, ``timeout(1)``, a
    closed terminal) call ``on_signal`` on the event loop instead of killing the
    process, so the audit can still write what it gathered. The handlers in place
    before are restored afterwards (where there is no main thread, nothing is done)."""
    loop = asyncio.get_running_loop()
    saved: dict[signal.Signals, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is None:
            continue
        try:
            previous = signal.getsignal(sig)
            loop.add_signal_handler(sig, on_signal, sig.name)
        except (NotImplementedError, RuntimeError, ValueError):
            continue
        saved[sig] = previous
    try:
        yield
    finally:
        for sig, previous in saved.items():
            loop.remove_signal_handler(sig)
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(sig, previous if previous is not None else signal.SIG_DFL)


class _Audit:
    """One audit's state, built stage by stage (shared/ARCHITECTURE.md): the browser
    stages (start page, crawl, measurement lane, site stage) in ``browse``, then
    evaluation, scoring and results.json in ``finish``, which needs no browser."""

    def __init__(
        self,
        start_url: str,
        settings: Settings,
        out_dir: Path,
        events: EventBus,
        resume: bool = False,
    ):
        self.settings, self.out_dir, self.events = settings, out_dir, events
        c = settings.crawl
        self.normalizer = UrlNormalizer(c.tracking_parameters, c.session_parameters)
        self.start = _start_url(start_url, self.normalizer)
        self.starts = [self.start] + [_start_url(u, self.normalizer) for u in c.start_urls]
        if settings.scale.executor == "dask":
            from .distributed import require_dask

            require_dask()
        self.checks = load_checks(settings)
        self.enabled = [lc for lc in self.checks if lc.enabled and lc.instance is not None]
        self.records_path = out_dir / "pages.jsonl"
        self.started_at, self.t0 = _now(), time.monotonic()
        self.errors: list[dict] = []
        self.site_data: dict[str, Any] = {}
        #: wall seconds of each stage; they follow one another, so with "other" (what
        #: no stage covers: starting and closing the browser) they add up to the total
        self.stages: dict[str, float] = {}
        #: finer seconds that overlap in time (summed over tabs, or steps run side by
        #: side): each check's gatherers and site step, the visits, the timing loads
        self.detail: dict[str, float] = {}
        self.interrupted = False
        self.cut_short: dict | None = None
        #: the signal that stopped the audit, once one did
        self.stopped_by: str | None = None
        self.crawler: Crawler | None = None
        self.frontier: Frontier | None = None
        self.sitemap_urls: list[str] = []
        self.view: SiteView | None = None
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "results.json").unlink(missing_ok=True)  # never mistake an old run for this
        self.resume = resume
        if not resume:
            self.records_path.unlink(missing_ok=True)
        #: the frontier's seen set and queue, and the page log's index (SQLite)
        self.store: CrawlStore | None = None
        #: --resume: the start page's record was read back (the first in pages.jsonl)
        self.start_replayed = False

    def elapsed(self) -> float:
        return time.monotonic() - self.t0

    def cut(self, reason: str, message: str, interrupted: bool = False) -> None:
        """Note why the audit ends early (the first reason stands)."""
        if self.cut_short is None:
            self.cut_short = {
                "reason": reason,
                "message": safe_text(message, 500),
                "after_s": round(self.elapsed(), 1),
            }
        self.interrupted = self.interrupted or interrupted

    @contextlib.contextmanager
    def stage(self, name: str, detail: bool = False) -> Iterator[None]:
        """Add the block's wall seconds to stage ``name`` (to ``detail`` where blocks
        run side by side)."""
        started = time.monotonic()
        try:
            yield
        finally:
            self._add(name, time.monotonic() - started, detail)

    def _add(self, name: str, seconds: float, detail: bool = False) -> None:
        into = self.detail if detail else self.stages
        into[name] = round(into.get(name, 0) + max(0.0, seconds), 2)

    def _stage_stats(self, duration: float) -> tuple[dict[str, float], dict[str, float]]:
        """(stages, detail) for results.json: "other" makes the stages add up to the
        total; the detail adds each check's gatherer seconds and the visits' seconds."""
        stages = dict(self.stages)
        stages["other"] = round(max(0.0, duration - sum(stages.values())), 2)
        detail = dict(self.detail)
        if self.crawler is not None:
            for check_id, seconds in sorted(self.crawler.env.gather_seconds.items()):
                detail[f"gather: {check_id}"] = round(seconds, 2)
        return stages, detail

    # -- the browser stages --------------------------------------------------------------
    async def browse(self, browser: Browser | None) -> None:
        settings, c = self.settings, self.settings.crawl
        async with async_playwright() as pw:
            session = BrowserSession(pw, settings, browser)
            with self.stage("setup"):
                await session.start()
            fetcher = None
            try:
                with self.stage("setup"):
                    await log_in(session, settings, self.start)
                limiter = HostLimiter(c.requests_per_second, c.max_retry_after)
                fetcher = Fetcher(
                    limiter,
                    c.page_timeout,
                    user_agent=session.user_agent,
                    cookies=cookies_of(session.storage_state),
                    verify_tls=not settings.browser.ignore_https_errors,
                )
                robots = RobotsPolicy(fetcher.fetch, c.user_agent_token, c.respect_robots)
                self.store = CrawlStore(self.out_dir / "crawl.sqlite")
                maps_path = self.out_dir / "mapped.jsonl"
                with (
                    PageLog(self.records_path, self.store, self.resume) as records,
                    MapLog(maps_path, records, self.resume) as maps,
                ):
                    crawler = await self._open_crawl(session, limiter, robots, records, fetcher)
                    # --resume: finished pages are read back; always: a URL is recorded once
                    crawler.finished, crawler.map_log = records.finished, maps
                    rules = await self._start_page(crawler, robots)
                    with self.stage("sitemaps"):
                        self.sitemap_urls = await _discover_sitemaps(
                            settings,
                            robots,
                            rules,
                            fetcher,
                            self.frontier,
                            self.normalizer,
                            self.start,
                            self.errors,
                        )
                    self._pages_named()
                    if self.resume:  # the rest of what was done before, in its order
                        skip = 1 if self.start_replayed else 0
                        with self.stage("crawl"):
                            await crawler.catch_up(journal(self.records_path, maps_path, skip))
                    await self._crawl(crawler)
                self.view = self._site_view()
                if self.cut_short is None or self.cut_short["reason"] == "max_duration":
                    with self.stage("site stage"):
                        await self._site_stage(session, fetcher, limiter, robots, crawler)
            finally:
                if fetcher is not None:
                    await quietly(asyncio.wait_for(fetcher.aclose(), timeout=10))
                await session.close()

    async def _open_crawl(self, session, limiter, robots, records, fetcher) -> Crawler:
        """robots.txt first (it may forbid the audit), then the frontier and crawler."""
        settings, c, start = self.settings, self.settings.crawl, self.start
        rules = await robots.rules_for(start)
        if c.respect_robots:
            limiter.set_crawl_delay(urlsplit(start).netloc, rules.crawl_delay(c.user_agent_token))
            # An unreachable robots.txt usually means an unreachable shop: the start
            # page's own error (below) then says more than "robots.txt failed".
            if not rules.unreachable and not rules.allows(start, c.user_agent_token):
                raise TargetError(
                    f"robots.txt of {rules.origin} does not allow {start} for "
                    f"{c.user_agent_token}; set crawl.respect_robots = false "
                    "to audit your own shop"
                )
            if rules.note and rules.disallow_all and not rules.unreachable:
                self._error("ROBOTS_UNAVAILABLE", rules.note, rules.origin + "/robots.txt")
        self.frontier = Frontier(
            Scope(self.starts, c.allow_subdomains, c.include, c.exclude),
            TemplateGrouper(c.facet_parameters),
            robots.allows,
            c.max_pages,
            c.max_depth,
            c.max_pages_per_template,
            max_urls=c.max_urls,
            max_variants=c.max_facet_variants,
            facet_parameters=c.facet_parameters,
            seen=self.store.seen if self.store is not None else None,
            queue=self.store.queue if self.store is not None else None,
        )
        env = PageEnv(
            settings,
            limiter,
            [lc.instance for lc in self.enabled if lc.cls.has_gatherer()],
            same_site=self.frontier.scope.same_site,
        )
        timed = any("timing" in lc.cls.requires for lc in self.enabled)
        measurer = Measurer(session, settings, limiter) if timed else None
        self.crawler = Crawler(
            settings,
            session,
            env,
            self.frontier,
            self.normalizer,
            robots,
            records,
            self.events,
            measurer,
            fetcher,
        )
        if self.store is not None:  # the edges on disk: a big shop's graph is mostly them
            self.crawler.state.graph = LinkGraph(self.store.edges)
        if c.max_duration:
            self.crawler.stop_at = self.t0 + c.max_duration
        return self.crawler

    async def _start_page(self, crawler: Crawler, robots: RobotsPolicy):
        """The start page alone first: a shop that cannot be audited at all (bad URL,
        unreachable, TLS, not HTML) is one clear target error before any parallel work."""
        c, frontier = self.settings.crawl, self.frontier
        assert frontier is not None
        rules = await robots.rules_for(self.start)
        for url in self.starts:
            if not robots.known(url):
                await robots.rules_for(url)
            if url == self.start or robots.allows(url):
                frontier.offer(url, 0, force=True)
            else:
                self._error("ROBOTS_DISALLOWED", "robots.txt does not allow this start URL", url)
        first = frontier.pop()
        assert first is not None
        if await crawler.replay(first):  # --resume: audited and judged auditable before
            self.start_replayed = True
            return rules
        with self.stage("start page"):
            record, tab = await crawler.visit(first, None)
            await crawler.close_tab(tab)
        if self.settings.scale.executor == "dask":
            record.worker = "driver"  # the others name the Dask worker that timed them
        problem = _start_page_problem(record)
        if problem:
            raise TargetError(problem)
        if c.respect_robots and rules.unreachable:
            raise TargetError(
                f"{rules.note} and RFC 9309 then forbids crawling {rules.origin}; "
                "set crawl.respect_robots = false to audit your own shop"
            )
        with self.stage("timing loads"):
            await crawler.time_loads(first, record, first=True)
        await crawler.record(first, record)
        return rules

    def _pages_named(self) -> None:
        """--sitemap-only: links are not followed, so a shop without a sitemap would be
        audited on its start page alone; one clear error instead."""
        c = self.settings.crawl
        if not c.follow_links and c.use_sitemap and not self.sitemap_urls and not c.start_urls:
            raise TargetError(
                f"no sitemap with pages of {self.start} was found (robots.txt or "
                "/sitemap.xml), so --sitemap-only has nothing to audit; give the pages "
                "with --urls FILE"
            )

    async def _crawl(self, crawler: Crawler) -> None:
        """The crawl's wall time, less the time its timing loads held the browser alone
        (the workers waited then): that goes to "timing loads"."""
        lane_before, started = crawler.lane_seconds, time.monotonic()
        try:
            if self.settings.scale.executor == "dask":
                from .distributed import crawl_on_dask

                await crawl_on_dask(crawler, self.starts, self.events)
            else:
                await crawler.run()
        finally:
            lane = crawler.lane_seconds - lane_before
            self._add("crawl", time.monotonic() - started - lane)
            self._add("timing loads", lane)
        if crawler.stopped_early:
            left = len(self.frontier or ())
            self.cut(
                "max_duration",
                f"the audit reached its time limit (crawl.max_duration, "
                f"{self.settings.crawl.max_duration:g} s) with {left} found "
                f"address{'es' if left != 1 else ''} not yet visited",
            )

    def _site_view(self) -> SiteView:
        assert self.crawler is not None and self.frontier is not None
        depths, parents = self.crawler.state.graph.depths_and_parents(self.starts)
        return SiteView(
            self.start,
            depths,
            self.crawler.state.statuses,
            self.sitemap_urls,
            self.frontier.unrendered,
            parents=parents,
            template_sizes=dict(self.frontier.found_per_template),
            mapped=self.crawler.state.mapped,
            out_links=self.crawler.state.graph.out_links,
        )

    async def _site_stage(self, session, fetcher, limiter, robots, crawler: Crawler) -> None:
        """Each check's site step, in tabs of its own, within ``audit.site_step_timeout``:
        a step past it is stopped, and its check is judged on what the crawl gathered.

        The steps run side by side (none of them times anything: the timing loads are
        over), with at most ``crawl.concurrency`` probe tabs open at once between them,
        so the stage costs about its longest step, not the sum of all."""
        steps = [lc for lc in self.enabled if lc.cls.has_site_step()]
        if not steps:
            return
        assert self.view is not None
        self.events.emit("stage_started", name="site stage: checks that need the whole site")
        templates = TemplateGrouper(self.settings.crawl.facet_parameters)
        slots = Slots(max(1, self.settings.crawl.concurrency))

        async def visit(url: str) -> PageRecord | None:
            if not robots.known(url):
                await robots.rules_for(url)
            if not robots.allows(url):
                return None
            target = CrawlTarget(url, None, templates.template_of(url))
            async with slots:  # the record is not kept: no check gathers on it
                record, tab = await crawler.visit(target, None, gather=False)
                await crawler.close_tab(tab)
            return record

        tabs = ProbeTabs(session, self.settings, limiter, robots, slots)
        await asyncio.gather(*(self._site_step(lc, visit, tabs, fetcher, session) for lc in steps))

    async def _site_step(self, lc: LoadedCheck, visit, tabs: ProbeTabs, fetcher, session) -> None:
        """One check's site step; whatever it raises or however long it takes costs only
        that check's site data."""
        assert self.view is not None
        timeout = self.settings.audit.site_step_timeout
        ctx = SiteContext(
            session,
            fetcher,
            self.settings,
            lc.instance.options,
            self.view,
            self.records_path,
            visit,
            tabs,
        )
        with self.stage(f"site: {lc.id}", detail=True):
            try:
                data = await asyncio.wait_for(lc.instance.site(ctx), timeout=timeout)
                self.site_data[lc.id] = safe_data(data)
            except TimeoutError:
                message = f"the site step took longer than {timeout:g} s (audit.site_step_timeout)"
                self._error("SITE_STEP_TIMEOUT", message, None, check=lc.id)
                self.events.emit("check_failed", check=lc.id, message=message)
            except Exception as exc:
                _check_failed(lc, exc, self.errors, self.events, "site step")

    def _error(self, code: str, message: str, url: str | None, check: str | None = None) -> None:
        self.errors.append({"code": code, "message": message, "check": check, "url": url})

    # -- after the browser ---------------------------------------------------------------
    def finish(self) -> Path:
        """Evaluate, score and write results.json from the records on disk: whatever
        the browser stages got through, so this runs after a cut-short audit too."""
        self.events.emit("stage_started", name="evaluating")
        crawler = self.crawler
        state = crawler.state if crawler is not None else CrawlState()
        if self.view is None:
            self.view = (
                self._site_view()
                if crawler is not None
                else SiteView(self.start, {}, {}, [], {}, template_sizes={})
            )
        view = self.view
        with self.stage("evaluate"):
            view.roles = _roles(self.records_path, self.start, self.settings)
            findings_by_check = self._evaluate(view)
            # one cause, one finding (per check, in _evaluate); then one element, one
            # primary finding across checks, before anything is scored
            all_findings = link_findings(
                merge_findings([f for fs in findings_by_check.values() for f in fs])
            )
        self.errors.extend(_gather_errors(self.records_path))
        check_entries, check_scores = self._check_entries(findings_by_check, state.done)
        self._add_coverage(check_entries)
        overall, categories = score_categories(
            check_scores, all_findings, self.settings.scoring, view.roles
        )
        head = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "auditor", "version": __version__},
            "target": self.start,
            "started_at": self.started_at,
            "finished_at": _now(),
            "profile": self.settings.browser.profile,
            "interrupted": self.interrupted,
            "cut_short": self.cut_short,
            "settings": settings_to_dict(self.settings),
            "score": overall,
            "categories": categories,
            "checks": check_entries,
        }
        frontier = self.frontier
        skipped = frontier.skipped if frontier is not None else Counter()
        duration = self.elapsed()
        stats = {
            "pages_crawled": state.done,
            "pages_failed": state.failed,
            "urls_discovered": frontier.discovered if frontier is not None else 0,
            "skipped_robots": skipped["robots"],
            "skipped_sampled": skipped["sampled"],
            "skipped_scope": skipped["scope"],
            "skipped_variants": skipped["variants"],
            "urls_mapped": len(self.crawler.state.mapped) if self.crawler is not None else 0,
            "urls_in_link_graph": len(view.depths),
            "urls_promoted": frontier.promoted if frontier is not None else 0,
            "layouts": template_layouts(_records(self.records_path), state.mapped.values()),
            "duration_s": round(duration, 2),
            "pages_per_minute": round(state.done / duration * 60, 1) if duration > 0 else 0.0,
        }
        stats["stages"], stats["stage_detail"] = self._stage_stats(duration)
        if self.crawler is not None and self.crawler.measurer is not None:
            stats["timing_loads"] = self.crawler.timing_loads
            stats["pages_screened"] = self.crawler.screened
        if self.cut_short is not None and frontier is not None:
            stats["pages_unvisited"] = len(frontier)
        tail = {
            **self._journeys(),
            "findings": [with_criteria(f.to_dict()) for f in all_findings],
            "errors": self.errors,
            "stats": stats,
        }
        path = self.out_dir / "results.json"
        depths, start, kinds = view.depths, self.start, view.roles.pages
        pages = (  # _roles has the kind of each page without an error
            page_entry(
                r,
                depths.get(r.url),
                kinds[r.url]
                if r.error is None and r.url in kinds
                else page_kind(r.url, r.title, r.structure, start),
            )
            for r in _records(self.records_path)
        )
        write_results(path, head, pages, tail)
        if self.store is not None:
            self.store.close()
        self.events.emit("run_finished", results={"score": overall, "path": str(path)})
        return path

    def _journeys(self) -> dict[str, list]:
        """results.json's ``journeys``: the walks a check hands over (``journey_records``),
        per journey and persona; no key where no check walked any."""
        walks: list = []
        for lc in self.enabled:
            hook = getattr(lc.instance, "journey_records", None)
            records = hook() if callable(hook) else None
            if isinstance(records, list):
                walks.extend(safe_data(records))
        return {"journeys": walks} if walks else {}

    def _evaluate(self, view: SiteView) -> dict[str, list[Finding]]:
        """Each check's pure evaluate step; a check that raises costs only itself."""
        found: dict[str, list[Finding]] = {}
        aliases = _aliases(self.records_path)
        for lc in self.enabled:
            view.site_data = self.site_data.get(lc.id)
            pages = _RecordPages(self.records_path, lc.id, lc.cls.requires, view.depths, aliases)
            try:
                found[lc.id] = merge_findings(list(lc.instance.evaluate(pages, view)))
            except Exception as exc:
                _check_failed(lc, exc, self.errors, self.events, "evaluate step")
        view.site_data = None
        return found

    def _add_coverage(self, entries: list[dict]) -> None:
        """Each check that judges pages: how many of the rendered ones, per template."""
        judging = {
            lc.id: lc.per_template
            for lc in self.enabled
            if lc.per_template is not None or lc.cls.has_gatherer()
        }
        coverage = check_coverage(_records(self.records_path), judging, self.site_data)
        for entry in entries:
            if entry["id"] in coverage and entry["status"] == "ran":
                entry["coverage"] = coverage[entry["id"]]

    def _check_entries(self, findings_by_check: dict, pages_done: int) -> tuple[list, list]:
        entries, scores = [], []
        for lc in self.checks:
            cls = lc.cls
            found = findings_by_check.get(lc.id)
            score = None
            if lc.enabled and found is not None:  # a finding with a primary counts there
                score = lc.instance.score([f for f in found if f.primary is None], pages_done)
            entries.append(
                {
                    "id": lc.id,
                    "category": cls.category if cls else "unknown",
                    "title": cls.title if cls else lc.id,
                    "status": lc.status,
                    "reason": lc.reason,
                    "score": score,
                    "weight": lc.weight,
                    "findings": len(found or []),
                }
            )
            details = getattr(lc.instance, "details", None) if found is not None else None
            if isinstance(details, dict):
                entries[-1]["details"] = safe_data(details)
            if cls is not None and lc.enabled:
                parts = _score_parts(lc) if found is not None else []
                scores.append(CheckScore(lc.id, cls.category, score, lc.weight, parts))
        return entries, scores


def _score_parts(lc: LoadedCheck) -> list[dict]:
    """What a check says its score is made of; a check whose hook fails explains nothing
    and loses nothing else."""
    try:
        parts = lc.instance.score_parts() if lc.instance is not None else []
    except Exception:
        return []
    return (
        [p for p in parts if isinstance(p, dict) and "what" in p] if isinstance(parts, list) else []
    )


def _roles(records_path: Path, start: str, settings: Settings) -> RoleWeights:
    """Each page's role in the customer's path, and each template's (the role most of
    its pages have): what scores weigh templates by and what makes a page a key page."""
    pages: dict[str, str] = {}
    per_template: dict[str, Counter[str]] = {}
    for r in _records(records_path):
        if r.error is not None:
            continue
        role = page_kind(r.url, r.title, r.structure, start)
        pages[r.url] = role
        if r.final_url:
            pages.setdefault(r.final_url, role)
        per_template.setdefault(r.template, Counter())[role] += 1
    roles = settings.roles
    order = {role: i for i, role in enumerate(ROLES)}
    templates = {
        t: min(counts, key=lambda k: (-counts[k], order.get(k, len(order)), k))
        for t, counts in per_template.items()
    }
    return RoleWeights(
        pages=pages,
        templates=templates,
        weights={role: roles.weight(role) for role in ROLES},
        other=float(roles.other),
        key_roles=tuple(roles.key_pages),
        cap=float(roles.key_page_cap),
    )


def _aliases(path: Path) -> frozenset[str]:
    """Addresses whose visit redirected to a page the audit also has under its own
    address (``/index.html`` → ``/``), or to one an earlier alias already stands for:
    the same page, which the checks judge once."""
    records = [(r.url, r.final_url or r.url) for r in _records(path)]
    direct = {url for url, final in records if url == final}
    aliases, stood_for = set(), set()
    for url, final in records:
        if url == final:
            continue
        if final in direct or final in stood_for:
            aliases.add(url)
        stood_for.add(final)
    return frozenset(aliases)


def _records(path: Path) -> Iterator[PageRecord]:
    """The page records on disk; none when the audit ended before the first."""
    return iter_records(path) if path.exists() else iter(())


def _check_failed(
    lc: LoadedCheck, exc: Exception, errors: list, events: EventBus, step: str
) -> None:
    message = safe_text(f"{step} raised {type(exc).__name__}: {str(exc)[:300]}")
    lc.status, lc.reason = "error", message
    errors.append({"code": "CHECK_FAILED", "message": message, "check": lc.id, "url": None})
    events.emit("check_failed", check=lc.id, message=message)


def _gather_errors(records_path: Path) -> list[dict]:
    """One entry per check whose gatherer failed somewhere, with a count and an example."""
    counts: Counter[str] = Counter()
    example: dict[str, tuple[str, str]] = {}
    for r in _records(records_path):
        for check_id, message in r.gather_errors.items():
            counts[check_id] += 1
            example.setdefault(check_id, (r.url, message))
    return [
        {
            "code": "GATHERER_FAILED",
            "message": f"failed on {n} page{'s' if n != 1 else ''}, e.g.: {example[cid][1]}",
            "check": cid,
            "url": example[cid][0],
        }
        for cid, n in sorted(counts.items())
    ]


async def _discover_sitemaps(settings, robots, rules, fetcher, frontier, normalizer, start, errors):
    if not settings.crawl.use_sitemap:
        return []
    origin = rules.origin
    candidates = rules.sitemaps or [origin + "/sitemap.xml"]
    found = await collect_sitemap_urls(
        fetcher.fetch, candidates, lambda u: not robots.known(u) or robots.allows(u)
    )
    for problem in found.problems:
        errors.append(
            {"code": "SITEMAP_UNREADABLE", "message": problem, "check": None, "url": None}
        )
    urls = []
    for raw in found.urls:
        url = normalizer.normalize(raw)
        if url and frontier.scope.same_site(url):
            urls.append(url)
            if not robots.known(url):
                await robots.rules_for(url)
            frontier.offer(url, None)
    return urls
