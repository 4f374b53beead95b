"""What the accessibility checks share: sampling, probing in own tabs, grouping pages."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, ClassVar

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.checkkit import OncePerTemplate, listed, plural
from auditor.errors import ConfigError
from auditor.model import clip
from auditor.plugins import Check, PageScript, PageView, SiteView

__all__ = [
    "Causes",
    "OncePerTemplate",
    "PageProber",
    "PageReader",
    "grouped",
    "judged_pages",
    "layout_samples",
    "listed",
    "plural",
    "probe_details",
    "probe_samples",
    "sampled_pages",
]

#: a probe's result for one page, or None when it found nothing to judge
Probe = Callable[[Page, Any], Awaitable[dict | None]]


class PageReader(Check):
    """A check whose gatherer runs one read-only script in the crawl's page, on up to
    ``per_template`` pages of each template: ``script`` with ``script_arg``, as a page
    script (``Check.page_script``) that shares one round trip with the others."""

    script: ClassVar[str] = ""
    script_arg: ClassVar[Any] = None

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._sample = OncePerTemplate(self.options["per_template"])

    def argument(self) -> Any:
        """What the script is called with; a subclass may take it from its options."""
        return self.script_arg

    def page_script(self, ctx: Any) -> PageScript | None:
        """Read-only: the engine runs it with the other checks' scripts in one trip."""
        if ctx.status is None or ctx.status >= 400 or not self._sample.first(ctx.template):
            return None
        return PageScript(self.script, self.argument())

    async def gather(self, page: Any, ctx: Any) -> dict | None:
        return await self.gather_alone(page, ctx)


class PageProber(Check):
    """A check that probes ``per_template`` pages of each layout (or, with ``per =
    "template"``, of each URL template) in a tab of its own (its site step, see
    ``probe_samples``) and judges what the probes returned; a probed page's result
    stands for the pages that share its layout (``shares``)."""

    #: the option that chooses what a probed page stands for
    PER_OPTION: ClassVar[dict[str, Any]] = {"per": "layout"}
    PER_DOC: ClassVar[dict[str, str]] = {
        "per": '"layout": probe per_template pages of each page layout (pages alike in '
        "landmarks, content structure and forms, whatever their URL), the findings "
        'listing every page of the layout; "template": per URL template'
    }

    def configure(self, settings: Any) -> None:
        if self.options.get("per") not in ("layout", "template"):
            raise ConfigError(
                f'checks."{self.id}".per must be "layout" or "template", '
                f"not {self.options.get('per')!r}"
            )

    def viewport(self) -> dict[str, int] | None:
        """The window the probe's tab gets, where it needs its own size."""
        return None

    async def probe(self, page: Page, sample: Any) -> dict | None:  # pragma: no cover
        raise NotImplementedError

    def group_key(self, record: Any) -> tuple:
        """What pages a probe of one of them judges alike: their layout (auditor.skeleton),
        or their URL template where the layout could not be told. A check adds what
        else decides its outcome (reflow: the viewport meta)."""
        return (record.layout or f"template:{record.template}",)

    async def site(self, site: Any) -> dict:
        size = self.viewport()
        options: dict[str, Any] = {"viewport": size} if size else {}
        if self.options["per"] == "layout":
            options["key"] = self.group_key
        return await probe_samples(site, self.options["per_template"], self.probe, **options)

    def probed_pages(self, site: SiteView) -> list[dict]:
        """Each probed page's result; how many there were and what they cost go into
        the check's details."""
        data = site.site_data if isinstance(site.site_data, dict) else {}
        self.details = probe_details(data)
        return data.get("pages", [])


def layout_samples(
    site: Any, per_group: int, key: Callable[[Any], tuple]
) -> tuple[list[Any], list[list[str]]]:
    """Up to ``per_group`` rendered pages of each group of pages alike (``key`` of
    their records), in crawl order, and for each the other pages of its group, which
    its probe judges too.

    Why: probing per URL template loads every fixed-name page (/about, /imprint,
    /privacy…) although most share one layout, while one probe per layout tells what
    all its pages would. A page whose record is gone is a group of its own."""
    records: dict[str, Any] = {}
    for r in site.records():
        records.setdefault(r.final_url or r.url, r)
    taken: Counter[tuple] = Counter()
    first: dict[tuple, int] = {}
    samples: list[Any] = []
    shares: list[list[str]] = []
    for sample in site.samples(0):
        record = records.get(sample.url)
        group = key(record) if record is not None else ("url", sample.url)
        if per_group and taken[group] >= per_group:
            shares[first[group]].append(sample.url)
            continue
        taken[group] += 1
        first.setdefault(group, len(samples))
        samples.append(sample)
        shares.append([])
    return samples, shares


def judged_pages(p: dict) -> list[str]:
    """The pages a probe's result judges: the page probed, then those sharing its layout."""
    return [p["url"], *(u for u in p.get("shares") or [] if isinstance(u, str))]


class Causes:
    """Pages by cause for the probing checks: every page a probe judged (the probed
    page and those sharing its layout), and apart from them the pages really probed,
    so that a finding lists all its pages and says which of them were loaded."""

    def __init__(self) -> None:
        self._all: list[tuple[Any, str]] = []
        self._probed: list[tuple[Any, str]] = []

    def add(self, key: Any, p: dict) -> None:
        """The probed page ``p`` (a result of ``probe_samples``) shows cause ``key``."""
        self._probed.append((key, p["url"]))
        self._all.extend((key, url) for url in judged_pages(p))

    def grouped(self) -> dict[Any, list[str]]:
        """key -> every page it occurs on, first seen first."""
        return grouped(self._all)

    def evidence(self, key: Any) -> dict[str, Any]:
        """Which pages of a cause were loaded and probed, and how many more share their
        layout (judged by those probes, not loaded)."""
        probed = grouped(self._probed).get(key, [])
        judged = grouped(self._all).get(key, [])
        return {"pages_probed": probed[:20], "pages_sharing_layout": len(judged) - len(probed)}


def sampled_pages(pages: Iterable[PageView]) -> Iterable[PageView]:
    """Pages whose gatherer ran and returned data."""
    return (p for p in pages if isinstance(p.data, dict))


def grouped(items: Iterable[tuple[Any, str]]) -> dict[Any, list[str]]:
    """key -> the pages it occurs on, in first-seen order and without repeats."""
    out: dict[Any, list[str]] = {}
    for key, url in items:
        urls = out.setdefault(key, [])
        if url not in urls:
            urls.append(url)
    return out


def probe_details(data: Any) -> dict[str, Any]:
    """What a probing check tells in results.json besides its findings: how many pages
    it judged, how many it loaded, how long it took, and where it failed.

    The seconds per page divide the time by the pages loaded: a probe that finds
    nothing to judge on most pages (no header to resize) still spent their loads, so
    dividing by the pages judged would make each page look many times slower."""
    data = data if isinstance(data, dict) else {}
    probed = len(data.get("pages", []))
    loaded = data.get("loaded", probed)
    seconds = data.get("seconds", 0.0)
    return {
        "pages_probed": probed,
        "pages_loaded": loaded,
        "probe_seconds": seconds,
        "seconds_per_page": round(seconds / loaded, 2) if loaded else None,
        "probe_errors": data.get("errors", [])[:20],
    }


async def probe_samples(
    site: Any,
    per_template: int,
    probe: Probe,
    key: Callable[[Any], tuple] | None = None,
    **open_options: Any,
) -> dict:
    """Run ``probe`` in tabs of its own on up to ``per_template`` pages of each template,
    or with ``key`` of each group of pages alike (``layout_samples``), each result then
    naming the pages of its group it stands for (``shares``).

    Why a tab of its own: probes press keys, resize the window or restyle text; the
    crawl's tab must stay as the page left it. Up to ``crawl.concurrency`` tabs take
    the samples in turn from one queue (each load starts the page afresh; the cookie
    banner is answered once per tab) as background work (auditor.probe.Slots): the
    site stage's steps share those tab slots, a probe takes them only while no other
    step waits and gives them back between pages when one does, so the searches'
    rounds and the journeys' walks start at once, the probes fill the tabs they leave,
    and all end about together instead of one long queue of pages last. A probe that fails on
    one page costs that page's result and a new tab. The results keep the samples'
    order. The time taken is measured, as the accessibility issue asks.
    """
    started = time.monotonic()
    if site.tabs is None:
        return {"pages": [], "errors": [], "seconds": 0.0, "loaded": 0}
    if key is None:
        samples, shares = site.samples(per_template), []
    else:
        samples, shares = layout_samples(site, per_template, key)
    queue = list(enumerate(samples))
    results: dict[int, dict] = {}
    errors: dict[int, dict] = {}
    loaded = [0]
    tabs = site.tabs
    width = max(1, min(len(queue), site.settings.crawl.concurrency))
    workers: list[asyncio.Future] = []

    def spread() -> None:
        """The other tabs, once the first page is done: what a probe learns there (the
        keyboard probe's focus pictures of each kind of element) later pages reuse."""
        while len(workers) < width and queue:
            workers.append(asyncio.ensure_future(worker()))

    async def worker() -> None:
        while queue:
            opened = tabs.open(wanted=lambda: bool(queue), background=True, **open_options)
            async with opened as page:
                if page is None:
                    return
                while queue:
                    i, sample = queue.pop(0)
                    loaded[0] += 1
                    try:
                        if await site.tabs.goto(page, sample.url) is None:
                            continue
                        data = await probe(page, sample)
                    except (PlaywrightError, TimeoutError) as exc:
                        message = clip(f"{type(exc).__name__}: {exc}", 300)
                        errors[i] = {"url": sample.url, "error": message}
                        break  # the tab may be spoilt: the next sample gets a new one
                    finally:
                        spread()
                    if data is not None:
                        results[i] = {"url": sample.url, "template": sample.template, **data}
                        if shares and shares[i]:
                            results[i]["shares"] = shares[i]
                    if tabs.contended():
                        break  # another step waits: the slot goes to it, this asks again

    # background work: each tab takes a slot only while no other step waits for one
    workers.append(asyncio.ensure_future(worker()))
    try:
        for done in itertools.count():  # the list grows once the first page is done
            if done >= len(workers):
                break
            await workers[done]
    finally:
        for task in workers:  # a step stopped (audit.site_step_timeout) stops its tabs
            task.cancel()
    seconds = round(time.monotonic() - started, 2)
    return {
        "pages": [results[i] for i in sorted(results)],
        "errors": [errors[i] for i in sorted(errors)],
        "seconds": seconds,
        "loaded": loaded[0],
    }
