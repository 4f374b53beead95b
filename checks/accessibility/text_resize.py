"""Text resized to 200 %: the header and menu must stay readable, nothing clipped."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from playwright.async_api import Page

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView
from auditor.screenshots import element_shot

from .common import PageProber, grouped, listed, plural

__all__ = ["TextResize"]

#: doubles every font size (and pixel line height) in the header and menus, the way a
#: browser's text-only zoom does, then looks for text its container cuts off
_RESIZE_JS = """
async ([factor, limit]) => {
  const roots = [...document.querySelectorAll('header, [role="banner"], nav, [role="navigation"]')]
    .filter((r) => !r.closest('footer, [role="contentinfo"]'));
  const all = [];
  for (const root of roots) {
    if (all.includes(root)) continue;
    all.push(root, ...root.querySelectorAll('*'));
    if (all.length > 1500) break;
  }
  const sizes = all.map((el) => {
    const s = getComputedStyle(el);
    return [parseFloat(s.fontSize), s.lineHeight];
  });
  all.forEach((el, i) => {
    const [size, line] = sizes[i];
    if (size) el.style.setProperty('font-size', (size * factor) + 'px', 'important');
    if (line.endsWith('px')) el.style.setProperty('line-height', (parseFloat(line) * factor) + 'px', 'important');
  });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const hiddenByDesign = (el, s, r) => r.width <= 2 || r.height <= 2 || s.clip !== 'auto'
    || (s.clipPath && s.clipPath !== 'none') || s.visibility === 'hidden' || s.display === 'none';
  const describe = (el) => {
    if (el.id) return (el.tagName.toLowerCase() + '#' + CSS.escape(el.id)).slice(0, 200);
    const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    return (el.tagName.toLowerCase() + cls).slice(0, 200);
  };
  const clipped = [];
  for (const el of all) {
    const s = getComputedStyle(el);
    const cutsX = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
    const cutsY = ['hidden', 'clip'].includes(s.overflowY);
    if (!cutsX && !cutsY) continue;
    const r = el.getBoundingClientRect();
    if (hiddenByDesign(el, s, r)) continue;
    const text = (el.innerText || '').replace(/\\s+/g, ' ').trim();
    if (!text) continue;
    const overX = cutsX && el.scrollWidth > el.clientWidth + 2;
    const overY = cutsY && el.scrollHeight > el.clientHeight + 2;
    if (!overX && !overY) continue;
    if (clipped.some((c) => c.el.contains(el))) continue;
    el.setAttribute('data-auditor-clipped', String(clipped.length));
    clipped.push({ el, selector: describe(el), html: el.outerHTML.slice(0, 300),
                   text: text.slice(0, 80), hidden_px: Math.max(el.scrollWidth - el.clientWidth,
                   el.scrollHeight - el.clientHeight) });
    if (clipped.length >= limit) break;
  }
  return { roots: roots.length, elements: all.length,
           clipped: clipped.map(({ el, ...rest }) => rest) };
}
"""


class TextResize(PageProber):
    """Text resize.

    What: one page per template, in a tab of its own, with every font size in the
    header and menus doubled (as a browser's text-only zoom does); text that its box
    then cuts off (overflow hidden, an ellipsis, a fixed height) is reported.
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
    description = "Header and menu text at 200 %: nothing clipped."
    default_options: ClassVar[dict[str, Any]] = {"factor": 2.0, "per_template": 1}
    option_docs: ClassVar[dict[str, str]] = {
        "factor": "how much the text is enlarged (WCAG 1.4.4 asks for 2)",
        "per_template": "pages of each template probed in a tab of their own (0: all [sample] allows)",
    }

    async def probe(self, page: Page, sample: Any) -> dict | None:
        data = await page.evaluate(_RESIZE_JS, [float(self.options["factor"]), 10])
        if not data["roots"]:
            return None
        if data["clipped"]:
            data["screenshot"] = await element_shot(page, '[data-auditor-clipped="0"]')
        return data

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        items, facts = [], {}
        for p in self.probed_pages(site):
            if not p.get("clipped"):
                continue
            key = tuple(sorted(c["selector"] for c in p["clipped"]))
            facts.setdefault(key, p)
            items.append((key, p["url"]))
        findings = []
        factor = f"{round(float(self.options['factor']) * 100)} %"
        for key, urls in grouped(items).items():
            p = facts[key]
            first = p["clipped"][0]
            findings.append(
                self.finding(
                    severity="serious",
                    title=f"Header or menu text is cut off at {factor} text size",
                    message=(
                        f"With the text enlarged to {factor}, {plural(len(p['clipped']), 'box')} "
                        f"in the header or menu cut off their text, e.g. "
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
                    },
                    key=f"text-resize|{'|'.join(key)}",
                )
            )
        return findings
