# ruff: noqa: E501
"""The error-handling probe: submit a form empty, then with a malformed email, in a tab
of its own where the browser blocks everything the submission would send.

Safety: once the probe starts, every request of the tab's context (popups included)
goes through ``Guard``: only GETs of images, styles, fonts, media and scripts whose
address carries none of the typed values pass; documents (the form's navigation, GET
or POST), XHR, fetch, beacons and every other method are aborted as ERR_ABORTED, so
the page stays where it is and nothing reaches the shop. Only where the settings
allow server validation for the form (never for payment) are the form's own
same-origin submissions let through. Pages run by a service worker are skipped: a
worker could answer or forward requests beyond the routing's reach.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from auditor.screenshots import element_shot

from .classify import field_purpose

__all__ = ["MALFORMED_EMAIL", "Guard", "probe_form", "sample_value"]

MALFORMED_EMAIL = "anna.berg.example.com"
_SAMPLES = {
    "email": "anna.berg@example.com",
    "email-confirm": "anna.berg@example.com",
    "tel": "+49 30 1234567",
    "given-name": "Anna",
    "family-name": "Berg",
    "name": "Anna Berg",
    "street-address": "Hauptstrasse 1",
    "address-line2": "Hinterhaus",
    "postal-code": "10115",
    "address-level2": "Berlin",
    "organization": "Example GmbH",
    "new-password": "Probe-Passw0rd-2024",
    "current-password": "Probe-Passw0rd-2024",
}
_PASS_TYPES = ("image", "stylesheet", "font", "media", "script")


def sample_value(f: dict, kind: str) -> str | None:
    """A plausible value for a field, or None to leave it as it is (selects, boxes)."""
    ftype = f.get("type")
    if ftype in ("select", "checkbox", "radio", "file", "range", "color"):
        return None
    purpose = field_purpose(f, kind)
    if purpose in _SAMPLES:
        return _SAMPLES[purpose]
    if ftype == "number":
        return "1"
    if ftype == "date":
        return "2024-05-01"
    if ftype == "textarea":
        return "Probe message of a usability audit."
    if ftype == "url":
        return "https://example.com/"
    return "Probe text"


@dataclass
class Guard:
    """Decides every request of the probe's context once armed; keeps a log."""

    origin: str
    allow_server: bool = False
    armed: bool = False
    typed: list[str] = field(default_factory=list)
    blocked: list[dict] = field(default_factory=list)
    sent: list[dict] = field(default_factory=list)

    def _carries_typed(self, url: str) -> bool:
        plain = unquote(url).replace("+", " ")
        return any(len(v) >= 4 and v in plain for v in self.typed)

    async def handle(self, route: Any) -> None:
        request = route.request
        if not self.armed:  # the probe tab's own rule decides: only reading requests
            await route.fallback()
            return
        url, method, rtype = request.url, request.method, request.resource_type
        entry = {"method": method, "path": urlsplit(url).path[:200], "type": rtype}
        same_origin = url.startswith(self.origin)
        if self.allow_server and same_origin and rtype in ("document", "xhr", "fetch"):
            self.sent.append(entry)
            await route.continue_()
            return
        if method == "GET" and rtype in _PASS_TYPES and not self._carries_typed(url):
            await route.continue_()
            return
        self.blocked.append(entry)
        await route.abort("aborted")


_SNAPSHOT_JS = """
() => {
  const snap = new Map();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    snap.set(el, (r.width > 0 && r.height > 0 ? 'v' : 'h') + (el.textContent || '').slice(0, 300));
  }
  window.__auditorSnap = snap;
  window.__auditorMarker = true;
}
"""

_SETTLE_JS = """
() => new Promise((resolve) => {
  let t = null, hard = null;
  const mo = new MutationObserver(() => { clearTimeout(t); t = setTimeout(done, 250); });
  function done() { mo.disconnect(); clearTimeout(hard); clearTimeout(t); resolve(true); }
  mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  t = setTimeout(done, 350);
  hard = setTimeout(done, 2500);
})
"""

_OBSERVE_JS = r"""
([formSel, fieldSels]) => {
  const ERR_WORDS = /please|required|invalid|must|error|enter|missing|correct|bitte|pflicht|ungültig|fehler|angeben|eingeben|korrigier|fehlt/i;
  const ERR_MARK = /error|invalid|danger|alert|warn|fehler/i;
  const clip = (s, n) => { s = (s || '').replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; };
  const vis = (el) => { const r = el.getBoundingClientRect(); if (r.width <= 1 || r.height <= 1) return false;
    const cs = getComputedStyle(el); return cs.visibility !== 'hidden' && cs.display !== 'none' && parseFloat(cs.opacity) > 0; };
  const snap = window.__auditorSnap || new Map();
  const fresh = !window.__auditorMarker;
  const fields = fieldSels.map((s) => { try { return document.querySelector(s); } catch (e) { return null; } });
  const live = (el) => !!el.closest('[role="alert"], [role="status"], [aria-live="polite"], [aria-live="assertive"], output');
  const cands = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!vis(el) || el.matches('input, select, textarea, button, option, label, script, style')) continue;
    if (el.querySelector('input, select, textarea, button')) continue;
    const text = clip(el.innerText, 300);
    if (text.length < 2) continue;
    const marked = el.matches('[role="alert"], [aria-live], [role="status"]') || ERR_MARK.test((el.className && el.className.baseVal === undefined ? el.className : '') + ' ' + el.id);
    if (!marked && !ERR_WORDS.test(text)) continue;
    const before = snap.get(el);
    const now = 'v' + (el.textContent || '').slice(0, 300);
    if (!fresh && before === now) continue;
    if (fresh && !marked) continue;
    cands.push(el);
  }
  const msgs = cands.filter((el) => !cands.some((o) => o !== el && el.contains(o))).slice(0, 20);
  const idsOf = (el) => { const ids = []; for (let n = el; n && n !== document.body; n = n.parentElement) if (n.id) ids.push(n.id);
    el.querySelectorAll('[id]').forEach((d) => ids.push(d.id)); return ids; };
  const refs = (f) => ((f.getAttribute('aria-describedby') || '') + ' ' + (f.getAttribute('aria-errormessage') || '')).split(/\s+/).filter(Boolean);
  // where the failed submit left the focus, and what a screen reader says there: the
  // error when the focused field is described by it (aria-describedby, or
  // aria-errormessage with aria-invalid), or the summary when focus went to one
  const focusFacts = (a, fields, msgs, snap, fresh) => {
    if (!a || a === document.body || a === document.documentElement) return { on: 'none', tag: '' };
    const tag = a.tagName.toLowerCase();
    const field = fields.indexOf(a);
    const ids = (a.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (a.getAttribute('aria-invalid') === 'true') ids.push(...(a.getAttribute('aria-errormessage') || '').split(/\s+/).filter(Boolean));
    const described = ids.map((id) => document.getElementById(id)).filter(Boolean);
    // new text since the submit (a page that came back from the server has no before)
    const changed = (el) => { const r = el.getBoundingClientRect();
      return !fresh && snap.get(el) !== (r.width > 0 && r.height > 0 ? 'v' : 'h') + (el.textContent || '').slice(0, 300); };
    const isError = (d) => msgs.some((m) => m === d || m.contains(d) || d.contains(m))
      || (changed(d) && ERR_WORDS.test(d.textContent || ''));
    const inMessage = msgs.some((m) => m.contains(a));
    let summary = false;
    if (field < 0 && !a.matches('input, select, textarea, button')) {
      // the focused element, or a box up to two levels around it, that holds the errors
      // (or links to the fields) apart from the fields themselves
      for (let box = a, i = 0; box && box !== document.body && i < 3 && !summary; box = box.parentElement, i++) {
        if (fields.some((f) => f && box.contains(f))) break;
        const links = Array.from(box.querySelectorAll('a[href^="#"]')).some((l) =>
          fields.some((f) => f && f.id && l.getAttribute('href') === '#' + f.id));
        summary = links || msgs.some((m) => box.contains(m) || m.contains(box));
      }
    }
    return {
      on: field >= 0 ? 'field' : summary ? 'summary' : inMessage ? 'message' : tag === 'button' ? 'button' : 'other',
      tag, field: field >= 0 ? field : null, aria_invalid: a.getAttribute('aria-invalid') === 'true',
      described: clip(described.map((d) => d.textContent).join(' '), 200),
      error_described: described.some(isError), in_message: inMessage, summary,
    };
  };
  const messages = msgs.map((m) => {
    const ids = idsOf(m);
    const tied = [];
    fields.forEach((f, i) => { if (f && refs(f).some((id) => ids.includes(id))) tied.push(i); });
    const mr = m.getBoundingClientRect();
    let near = null, distance = null;
    fields.forEach((f, i) => { if (!f || !vis(f)) return; const r = f.getBoundingClientRect();
      const dy = Math.max(0, r.top - mr.bottom, mr.top - r.bottom);
      const dx = Math.max(0, r.left - mr.right, mr.left - r.right);
      const d = Math.round(Math.hypot(dx, dy)); if (distance === null || d < distance) { distance = d; near = i; } });
    return { text: clip(m.innerText, 200), id: m.id || '', tied, near, distance, announced: live(m),
             tag: m.tagName.toLowerCase() };
  });
  const active = document.activeElement;
  const states = fields.map((f) => f ? {
    found: true, valid: f.willValidate ? f.validity.valid : null,
    native: f.willValidate && !f.validity.valid ? clip(f.validationMessage, 200) : '',
    aria_invalid: f.getAttribute('aria-invalid') === 'true', value: f.type === 'password' ? null : (f.value || ''),
    focused: f === active,
  } : { found: false });
  const form = formSel ? document.querySelector(formSel) : null;
  return {
    messages, fields: states, fresh, form_present: !!form, url: location.href,
    focus_in_message: msgs.some((m) => m.contains(active)),
    focus_tag: active ? active.tagName.toLowerCase() : '',
    focus: focusFacts(active, fields, msgs, snap, fresh),
  };
}
"""


_ANSWER_JS = """
(s) => {
  const el = document.querySelector(s);
  if (!el) return;
  if (el.tagName === 'SELECT') {
    if (!el.value) { const o = Array.from(el.options).find((x) => x.value && !x.disabled); if (o) el.value = o.value; }
  } else if (el.type === 'radio') {
    const group = el.form && el.name ? Array.from(el.form.elements).filter((x) => x.name === el.name) : [el];
    if (!group.some((x) => x.checked)) el.checked = true;
  } else { el.checked = true; }
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}
"""


async def _quiet(page: Page) -> None:
    with contextlib.suppress(PlaywrightError):
        await page.evaluate(_SETTLE_JS)


async def _submit(page: Page, form: dict, first_field: str | None) -> str:
    """Press the form's submit button as a customer would; Enter where it has none."""
    button = next(
        (b for b in form.get("buttons", []) if b.get("submit") and b.get("visible")), None
    )
    if button is None and form.get("element") == "group":
        button = next((b for b in form.get("buttons", []) if b.get("visible")), None)
    try:
        if button is not None:
            try:
                await page.locator(button["selector"]).first.click(timeout=3000, no_wait_after=True)
                return "click"
            except (PlaywrightError, PlaywrightTimeout):
                ok = await page.evaluate(
                    "(s) => { const b = document.querySelector(s); if (!b) return false;"
                    " if (b.form) b.form.requestSubmit(b.type === 'submit' ? b : undefined);"
                    " else b.click(); return true; }",
                    button["selector"],
                )
                return "script" if ok else "none"
        if first_field:
            await page.locator(first_field).first.press("Enter", timeout=3000, no_wait_after=True)
            return "enter"
    except (PlaywrightError, PlaywrightTimeout):
        return "failed"
    return "none"


async def _observe(page: Page, form: dict, sels: list[str], navigated: bool) -> dict:
    if navigated:
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            await page.wait_for_load_state("load", timeout=10_000)
    await _quiet(page)
    try:
        return await page.evaluate(_OBSERVE_JS, [form["selector"], sels])
    except PlaywrightError as exc:
        return {"error": str(exc)[:200], "messages": [], "fields": []}


async def probe_form(
    page: Page,
    form: dict,
    kind: str,
    guard: Guard,
    reload: Callable[[], Awaitable[bool]] | None = None,
) -> dict:
    """Both attempts on one loaded form; plain facts, no verdicts.

    ``reload`` loads the page afresh between the attempts (with the guard off for the
    page load only), so that the first attempt's messages do not hide the second's.
    """
    fields = [
        f
        for f in form.get("fields", [])
        if f.get("visible")
        and f.get("type") not in ("hidden", "submit", "button", "image", "reset")
    ]
    sels = [f["selector"] for f in fields]
    text_like = [f for f in fields if f.get("type") not in ("select", "checkbox", "radio", "file")]
    result: dict[str, Any] = {"fields": [f.get("name") or f.get("id") for f in fields]}
    navigations: list[str] = []
    page.on("framenavigated", lambda fr: fr == page.main_frame and navigations.append(fr.url))
    dialogs: list[str] = []  # alert() as error message (the probe tab dismisses them)
    page.on("dialog", lambda d: dialogs.append(d.message[:200]))

    # 1. empty
    guard.armed = True
    for f in text_like:
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            await page.locator(f["selector"]).first.fill("", timeout=3000)
    await page.evaluate(_SNAPSHOT_JS)
    start_blocked, start_sent = len(guard.blocked), len(guard.sent)
    submitted = await _submit(page, form, sels[0] if sels else None)
    empty = await _observe(page, form, sels, bool(navigations))
    empty["submit"] = submitted
    empty["dialogs"] = dialogs[:]
    empty["blocked"] = guard.blocked[start_blocked:]
    empty["sent"] = guard.sent[start_sent:]
    empty["navigated"] = bool(navigations)
    empty["screenshot"] = (
        await element_shot(page, form["selector"]) if empty.get("form_present") else None
    )
    result["empty"] = empty

    # 2. one malformed email, the rest plausible; blur first (inline validation)
    emails = [f for f in text_like if field_purpose(f, kind) in ("email", "email-confirm")]
    if not emails or (empty.get("navigated") and reload is None):
        return result
    if reload is not None:
        if not await reload():
            result["malformed_skipped"] = True
            return result
        guard.armed = True
        navigations.clear()
    typed = {}
    for f in text_like:
        value = MALFORMED_EMAIL if f in emails else sample_value(f, kind)
        if value is None:
            continue
        typed[f["selector"]] = value
        guard.typed.append(value)
    guard.typed.append(MALFORMED_EMAIL)
    await page.evaluate(_SNAPSHOT_JS)
    for f in text_like:
        if f["selector"] in typed:
            with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
                await page.locator(f["selector"]).first.fill(typed[f["selector"]], timeout=3000)
    # required boxes, choices and menus answered too, so only the email can be wrong
    for f in fields:
        if f.get("required") and f.get("type") in ("checkbox", "radio", "select"):
            with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
                await page.evaluate(_ANSWER_JS, f["selector"])
    target = emails[0]["selector"]
    with contextlib.suppress(PlaywrightError):
        await page.evaluate(
            "(s) => { const el = document.querySelector(s); if (el) { el.focus(); el.blur(); } }",
            target,
        )
    blur = await _observe(page, form, sels, False)
    result["blur"] = {
        "field": sels.index(target),
        "messages": blur.get("messages", []),
        "fields": blur.get("fields", []),
    }
    # no new snapshot: a message shown on blur and still there after the submit counts
    start_blocked, start_sent = len(guard.blocked), len(guard.sent)
    navigations.clear()
    dialogs.clear()
    submitted = await _submit(page, form, sels[0] if sels else None)
    bad = await _observe(page, form, sels, bool(navigations))
    bad["submit"] = submitted
    bad["dialogs"] = dialogs[:]
    bad["blocked"] = guard.blocked[start_blocked:]
    bad["sent"] = guard.sent[start_sent:]
    bad["navigated"] = bool(navigations)
    bad["email_field"] = sels.index(target)
    bad["typed"] = [
        [i, typed[f["selector"]]]
        for i, f in enumerate(fields)
        if f["selector"] in typed and f.get("type") != "password"
    ]
    bad["screenshot"] = (
        await element_shot(page, form["selector"]) if bad.get("form_present") else None
    )
    result["malformed"] = bad
    return result
