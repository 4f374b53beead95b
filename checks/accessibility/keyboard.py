"""Keyboard use: reach, visible focus, no trap, and a skip link that works.

The probe presses Tab in a tab of its own (auditor.probe), once per template: pressing
keys moves focus and scrolls, which the crawl's tab must not see.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable
from typing import Any, ClassVar

from PIL import Image, ImageChops
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView
from auditor.screenshots import element_shot, padded_clip

from .common import PageProber, grouped, listed, plural

__all__ = ["Keyboard", "focus_change"]

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
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) return (s + '#' + CSS.escape(el.id)).slice(0, 200);
    const href = el.getAttribute('href');
    if (href !== null) return (s + '[href="' + href.replace(/"/g, '\\\\"') + '"]').slice(0, 200);
    const name = el.getAttribute('name');
    if (name) return (s + '[name="' + name + '"]').slice(0, 200);
    const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    const parent = el.parentElement && el.parentElement.closest('[id]');
    return ((parent ? '#' + CSS.escape(parent.id) + ' ' : '') + s + cls).slice(0, 200);
  };
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
"""
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
_BOX_JS = """(mark) => {
  const el = document.querySelector('[data-auditor-kb="' + mark + '"]');
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
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


def _same(element: dict) -> tuple[str, str]:
    """What makes two pages' elements the same one: selector and markup."""
    return element["desc"], element["html"]


class Keyboard(PageProber):
    """Keyboard use.

    What: Tab through one page of each template from the top, in a tab of its own:
    every interactive element of the header and the main navigation must take the
    focus, show that it has it (its picture with and without focus is compared), and
    let it go again (no keyboard trap); the first Tab should offer a skip link that
    really moves the focus to the main content.
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
    description = "Tab through the header and menu: every element reachable, visibly focused."
    default_options: ClassVar[dict[str, Any]] = {
        "max_tab_presses": 50,
        "max_focus_checks": 20,
        "per_template": 1,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "max_tab_presses": "Tab presses per probed page before the walk stops",
        "max_focus_checks": "header and menu elements per page whose focus indicator is compared",
        "per_template": "pages of each template probed in a tab of their own (0: all [sample] allows)",
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        #: focus pictures already compared, by element: the header every template shares
        #: is judged once, which saves two screenshots per element on every other page
        self._judged: dict[tuple[str, str], dict] = {}

    async def probe(self, page: Page, sample: Any) -> dict | None:
        elements = await page.evaluate(_PREPARE_JS, 60)
        size = page.viewport_size or {"width": 1280, "height": 800}
        checks = min(len(elements), self.options["max_focus_checks"])
        unfocused: dict[int, tuple[dict, bytes]] = {}
        for mark in range(checks):
            if _same(elements[mark]) in self._judged:
                continue  # the shared header: judged on an earlier page already
            box = await page.evaluate(_BOX_JS, mark)
            area = padded_clip(box, size, FOCUS_PAD, min_px=2) if box else None
            if area:
                unfocused[mark] = (area, await page.screenshot(clip=area, type="png"))
        skip = await self._skip_link(page)
        await page.evaluate(_RESET_JS)
        reached: set[int] = set()
        no_focus: list[dict] = []
        compared = 0
        trapped, same, ended = None, 0, "limit"
        for _ in range(self.options["max_tab_presses"]):
            await page.keyboard.press("Tab")
            now = await page.evaluate(_FOCUSED_JS)
            if now["none"]:
                if reached or same:
                    ended = "wrapped"
                    break
                continue
            same = same + 1 if now["same"] else 0
            if same >= 2:  # three presses on one element: the focus cannot leave it
                trapped = {"desc": now["desc"], "html": now["html"]}
                ended = "trapped"
                break
            mark = now["mark"]
            if mark is None or mark in reached:
                continue
            reached.add(mark)
            known = self._judged.get(_same(elements[mark]))
            if known is not None:
                compared += 1
                if not _visible_change(known):
                    no_focus.append({**elements[mark], **known, "mark": mark})
            elif mark in unfocused:
                area, before = unfocused[mark]
                box = await page.evaluate(_BOX_JS, mark)
                after_area = padded_clip(box, size, FOCUS_PAD, min_px=2) if box else None
                if after_area and after_area["width"] == area["width"]:
                    after_area["height"] = area["height"]
                    after = await page.screenshot(clip=after_area, type="png")
                    change = focus_change(before, after)
                    self._judged[_same(elements[mark])] = change
                    compared += 1
                    if not _visible_change(change):
                        no_focus.append({**elements[mark], **change, "mark": mark})
        shot = None
        if no_focus:
            selector = f'[data-auditor-kb="{no_focus[0]["mark"]}"]'
            with contextlib.suppress(PlaywrightError):
                await page.focus(selector)  # shown as the customer sees it: focused
            shot = await element_shot(page, selector)
        elif trapped:
            shot = await element_shot(page, "*:focus")
        unreached = [e for n, e in enumerate(elements) if n not in reached]
        return {
            "elements": len(elements),
            "reached": len(reached),
            "unreached": unreached[:10] if ended != "limit" else [],
            "walk": ended,
            "trapped_at": trapped,
            "focus_compared": compared,
            "no_focus_indicator": [
                {k: e[k] for k in ("desc", "html", "text", "changed_px")} for e in no_focus[:10]
            ],
            "skip": skip,
            "screenshot": shot,
        }

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
        items: list[tuple[tuple, str]] = []
        facts: dict[tuple, dict] = {}
        for p in self.probed_pages(site):
            url = p["url"]
            if p.get("trapped_at"):
                key = ("trap", p["trapped_at"]["desc"])
                facts.setdefault(key, {**p["trapped_at"], "shot": p.get("screenshot")})
                items.append((key, url))
            if p.get("no_focus_indicator"):
                first = p["no_focus_indicator"][0]
                key = ("focus", tuple(sorted(e["desc"] for e in p["no_focus_indicator"])))
                facts.setdefault(
                    key, {**first, "all": p["no_focus_indicator"], "shot": p.get("screenshot"),
                          "compared": p.get("focus_compared", 0)}
                )  # fmt: skip
                items.append((key, url))
            if p.get("unreached") and not p.get("trapped_at"):
                key = ("reach", tuple(sorted(e["desc"] for e in p["unreached"])))
                facts.setdefault(key, {"all": p["unreached"]})
                items.append((key, url))
            skip = p.get("skip") or {}
            if skip.get("found") and not skip.get("works"):
                key = ("skip-broken", skip.get("href"))
                facts.setdefault(key, skip)
                items.append((key, url))
            elif not skip.get("found") and p.get("elements", 0) >= 5:
                key = ("skip-missing", "")
                facts.setdefault(key, skip)
                items.append((key, url))
        findings = []
        for key, urls in grouped(items).items():
            findings.append(getattr(self, "_" + key[0].replace("-", "_"))(key, facts[key], urls))
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
        )

    def _focus(self, key: tuple, fact: dict, urls: list[str]) -> Finding:
        elements = fact["all"]
        names = [clip(e.get("text") or e["desc"], 40) for e in elements]
        return self.finding(
            severity="serious",
            title="No visible focus indicator in the header or menu",
            message=(
                f"{plural(len(elements), 'element')} of the header and menu look the same "
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
                "elements": [e["desc"] for e in elements],
                "changed_px": fact.get("changed_px", 0),
                "wcag": ["2.4.7"],
                "screenshot": fact.get("shot"),
            },
            key=f"focus|{fact['desc']}",
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
        )
