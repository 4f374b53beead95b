"""The hostile fixture shop itself: each fault route misbehaves as designed (no browser).

Raw sockets and http.client only, so that broken HTTP stays visible; every test is quick.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import re
import socket
import time
import zlib

import pytest

from tests.hostile_shop import (
    FAULTS,
    FAULTS_BY_PATH,
    HEALTHY,
    ROBOTS_VARIANTS,
    SITEMAP_VARIANTS,
    HostileShop,
)

OUTCOME = re.compile(r"ok|file|not-rendered|bounded|status:\d{3}|error:[A-Z_]+")


@pytest.fixture(scope="module")
def shop():
    with HostileShop() as s:
        yield s


def connect(port: int, host: str = "127.0.0.1", timeout: float = 2.0) -> socket.socket:
    return socket.create_connection((host, port), timeout=timeout)


def send_get(sock: socket.socket, path: str, method: str = "GET") -> None:
    sock.sendall(
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    )


def raw(port: int, path: str, method: str = "GET", host: str = "127.0.0.1") -> bytes:
    """Everything the server sends until it closes the connection."""
    with connect(port, host) as sock:
        send_get(sock, path, method)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
        return data


def get(shop, path: str, method: str = "GET") -> tuple[int, http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", shop.port, timeout=5)
    conn.request(method, path)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, resp, body


def read_headers(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        assert chunk, "closed before the headers ended"
        data += chunk
    return data


# ---------------------------------------------------------------- the table and the home page


def test_faults_table_is_well_formed():
    paths = [f.path for f in FAULTS]
    assert len(paths) == len(set(paths))
    for f in FAULTS:
        assert f.path.startswith("/") and f.kind and f.description, f
        assert f.expect and all(OUTCOME.fullmatch(o) for o in f.expect), f
    assert FAULTS_BY_PATH["/loop/a"].expect == ("error:REDIRECT_LOOP",)
    assert {v for v in ROBOTS_VARIANTS.values() if v != "/robots.txt"} <= set(paths)
    assert {v for v in SITEMAP_VARIANTS.values() if v != "/sitemap.xml"} <= set(paths)


def test_home_links_every_linked_fault_and_the_healthy_pages(shop):
    status, _, body = get(shop, "/")
    hrefs = set(re.findall(r"href='([^']*)'", body.decode()))
    assert status == 200
    for f in FAULTS:
        assert (f.path.replace("&", "&amp;") in hrefs) is f.linked, f.path
    assert set(HEALTHY[1:]) <= hrefs


@pytest.mark.parametrize("path", HEALTHY)
def test_healthy_pages_are_ordinary(shop, path):
    status, resp, body = get(shop, path)
    text = body.decode()
    assert status == 200 and resp.getheader("Content-Type").startswith("text/html")
    assert all(tag in text for tag in ("<title>", "<h1>", "<nav", "<footer>"))


def test_friendly_robots_and_sitemap(shop):
    _, _, robots = get(shop, "/robots.txt")
    assert b"Allow: /" in robots and b"Disallow" not in robots
    assert f"Sitemap: {shop.url('/sitemap.xml')}".encode() in robots
    _, _, sitemap = get(shop, "/sitemap.xml")
    assert all(f"<loc>{shop.url(p)}</loc>".encode() in sitemap for p in HEALTHY)


def test_request_log_counts_paths_with_and_without_query():
    with HostileShop() as s:
        get(s, "/ok/1")
        get(s, "/ok/1?utm_source=x")
        get(s, "/session/page;jsessionid=ABC")
        assert s.requests_to("/ok/1") == 2
        assert s.requests_to("/ok/1?utm_source=x") == 1
        assert s.requests_to("/session/page") == 1
        assert s.counts()["/ok/1"] == 2
        assert s.log[0].method == "GET" and s.log[0].host == "shop"
        assert s.bodies == []
        get(s, "/order", "POST")  # http.client sends no body here; the request still counts
        assert s.bodies == [("POST", "/order", b"")]


def test_posts_are_logged_with_their_bodies(shop):
    conn = http.client.HTTPConnection("127.0.0.1", shop.port, timeout=5)
    conn.request("POST", "/order", body=b"email=a%40b.c&qty=1")
    assert conn.getresponse().status == 200
    conn.close()
    assert ("POST", "/order", b"email=a%40b.c&qty=1") in shop.bodies


def test_bad_variant_names_are_refused():
    with pytest.raises(ValueError, match="robots"):
        HostileShop(robots="nope")
    with pytest.raises(ValueError, match="sitemap"):
        HostileShop(sitemap="nope")


# ---------------------------------------------------------------- 1. hang and trickle


def test_hang_never_answers(shop):
    with connect(shop.port, timeout=1.0) as sock:
        send_get(sock, "/slow/hang")
        with pytest.raises(TimeoutError):
            sock.recv(1)


def test_headers_only_never_sends_the_body(shop):
    with connect(shop.port, timeout=1.0) as sock:
        send_get(sock, "/slow/headers-only")
        head = read_headers(sock)
        assert b"Content-Length: 2048" in head and head.endswith(b"\r\n\r\n")
        with pytest.raises(TimeoutError):
            sock.recv(1)


def test_trickle_sends_one_byte_a_second(shop):
    with connect(shop.port, timeout=3.0) as sock:
        send_get(sock, "/slow/trickle")
        head = read_headers(sock)
        assert head.startswith(b"HTTP/1.1 200") and b"Content-Length" not in head
        start = time.monotonic()
        assert sock.recv(100) == b"<"
        assert 0.5 < time.monotonic() - start < 2.5


def test_huge_length_promises_a_terabyte(shop):
    with connect(shop.port) as sock:
        send_get(sock, "/slow/huge-length")
        assert b"Content-Length: 1000000000000\r\n" in read_headers(sock)


def test_hung_image_page_arrives_but_its_image_hangs(shop):
    status, _, body = get(shop, "/slow/hung-image")
    assert status == 200 and b"<img src='/slow/hang.png'" in body
    with connect(shop.port, timeout=0.5) as sock:
        send_get(sock, "/slow/hang.png")
        with pytest.raises(TimeoutError):
            sock.recv(1)


# ---------------------------------------------------------------- 2-5. pages that act in the browser


@pytest.mark.parametrize(
    ("path", "snippet"),
    [
        ("/busy/poll", "setInterval(() => fetch('/busy/poll-api')"),
        ("/busy/longpoll", "fetch('/busy/longpoll-api')"),
        ("/busy/sse", "new EventSource('/busy/events')"),
        ("/spin/head", "<script>while(true){}</script></head>"),
        ("/spin/later", "for(;;){} }, 300)"),
        ("/crash/oom", "hog.push(new Array(1 << 20)"),
        ("/js/alert", "alert("),
        ("/js/confirm", "confirm("),
        ("/js/prompt", "prompt("),
        ("/js/beforeunload", "beforeunload"),
        ("/js/alert-storm", "i < 10000; i++) alert("),
        ("/js/popup", "window.open('/js/popup-target')"),
        ("/js/close", "window.close()"),
        ("/js/navigate", "location.href = '/js/navigate-target'; }, 200)"),
        ("/js/pushstate", "history.pushState("),
        ("/js/reload", "location.reload()"),
        ("/js/meta-refresh", "<meta http-equiv='refresh' content='0'>"),
        ("/js/print", "window.print()"),
        ("/forms/buy", "<form method='post' action='/order'>"),
        ("/forms/autosubmit", "if (touched) document.getElementById('order').submit(); }, 2000)"),
        ("/forms/fetch-buy", "fetch('/api/order', {method: 'POST'"),
        ("/forms/beacon", "navigator.sendBeacon('/collect'"),
        ("/overlay/fullscreen", "position:fixed;inset:0;z-index:2147483647"),
        ("/overlay/cookie", "<button id='accept'>Accept all</button>"),
    ],
)
def test_script_pages_carry_their_script(shop, path, snippet):
    status, _, body = get(shop, path)
    assert status == 200 and snippet in body.decode()


def test_buy_form_has_filled_fields_and_a_buy_button(shop):
    body = get(shop, "/forms/buy")[2].decode()
    assert "value='buyer@example.com'" in body and ">Buy now</button>" in body


def test_reload_pages_count_their_loads():
    with HostileShop() as s:
        assert b"<title>Reload 1</title>" in get(s, "/js/reload")[2]
        assert b"<title>Reload 2</title>" in get(s, "/js/reload")[2]
        assert s.requests_to("/js/reload") == 2


def test_poll_api_answers_and_long_poll_is_held(shop):
    assert get(shop, "/busy/poll-api")[0] == 200
    with connect(shop.port, timeout=0.5) as sock:
        send_get(sock, "/busy/longpoll-api")
        with pytest.raises(TimeoutError):
            sock.recv(1)


@pytest.mark.parametrize("path", ["/busy/events", "/busy/stream"])
def test_streams_go_on_without_end(shop, path):
    with connect(shop.port) as sock:
        send_get(sock, path)
        data = read_headers(sock)
        assert b"Transfer-Encoding: chunked" in data
        while data.count(b"\r\n") < 12:  # several chunks, with no terminating 0-chunk
            data += sock.recv(4096)
        assert b"\r\n0\r\n\r\n" not in data


# ---------------------------------------------------------------- 6. statuses


@pytest.mark.parametrize("code", [500, 418, 599, 299, 404])
def test_plain_statuses(shop, code):
    assert get(shop, f"/status/{code}")[0] == code


def test_odd_statuses(shop):
    status, _, body = get(shop, "/status/204")
    assert status == 204 and body == b""
    status, resp, _ = get(shop, "/status/401-basic")
    assert status == 401 and resp.getheader("WWW-Authenticate").startswith("Basic")
    status, _, body = get(shop, "/status/soft-404")
    assert status == 200 and b"Page not found" in body
    status, resp, _ = get(shop, "/status/503-day")
    assert status == 503 and resp.getheader("Retry-After") == "86400"
    assert get(shop, "/status/503-day")[0] == 503  # for good


def test_retry_after_routes_recover():
    with HostileShop() as s:
        status, resp, _ = get(s, "/status/503-retry")
        assert status == 503 and resp.getheader("Retry-After") == "2"
        assert get(s, "/status/503-retry")[0] == 200
        status, resp, _ = get(s, "/status/429-date")
        when = email.utils.parsedate_to_datetime(resp.getheader("Retry-After")).timestamp()
        assert status == 429 and 1 < when - time.time() <= 4
        assert get(s, "/status/429-date")[0] == 200


# ---------------------------------------------------------------- 7. transports


def test_truncated_body(shop):
    with pytest.raises(http.client.IncompleteRead):
        get(shop, "/net/truncated")


def test_reset_and_empty(shop):
    with pytest.raises(ConnectionResetError):
        raw(shop.port, "/net/reset")
    assert raw(shop.port, "/net/empty") == b""


def test_garbage_is_not_http(shop):
    data = raw(shop.port, "/net/garbage")
    assert len(data) == 2048 and not data.startswith(b"HTTP/")
    with pytest.raises(http.client.BadStatusLine):
        get(shop, "/net/garbage")


def test_gzip_header_on_a_plain_body(shop):
    _, resp, body = get(shop, "/net/bad-gzip")
    assert resp.getheader("Content-Encoding") == "gzip" and body.startswith(b"<!doctype html>")
    with pytest.raises(zlib.error):
        zlib.decompress(body, 31)


def test_broken_chunks_and_double_length(shop):
    assert b"\r\nzz\r\n" in raw(shop.port, "/net/bad-chunked")
    head = raw(shop.port, "/net/double-length").split(b"\r\n\r\n")[0]
    lengths = re.findall(rb"Content-Length: (\d+)", head)
    assert len(lengths) == 2 and lengths[0] != lengths[1]


def test_huge_header(shop):
    head = raw(shop.port, "/net/huge-header", "HEAD")
    assert len(head) > 256 * 1024


# ---------------------------------------------------------------- 8. redirects


def location(shop, path: str) -> bytes:
    head = raw(shop.port, path).split(b"\r\n\r\n")[0]
    assert re.match(rb"HTTP/1.1 30\d ", head), head
    found = re.search(rb"\r\nLocation: ([^\r]*)", head)
    return found.group(1) if found else b""


def test_redirect_loop_and_chain(shop):
    assert location(shop, "/loop/a") == b"/loop/b"
    assert location(shop, "/loop/b") == b"/loop/a"
    path, hops = "/redirect/chain/0", 0
    while (status := get(shop, path)[0]) in (301, 302):
        path, hops = location(shop, path).decode(), hops + 1
    assert (status, hops) == (200, 25)


def test_redirects_to_where_no_crawler_should_go(shop):
    assert get(shop, "/redirect/no-location")[0] == 302
    assert location(shop, "/redirect/no-location") == b""
    assert location(shop, "/redirect/file") == b"file:///etc/passwd"
    assert location(shop, "/redirect/javascript") == b"javascript:alert(1)"
    assert location(shop, "/redirect/data").startswith(b"data:text/html,")
    assert location(shop, "/redirect/raw-utf8") == "/ok/2?q=über schön".encode()
    assert get(shop, "/redirect/refresh-header")[1].getheader("Refresh") == "0; url=/ok/3"


def test_offsite_redirect_lands_on_the_second_host(shop):
    target = location(shop, "/redirect/offsite").decode()
    assert target == f"http://127.0.0.2:{shop.offsite.port}/landing"
    before = shop.offsite.requests_to("/landing")
    data = raw(shop.offsite.port, "/landing", host="127.0.0.2")
    assert data.startswith(b"HTTP/1.1 200") and b"Off-site landing" in data
    assert shop.offsite.requests_to("/landing") == before + 1
    assert shop.offsite.log[-1].host == "offsite"
    assert shop.requests_to("/landing") == 0


# ---------------------------------------------------------------- 9. traps


def links(body: bytes) -> list[str]:
    return re.findall(r"href=['\"]([^'\"]*)['\"]", body.decode("utf-8", "replace"))


def test_calendar_goes_on_forever(shop):
    assert "/calendar?month=8" in links(get(shop, "/calendar?month=7")[2])
    assert "/calendar?month=100001" in links(get(shop, "/calendar?month=100000")[2])


def test_nested_path_and_growing_url(shop):
    assert "a/" in links(get(shop, "/trap/a/a/a/")[2])
    assert get(shop, "/trap/b/")[0] == 404
    assert "/grow?x=abab" in links(get(shop, "/grow?x=ab")[2])
    assert get(shop, "/grow?x=" + "a" * 70_000)[0] == 414  # http.server's own line limit


def test_session_ids_change_on_every_load(shop):
    first, second = (
        {u for u in links(get(shop, "/session")[2]) if u.startswith("/session/")} for _ in range(2)
    )
    assert len(first) == 4 and first.isdisjoint(second)
    assert any(";jsessionid=" in u for u in first)


def test_facets_link_every_order(shop):
    hrefs = links(get(shop, "/trap/facets?color=red")[2])
    assert "/trap/facets?color=red&amp;size=m" in hrefs or "/trap/facets?color=red&size=m" in hrefs
    assert any(h.startswith("/trap/facets?size=m") for h in hrefs)
    assert "/trap/facets?page=2" in hrefs


# ---------------------------------------------------------------- 10. link soup


def test_link_soup(shop):
    many = links(get(shop, "/links/many")[2])
    assert sum(h.startswith("/links/target/") for h in many) == 5000
    odd = get(shop, "/links/odd")[2].decode()
    assert any(len(h) > 10_000 for h in links(odd.encode()))
    assert "bücher.localhost" in odd and "with space" in odd and "%zz" in odd
    assert "<base href='/links/based/'>" in get(shop, "/links/base")[2].decode()
    assert shop.offsite.base_url in get(shop, "/links/base-offsite")[2].decode()
    schemes = get(shop, "/links/schemes")[2].decode()
    assert all(s in schemes for s in ("javascript:alert(1)", "mailto:", "tel:", "file:///"))
    assert "utm_source" in get(shop, "/links/tracking")[2].decode()
    assert "href='#'" in get(shop, "/links/fragments")[2].decode()
    assert get(shop, "/links/target/4999")[0] == get(shop, "/links/based/x")[0] == 200


# ---------------------------------------------------------------- 11. content


def test_big_and_deep_pages(shop):
    _, resp, _ = get(shop, "/content/10mb", "HEAD")
    assert int(resp.getheader("Content-Length")) >= 10 * 1024 * 1024
    assert get(shop, "/content/deep")[2].count(b"<div>") == 10_000


def test_broken_encodings(shop):
    _, resp, body = get(shop, "/content/latin1")
    assert "utf-8" in resp.getheader("Content-Type") and "Gr\xf6\xdfe".encode("latin-1") in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    body = get(shop, "/content/bad-utf8")[2]
    assert b"\x00" in body and b"\xff\xfe" in body
    assert b"&#xD83D;" in get(shop, "/content/surrogate-entity")[2]
    assert b"document.title = 'Lone \\ud83d surrogate'" in get(shop, "/content/surrogate-js")[2]


def test_wrong_types(shop):
    _, resp, body = get(shop, "/content/png-as-html")
    assert resp.getheader("Content-Type").startswith("text/html") and body[:4] == b"\x89PNG"
    _, resp, body = get(shop, "/content/json-as-html")
    assert resp.getheader("Content-Type").startswith("text/html") and body.startswith(b"{")
    assert get(shop, "/content/binary")[1].getheader("Content-Type") == "application/octet-stream"
    assert get(shop, "/content/download")[1].getheader("Content-Disposition").startswith("attach")
    assert get(shop, "/content/pdf")[2].startswith(b"%PDF")
    assert get(shop, "/content/no-type")[1].getheader("Content-Type") is None
    assert (
        get(shop, "/content/xhtml-broken")[1].getheader("Content-Type") == "application/xhtml+xml"
    )


# ---------------------------------------------------------------- 15. report breakers


def test_report_breaking_texts(shop):
    assert (
        b"<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"
        in (get(shop, "/text/script")[2])
    )
    assert b"{{ 7*7 }}" in get(shop, "/text/template")[2]
    assert b"[x](javascript:alert(1))" in get(shop, "/text/markdown")[2]
    assert "\u202e".encode() in get(shop, "/text/rtl")[2]
    title = re.search(rb"<title>(.*?)</title>", get(shop, "/text/huge-title")[2], re.S)
    assert len(title.group(1)) > 1_000_000
    assert b"<title>NUL \x00 raw</title>" in get(shop, "/text/nul")[2]


# ---------------------------------------------------------------- 12. robots and sitemaps


def test_robots_variants():
    with HostileShop(robots="garbage") as s:
        body = get(s, "/robots.txt")[2]
        assert b"\x00" in body and body == get(s, "/hostile/robots-garbage.txt")[2]
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        assert len(get(s, "/hostile/robots-huge.txt")[2]) > 1 << 20
        assert b"Crawl-delay: 3600" in get(s, "/hostile/robots-crawl-delay.txt")[2]
        assert get(s, "/hostile/robots-error.txt")[0] == 500
    with HostileShop(robots="hang") as s, connect(s.port, timeout=0.5) as sock:
        send_get(sock, "/robots.txt")
        with pytest.raises(TimeoutError):
            sock.recv(1)


def test_sitemap_bomb_is_small_and_inflates_past_every_limit():
    with HostileShop(sitemap="bomb", bomb_size=256 << 20) as s:
        robots = get(s, "/robots.txt")[2]
        assert s.url("/hostile/sitemap-bomb.xml.gz").encode() in robots
        body = get(s, "/sitemap.xml")[2]
        assert body[:2] == b"\x1f\x8b" and len(body) < 512 * 1024
        inflate, total = zlib.decompressobj(31), 0
        data = body
        while total <= 60 << 20:  # bounded: stop once past the 50 MB sitemap limit
            out = inflate.decompress(data, 1 << 22)
            data, total = inflate.unconsumed_tail, total + len(out)
        assert total > 50 << 20 and not inflate.eof
        _, resp, _ = get(s, "/hostile/sitemap-bomb.xml", "HEAD")
        assert resp.getheader("Content-Encoding") == "gzip"


def test_sitemap_xxe_self_index_huge_malformed(shop):
    xxe = get(shop, "/hostile/sitemap-xxe.xml")[2].decode()
    assert '<!ENTITY lol9 "&lol8;' in xxe and "file:///etc/passwd" in xxe
    assert shop.offsite.url("/xxe") in xxe
    index = get(shop, "/hostile/sitemap-index-self.xml")[2].decode()
    assert f"<loc>{shop.url('/hostile/sitemap-index-self.xml')}</loc>" in index
    assert (
        shop.url("/hostile/sitemap-index-self.xml")
        in get(shop, "/hostile/sitemap-index-b.xml")[2].decode()
    )
    _, resp, _ = get(shop, "/hostile/sitemap-huge.xml", "HEAD")
    assert int(resp.getheader("Content-Length")) >= 50 * 1024 * 1024
    malformed = get(shop, "/hostile/sitemap-malformed.xml")[2]
    assert malformed.endswith(b"<loc>unclosed") and b"javascript:" in malformed
    assert b"Page not found" in get(shop, "/hostile/sitemap-html.xml")[2]


def test_sitemap_variant_replaces_the_default_sitemap():
    with HostileShop(sitemap="self-index") as s:
        assert b"<sitemapindex" in get(s, "/sitemap.xml")[2]
        assert s.url("/hostile/sitemap-index-self.xml").encode() in get(s, "/robots.txt")[2]


# ---------------------------------------------------------------- stopping


def test_stops_promptly_while_connections_hang_and_trickle():
    shop = HostileShop().__enter__()
    socks = []
    try:
        for path in ("/slow/hang", "/busy/longpoll-api", "/robots.txt"):
            socks.append(connect(shop.port, timeout=5))
            send_get(socks[-1], path if path != "/robots.txt" else "/hostile/robots-hang.txt")
        for path in ("/slow/trickle", "/slow/headers-only", "/busy/events", "/busy/stream"):
            socks.append(connect(shop.port, timeout=5))
            send_get(socks[-1], path)
            read_headers(socks[-1])
        idle = connect(shop.port, timeout=5)  # a keep-alive connection with no request
        socks.append(idle)
        for path in ("/slow/hang", "/busy/longpoll-api", "/hostile/robots-hang.txt"):
            assert shop.wait_for(path)
        start = time.monotonic()
    finally:
        shop.__exit__(None, None, None)
    assert time.monotonic() - start < 2.0
    try:  # every client sees its connection end at once, not after a hold runs out
        for sock in socks:
            sock.settimeout(2.0)
            with contextlib.suppress(ConnectionResetError):
                while sock.recv(65536):
                    pass
    finally:
        for sock in socks:
            sock.close()
    assert time.monotonic() - start < 4.0
    with pytest.raises(OSError):
        connect(shop.port, timeout=0.5)


def test_home_can_link_a_chosen_few_faults_then_healthy_pages():
    with HostileShop(links=["/js/close", "/slow/hang"], after=2) as s:
        hrefs = links(get(s, "/")[2])
        assert hrefs.index("/js/close") < hrefs.index("/slow/hang") < hrefs.index("/after/1")
        assert "/net/reset" not in hrefs and "/after/3" not in hrefs
        assert get(s, "/after/2")[0] == 200
