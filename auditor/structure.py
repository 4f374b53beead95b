"""The page's structure as a customer finds their way through it.

One script, run in every rendered page next to the link collector, records the
landmarks that navigation checks judge and that page-kind recognition needs: the
main menu and its top-level items, the breadcrumb, the search, schema.org types,
pagination and "load more" buttons, whether the page says "not found". It returns
plain data; what the page sends is untrusted, so ``clean_structure`` cuts every
string and list to a sane size before the record keeps it.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["BREADCRUMB_SELECTOR", "STRUCTURE_JS", "clean_structure"]

#: Selectors shared by the link collector (a link's place) and this script.
BREADCRUMB_SELECTOR = (
    'nav[aria-label*="breadcrumb" i], [itemtype*="BreadcrumbList"], .breadcrumb, '
    '.breadcrumbs, [class*="breadcrumb" i], nav[aria-label*="brotkrum" i]'
)

STRUCTURE_JS = """
() => {
  const CRUMBS = __CRUMBS__;
  const PAGER = 'nav[aria-label*="pagination" i], nav[aria-label*="seiten" i], .pagination, [class*="pagination" i], [class*="pager" i]';
  const text = (el) => (el ? (el.innerText || el.textContent || '') : '').replace(/\\s+/g, ' ').trim().slice(0, 200);
  const visible = (el) => {
    if (!el || !el.getBoundingClientRect) return false;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const hrefOf = (el) => (el && el.href ? String(el.href).slice(0, 2000) : null);
  const inFooter = (el) => !!el.closest('footer, [role="contentinfo"]');

  // schema.org types from JSON-LD and microdata, and a JSON-LD breadcrumb trail
  const types = new Set();
  let ldCrumbs = null;
  const walk = (node, depth) => {
    if (!node || depth > 8 || types.size > 40) return;
    if (Array.isArray(node)) { node.slice(0, 50).forEach((n) => walk(n, depth + 1)); return; }
    if (typeof node !== 'object') return;
    const t = node['@type'];
    for (const x of (Array.isArray(t) ? t : [t])) if (typeof x === 'string') types.add(x.slice(0, 60));
    if (t === 'BreadcrumbList' && Array.isArray(node.itemListElement) && !ldCrumbs) {
      ldCrumbs = node.itemListElement.slice(0, 15).map((i) => {
        const item = i && i.item;
        const name = (i && (i.name || (item && item.name))) || '';
        const url = typeof item === 'string' ? item : (item && (item['@id'] || item.url)) || null;
        return [String(name).slice(0, 200), url ? String(url).slice(0, 2000) : null];
      });
    }
    if (node['@graph']) walk(node['@graph'], depth + 1);
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try { walk(JSON.parse(s.textContent), 0); } catch (e) {}
  }
  for (const el of document.querySelectorAll('[itemtype]')) {
    if (types.size > 40) break;
    const t = (el.getAttribute('itemtype') || '').split('/').pop();
    if (t) types.add(t.slice(0, 60));
  }
  const og = document.querySelector('meta[property="og:type"]');

  // breadcrumb in the page (the visible trail a customer sees)
  let breadcrumb = null;
  for (const el of document.querySelectorAll(CRUMBS)) {
    if (!visible(el)) continue;
    const lis = [...el.querySelectorAll('li')];
    const parts = lis.length ? lis : [...el.querySelectorAll('a, span[aria-current]')];
    const items = [];
    for (const p of parts.slice(0, 15)) {
      const a = p.matches('a') ? p : p.querySelector('a[href]');
      const t = text(p);
      if (t) items.push([t, hrefOf(a)]);
    }
    if (items.length) { breadcrumb = items; break; }
  }

  // the main menu: a labelled main navigation first, then the header's, then any
  const isMenu = (el) => !el.matches(CRUMBS) && !el.closest(CRUMBS) && !el.matches(PAGER) && !inFooter(el)
    && el.querySelectorAll('a[href], button, summary').length >= 2;
  const label = (el) => (el.getAttribute('aria-label') || el.id || el.className || '').toString();
  const navs = [...document.querySelectorAll('nav, [role="navigation"]')].filter(isMenu);
  const main = /main|haupt|primary|menu|menü|kategor|categor|shop|sortiment/i;
  // an account or service bar is no main menu, whatever its label ("Account menu")
  const utility = /account|konto|user|utility|service|meta|top-?bar|toolbar|quick/i;
  const mainish = navs.filter((el) => !utility.test(label(el)));
  let menu = mainish.find((el) => main.test(label(el)))
    || mainish.find((el) => el.closest('header, [role="banner"]'))
    || mainish[0]
    || navs.find((el) => el.closest('header, [role="banner"]'))
    || navs[0]
    || [...document.querySelectorAll('[class*="main-nav" i], [class*="mainnav" i], [class*="main-menu" i], [id*="main-nav" i], [id*="mainmenu" i]')].find(isMenu)
    || null;
  const topsOf = (el) => {
    const list = el.querySelector('ul, ol');
    const tops = list ? [...list.children].filter((c) => c.tagName === 'LI') : [];
    return tops.length ? tops : [...el.querySelectorAll('a[href], button, summary')];
  };
  // every navigation of the page with its top level and its place, so that a check can
  // tell the site's main menu from an account bar that a page kept without it
  const allNavs = (menu && !navs.includes(menu) ? [menu, ...navs] : navs).slice(0, 8).map((el) => {
    const tops = topsOf(el);
    return {
      label: (el.getAttribute('aria-label') || '').slice(0, 100),
      in_header: !!el.closest('header, [role="banner"]'),
      items: tops.slice(0, 60).map((li) => {
        const target = li.matches('a, button, summary') ? li : li.querySelector('a[href], button, summary, [tabindex]');
        return [text(target || li).slice(0, 100), target && target.matches('a') ? hrefOf(target) : null];
      }),
      count: tops.length,
    };
  });
  let mainNav = null;
  if (menu) {
    const tops = topsOf(menu);
    const items = tops.slice(0, 60).map((li, idx) => {
      const target = li.matches('a, button, summary') ? li : li.querySelector('a[href], button, summary, [tabindex]');
      // a mark for the keyboard probe of navigation.main-menu, which tabs through the page
      if (target) target.setAttribute('data-auditor-menu-item', String(idx));
      const tab = target ? target.getAttribute('tabindex') : null;
      const focusable = !!target && tab !== '-1' && (target.matches('a[href], button:not([disabled]), summary') || (tab !== null && +tab >= 0));
      return [text(target || li).slice(0, 100), target && target.matches('a') ? hrefOf(target) : null, focusable];
    });
    mainNav = {
      label: (menu.getAttribute('aria-label') || '').slice(0, 100),
      in_header: !!menu.closest('header, [role="banner"]'),
      visible: visible(menu),
      items,
      count: tops.length,
    };
  }

  const search = !!document.querySelector('[role="search"], form[action*="search" i], form[action*="such" i], input[type="search"], input[name="q"], input[name="s"], input[name="query"], input[name="search"], input[name="keywords"], input[name="suche"], input[name="sSearch"]');
  let maxPage = 0;
  let pagerNext = false;
  // "next" in words or arrows; "Page 1 of 3" / "Seite 1 von 3" where no page is numbered
  const nextText = /^(next|next page|weiter|nächste( seite)?|vor|›|»|→|>)$/i;
  const ofPages = /(?:page|seite)\\s*\\d+\\s*(?:of|von|\\/)\\s*(\\d+)/i;
  for (const el of document.querySelectorAll(PAGER)) {
    for (const a of el.querySelectorAll('a[href]')) {
      const n = parseInt(text(a), 10);
      if (n > maxPage && n < 100000) maxPage = n;
      if (nextText.test(text(a)) || nextText.test(a.getAttribute('aria-label') || '')) pagerNext = true;
    }
    const of = ofPages.exec(text(el));
    if (of && +of[1] > maxPage && +of[1] < 100000) maxPage = +of[1];
  }
  const hasNext = pagerNext || !!document.querySelector('a[rel~="next"], link[rel~="next"]');
  const moreText = /^(load|show|view) more|^mehr (laden|anzeigen|produkte|artikel)|^weitere (laden|produkte|artikel|anzeigen)/i;
  const loadMore = [...document.querySelectorAll('button, a, [role="button"]')].some((el) => {
    if (!moreText.test(text(el))) return false;
    const href = el.getAttribute('href');
    return !href || href === '#' || href.startsWith('javascript:');
  });
  const cartText = /add to (cart|bag|basket)|in den (warenkorb|einkaufswagen)|zum warenkorb|in den korb/i;
  const cartEls = [...document.querySelectorAll('button, input[type="submit"], [role="button"], a')]
    .slice(0, 400).filter((el) => cartText.test(text(el) || el.value || ''));
  const cartControls = cartEls.length;
  const addToCart = cartControls > 0;
  // the buy box: cart controls after the h1 and before the next heading (a product's
  // own button, not those of "recently viewed" cards under their own heading)
  const firstH1 = document.querySelector('h1');
  const after = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  const nextHeading = firstH1 && [...document.querySelectorAll('h2, h3, h4')].slice(0, 200)
    .find((el) => after(firstH1, el));
  const buyBoxControls = firstH1 ? cartEls.filter((el) => after(firstH1, el)
    && (!nextHeading || after(el, nextHeading))).length : 0;
  // a visible quantity field: a product page's buy box (a listing's cards have none)
  const quantityFields = [...document.querySelectorAll('input[name*="quantity" i], input[name*="qty" i], input[name*="menge" i], input[name*="anzahl" i], select[name*="quantity" i], select[name*="qty" i]')]
    .slice(0, 50).filter((el) => el.type !== 'hidden' && visible(el)).length;
  const h1 = document.querySelector('h1');
  return {
    lang: (document.documentElement.getAttribute('lang') || '').slice(0, 20),
    h1: text(h1),
    types: [...types],
    og_type: og ? (og.getAttribute('content') || '').slice(0, 60) : '',
    breadcrumb,
    breadcrumb_ld: ldCrumbs,
    main_nav: mainNav,
    navs: allNavs,
    search,
    pagination: { max_page: maxPage, next: hasNext },
    load_more: loadMore,
    add_to_cart: addToCart,
    add_to_cart_count: cartControls,
    quantity_fields: quantityFields,
    buy_box_controls: buyBoxControls,
    header: !!document.querySelector('header, [role="banner"]'),
  };
}
""".replace("__CRUMBS__", json.dumps(BREADCRUMB_SELECTOR))


def _s(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _pairs(value: Any, limit: int) -> list[list[Any]] | None:
    if not isinstance(value, list):
        return None
    out = []
    for item in value[:limit]:
        if isinstance(item, list) and len(item) >= 2:
            href = item[1] if isinstance(item[1], str) else None
            out.append([_s(item[0], 200), href[:2000] if href else None, *item[2:3]])
    return out


def _nav(raw: dict) -> dict[str, Any]:
    """One navigation of the page: its label, place and top-level items."""
    items = _pairs(raw.get("items"), 60) or []
    return {
        "label": _s(raw.get("label"), 100),
        "in_header": bool(raw.get("in_header")),
        "items": [[t[:100], h] for t, h, *_ in items],
        "count": int(raw["count"]) if isinstance(raw.get("count"), int) else len(items),
    }


def _count(value: Any) -> int:
    """A small non-negative count from the page (anything else is 0)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return max(0, min(int(value), 10_000))


def clean_structure(raw: Any) -> dict[str, Any]:
    """The script's answer with every field typed and cut to size (the page is untrusted)."""
    if not isinstance(raw, dict):
        return {}
    nav = raw.get("main_nav")
    main_nav = None
    if isinstance(nav, dict):
        items = _pairs(nav.get("items"), 60) or []
        main_nav = {
            "label": _s(nav.get("label"), 100),
            "in_header": bool(nav.get("in_header")),
            "visible": bool(nav.get("visible")),
            "items": [[t[:100], h, bool(rest[0]) if rest else True] for t, h, *rest in items],
            "count": int(nav["count"]) if isinstance(nav.get("count"), int) else len(items),
        }
    navs = [_nav(n) for n in raw.get("navs") or [] if isinstance(n, dict)][:8]
    pag = raw.get("pagination") if isinstance(raw.get("pagination"), dict) else {}
    max_page = pag.get("max_page")
    return {
        "lang": _s(raw.get("lang"), 20),
        "h1": _s(raw.get("h1"), 200),
        "types": [_s(t, 60) for t in (raw.get("types") or [])[:40] if isinstance(t, str)],
        "og_type": _s(raw.get("og_type"), 60),
        "breadcrumb": _pairs(raw.get("breadcrumb"), 15),
        "breadcrumb_ld": _pairs(raw.get("breadcrumb_ld"), 15),
        "main_nav": main_nav,
        "navs": navs,
        "search": bool(raw.get("search")),
        "pagination": {
            "max_page": max_page if isinstance(max_page, int) else 0,
            "next": bool(pag.get("next")),
        },
        "load_more": bool(raw.get("load_more")),
        "add_to_cart": bool(raw.get("add_to_cart")),
        "add_to_cart_count": _count(raw.get("add_to_cart_count")),
        "quantity_fields": _count(raw.get("quantity_fields")),
        "buy_box_controls": _count(raw.get("buy_box_controls")),
        "header": bool(raw.get("header")),
    }
