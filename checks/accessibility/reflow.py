"""Zoom and reflow: pinch zoom allowed, and no sideways scrolling in a 320 px window."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from playwright.async_api import Page

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView
from auditor.screenshots import viewport_shot

from .common import PageProber, grouped, listed

__all__ = ["Reflow", "zoom_blocked"]

_REFLOW_JS = """
(limit) => {
  const doc = document.documentElement;
  const vw = doc.clientWidth;
  const width = Math.max(doc.scrollWidth, document.body ? document.body.scrollWidth : 0);
  const meta = document.querySelector('meta[name="viewport" i]');
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const describe = (el) => {
    if (el.id) return (el.tagName.toLowerCase() + '#' + CSS.escape(el.id)).slice(0, 200);
    const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    return (el.tagName.toLowerCase() + cls).slice(0, 200);
  };
  const wide = [];
  if (width > vw + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 1 || r.width < 1 || r.left < -1) continue;
      if (getComputedStyle(el).position === 'fixed' || scrolls(el)) continue;
      if (wide.some((w) => w.el.contains(el))) continue;
      wide.push({ el, right: Math.round(r.right) });
      if (wide.length >= limit) break;
    }
  }
  const main = document.querySelector('main, [role="main"]');
  return {
    viewport_meta: meta ? (meta.getAttribute('content') || '').slice(0, 300) : null,
    window_px: vw,
    page_px: width,
    main_px: main ? Math.round(main.scrollWidth) : null,
    wide: wide.map((w) => ({ selector: describe(w.el), html: w.el.outerHTML.slice(0, 300),
                              right_px: w.right })),
  };
}
"""

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
    zoomed to 400 %) the page must not scroll sideways. One page per template is
    loaded in a narrow tab of its own.
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
    default_options: ClassVar[dict[str, Any]] = {"width_px": 320, "per_template": 1}
    option_docs: ClassVar[dict[str, str]] = {
        "width_px": "window width in CSS px for the reflow test (WCAG 1.4.10 says 320)",
        "per_template": "pages of each template loaded 320 px wide (0: all [sample] allows)",
    }

    def viewport(self) -> dict[str, int]:
        return {"width": max(200, int(self.options["width_px"])), "height": 640}

    async def probe(self, page: Page, sample: Any) -> dict:
        data = await page.evaluate(_REFLOW_JS, 5)
        if data["page_px"] > data["window_px"] + 1:
            data["screenshot"] = await viewport_shot(page)
        return data

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        items, facts = [], {}
        for p in self.probed_pages(site):
            blocked = zoom_blocked(p.get("viewport_meta"))
            if blocked:
                key = ("zoom", p.get("viewport_meta"))
                facts.setdefault(key, {"why": blocked, "meta": p.get("viewport_meta")})
                items.append((key, p["url"]))
            if p.get("page_px", 0) > p.get("window_px", 0) + 1:
                wide = p.get("wide") or [{}]
                key = ("reflow", p["template"])
                facts.setdefault(key, {**p, "first": wide[0]})
                items.append((key, p["url"]))
        findings = []
        for key, urls in grouped(items).items():
            fact = facts[key]
            if key[0] == "zoom":
                findings.append(self._zoom(fact, urls))
            else:
                findings.append(self._reflow(key[1], fact, urls))
        return findings

    def _zoom(self, fact: dict, urls: list[str]) -> Finding:
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
        )
