"""Tests of the bundled demo shop (auditor.demo): a real HTTP server, exercised with urllib."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest

from auditor.demo import (
    DEEP_PRODUCT_SLUG,
    DEFECTS,
    FIRST_BACKPACK_SLUG,
    FIRST_PRODUCT_SLUG,
    LOGIN_EMAIL,
    LOGIN_PASSWORD,
    ORPHAN_PRODUCT_SLUG,
    DemoShop,
)

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


# --------------------------------------------------------------------------- helpers
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_PLAIN = urllib.request.build_opener(_NoRedirect)


def fetch(url, *, method=None, data=None, headers=None, follow=True, timeout=10):
    """(status, headers, body bytes) without raising on 4xx/5xx."""
    if isinstance(data, dict):
        data = urlencode(data).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    opener = urllib.request.build_opener() if follow else _PLAIN
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read()


def text(url, **kw) -> str:
    status, _, body = fetch(url, **kw)
    assert status == 200, (url, status)
    return body.decode("utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.imgs: list[dict] = []
        self.inputs: list[dict] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "img":
            self.imgs.append(a)
        elif tag in ("input", "select", "textarea"):
            self.inputs.append({"tag": tag, **a})


def main_of(html: str) -> str:
    """The <main> element of a page."""
    return html[html.index("<main") : html.index("</main>")]


def parse(html: str) -> _Links:
    p = _Links()
    p.feed(html)
    return p


def crawl(shop: DemoShop, limit: int = 400) -> dict[str, int]:
    """Breadth-first click depth of every HTML page reachable from home (robots respected)."""
    base = shop.base_url
    depth = {"/": 0}
    queue = deque(["/"])
    while queue and len(depth) < limit:
        path = queue.popleft()
        status, headers, body = fetch(urljoin(base, path))
        if status != 200 or not headers.get("Content-Type", "").startswith("text/html"):
            continue
        for href in parse(body.decode()).links:
            url = urljoin(urljoin(base, path), href)
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}/" != base:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path.startswith(("/private/", "/cart/add", "/static/", "/files/")):
                continue
            if parts.path.startswith("/downloads/") or target in depth:
                continue
            depth[target] = depth[path] + 1
            queue.append(target)
    return depth


def resolve(shop: DemoShop, path: str) -> str:
    """Follow redirects by hand; return the final path."""
    for _ in range(10):
        status, headers, _ = fetch(shop.url(path), follow=False)
        if status not in (301, 302, 303, 307, 308):
            return path
        path = urlsplit(urljoin(shop.url(path), headers["Location"])).path
    raise AssertionError("redirect loop")


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def shops():
    started = {mode: DemoShop(mode=mode, delay_scale=0) for mode in ("defects", "clean")}
    for shop in started.values():
        shop.start()
    yield started
    for shop in started.values():
        shop.stop()


@pytest.fixture(params=["defects", "clean"])
def shop(request, shops) -> DemoShop:
    return shops[request.param]


@pytest.fixture
def defects(shops) -> DemoShop:
    return shops["defects"]


@pytest.fixture
def clean(shops) -> DemoShop:
    return shops["clean"]


# --------------------------------------------------------------------------- lifecycle
def test_start_stop_on_free_port():
    shop = DemoShop()
    url = shop.start()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
    assert shop.base_url == url
    assert shop.start() == url  # starting twice is harmless
    port = urlsplit(url).port
    assert port and port > 0
    assert fetch(url)[0] == 200
    shop.stop()
    shop.stop()  # idempotent
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_context_manager_and_two_shops_at_once():
    with DemoShop(mode="clean") as a, DemoShop(mode="defects") as b:
        assert a.base_url != b.base_url
        assert fetch(a.base_url)[0] == fetch(b.base_url)[0] == 200
    assert not a.running and not b.running


def test_invalid_arguments():
    with pytest.raises(ValueError):
        DemoShop(mode="x")
    with pytest.raises(ValueError):
        DemoShop(products=1)


def test_stop_closes_keep_alive_connections():
    shop = DemoShop()
    shop.start()
    conn = http.client.HTTPConnection("127.0.0.1", urlsplit(shop.base_url).port, timeout=5)
    conn.request("GET", "/robots.txt")
    conn.getresponse().read()
    shop.stop()
    with pytest.raises((OSError, http.client.HTTPException)):
        conn.request("GET", "/robots.txt")
        conn.getresponse().read()
    conn.close()


# --------------------------------------------------------------------------- pages
def test_home_page(shop):
    status, headers, body = fetch(shop.base_url)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    html = body.decode()
    assert html.startswith("<!doctype html>")
    assert '<html lang="en">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert re.search(r"<header[^>]*>.*<nav[^>]*aria-label=\"Main\".*</header>", html, re.S)
    assert "<footer" in html and 'id="cookie-banner"' in html
    links = parse(html).links
    for path in ("/contact", "/shipping", "/returns", "/imprint", "/privacy", "/about"):
        assert path in links
    for path in ("/newsletter", "/login", "/register", "/private/staff", "/cart"):
        assert path in links
    assert "/static/img/hero.png" in html
    # no external resources anywhere on the page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_consent_cookie_hides_banner(shop):
    html = text(shop.base_url, headers={"Cookie": "consent=necessary"})
    assert 'id="cookie-banner"' not in html


def test_every_linked_page_is_served(shop):
    depth = crawl(shop)
    assert len(depth) > 40
    for path in depth:
        status = fetch(shop.url(path))[0]
        if shop.mode == "clean":
            assert status == 200, path
    assert "/private/staff" not in depth  # robots-excluded, skipped by the crawl


def test_product_page(shop):
    html = text(shop.url(f"/product/{FIRST_PRODUCT_SLUG}"))
    assert "<h1>Alpine Shell Jacket</h1>" in html
    assert "SKU NW-1001" in html
    assert 'action="/cart/add"' in html and "/files/size-guide.pdf" in html
    assert 'aria-label="Breadcrumb"' in html
    head = html[: html.index("</head>")]
    blocking = '<script src="/static/js/recommendations.js"></script>' in head
    assert blocking == (shop.mode == "defects")
    if shop.mode == "clean":
        assert "recommendations.js" not in html


def test_blocking_script_is_a_cacheable_external_script(defects, clean):
    path = f"/product/{FIRST_PRODUCT_SLUG}"
    head = text(defects.url(path)).split("</head>", 1)[0]
    scripts = re.findall(r"<script\b[^>]*>", head)
    # synchronous: no async, defer or type=module
    assert '<script src="/static/js/recommendations.js">' in scripts
    assert not any(
        s.startswith("<script src") for s in re.findall(r"<script\b[^>]*>", text(clean.url(path)))
    )
    for name in ("/", "/category/jackets", f"/product/{FIRST_BACKPACK_SLUG}"):
        assert "recommendations.js" not in text(defects.url(name))
    status, headers, body = fetch(defects.url("/static/js/recommendations.js"))
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == "application/javascript"
    cache = headers["Cache-Control"]
    assert "public" in cache and "max-age=3600" in cache
    js = body.decode()
    assert 'addEventListener("load"' in js and "first-contentful-paint" in js
    assert "document.write" not in js and "appendChild" not in js  # nothing visible


def test_blocking_script_in_defect_registry():
    info = DEFECTS["blocking-script"]
    assert info["paths"] == [f"/product/{FIRST_PRODUCT_SLUG}", "/static/js/recommendations.js"]
    assert "recommendations.js" in info["description"]


def test_size_guide_pdf(shop):
    status, headers, body = fetch(shop.url("/files/size-guide.pdf"))
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")


def test_category_pagination():
    with DemoShop(products=60, delay_scale=0) as shop:
        html = text(shop.url("/category/jackets"))
        assert 'rel="next"' in html and "/category/jackets?page=2" in html
        page2 = text(shop.url("/category/jackets?page=2"))
        assert 'rel="prev"' in page2
        assert fetch(shop.url("/category/jackets?page=999"))[0] in (200, 404)


def test_deterministic_pages():
    with DemoShop(mode="clean", delay_scale=0) as a, DemoShop(mode="clean", delay_scale=0) as b:
        for path in ("/", "/category/tents", f"/product/{FIRST_PRODUCT_SLUG}", "/search?q=tent"):
            assert text(a.url(path)).replace(a.base_url, "") == text(b.url(path)).replace(
                b.base_url, ""
            )


# --------------------------------------------------------------------------- robots & sitemaps
def test_robots_txt(shop):
    status, headers, body = fetch(shop.url("/robots.txt"))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    lines = body.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /private/" in lines
    assert "Disallow: /cart/add" in lines
    assert f"Sitemap: {shop.base_url}sitemap.xml" in lines
    assert fetch(shop.url("/private/staff"))[0] == 200  # exists, but excluded


def _sitemap_product_urls(shop: DemoShop) -> list[str]:
    index = ET.fromstring(fetch(shop.url("/sitemap.xml"))[2])
    assert index.tag == f"{SM}sitemapindex"
    locs = [e.text for e in index.iter(f"{SM}loc")]
    assert locs == [shop.url("/sitemap-pages.xml"), shop.url("/sitemap-products.xml.gz")]
    status, headers, body = fetch(locs[1])
    assert status == 200
    assert headers["Content-Type"] in ("application/gzip", "application/x-gzip")
    products = ET.fromstring(gzip.decompress(body))
    assert products.tag == f"{SM}urlset"
    return [e.text for e in products.iter(f"{SM}loc")]


def test_sitemaps(shop):
    pages = ET.fromstring(fetch(shop.url("/sitemap-pages.xml"))[2])
    page_urls = [e.text for e in pages.iter(f"{SM}loc")]
    assert shop.base_url in page_urls and shop.url("/category/tents") in page_urls
    assert not any("/private/" in u for u in page_urls)
    urls = _sitemap_product_urls(shop)
    assert len(urls) == 24
    assert shop.url(f"/product/{FIRST_PRODUCT_SLUG}") in urls
    assert shop.url(f"/product/{ORPHAN_PRODUCT_SLUG}") in urls
    assert all(u.startswith(shop.base_url + "product/") for u in urls)
    for url in urls[:3] + urls[-2:]:
        assert fetch(url)[0] == 200


def test_600_products_in_sitemap():
    with DemoShop(products=600, delay_scale=0) as shop:
        urls = _sitemap_product_urls(shop)
        assert len(urls) == len(set(urls)) == 600
        assert fetch(urls[-3])[0] == 200
        t0 = time.perf_counter()
        for url in urls[::60]:
            assert fetch(url)[0] == 200
        assert time.perf_counter() - t0 < 2.0


# --------------------------------------------------------------------------- search
def test_search_finds_products(shop):
    html = text(shop.url("/search?q=Alpine+Shell+Jacket"))
    assert f"/product/{FIRST_PRODUCT_SLUG}" in parse(html).links
    assert re.search(r"\b1 result\b", html)
    html = text(shop.url("/search?q=NW-1001"))
    assert f"/product/{FIRST_PRODUCT_SLUG}" in parse(html).links


@pytest.mark.parametrize("query", ["jaket", "alpine shel jacket", "shell jackets", "fjaell"])
def test_tolerant_search_only_in_clean_mode(defects, clean, query):
    url = "/search?" + urlencode({"q": query})
    assert "/product/" in text(clean.url(url))
    dead = text(defects.url(url))
    assert "0 results" in dead and "/product/" not in dead


def test_results_page_echoes_query(defects, clean):
    html = text(clean.url("/search?q=tent"))
    assert re.search(r"\d+ results for “tent”", html)
    assert (
        'name="q" aria-label="Search products" placeholder="Search products…" value="tent"' in html
    )
    html = text(defects.url("/search?q=tent"))
    assert re.search(r"\d+ results</p>", html) and "for “tent”" not in html


def test_zero_results_page(defects, clean):
    html = text(clean.url("/search?q=xyzzy"))
    assert "No results for “xyzzy”" in html
    assert 'id="search-again" name="q" value="xyzzy"' in html
    assert "/category/jackets" in parse(html).links
    html = text(defects.url("/search?q=xyzzy"), headers={"Cookie": "consent=all"})
    assert "0 results" in html and "<a " not in html and "<input" not in html


def test_search_query_is_escaped(shop):
    payload = '"><script>alert(1)</script>'
    html = text(shop.url("/search?" + urlencode({"q": payload})))
    assert "<script>alert(1)" not in html
    if shop.mode == "clean":
        assert "&quot;&gt;&lt;script&gt;" in html


def test_slow_search_scaled():
    with DemoShop(mode="defects", delay_scale=0.1) as slow, DemoShop(mode="clean") as fast:
        t0 = time.perf_counter()
        fetch(slow.url("/search?q=tent"))
        assert time.perf_counter() - t0 >= 0.19
        t0 = time.perf_counter()
        fetch(fast.url("/search?q=tent"))
        assert time.perf_counter() - t0 < 0.19


# --------------------------------------------------------------------------- navigation defects
def test_redirect_chain(defects, clean):
    assert "/sale" in parse(text(defects.base_url)).links
    assert "/sale" not in parse(text(clean.base_url)).links
    assert "/category/sale" in parse(text(clean.base_url)).links
    port = urlsplit(defects.base_url).port
    hops = []
    path = "/sale"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    for _ in range(5):
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        if resp.status not in (301, 302):
            break
        hops.append((resp.status, path))
        path = resp.getheader("Location")
    conn.close()
    assert hops == [(301, "/sale"), (302, "/promo"), (301, "/promo/winter")]
    assert path == "/category/sale"


def test_soft_404(defects, clean):
    status, _, body = fetch(defects.url("/no-such-page"))
    assert status == 200 and b"Page not found" in body and b'aria-label="Main"' not in body
    status, _, body = fetch(clean.url("/no-such-page"))
    assert status == 404 and b"Page not found" in body
    assert b'aria-label="Main"' in body and b'action="/search"' in body


def test_broken_links_and_image(defects, clean):
    home = parse(text(defects.base_url)).links
    assert "/product/discontinued-parka" in home and "/downloads/catalog-2019.pdf" in home
    assert fetch(defects.url("/product/discontinued-parka"))[0] == 404
    assert fetch(defects.url("/downloads/catalog-2019.pdf"))[0] == 404
    clean_home = parse(text(clean.base_url)).links
    assert "/product/discontinued-parka" not in clean_home
    assert "/downloads/catalog-2019.pdf" not in clean_home
    shoes = [i["src"] for i in parse(text(defects.url("/category/shoes"))).imgs]
    assert "/static/img/missing-banner.jpg" in shoes
    assert fetch(defects.url("/static/img/missing-banner.jpg"))[0] == 404
    for src in (i["src"] for i in parse(text(clean.url("/category/shoes"))).imgs):
        assert fetch(clean.url(src))[0] == 200


def test_click_depth_and_orphan(defects, clean):
    deep = f"/product/{DEEP_PRODUCT_SLUG}"
    orphan = f"/product/{ORPHAN_PRODUCT_SLUG}"
    d = crawl(defects)
    assert d[deep] == 6
    assert orphan not in d
    c = crawl(clean)
    assert c[deep] <= 3
    assert orphan in c


def test_navigation_and_breadcrumb_defects(defects, clean):
    assert 'aria-label="Main"' not in text(defects.url("/shipping"))
    assert 'aria-label="Main"' in text(clean.url("/shipping"))
    backpack = f"/product/{FIRST_BACKPACK_SLUG}"
    assert 'aria-label="Breadcrumb"' not in text(defects.url(backpack))
    assert 'aria-label="Breadcrumb"' in text(clean.url(backpack))


# --------------------------------------------------------------------------- account & cart
def test_account_requires_login(shop):
    status, headers, _ = fetch(shop.url("/account"), follow=False)
    assert status == 302 and headers["Location"] == "/login?next=/account"
    bad = {"email": LOGIN_EMAIL, "password": "wrong"}
    status, headers, body = fetch(shop.url("/login"), data=bad, follow=False)
    assert status == 200 and b"incorrect" in body and "Set-Cookie" not in headers
    good = {"email": LOGIN_EMAIL, "password": LOGIN_PASSWORD, "next": "/account"}
    status, headers, _ = fetch(shop.url("/login"), data=good, follow=False)
    assert status == 303 and headers["Location"] == "/account"
    cookie = headers["Set-Cookie"].split(";")[0]
    assert cookie.startswith("session=") and len(cookie) > len("session=")
    html = text(shop.url("/account"), headers={"Cookie": cookie})
    assert "Welcome back, Demo Customer" in html and "Order history" in html
    status, _, _ = fetch(shop.url("/account"), headers={"Cookie": "session=forged"}, follow=False)
    assert status == 302


def test_cart_and_checkout(shop):
    data = {"slug": FIRST_PRODUCT_SLUG, "qty": "2"}
    status, headers, _ = fetch(shop.url("/cart/add"), data=data, follow=False)
    assert status == 303 and headers["Location"] == "/cart"
    cookie = headers["Set-Cookie"].split(";")[0]
    html = text(shop.url("/cart"), headers={"Cookie": cookie})
    assert "Alpine Shell Jacket" in html and "Cart (2)" in html
    # the defects twin asks for first and last name, the clean one for one full name
    order = {
        "first-name": "Kari",
        "last-name": "Nordmann",
        "name": "Kari Nordmann",
        "email": "kari@example.com",
        "phone": "+47 123",
        "street": "Bryggen 1",
        "postcode": "5003",
        "city": "Bergen",
        "country": "NO",
    }
    html = text(shop.url("/checkout"), data=order)
    assert "This is a demo – no order was placed" in html
    # the address step ("Continue to review") leads to the review step, not an order
    # with the cart (the defects twin sends a customer with a cart to sign in first)
    step = {"Cookie": cookie} if shop.mode == "clean" else {}
    html = text(shop.url("/checkout"), data={**order, "step": "address"}, headers=step)
    assert "no order was placed" not in html and ">Place order</button>" in html
    assert "Review your order" in html and "Bergen" in html
    if shop.mode == "clean":
        assert "Step 2 of 2" in html
    html = text(shop.url("/checkout"), data={**order, "step": "review"}, headers=step)
    assert "This is a demo – no order was placed" in html
    if shop.mode == "clean":
        html = text(shop.url("/checkout"), data={**order, "name": ""})
        assert "Please enter your full name." in html and "no order was placed" not in html


def test_posts_with_missing_fields_do_not_crash(shop):
    for path in ("/login", "/register", "/contact", "/newsletter", "/checkout", "/cart/add"):
        status, _, _ = fetch(shop.url(path), data=b"", follow=False)
        assert status in (200, 303), path
    status, _, _ = fetch(shop.url("/contact"), data=b"\xff\xfe=%%%&&==", follow=False)
    assert status == 200


def test_contact_form_errors(defects, clean):
    html = text(clean.url("/contact"), data={})
    assert 'aria-invalid="true"' in html and 'role="alert"' in html
    assert 'aria-describedby="c-name-error"' in html
    html = text(defects.url("/contact"), data={})
    assert "Thank you" in html and "aria-invalid" not in html
    fields = parse(main_of(text(defects.url("/contact")))).inputs
    assert len(fields) == 14
    fields = parse(main_of(text(clean.url("/contact")))).inputs
    assert len(fields) == 3 and all("required" in f for f in fields)


def test_checkout_form(defects, clean):
    clean_inputs = {i["id"]: i for i in parse(main_of(text(clean.url("/checkout")))).inputs}
    tokens = {k: v.get("autocomplete") for k, v in clean_inputs.items()}
    assert tokens == {
        "full-name": "name",
        "email": "email",
        "phone": "tel",
        "street": "street-address",
        "postcode": "postal-code",
        "city": "address-level2",
        "country": "country",
    }
    assert clean_inputs["phone"]["type"] == "tel"
    assert clean_inputs["full-name"]["name"] == "name"
    assert "required" in clean_inputs["full-name"] and "required" not in clean_inputs["phone"]
    defect_inputs = {i["id"]: i for i in parse(main_of(text(defects.url("/checkout")))).inputs}
    assert not any("autocomplete" in i or "required" in i for i in defect_inputs.values())
    assert defect_inputs["phone"]["type"] == "text"
    assert {"first-name", "last-name"} <= set(defect_inputs) and "full-name" not in defect_inputs


def test_show_password_toggle_only_in_the_clean_twin(defects, clean):
    toggle = re.compile(
        r'<button type="button" class="reveal" aria-controls="(login|reg)-password" '
        r'aria-pressed="false">Show password</button>'
    )
    for path in ("/login", "/register"):
        assert toggle.search(main_of(text(clean.url(path)))), path
        assert "Show password" not in text(defects.url(path)), path


def test_accessibility_defects(defects, clean):
    d, c = text(defects.base_url), text(clean.base_url)
    assert all("alt" not in i for i in parse(d).imgs if "/products/" in i["src"])
    assert all(i.get("alt") for i in parse(c).imgs)
    assert "outline: none" in d and "outline: none" not in c
    assert ">Read more<" in d and ">click here<" in d and ">Read more<" not in c
    assert "<html>" in text(defects.url("/returns"))
    assert "user-scalable=no" in text(defects.url("/imprint"))
    privacy = text(defects.url("/privacy"))
    assert "<title></title>" in privacy
    ids = parse(privacy).ids
    assert len(ids) != len(set(ids))
    ids = parse(text(clean.url("/privacy"))).ids
    assert len(ids) == len(set(ids))
    assert "user-scalable=no" not in text(clean.url("/imprint"))


def test_search_suggest_endpoint(defects, clean):
    def suggest(shop, q):
        status, headers, body = fetch(shop.url("/search/suggest?" + urlencode({"q": q})))
        assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
        assert headers["X-Robots-Tag"] == "noindex"
        data = json.loads(body)
        assert data["query"] == q
        return data["suggestions"]

    # tolerant as the clean search: a typo finds the category first, then its products
    found = suggest(clean, "jaket")
    assert found[0] == {"label": "Jackets", "kind": "category", "url": "/category/jackets"}
    assert found[1] == {
        "label": "Alpine Shell Jacket",
        "kind": "product",
        "url": f"/product/{FIRST_PRODUCT_SLUG}",
    }
    # the products are the search's own results, in its order
    for q in ("alp", "fjaell", "shell jackets", "Tent", "NW-1001"):
        products = [s["url"] for s in suggest(clean, q) if s["kind"] == "product"]
        links = parse(main_of(text(clean.url("/search?" + urlencode({"q": q}))))).links
        assert products and products == [u for u in links if u.startswith("/product/")][:8], q
    assert {s["label"] for s in suggest(clean, "fjaell")} >= {"Fjäll Down Jacket"}
    # nothing for one letter or a query that finds nothing; odd input answered as JSON
    assert suggest(clean, "a") == [] and suggest(clean, "xyzzy") == []
    assert suggest(clean, '"></script><script>alert(1)') == []
    # capped at 8 where the search finds more (about 24 jackets among 120 products)
    with DemoShop(mode="clean", products=120, delay_scale=0) as big:
        found = suggest(big, "jacket")
        assert len(found) == 8 and found[0]["kind"] == "category"
        assert len(parse(text(big.url("/search?q=jacket"))).links) > 20
    # GET (and HEAD) only; robots.txt lets the shop's own page script ask it
    status, headers, _ = fetch(clean.url("/search/suggest"), data={"q": "tent"})
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    status, _, body = fetch(clean.url("/search/suggest?q=tent"), method="HEAD")
    assert status == 200 and body == b""
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(text(clean.url("/robots.txt")).splitlines())
    assert robots.can_fetch("ShopAuditor", clean.url("/search/suggest?q=tent"))
    # the defects twin has neither the endpoint nor the combobox
    status, headers, _ = fetch(defects.url("/search/suggest?q=tent"))
    assert headers["Content-Type"].startswith("text/html")
    assert "combobox" not in text(defects.base_url)


def test_search_combobox_markup(defects, clean):
    html = text(clean.url("/search?q=tent"))
    header = html[html.index("<header") : html.index("</header>")]
    assert (
        'value="tent" role="combobox" aria-autocomplete="list" aria-expanded="false" '
        'aria-controls="site-search-list" autocomplete="off">' in header
    )
    # the list follows the field in the search form, empty and hidden until one types
    assert (
        '<ul id="site-search-list" class="suggest" role="listbox" '
        'aria-label="Search suggestions" hidden></ul><button type="submit">' in header
    )
    assert "/search/suggest?q=" in html  # the inline script, no outside resource
    assert "<script src" not in html
    for shop in (clean, defects):  # the zero-results page's own search box stays plain
        zero = main_of(text(shop.url("/search?q=xyzzy")))
        assert "combobox" not in zero
    assert "site-search-list" not in text(defects.url("/search?q=tent"))


# --------------------------------------------------------------------------- protocol
def test_head_requests(shop):
    for path in ("/", "/nope", "/sitemap-products.xml.gz", "/static/img/hero.png", "/sale"):
        get_status, get_headers, _ = fetch(shop.url(path), follow=False)
        head_status, head_headers, head_body = fetch(shop.url(path), method="HEAD", follow=False)
        assert head_status == get_status and head_body == b""
        assert head_headers["Content-Length"] == get_headers["Content-Length"]
        assert head_headers["Content-Type"] == get_headers["Content-Type"]


GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_gzip_for_large_html_when_accepted(shop):
    for path in ("/", f"/product/{FIRST_PRODUCT_SLUG}", "/category/tents"):
        status, plain_headers, plain = fetch(shop.url(path))
        assert status == 200 and len(plain) > 4096
        assert "Content-Encoding" not in plain_headers
        assert "Accept-Encoding" in plain_headers["Vary"]
        status, headers, body = fetch(shop.url(path), headers=GZIP)
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in headers["Vary"]
        assert headers["Content-Type"] == plain_headers["Content-Type"]
        assert headers["Cache-Control"] == plain_headers["Cache-Control"]
        assert int(headers["Content-Length"]) == len(body) < len(plain) // 2
        assert gzip.decompress(body) == plain
        head_status, head_headers, head_body = fetch(shop.url(path), method="HEAD", headers=GZIP)
        assert head_status == 200 and head_body == b""
        for name in ("Content-Encoding", "Content-Length", "Content-Type", "Vary"):
            assert head_headers[name] == headers[name], name
    # a repeated request gets the same (cached) bytes
    assert fetch(shop.base_url, headers=GZIP)[2] == fetch(shop.base_url, headers=GZIP)[2]


def test_gzip_only_for_text_bodies_and_when_allowed(shop):
    status, headers, body = fetch(shop.url("/no-such-page"), headers=GZIP)
    assert status == fetch(shop.url("/no-such-page"))[0] and len(gzip.decompress(body)) > 1024
    assert headers["Content-Encoding"] == "gzip"
    status, headers, body = fetch(shop.url("/sitemap-pages.xml"), headers=GZIP)
    assert headers["Content-Encoding"] == "gzip" and b"<urlset" in gzip.decompress(body)
    for path in ("/static/img/hero.png", "/sitemap-products.xml.gz", "/favicon.ico"):
        status, headers, body = fetch(shop.url(path), headers=GZIP)
        assert status == 200 and "Content-Encoding" not in headers, path
        assert int(headers["Content-Length"]) == len(body)
    status, headers, body = fetch(shop.url("/robots.txt"), headers=GZIP)  # < 1 KB
    assert "Content-Encoding" not in headers and body.startswith(b"User-agent")
    for refused in ("identity", "gzip;q=0", "br", "deflate, *;q=0"):
        status, headers, body = fetch(shop.base_url, headers={"Accept-Encoding": refused})
        assert "Content-Encoding" not in headers, refused
        assert body.startswith(b"<!doctype html>")
    status, headers, _ = fetch(shop.base_url, headers={"Accept-Encoding": "*"})
    assert headers["Content-Encoding"] == "gzip"


def test_keep_alive_and_odd_requests(shop):
    conn = http.client.HTTPConnection("127.0.0.1", urlsplit(shop.base_url).port, timeout=5)
    for path in (
        "/",
        "/search?q=%zz%&page=-1&sort=<x>",
        "/%ff%00",
        "//double",
        "/category/tents?page=x",
    ):
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        assert resp.status in (200, 404), path
    conn.request("DELETE", "/")
    resp = conn.getresponse()
    resp.read()
    assert resp.status == 405
    conn.close()
    with socket.create_connection(("127.0.0.1", urlsplit(shop.base_url).port), timeout=5) as s:
        s.sendall(b"NOT A VALID REQUEST LINE\r\n\r\n")
        assert s.recv(100).startswith(b"HTTP/1.1 400")
    assert fetch(shop.base_url)[0] == 200  # still alive


def test_parallel_requests(shop):
    paths = [f"/product/{p.rsplit('/', 1)[1]}" for p in shop.product_paths()] * 3
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda p: fetch(shop.url(p))[0], paths))
    assert statuses == [200] * len(paths)


def test_request_log():
    with DemoShop(delay_scale=0) as shop:
        fetch(shop.url("/robots.txt"))
        fetch(shop.url("/search?q=tent"), method="HEAD")
        fetch(shop.url("/login"), data={"email": "x"})
        assert shop.request_log() == [
            ("GET", "/robots.txt"),
            ("HEAD", "/search?q=tent"),
            ("POST", "/login"),
        ]
        shop.clear_log()
        assert shop.request_log() == []
        crawl(shop)
        assert not any(p.startswith("/private/") for _, p in shop.request_log())


# --------------------------------------------------------------------------- defect registry
def test_defect_registry():
    categories = {"performance", "navigation", "forms", "search", "accessibility", "journeys"}
    assert len(DEFECTS) >= 30
    for defect_id, info in DEFECTS.items():
        assert re.fullmatch(r"[a-z0-9-]+", defect_id)
        assert info["category"] in categories
        assert info["path"].startswith("/") and info["description"]
    for key in ("slow-page", "deep-product", "soft-404", "keyboard-trap", "slow-search"):
        assert key in DEFECTS
    assert DEFECTS["slow-page"]["path"] == "/category/sale"
    assert DEFECTS["blocking-script"]["path"] == f"/product/{FIRST_PRODUCT_SLUG}"
