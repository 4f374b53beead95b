"""axe-core on the first page of each structural template, its page-level rules on
every page, its violations grouped so a team can act on them.

Why one page per structural template: axe's full run costs about a second a page,
most of an audit's gathering, while pages that share a URL template and a layout
(auditor.skeleton) repeat the same header, footer, menus and content slots. So by
default (``per = "template"``) the full run goes to the first ``full_runs`` pages of
each structural template (checkkit.structural_template). What differs from page to page
of one layout, the document's title, language, viewport and refresh, is read on every
page in the engine's one round trip of page scripts and judged as axe judges it
(axe_document). ``per = "page"`` runs axe in full on every page, as before.

Why a sample's defect is listed on a sibling page only where the sibling holds its
element: pages of one layout share their chrome, not their content. Listed on every
page of the template, one guide's figure without alt was claimed for the three guides
whose figures had theirs. So the same round trip looks, on each sibling, for the
failing elements the template's sample found (fingerprints: the element itself, or for
a rule judged on the element alone, ELEMENT_RULES, one of its kind: another product's
image that lacks its alt too), and a defect is listed where they are. A defect only on
a page axe did not run on in full stays unfound: ``per = "page"`` finds it.

Why grouping: a menu without a label on 300 pages is one thing to fix. The same rule
on the same element (same selector and markup) is one finding with all its pages,
across templates; an element whose markup differs from page to page (a product image)
is one finding per template and selector. A group seen on only some of a structural
template's samples (``full_runs`` above 1) depends on the content, and is listed where
it was seen.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar

from playwright.async_api import Error as PlaywrightError

from auditor.checkkit import OncePerTemplate, structural_template
from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.model import Finding, clip
from auditor.plugins import Check, PageScript, PageView, SiteView
from auditor.screenshots import element_shot
from auditor.wcag import axe_tags, parse_wcag

from .axe_document import DOCUMENT_JS, DOCUMENT_RULES, document_results, rules_on

__all__ = ["AxeCore", "wcag_criteria"]

#: axe's tag for each selectable standard
STANDARDS = {
    "wcag2a": "WCAG 2.0 A",
    "wcag2aa": "WCAG 2.0 AA",
    "wcag2aaa": "WCAG 2.0 AAA",
    "wcag21a": "WCAG 2.1 A",
    "wcag21aa": "WCAG 2.1 AA",
    "wcag22aa": "WCAG 2.2 AA",
    "experimental": "axe experimental rules",
    "best-practice": "axe best practices",
}
SEVERITY = {"critical": "critical", "serious": "serious", "moderate": "moderate", "minor": "minor"}
MAX_NODES = 25
#: failing elements of a structural template's samples its sibling pages look for
MAX_PRINTS = 300
#: pages listed for each rule that needs review (how many there were is counted apart)
MAX_REVIEW_PAGES = 50
#: regions every template repeats: a violation there is one finding across templates
SHARED_REGIONS = frozenset({"header", "footer", "navigation"})
REGION_NAMES = {
    "header": "header",
    "footer": "footer",
    "navigation": "menu",
    "main": "main content",
    "aside": "sidebar",
}
_POSITION = re.compile(r":nth-(?:child|of-type|last-child)\(\d+\)|\[[^\]]*\]")


#: rules whose failures come from the base layout all pages share: one finding
SITE_WIDE_RULES = frozenset({"region", "landmark-one-main", "page-has-heading-one"})

#: rules axe judges on the element alone, its attributes and what it holds (a name, an
#: alt): an element of the same kind on a sibling page fails them alike. Not the rules
#: that look elsewhere in the page (a <label for>, the heading before, the colours
#: behind): there a sibling must hold the very element.
ELEMENT_RULES = frozenset(
    {
        "area-alt",
        "aria-command-name",
        "aria-input-field-name",
        "aria-meter-name",
        "aria-progressbar-name",
        "aria-toggle-field-name",
        "aria-tooltip-name",
        "button-name",
        "empty-heading",
        "frame-title",
        "image-alt",
        "input-button-name",
        "input-image-alt",
        "link-name",
        "object-alt",
        "role-img-alt",
        "svg-img-alt",
    }
)


def _colour_pair(rule: str, node: dict) -> str | None:
    """``#777777 on #ffffff`` for a contrast failure whose colours axe recorded."""
    colors = node.get("colors")
    if rule != "color-contrast" or not isinstance(colors, list) or len(colors) != 2:
        return None
    fg, bg = (str(c).lower()[:20] for c in colors)
    return f"{fg} on {bg}"


def _shape(selector: str) -> str:
    """A selector without positions and attributes: the same component on any page
    (".card:nth-child(3) > img[width='300']" and ".card:nth-child(1) > img" are one)."""
    return " ".join(_POSITION.sub("", selector).split()) or selector


_SC_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")

#: two fingerprints of an element, hashes so a page's record stays small, the same
#: functions on the sample and its siblings. Why: a defect axe found on a template's
#: sample is listed on a sibling page only where the sibling holds the same element, or
#: for a rule judged on the element alone (ELEMENT_RULES) one of its kind.
#: ``img:<16 hex>``, the element itself: its tag, attributes, text and number of
#: children (the header's icon link, the same on every page).
#: ``img~<16 hex>``, its kind: its tag, classes, style, role and type, which other
#: attributes it has and whether each is empty, whether it holds text, and the same of
#: its children two levels down (a product card's image without alt, whichever
#: product: another product's image with an alt is of another kind).
_FINGERPRINT_JS = r"""
  const fnv = (s) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(16).padStart(8, '0');
  };
  const squeeze = (text) => String(text || '').replace(/\s+/g, ' ').trim();
  const attrs = (el) => [el.localName].concat([...el.attributes]
    .map((a) => a.name + '=' + a.value.slice(0, 300)).sort()).join(' ');
  const whole = (el, sig) => sig + '|' + el.childElementCount + '|'
    + squeeze(el.textContent).slice(0, 300);
  const fingerprint = (el) => {
    const sig = attrs(el);
    return el.localName + ':' + fnv(sig) + fnv(whole(el, sig));
  };
  const STYLING = new Set(['class', 'style', 'role', 'type']);
  const shape = (el) => [el.localName].concat([...el.attributes].map((a) => a.name + (
    STYLING.has(a.name) ? '=' + squeeze(a.value).slice(0, 200) : (a.value.trim() ? '=*' : '=')
  )).sort()).join(' ');
  const form = (el, depth) => {
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.trim());
    const kids = depth >= 2
      ? (squeeze(el.textContent) ? 'T' : '') + (el.childElementCount ? '+' : '')
      : [...el.children].slice(0, 8).map((k) => form(k, depth + 1)).join(',');
    return shape(el) + '|' + (text ? 'T' : '') + '(' + kids + ')';
  };
  const alike = (el) => el.localName + '~' + fnv(shape(el)) + fnv(form(el, 0));
"""

#: which of a sample's failing elements (fingerprints of either kind) a sibling page
#: holds: its elements of each tag whose attributes match first, then the whole
#: fingerprint of those only (20 to 140 ms on a page of 12,000 elements, at load 17)
CONFIRM_JS = r"""
(wanted) => {
FINGERPRINT
  const want = new Set(wanted || []);
  const plan = {};
  for (const key of want) {
    const m = /^(.+?)([:~])([0-9a-f]{8})[0-9a-f]{8}$/.exec(key);
    if (!m) continue;
    const p = plan[m[1]] = plan[m[1]] || { same: new Set(), kind: new Set() };
    (m[2] === ':' ? p.same : p.kind).add(m[3]);
  }
  const present = new Set();
  for (const [tag, p] of Object.entries(plan)) {
    const els = document.getElementsByTagName(tag);
    for (let i = 0; i < els.length && i < MAX_ELEMENTS; i++) {
      const el = els[i];
      if (p.same.size) {
        const sig = attrs(el), h = fnv(sig);
        if (p.same.has(h)) present.add(tag + ':' + h + fnv(whole(el, sig)));
      }
      if (p.kind.size) {
        const h = fnv(shape(el));
        if (p.kind.has(h)) present.add(tag + '~' + h + fnv(form(el, 0)));
      }
    }
  }
  return [...present].filter((k) => want.has(k));
}
""".replace("FINGERPRINT", _FINGERPRINT_JS).replace("MAX_ELEMENTS", "5000")

#: a sibling page's read: the page-level facts and which failing elements it holds
_SIBLING_JS = "(wanted) => ({ document: (DOCUMENT)(), present: (CONFIRM)(wanted) })".replace(
    "DOCUMENT", DOCUMENT_JS.strip()
).replace("CONFIRM", CONFIRM_JS.strip())

_RUN_JS = r"""
async ([tags, enable, disable]) => {
FINGERPRINT
  const options = { resultTypes: ['violations', 'incomplete'],
                    runOnly: { type: 'tag', values: tags } };
  const rules = {};
  for (const id of enable) rules[id] = { enabled: true };
  for (const id of disable) rules[id] = { enabled: false };
  if (Object.keys(rules).length) options.rules = rules;
  const r = await window.axe.run(document, options);
  // the page region an element sits in: the header or footer that every template
  // repeats is one thing to fix, wherever axe's selector for it happens to differ
  const REGIONS = [['header, [role="banner"]', 'header'],
    ['footer, [role="contentinfo"]', 'footer'], ['nav, [role="navigation"]', 'navigation'],
    ['aside, [role="complementary"]', 'aside'],
    ['main, [role="main"]', 'main']];
  const region = (target) => {
    let el = null;
    try {
      el = typeof target[0] === 'string' ? document.querySelector(target[0]) : null;
    } catch (e) {}
    if (!el) return null;
    for (const [sel, name] of REGIONS) if (el.closest(sel)) return name;
    return 'body';
  };
  // the element axe's target names in this document (none inside a frame or a shadow
  // root), for its fingerprints
  const element = (target) => {
    if (target.length !== 1 || typeof target[0] !== 'string') return null;
    try { return document.querySelector(target[0]); } catch (e) { return null; }
  };
  // a contrast failure's colour pair: one pair is one change to the theme's palette
  const colors = (n) => {
    const d = n.any && n.any[0] && n.any[0].data;
    return d && typeof d === 'object' && d.fgColor && d.bgColor
      ? [String(d.fgColor).slice(0, 20), String(d.bgColor).slice(0, 20)] : null;
  };
  const slim = (list, nodes) => list.map((v) => ({
    id: v.id, impact: v.impact || 'minor', tags: v.tags, help: v.help, helpUrl: v.helpUrl,
    count: v.nodes.length,
    nodes: nodes ? v.nodes.slice(0, nodes).map((n) => {
      const el = element(n.target);
      return { target: n.target.map(String).join(' '), html: (n.html || '').slice(0, 400),
        summary: (n.failureSummary || '').slice(0, 400), region: region(n.target),
        colors: colors(n), fp: el ? fingerprint(el) : null, form: el ? alike(el) : null };
    }) : [],
  }));
  const sc = (tags) => tags.filter((t) => /^wcag\d{3,}$/.test(t));
  return { violations: slim(r.violations, MAX_NODES), incomplete: slim(r.incomplete, 0),
           passes: (r.passes || []).map((v) => [v.id, sc(v.tags)]) };
}
""".replace("MAX_NODES", str(MAX_NODES)).replace("FINGERPRINT", _FINGERPRINT_JS)


#: what to do, in plain words, for the rules a shop fails most (axe's help says what is
#: wrong; a designer and a developer need to read what to change)
FIXES = {
    "image-alt": "Give every product and content image an alt text that says what it shows "
    '(the product name and what matters about the picture); alt="" for decoration.',
    "color-contrast": "Darken the text or lighten its background until the contrast is at "
    "least 4.5:1 (3:1 for large text); check the footer, placeholders and grey prices.",
    "button-name": "Give every button a name: visible text, or aria-label on an icon-only "
    'button (e.g. aria-label="Search").',
    "link-name": "Give every link a name: visible text, an image with alt text, or "
    "aria-label on an icon-only link.",
    "label": "Tie a visible <label for> to every form field; a placeholder is no label.",
    "html-has-lang": 'Set the page language on the root element: <html lang="en"> '
    "(or de, fr, ...), so screen readers pronounce the text right.",
    "html-lang-valid": "Use a valid language code in <html lang>, e.g. en, de, de-AT.",
    "document-title": "Give every page a unique, descriptive <title> (page, then shop name).",
    "meta-viewport": "Remove maximum-scale and user-scalable=no from the viewport meta.",
    "landmark-one-main": "Wrap the page's main content in one <main> element.",
    "region": "Put all content inside landmarks (header, nav, main, footer).",
    "heading-order": "Use heading levels in order (h1, then h2, then h3) without skipping.",
    "page-has-heading-one": "Give every page one h1 that names it.",
    "list": "Put only <li> elements directly inside <ul> and <ol>.",
    "listitem": "Put every <li> inside a <ul> or <ol>.",
    "aria-command-name": "Give every element with role=button, link or menuitem a name.",
    "select-name": "Tie a visible label to every select box.",
    "frame-title": "Give every iframe a title that says what it contains.",
    "target-size": "Make touch targets at least 24 by 24 CSS pixels, or space them apart.",
    "bypass": "Add a skip link or landmarks so keyboard users can skip the header.",
}

#: a rule's weight in the score by its impact (Lighthouse weighs its axe audits 10/7/3/1)
RULE_WEIGHT = {"critical": 10, "serious": 7, "moderate": 3, "minor": 1}


def _rule_entry(tags: Iterable[str]) -> dict:
    return {"impact": None, "wcag": wcag_criteria(tags), "passed": 0, "failed": 0}


def wcag_table(rules: dict[str, dict]) -> list[dict]:
    """Per WCAG success criterion: the axe rules that passed and failed, and on how many
    pages a rule of it failed; what the report's accessibility section shows."""
    table: dict[str, dict] = {}
    for rule, entry in rules.items():
        for sc in entry["wcag"]:
            row = table.setdefault(
                sc, {"criterion": sc, "rules_passed": [], "rules_failed": [], "pages_failed": 0}
            )
            if entry["failed"]:
                row["rules_failed"].append(rule)
                row["pages_failed"] = max(row["pages_failed"], entry["failed"])
            else:
                row["rules_passed"].append(rule)
    key = lambda sc: tuple(int(x) for x in sc.split("."))  # noqa: E731
    return [table[sc] for sc in sorted(table, key=key)]


def wcag_criteria(tags: Iterable[str]) -> list[str]:
    """axe's tags as WCAG success criteria: wcag143 -> 1.4.3."""
    out = []
    for tag in tags:
        m = _SC_TAG.match(tag)
        if m:
            out.append(f"{m.group(1)}.{m.group(2)}.{m.group(3)}")
    return out


def axe_saw(summary: str) -> str:
    """axe's failure summary as one readable sentence.

    Why: axe writes "Fix any of the following:" and one reason per line; joined
    without the line breaks the reasons ran into one another in the report.
    """
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    reasons = [line.rstrip(".") for line in lines if not line.lower().startswith("fix ")]
    if not reasons:
        return ""
    return clip("What axe saw: " + "; ".join(reasons) + ".", 300)


def _groups(occurrences: list[tuple]) -> dict[tuple, dict]:
    """Occurrences of a rule on an element, grouped by what one fix repairs."""
    # the same element (selector and markup) on pages of several templates: one group
    templates_of: dict[tuple, set[str]] = defaultdict(set)
    for rule, template, selector, html, *_ in occurrences:
        templates_of[(rule, selector, html)].add(template)
    groups: dict[tuple, dict] = {}
    for rule, template, selector, html, url, v, node in occurrences:
        region = node.get("region")
        pair = _colour_pair(rule, node)
        if pair:  # one colour pair is one change to the palette, wherever it is used
            key = (rule, "*", f"colours:{pair}", "")
        elif rule in SITE_WIDE_RULES:  # the layout every page is built from
            key = (rule, "*", "@site", "")
        elif region in SHARED_REGIONS:  # the chrome every template repeats: one group
            key = (rule, "*", "@" + region, "")
        elif region:  # a component in the content (a product card): one group
            key = (rule, "*", f"@{region}:{_shape(selector)}", "")
        elif len(templates_of[(rule, selector, html)]) > 1:
            key = (rule, "*", selector, html)
        else:
            key = (rule, template, selector, "")
        g = groups.setdefault(
            key, {"v": v, "node": node, "pages": [], "template": template, "elements": {}}
        )
        g["elements"].setdefault(selector, node)
        g.setdefault("prints", set()).update(_prints(rule, node))
        g.setdefault("templates", set()).add(template)
        if url not in g["pages"]:
            g["pages"].append(url)
        if node.get("screenshot") and not g.get("shot"):
            g["shot"] = node["screenshot"]
    return groups


def _prints(rule: str, node: dict) -> list[str]:
    """What a sibling page must hold to fail as a sample's element did: the element
    itself, or for a rule judged on the element alone one of its kind."""
    keys = [node.get("fp")] + ([node.get("form")] if rule in ELEMENT_RULES else [])
    return [k for k in keys if isinstance(k, str)]


def _repeat(
    groups: dict[tuple, dict],
    structure_of: dict[str, str],
    full_of: dict[str, list[str]],
    rest_of: dict[str, list[str]],
    present_of: dict[str, set[str]],
    template_of: dict[str, str],
    rules: dict[str, dict],
) -> dict[str, int]:
    """Each group seen on every page axe ran on in full of a structural template is
    listed on that template's other pages that hold one of its failing elements (the
    same tag, attributes and text) or, for a rule judged on the element alone, one of
    its kind (ELEMENT_RULES: another product's image that lacks its alt too), and only
    there. The page-level rules were judged on each page itself and repeat nowhere.

    Why the element and not the template: a template's pages share a layout, not their
    content; with one sample a guide's figure without alt was claimed for every guide,
    whose figures had theirs. Returns how many (group, page) pairs were listed and how
    many were not, the sibling holding no such element."""
    counts = {"listed": 0, "not_listed": 0}
    for (rule, *_), g in groups.items():
        if rule in DOCUMENT_RULES:
            continue
        seen = set(g["pages"])
        prints = g.get("prints", set())
        for structure in dict.fromkeys(structure_of.get(u, "") for u in g["pages"]):
            if not set(full_of.get(structure, [])) <= seen:
                continue
            for url in rest_of.get(structure, []):
                if url in seen:
                    continue
                if not prints & present_of.get(url, set()):
                    counts["not_listed"] += 1
                    continue
                counts["listed"] += 1
                seen.add(url)
                g["pages"].append(url)
                g["templates"].add(template_of.get(url, ""))
    failed: dict[str, set[str]] = defaultdict(set)
    for (rule, *_), g in groups.items():
        failed[rule].update(g["pages"])
    for rule, urls in failed.items():
        if rule in rules:
            rules[rule]["failed"] = max(rules[rule]["failed"], len(urls))
    return counts


def _sibling_data(structure: str, wanted: list[str], read: Any) -> dict:
    """A page's data from its page script: the page-level facts, the failing elements
    of its template's samples it holds, and how many of them it looked for."""
    read = read if isinstance(read, dict) else {}
    present = read.get("present")
    return {
        "structure": structure,
        "document": read.get("document"),
        "present": [k for k in present if isinstance(k, str)] if isinstance(present, list) else [],
        "checked": len(wanted),
    }


def _pages_named(ctx: Any) -> bool:
    """Whether the audit is of pages the user named (--urls, --sitemap-only: no links
    followed): then axe runs on each of them in full. Why: a list of content pages
    (guides, landing pages) shares one layout while its barriers are content; the user
    asked about each page, and a template's sample cannot vouch for another's images."""
    settings = getattr(ctx, "settings", None)
    crawl = getattr(settings, "crawl", None)
    return crawl is not None and not crawl.follow_links


class AxeCore(Check):
    """axe-core's automated WCAG checks.

    What: the rules of the chosen standards (WCAG 2.0/2.1/2.2, A/AA, best practices) on
    the first page(s) of each structural template, the page-level ones (title, language,
    viewport, refresh) on every sampled page, with axe's own impact as the severity.
    Why: barriers shut customers out, and WCAG AA is the legal bar in the EU (European
    Accessibility Act, from June 2025) and in many other places.
    Fix: each finding carries axe's help, the element's selector and its HTML.
    Needs review: what axe could not decide stays apart (details.needs_review: each
    rule with its criteria, how many pages and elements, and the pages to look at), a
    hint for a person, never a failure.
    """

    id = "accessibility.axe"
    category = "accessibility"
    title = "Automated WCAG checks (axe-core)"
    description = "axe-core's rules for the chosen WCAG standard on each template's pages."
    gather_timeout = 30.0
    default_options: ClassVar[dict[str, Any]] = {
        "wcag": "2.1 AA",
        "best_practices": True,
        "experimental": False,
        "enable_rules": [],
        "disable_rules": ["meta-viewport"],
        "per_template": 0,
        "per": "template",
        "full_runs": 1,
        "max_screenshots": 30,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "wcag": 'WCAG version and level whose rules run: "2.1 AA" (EN 301 549), "2.2 AA", '
        '"2.1 AAA" or "2.2 AAA" (earlier versions and lower levels included)',
        "best_practices": "also axe's best-practice rules (no WCAG criterion of their own)",
        "experimental": "also axe's experimental rules (new, more false alarms)",
        "enable_rules": "axe rule ids to run whatever wcag says",
        "disable_rules": "axe rule ids never to run (meta-viewport: accessibility.reflow "
        "judges zoom, so it is not counted twice)",
        "per_template": "pages of each URL template axe judges (the full run as per says), "
        "below [sample] per_template (0: as many as that allows)",
        "per": '"template": axe\'s full run on the first full_runs pages of each structural '
        "template (URL template and layout), its page-level rules (title, language, "
        "viewport, refresh) on every page, a finding listing the template's pages that hold "
        "the failing element (or, for a missing name or alt, one of its kind); "
        '"page": the full run on every page (slower, about a second a page); pages named '
        "with --urls or --sitemap-only always get the full run",
        "full_runs": 'with per = "template": pages of each structural template axe runs on '
        "in full, the first ones crawled (a defect seen on all of them is listed on the "
        "template's other pages that hold its element)",
        "max_screenshots": "violations shown with a screenshot of the element, per audit",
    }
    #: its page script reads every page; its gather runs axe on the pages it chose
    gathers_after_script = True

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._sample = OncePerTemplate(self.options["per_template"])
        self._structures = OncePerTemplate(self.options["full_runs"])
        #: page URL -> its structural template, for the pages judged
        self._structure_of: dict[str, str] = {}
        #: page URL -> whether axe runs on it in full (``per = "template"``)
        self._full_runs: dict[str, bool] = {}
        self._shots: set[tuple[str, str]] = set()
        #: structural template -> fingerprints of the failing elements its finished
        #: full runs found (a dict for its order: a sibling checks only the new ones)
        self._prints: dict[str, dict[str, None]] = {}
        #: structural template -> its full runs under way, for a sibling to await
        self._pending: dict[str, set[asyncio.Future]] = defaultdict(set)
        self._rules: dict[str, dict] = {}
        self._script: str | None = None
        self.details: dict[str, Any] | None = None

    def configure(self, settings: Settings) -> None:
        where = f'{settings.source}: \'checks."{self.id}"'
        if parse_wcag(self.options["wcag"]) is None:
            raise ConfigError(f'{where}.wcag\' must be like "2.1 AA" or "2.2 AAA"')
        for key in ("enable_rules", "disable_rules"):
            if not all(isinstance(r, str) and r for r in self.options[key]):
                raise ConfigError(f"{where}.{key}' must be a list of axe rule ids")
        limit = self.options["per_template"]
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise ConfigError(f"{where}.per_template' must be a whole number >= 0")
        if self.options["per"] not in ("template", "page"):
            raise ConfigError(f'{where}.per\' must be "template" or "page"')
        if self.options["full_runs"] < 1:
            raise ConfigError(f"{where}.full_runs' must be a whole number >= 1")

    def _script_text(self) -> str:
        if self._script is None:
            from axe_playwright_python.base import AXE_SCRIPT  # bundled axe-core, no network

            self._script = AXE_SCRIPT
        return self._script

    def _tags(self) -> list[str]:
        return axe_tags(*(self.options[k] for k in ("wcag", "best_practices", "experimental")))

    def document_rules(self) -> list[str]:
        """The page-level rules (axe_document) axe would run with these options."""
        return rules_on(self._tags(), self.options["enable_rules"], self.options["disable_rules"])

    def _judged(self, ctx: Any) -> str | None:
        """The structural template of a page this check judges ([sample] per_template of
        its URL template), None for a page it does not; asked once per page (a page read
        again where it sent itself keeps its answer)."""
        if ctx.status is None or ctx.status >= 400:
            return None
        if ctx.url not in self._structure_of:
            if not self._sample.first(ctx.template):
                return None
            layout = getattr(ctx, "layout", "") or ""
            self._structure_of[ctx.url] = structural_template(ctx.template, layout)
        return self._structure_of[ctx.url]

    def _full(self, url: str, structure: str) -> bool:
        """Whether axe runs on this page in full: every page with ``per = "page"``, else
        the first ``full_runs`` pages of its structural template that get this far.

        Why the first ones: a page's layout is read from the HTML the server sent before
        any gatherer runs, so every page knows its structural template when it is
        judged; what no page can know is whether later pages will share it, and it need
        not: the first pages are the sample, and the crawl renders the shallowest pages
        of a template first, the ones customers see most. Asked when the run would
        start, not when the page is planned, so a page whose visit ends before (its
        budget spent, the page hung) takes no turn from the pages after it."""
        if self.options["per"] == "page":
            return True
        if url not in self._full_runs:
            self._full_runs[url] = self._structures.first(structure)
        return self._full_runs[url]

    def page_script(self, ctx: Any) -> PageScript | None:
        """The page-level facts of every judged page, and which failing elements of its
        structural template's samples it holds, in the engine's one round trip."""
        structure = self._judged(ctx)
        if structure is None:
            return None
        wanted = list(self._prints.get(structure, {}))
        return PageScript(
            _SIBLING_JS, wanted, read=lambda facts: _sibling_data(structure, wanted, facts)
        )

    async def gather(self, page: Any, ctx: Any) -> dict | None:
        """axe's full run where this page is one of its structural template's samples;
        else what the page script read, with the failing elements checked that a sample
        found after the script ran. A run that fails gives its turn back, so a later
        page of the same structural template is run in full instead."""
        scripted = ctx.scripted if isinstance(getattr(ctx, "scripted", None), dict) else None
        structure = self._judged(ctx)
        if structure is None:
            return scripted
        if _pages_named(ctx) or self._full(ctx.url, structure):
            return await self._full_run(page, ctx.url, structure)
        return await self._sibling(page, ctx.url, structure, scripted)

    async def _full_run(self, page: Any, url: str, structure: str) -> dict:
        """axe's full run; what it found failing is remembered for the siblings."""
        done = asyncio.get_running_loop().create_future()
        self._pending[structure].add(done)
        result: dict | None = None
        try:
            result = await self._run(page)
        finally:
            if result is None and self.options["per"] == "template":
                self._structures.release(structure)
                self._full_runs[url] = False
            if result is not None:
                self._remember(structure, result)
            self._pending[structure].discard(done)
            done.set_result(None)
        return {"structure": structure, **result}

    def _remember(self, structure: str, result: dict) -> None:
        prints = self._prints.setdefault(structure, {})
        for v in result.get("violations", []):
            if v.get("id") in DOCUMENT_RULES:
                continue
            for node in v.get("nodes", []):
                for key in _prints(v["id"], node):
                    if len(prints) < MAX_PRINTS:
                        prints.setdefault(key, None)

    async def _sibling(self, page: Any, url: str, structure: str, scripted: dict | None) -> dict:
        """A page of a structural template that another page runs axe for: its page
        script's data, and whether it holds the failing elements of the template's
        samples. Where the sample's run was still under way when the script ran (tabs
        in parallel), it waits for the run and checks its elements in one more round
        trip; where no sample's run succeeded, this page takes the turn and runs axe."""
        data = dict(scripted) if scripted else {"structure": structure}
        while structure not in self._prints and self._pending.get(structure):
            await asyncio.wait(set(self._pending[structure]))  # (another page's turn)
        if structure not in self._prints:  # every sample's run failed: a turn is free
            if self.options["per"] == "template" and self._structures.first(structure):
                self._full_runs[url] = True
                return await self._full_run(page, url, structure)
            return data
        checked = data.get("checked", 0) if isinstance(data.get("checked"), int) else 0
        wanted = list(self._prints[structure])
        if len(wanted) > checked:
            found = await page.evaluate(CONFIRM_JS, wanted[checked:])
            present = list(data.get("present") or [])
            data["present"] = present + [k for k in found or [] if k not in present]
            data["checked"] = len(wanted)
        return data

    async def _run(self, page: Any) -> dict:
        started = time.monotonic()
        await page.evaluate(self._script_text())
        result = await page.evaluate(
            _RUN_JS,
            [self._tags(), self.options["enable_rules"], self.options["disable_rules"]],
        )
        result["ms"] = round((time.monotonic() - started) * 1000)
        await self._screenshots(page, result)
        return result

    async def _screenshots(self, page: Any, result: dict) -> None:
        """The first element of each violation, outlined in its surroundings, once per
        rule and element in the audit: the report shows what to fix, not only where."""
        shot_any = False
        for v in result.get("violations", [])[:8]:  # a page's data must stay small
            if len(self._shots) >= self.options["max_screenshots"]:
                break
            node = (v.get("nodes") or [None])[0]
            if node is None or (v["id"], node["target"]) in self._shots:
                continue
            self._shots.add((v["id"], node["target"]))
            node["screenshot"] = await element_shot(page, node["target"])
            shot_any = True
        if shot_any:  # later gatherers see the page from its top, as the crawl left it
            with contextlib.suppress(PlaywrightError):
                await page.evaluate("() => window.scrollTo(0, 0)")

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        occurrences = []  # (rule, template, selector, html, page url, violation, node)
        review: dict[str, dict] = {}
        ran, judged, total_ms = 0, 0, 0
        rules: dict[str, dict] = {}  # rule -> impact, criteria, pages passed and failed
        structure_of: dict[str, str] = {}  # page -> its structural template
        template_of: dict[str, str] = {}
        full_of: dict[str, list[str]] = defaultdict(list)  # structure -> pages run in full
        rest_of: dict[str, list[str]] = defaultdict(list)  # structure -> the others
        present_of: dict[str, set[str]] = {}  # the others -> failing elements they hold
        document_rules = self.document_rules()
        for page in pages:
            data = page.data
            if not isinstance(data, dict):
                continue
            judged += 1
            template_of[page.url] = page.template
            full = "violations" in data  # a full run (records before sampling: all)
            structure = data.get("structure")
            if isinstance(structure, str):
                structure_of[page.url] = structure
                (full_of if full else rest_of)[structure].append(page.url)
                if not full:
                    present_of[page.url] = {
                        k for k in data.get("present") or [] if isinstance(k, str)
                    }
            if full:
                ran += 1
                total_ms += data.get("ms", 0)
                violations, passes = data.get("violations", []), data.get("passes")
            else:  # the page-level rules only, judged here as axe judges them
                violations, passes = document_results(data.get("document"), document_rules)
            for rule, tags in passes if isinstance(passes, list) else []:
                entry = rules.setdefault(rule, _rule_entry(tags))
                entry["passed"] += 1
            for v in violations:
                entry = rules.setdefault(v["id"], _rule_entry(v.get("tags", [])))
                entry["failed"] += 1
                entry["impact"] = v.get("impact") or "minor"
                for node in v.get("nodes", []):
                    occurrences.append(
                        (v["id"], page.template, node["target"], node["html"], page.url, v, node)
                    )
            for v in data.get("incomplete", []) if full else []:
                entry = review.setdefault(
                    v["id"],
                    {
                        "rule": v["id"],
                        "help": v["help"],
                        "wcag": wcag_criteria(v.get("tags", [])),
                        "pages": 0,
                        "elements": 0,
                        "urls": [],
                    },
                )
                entry["pages"] += 1
                entry["elements"] += v.get("count", 0)
                if len(entry["urls"]) < MAX_REVIEW_PAGES:  # the total is in "pages"
                    entry["urls"].append(page.url)
        groups = _groups(occurrences)
        repeated = _repeat(groups, structure_of, full_of, rest_of, present_of, template_of, rules)
        # elements of one rule that fail on exactly the same pages belong to one component
        # (the footer's links, a product grid's images): one finding lists them all
        merged: dict[tuple, list[tuple]] = defaultdict(list)
        for key, g in groups.items():
            merged[(key[0], tuple(g["pages"]))].append((key, g))
        findings = [self._finding(members) for members in merged.values()]
        self._rules = rules
        self.details = {
            "pages_checked": ran,
            "pages_judged": judged,
            "per": self.options["per"],
            "structural_templates": len(set(full_of) | set(rest_of)),
            # (defect, page) pairs listed on a sibling page that holds the failing
            # element, and those not listed there, the sibling lacking it
            "repeated": repeated,
            "rules_passed": sorted(r for r, e in rules.items() if not e["failed"]),
            "rules_failed": sorted(r for r, e in rules.items() if e["failed"]),
            "wcag": wcag_table(rules),
            "axe_seconds": round(total_ms / 1000, 2),
            "seconds_per_page": round(total_ms / 1000 / ran, 2) if ran else None,
            "needs_review": sorted(review.values(), key=lambda r: -r["elements"])[:50],
        }
        return findings

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        """Lighthouse's way: the weighted share of rules that passed on every page, each
        rule weighted by its impact (critical 10, serious 7, moderate 3, minor 1; a rule
        that never failed counts 3). Many findings of one rule cost that rule once."""
        if not self._rules:
            return super().score(findings, pages_seen)
        total = passed = 0.0
        for entry in self._rules.values():
            weight = RULE_WEIGHT.get(entry["impact"], 3) if entry["failed"] else 3
            total += weight
            if not entry["failed"]:
                passed += weight
        return round(100.0 * passed / total, 1) if total else None

    def _finding(self, members: list[tuple[tuple, dict]]) -> Finding:
        (rule, _, _, _), g = members[0]
        v, node, pages = g["v"], g["node"], g["pages"]
        criteria = wcag_criteria(v.get("tags", []))
        where = f"on {len(pages)} pages" if len(pages) > 1 else "on 1 page"
        # a group of one template's element names the templates whose pages it lists
        # (its sample's and those sharing their structure): the same whichever page of
        # a structural template the crawl happened to run axe on
        templates = set().union(*({k[1]} if k[1] == "*" else m["templates"] for k, m in members))
        seen = set().union(*(m["templates"] for _, m in members))
        scope = f" of {next(iter(seen))}" if len(seen) == 1 else ""
        selectors = [sel for _, m in members for sel in m["elements"]]
        count = len(selectors)
        elements = f"{count} elements" if count > 1 else "1 element"
        regions = sorted(
            {REGION_NAMES.get(key[2][1:].split(":")[0], "") for key, _ in members} - {""}
        )
        inside = f" in the {' and '.join(regions)}" if regions else ""
        pairs = sorted({k[2].split(":", 1)[1] for k, _ in members if k[2].startswith("colours:")})
        colours = f" (text in {', '.join(pairs[:3])})" if pairs else ""
        message = f"{clip(v['help'], 200)}: {elements}{inside} {where}{scope}{colours}."
        shot = next((m.get("shot") for _, m in members if m.get("shot")), None)
        if node.get("summary"):
            message += " " + axe_saw(node["summary"])
        anchors = ",".join(sorted({key[2] for key, _ in members}))
        return self.finding(
            severity=SEVERITY.get(v.get("impact") or "minor", "minor"),
            title=clip(v["help"], 120) + (f" ({elements})" if count > 1 else ""),
            # the rule names the text, so that a report can say it in German
            message_id=f"{self.id}.{rule}" + (".many" if count > 1 else ""),
            params={
                "count": count,
                "pages": len(pages),
                "regions": "|".join(regions),
                "template": next(iter(seen)) if len(seen) == 1 else "",
                "colours": ", ".join(p.replace(" on ", " / ") for p in pairs[:3]),
                "rule": rule,
                "help_url": clip(v.get("helpUrl", ""), 200),
            },
            message=message,
            recommendation=(
                FIXES.get(rule, clip(v["help"], 200) + ".")
                + f" More in axe's guidance for '{rule}': {clip(v.get('helpUrl', ''), 200)}"
            ),
            url=pages[0],
            urls=pages,
            selector=clip(selectors[0], 300),
            snippet=clip(node.get("html", ""), 400),
            evidence={
                "rule": rule,
                "impact": v.get("impact"),
                "wcag": criteria,
                "tags": [t for t in v.get("tags", []) if t in STANDARDS][:10],
                "pages_total": len(pages),
                "elements": [clip(sel, 200) for sel in selectors[:20]],
                "elements_total": count,
                **({"colours": pairs[:10]} if pairs else {}),
                "screenshot": shot,
            },
            key=f"{rule}|{','.join(sorted(templates))}|{anchors}",
        )
