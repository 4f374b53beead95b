"""How many steps the checkout has, read from what its page shows.

Why from the page: the walk stops at the first step whose submission would carry
personal data, so it never sees the later steps; their number is still on the first
one, in the step indicator a customer reads ("Step 1 of 4", a numbered list with the
current step marked, a progress bar). Baymard (2024) found 5.1 steps on average from
the cart to the order review; more than 5 is a note, since fields matter more.

``STEPS_JS`` is a part of the ladder's ``SCAN_JS`` (it uses its ``text`` and
``visible`` helpers and writes ``out.step_lists``): every indicator it finds, with
where it came from. ``step_count`` picks the most explicit one (pure):

1. ``text``: "Step 2 of 5", "Schritt 1 von 4", "Schritt 1/4" in the page's text;
2. ``aria-current``: a list whose current item says ``aria-current="step"``;
3. ``platform:<name>``: Magento's ``.opc-progress-bar``, Shopware 5's
   ``.steps--list``, Shopify's checkout breadcrumb (``.breadcrumb__item``), the
   WooCommerce multistep plugin's ``.wpmc-tabs-list``;
4. ``list``: a list named for steps or progress (its class, id or aria-label, or its
   parent's), or whose items are all ``step``-classed (Oscar's ``li.step1``);
5. ``numbered list``: a list whose items read "1. …", "2. …" in order;
6. ``progressbar``: ``role="progressbar"``/``<progress>`` with a small ``max`` or a
   "2 of 5" value text.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MANY_STEPS", "PLATFORM_STEPS", "STEPS_JS", "step_count"]

#: more checkout steps than this is a note (Baymard 2024: 5.1 on average)
MANY_STEPS = 5

#: (platform, list selector, item selector) of the platforms' checkout step lists
PLATFORM_STEPS = (
    ("magento", ".opc-progress-bar", ".opc-progress-bar-item"),
    ("shopware", ".steps--list", ".steps--entry"),
    ("shopify", ".breadcrumb", ".breadcrumb__item"),
    ("woocommerce", ".wpmc-tabs-list", ".wpmc-tab-item"),
)

_ORDER = ("text", "aria-current", "platform", "list", "numbered list", "progressbar")

STEPS_JS = (
    r"""
  // the checkout's steps as the page shows them (steps.py)
  {
    const found = [];
    const PLATFORM_STEPS = """
    + repr([list(p) for p in PLATFORM_STEPS]).replace("'", '"')
    + r""";
    const body = document.body ? text(document.body).slice(0, 20000) : '';
    const m = body.match(/\b(?:step|schritt)\s*(\d{1,2})\s*(?:of|von|\/)\s*(\d{1,2})\b/i);
    if (m) found.push({source: 'text', total: +m[2], current: +m[1], labels: [], phrase: m[0].slice(0, 40)});
    const WORDS = /step|schritt|progress|wizard|checkout-nav|nav-checkout|stepper/i;
    const own = (el) => [el.id, typeof el.className === 'string' ? el.className : '', el.getAttribute('aria-label') || ''].join(' ');
    const named = (l) => { let n = l; for (let i = 0; i < 3 && n && n !== document.body; i++, n = n.parentElement) { if (WORDS.test(own(n))) return true; } return false; };
    const cls = (el) => typeof el.className === 'string' ? el.className : '';
    const lists = [...document.querySelectorAll('ol, ul')].filter((l) => !l.closest('footer, [role="contentinfo"]')).slice(0, 400);
    for (const l of lists) {
      if (found.length >= 6) break;
      const items = [...l.children].filter((c) => c.tagName === 'LI');
      if (items.length < 2 || items.length > 12 || !visible(l)) continue;
      const labels = items.map((i) => text(i).slice(0, 60));
      let source = null;
      for (const [name, listSel, itemSel] of PLATFORM_STEPS) {
        try { if (!source && l.matches(listSel) && items.every((i) => i.matches(itemSel))) source = 'platform:' + name; } catch (e) {}
      }
      if (!source && items.some((i) => i.getAttribute('aria-current') === 'step' || i.querySelector('[aria-current="step"]'))) source = 'aria-current';
      if (!source && (named(l) || items.every((i) => /\bstep/i.test(cls(i))))) source = 'list';
      if (!source && labels.every((t, k) => new RegExp('^' + (k + 1) + '[.):]?\\s').test(t))) source = 'numbered list';
      if (!source) continue;
      let current = items.findIndex((i) => i.getAttribute('aria-current') === 'step' || i.querySelector('[aria-current="step"]'));
      if (current < 0) current = items.findIndex((i) => /(^|[\s_-])(active|current|is-active|is-current)\b/i.test(cls(i)));
      found.push({source, total: items.length, current: current < 0 ? null : current + 1, labels});
    }
    for (const el of document.querySelectorAll('[role="progressbar"], progress')) {
      if (found.length >= 6 || !visible(el)) continue;
      const said = (el.getAttribute('aria-valuetext') || el.getAttribute('aria-label') || '').match(/(\d{1,2})\s*(?:of|von|\/)\s*(\d{1,2})/i);
      const max = Number(el.getAttribute('aria-valuemax') || el.getAttribute('max') || 'x');
      const now = Number(el.getAttribute('aria-valuenow') || el.getAttribute('value') || 'x');
      if (said) found.push({source: 'progressbar', total: +said[2], current: +said[1], labels: []});
      else if (Number.isInteger(max) && max >= 2 && max <= 12 && Number.isInteger(now)) found.push({source: 'progressbar', total: max, current: now, labels: []});
    }
    out.step_lists = found;
  }
"""
)


def _rank(source: str) -> int:
    return _ORDER.index(source.split(":")[0]) if source.split(":")[0] in _ORDER else len(_ORDER)


def step_count(facts: dict[str, Any]) -> dict[str, Any] | None:
    """The checkout's number of steps as its page shows it: the most explicit
    indicator found (its ``total``, ``current`` step, ``source`` and ``labels``), or
    None where the page shows none (2 to 12 steps; anything else is not a step list)."""
    found = [
        s
        for s in facts.get("step_lists") or ()
        if isinstance(s.get("total"), int) and 2 <= s["total"] <= 12
    ]
    if not found:
        return None
    best = min(found, key=lambda s: _rank(str(s.get("source") or "")))
    # "Step 1 of 4" names no steps: a list of as many says what they are
    named = next((s for s in found if s.get("labels") and s["total"] == best["total"]), best)
    return {
        "total": best["total"],
        "current": best.get("current"),
        "source": best.get("source"),
        "labels": [str(x)[:60] for x in named.get("labels") or ()][:12],
    }
