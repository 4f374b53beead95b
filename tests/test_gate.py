"""The gate and the baseline comparison on recorded results (tests/data/demo_results.json):
fingerprints without host or port, new/fixed/unchanged, pages sampled in one run only,
each rule's verdict line, and baselines that cannot be compared with (exit 2)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from auditor.config import load_settings
from auditor.gate import (
    BaselineError,
    apply_gate,
    breach_lines,
    compare,
    load_baseline,
    same_site,
)
from auditor.model import Finding
from auditor.results import validate_results
from tests.test_cli import assert_one_line_error, run_cli

DEMO = Path(__file__).parent / "data" / "demo_results.json"


@pytest.fixture()
def demo() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def moved(results: dict, origin: str = "http://127.0.0.1:9") -> dict:
    """The same audit as seen on another address (a preview deployment)."""
    old = results["target"].rstrip("/")
    return json.loads(json.dumps(results).replace(old, origin))


def gate(**values):
    return load_settings(None, {"gate": values}).gate


def test_fingerprint_holds_no_host_or_port():
    def finding(url: str, **kw) -> Finding:
        return Finding("navigation.broken-links", "navigation", "serious", "Broken link", "m", "r",
                       url=url, **kw)  # fmt: skip

    a = finding("http://127.0.0.1:4000/a", key="http://127.0.0.1:4000/gone")
    b = finding("https://staging.example:8443/a", key="https://staging.example:8443/gone")
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != finding("http://x/a", key="http://x/elsewhere").fingerprint
    # pages and their order are not part of it
    c = finding("http://x/b", key="http://x/gone", urls=["http://x/b", "http://x/a"])
    assert c.fingerprint == a.fingerprint


def test_the_same_audit_on_another_port_is_unchanged(demo):
    other = moved(demo)
    assert same_site(demo, other)
    c = compare(demo, other)
    assert c["new"] == [] and c["fixed"] == [] and c["sampled_apart"] == 0
    assert c["unchanged"] == len({f["fingerprint"] for f in demo["findings"]})
    assert all(ch["change"] == 0 for ch in c["categories"].values())


def test_new_fixed_and_sampled_apart(demo):
    after = moved(demo)
    gone = after["findings"].pop(0)
    planted = copy.deepcopy(after["findings"][0]) | {
        "fingerprint": "planted",
        "severity": "serious",
    }
    only_here = copy.deepcopy(planted) | {"fingerprint": "only-here"}
    only_here["url"] = "http://127.0.0.1:9/product/sampled-only-now"
    only_here["urls"] = [only_here["url"]]
    after["findings"] += [planted, only_here]
    after["pages"].append(dict(after["pages"][-1], url=only_here["url"]))
    c = compare(demo, after)
    assert c["new"] == ["planted"]
    assert [f["fingerprint"] for f in c["fixed"]] == [gone["fingerprint"]] and c["fixed_total"] == 1
    assert c["sampled_apart"] == 1
    # a finding of the baseline whose pages this run did not audit is not fixed either
    before = copy.deepcopy(demo)
    lost = copy.deepcopy(before["findings"][1]) | {"fingerprint": "lost"}
    lost["url"], lost["urls"] = "http://x/not-sampled-now", ["http://x/not-sampled-now"]
    before["findings"].append(lost)
    before["pages"].append(dict(before["pages"][-1], url=lost["url"]))
    c = compare(before, moved(demo))
    assert c["fixed"] == [] and c["sampled_apart"] == 1


def test_rules_and_their_lines(demo):
    results = apply_gate(
        copy.deepcopy(demo),
        gate(
            fail_under=99,
            categories={"accessibility": 95, "performance": 10},
            max_findings={"critical": 0, "minor": 100},
            budgets={"/product/*": {"lcp_ms": 1}, "*": {"cls": 5}},
        ),
        None,
    )
    assert validate_results(results) == []
    assert results["gate"]["passed"] is False
    lines = breach_lines(results)
    assert lines[0] == f"overall score: limit >= 99, measured {round(demo['score'], 1):g}"
    assert any(line.startswith("accessibility score: limit >= 95, measured ") for line in lines)
    assert any(line.startswith("critical findings: limit <= 0, measured ") for line in lines)
    assert any(
        line.startswith("lcp_ms of /product/* (median of 25 pages): limit <= 1") for line in lines
    )
    assert not any("performance" in line or "minor" in line or "cls" in line for line in lines)
    assert apply_gate(copy.deepcopy(demo), gate(), None)["gate"] == {"passed": True, "rules": []}


def test_baseline_rules(demo):
    worse = moved(demo)
    worse["categories"]["search"]["score"] -= 5
    planted = copy.deepcopy(worse["findings"][0]) | {"fingerprint": "planted"}
    worse["findings"].append(planted)
    results = apply_gate(worse, gate(fail_on_new="serious", max_score_drop=2), demo)
    assert validate_results(results) == []
    lines = breach_lines(results)
    assert lines[0].startswith(
        f"new findings at or above serious: limit 0, measured 1 ([{planted['severity']}] "
    )
    assert lines[1].startswith("search score drop: limit <= 2, measured 5 (")
    assert len(lines) == 2
    # the same audit again passes every rule
    same = apply_gate(moved(demo), gate(fail_on_new="minor", max_score_drop=0.5), demo)
    assert same["gate"]["passed"] and same["comparison"]["new"] == []


def test_baselines_that_cannot_be_compared(demo, tmp_path):
    path = tmp_path / "base.json"
    path.write_text("{not json")
    with pytest.raises(BaselineError, match="not a readable results file"):
        load_baseline(path)
    path.write_text(json.dumps(demo | {"schema_version": "2.0"}))
    with pytest.raises(BaselineError, match=r"schema version 2\.0 is newer"):
        load_baseline(path)
    path.write_text(json.dumps(demo | {"findings": [{"fingerprint": 1}]}))
    with pytest.raises(BaselineError, match="not a valid results file"):
        load_baseline(path)
    other = moved(demo, "https://another-shop.example")
    for p in other["pages"]:
        p["url"] = p["url"].replace("/product/", "/p/").replace("/category/", "/c/") + "x"
    assert not same_site(demo, other)
    with pytest.raises(BaselineError, match="audits another site"):
        apply_gate(other, gate(), demo, "base.json")


def test_diff_command(demo, tmp_path):
    base, new = tmp_path / "base.json", tmp_path / "new.json"
    base.write_text(json.dumps(demo))
    worse = moved(demo)
    worse["findings"].append(copy.deepcopy(worse["findings"][0]) | {"fingerprint": "planted"})
    new.write_text(json.dumps(worse))
    ok = run_cli("diff", str(base), str(new), "--fail-on-new", "critical")
    assert ok.exit_code == 1, ok.output  # the planted finding is critical
    assert "New findings: 1" in ok.stdout and "Unchanged findings: " in ok.stdout
    assert ok.stderr.startswith("gate failed: new findings at or above critical: limit 0")
    same = run_cli("diff", str(base), str(base), "--fail-on-new", "--max-score-drop", "1")
    assert same.exit_code == 0 and "New findings: 0" in same.stdout
    base.write_text(json.dumps(demo | {"schema_version": "9.1"}))
    assert_one_line_error(run_cli("diff", str(base), str(new)), "is newer than this auditor")
    bad = run_cli("diff", str(new), str(new), "--max-findings", "critical")
    assert_one_line_error(bad, "--max-findings 'critical': expected KEY=VALUE")


def test_run_with_a_baseline_end_to_end(tmp_path):
    """A real audit of a fixture shop, fixed, against the broken one's results; then the
    broken one against the fixed one's: new findings fail the gate. Every format is
    written, results.json (with the comparison and the verdict) stays valid."""
    from tests.fixture_server import FixtureServer, Route, page
    from tests.test_cli import QUIET, broken_shop

    formats = ["--format", "html,markdown,junit,sarif,csv"]
    with FixtureServer(broken_shop()) as srv:
        bad = run_cli("run", srv.base_url, "--out", str(tmp_path / "bad"), *QUIET)
        srv.routes["/"] = Route(page("Home", "<a href='/'>home</a>"))
        base = str(tmp_path / "bad" / "results.json")
        good = run_cli(
            "run", srv.base_url, "-o", str(tmp_path / "good"), *QUIET, *formats,
            "--baseline", base, "--fail-on-new", "--max-score-drop", "1",
        )  # fmt: skip
    assert bad.exit_code == 0 and good.exit_code == 0, good.output
    assert "Fixed findings: 1" in good.stdout
    results = json.loads((tmp_path / "good" / "results.json").read_text())
    assert validate_results(results) == []
    assert results["comparison"]["fixed_total"] == 1 and results["gate"]["passed"]
    for name in ("report.html", "summary.md", "junit.xml", "results.sarif", "findings.csv"):
        assert (tmp_path / "good" / name).is_file()
    assert "## Compared with the baseline" in (tmp_path / "good" / "summary.md").read_text()
    # the other way round, through diff: the broken link is new
    worse = run_cli("diff", str(tmp_path / "good" / "results.json"), base, "--fail-on-new")
    assert worse.exit_code == 1 and "New findings: 1" in worse.stdout
    assert worse.stderr.strip().splitlines() == [
        "gate failed: new findings at or above minor: limit 0, measured 1 "
        "([serious] Link leads to an error page)"
    ]


def test_run_with_an_unusable_baseline_stops_before_the_audit(tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2")
    # the address is never visited: the baseline is read first
    out = str(tmp_path / "out")
    result = run_cli("run", "http://127.0.0.1:9/", "-o", out, "--baseline", str(junk))
    assert_one_line_error(result, f"baseline {junk}: not a readable results file")
    assert not (tmp_path / "out").exists()


def test_run_against_another_sites_baseline_is_exit_2_with_reports(tmp_path):
    from tests.fixture_server import FixtureServer, Route, page
    from tests.test_cli import QUIET

    def shop(*paths: str) -> dict:
        links = "".join(f"<a href='{p}'>{p}</a>" for p in paths)
        return {"/": Route(page("Home", links))} | {p: Route(page(p, "x")) for p in paths}

    with FixtureServer(shop("/tents", "/jackets", "/boots")) as srv:
        first = run_cli("run", srv.base_url, "-o", str(tmp_path / "a"), *QUIET)
    with FixtureServer(shop("/blog/one", "/blog/two", "/about-us")) as srv:
        other = srv.base_url.replace("127.0.0.1", "localhost")
        base = str(tmp_path / "a" / "results.json")
        second = run_cli("run", other, "-o", str(tmp_path / "b"), *QUIET, "--baseline", base)
    assert first.exit_code == 0, first.output
    assert_one_line_error(second, "audits another site")
    assert (tmp_path / "b" / "report.html").is_file()  # the audit's own reports are written


def test_metrics_regress_only_outside_their_band(demo):
    """Timing noise passes; a template's median that grows past its margin and its
    noise floor fails; a template measured in one run only is not compared."""
    after = moved(demo)
    for p in after["pages"]:
        m = p["metrics"]
        if p["template"] == "/product/*" and "lcp_ms" in m:
            m["lcp_ms"] *= 1.6  # a real regression
        if "tbt_ms" in m:
            m["tbt_ms"] = m["tbt_ms"] * 1.1 + 5  # noise: within the margin or the floor
        if "cls" in m:
            m["cls"] += 0.01  # noise: under the floor of 0.02, whatever the share
    after["pages"][0]["template"] = "/only-now"
    margins = {"lcp_ms": 0.25, "tbt_ms": 0.25, "cls": 0.1}
    results = apply_gate(after, gate(metric_margin=margins), demo)
    assert validate_results(results) == []
    lines = breach_lines(results)
    assert len(lines) == 1, lines
    assert lines[0].startswith("lcp_ms of /product/* against the baseline: limit +25 % (and +50)")
    assert "measured +60 % (" in lines[0]
    assert not any("/only-now" in r["what"] for r in results["gate"]["rules"])
    steady = apply_gate(moved(demo), gate(metric_margin=margins), demo)
    assert steady["gate"]["passed"]


def _walk(journey, persona="desktop", seconds=20.0, completed=True, stopped=None):
    return {
        "journey": journey,
        "persona": persona,
        "completed": completed,
        "stopped": stopped,
        "steps": [],
        "effort": {"seconds": seconds, "low": seconds * 0.8, "high": seconds * 1.2},
    }


def test_journey_effort_limits(demo):
    results = copy.deepcopy(demo)
    results["journeys"] = [
        _walk("cart", seconds=12.5),
        _walk("cart", "mobile", seconds=41.0),
        _walk("checkout", completed=False, stopped={"step": 2, "reason": "forced account"}),
        _walk("service", completed=False, stopped={"step": 1, "reason": "robots", "excused": True}),
    ]
    results["journeys"].append(_walk("cart", "zoom-text", seconds=52.0))
    limits = {"cart": 30, "cart:mobile": 40, "checkout": 60, "service": 10, "browse": 10,
              "cart:zoom-text": 50}  # fmt: skip
    lines = breach_lines(apply_gate(results, gate(journey_effort=limits), None))
    assert lines == [
        "effort of the cart journey (mobile): limit <= 40 s, measured 41 s",
        "effort of the cart journey (zoom-text): limit <= 50 s, measured 52 s",
        "effort of the checkout journey (desktop): limit <= 60 s, measured stopped at step 2",
    ]
    rules = {r["what"]: r for r in results["gate"]["rules"]}
    assert rules["effort of the cart journey (desktop)"]["passed"] is True
    assert rules["effort of the service journey (desktop)"]["measured"] == "not walked"
    assert rules["effort of the browse journey (desktop)"]["measured"] == "not walked"


@pytest.mark.parametrize(
    "value, needle",
    [
        ({"pay": 10}, "gate.journey_effort.pay"),
        ({"cart:tablet": 10}, "gate.journey_effort.cart:tablet"),
        ({"cart": 0}, "seconds above 0"),
    ],
)
def test_journey_effort_config_errors(tmp_path, value, needle):
    cfg = tmp_path / "a.toml"
    body = ", ".join(f'"{k}" = {v}' for k, v in value.items())
    cfg.write_text(f"[gate]\njourney_effort = {{ {body} }}\n", encoding="utf-8")
    assert_one_line_error(run_cli("run", "http://127.0.0.1:9/", "-c", str(cfg)), needle)


def test_journey_effort_flag_reaches_the_gate(tmp_path):
    from auditor.cli import _gate_layer

    assert _gate_layer({"journey_efforts": ("checkout=60", "cart:mobile=40")}) == {
        "journey_effort": {"checkout": 60.0, "cart:mobile": 40.0}
    }
    result = run_cli("run", "http://127.0.0.1:9/", "--journey-effort", "pay=3")
    assert_one_line_error(result, "gate.journey_effort.pay")
