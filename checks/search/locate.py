"""Find the shop's search on a page, the way a customer's eye does, as plain facts.

One in-page script looks for the search field (``input[type=search]``, the common
names q, s, query, search, keywords, suche, ``role=search``, forms that send to a
search address, placeholders and labels in English and German) and, where no field
is visible, for the icon or button that opens one. It returns facts, no verdicts:
the field's selector, where it stands (header, nav, main, footer), whether it is
visible without a click, its width in pixels and in characters of its own font, its
accessible name and where that name comes from, the form's method and address,
``role=search`` and the submit button.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LOCATE_JS", "clean_locate"]

LOCATE_JS = r"""
(given) => {
  const WORD = /search|suche|such|find|finden|recherche|buscar|zoek|query/i;
  const NAMES = ['q', 's', 'query', 'search', 'keywords', 'keyword', 'suche', 'ssearch', 'search_query', 'searchterm', 'term', 'text'];
  const txt = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const visible = (el) => {
    if (!el || !el.getBoundingClientRect) return false;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (r.width < 2 || r.height < 2 || cs.visibility === 'hidden' || cs.display === 'none' || +cs.opacity === 0) return false;
    for (let p = el; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return true;
  };
  const cssPath = (el) => {
    if (el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1) return '#' + CSS.escape(el.id);
    const name = el.getAttribute('name');
    if (name) {
      const sel = el.tagName.toLowerCase() + '[name="' + name.replace(/"/g, '\\"') + '"]';
      if (document.querySelectorAll(sel).length === 1) return sel;
    }
    const parts = [];
    for (let n = el; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
      if (n.id && document.querySelectorAll('#' + CSS.escape(n.id)).length === 1) { parts.unshift('#' + CSS.escape(n.id)); break; }
      let i = 1;
      for (let s = n.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === n.tagName) i++;
      parts.unshift(n.tagName.toLowerCase() + ':nth-of-type(' + i + ')');
    }
    return parts.join(' > ');
  };
  const where = (el) => {
    if (el.closest('header, [role="banner"]')) return 'header';
    if (el.closest('footer, [role="contentinfo"]')) return 'footer';
    if (el.closest('nav, [role="navigation"]')) return 'nav';
    if (el.closest('aside, [role="complementary"]')) return 'aside';
    if (el.closest('main, [role="main"]')) return 'main';
    const r = el.getBoundingClientRect();
    return r.top + window.scrollY < 200 ? 'header' : 'body';
  };
  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const t = txt(by.split(/\s+/).map((id) => { const n = document.getElementById(id); return n ? n.textContent : ''; }).join(' '));
      if (t) return [t, 'aria-labelledby'];
    }
    const al = txt(el.getAttribute('aria-label'));
    if (al) return [al, 'aria-label'];
    if (el.labels && el.labels.length) {
      const t = txt([...el.labels].map((l) => l.textContent).join(' '));
      if (t) return [t, 'label'];
    }
    const title = txt(el.getAttribute('title'));
    if (title) return [title, 'title'];
    const ph = txt(el.getAttribute('placeholder'));
    if (ph) return [ph, 'placeholder'];
    return ['', 'none'];
  };
  const chars = (el) => {
    const cs = getComputedStyle(el);
    const c = document.createElement('canvas').getContext('2d');
    c.font = cs.font || (cs.fontSize + ' ' + cs.fontFamily);
    const sample = 'the quick brown fox jumps over a lazy dog';
    const per = c.measureText(sample).width / sample.length || 7;
    const inner = el.clientWidth - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0);
    return Math.round(Math.max(0, inner) / per);
  };
  const isCandidate = (el) => {
    if (el.disabled) return 0;
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (el.tagName === 'INPUT' && !['text', 'search', ''].includes(type)) return 0;
    const form = el.form;
    if (form && form.querySelector('input[type="password"], input[type="email"]')) return 0;
    let score = 0;
    if (type === 'search') score += 4;
    if (el.closest('[role="search"], search')) score += 4;
    if (NAMES.includes((el.getAttribute('name') || '').toLowerCase())) score += 2;
    if (WORD.test(el.getAttribute('name') || '') || WORD.test(el.id || '')) score += 2;
    if (WORD.test(el.getAttribute('placeholder') || '') || WORD.test(el.getAttribute('aria-label') || '')) score += 3;
    if (el.labels && [...el.labels].some((l) => WORD.test(l.textContent))) score += 3;
    if (form && WORD.test(form.getAttribute('action') || '')) score += 3;
    if (form && (WORD.test(form.className || '') || WORD.test(form.id || ''))) score += 1;
    if (el.getAttribute('role') === 'combobox' || el.getAttribute('aria-autocomplete')) score += 1;
    return score;
  };
  const describe = (el) => {
    const [name, source] = nameOf(el);
    const form = el.form;
    const submit = form ? form.querySelector('button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]') : null;
    const near = el.parentElement ? el.parentElement.querySelector('button') : null;
    const r = el.getBoundingClientRect();
    return {
      selector: cssPath(el),
      where: where(el),
      visible: visible(el),
      width_px: Math.round(r.width),
      width_chars: chars(el),
      name, name_source: source,
      placeholder: txt(el.getAttribute('placeholder')).slice(0, 120),
      input_name: (el.getAttribute('name') || '').slice(0, 60),
      role_search: !!el.closest('[role="search"], search'),
      form: !!form,
      method: form ? (form.getAttribute('method') || 'get').toLowerCase() : '',
      action: form ? (form.action || '').slice(0, 2000) : '',
      submit: !!(submit || near),
      submit_selector: submit ? cssPath(submit) : (near ? cssPath(near) : ''),
      combobox: el.getAttribute('role') === 'combobox' || !!el.getAttribute('aria-autocomplete') || !!el.getAttribute('list'),
      snippet: el.outerHTML.slice(0, 400),
    };
  };
  let field = null;
  if (given) {
    try { field = document.querySelector(given); } catch (e) { field = null; }
  }
  if (!field) {
    const scored = [...document.querySelectorAll('input, textarea')].slice(0, 300)
      .map((el, i) => [isCandidate(el), visible(el) ? 1 : 0, el.closest('header, [role="banner"]') ? 1 : 0, -i, el])
      .filter((c) => c[0] >= 3)
      .sort((a, b) => (b[1] - a[1]) || (b[2] - a[2]) || (b[0] - a[0]) || (b[3] - a[3]));
    field = scored.length ? scored[0][4] : null;
  }
  const out = { field: field ? describe(field) : null, trigger: null, fields: 0 };
  out.fields = [...document.querySelectorAll('input, textarea')].slice(0, 300).filter((el) => isCandidate(el) >= 3).length;
  if (!field || !visible(field)) {
    const triggers = [...document.querySelectorAll('button, a, [role="button"], summary, label')].slice(0, 500).filter((el) => {
      if (!visible(el)) return false;
      const hay = [el.getAttribute('aria-label'), el.getAttribute('title'), el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className, el.id, txt(el.textContent).slice(0, 40), el.getAttribute('data-action'), el.getAttribute('aria-controls'), el.getAttribute('href') && el.getAttribute('href').startsWith('#') ? el.getAttribute('href') : ''].join(' ');
      const icon = el.querySelector('svg[class*="search" i], svg[class*="such" i], [class*="icon-search" i], [class*="search-icon" i], [class*="magnif" i], [class*="lupe" i]');
      return WORD.test(hay) || !!icon;
    });
    const t = triggers.find((el) => el.closest('header, [role="banner"]')) || triggers[0];
    if (t) {
      const [name] = [txt(t.getAttribute('aria-label') || t.getAttribute('title') || t.textContent).slice(0, 120)];
      out.trigger = { selector: cssPath(t), where: where(t), name, snippet: t.outerHTML.slice(0, 400) };
    }
  }
  return out;
}
"""


def _s(value: Any, limit: int = 200) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _n(value: Any) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def clean_locate(raw: Any) -> dict[str, Any]:
    """The script's answer typed and cut to size (the page is untrusted)."""
    if not isinstance(raw, dict):
        return {"field": None, "trigger": None, "fields": 0}
    f = raw.get("field")
    field = None
    if isinstance(f, dict):
        field = {
            "selector": _s(f.get("selector"), 500),
            "where": _s(f.get("where"), 20),
            "visible": bool(f.get("visible")),
            "width_px": _n(f.get("width_px")),
            "width_chars": _n(f.get("width_chars")),
            "name": _s(f.get("name"), 120),
            "name_source": _s(f.get("name_source"), 20),
            "placeholder": _s(f.get("placeholder"), 120),
            "input_name": _s(f.get("input_name"), 60),
            "role_search": bool(f.get("role_search")),
            "form": bool(f.get("form")),
            "method": _s(f.get("method"), 10),
            "action": _s(f.get("action"), 2000),
            "submit": bool(f.get("submit")),
            "submit_selector": _s(f.get("submit_selector"), 500),
            "combobox": bool(f.get("combobox")),
            "snippet": _s(f.get("snippet"), 400),
        }
    t = raw.get("trigger")
    trigger = None
    if isinstance(t, dict):
        trigger = {
            "selector": _s(t.get("selector"), 500),
            "where": _s(t.get("where"), 20),
            "name": _s(t.get("name"), 120),
            "snippet": _s(t.get("snippet"), 400),
        }
    return {"field": field, "trigger": trigger, "fields": _n(raw.get("fields"))}
