# ruff: noqa: E501
"""Text enlarged in the page, as a browser's text-only zoom does (WCAG 1.4.4).

Chromium has no text-only zoom a script can set (its zoom enlarges the whole layout,
which is the 320 px reflow case), so the text is enlarged in the page: every element's
computed font size, and a line height in pixels, multiplied by the factor with
``!important``. Shared by the accessibility family's text-resize probe (one page,
once) and the journeys' ``zoom-text`` persona (every page of a walk, and whatever the
page adds later, such as a mini cart or a confirmation).

``SCALE_TEXT_JS`` is a JavaScript function ``(elements, factor)``: it reads every
size first and writes after, so a child is not enlarged twice through its parent.

``text_zoom_script(factor)`` is an init script for a page: the whole document at
DOMContentLoaded, then every element added later. An added element's own size is read
with its ancestors' enlargement taken off for the moment (their inline styles put
back as the page had them), so a size inherited or in ``em`` is not enlarged twice.
"""

from __future__ import annotations

__all__ = ["SCALE_TEXT_JS", "text_zoom_script"]

SCALE_TEXT_JS = """
(els, factor) => {
  const sizes = els.map((el) => { const s = getComputedStyle(el); return [parseFloat(s.fontSize), s.lineHeight]; });
  els.forEach((el, i) => {
    const [size, line] = sizes[i];
    if (size) el.style.setProperty('font-size', (size * factor) + 'px', 'important');
    if (line.endsWith('px')) el.style.setProperty('line-height', (parseFloat(line) * factor) + 'px', 'important');
  });
}
"""


def text_zoom_script(factor: float = 2.0) -> str:
    """The init script that keeps a page's text at ``factor`` (2: WCAG 1.4.4's 200 %)."""
    return (
        "(() => {\n  const scale = "
        + SCALE_TEXT_JS.strip()
        + f";\n  const FACTOR = {float(factor)!r};\n"
        + _ZOOM_JS
    )


_ZOOM_JS = """
  const PROPS = ['font-size', 'line-height'];
  const orig = new WeakMap(), mine = new WeakMap();
  const put = (el, vals) => PROPS.forEach((p, i) => {
    const [v, prio] = vals[i]; if (v) el.style.setProperty(p, v, prio); else el.style.removeProperty(p);
  });
  const read = (el) => PROPS.map((p) => [el.style.getPropertyValue(p), el.style.getPropertyPriority(p)]);
  const run = (roots) => {
    const els = [];
    for (const r of roots) {
      if (r.nodeType !== 1 || !r.isConnected) continue;
      for (const el of [r, ...r.querySelectorAll('*')]) if (!orig.has(el)) { orig.set(el, read(el)); els.push(el); }
      if (els.length > 6000) break;
    }
    if (!els.length) return;
    // the ancestors as the page made them, while the new elements' sizes are read
    const ups = new Set();
    for (const r of roots) for (let a = r.parentElement; a; a = a.parentElement) if (mine.has(a)) ups.add(a);
    ups.forEach((a) => put(a, orig.get(a)));
    scale(els, FACTOR);
    ups.forEach((a) => put(a, mine.get(a)));
    els.forEach((el) => mine.set(el, read(el)));
  };
  const start = () => {
    if (!document.documentElement) return;
    run([document.documentElement]);
    new MutationObserver((records) => {
      const added = [];
      for (const rec of records) for (const n of rec.addedNodes) if (n.nodeType === 1) added.push(n);
      if (added.length) run(added);
    }).observe(document.documentElement, {childList: true, subtree: true});
    window.__auditorTextZoom = FACTOR;
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, {once: true});
  else start();
})();
"""
