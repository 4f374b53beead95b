"""What a category's score is made of (``categories[*].breakdown``) and the same defect
counted once (``findings[*].primary``), as both reports show them.

tests/data/demo_breakdown.json patches the recorded demo as the engine writes results.json
since scores have a breakdown (tests/data/make_demo_breakdown.py made it with
auditor.scoring): the search form's icon-only button of forms.buttons points to axe's
finding on the same button, the home page's LCP is poor (a serious finding on a key page:
Performance is capped at 89) and every category says what its score is made of. Without
the breakdown (older results files) the section keeps reproducing scores from findings.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import jsonschema
import pytest

from .test_html import ROOT, SCHEMA, load_reports, parse, section

reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]
md_mod = sys.modules[reports.__name__ + ".markdown"]

DEMO = ROOT / "tests" / "data" / "demo_results.json"
PATCH = ROOT / "tests" / "data" / "demo_breakdown.json"
LINKED = "Icon-only submit button (search form)"
PRIMARY = "Buttons must have discernible text (2 elements)"
CAPPING = "Largest Contentful Paint is poor on /"


def with_breakdown(demo: dict) -> dict:
    """The recorded demo as the engine now writes it (tests/data/demo_breakdown.json)."""
    patch = json.loads(PATCH.read_text(encoding="utf-8"))
    results = copy.deepcopy(demo)
    results["score"] = patch["score"]
    results["categories"] = patch["categories"]
    results["settings"] = {**results["settings"], "roles": patch["settings_roles"]}
    for check in results["checks"]:
        if check["id"] in patch["checks"]:
            check["score"] = patch["checks"][check["id"]]
        if check["id"] == "performance.web-vitals":
            check["details"]["templates"] = patch["web_vitals_templates"]
    for finding in results["findings"]:
        change = copy.deepcopy(patch["findings"].get(finding["fingerprint"], {}))
        finding["evidence"].update(change.pop("evidence", {}))
        finding.update(change)
    return results


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results(demo) -> dict:
    return with_breakdown(demo)


@pytest.fixture(scope="module")
def report_path(results, tmp_path_factory) -> Path:
    return html_mod.render_html(copy.deepcopy(results), tmp_path_factory.mktemp("breakdown"))


@pytest.fixture(scope="module")
def doc(report_path) -> str:
    return report_path.read_text(encoding="utf-8")


def render(results: dict, tmp_path: Path) -> str:
    return html_mod.render_html(results, tmp_path).read_text(encoding="utf-8")


def card(document: str, anchor: str) -> str:
    """The scoring card of one category."""
    start = document.index(f'<article class="card score-card" id="{anchor}"')
    return document[start : document.index("</article>", start)]


def anchor_of(document: str, title: str) -> str:
    """The anchor of the Top problems card titled ``title``."""
    problems = section(document, "problems")
    head = problems.index(f"<h3>{title}</h3>")
    return re.findall(r'<article class="card finding[^"]*" id="(finding-\d+)"', problems[:head])[-1]


def test_the_patched_demo_is_valid_and_says_what_the_scores_are_made_of(results):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(results)
    assert all("breakdown" in cat for cat in results["categories"].values())
    assert results["categories"]["performance"]["breakdown"]["cap"]["role"] == "home"
    assert [f["title"] for f in results["findings"] if f.get("primary")] == [LINKED]


# --------------------------------------------------------------------------- scoring


def test_checks_show_their_weight_and_the_points_they_cost(doc, results):
    forms = card(doc, "score-forms")
    for entry in results["categories"]["forms"]["breakdown"]["checks"]:
        row = forms[forms.index(f"<code>{entry['check']}</code>") :]
        row = row[: row.index("</tr>")]
        assert f'data-k="Weight">{entry["weight"]:g}</td>' in row
        lost = f"{entry['points']:.1f}" if entry["points"] else "0"
        assert f'data-k="Points lost">{lost}</td>' in row
    # the engine's figures, not a reproduction: error handling costs 10.6 of Forms
    assert 'data-k="Points lost">10.6</td>' in forms
    assert "Scored by its own measure" in card(doc, "score-search")


def test_the_findings_that_cost_most_link_to_their_card(doc, results):
    forms = card(doc, "score-forms")
    costly = forms[forms.index("The findings that cost most") :]
    first = results["categories"]["forms"]["breakdown"]["findings"][0]
    assert first["title"] == "Placeholder used as the only label (newsletter form)"
    anchor = anchor_of(doc, first["title"])
    assert f'<span class="pts">−{first["points"]:.1f}</span>' in costly
    assert f'<a href="#{anchor}">{first["title"]}</a>' in costly
    # points most first, as the breakdown lists them
    points = [float(p) for p in re.findall(r'<span class="pts">−([\d.]+)</span>', costly)]
    assert points == sorted(points, reverse=True) and len(points) >= 10
    assert "and 7 more findings, 2.2 points together" in forms
    # every link in the section leads somewhere in the report
    for target in set(re.findall(r'href="#([\w-]+)"', section(doc, "scoring"))):
        assert f'id="{target}"' in doc, target


def test_the_cap_is_said_in_words_with_the_points_it_took(doc):
    perf = card(doc, "score-performance")
    anchor = anchor_of(doc, CAPPING)
    text = re.sub(r"<[^>]+>", "", perf)
    assert (
        "Capped at 89 because the home page (/) has a serious finding: "
        f"{CAPPING}. Without the cap, Performance would score 92.9." in text
    )
    assert f'<a href="#{anchor}">{CAPPING}</a>' in perf
    cap_row = perf[perf.index('<tr class="cap-row">') :]
    assert 'data-k="Points lost">3.9</td>' in cap_row[: cap_row.index("</tr>")]
    assert "Takes Performance from 92.9 down to 89." in cap_row
    # the measurements the page-speed score is made of, and the templates that lost points
    assert "The measurements that cost most" in perf
    assert '<span class="pts">−5.3</span> <span class="what">Largest Contentful Paint on /' in perf
    assert "Template <strong>/</strong> (home)" in perf
    assert "Template <strong>/about</strong>" not in perf  # full marks: nothing to explain
    # no other category was capped
    assert section(doc, "scoring").count("Capped at") == 1


def test_a_finding_counted_with_its_primary_is_noted_once(doc):
    forms = card(doc, "score-forms")
    once = forms[forms.index("Counted once") :]
    primary = anchor_of(doc, PRIMARY)
    assert LINKED in once
    assert f'Same defect as <a href="#{primary}">{PRIMARY}</a>' in once
    assert "it costs no points here" in once
    assert LINKED not in forms[: forms.index("Counted once")]  # not among the costs
    assert "1 more finding: counted once, with another check&#39;s." in forms


def test_the_lede_names_the_rules_the_breakdown_applies(doc):
    scoring = section(doc, "scoring")
    lede = scoring[: scoring.index("<table")]
    assert "by their role in the customer’s path" in lede
    assert "counts once" in lede and "keeps at most 89" in lede
    assert "(home, category, product, search, cart, checkout)" in lede


def test_without_breakdown_the_reproduction_stays(demo, tmp_path):
    scoring = section(render(copy.deepcopy(demo), tmp_path), "scoring")
    assert "−25 (25%)" in scoring  # each finding's cost reproduced from its severity
    assert "The findings that cost most" not in scoring and "Capped at" not in scoring
    assert "counts once" not in scoring


def test_a_category_without_breakdown_falls_back_alone(results, tmp_path):
    mixed = copy.deepcopy(results)
    del mixed["categories"]["search"]["breakdown"]
    document = render(mixed, tmp_path)
    assert "−25 (25%)" in card(document, "score-search")  # zero results: one serious finding
    assert "The findings that cost most" not in card(document, "score-search")
    assert "The findings that cost most" in card(document, "score-forms")


def test_a_broken_breakdown_does_not_break_the_report(results, tmp_path):
    broken = copy.deepcopy(results)
    bd = broken["categories"]["forms"]["breakdown"]
    bd["checks"] = [{"check": "forms.labels"}, "x", None]
    bd["findings"] = [{"fingerprint": "nowhere", "title": "Ghost", "points": 2.5}, {}, 7]
    bd["cap"] = {"limit": 89, "role": "warehouse", "fingerprint": None}
    bd["counted_elsewhere"] = ["nowhere", 3]
    forms = card(render(broken, tmp_path), "score-forms")
    assert "Ghost" in forms and 'href="#None"' not in forms
    assert "Capped at 89</strong> because a key page (warehouse) has a serious or critical" in forms


# --------------------------------------------------------------------------- findings


def test_top_problems_list_the_linked_finding_under_its_primary(doc, demo):
    problems = section(doc, "problems")
    assert f"<h3>{LINKED}</h3>" not in problems  # no card of its own
    primary = anchor_of(doc, PRIMARY)
    start = problems.index(f'id="{primary}"')
    its_card = problems[start : problems.index("</article>", start)]
    assert f"<strong>{LINKED}</strong>" in its_card
    assert f'Same defect as <a href="#{primary}">{PRIMARY}</a>' in its_card
    assert "(counted once)" in its_card
    # counted once: one problem fewer than findings, in the lede and the menu
    total = len(demo["findings"]) - 1
    assert f"{total} problems found" in problems
    assert "1 more finding of other checks is the same defect as one of these" in problems
    nav = doc[doc.index('<nav class="toc"') : doc.index("</nav>")]
    assert f'Top problems <span class="count">{total}</span>' in nav
    # its anchor exists, under the primary: the forms section links to it
    linked_anchor = re.search(r'<li id="(finding-\d+)"><span class="badge sev-serious">', its_card)
    assert linked_anchor and f'href="#{linked_anchor.group(1)}"' in section(doc, "forms")


def test_family_sections_mark_the_linked_finding(doc):
    forms = section(doc, "forms")
    primary = anchor_of(doc, PRIMARY)
    at = forms.index(f">{LINKED}</a>")
    assert f'Same defect as <a href="#{primary}">{PRIMARY}</a>' in forms[at : at + 600]
    assert forms.count("Same defect as") == 1


def test_linked_findings_beyond_the_cards_are_rows_under_their_primary(results, tmp_path):
    many = copy.deepcopy(results)
    axe = next(f for f in many["findings"] if f["title"] == PRIMARY)
    wider = {**axe["evidence"], "pages_total": 100}  # on more pages: before the primary
    for i in range(60):  # push the primary out of the cards, into the table
        many["findings"].append(
            {**axe, "fingerprint": f"c{i:015d}", "title": f"Crit {i}", "evidence": wider}
        )
    problems = section(render(many, tmp_path), "problems")
    table = problems[problems.index('<h3 class="subhead">More problems</h3>') :]
    row = table.index(f"<td>{PRIMARY}</td>")
    after = table[row : table.index("</tr>", table.index("</tr>", row) + 5)]
    assert '<tr class="linked-row" id="finding-' in after and LINKED in after


def test_a_primary_that_is_not_in_the_file_or_a_loop_links_nothing(results, tmp_path):
    odd = copy.deepcopy(results)
    a, b, c = odd["findings"][:3]
    a["primary"] = "not-in-this-file"
    b["primary"], c["primary"] = c["fingerprint"], b["fingerprint"]  # a circle
    document = render(odd, tmp_path)
    problems = section(document, "problems")
    assert f"<h3>{a['title']}</h3>" in problems and f"<h3>{b['title']}</h3>" in problems
    head = problems.index(f"<h3>{a['title']}</h3>")
    assert "Same defect as another check’s finding (counted once)" in problems[head : head + 400]
    assert 'id="None"' not in document and 'href="#None"' not in document


def test_verdict_and_category_counts_count_the_defect_once(doc, results):
    header = doc[: doc.index("</header>")]
    # 14 serious in the recording, one more on the home page, one counted with axe's
    assert "5 critical and 14 serious problems need fixing first" in header
    cards = section(doc, "categories")
    forms = cards[cards.index("<h3>Forms</h3>") :]
    forms = forms[: forms.index("</article>")]
    assert results["categories"]["forms"]["summary"].startswith("17 findings")
    assert "17 findings (5 serious" in forms and "5 serious" in forms


# --------------------------------------------------------------------------- markdown


def test_markdown_top_list_skips_the_linked_finding(results):
    md = md_mod.build_markdown(copy.deepcopy(results))
    top = md[md.index("## Top problems") : md.index("## Accessibility")]
    assert LINKED not in top
    assert f"{PRIMARY} (same defect also found by forms.buttons, counted once)" in top
    assert f"{len(results['findings']) - 1} problems found" in top
    assert "1 more finding of other checks is the same defect as a problem listed here" in top
    rows = [line for line in top.splitlines() if re.match(r"\| \d+ \|", line)]
    assert [int(r.split("|")[1]) for r in rows] == list(range(1, len(rows) + 1))


def test_markdown_says_which_category_was_capped(results, demo):
    md = md_mod.build_markdown(copy.deepcopy(results))
    perf = next(line for line in md.splitlines() if line.startswith("| Performance |"))
    assert perf.endswith("Capped at 89: a serious finding on the home page. |")
    assert md.count("Capped at") == 1
    assert "Capped at" not in md_mod.build_markdown(copy.deepcopy(demo))


def test_markdown_without_links_is_as_before(demo):
    md = md_mod.build_markdown(copy.deepcopy(demo))
    assert f"{len(demo['findings'])} problems found" in md
    assert "same defect" not in md


# --------------------------------------------------------------------------- hostile text


def test_breakdown_text_stays_text(results, tmp_path):
    evil = '<img src=x onerror=alert(1)>"{{ 7*7 }}'
    hostile = copy.deepcopy(results)
    bd = hostile["categories"]["performance"]["breakdown"]
    bd["cap"].update(role=evil, page="javascript:alert(1)", title=evil, fingerprint=evil)
    bd["parts"][0]["what"] = evil
    bd["findings"][0].update(title=evil, fingerprint=evil)
    hostile["categories"]["forms"]["breakdown"]["counted_elsewhere"].append(evil)
    linked = next(f for f in hostile["findings"] if f.get("primary"))
    hostile["findings"][-1]["primary"] = linked["fingerprint"]  # a chain: leads to axe's
    document = render(hostile, tmp_path)
    scoring = section(document, "scoring")
    assert "<img" not in scoring and "javascript:" not in re.findall(r'href="([^"]*)"', scoring)
    assert "&lt;img src=x onerror=alert(1)&gt;&#34;{{ 7*7 }}" in scoring
    assert "a key page (&lt;img" in scoring
    tags = {tag for tag, _ in parse(document).tags}
    assert "script" not in tags


# --------------------------------------------------------------------------- axe


def test_axe_finds_no_violation_in_the_breakdown_and_the_links(report_path):
    from tests.axe_check import axe_violations

    assert axe_violations([report_path.as_uri()]) == []
