"""Text resized to 200 %: the whole page must stay readable, nothing clipped."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from playwright.async_api import Page

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView
from auditor.screenshots import element_shot
from auditor.textsize import SCALE_TEXT_JS

from .common import Causes, PageProber, listed, plural

__all__ = ["TextResize"]

#: doubles every font size (and pixel line height; auditor.textsize, shared with the
#: journeys' zoom-text persona) in the header and menus, the way a
#: browser's text-only zoom does, then looks for text its container cuts off
_RESIZE_JS = (
    """
async ([factor, limit]) => {
  const PROPS = ['font-size', 'line-height'];
  const CHROME = 'header, [role="banner"], nav, [role="navigation"]';
  const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, '
    + 'iframe, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
  const all = document.body ? [...document.body.querySelectorAll('*')].slice(0, 4000) : [];
  const roots = [...document.querySelectorAll(CHROME)]
    .filter((r) => !r.closest('footer, [role="contentinfo"]'));
  const keyboardScrolls = (box) => (box.hasAttribute('tabindex') && box.tabIndex >= 0)
    || !!box.querySelector(FOCUSABLE);
  // how far each box that hides or scrolls its overflow overflows before the resize:
  // a carousel's track is wider than its window by design, only new overflow is lost text
  const cuts = (s) => ({
    x: ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis',
    y: ['hidden', 'clip'].includes(s.overflowY),
    sx: ['auto', 'scroll'].includes(s.overflowX), sy: ['auto', 'scroll'].includes(s.overflowY) });
  const over = (el) => [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight];
  const styles = all.map((el) => getComputedStyle(el));
  const before = all.map((el, i) => {
    const c = cuts(styles[i]);
    return c.x || c.y || c.sx || c.sy ? over(el) : null;
  });
  // what undoing the resize needs (_RESTORE_JS): each element's style attribute and
  // inline sizes as the page had them, where the page and its boxes were scrolled
  const inline = (el) => PROPS.map((p) => [el.style.getPropertyValue(p), el.style.getPropertyPriority(p)]);
  const saved = { all, attrs: all.map((el) => el.getAttribute('style')), sizes: all.map(inline),
    scroll: [scrollX, scrollY],
    boxes: all.filter((el, i) => before[i] !== null).map((el) => [el, el.scrollLeft, el.scrollTop]) };
  ("""
    + SCALE_TEXT_JS.strip()
    + """)(all, factor);
  saved.css = all.map((el) => el.style.cssText);
  window.__auditorTextResize = saved;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const hiddenByDesign = (el, s, r) => r.width <= 2 || r.height <= 2 || s.clip !== 'auto'
    || (s.clipPath && s.clipPath !== 'none') || s.visibility === 'hidden' || s.display === 'none'
    || !!el.closest('[aria-hidden="true"]');
  const describe = (el) => {
    if (el.id) return (el.tagName.toLowerCase() + '#' + CSS.escape(el.id)).slice(0, 200);
    const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    return (el.tagName.toLowerCase() + cls).slice(0, 200);
  };
  const clipped = [];
  for (const [i, el] of all.entries()) {
    if (before[i] === null) continue;
    const s = getComputedStyle(el);
    const c = cuts(s);
    // a scroll box keeps its text within reach, unless no keyboard can scroll it
    const lockedX = c.sx && !keyboardScrolls(el), lockedY = c.sy && !keyboardScrolls(el);
    if (!c.x && !c.y && !lockedX && !lockedY) continue;
    const r = el.getBoundingClientRect();
    if (hiddenByDesign(el, s, r)) continue;
    const text = (el.innerText || '').replace(/\\s+/g, ' ').trim();
    if (!text) continue;
    const [ox, oy] = over(el);
    const overX = (c.x || lockedX) && ox > 2 && ox > before[i][0] + 2;
    const overY = (c.y || lockedY) && oy > 2 && oy > before[i][1] + 2;
    if (!overX && !overY) continue;
    if (clipped.some((k) => k.el.contains(el))) continue;
    el.setAttribute('data-auditor-clipped', String(clipped.length));
    clipped.push({ el, selector: describe(el), html: el.outerHTML.slice(0, 300),
                   text: text.slice(0, 80), hidden_px: Math.max(ox, oy),
                   scrolls: !(c.x || c.y), chrome: !!el.closest(CHROME) });
    if (clipped.length >= limit) break;
  }
  return { roots: roots.length, elements: all.length,
           clipped: clipped.map(({ el, ...rest }) => rest) };
}
"""
)


#: the page as it was before ``_RESIZE_JS``: every style attribute it changed back to
#: its text (an element whose inline style the page changed since keeps the page's
#: change, only its sizes put back), the marks gone, the page and its boxes scrolled
#: back; then two frames, as the resize had, for the page's own scripts to answer
_RESTORE_JS = """
async () => {
  const saved = window.__auditorTextResize;
  delete window.__auditorTextResize;
  if (!saved) return false;
  const PROPS = ['font-size', 'line-height'];
  // (an emptied inline style written back first: Chromium would otherwise put an empty
  // style attribute back at the next frame)
  const drop = (el) => { el.setAttribute('style', ''); el.removeAttribute('style'); };
  saved.all.forEach((el, i) => {
    const attr = saved.attrs[i];
    if (el.style.cssText === saved.css[i]) {
      if (attr === null) drop(el); else el.setAttribute('style', attr);
      return;
    }
    PROPS.forEach((p, k) => {
      const [value, priority] = saved.sizes[i][k];
      if (value) el.style.setProperty(p, value, priority); else el.style.removeProperty(p);
    });
    if (attr === null && !el.style.length) drop(el);
  });
  for (const el of document.querySelectorAll('[data-auditor-clipped]')) {
    el.removeAttribute('data-auditor-clipped');
  }
  for (const [el, left, top] of saved.boxes) { el.scrollLeft = left; el.scrollTop = top; }
  window.scrollTo(saved.scroll[0], saved.scroll[1]);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return true;
}
"""


class TextResize(PageProber):
    """Text resize.

    What: one page per layout, in a tab of its own, with every font size of the
    page doubled (as a browser's text-only zoom does); text that its box then cuts off
    (overflow hidden, an ellipsis, a fixed height) or pushes out of sight in a scroll
    box that no keyboard can scroll is reported. Only overflow the resize adds counts
    (a carousel's track is wider than its window at any size).
    Why: many customers with low vision enlarge the text rather than the page; a menu
    whose items are cut in half hides the way through the shop (WCAG 1.4.4 Resize
    Text, level AA: 200 % without loss of content).
    Example: a header 60 px high with overflow: hidden, whose menu items wrap to a
    second line at 200 %.
    Fix: let boxes with text grow (min-height instead of height, no overflow: hidden
    around text), size with rem/em, and let menus wrap.
    """

    id = "accessibility.text-resize"
    category = "accessibility"
    title = "Text resized to 200 % stays readable"
    description = "Every text of the page at 200 %: nothing clipped."
    default_options: ClassVar[dict[str, Any]] = {
        "factor": 2.0,
        "per_template": 1,
        **PageProber.PER_OPTION,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "factor": "how much the text is enlarged (WCAG 1.4.4 asks for 2)",
        "per_template": "pages of each layout (or template, see per) probed in a tab of "
        "their own (0: all [sample] allows)",
        **PageProber.PER_DOC,
    }

    #: the reflow probe and the keyboard walk run on the same page load, after the
    #: resize is undone
    shares_loads = True
    restores_page = True

    async def probe(self, page: Page, sample: Any) -> dict | None:
        data = await page.evaluate(_RESIZE_JS, [float(self.options["factor"]), 10])
        if not data["elements"]:
            return None
        if data["clipped"]:
            data["screenshot"] = await element_shot(page, '[data-auditor-clipped="0"]')
        return data

    async def restore(self, page: Page) -> None:
        """The page as loaded again (``_RESTORE_JS``), for the next probe on its load."""
        await page.evaluate(_RESTORE_JS)

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        causes, facts = Causes(), {}
        for p in self.probed_pages(site):
            if not p.get("clipped"):
                continue
            key = tuple(sorted(c["selector"] for c in p["clipped"]))
            facts.setdefault(key, p)
            causes.add(key, p)
        findings = []
        factor = f"{round(float(self.options['factor']) * 100)} %"
        for key, urls in causes.grouped().items():
            p = facts[key]
            first = p["clipped"][0]
            findings.append(
                self.finding(
                    severity="serious",
                    title=(
                        f"Header or menu text is cut off at {factor} text size"
                        if all(c.get("chrome", True) for c in p["clipped"])
                        else f"Text is cut off at {factor} text size"
                    ),
                    message=(
                        f"With the text enlarged to {factor}, {plural(len(p['clipped']), 'box', 'boxes')} "
                        f"cut off their text"
                        + (
                            " or hide it in a box no keyboard can scroll"
                            if any(c.get("scrolls") for c in p["clipped"])
                            else ""
                        )
                        + ", e.g. "
                        f"{clip(first['selector'], 80)} (“{clip(first['text'], 60)}”, "
                        f"{first['hidden_px']} px hidden)."
                    ),
                    recommendation=(
                        "Let boxes that hold text grow with it: min-height instead of height, "
                        "no overflow: hidden around text, sizes in rem or em, menus that wrap. "
                        "WCAG 1.4.4 Resize Text."
                    ),
                    **listed(urls),
                    selector=first["selector"],
                    snippet=first.get("html"),
                    evidence={
                        "clipped": [c["selector"] for c in p["clipped"]],
                        "hidden_px": first["hidden_px"],
                        "wcag": ["1.4.4"],
                        "screenshot": p.get("screenshot"),
                        **causes.evidence(key),
                    },
                    key=f"text-resize|{'|'.join(key)}",
                    message_id=f"{self.id}."
                    + ("chrome" if all(c.get("chrome", True) for c in p["clipped"]) else "content")
                    + ("-scrolls" if any(c.get("scrolls") for c in p["clipped"]) else ""),
                    params={
                        "factor": round(float(self.options["factor"]) * 100),
                        "count": len(p["clipped"]),
                        "element": clip(first["selector"], 80),
                        "text": clip(first["text"], 60),
                        "hidden_px": first["hidden_px"],
                    },
                )
            )
        return findings
