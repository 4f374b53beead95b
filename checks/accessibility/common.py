"""What the accessibility checks share: sampling, probing in own tabs, grouping pages."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, ClassVar

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.checkkit import OncePerTemplate, listed, plural
from auditor.model import clip
from auditor.plugins import Check, PageView, SiteView

__all__ = [
    "OncePerTemplate",
    "PageProber",
    "PageReader",
    "grouped",
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
    ``max_pages_per_template`` pages of each template: ``script`` with ``script_arg``."""

    script: ClassVar[str] = ""
    script_arg: ClassVar[Any] = None

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._sample = OncePerTemplate(self.options["max_pages_per_template"])

    def argument(self) -> Any:
        """What the script is called with; a subclass may take it from its options."""
        return self.script_arg

    async def gather(self, page: Any, ctx: Any) -> dict | None:
        if ctx.status is None or ctx.status >= 400 or not self._sample.first(ctx.template):
            return None
        return await page.evaluate(self.script, self.argument())


class PageProber(Check):
    """A check that probes ``pages_per_template`` pages of each template in a tab of its
    own (its site step, see ``probe_samples``) and judges what the probes returned."""

    def viewport(self) -> dict[str, int] | None:
        """The window the probe's tab gets, where it needs its own size."""
        return None

    async def probe(self, page: Page, sample: Any) -> dict | None:  # pragma: no cover
        raise NotImplementedError

    async def site(self, site: Any) -> dict:
        size = self.viewport()
        options = {"viewport": size} if size else {}
        return await probe_samples(site, self.options["pages_per_template"], self.probe, **options)

    def probed_pages(self, site: SiteView) -> list[dict]:
        """Each probed page's result; how many there were and what they cost go into
        the check's details."""
        data = site.site_data if isinstance(site.site_data, dict) else {}
        self.details = probe_details(data)
        return data.get("pages", [])


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
    it probed, how long it took, and where it failed."""
    data = data if isinstance(data, dict) else {}
    probed = len(data.get("pages", []))
    seconds = data.get("seconds", 0.0)
    return {
        "pages_probed": probed,
        "probe_seconds": seconds,
        "seconds_per_page": round(seconds / probed, 2) if probed else None,
        "probe_errors": data.get("errors", [])[:20],
    }


async def probe_samples(site: Any, per_template: int, probe: Probe, **open_options: Any) -> dict:
    """Run ``probe`` in a tab of its own on up to ``per_template`` pages of each template.

    Why a tab of its own: probes press keys, resize the window or restyle text; the
    crawl's tab must stay as the page left it. One tab serves all the samples in turn
    (each load starts the page afresh; the cookie banner is answered once); a probe
    that fails on one page costs that page's result and a new tab. The time taken is
    measured, as the accessibility issue asks.
    """
    started = time.monotonic()
    results: list[dict] = []
    errors: list[dict] = []
    if site.tabs is None:
        return {"pages": [], "errors": [], "seconds": 0.0}
    samples = site.samples(per_template)
    while samples:
        async with site.tabs.open(**open_options) as page:
            while samples:
                sample = samples.pop(0)
                try:
                    if await site.tabs.goto(page, sample.url) is None:
                        continue
                    data = await probe(page, sample)
                except (PlaywrightError, TimeoutError) as exc:
                    message = clip(f"{type(exc).__name__}: {exc}", 300)
                    errors.append({"url": sample.url, "error": message})
                    break  # the tab may be spoilt: the next sample gets a new one
                if data is not None:
                    results.append({"url": sample.url, "template": sample.template, **data})
    return {"pages": results, "errors": errors, "seconds": round(time.monotonic() - started, 2)}
