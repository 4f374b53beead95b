"""robots.txt: what the shop allows this tool to load, and how fast.

Follows RFC 9309 where it says what to do without a usable file: a 4xx answer means
everything is allowed; a 5xx answer or an unreachable server means nothing is (the
server may be in trouble, so the polite reading is "stay away"). The start URLs the
user typed are judged like any other URL; a disallowed start URL is a target error
that tells how to audit one's own shop anyway.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

from .fetch import FetchResult

__all__ = ["RobotsPolicy", "RobotsRules"]

MAX_ROBOTS_BYTES = 512 * 1024


@dataclass
class RobotsRules:
    """The parsed rules of one origin."""

    origin: str
    parser: Protego | None = None
    allow_all: bool = False
    disallow_all: bool = False
    unreachable: bool = False
    note: str = ""
    sitemaps: list[str] = field(default_factory=list)

    def allows(self, url: str, agent: str) -> bool:
        if self.allow_all:
            return True
        if self.disallow_all or self.parser is None:
            return False
        return self.parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


def rules_from_response(origin: str, result: FetchResult) -> RobotsRules:
    """Turn the answer to ``/robots.txt`` into rules (a pure function, for tests)."""
    if result.status is None:
        return RobotsRules(
            origin,
            disallow_all=True,
            unreachable=True,
            note=f"robots.txt could not be loaded ({result.error})",
        )
    if 400 <= result.status < 500:
        return RobotsRules(origin, allow_all=True, note=f"no robots.txt (HTTP {result.status})")
    if result.status >= 500:
        return RobotsRules(
            origin, disallow_all=True, note=f"robots.txt answered HTTP {result.status}"
        )
    text = (result.body or b"")[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
    parser = Protego.parse(text)
    return RobotsRules(origin, parser=parser, sitemaps=list(parser.sitemaps))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsPolicy:
    """Fetches robots.txt once per origin and answers allowed/not allowed."""

    def __init__(
        self,
        fetch: Callable[[str], Awaitable[FetchResult]],
        agent: str,
        respect: bool = True,
    ):
        self._fetch = fetch
        self.agent = agent
        self.respect = respect
        self._rules: dict[str, RobotsRules] = {}

    async def rules_for(self, url: str) -> RobotsRules:
        origin = _origin(url)
        if origin not in self._rules:
            result = await self._fetch(origin + "/robots.txt")
            self._rules[origin] = rules_from_response(origin, result)
        return self._rules[origin]

    def known(self, url: str) -> bool:
        return _origin(url) in self._rules

    def allows(self, url: str) -> bool:
        """Only for origins already loaded with ``rules_for``."""
        if not self.respect:
            return True
        return self._rules[_origin(url)].allows(url, self.agent)
