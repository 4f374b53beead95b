"""Politeness held across Dask workers: the driver grants every request.

Why a grant per request: each worker with a rate limiter of its own would keep its own
pace through another worker's 429, and the shop would see the sum of the workers'
rates. So the driver's one ``HostLimiter`` (the same one its own link-map fetches and
its own tab use) hands out every slot, and the workers report each 429/503 and each
ordinary answer back to it: a back-off one worker was told about holds for all of
them, and so does the recovery after ``RECOVER_AFTER`` ordinary answers.

``PolitenessServer`` runs on the driver's event loop: a small TCP service (one JSON
line a message) on the address the workers reach the driver at, opened with a random
token. ``RemoteLimiter`` is HostLimiter's face on a worker: ``acquire`` asks the driver
for the host's next slot and waits for it there, on the worker; ``back_off`` and
``answered`` are reported on the same connection, so the driver has them before that
worker's next request.

Requests in flight: a worker's connection (one per page batch, whose pages load one
after another) holds one of the host's ``cap`` permits from its first request until it
closes; a worker that dies closes it, so its permit comes back at once. Slots are
handed out on the driver's clock: the worker only waits the seconds it is told, so
clocks that differ between machines do not matter. A worker that cannot reach the
driver keeps its batch's share of the rate with a limiter of its own (``fallback``).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import secrets
import socket
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .ratelimit import _MAX_INTERVAL, HostLimiter

__all__ = ["PolitenessServer", "PolitenessTicket", "RemoteLimiter", "driver_address"]


@dataclass(frozen=True)
class PolitenessTicket:
    """Where a worker asks for slots, and the token that lets it (picklable)."""

    host: str
    port: int
    token: str


def driver_address(scheduler: str) -> str:
    """The address of this machine the workers of ``scheduler`` reach it at: the
    loopback for a local cluster, else the interface this machine reaches the
    scheduler through (no packet is sent)."""
    host = urlsplit(scheduler).hostname if "://" in scheduler else None
    if not host or host in ("localhost", "127.0.0.1", "::1"):
        return "127.0.0.1"
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect((host, 9))
            return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"


class PolitenessServer:
    """The driver's grants: one ``HostLimiter`` for every worker, at most ``cap``
    connections with a request to a host at once."""

    def __init__(self, limiter: HostLimiter, cap: int, bind: str = "127.0.0.1"):
        self.limiter, self.cap, self.bind = limiter, cap, bind
        self.token = secrets.token_hex(16)
        self._holders: dict[str, set[int]] = defaultdict(set)
        self._freed = asyncio.Condition()
        self._server: asyncio.AbstractServer | None = None
        self._conns = 0
        #: what the workers asked for and reported (for the run's stats and the tests)
        self.counts: dict[str, int] = defaultdict(int)

    async def start(self) -> PolitenessTicket:
        self._server = await asyncio.start_server(self._serve, self.bind, 0)
        port = self._server.sockets[0].getsockname()[1]
        return PolitenessTicket(self.bind, port, self.token)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)

    async def __aenter__(self) -> PolitenessServer:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._conns += 1
        conn = self._conns
        try:
            hello = json.loads(await reader.readline() or b"{}")
            if not hmac.compare_digest(str(hello.get("token", "")), self.token):
                return
            while line := await reader.readline():
                reply = await self._handle(conn, json.loads(line))
                if reply is not None:
                    writer.write(json.dumps(reply).encode() + b"\n")
                    await writer.drain()
        except (ConnectionError, ValueError, AttributeError, TypeError):
            pass  # a worker that died, or a message that is not ours: its permits go back
        finally:
            await self._release(conn)
            writer.close()

    async def _handle(self, conn: int, message: dict) -> dict | None:
        op, host = message.get("op"), str(message.get("host", ""))
        self.counts[op] += 1
        if op == "acquire":
            async with self._freed:
                holders = self._holders[host]
                await self._freed.wait_for(lambda: conn in holders or len(holders) < self.cap)
                holders.add(conn)
            wait = self.limiter.reserve(host)
            return {"wait": wait, "interval": self.limiter.interval(host)}
        if op == "back_off":
            retry = message.get("retry_after")
            self.limiter.back_off(host, float(retry) if retry is not None else None)
        elif op == "answered":
            self.limiter.answered(host)
        return None

    async def _release(self, conn: int) -> None:
        async with self._freed:
            for holders in self._holders.values():
                holders.discard(conn)
            self._freed.notify_all()


class RemoteLimiter:
    """A HostLimiter whose slots the driver grants (``PolitenessServer``); used by a
    worker's page batch, closed with it."""

    def __init__(self, ticket: PolitenessTicket, fallback: HostLimiter, max_retry_after: float):
        self.ticket, self.fallback = ticket, fallback
        self._max_retry_after = max_retry_after
        self._lock = asyncio.Lock()
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._remote = True  # False once the driver could not be reached
        self._intervals: dict[str, float] = {}

    @property
    def remote(self) -> bool:
        return self._remote

    async def _connect(self) -> None:
        try:
            self._reader, self._writer = await asyncio.wait_for(
                asyncio.open_connection(self.ticket.host, self.ticket.port), 10
            )
            self._send({"token": self.ticket.token})
        except (OSError, TimeoutError):
            self._remote = False

    def _send(self, message: dict) -> None:
        if self._writer is not None and not self._writer.is_closing():
            self._writer.write(json.dumps(message).encode() + b"\n")

    async def acquire(self, host: str) -> None:
        """Wait for the slot the driver grants for ``host``."""
        async with self._lock:
            if self._remote and self._writer is None:
                await self._connect()
            wait = None
            if self._remote:
                try:
                    self._send({"op": "acquire", "host": host})
                    reply = json.loads(await self._reader.readline() or b"null")  # type: ignore[union-attr]
                    wait = float(reply["wait"])
                    self._intervals[host] = float(reply["interval"])
                except (ConnectionError, ValueError, TypeError, KeyError):
                    self._remote = False  # the driver is gone: keep the batch's share
        if wait is None:
            await self.fallback.acquire(host)
        elif wait > 0:
            await asyncio.sleep(wait)

    def back_off(self, host: str, retry_after: float | None) -> float:
        """Reported to the driver (every worker slows down); returns the seconds until
        the next slot as the driver will count them."""
        local = self.fallback.back_off(host, retry_after)
        if not self._remote:
            return local
        self._send({"op": "back_off", "host": host, "retry_after": retry_after})
        interval = min(self.interval(host) * 2, _MAX_INTERVAL)
        self._intervals[host] = interval
        return min(retry_after if retry_after is not None else interval * 2, self._max_retry_after)

    def answered(self, host: str) -> None:
        self.fallback.answered(host)
        self._send({"op": "answered", "host": host})

    def interval(self, host: str) -> float:
        return self._intervals.get(host) or self.fallback.interval(host)

    def set_crawl_delay(self, host: str, delay: float | None) -> None:
        self.fallback.set_crawl_delay(host, delay)  # the driver has robots.txt's already

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._writer.wait_closed(), 5)
            self._writer = None
