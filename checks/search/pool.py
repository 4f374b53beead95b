"""The search tabs: the first tab and up to ``width - 1`` probe tabs of their own, each
taking the next job (one search) of whatever batch is queued.

Why a pool that outlives a batch: the searches come in batches that wait on each other
(a product's variants follow its exact search), but the tabs need not. A tab still
waiting for its slot or loading the start page when a batch ends joins the next batch
instead of holding this one up, and an open tab stays open for the next batch (each
opening loads the start page again). The tabs are probe tabs (auditor.probe): each
holds one of the site stage's slots, so together with the other steps they keep to
``crawl.concurrency`` tabs, and they load pages within the host's rate limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["Job", "TabPool"]

#: one piece of work for a tab: given the tab, done when the coroutine ends
Job = Callable[[Any], Awaitable[None]]


class TabPool:
    """``page`` (the tab the searches started in; None until it is open) and spare tabs
    opened on ``start``.

    Spares may be opened (``grow``) before there is work for them, while a search sent
    alone shows whether the shop answers at all (``go``: it does; ``close``: it does
    not), so that they are ready when it does. ``fresh``: a job for the first spare
    tab once the pool goes, while the tab is still on the freshly loaded start page
    (the autocomplete probe types there); None once a tab took it. What no spare took
    is the caller's to run after ``close``."""

    def __init__(self, tabs: Any, start: str, page: Any, width: int, fresh: Job | None = None):
        self.tabs, self.start, self.page = tabs, start, page
        self.width = max(1, width)
        self.fresh = fresh
        self._jobs: asyncio.Queue[Job | None] = asyncio.Queue()
        #: the first tab's worker (once ``page`` is there), then the spares'
        self._main: asyncio.Task | None = None
        self._spares: list[asyncio.Task] = []
        #: spares not open yet (waiting for a slot or loading the start page)
        self._opening: set[asyncio.Task] = set()
        self._closed = False
        #: what the ``fresh`` job raised, raised again by ``close``
        self._fresh_error: Exception | None = None
        #: set by ``go`` (``started``) and by ``close``: open spares wait for it
        self._woken = asyncio.Event()
        self.started = False

    @property
    def spares(self) -> int:
        """Spare tabs open, or on their way."""
        return len(self._spares)

    @property
    def _tasks(self) -> list[asyncio.Task]:
        return ([self._main] if self._main else []) + self._spares

    def go(self) -> None:
        """The shop answers: open spares may take the ``fresh`` job."""
        self.started = True
        self._woken.set()

    def grow(self, pending: int) -> None:
        """Enough tabs for ``pending`` jobs, at most ``width``: the first tab's worker
        (where ``page`` is there already), then spares (a spare for fewer jobs than
        tabs would only load the start page). The spares' tasks start once the caller
        waits: a slot the caller asks for right after this is asked for first."""
        if self._closed:
            return
        if self._main is None and self.page is not None:
            self._main = asyncio.create_task(self._serve(self.page))
        while 1 + len(self._spares) < min(self.width, pending):
            task = asyncio.create_task(self._spare())
            self._opening.add(task)
            self._spares.append(task)

    def first_tab(self, page: Any) -> None:
        """The caller's tab is open: it takes jobs too (after ``grow``)."""
        self.page = page

    def submit(self, job: Job) -> asyncio.Future:
        """Queue ``job`` for the next free tab; the future ends with it. Jobs are
        searches side by side: the shop answers (``go``)."""
        self.go()
        done: asyncio.Future = asyncio.get_running_loop().create_future()

        async def run(tab: Any) -> None:
            try:
                await job(tab)
            except asyncio.CancelledError:
                done.cancel()
                raise
            except Exception as exc:  # the batch that waits on it raises it
                done.set_exception(exc)
            else:
                done.set_result(None)

        self._jobs.put_nowait(run)
        return done

    async def close(self) -> None:
        """No more jobs: spares not yet open are not opened, the others finish what they
        do (the ``fresh`` job too) and close, giving their slots back."""
        self._closed = True
        self._woken.set()
        for task in list(self._opening):
            task.cancel()
        for _ in self._tasks:
            self._jobs.put_nowait(None)
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._main, self._spares = None, []
        if self._fresh_error is not None:
            raise self._fresh_error

    async def restart(self) -> TabPool:
        """This pool closed (its spares give their slots back), and a new one like it
        that has not gone yet: where a search sent alone was not answered, the spares
        would wait idle for as long as the next one takes."""
        await self.close()
        return TabPool(self.tabs, self.start, self.page, self.width, self.fresh)

    async def abort(self) -> None:
        """Stop every tab's work now (the searching failed or was stopped)."""
        self._closed = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._main, self._spares = None, []

    async def _serve(self, tab: Any) -> None:
        while (job := await self._jobs.get()) is not None:
            await job(tab)

    async def _spare(self) -> None:
        task = asyncio.current_task()
        try:
            async with self.tabs.open(self.start, wanted=lambda: not self._closed) as tab:
                self._opening.discard(task)
                if tab is None:
                    return
                if self.fresh is not None:
                    await self._woken.wait()
                if self.started and self.fresh is not None:
                    job, self.fresh = self.fresh, None
                    try:
                        await job(tab)
                    except Exception as exc:
                        self._fresh_error = exc
                        return
                await self._serve(tab)
        finally:
            self._opening.discard(task)
