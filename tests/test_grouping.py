"""One cause, one finding: the engine's merge, the links between checks, role-weighted scores.

Recorded-data style: hand-made page records and findings, no browser. ``engine`` does
what ``auditor.runner`` does after evaluation (merge each check's findings by cause,
then link findings of different checks about one element), so the property test
runs the real checks' evaluate steps the way an audit does.
"""

from __future__ import annotations

import copy
import json
import random
from itertools import pairwise
from pathlib import Path

import pytest

from auditor.config import load_settings
from auditor.errors import ConfigError
from auditor.model import Finding, link_findings, merge_findings
from auditor.plugins import Check, PageView, SiteView
from auditor.scoring import CheckScore, RoleWeights, role_weighted_mean, score_categories
from checks.accessibility import AxeCore, DuplicateIds, Reflow
from checks.forms import Labels
from checks.performance import TextCompression, WebVitals

S = "https://shop.example"
RECORDED = json.loads((Path(__file__).parent / "data" / "timing_runs.json").read_text())


def engine(evaluated: list[list[Finding]]) -> list[Finding]:
    """The runner's evaluation tail: one finding per cause in each check, then links."""
    per_check = [f for found in evaluated for f in merge_findings(list(found))]
    return link_findings(merge_findings(per_check))


def finding(**kw) -> Finding:
    base = {
        "check": "accessibility.reflow",
        "category": "accessibility",
        "severity": "serious",
        "title": "Sideways scrolling at 320 px",
        "message": "m",
        "recommendation": "r",
    }
    base.update(kw)
    if "url" in base and "urls" not in base:
        base["urls"] = [base["url"]]
    return Finding(**base)


# -- the merge ---------------------------------------------------------------------------
def _reflow_per_template(order: list[int]) -> list[Finding]:
    return [
        finding(
            url=f"{S}/t{i}/x",
            key=f"reflow|/t{i}/*",
            selector="form.header-search",
            severity="critical" if i == 3 else "serious",
            evidence={"page_px": 344 + i},
            message=f"pages of /t{i}/* are {344 + i} px wide",
        )
        for i in order
    ]


def test_one_element_on_many_templates_is_one_finding_with_all_pages():
    merged = merge_findings(_reflow_per_template(list(range(23))))
    assert len(merged) == 1
    (f,) = merged
    assert len(f.urls) == 23 and f.severity == "critical"
    assert f.evidence["page_px"] == 347  # the worst page speaks for all
    assert f.url == f"{S}/t3/x" and "23 pages in all" in f.message


def test_the_merge_does_not_depend_on_run_order_or_host():
    ordered = merge_findings(_reflow_per_template(list(range(23))))[0]
    shuffled = list(range(23))
    random.Random(7).shuffle(shuffled)
    other = merge_findings(_reflow_per_template(shuffled))[0]
    assert (other.fingerprint, other.url, other.evidence, other.severity) == (
        ordered.fingerprint,
        ordered.url,
        ordered.evidence,
        ordered.severity,
    )
    assert set(other.urls) == set(ordered.urls)
    moved = finding(
        url="http://127.0.0.1:8123/t1/x", key="reflow|/t1/*", selector="form.header-search"
    )
    assert moved.fingerprint == ordered.fingerprint  # no host, no template, no page


def test_numbers_and_positions_are_no_part_of_the_cause():
    a = finding(
        check="accessibility.duplicate-ids",
        title='The id "q" is used 2 times on one page',
        selector="header > div:nth-of-type(2) > input#q",
        url=f"{S}/a",
    )
    b = finding(
        check="accessibility.duplicate-ids",
        title='The id "q" is used 3 times on one page',
        selector="header > div:nth-of-type(1) > input#q",
        url=f"{S}/b",
    )
    assert len(merge_findings([a, b])) == 1


def test_different_elements_titles_and_checks_stay_apart():
    base = {"url": f"{S}/a", "key": "k"}
    found = [
        finding(selector="form.header-search", **base),
        finding(selector="table.sizes", **base),
        finding(selector="form.header-search", title="Pinch zoom is switched off", **base),
        finding(selector="form.header-search", check="accessibility.other", **base),
    ]
    assert len(merge_findings(found)) == 4


def test_a_finding_without_element_keeps_its_key_and_its_old_fingerprint():
    import hashlib

    f = finding(key="/product/*|lcp_ms", url=f"{S}/p/1")
    assert (
        f.fingerprint == hashlib.sha1(b"accessibility.reflow|/product/*|lcp_ms|").hexdigest()[:16]
    )
    other = finding(key="/category/*|lcp_ms", url=f"{S}/c/1")
    assert len(merge_findings([f, other])) == 2  # two templates, two causes


def test_a_check_may_name_a_component_as_the_cause():
    fields = [
        finding(
            check="forms.labels",
            title="Form field without any label (other form)",
            selector=f"#price-{i}",
            group="other||aside.facets",
            url=f"{S}/c/{i}",
        )
        for i in range(12)
    ]
    (f,) = merge_findings(fields)
    assert len(f.urls) == 12 and f.evidence["elements_total"] == 12
    assert "Elements: #price-0" in f.message


# -- the property: findings do not grow with the pages -----------------------------------
def _timing(page_url: str) -> dict:
    timing = copy.deepcopy(RECORDED["clean:product"]["timing"])
    text = [
        [page_url, "document", 30_000, {}],
        [f"{S}/static/app.css", "style", 40_000, {}],
    ]
    for run in timing["runs"]:
        run["network"]["text"] = text
    return timing


def _shop(n: int) -> list[tuple[str, str]]:
    """(url, template) of n pages: home, categories, products, and content pages of
    templates of their own, so the number of templates grows with the shop."""
    out = [(f"{S}/", "/")]
    for i in range(1, n):
        if i % 4 == 0:
            out.append((f"{S}/c/cat-{i}", "/c/*"))
        elif i % 5 == 0:
            out.append((f"{S}/info{i}", f"/info{i}"))
        else:
            out.append((f"{S}/product/p-{i}", "/product/*"))
    return out


def _page(url: str, template: str, data=None, **facts) -> PageView:
    return PageView(
        url=url,
        final_url=url,
        status=200,
        template=template,
        depth=1,
        content_type="text/html",
        title="t",
        error=None,
        data=data,
        facts=facts,
    )


def _facets(i: int) -> dict:
    """A facet-filter widget outside any form: its options differ on every page."""
    fields = [
        {
            "tag": "input",
            "type": "number",
            "name": f"{kind}-{i}",
            "id": f"{kind}-{i}",
            "selector": f"#{kind}-{i}",
            "snippet": f'<input id="{kind}-{i}" type="number">',
            "visible": True,
            "label_for": "",
            "label_wrap": "",
            "labelledby": "",
            "aria_label": "",
            "title": "",
            "placeholder": "",
            "label_text": "",
            "acc_name": "",
            "around": "",
        }
        for kind in ("min", "max")
    ]
    return {
        "element": "group",
        "selector": f"main > div:nth-of-type({i % 3 + 1}) > aside.facets",
        "snippet": f'<aside class="facets" data-n="{i}">',
        "action": "",
        "fields": fields,
        "fields_total": 2,
        "buttons": [],
        "visible": True,
    }


def _axe(i: int) -> dict:
    violation = {
        "id": "label",
        "impact": "critical",
        "tags": ["wcag2a", "wcag412"],
        "help": "Form elements must have labels",
        "helpUrl": "",
        "count": 1,
        "nodes": [
            {
                "target": "#q",
                "html": '<input id="q" name="q" type="text">',
                "summary": "",
                "region": "header",
            }
        ],
    }
    return {"violations": [violation], "incomplete": [], "passes": [], "ms": 5}


def audit_findings(n: int) -> list[Finding]:
    """Every page shares a few template defects: a header search form too wide at
    320 px, an unlabelled header search field, an id used twice in the header, HTML
    sent uncompressed with an uncompressed stylesheet, and a facet widget with
    unlabelled fields on every category page."""
    shop = _shop(n)
    probes = [
        {
            "url": url,
            "template": template,
            "viewport_meta": "width=device-width",
            "window_px": 320,
            "page_px": 344,
            "wide": [{"selector": "form.header-search", "html": "<form>", "right_px": 344}],
        }
        for url, template in shop
    ]
    site = SiteView(S + "/", {}, {}, [], {}, site_data={"pages": probes})
    plain = SiteView(S + "/", {}, {}, [], {})
    dup = [["search", 2, True, '<div id="search">']]
    duplicate_pages = [_page(u, t, {"duplicates": dup}) for u, t in shop]
    axe_pages = [_page(u, t, _axe(i)) for i, (u, t) in enumerate(shop)]
    form_pages = [
        _page(u, t, {"url": u, "forms": [_facets(i)]})
        for i, (u, t) in enumerate(shop)
        if t == "/c/*"
    ]
    timed = [_page(u, t, timing=_timing(u)) for u, t in shop]
    return engine(
        [
            Reflow().evaluate([], site),
            DuplicateIds().evaluate(duplicate_pages, plain),
            AxeCore().evaluate(axe_pages, plain),
            Labels().evaluate(form_pages, plain),
            TextCompression().evaluate(timed, plain),
        ]
    )


def test_shared_template_defects_give_as_many_findings_at_10_pages_as_at_200():
    small, big = audit_findings(10), audit_findings(200)
    assert len(small) == len(big) == 5  # the uncompressed HTML and stylesheet: one server
    assert sorted((f.check, f.fingerprint) for f in small) == sorted(
        (f.check, f.fingerprint) for f in big
    )
    pages_small = {f.fingerprint: len(f.urls) for f in small}
    for f in big:
        assert len(f.urls) >= pages_small[f.fingerprint]
    reflow = next(f for f in big if f.check == "accessibility.reflow")
    assert len(reflow.urls) == 200  # only the url lists grew
    titles = [f.title for f in big]
    assert all(a != b for a, b in pairwise(titles))
    server = next(f for f in big if f.check == "performance.compression")
    assert server.title == "HTML, scripts and styles sent without compression"
    assert len(server.urls) == 200


# -- links between checks ---------------------------------------------------------------
def _search_and_axe() -> tuple[Finding, Finding]:
    axe = finding(
        check="accessibility.axe",
        severity="critical",
        title="Form elements must have labels",
        selector="#q",
        snippet='<input id="q" name="q">',
        urls=[f"{S}/p{i}" for i in range(30)],
        url=f"{S}/p0",
    )
    search = finding(
        check="search.box",
        category="search",
        severity="serious",
        title="Search field has no label",
        selector="input#q",
        urls=[f"{S}/p{i}" for i in range(50)],
        url=f"{S}/p0",
    )
    return axe, search


def test_one_element_in_two_checks_has_one_primary_the_most_severe():
    axe, search = _search_and_axe()
    linked = link_findings([search, axe])
    assert axe.primary is None and search.primary == axe.fingerprint
    assert {f.fingerprint for f in linked} == {axe.fingerprint, search.fingerprint}
    assert search.to_dict()["primary"] == axe.fingerprint


def test_no_link_without_shared_pages_or_within_one_check():
    axe, search = _search_and_axe()
    search.urls = [f"{S}/elsewhere"]
    link_findings([axe, search])
    assert search.primary is None
    a = finding(selector="#q", url=f"{S}/a", title="one thing")
    b = finding(selector="#q", url=f"{S}/a", title="another", severity="minor")
    link_findings([a, b])
    assert a.primary is None and b.primary is None


def test_an_accessible_name_and_a_label_are_one_topic():
    # axe says "accessible name", the forms checks say "label": one unlabelled select
    axe = finding(
        check="accessibility.axe",
        severity="critical",
        title="Select element must have an accessible name",
        selector='select[name="language"]',
        url=f"{S}/a",
        urls=[f"{S}/a", f"{S}/b"],
    )
    forms = finding(
        check="forms.labels",
        category="forms",
        severity="serious",
        title="Form field without any label (form)",
        selector='select[name="language"]',
        url=f"{S}/a",
    )
    link_findings([forms, axe])
    assert forms.primary == axe.fingerprint and axe.primary is None


def test_a_linked_finding_is_counted_once_in_the_score():
    axe, search = _search_and_axe()
    link_findings([axe, search])
    search_score = Check().score([f for f in [search] if f.primary is None], 50)
    assert search_score == 100.0
    _, cats = score_categories(
        [
            CheckScore("accessibility.axe", "accessibility", 50.0, 1.0),
            CheckScore("search.box", "search", search_score, 1.0),
        ],
        [axe, search],
        {"accessibility": 1.0, "search": 1.0},
    )
    assert cats["search"]["score"] == 100.0
    assert cats["search"]["breakdown"]["counted_elsewhere"] == [search.fingerprint]
    assert cats["search"]["summary"].startswith("No problems")
    costs = cats["accessibility"]["breakdown"]["findings"]
    assert costs == [
        {
            "fingerprint": axe.fingerprint,
            "check": "accessibility.axe",
            "title": axe.title,
            "severity": "critical",
            "points": 50.0,
        }
    ]


# -- scores by role ----------------------------------------------------------------------
def _roles(**templates: str) -> RoleWeights:
    settings = load_settings(environ={})
    weights = {r: settings.roles.weight(r) for r in ("home", "category", "product")}
    return RoleWeights(
        pages={f"{S}/": "home"},
        templates=templates,
        weights=weights,
        other=settings.roles.other,
        key_roles=tuple(settings.roles.key_pages),
        cap=settings.roles.key_page_cap,
    )


def test_a_poor_home_page_pulls_performance_below_good():
    rows = [("/", 35.0, 1), ("/product/*", 98.0, 5000), ("/c/*", 97.0, 300)]
    by_pages, _ = role_weighted_mean(rows, None)
    assert by_pages >= 97  # the home page is one page in 5,301
    roles = _roles(**{"/": "home", "/product/*": "product", "/c/*": "category"})
    by_role, shares = role_weighted_mean(rows, roles)
    assert by_role < 90 and shares["/"] == pytest.approx(3 / 8)
    assert sum(shares.values()) == pytest.approx(1.0)


def test_the_web_vitals_score_weighs_templates_by_role():
    pages = [
        PageView(
            url=e["url"],
            final_url=e["url"],
            status=200,
            template=e["template"],
            depth=0,
            content_type="text/html",
            title="t",
            error=None,
            facts={"timing": e["timing"]},
        )
        for e in (RECORDED[f"defects:{n}"] for n in ("home", "product"))
    ]
    sizes = {"/": 1, "/product/*": 5000}
    plain = WebVitals()
    plain.evaluate(pages, SiteView(S + "/", {}, {}, [], {}, template_sizes=sizes))
    roled = WebVitals()
    site = SiteView(S + "/", {}, {}, [], {}, template_sizes=sizes)
    site.roles = _roles(**{"/": "home", "/product/*": "product"})
    roled.evaluate(pages, site)
    home = next(r for r in roled.details["templates"] if r["template"] == "/")
    assert home["role"] == "home" and home["share"] == pytest.approx(0.5)
    product = next(r for r in roled.details["templates"] if r["template"] == "/product/*")
    expected = round((home["score"] + product["score"]) / 2, 1)
    assert roled.score([], 2) == pytest.approx(expected, abs=0.1)
    # what it is made of: each metric of each template, adding up to what was lost
    parts = roled.score_parts()
    assert sum(p["points"] for p in parts) == pytest.approx(100 - roled.score([], 2), abs=0.3)
    assert parts[0]["points"] >= parts[-1]["points"]
    _, cats = score_categories(
        [CheckScore(roled.id, "performance", roled.score([], 2), 1.0, parts)],
        [],
        {"performance": 1.0},
    )
    shown = cats["performance"]["breakdown"]["parts"]
    assert shown and {p["check"] for p in shown} == {"performance.web-vitals"}
    assert any(p["what"].endswith("on /") for p in shown)


def test_a_serious_finding_on_a_key_page_keeps_its_category_below_good():
    poor_lcp = finding(
        check="performance.web-vitals",
        category="performance",
        severity="serious",
        title="Largest Contentful Paint is poor on /",
        key="/|lcp_ms",
        url=f"{S}/",
    )
    scores = [CheckScore("performance.web-vitals", "performance", 96.0, 1.0)]
    roles = _roles(**{"/": "home"})
    _, cats = score_categories(scores, [poor_lcp], {"performance": 1.0}, roles)
    perf = cats["performance"]
    assert perf["score"] == 89.0
    assert perf["breakdown"]["cap"]["role"] == "home"
    assert perf["breakdown"]["cap"]["score_before"] == 96.0
    assert perf["breakdown"]["checks"][0]["points"] == 4.0
    # the same finding on a page of no key role leaves the score alone
    poor_lcp.urls = [f"{S}/about"]
    _, cats = score_categories(scores, [poor_lcp], {"performance": 1.0}, roles)
    assert cats["performance"]["score"] == 96.0 and cats["performance"]["breakdown"]["cap"] is None


def test_roles_are_configurable_and_checked(tmp_path):
    path = tmp_path / "auditor.toml"
    path.write_text('[roles]\nhome = 5\nkey_pages = ["home", "cart"]\n')
    settings = load_settings(path, environ={})
    assert settings.roles.home == 5.0 and settings.roles.weight("contact") == 1.0
    path.write_text('[roles]\nkey_pages = ["blog"]\n')
    with pytest.raises(ConfigError, match=r"roles\.key_pages"):
        load_settings(path, environ={})


def test_a_resource_each_page_has_of_its_own_is_one_finding_per_template():
    from checks.performance import Caching

    def timed(i: int) -> PageView:
        timing = copy.deepcopy(RECORDED["clean:product"]["timing"])
        photo = [f"{S}/img/p-{i}.jpg", "image", 90_000, {"cache-control": "no-store"}]
        logo = [f"{S}/img/logo.png", "image", 9_000, {"cache-control": "no-store"}]
        for run in timing["runs"]:
            run["network"]["static"] = [photo, logo]
        return _page(f"{S}/product/p-{i}", "/product/*", timing=timing)

    for n in (3, 40):
        found = Caching().evaluate([timed(i) for i in range(n)], SiteView(S + "/", {}, {}, [], {}))
        assert len(found) == 2, [f.title for f in found]
        photos = next(f for f in found if f.evidence.get("resources_total") == n)
        assert photos.title == "Static resources without caching on pages of /product/*"
        assert len(photos.urls) == n


def test_the_engine_gives_each_page_and_template_its_role(tmp_path):
    from auditor.model import PageRecord
    from auditor.runner import _roles

    records = [
        PageRecord(url=f"{S}/", template="/"),
        PageRecord(url=f"{S}/product/a-1", template="/product/*", structure={"types": ["Product"]}),
        PageRecord(url=f"{S}/product/b-2", template="/product/*", structure={"types": ["Product"]}),
        PageRecord(url=f"{S}/about", template="/about"),
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in records))
    roles = _roles(path, f"{S}/", load_settings(environ={}))
    assert roles.pages[f"{S}/"] == "home" and roles.pages[f"{S}/about"] == "page"
    assert roles.templates == {"/": "home", "/product/*": "product", "/about": "page"}
    assert roles.weight("page") == 1.0 and roles.weight("home") == 3.0
    assert roles.cap == 89.0 and "checkout" in roles.key_roles


def test_a_selector_that_names_no_element_leaves_the_cause_to_the_key():
    a = finding(selector="main > form", key="empty|/contact", url=f"{S}/contact")
    b = finding(selector="main > form", key="empty|/support", url=f"{S}/support")
    assert len(merge_findings([a, b])) == 2


def test_two_defects_of_one_form_stay_two_and_one_button_named_twice_is_linked():
    form = {"selector": "#contact", "url": f"{S}/contact", "category": "forms"}
    long_form = finding(check="forms.length", title="Long form: 14 fields (contact form)", **form)
    no_error = finding(
        check="forms.error-handling",
        title="Malformed email address accepted (contact form)",
        **form,
    )
    link_findings([long_form, no_error])
    assert long_form.primary is None and no_error.primary is None
    # axe and the forms checks write the header's search button each their own way
    axe = finding(
        check="accessibility.axe",
        severity="critical",
        title="Buttons must have discernible text (2 elements)",
        selector="button",
        snippet='<button type="submit"><svg></svg></button>',
        url=f"{S}/",
    )
    icon = finding(
        check="forms.buttons",
        category="forms",
        title="Icon-only submit button (search form)",
        selector="header:nth-of-type(1) > form:nth-of-type(1) > button:nth-of-type(1)",
        snippet='<button type="submit" style=""><svg></svg></button>',
        url=f"{S}/",
    )
    link_findings([icon, axe])
    assert icon.primary == axe.fingerprint and axe.primary is None


@pytest.mark.parametrize("n", [10, 200])
def test_deep_products_orphans_and_late_listings_are_one_finding_per_template(n):
    from checks.navigation import ClickDepth, Orphans, Pagination
    from tests.checks.test_navigation_structure import PRODUCT, site, view

    pages = [view("/", depth=0)]
    parents = {"/": None}
    for i in range(n):
        listing = f"/c/cat-{i % 7}?page=6"
        product = f"/product/p-{i}"
        pages.append(view(product, depth=6 + i % 2, template="/product/*", **PRODUCT))
        parents[product] = listing
    sitemap = [f"/product/old-{i}" for i in range(n)]
    s = site(pages, parents, sitemap=sitemap)
    deep = ClickDepth().evaluate(pages, s)
    assert [f.title for f in deep] == [
        "Product pages of /product/* up to 7 clicks from the home page"
    ]
    assert len(deep[0].urls) == n and deep[0].evidence["depth"] == 7
    (orphans,) = Orphans().evaluate(pages, s)
    assert len(orphans.urls) == n and orphans.key == "orphans:/product/*"
    (late,) = Pagination().evaluate(pages, s)
    assert len(late.urls) == n and late.key.startswith("late:/c/")


def test_a_trailing_count_is_no_part_of_the_title():
    one = finding(check="accessibility.axe", title="Images must have alternative text")
    many = finding(
        check="accessibility.axe", title="Images must have alternative text (13 elements)"
    )
    one.selector = many.selector = ".card > img"
    one.urls, many.urls = [f"{S}/a"], [f"{S}/b"]
    assert one.fingerprint == many.fingerprint
    assert len(merge_findings([one, many])) == 1


def test_a_shop_whose_home_page_alone_is_slow_is_not_good_at_performance():
    """The issue's shop: fast catalogue pages by the thousand, one slow home page."""
    home = copy.deepcopy(RECORDED["clean:home"])
    for run in home["timing"]["runs"]:
        run["metrics"]["lcp_ms"] = 6500.0  # poor on any profile
    entries = [home, RECORDED["clean:product"], RECORDED["clean:jackets"]]
    pages = [
        PageView(
            url=e["url"].replace("http://shop.test", S),
            final_url=None,
            status=200,
            template=e["template"],
            depth=0,
            content_type="text/html",
            title="t",
            error=None,
            facts={"timing": e["timing"]},
        )
        for e in entries
    ]
    sizes = {"/": 1, "/product/*": 5000, "/category/jackets": 300}
    site = SiteView(S + "/", {}, {}, [], {}, template_sizes=sizes)
    by_pages = WebVitals()
    by_pages.evaluate(pages, site)
    assert by_pages.score([], 3) >= 90  # by page count alone the home page vanishes
    site.roles = _roles(**{"/": "home", "/product/*": "product", "/category/jackets": "category"})
    check = WebVitals()
    findings = engine([check.evaluate(pages, site)])
    (lcp,) = [f for f in findings if f.evidence["metric"] == "lcp_ms"]
    assert lcp.severity == "serious" and lcp.url == f"{S}/"
    score = check.score(findings, 3)
    _, cats = score_categories(
        [CheckScore(check.id, "performance", score, 1.0, check.score_parts())],
        findings,
        {"performance": 1.0},
        site.roles,
    )
    perf = cats["performance"]
    assert perf["score"] < 90
    assert perf["breakdown"]["parts"][0]["what"] == "Largest Contentful Paint on /"
