"""The project's own barrier pages (tests/data/a11y_pages): one accessibility barrier
per page, each beside its repaired twin, all plain pages of one folder (one URL
template), audited in a real Chromium. Every barrier must be found on its page, by
its check and no other, and no twin may give any finding.

The folder's ``barriers.json`` names each page's barrier and the check that finds it,
so the pages can be handed to an audit of a list of pages as they are.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from auditor.runner import run_audit
from checks.forms import Labels
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route

PAGES = Path(__file__).resolve().parents[1] / "data" / "a11y_pages"
BARRIERS: dict[str, dict] = json.loads((PAGES / "barriers.json").read_text())

PROBES = ["accessibility.keyboard", "accessibility.reflow", "accessibility.text-resize"]
READERS = ["accessibility.link-texts", "accessibility.choice-groups"]
FORMS = [
    "forms.labels",
    "forms.input-types",
    "forms.required-fields",
    "forms.length",
    "forms.buttons",
    "forms.touch-targets",
]


def site() -> dict[str, Route | str]:
    """The folder under /pages/, as plain files."""
    routes: dict[str, Route | str] = {
        "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
    }
    for page in sorted(PAGES.glob("*.html")):
        routes[f"/pages/{page.name}"] = page.read_text()
    return routes


async def test_each_barrier_page_is_found_and_its_twin_is_clean(browser, tmp_path):
    # the pages given as a list (`auditor run --urls`: every listed page judged by
    # every check, none followed further), with each check's own defaults
    names = sorted(p.name for p in PAGES.glob("*.html"))
    with FixtureServer(site()) as server:
        listed = [server.url(f"/pages/{name}") for name in names]
        settings = quick_settings(
            audit={"checks": PROBES + READERS + FORMS},
            crawl={"start_urls": listed[1:], "use_sitemap": False, "follow_links": False},
            sample={"all_pages": True},
        )
        path = await run_audit(listed[0], settings, tmp_path, browser=browser)
        methods = {method for method, _ in server.log}
    results = json.loads(path.read_text())
    assert results["errors"] == []
    assert methods <= {"GET", "HEAD"}
    found: dict[str, set[str]] = {}
    for f in results["findings"]:
        for url in f["urls"]:
            found.setdefault(url.rsplit("/", 1)[-1], set()).add(f["check"])
    for page, barrier in BARRIERS.items():
        assert found.get(page) == {barrier["check"]}, (page, found.get(page))
    clean = {page: checks for page, checks in found.items() if page not in BARRIERS}
    assert clean == {}
    rendered = {p["url"].rsplit("/", 1)[-1] for p in results["pages"]}
    assert {*BARRIERS, *(b["repaired"] for b in BARRIERS.values())} <= rendered
    assert rendered == set(names)  # exactly the pages listed

    by_title = {(f["check"], f["title"]): f for f in results["findings"]}
    focus = by_title[("accessibility.keyboard", "No visible focus indicator on buttons")]
    assert focus["selector"] == "#main button.buy" and focus["evidence"]["regions"] == ["content"]
    assert focus["evidence"]["screenshot"].startswith("data:image/jpeg;base64,")
    reflow = {f["title"]: f for f in results["findings"] if f["check"] == "accessibility.reflow"}
    box = reflow["A box scrolls sideways at 320 px, but not by keyboard"]
    assert box["selector"] == "div.sizes" and box["evidence"]["content_px"] >= 600
    cut = reflow["Content cut off at 320 px"]
    assert cut["selector"] == "div.banner" and cut["urls"][0].endswith("/reflow-cut.html")
    resize = {
        f["selector"]: f for f in results["findings"] if f["check"] == "accessibility.text-resize"
    }
    assert resize["div.teaser"]["title"] == "Text is cut off at 200 % text size"
    assert "no keyboard can scroll" in resize["div.notes"]["message"]
    (group,) = [f for f in results["findings"] if f["check"] == "accessibility.choice-groups"]
    assert group["evidence"]["name"] == "delivery" and group["evidence"]["wcag"] == [
        "1.3.1",
        "3.3.2",
    ]
    links = {f["title"] for f in results["findings"] if f["check"] == "accessibility.link-texts"}
    assert "Link text “page” does not say where it leads" in links
    assert "Link text “»” does not say where it leads" in links
    assert any(t.startswith('Links to "#" that act as buttons') for t in links)
    assert any(t.startswith('Links to "javascript:" that act as buttons') for t in links)

    details = {c["id"]: c.get("details") or {} for c in results["checks"]}
    resize_details = details["accessibility.text-resize"]
    assert resize_details["pages_loaded"] == len(rendered)
    assert resize_details["seconds_per_page"] == round(
        resize_details["probe_seconds"] / resize_details["pages_loaded"], 2
    )


class _Ctx(SimpleNamespace):
    """What the crawl tells a gatherer about the page it is on."""


async def test_a_form_first_seen_on_the_fifth_page_of_a_template_is_judged(browser):
    routes = site()
    others = ["about.html", "returns.html", "sizes.html", "index.html"]
    check = Labels()
    with FixtureServer(routes) as server:
        context = await browser.new_context()
        page = await context.new_page()
        gathered = []
        for name in [*others, "form-placeholder.html", "form-placeholder.html"]:
            url = server.url(f"/pages/{name}")
            await page.goto(url)
            ctx = _Ctx(status=200, template="/pages/*", url=url)
            gathered.append(await check.gather(page, ctx))
        await context.close()
    assert gathered[:4] == [None, None, None, None]  # no forms before the fifth page
    (form,) = gathered[4]["forms"]
    assert form["fields"][0]["placeholder"] == "Your email address"
    assert gathered[5] is None  # the same form again: judged once is enough
