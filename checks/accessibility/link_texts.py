"""Link texts that say nothing out of context, and one text for several destinations."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import urlsplit

from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView
from auditor.urls import url_key

from .common import PageReader, listed, plural, sampled_pages

__all__ = ["LinkTexts", "is_vague"]

#: link texts that name no destination, English and German, compared after normalising
VAGUE_TEXTS = frozenset(
    {
        # English
        "click here", "click", "here", "this", "this link", "link", "more", "read more",
        "learn more", "more info", "more information", "info", "details", "view details",
        "continue reading", "go", "see more", "find out more", "show more",
        "view", "view more", "page", "this page", "click this", "more here", "go here",
        "website",
        # German
        "hier", "hier klicken", "klicken sie hier", "bitte hier klicken", "mehr",
        "mehr lesen", "weiterlesen", "weiter lesen", "mehr erfahren", "mehr infos",
        "mehr informationen", "zum artikel", "ansehen", "mehr anzeigen",
        "hier entlang", "weiter", "seite", "diese seite", "mehr dazu", "zur seite",
        "hier weiter", "hier mehr", "klick", "klicken", "öffnen", "webseite",
    }
)  # fmt: skip

_PUNCT = re.compile(r"[\s\u00a0]+|[.…:!?»«›‹→←>\-–—()\[\]\"'“”„]+")

_LINKS_JS = """
(limit) => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const text = (el) => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim();
  const name = (a) => {
    const by = a.getAttribute('aria-labelledby');
    if (by) {
      const t = by.split(/\\s+/).map((id) => document.getElementById(id))
        .filter(Boolean).map(text).join(' ').trim();
      if (t) return t;
    }
    const aria = (a.getAttribute('aria-label') || '').trim();
    if (aria) return aria;
    let t = text(a);
    if (!t) t = [...a.querySelectorAll('img[alt]')].map((i) => i.alt.trim()).join(' ').trim();
    return t || (a.getAttribute('title') || '').trim();
  };
  const describe = (a) => {
    let s = 'a';
    if (a.id) return ('a#' + CSS.escape(a.id)).slice(0, 200);
    const href = a.getAttribute('href') || '';
    return (s + '[href="' + href.replace(/"/g, '\\\\"') + '"]').slice(0, 200);
  };
  // links that lead nowhere: a script's click handler dressed as a link
  // a listing's pagination: "Weiter" and "»" there are understood from their place
  const PAGING = '[class*="pagination" i], [class*="pager" i], [aria-label*="pagination" i], '
    + '[aria-label*="seiten" i], [aria-label*="pages" i]';
  const WIDGETS = new Set(['button', 'menuitem', 'tab', 'switch', 'option', 'treeitem']);
  const out = [];
  const pseudo = [];
  for (const a of document.querySelectorAll('a[href]')) {
    if (out.length >= limit) break;
    const href = a.href;
    const raw = (a.getAttribute('href') || '').trim();
    const role = (a.getAttribute('role') || '').trim().toLowerCase();
    if (raw === '#' || /^javascript:/i.test(raw)) {
      if (!WIDGETS.has(role) && visible(a) && pseudo.length < 50) {
        const html = a.outerHTML.slice(0, 300);
        pseudo.push([name(a).slice(0, 120), raw.slice(0, 120), describe(a), html]);
      }
      continue;
    }
    // a tab, button or menu item is announced as that control, named by its label
    // ("Details" on a tab opens the details panel), not listed among the page's links
    if (WIDGETS.has(role) || !/^https?:/.test(href) || !visible(a)) continue;
    const paging = /\b(next|prev)\b/i.test(a.rel || '') || !!a.closest(PAGING);
    out.push([name(a).slice(0, 120), href.slice(0, 500), describe(a), a.outerHTML.slice(0, 300),
              paging]);
  }
  return { links: out, pseudo };
}
"""


def normalise(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def is_vague(name: str) -> bool:
    """True for a link name that names no destination ("click here", "mehr", "»")."""
    return normalise(name) in VAGUE_TEXTS or _punctuation_only(name)


#: what a listing's pagination may call its next and previous pages
PAGING_TEXTS = frozenset({"weiter", "zurück", "next", "previous", "prev", "vor", "older", "newer"})


def text_of_paging(name: str) -> bool:
    """Whether a link text is one that pagination may use: its place (a pager beside
    page numbers) says where it leads, as WCAG 2.4.4 allows."""
    return normalise(name) in PAGING_TEXTS or _punctuation_only(name)


def _punctuation_only(name: str) -> bool:
    """A name of marks alone (".", "»", "→", "..."): a screen reader reads out a sign,
    or nothing at all. No name is axe's link-name rule, not this one."""
    return bool(name.strip()) and not any(ch.isalnum() for ch in name)


def _target(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:  # a link no browser can follow (e.g. a broken IPv6 host)
        return url
    return parts._replace(fragment="").geturl()


class LinkTexts(PageReader):
    """Link texts.

    What: links whose text says nothing out of context ("click here", "Read more",
    "page", "hier", "mehr", "weiter", or marks alone such as "." or "»"), one link
    text on a page leading to different places, and links to "#" or "javascript:"
    that act as buttons without saying so (no role=button).
    Why: screen reader users jump from link to link and hear only the link's name, and
    every customer scans links rather than reading around them (WCAG 2.4.4 Link Purpose
    (In Context), level A, and 2.4.9 (Link Only), level AAA).
    Example: "Read more" under the shipping teaser, "click here" in a sentence.
    Fix: name the destination in the link ("Shipping costs and times"); where a design
    needs the short text, add the rest for assistive technology (aria-label or a
    visually hidden span).
    """

    id = "accessibility.link-texts"
    category = "accessibility"
    title = "Link texts that name their destination"
    description = (
        "Links that say 'click here', 'mehr' or '»', one text for several targets, "
        "and links to '#' or 'javascript:' that act as buttons."
    )
    default_options: ClassVar[dict[str, Any]] = {
        "per_template": 0,
        "extra_vague_texts": [],
    }
    option_docs: ClassVar[dict[str, str]] = {
        "per_template": "pages of each template whose links are read (0: all [sample] allows)",
        "extra_vague_texts": "more link texts to treat as saying nothing (any language)",
    }

    script = _LINKS_JS
    script_arg = 600

    def configure(self, settings: Settings) -> None:
        texts = self.options["extra_vague_texts"]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            raise ConfigError(
                f"{settings.source}: 'checks.\"{self.id}\".extra_vague_texts' must be a "
                f"list of link texts, not {texts!r}"
            )

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        extra = {normalise(t) for t in self.options["extra_vague_texts"]}
        # two hrefs of which one redirects to the other lead to the same page
        finals = {
            _target(p.url): _target(p.final_url)
            for p in pages
            if p.final_url and _target(p.final_url) != _target(p.url)
        }
        vague: list[tuple[str, str, str, str, list]] = []  # text, target, template, url, link
        ambiguous: dict[tuple[str, str], dict] = {}
        for page in sampled_pages(pages):
            targets: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
            for name, href, selector, html, *more in page.data.get("links", []):
                if more and more[0] and text_of_paging(name):
                    continue
                text = normalise(name)
                if _punctuation_only(name):
                    text = " ".join(name.split())
                elif not text:
                    continue  # a link without a name is axe's link-name rule
                target = _target(href)
                target = finals.get(target, target)
                if text in VAGUE_TEXTS or text in extra or _punctuation_only(name):
                    vague.append((text, target, page.template, page.url, [name, selector, html]))
                else:
                    targets[text].setdefault(target, (selector, html))
            for text, where in targets.items():
                if len(where) < 2:
                    continue
                entry = ambiguous.setdefault(
                    (page.template, text), {"targets": list(where), "where": where, "p": []}
                )
                entry["p"].append(page.url)
        findings = self._vague_groups(vague)
        findings += [self._ambiguous(key, e) for key, e in ambiguous.items()]
        findings += self._pseudo_groups(
            [
                (link, page.template, page.url)
                for page in sampled_pages(pages)
                for link in page.data.get("pseudo") or []
            ]
        )
        return findings

    def _pseudo_groups(self, occurrences: list[tuple[list, str, str]]) -> list[Finding]:
        """Links to "#" or "javascript:" that are not buttons: the same link (text and
        selector) on pages of several templates is one finding (the header's), the
        rest one finding per template and kind of address."""
        templates: dict[tuple[str, str], set[str]] = defaultdict(set)
        for (name, _, selector, _), template, _ in occurrences:
            templates[(name, selector)].add(template)
        groups: dict[tuple[str, ...], dict] = {}
        for link, template, url in occurrences:
            name, raw, selector, _ = link
            kind = "#" if raw.startswith("#") else "javascript:"
            shared = len(templates[(name, selector)]) > 1
            key = (kind, "*", selector, name) if shared else (kind, template, "", "")
            g = groups.setdefault(key, {"links": [], "p": [], "kind": kind})
            if all(o[2] != selector or o[0] != name for o in g["links"]):
                g["links"].append(link)
            if url not in g["p"]:
                g["p"].append(url)
        return [self._pseudo(key, g) for key, g in groups.items()]

    def _pseudo(self, key: tuple[str, ...], g: dict) -> Finding:
        links, pages, kind = g["links"], g["p"], g["kind"]
        _, raw, selector, html = links[0]
        names = [f"“{clip(n, 40)}”" if n.strip() else clip(s, 60) for n, _, s, _ in links]
        return self.finding(
            severity="moderate",
            title=f'Links to "{kind}" that act as buttons ({plural(len(links), "link")})',
            message=(
                f"{plural(len(links), 'link')} (e.g. {', '.join(names[:4])}) point to "
                f'"{clip(raw, 60)}": they lead nowhere and work only by script, yet screen '
                "readers announce a link, opening them in a new tab gives an empty page, and "
                f"without script they do nothing. On {plural(len(pages), 'page')}."
            ),
            recommendation=(
                'Use a <button type="button"> for what acts on the page (opens a menu, '
                "adds to the cart), and a link with a real address for what leads somewhere. "
                "WCAG 4.1.2 Name, Role, Value and 2.4.4 Link Purpose."
            ),
            **listed(pages),
            selector=selector,
            snippet=html,
            evidence={
                "href": clip(raw, 120),
                "links": [clip(s, 200) for _, _, s, _ in links[:20]],
                "links_total": len(links),
                "wcag": ["4.1.2", "2.4.4"],
            },
            key=f"pseudo|{'|'.join(key)}",
            message_id=f"{self.id}.pseudo",
            params={
                "kind": kind,
                "count": len(links),
                "names": ", ".join(names[:4]),
                "href": clip(raw, 60),
                "pages": len(pages),
            },
        )

    def _vague_groups(self, occurrences: list[tuple[str, str, str, str, list]]) -> list[Finding]:
        """A vague link that a shared part (the footer, a teaser) repeats on pages of
        several templates is one finding; vague links within one template (the
        "Details" of every product card) are one finding per template and text."""
        templates: dict[tuple[str, str], set[str]] = defaultdict(set)
        for text, target, template, _, _ in occurrences:
            templates[(text, target)].add(template)
        groups: dict[tuple[str, str], dict] = {}
        for text, target, template, url, link in occurrences:
            shared = len(templates[(text, target)]) > 1
            key = (text, url_key(target)) if shared else (text, template)
            g = groups.setdefault(key, {"link": link, "targets": [], "p": [], "shared": shared})
            if target not in g["targets"]:
                g["targets"].append(target)
            if url not in g["p"]:
                g["p"].append(url)
        return [self._vague(key, g) for key, g in groups.items()]

    def _vague(self, key: tuple[str, str], g: dict) -> Finding:
        (name, selector, html), pages, targets = g["link"], g["p"], g["targets"]
        name = clip(name, 80)
        where = (
            f"to {clip(targets[0], 200)}"
            if len(targets) == 1
            else f"{len(targets)} links to different pages"
        )
        return self.finding(
            severity="moderate",
            title=f"Link text “{name}” does not say where it leads",
            message=(
                f"The link “{name}” ({where}) names no destination; screen reader users "
                f"who list the links hear only “{name}”. On {plural(len(pages), 'page')}."
            ),
            recommendation=(
                "Name the destination in the link itself, e.g. “Shipping costs and "
                "times” instead of “Read more”; if the design needs the short text, add "
                "the rest for screen readers (aria-label or a visually hidden span). "
                "WCAG 2.4.4 Link Purpose (In Context)."
            ),
            **listed(pages),
            selector=selector,
            snippet=html,
            evidence={
                "link_text": name,
                "targets": [clip(t, 200) for t in targets[:10]],
                "targets_total": len(targets),
                "wcag": ["2.4.4"],
            },
            key=f"vague|{key[0]}|{key[1]}",
            message_id=f"{self.id}.vague" + ("-one" if len(targets) == 1 else "-many"),
            params={
                "name": name,
                "target": clip(targets[0], 200),
                "targets": len(targets),
                "pages": len(pages),
            },
        )

    def _ambiguous(self, key: tuple[str, str], e: dict) -> Finding:
        template, text = key
        targets = e["targets"]
        selector, html = next(iter(e["where"].values()))
        return self.finding(
            severity="minor",
            title=f"One link text, {len(targets)} destinations: “{clip(text, 60)}”",
            message=(
                f"On pages of {template}, {len(targets)} links called “{clip(text, 60)}” lead "
                "to different pages; out of context they cannot be told apart."
            ),
            recommendation=(
                "Give each link a name that tells its destination apart (e.g. “Details: "
                "Alpine Shell Jacket”), or one name per destination. WCAG 2.4.4 and 2.4.9."
            ),
            **listed(e["p"]),
            selector=selector,
            snippet=html,
            evidence={
                "link_text": clip(text, 80),
                "targets": [clip(t, 200) for t in targets[:10]],
                "targets_total": len(targets),
                "wcag": ["2.4.4", "2.4.9"],
            },
            key=f"ambiguous|{template}|{text}",
            message_id=f"{self.id}.ambiguous",
            params={"template": template, "text": clip(text, 60), "count": len(targets)},
        )
