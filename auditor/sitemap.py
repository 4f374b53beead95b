"""sitemap.xml: the pages a shop says it has, including indexes and .gz files.

The sitemap finds pages the links do not reach (and, later, orphans: pages listed
but linked from nowhere). Sizes are capped: a sitemap is untrusted input like any
page, and the protocol's own limit is 50,000 URLs and 50 MB per file.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from xml.etree import ElementTree

from .fetch import FetchResult

__all__ = ["SitemapResult", "collect_sitemap_urls", "parse_sitemap"]

MAX_DECOMPRESSED = 50 * 1024 * 1024
MAX_URLS = 50_000
MAX_SITEMAP_FILES = 50


def _decompress(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as f:
        data = f.read(MAX_DECOMPRESSED + 1)
    if len(data) > MAX_DECOMPRESSED:
        raise ValueError("sitemap larger than 50 MB once decompressed")
    return data


def parse_sitemap(body: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, child sitemap URLs) of one sitemap or sitemap index file."""
    data = _decompress(body)
    if b"<!ENTITY" in data[:4096]:
        raise ValueError("sitemap declares XML entities; refused")
    root = ElementTree.fromstring(data)
    kind = root.tag.rsplit("}", 1)[-1].lower()
    locs = [
        el.text.strip()
        for el in root.iter()
        if el.tag.rsplit("}", 1)[-1].lower() == "loc" and el.text and el.text.strip()
    ]
    if kind == "sitemapindex":
        return [], locs
    return locs[:MAX_URLS], []


@dataclass
class SitemapResult:
    urls: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


async def collect_sitemap_urls(
    fetch: Callable[[str], Awaitable[FetchResult]],
    sitemap_urls: list[str],
    allowed: Callable[[str], bool] = lambda _u: True,
) -> SitemapResult:
    """Walk sitemaps and indexes breadth-first, within the caps."""
    result = SitemapResult()
    queue = list(dict.fromkeys(sitemap_urls))
    seen: set[str] = set()
    while queue and len(result.files) < MAX_SITEMAP_FILES and len(result.urls) < MAX_URLS:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if not allowed(url):
            continue
        answer = await fetch(url)
        if answer.status != 200 or not answer.body:
            if answer.status not in (404, 410):
                result.problems.append(f"{url}: {answer.error or f'HTTP {answer.status}'}")
            continue
        try:
            pages, children = parse_sitemap(answer.body)
        except (ValueError, ElementTree.ParseError, OSError, EOFError, zlib.error) as exc:
            result.problems.append(f"{url}: not a readable sitemap ({exc})")
            continue
        result.files.append(url)
        result.urls.extend(pages[: MAX_URLS - len(result.urls)])
        queue.extend(children)
    return result
