"""The scripts the measurement lane runs in a page: the recorder installed before any
page script, and the readers of what it recorded.

Why apart: they are the lane's only contact with the page, and the same in a timing
load and in a crawl visit that screens a page. Each reader returns plain data (lists
and numbers cut to ``MAX_ITEMS``); the figures are computed in Python
(auditor.measure.figures).
"""

from __future__ import annotations

__all__ = [
    "AFTER_PAINT_JS",
    "MAX_ITEMS",
    "MEASURE_INIT_SCRIPT",
    "PICK_SAFE_JS",
    "QUIET_JS",
    "READ_JS",
]

#: the longest list a reader returns (images, head elements, frames, ...)
MAX_ITEMS = 40

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
QUIET_JS = """
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
PICK_SAFE_JS = r"""
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

#: the longest input delay the page recorded, read two frames and 60 ms after a click
#: (the interaction figure: the click's event entry is then recorded)
AFTER_PAINT_JS = """
() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  const m = window.__auditorMeasure || { events: [] };
  let worst = null;
  for (const [name, duration, id] of m.events) if (worst === null || duration > worst) worst = duration;
  resolve(worst);
}, 60))))
"""

#: everything a timing load reports, read once the page is quiet: navigation and paint
#: timings, what the recorder saw, every request's Resource Timing row, the images as
#: shown and the head's blocking scripts and styles
READ_JS = """
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
