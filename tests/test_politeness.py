"""The driver's grants (auditor.politeness), two workers' limiters in one process: the
rate and the per-host cap hold across them, a back-off one reports slows the other,
and a worker that cannot reach the driver keeps a limiter of its own."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest

from auditor.politeness import (
    PolitenessServer,
    PolitenessTicket,
    RemoteLimiter,
    driver_address,
)
from auditor.ratelimit import RECOVER_AFTER, HostLimiter

HOST = "shop.test"


def _worker(ticket: PolitenessTicket) -> RemoteLimiter:
    # the fallback's rate is far slower: a grant that fell back would show in the times
    return RemoteLimiter(ticket, HostLimiter(0.5, 5.0), 5.0)


async def _until(condition: Callable[[], bool]) -> None:
    """Until the driver has handled what a worker sent (bounded: 10 s)."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "the driver never handled the message"
        await asyncio.sleep(0.01)


async def test_the_rate_holds_across_workers():
    async with PolitenessServer(HostLimiter(20.0, 5.0), cap=2) as server:  # 50 ms apart
        ticket = await server.start()
        a, b = _worker(ticket), _worker(ticket)
        times: list[float] = []

        async def load(limiter: RemoteLimiter) -> None:
            for _ in range(5):
                await limiter.acquire(HOST)
                times.append(time.monotonic())

        try:
            await asyncio.gather(load(a), load(b))
        finally:
            await a.close()
            await b.close()
    assert a.remote and b.remote
    times.sort()
    assert times[-1] - times[0] >= 9 * 0.05 - 0.02  # ten slots, one host's pace
    assert server.counts["acquire"] == 10


async def test_the_per_host_cap_holds_across_workers_until_a_worker_lets_go():
    async with PolitenessServer(HostLimiter(100.0, 5.0), cap=1) as server:
        ticket = await server.start()
        a, b = _worker(ticket), _worker(ticket)
        await a.acquire(HOST)
        waiting = asyncio.create_task(b.acquire(HOST))
        await _until(lambda: server.counts["acquire"] == 2)
        await asyncio.sleep(0)
        assert not waiting.done()  # the host's one permit is a's
        await a.acquire("other.test")  # another host has permits of its own
        await a.acquire(HOST)  # a keeps its permit from request to request
        await a.close()  # its batch ended (or its worker died)
        await asyncio.wait_for(waiting, 10)
        await b.close()


async def test_a_back_off_one_worker_reports_slows_the_other():
    limiter = HostLimiter(50.0, 5.0)
    async with PolitenessServer(limiter, cap=2) as server:
        ticket = await server.start()
        a, b = _worker(ticket), _worker(ticket)
        await a.acquire(HOST)
        await b.acquire(HOST)
        assert a.back_off(HOST, 1.0) == 1.0  # Retry-After: 1, as the driver counts it
        await _until(lambda: server.counts["back_off"] == 1)
        started = time.monotonic()
        await b.acquire(HOST)
        assert time.monotonic() - started >= 0.9
        assert limiter.interval(HOST) == pytest.approx(0.04)  # doubled for everyone
        for _ in range(RECOVER_AFTER):
            b.answered(HOST)
        await _until(lambda: server.counts["answered"] == RECOVER_AFTER)
        assert limiter.interval(HOST) == pytest.approx(0.02)  # calm again: back to the rate
        await a.close()
        await b.close()


async def test_a_worker_that_cannot_reach_the_driver_keeps_its_own_rate():
    async with PolitenessServer(HostLimiter(50.0, 5.0), cap=1) as server:
        ticket = await server.start()
    for limiter in [RemoteLimiter(ticket, HostLimiter(20.0), 5)]:  # the driver is gone
        started = time.monotonic()
        for _ in range(3):
            await limiter.acquire(HOST)
        assert not limiter.remote
        assert time.monotonic() - started >= 2 * 0.05 - 0.01  # its own 20 per second
        assert limiter.back_off(HOST, 0.5) == 0.5
        await limiter.close()


async def test_a_wrong_token_gets_no_grant():
    async with PolitenessServer(HostLimiter(50.0, 5.0), cap=1) as server:
        ticket = await server.start()
        stranger = RemoteLimiter(
            PolitenessTicket(ticket.host, ticket.port, "x"), HostLimiter(20.0), 5
        )
        await stranger.acquire(HOST)
        assert not stranger.remote
        assert server.counts["acquire"] == 0
        await stranger.close()


def test_the_driver_address_workers_reach():
    assert driver_address("local:2") == "127.0.0.1"
    assert driver_address("tcp://127.0.0.1:8786") == "127.0.0.1"
    assert driver_address("tcp://localhost:8786") == "127.0.0.1"
