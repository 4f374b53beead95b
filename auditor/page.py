"""The unit of work: one URL in, one PageRecord out.

``audit_page`` is a plain async function of (target, browser tab, environment),
with no knowledge of the frontier or of other pages, so that page audits can later
be spread over many machines. It never raises for a page problem: whatever goes
wrong becomes a stable error code in the record, and every check's gatherer runs
in its own try, so one failing gatherer costs only its own data.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from .browser import (
    forget_outcome,
    quietly,
    reads_only,
    responsive,
    wait_for_load,
    watch_navigation,
)
from .config import Settings
from .consent import dismiss_consent
from .errors import PAGE_ERROR_CODES
from .frontier import CrawlTarget
from .model import Link, PageError, PageRecord, clip
from .plugins import Check
from .ratelimit import HostLimiter, parse_retry_after
from .safety import safe_data
from .skeleton import skeleton
from .structure import BREADCRUMB_SELECTOR, STRUCTURE_JS, clean_structure

__all__ = [
    "AWAIT_PAINT_JS",
    "METRICS_INIT_SCRIPT",
    "PageContext",
    "PageEnv",
    "audit_page",
    "classify_error",
    "hard_deadline_margin",
    "safe_record",
    "script_timeout",
    "visit_budget",
]

T = TypeVar("T")
MAX_GATHERED_BYTES = 2 * 1024 * 1024
MAX_RESPONSES = 3000
#: documents one visit may load in its tab (a page, a script's redirect or two)
MAX_DOCUMENTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")

#: Installed before any page script runs, so that no paint, shift or long task is missed.
METRICS_INIT_SCRIPT = """
(() => {
  if (window.__auditorMetrics) return;
  const m = { lcp: null, lcpElement: null, cls: 0, longTasks: [] };
  Object.defineProperty(window, '__auditorMetrics', { value: m, enumerable: false });
  const describe = (el) => {
    if (!el || !el.tagName) return null;
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList && el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
    return s.slice(0, 200);
  };
  const watch = (type, fn) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); }
    catch (e) {}
  };
  watch('largest-contentful-paint', (e) => { m.lcp = e.startTime; m.lcpElement = describe(e.element); });
  let win = 0, winStart = 0, last = 0;
  watch('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    if (win && e.startTime - last < 1000 && e.startTime - winStart < 5000) win += e.value;
    else { win = e.value; winStart = e.startTime; }
    last = e.startTime;
    if (win > m.cls) m.cls = win;
  });
  watch('longtask', (e) => { if (m.longTasks.length < 500) m.longTasks.push([e.startTime, e.duration]); });
})();
"""

_COLLECT_JS = """
([maxLinks, crumbs]) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const m = window.__auditorMetrics || {};
  let bytes = nav ? (nav.transferSize || 0) : 0;
  for (const r of performance.getEntriesByType('resource')) bytes += r.transferSize || 0;
  const fcpAt = fcp ? fcp.startTime : 0;
  let tbt = 0;
  // each task cut at the first paint, as Lighthouse does (auditor.measure.blocking_parts)
  for (const [start, dur] of (m.longTasks || [])) tbt += Math.max(0, start + dur - Math.max(start, fcpAt) - 50);
  const placeOf = (a) => {
    if (a.closest(crumbs)) return 'breadcrumb';
    if (a.closest('footer, [role="contentinfo"]')) return 'footer';
    if (a.closest('nav, [role="navigation"]')) return 'nav';
    if (a.closest('header, [role="banner"]')) return 'header';
    return 'body';
  };
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (links.length >= maxLinks) break;
    const img = a.querySelector && a.querySelector('img[alt]');
    const inner = (a.innerText || "").trim();
    const aria = a.getAttribute("aria-label");
    const text = ((aria && /^\\d*$/.test(inner) ? aria : inner) || aria || a.title || (img && img.alt) || "")
      .replace(/\\s+/g, ' ').trim().slice(0, 200);
    links.push([String(a.href).slice(0, 2000), text, placeOf(a)]);
  }
  return {
    title: document.title,
    links,
    metrics: {
      ttfb_ms: nav ? nav.responseStart : null,
      fcp_ms: fcp ? fcp.startTime : null,
      lcp_ms: m.lcp,
      lcp_element: m.lcpElement,
      cls: m.cls,
      tbt_ms: tbt,
      dcl_ms: nav && nav.domContentLoadedEventEnd ? nav.domContentLoadedEventEnd : null,
      load_ms: nav && nav.loadEventEnd ? nav.loadEventEnd : null,
      transfer_bytes: bytes,
    },
  };
}
"""

#: Resolves at the first contentful paint (or after a second): a small page can fire
#: its load event before the first frame is painted, and its paint metrics with it.
AWAIT_PAINT_JS = """
() => new Promise((resolve) => {
  if (performance.getEntriesByName('first-contentful-paint').length) return resolve(true);
  const timer = setTimeout(() => resolve(false), 1000);
  try {
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) {
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(true));
      }
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { clearTimeout(timer); resolve(false); }
})
"""

_NET_CODES = (
    ("ERR_NAME_NOT_RESOLVED", "DNS_FAILURE"),
    ("ERR_NAME_RESOLUTION_FAILED", "DNS_FAILURE"),
    ("ERR_CERT_", "TLS_ERROR"),
    ("ERR_SSL_", "TLS_ERROR"),
    ("ERR_BAD_SSL", "TLS_ERROR"),
    ("ERR_TOO_MANY_REDIRECTS", "REDIRECT_LOOP"),
    ("ERR_CONNECTION_", "CONNECTION_FAILED"),
    ("ERR_ADDRESS_UNREACHABLE", "CONNECTION_FAILED"),
    ("ERR_EMPTY_RESPONSE", "CONNECTION_FAILED"),
    ("ERR_INVALID_RESPONSE", "BAD_RESPONSE"),
    ("ERR_INVALID_HTTP_RESPONSE", "BAD_RESPONSE"),
    ("ERR_RESPONSE_HEADERS_", "BAD_RESPONSE"),
    ("ERR_CONTENT_DECODING_FAILED", "BAD_RESPONSE"),
    ("ERR_INVALID_CHUNKED_ENCODING", "BAD_RESPONSE"),
    ("ERR_CONTENT_LENGTH_MISMATCH", "BAD_RESPONSE"),
    ("ERR_UNSAFE_REDIRECT", "UNSAFE_REDIRECT"),
    ("ERR_INVALID_REDIRECT", "UNSAFE_REDIRECT"),
    ("ERR_INVALID_AUTH_CREDENTIALS", "AUTH_REQUIRED"),
    ("ERR_TIMED_OUT", "PAGE_HUNG"),
    ("Download is starting", "NOT_HTML"),
    ("Target crashed", "PAGE_CRASHED"),
    ("Page crashed", "PAGE_CRASHED"),
    ("page crashed", "PAGE_CRASHED"),
    ("has been closed", "BROWSER_CRASHED"),
    ("Browser closed", "BROWSER_CRASHED"),
)
#: Failures worth one more try: they may pass on their own. A page whose script spins
#: or whose renderer runs out of memory does the same again, so those are not retried.
RETRYABLE = frozenset({"PAGE_HUNG", "BROWSER_CRASHED", "CONNECTION_FAILED"})


def visit_budget(settings: Settings) -> float:
    """Seconds one page's whole visit may take, however many checks gather on it."""
    return max(settings.crawl.page_budget, settings.crawl.page_timeout + 5)


def hard_deadline_margin(settings: Settings) -> float:
    """Seconds past the visit budget after which the crawl ends a visit outright: a
    visit keeps to its budget but for one last question to the page (whether it is
    hung, up to three ``script_timeout``) and unloading it; beyond that something
    escaped the budget, and the page costs an error record rather than a worker."""
    return UNLOAD_SECONDS + 3 * script_timeout(settings) + 2.0


def script_timeout(settings: Settings) -> float:
    """Seconds a page's main thread may stay busy before it counts as hung."""
    return min(settings.crawl.script_timeout, settings.crawl.page_timeout)


class ScriptHung(Exception):
    """The page's main thread stopped answering (an endless loop, a frozen load)."""


class BudgetSpent(Exception):
    """The page's visit used up its budget before the step could run."""


@dataclass
class Visit:
    """One visit's clock and the page's pulse: every script the engine or a check runs
    in the page shares the visit's one deadline, and a page that stops answering is
    recognised within a few ``script_timeout`` seconds. ``step`` names what the visit
    is doing, so a visit that the crawl's hard deadline ends can say where it was."""

    page: Page
    deadline: float
    script_timeout: float
    step: str = "start"

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    async def evaluate(self, script: str, arg: Any = None) -> Any:
        """One of the engine's own (quick) scripts, within the budget and at most a few
        times ``script_timeout``; ScriptHung or BudgetSpent when it stalls."""
        return await self.within(
            self.page.evaluate(script, arg), max(10.0, 3 * self.script_timeout)
        )

    async def within(self, work: Awaitable[T], limit: float) -> T:
        """``work`` (something done in the page) within ``limit`` seconds and the budget.

        Work that has not answered after one ``script_timeout`` (the pulse) has the page
        asked, with twice that patience, whether it answers at all, and again after
        every further pulse: a page whose main thread spins is recognised about three
        pulses after it began to, whatever the work's limit, and slow work in a page
        that answers goes on to its limit. Work that reaches its limit has the page
        asked once more, so a visit ends within about one pulse of its deadline. No
        question is asked of work that answers within the first pulse: most does.
        """
        timeout, pulse = min(limit, self.remaining()), self.script_timeout
        if timeout <= 0:
            _discard(work)
            raise BudgetSpent()
        started = time.monotonic()
        task = asyncio.ensure_future(work)
        try:
            while True:
                rest = timeout - (time.monotonic() - started)
                done, _ = await asyncio.wait({task}, timeout=max(0.0, min(rest, pulse)))
                if done:
                    break
                if rest <= pulse:  # the limit: hung, or only out of time
                    if not await responsive(self.page, pulse, asks=1):
                        raise ScriptHung()
                    raise BudgetSpent()
                if not await responsive(self.page, 2 * pulse, asks=1):
                    raise ScriptHung()
            return task.result()
        finally:
            if not task.done():
                task.cancel()
            task.add_done_callback(forget_outcome)

    async def browser_side(self, work: Awaitable[T], limit: float = 5.0) -> T:
        """``work`` that the browser answers, not the page's script (a response's
        headers or body, a route): within ``limit`` and the budget, BudgetSpent after.
        Why: a response whose page closed or whose body never ends may never answer."""
        timeout = min(limit, max(0.1, self.remaining()))
        try:
            return await asyncio.wait_for(work, timeout=timeout)
        except TimeoutError:
            raise BudgetSpent() from None


def _discard(work: Awaitable) -> None:
    """Close a coroutine that will not be awaited (no 'never awaited' warning)."""
    close = getattr(work, "close", None)
    if close is not None:
        close()


def classify_error(message: str) -> PageError:
    """A stable code and one friendly line for a browser error message."""
    first = message.strip().splitlines()[0] if message.strip() else "unknown error"
    for needle, code in _NET_CODES:
        if needle in message:
            detail = first.split("Call log")[0].strip()
            return PageError(code, f"{PAGE_ERROR_CODES[code]} ({clip(detail, 200)})")
    return PageError(
        "NAVIGATION_FAILED", f"{PAGE_ERROR_CODES['NAVIGATION_FAILED']} ({clip(first, 200)})"
    )


@dataclass
class PageContext:
    """What a gatherer may know besides the page itself."""

    url: str
    final_url: str | None
    status: int | None
    template: str
    options: dict[str, Any]
    responses: list[dict]
    settings: Settings
    #: what the structure script saw (auditor.structure), so gatherers can pick pages
    structure: dict[str, Any] = field(default_factory=dict)
    #: the layout of the HTML the server sent (auditor.skeleton; "" where not told), so
    #: a gatherer can pick one page per structural template (checkkit.structural_template)
    layout: str = ""
    #: for a check with both a page script and a gather (``Check.gathers_after_script``),
    #: what its page script read on this page, handed to its gather
    scripted: Any = None


@dataclass
class PageEnv:
    """Everything ``audit_page`` needs besides the target and the browser tab."""

    settings: Settings
    limiter: HostLimiter
    gatherers: list[Check] = field(default_factory=list)
    #: whether a URL belongs to the audited site; a page that redirects elsewhere is
    #: recorded with its redirects but not audited (None: every site counts)
    same_site: Callable[[str], bool] | None = None
    #: seconds each check's gatherer spent, summed over pages and tabs (what a check
    #: costs; ``stats.stage_detail`` in results.json)
    gather_seconds: dict[str, float] = field(default_factory=dict)


async def _redirect_chain(response) -> list[dict]:
    chain = []
    request = response.request.redirected_from
    while request is not None and len(chain) < 30:
        earlier = await request.response()
        chain.append({"url": request.url, "status": earlier.status if earlier else None})
        request = request.redirected_from
    chain.reverse()
    return chain


async def _navigate(visit: Visit, target: CrawlTarget, env: PageEnv, record: PageRecord):
    """Load the page, honouring 429/503 back-off within the visit's budget; returns the
    main response or None. A page that freezes while loading is SCRIPT_HUNG."""
    page = visit.page
    host = urlsplit(target.url).netloc
    timeout_s = env.settings.crawl.page_timeout
    response = None
    for attempt in range(3):
        if attempt:  # the first request's slot was taken before the visit's clock started
            await env.limiter.acquire(host)
        started = time.monotonic()
        visit.step = "load" if not attempt else f"load (try {attempt + 1} after 429/503)"
        try:
            response = await page.goto(
                target.url,
                wait_until="commit",
                timeout=max(0.1, min(timeout_s, visit.remaining())) * 1000,
            )
        except PlaywrightTimeout:
            record.error = PageError("PAGE_HUNG", PAGE_ERROR_CODES["PAGE_HUNG"])
            return None
        if response is None:
            record.error = PageError("NAVIGATION_FAILED", "the browser loaded no document")
            return None
        if response.status in (429, 503):
            retry_after = await visit.browser_side(response.header_value("retry-after"))
            wait = env.limiter.back_off(host, parse_retry_after(retry_after))
            if wait + timeout_s <= visit.remaining():
                continue
            break
        env.limiter.answered(host)
        remaining = max(0.1, min(timeout_s - (time.monotonic() - started), visit.remaining()))
        outcome = await wait_for_load(page, remaining, visit.script_timeout)
        if outcome == "hung":
            record.error = PageError("SCRIPT_HUNG", PAGE_ERROR_CODES["SCRIPT_HUNG"])
        elif outcome == "timeout":
            record.metrics["load_timed_out"] = True
            # an image or script that never comes still leaves a page to audit; HTML
            # that never finished arriving (a server that stalls or trickles) does not
            if await _still_loading(visit):
                record.error = PageError(
                    "PAGE_HUNG", "the page's HTML did not finish arriving within the page timeout"
                )
        return response
    record.error = PageError("RATE_LIMITED", PAGE_ERROR_CODES["RATE_LIMITED"])
    return response


async def _still_loading(visit: Visit) -> bool:
    """Whether the page's HTML is still arriving. A page that is sending itself
    elsewhere (a reload on every load) has no document to ask just now: not a stalled
    page, and the visit follows it where it goes (a loop ends as NAVIGATION_LOOP)."""
    try:
        return await visit.evaluate("document.readyState") == "loading"
    except PlaywrightError as exc:
        if "context was destroyed" not in str(exc):
            raise
        return False


async def _run_gatherer(check: Check, visit: Visit, ctx: PageContext) -> tuple[Any, str | None]:
    """One check's gatherer within its own timeout and the visit's budget. ScriptHung
    passes through (the page is lost for every later gatherer too)."""
    limit = min(check.gather_timeout, visit.remaining())
    try:
        data = await visit.within(check.gather(visit.page, ctx), check.gather_timeout)
    except ScriptHung:
        raise
    except BudgetSpent:
        if limit < check.gather_timeout:
            return None, "skipped: the page's visit had used up its budget (crawl.page_budget)"
        return None, f"the gatherer took longer than {check.gather_timeout:g} s"
    except Exception as exc:  # a gatherer's bug must cost only its own data
        return None, f"{type(exc).__name__}: {clip(str(exc), 300)}"
    return _sized(data)


def _sized(data: Any) -> tuple[Any, str | None]:
    """``data`` where it is JSON and small enough to keep, else an error in its place."""
    try:
        size = len(json.dumps(data))
    except (TypeError, ValueError) as exc:
        return None, f"the gatherer returned data that is not JSON ({exc})"
    if size > MAX_GATHERED_BYTES:
        return None, f"the gatherer returned {size} bytes (limit {MAX_GATHERED_BYTES})"
    return data, None


#: Runs the page scripts of several checks in one round trip (``_read_together``): each
#: is called in its own try (a throw costs only its own result) and raced against its own
#: limit; an async one (a watch) runs while the others read. Each result comes back
#: with the milliseconds it took, so each check's share of the trip can be counted.
_TOGETHER_JS = """
async ([args, limits]) => {
  const now = () => performance.now();
  const failed = (e) => String(e && e.name ? e.name + ': ' + e.message : e).slice(0, 300);
  let launched = Infinity;  // when the last script was called: the others' turns end there
  const one = (fn, arg, limit) => {
    const t0 = now();
    let out;
    try { out = fn(arg); } catch (e) { return { error: failed(e), ms: now() - t0 }; }
    const own = now() - t0;
    if (!out || typeof out.then !== 'function') return { value: out, ms: own };
    // an async script's time: its own turn, and what it waited after every script's turn
    const ms = () => own + Math.max(0, now() - Math.max(t0 + own, launched));
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ error: 'timeout', ms: ms() }), limit);
    });
    return Promise.race([
      out.then((value) => ({ value, ms: ms() }), (e) => ({ error: failed(e), ms: ms() })),
      late,
    ]).finally(() => clearTimeout(timer));
  };
  const scripts = [SCRIPTS];
  const runs = scripts.map((fn, i) => one(fn, args[i], limits[i]));
  launched = now();
  return await Promise.all(runs);
}
"""


@dataclass
class _Planned:
    """One distinct page script of a round trip, and the checks that asked for it."""

    script: str
    arg: Any
    limit: float
    checks: list[tuple[Check, Any]] = field(default_factory=list)  # (check, read)


def _together_js(scripts: list[str]) -> str:
    """The round trip's script: each check's function expression in its own parentheses
    (on lines of their own, so a closing line comment cannot swallow them)."""
    return _TOGETHER_JS.replace("SCRIPTS", ",".join(f"(\n{s}\n)" for s in scripts))


async def _read_together(
    checks: list[Check], visit: Visit, ctx: PageContext, record: PageRecord, env: PageEnv
) -> None:
    """The page scripts (``Check.page_script``) of ``checks`` in one round trip into the
    page, each check's result read, cut to size and recorded as its gatherer's data.

    Identical scripts with identical arguments (the forms checks' one DOM walk) run
    once. A script that throws or times out costs only its own checks' data; a trip
    that fails as a whole (a script the browser cannot parse) is run again one script
    at a time, so a broken script still costs only its own. ScriptHung passes through."""
    began = time.monotonic()
    plans: dict[tuple[str, str], _Planned] = {}
    for check in checks:
        env.gather_seconds.setdefault(check.id, 0.0)
        ctx.options = check.options
        try:
            planned = check.page_script(ctx)
        except Exception as exc:  # a gatherer's bug must cost only its own data
            record.gather_errors[check.id] = f"{type(exc).__name__}: {clip(str(exc), 300)}"
            continue
        if planned is None:
            record.gathered[check.id] = None
            continue
        key = (planned.script, json.dumps(planned.arg, sort_keys=True, default=str))
        plan = plans.setdefault(key, _Planned(planned.script, planned.arg, check.gather_timeout))
        plan.limit = max(plan.limit, check.gather_timeout)
        plan.checks.append((check, planned.read))
    results = await _run_planned(list(plans.values()), visit) if plans else []
    spent = time.monotonic() - began
    total_ms = sum(max(0.0, r.get("ms") or 0.0) for r in results)
    for plan, result in zip(plans.values(), results, strict=True):
        own = (max(0.0, result.get("ms") or 0.0) / total_ms) if total_ms else 1 / len(plans)
        for check, read in plan.checks:
            began_read = time.monotonic()
            data, error = _result_of(check, read, result)
            share = spent * own / len(plan.checks) + time.monotonic() - began_read
            env.gather_seconds[check.id] = env.gather_seconds.get(check.id, 0.0) + share
            if error:
                record.gather_errors[check.id] = error
            else:
                record.gathered[check.id] = data


def _result_of(
    check: Check, read: Callable[[Any], Any] | None, result: dict
) -> tuple[Any, str | None]:
    """One check's data (or error) from its script's result in the round trip."""
    if "error" in result:
        error = result["error"]
        if error == "timeout":
            return None, f"the gatherer took longer than {check.gather_timeout:g} s"
        return None, clip(str(error), 300)
    try:
        data = read(result.get("value")) if read is not None else result.get("value")
    except Exception as exc:  # a gatherer's bug must cost only its own data
        return None, f"{type(exc).__name__}: {clip(str(exc), 300)}"
    return _sized(data)


async def _run_planned(plans: list[_Planned], visit: Visit) -> list[dict]:
    """Each plan's ``{"value" | "error", "ms"}``: all in one trip, or one by one where
    the trip fails as a whole."""
    limit = max(p.limit for p in plans)
    args = [[p.arg for p in plans], [round(p.limit * 1000) for p in plans]]
    try:
        return await _trip(visit, [p.script for p in plans], args, limit)
    except BudgetSpent:
        return [{"error": _budget_error(visit, p.limit), "ms": 0.0} for p in plans]
    except PlaywrightError as exc:
        if len(plans) == 1 or _page_gone(exc):
            raise
    results = []
    for plan in plans:  # a script the browser cannot parse (or a result it cannot send)
        try:
            (result,) = await _trip(visit, [plan.script], [[plan.arg], args[1][:1]], plan.limit)
        except BudgetSpent:
            result = {"error": _budget_error(visit, plan.limit), "ms": 0.0}
        except PlaywrightError as exc:
            if _page_gone(exc):
                raise
            result = {"error": f"{type(exc).__name__}: {clip(str(exc), 300)}", "ms": 0.0}
        results.append(result)
    return results


async def _trip(visit: Visit, scripts: list[str], args: list, limit: float) -> list[dict]:
    results = await visit.within(visit.page.evaluate(_together_js(scripts), args), limit)
    if not isinstance(results, list) or len(results) != len(scripts):
        raise PlaywrightError("the page scripts' round trip returned no list")
    return [r if isinstance(r, dict) else {"error": "no result", "ms": 0.0} for r in results]


def _budget_error(visit: Visit, own: float) -> str:
    if visit.remaining() <= 0.5:
        return "skipped: the page's visit had used up its budget (crawl.page_budget)"
    return f"the gatherer took longer than {own:g} s"


def _page_gone(exc: PlaywrightError) -> bool:
    """Errors that are about the page, not a script: every other script would fail too
    (and a navigation is followed by ``_collect_settled``)."""
    text = str(exc)
    return any(n in text for n in ("context was destroyed", "closed", "crashed"))


async def audit_page(
    target: CrawlTarget,
    page: Page,
    env: PageEnv,
    deadline: float | None = None,
    slot_taken: bool = False,
    screen: Callable[[Visit, int | None], Awaitable[dict]] | None = None,
    after_gather: Callable[[Visit, PageRecord], Awaitable[None]] | None = None,
    on_visit: Callable[[Visit], None] | None = None,
) -> PageRecord:
    """Visit ``target`` in ``page`` (a tab the caller owns and reuses) and record it.

    The tab is reused because opening one costs more than loading a small page; the
    caller replaces it (and its context) after a failure that may have spoilt it.
    ``deadline`` (monotonic seconds) ends the whole visit; by default the visit budget
    from the moment the host's rate limit lets the first request go (the caller may
    have waited for that slot already: ``slot_taken``). Waiting for politeness is not
    the page's fault, so it does not count against its budget. Everything the page
    returns is made safe (auditor.safety) before it is kept. ``screen`` (the crawl's,
    where a check asked for timings) reads the load's figures into ``record.timing``
    once the page is quiet, before anything clicks or presses a key in it.
    ``after_gather`` (the crawl's) may still act on the page once every gatherer has
    read it, before the page is unloaded (the screened page's click figure).
    ``on_visit`` is handed the visit once it starts (the crawl's hard deadline names
    the visit's step when it has to end one).
    """
    record = PageRecord(url=target.url, template=target.template, discovered_depth=target.depth)
    if not slot_taken:
        await env.limiter.acquire(urlsplit(target.url).netloc)
    started = time.monotonic()
    visit = Visit(
        page,
        deadline if deadline is not None else started + visit_budget(env.settings),
        script_timeout(env.settings),
    )
    if on_visit is not None:
        on_visit(visit)
    responses: list[dict] = []
    documents: list = []  # main-frame document responses, for navigations that end in a file
    closing: list = []  # the task closing a tab whose page loads itself in a loop

    def on_response(resp) -> None:
        if resp.request.resource_type == "document" and resp.frame == page.main_frame:
            documents.append(resp)
            if _loads_itself_in_a_loop(documents) and not closing:
                # a page that reloads or refreshes itself for ever would go on sending
                # requests: closing its context stops it at once (the crawl opens a new
                # one), whatever requests or routes it has in flight
                closing.append(asyncio.ensure_future(quietly(page.context.close())))
        if len(responses) < MAX_RESPONSES:
            responses.append(
                {"url": resp.url, "status": resp.status, "type": resp.request.resource_type}
            )

    def on_failed(req) -> None:
        if len(responses) < MAX_RESPONSES:
            failure = req.failure or "failed"
            responses.append(
                {
                    "url": req.url,
                    "status": None,
                    "type": req.resource_type,
                    "failure": clip(failure, 200),
                }
            )

    watch_navigation(page)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    try:
        response = await _navigate(visit, target, env, record)
        if response is not None:
            record.status = response.status
            record.final_url = page.url if page.url != "about:blank" else response.url
            visit.step = "response headers"
            record.redirects = await visit.browser_side(_redirect_chain(response))
            ctype = await visit.browser_side(response.header_value("content-type")) or ""
            ctype = ctype.split(";")[0].strip()
            record.content_type = ctype.lower() or None
            if env.same_site is not None and not env.same_site(record.final_url):
                record.error = PageError("OFFSITE_REDIRECT", PAGE_ERROR_CODES["OFFSITE_REDIRECT"])
        if record.error is None and response is not None and record.content_type in HTML_TYPES:
            record.layout = await _layout(response, visit)
            if screen is not None and record.metrics.get("load_timed_out") is None:
                visit.step = "screening the load's figures"
                record.timing = await _screened(screen, visit, record.status) or {}
            # from here the engine and the checks click (the cookie banner) and press
            # keys (menus): real input, which a page may answer by posting an order
            visit.step = "routing to reads only"
            # the browser answers a route, not the page's script; a page that reloads
            # itself keeps it busy for a while, so it has a load's patience
            await visit.within(page.route("**/*", reads_only), env.settings.crawl.page_timeout)
            await _collect_settled(visit, target, env, record, responses, documents)
            if after_gather is not None:
                visit.step = "after the gatherers"
                await after_gather(visit, record)
            # the page must not live on in the tab once it has had input (its timers
            # could still act on it): unloaded while the rule holds. After a failure
            # the crawl closes the whole tab instead.
            visit.step = "unloading the page"
            await quietly(asyncio.wait_for(_unload(page), timeout=UNLOAD_SECONDS))
    except ScriptHung:
        record.error = PageError("SCRIPT_HUNG", PAGE_ERROR_CODES["SCRIPT_HUNG"])
    except BudgetSpent:
        where = f"{PAGE_ERROR_CODES['PAGE_BUDGET']} (it was at: {visit.step})"
        record.error = PageError("PAGE_BUDGET", where)
    except PlaywrightError as exc:
        record.error = classify_error(str(exc))
        _file_instead_of_page(record, documents)
    finally:
        if _loads_itself_in_a_loop(documents) or _budget_spent_reloading(record, documents):
            record.error = PageError("NAVIGATION_LOOP", PAGE_ERROR_CODES["NAVIGATION_LOOP"])
        record.duration_ms = round((time.monotonic() - started) * 1000, 1)
        page.remove_listener("response", on_response)
        page.remove_listener("requestfailed", on_failed)
    return safe_record(record)


#: a document larger than this is not read for its layout (the link map reads 2 MB)
_LAYOUT_MAX_BYTES = 8 * 1024 * 1024


async def _layout(response, visit: Visit) -> str:
    """The layout (auditor.skeleton) of the HTML the server sent, read as the link map
    reads it, so a page has one layout whichever way it was read; ``""`` where the
    body is too big or gone. Never an error: the layout is a grouping aid."""
    visit.step = "reading the HTML's layout"
    try:
        length = int(await visit.browser_side(response.header_value("content-length")) or 0)
    except (ValueError, PlaywrightError, BudgetSpent):
        length = 0
    if length > _LAYOUT_MAX_BYTES:
        return ""
    try:
        timeout = max(0.5, min(5.0, visit.remaining()))
        body = await asyncio.wait_for(response.body(), timeout=timeout)
        ctype = await visit.browser_side(response.header_value("content-type"))
    except (PlaywrightError, TimeoutError, BudgetSpent):
        return ""
    return skeleton(body[: 2 * 1024 * 1024], ctype)


#: seconds to unload a page after its visit; the crawl's hard deadline allows for it
UNLOAD_SECONDS = 5.0


async def _unload(page: Page) -> None:
    """Leave the page (its timers must not act on it after its input) and lift the
    reads-only rule that guarded that input."""
    await page.goto("about:blank")
    await page.unroute("**/*", reads_only)


def _loads_itself_in_a_loop(documents: list) -> bool:
    """More documents than a visit needs: the page keeps reloading, refreshing or
    sending itself elsewhere (redirect hops do not count; Chromium ends those at 20)."""
    return _own_documents(documents) > MAX_DOCUMENTS


def _budget_spent_reloading(record: PageRecord, documents: list) -> bool:
    """A visit that ran out of time while its page had loaded itself again and again:
    a loop that the load of a busy machine made too slow to reach MAX_DOCUMENTS, which
    is the same fault, not a slow page (whose time went into one document)."""
    if record.error is None or record.error.code != "PAGE_BUDGET":
        return False
    return _own_documents(documents) >= 3


def _own_documents(documents: list) -> int:
    """The documents the page loaded, its redirect hops aside."""
    return sum(1 for r in documents if not 300 <= r.status < 400)


def _file_instead_of_page(record: PageRecord, documents: list) -> None:
    """A link that turns out to be a file (a PDF without .pdf) aborts the navigation
    in Chromium; that is a file with a status, not a failed page."""
    if not documents or record.error is None:
        return
    if record.error.code not in ("NOT_HTML", "NAVIGATION_FAILED"):
        return
    last = documents[-1]
    ctype = (last.headers.get("content-type") or "").split(";")[0].strip().lower()
    if ctype and ctype not in HTML_TYPES:
        record.status, record.final_url, record.content_type = last.status, last.url, ctype
        record.error = None


async def _screened(
    screen: Callable[[Visit, int | None], Awaitable[dict]], visit: Visit, status: int | None
) -> dict | None:
    """The load's figures, or None where the page sent itself elsewhere while they were
    read (a meta refresh, a script) or stopped answering: no figures of one load to
    keep, and the timing lane times the page alone. The visit goes on where the page
    went; a page that really hangs is recognised by the reading that follows."""
    began = time.monotonic()
    try:
        return await screen(visit, status)
    except ScriptHung:
        # a page that sent itself elsewhere meanwhile is read where it went; one that
        # did not is hung, and asking again would cost the wait once more
        watch = watch_navigation(visit.page)
        if not watch.navigated_since(began + 0.001):
            raise
        return None
    except PlaywrightError as exc:
        if "context was destroyed" not in str(exc):
            raise
        return None


async def _collect_settled(
    visit: Visit,
    target: CrawlTarget,
    env: PageEnv,
    record: PageRecord,
    responses: list[dict],
    documents: list,
) -> None:
    """``_collect`` on the document the page ends on: a page that sends itself elsewhere
    by script or meta refresh while it is read is read again there, until it loads
    itself too often (NAVIGATION_LOOP)."""
    while True:
        try:
            await _collect(visit, target, env, record, responses)
            return
        except PlaywrightError as exc:
            if "context was destroyed" not in str(exc) or _loads_itself_in_a_loop(documents):
                raise
        if visit.remaining() <= 0:
            raise BudgetSpent()
        visit.step = "following the page where it sent itself"
        outcome = await wait_for_load(
            visit.page,
            max(0.1, min(env.settings.crawl.page_timeout, visit.remaining())),
            visit.script_timeout,
        )
        if outcome == "hung":
            raise ScriptHung()
        record.final_url = visit.page.url


async def _collect(
    visit: Visit, target: CrawlTarget, env: PageEnv, record: PageRecord, responses: list[dict]
) -> None:
    s = env.settings
    page = visit.page
    if s.consent.action != "none":
        visit.step = "the cookie banner"
        clicked = await visit.within(
            dismiss_consent(page, s.consent.action, s.consent.selectors), s.crawl.page_timeout
        )
        if clicked:
            record.metrics["consent"] = clicked
            with contextlib.suppress(PlaywrightTimeout):
                await page.wait_for_load_state(
                    "load", timeout=max(0.1, min(5.0, visit.remaining())) * 1000
                )
    visit.step = "reading links and structure"
    await visit.evaluate(AWAIT_PAINT_JS)
    facts = await visit.evaluate(_COLLECT_JS, [s.crawl.max_links_per_page, BREADCRUMB_SELECTOR])
    record.title = clip(facts.get("title") or "", 300) or None
    record.links = [
        Link(url=href, text=text, place=place) for href, text, place in facts.get("links", [])
    ]
    metrics = {k: v for k, v in (facts.get("metrics") or {}).items() if v is not None}
    for key, value in list(metrics.items()):
        if isinstance(value, float):
            metrics[key] = round(value, 4 if key == "cls" else 1)
    record.metrics.update(metrics)
    record.metrics["requests"] = len(responses)
    try:
        record.structure = clean_structure(await visit.evaluate(STRUCTURE_JS))
    except PlaywrightError:  # a hostile page may break the script; the visit goes on
        record.structure = {}
    main = record.final_url
    record.failed_resources = [
        r
        for r in responses
        if r["url"] != main
        and (r["status"] is None or r["status"] >= 400)
        and r["url"].startswith(("http://", "https://"))
    ][:200]
    ctx = PageContext(
        url=record.url,
        final_url=record.final_url,
        status=record.status,
        template=target.template,
        options={},
        responses=responses,
        settings=s,
        structure=record.structure,
        layout=record.layout or "",
    )
    # the gatherers that only read the DOM first, in one round trip: they see the page
    # as the crawl left it, before any other gatherer scrolls or presses a key in it
    readers = [c for c in env.gatherers if c.has_page_script()]
    if readers:
        visit.step = f"the page scripts of {len(readers)} checks"
        await _read_together(readers, visit, ctx, record, env)
    for check in env.gatherers:
        if check.has_page_script() and not check.gathers_after_script:
            continue
        ctx.options = check.options
        ctx.scripted = record.gathered.get(check.id)
        began = time.monotonic()
        visit.step = f"gatherer {check.id}"
        try:
            data, error = await _run_gatherer(check, visit, ctx)
        finally:  # a gatherer that found the page hung spent its time too
            spent = env.gather_seconds.get(check.id, 0.0) + time.monotonic() - began
            env.gather_seconds[check.id] = spent
        if error:  # what its page script read stays
            record.gather_errors[check.id] = error
        else:
            record.gathered[check.id] = data


def safe_record(record: PageRecord) -> PageRecord:
    """The record with every string made safe (auditor.safety): the one place where
    what a page handed over enters the engine."""
    return PageRecord.from_dict(safe_data(record.to_dict()))
