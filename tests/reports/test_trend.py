"""The report's trend section: scores over the recorded runs (results.json ``trend``)."""

from __future__ import annotations

import copy
import json
import sys

import jsonschema
import pytest

from .test_html import SAMPLE, SCHEMA, load_reports

reports = load_reports()
trend_mod = sys.modules[reports.__name__ + ".sections.trend"]


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def with_trend(sample: dict, runs: list[dict], site: str = "http://shop.test") -> dict:
    results = copy.deepcopy(sample)
    results["trend"] = {"site": site, "runs": runs}
    return results


RUNS = [
    {
        "started_at": "2026-01-01T10:00:00Z",
        "status": "complete",
        "score": 91.0,
        "categories": {"navigation": 95.0, "forms": 88.0},
    },
    {
        "started_at": "2026-01-02T10:00:00Z",
        "status": "cut_short",
        "score": 64.0,
        "categories": {"navigation": 41.0, "forms": None},
    },
    {
        "started_at": "2026-01-03T10:00:00Z",
        "status": "complete",
        "score": 87.5,
        "categories": {"navigation": 90.0, "forms": 85.0},
        "current": True,
    },
]


def section(html: str) -> str:
    start = html.index('<section id="trend"')
    return html[start : html.index("</section>", start)]


def test_the_schema_accepts_a_trend(sample):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(with_trend(sample, RUNS))
    bad = with_trend(sample, [{**RUNS[0], "status": "fine"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_three_runs_draw_one_line_per_score_with_values_as_text(sample, tmp_path):
    html = (reports.render_html(with_trend(sample, RUNS), tmp_path)).read_text()
    part = section(html)
    assert 'href="#trend"' in html  # in the menu
    # a line per series, the overall one first, each with its own pattern
    # overall and navigation; forms has a gap in the middle, so only its two points
    assert part.count("<polyline") == 2
    assert part.count("<path d=") >= 3 + 3 + 2  # markers (and the legend's samples)
    assert "Overall 88" in part and "navigation 90" in part and "forms 85" in part
    # every value is in the table as text, the gap as n/a, the status said
    for text in ("91", "64", "41", "n/a", "(cut short)", "(this audit)"):
        assert text in part, text
    assert "<title" in part and "<desc" in part


def test_no_trend_section_with_fewer_than_two_runs(sample, tmp_path):
    for results in (sample, with_trend(sample, RUNS[:1])):
        assert 'id="trend"' not in reports.render_html(results, tmp_path).read_text()


def test_the_site_name_is_escaped(sample, tmp_path):
    html = reports.render_html(with_trend(sample, RUNS, "<script>x</script>"), tmp_path)
    part = section(html.read_text())
    assert "<script>" not in part and "&lt;script&gt;" in part


def test_series_differ_by_pattern_and_marker_not_colour():
    chart = trend_mod.line_chart(["a", "b"], [("A", [1.0, 2.0]), ("B", [3.0, 4.0])])
    a, b = chart["series"]
    assert a["pattern"] != b["pattern"] and a["marker"] != b["marker"]
    # end labels never overlap
    assert abs(a["label_y"] - b["label_y"]) >= 13
