"""Issue 21's navigation flaws on a real crawl: a small shop with each defect and its
repaired twin, both with what misled the checks before (a start page that redirects, an
account bar in every header, a page that serves two key roles).

- 4: a page that lost its main menu but kept the account bar (Sign in, Cart);
- 12: "/" redirects to "/catalogue/", and breadcrumbs link home as "/";
- 13: one page is the shipping and the returns information.
"""

from __future__ import annotations

import json

from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

CHECKS = ["navigation.main-menu", "navigation.breadcrumbs", "navigation.key-pages"]
ACCOUNT = (
    '<nav aria-label="Account menu"><ul><li><a href="/login">Sign in</a></li>'
    '<li><a href="/cart">Cart (0)</a></li></ul></nav>'
)
MENU = (
    '<nav class="menu"><ul><li><a href="/category/jackets">Jackets</a></li>'
    '<li><a href="/category/tents">Tents</a></li><li><a href="/category/boots">Boots</a></li>'
    "</ul></nav>"
)


def _footer(defects: bool) -> str:
    service = (
        '<a href="/help/delivery">Delivery</a>'
        if defects
        else '<a href="/help/delivery-returns">Delivery &amp; returns</a>'
    )
    return (
        f'<footer><a href="/contact">Contact</a> {service} '
        '<a href="/privacy">Privacy policy</a></footer>'
    )


def _page(title: str, main: str, defects: bool, menu: bool = True) -> str:
    header = f"<header>{ACCOUNT}{MENU if menu else ''}</header>"
    return page(title, f"{header}<main><h1>{title}</h1>{main}</main>{_footer(defects)}")


def _category(name: str, defects: bool, menu: bool = True, listing: str = "") -> str:
    crumbs = (
        f'<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li>{name}</li></ol></nav>'
    )
    return _page(name, crumbs + f"<p>Products. {listing}</p>", defects, menu)


def shop(defects: bool) -> FixtureServer:
    """The defects: Boots lost its menu (the account bar stays), Sale's breadcrumb
    starts at "All products" instead of home, and no page says a word about returns."""
    sale_crumbs = (
        '<nav aria-label="Breadcrumb"><ol><li><a href="/category/all">All products</a></li>'
        "<li>Sale</li></ol></nav>"
        if defects
        else '<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li>Sale</li></ol></nav>'
    )
    service_path = "/help/delivery" if defects else "/help/delivery-returns"
    service_title = "Delivery" if defects else "Delivery & returns"
    links = "".join(
        f'<a href="/category/{c}">{c}</a> ' for c in ("jackets", "tents", "boots", "sale", "all")
    )
    routes: dict[str, Route | str] = {
        "/": Route(status=301, redirect="/catalogue/"),
        "/catalogue/": _page("Nordwind", links, defects),
        "/category/jackets": _category("Jackets", defects),
        "/category/tents": _category("Tents", defects),
        "/category/boots": _category("Boots", defects, menu=not defects),
        "/category/all": _category("All products", defects, listing=links),
        "/category/sale": _page("Sale", sale_crumbs + "<p>Products.</p>", defects),
        service_path: _page(service_title, "<p>We deliver in 2 days.</p>", defects),
        "/contact": _page("Contact", "<p>Write to us.</p>", defects),
        "/privacy": _page("Privacy policy", "<p>We keep little.</p>", defects),
        "/cart": _page("Cart", "<p>Your cart is empty.</p>", defects),
        "/login": _page("Sign in", "<p>Sign in here.</p>", defects),
        "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
    }
    return FixtureServer(routes)


async def audit(defects: bool, browser, tmp_path) -> tuple[dict, str]:
    settings = quick_settings(audit={"checks": CHECKS}, crawl={"use_sitemap": False})
    with shop(defects) as srv:
        path = await run_audit(srv.url("/catalogue/"), settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    return results, srv.base_url.rstrip("/")


async def test_each_defect_is_one_finding_with_its_pages(browser, tmp_path):
    results, base = await audit(True, browser, tmp_path)
    found = {f["title"]: f for f in results["findings"]}
    menu = found.pop("Pages without the main menu")
    assert [u.removeprefix(base) for u in menu["urls"]] == ["/category/boots"]
    assert menu["evidence"]["menu"] == ["jackets", "tents", "boots"]
    crumbs = found.pop("Breadcrumb does not start at the home page")
    assert [u.removeprefix(base) for u in crumbs["urls"]] == ["/category/sale"]
    assert found.pop("No returns information found")["evidence"] == {"kind": "returns"}
    assert found == {}
    pages = {p["url"].removeprefix(base): p for p in results["pages"]}
    assert pages["/help/delivery"]["kinds"] == ["shipping"]


async def test_repaired_twin_has_no_finding(browser, tmp_path):
    results, base = await audit(False, browser, tmp_path)
    assert [f["title"] for f in results["findings"]] == []
    pages = {p["url"].removeprefix(base): p for p in results["pages"]}
    service = pages["/help/delivery-returns"]
    assert service["kind"] == "shipping" and service["kinds"] == ["shipping", "returns"]
    assert pages["/"]["final_url"].endswith("/catalogue/")  # what the breadcrumbs link to
