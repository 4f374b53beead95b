"""The HTTP fetcher outside the browser (auditor/fetch.py), against real servers on
127.0.0.1: bombs stay small, trickles end at the deadline, redirects are followed and
recorded, 429 is waited out, login cookies and the user agent go along."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest

from auditor.fetch import Fetcher, cookies_of
from auditor.ratelimit import HostLimiter
from tests.fixture_server import FixtureServer, Route
from tests.hostile_shop import HostileShop

pytestmark = pytest.mark.asyncio(loop_scope="function")


def fetcher(timeout_s: float = 5.0, **kw) -> Fetcher:
    return Fetcher(HostLimiter(100.0, max_retry_after=1.0), timeout_s, **kw)


async def test_a_gzip_bomb_sent_as_content_encoding_is_cut_at_the_cap_not_inflated():
    with HostileShop(links=[], bomb_size=1 << 30) as shop:
        tracemalloc.start()
        try:
            async with fetcher(30.0) as f:
                result = await f.fetch(shop.url("/hostile/sitemap-bomb.xml"))
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert result.body is None and "larger than" in (result.error or "")
    # 1 GiB of XML behind 1 MB on the wire; the fetcher held at most the cap and a step
    assert peak < 120 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB"


async def test_a_capped_body_can_keep_its_prefix():
    big = b"<p>" + b"x" * 300_000
    routes = {"/gz": Route(gzip.compress(big), headers={"Content-Encoding": "gzip"})}
    with FixtureServer(routes) as server:
        async with fetcher() as f:
            result = await f.fetch(server.url("/gz"), max_bytes=1000, keep_prefix=True)
            whole = await f.fetch(server.url("/gz"))
    assert result.truncated and result.body == big[:1000]
    assert whole.body == big and not whole.truncated


async def test_deflate_with_and_without_its_zlib_header_is_decoded():
    text = b"<html><a href='/x'>x</a></html>" * 50
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    routes = {
        "/zlib": Route(zlib.compress(text), headers={"Content-Encoding": "deflate"}),
        "/raw": Route(raw.compress(text) + raw.flush(), headers={"Content-Encoding": "deflate"}),
        "/br": Route(b"\x00\x01", headers={"Content-Encoding": "br"}),
    }
    with FixtureServer(routes) as server:
        async with fetcher() as f:
            assert (await f.fetch(server.url("/zlib"))).body == text
            assert (await f.fetch(server.url("/raw"))).body == text
            unknown = await f.fetch(server.url("/br"))
    assert unknown.body is None and "Content-Encoding" in (unknown.error or "")


async def test_a_trickling_server_is_cut_off_at_the_deadline():
    with HostileShop(links=[]) as shop:
        async with fetcher(timeout_s=2.0) as f:
            result = await f.fetch(shop.url("/slow/trickle"))
    assert result.status is None and "no answer within 2 s" in (result.error or "")


async def test_redirects_are_followed_and_recorded_in_order():
    routes = {
        "/a": Route(status=301, redirect="/b"),
        "/b": Route(status=302, redirect="/c"),
        "/c": "<p>here</p>",
        "/loop": Route(status=302, redirect="/loop"),
        "/mail": Route(status=302, redirect="mailto:x@example.org"),
        "/bad": Route(status=302, redirect="http://[::1"),
    }
    with FixtureServer(routes) as server:
        async with fetcher() as f:
            result = await f.fetch(server.url("/a"))
            loop = await f.fetch(server.url("/loop"))
            mail = await f.fetch(server.url("/mail"))
            bad = await f.fetch(server.url("/bad"))
    assert result.status == 200 and result.url == server.url("/c")
    assert result.redirects == [server.url("/a"), server.url("/b")]
    assert loop.status is None and loop.error == "too many redirects"
    assert mail.body is None and mail.error  # neither is followed, neither raises
    assert bad.body is None and bad.error


async def test_429_is_waited_out_and_retried():
    routes = {"/busy": Route(status=429, headers={"Retry-After": "0"}, then=Route("<p>ok</p>"))}
    with FixtureServer(routes) as server:
        async with fetcher() as f:
            result = await f.fetch(server.url("/busy"))
    assert result.status == 200 and server.requests_to("/busy") == 2


async def test_login_cookies_and_the_user_agent_go_along():
    routes = {"/account": Route("<p>mine</p>", require_cookie="session=abc")}
    state = {"cookies": [{"name": "session", "value": "abc", "domain": "127.0.0.1", "path": "/"}]}
    with FixtureServer(routes) as server:
        async with fetcher(user_agent="ShopAuditor/0.1", cookies=cookies_of(state)) as f:
            result = await f.fetch(server.url("/account"))
        async with fetcher() as anonymous:
            refused = await anonymous.fetch(server.url("/account"))
    assert result.status == 200 and result.body == b"<p>mine</p>"
    assert refused.redirects == [server.url("/account")]  # sent to /login
    agents = [h.get("User-Agent") for p, h in server.headers if p == "/account"]
    assert agents[0] == "ShopAuditor/0.1"


async def test_status_falls_back_to_get_where_head_is_refused():
    routes = {"/nohead": Route("<p>x</p>")}
    with FixtureServer(routes) as server:
        async with fetcher() as f:
            result = await f.status(server.url("/nohead"))
    assert result.status == 200
