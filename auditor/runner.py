"""One audit from start to end: crawl, site stage, evaluate, score, results.json.

The stages follow shared/ARCHITECTURE.md. The start page is loaded alone first:
if the shop cannot be audited at all (bad URL, unreachable, TLS, not HTML) that is
one clear target error before any parallel work starts. Ctrl-C or a crash during the
crawl still ends in a results.json built from the records already on disk, marked
``interrupted``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, async_playwright

from . import __version__
from .browser import BrowserSession
from .config import Settings, settings_to_dict
from .crawl import Crawler
from .errors import TargetError
from .events import EventBus
from .fetch import Fetcher
from .frontier import CrawlTarget, Frontier
from .login import log_in
from .measure import Measurer
from .model import Finding, PageRecord, merge_findings
from .page import HTML_TYPES, PageEnv
from .pagekinds import page_kind
from .plugins import ENGINE_KEYS, LoadedCheck, PageView, SiteView, load_checks
from .probe import ProbeTabs, TemplateSample
from .ratelimit import HostLimiter
from .results import SCHEMA_VERSION, iter_records, page_entry, write_results
from .robots import RobotsPolicy
from .scoring import CheckScore, score_categories
from .sitemap import collect_sitemap_urls
from .urls import Scope, TemplateGrouper, UrlNormalizer

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
    #: loads one more page the way the crawl does (robots, rate limit, retries);
    #: None where robots.txt forbids it. The record is not added to the results.
    visit: Callable[[str], Awaitable[PageRecord | None]] | None = None
    #: fresh tabs of the check's own for probes that change the page (auditor.probe)
    tabs: ProbeTabs | None = None

    def records(self) -> Iterator[PageRecord]:
        return iter_records(self.records_path)

    def samples(self, per_template: int = 1) -> list[TemplateSample]:
        """Up to ``per_template`` rendered pages of each template, in crawl order: what
        a probe that costs a page load runs on (one page of a template tells as much as
        all of them)."""
        taken: Counter[str] = Counter()
        out: list[TemplateSample] = []
        for r in self.records():
            if r.error is not None or r.content_type not in HTML_TYPES:
                continue
            if r.status is None or not 200 <= r.status < 300:
                continue
            if per_template and taken[r.template] >= per_template:
                continue
            taken[r.template] += 1
            kind = page_kind(r.url, r.title, r.structure, self.view.start_url)
            out.append(TemplateSample(r.final_url or r.url, r.template, kind, r.title))
        return out


class _RecordPages:
    """A re-iterable view of the JSONL records, cut to what one check declared."""

    def __init__(self, path: Path, check_id: str, requires: tuple[str, ...], depths: dict):
        self.path, self.check_id, self.depths = path, check_id, depths
        self.facts = [k for k in requires if k in ENGINE_KEYS]

    def __iter__(self) -> Iterator[PageView]:
        for r in iter_records(self.path):
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
) -> Path:
    """Audit the shop at ``start_url``; returns the path of results.json.

    ``browser`` lends a running Chromium (the test suite shares one); by default the
    audit starts its own and closes it at the end.
    """
    events = events or EventBus()
    c = settings.crawl
    normalizer = UrlNormalizer(c.tracking_parameters, c.session_parameters)
    start = _start_url(start_url, normalizer)
    starts = [start] + [_start_url(u, normalizer) for u in c.start_urls]
    checks = load_checks(settings)
    enabled = [lc for lc in checks if lc.enabled and lc.instance is not None]
    out_dir.mkdir(parents=True, exist_ok=True)
    records_path = out_dir / "pages.jsonl"
    (out_dir / "results.json").unlink(missing_ok=True)  # never mistake an old run for this one
    started_at, t0 = _now(), time.monotonic()
    errors: list[dict] = []
    interrupted = False
    site_data: dict[str, Any] = {}
    scope = Scope(starts, c.allow_subdomains, c.include, c.exclude)

    async with async_playwright() as pw:
        session = BrowserSession(pw, settings, browser)
        await session.start()
        request = None
        try:
            await log_in(session, settings, start)
            request = await pw.request.new_context(
                user_agent=session.user_agent,
                ignore_https_errors=settings.browser.ignore_https_errors,
                storage_state=session.storage_state,
            )
            limiter = HostLimiter(c.requests_per_second, c.max_retry_after)
            fetcher = Fetcher(request, limiter, c.page_timeout)
            robots = RobotsPolicy(fetcher.fetch, c.user_agent_token, c.respect_robots)
            rules = await robots.rules_for(start)
            if c.respect_robots:
                limiter.set_crawl_delay(
                    urlsplit(start).netloc, rules.crawl_delay(c.user_agent_token)
                )
                # An unreachable robots.txt usually means an unreachable shop: the start
                # page's own error (below) then says more than "robots.txt failed".
                if not rules.unreachable and not rules.allows(start, c.user_agent_token):
                    raise TargetError(
                        f"robots.txt of {rules.origin} does not allow {start} for "
                        f"{c.user_agent_token}; set crawl.respect_robots = false "
                        "to audit your own shop"
                    )
                if rules.note and rules.disallow_all and not rules.unreachable:
                    errors.append(
                        {
                            "code": "ROBOTS_UNAVAILABLE",
                            "message": rules.note,
                            "check": None,
                            "url": rules.origin + "/robots.txt",
                        }
                    )
            frontier = Frontier(
                scope,
                TemplateGrouper(),
                robots.allows,
                c.max_pages,
                c.max_depth,
                c.max_pages_per_template,
            )
            env = PageEnv(
                settings, limiter, [lc.instance for lc in enabled if lc.cls.has_gatherer()]
            )
            with open(records_path, "w", encoding="utf-8") as records:
                timed = any("timing" in lc.cls.requires for lc in enabled)
                measurer = Measurer(session, settings, limiter) if timed else None
                crawler = Crawler(
                    settings, session, env, frontier, normalizer, robots, records, events, measurer
                )
                for url in starts:
                    if not robots.known(url):
                        await robots.rules_for(url)
                    if url == start or robots.allows(url):
                        frontier.offer(url, 0, force=True)
                    else:
                        errors.append(
                            {
                                "code": "ROBOTS_DISALLOWED",
                                "check": None,
                                "url": url,
                                "message": "robots.txt does not allow this start URL",
                            }
                        )
                first = frontier.pop()
                record, tab = await crawler.visit(first, None)
                await crawler.close_tab(tab)
                problem = _start_page_problem(record)
                if problem:
                    raise TargetError(problem)
                if c.respect_robots and rules.unreachable:
                    raise TargetError(
                        f"{rules.note} and RFC 9309 then forbids crawling {rules.origin}; "
                        "set crawl.respect_robots = false to audit your own shop"
                    )
                await crawler.time_loads(first, record, first=True)
                await crawler.record(first, record)
                sitemap_urls = await _discover_sitemaps(
                    settings, robots, rules, fetcher, frontier, normalizer, start, errors
                )
                try:
                    await crawler.run()
                except (asyncio.CancelledError, KeyboardInterrupt):
                    interrupted = True
            state = crawler.state
            depths, parents = state.graph.depths_and_parents(starts)
            view = SiteView(
                start,
                depths,
                state.statuses,
                sitemap_urls,
                frontier.unrendered,
                parents=parents,
                template_sizes=dict(frontier.found_per_template),
            )
            templates = TemplateGrouper()

            async def visit(url: str) -> PageRecord | None:
                if not robots.known(url):
                    await robots.rules_for(url)
                if not robots.allows(url):
                    return None
                target = CrawlTarget(url, None, templates.template_of(url))
                record, tab = await crawler.visit(target, None)
                await crawler.close_tab(tab)
                return record

            if not interrupted:
                events.emit("stage_started", name="site stage: checks that need the whole site")
                for lc in enabled:
                    if lc.cls.has_site_step():
                        ctx = SiteContext(
                            session,
                            fetcher,
                            settings,
                            lc.instance.options,
                            view,
                            records_path,
                            visit,
                            ProbeTabs(session, settings, limiter, robots),
                        )
                        try:
                            site_data[lc.id] = await lc.instance.site(ctx)
                        except Exception as exc:
                            _check_failed(lc, exc, errors, events, "site step")
        finally:
            if request is not None:
                await request.dispose()
            await session.close()

    events.emit("stage_started", name="evaluating")
    findings_by_check: dict[str, list[Finding]] = {}
    for lc in enabled:
        view.site_data = site_data.get(lc.id)
        pages = _RecordPages(records_path, lc.id, lc.cls.requires, depths)
        try:
            findings_by_check[lc.id] = merge_findings(list(lc.instance.evaluate(pages, view)))
        except Exception as exc:
            _check_failed(lc, exc, errors, events, "evaluate step")
    view.site_data = None
    errors.extend(_gather_errors(records_path))

    check_entries, check_scores = [], []
    for lc in checks:
        cls = lc.cls
        found = findings_by_check.get(lc.id)
        score = None
        if lc.enabled and found is not None:
            score = lc.instance.score(found, state.done)
        check_entries.append(
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
            check_entries[-1]["details"] = details
        if cls is not None and lc.enabled:
            check_scores.append(CheckScore(lc.id, cls.category, score, lc.weight))
    all_findings = merge_findings([f for fs in findings_by_check.values() for f in fs])
    overall, categories = score_categories(check_scores, all_findings, settings.scoring)
    duration = time.monotonic() - t0
    head = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "auditor", "version": __version__},
        "target": start,
        "started_at": started_at,
        "finished_at": _now(),
        "profile": settings.browser.profile,
        "interrupted": interrupted,
        "settings": settings_to_dict(settings),
        "score": overall,
        "categories": categories,
        "checks": check_entries,
    }
    skipped = frontier.skipped
    tail = {
        "findings": [f.to_dict() for f in all_findings],
        "errors": errors,
        "stats": {
            "pages_crawled": state.done,
            "pages_failed": state.failed,
            "urls_discovered": frontier.discovered,
            "skipped_robots": skipped["robots"],
            "skipped_sampled": skipped["sampled"],
            "skipped_scope": skipped["scope"],
            "duration_s": round(duration, 2),
            "pages_per_minute": round(state.done / duration * 60, 1) if duration > 0 else 0.0,
        },
    }
    path = out_dir / "results.json"
    write_results(
        path,
        head,
        (
            page_entry(r, depths.get(r.url), page_kind(r.url, r.title, r.structure, start))
            for r in iter_records(records_path)
        ),
        tail,
    )
    events.emit("run_finished", results={"score": overall, "path": str(path)})
    return path


def _check_failed(
    lc: LoadedCheck, exc: Exception, errors: list, events: EventBus, step: str
) -> None:
    message = f"{step} raised {type(exc).__name__}: {str(exc)[:300]}"
    lc.status, lc.reason = "error", message
    errors.append({"code": "CHECK_FAILED", "message": message, "check": lc.id, "url": None})
    events.emit("check_failed", check=lc.id, message=message)


def _gather_errors(records_path: Path) -> list[dict]:
    """One entry per check whose gatherer failed somewhere, with a count and an example."""
    counts: Counter[str] = Counter()
    example: dict[str, tuple[str, str]] = {}
    for r in iter_records(records_path):
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
