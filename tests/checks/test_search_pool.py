"""The search tabs (checks.search.pool.TabPool) on the site stage's real tab slots
(auditor.probe.Slots): the tabs stand in for browser tabs, the scheduling is real."""

import asyncio
import contextlib

from auditor.probe import Slots
from checks.search.pool import TabPool


class Tabs:
    """ProbeTabs' ``open`` on real slots: a tab is a name, opened once a slot is free."""

    def __init__(self, slots: Slots):
        self.slots = slots
        self.opened: list[str] = []
        self.now = 0
        self.most = 0
        self.one_opened = asyncio.Event()

    @contextlib.asynccontextmanager
    async def open(self, url=None, *, wanted=None):
        async with self.slots:
            if wanted is not None and not wanted():
                yield None
                return
            tab = f"tab{len(self.opened) + 1}"
            self.opened.append(tab)
            self.now += 1
            self.most = max(self.most, self.now)
            self.one_opened.set()
            try:
                yield tab
            finally:
                self.now -= 1


async def test_jobs_spread_over_at_most_width_tabs_and_slots_come_back():
    slots = Slots(3)
    await slots.acquire()  # the first tab's slot, held by the step
    tabs = Tabs(slots)
    pool = TabPool(tabs, "http://shop/", "tab0", 3)
    gate, busy = asyncio.Event(), asyncio.Event()
    ran: list[tuple[int, str]] = []
    running = [0, 0]  # now, most

    async def job(i, tab):
        running[0] += 1
        running[1] = max(running)
        if running[0] == 3:
            busy.set()
        await gate.wait()
        ran.append((i, tab))
        running[0] -= 1

    pool.grow(10)
    futures = [pool.submit(lambda tab, i=i: job(i, tab)) for i in range(10)]
    await asyncio.wait_for(busy.wait(), 10)  # every tab busy: the first and two spares
    gate.set()
    await asyncio.gather(*futures)
    await pool.close()
    slots.release()
    assert sorted(i for i, _ in ran) == list(range(10))
    assert {tab for _, tab in ran} == {"tab0", "tab1", "tab2"}
    assert tabs.most == 2 and running[1] == 3 and tabs.now == 0
    assert not slots.locked()  # every slot back


async def test_fresh_job_waits_for_go_and_runs_once_in_a_spare():
    slots = Slots(4)
    tabs = Tabs(slots)
    typed: list[str] = []

    async def fresh(tab):
        typed.append(tab)

    pool = TabPool(tabs, "http://shop/", "tab0", 4, fresh=fresh)
    pool.grow(5)
    await tabs.one_opened.wait()
    assert typed == [] and pool.fresh is fresh  # opened early, the shop not yet answering
    pool.go()
    done = pool.submit(lambda tab: asyncio.sleep(0))
    await done
    await pool.close()
    assert len(typed) == 1 and typed[0] != "tab0" and pool.fresh is None
    assert not slots.locked()


async def test_closed_before_go_leaves_the_fresh_job_and_opens_no_waiting_spare():
    slots = Slots(2)
    await slots.acquire()  # the first tab
    tabs = Tabs(slots)

    async def fresh(tab):
        raise AssertionError("typed although the shop never answered")

    pool = TabPool(tabs, "http://shop/", "tab0", 4, fresh=fresh)
    await slots.acquire()  # another step holds the other slot: the spares wait
    pool.grow(4)
    while slots.waiting < 3:
        await asyncio.sleep(0)  # the spares' tasks start and queue for a slot
    assert pool.spares == 3
    restarted = await pool.restart()  # no answer: the waiting spares are not opened
    assert tabs.opened == [] and restarted.fresh is fresh and restarted.spares == 0
    slots.release()
    slots.release()
    assert not slots.locked()


async def test_a_failing_job_fails_its_future_not_the_tab():
    slots = Slots(1)
    tabs = Tabs(slots)
    pool = TabPool(tabs, "http://shop/", "tab0", 1)
    pool.grow(2)

    async def bad(tab):
        raise ValueError("broken page")

    after: list[str] = []

    async def good(tab):
        after.append(tab)

    failed = pool.submit(bad)
    ok = pool.submit(good)
    await asyncio.gather(failed, ok, return_exceptions=True)
    assert isinstance(failed.exception(), ValueError) and after == ["tab0"]
    await pool.close()


async def test_spares_grown_before_the_first_tab_opens_queue_behind_it():
    """run_searches grows the pool, then opens its first tab: the first slot that comes
    free is the first tab's, the next ones the spares' (before background work)."""
    slots = Slots(1)
    await slots.acquire()  # another step holds the only slot
    tabs = Tabs(slots)
    pool = TabPool(tabs, "http://shop/", None, 3)
    pool.grow(3)
    asyncio.get_running_loop().call_soon(slots.release)  # the other step is done
    async with tabs.open() as page:
        assert page == "tab1" and pool.spares == 2 and slots.waiting == 2
        pool.first_tab(page)
        await pool.close()  # the spares waiting for a slot are not opened
    assert tabs.opened == ["tab1"] and not slots.locked()
