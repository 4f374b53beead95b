"""The measurement lane: timing loads of a page, alone, in a cold browser context.

Why a lane: page loads that run in parallel compete for the CPU and the network, so
their timings say more about the audit than about the shop (the most common complaint
about lab tools run in parallel). The crawl goes on with all its workers, but a timing
load waits until no crawl visit is in flight, and no visit starts while it runs.

Why its own load: the crawl's tab has a warm cache, a dismissed cookie banner and the
navigation checks' keyboard and scroll probes; a timing load is a first visit in a new
context (cold cache), watched from before the first byte until the page is quiet, and
repeated where the settings ask for it so that the median can be reported.

The ``mobile`` profile is throttled through the DevTools protocol like Lighthouse's
mobile preset: CPU 4x slower, about 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
Everything here gathers plain data; what is good or bad is judged in checks/performance.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

from .browser import BrowserSession, keep_to_one_tab, reads_only, wait_for_load, watch_navigation
from .config import Settings
from .errors import PAGE_ERROR_CODES
from .model import clip
from .page import ScriptHung, script_timeout, visit_budget
from .ratelimit import HostLimiter
from .results import METRIC_KEYS

__all__ = [
    "MEASURE_INIT_SCRIPT",
    "TIMED_METRICS",
    "LoadLane",
    "Measurer",
    "TabNetwork",
    "blocking_figures",
    "blocking_parts",
    "decided_by_one",
    "interactive_at",
    "median_run",
    "near_a_limit",
    "on_a_band_edge",
    "wait_until_quiet",
]

#: the figures a timing load reports, and whose median across loads is the page's figure:
#: the page metrics of results.json but the count of loads itself
TIMED_METRICS = tuple(key for key in METRIC_KEYS if key != "timed_loads")
MAX_ITEMS = 40
#: Lighthouse's TBT: the part of a long task beyond 50 ms keeps input waiting
BLOCKING_THRESHOLD_MS = 50.0
#: Lighthouse's TTI: the quiet window that ends the blocking (no long task, at most two
#: requests in flight)
QUIET_WINDOW_MS = 5000.0
MAX_BUSY_REQUESTS = 2
#: a load quiet for this long, with nothing scheduled before its quiet window
#: (``quiet_ms``) would end, is over without waiting out the window (wait_until_quiet)
EARLY_QUIET_S = 0.3
#: web.dev's "good" limits of the banded figures: a page whose crawl visit stays well
#: within each (SCREEN_MARGIN of it) keeps the figures of that visit; any other is timed
#: alone. The crawl's figures run beside other visits, so they err on the slow side: a
#: page they call fast is fast alone too, and one near a limit is timed alone.
SCREEN_LIMITS = {
    "lcp_ms": 2500.0,
    "fcp_ms": 1800.0,
    "ttfb_ms": 800.0,
    "tbt_ms": 200.0,
    "cls": 0.1,
    "inp_ms": 200.0,
}
SCREEN_MARGIN = 0.5
#: web.dev's "poor" limits of the same figures
POOR_LIMITS = {
    "lcp_ms": 4000.0,
    "fcp_ms": 3000.0,
    "ttfb_ms": 1800.0,
    "tbt_ms": 600.0,
    "cls": 0.25,
    "inp_ms": 500.0,
}
#: figures a page may lack without being timed alone for it: no contentful paint of its
#: own (a timing load sees none either), nothing safe to click
OPTIONAL_FIGURES = ("lcp_ms", "inp_ms")
#: a timed figure this close to a band limit (either side, as a share of the limit) is
#: one that a single load could put in the wrong band: it gets the median of more loads
AMBIGUOUS = 0.15
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/x-javascript",
    "application/ld+json",
)


class LoadLane:
    """A readers-writer lock: crawl visits share the browser, a timing load has it alone.

    A timing load first lets the crawl go on for ``grace`` seconds: the other workers
    finish their visits and either queue a timing load of their own or go on to the
    next page; once no visit is in flight, every queued load runs, one after another,
    before a new visit starts. One pause of the crawl then serves several loads, where
    making way for each load at once would pause it (every worker idle while the last
    visits end) once per load. After the grace, writers go first: no new visit
    starts, so the lane cannot starve behind a busy crawl.
    """

    def __init__(self, grace: float = 0.0) -> None:
        self._cond = asyncio.Condition()
        self._visits = 0
        self._timing = False
        #: timing loads past their grace (no new visit starts while one waits)
        self._waiting = 0
        #: timing loads queued in all, and whether the crawl has paused for them
        self._queued = 0
        self._paused = False
        self.grace = grace

    def _visits_may_start(self) -> bool:
        return not self._timing and not self._waiting and not self._paused

    @contextlib.asynccontextmanager
    async def visit(self) -> AsyncIterator[None]:
        async with self._cond:
            await self._cond.wait_for(self._visits_may_start)
            self._visits += 1
        try:
            yield
        finally:
            async with self._cond:
                self._visits -= 1
                if not self._visits and self._queued:
                    self._paused = True  # the queued loads go first
                self._cond.notify_all()

    @contextlib.asynccontextmanager
    async def alone(self, max_wait: float | None = None) -> AsyncIterator[int]:
        """The browser for a timing load alone; yields how many crawl visits still run.

        ``max_wait`` bounds the wait for running visits once the grace is over: a
        visit that hangs on a server that never answers must not hold the lane (and
        with it every other worker) until its deadline. Such a visit waits on the
        network, not the CPU; the count of visits still running goes into the timing
        record for honesty.
        """
        async with self._cond:
            self._queued += 1
            try:
                if not self._visits:
                    self._paused = True
                if not (self._paused and not self._timing) and self.grace > 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(
                            self._cond.wait_for(lambda: self._paused and not self._timing),
                            timeout=self.grace,
                        )
                if not (self._paused and not self._timing):
                    await self._writer_first(max_wait)
            except BaseException:
                self._left_queue()
                raise
            self._timing = True
            beside = self._visits
        try:
            yield beside
        finally:
            async with self._cond:
                self._timing = False
                self._left_queue()

    async def _writer_first(self, max_wait: float | None) -> None:
        """Wait (holding the condition) until no visit runs, keeping new ones out;
        after ``max_wait``, until no other timing load runs."""
        self._waiting += 1
        try:
            try:
                await asyncio.wait_for(
                    self._cond.wait_for(lambda: not self._timing and not self._visits),
                    timeout=max_wait,
                )
            except TimeoutError:
                await self._cond.wait_for(lambda: not self._timing)
        finally:
            self._waiting -= 1

    def _left_queue(self) -> None:
        self._queued -= 1
        if not self._queued:
            self._paused = False
        self._cond.notify_all()

    @property
    def busy_visits(self) -> int:
        return self._visits


#: Installed before any page script: paints, shifts (with the elements that moved),
#: long tasks and long animation frames (with the scripts behind them), input events,
#: and the time of the last such activity, for the "page is quiet" wait.
MEASURE_INIT_SCRIPT = """
(() => {
  if (window.__auditorMeasure) return;
  const m = { lcp: null, cls: 0, clsShifts: [], longTasks: [], frames: [], events: [], last: 0 };
  Object.defineProperty(window, '__auditorMeasure', { value: m, enumerable: false });
  const describe = (el) => {
    if (!el || !el.tagName) return null;
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList && el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
    const text = (el.innerText || el.alt || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
    return text ? s.slice(0, 160) + ' "' + text + '"' : s.slice(0, 200);
  };
  const rect = (r) => r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : null;
  const observers = [];
  const watch = (type, fn, extra) => {
    const take = (entries) => entries.forEach((e) => { m.last = performance.now(); fn(e); });
    try {
      const o = new PerformanceObserver((l) => take(l.getEntries()));
      o.observe(Object.assign({ type, buffered: true }, extra || {}));
      observers.push([o, take]);
    } catch (e) {}
  };
  // entries the browser has recorded but not yet handed to the observers (a long task
  // that just ended): taken now, so that a reading never misses them
  m.flush = () => observers.forEach(([o, take]) => { try { take(o.takeRecords()); } catch (e) {} });
  watch('largest-contentful-paint', (e) => {
    m.lcp = { time: e.startTime, element: describe(e.element), url: (e.url || '').slice(0, 2000),
              size: e.size, load: e.loadTime || 0, render: e.renderTime || 0 };
  });
  let win = 0, winStart = 0, last = 0, shifts = [];
  watch('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    const one = [Math.round(e.startTime), e.value,
      (e.sources || []).slice(0, 5).map((s) => [describe(s.node), rect(s.previousRect), rect(s.currentRect)])];
    if (win && e.startTime - last < 1000 && e.startTime - winStart < 5000) { win += e.value; shifts.push(one); }
    else { win = e.value; winStart = e.startTime; shifts = [one]; }
    last = e.startTime;
    if (win > m.cls) { m.cls = win; m.clsShifts = shifts.slice(0, 10); }
  });
  // a long task's attribution names a frame only where one is to blame (an iframe)
  const culprit = (e) => {
    const a = (e.attribution || [])[0];
    const where = a ? (a.containerSrc || a.containerName || a.containerId || '') : '';
    return e.name && e.name !== 'self' && e.name !== 'unknown' ? (e.name + ' ' + where).trim().slice(0, 300) : where.slice(0, 300);
  };
  watch('longtask', (e) => { if (m.longTasks.length < 300) m.longTasks.push([e.startTime, e.duration, culprit(e)]); });
  watch('long-animation-frame', (e) => {
    if (m.frames.length >= 100) return;
    m.frames.push([e.startTime, e.duration, e.blockingDuration || 0,
      (e.scripts || []).slice(0, 5).map((s) => [(s.sourceURL || '').slice(0, 500), (s.invoker || '').slice(0, 200),
        s.duration, s.startTime, (s.sourceFunctionName || '').slice(0, 100)])]);
  });
  watch('resource', () => {});
  const onEvent = (e) => { if (m.events.length < 100) m.events.push([e.name, e.duration, e.interactionId || 0]); };
  watch('event', onEvent, { durationThreshold: 16 });
  watch('first-input', onEvent);
  // what the page has scheduled (timers with the time they are due, animation frames,
  // idle callbacks): a load with nothing due before its quiet window would end is over
  // without waiting out the window (auditor.measure.wait_until_quiet). Only the calls
  // are watched, through proxies of the page's own functions (same name, same answers,
  // the same native text); the callbacks are the page's own, so that a long task still
  // names the script that ran in it.
  const due = new Map(), repeats = new Map();
  const MAX_SCHEDULED = 500;
  let overflow = false, frameAsked = -1, idleAsked = -1e9;
  m.frame = window.requestAnimationFrame.bind(window);
  m.timer = window.setTimeout.bind(window);
  const note = (map, id, value, since) => {
    if (map.size >= MAX_SCHEDULED) for (const [k, v] of due) if (v < since) due.delete(k);
    if (map.size < MAX_SCHEDULED) map.set(id, value); else overflow = true;
  };
  const wrap = (name, apply) => {
    try { if (typeof window[name] === 'function') window[name] = new Proxy(window[name], { apply }); }
    catch (e) {}
  };
  wrap('setTimeout', (f, self, args) => {
    const id = Reflect.apply(f, self, args), now = performance.now();
    note(due, id, now + Math.max(0, Number(args[1]) || 0), now);
    return id;
  });
  wrap('setInterval', (f, self, args) => {
    const id = Reflect.apply(f, self, args), now = performance.now();
    note(repeats, id, [now, Math.max(4, Number(args[1]) || 0)], now);
    return id;
  });
  for (const name of ['clearTimeout', 'clearInterval'])
    wrap(name, (f, self, args) => { due.delete(args[0]); repeats.delete(args[0]); return Reflect.apply(f, self, args); });
  wrap('requestAnimationFrame', (f, self, args) => { frameAsked = performance.now(); return Reflect.apply(f, self, args); });
  wrap('requestIdleCallback', (f, self, args) => { idleAsked = performance.now(); return Reflect.apply(f, self, args); });
  // ms until the next thing the page has scheduled, asked by a reading that began at
  // ``since`` and has waited two frames: a timer due before ``since`` has had its
  // turn, one due later is still to come; a frame the page asked for since then, an
  // idle callback asked for within the last second or a running animation is 0; 1e9
  // for nothing at all
  m.next = (since) => {
    const now = performance.now();
    if (overflow || frameAsked >= since || now - idleAsked < 1000) return 0;
    try {
      for (const a of document.getAnimations()) if (a.playState === 'running' || a.playState === 'pending') return 0;
    } catch (e) {}
    let next = 1e9;
    for (const [id, at] of due) {
      if (at < since) due.delete(id);
      else next = Math.min(next, at - now);
    }
    for (const [start, every] of repeats.values())
      next = Math.min(next, start + Math.max(1, Math.ceil((since - start) / every)) * every - now);
    return Math.max(0, next);
  };
})();
"""

#: [ms since the page's last paint, shift, long task, resource or input entry; ms until
#: the next thing it has scheduled], read after the next frame (or 100 ms) so that what
#: the page has drawn has been recorded
_QUIET_JS = """
() => new Promise((resolve) => {
  const m = window.__auditorMeasure;
  if (!m || !m.next) return resolve([1e9, 0]);
  const since = performance.now();
  let done = false;
  const answer = () => {
    if (done) return;
    done = true;
    m.flush();
    resolve([performance.now() - m.last, m.next(since)]);
  };
  m.frame(() => m.frame(answer));
  m.timer(answer, 100);
})
"""

#: A safe element to click for the interaction figure: something that opens or shows
#: (a menu toggle, a disclosure, a gallery button) or, failing that, the page heading;
#: never a link, never anything in a form, nothing that sounds like buying or sending.
_PICK_SAFE_JS = r"""
() => {
  const risky = /cart|basket|warenkorb|korb|kauf|buy|checkout|kasse|order|bestell|pay|zahl|delete|remove|l(ö|oe)sch|entfern|log ?out|abmeld|sign ?out|subscri|abonn|submit|absend|send|senden|login|anmeld/i;
  const sel = 'button[aria-expanded], button[aria-controls], [role="button"][aria-expanded], summary, ' +
              'button[aria-haspopup], h1';
  for (const el of document.querySelectorAll(sel)) {
    if (el.closest('a, form, [href]')) continue;
    if (el.matches('[type="submit"], [disabled]')) continue;
    const label = (el.innerText || '') + ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.className || '');
    if (risky.test(label)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 4 || r.height < 4 || r.bottom <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.pointerEvents === 'none') continue;
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2, element: text ? s + ' "' + text + '"' : s };
  }
  return null;
}
"""

_AFTER_PAINT_JS = """
() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  const m = window.__auditorMeasure || { events: [] };
  let worst = null;
  for (const [name, duration, id] of m.events) if (worst === null || duration > worst) worst = duration;
  resolve(worst);
}, 60))))
"""

_READ_JS = """
(maxItems) => {
  const m = window.__auditorMeasure || {};
  const nav = performance.getEntriesByType('navigation')[0];
  const fcpEntry = performance.getEntriesByName('first-contentful-paint')[0];
  const fcp = fcpEntry ? fcpEntry.startTime : null;
  const resources = performance.getEntriesByType('resource').map((r) => [
    r.name.slice(0, 2000), r.initiatorType, r.renderBlockingStatus || '', Math.round(r.startTime),
    Math.round(r.responseEnd), r.transferSize || 0, r.decodedBodySize || 0]);
  const images = [];
  for (const img of document.images) {
    if (images.length >= maxItems) break;
    const r = img.getBoundingClientRect();
    if (!img.currentSrc || !img.naturalWidth) continue;
    images.push([img.currentSrc.slice(0, 2000), img.naturalWidth, img.naturalHeight,
                 Math.round(r.width), Math.round(r.height), (img.alt || '').slice(0, 80)]);
  }
  const head = [];
  for (const el of document.head ? document.head.children : []) {
    if (head.length >= maxItems) break;
    if (el.tagName === 'SCRIPT' && el.src && !el.async && !el.defer && el.type !== 'module')
      head.push(['script', el.src.slice(0, 2000)]);
    if (el.tagName === 'LINK' && /stylesheet/i.test(el.rel) && el.href && !el.disabled &&
        (!el.media || el.media === 'all' || matchMedia(el.media).matches))
      head.push(['style', el.href.slice(0, 2000)]);
  }
  return {
    ttfb_ms: nav ? nav.responseStart : null,
    fcp_ms: fcp,
    lcp: m.lcp || null,
    cls: m.cls || 0,
    cls_shifts: m.clsShifts || [],
    long_tasks: m.longTasks || [],
    frames: (m.frames || []).filter((f) => f[2] > 0).slice(0, maxItems),
    dcl_ms: nav && nav.domContentLoadedEventEnd ? nav.domContentLoadedEventEnd : null,
    load_ms: nav && nav.loadEventEnd ? nav.loadEventEnd : null,
    resources,
    images,
    head_blocking: head,
    dpr: window.devicePixelRatio || 1,
    viewport: [innerWidth, innerHeight],
  };
}
"""

_CDP_TYPES = {
    "Document": "document",
    "Script": "script",
    "Stylesheet": "style",
    "Image": "image",
    "Font": "font",
    "Media": "media",
    "XHR": "xhr",
    "Fetch": "xhr",
}
_KEPT_HEADERS = ("content-encoding", "cache-control", "expires", "etag", "last-modified")


class _Network:
    """What the DevTools protocol saw of every request: the real bytes on the wire
    (cross-origin resources included, which Resource Timing hides), types, headers."""

    def __init__(self) -> None:
        self.requests: dict[str, dict] = {}
        self.inflight: set[str] = set()
        self.last = time.monotonic()
        #: ms from sending the page's request to its response headers, as the
        #: (throttled) network delivered them; Navigation Timing does not see the
        #: DevTools latency, so the mobile profile's TTFB comes from here
        self.document_ttfb_ms: float | None = None
        self._document_sent: dict[str, float] = {}

    def attach(self, cdp) -> None:
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def _touch(self) -> None:
        self.last = time.monotonic()

    def _sent(self, e: dict) -> None:
        self._touch()
        url = e.get("request", {}).get("url", "")
        if not url.startswith(("http://", "https://")):
            return
        rid = e["requestId"]
        self.inflight.add(rid)
        if e.get("type") == "Document" and not self._document_sent and "timestamp" in e:
            self._document_sent[rid] = float(e["timestamp"])
        self.requests[rid] = {
            "url": url[:2000],
            "type": _CDP_TYPES.get(e.get("type", ""), "other"),
            "status": None,
            "mime": "",
            "headers": {},
            "bytes": 0,
        }

    def _response(self, e: dict) -> None:
        self._touch()
        req = self.requests.get(e["requestId"])
        if req is None:
            return
        resp = e.get("response", {})
        headers = {k.lower(): str(v)[:200] for k, v in (resp.get("headers") or {}).items()}
        req["status"] = resp.get("status")
        req["mime"] = (resp.get("mimeType") or "")[:100]
        req["headers"] = {k: headers[k] for k in _KEPT_HEADERS if k in headers}
        sent = self._document_sent.get(e["requestId"])
        timing = resp.get("timing") or {}
        if sent is not None and self.document_ttfb_ms is None and "requestTime" in timing:
            waited = (float(timing["requestTime"]) - sent) * 1000
            self.document_ttfb_ms = max(0.0, waited + float(timing.get("receiveHeadersEnd", 0)))

    def _finished(self, e: dict) -> None:
        self._touch()
        self.inflight.discard(e["requestId"])
        req = self.requests.get(e["requestId"])
        if req is not None:
            req["bytes"] = int(e.get("encodedDataLength") or 0)

    def _failed(self, e: dict) -> None:
        self._touch()
        self.inflight.discard(e["requestId"])
        req = self.requests.get(e["requestId"])
        if req is not None:
            req["failed"] = clip(e.get("errorText") or "failed", 100)

    def quiet_for(self) -> float:
        return 0.0 if self.inflight else time.monotonic() - self.last


class TabNetwork:
    """The DevTools view of a crawl tab's requests, started afresh for each visit, with
    the tab's HTTP cache off: the crawl visit then loads the page as a timing load
    does (cold), so its figures can screen the page (``Measurer.screen``)."""

    def __init__(self) -> None:
        self.current = _Network()

    async def attach(self, context, page: Page) -> None:
        cdp = await context.new_cdp_session(page)
        for event, name in (
            ("Network.requestWillBeSent", "_sent"),
            ("Network.responseReceived", "_response"),
            ("Network.loadingFinished", "_finished"),
            ("Network.loadingFailed", "_failed"),
        ):
            cdp.on(event, lambda e, name=name: getattr(self.current, name)(e))
        await cdp.send("Network.enable")
        await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def fresh(self) -> None:
        """Forget the last visit's requests (called before each visit)."""
        self.current = _Network()


@dataclass
class _Blank:
    """A timing load's own context and its one empty tab, before the load."""

    context: BrowserContext
    page: Any
    net: Any


async def _close(blank: _Blank) -> None:
    with contextlib.suppress(PlaywrightError, TimeoutError):
        await asyncio.wait_for(blank.context.close(), timeout=10)


class Measurer:
    """Timing loads of one page: each in a fresh context, the median over them."""

    def __init__(self, session: BrowserSession, settings: Settings, limiter: HostLimiter):
        self.session = session
        self.settings = settings
        self.limiter = limiter
        #: the next load's tab, opened ahead (``prepare``)
        self._spare: asyncio.Future[_Blank] | None = None

    def throttling(self) -> dict | None:
        """The DevTools throttling of the profile, or None (desktop: none)."""
        m = self.settings.measurement
        if self.settings.browser.profile != "mobile":
            return None
        return {
            "cpu_slowdown": m.cpu_slowdown,
            "rtt_ms": m.rtt_ms,
            "download_kbps": m.download_kbps,
            "upload_kbps": m.upload_kbps,
        }

    @property
    def screens(self) -> bool:
        """Whether crawl visits may screen pages: not where the profile is throttled
        (the crawl's visits are not, so their figures say nothing of a throttled load)."""
        return self.throttling() is None

    async def screen(self, page: Page, net: _Network, visit: Any, status: int | None) -> dict:
        """The figures of a crawl visit, read like a timing load's: once the page has
        been quiet for ``quiet_ms`` (at most ``max_wait_ms``, and never into the
        gatherers' share of the visit), before anything clicks or presses a key in it.
        ``visit`` is the crawl's auditor.page.Visit (its budget and the page's pulse)."""
        m = self.settings.measurement
        waited_from = time.monotonic()
        limit = min(m.max_wait_ms / 1000, max(0.0, visit.remaining() / 2))
        never_quiet = m.max_wait_ms > 0 and not await wait_until_quiet(
            visit.evaluate, net, m.quiet_ms / 1000, limit
        )
        facts = await visit.evaluate(_READ_JS, MAX_ITEMS)
        facts.update(blocking_figures(facts))
        run: dict[str, Any] = {
            "status": status,
            "load_timed_out": False,
            "settle_ms": round((time.monotonic() - waited_from) * 1000),
            "never_quiet": never_quiet,
            **facts,
        }
        if net.document_ttfb_ms is not None and (
            run.get("ttfb_ms") is None or net.document_ttfb_ms > run["ttfb_ms"]
        ):
            run["ttfb_ms"] = net.document_ttfb_ms
        run["network"] = _network_summary(net)
        run["interaction"] = None  # a click now would change what the gatherers see
        run["metrics"] = _run_metrics(run)  # with the click's figure: ``click_screened``
        return {
            "profile": self.settings.browser.profile,
            "throttling": None,
            "screened": True,
            "runs": [run],
        }

    async def click_screened(self, page: Page, timing: dict, pulse: float) -> None:
        """The interaction figure of a screened page, from its crawl tab once the
        gatherers are done with it (a click before them would change what they see):
        the click a timing load makes, so that a page well within every band needs no
        load alone for its INP. The crawl visit has already routed the page to reads
        only. A page that does not take the click keeps no interaction figure."""
        runs = timing.get("runs") or []
        if not self.settings.measurement.interaction or len(runs) != 1 or "metrics" not in runs[0]:
            return
        run = runs[0]
        try:
            run["interaction"] = await self._interaction(page, pulse, guard=False)
        except (ScriptHung, PlaywrightError, TimeoutError):
            return
        run["metrics"] = _run_metrics(run)

    async def measure(self, url: str, runs: int) -> dict:
        """``runs`` timing loads of ``url``; never raises for a page problem.

        The crawl waits while a timing load runs, so each load's deadline is what a
        load, the wait for quiet and the click need (never more than a crawl visit's
        budget), and a load that fails (hangs, spins, crashes) or never gets quiet ends
        the page's timing: trying again would make every crawl worker wait once more
        for the same fault.
        """
        deadline = min(
            visit_budget(self.settings),
            self.settings.crawl.page_timeout + self.settings.measurement.max_wait_ms / 1000 + 10,
        )
        results = []
        for _ in range(runs):
            # the host's rate limit first, outside the load's deadline (politeness is
            # not the page's fault)
            await self.limiter.acquire(urlsplit(url).netloc)
            try:
                results.append(await asyncio.wait_for(self._one_load(url), timeout=deadline))
            except TimeoutError:
                results.append({"error": "the timing load did not finish within its deadline"})
            except ScriptHung:
                results.append({"error": PAGE_ERROR_CODES["SCRIPT_HUNG"], "code": "SCRIPT_HUNG"})
            except PlaywrightError as exc:
                first = (str(exc).strip().splitlines() or ["browser error"])[0]
                results.append({"error": clip(first, 200)})
            if "error" in results[-1] or results[-1].get("never_quiet"):
                break  # the same fault, or the same endless activity, would come again
        return {
            "profile": self.settings.browser.profile,
            "throttling": self.throttling(),
            "runs": results,
        }

    def prepare(self) -> None:
        """Open the next timing load's tab now, while the lane still waits for the
        crawl's visits to end: a new context and renderer cost a few hundred ms on a
        busy machine, which the crawl then does not spend waiting. The tab is empty
        until its load, so opening it beside the visits disturbs no figure."""
        if self._spare is None:
            self._spare = asyncio.ensure_future(self._open_blank())

    async def discard(self) -> None:
        """Close a tab ``prepare`` opened that no load has taken."""
        spare, self._spare = self._spare, None
        if spare is None:
            return
        with contextlib.suppress(Exception):
            await _close(await spare)

    async def _take_blank(self) -> _Blank:
        """The prepared tab where there is a good one, else a new one."""
        spare, self._spare = self._spare, None
        if spare is not None:
            with contextlib.suppress(PlaywrightError, TimeoutError):
                blank = await spare
                if self.session.connected and not blank.page.is_closed():
                    return blank
                await _close(blank)  # of a browser that has been restarted since
        return await self._open_blank()

    async def _open_blank(self) -> _Blank:
        """A fresh context (cold cache) with one empty tab, watched from its first
        request on, throttled where the profile says so."""
        context = await self.session.new_context()
        try:
            context.set_default_timeout(self.settings.crawl.page_timeout * 1000)
            await context.add_init_script(MEASURE_INIT_SCRIPT)
            page = await context.new_page()
            keep_to_one_tab(context, page)
            cdp = await context.new_cdp_session(page)
            net = _Network()
            net.attach(cdp)
            await cdp.send("Network.enable")
            throttle = self.throttling()
            if throttle:
                await cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle["cpu_slowdown"]})
                await cdp.send(
                    "Network.emulateNetworkConditions",
                    {
                        "offline": False,
                        "latency": throttle["rtt_ms"],
                        "downloadThroughput": _bytes_per_s(throttle["download_kbps"]),
                        "uploadThroughput": _bytes_per_s(throttle["upload_kbps"]),
                    },
                )
        except BaseException:
            await _close(_Blank(context, None, None))
            raise
        return _Blank(context, page, net)

    async def _one_load(self, url: str) -> dict:
        blank = await self._take_blank()
        try:
            return await self._load_and_read(blank.page, url, blank.net)
        finally:
            await _close(blank)

    async def _load_and_read(self, page: Page, url: str, net: _Network) -> dict:
        m = self.settings.measurement
        started = time.monotonic()
        watch_navigation(page)
        response = await page.goto(url, wait_until="commit")
        pulse = script_timeout(self.settings)
        outcome = await wait_for_load(page, self.settings.crawl.page_timeout, pulse)
        if outcome == "hung":
            raise ScriptHung()
        timed_out = outcome == "timeout"
        # quiet: no request in flight, and no paint, shift, long task or resource
        # entry, for quiet_ms; at most max_wait_ms after the load event
        waited_from = time.monotonic()

        async def ask(script: str) -> Any:
            return await _answer(page.evaluate(script), pulse)

        never_quiet = m.max_wait_ms > 0 and not await wait_until_quiet(
            ask, net, m.quiet_ms / 1000, m.max_wait_ms / 1000
        )
        facts = await _answer(page.evaluate(_READ_JS, MAX_ITEMS), pulse * 3)
        facts.update(blocking_figures(facts))
        run: dict[str, Any] = {
            "status": response.status if response else None,
            "load_timed_out": timed_out,
            "wall_ms": round((time.monotonic() - started) * 1000),
            "settle_ms": round((time.monotonic() - waited_from) * 1000),
            "never_quiet": never_quiet,
            **facts,
        }
        if net.document_ttfb_ms is not None and (
            run.get("ttfb_ms") is None or net.document_ttfb_ms > run["ttfb_ms"]
        ):
            run["ttfb_ms"] = net.document_ttfb_ms  # throttled: the latency is in here only
        run["network"] = _network_summary(net)
        run["interaction"] = await self._interaction(page, pulse) if m.interaction else None
        run["metrics"] = _run_metrics(run)
        return run

    async def _interaction(self, page: Page, pulse: float, guard: bool = True) -> dict | None:
        """Click one safe element and time the frame after it (an INP-like figure).
        ``guard``: route the tab's context to reads only first (the caller has not)."""
        target = await _answer(page.evaluate(_PICK_SAFE_JS), pulse)
        if not target:
            return None
        url_before = page.url
        # the figures are read; from here on nothing that writes may leave the tab, as
        # the page may answer a real click by posting (never an order)
        if guard:
            await page.context.route("**/*", reads_only)
        try:  # a page in a print dialog or a nested loop never takes the click
            await asyncio.wait_for(page.mouse.click(target["x"], target["y"]), timeout=pulse)
        except TimeoutError:
            return {"element": clip(target["element"], 200), "ms": None, "navigated": False}
        try:
            worst = await asyncio.wait_for(page.evaluate(_AFTER_PAINT_JS), timeout=5)
        except (PlaywrightError, TimeoutError):  # the click navigated or the page hung
            worst = None
        return {
            "element": clip(target["element"], 200),
            "ms": worst,
            "navigated": page.url != url_before,
        }


async def wait_until_quiet(
    ask: Callable[[str], Awaitable[Any]], net: _Network, quiet_s: float, limit_s: float
) -> bool:
    """Wait (at most ``limit_s``) until the load is over; whether it was seen over.

    Over means quiet for ``quiet_s``: no request in flight and no paint, shift, long
    task, resource or input entry for that long (Lighthouse's network and CPU quiet
    windows, 1 s). Or sooner, by condition: quiet for ``EARLY_QUIET_S`` already and
    nothing the page has scheduled (a timer, an animation frame, an idle callback, a
    running animation) due before the window would end. Whatever could still happen
    within the window then has to be started by something that is not there, so
    reading now gives what waiting it out would give; a page with a timer due (the
    demo's banner 600 ms after the load) is watched until the timer has run and the
    page has been quiet again. ``ask`` runs a script in the page.
    """
    waited_from = time.monotonic()
    while time.monotonic() - waited_from < limit_s:
        page_ms, next_ms = _quiet_answer(await ask(_QUIET_JS))
        quiet_for = min(page_ms / 1000, net.quiet_for())
        if quiet_for >= quiet_s:
            return True
        if quiet_for >= EARLY_QUIET_S and next_ms / 1000 > quiet_s - quiet_for:
            return True
        await asyncio.sleep(0.05)
    return False


def _quiet_answer(answer: Any) -> tuple[float, float]:
    """(ms quiet, ms until the next scheduled thing) from what _QUIET_JS returned; a
    page that broke the script (no pair of numbers) may only be over by the window."""
    if isinstance(answer, list) and len(answer) == 2:
        quiet, upcoming = answer
        if isinstance(quiet, int | float) and isinstance(upcoming, int | float):
            return float(quiet), float(upcoming)
    return 0.0, 0.0


async def _answer(work: Any, timeout_s: float) -> Any:
    """A script's answer, or ScriptHung where the page's main thread does not give it."""
    try:
        return await asyncio.wait_for(work, timeout=timeout_s)
    except TimeoutError:
        raise ScriptHung() from None


def _bytes_per_s(kbps: float) -> float:
    return kbps * 1000 / 8 if kbps > 0 else -1  # -1: DevTools' "not throttled"


def _network_summary(net: _Network) -> dict:
    """Bytes and requests by type, and the requests a check may want to name."""
    by_type: dict[str, list[int]] = {}
    rows = []
    for req in net.requests.values():
        counts = by_type.setdefault(req["type"], [0, 0])
        counts[0] += 1
        counts[1] += req["bytes"]
        rows.append(req)
    rows.sort(key=lambda r: -r["bytes"])
    text = [
        [r["url"], r["type"], r["bytes"], r["headers"]]
        for r in rows
        if r["status"] == 200 and r["mime"].startswith(TEXT_TYPES)
    ]
    static = [
        [r["url"], r["type"], r["bytes"], r["headers"]]
        for r in rows
        if r["status"] == 200 and r["type"] in ("script", "style", "font", "image")
    ]
    return {
        "requests": len(rows),
        "bytes": sum(r["bytes"] for r in rows),
        "by_type": by_type,
        "heaviest": [[r["url"], r["type"], r["bytes"]] for r in rows[:10]],
        "text": text[:MAX_ITEMS],
        "static": static[:MAX_ITEMS],
        "images": {r["url"]: r["bytes"] for r in rows if r["type"] == "image"},
    }


def blocking_parts(
    long_tasks: Iterable[Sequence[Any]], start_ms: float, end_ms: float
) -> list[tuple[float, float, float]]:
    """(start, duration, blocking ms counted) of every long task that blocks in the window.

    Why clip: a task that starts a few ms before the first paint is presented still
    blocks the customer's first taps for nearly all its length; counting only tasks
    that *start* after FCP reported TBT 0 for a 700 ms task there. Like Lighthouse
    (core/lib/tbt-utils.js), each task is cut to the FCP-TTI window first, and the
    part beyond 50 ms of what is left counts.
    """
    parts = []
    for task in long_tasks:
        start, duration = float(task[0]), float(task[1])
        clipped = min(start + duration, end_ms) - max(start, start_ms)
        if clipped > BLOCKING_THRESHOLD_MS:
            parts.append((start, duration, clipped - BLOCKING_THRESHOLD_MS))
    return parts


def interactive_at(
    long_tasks: Iterable[Sequence[Any]], fcp_ms: float, requests: Iterable[Sequence[Any]] = ()
) -> float:
    """Time to Interactive as Lighthouse defines it, from what the page recorded.

    TTI is where the first quiet window begins: 5 s after FCP with no long task and at
    most two requests in flight; it is FCP itself or the end of the long task before
    that window. The recording ends once the page is quiet, so the time after it counts
    as quiet: where no window is seen, TTI is the end of the last long task. ``requests``
    are Resource Timing rows (url, type, blocking, start, end, ...).
    """
    spans = sorted((float(t[0]), float(t[0]) + float(t[1])) for t in long_tasks)
    spans = [s for s in spans if s[1] > fcp_ms]
    timed = [(float(r[3]), float(r[4])) for r in requests if len(r) > 4]
    candidate = fcp_ms
    for task_start, task_end in spans:
        if task_start - candidate >= QUIET_WINDOW_MS and _network_quiet(timed, candidate):
            return candidate
        candidate = max(candidate, task_end)
    return candidate


def _network_quiet(requests: list[tuple[float, float]], start: float) -> bool:
    """At most two requests in flight at any moment of the quiet window from ``start``."""
    end = start + QUIET_WINDOW_MS
    overlapping = [(a, b) for a, b in requests if a < end and b > start]
    if len(overlapping) <= MAX_BUSY_REQUESTS:
        return True
    edges = sorted([(max(a, start), 1) for a, _ in overlapping] + [(b, -1) for _, b in overlapping])
    flying = 0
    for _, step in edges:
        flying += step
        if flying > MAX_BUSY_REQUESTS:
            return False
    return True


def blocking_figures(facts: dict[str, Any]) -> dict[str, Any]:
    """TBT over the FCP-TTI window, the window's end, and the blocking time of all tasks
    (``blocking_ms``, whatever their time: what FCP's cause may name)."""
    tasks = facts.get("long_tasks") or []
    blocking = sum(max(0.0, float(t[1]) - BLOCKING_THRESHOLD_MS) for t in tasks)
    fcp = facts.get("fcp_ms")
    if not isinstance(fcp, int | float):  # no first paint: no window to block in
        return {"tbt_ms": 0.0, "tti_ms": None, "blocking_ms": blocking}
    tti = interactive_at(tasks, float(fcp), facts.get("resources") or [])
    tbt = sum(counted for _, _, counted in blocking_parts(tasks, float(fcp), tti))
    return {"tbt_ms": tbt, "tti_ms": tti, "blocking_ms": blocking}


def _run_metrics(run: dict) -> dict:
    lcp = run.get("lcp") or {}
    interaction = run.get("interaction") or {}
    raw = {
        "ttfb_ms": run.get("ttfb_ms"),
        "fcp_ms": run.get("fcp_ms"),
        "lcp_ms": lcp.get("time"),
        "cls": run.get("cls"),
        "tbt_ms": run.get("tbt_ms"),
        "inp_ms": interaction.get("ms"),
        "dcl_ms": run.get("dcl_ms"),
        "load_ms": run.get("load_ms"),
        "transfer_bytes": run["network"]["bytes"],
        "requests": run["network"]["requests"],
    }
    out = {}
    for key, value in raw.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = round(float(value), 4) if key == "cls" else round(float(value), 1)
            if key in ("transfer_bytes", "requests"):
                out[key] = int(value)
    return out


def median_run(timing: dict) -> tuple[dict, dict | None]:
    """(median of every metric over the good runs, the run closest to that median).

    The representative run is the one whose LCP (else load time) is the median's, so
    its details (LCP element, shifts, long tasks) explain the figures reported.
    """
    runs = [r for r in timing.get("runs", []) if "metrics" in r]
    if not runs:
        return {}, None
    medians: dict[str, Any] = {}
    for key in TIMED_METRICS:
        values = [r["metrics"][key] for r in runs if key in r["metrics"]]
        if values:
            value = statistics.median(values)
            medians[key] = int(value) if key in ("transfer_bytes", "requests") else value
    pivot = "lcp_ms" if "lcp_ms" in medians else "load_ms"
    if pivot not in medians:
        return medians, runs[0]
    best = min(runs, key=lambda r: abs(r["metrics"].get(pivot, 1e12) - medians[pivot]))
    return medians, best


def near_a_limit(timing: dict) -> bool:
    """Whether a screened page must be timed alone: a figure at SCREEN_MARGIN of its
    "good" limit or past it (for TBT, the blocking of all long tasks too), a figure
    missing (but those of OPTIONAL_FIGURES), or a page that never got quiet."""
    runs = [r for r in timing.get("runs", []) if "metrics" in r]
    if len(runs) != 1 or runs[0].get("never_quiet"):
        return True
    # TBT counts a long task from the first paint on, and in the warm crawl tab the
    # paint may come after a task that a cold load paints before (the demo's backpacks:
    # TBT 0 screened, 420 ms alone): the blocking of every long task, whenever it ran,
    # is screened against TBT's limit too
    if (runs[0].get("blocking_ms") or 0) >= SCREEN_MARGIN * SCREEN_LIMITS["tbt_ms"]:
        return True
    metrics = runs[0]["metrics"]
    for key, limit in SCREEN_LIMITS.items():
        value = metrics.get(key)
        if key in OPTIONAL_FIGURES and value is None:
            continue
        if value is None or value >= SCREEN_MARGIN * limit:
            return True
    return False


def decided_by_one(timing: dict) -> bool:
    """Whether one load alone decides every band of the page beyond doubt: each
    figure well within its "good" limit (under SCREEN_MARGIN of it) or past its "poor"
    limit by more than AMBIGUOUS of it (a hero that takes 6 s is poor in any load), so
    that the median of more loads could change neither a band nor, much, a score."""
    runs = [r for r in timing.get("runs", []) if "metrics" in r]
    if len(runs) != 1 or runs[0].get("never_quiet"):
        return False
    metrics = runs[0]["metrics"]
    for key, good in SCREEN_LIMITS.items():
        value = metrics.get(key)
        if value is None:
            if key in OPTIONAL_FIGURES:
                continue
            return False
        if SCREEN_MARGIN * good <= value <= (1 + AMBIGUOUS) * POOR_LIMITS[key]:
            return False
    return True


def on_a_band_edge(medians: dict) -> bool:
    """Whether a timed figure lies within AMBIGUOUS of a band limit, where one load's
    noise could decide the band (such a page gets the median of more loads)."""
    for limits in (SCREEN_LIMITS, POOR_LIMITS):
        for key, limit in limits.items():
            value = medians.get(key)
            if isinstance(value, int | float) and abs(value - limit) <= AMBIGUOUS * limit:
                return True
    return False
