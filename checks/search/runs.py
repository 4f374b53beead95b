"""The search runs: type queries into the shop's search like a customer, once.

The site step of every search check calls ``shared_runs``; the first one runs
the searches, the others get the same answer (cached per audit, keyed by start URL
and records file), so no search is sent twice however many search checks run.

What is sent: only searches. In its own tab (auditor.probe: robots.txt, rate limit,
cookie banner) the step opens the start page, finds the search field (clicking the
icon that opens it where needed), types the query and presses Enter, the way a
customer does; or, where the config names ``url_pattern``, loads that address (a
GET). A form that would POST is never submitted. Each search waits for the host's
rate limit (``tabs.pace``) and counts against ``max_searches``.

In which tabs: the first search alone, in the step's first tab; once the shop has
answered, side by side in up to ``crawl.concurrency`` probe tabs (checks.search.pool,
opened while that first search runs), each taking the next search queued. The
autocomplete probe types in the first of those tabs to open, beside the searches.

Which variants: each kind of variant (a misspelling, the plural, ...) is sent for the
first ``variants_per_kind`` found products; the other products' variants of that kind
only where those first ones disagree (one found something, one did not), since a
shop's search treats a kind of variant alike for every product.

What is measured: the time from the key press until the results page's document is
there (navigation committed and parsed; for a search that updates the page in place,
the first change of the page), then the page's facts for ``reader.read_results``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any
from urllib.parse import quote_plus, urljoin, urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

from auditor.checkkit import OncePerAudit
from auditor.page import HTML_TYPES
from auditor.pagekinds import page_kind
from auditor.screenshots import element_shot, viewport_shot

from .common import SUGGEST_GOOD_MS, parse_query
from .locate import LOCATE_JS, clean_locate
from .pool import TabPool
from .reader import RESULTS_JS, clean_facts, read_results
from .variants import variants

__all__ = ["derived_queries", "run_searches", "shared_runs"]

_RUNS = OncePerAudit()

#: seconds to wait after Enter for a navigation to start before looking for a change
#: of the page in place
_NAV_GRACE = 1.0
#: unanswered searches in a row after which the searching stops
_GIVE_UP = 2

_ARM_JS = """
() => {
  window.__auditorArmedAt = null; window.__auditorChangedAt = null;
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && window.__auditorArmedAt === null) window.__auditorArmedAt = performance.now();
  }, true);
  document.addEventListener('click', () => {
    if (window.__auditorArmedAt === null) window.__auditorArmedAt = performance.now();
  }, true);
  const target = document.querySelector('main, [role="main"]') || document.body;
  new MutationObserver(() => {
    if (window.__auditorArmedAt !== null && window.__auditorChangedAt === null) window.__auditorChangedAt = performance.now();
  }).observe(target, { childList: true, subtree: true, characterData: true });
}
"""
_CHANGED_JS = (
    "() => window.__auditorChangedAt ? window.__auditorChangedAt - window.__auditorArmedAt : null"
)

_SUGGEST_JS = r"""
() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const sel = '[role="listbox"] [role="option"], [role="option"], [class*="autocomplete" i] li, [class*="suggest" i] li, [class*="typeahead" i] li, [class*="autocomplete" i] a, [class*="suggest" i] a, [class*="typeahead" i] a, [class*="predictive" i] a, [class*="quicksearch" i] a';
  const opts = [...document.querySelectorAll(sel)].filter((el) => visible(el) && (el.textContent || '').trim() && !el.closest('main [class*="grid" i]'));
  const active = document.activeElement;
  let listed = 0;
  if (active && active.list && active.list.options) listed = active.list.options.length;
  const selected = opts.some((o) => o.getAttribute('aria-selected') === 'true' || o === document.activeElement || o.contains(document.activeElement) || /\b(active|selected|highlight|focus)/i.test(typeof o.className === 'string' ? o.className : ''));
  return {
    count: opts.length + listed,
    texts: opts.slice(0, 5).map((o) => (o.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80)),
    listbox: !!document.querySelector('[role="listbox"]'),
    descendant: !!(active && active.getAttribute && active.getAttribute('aria-activedescendant')),
    selected,
    value: active && 'value' in active ? String(active.value).slice(0, 200) : null,
  };
}
"""


async def shared_runs(site: Any, opts: dict[str, Any]) -> dict[str, Any]:
    """The searches of this audit: run by the first search check that asks, then shared."""
    return await _RUNS.get(site, lambda: run_searches(site, opts))


_TITLE_SEPARATORS = (" – ", " | ", " - ", " — ")
#: names of a shop's overview of all its listings: no kind of product to search for
#: (Shuup's /c/ is "Categories")
_OVERVIEW_NAMES = frozenset(
    {"categories", "products", "all products", "catalog", "catalogue", "shop", "store"}
    | {"kategorien", "produkte", "alle produkte", "sortiment", "katalog"}
)


def _title_parts(title: str | None) -> list[str]:
    parts = [title or ""]
    for sep in _TITLE_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(sep)]
    return [part.strip() for part in parts if part.strip()]


def _site_names(records: list[Any]) -> set[str]:
    """Title parts that most titles of the shop share: its name, before the page's
    ("Default Shop – Lipstick", Shuup) or after it ("Lipstick | Default Shop")."""
    titles = [set(parts) for r in records if len(parts := _title_parts(r.title)) > 1]
    counts: dict[str, int] = {}
    for parts in titles:
        for part in parts:
            counts[part] = counts.get(part, 0) + 1
    return {part for part, n in counts.items() if n > 1 and 2 * n > len(titles)}


def _name(record: Any, site_names: set[str] = frozenset()) -> str:
    """The page's own name: its heading, else the part of its title that is not the
    shop's name (a search for the shop's name is no search for the category)."""
    h1 = ((record.structure or {}).get("h1") or "").strip()
    if h1:
        return h1
    parts = _title_parts(record.title)
    return next((part for part in parts if part not in site_names), parts[0] if parts else "")


def derived_queries(records: Any, start_url: str, opts: dict[str, Any]) -> dict[str, Any]:
    """Known-good queries from the crawl: product names (expected: that product's page),
    their SKUs where the page shows one, and category names; first ones by address."""
    products: dict[str, tuple[str, str | None]] = {}
    categories: dict[str, str] = {}
    lang = ""
    records = list(records)
    site_names = _site_names(records)
    for r in records:
        if r.error is not None or r.content_type not in HTML_TYPES:
            continue
        if r.status is None or not 200 <= r.status < 300:
            continue
        url = r.final_url or r.url
        if url.rstrip("/") == start_url.rstrip("/") and not lang:
            lang = (r.structure or {}).get("lang") or ""
        kind = page_kind(url, r.title, r.structure, start_url)
        name = _name(r, site_names)
        if not name or len(name) > 80:
            continue
        path = urlsplit(url).path or "/"
        if kind == "product" and path not in products:
            sku = (r.gathered.get("search.results") or {}).get("sku")
            products[path] = (name, sku if isinstance(sku, str) and sku else None)
        elif (
            kind == "category"
            and "?" not in url
            and path not in categories
            and name.lower() not in _OVERVIEW_NAMES
        ):
            categories[path] = name
    picked = sorted(products.items())[: opts["derived_products"]]
    cats = sorted(categories.items())[: opts["derived_categories"]]
    return {
        "lang": lang or "en",
        "products": [{"query": n, "expected": p, "sku": s} for p, (n, s) in picked],
        "categories": [{"query": n, "expected": p} for p, n in cats],
    }


@dataclasses.dataclass
class _Item:
    """One search of a batch: why, what is typed, what its run records besides, and
    what to do in its tab right after it (a screenshot)."""

    purpose: str
    query: str
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    after: Callable[[Any, dict[str, Any]], Awaitable[None]] | None = None


@dataclasses.dataclass
class _Sent:
    """The searches of one ``send``: their results in the items' order, each there
    once its future is done."""

    done: list[dict | None]
    futures: list[asyncio.Future]

    async def results(self, start: int = 0, stop: int | None = None) -> list[dict | None]:
        """The results of items ``start:stop``, once they are all searched."""
        await asyncio.gather(*self.futures[start:stop])
        return self.done[start:stop]


class _Searches:
    def __init__(self, site: Any, opts: dict[str, Any]):
        self.site, self.opts = site, opts
        self.tabs = site.tabs
        self.start = site.view.start_url
        self.count = 0
        self.silent = 0
        #: whether the search has answered once (then batches run side by side)
        self.answered = False
        #: set where a search has started the navigation to its results (``_wait``)
        self.navigating = asyncio.Event()
        #: whether a search went unanswered before the first answer (``_alone``)
        self.doubted = False
        self.budget = opts["max_searches"]
        #: searches held back from ``left`` for the autocomplete probe
        self.reserved = 0
        #: the tabs the batches search in (run_searches)
        self.pool: TabPool | None = None
        self.timeout = site.settings.crawl.page_timeout
        self.data: dict[str, Any] = {
            "start": self.start,
            "budget": self.budget,
            "searches": 0,
            "located": None,
            "opened_by_click": False,
            "method": None,
            "skipped": None,
            "runs": [],
            "autocomplete": None,
            "screenshots": {},
        }

    def left(self) -> int:
        return self.budget - self.reserved - self.count

    async def _locate(self, page: Any) -> dict[str, Any]:
        raw = await page.evaluate(LOCATE_JS, self.opts["selector"] or None)
        return clean_locate(raw)

    async def field(self, page: Any) -> dict[str, Any] | None:
        """The visible search field on ``page``, opening it by its icon if needed."""
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            loc = await self._locate(page)
            f = loc["field"]
            if f and f["visible"]:
                return f
            trigger = loc["trigger"]
            if trigger:
                await page.click(trigger["selector"], timeout=3000)
                check = f"() => {{ const r = ({LOCATE_JS})({_js(self.opts['selector'])}); return !!(r.field && r.field.visible); }}"
                await page.wait_for_function(check, timeout=3000)
                await self.tabs.settle(page)
                loc = await self._locate(page)
                if loc["field"] and loc["field"]["visible"]:
                    self.data["opened_by_click"] = True
                    return loc["field"]
        return None

    async def field_at_start(self, page: Any) -> dict[str, Any] | None:
        """Back to the start page for the next search (a results page without a field,
        the demo's dead-end zero page), its field as soon as it is there: from the
        document on, not the load event, which may wait for an image the field does
        not need (the demo's hero, 2.5 s). The tab's first load of the start page
        answered the cookie banner already; where the field is not there yet, it is
        looked for again after the load event."""
        if await self.tabs.goto(page, self.start, wait_until="domcontentloaded") is None:
            return None
        field = await self.field(page)
        if field is None:
            with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
                await page.wait_for_load_state("load", timeout=self.timeout * 1000)
                field = await self.field(page)
        return field

    async def _wait(self, page: Any, act: Any) -> tuple[float | None, str]:
        """Do ``act`` (a key press or a load) and wait for the answer; (ms, how)."""
        marks: dict[str, float] = {}

        def on_request(req: Any) -> None:
            if req.is_navigation_request() and req.frame == page.main_frame:
                marks.setdefault("nav", time.monotonic())
                self.navigating.set()

        loaded = asyncio.Event()

        def on_dcl(_: Any) -> None:
            marks.setdefault("dcl", time.monotonic())
            loaded.set()

        page.on("request", on_request)
        page.on("domcontentloaded", on_dcl)
        try:
            with contextlib.suppress(PlaywrightError):
                await page.evaluate(_ARM_JS)
            t0 = time.monotonic()
            # a press that starts a navigation may wait for it, and time out on a slow
            # answer; the events below tell what happened either way
            with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
                await act()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(loaded.wait(), _NAV_GRACE)
            if not loaded.is_set() and "nav" in marks:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(loaded.wait(), self.timeout)
            if loaded.is_set():
                return (marks["dcl"] - t0) * 1000.0, "navigation"
            # no navigation: a search that answers in place
            deadline = t0 + self.timeout
            while time.monotonic() < deadline and "nav" not in marks:
                with contextlib.suppress(PlaywrightError):
                    changed = await page.evaluate(_CHANGED_JS)
                    if changed is not None:
                        return float(changed), "in-page"
                await asyncio.sleep(0.1)
            if "nav" in marks:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(loaded.wait(), max(0.0, deadline - time.monotonic()))
                if loaded.is_set():
                    return (marks["dcl"] - t0) * 1000.0, "navigation"
            return None, "no answer"
        finally:
            page.remove_listener("request", on_request)
            page.remove_listener("domcontentloaded", on_dcl)

    async def search(self, page: Any, query: str) -> dict[str, Any]:
        """One search as a customer sends it; the page is left on the results."""
        self.count += 1
        self.data["searches"] = self.count
        out: dict[str, Any] = {"query": query, "ms": None, "how": None, "facts": None}
        pattern = self.opts["url_pattern"]
        if self.data["method"] == "url_pattern":
            url = urljoin(self.start, pattern.replace("{query}", quote_plus(query)))
            if not await self.tabs.allowed(url):
                out["error"] = "robots.txt does not allow the search address"
                return out
            await self.tabs.pace(url)
            timeout = self.timeout * 1000

            async def load() -> None:
                with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
                    await page.goto(url, wait_until="commit", timeout=timeout)

            ms, how = await self._wait(page, load)
        else:
            field = await self.field(page)
            if field is None and urlsplit(page.url)._replace(fragment="").geturl() != self.start:
                field = await self.field_at_start(page)
            if field is None or field["method"] == "post":
                out["error"] = "a form that posts" if field else "no search field"
                return out
            target = field["action"] or page.url
            if not await self.tabs.allowed(target):
                out["error"] = "robots.txt does not allow the search address"
                return out
            try:
                await page.fill(field["selector"], query, timeout=5000)
            except (PlaywrightError, PlaywrightTimeout) as exc:
                out["error"] = f"the field could not be typed into ({type(exc).__name__})"
                return out
            await self.tabs.pace(page.url)
            ms, how = await self._wait(page, lambda: page.press(field["selector"], "Enter"))
            if ms is None and field["submit_selector"]:
                await self.tabs.pace(page.url)
                ms, how = await self._wait(page, lambda: page.click(field["submit_selector"]))
        out["ms"] = None if ms is None else round(ms, 1)
        out["how"] = how
        if ms is None:
            out["error"] = "no answer"
            return out
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            await page.wait_for_load_state("domcontentloaded", timeout=self.timeout * 1000)
        await self.tabs.settle(page)
        out["url"] = page.url
        with contextlib.suppress(PlaywrightError):
            out["facts"] = clean_facts(await page.evaluate(RESULTS_JS))
        return out

    async def _searched(
        self, page: Any, purpose: str, query: str, extra: dict[str, Any]
    ) -> dict[str, Any]:
        """One search, read: what ``keep`` adds to the runs."""
        result = await self.search(page, query)
        expected = [extra["expected"]] if extra.get("expected") else None
        result["read"] = read_results(result["facts"], query, expected) if result["facts"] else None
        result["purpose"] = purpose
        result.update(extra)
        result.pop("facts", None)  # the reading keeps what the checks judge
        return result

    def _keep(self, result: dict[str, Any]) -> bool:
        """Add ``result`` to the runs, unless the searching has given up already; give up
        after ``_GIVE_UP`` unanswered searches in a row."""
        if self.data["skipped"]:
            return False
        self.silent = self.silent + 1 if result.get("error") == "no answer" else 0
        if self.silent >= _GIVE_UP:
            # a search that does not answer would cost a page timeout per query
            self.data["skipped"] = f"the search did not answer {_GIVE_UP} searches in a row"
        self.data["runs"].append(result)
        return True

    async def send(self, items: list[_Item]) -> _Sent:
        """``items`` searched in order, one after another, but side by side in the
        pool's tabs once the search has answered one: searches wait for the shop's
        answer (seconds, on a slow search), not for the CPU, so the searches cost about
        the slowest tab's share. Until the search answers, one at a time in the first
        tab (awaited here), so a search that never answers is given up after
        ``_GIVE_UP`` tries as before; the others are queued for the tabs, to be awaited
        by what needs them (``_Sent.results``), while the tabs go on with what is
        queued after them. Where the searching gives up, what is not sent yet is not."""
        assert self.pool is not None
        items = [] if self.data["skipped"] else items[: max(0, self.left())]
        sent = _Sent([None] * len(items), [])
        streak = [0]  # unanswered searches in a row, in the order they end

        async def one(i: int, tab: Any) -> None:
            if streak[0] >= _GIVE_UP:
                return
            item = items[i]
            sent.done[i] = result = await self._searched(tab, item.purpose, item.query, item.extra)
            streak[0] = streak[0] + 1 if result.get("error") == "no answer" else 0
            if streak[0] < _GIVE_UP and result.get("ms") is not None:
                self.answered = True
            if item.after is not None:
                await item.after(tab, result)

        first = 0
        while first < len(items) and not self.answered and streak[0] < _GIVE_UP:
            await self._alone(one(first, self.pool.page), len(items) - first - 1)
            first += 1
            if not self.answered and self.pool.spares:
                self.doubted = True  # no answer: spares wait idle no longer
                self.pool = await self.pool.restart()
        if self.answered:
            self.pool.go()
        for _ in range(first):  # searched above
            sent.futures.append(asyncio.get_running_loop().create_future())
            sent.futures[-1].set_result(None)
        if first < len(items):
            self.pool.grow(len(items) - first + (self.pool.fresh is not None))
            sent.futures += [self.pool.submit(partial(one, i)) for i in range(first, len(items))]
        return sent

    async def _alone(self, search: Awaitable[None], pending: int) -> None:
        """A search sent alone, the search not having answered yet. The spare tabs for
        the ``pending`` searches after it start opening (a tab takes seconds to open: a
        slot, the start page) at once, or, where a search went unanswered before, as
        soon as this one's navigation to the results has started: the shop is
        answering."""
        assert self.pool is not None
        wanted = pending + (self.pool.fresh is not None)
        if not self.doubted and pending:
            self.pool.grow(wanted)
        self.navigating.clear()
        task = asyncio.ensure_future(search)
        navigating = asyncio.ensure_future(self.navigating.wait())
        try:
            await asyncio.wait({task, navigating}, return_when=asyncio.FIRST_COMPLETED)
            if navigating.done() and not task.done() and pending:
                self.pool.grow(wanted)
            await task
        finally:
            navigating.cancel()
            task.cancel()

    def keep(self, done: list[dict | None]) -> list[dict | None]:
        """``send``'s results added to the runs in order (``_keep``); None where not."""
        return [r if r is not None and self._keep(r) else None for r in done]

    async def autocomplete(self, page: Any, prefix: str, *, fresh: bool = False) -> None:
        """Type ``prefix`` into the start page's field a key at a time; the suggestions.
        ``fresh``: ``page`` has the start page loaded already (a tab just opened)."""
        if self.left() + self.reserved <= 0 or not prefix or self.data["skipped"]:
            return
        if not fresh and not await self.tabs.goto(page, self.start):
            return
        field = await self.field(page)
        if field is None:
            return
        self.reserved = max(0, self.reserved - 1)  # this is the search held back for it
        self.count += 1
        self.data["searches"] = self.count
        sel = field["selector"]
        out: dict[str, Any] = {"prefix": prefix, "ms": None, "count": 0, "keyboard": None}
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            before, out["ms"] = await self._suggested(page, sel, prefix)
            if out["ms"] is not None and out["ms"] > SUGGEST_GOOD_MS:
                again = await self._suggested_alone(page, prefix)
                if again is not None:
                    out["beside_other_tabs"] = {"ms": out["ms"]}
                    before, out["ms"] = again
            shown = await page.evaluate(_SUGGEST_JS)
            out["count"] = max(0, shown["count"] - before["count"])
            out["texts"] = shown["texts"]
            if out["count"]:
                out["screenshot"] = await viewport_shot(page)
                await page.press(sel, "ArrowDown")
                after = await page.evaluate(_SUGGEST_JS)
                out["keyboard"] = bool(
                    after["descendant"]
                    or after["selected"]
                    or (after["value"] is not None and after["value"] != shown["value"])
                )
            await page.press(sel, "Escape")
        self.data["autocomplete"] = out

    async def _suggested(self, page: Any, sel: str, prefix: str) -> tuple[dict, float | None]:
        """Type ``prefix`` into the emptied field; what the list held before, and the ms
        from the last key to new suggestions (None where none came within 2.5 s)."""
        await page.fill(sel, "")
        before = await page.evaluate(_SUGGEST_JS)
        await self.tabs.pace(page.url)
        await page.locator(sel).press_sequentially(prefix, delay=120)
        typed = time.monotonic()
        check = f"() => ({_SUGGEST_JS})().count > {before['count']}"
        try:
            await page.wait_for_function(check, timeout=2500, polling=50)
        except (PlaywrightError, PlaywrightTimeout):
            return before, None
        return before, round((time.monotonic() - typed) * 1000.0, 1)

    async def _suggested_alone(self, page: Any, prefix: str) -> tuple[dict, float | None] | None:
        """The prefix typed once more while no other probe tab works: late suggestions
        were timed beside the site stage's other tabs, so the lateness may be the busy
        machine's, not the shop's. None where the tabs were not had alone."""
        async with self.tabs.alone() as alone:
            if not alone:
                return None
            # from a fresh start page, as the first time: a list left open would hide
            # the new suggestions
            if not await self.tabs.goto(page, self.start):
                return None
            field = await self.field(page)
            return None if field is None else await self._suggested(page, field["selector"], prefix)


def _variant_items(bases: list[dict], derived: dict[str, Any], opts: dict[str, Any]) -> list[_Item]:
    """Each found product's SKU, then each found product's variants, in that order."""
    items: list[_Item] = []
    for base in bases:
        if base.get("sku") and base.get("read") and not base["read"]["zero"]:
            extra = {"kind": "sku", "base": base["query"], "expected": base.get("expected")}
            items.append(_Item("variant", base["sku"], extra))
    for base in bases:
        if not base.get("read") or base["read"]["zero"]:
            continue  # a variant tells nothing where the exact query finds nothing
        for v in variants(base["query"], lang=derived["lang"], synonyms=opts["synonyms"]):
            extra = {"kind": v.kind, "base": base["query"], "expected": base.get("expected")}
            items.append(_Item("variant", v.query, extra))
    return items


def split_by_kind(items: list[_Item], per_kind: int) -> tuple[list[_Item], list[_Item]]:
    """(sent first, held back): the first ``per_kind`` variants of each kind, in order,
    and the rest; ``per_kind`` 0 sends every variant first."""
    if per_kind <= 0:
        return list(items), []
    taken: dict[str, int] = {}
    first, held = [], []
    for item in items:
        kind = item.extra.get("kind", "")
        taken[kind] = taken.get(kind, 0) + 1
        (first if taken[kind] <= per_kind else held).append(item)
    return first, held


def undecided_kinds(tried: list[tuple[_Item, dict | None]]) -> set[str]:
    """Kinds of variant whose first searches leave the verdict open: one found something
    and another did not, or one was not read (no answer, a search not sent). Where they
    agree, the shop's search treats that kind alike (typo tolerance, stemming and case
    folding are settings of the whole search), so more of the kind would only repeat it."""
    outcomes: dict[str, set[bool | None]] = {}
    for item, run in tried:
        read = (run or {}).get("read")
        outcomes.setdefault(item.extra.get("kind", ""), set()).add(
            None if not read else bool(read["zero"])
        )
    return {kind for kind, seen in outcomes.items() if None in seen or len(seen) > 1}


async def _search_all(
    j: _Searches,
    first: list[_Item],
    categories: list[_Item],
    derived: dict[str, Any],
    opts: dict[str, Any],
) -> None:
    """The batches, each waiting on the one before: the configured queries, product
    names and the nonsense query; the variants of what they found (the first of each
    kind); the variants of kinds those left open. The categories, which wait on no
    search, go with the first batch where the budget surely has room for them,
    else with the second; either way their runs come after the second batch's."""
    early = len(first) + j.reserved + _most_variants(first, derived, opts) + len(categories)
    early_cats = categories if early <= j.budget else []
    batch = await j.send(first + early_cats)
    bases = [r for r in j.keep(await batch.results(0, len(first))) if r]
    found = [r for r in bases if r["purpose"] != "nonsense"]
    sent, held = split_by_kind(_variant_items(found, derived, opts), opts["variants_per_kind"])
    if early_cats:
        done = await (await j.send(sent)).results() + await batch.results(len(first))
    else:
        done = await (await j.send(sent + categories)).results()
    done = j.keep(done)
    open_kinds = undecided_kinds(list(zip(sent, done, strict=False)))
    j.keep(await (await j.send([i for i in held if i.extra["kind"] in open_kinds])).results())


def _most_variants(first: list[_Item], derived: dict[str, Any], opts: dict[str, Any]) -> int:
    """The most variants the second batch can send: as if every query of ``first``
    (the nonsense query aside) found something."""
    bases = [
        {"query": i.query, "sku": i.extra.get("sku"), "read": {"zero": False}}
        for i in first
        if i.purpose != "nonsense"
    ]
    sent, _ = split_by_kind(_variant_items(bases, derived, opts), opts["variants_per_kind"])
    return len(sent)


def _js(value: str) -> str:
    import json

    return json.dumps(value or None)


async def run_searches(site: Any, opts: dict[str, Any]) -> dict[str, Any]:
    """Every search of the audit, in a fixed order, within ``max_searches``."""
    j = _Searches(site, opts)
    derived = derived_queries(site.records(), j.start, opts)
    j.data["lang"] = derived["lang"]
    j.data["derived"] = derived
    if j.budget <= 0:
        j.data["skipped"] = "no searches allowed (max_searches = 0)"
        return j.data
    if site.tabs is None:
        j.data["skipped"] = "the engine lent no browser tab for the searches"
        return j.data
    first, categories = _queries(j, derived, opts)
    prefix = ""
    if opts["autocomplete_prefix"] and derived["products"] and len(first) < j.budget:
        # one search held back for the autocomplete probe, sent beside the searches
        j.reserved = 1
        word = max(derived["products"][0]["query"].split(), key=len)
        prefix = word[: opts["autocomplete_prefix"]].lower()

    async def typed(tab: Any) -> None:
        await j.autocomplete(tab, prefix, fresh=True)

    if not await site.tabs.allowed(j.start):
        j.data["skipped"] = "the start page could not be opened for the searches"
        return j.data
    width = max(1, site.settings.crawl.concurrency)
    j.pool = TabPool(site.tabs, j.start, None, width, fresh=typed if prefix else None)
    try:
        # the spare tabs ask for their slots right after the first tab's and load the
        # start page beside it: slots that come free go to a step that waits before
        # background work (auditor.probe.Slots), and would be gone once this tab is
        # ready for the first search
        j.pool.grow(len(first) - 1 + len(categories) + bool(prefix))
        async with site.tabs.open() as page:
            j.pool.first_tab(page)
            if not await _open_field(j, page, opts):
                return j.data
            await _search_all(j, first, categories, derived, opts)
            await j.pool.close()
            if prefix and j.pool.fresh is not None:  # no spare tab typed it: at the end
                await j.autocomplete(page, prefix)
    finally:
        await j.pool.abort()
    j.reserved = 0
    if j.data["skipped"]:
        j.data["autocomplete"] = None  # as if not typed: the search had stopped
    return j.data


def _queries(j: _Searches, derived: dict[str, Any], opts: dict[str, Any]) -> tuple[list, list]:
    """(the first batch's searches, the category searches)."""

    async def zero_shot(tab: Any, r: dict[str, Any]) -> None:
        if r.get("read") and r["read"]["zero"]:
            j.data["screenshots"]["zero"] = await viewport_shot(tab)

    first: list[_Item] = []
    for entry in opts["queries"]:
        query, expected = parse_query(entry)
        first.append(_Item("configured", query, {"expected": expected}))
    for p in derived["products"]:
        first.append(_Item("product", p["query"], {"expected": p["expected"], "sku": p["sku"]}))
    nonsense = opts["nonsense_query"]
    if nonsense:
        first.append(_Item("nonsense", nonsense, after=zero_shot))
    categories = [
        _Item("category", c["query"], {"category": c["expected"]}) for c in derived["categories"]
    ]
    return first, categories


async def _open_field(j: _Searches, page: Any, opts: dict[str, Any]) -> bool:
    """The start page loaded in ``page``, its search field located (screenshot) and
    opened where an icon hides it; False (``skipped`` says why) where there is none."""
    if page is None or await j.tabs.goto(page, j.start) is None:
        j.data["skipped"] = "the start page could not be opened for the searches"
        return False
    with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
        loc = await j._locate(page)
        j.data["located"] = loc
        if loc["field"] and loc["field"]["visible"]:
            shot = await element_shot(page, loc["field"]["selector"])
            if shot:
                j.data["screenshots"]["box"] = shot
    if await j.field(page) is not None:
        j.data["method"] = "field"
    elif opts["url_pattern"]:
        j.data["method"] = "url_pattern"
    else:
        j.data["skipped"] = "no search field found on the start page"
        return False
    if j.data["opened_by_click"]:
        j.data["located_open"] = await j._locate(page)
    return True
