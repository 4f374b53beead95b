"""JUnit XML, SARIF 2.1.0 and CSV rendered from recorded results (tests/data), read back
and checked: SARIF against the official schema shipped in tests/data."""

from __future__ import annotations

import copy
import csv
import io
import json
import sys
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from .test_html import ROOT, load_reports

reports = load_reports()
junit = sys.modules[reports.__name__ + ".junit"]
sarif = sys.modules[reports.__name__ + ".sarif"]
csv_export = sys.modules[reports.__name__ + ".csv_export"]

DEMO = ROOT / "tests" / "data" / "demo_results.json"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def hostile(demo: dict) -> dict:
    """The demo's results with shop text that attacks each format."""
    data = copy.deepcopy(demo)
    f = data["findings"][0]
    f["title"] = '=HYPERLINK("http://evil")</failure><x>\x00\u202e'
    f["message"] = "]]><!-- " + "x" * 10_000
    f["selector"] = "a[href='\"><script>']"
    data["pages"][0]["title"] = "@SUM(A1)\r\n-2"
    return data


def test_junit_cases_per_check_and_template(demo):
    root = ET.fromstring(junit.build_junit(demo))
    templates = {p["template"] for p in demo["pages"]}
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) >= {c["id"] for c in demo["checks"]}
    axe = suites["accessibility.axe"]
    names = {c.get("name") for c in axe.iter("testcase")}
    assert {f"accessibility.axe {t}" for t in templates} <= names
    # the critical icon-only button is on the home page: the home template fails
    home = next(c for c in axe.iter("testcase") if c.get("name") == "accessibility.axe /")
    failure = home.find("failure")
    assert failure is not None and "Buttons must have discernible text" in failure.text
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())
    assert int(root.get("failures")) > 0


def test_junit_min_severity_comes_from_the_results_settings(demo):
    data = copy.deepcopy(demo)
    data["settings"]["gate"] = {"junit_min_severity": "minor"}
    low = ET.fromstring(junit.build_junit(data))
    data["settings"]["gate"] = {"junit_min_severity": "critical"}
    high = ET.fromstring(junit.build_junit(data))
    serious = ET.fromstring(junit.build_junit(demo))  # no setting recorded: serious
    counts = [int(r.get("failures")) for r in (low, serious, high)]
    assert counts[0] > counts[1] > counts[2] > 0


def test_junit_survives_hostile_text(demo, tmp_path):
    path = junit.render_junit(hostile(demo), tmp_path)
    root = ET.parse(path).getroot()  # well-formed despite markup, NUL and CDATA ends
    assert root.tag == "testsuites"
    assert "<x>" not in path.read_text() or "&lt;x&gt;" in path.read_text()


def test_sarif_is_valid_2_1_0(demo, tmp_path):
    path = sarif.render_sarif(hostile(demo), tmp_path)
    log = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_rules_and_locations(demo):
    log = sarif.build_sarif(demo)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][: len(demo["checks"])] == [c["id"] for c in demo["checks"]]
    assert all(r["help"]["text"] for r in rules)
    assert len(run["results"]) == len(demo["findings"])
    for result, finding in zip(run["results"], demo["findings"], strict=True):
        assert rules[result["ruleIndex"]]["id"] == finding["check"] == result["ruleId"]
        loc = result["locations"][0]
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == (finding["url"] or demo["target"])
        if finding["selector"]:
            assert loc["logicalLocations"][0]["fullyQualifiedName"] == finding["selector"]
        assert result["partialFingerprints"]["shopAuditorFingerprint/v1"] == finding["fingerprint"]
        assert result["level"] == sarif.LEVELS[finding["severity"]]


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_of_findings_and_pages(demo, tmp_path):
    paths = csv_export.render_csv(demo, tmp_path)
    assert [p.name for p in paths] == ["findings.csv", "pages.csv"]
    rows = read_csv(paths[0].read_text(encoding="utf-8"))
    assert [r["fingerprint"] for r in rows] == [f["fingerprint"] for f in demo["findings"]]
    assert rows[0]["severity"] == demo["findings"][0]["severity"]
    pages = read_csv(paths[1].read_text(encoding="utf-8"))
    assert [p["url"] for p in pages] == [p["url"] for p in demo["pages"]]
    assert pages[0]["lcp_ms"] == str(demo["pages"][0]["metrics"]["lcp_ms"])


def test_csv_defuses_formulas(demo):
    data = hostile(demo)
    findings = read_csv(csv_export.build_findings_csv(data))
    assert findings[0]["title"].startswith("'=HYPERLINK")
    assert len(findings[0]["message"]) <= 2000
    pages = read_csv(csv_export.build_pages_csv(data))
    assert pages[0]["title"].startswith("'@SUM")


def test_render_by_comma_separated_formats(demo, tmp_path):
    written = reports.render(demo, tmp_path, ["junit,sarif", "csv"])
    assert [p.name for p in written] == ["junit.xml", "results.sarif", "findings.csv", "pages.csv"]
    with pytest.raises(ValueError, match="unknown report format 'docx'"):
        reports.render(demo, tmp_path, ["sarif,docx"])
