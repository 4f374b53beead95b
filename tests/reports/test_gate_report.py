"""The gate's verdict and the baseline comparison in report.html and summary.md: broken
rules as on stderr, new findings marked, scores with their change."""

from __future__ import annotations

import copy
import json

from auditor.config import load_settings
from auditor.gate import apply_gate, breach_lines

from .test_html import ROOT, load_reports

reports = load_reports()

DEMO = ROOT / "tests" / "data" / "demo_results.json"


def gated() -> dict:
    base = json.loads(DEMO.read_text(encoding="utf-8"))
    new = json.loads(json.dumps(base).replace(base["target"].rstrip("/"), "http://127.0.0.1:9"))
    planted = copy.deepcopy(new["findings"][0])
    planted |= {"fingerprint": "planted", "title": "Planted <b>defect</b> | here"}
    new["findings"].append(planted)
    new["categories"]["search"]["score"] -= 7
    base["findings"].append(copy.deepcopy(base["findings"][1]) | {"fingerprint": "gone"})
    gate = load_settings(None, {"gate": {"fail_on_new": "serious", "max_score_drop": 2}}).gate
    return apply_gate(new, gate, base)


def test_summary_shows_gate_and_comparison(tmp_path):
    results = gated()
    md = reports.render_markdown(results, tmp_path).read_text(encoding="utf-8")
    assert "❌ The gate failed: 2 of " in md
    for line in breach_lines(results):  # the same lines as on stderr (shop text escaped)
        assert f"- {line.split(':')[0]}" in md
    assert "- search score drop: limit &lt;= 2, measured 7 (74.5 -&gt; 67.5)" in md
    assert "**1 new**, 1 fixed, " in md
    assert "🆕 **new** Planted &lt;b&gt;defect&lt;/b&gt; \\| here" in md  # marked in the table
    assert "| Search | " in md and "(−7)" in md


def test_html_shows_gate_and_comparison(tmp_path):
    html = reports.render_html(gated(), tmp_path).read_text(encoding="utf-8")
    assert 'id="gate"' in html and "The gate failed:" in html
    assert "search score drop: limit &lt;= 2, measured 7" in html
    assert html.count('class="badge badge-new"') >= 2  # in the comparison and on the card
    assert "Planted &lt;b&gt;defect&lt;/b&gt;" in html and "<b>defect" not in html
    assert "−7 since the baseline" in html


def test_reports_without_gate_have_no_gate_section(tmp_path):
    base = json.loads(DEMO.read_text(encoding="utf-8"))
    base["gate"] = {"passed": True, "rules": []}  # what a run without rules records
    html = reports.render_html(base, tmp_path).read_text(encoding="utf-8")
    md = reports.render_markdown(base, tmp_path).read_text(encoding="utf-8")
    assert 'id="gate"' not in html and "## Gate" not in md and "baseline" not in md
