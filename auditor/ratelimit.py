"""Politeness per host: a minimum interval between requests, and back-off when told.

Why per host and not per worker: four tabs loading in parallel must not add up to
four times the rate the shop was promised. The interval is the larger of the
configured rate and robots.txt's Crawl-delay; a 429 or 503 pushes the next slot out
by Retry-After (capped) and doubles the interval. Every ``RECOVER_AFTER`` ordinary
answers in a row halve it again, never below the configured rate: a host that keeps
answering 429 stays slowed down, while one busy moment (a deploy, one rate-limited
address) does not halve the pace of the rest of a long audit for good.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from dataclasses import dataclass

__all__ = ["HostLimiter", "parse_retry_after"]

_MAX_INTERVAL = 30.0
#: ordinary answers in a row after which a backed-off interval is halved again
RECOVER_AFTER = 10


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass
class _HostState:
    interval: float
    floor: float  # the configured rate or robots.txt's Crawl-delay: never faster
    next_at: float = 0.0
    calm: int = 0  # ordinary answers since the last 429/503


class HostLimiter:
    """Hands out request slots per host, never faster than its interval."""

    def __init__(self, requests_per_second: float, max_retry_after: float = 60.0):
        self._base_interval = 1.0 / requests_per_second
        self._max_retry_after = max_retry_after
        self._hosts: dict[str, _HostState] = {}
        self._lock = asyncio.Lock()

    def _state(self, host: str) -> _HostState:
        if host not in self._hosts:
            self._hosts[host] = _HostState(self._base_interval, self._base_interval)
        return self._hosts[host]

    def set_crawl_delay(self, host: str, delay: float | None) -> None:
        if delay:
            state = self._state(host)
            state.floor = max(state.floor, min(float(delay), _MAX_INTERVAL))
            state.interval = max(state.interval, state.floor)

    def interval(self, host: str) -> float:
        return self._state(host).interval

    async def acquire(self, host: str) -> None:
        """Wait for this host's next free slot and take it."""
        async with self._lock:
            wait = self.reserve(host)
        if wait > 0:
            await asyncio.sleep(wait)

    def reserve(self, host: str) -> float:
        """Take this host's next free slot without waiting for it; returns the seconds
        until it comes. The driver grants slots to Dask workers this way
        (auditor.politeness): the worker waits, not the driver."""
        state = self._state(host)
        now = time.monotonic()
        start = max(now, state.next_at)
        state.next_at = start + state.interval
        return start - now

    def back_off(self, host: str, retry_after: float | None) -> float:
        """The server asked us to slow down; returns the seconds until the next slot."""
        state = self._state(host)
        state.interval = min(state.interval * 2, _MAX_INTERVAL)
        state.calm = 0
        wait = min(
            retry_after if retry_after is not None else state.interval * 2, self._max_retry_after
        )
        state.next_at = max(state.next_at, time.monotonic() + wait)
        return wait

    def answered(self, host: str) -> None:
        """An ordinary answer (not 429/503): after ``RECOVER_AFTER`` of them in a row a
        backed-off interval is halved, down to the configured rate."""
        state = self._state(host)
        if state.interval <= state.floor:
            return
        state.calm += 1
        if state.calm >= RECOVER_AFTER:
            state.calm = 0
            state.interval = max(state.floor, state.interval / 2)
