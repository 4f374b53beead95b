"""The main menu and the breadcrumb: the two signposts on every page."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

from auditor.model import Finding
from auditor.pagekinds import link_kind
from auditor.plugins import Check, PageView, SiteView

from .common import (
    FOCUSED_KINDS,
    Addresses,
    OncePerTemplate,
    content_pages,
    kind_of,
    listed,
    plural,
)

__all__ = ["Breadcrumbs", "MainMenu"]


#: Tab starts from the top: from a focus point put first in the body, removed after
_RESET_FOCUS_JS = """() => {
  const start = document.createElement('span');
  start.tabIndex = -1;
  start.id = 'auditor-focus-start';
  document.body.prepend(start);
  start.focus();
}"""
_END_PROBE_JS = """() => {
  const start = document.getElementById('auditor-focus-start');
  if (start) start.remove();
  delete window.__auditorLastFocus;
  window.__auditorTabNotes = null;
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  window.scrollTo(0, 0);
}"""
_FOCUSED_JS = """() => {
  const el = document.activeElement;
  const none = !el || el === document.body || el === document.documentElement;
  const same = !none && el === window.__auditorLastFocus;
  window.__auditorLastFocus = el;
  if (none) return { item: null, where: 'body', same: false };
  const mark = el.getAttribute('data-auditor-menu-item');
  let where = el.tagName.toLowerCase();
  if (el.id) where += '#' + el.id.slice(0, 60);
  const name = el.getAttribute('name');
  if (!el.id && name) where += '[name="' + name.slice(0, 40) + '"]';
  return { item: mark === null ? null : Number(mark), where: where.slice(0, 120), same };
}"""

#: notes where the focus is after each Tab press, so the walk reads them once every few
#: presses (``_WALK_CHUNK``) instead of after each: a capturing keydown listener notes the
#: focus a press starts from, which is where the press before it left it
_NOTE_PRESSES_JS = """() => {
  const fn = (FOCUSED);
  window.__auditorFocused = fn;
  window.__auditorTabNotes = { skip: true, notes: [] };
  window.addEventListener('keydown', (e) => {
    const log = window.__auditorTabNotes;
    if (e.key !== 'Tab' || !log) return;
    if (log.skip) { log.skip = false; return; }
    log.notes.push(fn());
  }, true);
}""".replace("FOCUSED", _FOCUSED_JS)
_READ_NOTES_JS = """() => {
  const log = window.__auditorTabNotes;
  if (!log || !window.__auditorFocused) return null;
  const notes = [...log.notes, window.__auditorFocused()];
  window.__auditorTabNotes = { skip: true, notes: [] };
  return notes;
}"""
#: Tab presses between two readings of the notes
_WALK_CHUNK = 8


#: a navigation sharing at least this share of its items with the main menu is the menu,
#: changed; less is some other navigation
_SAME_MENU_SHARE = 0.5
_UTILITY_KINDS = frozenset({"cart", "checkout", "account", "search", "contact"})
_UTILITY_TEXT = re.compile(
    r"^(wish ?list|merkzettel|wunschliste|favou?rites|merkliste|help|hilfe|faq|sign (up|out)|"
    r"register|registrieren|log ?out|abmelden|track (my )?order|sendungsverfolgung|"
    r"my orders|meine bestellungen|language|sprache|deutsch|english)\b"
)


@dataclass
class _Walk:
    """What a Tab walk through the page has seen so far."""

    total: int
    reached: set[int] = field(default_factory=set)
    same: int = 0
    trapped: str | None = None

    def step(self, now: dict) -> bool:
        """Take in where one press left the focus; True once the walk is over (every
        menu item reached, or the focus stuck)."""
        if now["item"] is not None:
            self.reached.add(now["item"])
            if len(self.reached) == self.total:
                return True
        self.same = self.same + 1 if now["same"] else 0
        if self.same >= 2:  # three presses on one element: the focus cannot leave it
            self.trapped = now["where"]
            return True
        return False


class MainMenu(Check):
    """Main menu.

    What: the site's main menu (the navigation most pages share, by its items and its
    place; an account or service bar is none) on every page and the same everywhere,
    its top-level items reachable by keyboard (the gatherer tabs through one page per
    template from the top), and not more than ``max_top_items`` of them.
    Why: the menu is how customers who do not search find their way; a page without
    it is a dead end for them, a menu that changes from page to page breaks their
    orientation, and a long top level is hard to scan.
    Example: the shipping page shows the logo and the cart but no menu.
    Fix: render the same menu in the shared header of every page; group a long top
    level into fewer, broader sections.
    """

    id = "navigation.main-menu"
    category = "navigation"
    title = "Main menu"
    description = "A main menu on every page: the same, keyboard-reachable and not overloaded."
    requires = ("structure",)
    default_options: ClassVar[dict[str, Any]] = {"max_top_items": 9, "max_tab_presses": 60}
    option_docs: ClassVar[dict[str, str]] = {
        "max_top_items": "top-level menu items above which the menu counts as overloaded",
        "max_tab_presses": (
            "Tab presses to reach every top-level menu item, once per template (0 to judge "
            "the markup only)"
        ),
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._probed = OncePerTemplate()

    async def gather(self, page: Any, ctx: Any) -> dict | None:
        """Tab through the page from the top, once per template, the way a keyboard user
        does, and note which top-level menu items take the focus, and whether the focus
        gets stuck on the way."""
        nav = (ctx.structure or {}).get("main_nav")
        presses = self.options["max_tab_presses"]
        if not nav or not nav.get("items") or not presses or not self._probed.first(ctx.template):
            return None
        total = len(nav["items"])
        walk = _Walk(total)
        await page.evaluate(_RESET_FOCUS_JS)
        await page.evaluate(_NOTE_PRESSES_JS)
        if not await self._walk_in_chunks(page, presses, walk):
            # a press the page's listener did not see (the focus went into a frame):
            # walked again from the top, press by press
            walk = _Walk(total)
            await page.evaluate(_END_PROBE_JS)
            await page.evaluate(_RESET_FOCUS_JS)
            for _ in range(presses):
                await page.keyboard.press("Tab")
                if walk.step(await page.evaluate(_FOCUSED_JS)):
                    break
        await page.evaluate(_END_PROBE_JS)
        return {"items": total, "reached": sorted(walk.reached), "trapped_at": walk.trapped}

    @staticmethod
    async def _walk_in_chunks(page: Any, presses: int, walk: _Walk) -> bool:
        """Tab ``_WALK_CHUNK`` times, then read where each press left the focus: two
        round trips a press become about one. False where the notes miss a press."""
        done = 0
        while done < presses:
            count = min(_WALK_CHUNK, presses - done)
            for _ in range(count):
                await page.keyboard.press("Tab")
            done += count
            notes = await page.evaluate(_READ_NOTES_JS)
            if not isinstance(notes, list) or len(notes) != count:
                return False
            if any(walk.step(now) for now in notes):
                return True
        return True

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        """Find the site's main menu first, then judge every page against it.

        Why not each page alone: a page that lost its menu but kept the account bar
        (Sign in, Cart) still has a navigation in its header; only next to the menu
        that most pages share does it show as a page without the menu.
        """
        menu = self._site_menu(pages, site)
        if menu is None:
            total = sum(1 for _ in self._browsed(pages, site))
            return [self._no_menu_at_all(total)] if total else []
        missing: list[tuple[str, str]] = []  # (page, template)
        different: list[tuple[str, _Nav]] = []
        with_menu: list[str] = []
        unfocusable: list[str] = []
        trapped: list[tuple[str, str]] = []
        total = 0
        for page in self._browsed(pages, site):
            structure = page.facts.get("structure") or {}
            if not structure:  # not read (a busy or hostile page): it says nothing of its menu
                continue
            total += 1
            probe = page.data or {}
            if probe.get("trapped_at"):
                trapped.append((page.url, probe["trapped_at"]))
            closest = _closest(menu, _navs(structure))
            if closest is None:
                missing.append((page.url, page.template))
            elif closest.key != menu.key:
                different.append((page.url, closest))
            else:
                with_menu.append(page.url)
                dead = _unreachable(structure, probe, menu)
                if dead and not unfocusable:
                    unfocusable = dead
        findings = []
        if missing:
            findings.append(self._missing(missing, total, menu))
        if different:
            findings.append(self._different(menu, different, total))
        if len(menu.items) > self.options["max_top_items"]:
            findings.append(self._overloaded(menu, with_menu))
        if unfocusable:
            findings.append(self._not_keyboard(unfocusable, with_menu))
        if trapped:
            findings.append(self._trapped(trapped))
        return findings

    @staticmethod
    def _browsed(pages: Iterable[PageView], site: SiteView) -> Iterator[PageView]:
        """The pages a customer browses with the menu (a focused checkout has none)."""
        return (p for p in content_pages(pages) if kind_of(p, site) not in FOCUSED_KINDS)

    def _site_menu(self, pages: Iterable[PageView], site: SiteView) -> _Nav | None:
        """The navigation most pages share, by its items and its place; among equals,
        the one the page's structure named its main menu more often, then the longer."""
        shared: Counter = Counter()
        named: Counter = Counter()
        first_seen: dict[tuple[frozenset[str], bool], _Nav] = {}
        for page in self._browsed(pages, site):
            structure = page.facts.get("structure") or {}
            navs = {nav.key: nav for nav in _navs(structure)}
            shared.update(navs.keys())
            for key, nav in navs.items():
                first_seen.setdefault(key, nav)
            picked = _as_nav(structure.get("main_nav"))
            if picked is not None:
                named[picked.key] += 1
        if not shared:
            return None
        best = max(shared, key=lambda k: (shared[k], named[k], len(k[0]), sorted(k[0])))
        return first_seen[best]

    def _trapped(self, trapped: list[tuple[str, str]]) -> Finding:
        where = trapped[0][1]
        return self.finding(
            severity="serious",
            title="Keyboard focus gets stuck before the main menu",
            message=(
                f"Tabbing from the top of the page, the focus stays on {where} and never "
                f"reaches the rest of the main menu ({plural(len(trapped), 'page')} "
                "probed): keyboard users cannot "
                "navigate the shop."
            ),
            recommendation=(
                "Let Tab and Shift+Tab move on from every element; trap the focus only in "
                "an open dialog, and let Escape close it."
            ),
            **listed([u for u, _ in trapped]),
            selector=where,
            evidence={"focus_stuck_on": where, "pages": len(trapped)},
            key="keyboard-trap",
            message_id=f"{self.id}.keyboard-trap",
            params={"element": where, "pages": len(trapped)},
        )

    def _no_menu_at_all(self, total: int) -> Finding:
        return self.finding(
            severity="serious",
            title="No main menu found",
            message=(
                f"None of the {total} pages has a recognisable main navigation (a <nav> "
                "element or role=navigation with the shop's sections)."
            ),
            recommendation=(
                'Mark up the main menu as <nav aria-label="Main"> in the shared header, with '
                "the shop's main sections as links."
            ),
            evidence={"pages": total},
            key="no-menu",
            message_id=f"{self.id}.no-menu",
            params={"pages": total},
        )

    def _missing(self, missing: list[tuple[str, str]], total: int, menu: _Nav) -> Finding:
        many = len(missing)
        templates = Counter(t for _, t in missing)
        return self.finding(
            severity="moderate",
            title="Pages without the main menu",
            message=(
                f"{plural(many, 'page')} ({', '.join(sorted(templates)[:5])}) "
                f"{'do' if many != 1 else 'does'} not show the shop's main menu "
                f"({', '.join(menu.items[:5])}), unlike the rest of the shop: customers there "
                "cannot browse on. An account or service bar does not replace it."
            ),
            recommendation="Use the shop's shared header, with its main menu, on these pages too.",
            **listed([u for u, _ in missing]),
            evidence={
                "pages_without_menu": many,
                "pages": total,
                "templates": dict(sorted(templates.items())),
                "menu": list(menu.items),
            },
            key="missing",
            message_id=f"{self.id}.missing",
            params={
                "count": many,
                "templates": ", ".join(sorted(templates)[:5]),
                "items": ", ".join(menu.items[:5]),
            },
        )

    def _different(self, menu: _Nav, different: list[tuple[str, _Nav]], total: int) -> Finding:
        here = different[0][1]
        gone = [i for i in menu.items if i not in here.items]
        added = [i for i in here.items if i not in menu.items]
        moved = here.in_header != menu.in_header
        return self.finding(
            severity="minor",
            title="The main menu differs on some pages",
            message=(
                f"On {len(different)} of {total} pages the main menu differs from the one "
                "the rest of the shop shows"
                + (f"; missing: {', '.join(gone[:5])}" if gone else "")
                + (f"; extra: {', '.join(added[:5])}" if added else "")
                + ("; in another place (not in the header)" if moved and menu.in_header else "")
                + ("; in the header, unlike elsewhere" if moved and not menu.in_header else "")
                + "."
            ),
            recommendation=(
                "Render one menu for the whole shop, so that it stays where customers expect it."
            ),
            **listed([u for u, _ in different]),
            evidence={
                "usual": list(menu.items),
                "here": list(here.items),
                "in_header": here.in_header,
                "pages_different": len(different),
                "pages": total,
            },
            key="different",
            message_id=f"{self.id}.different",
            params={
                "count": len(different),
                "pages": total,
                "gone": ", ".join(gone[:5]),
                "added": ", ".join(added[:5]),
                "moved": ("moved out" if menu.in_header else "moved in") if moved else "",
            },
        )

    def _overloaded(self, menu: _Nav, with_menu: list[str]) -> Finding:
        count = len(menu.items)
        return self.finding(
            severity="minor",
            title=f"The main menu has {count} top-level items",
            message=(
                f"The main menu offers {count} items at its top level (recommended: at "
                f"most {self.options['max_top_items']}); a long row is hard to scan."
            ),
            recommendation=(
                "Group the top level into fewer, broader sections; move the rest a level down."
            ),
            **listed(with_menu),
            evidence={"items": list(menu.items), "count": count},
            key="overloaded",
            message_id=f"{self.id}.overloaded",
            params={"count": count, "max": self.options["max_top_items"]},
        )

    def _not_keyboard(self, dead: list[str], with_menu: list[str]) -> Finding:
        return self.finding(
            severity="moderate",
            title="Main menu items cannot be reached with the keyboard",
            message=(
                f"{len(dead)} top-level menu item{'s' if len(dead) != 1 else ''} "
                f"({', '.join(dead[:5])}) {'are' if len(dead) != 1 else 'is'} neither a link "
                "nor a button, or taken out of the tab order: keyboard and screen-reader users "
                "cannot open them."
            ),
            recommendation=(
                "Make every top-level item a real link (a page of its own) or a button that "
                "opens its sub-menu; do not set tabindex=-1 on them."
            ),
            **listed(with_menu),
            evidence={"items": dead},
            key="keyboard",
            message_id=f"{self.id}.keyboard",
            params={"count": len(dead), "items": ", ".join(dead[:5])},
        )


@dataclass(frozen=True)
class _Nav:
    """A navigation as the menu check compares them: its top-level item names (in a
    stable order) and whether it sits in the page header."""

    items: tuple[str, ...]
    in_header: bool

    @property
    def key(self) -> tuple[frozenset[str], bool]:
        return frozenset(self.items), self.in_header


def _item_name(text: Any) -> str:
    return " ".join(str(text).split()).lower()


def _as_nav(raw: Any) -> _Nav | None:
    if not isinstance(raw, dict):
        return None
    names = [_item_name(i[0]) for i in raw.get("items") or [] if i and _item_name(i[0])]
    if not names:
        return None
    return _Nav(tuple(dict.fromkeys(names)), bool(raw.get("in_header")))


def _is_utility(raw: dict) -> bool:
    """An account or service bar (Sign in, Cart, Wishlist, Help): at least half of its
    items lead to such pages, so it is no menu of the shop's sections. A link to a
    fragment (``href="#"``, a menu toggle) leads nowhere: its address, the current
    page's own, says nothing of what it is."""
    items = [i for i in raw.get("items") or [] if i]
    service = sum(
        1
        for i in items
        if (link_kind(str(i[1] or ""), str(i[0])) in _UTILITY_KINDS and "#" not in str(i[1]))
        or _UTILITY_TEXT.search(_item_name(i[0]))
    )
    return bool(items) and service * 2 >= len(items)


def _navs(structure: dict) -> list[_Nav]:
    """The page's navigations that could be the main menu (no account bars).

    Records from before every navigation was kept hold the main menu alone.
    """
    raw = structure.get("navs")
    if raw is None:
        raw = [structure["main_nav"]] if structure.get("main_nav") else []
    navs = [_as_nav(r) for r in raw if isinstance(r, dict) and not _is_utility(r)]
    return [n for n in navs if n is not None]


def _closest(menu: _Nav, navs: list[_Nav]) -> _Nav | None:
    """The page's navigation that is the main menu, or the menu changed; None where
    the page has neither.

    The same items in the same place are the menu; a navigation that shares at least
    half of the menu's items (Jaccard) is the menu changed; anything less is no menu.
    """
    best, score = None, 0.0
    for nav in navs:
        if nav.key == menu.key:
            return nav
        ours, theirs = set(menu.items), set(nav.items)
        overlap = len(ours & theirs) / len(ours | theirs)
        if overlap > score:
            best, score = nav, overlap
    return best if score >= _SAME_MENU_SHARE else None


def _unreachable(structure: dict, probe: dict, menu: _Nav) -> list[str]:
    """Top-level items of the main menu a keyboard cannot reach: from the keyboard
    probe where it ran on this page, else from the markup."""
    nav = structure.get("main_nav") or {}
    picked = _as_nav(nav)
    if picked is None or picked.key[0] != menu.key[0]:
        return []  # the page's structure named another navigation its menu
    items = nav.get("items") or []
    if "reached" in probe:  # the keyboard probe beats the markup
        reached = set(probe["reached"])
        return [str(item[0]) for n, item in enumerate(items) if n not in reached]
    return [str(i[0]) for i in items if len(i) > 2 and not i[2]]


def _place(url: str, addresses: Addresses) -> tuple[str, str]:
    """Where an address lands, without query and trailing slash: all pages of one
    listing, wherever a redirect takes the address written in a link."""
    parts = urlsplit("//" + addresses.resolve(url))
    return parts.netloc, parts.path.rstrip("/") or "/"


def _within(place: tuple[str, str], linked: set[tuple[str, str]], parent: tuple[str, str]) -> bool:
    """The page is linked, or a page it belongs to is: a product's own sub-page (its
    reviews, ``/catalogue/skillet_32/reviews/add/``) carries the product's breadcrumb
    and is reached from the product that the listing lists. The listing's links to
    itself and to pages one level deep (``/catalogue``, the home page) list nothing."""
    if place in linked:
        return True
    host, path = place
    while path.count("/") > 1:
        path = path.rsplit("/", 1)[0]
        if (host, path) != parent and (host, path) in linked:
            return True
    return False


def _parent(
    crumbs: list, url: str, addresses: Addresses
) -> tuple[str, tuple[str, str], str] | None:
    """(address, place, text) of the last linked crumb that is not the page itself:
    where the shop files the page. Many trails end with the page as plain text or as
    a link to itself; many others ("Home › Tents" above the product) leave it out."""
    here = _place(url, addresses)
    for text, href in reversed(crumbs):
        if href and _place(href, addresses) != here:
            return href, _place(href, addresses), str(text)
    return None


class Breadcrumbs(Check):
    """Breadcrumbs.

    What: a visible breadcrumb on product and category pages (``nav[aria-label*=
    breadcrumb]``, schema.org BreadcrumbList, the usual classes) that starts at the
    home page, and whose parent (the level above the page) links to the page, so the
    trail matches the way a customer browses there.
    Why: the breadcrumb tells customers where they are and takes them one level up
    in a click; 68% of major shops get it wrong and 23% have none (Baymard).
    Example: the product pages of the Backpacks category show no breadcrumb.
    Fix: render Home › Category › Product on every product page, and mark it up as
    <nav aria-label="Breadcrumb"> with a BreadcrumbList.
    """

    id = "navigation.breadcrumbs"
    category = "navigation"
    title = "Breadcrumbs"
    description = "Product and category pages show where the customer is, starting at home."
    requires = ("structure", "links", "redirects")

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        missing: dict[str, list[str]] = defaultdict(list)
        templates: dict[str, set[str]] = defaultdict(set)
        totals: Counter = Counter()
        no_home: dict[str, list[str]] = defaultdict(list)
        # parent place -> {page: (parent address, parent's crumb text)}
        claims: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
        addresses = Addresses(pages)
        for page in content_pages(pages):
            kind = kind_of(page, site)
            if kind not in ("product", "category"):
                continue
            totals[kind] += 1
            crumbs = (page.facts.get("structure") or {}).get("breadcrumb")
            if not crumbs:
                missing[kind].append(page.url)
                templates[kind].add(page.template)
                continue
            first_href = crumbs[0][1] if crumbs[0] else None
            if not addresses.same(first_href, site.start_url):
                no_home[kind].append(page.url)
            parent = _parent(crumbs, page.url, addresses)
            if parent and page.depth is not None:  # unreachable pages are orphans
                claims[parent[1]][page.url] = (parent[0], parent[2])
        findings = self._unlisted(claims, pages, site, addresses)
        for kind, urls in sorted(missing.items()):  # one finding per kind, all templates
            many, total = len(urls), totals[kind]
            where = sorted(templates[kind])
            findings.append(
                self.finding(
                    severity="moderate",
                    title=f"{kind.capitalize()} pages without a breadcrumb",
                    message=(
                        f"{many} of {total} {kind} pages ({', '.join(where[:3])}"
                        f"{', …' if len(where) > 3 else ''}) show no breadcrumb: "
                        "customers cannot see where they are or go one level up."
                    ),
                    recommendation=(
                        "Show Home › Category › Product on every product page (Home › Category "
                        'on category pages), marked up as <nav aria-label="Breadcrumb"> with a '
                        "schema.org BreadcrumbList."
                    ),
                    **listed(urls),
                    evidence={
                        "kind": kind,
                        "templates": where[:20],
                        "pages_without": many,
                        "pages": total,
                    },
                    key=f"missing:{kind}",
                    message_id=f"{self.id}.missing",
                    params={
                        "kind": kind,
                        "count": many,
                        "pages": total,
                        "templates": ", ".join(where[:3]) + (", …" if len(where) > 3 else ""),
                    },
                )
            )
        for kind, urls in sorted(no_home.items()):
            findings.append(
                self.finding(
                    severity="minor",
                    title="Breadcrumb does not start at the home page",
                    message=(
                        f"On {plural(len(urls), kind + ' page')} the "
                        "breadcrumb's first item does not link to the home page, so the trail "
                        "does not match the way customers came."
                    ),
                    recommendation="Start the trail with a link to the home page.",
                    **listed(urls),
                    evidence={"kind": kind, "pages": len(urls)},
                    key=f"no-home:{kind}",
                    message_id=f"{self.id}.no-home",
                    params={"kind": kind, "pages": len(urls)},
                )
            )
        return findings

    def _unlisted(
        self,
        claims: dict[tuple[str, str], dict[str, tuple[str, str]]],
        pages: Iterable[PageView],
        site: SiteView,
        addresses: Addresses,
    ) -> list[Finding]:
        """Pages whose breadcrumb parent (any page of that listing) does not link to them.

        Only parents whose every listing page was crawled are judged: a page the crawl
        left out may be the one that lists the product, and so may a page that its
        pagination numbers but a script opens (Shuup's "2", "3" are links to "#").
        Links and pages are compared where they land, so a listing that links to a
        product's old address lists it.
        """
        if not claims:
            return []
        left_out = {_place(u, addresses) for u in site.unrendered}
        crawled: dict[tuple[str, str], set[str]] = defaultdict(set)
        numbered: dict[tuple[str, str], int] = defaultdict(int)
        linked: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for page in content_pages(pages):
            place = _place(page.url, addresses)
            if place not in claims:
                continue
            crawled[place].add(page.final_url or page.url)  # any page of a listing counts
            paging = (page.facts.get("structure") or {}).get("pagination") or {}
            numbered[place] = max(numbered[place], paging.get("max_page") or 0)
            linked[place].update(
                _place(link.url, addresses) for link in page.facts.get("links") or []
            )
        findings = []
        for place, children in sorted(claims.items()):
            if not crawled[place] or place in left_out or len(crawled[place]) < numbered[place]:
                continue
            orphaned = sorted(
                u for u in children if not _within(_place(u, addresses), linked[place], place)
            )
            if not orphaned:
                continue
            href, label = children[orphaned[0]]
            many = len(orphaned)
            findings.append(
                self.finding(
                    severity="minor",
                    title="Breadcrumb names a parent that does not list the page",
                    message=(
                        f"The breadcrumb of {plural(many, 'page')} files "
                        f"{'them' if many != 1 else 'it'} under \u201c{label}\u201d "
                        f"({place[1]}), but no page of that listing links to "
                        f"{'them' if many != 1 else 'it'}: customers who browse "
                        f"\u201c{label}\u201d never come across "
                        f"{'these pages' if many != 1 else 'this page'}."
                    ),
                    recommendation=(
                        f"List the page{'s' if many != 1 else ''} in \u201c{label}\u201d, or "
                        "file them under the section that does list them."
                    ),
                    **listed(orphaned),
                    evidence={"parent": href, "parent_text": label, "pages": many},
                    key=f"unlisted:{place[1]}",
                    message_id=f"{self.id}.unlisted",
                    params={"count": many, "label": label, "path": place[1]},
                )
            )
        return findings
