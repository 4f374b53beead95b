"""The lane's lock: crawl visits share the browser, a timing load has it alone.

Why: page loads that run in parallel compete for the CPU and the network, so their
timings say more about the audit than about the shop. The crawl goes on with all its
workers, but a timing load waits until no crawl visit is in flight, and no visit
starts while it runs.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

__all__ = ["LoadLane"]


class LoadLane:
    """A readers-writer lock: crawl visits share the browser, a timing load has it alone.

    A timing load first lets the crawl go on for ``grace`` seconds: the other workers
    finish their visits and either queue a timing load of their own or go on to the
    next page; once no visit is in flight, every queued load runs, one after another,
    before a new visit starts. One pause of the crawl then serves several loads, where
    making way for each load at once would pause it (every worker idle while the last
    visits end) once per load. After the grace, writers go first: no new visit
    starts, so the lane cannot starve behind a busy crawl.
    """

    def __init__(self, grace: float = 0.0) -> None:
        self._cond = asyncio.Condition()
        self._visits = 0
        self._timing = False
        #: timing loads past their grace (no new visit starts while one waits)
        self._waiting = 0
        #: timing loads queued in all, and whether the crawl has paused for them
        self._queued = 0
        self._paused = False
        self.grace = grace

    def _visits_may_start(self) -> bool:
        return not self._timing and not self._waiting and not self._paused

    @contextlib.asynccontextmanager
    async def visit(self) -> AsyncIterator[None]:
        async with self._cond:
            await self._cond.wait_for(self._visits_may_start)
            self._visits += 1
        try:
            yield
        finally:
            async with self._cond:
                self._visits -= 1
                if not self._visits and self._queued:
                    self._paused = True  # the queued loads go first
                self._cond.notify_all()

    @contextlib.asynccontextmanager
    async def alone(self, max_wait: float | None = None) -> AsyncIterator[int]:
        """The browser for a timing load alone; yields how many crawl visits still run.

        ``max_wait`` bounds the wait for running visits once the grace is over: a
        visit that hangs on a server that never answers must not hold the lane (and
        with it every other worker) until its deadline. Such a visit waits on the
        network, not the CPU; the count of visits still running goes into the timing
        record for honesty.
        """
        async with self._cond:
            self._queued += 1
            try:
                if not self._visits:
                    self._paused = True
                if not (self._paused and not self._timing) and self.grace > 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(
                            self._cond.wait_for(lambda: self._paused and not self._timing),
                            timeout=self.grace,
                        )
                if not (self._paused and not self._timing):
                    await self._writer_first(max_wait)
            except BaseException:
                self._left_queue()
                raise
            self._timing = True
            beside = self._visits
        try:
            yield beside
        finally:
            async with self._cond:
                self._timing = False
                self._left_queue()

    async def _writer_first(self, max_wait: float | None) -> None:
        """Wait (holding the condition) until no visit runs, keeping new ones out;
        after ``max_wait``, until no other timing load runs."""
        self._waiting += 1
        try:
            try:
                await asyncio.wait_for(
                    self._cond.wait_for(lambda: not self._timing and not self._visits),
                    timeout=max_wait,
                )
            except TimeoutError:
                await self._cond.wait_for(lambda: not self._timing)
        finally:
            self._waiting -= 1

    def _left_queue(self) -> None:
        self._queued -= 1
        if not self._queued:
            self._paused = False
        self._cond.notify_all()

    @property
    def busy_visits(self) -> int:
        return self._visits
