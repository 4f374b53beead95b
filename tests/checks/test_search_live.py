"""The search in a real Chromium: finding the field on several layouts, and a search run
through a tiny shop on a local server (typing, Enter, results, variants, autocomplete)."""

import contextlib
import json

import pytest

from auditor.model import PageRecord
from auditor.plugins import SiteView
from auditor.runner import SiteContext
from checks.search import SearchResults, SearchTolerance, ZeroResults
from checks.search.common import search_options
from checks.search.locate import LOCATE_JS, clean_locate
from checks.search.runs import run_searches
from tests.conftest import probe_tabs, quick_settings
from tests.fixture_server import FixtureServer, Route, page

LAYOUTS = {
    "/plain": page(
        "Plain",
        "<header><form action='/search'><input type='search' name='q' aria-label='Search' "
        "style='width:400px;font:16px sans-serif'><button>Go</button></form></header><main>x</main>",
    ),
    "/landmark": page(
        "Landmark",
        "<main><div role='search'><form action='/find'><label for='k'>Find products</label>"
        "<input id='k' name='keywords' type='text' style='width:120px;font:16px sans-serif'>"
        "</form></div></main>",
    ),
    "/german": page(
        "Deutsch",
        "<header><form action='/suche'><input type='text' name='sSearch' placeholder='Suche …'>"
        "<button type='submit'>Los</button></form></header><main>"
        "<form action='/newsletter'><input type='text' name='name' placeholder='Ihr Name'>"
        "<input type='email' name='email' placeholder='E-Mail'></form></main>",
    ),
    "/icon": page(
        "Icon",
        "<header><button id='open' aria-label='Suche öffnen' type='button'>🔍</button>"
        "<div id='box' hidden><form action='/search'><input type='search' name='q' "
        "aria-label='Suche'></form></div></header><main>x</main>"
        "<script>document.getElementById('open').onclick = () => "
        "{ document.getElementById('box').hidden = false; };</script>",
    ),
    "/none": page(
        "No search",
        "<header><a href='/'>Shop</a></header><main><form action='/login' method='post'>"
        "<input type='text' name='user'><input type='password' name='pw'></form>"
        "<form action='/newsletter'><input type='email' name='email' placeholder='Email'>"
        "</form></main>",
    ),
}


async def locate(tab, path, server):
    await tab.goto(server.url(path))
    return clean_locate(await tab.evaluate(LOCATE_JS, None))


async def test_locate_on_several_layouts(browser):
    with FixtureServer(LAYOUTS) as server:
        context = await browser.new_context()
        try:
            tab = await context.new_page()
            plain = await locate(tab, "/plain", server)
            f = plain["field"]
            assert (f["where"], f["visible"], f["name_source"], f["role_search"]) == (
                "header",
                True,
                "aria-label",
                False,
            )
            assert f["submit"] and f["input_name"] == "q" and f["width_chars"] >= 27
            landmark = (await locate(tab, "/landmark", server))["field"]
            assert landmark["role_search"] and landmark["name"] == "Find products"
            assert landmark["name_source"] == "label" and 0 < landmark["width_chars"] < 27
            assert landmark["where"] == "main" and not landmark["submit"]
            german = (await locate(tab, "/german", server))["field"]
            assert german["input_name"] == "sSearch" and german["name_source"] == "placeholder"
            assert german["where"] == "header"
            icon = await locate(tab, "/icon", server)
            assert icon["field"] is not None and icon["field"]["visible"] is False
            assert icon["trigger"]["selector"] == "#open"
            await tab.click(icon["trigger"]["selector"])
            opened = clean_locate(await tab.evaluate(LOCATE_JS, None))
            assert opened["field"]["visible"] and opened["field"]["name"] == "Suche"
            none = await locate(tab, "/none", server)
            assert none == {"field": None, "trigger": None, "fields": 0}
        finally:
            await context.close()


_HEADER = (
    "<header><form role='search' action='/search'><input type='search' id='q' name='q' "
    "aria-label='Search' value='{value}' role='combobox' aria-controls='sugg' "
    "aria-autocomplete='list'><button>Search</button></form>"
    "<ul id='sugg' role='listbox' hidden></ul></header>"
)
_AUTOCOMPLETE = """
const q = document.getElementById('q'), list = document.getElementById('sugg');
q.addEventListener('input', () => {
  list.innerHTML = '';
  if (q.value.length >= 2) {
    for (const [i, name] of ['Red Kettle', 'Blue Kettle'].entries())
      list.insertAdjacentHTML('beforeend', `<li role="option" id="o${i}">${name}</li>`);
    list.hidden = false;
  } else list.hidden = true;
});
q.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && !list.hidden) {
    const o = list.querySelector('[role=option]');
    o.setAttribute('aria-selected', 'true');
    q.setAttribute('aria-activedescendant', o.id);
  }
});
"""


def _results(query, value=None):
    return page(
        f"Search: {query}",
        _HEADER.format(value=query if value is None else value)
        + f"<main><h1>Search results</h1><p>1 result for “{query}”</p><ul>"
        "<li class='product-card'><a href='/p/red-kettle'>Red Kettle</a></li></ul></main>",
    )


def _shop_routes(suggest_js: str = _AUTOCOMPLETE):
    """The kettle shop; ``suggest_js``: its home page's autocomplete."""
    home = page(
        "Kettle Shop",
        _HEADER.format(value="")
        + "<main><a href='/p/red-kettle'>Red Kettle</a></main>"
        + f"<script>{suggest_js}</script>",
    )
    return {
        "/": home,
        "/p/red-kettle": page(
            "Red Kettle – Kettle Shop",
            _HEADER.format(value="")
            + "<main><h1>Red Kettle</h1><p>SKU KT-100</p><button>Add to cart</button></main>",
        ),
        # the exact name, its SKU and another case find it; a slow answer to time
        "/search?q=Red+Kettle": Route(_results("Red Kettle"), delay=0.4),
        "/search?q=KT-100": _results("KT-100"),
        "/search?q=red+kettle": _results("red kettle"),
        # everything else: a bare "nothing found" without box or links
        "/search": page("Search", "<main><p>Sorry, nothing found.</p></main>"),
    }


def _records(tmp_path, server):
    product = PageRecord(
        url=server.url("/p/red-kettle"),
        template="/p/*",
        status=200,
        content_type="text/html",
        title="Red Kettle – Kettle Shop",
        structure={"h1": "Red Kettle", "add_to_cart": True, "lang": "en"},
        gathered={"search.results": {"sku": "KT-100"}},
    )
    home = PageRecord(
        url=server.url("/"),
        template="/",
        status=200,
        content_type="text/html",
        title="Kettle Shop",
        structure={"lang": "en"},
    )
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in (home, product)))
    return path


async def test_searches_through_a_tiny_shop(playwright, browser, tmp_path):
    settings = quick_settings(
        checks={
            "search.results": {"max_searches": 10, "derived_products": 1, "derived_categories": 0}
        }
    )
    opts = search_options(settings)
    with FixtureServer(_shop_routes()) as server:
        view = SiteView(server.url("/"), {}, {}, [], {})
        async with probe_tabs(playwright, browser, settings) as tabs:
            ctx = SiteContext(
                None, None, settings, {}, view, _records(tmp_path, server), None, tabs
            )
            data = await run_searches(ctx, opts)
        log = list(server.log)
    runs = {r["query"]: r for r in data["runs"]}
    assert data["method"] == "field" and data["located"]["field"]["selector"] == "#q"
    exact = runs["Red Kettle"]
    assert exact["purpose"] == "product" and exact["read"]["rank"] == 1
    assert exact["read"]["stated"] == 1 and exact["read"]["echoed"] and exact["read"]["kept"]
    # timed from Enter to the results document: the server waits 0.4 s
    assert 400 <= exact["ms"] < 3000 and exact["how"] == "navigation"
    assert runs["KT-100"]["kind"] == "sku" and not runs["KT-100"]["read"]["zero"]
    assert runs["red kettle"]["kind"] == "case" and not runs["red kettle"]["read"]["zero"]
    misses = {r["kind"] for r in data["runs"] if r["purpose"] == "variant" and r["read"]["zero"]}
    assert misses == {"swap", "drop", "plural"}
    assert runs["qxzvbwkj"]["read"]["zero"]
    ac = data["autocomplete"]
    assert ac["prefix"] == "ket" and ac["count"] == 2 and ac["keyboard"] is True
    # every search counted; nothing but GETs, one request per typed search
    searches = [p for m, p in log if p.startswith("/search")]
    assert len(searches) == len(data["runs"]) == data["searches"] - 1
    assert {m for m, _ in log} == {"GET"}
    # the checks judge the same data: three variants fail, the zero page is a dead end
    found = SearchTolerance().evaluate([], SiteView(view.start_url, {}, {}, [], {}, site_data=data))
    assert sorted(f.evidence["kind"] for f in found) == ["drop", "plural", "swap"]
    (zero,) = ZeroResults().evaluate([], SiteView(view.start_url, {}, {}, [], {}, site_data=data))
    assert zero.title == "Zero-results page is a dead end"


async def test_searches_respect_the_search_budget(playwright, browser, tmp_path):
    settings = quick_settings(checks={"search.results": {"max_searches": 3}})
    with FixtureServer(_shop_routes()) as server:
        view = SiteView(server.url("/"), {}, {}, [], {})
        async with probe_tabs(playwright, browser, settings) as tabs:
            ctx = SiteContext(
                None, None, settings, {}, view, _records(tmp_path, server), None, tabs
            )
            data = await run_searches(ctx, search_options(settings))
        searches = [p for _, p in server.log if p.startswith("/search")]
    # the product, the nonsense query, then the autocomplete probe; variants wait
    assert data["searches"] == 3
    assert searches == ["/search?q=Red+Kettle", "/search?q=qxzvbwkj"]
    assert data["autocomplete"]["count"] == 2


async def test_searches_through_a_configured_url_pattern(playwright, browser, tmp_path):
    routes = {
        "/": page("No field", "<main><a href='/p/red-kettle'>Red Kettle</a></main>"),
        "/find?term=Red+Kettle": _results("Red Kettle"),
        "/find": page("Find", "<main><p>No results for your search.</p></main>"),
    }
    settings = quick_settings(
        checks={
            "search.results": {
                "url_pattern": "/find?term={query}",
                "max_searches": 3,
                "autocomplete_prefix": 0,
            }
        }
    )
    with FixtureServer(routes) as server:
        view = SiteView(server.url("/"), {}, {}, [], {})
        async with probe_tabs(playwright, browser, settings) as tabs:
            ctx = SiteContext(
                None, None, settings, {}, view, _records(tmp_path, server), None, tabs
            )
            data = await run_searches(ctx, search_options(settings))
        finds = [p for _, p in server.log if p.startswith("/find")]
    assert data["method"] == "url_pattern"
    # the configured address for every search, even where a results page shows a field
    assert finds == ["/find?term=Red+Kettle", "/find?term=qxzvbwkj", "/find?term=KT-100"]
    assert [m for m, p in server.log if p.startswith("/search")] == []
    assert data["runs"][0]["read"]["rank"] == 1 and data["searches"] == 3


async def test_searches_give_up_on_a_search_that_never_answers(playwright, browser, tmp_path):
    # the form's submission is swallowed by a script: no navigation, no change
    dead = page(
        "Dead search",
        _HEADER.format(value="")
        + "<main>x</main><script>document.querySelector('form').addEventListener("
        "'submit', (e) => e.preventDefault());</script>",
    )
    routes = {"/": dead, "/p/red-kettle": dead}
    settings = quick_settings(crawl={"page_timeout": 1.0}, checks={"search.results": {}})
    with FixtureServer(routes) as server:
        view = SiteView(server.url("/"), {}, {}, [], {})
        async with probe_tabs(playwright, browser, settings) as tabs:
            ctx = SiteContext(
                None, None, settings, {}, view, _records(tmp_path, server), None, tabs
            )
            data = await run_searches(ctx, search_options(settings))
    assert data["searches"] == 2 and "did not answer 2 searches" in data["skipped"]
    assert [r["error"] for r in data["runs"]] == ["no answer", "no answer"]
    view.site_data = data
    (f,) = SearchResults().evaluate([], view)
    assert f.key == "not-tested"


async def test_search_opens_a_field_hidden_behind_an_icon(playwright, browser, tmp_path):
    routes = {"/": LAYOUTS["/icon"], "/search?q=Red+Kettle": _results("Red Kettle")}
    settings = quick_settings(
        checks={"search.results": {"max_searches": 1, "autocomplete_prefix": 0}}
    )
    with FixtureServer(routes) as server:
        view = SiteView(server.url("/"), {}, {}, [], {})
        async with probe_tabs(playwright, browser, settings) as tabs:
            ctx = SiteContext(
                None, None, settings, {}, view, _records(tmp_path, server), None, tabs
            )
            data = await run_searches(ctx, search_options(settings))
    assert data["located"]["trigger"]["selector"] == "#open"
    assert data["opened_by_click"] is True and data["located_open"]["field"]["visible"]
    (only,) = data["runs"]
    assert only["query"] == "Red Kettle" and only["read"]["rank"] == 1


async def test_searches_side_by_side_keep_to_the_tab_slots_and_the_runs_order(
    playwright, browser, tmp_path
):
    """Two tab slots: the searches after the first answer share the step's tab and one
    spare, never more; the autocomplete is typed beside them; the runs come in the
    order of the batches (products, nonsense, variants, then the category)."""
    from auditor.probe import Slots

    settings = quick_settings(
        crawl={"concurrency": 2},
        checks={"search.results": {"max_searches": 20, "derived_products": 1}},
    )
    with FixtureServer(_shop_routes()) as server:
        path = _records(tmp_path, server)
        category = PageRecord(
            url=server.url("/category/kettles"),
            template="/category/*",
            status=200,
            content_type="text/html",
            title="Kettles – Kettle Shop",
            structure={"h1": "Kettles", "lang": "en"},
        )
        with path.open("a") as f:
            f.write(json.dumps(category.to_dict()) + "\n")
        view = SiteView(server.url("/"), {}, {}, [], {})
        async with probe_tabs(playwright, browser, settings) as tabs:
            tabs.slots = slots = Slots(2)
            opened, most = [0], [0]
            real_open = tabs.open

            @contextlib.asynccontextmanager
            async def counted(*args, **kwargs):
                async with real_open(*args, **kwargs) as tab:
                    opened[0] += tab is not None
                    most[0] = max(most[0], opened[0])
                    try:
                        yield tab
                    finally:
                        opened[0] -= tab is not None

            tabs.open = counted
            ctx = SiteContext(None, None, settings, {}, view, path, None, tabs)
            data = await run_searches(ctx, search_options(settings))
        assert not slots.locked()  # every slot back
    purposes = [r["purpose"] for r in data["runs"]]
    assert purposes[:2] == ["product", "nonsense"] and purposes[-1] == "category"
    assert set(purposes[2:-1]) == {"variant"} and len(purposes) > 4
    assert data["runs"][-1]["query"] == "Kettles"
    assert most[0] == 2  # the step's first tab and one spare
    ac = data["autocomplete"]
    assert ac["prefix"] == "ket" and ac["count"] == 2 and ac["keyboard"] is True
    assert data["searches"] == len(data["runs"]) + 1


_SERVER_SUGGEST = """
const q = document.getElementById('q'), list = document.getElementById('sugg');
q.addEventListener('input', async () => {
  if (q.value.length < 3) { list.hidden = true; return; }
  const names = await (await fetch('/suggest?q=' + encodeURIComponent(q.value))).json();
  list.innerHTML = names.map((n, i) => `<li role="option" id="o${i}">${n}</li>`).join('');
  list.hidden = false;
});
"""


@pytest.mark.parametrize("slow_every_time", [False, True])
async def test_late_suggestions_are_timed_again_alone(
    playwright, browser, tmp_path, slow_every_time
):
    """Suggestions 1.5 s late the first time, as if behind the other tabs' work, are
    typed once more while no other probe tab works; the second figure stands. A shop
    slow every time stays slow."""
    from auditor.probe import Slots

    settings = quick_settings(checks={"search.results": {"max_searches": 3, "derived_products": 1}})
    routes = _shop_routes(_SERVER_SUGGEST)
    names = '["Red Kettle", "Blue Kettle"]'
    later = Route(names, content_type="application/json", delay=1.5 if slow_every_time else 0)
    routes["/suggest?q=ket"] = Route(names, content_type="application/json", delay=1.5, then=later)
    with FixtureServer(routes) as server:
        view = SiteView(server.url("/"), {}, {}, [], {})
        async with probe_tabs(playwright, browser, settings) as tabs:
            tabs.slots = Slots(1)  # the step's own tab is the only one: alone at once
            ctx = SiteContext(
                None, None, settings, {}, view, _records(tmp_path, server), None, tabs
            )
            data = await run_searches(ctx, search_options(settings))
        typed = [p for m, p in server.log if p.startswith("/suggest?q=ket")]
    ac = data["autocomplete"]
    assert ac["count"] == 2 and typed == ["/suggest?q=ket", "/suggest?q=ket"]
    assert ac["beside_other_tabs"]["ms"] > 1000
    assert (ac["ms"] > 1000) is slow_every_time
