"""The ``zoom-text`` persona: every text at 200 % (WCAG 1.4.4), in a desktop window.

The text is enlarged in each page by ``auditor.textsize`` (the accessibility family's
text-resize probe uses the same function): at load, and for what the page adds later,
without enlarging twice what inherits or is sized in ``em``. A fixed header that grows
over the checkout link at 200 % stops that customer and not the one at 100 %; its
twin, a header in the page's flow, stops neither.
"""

import pytest

from auditor.textsize import text_zoom_script
from checks.journeys import judge
from checks.journeys.ladder import Match
from checks.journeys.walker import Walk, open_walk
from tests.conftest import probe_tabs, quick_settings
from tests.fixture_server import FixtureServer, page

_SIZES = """
() => { const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
  return {p: px('#p'), fixed: px('#fixed'), em: px('#em'), inherit: px('#inherit')}; }
"""
_ADD = """
() => { const box = document.createElement('div'); box.id = 'added';
  box.innerHTML = '<p id="a-fixed" style="font-size:12px">x</p><p id="a-em" style="font-size:2em">y</p><span id="a-inherit">z</span>';
  document.querySelector('main').appendChild(box); }
"""
_ADDED = """
() => { const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
  return {fixed: px('#a-fixed'), em: px('#a-em'), inherit: px('#a-inherit')}; }
"""
_TEXT = page(
    "Text",
    "<style>body{font-size:16px} #fixed{font-size:14px} #em{font-size:1.5em}</style>"
    "<main><p id='p'>Plain</p><p id='fixed'>Fixed</p><p id='em'>Em</p>"
    "<div style='font-size:10px'><span id='inherit'>Inherited</span></div></main>",
)


def _cart(fixed: bool) -> str:
    # a fixed header over a page that makes room for it in pixels: at 200 % the header
    # grows over the checkout link, which no scrolling frees on a short page (the twin's
    # header takes its room in the flow)
    head = "position:fixed;top:0;left:0;right:0;background:#fff" if fixed else ""
    room = "padding-top:44px" if fixed else ""
    return page(
        "Cart",
        "<style>body{margin:0;font-size:16px} header{" + head + "} header p{margin:0}"
        " main{" + room + "}</style><header><p>Nordwind Outfitters</p><p>Free shipping "
        "from 50 EUR</p></header><main><a id='go' href='/checkout'>Checkout</a></main>",
    )


@pytest.fixture(scope="module")
def served():
    routes = {
        "/text": _TEXT,
        "/cart-covered": _cart(True),
        "/cart-flows": _cart(False),
        "/checkout": page("Checkout", "<main><h1>Checkout</h1></main>"),
    }
    with FixtureServer(routes) as server:
        yield server


async def _sizes(browser, url, zoom):
    context = await browser.new_context()
    try:
        tab = await context.new_page()
        if zoom:
            await tab.add_init_script(text_zoom_script(2.0))
        await tab.goto(url)
        before = await tab.evaluate(_SIZES)
        await tab.evaluate(_ADD)
        await tab.wait_for_function("() => document.querySelector('#a-fixed') !== null")
        # the observer answers in a microtask after the insertion
        await tab.evaluate("() => new Promise((r) => requestAnimationFrame(r))")
        return before, await tab.evaluate(_ADDED)
    finally:
        await context.close()


async def test_every_text_twice_as_large_and_what_the_page_adds(browser, served):
    plain, plain_added = await _sizes(browser, served.url("/text"), zoom=False)
    assert plain == {"p": 16, "fixed": 14, "em": 24, "inherit": 10}
    assert plain_added == {"fixed": 12, "em": 32, "inherit": 16}
    zoomed, zoomed_added = await _sizes(browser, served.url("/text"), zoom=True)
    assert zoomed == {k: 2 * v for k, v in plain.items()}
    # added later: each twice its own size, none four times through its parent
    assert zoomed_added == {k: 2 * v for k, v in plain_added.items()}


async def _click_go(playwright, browser, server, persona, path):
    settings = quick_settings()
    async with (
        probe_tabs(playwright, browser, settings) as tabs,
        open_walk(tabs, persona, False) as (tab, _guard),
    ):
        await tab.goto(server.url(path))
        walk = Walk(tab, tabs, persona, "checkout", {"selectors": {}})
        go = Match("checkout", "#go", "role-name", "Checkout", server.url("/checkout"))
        await walk.act(go, "'Checkout'", thumb=False)
        return tab.url


@pytest.mark.parametrize(
    ("persona", "path", "arrives"),
    [
        ("desktop", "/cart-covered", True),
        ("zoom-text", "/cart-covered", False),
        ("desktop", "/cart-flows", True),
        ("zoom-text", "/cart-flows", True),
    ],
)
async def test_a_header_grown_over_the_link_stops_the_zoomed_customer(
    playwright, browser, served, persona, path, arrives
):
    url = await _click_go(playwright, browser, served, persona, path)
    assert url.endswith("/checkout") is arrives, url


def test_the_zoomed_customer_stuck_is_a_finding_with_its_criterion():
    def walk(persona, completed):
        stopped = None if completed else {"step": 3, "reason": "x", "url": "http://s/cart"}
        return {"journey": "checkout", "persona": persona, "completed": completed,
                "stopped": stopped, "steps": [], "details": {}}  # fmt: skip

    data = {"walks": [walk("desktop", True), walk("zoom-text", False)]}
    (found,) = judge.persona_problems(data)
    assert found["title"] == "The zoom-text customer cannot finish the checkout journey"
    assert found["severity"] == "moderate" and "WCAG 1.4.4" in found["recommendation"]
    data["walks"][1] = walk("zoom-text", True)
    assert judge.persona_problems(data) == []
