"""accessibility.axe per structural template: a defect axe found on a template's sample
is listed on a sibling page only where the sibling holds the same element.

Why: four guides share a layout, not their images. With ``full_runs = 1`` the first
guide's image without alt was claimed for all four (a false finding on three pages);
the header's unnamed icon link, the same on every page, must still be listed on all.
A defect only on a guide axe did not run on in full is not found by ``per =
"template"`` (it judges no element it did not run on) and is by ``per = "page"``."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest

from auditor.runner import run_audit
from auditor.skeleton import skeleton
from checks.accessibility import AxeCore
from checks.accessibility.axe import CONFIRM_JS, _sibling_data
from tests.checks.test_accessibility_axe_pages import by_rule, evaluate, facts
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route

S = "http://shop.test"
GUIDES = ["a", "b", "c", "d"]

# ---------------------------------------------------------------- recorded data


def violation(rule: str, *nodes: tuple[str, str, str, str]) -> dict:
    """axe's violation of ``rule`` on nodes (target, html, region, fingerprint)."""
    return {
        "id": rule,
        "impact": "serious",
        "tags": ["wcag2a", "wcag111"],
        "help": f"{rule} help",
        "helpUrl": "",
        "count": len(nodes),
        "nodes": [
            {"target": t, "html": h, "summary": "", "region": r, "fp": fp} for t, h, r, fp in nodes
        ],
    }


CART = ("nav > a.cart", "<a class='cart' href='/'>", "navigation", "a:0000000100000001")
FIGURE_A = ("figure > img", "<img src='/img/a.svg'>", "main", "img:0000000200000002")


def sample(path: str, *violations: dict) -> dict:
    return {
        "path": path,
        "template": "/guide/*",
        "data": {
            "structure": "/guide/*#g",
            "violations": list(violations),
            "incomplete": [],
            "passes": [],
            "ms": 900,
        },
    }


def sibling(path: str, *present: str) -> dict:
    return {
        "path": path,
        "template": "/guide/*",
        "data": {
            "structure": "/guide/*#g",
            "document": facts(),
            "present": list(present),
            "checked": 2,
        },
    }


def test_a_samples_defect_is_listed_only_on_siblings_that_hold_its_element():
    check = AxeCore()
    findings = evaluate(
        check,
        [
            sample("/guide/a", violation("link-name", CART), violation("image-alt", FIGURE_A)),
            sibling("/guide/b", CART[3]),  # the header's link, not guide a's image
            sibling("/guide/c", CART[3]),
            sibling("/guide/d", CART[3], "img:0000000200000099"),  # same attributes, other text
        ],
    )
    found = by_rule(findings)
    assert found["link-name"] == ["/guide/a", "/guide/b", "/guide/c", "/guide/d"]
    assert found["image-alt"] == ["/guide/a"]
    assert check.details["repeated"] == {"listed": 3, "not_listed": 3}
    rows = {r["criterion"]: r for r in check.details["wcag"]}
    assert rows["1.1.1"]["pages_failed"] == 4  # link-name's four pages, image-alt's one


def test_a_sibling_holding_the_samples_content_element_gets_it_too():
    """The same image (one banner in the content of every guide) is the same defect."""
    found = by_rule(
        evaluate(
            AxeCore(),
            [
                sample("/guide/a", violation("image-alt", FIGURE_A)),
                sibling("/guide/b", FIGURE_A[3]),
                sibling("/guide/c"),
            ],
        )
    )
    assert found["image-alt"] == ["/guide/a", "/guide/b"]


def test_an_element_of_the_same_kind_carries_a_rule_judged_on_the_element_alone():
    """Another guide's figure without alt is of the figure's kind (img~): image-alt is
    judged on the image alone, so it fails there too. A form field of one kind is not
    enough for 'label' (its label may be elsewhere on the page): only the same field."""
    figure = {**violation("image-alt", FIGURE_A)["nodes"][0], "form": "img~0000000300000003"}
    image_alt = {**violation("image-alt"), "nodes": [figure]}
    field = {
        **violation("label", ("#q", "<input id='q'>", "main", "input:0000000400000004")),
    }
    field["nodes"][0]["form"] = "input~0000000500000005"
    found = by_rule(
        evaluate(
            AxeCore(),
            [
                sample("/guide/a", image_alt, field),
                sibling("/guide/b", "img~0000000300000003", "input~0000000500000005"),
                sibling("/guide/c", "input:0000000400000004"),
            ],
        )
    )
    assert found["image-alt"] == ["/guide/a", "/guide/b"]
    assert found["label"] == ["/guide/a", "/guide/c"]


def test_siblings_without_evidence_are_not_claimed():
    """A record without the sibling's look (an older audit's, or a read that failed):
    the sample's defects stay on the sample."""
    entry = sibling("/guide/b")
    del entry["data"]["present"]
    found = by_rule(evaluate(AxeCore(), [sample("/guide/a", violation("link-name", CART)), entry]))
    assert found["link-name"] == ["/guide/a"]


def test_the_page_scripts_read_keeps_only_fingerprints():
    wanted = ["a:1", "img:2"]
    read = {"document": facts(), "present": ["a:1", 3, None]}
    assert _sibling_data("/g#x", wanted, read) == {
        "structure": "/g#x",
        "document": facts(),
        "present": ["a:1"],
        "checked": 2,
    }
    assert _sibling_data("/g#x", [], None)["present"] == []


class _Tab:
    """A tab's page: axe's full run says it began (``started``) and waits for
    ``release`` (another tab's sample still running); the sibling's second look answers
    which of the fingerprints it holds."""

    def __init__(self, release: asyncio.Event | None = None, fail: bool = False) -> None:
        self.release, self.fail = release, fail
        self.started = asyncio.Event()
        self.looked: list[list[str]] = []
        self.runs = 0

    async def evaluate(self, script: str, arg=None):
        if script.lstrip().startswith("async ([tags"):
            self.runs += 1
            self.started.set()
            if self.release is not None:
                await self.release.wait()
            if self.fail:
                raise TimeoutError("the page stopped answering")
            return {"violations": [violation("link-name", CART)], "incomplete": [], "passes": []}
        if script == CONFIRM_JS:
            self.looked.append(list(arg))
            return [k for k in arg if k == CART[3]]
        return None


def _planned(check: AxeCore, path: str) -> SimpleNamespace:
    """A page whose page script ran (what it read is in ``scripted``), to be gathered."""
    ctx = SimpleNamespace(
        url=S + path, status=200, template="/guide/*", layout="g", scripted=None, settings=None
    )
    ctx.scripted = check.page_script(ctx).read({"document": facts(), "present": []})
    return ctx


async def _sample_running(check: AxeCore, tab: _Tab) -> asyncio.Future:
    """Guide a's gather, its axe run begun and held until ``tab.release`` is set."""
    task = asyncio.ensure_future(check.gather(tab, _planned(check, "/guide/a")))
    await tab.started.wait()
    return task


async def test_a_sibling_read_while_the_sample_runs_waits_and_looks_again():
    check = AxeCore({"max_screenshots": 0})
    sample_tab = _Tab(asyncio.Event())
    first = await _sample_running(check, sample_tab)
    tab = _Tab()
    ctx = _planned(check, "/guide/b")  # its script ran before the sample's run ended
    assert ctx.scripted["checked"] == 0
    second = asyncio.ensure_future(check.gather(tab, ctx))
    sample_tab.release.set()
    full, rest = await first, await second
    assert "violations" in full
    assert tab.looked == [[CART[3]]] and tab.runs == 0
    assert rest["present"] == [CART[3]] and rest["checked"] == 1
    # a later sibling's page script carries the fingerprints: no second look
    late = _Tab()
    ctx = _planned(check, "/guide/c")
    data = await check.gather(late, ctx)
    assert late.looked == [] and data["checked"] == 1


async def test_a_sibling_takes_the_turn_where_the_samples_run_failed():
    """The sample's run fails while two siblings wait for it: one of them runs axe in
    its place, the other waits for that run and looks for what it found."""
    check = AxeCore({"max_screenshots": 0})
    sample_tab = _Tab(asyncio.Event(), fail=True)
    first = await _sample_running(check, sample_tab)
    tabs = [_Tab(), _Tab()]
    contexts = [_planned(check, "/guide/b"), _planned(check, "/guide/c")]
    siblings = [
        asyncio.ensure_future(check.gather(t, c)) for t, c in zip(tabs, contexts, strict=True)
    ]
    sample_tab.release.set()
    with pytest.raises(TimeoutError):
        await first
    results = [await s for s in siblings]
    assert sorted(t.runs for t in tabs) == [0, 1]
    ran = 0 if tabs[0].runs else 1
    assert "violations" in results[ran]
    assert results[1 - ran]["present"] == [CART[3]] and tabs[1 - ran].looked == [[CART[3]]]


# ---------------------------------------------------------------- live, in Chromium

_NAV = (
    "<header><nav><a href='/'>Home</a> "
    + " ".join(f"<a href='/guide/{g}'>Guide {g}</a>" for g in GUIDES)
    # the icon link without a name, the same on every page: a defect of the layout
    + " <a class='cart' href='/'><img src='/i.svg' width='20' height='20' alt=''></a>"
    + "</nav></header>"
)


def _guide(slug: str, without_alt: str = "a") -> str:
    """One layout for all four guides; the figures of the guides in ``without_alt``
    lack their alt (guide a is the sample, crawled first), guide c's download link has
    no name (a sibling axe does not run on)."""
    alt = "" if slug in without_alt else f" alt='Diagram of guide {slug}'"
    label = "" if slug == "c" else f"Download guide {slug} (PDF)"
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Guide {slug}</title></head><body>{_NAV}<main><h1>Guide {slug}</h1>"
        f"<figure><img src='/img/{slug}.svg' width='200' height='100'{alt}>"
        f"<figcaption>How guide {slug} works</figcaption></figure><p>Text of guide {slug}.</p>"
        f"<p><a href='/files/{slug}.pdf'><img src='/i.svg' width='16' height='16' "
        f"alt='{label}'></a></p></main><footer><p>Shop</p></footer></body></html>"
    )


def _site(without_alt: str = "a") -> FixtureServer:
    svg = Route(
        "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'></svg>",
        content_type="image/svg+xml",
    )
    home = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Home</title>"
        f"</head><body>{_NAV}<main><h1>Guides</h1><ul>"
        + "".join(f"<li><a href='/guide/{g}'>Read guide {g}</a></li>" for g in GUIDES)
        + "</ul></main><footer><p>Shop</p></footer></body></html>"
    )
    routes: dict[str, Route | str] = {"/": home, "/i.svg": svg}
    for g in GUIDES:
        routes[f"/guide/{g}"] = _guide(g, without_alt)
        routes[f"/img/{g}.svg"] = svg
        routes[f"/files/{g}.pdf"] = Route("%PDF-1.4", content_type="application/pdf")
    routes["/robots.txt"] = Route("User-agent: *\nAllow: /\n", content_type="text/plain")
    return FixtureServer(routes)


def test_the_guides_share_one_layout():
    """The premise: the four guides are one structural template (else each would get
    its own full run and nothing would be listed on a sibling)."""
    layouts = {skeleton(_guide(g).encode()) for g in GUIDES}
    assert len(layouts) == 1 and "" not in layouts


async def _audit(srv, browser, tmp_path, concurrency: int = 1, **options) -> dict:
    settings = quick_settings(
        audit={"checks": ["accessibility.axe"]},
        crawl={"use_sitemap": False, "concurrency": concurrency},
        sample={"per_template": 0},
        checks={"accessibility.axe": options},
    )
    path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    return json.loads(path.read_text())


def _by_rule_and_region(results: dict, base: str) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for f in results["findings"]:
        urls = [u.removeprefix(base.rstrip("/")) for u in f["urls"]]
        key = (f["evidence"]["rule"], f["params"].get("regions", ""))
        out.setdefault(key, []).extend(urls)
    return {key: sorted(urls) for key, urls in out.items()}


def _axe_details(results: dict) -> dict:
    (entry,) = [c for c in results["checks"] if c["id"] == "accessibility.axe"]
    return entry["details"]


EVERY_PAGE = ["/", "/guide/a", "/guide/b", "/guide/c", "/guide/d"]


@pytest.mark.slow
async def test_a_content_defect_stays_on_its_page_and_the_layouts_reaches_every_page(
    browser, tmp_path
):
    with _site() as srv:
        results = await _audit(srv, browser, tmp_path / "one")
    found = _by_rule_and_region(results, srv.base_url)
    details = _axe_details(results)
    assert details["pages_checked"] == 2 and details["pages_judged"] == 5  # home, guide a
    assert found[("link-name", "header")] == EVERY_PAGE  # the header's link, on every page
    assert found[("image-alt", "main content")] == ["/guide/a"]  # its own figure only
    # guide c's unnamed download link: axe ran on guide a, not on c; nothing is claimed
    assert ("link-name", "main content") not in found
    assert details["repeated"] == {"listed": 3, "not_listed": 3}


@pytest.mark.slow
async def test_a_siblings_own_figure_without_alt_is_listed_as_the_samples_kind(browser, tmp_path):
    """Guide d's figure lacks its alt too, another image than guide a's: the same kind
    of element fails image-alt alike (a product grid's images on every category)."""
    with _site(without_alt="ad") as srv:
        results = await _audit(srv, browser, tmp_path / "two")
    found = _by_rule_and_region(results, srv.base_url)
    assert found[("image-alt", "main content")] == ["/guide/a", "/guide/d"]
    assert found[("link-name", "header")] == EVERY_PAGE


@pytest.mark.slow
async def test_tabs_in_parallel_list_the_same_pages(browser, tmp_path):
    """Four tabs: the guides' page scripts may run before guide a's axe run ends; they
    wait for it and look again, so the findings are those of one tab."""
    with _site() as srv:
        results = await _audit(srv, browser, tmp_path / "four", concurrency=4)
    found = _by_rule_and_region(results, srv.base_url)
    assert found[("link-name", "header")] == EVERY_PAGE
    # whichever guide was the sample, a defect of its content stays on its own page
    assert found.get(("image-alt", "main content"), ["/guide/a"]) == ["/guide/a"]
    assert found.get(("link-name", "main content"), ["/guide/c"]) == ["/guide/c"]


@pytest.mark.slow
async def test_per_page_finds_the_siblings_own_defect(browser, tmp_path):
    with _site() as srv:
        results = await _audit(srv, browser, tmp_path / "page", per="page")
    found = _by_rule_and_region(results, srv.base_url)
    assert found[("link-name", "header")] == EVERY_PAGE
    assert found[("image-alt", "main content")] == ["/guide/a"]
    assert found[("link-name", "main content")] == ["/guide/c"]
