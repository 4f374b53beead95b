"""The recognition ladder: which element on a shop's page is the menu, the add-to-cart
button, the cart, the checkout, the guest checkout, the final order button.

Why a ladder: shops differ in markup, but not at random. The most stable signals come
first, the loosest last, and the rung that matched is recorded, so a reader knows how
sure the journey was (a ``data-testid`` is a promise; a class name containing "cart" is
a guess):

1. ``config``: a selector the config gives for the role (it overrides every rung);
2. ``test-attribute``: ``data-testid`` and kin (``data-test``, ``data-qa``, ``data-cy``);
3. ``role-name``: a button or link whose accessible name says it, in English or German
   ("Add to cart/bag/basket", "In den Warenkorb", "Zur Kasse", "Als Gast bestellen");
4. ``platform``: the well-known forms and endpoints of Shopify, Shopware, WooCommerce
   and Magento (``form[action*="/cart/add"]``, ``.single_add_to_cart_button``, …);
5. ``structured-data``: schema.org Product/Offer says this is a product page; its one
   buy form's submit button is the add-to-cart; ProductGroup ``hasVariant``/``variesBy``
   names the variant axes;
6. ``pattern``: ids, classes, names and addresses with the role's words.

``SCAN_JS`` reads a page into plain facts (candidates with their names, attributes and
which platform or config selectors they match; form fields; page signals); ``recognise``
is pure and picks the element for a role from those facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .steps import STEPS_JS

__all__ = [
    "PLATFORM_SELECTORS",
    "ROLES",
    "RUNGS",
    "SCAN_JS",
    "Match",
    "final_order_wording",
    "platform_of",
    "recognise",
    "scan_args",
]

RUNGS = ("config", "test-attribute", "role-name", "platform", "structured-data", "pattern")

#: the role's words in test attributes (lowercased, separators dropped)
_TEST_WORDS: dict[str, str] = {
    "add_to_cart": r"addtocart|addtobag|addtobasket|addtowarenkorb|buybutton|btnbuy|buybox",
    "cart_link": r"minicart|cartlink|headercart|carticon|cartbutton|warenkorb(link)?$|^cart$",
    "checkout": r"checkout|tokasse|kasse|proceedtocheckout",
    "guest": r"guest|gast",
    "final_order": r"placeorder|submitorder|completeorder|confirmorder|buynow|kaufen",
    "contact": r"contact|kontakt",
    "shipping": r"shipping|delivery|versand|lieferung",
    "returns": r"returns?|retoure|widerruf|ruckgabe|rueckgabe",
    "imprint": r"imprint|impressum|legalnotice",
}

#: accessible names in English and German, whole-name patterns
_NAMES: dict[str, str] = {
    "add_to_cart": (
        r"^(\+\s*)?(add|put)( (it|this|item))? (to|in|into) (the |your |my )?(shopping )?"
        r"(cart|bag|basket|trolley)\b|^(in|zum) (den )?(warenkorb|einkaufswagen|korb)"
        r"( legen| hinzufügen)?\b|^(jetzt )?in den warenkorb|^buy$|^kaufen$|^add$"
    ),
    "cart_link": (
        r"^(view |your |my |shopping )?(cart|bag|basket)\b|^(zum |mein |ihr )?warenkorb\b"
        r"|^einkaufswagen\b|^(view|go to) (cart|bag|basket)"
    ),
    "checkout": (
        r"^(proceed|continue|go) to checkout\b|^checkout\b|^check out\b|^zur kasse\b"
        r"|^kasse\b|^zum checkout\b|^weiter zur kasse\b|^secure checkout|^sicher zur kasse"
    ),
    "guest": (
        r"(check ?out|continue|order|buy|proceed) as (a )?guest|^guest checkout|"
        r"als gast (bestellen|fortfahren|kaufen|weiter)|^gastbestellung|ohne (kunden)?konto"
        r"|without (an )?account"
    ),
    "final_order": (
        r"^place (my )?order\b|^(complete|confirm|submit|finish) (my )?(order|purchase)\b"
        r"|^buy now\b|^pay now\b|^order now\b|^order and pay|^bestellung (abschicken|absenden)"
        r"|zahlungspflichtig bestellen|^jetzt (kaufen|bestellen|bezahlen)\b|^kaufen$"
        r"|^kostenpflichtig bestellen|^bestellen$|^(jetzt )?zahlungspflichtig"
    ),
    "contact": r"^contact\b|^kontakt\b|^get in touch|^customer service|^kundenservice",
    "shipping": (
        r"^shipping\b|^delivery\b|^versand\b|^lieferung\b|^versandkosten\b|^shipping (costs|"
        r"and|&)|^delivery (and|&)|^versand (und|&)|^zahlung (und|&) versand"
    ),
    "returns": (
        r"\breturns?\b|\brefunds?\b|^widerruf|\bretoure|rückgabe|rücksendung|"
        r"delivery (and|&) returns"
    ),
    "imprint": r"^imprint\b|^impressum\b|^legal notice\b|^site notice\b",
    "next_page": r"^next\b|^weiter\b|^nächste|^›$|^»$|^>$|next page|nächste seite",
}

#: a submit button whose name or value says "place order" (Magento, WooCommerce)
_FINAL_ATTRS = re.compile(
    r"place[_-]?order|submit[_-]?order|complete[_-]?order|confirm[_-]?order|"
    r"woocommerce_checkout_place_order|payment-button|order[_-]?now"
)

#: the platforms' well-known markup, per role (CSS, matched in the page)
PLATFORM_SELECTORS: dict[str, dict[str, str]] = {
    "add_to_cart": {
        "shopify": 'form[action*="/cart/add"] [type="submit"], form[action*="/cart/add"] button[name="add"]',
        "shopware": '.btn-buy, form[action*="/checkout/line-item/add"] button[type="submit"]',
        "woocommerce": '.single_add_to_cart_button, button[name="add-to-cart"], a.add_to_cart_button',
        "magento": '#product-addtocart-button, form[action*="/checkout/cart/add"] button[type="submit"], .action.tocart',
    },
    "cart_link": {
        "shopify": 'a[href="/cart"], a[href$="/cart"]',
        "shopware": '.header-cart a, a[href*="/checkout/cart"]',
        "woocommerce": 'a.cart-contents, a.wc-block-mini-cart__button, a[href*="/cart/"]',
        "magento": 'a.action.showcart, a[href*="/checkout/cart"]',
    },
    "checkout": {
        "shopify": 'button[name="checkout"], a[href*="/checkout"]',
        "shopware": '.begin-checkout-btn, a[href*="/checkout/confirm"]',
        "woocommerce": "a.checkout-button, .wc-proceed-to-checkout a",
        "magento": '#top-cart-btn-checkout, button[data-role="proceed-to-checkout"], .checkout-methods-items button',
    },
    "guest": {
        "shopware": ".register-guest-control, #personalGuest",
        "magento": '#login-form-guest, [data-role="guest-checkout"]',
    },
    "final_order": {
        "shopify": "#checkout-pay-button",
        "shopware": '#confirmFormSubmit, form#confirmOrderForm button[type="submit"]',
        "woocommerce": '#place_order, button[name="woocommerce_checkout_place_order"]',
        "magento": 'button.action.checkout.primary, button[title="Place Order"]',
    },
}

#: roles that are links to a page of the shop's service (found in the pattern rung by
#: their address too)
_PATH_WORDS: dict[str, str] = {
    "cart_link": r"/(cart|basket|warenkorb|checkout/cart)/?($|\?)",
    "checkout": r"/(checkout|kasse)(/|$|\?)",
    "contact": r"/(contact|kontakt)",
    "shipping": r"/(shipping|delivery|versand|lieferung)",
    "returns": r"/(returns?|retoure|widerruf|rueckgabe|refund)",
    "imprint": r"/(imprint|impressum|legal-notice)",
}

_PATTERN_ATTRS: dict[str, str] = {
    "add_to_cart": r"add[-_ ]?to[-_ ]?(cart|bag|basket)|addtocart|btn[-_]?buy|buy[-_]?button",
    "cart_link": r"mini[-_]?cart|header[-_]?cart|cart[-_]?(link|icon|toggle|count)",
    "checkout": r"checkout",
    "guest": r"guest",
    "final_order": r"place[-_]?order|submit[-_]?order",
}

ROLES = tuple(sorted({*_NAMES, *_TEST_WORDS, *PLATFORM_SELECTORS}))
#: link roles whose candidates must be links (a) rather than buttons
_LINK_ROLES = frozenset({"contact", "shipping", "returns", "imprint", "next_page"})

_PLATFORM_JS = {
    "shopify": '!!(window.Shopify || document.querySelector(\'link[href*="cdn.shopify.com"], script[src*="cdn.shopify.com"]\'))',
    "shopware": '!!(window.PluginManager || document.querySelector(\'meta[name="author"][content*="shopware" i], [data-plugin-options], .is-ctl-product, .is-act-index\'))',
    "woocommerce": '!!(document.body && /\\bwoocommerce\\b/.test(document.body.className) || document.querySelector(\'link[href*="woocommerce"], script[src*="woocommerce"]\'))',
    "magento": '!!(document.querySelector(\'script[type="text/x-magento-init"], [data-mage-init], script[src*="requirejs-config"]\'))',
}

SCAN_JS = (
    r"""
(args) => {
  const out = {url: location.href, lang: (document.documentElement.lang || '').slice(0, 10), title: document.title.slice(0, 200)};
  const vh = innerHeight, vw = innerWidth;
  const visible = (el) => {
    const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && parseFloat(cs.opacity || '1') > 0.05;
  };
  const esc = (s) => (window.CSS && CSS.escape) ? CSS.escape(s) : s.replace(/[^\w-]/g, '\\$&');
  const selector = (el) => {
    if (el.id && document.querySelectorAll('#' + esc(el.id)).length === 1) return '#' + esc(el.id);
    const parts = [];
    for (let n = el; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
      if (n.id && document.querySelectorAll('#' + esc(n.id)).length === 1) { parts.unshift('#' + esc(n.id)); break; }
      let i = 1; for (let s = n.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === n.tagName) i++;
      parts.unshift(n.tagName.toLowerCase() + ':nth-of-type(' + i + ')');
    }
    return parts.join(' > ');
  };
  const text = (el) => (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  const accName = (el) => {
    const lb = el.getAttribute('aria-labelledby');
    if (lb) { const t = lb.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map(text).join(' ').trim(); if (t) return t; }
    const al = el.getAttribute('aria-label'); if (al && al.trim()) return al.trim();
    if (el.tagName === 'INPUT') return (el.value || el.getAttribute('title') || '').trim();
    const t = text(el); if (t) return t;
    const img = el.querySelector('img[alt], svg title'); if (img) return (img.getAttribute('alt') || img.textContent || '').trim();
    return (el.getAttribute('title') || '').trim();
  };
  const testid = (el) => { for (const a of ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-automation', 'data-hook']) { const v = el.getAttribute(a); if (v) return v; } return ''; };
  const where = (el) => el.closest('footer, [role="contentinfo"]') ? 'footer' : el.closest('header, [role="banner"]') ? 'header' : el.closest('nav, [role="navigation"], [role="menubar"]') ? 'nav' : el.closest('main, [role="main"]') ? 'main' : 'other';
  const pmatch = {};
  for (const [role, bySite] of Object.entries(args.platform)) for (const [site, sel] of Object.entries(bySite)) {
    let found = []; try { found = [...document.querySelectorAll(sel)]; } catch (e) {}
    for (const el of found) { const k = role + '|' + site; (pmatch[k] = pmatch[k] || []).push(el); }
  }
  const cmatch = {};
  for (const [role, sel] of Object.entries(args.config || {})) { try { cmatch[role] = [...document.querySelectorAll(sel)]; } catch (e) { cmatch[role] = []; } }
  const els = [...document.querySelectorAll('a[href], button, input[type="submit"], input[type="button"], input[type="image"], [role="button"], [role="link"], [role="menuitem"], summary')];
  const cands = [];
  for (const el of els) {
    if (cands.length >= 600) break;
    const vis = visible(el);
    const r = el.getBoundingClientRect();
    const form = el.form || el.closest('form');
    const c = {
      sel: selector(el), tag: el.tagName.toLowerCase(), type: (el.getAttribute('type') || '').toLowerCase(),
      name: accName(el).slice(0, 120), testid: testid(el).slice(0, 80),
      href: el.tagName === 'A' ? el.href : '', attrs: [el.id, typeof el.className === 'string' ? el.className : '', el.getAttribute('name') || '', el.getAttribute('value') || ''].join(' ').toLowerCase().slice(0, 300),
      action: form ? (form.getAttribute('action') || '') : '', method: form ? (form.getAttribute('method') || 'get').toLowerCase() : '',
      form: form ? selector(form) : '', visible: vis, disabled: !!(el.disabled || el.getAttribute('aria-disabled') === 'true'),
      top: Math.round(r.top + scrollY), fold: vis && r.top + scrollY < vh, where: where(el),
      platform: [], config: [],
      count: null,
    };
    for (const [k, list] of Object.entries(pmatch)) if (list.includes(el)) c.platform.push(k);
    for (const [role, list] of Object.entries(cmatch)) if (list.some((m) => m === el || m.contains(el))) c.config.push(role);
    // a badge's number: the first text node that holds one (aria-hidden copies aside;
    // a price such as Oscar's "Basket total: £94.44" is no count)
    const tw = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = tw.nextNode(); n; n = tw.nextNode()) {
      if (n.parentElement && n.parentElement.closest('[aria-hidden="true"]')) continue;
      const t = n.textContent.replace(/[£$€¥]\s?[\d.,]+|[\d.,]+\s?(€|EUR|USD|GBP|CHF)\b|\d+[.,]\d\d(?!\d)/g, ' ');
      const m = t.match(/\d+/); if (m) { c.count = parseInt(m[0], 10); break; }
    }
    if (c.count === null) { const m = (el.getAttribute('aria-label') || '').match(/\d+/); if (m) c.count = parseInt(m[0], 10); }
    cands.push(c);
  }
  out.candidates = cands;
  // form fields a customer sees
  const fields = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const t = (el.getAttribute('type') || el.tagName).toLowerCase();
    if (['hidden', 'submit', 'button', 'image', 'reset'].includes(t)) continue;
    const vis = visible(el) || (['radio', 'checkbox'].includes(t) && el.labels && [...el.labels].some(visible));
    const form = el.form || el.closest('form');
    let label = '';
    if (el.labels && el.labels.length) label = text(el.labels[0]);
    label = label || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '';
    const fs = el.closest('fieldset'); const legend = fs && fs.querySelector('legend');
    const opts = el.tagName === 'SELECT' ? [...el.options].map((o) => ({value: o.value, text: o.text.trim().slice(0, 60), disabled: o.disabled})) : null;
    fields.push({
      sel: selector(el), tag: el.tagName.toLowerCase(), type: t, name: (el.getAttribute('name') || '').slice(0, 80), id: el.id.slice(0, 80),
      autocomplete: (el.getAttribute('autocomplete') || '').toLowerCase().slice(0, 60), required: el.required || el.getAttribute('aria-required') === 'true',
      label: label.replace(/\s+/g, ' ').trim().slice(0, 100), legend: legend ? text(legend).slice(0, 100) : '', visible: vis,
      value: el.tagName === 'SELECT' ? el.value : (['radio', 'checkbox'].includes(t) ? (el.checked ? 'on' : '') : (el.value ? 'set' : '')),
      options: opts, form: form ? selector(form) : '', action: form ? (form.getAttribute('action') || '') : '', method: form ? (form.getAttribute('method') || 'get').toLowerCase() : '',
      invalid: el.getAttribute('aria-invalid') === 'true', where: where(el), top: Math.round(el.getBoundingClientRect().top + scrollY),
      search: t === 'search' || !!el.closest('[role="search"], form[role="search"]') || /^(q|s|search|query|sSearch|keywords?)$/.test(el.getAttribute('name') || ''),
    });
    if (fields.length >= 200) break;
  }
  out.fields = fields;
  // structured data
  const types = []; const product = {name: null, in_stock: null, variants: 0, varies_by: []};
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(walk); return; }
    const t = [].concat(node['@type'] || []).map(String);
    types.push(...t);
    if (t.includes('Product') || t.includes('ProductGroup')) {
      product.name = product.name || (typeof node.name === 'string' ? node.name.slice(0, 120) : null);
      const offers = [].concat(node.offers || []).flatMap((o) => o && o.offers ? [].concat(o.offers) : [o]);
      for (const o of offers) if (o && typeof o.availability === 'string') product.in_stock = product.in_stock || /InStock|LimitedAvailability|PreOrder/i.test(o.availability);
    }
    if (t.includes('ProductGroup')) {
      product.variants = [].concat(node.hasVariant || []).length;
      product.varies_by = [].concat(node.variesBy || []).map((v) => String(v).replace(/^https?:\/\/schema\.org\//, '')).slice(0, 6);
    }
    if (node['@graph']) walk(node['@graph']);
    for (const k of ['hasVariant', 'mainEntity', 'itemListElement']) if (node[k] && typeof node[k] === 'object') walk(node[k]);
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) { try { walk(JSON.parse(s.textContent)); } catch (e) {} }
  if (document.querySelector('[itemtype*="schema.org/Product"]')) types.push('Product');
  if (document.querySelector('[itemtype*="schema.org/Offer"]')) types.push('Offer');
  out.types = [...new Set(types)].slice(0, 30);
  out.product = product;
  out.platforms = {};
"""
    + "".join(
        f"  try {{ out.platforms['{k}'] = {v}; }} catch (e) {{ out.platforms['{k}'] = false; }}\n"
        for k, v in _PLATFORM_JS.items()
    )
    + r"""
  // what a customer reads: headings, messages, prices, step indicators
  out.h1 = (document.querySelector('h1') ? text(document.querySelector('h1')) : '').slice(0, 160);
  const msgs = [];
  for (const el of document.querySelectorAll('[role="status"], [role="alert"], [aria-live], .notice, .message, .messages, .alert, .toast, .notification, [class*="success" i], [class*="added" i], [class*="flash" i], dialog[open], [role="dialog"]')) {
    if (!visible(el)) continue; const t = text(el); if (t) msgs.push(t.slice(0, 200));
    if (msgs.length >= 8) break;
  }
  out.messages = msgs;
  const main = document.querySelector('main, [role="main"]') || document.body;
  out.main_text = main ? text(main).slice(0, 4000) : '';
"""
    + STEPS_JS
    + r"""
  const stepSel = '[aria-current="step"], .steps, .step-indicator, .progress-steps, .checkout-steps, [class*="progress" i] li, [class*="step" i] li, ol.steps li';
  out.step_indicator = !!document.querySelector(stepSel) || out.step_lists.length > 0;
  out.viewport = {width: vw, height: vh, page_height: document.documentElement.scrollHeight};
  out.password = [...document.querySelectorAll('input[type="password"]')].some(visible);
  out.captcha = !!document.querySelector('iframe[src*="recaptcha"], iframe[src*="hcaptcha"], iframe[src*="challenges.cloudflare"], #challenge-form, .g-recaptcha, .h-captcha, #cf-challenge-running') || /^(just a moment|attention required|access denied)/i.test(document.title);
  return out;
}
"""
)


@dataclass(frozen=True)
class Match:
    """An element recognised for a role, and the rung of the ladder that recognised it."""

    role: str
    selector: str
    rung: str
    name: str
    href: str = ""
    fold: bool = True
    tag: str = ""
    attrs: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"selector": self.selector, "rung": self.rung, "name": self.name[:80]}


def scan_args(selectors: dict[str, str] | None = None) -> dict[str, Any]:
    """The argument of ``SCAN_JS``: the platforms' selectors and the config's."""
    return {"platform": PLATFORM_SELECTORS, "config": dict(selectors or {})}


def platform_of(facts: dict[str, Any]) -> str | None:
    """The shop platform the page says it runs on, or None."""
    for name, yes in sorted((facts.get("platforms") or {}).items()):
        if yes:
            return name
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _testid_hit(role: str, value: str) -> bool:
    squeezed = re.sub(r"[-_\s.]", "", value.lower())
    return bool(squeezed) and re.search(_TEST_WORDS.get(role, r"$^"), squeezed) is not None


def _name_hit(role: str, name: str) -> bool:
    pattern = _NAMES.get(role)
    return bool(pattern and name and re.search(pattern, _norm(name)))


def _pattern_hit(role: str, c: dict[str, Any]) -> bool:
    attrs = c.get("attrs") or ""
    if role in _PATTERN_ATTRS and re.search(_PATTERN_ATTRS[role], attrs):
        return True
    if role == "final_order" and _FINAL_ATTRS.search(attrs):
        return True
    path = _path_of(c.get("href") or "") or (c.get("action") or "").lower()
    if role in _PATH_WORDS and path and re.search(_PATH_WORDS[role], path):
        return True
    return role == "add_to_cart" and bool(re.search(r"/cart/add|add[-_]?to[-_]?cart", path))


def _path_of(href: str) -> str:
    m = re.match(r"^[a-z]+://[^/]+(/[^#]*)?", href.lower())
    return (m.group(1) or "/") if m else ""


def _usable(role: str, c: dict[str, Any]) -> bool:
    if not c.get("visible") or (c.get("disabled") and role not in ("final_order", "add_to_cart")):
        return False
    if role in _LINK_ROLES and c.get("tag") != "a":
        return False
    return not (role == "add_to_cart" and c.get("where") in ("header", "footer"))


def _structured(role: str, c: dict[str, Any], facts: dict[str, Any], pool: list[dict]) -> bool:
    """The structured-data rung: a product page (schema.org Product/Offer) whose one
    form that posts has a submit button: that button buys."""
    if role != "add_to_cart":
        return False
    types = set(facts.get("types") or ())
    if not types & {"Product", "ProductGroup", "Offer"}:
        return False
    buying = {
        x["form"]
        for x in pool
        if x.get("form") and x.get("method") == "post" and x.get("where") == "main"
    }
    return (
        len(buying) == 1
        and c.get("form") in buying
        and c.get("tag") in ("button", "input")
        and c.get("type") in ("", "submit")
    )


def recognise(
    facts: dict[str, Any], role: str, *, where: tuple[str, ...] | None = None
) -> Match | None:
    """The element for ``role`` on the scanned page, by the first rung that finds one
    (visible ones only; among several on one rung, the first in the page outside the
    header and footer where the role lives in the content). None where no rung does."""
    pool = [c for c in facts.get("candidates") or () if _usable(role, c)]
    if where is not None:
        pool = [c for c in pool if c.get("where") in where]
    rungs = (
        ("config", lambda c: role in (c.get("config") or ())),
        ("test-attribute", lambda c: _testid_hit(role, c.get("testid") or "")),
        ("role-name", lambda c: _name_hit(role, c.get("name") or "")),
        ("platform", lambda c: any(k.startswith(role + "|") for k in c.get("platform") or ())),
        ("structured-data", lambda c: _structured(role, c, facts, pool)),
        ("pattern", lambda c: _pattern_hit(role, c)),
    )
    for rung, hit in rungs:
        found = [c for c in pool if hit(c)]
        if found:
            best = sorted(found, key=lambda c: (c.get("where") in ("header", "footer"), 0))[0]
            if role in ("cart_link", "contact", "shipping", "returns", "imprint"):
                best = found[0]  # header and footer are where these live
            return Match(
                role,
                best["sel"],
                rung,
                best.get("name") or "",
                best.get("href") or "",
                bool(best.get("fold")),
                best.get("tag") or "",
                best.get("attrs") or "",
            )
    return None


def final_order_wording(name: str) -> bool:
    """A final order button's words make the duty to pay clear (§ 312j (3) BGB):
    "zahlungspflichtig bestellen" or an equally clear "kaufen", "kostenpflichtig
    bestellen", "jetzt bezahlen"."""
    n = _norm(name)
    return bool(
        re.search(
            r"zahlungspflichtig bestellen|kostenpflichtig bestellen|^jetzt kaufen$|^kaufen$"
            r"|zahlungspflichtig|^jetzt bezahlen$|^kauf abschließen$",
            n,
        )
    )
