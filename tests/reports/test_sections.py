"""The report's sections on a results.json recorded from the demo shop (with defects).

tests/data/demo_results.json is `auditor demo` as it ran (46 pages, every default check,
its screenshots). The tests render it and check that each section is there when its data
is and gone (with its menu entry) when not, that every chart carries its figures as text,
that every page is in the Pages section, that the file stays a sane size on a 400-page
shop, and that axe-core finds no violation in the report at desktop and phone width.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.axe_check import axe_violations

from .test_html import ROOT, SCHEMA, load_reports, parse, section

reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]
sections_mod = sys.modules[reports.__name__ + ".sections"]
images_mod = sys.modules[reports.__name__ + ".images"]

DEMO = ROOT / "tests" / "data" / "demo_results.json"
ALL_SECTIONS = [
    "categories",
    "problems",
    "scoring",
    "performance",
    "search",
    "forms",
    "accessibility",
    "structure",
    "pages",
    "audit",
    "crawl",
]


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_path(demo, tmp_path_factory) -> Path:
    return html_mod.render_html(copy.deepcopy(demo), tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def doc(demo_path) -> str:
    return demo_path.read_text(encoding="utf-8")


def render(results: dict, tmp_path: Path) -> str:
    return html_mod.render_html(results, tmp_path).read_text(encoding="utf-8")


def menu(document: str) -> list[str]:
    nav = document[document.index('<nav class="toc"') : document.index("</nav>")]
    return re.findall(r'<a href="#([\w-]+)"', nav)


def section_ids(document: str) -> list[str]:
    main = document[document.index("<main") : document.index("</main>")]
    return re.findall(r'<section id="([\w-]+)"', main)


def without(results: dict, prefix: str) -> dict:
    """``results`` without the checks and findings whose id starts with ``prefix``."""
    out = copy.deepcopy(results)
    out["checks"] = [c for c in out["checks"] if not c["id"].startswith(prefix)]
    out["findings"] = [f for f in out["findings"] if not f["check"].startswith(prefix)]
    return out


# --------------------------------------------------------------------------- the recording


def test_the_recording_is_valid_small_and_complete(demo):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        demo
    )
    assert DEMO.stat().st_size < 1_000_000
    ids = {c["id"] for c in demo["checks"] if c["status"] == "ran"}
    for check in ("performance.web-vitals", "forms.error-handling", "search.tolerance"):
        assert check in ids
    assert any(p["metrics"].get("timed_loads") for p in demo["pages"])


# --------------------------------------------------------------------------- present / absent


def test_every_section_is_present_in_order_with_its_menu_entry(doc):
    assert section_ids(doc) == ALL_SECTIONS
    assert menu(doc) == ALL_SECTIONS
    assert 'id="journeys"' not in doc  # the hook: no data yet, no section


def test_menu_counts(doc, demo):
    nav = doc[doc.index('<nav class="toc"') : doc.index("</nav>")]
    assert f'Top problems <span class="count">{len(demo["findings"])}</span>' in nav
    assert f'Pages <span class="count">{len(demo["pages"])}</span>' in nav


@pytest.mark.parametrize(
    ("gone", "strip"),
    [
        ("performance", lambda r: _no_timings(without(r, "performance."))),
        ("forms", lambda r: without(r, "forms.")),
        ("search", lambda r: without(r, "search.")),
        ("accessibility", lambda r: without(r, "accessibility.")),
        ("scoring", lambda r: {**r, "categories": {}}),
        ("pages", lambda r: {**r, "pages": []}),
    ],
)
def test_a_section_without_its_data_is_gone_with_its_menu_entry(demo, tmp_path, gone, strip):
    document = render(strip(copy.deepcopy(demo)), tmp_path)
    assert gone not in section_ids(document)
    assert gone not in menu(document)
    assert f'id="{gone}-h"' not in document
    others = [s for s in ALL_SECTIONS if s != gone and s in section_ids(document)]
    assert menu(document) == others


def _no_timings(results: dict) -> dict:
    for page in results["pages"]:
        page["metrics"] = {}
    return results


def test_the_journeys_hook_is_registered_and_quiet(demo):
    spec = next(s for s in sections_mod.SECTIONS if s.id == "journeys")
    assert spec.build(sections_mod.ReportData.of(demo)) is None
    assert (ROOT / "reports" / "templates" / "sections" / "journeys.html.j2").is_file()


def test_sections_render_from_minimal_results(tmp_path):
    from .test_html import minimal_results

    document = render(minimal_results(), tmp_path)
    assert section_ids(document) == ["categories", "problems", "structure", "audit", "crawl"]


# --------------------------------------------------------------------------- charts as text


def test_every_chart_carries_its_numbers_as_text(doc):
    svgs = re.findall(r"<svg\b.*?</svg>", doc, re.S)
    assert len(svgs) > 100
    for svg in svgs:
        texts = re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)
        assert any(re.search(r"\d", t) for t in texts), svg[:200]
        assert re.search(r"<title id=\"[^\"]+\">[^<]+</title>", svg)
    # the strips: median above, both thresholds below, and a description in words
    strips = [s for s in svgs if 'class="strip"' in s]
    assert len(strips) >= 6 * 20
    for strip in strips:
        assert 'class="median-label"' in strip
        assert len(re.findall(r'<text class="tick"', strip)) == 2
        desc = re.search(r"<desc id=\"[^\"]+\">([^<]+)</desc>", strip).group(1)
        assert "median" in desc and "good up to" in desc and "poor above" in desc


def test_the_home_template_lcp_strip_states_its_figures(doc):
    perf = section(doc, "performance")
    start = perf.index('<title id="perf-t1-lcp-t">Largest Contentful Paint, template /</title>')
    strip = perf[start : perf.index("</svg>", start)]
    assert ">2.7 s</text>" in strip  # the median
    assert ">2.5 s</text>" in strip and ">4.0 s</text>" in strip  # the thresholds
    assert "median 2.7 s (needs improvement)" in strip
    # and beside the drawing, in words, not by colour alone
    label = perf[perf.rindex('<div class="strip-label">', 0, start) : start]
    assert "2.7 s" in label and "needs improvement" in label


# --------------------------------------------------------------------------- performance


def test_performance_names_profile_loads_and_medians(doc):
    perf = section(doc, "performance")
    # the desktop profile runs unthrottled, whatever the mobile settings say
    assert "timed with the desktop profile: 89 timed loads" in perf
    assert "CPU slowed" not in perf
    assert "89 timed loads on 45 pages" in perf
    assert "(1–3 per page)" in perf
    assert "Medians over all timed pages" in perf
    assert "Largest Contentful Paint (LCP) · good" in perf


def test_performance_lists_the_slowest_pages_with_their_causes(doc):
    perf = section(doc, "performance")
    slow = perf[perf.index("Slowest pages first") :]
    first = slow.index("/product/alpine-shell-jacket")
    assert first < slow.index('href="http://127.0.0.1:35065/"')  # lowest score first
    assert "/static/js/recommendations.js (TimerHandler:setTimeout)" in slow
    assert "1, the longest 413 ms" in slow
    assert "img &#34;A hiker on a mountain ridge above the fjord at sunrise&#34;" in slow
    assert "/static/img/hero.png (requested at 172 ms, arrived after 2.5 s)" in slow
    assert "Elements that moved" in slow
    assert '<a href="#finding-' in slow
    assert "/static/img/about-team-full.png" in perf  # the resources table


def test_performance_uses_the_checks_thresholds_from_the_evidence(demo, tmp_path):
    results = copy.deepcopy(demo)
    for f in results["findings"]:
        if f["check"] == "performance.web-vitals" and f["evidence"]["metric"] == "lcp_ms":
            f["evidence"]["threshold"], f["evidence"]["poor_above"] = 1000.0, 2000.0
    perf = section(render(results, tmp_path), "performance")
    assert "good up to 1.0 s, poor above 2.0 s" in perf


# --------------------------------------------------------------------------- forms


def test_forms_show_each_form_with_its_probes_and_picture(doc, demo):
    forms = section(doc, "forms")
    probes = next(c for c in demo["checks"] if c["id"] == "forms.error-handling")["details"]
    for probe in probes["probes"]:
        assert probe["url"] in forms
    cards = re.findall(r'<article class="card form-card">.*?</article>', forms, re.S)
    assert len(cards) == 5  # four probed, and the search form its findings name
    contact = next(c for c in cards if "Contact us" in c)
    assert "<dd>14</dd>" in contact
    assert "Required fields are not marked (14 fields)" in contact
    assert "1 field without a token" in contact
    assert contact.count("Sent unchecked (the audit blocked the request)") == 2
    assert '<img src="data:image/jpeg;base64,' in contact
    register = next(c for c in cards if "Create an account" in c)
    assert register.count("The page showed error messages") == 2
    login = next(c for c in cards if "Sign in" in c)
    assert "sign-in errors come from the server" in login


# --------------------------------------------------------------------------- search


def test_search_shows_queries_matrix_speed_zero_results_and_suggestions(doc):
    search = section(doc, "search")
    assert "searched for 5 products by name and found 5" in search
    assert "tried 25 variants" in search and "15 found nothing" in search
    row = search[search.index("“Alpine Daypack”</th>") :]
    row = row[: row.index("</tr>")]
    assert "“Alpine Dayack”" in row and "“Alpine Dapyack”" in row  # both misspellings
    assert "“Alpine Daypacks”" in row
    for header in ("Misspelt", "Plural / singular", "Case", "Umlaut"):
        assert f'<th scope="col">{header}</th>' in search
    assert "Synonym" not in search  # no synonym failed: no column
    assert "median <strong" in search and "2.3 s" in search and "slowest 3.2 s" in search
    assert "“qxzvbwkj”" in search and "drops the shop&#39;s header and menu" in search
    assert "The zero-results page as the audit saw it" in search
    assert "after typing “day”" in search


# --------------------------------------------------------------------------- pages


def test_every_page_is_in_the_pages_section_grouped_by_template(doc, demo):
    pages = section(doc, "pages")
    rows = re.findall(
        r"<tr(?: class=\"failed\")?>\s*<td class=\"page-url\">(.*?)</td>", pages, re.S
    )
    assert len(rows) == len(demo["pages"])
    for page in demo["pages"]:
        assert f'href="{page["url"]}"' in pages, page["url"]
    templates = {p["template"] for p in demo["pages"]}
    groups = re.findall(r'<details class="card template-group" id="(pages-t\d+)"', pages)
    assert len(groups) == len(templates)
    for anchor in groups:
        assert f'<a href="#{anchor}">' in pages
    assert "<td>product</td>" in pages  # the page's kind


def test_pages_link_to_their_findings(doc):
    pages = section(doc, "pages")
    anchors = set(re.findall(r'<a href="#(finding-\d+)" class="finding-link">', pages))
    assert anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in doc


def test_a_page_with_kinds_shows_them_all(demo, tmp_path):
    results = copy.deepcopy(demo)
    results["pages"][0]["kinds"] = ["home", "search"]
    pages = section(render(results, tmp_path), "pages")
    assert "<td>home, search</td>" in pages


# --------------------------------------------------------------------------- scoring


def test_scoring_shows_weights_and_points_that_add_up(doc, demo):
    scoring = section(doc, "scoring")
    assert f"The overall score of {round(demo['score'])}" in scoring
    lost = re.findall(r'<td class="num">([\d.]+)</td></tr>', scoring[: scoring.index("</table>")])
    assert sum(map(float, lost)) == pytest.approx(100 - demo["score"], abs=0.3)
    assert "Zero-results page is a dead end" in scoring and "−25 (25%)" in scoring
    assert "Scored by its own measure (Variants 25 · Failed 15)" in scoring
    assert "Template <strong>/product/*</strong>" in scoring


# --------------------------------------------------------------------------- size


def big_shop(demo: dict, pages: int = 400) -> dict:
    """The demo grown to ``pages`` pages: product pages cloned, findings on all of them."""
    results = copy.deepcopy(demo)
    product = next(p for p in results["pages"] if p["template"] == "/product/*")
    base = product["url"]
    for i in range(pages - len(results["pages"])):
        clone = copy.deepcopy(product)
        clone["url"] = clone["final_url"] = f"{base}-{i}"
        clone["template"] = f"/t{i % 15}/*"
        clone["metrics"]["lcp_ms"] = 500 + 37 * i
        results["pages"].append(clone)
    every = [p["url"] for p in results["pages"]]
    for f in results["findings"]:
        f["urls"] = every
    return results


def test_a_400_page_shop_gives_a_report_of_sane_size(demo, tmp_path):
    document = render(big_shop(demo), tmp_path)
    assert len(document) < 2_500_000
    pages = section(document, "pages")
    rows = re.findall(r"<td class=\"page-url\">", pages)
    assert len(rows) == 400
    assert len(re.findall(r'<circle class="dot-page"', document)) < 3000


def test_screenshots_are_scaled_down(demo):
    import base64
    import io

    from PIL import Image

    big = next(
        f["evidence"]["screenshot"]
        for f in demo["findings"]
        if len(f["evidence"].get("screenshot", "")) > 40_000
    )
    small = images_mod.picture(big)
    assert len(small) < len(big)
    with Image.open(io.BytesIO(base64.b64decode(small.split(",", 1)[1]))) as image:
        assert image.size[0] <= images_mod.MAX_WIDTH


# --------------------------------------------------------------------------- print and phone


def test_print_breaks_between_sections_and_keeps_charts_whole():
    css = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")
    printing = css[css.rindex("@media print") :]
    assert "main > section + section { break-before: page; }" in printing
    assert re.search(r"svg, figure[^{]*\{ break-inside: avoid; \}", printing)


def test_the_report_stays_script_free_and_self_contained(doc):
    tags = parse(doc).tags
    assert "script" not in [t for t, _ in tags]
    for tag, attrs in tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value and name == "src":
                assert value.startswith("data:image/")
            if value and tag == "link":
                pytest.fail(f"external resource {value}")


# --------------------------------------------------------------------------- axe


def test_axe_finds_no_violation_at_desktop_and_phone_width(demo_path):
    assert axe_violations([demo_path.as_uri()]) == []


def test_forms_findings_that_name_no_form_are_still_listed(tmp_path):
    from .test_html import SAMPLE

    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    forms = section(render(sample, tmp_path), "forms")
    assert "Findings about forms" in forms
    assert "Checkout fields use placeholders instead of labels" in forms
    assert "found no form to judge" not in forms


def test_the_long_tasks_tbt_counted_are_named_with_their_scripts(demo, tmp_path):
    results = copy.deepcopy(demo)
    tbt = next(
        f
        for f in results["findings"]
        if f["check"] == "performance.web-vitals" and f["evidence"]["metric"] == "tbt_ms"
    )
    tbt["evidence"]["blocking_tasks"] = [
        {"start_ms": 812.0, "duration_ms": 413.0, "blocking_ms": 363.0, "scripts": ["/a.js"]}
    ]
    tbt["evidence"]["tbt_window_ms"] = [440.0, 2100.0]
    perf = section(render(results, tmp_path), "performance")
    assert "at 812 ms for 413 ms (363 ms blocking): /a.js" in perf
    assert "from the first paint at 440 ms to interactive at 2.1 s" in perf


def test_forms_say_where_the_focus_went_when_the_probe_recorded_it(demo, tmp_path):
    results = copy.deepcopy(demo)
    check = next(c for c in results["checks"] if c["id"] == "forms.error-handling")
    check["details"]["probes"][3]["focus"] = "button"
    forms = section(render(results, tmp_path), "forms")
    assert "<dt>Focus after it</dt>" in forms and "Stayed on the submit button" in forms
    assert forms.count("<dt>Focus after it</dt>") == 1


def test_the_crawl_section_says_which_figures_cover_the_whole_shop(demo, tmp_path):
    results = copy.deepcopy(demo)
    results["stats"].update(
        {"pages_crawled": 46, "urls_mapped": 19954, "urls_in_link_graph": 20000}
    )
    results["stats"]["stages"] = {"crawl": 41.5, "evaluate": 0.4, "site: search.box": 7.5}
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", render(results, tmp_path)))
    assert "whole link graph: 20,000 addresses reached by links" in text
    assert "46 pages rendered in the browser, 19,954 more read over HTTP" in text
    assert "Read over HTTP (link map)" in text
    # the stages, slowest first
    assert text.index("crawl 41.5 s") < text.index("site: search.box 7.5 s")


def test_an_audit_without_a_link_map_makes_no_claim_about_it(demo, tmp_path):
    results = copy.deepcopy(demo)
    for key in ("urls_mapped", "urls_in_link_graph"):
        results["stats"].pop(key, None)
    text = render(results, tmp_path)
    assert "whole link graph" not in text and "Read over HTTP" not in text


def test_a_good_score_with_a_critical_problem_is_not_called_good_shape():
    from_findings = sys.modules[reports.__name__ + ".sections.findings"]
    critical = from_findings.verdict(91, {"critical": 2, "serious": 27}, 104)
    assert not critical.startswith("The shop is in good shape")
    assert "2 critical and 27 serious problems need fixing first" in critical
    serious_only = from_findings.verdict(91, {"serious": 3}, 10)
    assert serious_only.startswith("The shop is in good shape")
