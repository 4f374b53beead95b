"""accessibility.axe: grouping on recorded axe results, then axe-core in a real Chromium."""

from __future__ import annotations

import json

import pytest

from auditor.errors import ConfigError
from auditor.plugins import PageView, SiteView, load_checks
from auditor.runner import run_audit
from checks.accessibility import AxeCore
from checks.accessibility.axe import wcag_criteria
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

S = "http://shop.test"
MENU = {
    "id": "aria-command-name",
    "impact": "serious",
    "tags": ["cat.aria", "wcag2a", "wcag412"],
    "help": "ARIA commands must have an accessible name",
    "helpUrl": "https://dequeuniversity.com/rules/axe/4.12/aria-command-name",
    "count": 1,
    "nodes": [
        {
            "target": "#menu-toggle",
            "html": '<div id="menu-toggle" role="button">',
            "summary": "Fix any of the following: Element has no title attribute",
        }
    ],
}


def image(src: str) -> dict:
    return {
        "id": "image-alt",
        "impact": "critical",
        "tags": ["cat.text-alternatives", "wcag2a", "wcag111"],
        "help": "Images must have alternative text",
        "helpUrl": "https://dequeuniversity.com/rules/axe/4.12/image-alt",
        "count": 2,
        "nodes": [
            {
                "target": ".card:nth-child(1) > img",
                "html": f'<img src="{src}1.svg">',
                "summary": "",
            },
            {
                "target": ".card:nth-child(2) > img",
                "html": f'<img src="{src}2.svg">',
                "summary": "",
            },
        ],
    }


REVIEW = {
    "id": "color-contrast",
    "impact": "serious",
    "tags": ["wcag2aa"],
    "help": "Contrast",
    "helpUrl": "",
    "count": 3,
    "nodes": [],
}


def view(path: str, template: str, violations: list, incomplete: list | None = None) -> PageView:
    return PageView(
        url=S + path,
        final_url=S + path,
        status=200,
        template=template,
        depth=0,
        content_type="text/html",
        title="t",
        error=None,
        data={"violations": violations, "incomplete": incomplete or [], "ms": 500},
    )


def site() -> SiteView:
    return SiteView(S + "/", {}, {}, [], {})


def test_wcag_criteria_from_tags():
    assert wcag_criteria(["wcag2a", "wcag111", "wcag1410", "best-practice"]) == ["1.1.1", "1.4.10"]


def test_same_element_on_many_pages_is_one_finding_with_its_pages():
    pages = [
        view("/", "/", [MENU, image("/img/home")], [REVIEW]),
        view("/product/a", "/product/*", [MENU, image("/img/a")]),
        view("/product/b", "/product/*", [MENU, image("/img/b")], [REVIEW]),
    ]
    check = AxeCore()
    findings = check.evaluate(pages, site())
    menu = [f for f in findings if f.evidence["rule"] == "aria-command-name"]
    assert len(menu) == 1 and len(menu[0].urls) == 3  # one thing to fix, on 3 pages
    assert menu[0].severity == "serious" and menu[0].selector == "#menu-toggle"
    assert menu[0].evidence["wcag"] == ["4.1.2"] and "on 3 pages" in menu[0].message
    assert 'role="button"' in menu[0].snippet
    images = sorted(
        (f for f in findings if f.evidence["rule"] == "image-alt"), key=lambda f: f.urls
    )
    # the product images differ per page but are the same slots of one template: one
    # finding for the template's two pages, one for the home page, each with 2 elements
    assert [len(f.urls) for f in images] == [1, 2]
    assert all(f.severity == "critical" and f.evidence["elements_total"] == 2 for f in images)
    # a fix in plain words for common rules, axe's help for the others
    assert images[0].recommendation.startswith("Give every product and content image")
    assert menu[0].recommendation.startswith("Give every element with role=button")
    # what axe could not decide is a hint, never a finding
    assert not any(f.evidence["rule"] == "color-contrast" for f in findings)
    assert check.details["needs_review"] == [
        {
            "rule": "color-contrast",
            "help": "Contrast",
            "wcag": [],
            "pages": 2,
            "elements": 6,
            "urls": [S + "/", S + "/product/b"],  # the pages a person should look at
        }
    ]
    assert check.details["pages_checked"] == 3 and check.details["axe_seconds"] == 1.5


def test_pages_without_violations_give_no_finding():
    pages = [view("/", "/", []), view("/p", "/p", [], [REVIEW])]
    check = AxeCore()
    assert check.evaluate(pages, site()) == []
    assert check.score([], 2) == 100


@pytest.mark.parametrize(
    ("key", "value"),
    [("standards", ["wcag9"]), ("disable_rules", [""]), ("max_pages_per_template", -1)],
)
def test_bad_options_name_the_key(key, value):
    settings = quick_settings(audit={"checks": ["accessibility.axe"]})
    settings.checks["accessibility.axe"] = {key: value}
    with pytest.raises(ConfigError) as err:
        load_checks(settings)
    assert f'checks."accessibility.axe".{key}' in str(err.value)


def _shop(defects: bool) -> FixtureServer:
    viewport = "width=device-width, initial-scale=1" + (", maximum-scale=1" if defects else "")
    alt = "" if defects else ' alt="Alpine shell jacket"'
    grey = "#aaaaaa" if defects else "#555555"
    body = (
        f"<main><h1>Jackets</h1><img src='/j.svg' width='30' height='30'{alt}>"
        f"<p style='color:{grey};background:#ffffff'>Free returns</p></main>"
    )
    html = page("Jackets", body, f'<meta name="viewport" content="{viewport}">')
    if defects:
        html = html.replace("<html lang='en'>", "<html>")
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='30' height='30'></svg>"
    return FixtureServer(
        {
            "/": html,
            "/j.svg": Route(svg, content_type="image/svg+xml"),
            "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
        }
    )


async def _audit(srv, browser, tmp_path, **options) -> dict:
    settings = quick_settings(
        audit={"checks": ["accessibility.axe"]},
        crawl={"use_sitemap": False},
        checks={"accessibility.axe": options},
    )
    path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
    return json.loads(path.read_text())


async def test_axe_finds_missing_alt_and_lang_with_a_screenshot(browser, tmp_path):
    with _shop(defects=True) as srv:
        results = await _audit(srv, browser, tmp_path)
    rules = {f["evidence"]["rule"]: f for f in results["findings"]}
    assert {"image-alt", "html-has-lang"} <= set(rules)
    # zoom is accessibility.reflow's to judge: not counted twice by default
    assert "meta-viewport" not in rules
    assert rules["image-alt"]["severity"] == "critical"
    assert "j.svg" in rules["image-alt"]["snippet"]
    assert "1.1.1" in rules["image-alt"]["evidence"]["wcag"]
    # the contrast failure names its colour pair, as axe measured it
    assert rules["color-contrast"]["evidence"]["colours"] == ["#aaaaaa on #ffffff"]
    assert rules["image-alt"]["evidence"]["screenshot"].startswith("data:image/jpeg;base64,")
    (entry,) = [c for c in results["checks"] if c["id"] == "accessibility.axe"]
    details = entry["details"]
    assert details["pages_checked"] == 1 and details["axe_seconds"] > 0
    wcag = {row["criterion"]: row for row in details["wcag"]}
    assert wcag["1.1.1"]["rules_failed"] == ["image-alt"] and wcag["1.1.1"]["pages_failed"] == 1
    assert "html-has-lang" in wcag["3.1.1"]["rules_failed"]
    assert wcag["4.1.2"]["rules_passed"] and not wcag["4.1.2"]["rules_failed"]
    # per rule: two failed rules among many that passed, not a product of penalties
    assert 50 < entry["score"] < 100
    assert "image-alt" in details["rules_failed"] and "document-title" in details["rules_passed"]


async def test_axe_reports_disabled_zoom_when_its_rule_is_switched_on(browser, tmp_path):
    with _shop(defects=True) as srv:
        results = await _audit(srv, browser, tmp_path, disable_rules=[])
    assert "meta-viewport" in {f["evidence"]["rule"] for f in results["findings"]}


async def test_axe_clean_twin_has_no_violation(browser, tmp_path):
    with _shop(defects=False) as srv:
        results = await _audit(srv, browser, tmp_path)
    assert [f["title"] for f in results["findings"]] == []
    (entry,) = [c for c in results["checks"] if c["id"] == "accessibility.axe"]
    assert entry["score"] == 100 and entry["details"]["pages_checked"] == 1


def contrast(selectors: list[str], region: str) -> dict:
    return {
        "id": "color-contrast",
        "impact": "serious",
        "tags": ["wcag2aa", "wcag143"],
        "help": "Elements must meet minimum color contrast ratio thresholds",
        "helpUrl": "",
        "count": len(selectors),
        "nodes": [
            {"target": sel, "html": f"<a>{n}</a>", "summary": "", "region": region}
            for n, sel in enumerate(selectors)
        ],
    }


def test_the_footer_on_every_template_is_one_finding_however_axe_names_its_elements():
    pages = [
        view("/", "/", [contrast(["li:nth-child(1) > a", "footer > p"], "footer")]),
        view("/c/a", "/c/*", [contrast(['a[href$="login"]', "footer > p"], "footer")]),
        view("/p/a", "/p/*", [contrast(["footer > p"], "footer"), contrast([".price"], "main")]),
        view("/p/b", "/p/*", [contrast(["footer > p"], "footer"), contrast([".price"], "main")]),
    ]
    findings = AxeCore().evaluate(pages, site())
    footer = [f for f in findings if "in the footer" in f.message]
    assert len(footer) == 1 and len(footer[0].urls) == 4
    assert footer[0].evidence["elements_total"] == 3
    (price,) = [f for f in findings if f.selector == ".price"]
    assert price.urls == [S + "/p/a", S + "/p/b"] and "of /p/*" in price.message
    assert len(findings) == 2


def test_one_colour_pair_is_one_finding_wherever_it_is_used():
    def coloured(selectors: list[str], region: str, pair: list[str]) -> dict:
        v = contrast(selectors, region)
        for node in v["nodes"]:
            node["colors"] = pair
        return v

    blue, green = ["#007bff", "#ffffff"], ["#28a745", "#ffffff"]
    pages = [
        view("/c/a", "/c/*", [coloured([".side a", ".title a"], "main", blue)]),
        view("/p/a", "/p/*", [coloured([".cancel", "button.login"], "body", blue)]),
        view("/p/b", "/p/*", [coloured([".price", ".stock"], "main", green)]),
    ]
    findings = AxeCore().evaluate(pages, site())
    by_pair = {tuple(f.evidence.get("colours", [])): f for f in findings}
    assert set(by_pair) == {("#007bff on #ffffff",), ("#28a745 on #ffffff",)}
    assert by_pair[("#007bff on #ffffff",)].urls == [S + "/c/a", S + "/p/a"]
    assert "#007bff on #ffffff" in by_pair[("#007bff on #ffffff",)].message
    # without recorded colours (older records), the regions still group them
    plain = AxeCore().evaluate([view("/p/b", "/p/*", [contrast([".price"], "main")])], site())
    assert len(plain) == 1 and "colours" not in plain[0].evidence


def test_content_outside_landmarks_is_one_finding_for_the_site():
    region = {
        "id": "region",
        "impact": "moderate",
        "tags": ["best-practice"],
        "help": "All page content should be contained by landmarks",
        "helpUrl": "",
        "count": 1,
    }
    pages = [
        view(
            f"/{t}/x",
            f"/{t}/*",
            [
                {
                    **region,
                    "nodes": [
                        {"target": f".{t}-banner", "html": "<div>", "summary": "", "region": "body"}
                    ],
                }
            ],
        )
        for t in ("a", "b", "c")
    ]
    (finding,) = AxeCore().evaluate(pages, site())
    assert len(finding.urls) == 3 and finding.evidence["elements_total"] == 3
