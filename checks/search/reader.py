"""Read a search results page: what a customer sees after pressing Enter.

Two halves. ``RESULTS_JS`` runs in the page and returns plain facts: the main
content's text, the links that stand for results (product cards, in page order),
the search fields and their values, sort and filter controls, suggestion links.
``read_results`` is pure: from those facts and the query it tells how many results
are shown, whether a count is stated, whether the query is echoed and kept in the
box, whether the page says "no results" (English and German), and on such a page
what it offers to go on. Pure so that it is tested on pages recorded from several
shop layouts (tests/data/search/).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

__all__ = ["RESULTS_JS", "clean_facts", "read_results"]

RESULTS_JS = r"""
() => {
  const txt = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const visible = (el) => {
    if (!el || !el.getBoundingClientRect) return false;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const CHROME = 'header, footer, nav, aside, [role="banner"], [role="contentinfo"], [role="navigation"], [role="complementary"], [aria-label*="breadcrumb" i], .breadcrumb, .breadcrumbs, [class*="pagination" i], [class*="pager" i], dialog, [role="dialog"]';
  const main = document.querySelector('main, [role="main"], #main, #content, .main-content') || document.body;
  const inChrome = (el) => { const c = el.closest(CHROME); return !!c && !c.contains(main); };
  const CARD = /product|item|card|result|tile|artikel|hit|teaser/i;
  const here = location.pathname;
  const links = [];
  const seen = new Set();
  for (const a of main.querySelectorAll('a[href]')) {
    if (links.length >= 200) break;
    if (!visible(a) || inChrome(a)) continue;
    let u;
    try { u = new URL(a.href, location.href); } catch (e) { continue; }
    if (!/^https?:$/.test(u.protocol) || u.host !== location.host) continue;
    const key = u.origin + u.pathname + u.search;
    if (u.pathname === here) continue;  // sorting, filters, pages, "did you mean": the search itself
    if (seen.has(key)) continue;
    seen.add(key);
    let card = false;
    for (let p = a, i = 0; p && p !== main && i < 6; p = p.parentElement, i++) {
      const cls = (typeof p.className === 'string' ? p.className : '') + ' ' + (p.getAttribute('itemtype') || '') + ' ' + (p.getAttribute('data-product-id') !== null ? 'product' : '');
      if (p.tagName === 'ARTICLE' || CARD.test(cls)) { card = true; break; }
    }
    const grid = !!a.closest('li, article, [class*="grid" i] > *, [class*="list" i] > *');
    links.push([key.slice(0, 2000), txt(a.textContent).slice(0, 120), card, grid]);
  }
  const fields = [...document.querySelectorAll('input[type="search"], input[name="q"], input[name="s"], input[name="query"], input[name="search"], input[name="keywords"], input[name="suche"], input[name="sSearch"], [role="search"] input:not([type="hidden"]):not([type="submit"]), form[action*="search" i] input:not([type="hidden"]):not([type="submit"]), form[action*="such" i] input:not([type="hidden"]):not([type="submit"])')]
    .filter((el) => el.type !== 'hidden').slice(0, 20)
    .map((el) => [String(el.value || '').slice(0, 200), visible(el), !!el.closest(CHROME)]);
  const controls = [...main.querySelectorAll('select, input[type="radio"], input[type="checkbox"], button, a, [role="button"], summary, label')].slice(0, 400);
  const words = (el) => txt([el.getAttribute('aria-label'), el.getAttribute('name'), el.id, typeof el.className === 'string' ? el.className : '', el.tagName === 'SELECT' ? '' : el.textContent, el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : ''].join(' ')).slice(0, 200);
  const SORT = /sort|sortier|reihenfolge|order ?by/i;
  const FILTER = /filter|refine|facet|category|kategorie|price|preis|brand|marke|colou?r|farbe|size|größe|groesse/i;
  const sort = controls.some((el) => SORT.test(words(el)));
  const filterParam = /[?&](filter|category|cat|price|brand|color|colour|size|manufacturer|properties)[^=]*=/i;
  const filters = controls.some((el) => (FILTER.test(words(el)) && el.matches('select, input, summary, button, label')) || filterParam.test(el.getAttribute('href') || ''))
    || !!main.querySelector('[class*="filter" i], [id*="filter" i], [class*="facet" i], [class*="layered-nav" i], [id*="layered" i], [class*="refine" i]');
  const suggest = [...main.querySelectorAll('a[href]')].some((a) => {
    try { const u = new URL(a.href, location.href); return u.pathname === here && u.search && !/[?&](page|p|sort|order)=/i.test(u.search); } catch (e) { return false; }
  });
  const h1 = document.querySelector('h1');
  return {
    url: location.href.slice(0, 2000),
    title: txt(document.title).slice(0, 300),
    h1: txt(h1 ? h1.textContent : '').slice(0, 300),
    text: txt(main.innerText).slice(0, 4000),
    links,
    fields,
    sort,
    filters,
    suggest_links: suggest,
    header: !!document.querySelector('header, [role="banner"]'),
    nav: !!document.querySelector('nav, [role="navigation"]'),
  };
}
"""

_COUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,\u202f ]\d{3})+|\d+)\s*(?:[-–]\s*\d+\s+)?"
    r"(?:results?|products?|items?|matches|hits|treffer|ergebnisse?|artikel|produkte?|"
    r"suchergebnisse?|einträge|eintraege)\b",
    re.I,
)
_OF_TOTAL = re.compile(
    r"\b(?:showing|anzeige|zeige)?\s*\d+\s*[-–]\s*\d+\s+(?:of|von|aus)\s+(\d[\d.,]*)", re.I
)
_ZERO = re.compile(
    r"\b(?:no|zero|0)\s+(?:search\s+)?(?:results?|products?|items?|matches|hits)\b|"
    r"nothing\s+(?:was\s+)?found|did\s*n[o']t\s+match\s+any|did\s+not\s+match|"
    r"could\s*n[o']?t\s+find|could\s+not\s+find|can[' ]?no?t\s+find|no\s+products\s+were\s+found|"
    r"\bkeine\s+(?:passenden\s+)?(?:such)?(?:ergebnisse|treffer|produkte|artikel)\b|"
    r"nichts\s+gefunden|ergab\s+keine|leider\s+(?:keine|nichts)|"
    r"\b0\s+(?:treffer|ergebnisse|produkte|artikel)\b|wurden?\s+keine",
    re.I,
)
_DID_YOU_MEAN = re.compile(
    r"did\s+you\s+mean|meinten\s+sie|meinst\s+du|search\s+instead\s+for|"
    r"showing\s+results\s+for|stattdessen|related\s+search|ähnliche\s+suchbegriffe",
    re.I,
)


def _norm(text: str) -> str:
    return " ".join(unquote(text).casefold().split())


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path.rstrip("/") or "/") + (f"?{parts.query}" if parts.query else "")


def _number(raw: str) -> int:
    return int(re.sub(r"[^\d]", "", raw) or 0)


def _echoes(facts: dict[str, Any], q: str) -> bool:
    """The page repeats the query as the query: in the title or heading, or quoted or
    after "for"/"für" in the text; a product name that happens to contain the word
    does not count."""
    if q in _norm(facts.get("title") or "") or q in _norm(facts.get("h1") or ""):
        return True
    text = _norm(facts.get("text") or "")
    e = re.escape(q)
    quoted = rf"[\"'„“”‘’»«‹›]\s*{e}\s*[\"'“”‘’«»‹›]"
    after = rf"\b(?:for|für|fuer|nach|zu|query|suche|search|searched|suchbegriff)\s*:?\s+{e}(?!\w)"
    return bool(re.search(quoted, text) or re.search(after, text))


def clean_facts(raw: Any) -> dict[str, Any]:
    """The script's answer typed and cut to size (the page is untrusted)."""
    if not isinstance(raw, dict):
        return {}
    links = []
    for item in (raw.get("links") or [])[:200]:
        if isinstance(item, list) and len(item) >= 4 and isinstance(item[0], str):
            links.append([item[0][:2000], str(item[1])[:120], bool(item[2]), bool(item[3])])
    fields = []
    for item in (raw.get("fields") or [])[:20]:
        if isinstance(item, list) and len(item) >= 3:
            fields.append([str(item[0])[:200], bool(item[1]), bool(item[2])])
    return {
        "url": str(raw.get("url") or "")[:2000],
        "title": str(raw.get("title") or "")[:300],
        "h1": str(raw.get("h1") or "")[:300],
        "text": str(raw.get("text") or "")[:4000],
        "links": links,
        "fields": fields,
        "sort": bool(raw.get("sort")),
        "filters": bool(raw.get("filters")),
        "suggest_links": bool(raw.get("suggest_links")),
        "header": bool(raw.get("header")),
        "nav": bool(raw.get("nav")),
    }


def _result_links(links: list[list]) -> list[str]:
    """The links that stand for results: inside product cards where the page marks
    them, else the links of repeated list/grid items."""
    cards = [u for u, _, card, _ in links if card]
    if cards:
        return cards
    return [u for u, _, _, grid in links if grid]


def read_results(
    facts: dict[str, Any], query: str, expected: list[str] | None = None
) -> dict[str, Any]:
    """What a customer learns from the page, as plain values.

    ``expected``: paths (or URLs) of pages the query should find; ``rank`` is the
    1-based place of the first of them among the results, None if absent.
    """
    text = facts.get("text") or ""
    q = _norm(query)
    stated = None
    m = _OF_TOTAL.search(text)
    if m:
        stated = _number(m.group(1))
    else:
        m = _COUNT.search(text)
        if m:
            stated = _number(m.group(1))
    says_zero = bool(_ZERO.search(text)) or stated == 0
    results = [] if says_zero else _result_links(facts.get("links") or [])
    rank = None
    if expected:
        wanted = {_path(e) for e in expected}
        for i, url in enumerate(results, 1):
            if _path(url) in wanted:
                rank = i
                break
    echoed = bool(q) and _echoes(facts, q)
    fields = facts.get("fields") or []
    kept = any(_norm(value) == q for value, vis, _ in fields if vis)
    box = any(vis for _, vis, _ in fields)
    help_links = len(facts.get("links") or [])
    return {
        "zero": says_zero or not results,
        "says_zero": says_zero,
        "shown": len(results),
        "stated": stated,
        "results": results[:50],
        "rank": rank,
        "echoed": echoed,
        "kept": kept,
        "search_box": box,
        "sort": bool(facts.get("sort")),
        "filters": bool(facts.get("filters")),
        "suggestion": bool(_DID_YOU_MEAN.search(text)) or bool(facts.get("suggest_links")),
        "help_links": help_links,
        "chrome": bool(facts.get("header") or facts.get("nav")),
    }
