"""Plain HTTP requests outside the page: robots.txt, sitemaps, link status checks and
the HTML of pages the browser does not render (the whole-site link graph).

Why not the browser's request client: it reads a whole answer into memory, inflating
a ``Content-Encoding: gzip`` bomb to gigabytes before any cap can act. These requests
go through httpx instead, streamed and decoded here, chunk by chunk, with a cap on
the decoded size, one deadline per request (a server that trickles a byte a second
is cut off too) and a limit on redirects. They share the browser's user agent, TLS
setting and login cookies, and the host limiter, so they count against the same
politeness budget as page loads.
"""

from __future__ import annotations

import asyncio
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from .ratelimit import HostLimiter, parse_retry_after

__all__ = ["MAX_BODY_BYTES", "FetchResult", "Fetcher", "cookies_of"]

MAX_BODY_BYTES = 50 * 1024 * 1024
MAX_REDIRECTS = 10
_REDIRECTS = (301, 302, 303, 307, 308)
#: decoded bytes taken from one compressed chunk at a time: a bomb never inflates
#: more than this beyond the cap
_INFLATE_STEP = 256 * 1024


@dataclass
class FetchResult:
    url: str
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    error: str | None = None
    #: the URLs answered with a redirect on the way to ``url``, in order
    redirects: list[str] = field(default_factory=list)
    #: the body was cut at the size cap (only when the caller asked to keep a prefix)
    truncated: bool = False


class BodyTooLarge(Exception):
    """The decoded body passed its cap."""


class _Inflater:
    """Decodes a gzip or deflate stream in bounded steps (never a whole bomb at once)."""

    def __init__(self, encoding: str):
        # 47: gzip or zlib header, detected; deflate without a header is tried on error
        self._raw = encoding == "deflate"
        self._z = zlib.decompressobj(47)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of ``data``, at most ``room + 1`` of them (then the caller stops)."""
        if not self._started and self._raw and data[:1] not in (b"\x78", b"\x1f"):
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some servers send
        self._started = True
        out = bytearray(self._z.decompress(data, min(_INFLATE_STEP, room + 1)))
        while self._z.unconsumed_tail and len(out) <= room:
            out += self._z.decompress(self._z.unconsumed_tail, min(_INFLATE_STEP, room + 1))
        return bytes(out)


def _decoder(encoding: str):
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _Inflater(encoding)
    raise ValueError(f"unsupported Content-Encoding {encoding[:40]!r}")


async def _read_capped(response: httpx.Response, cap: int, keep_prefix: bool) -> tuple[bytes, bool]:
    """The decoded body, up to ``cap`` bytes: (body, truncated)."""
    decoder = _decoder(response.headers.get("content-encoding", ""))
    body = bytearray()
    async for raw in response.aiter_raw():
        room = cap - len(body)
        data = raw if decoder is None else decoder.feed(raw, room)
        body += data
        if len(body) > cap:
            if keep_prefix:
                return bytes(body[:cap]), True
            raise BodyTooLarge
    return bytes(body), False


def cookies_of(storage_state: dict | str | None) -> httpx.Cookies:
    """The login cookies of a Playwright storage state (a dict or a JSON file)."""
    jar = httpx.Cookies()
    state: Any = storage_state
    if isinstance(state, str) and state:
        try:
            state = json.loads(Path(state).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return jar
    if not isinstance(state, dict):
        return jar
    for c in state.get("cookies") or []:
        if isinstance(c, dict) and c.get("name"):
            domain = str(c.get("domain") or "")
            jar.set(str(c["name"]), str(c.get("value", "")), domain, str(c.get("path") or "/"))
    return jar


class Fetcher:
    """Rate-limited, size-capped, deadline-bound GET and HEAD with back-off on 429/503."""

    def __init__(
        self,
        limiter: HostLimiter,
        timeout_s: float,
        *,
        user_agent: str = "",
        cookies: httpx.Cookies | None = None,
        verify_tls: bool = True,
        retries_when_limited: int = 2,
        max_body: int = MAX_BODY_BYTES,
    ):
        self._limiter = limiter
        self._timeout_s = timeout_s
        self._retries = retries_when_limited
        self._max_body = max_body
        headers = {"Accept-Encoding": "gzip, deflate"}
        if user_agent:
            headers["User-Agent"] = user_agent
        self._client = httpx.AsyncClient(
            headers=headers,
            cookies=cookies,
            verify=verify_tls,
            follow_redirects=False,
            timeout=httpx.Timeout(timeout_s),
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def fetch(
        self,
        url: str,
        method: str = "GET",
        read_body: bool = True,
        max_bytes: int | None = None,
        keep_prefix: bool = False,
    ) -> FetchResult:
        """One request and its redirects, within one deadline per hop.

        ``max_bytes`` caps the decoded body (default 50 MB); past it the answer is an
        error, or with ``keep_prefix`` the first ``max_bytes`` bytes, marked truncated.
        """
        cap = self._max_body if max_bytes is None else max_bytes
        chain: list[str] = []
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            result = await self._one(current, method, read_body, cap, keep_prefix)
            location = result.headers.get("location") if result.status in _REDIRECTS else None
            if not location:
                result.redirects = chain
                return result
            target = urljoin(current, location.strip())
            if urlsplit(target).scheme not in ("http", "https"):
                return FetchResult(
                    current,
                    result.status,
                    result.headers,
                    None,
                    "redirect to a non-web address",
                    chain,
                )
            chain.append(current)
            if result.status == 303 and method != "HEAD":
                method = "GET"  # "see other": fetched with GET, as a browser does
            current = target
        return FetchResult(current, None, error="too many redirects", redirects=chain)

    async def _one(
        self, url: str, method: str, read_body: bool, cap: int, keep_prefix: bool
    ) -> FetchResult:
        host = urlsplit(url).netloc
        for attempt in range(self._retries + 1):
            await self._limiter.acquire(host)
            try:
                async with asyncio.timeout(self._timeout_s):
                    result = await self._request(url, method, read_body, cap, keep_prefix)
            except TimeoutError:
                return FetchResult(url, None, error=f"no answer within {self._timeout_s:g} s")
            except BodyTooLarge:
                return FetchResult(url, None, error=f"body larger than {cap // 1024} KB")
            except httpx.InvalidURL as exc:  # a Location header no client can follow
                return FetchResult(url, None, error=f"unusable address: {_describe(exc)}")
            except (httpx.HTTPError, ValueError, zlib.error, OSError) as exc:
                return FetchResult(url, None, error=_describe(exc))
            if result.status in (429, 503) and attempt < self._retries:
                # The limiter holds this host's next slot back; acquire() waits for it.
                retry_after = parse_retry_after(result.headers.get("retry-after"))
                self._limiter.back_off(host, retry_after)
                continue
            if result.status not in (429, 503):
                self._limiter.answered(host)
            return result
        return FetchResult(url, 429, error="rate limited")

    async def _request(
        self, url: str, method: str, read_body: bool, cap: int, keep_prefix: bool
    ) -> FetchResult:
        async with self._client.stream(method, url) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            body, truncated = None, False
            if read_body and method != "HEAD" and response.status_code not in _REDIRECTS:
                length = headers.get("content-length", "")
                if length.isdigit() and int(length) > cap and not keep_prefix:
                    raise BodyTooLarge
                body, truncated = await _read_capped(response, cap, keep_prefix)
            return FetchResult(url, response.status_code, headers, body, truncated=truncated)

    async def status(self, url: str) -> FetchResult:
        """A link check: HEAD, falling back to GET where the server refuses HEAD."""
        result = await self.fetch(url, method="HEAD", read_body=False)
        if result.status in (405, 501) or (result.status is None and result.error):
            result = await self.fetch(url, method="GET", read_body=False)
        return result


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return (f"{type(exc).__name__}: {text}" if text else type(exc).__name__)[:300]
