"""accessibility.axe per structural template: the full run on the first page of each
template, the page-level rules on every page, findings naming every page of a template;
and the page-level rules judged without axe exactly as axe judges them."""

from __future__ import annotations

import json

import pytest

from auditor.checkkit import structural_template
from auditor.results import iter_records
from auditor.runner import run_audit
from checks.accessibility import AxeCore
from checks.accessibility.axe_document import (
    DOCUMENT_JS,
    DOCUMENT_RULES,
    document_results,
    rules_on,
)
from checks.accessibility.axe_langs import VALID_LANGS
from tests.checks.test_accessibility_axe import MENU, image, site
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route

S = "http://shop.test"


def facts(lang="en", title="Jackets", xml_lang=None, viewport=None, refresh=None) -> dict:
    tag = "<html" + (f' lang="{lang}"' if lang is not None else "") + ">"
    return {
        "root": {"name": "html", "lang": lang, "xml_lang": xml_lang, "html": tag},
        "xhtml": False,
        "title": title,
        "viewports": [] if viewport is None else [{"content": viewport, "html": "<meta>"}],
        "refreshes": [] if refresh is None else [{"content": refresh, "html": "<meta>"}],
    }


def failed(f: dict, rules=tuple(DOCUMENT_RULES)) -> list[str]:
    return [v["id"] for v in document_results(f, rules)[0]]


def test_page_level_rules_judged_as_axe_does():
    assert failed(facts()) == []
    assert failed(facts(lang=None)) == ["html-has-lang"]
    assert failed(facts(lang="  ")) == ["html-has-lang", "html-lang-valid"]
    assert failed(facts(lang="xx-YY")) == ["html-lang-valid"]
    assert failed(facts(lang="de-AT")) == []
    assert failed(facts(lang=None, xml_lang="en")) == ["html-has-lang"]  # xml:lang alone
    assert failed(facts(lang="en", xml_lang="de")) == ["html-xml-lang-mismatch"]
    assert failed(facts(title=" \u00a0 ")) == ["document-title"]
    zoom = facts(viewport="width=device-width, maximum-scale=1, user-scalable=no")
    assert failed(zoom) == ["meta-viewport"]  # below 2: meta-viewport's, not -large's
    assert failed(facts(viewport="width=device-width, maximum-scale=3")) == ["meta-viewport-large"]
    assert failed(facts(viewport="width=device-width, initial-scale=1")) == []
    assert failed(facts(refresh="5; url=/next")) == ["meta-refresh"]
    assert failed(facts(refresh="0; url=/next")) == []  # a redirect, no delay
    assert failed(facts(refresh="100000")) == ["meta-refresh-no-exceptions"]
    # a rule that passes says so, with its criteria, as axe's passes do
    _, passes = document_results(facts(), ["document-title", "meta-refresh"])
    assert passes == [["document-title", ["wcag242"]]]  # no refresh meta: not applicable


def test_page_level_rules_follow_the_options():
    default = AxeCore().document_rules()
    # meta-viewport is accessibility.reflow's (disabled by default); the rule axe keeps
    # off by default runs only when its AAA tag asks for it
    assert "meta-viewport" not in default and "meta-refresh-no-exceptions" not in default
    assert {"document-title", "html-has-lang", "html-lang-valid", "meta-refresh"} <= set(default)
    assert "meta-viewport-large" in default  # a best practice
    assert "meta-viewport-large" not in AxeCore({"best_practices": False}).document_rules()
    aaa = AxeCore({"wcag": "2.1 AAA", "disable_rules": ["document-title"]}).document_rules()
    assert "meta-refresh-no-exceptions" in aaa and "document-title" not in aaa
    assert "meta-viewport" in rules_on([], ["meta-viewport"], [])


def full(path: str, template: str, structure: str, violations: list) -> dict:
    return {
        "path": path,
        "template": template,
        "data": {
            "structure": structure,
            "violations": violations,
            "incomplete": [],
            "passes": [["html-has-lang", ["wcag311"]]],
            "ms": 800,
        },
    }


#: the menu toggle with its fingerprint (what a full run records of each element)
MENU_FP = "div:0000000a0000000b"
MENU_SEEN = {**MENU, "nodes": [{**MENU["nodes"][0], "fp": MENU_FP}]}


def rest(path: str, template: str, structure: str, present=(MENU_FP,), **document) -> dict:
    """A page of a structural template judged without axe's full run: its page-level
    facts and which of its samples' failing elements it holds (``present``)."""
    return {
        "path": path,
        "template": template,
        "data": {
            "structure": structure,
            "document": facts(**document),
            "present": list(present),
            "checked": len(present),
        },
    }


def evaluate(check: AxeCore, entries: list[dict]) -> list:
    from auditor.plugins import PageView

    pages = [
        PageView(
            S + e["path"],
            S + e["path"],
            200,
            e["template"],
            0,
            "text/html",
            "t",
            None,
            data=e["data"],
        )
        for e in entries
    ]
    return check.evaluate(pages, site())


def by_rule(findings) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in findings:
        out.setdefault(f.evidence["rule"], []).extend(u.removeprefix(S) for u in f.urls)
    return out


def test_a_sampled_defect_names_every_page_of_its_template_and_page_rules_stay_per_page():
    info = structural_template("/about", "ab12")
    assert info == structural_template("/faq", "ab12") == "#ab12"
    assert structural_template("/p/*", "ab12") == "/p/*#ab12"
    assert structural_template("/p/*", "") == "/p/*"
    check = AxeCore()
    findings = evaluate(
        check,
        [
            full("/about", "/about", info, [MENU_SEEN]),
            rest("/faq", "/faq", info, lang=None),  # no lang, beside a page that has one
            rest("/terms", "/terms", info),
            full("/", "/", "#home", []),  # another layout, without the defect
            rest("/start", "/start", "#home", title=""),
        ],
    )
    found = by_rule(findings)
    assert found["aria-command-name"] == ["/about", "/faq", "/terms"]
    assert found["html-has-lang"] == ["/faq"]  # read on the page itself, not the sample's
    assert found["document-title"] == ["/start"]
    assert len(found) == 3
    (menu,) = [f for f in findings if f.evidence["rule"] == "aria-command-name"]
    assert "on 3 pages" in menu.message and menu.severity == "serious"
    details = check.details
    assert details["pages_checked"] == 2 and details["pages_judged"] == 5
    assert details["structural_templates"] == 2 and details["per"] == "template"
    row = {r["criterion"]: r for r in details["wcag"]}
    assert row["4.1.2"]["pages_failed"] == 3 and row["3.1.1"]["rules_failed"] == ["html-has-lang"]


def test_a_defect_on_only_some_samples_is_content_and_stays_where_it_was_seen():
    structure = "/p/*#aa"
    findings = evaluate(
        AxeCore({"full_runs": 2}),
        [
            full("/p/a", "/p/*", structure, [MENU_SEEN, image("/img/a")]),
            full("/p/b", "/p/*", structure, [MENU_SEEN]),
            rest("/p/c", "/p/*", structure),
        ],
    )
    found = by_rule(findings)
    assert found["aria-command-name"] == ["/p/a", "/p/b", "/p/c"]  # on every sample
    assert found["image-alt"] == ["/p/a"]  # on one sample of two: that product's images


def test_records_without_structure_are_judged_as_before():
    findings = evaluate(
        AxeCore(),
        [{"path": "/", "template": "/", "data": {"violations": [MENU], "incomplete": [], "ms": 5}}],
    )
    assert by_rule(findings) == {"aria-command-name": ["/"]}


def test_bad_per_names_the_key():
    from auditor.errors import ConfigError
    from auditor.plugins import load_checks

    for options in ({"per": "layout"}, {"full_runs": 0}):
        settings = quick_settings(audit={"checks": ["accessibility.axe"]})
        settings.checks["accessibility.axe"] = options
        with pytest.raises(ConfigError) as err:
            load_checks(settings)
        assert f'checks."accessibility.axe".{next(iter(options))}' in str(err.value)


# ---------------------------------------------------------------- live, in Chromium

_VARIANTS = [
    "<html lang='en'><head><title>Fine</title></head><body><p>x</p></body></html>",
    "<html><head><title>No lang</title></head><body><p>x</p></body></html>",
    "<html lang=' '><head><title>Blank lang</title></head><body><p>x</p></body></html>",
    "<html lang='xx'><head><title>Bad lang</title></head><body><p>x</p></body></html>",
    "<html xml:lang='en'><head><title>xml only</title></head><body><p>x</p></body></html>",
    "<html lang='en' xml:lang='de'><head><title>Two</title></head><body><p>x</p></body></html>",
    "<html lang='en'><head><title> </title></head><body><p>x</p></body></html>",
    "<html lang='en'><head></head><body><p>x</p></body></html>",
    "<html lang='en'><head><title>z</title><meta name='viewport' content='width=device-width, "
    "user-scalable=no'></head><body><p>x</p></body></html>",
    "<html lang='en'><head><title>z</title><meta name='viewport' content='maximum-scale=1.0'>"
    "</head><body><p>x</p></body></html>",
    "<html lang='en'><head><title>z</title><meta name='viewport' content='maximum-scale=yes'>"
    "</head><body><p>x</p></body></html>",
    "<html lang='en'><head><title>z</title><meta name='viewport' content='maximum-scale=4'>"
    "</head><body><p>x</p></body></html>",
    "<html lang='en'><head><title>z</title><meta http-equiv='refresh' content='20'>"
    "</head><body><p>x</p></body></html>",
    "<html lang='en'><head><title>z</title><meta http-equiv='refresh' content='0; url=/'>"
    "</head><body><p>x</p></body></html>",
    "<html lang='en'><head><title>z</title><meta http-equiv='refresh' content='80000'>"
    "</head><body><p>x</p></body></html>",
]


async def test_page_level_rules_agree_with_axe_itself(browser):
    """The same verdicts as the bundled axe-core on pages with each page-level defect,
    and the same rule metadata and language codes: an upgrade of axe that changes
    them fails here."""
    context = await browser.new_context()
    page = await context.new_page()
    rules = list(DOCUMENT_RULES)
    try:
        await page.set_content(_VARIANTS[0])
        await page.evaluate(AxeCore()._script_text())
        meta = {r["ruleId"]: r for r in await page.evaluate("() => axe.getRules()")}
        for rule, own in DOCUMENT_RULES.items():
            assert meta[rule]["help"] == own["help"] and meta[rule]["tags"] == own["tags"], rule
        assert set(await page.evaluate("() => axe.utils.validLangs()")) == VALID_LANGS
        for html in _VARIANTS:
            await page.set_content(html)
            await page.evaluate(AxeCore()._script_text())
            axe = await page.evaluate(
                "(ids) => axe.run(document, {runOnly: {type: 'rule', values: ids}})"
                ".then((r) => r.violations.map((v) => [v.id, v.impact, v.nodes.map((n) => "
                "[n.target.join(' '), n.html])]))",
                rules,
            )
            own = document_results(await page.evaluate(DOCUMENT_JS), rules)[0]
            mine = [
                [v["id"], v["impact"], [[n["target"], n["html"]] for n in v["nodes"]]] for v in own
            ]
            # the same rules on the same elements, named and shown alike
            assert sorted(mine) == sorted(axe), html
    finally:
        await context.close()


_CHROME = (
    "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/about'>About</a></li>"
    "<li><a href='/faq'>FAQ</a></li><li><a href='/terms'>Terms</a></li></ul></nav></header>"
)


def _text_page(heading: str, title: str = "", lang: bool = True, alt: bool = False) -> str:
    """One layout for the fixed-name text pages; the icon is in every one of them."""
    icon = "<img src='/i.svg' width='20' height='20'" + (" alt='Info'>" if alt else ">")
    return (
        f"<!doctype html><html{' lang=en' if lang else ''}><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body>{_CHROME}<main><h1>{heading}</h1>"
        f"<section><div>{icon}<p>Some text.</p></div><div><p>More text.</p></div></section>"
        "</main><footer><p>Shop</p></footer></body></html>"
    )


def _shop(alt: bool) -> FixtureServer:
    home = (
        "<!doctype html><html lang=en><head><meta charset='utf-8'><title>Home</title></head>"
        f"<body>{_CHROME}<main><h1>Home</h1><article><h2>News</h2><p>a</p></article>"
        "<article><h2>More</h2><p>b</p></article><aside><p>c</p></aside></main>"
        "<footer><p>Shop</p></footer></body></html>"
    )
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'></svg>"
    return FixtureServer(
        {
            "/": home,
            "/about": _text_page("About", "About us", alt=alt),
            "/faq": _text_page("FAQ", "FAQ", lang=False, alt=alt),  # a page-level defect
            "/terms": _text_page("Terms", "", alt=alt),  # another: an empty title
            "/i.svg": Route(svg, content_type="image/svg+xml"),
            "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
        }
    )


async def _audit(srv, browser, tmp_path, **options) -> dict:
    # one tab: the pages in link order, so /about is its layout's sample, /faq and
    # /terms (each with a page-level defect) are judged without a run of axe
    settings = quick_settings(
        audit={"checks": ["accessibility.axe"]},
        crawl={"use_sitemap": False, "concurrency": 1},
        checks={"accessibility.axe": options},
    )
    path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    return json.loads(path.read_text())


def _found(results: dict, base: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in results["findings"]:
        urls = [u.removeprefix(base.rstrip("/")) for u in f["urls"]]
        out.setdefault(f["evidence"]["rule"], []).extend(urls)
    return {rule: sorted(urls) for rule, urls in out.items()}


def _details(results: dict) -> dict:
    (entry,) = [c for c in results["checks"] if c["id"] == "accessibility.axe"]
    return entry["details"]


@pytest.mark.slow
async def test_per_template_runs_axe_once_per_layout_and_finds_every_defect(browser, tmp_path):
    with _shop(alt=False) as srv:
        results = await _audit(srv, browser, tmp_path / "template")
    found = _found(results, srv.base_url)
    # the icon without alt on the text layout: run on one of its pages, listed on all three
    assert found["image-alt"] == ["/about", "/faq", "/terms"]
    # the page-level defects on whichever pages have them, sampled or not
    assert found["html-has-lang"] == ["/faq"]
    assert found["document-title"] == ["/terms"]
    details = _details(results)
    assert details["pages_checked"] == 2 and details["pages_judged"] == 4  # home + 1 of 3
    records = iter_records(tmp_path / "template" / "pages.jsonl")
    ran = {
        r.url.removeprefix(srv.base_url.rstrip("/"))
        for r in records
        if "violations" in (r.gathered.get("accessibility.axe") or {})
    }
    assert ran == {"/", "/about"}  # the defects of /faq and /terms were read without axe
    with _shop(alt=True) as srv:  # the twin without the icon's defect
        clean = await _audit(srv, browser, tmp_path / "clean")
    assert "image-alt" not in _found(clean, srv.base_url)


@pytest.mark.slow
async def test_per_page_runs_axe_on_every_page_with_the_same_findings(browser, tmp_path):
    with _shop(alt=False) as srv:
        results = await _audit(srv, browser, tmp_path, per="page")
    found = _found(results, srv.base_url)
    assert found["image-alt"] == ["/about", "/faq", "/terms"]
    assert found["html-has-lang"] == ["/faq"] and found["document-title"] == ["/terms"]
    details = _details(results)
    assert details["pages_checked"] == details["pages_judged"] == 4


class _Page:
    """A tab whose axe run fails the first time (a page that stopped answering)."""

    def __init__(self) -> None:
        self.runs = 0

    async def evaluate(self, script: str, arg=None):
        if script.lstrip().startswith("async ([tags"):
            self.runs += 1
            if self.runs == 1:
                raise TimeoutError("the page stopped answering")
            return {"violations": [], "incomplete": [], "passes": []}
        return None


async def test_the_first_page_of_each_structure_runs_in_full_and_a_failed_run_gives_its_turn():
    from types import SimpleNamespace

    check = AxeCore()
    page = _Page()

    def ctx(path: str, layout: str = "aa", template: str = "/p/*", status: int = 200):
        return SimpleNamespace(
            url=S + path, status=status, template=template, layout=layout, scripted=None
        )

    async def visit(c) -> dict | None:
        planned = check.page_script(c)
        c.scripted = None if planned is None else planned.read({"document": {"title": "t"}})
        return await check.gather(page, c)

    with pytest.raises(TimeoutError):
        await visit(ctx("/p/a"))  # its run failed: the next page of /p/*#aa takes its turn
    assert "violations" in await visit(ctx("/p/b"))
    assert await visit(ctx("/p/c")) == {
        "structure": "/p/*#aa",
        "document": {"title": "t"},
        "present": [],  # the sample found nothing: nothing to look for
        "checked": 0,
    }
    assert "violations" in await visit(ctx("/p/d", layout="bb"))  # another layout
    assert "violations" in await visit(ctx("/about", template="/about", layout=""))
    assert await visit(ctx("/gone", template="/gone", status=404)) is None
    # a page read again (it sent itself elsewhere) keeps its answer
    assert "violations" in await visit(ctx("/p/b"))
    assert page.runs == 5
