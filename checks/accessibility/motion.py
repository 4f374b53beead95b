"""Carousels and videos that move on their own with no way to stop them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView

from .common import PageReader, grouped, listed, sampled_pages

__all__ = ["Motion"]

#: watches carousel-like elements for ``ms``; whatever changes by itself moves on its own
_MOTION_JS = """
async (ms) => {
  const PAUSE = /(pause|stop|anhalten|pausieren|stopp|play|abspielen)/i;
  const selectors = ['[aria-roledescription~="carousel" i]', '[aria-roledescription~="slideshow" i]',
    '.carousel', '.slider', '.slideshow', '.swiper', '.slick-slider', '.glide', '.splide',
    '.flickity-enabled', '.owl-carousel', '[data-autoplay]', '[data-ride="carousel"]'];
  const found = [];
  for (const el of document.querySelectorAll(selectors.join(','))) {
    if (found.some((f) => f.contains(el) || el.contains(f))) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 50 || r.height < 30) continue;
    found.push(el);
    if (found.length >= 5) break;
  }
  const describe = (el) => {
    if (el.id) return (el.tagName.toLowerCase() + '#' + CSS.escape(el.id)).slice(0, 200);
    const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    return (el.tagName.toLowerCase() + cls).slice(0, 200);
  };
  const hasPause = (el) => {
    const scope = el.parentElement || el;
    for (const b of scope.querySelectorAll('button, [role="button"], a[href], input[type="button"]')) {
      const name = (b.getAttribute('aria-label') || '') + ' ' + (b.textContent || '') + ' '
        + (b.getAttribute('title') || '') + ' ' + (b.className || '');
      if (PAUSE.test(name)) return true;
    }
    return false;
  };
  const videos = [];
  for (const v of document.querySelectorAll('video')) {
    if (!v.autoplay && v.paused) continue;
    const long = v.loop || !(v.duration <= 5);
    videos.push({ selector: describe(v), html: v.outerHTML.slice(0, 300), controls: v.controls,
                  pause: hasPause(v), long });
  }
  if (!found.length) return { carousels: [], videos };
  // the carousel library's own instance says at once whether it advances by itself
  // (true / false); null where no known library runs it, and only those are watched
  const jq = window.jQuery;
  const own = (el) => {
    const sw = el.swiper;
    if (sw && typeof sw === 'object') {
      if (sw.autoplay && typeof sw.autoplay.running === 'boolean') return sw.autoplay.running;
      if (sw.params && 'autoplay' in sw.params) return !!sw.params.autoplay;
    }
    const sl = el.slick;
    if (sl && typeof sl === 'object' && sl.options && 'autoplay' in sl.options) return !!sl.options.autoplay;
    if (jq && typeof jq === 'function') {
      try {
        const owl = jq(el).data('owl.carousel');
        if (owl && owl.settings && 'autoplay' in owl.settings) return !!owl.settings.autoplay;
        const owl1 = jq(el).data('owlCarousel');
        if (owl1 && owl1.options && 'autoPlay' in owl1.options) return !!owl1.options.autoPlay;
      } catch (e) {}
    }
    try {
      const fl = window.Flickity && window.Flickity.data && window.Flickity.data(el);
      if (fl && fl.options && 'autoPlay' in fl.options) return !!fl.options.autoPlay;
    } catch (e) {}
    return null;
  };
  const autoplayOf = (el) => {
    const says = [el, ...[...el.querySelectorAll('.swiper, .swiper-container, .slick-slider, .owl-carousel, .flickity-enabled')].slice(0, 10)]
      .map(own).filter((v) => v !== null);
    if (!says.length) return null;
    return says.some((v) => v);
  };
  const autoplay = found.map(autoplayOf);
  const state = (el) => {
    const kids = [...el.querySelectorAll('*')].slice(0, 300);
    return kids.map((k) => (k.className && k.className.baseVal === undefined ? k.className : '')
      + '|' + (k.style ? k.style.transform + k.style.left + k.style.marginLeft + k.style.opacity : '')
      + '|' + (k.getAttribute('aria-hidden') || '')).join(';') + el.scrollLeft;
  };
  const before = found.map(state);
  // a carousel its library declares still or moving needs no watch
  const moved = found.map((el, i) => autoplay[i] !== null);
  const started = performance.now();
  while (performance.now() - started < ms && moved.some((m) => !m)) {
    await new Promise((r) => setTimeout(r, 250));
    found.forEach((el, i) => { if (state(el) !== before[i]) moved[i] = true; });
  }
  return { videos, carousels: found.map((el, i) => ({ selector: describe(el),
    html: el.outerHTML.slice(0, 300), autoplay: autoplay[i],
    moves: autoplay[i] === null ? moved[i] : autoplay[i], pause: hasPause(el) })) };
}
"""


class Motion(PageReader):
    """Moving content.

    What: carousels that advance on their own and videos that play on their own for
    more than five seconds, with no control to pause or stop them. Where a known carousel
    library runs the carousel (Swiper, Slick, Owl Carousel, Flickity), its own instance
    says whether it plays by itself (``autoplay``), read at once; any other carousel-like
    element is watched for ``watch_ms`` (only on pages that have one). Why not watch
    them all: a still carousel costs the whole window, and a library's interval (often
    5 s) may outlast it, so the watch would miss what the setting tells.
    Why: moving content distracts everyone and makes reading impossible for people with
    attention or reading disabilities; a slide may move away while a customer reads it
    (WCAG 2.2.2 Pause, Stop, Hide, level A).
    Example: a hero slider that changes every 3 seconds without a pause button.
    Fix: do not start it automatically; or add a visible pause button, stop on hover
    and focus, and respect prefers-reduced-motion.
    """

    id = "accessibility.motion"
    category = "accessibility"
    title = "Moving content that can be paused"
    description = "Auto-advancing carousels and autoplaying videos without a pause control."
    gather_timeout = 20.0
    default_options: ClassVar[dict[str, Any]] = {"watch_ms": 3000, "per_template": 1}
    option_docs: ClassVar[dict[str, str]] = {
        "watch_ms": "how long a carousel is watched for moving on its own (only pages with one)",
        "per_template": "pages of each template watched (0: all [sample] allows)",
    }

    script = _MOTION_JS

    def argument(self) -> Any:
        return min(int(self.options["watch_ms"]), 15000)

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        items, facts = [], {}
        for page in sampled_pages(pages):
            for c in page.data.get("carousels", []):
                if c.get("moves") and not c.get("pause"):
                    key = ("carousel", page.template, c["selector"])
                    facts.setdefault(key, c)
                    items.append((key, page.url))
            for v in page.data.get("videos", []):
                if v.get("long") and not v.get("controls") and not v.get("pause"):
                    key = ("video", page.template, v["selector"])
                    facts.setdefault(key, v)
                    items.append((key, page.url))
        findings = []
        for key, urls in grouped(items).items():
            what, template, selector = key
            fact = facts[key]
            noun = "carousel" if what == "carousel" else "video"
            findings.append(
                self.finding(
                    severity="serious",
                    title=f"A {noun} moves on its own and cannot be paused",
                    message=(
                        f"On pages of {template}, the {noun} {clip(selector, 100)} "
                        + ("advances by itself" if what == "carousel" else "plays by itself")
                        + " and offers no pause or stop control."
                    ),
                    recommendation=(
                        "Do not start it automatically, or add a visible pause button; "
                        "stop it while the pointer or the keyboard focus is in it, and "
                        "honour prefers-reduced-motion. WCAG 2.2.2 Pause, Stop, Hide."
                    ),
                    **listed(urls),
                    selector=selector,
                    snippet=fact.get("html"),
                    evidence={"element": what, "pause_control": False, "wcag": ["2.2.2"]},
                    key=f"motion|{what}|{template}|{selector}",
                    message_id=f"{self.id}.{what}",
                    params={"template": template, "element": clip(selector, 100)},
                )
            )
        return findings
