"""Probing pages in tabs of their own: which pages, how the tabs take them, and one
page load shared by the probes that can run one after another on it.

Why shared loads: the keyboard walk, the text-resize probe and the reflow probe each
want one page of each layout; loading it once for all of them cuts what the loads
cost (a page load is most of what the text-resize and reflow probes cost). A probe
that changes the page (the resize) says how to undo it (``ProbeStep.restore``), so
the next probe finds the page as loaded; one that wants another window (reflow, 320
px wide) gets it for its turn and the window back after it, as a customer who zooms
in and out again does; one that cannot undo what it did (the keyboard walk: focus
moved, keys answered by the page's scripts) runs last. Each probe keeps its own pages
(``Pages``: reflow's also differ by viewport meta); the run loads each page any of
them wants once, and runs on it the probes that want it.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import weakref
from collections import Counter
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.model import clip

__all__ = [
    "LoadShare",
    "Pages",
    "ProbeStep",
    "layout_samples",
    "probe_samples",
    "run_probes",
]

#: a probe's result for one page, or None when it found nothing to judge
Probe = Callable[[Page, Any], Awaitable[dict | None]]

#: the page's answer to its window resized: the resize event and the page's handlers
#: come with the next frame; the transitions that started (a menu sliding into its
#: narrow form) are put at their end, where a customer who waited would see them, as
#: a page loaded in that window shows them; one more frame lays out what they changed
_SETTLE_WINDOW_JS = """
async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  await frame();
  for (const a of document.getAnimations ? document.getAnimations() : []) {
    if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) {
      try { a.finish(); } catch (e) { /* an endless one stays as it is */ }
    }
  }
  await frame();
  return innerWidth;
}
"""


@dataclass(frozen=True)
class Pages:
    """Which pages a probe wants: up to ``per_template`` of each URL template, or with
    ``key`` up to ``per_template`` of each group of pages alike (``layout_samples``)."""

    per_template: int
    key: Callable[[Any], tuple] | None = None

    def grouping(self) -> Hashable:
        """What decides the choice: probes whose choices are alike share one reading of
        the records (a check's ``key`` may not depend on its instance's options)."""
        return (self.per_template, getattr(self.key, "__func__", self.key))

    def choose(self, site: Any) -> tuple[list[Any], list[list[str]]]:
        """The samples, in crawl order, and for each the pages it stands for."""
        if self.key is None:
            return list(site.samples(self.per_template)), []
        return layout_samples(site, self.per_template, self.key)


@dataclass(frozen=True)
class ProbeStep:
    """One probe of a run: what it does in a loaded page, and how it undoes that
    (None: it does not, so it runs last on a page load it shares); the window it wants
    for its turn (None: the tab's, as loaded), and its pages (None: the run's)."""

    probe: Probe
    restore: Callable[[Page], Awaitable[None]] | None = None
    window: dict[str, int] | None = None
    pages: Pages | None = None


@dataclass
class _Outcome:
    """One step's results over the run's samples."""

    results: dict[int, dict] = field(default_factory=dict)
    errors: dict[int, dict] = field(default_factory=dict)
    loaded: int = 0
    #: a fault that is not the page's (a bug): the step's check fails with it
    failure: BaseException | None = None


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


async def probe_samples(
    site: Any,
    per_template: int,
    probe: Probe,
    key: Callable[[Any], tuple] | None = None,
    **open_options: Any,
) -> dict:
    """``run_probes`` with one probe: its results (see there)."""
    (data,) = await run_probes(site, per_template, lambda: [ProbeStep(probe)], key, **open_options)
    failure = data.pop("failure", None)
    if failure is not None:
        raise failure
    return data


async def run_probes(
    site: Any,
    per_template: int,
    steps: Callable[[], Sequence[ProbeStep]],
    key: Callable[[Any], tuple] | None = None,
    **open_options: Any,
) -> list[dict]:
    """Run probes in tabs of their own on up to ``per_template`` pages of each
    template, or with ``key`` of each group of pages alike (``layout_samples``), each
    result then naming the pages of its group it stands for (``shares``); a step with
    pages of its own (``ProbeStep.pages``) gets those instead. One page load per page
    for all the steps that want it, in their order, each but the last undoing what it
    changed (``ProbeStep.restore``) before the next runs, and a step that wants another
    window (``ProbeStep.window``) getting it for its turn and the tab's back after it.

    Why a tab of its own: probes press keys, resize the window or restyle text; the
    crawl's tab must stay as the page left it. Up to ``crawl.concurrency`` tabs take
    the pages in turn from one queue (each load starts the page afresh; the cookie
    banner is answered once per tab) as background work (auditor.probe.Slots): the
    site stage's steps share those tab slots, a probe takes them only while no other
    step waits and gives them back between pages when one does, so the searches'
    rounds and the journeys' walks start at once, the probes fill the tabs they leave,
    and all end about together instead of one long queue of pages last. A probe that
    fails on one page costs that page's result and a new tab (the steps after it get
    a fresh load of that page). The results keep the samples' order. The time taken
    is measured, as the accessibility issue asks.

    ``steps`` is asked once, when the first tab slot is free (or at the end, when
    there was none): the steps, and so the pages, are fixed then (``LoadShare`` takes
    members until that moment). Returns one dict per step: ``pages``, ``errors``,
    ``seconds``, ``loaded``; a step whose probe failed for a reason not the page's (a
    bug) has it in ``failure``, and runs no more.
    """
    started = time.monotonic()
    run = _Steps(steps)
    if site.tabs is None:
        return run.summaries(0.0)
    default = Pages(per_template, key)
    #: (sample index, sample, the steps still to run on it), filled when the steps are fixed
    queue: list[tuple[int, Any, tuple[int, ...]]] = []
    plan: list[_Plan] = []
    tabs = site.tabs
    workers: list[asyncio.Future] = []

    def planned() -> _Plan:
        """The pages of the steps, fixed with them once the first tab slot is free."""
        if not plan:
            plan.append(_Plan.of(site, [s.pages or default for s in run.steps]))
            queue.extend((i, s, plan[0].wanted[i]) for i, s in enumerate(plan[0].samples))
        return plan[0]

    def more() -> bool:
        """Whether a tab whose slot is free has pages to take (none: it is not opened)."""
        planned()
        return bool(queue)

    def spread() -> None:
        """The other tabs, once the first page is done: what a probe learns there (the
        keyboard probe's focus pictures of each kind of element) later pages reuse."""
        width = max(1, min(len(planned().samples), site.settings.crawl.concurrency))
        while len(workers) < width and queue:
            workers.append(asyncio.ensure_future(worker()))

    async def on_page(page: Page, i: int, sample: Any, todo: tuple[int, ...]) -> bool:
        """Each step still to run on the loaded sample; False when the tab is spoilt
        (the steps not run yet get the sample again, first in the queue)."""
        back: _Back | None = None
        for pos, n in enumerate(todo):
            step, outcome, rest = run.steps[n], run.outcomes[n], todo[pos + 1 :]
            try:
                back = await _window(page, step.window)
                data = await step.probe(page, sample)
            except (PlaywrightError, TimeoutError) as exc:
                message = clip(f"{type(exc).__name__}: {exc}", 300)
                outcome.errors[i] = {"url": sample.url, "error": message}
                return _again(queue, i, sample, rest)
            except Exception as exc:  # a bug fails its own check, not those sharing loads
                outcome.failure = exc
                return _again(queue, i, sample, rest)
            if data is not None:
                outcome.results[i] = {"url": sample.url, "template": sample.template, **data}
                stands_for = planned().shares[n].get(i)
                if stands_for:
                    outcome.results[i]["shares"] = stands_for
            if rest:
                try:
                    await _restore(step, page, back)
                except Exception:  # not the page as loaded: the others load it afresh
                    return _again(queue, i, sample, rest)
                back = None
        if back is not None:  # the tab's window again, for the next page it loads
            try:
                await back.put(page, settle=False)
            except Exception:
                return False
        return True

    async def worker() -> None:
        while queue or not plan:
            opened = tabs.open(wanted=more, background=True, **open_options)
            async with opened as page:
                if page is None:
                    return
                planned()
                while queue:
                    i, sample, todo = queue.pop(0)
                    todo = run.live(todo)
                    if not todo:
                        continue
                    for n in todo:
                        run.outcomes[n].loaded += 1
                    try:
                        if await tabs.goto(page, sample.url) is None:
                            continue
                        if not await on_page(page, i, sample, todo):
                            break  # the tab may be spoilt: the next sample gets a new one
                    finally:
                        spread()
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
    return run.summaries(round(time.monotonic() - started, 2))


@dataclass
class _Plan:
    """The pages of a run: each page any step wants, once, in the steps' order (each
    step's in crawl order), which steps want each, and what each step's result for it
    stands for."""

    samples: list[Any]
    #: per sample: the steps that probe it, in their order
    wanted: list[tuple[int, ...]]
    #: per step: sample index -> the pages that sample's result stands for
    shares: list[dict[int, list[str]]]

    @classmethod
    def of(cls, site: Any, choices: Sequence[Pages]) -> _Plan:
        chosen: dict[Hashable, tuple[list[Any], list[list[str]]]] = {}
        index: dict[str, int] = {}
        samples: list[Any] = []
        wanted: list[list[int]] = []
        shares: list[dict[int, list[str]]] = []
        for n, pages in enumerate(choices):
            if pages.grouping() not in chosen:
                chosen[pages.grouping()] = pages.choose(site)
            picked, stands = chosen[pages.grouping()]
            mine: dict[int, list[str]] = {}
            for k, sample in enumerate(picked):
                i = index.setdefault(sample.url, len(samples))
                if i == len(samples):
                    samples.append(sample)
                    wanted.append([])
                wanted[i].append(n)
                if stands and stands[k]:
                    mine[i] = list(stands[k])
            shares.append(mine)
        return cls(samples, [tuple(w) for w in wanted], shares)


class _Steps:
    """A run's steps, fixed when first needed, and what each has found."""

    def __init__(self, fix: Callable[[], Sequence[ProbeStep]]) -> None:
        self._fix = fix
        self._steps: list[ProbeStep] | None = None
        self._outcomes: list[_Outcome] = []

    @property
    def steps(self) -> list[ProbeStep]:
        if self._steps is None:
            self._steps = list(self._fix())
            self._outcomes = [_Outcome() for _ in self._steps]
        return self._steps

    @property
    def outcomes(self) -> list[_Outcome]:
        _ = self.steps
        return self._outcomes

    def live(self, todo: tuple[int, ...]) -> tuple[int, ...]:
        """The steps of ``todo`` whose probes have not failed for a reason not the page's."""
        return tuple(n for n in todo if self.outcomes[n].failure is None)

    def summaries(self, seconds: float) -> list[dict]:
        out = []
        for o in self.outcomes:
            data: dict[str, Any] = {
                "pages": [o.results[i] for i in sorted(o.results)],
                "errors": [o.errors[i] for i in sorted(o.errors)],
                "seconds": seconds,
                "loaded": o.loaded,
            }
            if o.failure is not None:
                data["failure"] = o.failure
            out.append(data)
        return out


@dataclass(frozen=True)
class _Back:
    """The tab's window, to be put back after a step that wanted another."""

    size: dict[str, int] | None

    async def put(self, page: Page, settle: bool = True) -> None:
        """The window as it was (``settle``: and the page's answer awaited, for a
        probe that runs next on this load)."""
        if self.size is None:
            raise RuntimeError("a tab without a window size of its own cannot get it back")
        await page.set_viewport_size(self.size)
        if settle:
            await page.evaluate(_SETTLE_WINDOW_JS)


async def _window(page: Page, size: dict[str, int] | None) -> _Back | None:
    """The window ``size`` wide and high for the next probe, the page's answer awaited
    (``_SETTLE_WINDOW_JS``); how to put the tab's back (None: nothing changed)."""
    if size is None or page.viewport_size == size:
        return None
    back = _Back(page.viewport_size)
    await page.set_viewport_size(size)
    await page.evaluate(_SETTLE_WINDOW_JS)
    return back


async def _restore(step: ProbeStep, page: Page, back: _Back | None) -> None:
    """What the step changed undone: its own undo in the window it probed, then the
    tab's window back."""
    if step.restore is None:
        raise RuntimeError("a probe that cannot undo what it did runs last")
    await step.restore(page)
    if back is not None:
        await back.put(page)


def _again(queue: list, i: int, sample: Any, rest: tuple[int, ...]) -> bool:
    """The sample once more, first, for the steps that did not run on it; False."""
    if rest:
        queue.insert(0, (i, sample, rest))
    return False


class LoadShare:
    """One run of probes on shared page loads: the probes of the checks that joined it
    before its pages were fixed (its first tab slot free), each page that any of them
    wants loaded once.

    Each joining check's site step awaits the run's answer for it. The run is a task
    of its own, shielded from each asker: one check stopped by its deadline
    (``audit.site_step_timeout``) leaves the run to the others; when none still waits,
    the run is stopped, so a hostile page holds the site stage no longer than one
    probe would. A check that joins once the run has fixed its pages (or that
    cannot undo its probe where another such one has joined) starts a run of its own.
    """

    #: the open run of each kind of probing (``key``), per audit (its probe tabs)
    _open: ClassVar[weakref.WeakKeyDictionary[Any, dict[Hashable, LoadShare]]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self) -> None:
        self._members: list[tuple[Hashable, ProbeStep]] = []
        self._order: list[Hashable] | None = None
        self._task: asyncio.Future | None = None
        self._waiting = 0
        self._answers: dict[Hashable, dict] = {}

    @classmethod
    def join(
        cls,
        site: Any,
        key: Hashable,
        member: Hashable,
        step: ProbeStep,
        run: Callable[[Callable[[], Sequence[ProbeStep]]], Awaitable[list[dict]]],
    ) -> LoadShare:
        """The open run of ``key`` in this audit, with ``member`` (its probe ``step``)
        added; or a new run, which ``run`` carries out (``run_probes`` with the
        probing's pages and tabs) once the event loop gets to it."""
        runs = cls._open.setdefault(site.tabs, {})
        share = runs.get(key)
        if share is None or share._closed() or not share._fits(step):
            share = runs[key] = cls()
            share._task = asyncio.ensure_future(share._run(run))
        share._members.append((member, step))
        return share

    def _closed(self) -> bool:
        """Whether the run has fixed its steps and pages (or is over): too late to join."""
        return self._order is not None or self._task is None or self._task.done()

    def _fits(self, step: ProbeStep) -> bool:
        """At most one step that cannot undo its probe (it runs last)."""
        return step.restore is not None or all(s.restore for _, s in self._members)

    def _fix(self) -> list[ProbeStep]:
        """Closes the run to more members; its steps in order (each group in joining
        order): those that undo their probe exactly first, then those that want another
        window (the page's scripts answer a window resized, and back, in their own
        way: the window put back is the page as a customer left it, not as loaded), the
        one that does not undo its probe last."""
        ordered = sorted(
            self._members, key=lambda ms: (ms[1].restore is None, ms[1].window is not None)
        )
        self._order = [m for m, _ in ordered]
        return [s for _, s in ordered]

    async def _run(self, run: Callable[..., Awaitable[list[dict]]]) -> None:
        answers = await run(self._fix)
        self._answers = dict(zip(self._order or [], answers, strict=True))

    async def answer(self, member: Hashable) -> dict:
        """The run's results for ``member``; its own failure raised."""
        assert self._task is not None
        self._waiting += 1
        try:
            await asyncio.shield(self._task)
        except asyncio.CancelledError:
            self._waiting -= 1
            if self._waiting == 0 and not self._task.done():
                self._task.cancel()
            raise
        self._waiting -= 1
        data = dict(self._answers[member])
        failure = data.pop("failure", None)
        if failure is not None:
            raise failure
        return data
