"""One cause is one finding, however big the shop (issue: accuracy, the property test).

A generated shop whose product pages all share a few template defects is audited at
10 and at 200 products: the findings are the same (checks, titles, count); only the
lists of pages grow. Performance and search are left out: they judge timings and the
search, not per-page markup, and a loaded machine must not change the verdict.
"""

from __future__ import annotations

import json
import re

import pytest

from auditor.plugins import discover_checks
from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

CATEGORIES = ("tents", "stoves", "lamps", "packs")
PER_PAGE = 50
CHECKS = [
    cid
    for cid, _, _ in discover_checks()
    if cid.split(".")[0] in ("accessibility", "navigation", "forms")
]

MENU = (
    "<header><nav aria-label='Main'><ul>"
    + "".join(f"<li><a href='/c/{c}'>{c.title()}</a></li>" for c in CATEGORIES)
    + "</ul></nav></header>"
)
FOOTER = "<footer><p style='color:#bbb;background:#fff'>Prices include VAT.</p></footer>"


def _product(n: int, category: str) -> str:
    """A product page with its template's defects: an image without alt, a "notify me"
    field without a label, a link that says "click here", pale footer text."""
    return page(
        f"Item {n} – Shop",
        f"{MENU}<main><nav aria-label='Breadcrumb'><a href='/'>Home</a> › "
        f"<a href='/c/{category}'>{category.title()}</a></nav><h1>Item {n}</h1>"
        f"<img src='/img/{n}.svg' width='120' height='90'><p>Price {10 + n} EUR</p>"
        "<form action='/cart/add' method='post'><button>Add to cart</button></form>"
        "<form action='/notify' method='post'><input type='email' name='email'>"
        "<button>Notify me</button></form>"
        "<p>Sizes: <a href='/sizes'>click here</a></p></main>" + FOOTER,
    )


def generated_shop(products: int) -> dict[str, str]:
    routes: dict[str, str] = {
        "/": page("Shop", f"{MENU}<main><h1>Welcome</h1></main>{FOOTER}"),
        "/sizes": page("Sizes", f"{MENU}<main><h1>Sizes</h1><p>S, M, L</p></main>{FOOTER}"),
    }
    by_category = {
        c: [n for n in range(products) if n % len(CATEGORIES) == i]
        for i, c in enumerate(CATEGORIES)
    }
    for category, numbers in by_category.items():
        pages = max(1, -(-len(numbers) // PER_PAGE))
        for p in range(1, pages + 1):
            shown = numbers[(p - 1) * PER_PAGE : p * PER_PAGE]
            cards = "".join(f"<li><a href='/p/{n}'>Item {n}</a></li>" for n in shown)
            pager = f"<a rel='next' href='/c/{category}?page={p + 1}'>Next</a>" if p < pages else ""
            url = f"/c/{category}" + (f"?page={p}" if p > 1 else "")
            routes[url] = page(
                f"{category.title()} – Shop",
                f"{MENU}<main><h1>{category.title()}</h1><ul>{cards}</ul>{pager}</main>{FOOTER}",
            )
        for n in numbers:
            routes[f"/p/{n}"] = _product(n, category)
    for n in range(products):
        routes[f"/img/{n}.svg"] = page("", "")  # any answer: the image is not the defect
    return routes


async def audit(products: int, browser, tmp_path) -> dict:
    with FixtureServer(generated_shop(products)) as srv:
        settings = quick_settings(
            audit={"checks": CHECKS},
            crawl={"use_sitemap": False, "requests_per_second": 100.0},
        )
        path = await run_audit(srv.base_url, settings, tmp_path / str(products), browser=browser)
    return json.loads(path.read_text())


@pytest.mark.slow
async def test_findings_do_not_grow_with_the_shop(browser, tmp_path):
    small, big = await audit(10, browser, tmp_path), await audit(200, browser, tmp_path)

    def causes(results: dict) -> list[tuple[str, str]]:
        """(check, title) of each finding; a title's count of elements is left out (a
        listing of 50 cards has more small links than one of 3)."""
        return sorted(
            (f["check"], re.sub(r" \(\d+ elements\)$", "", f["title"])) for f in results["findings"]
        )

    assert causes(small), "the template defects must be found at all"
    assert causes(big) == causes(small)
    assert len(big["findings"]) == len(small["findings"])
    # ... though the big shop had many more pages to report on
    assert len(big["pages"]) > len(small["pages"])
    assert len(big["pages"]) + big["stats"]["urls_mapped"] > 200


async def test_a_page_reached_through_a_redirect_is_judged_once(browser, tmp_path):
    """/index.html redirects to /: the audit renders both addresses, the checks judge
    the page once, under its own address; a check about redirects still sees both."""
    routes = {
        "/": page(
            "Shop",
            "<main><h1>Shop</h1><a href='/index.html'>Home</a>"
            "<a href='/sizes'>click here</a></main>",
        ),
        "/index.html": Route(status=301, redirect="/"),
        "/sizes": page("Sizes", "<main><h1>Sizes</h1><a href='/'>Shop</a></main>"),
    }
    with FixtureServer(routes) as srv:
        settings = quick_settings(
            audit={"checks": ["accessibility.link-texts", "navigation.broken-links"]},
            crawl={"use_sitemap": False},
        )
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    base = srv.base_url.rstrip("/")
    assert any(p["url"] == base + "/index.html" for p in results["pages"])  # rendered
    (vague,) = [f for f in results["findings"] if f["check"] == "accessibility.link-texts"]
    assert [u.removeprefix(base) for u in vague["urls"]] == ["/"]
