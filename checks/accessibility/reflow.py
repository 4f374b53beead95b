"""Zoom and reflow: pinch zoom allowed, and no sideways scrolling in a 320 px window."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from playwright.async_api import Page

from auditor.model import Finding, clip
from auditor.plugins import PageScript, PageView, SiteView
from auditor.screenshots import viewport_shot

from .common import Causes, PageProber, grouped, listed

__all__ = ["Reflow", "zoom_blocked"]

_REFLOW_JS = """
(limit) => {
  const doc = document.documentElement;
  const vw = doc.clientWidth;
  const width = Math.max(doc.scrollWidth, document.body ? document.body.scrollWidth : 0);
  const meta = document.querySelector('meta[name="viewport" i]');
  const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, '
    + 'iframe, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
  // a scroll box a keyboard can scroll: it takes the focus itself, or holds something
  // that does (moving the focus through it scrolls it)
  const keyboardScrolls = (box) => (box.hasAttribute('tabindex') && box.tabIndex >= 0)
    || !!box.querySelector(FOCUSABLE);
  // the nearest ancestor below the body that clips or scrolls sideways
  const boxOf = (el) => {
    for (let p = el.parentElement; p && p !== document.body && p !== doc; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return p;
    }
    return null;
  };
  const describe = (el) => {
    if (el.id) return (el.tagName.toLowerCase() + '#' + CSS.escape(el.id)).slice(0, 200);
    const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    return (el.tagName.toLowerCase() + cls).slice(0, 200);
  };
  const shown = (el, s, r) => r.width >= 1 && r.height >= 1 && s.visibility !== 'hidden'
    && s.display !== 'none' && !el.closest('[aria-hidden="true"]');
  const clips = (el) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  // a page that hides its sideways overflow (body { overflow-x: hidden }) cuts it off
  const pageCuts = clips(doc) || (document.body && clips(document.body));
  const wide = [];
  const locked = [];
  // a page of a hundred thousand elements is judged on its first few thousand
  const all = document.body ? [...document.body.querySelectorAll('*')].slice(0, 6000) : [];
  for (const el of all) {
    const s = getComputedStyle(el);
    if (s.position === 'fixed') continue;
    const r = el.getBoundingClientRect();
    if (!shown(el, s, r)) continue;
    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1
        && r.left < vw && r.right > 0 && !keyboardScrolls(el)
        && !locked.some((l) => l.el.contains(el)) && locked.length < limit) {
      locked.push({ el, content_px: el.scrollWidth, box_px: el.clientWidth });
    }
    if ((width <= vw + 1 && !pageCuts) || wide.length >= limit) continue;
    const edge = width > vw + 1 ? vw + 1 : vw + 4;  // a cut-off few px is no lost content
    if (r.right <= edge || r.left < -1 || r.left >= vw - 1) continue;
    if (boxOf(el) || wide.some((w) => w.el.contains(el))) continue;
    wide.push({ el, right: Math.round(r.right) });
  }
  const main = document.querySelector('main, [role="main"]');
  const plain = (el) => ({ selector: describe(el), html: el.outerHTML.slice(0, 300) });
  return {
    viewport_meta: meta ? (meta.getAttribute('content') || '').slice(0, 300) : null,
    window_px: vw,
    page_px: width,
    page_cuts: !!pageCuts,
    main_px: main ? Math.round(main.scrollWidth) : null,
    wide: wide.map((w) => ({ ...plain(w.el), right_px: w.right })),
    locked_boxes: locked.map((l) => ({ ...plain(l.el), content_px: l.content_px,
                                        box_px: l.box_px })),
  };
}
"""

#: the viewport meta of every crawled page: what the zoom finding judges, and what
#: groups pages for the 320 px probe besides their layout
_VIEWPORT_JS = """() => {
  const meta = document.querySelector('meta[name="viewport" i]');
  return { viewport_meta: meta ? (meta.getAttribute('content') || '').slice(0, 300) : null };
}"""

_SCALE = re.compile(r"maximum-scale\s*=\s*([0-9.]+)", re.I)
_NO_ZOOM = re.compile(r"user-scalable\s*=\s*(no|0)\b", re.I)


def zoom_blocked(content: str | None) -> str | None:
    """Why the viewport meta stops pinch zoom, or None where it allows it (to 2x)."""
    if not content:
        return None
    if _NO_ZOOM.search(content):
        return "user-scalable=no"
    m = _SCALE.search(content)
    if m:
        try:
            scale = float(m.group(1))
        except ValueError:
            return None
        if scale < 2:
            return f"maximum-scale={m.group(1)}"
    return None


class Reflow(PageProber):
    """Zoom and reflow.

    What: the viewport meta must not switch off pinch zoom (user-scalable=no, or a
    maximum-scale below 2); and in a window 320 CSS px wide (a phone, or a desktop
    zoomed to 400 %) the page must not scroll sideways, nor cut off what sticks out
    (body { overflow-x: hidden }), and a box of the content that scrolls sideways (a
    wide table) must be scrollable by keyboard (focusable, or holding something that
    is). The viewport meta is read on every page; one page per layout (and viewport
    meta) is probed in a tab of its own, and stands for the pages that share it: the
    page loaded in the tab's window, then the window narrowed, as a customer who zooms
    in narrows it (on the load the keyboard walk and the text-resize probe share).
    Why: customers with low vision zoom in to read prices and product details; a page
    that blocks zoom or makes them scroll both ways to read a line loses them
    (WCAG 1.4.4 Resize Text and 1.4.10 Reflow, level AA).
    Example: <meta name="viewport" content="width=device-width, maximum-scale=1,
    user-scalable=no">; a 600 px wide table of sizes without its own scroll box.
    Fix: width=device-width, initial-scale=1 and nothing more; fluid layouts, images
    with max-width: 100%, wide tables in a scrollable container.
    """

    id = "accessibility.reflow"
    category = "accessibility"
    title = "Zoom allowed, and content that reflows at 320 px"
    description = "Pinch zoom not disabled; no sideways scrolling in a 320 px wide window."
    default_options: ClassVar[dict[str, Any]] = {
        "width_px": 320,
        "per_template": 1,
        **PageProber.PER_OPTION,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "width_px": "window width in CSS px for the reflow test (WCAG 1.4.10 says 320)",
        "per_template": "pages of each layout and viewport meta (or template, see per) "
        "probed 320 px wide (0: all [sample] allows)",
        **PageProber.PER_DOC,
    }

    #: the window narrowed on the load the keyboard walk and the text-resize probe
    #: share (after the resize, before the walk), and put back; the probe itself only
    #: reads, so nothing else is to undo
    shares_loads = True
    restores_page = True

    def viewport(self) -> dict[str, int]:
        return {"width": max(200, int(self.options["width_px"])), "height": 640}

    def page_script(self, ctx: Any) -> PageScript | None:
        """Every page's viewport meta, read in the crawl's tab (in the engine's one
        round trip of page scripts): zoom is judged on all pages, and pages that differ
        in it are probed apart at 320 px (one page of a layout with another viewport
        meta would not tell how they reflow)."""
        if ctx.status is None or ctx.status >= 400:
            return None
        return PageScript(_VIEWPORT_JS)

    def group_key(self, record: Any) -> tuple:
        gathered = record.gathered.get(self.id)
        meta = gathered.get("viewport_meta") if isinstance(gathered, dict) else None
        return (*super().group_key(record), meta)

    async def probe(self, page: Page, sample: Any) -> dict:
        data = await page.evaluate(_REFLOW_JS, 5)
        if data["page_px"] > data["window_px"] + 1 or data["wide"]:
            data["screenshot"] = await viewport_shot(page)
        return data

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        zooms, facts = self._zooms(pages, site), {}
        causes = Causes()
        for p in self.probed_pages(site):
            if p.get("page_px", 0) > p.get("window_px", 0) + 1 and not p.get("page_cuts"):
                wide = p.get("wide") or [{}]
                key = ("reflow", p["template"])
                facts.setdefault(key, {**p, "first": wide[0]})
                causes.add(key, p)
            elif p.get("wide"):  # no scrolling, because the page cuts its overflow off
                key = ("cut", p["wide"][0]["selector"])
                facts.setdefault(key, {**p, "first": p["wide"][0]})
                causes.add(key, p)
            for box in p.get("locked_boxes") or []:
                key = ("locked", box["selector"])
                facts.setdefault(key, {**box, "window_px": p.get("window_px")})
                causes.add(key, p)
        findings = [self._zoom(meta, urls) for meta, urls in grouped(zooms).items()]
        for key, urls in causes.grouped().items():
            fact = facts[key]
            if key[0] == "cut":
                finding = self._cut(fact, urls)
            elif key[0] == "locked":
                finding = self._locked(fact, urls)
            else:
                finding = self._reflow(key[1], fact, urls)
            finding.evidence.update(causes.evidence(key))
            findings.append(finding)
        return findings

    def _zooms(self, pages: Iterable[PageView], site: SiteView) -> list[tuple[str, str]]:
        """(viewport meta that blocks zoom, page) for every page whose meta was read in
        the crawl, and for probed pages without that reading (older records)."""
        items, read = [], set()
        for pv in pages:
            if isinstance(pv.data, dict) and "viewport_meta" in pv.data:
                read.update({pv.url, pv.final_url})
                if zoom_blocked(pv.data["viewport_meta"]):
                    items.append((pv.data["viewport_meta"], pv.url))
        for p in self.probed_pages(site):
            if p["url"] not in read and zoom_blocked(p.get("viewport_meta")):
                items.append((p["viewport_meta"], p["url"]))
        return items

    def _zoom(self, content: str, urls: list[str]) -> Finding:
        fact = {"why": zoom_blocked(content), "meta": content}
        meta = clip(fact["meta"], 200)
        return self.finding(
            severity="critical",
            title="Pinch zoom is switched off",
            message=(
                f'The viewport meta says {fact["why"]} (content="{meta}"): on phones, '
                "customers with low vision cannot zoom in to read."
            ),
            recommendation=(
                'Use <meta name="viewport" content="width=device-width, initial-scale=1"> '
                "without maximum-scale or user-scalable. WCAG 1.4.4 Resize Text."
            ),
            **listed(urls),
            selector='meta[name="viewport"]',
            snippet=f'<meta name="viewport" content="{meta}">',
            evidence={"viewport": meta, "blocks_zoom_by": fact["why"], "wcag": ["1.4.4"]},
            key=f"zoom|{meta}",
            message_id=f"{self.id}.zoom",
            params={"why": fact["why"], "meta": meta},
        )

    def _reflow(self, template: str, fact: dict, urls: list[str]) -> Finding:
        first = fact["first"]
        return self.finding(
            severity="serious",
            title=f"Sideways scrolling at {fact['window_px']} px",
            message=(
                f"In a window {fact['window_px']} CSS px wide, pages of {template} are "
                f"{fact['page_px']} px wide"
                + (
                    f"; {clip(first.get('selector'), 100)} reaches {first.get('right_px')} px"
                    if first.get("selector")
                    else ""
                )
                + ": customers who zoom in must scroll both ways to read each line."
            ),
            recommendation=(
                "Let the layout reflow: fluid widths, max-width: 100% on images and media, "
                "long words allowed to break, wide tables inside their own scroll box. "
                "WCAG 1.4.10 Reflow."
            ),
            **listed(urls),
            selector=first.get("selector"),
            snippet=first.get("html"),
            evidence={
                "window_px": fact["window_px"],
                "page_px": fact["page_px"],
                "wide_elements": [w.get("selector") for w in fact.get("wide") or []],
                "wcag": ["1.4.10"],
                "screenshot": fact.get("screenshot"),
            },
            key=f"reflow|{template}",
            message_id=f"{self.id}.reflow",
            params={
                "width": fact["window_px"],
                "template": template,
                "page_px": fact["page_px"],
                "element": clip(first.get("selector"), 100) or "",
                "right_px": first.get("right_px") if first.get("selector") else None,
            },
        )

    def _cut(self, fact: dict, urls: list[str]) -> Finding:
        first = fact["first"]
        return self.finding(
            severity="serious",
            title=f"Content cut off at {fact['window_px']} px",
            message=(
                f"In a window {fact['window_px']} CSS px wide, {clip(first['selector'], 100)} "
                f"reaches {first.get('right_px')} px, and the page hides what sticks out "
                "(overflow-x: hidden): customers who zoom in cannot reach it at all."
            ),
            recommendation=(
                "Let the content reflow instead of hiding the overflow: fluid widths, "
                "max-width: 100% on images and media, wide tables inside their own "
                'keyboard-scrollable box (tabindex="0" and a name). WCAG 1.4.10 Reflow.'
            ),
            **listed(urls),
            selector=first["selector"],
            snippet=first.get("html"),
            evidence={
                "window_px": fact["window_px"],
                "wide_elements": [w.get("selector") for w in fact.get("wide") or []],
                "right_px": first.get("right_px"),
                "wcag": ["1.4.10"],
                "screenshot": fact.get("screenshot"),
            },
            key=f"cut|{first['selector']}",
            message_id=f"{self.id}.cut",
            params={
                "width": fact["window_px"],
                "element": clip(first["selector"], 100),
                "right_px": first.get("right_px"),
            },
        )

    def _locked(self, fact: dict, urls: list[str]) -> Finding:
        return self.finding(
            severity="serious",
            title=f"A box scrolls sideways at {fact['window_px']} px, but not by keyboard",
            message=(
                f"In a window {fact['window_px']} CSS px wide, {clip(fact['selector'], 100)} "
                f"holds {fact['content_px']} px of content in {fact['box_px']} px and scrolls "
                "sideways, but it takes no keyboard focus and holds nothing that does: "
                "keyboard users cannot scroll to the rest."
            ),
            recommendation=(
                "Let the content reflow where it can; where it must scroll (a wide table), "
                'make the scroll box focusable (tabindex="0") and name it (role="region" '
                "with aria-label). WCAG 1.4.10 Reflow and 2.1.1 Keyboard."
            ),
            **listed(urls),
            selector=fact["selector"],
            snippet=fact.get("html"),
            evidence={
                "window_px": fact["window_px"],
                "content_px": fact["content_px"],
                "box_px": fact["box_px"],
                "wcag": ["1.4.10", "2.1.1"],
            },
            key=f"locked|{fact['selector']}",
            message_id=f"{self.id}.locked",
            params={
                "width": fact["window_px"],
                "element": clip(fact["selector"], 100),
                "content_px": fact["content_px"],
                "box_px": fact["box_px"],
            },
        )
