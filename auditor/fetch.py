"""Plain HTTP requests outside the page: robots.txt, sitemaps, link status checks.

They go through Playwright's request context so that they share the browser's user
agent, TLS settings and login cookies, and through the host limiter so that they
count against the same politeness budget as page loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.async_api import APIRequestContext
from playwright.async_api import Error as PlaywrightError

from .ratelimit import HostLimiter, parse_retry_after

__all__ = ["FetchResult", "Fetcher"]

MAX_BODY_BYTES = 50 * 1024 * 1024


@dataclass
class FetchResult:
    url: str
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    error: str | None = None


class Fetcher:
    """Rate-limited GET and HEAD with back-off on 429/503."""

    def __init__(
        self,
        request: APIRequestContext,
        limiter: HostLimiter,
        timeout_s: float,
        retries_when_limited: int = 2,
    ):
        self._request = request
        self._limiter = limiter
        self._timeout_ms = timeout_s * 1000
        self._retries = retries_when_limited

    async def fetch(self, url: str, method: str = "GET", read_body: bool = True) -> FetchResult:
        host = urlsplit(url).netloc
        for attempt in range(self._retries + 1):
            await self._limiter.acquire(host)
            try:
                response = await self._request.fetch(
                    url,
                    method=method,
                    timeout=self._timeout_ms,
                    max_redirects=10,
                    fail_on_status_code=False,
                )
            except PlaywrightError as exc:
                return FetchResult(url, None, error=str(exc).splitlines()[0][:300])
            try:
                headers = {k.lower(): v for k, v in response.headers.items()}
                if response.status in (429, 503) and attempt < self._retries:
                    # The limiter holds this host's next slot back; acquire() waits for it.
                    self._limiter.back_off(host, parse_retry_after(headers.get("retry-after")))
                    continue
                body = None
                if read_body and method != "HEAD":
                    length = headers.get("content-length", "")
                    if length.isdigit() and int(length) > MAX_BODY_BYTES:
                        return FetchResult(url, response.status, headers, None, "body too large")
                    body = await response.body()
                    if len(body) > MAX_BODY_BYTES:
                        body = None
                return FetchResult(response.url, response.status, headers, body)
            except PlaywrightError as exc:
                return FetchResult(url, None, error=str(exc).splitlines()[0][:300])
            finally:
                await response.dispose()
        return FetchResult(url, 429, error="rate limited")

    async def status(self, url: str) -> FetchResult:
        """A link check: HEAD, falling back to GET where the server refuses HEAD."""
        result = await self.fetch(url, method="HEAD", read_body=False)
        if result.status in (405, 501) or (result.status is None and result.error):
            result = await self.fetch(url, method="GET", read_body=False)
        return result
