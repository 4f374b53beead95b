# ruff: noqa: E501
"""The forms gatherer: plain facts about every form and form-like group of a page.

One script reads the DOM once per page (read-only: nothing is typed, clicked or sent);
every forms check calls ``gather_forms`` and the result is cached per tab and URL, so
seven checks cost one DOM walk. Each check judges all the forms of the first page of
each template, and on every other page the forms it has not seen before (by their
structure, ``form_print``): a form that only the fifth page of a template shows is
judged too.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any
from urllib.parse import urlsplit

from auditor.checkkit import OncePerTemplate
from auditor.urls import TemplateGrouper

__all__ = ["FORMS_JS", "form_print", "forms_to_judge", "gather_forms", "gather_once"]

FORMS_JS = r"""
() => {
  const MAX_FORMS = 25, MAX_FIELDS = 60;
  const clip = (s, n) => { s = (s || '').replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; };
  const snippet = (el) => { const c = el.cloneNode(false); return clip(c.outerHTML, 240); };
  const visible = (el) => {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none' || parseFloat(cs.opacity) === 0) return false;
    if (cs.clip === 'rect(0px, 0px, 0px, 0px)' || el.closest('[hidden]')) return false;
    return true;
  };
  const unique = (sel) => { try { return document.querySelectorAll(sel).length === 1; } catch (e) { return false; } };
  const selectorOf = (el) => {
    if (el.id && unique('#' + CSS.escape(el.id))) return '#' + CSS.escape(el.id);
    const tag = el.tagName.toLowerCase();
    const name = el.getAttribute('name');
    if (name) { const s = `${tag}[name="${CSS.escape(name)}"]`; if (unique(s)) return s; }
    if (tag === 'form' && el.getAttribute('action') !== null) {
      const s = `form[action="${CSS.escape(el.getAttribute('action'))}"]`; if (unique(s)) return s;
    }
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.body && parts.length < 8) {
      if (node.id && unique('#' + CSS.escape(node.id))) { parts.unshift('#' + CSS.escape(node.id)); break; }
      let i = 1, sib = node;
      while ((sib = sib.previousElementSibling)) if (sib.tagName === node.tagName) i++;
      parts.unshift(`${node.tagName.toLowerCase()}:nth-of-type(${i})`);
      node = node.parentElement;
    }
    return parts.join(' > ');
  };
  // visible text, and the accessible-name text (aria-hidden parts left out)
  const seen = (el) => clip(el ? el.innerText || el.textContent : '', 200);
  const spoken = (el) => {
    if (!el) return '';
    const c = el.cloneNode(true);
    c.querySelectorAll('[aria-hidden="true"],input,select,textarea,button').forEach((x) => x.remove());
    return clip(c.textContent, 200);
  };
  const byIds = (ids) => (ids || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)).filter(Boolean);
  const canvas = document.createElement('canvas').getContext('2d');
  const chWidth = (el) => { const cs = getComputedStyle(el); canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`; return canvas.measureText('0').width || parseFloat(cs.fontSize) / 2; };
  const REQ = /(^|\s|\()(\*|required|pflicht(feld)?|erforderlich)(\s|\)|$|:)/i;
  const REQ_STAR = /\*/;
  const OPT = /optional|freiwillig|\(opt\.?\)|kann leer/i;
  const SUBMITS = 'button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]';
  const BUTTONS = SUBMITS + ', button[type="button"], [role="button"], input[type="button"]';
  const CONTROLS = 'input:not([type="hidden"]), select, textarea';

  const fieldFacts = (el) => {
    const tag = el.tagName.toLowerCase();
    const type = tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : tag;
    const labelsFor = el.id ? Array.from(document.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) : [];
    const wrap = el.closest('label');
    const labelled = byIds(el.getAttribute('aria-labelledby'));
    const labelEls = [...labelsFor, ...(wrap && !labelsFor.includes(wrap) ? [wrap] : [])];
    const visLabels = [...labelEls, ...labelled].filter(visible);
    const described = byIds(el.getAttribute('aria-describedby'));
    const errEl = byIds(el.getAttribute('aria-errormessage'));
    const container = el.parentElement;
    let around = '';
    if (container) {
      const c = container.cloneNode(true);
      c.querySelectorAll('input,select,textarea,button,script,style').forEach((x) => x.remove());
      around = clip(c.innerText || c.textContent, 200);
    }
    const accName = clip(
      labelled.length ? labelled.map(spoken).join(' ')
        : el.getAttribute('aria-label') || labelEls.map(spoken).join(' ') || el.getAttribute('title') || el.getAttribute('placeholder') || '', 200);
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const inner = r.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
    const labelText = visLabels.map(seen).join(' ');
    let toggle = false;
    if (type === 'password') {
      let box = el.parentElement;
      for (let i = 0; i < 3 && box && !toggle; i++, box = box.parentElement) {
        toggle = Array.from(box.querySelectorAll('button, [role="button"], input[type="checkbox"], [aria-controls]')).some((b) =>
          (el.id && b.getAttribute('aria-controls') === el.id) ||
          /show|hide|reveal|anzeigen|einblenden|ausblenden|sichtbar/i.test((b.innerText || '') + ' ' + (b.getAttribute('aria-label') || '') + ' ' + (b.getAttribute('title') || '') + ' ' + (b.labels && b.labels[0] ? b.labels[0].innerText : '')));
      }
    }
    return {
      tag, type, name: el.getAttribute('name') || '', id: el.id || '',
      selector: selectorOf(el), snippet: snippet(el),
      autocomplete: el.getAttribute('autocomplete'),
      inputmode: el.getAttribute('inputmode'), pattern: el.getAttribute('pattern'),
      minlength: el.getAttribute('minlength'), maxlength: el.getAttribute('maxlength'),
      required: !!el.required, aria_required: el.getAttribute('aria-required') === 'true',
      aria_invalid: el.getAttribute('aria-invalid'),
      describedby: el.getAttribute('aria-describedby') || '',
      described_text: clip(described.filter(visible).map(seen).join(' '), 200),
      errormessage: clip(errEl.map(seen).join(' '), 200),
      label_for: clip(labelsFor.map(seen).join(' '), 200), label_wrap: wrap ? seen(wrap) : '',
      labelledby: clip(labelled.map(seen).join(' '), 200),
      aria_label: clip(el.getAttribute('aria-label') || '', 200), title: clip(el.getAttribute('title') || '', 200),
      placeholder: clip(el.getAttribute('placeholder') || '', 200),
      label_text: clip(labelText, 200), acc_name: accName, around,
      required_marker: REQ.test(labelText) || REQ_STAR.test(labelText) || el.getAttribute('aria-required') === 'true' && REQ_STAR.test(around),
      optional_marker: OPT.test(labelText) || OPT.test(around),
      visible: visible(el), width: Math.round(r.width), height: Math.round(r.height),
      chars: inner > 0 ? Math.round(inner / chWidth(el)) : 0,
      options: tag === 'select' ? el.options.length : null,
      value_length: (el.value || '').length, password_toggle: toggle,
    };
  };
  const buttonFacts = (b) => {
    const text = clip(b.tagName === 'INPUT' ? b.value : b.innerText || b.textContent, 120);
    const img = b.querySelector('svg, img, i, [class*="icon"]');
    const imgAlt = Array.from(b.querySelectorAll('img[alt], svg[aria-label], svg title')).map((x) => x.getAttribute('alt') || x.getAttribute('aria-label') || x.textContent).join(' ').trim();
    const labelled = byIds(b.getAttribute('aria-labelledby')).map(spoken).join(' ');
    const r = b.getBoundingClientRect();
    return {
      tag: b.tagName.toLowerCase(), type: (b.getAttribute('type') || (b.tagName === 'BUTTON' ? 'submit' : '')).toLowerCase(),
      submit: b.matches(SUBMITS), text, aria_label: clip(b.getAttribute('aria-label') || '', 120),
      labelledby: clip(labelled, 120), title: clip(b.getAttribute('title') || '', 120), image_alt: clip(b.getAttribute('alt') || imgAlt, 120),
      icon: !!img, visible: visible(b), width: Math.round(r.width), height: Math.round(r.height),
      selector: selectorOf(b), snippet: clip(b.outerHTML, 300),
    };
  };
  const heading = (root) => {
    const legend = root.querySelector('legend');
    if (legend && visible(legend)) return seen(legend);
    const inner = root.querySelector('h1,h2,h3,h4');
    if (inner) return seen(inner);
    let node = root;
    for (let depth = 0; node && depth < 4; depth++) {
      let sib = node.previousElementSibling;
      for (let i = 0; sib && i < 6; i++, sib = sib.previousElementSibling) {
        if (/^H[1-4]$/.test(sib.tagName)) return seen(sib);
        const h = sib.querySelector && sib.querySelector('h1,h2,h3,h4');
        if (h) return seen(h);
      }
      node = node.parentElement;
    }
    return '';
  };
  const before = (root) => {
    const parts = [];
    let sib = root.previousElementSibling;
    for (let i = 0; sib && i < 3; i++, sib = sib.previousElementSibling) parts.unshift(seen(sib));
    return clip(parts.join(' '), 300);
  };
  const describe = (root, isForm) => {
    const controls = Array.from(root.querySelectorAll(CONTROLS)).filter((el) => isForm ? el.form === root || !el.form : !el.form);
    const buttons = Array.from(root.querySelectorAll(isForm ? BUTTONS : BUTTONS)).filter((b) => visible(b));
    if (isForm && root.id) buttons.push(...Array.from(document.querySelectorAll(`[form="${CSS.escape(root.id)}"]`)).filter((b) => b.matches(BUTTONS) && visible(b)));
    const text = clip(root.innerText, 400);
    const action = isForm ? (root.getAttribute('action') === null ? location.href : root.action) : '';
    return {
      element: isForm ? 'form' : 'group', selector: selectorOf(root), snippet: snippet(root),
      id: root.id || '', name: root.getAttribute('name') || '', action, method: isForm ? (root.getAttribute('method') || 'get').toLowerCase() : '',
      novalidate: isForm ? root.noValidate : false, role: root.getAttribute('role') || '',
      aria_label: clip(root.getAttribute('aria-label') || '', 120), heading: heading(root), text, before: before(root),
      visible: visible(root),
      captcha: !!root.querySelector('iframe[src*="recaptcha"], iframe[src*="hcaptcha"], iframe[src*="turnstile"], .g-recaptcha, .h-captcha, .cf-turnstile, [name*="captcha" i], [id*="captcha" i], img[src*="captcha" i]'),
      fields: controls.slice(0, MAX_FIELDS).map(fieldFacts), fields_total: controls.length,
      buttons: buttons.slice(0, 12).map(buttonFacts),
    };
  };
  const forms = Array.from(document.forms).slice(0, MAX_FORMS).map((f) => describe(f, true));
  // form-like groups: visible controls outside any form, grouped by the nearest ancestor
  // that also holds a button (how single-page shops build their checkouts)
  const loose = Array.from(document.querySelectorAll(CONTROLS)).filter((el) => !el.form && !el.closest('form') && visible(el));
  const groups = new Map();
  for (const el of loose) {
    let node = el.parentElement, root = null;
    for (let i = 0; node && node !== document.body && i < 8; i++, node = node.parentElement) {
      if (node.querySelector(BUTTONS)) { root = node; break; }
    }
    root = root || el.parentElement;
    if (!groups.has(root)) groups.set(root, true);
  }
  const roots = Array.from(groups.keys()).filter((r) => !Array.from(groups.keys()).some((o) => o !== r && o.contains(r)));
  const grouped = roots.slice(0, Math.max(0, MAX_FORMS - forms.length)).map((r) => describe(r, false));
  const h1 = document.querySelector('h1');
  return { url: location.href, title: clip(document.title, 200), h1: h1 ? seen(h1) : '',
           viewport: { width: window.innerWidth, height: window.innerHeight },
           forms: [...forms, ...grouped] };
}
"""

#: the last few pages' facts, per tab and URL: every forms check asks, the DOM is read once
_CACHE: OrderedDict[tuple[int, str], dict] = OrderedDict()
_CACHE_SIZE = 16


async def gather_forms(page: Any, url: str) -> dict:
    """The forms of the page loaded in ``page`` (read once per tab and URL)."""
    key = (id(page), url)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    data = await page.evaluate(FORMS_JS)
    _CACHE[key] = data
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return data


#: what a field's fingerprint keeps: what the forms checks judge, not its name or value
#: (a facet widget's checkboxes are named after each category's options)
_FIELD_SHAPE = (
    "tag", "type", "label_text", "aria_label", "labelledby", "placeholder", "required",
    "aria_required", "autocomplete", "inputmode", "visible", "required_marker",
    "optional_marker",
)  # fmt: skip
_BUTTON_SHAPE = ("tag", "type", "text", "aria_label", "icon", "visible")


def form_print(form: dict) -> str:
    """A form's structure as a short key: where it sends (as a URL pattern), its kinds of fields and how
    each is labelled, its buttons. Two pages with the same key show the same form to
    the forms checks; a new key is a new form worth judging, wherever it appears."""
    # the pattern of where it sends: a product's review form posts to its own address
    action = TemplateGrouper().template_of("http://form" + urlsplit(form.get("action") or "").path)
    fields = sorted(
        {tuple(bool(f.get(k)) if k.endswith(("text", "label", "by", "holder")) else f.get(k)
               for k in _FIELD_SHAPE) for f in form.get("fields") or []},
        key=repr,
    )  # fmt: skip
    buttons = sorted(
        {tuple(bool(b.get(k)) if k in ("text", "aria_label") else b.get(k) for k in _BUTTON_SHAPE)
         for b in form.get("buttons") or []},
        key=repr,
    )  # fmt: skip
    facts = (form.get("element"), form.get("method"), action, form.get("novalidate"),
             form.get("captcha"), fields, buttons)  # fmt: skip
    return hashlib.sha1(repr(facts).encode()).hexdigest()[:16]


async def gather_once(
    seen: OncePerTemplate, page: Any, ctx: Any, known: set[str] | None = None
) -> dict | None:
    """The page's forms on the first successful page of each template; on the other
    pages (where ``known`` is given) only the forms whose structure (``form_print``)
    no page before showed, else None.

    Why every page: a template is a URL pattern, not a form. The fifth page of a CMS
    folder may hold the only contact form, with placeholders for labels; judging the
    first page of each template alone would never see it."""
    if ctx.status is None or not 200 <= ctx.status < 300:
        return None
    first = seen.first(ctx.template)
    if not first and known is None:
        return None
    return forms_to_judge(await gather_forms(page, ctx.url), first, known)


def forms_to_judge(data: dict, first: bool, known: set[str] | None) -> dict | None:
    """What ``FORMS_JS`` read, kept for a check: all the forms on the first page of a
    template (``first``), else only those whose structure is not in ``known`` (which
    learns this page's forms); None where nothing is left to judge."""
    if not isinstance(data, dict):
        return None
    forms = data.get("forms") or []
    prints = [form_print(f) for f in forms]
    if known is not None:
        new = [f for f, p in zip(forms, prints, strict=True) if p not in known]
        known.update(prints)
        if not first:
            forms = new
    return {**data, "forms": forms} if forms else None
