"""Keyboard use: reach, visible focus, no trap, and a skip link that works.

The probe presses Tab in a tab of its own (auditor.probe), once per layout: pressing
keys moves focus and scrolls, which the crawl's tab must not see.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any, ClassVar

from PIL import Image, ImageChops
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView
from auditor.screenshots import element_shot, padded_clip

from .common import Causes, PageProber, listed, plural

__all__ = ["Keyboard", "focus_change"]

#: a short, stable description of an element (id, href, name, classes): one function
#: for the Tab walk and the focus sweep, so an element is named alike in both
_DESCRIBE_JS = """(el) => {
  let s = el.tagName.toLowerCase();
  if (el.id) return (s + '#' + CSS.escape(el.id)).slice(0, 200);
  const href = el.getAttribute('href');
  if (href !== null) return (s + '[href="' + href.replace(/"/g, '\\\\"') + '"]').slice(0, 200);
  const name = el.getAttribute('name');
  if (name) return (s + '[name="' + name + '"]' + (el.value && el.type in {radio: 1, checkbox: 1}
    ? '[value="' + String(el.value).slice(0, 40) + '"]' : '')).slice(0, 200);
  const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
  const parent = el.parentElement && el.parentElement.closest('[id]');
  return ((parent ? '#' + CSS.escape(parent.id) + ' ' : '') + s + cls).slice(0, 200);
}"""

#: marks the header's and main navigation's interactive elements, calms the page
_PREPARE_JS = """
(limit) => {
  const style = document.createElement('style');
  style.id = 'auditor-keyboard-probe';
  style.textContent = '*,*::before,*::after{caret-color:transparent!important;'
    + 'transition:none!important;animation:none!important}';
  document.head.appendChild(style);
  const roots = [...document.querySelectorAll('header, [role="banner"], nav, [role="navigation"]')]
    .filter((r) => !r.closest('footer, [role="contentinfo"]'));
  const sel = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"]), [role="button"], [role="link"], [role="menuitem"], [onclick]';
  const seen = new Set();
  const out = [];
  const describe = __DESCRIBE__;
  for (const root of roots) {
    for (const el of root.querySelectorAll(sel)) {
      if (seen.has(el) || el.disabled) continue;
      seen.add(el);
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (r.width < 1 || r.height < 1 || s.visibility === 'hidden' || r.bottom < 0
          || r.right < 0 || r.left > innerWidth) continue;
      el.setAttribute('data-auditor-kb', String(out.length));
      out.push({ desc: describe(el), html: el.outerHTML.slice(0, 300),
                 text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 80) });
      if (out.length >= limit) break;
    }
  }
  const start = document.createElement('span');
  start.tabIndex = -1;
  start.id = 'auditor-focus-start';
  document.body.prepend(start);
  return out;
}
""".replace("__DESCRIBE__", _DESCRIBE_JS)
_RESET_JS = """() => {
  window.scrollTo(0, 0);
  const start = document.getElementById('auditor-focus-start');
  if (start) start.focus();
  window.__auditorLast = null;
}"""
_FOCUSED_JS = """() => {
  const el = document.activeElement;
  const none = !el || el === document.body || el === document.documentElement
    || el.id === 'auditor-focus-start';
  const same = !none && el === window.__auditorLast;
  window.__auditorLast = el;
  if (none) return { none: true };
  const mark = el.getAttribute('data-auditor-kb');
  let desc = el.tagName.toLowerCase();
  if (el.id) desc += '#' + el.id.slice(0, 60);
  else if (el.getAttribute('name')) desc += '[name="' + el.getAttribute('name').slice(0, 40) + '"]';
  else if (el.getAttribute('href') !== null) desc += '[href="' + el.getAttribute('href').slice(0, 80) + '"]';
  return { none: false, mark: mark === null ? null : Number(mark), desc: desc.slice(0, 200),
           html: el.outerHTML.slice(0, 300), same,
           href: el.tagName === 'A' ? (el.getAttribute('href') || '') : null,
           text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 80) };
}"""
#: Tab presses between two readings of the walk's notes
_CHUNK = 10
#: notes where each Tab left the focus, once the key is up (the focus has moved, or
#: a trap kept it): what ``_FOCUSED_JS`` says after each press, without a round trip
_WATCH_JS = (
    """() => {
  window.__auditorWalk = [];
  if (window.__auditorWatching) return;
  window.__auditorWatching = true;
  const focused = """
    + _FOCUSED_JS
    + """;
  window.addEventListener('keyup', (e) => {
    if (e.key === 'Tab' && window.__auditorWalk) window.__auditorWalk.push(focused());
  }, true);
}"""
)
_BOX_JS = """(mark) => {
  const el = document.querySelector('[data-auditor-kb="' + mark + '"]');
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}"""
#: every focusable element of the page, marked, with what kind of control it is and
#: where it sits: the candidates whose focus indicator is compared
_CANDIDATES_JS = """
(limit) => {
  const sel = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"]), [role="button"], [role="link"], [role="menuitem"], '
    + '[role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [contenteditable="true"]';
  const REGIONS = [['header, [role="banner"]', 'header'], ['nav, [role="navigation"]', 'menu'],
    ['footer, [role="contentinfo"]', 'footer'], ['aside, [role="complementary"]', 'sidebar'],
    ['main, [role="main"]', 'content']];
  const region = (el) => {
    for (const [s, name] of REGIONS) if (el.closest(s)) return name;
    return 'content';
  };
  const describe = __DESCRIBE__;
  const out = [];
  for (const el of document.body.querySelectorAll(sel)) {
    if (el.disabled || el.closest('[inert], [aria-hidden="true"]')) continue;
    if (el.tabIndex < 0) continue;  // out of the Tab order: reach is another question
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (r.width < 4 || r.height < 4 || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) continue;
    const tag = el.tagName.toLowerCase();
    out.push({ el, desc: describe(el), tag,
               html: el.outerHTML.replace(/ data-auditor-kb="\\d+"/, '').slice(0, 300),
               type: tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : '',
               role: (el.getAttribute('role') || '').slice(0, 30),
               classes: [...el.classList].slice(0, 2).join('.').slice(0, 80),
               region: region(el),
               text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 80) });
    if (out.length >= limit) break;
  }
  out.forEach((c, i) => c.el.setAttribute('data-auditor-fv', String(i)));
  // which styles the page has: the same element under other styles may look otherwise
  let text = '', hash = 0;
  for (const node of document.querySelectorAll('link[rel~="stylesheet" i], style')) {
    if (node.id !== 'auditor-keyboard-probe') text += '|' + (node.href || node.textContent);
  }
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return { styles: String(hash), elements: out.map(({ el, ...rest }) => rest) };
}
""".replace("__DESCRIBE__", _DESCRIBE_JS)
#: puts a focusable nothing just before the element and scrolls it into view: one Tab
#: from there gives the element real keyboard focus (:focus-visible), as a customer's
#: Tab would, wherever on the page it is and however many elements come before it
_AIM_JS = """(mark) => {
  const old = document.getElementById('auditor-before-focus');
  if (old) old.remove();
  const el = document.querySelector('[data-auditor-fv="' + mark + '"]');
  if (!el) return null;
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const before = document.createElement('span');
  before.id = 'auditor-before-focus';
  before.tabIndex = -1;
  before.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden';
  el.before(before);
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}"""
_FROM_BEFORE_JS = """() => {
  const before = document.getElementById('auditor-before-focus');
  if (before) before.focus({ preventScroll: true });
}"""
_AIMED_JS = """(mark) => {
  const el = document.querySelector('[data-auditor-fv="' + mark + '"]');
  if (!el || document.activeElement !== el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}"""
_CLEAR_JS = """() => {
  const before = document.getElementById('auditor-before-focus');
  if (before) before.remove();
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
}"""
#: after Enter on the skip link and one Tab: the focus must be in or after the target
#: (a content without links of its own hands the focus on to the footer, rightly)
_SKIP_TARGET_JS = """(href) => {
  const id = decodeURIComponent(href.slice(1));
  const target = id ? document.getElementById(id) : null;
  const el = document.activeElement;
  if (!target || !el || el === document.body) return { target: !!target, inside: false };
  const after = target === el || target.contains(el)
    || !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return { target: true, inside: after };
}"""
#: room around an element for its outline or focus ring, in CSS px
FOCUS_PAD = 6
_SKIP_TEXT = (
    "skip",
    "jump to",
    "springe",
    "zum inhalt",
    "zum hauptinhalt",
    "direkt zum",
    "main content",
    "hauptinhalt",
    "inhalt",
)


def focus_change(before: bytes, after: bytes) -> dict[str, float]:
    """How much focusing changed an element's picture: the share of pixels that
    changed clearly (any channel by more than 40 of 255) and how many they are."""
    a = Image.open(io.BytesIO(before)).convert("RGB")
    b = Image.open(io.BytesIO(after)).convert("RGB")
    if a.size != b.size:
        b = b.resize(a.size)
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 40 else 0)
    changed = diff.histogram()[255]
    total = a.size[0] * a.size[1]
    return {"changed_px": changed, "share": round(changed / total, 4) if total else 0.0}


def _visible_change(change: dict[str, float]) -> bool:
    """A focus indicator the eye can find: WCAG 2.4.13 asks for an area at least as
    large as a 2 px perimeter; a handful of clearly changed pixels is no indicator."""
    return change["changed_px"] >= 30 and change["share"] >= 0.01


#: what a finding keeps of each element without a focus indicator
_KEPT = ("desc", "html", "text", "changed_px", "kind", "region")
#: element kinds in words, for a finding's title
_KIND_NOUNS = {
    "a": "links",
    "button": "buttons",
    "select": "select boxes",
    "textarea": "text areas",
    "summary": "disclosure toggles",
    "checkbox": "checkboxes",
    "radio": "radio buttons",
}
#: the regions every template repeats
_CHROME = frozenset({"header", "menu"})


def element_kind(element: dict) -> str:
    """What kind of control an element is, for grouping: one style rule (``a:focus``,
    ``.btn:focus``, ``input:focus``) usually strips the indicator of one kind."""
    tag, kind = element.get("tag") or "", element.get("type") or ""
    if element.get("role") and tag not in ("a", "button", "input", "select", "textarea"):
        return f"role={element['role']}"
    if tag == "input":
        if kind in ("checkbox", "radio"):
            return kind
        return "button" if kind in ("submit", "button", "reset", "image") else "field"
    return tag


def kind_noun(kind: str) -> str:
    """``links``, ``buttons``, ``fields``: a kind in words."""
    if kind.startswith("role="):
        return f"custom controls ({kind})"
    return _KIND_NOUNS.get(kind, "fields" if kind in ("field", "input") else f"<{kind}> elements")


def choose_focus_samples(candidates: list[dict]) -> list[int]:
    """The order in which a page's focusable elements are compared: the first of each
    kind, place and class first (so a capped budget still sees the content's buttons
    and fields, not only twenty menu links), then the rest in page order."""
    first, rest, seen = [], [], set()
    for n, c in enumerate(candidates):
        key = (element_kind(c), c.get("region"), c.get("classes"))
        (rest if key in seen else first).append(n)
        seen.add(key)
    return first + rest


_REGION_WORDS = {"header": "header", "menu": "menu", "content": "content",
                 "footer": "footer", "sidebar": "sidebar"}  # fmt: skip


def _kind_of(element: dict) -> str:
    """An element's kind as recorded, or read from its selector (older records)."""
    if element.get("kind"):
        return element["kind"]
    tag = element.get("desc", "").split("[")[0].split("#")[0].split(".")[0]
    return element_kind({"tag": tag.strip() or "a"})


def _same(element: dict) -> tuple[str, str]:
    """What makes two pages' elements the same one: selector and markup."""
    return element["desc"], element["html"]


#: one Tab key going down and up, as Playwright's ``keyboard.press("Tab")`` sends it
_TAB_DOWN = {
    "type": "keyDown",
    "modifiers": 0,
    "windowsVirtualKeyCode": 9,
    "code": "Tab",
    "key": "Tab",
    "text": "",
    "unmodifiedText": "",
    "autoRepeat": False,
    "location": 0,
    "isKeypad": False,
}
_TAB_UP = {**_TAB_DOWN, "type": "keyUp"}


@contextlib.asynccontextmanager
async def _tab_presses(page: Page) -> AsyncIterator[Callable[[int], Awaitable[None]]]:
    """A function that presses Tab ``n`` times in a row, for the walk's length.

    Why: ``keyboard.press`` waits for each key's answer before the next is sent, a
    round trip through the driver per press (about 50 ms a press on a loaded 2-core
    machine, most of a page's keyboard probe). The same key events sent to Chromium
    at once, in order, over a DevTools session of the page, arrive and are handled
    one after another as a customer's presses are, several times faster. Where no
    DevTools session can be had, the presses go one by one as before."""
    try:
        cdp = await page.context.new_cdp_session(page)
    except PlaywrightError:
        cdp = None

    async def press(n: int) -> None:
        if cdp is None:
            for _ in range(n):
                await page.keyboard.press("Tab")
            return
        events = [e for _ in range(n) for e in (_TAB_DOWN, _TAB_UP)]
        await asyncio.gather(*(cdp.send("Input.dispatchKeyEvent", e) for e in events))

    try:
        yield press
    finally:
        if cdp is not None:
            with contextlib.suppress(PlaywrightError):
                await cdp.detach()


class _Walk:
    """The walk's verdict, fed where each Tab left the focus (``_FOCUSED_JS``)."""

    def __init__(self) -> None:
        self.reached: set[int] = set()
        self.trapped: dict | None = None
        self.same = 0
        self.ended = "limit"

    def step(self, now: dict) -> bool:
        """One more Tab's outcome; True once the walk is over (wrapped or trapped)."""
        if now["none"]:
            if self.reached or self.same:
                self.ended = "wrapped"
                return True
            return False
        self.same = self.same + 1 if now["same"] else 0
        if self.same >= 2:
            self.trapped = {"desc": now["desc"], "html": now["html"]}
            self.ended = "trapped"
            return True
        if now["mark"] is not None:
            self.reached.add(now["mark"])
        return False

    def result(self) -> dict:
        return {"reached": self.reached, "trapped": self.trapped, "ended": self.ended}


class Keyboard(PageProber):
    """Keyboard use.

    What: Tab through one page of each layout from the top, in a tab of its own:
    every interactive element of the header and the main navigation must take the
    focus and let it go again (no keyboard trap); every focusable element of the page
    (the content's buttons, fields and links too, one of each kind first) must show
    that it has the focus (its picture before and after a Tab onto it is compared;
    one finding per kind of element with all its pages); the first Tab should offer a
    skip link that really moves the focus to the main content.
    Why: customers who cannot use a mouse (motor impairments, screen readers, power
    users) shop with Tab and Enter; an element they cannot reach, cannot see focused or
    cannot leave stops them (WCAG 2.1.1, 2.1.2, 2.4.7, 2.4.1).
    Example: a stylesheet with 'a:focus { outline: none }' and nothing in its place.
    Fix: keep or restyle the focus outline (:focus-visible), use real links and
    buttons, never cancel Tab, and put a skip link first.
    """

    id = "accessibility.keyboard"
    category = "accessibility"
    title = "Keyboard: reach, visible focus, no trap, skip link"
    description = "Tab through the page: header and menu reachable, every control visibly focused."
    default_options: ClassVar[dict[str, Any]] = {
        "max_tab_presses": 50,
        "max_focus_checks": 20,
        "per_template": 1,
        **PageProber.PER_OPTION,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "max_tab_presses": "Tab presses per probed page before the walk stops",
        "max_focus_checks": "focusable elements per page whose focus indicator is compared "
        "(one of each kind and place first; elements judged on an earlier page are free)",
        "per_template": "pages of each layout (or template, see per) probed in a tab of "
        "their own (0: all [sample] allows)",
        **PageProber.PER_DOC,
    }

    #: runs on a page load shared with the text-resize and reflow probes, last: it
    #: cannot undo where its keys left the focus, nor what the page's scripts did
    #: about them
    shares_loads = True

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        #: focus pictures already compared, by kind, place and classes of element under
        #: the page's styles: one style rule draws (or strips) the focus of all of them,
        #: so the menu's links, the product cards' buttons are each judged once in the
        #: audit, which saves two screenshots per element on every other one
        self._judged: dict[tuple[str, str | None, str | None, str], dict] = {}
        #: kinds of element already shown focused in a screenshot
        self._shown: set[str] = set()

    async def probe(self, page: Page, sample: Any) -> dict | None:
        elements = await page.evaluate(_PREPARE_JS, 60)
        skip = await self._skip_link(page)
        no_focus, compared, candidates = await self._compare_focus(page)
        walk = await self._walk(page, elements)
        shot = None
        if no_focus and no_focus[0]["kind"] not in self._shown:
            # one picture per kind of element is enough: the finding shows the first
            self._shown.add(no_focus[0]["kind"])
            shot = await self._focused_shot(page, no_focus[0]["mark"])
        elif walk["trapped"]:
            shot = await element_shot(page, "*:focus")  # the walk left the focus on it
        reached, ended = walk["reached"], walk["ended"]
        unreached = [e for n, e in enumerate(elements) if n not in reached]
        return {
            "elements": len(elements),
            "reached": len(reached),
            "unreached": unreached[:10] if ended != "limit" else [],
            "walk": ended,
            "trapped_at": walk["trapped"],
            "focusable": candidates,
            "focus_compared": compared,
            "no_focus_indicator": [{k: e.get(k) for k in _KEPT} for e in no_focus[:20]],
            "skip": skip,
            "screenshot": shot,
        }

    async def _walk(self, page: Page, elements: list[dict]) -> dict:
        """Tab from the top: which header and menu elements the focus reaches, and
        whether it gets stuck on one (three presses on one element: a trap).

        The page notes where each Tab left the focus (``_WATCH_JS``), read after every
        ``_CHUNK`` presses instead of after each, and the presses of a chunk are sent
        at once (``_tab_presses``): a few round trips into the page instead of one per
        press and one per reading;
        where a press went unnoted (the focus inside a frame, whose keys the page does
        not see) the walk starts again, reading the focus after each press."""
        presses = self.options["max_tab_presses"]
        await page.evaluate(_RESET_JS)
        await page.evaluate(_WATCH_JS)
        walk, done = _Walk(), 0
        async with _tab_presses(page) as press:
            while done < presses:
                chunk = min(_CHUNK, presses - done)
                await press(chunk)
                seen = await page.evaluate("() => (window.__auditorWalk || []).splice(0)")
                if not isinstance(seen, list) or len(seen) != chunk:
                    break
                if any(walk.step(now) for now in seen):
                    return walk.result()
                done += chunk
            else:
                return walk.result()
        return await self._walk_stepwise(page)

    async def _walk_stepwise(self, page: Page) -> dict:
        """The walk reading the focus after each press (the notes stopped: they would
        take the last focused element from the reading)."""
        await page.evaluate("() => { window.__auditorWalk = null; }")
        await page.evaluate(_RESET_JS)
        walk = _Walk()
        for _ in range(self.options["max_tab_presses"]):
            await page.keyboard.press("Tab")
            if walk.step(await page.evaluate(_FOCUSED_JS)):
                break
        return walk.result()

    async def _compare_focus(self, page: Page) -> tuple[list[dict], int, int]:
        """Each chosen focusable element's picture without and with keyboard focus.

        Which: one element of each kind, place and class (a content button, a footer
        link, a size select), judged once in the audit for all of its kind under the
        same styles; up to ``max_focus_checks`` pictures per page, one of each kind
        first. Returns the elements without a visible change (each of a kind that shows
        none), how many were compared and how many focusable elements the page has."""
        found = await page.evaluate(_CANDIDATES_JS, 400)
        candidates, styles = found["elements"], found["styles"]
        size = page.viewport_size or {"width": 1280, "height": 800}
        budget = self.options["max_focus_checks"]
        no_focus: list[dict] = []
        compared = 0
        for mark in choose_focus_samples(candidates):
            element = {**candidates[mark], "mark": mark, "kind": element_kind(candidates[mark])}
            same = (element["kind"], element.get("region"), element.get("classes"), styles)
            known = self._judged.get(same)
            if known is None:
                if budget <= 0:
                    continue
                budget -= 1
                known = await self._focus_picture(page, mark, size)
                if known is None:
                    continue
                self._judged[same] = known
            compared += 1
            if not _visible_change(known):
                no_focus.append({**element, **known})
        await page.evaluate(_CLEAR_JS)
        return no_focus, compared, len(candidates)

    async def _focus_picture(self, page: Page, mark: int, size: dict) -> dict | None:
        """How much one element's picture changes when Tab focuses it; None where it
        could not be compared (off the window, or Tab went elsewhere)."""
        box = await page.evaluate(_AIM_JS, mark)
        area = padded_clip(box, size, FOCUS_PAD, min_px=2) if box else None
        if not area:
            return None
        before = await page.screenshot(clip=area, type="png")
        await page.evaluate(_FROM_BEFORE_JS)
        await page.keyboard.press("Tab")
        box = await page.evaluate(_AIMED_JS, mark)
        after_area = padded_clip(box, size, FOCUS_PAD, min_px=2) if box else None
        if not after_area or after_area["width"] != area["width"]:
            return None
        after_area["height"] = area["height"]
        after = await page.screenshot(clip=after_area, type="png")
        return focus_change(before, after)

    async def _focused_shot(self, page: Page, mark: int) -> str | None:
        """The first element without a focus indicator, as the customer sees it: focused."""
        with contextlib.suppress(PlaywrightError):
            await page.evaluate(_AIM_JS, mark)
            await page.evaluate(_FROM_BEFORE_JS)
            await page.keyboard.press("Tab")
        return await element_shot(page, f'[data-auditor-fv="{mark}"]')

    async def _skip_link(self, page: Page) -> dict:
        """The first Tab from the top: a skip link? Enter on it, then Tab: is the focus
        now in the main content?"""
        await page.evaluate(_RESET_JS)
        await page.keyboard.press("Tab")
        first = await page.evaluate(_FOCUSED_JS)
        if first["none"]:
            return {"found": False, "first": None}
        href, text = first.get("href") or "", (first.get("text") or "").lower()
        if not (href.startswith("#") and len(href) > 1 and any(t in text for t in _SKIP_TEXT)):
            return {"found": False, "first": first["desc"]}
        try:
            await page.keyboard.press("Enter")
            await page.keyboard.press("Tab")
            landed = await page.evaluate(_SKIP_TARGET_JS, href)
        except PlaywrightError:
            landed = {"target": False, "inside": False}
        return {
            "found": True,
            "text": clip(first.get("text"), 80),
            "href": clip(href, 120),
            "target_exists": landed["target"],
            "works": landed["inside"],
        }

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        causes = Causes()
        facts: dict[tuple, dict] = {}
        for p in self.probed_pages(site):
            if p.get("trapped_at"):
                key = ("trap", p["trapped_at"]["desc"])
                facts.setdefault(key, {**p["trapped_at"], "shot": p.get("screenshot")})
                causes.add(key, p)
            for n, e in enumerate(p.get("no_focus_indicator") or []):
                kind = _kind_of(e)
                key = ("focus", kind)
                fact = facts.setdefault(key, {**e, "kind": kind, "all": [], "shot": None})
                if not any(_same(e) == _same(o) for o in fact["all"]):
                    fact["all"].append({**e, "kind": kind})
                if n == 0 and not fact["shot"]:
                    fact["shot"] = p.get("screenshot")
                causes.add(key, p)
            if p.get("unreached") and not p.get("trapped_at"):
                key = ("reach", tuple(sorted(e["desc"] for e in p["unreached"])))
                facts.setdefault(key, {"all": p["unreached"]})
                causes.add(key, p)
            skip = p.get("skip") or {}
            if skip.get("found") and not skip.get("works"):
                key = ("skip-broken", skip.get("href"))
                facts.setdefault(key, skip)
                causes.add(key, p)
            elif not skip.get("found") and p.get("elements", 0) >= 5:
                key = ("skip-missing", "")
                facts.setdefault(key, skip)
                causes.add(key, p)
        findings = []
        for key, urls in causes.grouped().items():
            finding = getattr(self, "_" + key[0].replace("-", "_"))(key, facts[key], urls)
            finding.evidence.update(causes.evidence(key))
            findings.append(finding)
        return findings

    def _trap(self, key: tuple, fact: dict, urls: list[str]) -> Finding:
        return self.finding(
            severity="critical",
            title="Keyboard focus is trapped",
            message=(
                f"Tabbing through the page, the focus stays on {clip(fact['desc'], 120)} "
                f"however often Tab is pressed ({plural(len(urls), 'page')}): keyboard users "
                "cannot reach anything after it, nor leave."
            ),
            recommendation=(
                "Never cancel Tab or Shift+Tab in a key handler; trap the focus only in an "
                "open dialog, and let Escape close it. WCAG 2.1.2 No Keyboard Trap."
            ),
            **listed(urls),
            selector=fact["desc"],
            snippet=fact.get("html"),
            evidence={
                "focus_stuck_on": fact["desc"],
                "wcag": ["2.1.2"],
                "screenshot": fact.get("shot"),
            },
            key=f"trap|{fact['desc']}",
            message_id=f"{self.id}.trap",
            params={"element": clip(fact["desc"], 120), "pages": len(urls)},
        )

    def _focus(self, key: tuple, fact: dict, urls: list[str]) -> Finding:
        elements = fact["all"]
        names = [clip(e.get("text") or e["desc"], 40) for e in elements]
        regions = list(dict.fromkeys(e.get("region") or "header" for e in elements))
        if set(regions) <= _CHROME:
            where, title = (
                "of the header and menu",
                "No visible focus indicator in the header or menu",
            )
        else:
            where = "in the " + " and ".join(_REGION_WORDS.get(r, r) for r in regions)
            title = f"No visible focus indicator on {kind_noun(fact['kind'])}"
        return self.finding(
            severity="serious",
            title=title,
            message=(
                f"{plural(len(elements), 'element')} {where} look the same "
                f"with and without keyboard focus (e.g. {', '.join(names[:4])}): keyboard "
                "users cannot see where they are."
            ),
            recommendation=(
                "Do not remove the outline without a replacement: style :focus-visible with "
                "a clear outline (at least 2 px, 3:1 contrast against its surroundings). "
                "WCAG 2.4.7 Focus Visible."
            ),
            **listed(urls),
            selector=fact["desc"],
            snippet=fact.get("html"),
            evidence={
                "elements": [e["desc"] for e in elements[:20]],
                "elements_total": len(elements),
                "kind": fact["kind"],
                "regions": regions,
                "changed_px": fact.get("changed_px", 0),
                "wcag": ["2.4.7"],
                "screenshot": fact.get("shot"),
            },
            key=f"focus|{fact['kind']}",
            message_id=f"{self.id}.focus-" + ("chrome" if set(regions) <= _CHROME else "kind"),
            params={
                "count": len(elements),
                "regions": "|".join(_REGION_WORDS.get(r, r) for r in regions),
                "kind": kind_noun(fact["kind"]),
                "names": ", ".join(names[:4]),
            },
        )

    def _reach(self, key: tuple, fact: dict, urls: list[str]) -> Finding:
        elements = fact["all"]
        names = [clip(e.get("text") or e["desc"], 40) for e in elements]
        return self.finding(
            severity="serious",
            title="Header or menu elements that Tab never reaches",
            message=(
                f"Tabbing through the whole page never focused {plural(len(elements), 'element')} "
                f"of the header and menu: {', '.join(names[:5])}."
            ),
            recommendation=(
                'Use real links and buttons (or tabindex="0" with key handlers) for '
                "everything that can be clicked. WCAG 2.1.1 Keyboard."
            ),
            **listed(urls),
            selector=elements[0]["desc"],
            snippet=elements[0].get("html"),
            evidence={"elements": [e["desc"] for e in elements], "wcag": ["2.1.1"]},
            key=f"reach|{elements[0]['desc']}",
            message_id=f"{self.id}.reach",
            params={"count": len(elements), "names": ", ".join(names[:5])},
        )

    def _skip_broken(self, key: tuple, fact: dict, urls: list[str]) -> Finding:
        why = (
            "its target does not exist"
            if not fact.get("target_exists")
            else "the next Tab does not land in its target"
        )
        return self.finding(
            severity="serious",
            title="The skip link does not work",
            message=(
                f"The skip link “{fact.get('text')}” ({fact.get('href')}) is there, but {why}."
            ),
            recommendation=(
                'Point the skip link at the main content\'s id (<main id="main">) and check '
                "that Enter then Tab focuses the first element of the content. WCAG 2.4.1."
            ),
            **listed(urls),
            selector=f'a[href="{fact.get("href")}"]',
            evidence={"href": fact.get("href"), "wcag": ["2.4.1"]},
            key=f"skip-broken|{fact.get('href')}",
            message_id=f"{self.id}.skip-broken-"
            + ("target" if not fact.get("target_exists") else "tab"),
            params={"text": fact.get("text"), "href": fact.get("href")},
        )

    def _skip_missing(self, key: tuple, fact: dict, urls: list[str]) -> Finding:
        return self.finding(
            severity="moderate",
            title="No skip link to the main content",
            message=(
                "The first Tab does not offer a link that skips the header and menu"
                + (f" (it focuses {fact.get('first')})" if fact.get("first") else "")
                + f"; keyboard users tab through the whole header on every page "
                f"({plural(len(urls), 'page')} probed)."
            ),
            recommendation=(
                "Put a “Skip to main content” link first in the body, visible when focused, "
                'pointing at <main id="main">. WCAG 2.4.1 Bypass Blocks.'
            ),
            **listed(urls),
            evidence={"first_focus": fact.get("first"), "wcag": ["2.4.1"]},
            key="skip-missing",
            message_id=f"{self.id}.skip-missing",
            params={"first": fact.get("first"), "pages": len(urls)},
        )
