"""The engine against real servers on 127.0.0.1 and a real Chromium."""

import json

from auditor.results import iter_records, validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

HEADER = (
    "<header><a href='/'>Logo</a><nav aria-label='Main'><a href='/category/jackets'>Jackets</a>"
    "<a href='/category/shoes?utm_source=nav'>Shoes</a></nav></header>"
)
FOOTER = "<footer><a href='/imprint'>Imprint</a><a href='/private/staff'>Staff</a></footer>"


def shop_page(title: str, main: str, crumbs: str = "") -> str:
    return page(title, HEADER + crumbs + f"<main>{main}</main>" + FOOTER)


def small_shop(base_holder: list) -> dict:
    products = "".join(f"<a href='/product/alpine-jacket-{i}'>Jacket {i}</a>" for i in range(6))
    crumbs = "<nav aria-label='Breadcrumb'><a href='/'>Home</a> › <a href='/category/jackets'>Jackets</a></nav>"
    routes = {
        "/": shop_page(
            "Home", "<a href='/category/jackets#top'>All jackets</a><a href='mailto:x@y.z'>Mail</a>"
        ),
        "/category/jackets": shop_page(
            "Jackets", products + "<a href='/category/jackets?page=2'>2</a>"
        ),
        "/category/jackets?page=2": shop_page("Jackets 2", "<a href='/special/deep-one'>Deep</a>"),
        "/special/deep-one": shop_page("Deep", "<a href='/special/deeper-one'>Deeper</a>", crumbs),
        "/special/deeper-one": shop_page("Deeper", "", crumbs),
        "/category/shoes": shop_page("Shoes", ""),
        "/imprint": shop_page("Imprint", ""),
        "/private/staff": shop_page("Staff", "secret"),
        "/only-in-sitemap": shop_page("Orphan", ""),
        "/robots.txt": Route("User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
    }
    for i in range(6):
        routes[f"/product/alpine-jacket-{i}"] = shop_page(f"Jacket {i}", "", crumbs)
    return routes


def _sitemap(srv):
    srv.routes["/sitemap.xml"] = Route(
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{srv.url('/only-in-sitemap')}</loc></url><url><loc>{srv.url('/')}</loc></url></urlset>",
        content_type="application/xml",
    )


async def test_crawl_depth_places_robots_sitemap_and_sampling(browser, tmp_path):
    with FixtureServer(small_shop([])) as srv:
        _sitemap(srv)
        settings = quick_settings(crawl={"max_pages_per_template": 4})
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        requested = {p for _, p in srv.log}
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    pages = {p["url"].removeprefix(srv.base_url.rstrip("/")): p for p in results["pages"]}
    # robots.txt respected: the disallowed page is never requested
    assert "/private/staff" not in requested
    assert results["stats"]["skipped_robots"] == 1
    # tracking parameters and fragments do not make new pages
    assert "/category/shoes" in pages and not any("utm_" in u for u in pages)
    # click depth over the real link graph
    assert pages["/"]["depth"] == 0
    assert pages["/category/jackets"]["depth"] == 1
    assert pages["/category/jackets?page=2"]["depth"] == 2
    assert pages["/special/deep-one"]["depth"] == 3
    # sitemap-only page crawled, but has no click depth (nothing links to it)
    assert pages["/only-in-sitemap"]["depth"] is None
    # at most 4 pages of the /product/* template are rendered
    products = [u for u in pages if u.startswith("/product/")]
    assert len(products) == 4
    assert results["stats"]["skipped_sampled"] == 2
    assert pages["/product/alpine-jacket-0"]["template"] == "/product/*"
    # records streamed to JSONL, with link places
    records = {
        r.url.removeprefix(srv.base_url.rstrip("/")): r
        for r in iter_records(tmp_path / "pages.jsonl")
    }
    places = {
        link.url.removeprefix(srv.base_url.rstrip("/")): link.place
        for link in records["/special/deep-one"].links
    }
    assert places["/category/jackets"] == "breadcrumb"
    assert places["/category/shoes"] == "nav"
    assert places["/imprint"] == "footer"
    assert places["/special/deeper-one"] == "body"
    home_links = {
        link.url.removeprefix(srv.base_url.rstrip("/")): link.place for link in records["/"].links
    }
    assert home_links["/"] == "header"
    assert all(
        m["lcp_ms"] is not None and m["load_ms"] > 0
        for m in (pages[u]["metrics"] for u in ("/", "/category/jackets"))
    )


async def test_robots_can_be_ignored_for_your_own_shop(browser, tmp_path):
    with FixtureServer(small_shop([])) as srv:
        settings = quick_settings(crawl={"respect_robots": False})
        await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        assert srv.requests_to("/private/staff") == 1


async def test_max_pages_and_max_depth(browser, tmp_path):
    with FixtureServer(small_shop([])) as srv:
        path = await run_audit(
            srv.base_url,
            quick_settings(crawl={"max_depth": 1, "use_sitemap": False}),
            tmp_path,
            browser=browser,
        )
        depths = [p["depth"] for p in json.loads(path.read_text())["pages"]]
        assert max(depths) == 1
        path = await run_audit(
            srv.base_url, quick_settings(crawl={"max_pages": 3}), tmp_path, browser=browser
        )
        assert len(json.loads(path.read_text())["pages"]) == 3


async def test_hung_page_is_retried_once_then_an_error_record_and_the_crawl_goes_on(
    browser, tmp_path
):
    routes = {
        "/": page(
            "Home",
            "<a href='/hang'>hang</a><a href='/ok'>ok</a><a href='/broken'>broken html</a>"
            "<a href='/loop'>loop</a><a href='/download'>a PDF without extension</a>",
        ),
        "/loop": Route(status=302, redirect="/loop"),
        "/download": Route(b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        "/hang": Route(hang=True),
        "/ok": page("OK", "fine"),
        "/broken": Route("<html><body><div><p>unclosed <b>tags <table><tr><td>cell</div></span>"),
    }
    with FixtureServer(routes) as srv:
        settings = quick_settings(crawl={"page_timeout": 1.5, "retries": 1})
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        hang_requests = srv.requests_to("/hang")
    results = json.loads(path.read_text())
    pages = {p["url"].removeprefix(srv.base_url.rstrip("/")): p for p in results["pages"]}
    assert pages["/hang"]["error"]["code"] == "PAGE_HUNG"
    assert hang_requests == 2  # tried, retried once, given up
    assert pages["/ok"]["status"] == 200 and pages["/ok"]["error"] is None
    assert pages["/broken"]["status"] == 200 and pages["/broken"]["error"] is None
    assert pages["/loop"]["error"]["code"] == "REDIRECT_LOOP"
    assert pages["/download"]["content_type"] == "application/pdf"
    assert results["stats"]["pages_failed"] == 2


async def test_429_with_retry_after_is_honoured(browser, tmp_path):
    routes = {
        "/": page("Home", "<a href='/busy'>busy</a>"),
        "/busy": Route(
            "slow down", 429, headers={"Retry-After": "1"}, then=Route(page("Busy", "now fine"))
        ),
    }
    with FixtureServer(routes) as srv:
        path = await run_audit(srv.base_url, quick_settings(), tmp_path, browser=browser)
        assert srv.requests_to("/busy") == 2
    pages = {
        p["url"].removeprefix(srv.base_url.rstrip("/")): p
        for p in json.loads(path.read_text())["pages"]
    }
    assert pages["/busy"]["status"] == 200


async def test_cookie_banner_is_dismissed_before_checks_look(browser, tmp_path):
    banner = (
        "<div id='cookie-banner' role='dialog' aria-label='Cookie consent'>We use cookies."
        "<button onclick=\"document.cookie='consent=all;path=/';this.parentNode.remove()\">Alle akzeptieren</button>"
        "<button onclick=\"document.cookie='consent=min;path=/';this.parentNode.remove()\">Nur notwendige</button></div>"
    )
    script = "<script>if(document.cookie.includes('consent=')) document.getElementById('cookie-banner').remove()</script>"
    routes = {
        "/": page("Home", banner + script + "<a href='/b'>b</a>"),
        "/b": page("B", banner + script),
    }
    for action, cookie in (("accept", "all"), ("reject", "min")):
        with FixtureServer(routes) as srv:
            settings = quick_settings(consent={"action": action})
            await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        records = list(iter_records(tmp_path / "pages.jsonl"))
        home = next(r for r in records if r.url == srv.base_url)
        assert home.metrics.get("consent") == "consent button by its text", action
        del cookie


async def test_login_steps_open_member_pages(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("SHOP_PASSWORD", "s3cret")
    login_form = page(
        "Login",
        "<form method='post' action='/login'><input id='email' name='email'>"
        "<input id='pw' name='pw' type='password'><button id='go'>Log in</button></form>",
    )
    routes = {
        "/": page("Home", "<a href='/account'>My account</a>"),
        "/login": login_form,
        "/account": Route(status=302, redirect="/login"),
    }
    with FixtureServer(routes) as srv:
        # the server's POST /login sets the cookie; GET /account then answers the member page
        srv.routes["/login"] = Route(login_form)

        steps = [
            {"action": "goto", "url": "/login"},
            {"action": "fill", "selector": "#email", "value": "demo@example.com"},
            {"action": "fill", "selector": "#pw", "value": "${SHOP_PASSWORD}"},
            {"action": "click", "selector": "#go"},
        ]
        settings = quick_settings(login={"steps": steps})
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        posts = [p for m, p in srv.log if m == "POST"]
    assert posts == ["/login"]
    text = path.read_text()
    assert "s3cret" not in text  # the password never reaches results.json


async def test_storage_state_logs_in_before_the_crawl(browser, tmp_path):
    routes = {
        "/": page("Home", "<a href='/account'>My account</a>"),
        "/login": page("Login", "please log in"),
        "/account": Route(page("Account", "Welcome back"), require_cookie="session=abc123"),
    }
    with FixtureServer(routes) as srv:
        state = tmp_path / "state.json"
        state.write_text(
            json.dumps(
                {
                    "cookies": [
                        {
                            "name": "session",
                            "value": "abc123",
                            "domain": "127.0.0.1",
                            "path": "/",
                            "expires": -1,
                            "httpOnly": True,
                            "secure": False,
                            "sameSite": "Lax",
                        }
                    ],
                    "origins": [],
                }
            )
        )
        out = tmp_path / "out"
        path = await run_audit(
            srv.base_url, quick_settings(login={"storage_state": str(state)}), out, browser=browser
        )
        anonymous = await run_audit(
            srv.base_url, quick_settings(), tmp_path / "anon", browser=browser
        )
    pages = {
        p["url"].removeprefix(srv.base_url.rstrip("/")): p
        for p in json.loads(path.read_text())["pages"]
    }
    assert pages["/account"]["title"] == "Account" and pages["/account"]["redirects"] == []
    anon = {
        p["url"].removeprefix(srv.base_url.rstrip("/")): p
        for p in json.loads(anonymous.read_text())["pages"]
    }
    assert anon["/account"]["final_url"].endswith("/login")


async def test_mobile_profile_looks_like_a_phone(browser, tmp_path):
    routes = {"/": page("Home", "<a href='/b'>b</a>"), "/b": page("B", "b")}
    for profile in ("mobile", "desktop"):
        with FixtureServer(routes) as srv:
            path = await run_audit(
                srv.base_url,
                quick_settings(browser={"profile": profile}),
                tmp_path / profile,
                browser=browser,
            )
            agents = {h.get("User-Agent", "") for p, h in srv.headers if p in ("/", "/b")}
        assert json.loads(path.read_text())["profile"] == profile
        assert len(agents) == 1
        agent = agents.pop()
        assert "ShopAuditor/" in agent and "HeadlessChrome" not in agent
        assert ("Mobile" in agent) is (profile == "mobile")
