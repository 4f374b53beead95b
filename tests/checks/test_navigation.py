"""navigation.broken-links and navigation.redirect-chains: recorded data, then a real crawl."""

import json
import socket

from auditor.model import Link
from auditor.plugins import PageView, SiteView
from auditor.runner import run_audit
from checks.navigation import BrokenLinks, RedirectChains
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

S = "http://127.0.0.1:9"


def view(url, links=(), failed=(), redirects=(), final=None, status=200):
    return PageView(
        url=url,
        final_url=final or url,
        status=status,
        template="/",
        depth=0,
        content_type="text/html",
        title="t",
        error=None,
        facts={
            "links": [Link(u, t, p, True) for u, t, p in links],
            "failed_resources": list(failed),
            "redirects": list(redirects),
        },
    )


def site(statuses, extra=None):
    return SiteView(S + "/", {}, statuses, [], {}, site_data=extra)


def test_broken_link_found_once_with_every_page_that_has_it():
    pages = [view(f"{S}/p{i}", links=[(f"{S}/gone", "Old offer", "footer")]) for i in range(3)]
    findings = BrokenLinks().evaluate(
        pages, site({f"{S}/gone": 404, **{p.url: 200 for p in pages}})
    )
    assert len(findings) == 1
    f = findings[0]
    assert f.severity == "serious" and f.evidence["status"] == 404
    assert f.urls == [f"{S}/p0", f"{S}/p1", f"{S}/p2"]
    assert "footer" in f.message and "/gone" in f.message


def test_status_from_the_site_step_counts_too_and_resources_are_reported():
    pages = [
        view(
            f"{S}/",
            links=[(f"{S}/cat.pdf", "Catalogue", "body")],
            failed=[
                {"url": f"{S}/hero.jpg", "status": 404, "type": "image"},
                {"url": f"{S}/app.js", "status": 500, "type": "script"},
                {"url": f"{S}/aborted", "status": None, "type": "fetch"},
                {
                    "url": f"{S}/img.png",
                    "status": None,
                    "type": "image",
                    "failure": "net::ERR_ABORTED",
                },
                {
                    "url": "https://cdn.example/lib.js",
                    "status": None,
                    "type": "script",
                    "failure": "net::ERR_NAME_NOT_RESOLVED",
                },
                {
                    "url": "https://t.example/b",
                    "status": None,
                    "type": "ping",
                    "failure": "net::ERR_CONNECTION_REFUSED",
                },
            ],
        )
    ]
    findings = BrokenLinks().evaluate(
        pages, site({f"{S}/": 200}, {"statuses": {f"{S}/cat.pdf": 410}})
    )
    kinds = sorted((f.title, f.severity) for f in findings)
    assert kinds == [
        ("A script the page loads cannot be reached", "serious"),
        ("A script the page loads is missing", "serious"),
        ("An image the page loads is missing", "moderate"),
        ("Link leads to an error page", "serious"),
    ]


def test_no_false_positive_on_healthy_links():
    pages = [
        view(f"{S}/", links=[(f"{S}/a", "A", "nav"), (f"{S}/b.pdf", "B", "body")]),
        view(f"{S}/a", links=[(f"{S}/", "Home", "header")]),
    ]
    statuses = {f"{S}/": 200, f"{S}/a": 200}
    assert BrokenLinks().evaluate(pages, site(statuses, {"statuses": {f"{S}/b.pdf": 200}})) == []


def test_redirect_chain_of_three_hops_and_not_of_one():
    hops = [
        {"url": f"{S}/sale", "status": 301},
        {"url": f"{S}/promo", "status": 302},
        {"url": f"{S}/promo/winter", "status": 301},
    ]
    pages = [
        view(f"{S}/", links=[(f"{S}/sale", "Sale", "nav"), (f"{S}/new", "New", "nav")]),
        view(f"{S}/sale", redirects=hops, final=f"{S}/category/sale"),
        view(f"{S}/new", redirects=hops[:1], final=f"{S}/category/new"),
    ]
    findings = RedirectChains().evaluate(pages, site({}))
    assert len(findings) == 1
    f = findings[0]
    assert f.evidence["hops"] == 3 and f.urls == [f"{S}/"]
    assert "/sale (301) → /promo (302) → /promo/winter (301) → /category/sale" in f.message
    assert RedirectChains({"min_hops": 4}).evaluate(pages, site({})) == []


def _closed_port() -> int:
    """A port nothing listens on: one the system just handed out and took back."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _shop(broken: bool) -> dict:
    nav = "<a href='/sale'>Sale</a>" if broken else "<a href='/category/sale'>Sale</a>"
    extra = "<a href='/gone'>Old</a><img src='/missing.png' alt='x'>" if broken else ""
    # a widget's script from a server that refuses connections (a closed port here)
    extra += (
        f"<script src='http://127.0.0.1:{_closed_port()}/widget.js'></script>" if broken else ""
    )
    return {
        "/": page(
            "Home",
            f"<header><nav>{nav}</nav></header><main>{extra}<a href='/guide.pdf'>Guide</a></main>",
        ),
        "/category/sale": page("Sale", "<a href='/'>Home</a>"),
        "/sale": Route(status=301, redirect="/promo"),
        "/promo": Route(status=302, redirect="/promo/winter"),
        "/promo/winter": Route(status=301, redirect="/category/sale"),
        "/guide.pdf": Route(b"%PDF-1.4\n", content_type="application/pdf"),
    }


async def test_crawl_finds_broken_link_resource_and_chain(browser, tmp_path):
    with FixtureServer(_shop(broken=True)) as srv:
        path = await run_audit(srv.base_url, quick_settings(), tmp_path, browser=browser)
    results = json.loads(path.read_text())
    titles = sorted(f["title"] for f in results["findings"])
    assert titles == [
        "A script the page loads cannot be reached",
        "An image the page loads is missing",
        "Link leads to an error page",
        "Link passes through 3 redirects",
    ]
    chain = next(f for f in results["findings"] if f["check"] == "navigation.redirect-chains")
    assert chain["evidence"]["final"].endswith("/category/sale")
    pages = {p["url"].removeprefix(srv.base_url.rstrip("/")): p for p in results["pages"]}
    assert pages["/gone"]["status"] == 404
    assert "/guide.pdf" not in pages  # a file is checked for status, not rendered
    assert srv.requests_to("/guide.pdf") >= 1


async def test_clean_twin_has_no_link_findings(browser, tmp_path):
    with FixtureServer(_shop(broken=False)) as srv:
        path = await run_audit(srv.base_url, quick_settings(), tmp_path, browser=browser)
    results = json.loads(path.read_text())
    assert results["findings"] == []
    assert results["categories"]["navigation"]["score"] == 100
