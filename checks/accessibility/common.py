"""What the accessibility checks share: sampling, probing in own tabs, grouping pages."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, ClassVar

from playwright.async_api import Page

from auditor.checkkit import OncePerTemplate, listed, plural
from auditor.errors import ConfigError
from auditor.plugins import Check, PageScript, PageView, SiteView

from .probing import LoadShare, Pages, ProbeStep, layout_samples, probe_samples, run_probes

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
    ``probing.run_probes``) and judges what the probes returned; a probed page's result
    stands for the pages that share its layout (``shares``).

    Probes may share each page load (``shares_loads``, ``probing.LoadShare``), each
    on its own pages: one that undoes what it changed (``restore``) runs first, one
    that wants another window (``viewport``) gets it for its turn, one that cannot
    undo its probe runs last."""

    #: the option that chooses what a probed page stands for
    PER_OPTION: ClassVar[dict[str, Any]] = {"per": "layout"}
    PER_DOC: ClassVar[dict[str, str]] = {
        "per": '"layout": probe per_template pages of each page layout (pages alike in '
        "landmarks, content structure and forms, whatever their URL), the findings "
        'listing every page of the layout; "template": per URL template'
    }
    #: whether the probe may run on a page load it shares with other such probes (its
    #: ``group_key`` must then not depend on the check's options)
    shares_loads: ClassVar[bool] = False
    #: whether ``restore`` undoes what ``probe`` changed in the page, so that another
    #: probe can run on the same load after it
    restores_page: ClassVar[bool] = False

    def configure(self, settings: Any) -> None:
        if self.options.get("per") not in ("layout", "template"):
            raise ConfigError(
                f'checks."{self.id}".per must be "layout" or "template", '
                f"not {self.options.get('per')!r}"
            )

    def viewport(self) -> dict[str, int] | None:
        """The window the probe needs, where it needs its own size: a tab of its own
        opens with it; on a shared load the window is set to it for the probe's turn
        and put back after it."""
        return None

    async def probe(self, page: Page, sample: Any) -> dict | None:  # pragma: no cover
        raise NotImplementedError

    async def restore(self, page: Page) -> None:
        """Undo what ``probe`` changed in the page (``restores_page``)."""

    def group_key(self, record: Any) -> tuple:
        """What pages a probe of one of them judges alike: their layout (auditor.skeleton),
        or their URL template where the layout could not be told. A check adds what
        else decides its outcome (reflow: the viewport meta)."""
        return (record.layout or f"template:{record.template}",)

    def pages(self) -> Pages:
        """Which pages the probe wants (``per_template``, ``per``)."""
        key = self.group_key if self.options["per"] == "layout" else None
        return Pages(self.options["per_template"], key)

    def load_key(self) -> Hashable | None:
        """Probes with equal keys may share their loads (each keeps its own pages and
        window); None: this one loads its pages alone."""
        return "probe tabs" if self.shares_loads else None

    async def site(self, site: Any) -> dict:
        pages, key = self.pages(), self.load_key()
        if key is None or site.tabs is None:
            size = self.viewport()
            options: dict[str, Any] = {"viewport": size} if size else {}
            return await probe_samples(site, pages.per_template, self.probe, pages.key, **options)
        step = ProbeStep(
            self.probe,
            self.restore if self.restores_page else None,
            window=self.viewport(),
            pages=pages,
        )

        def run(steps: Any) -> Any:
            return run_probes(site, pages.per_template, steps, pages.key)

        return await LoadShare.join(site, key, self, step, run).answer(self)

    def probed_pages(self, site: SiteView) -> list[dict]:
        """Each probed page's result; how many there were and what they cost go into
        the check's details."""
        data = site.site_data if isinstance(site.site_data, dict) else {}
        self.details = probe_details(data)
        return data.get("pages", [])


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
