"""auditor batch: the shops file, one row per shop, the overview, exit codes; local and
on a Dask LocalCluster (each shop one task), and Dask never imported without need."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor import batch as batch_mod
from auditor.batch import (
    ShopJob,
    audit_shop,
    batch_document,
    batch_exit_code,
    previous_rows,
    read_shops,
    summarise,
    with_change,
    write_batch,
)
from auditor.cli import cli
from auditor.config import load_settings
from reports.batch import render_batch_html
from tests.fixture_server import FixtureServer, Route, page

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample_results.json"
QUIET = ["--progress", "none", "--check", "navigation.broken-links"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_shops(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "shops.toml"
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(result, needle: str) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and needle in lines[0], lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    return lines[0]


# -- the shops file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            '[[shops]]\nurl = "http://a.example/"\n[shops.crawl]\nmax_pagez = 3\n',
            "unknown key 'crawl.max_pagez'",
        ),
        (
            '[[shops]]\nurl = "http://a.example/"\n[shops.crawl]\nmax_pages = 0\n',
            "'crawl.max_pages' must be at least 1",
        ),
        (
            '[[shops]]\nurl = "http://a.example/"\n[shops.crawlz]\nx = 1\n',
            "unknown section '[crawlz]'",
        ),
        ('[[shops]]\nurl = "a.example"\n', "'url' must be a full http:// or https:// address"),
        ('[[shops]]\nname = "x"\n', "'url' must be a full"),
        ('[[shopz]]\nurl = "http://a.example/"\n', "unknown key 'shopz'"),
        ("", "no shop in it"),
        (
            '[[shops]]\nurl = "http://a.example/"\n[shops.scale]\nexecutor = "dask"\n',
            "'[scale]' cannot be set per shop",
        ),
        (
            '[[shops]]\nurl = "http://a.example/"\n[shops.output]\ndir = "x"\n',
            "'output.dir' cannot be set per shop",
        ),
        (
            '[[shops]]\nurl = "http://a.example/"\n[shops.checks."navigation.broken-links"]\nbogus = 1\n',
            "bogus",
        ),
        (
            '[[shops]]\nurl = "http://a.example/"\nname = "A"\n[[shops]]\nurl = "http://b.example/"\nname = "A"\n',
            "same folder 'A' as shop 1",
        ),
    ],
    ids=[
        "unknown-key",
        "bad-value",
        "unknown-section",
        "bad-url",
        "no-url",
        "not-shops",
        "empty",
        "scale-per-shop",
        "dir-per-shop",
        "check-option",
        "same-name",
    ],
)
def test_a_bad_shops_file_is_one_error_line_naming_file_and_shop(tmp_path, text, needle):
    shops = write_shops(tmp_path, text)
    result = CliRunner().invoke(cli, ["batch", str(shops), "--out", str(tmp_path / "o"), *QUIET])
    line = one_line_error(result, needle)
    assert str(shops) in line
    assert not (tmp_path / "o" / "batch.json").exists()  # stopped before any audit


def test_a_missing_shops_file_and_a_bad_scheduler_are_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "none.toml"), *QUIET])
    one_line_error(result, "shops file not found")
    shops = write_shops(tmp_path, '[[shops]]\nurl = "http://a.example/"\n')
    result = CliRunner().invoke(cli, ["batch", str(shops), "--scheduler", "host:1", *QUIET])
    one_line_error(result, "'scale.scheduler' must be tcp://host:port or local:N")
    result = CliRunner().invoke(cli, ["batch", str(shops), "--baseline", "x.json", *QUIET])
    one_line_error(result, "--baseline is per shop")


def test_shops_get_folders_settings_in_precedence_and_their_own_tables(tmp_path):
    shops = write_shops(
        tmp_path,
        """
[[shops]]
url = "http://shop.example/de/"
[shops.crawl]
max_pages = 7
max_depth = 2

[[shops]]
url = "http://shop.example/en/"

[[shops]]
url = "http://127.0.0.1:8000/"
name = "Acme & Co / <Outlet>"
""",
    )
    config = tmp_path / "a.toml"
    config.write_text("[crawl]\nmax_pages = 50\nmax_depth = 5\n")
    flags = {"crawl": {"max_depth": 3}, "audit": {"checks": ["navigation.broken-links"]}}
    jobs = read_shops(shops, tmp_path / "out", str(config), flags, environ={})
    assert [j.folder for j in jobs] == ["shop.example", "shop.example-2", "Acme-Co-Outlet"]
    assert [j.name for j in jobs][2] == "Acme & Co / <Outlet>"
    # defaults < config file < the shop's table < flags
    assert [j.settings.crawl.max_pages for j in jobs] == [7, 50, 50]
    assert [j.settings.crawl.max_depth for j in jobs] == [3, 3, 3]
    assert jobs[0].settings.output.dir == str(tmp_path / "out" / "shop.example")
    assert jobs[1].out_dir == str((tmp_path / "out" / "shop.example-2").resolve())


# -- rows, change, exit codes ----------------------------------------------------


def _job(tmp_path: Path, name: str = "Sample") -> ShopJob:
    settings = load_settings(None, {"output": {"dir": str(tmp_path / name)}}, environ={})
    return ShopJob(1, name, name, "http://shop.example/", settings, str(tmp_path / name))


def test_a_row_counts_findings_once_per_defect_and_names_the_worst_three():
    results = json.loads(SAMPLE.read_text(encoding="utf-8"))
    row = summarise(results)
    assert row["score"] == round(results["score"], 1)
    assert set(row["categories"]) == set(results["categories"])
    assert 0 < sum(row["findings"].values()) <= len(results["findings"])
    assert len(row["worst"]) == 3
    ranks = ["critical", "serious", "moderate", "minor"]
    severities = [ranks.index(w["severity"]) for w in row["worst"]]
    assert severities == sorted(severities)  # worst first
    assert ranks.index(row["worst"][0]["severity"]) == min(
        ranks.index(s) for s, n in row["findings"].items() if n
    )


def test_change_since_the_last_run_from_batch_json_else_results_json(tmp_path):
    results = json.loads(SAMPLE.read_text(encoding="utf-8"))
    job = _job(tmp_path)
    Path(job.out_dir).mkdir()
    (Path(job.out_dir) / "results.json").write_text(json.dumps(results), encoding="utf-8")
    # no batch.json yet: the shop's results.json is its last run
    before = previous_rows(tmp_path, [job])
    assert before["Sample"]["score"] == round(results["score"], 1)
    worse = json.loads(json.dumps(results))
    worse["score"] = results["score"] - 10
    row = with_change(batch_mod.shop_row(job, worse), before["Sample"])
    assert row["change"]["score"] == -10.0
    assert all(v == 0 for v in row["change"]["findings"].values())
    # a batch.json row wins over results.json
    document = batch_document([row], "2026-01-01T00:00:00+00:00", "local", None, done=True)
    (tmp_path / "batch.json").write_text(json.dumps(document), encoding="utf-8")
    assert previous_rows(tmp_path, [job])["Sample"]["score"] == row["score"]
    # a failed run has no change
    failed = with_change(batch_mod.failed_row(job, "down"), before["Sample"])
    assert failed["change"] is None


def test_exit_code_failed_over_gate_over_passed(tmp_path):
    job = _job(tmp_path)
    ok = batch_mod._base_row(job) | {"status": "ok"}
    gate = ok | {"gate": {"passed": False, "broken": ["overall score: limit >= 90, measured 75"]}}
    failed = batch_mod.failed_row(job, "the server could not be reached")
    assert batch_exit_code([ok, ok]) == 0
    assert batch_exit_code([ok, gate]) == 1
    assert batch_exit_code([gate, failed]) == 2
    assert batch_exit_code([failed, ok | {"status": "interrupted"}]) == 130


def test_a_shop_that_crashes_the_engine_is_one_failed_row(tmp_path, monkeypatch):
    import auditor.cli

    def boom(url, settings):
        raise RuntimeError("engine\nbroke")

    monkeypatch.setattr(auditor.cli, "_audit", boom)
    path, row = audit_shop(_job(tmp_path))
    assert path is None
    assert row["status"] == "failed"
    assert row["error"] == "internal error: RuntimeError: engine broke"


# -- the overview page -----------------------------------------------------------


HOSTILE = "<script>alert(1)</script>\u202e"


def _document(tmp_path: Path) -> dict:
    results = json.loads(SAMPLE.read_text(encoding="utf-8"))
    job = _job(tmp_path, "Good")
    Path(job.out_dir).mkdir(parents=True, exist_ok=True)
    (Path(job.out_dir) / "report.html").write_text("<!doctype html>", encoding="utf-8")
    good = with_change(batch_mod.shop_row(job, results, 12.0), {"score": 50, "findings": {}})
    hostile = json.loads(json.dumps(results))
    hostile["findings"][0]["title"] = HOSTILE
    hostile["findings"][0]["severity"] = "critical"
    evil = batch_mod.shop_row(_job(tmp_path, "evil"), hostile)
    evil.update(name=HOSTILE, report="../../etc/passwd", url="javascript:alert(1)")
    evil["status"] = "cut short"
    evil["cut_short"] = "stopped after the time budget (10 min)"
    broken = batch_mod.failed_row(_job(tmp_path, "down"), "the server could not be reached")
    return batch_document(
        [good, evil, broken], "2026-01-01T00:00:00+00:00", "dask", "local:2", True
    )


def test_the_overview_escapes_shop_text_and_links_only_into_the_batch(tmp_path):
    document = _document(tmp_path)
    paths = write_batch(tmp_path, document)
    html = paths[1].read_text(encoding="utf-8")
    assert json.loads(paths[0].read_text(encoding="utf-8"))["exit_code"] == 2
    assert "<script" not in html.lower() and "&lt;script&gt;" in html
    assert "\u202e" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert 'href="Good/report.html"' in html
    assert "../../etc/passwd" not in html
    assert 'href="javascript' not in html  # an address that is no http(s) is text only
    assert "the server could not be reached" in html
    assert "stopped after the time budget" in html
    assert ">+" in html  # the good shop's score went up since its last run


def test_axe_finds_no_violation_in_the_overview(tmp_path):
    from tests.axe_check import axe_violations

    index = render_batch_html(_document(tmp_path), tmp_path)
    assert axe_violations([index.as_uri()]) == []


# -- real batches: locally (no Dask imported) and on a LocalCluster of 2 ----------

_LOCAL_BATCH = """
import sys
from click.testing import CliRunner
from auditor.cli import cli
result = CliRunner().invoke(cli, sys.argv[1:])
sys.stderr.write(result.output)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed"))
print(result.exit_code, ",".join(loaded) or "none")
"""


def _shops(tmp_path: Path, a: FixtureServer, b: FixtureServer) -> Path:
    return write_shops(
        tmp_path,
        f"""
[[shops]]
url = "{a.base_url}"
name = "Alpha <b>"
[shops.gate]
fail_under = 90

[[shops]]
url = "http://127.0.0.1:{closed_port()}/"
name = "Broken"

[[shops]]
url = "{b.base_url}"
name = "Beta"
[shops.crawl]
max_pages = 2
""",
    )


def _rows(out: Path) -> dict[str, dict]:
    return {r["name"]: r for r in json.loads((out / "batch.json").read_text())["shops"]}


def test_a_batch_locally_then_on_a_dask_cluster_gives_the_same_rows(tmp_path):
    pytest.importorskip("distributed")
    alpha = {
        "/": page("Alpha", "<h1>Alpha</h1><a href='/a'>A</a> <a href='/gone'>gone</a>"),
        "/a": page("A", "<h1>A</h1><a href='/'>home</a>"),
    }
    beta = {
        "/": page("Beta", "<h1>Beta</h1><a href='/b'>B</a>"),
        "/b": page("B", "<a href='/'>home</a>"),
    }
    out = tmp_path / "out"
    with FixtureServer(alpha) as a, FixtureServer(beta) as b:
        shops = _shops(tmp_path, a, b)
        args = ["batch", str(shops), "--out", str(out), *QUIET]
        local = subprocess.run(
            [sys.executable, "-c", _LOCAL_BATCH, *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        code, loaded = local.stdout.split()
        assert (code, loaded) == ("2", "none"), local.stderr  # a failed shop; no Dask
        first = _rows(out)
        result = CliRunner().invoke(cli, [*args, "--executor", "dask", "--scheduler", "local:2"])
    assert result.exit_code == 2, result.output
    assert "Dask: a local cluster of 2 worker processes" in result.output
    assert result.output.count("[") >= 3  # a progress line per shop
    second = _rows(out)
    assert list(second) == ["Alpha <b>", "Broken", "Beta"]  # the file's order
    for name in ("Alpha <b>", "Beta"):
        for key in ("status", "score", "categories", "findings", "worst", "gate", "pages"):
            assert second[name][key] == first[name][key], (name, key)
        assert second[name]["change"]["score"] == 0  # the local run was its last run
    alpha_row, broken, beta_row = second["Alpha <b>"], second["Broken"], second["Beta"]
    assert alpha_row["status"] == "ok" and alpha_row["findings"]["serious"] == 1
    assert alpha_row["worst"][0]["check"] == "navigation.broken-links"
    assert not alpha_row["gate"]["passed"] and "overall score" in alpha_row["gate"]["broken"][0]
    assert beta_row["status"] == "ok" and beta_row["score"] == 100 and beta_row["worst"] == []
    for row in second.values():  # every shop was audited on a worker, not here
        assert f"(pid {os.getpid()})" not in row["ran_on"] and "(pid " in row["ran_on"]
    assert first["Beta"]["ran_on"] != second["Beta"]["ran_on"]
    assert broken["status"] == "failed" and "could not be reached" in broken["error"]
    assert "\n" not in broken["error"]
    for row in (alpha_row, beta_row):
        folder = out / row["folder"]
        assert {"results.json", "report.html", "summary.md", "audit.log"} <= {
            p.name for p in folder.iterdir()
        }
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Alpha &lt;b&gt;" in index and "<b>" not in index
    assert 'href="Alpha-b/report.html"' in index


def _python(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_importing_the_cli_the_engine_and_the_batch_imports_no_dask():
    result = _python(
        "import sys, auditor.cli, auditor.runner, auditor.batch, auditor.executors, reports.batch\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    assert result.stdout.strip() == "[]", result.stderr


_WITHOUT_DASK = """
import sys
sys.modules["distributed"] = None  # as if the dask extra were not installed
from click.testing import CliRunner
from auditor.cli import cli
result = CliRunner().invoke(cli, sys.argv[1:])
print(result.exit_code)
sys.stderr.write(result.stderr)
"""


def test_the_dask_executor_without_dask_is_one_line_before_any_shop(tmp_path):
    shops = write_shops(tmp_path, '[[shops]]\nurl = "http://127.0.0.1:9/"\n')
    out = tmp_path / "out"
    result = _python(
        _WITHOUT_DASK, "batch", str(shops), "--out", str(out), "--executor", "dask", *QUIET
    )
    assert result.stdout.strip() == "2"
    lines = result.stderr.strip().splitlines()
    assert lines == ["error: the dask executor needs Dask: pip install 'shop-auditor[dask]'"]
    assert not out.exists()


def test_a_shop_that_breaks_its_gate_makes_the_batch_exit_1(tmp_path):
    shop = {"/": page("Home", "<h1>Home</h1><a href='/gone'>gone</a>")}
    with FixtureServer(shop) as srv:
        shops = write_shops(
            tmp_path,
            f'[[shops]]\nurl = "{srv.base_url}"\nname = "Solo"\n[shops.gate]\nfail_under = 90\n',
        )
        result = CliRunner().invoke(
            cli, ["batch", str(shops), "--out", str(tmp_path / "o"), *QUIET]
        )
    assert result.exit_code == 1, result.output
    document = json.loads((tmp_path / "o" / "batch.json").read_text())
    assert document["exit_code"] == 1 and document["tally"]["gate failed"] == 1
    assert document["shops"][0]["gate"]["broken"][0].startswith("overall score: limit >= 90")
    assert "[1/1] Solo: ok, score 75/100, gate failed" in result.output


def test_an_interrupted_batch_exits_130_with_an_overview_of_what_it_did(tmp_path):
    import signal

    slow = {
        "/": page("Home", "<h1>Home</h1><a href='/slow'>slow</a>"),
        "/slow": Route(page("Slow", "<h1>Slow</h1>"), hang=True),
    }
    with FixtureServer(slow) as srv:
        srv.events["/slow"] = threading.Event()
        shops = write_shops(
            tmp_path,
            f'[[shops]]\nurl = "{srv.base_url}"\nname = "First"\n'
            f'[[shops]]\nurl = "{srv.base_url}"\nname = "Second"\n',
        )
        out = tmp_path / "o"
        proc = subprocess.Popen(
            [sys.executable, "-m", "auditor", "batch", str(shops), "--out", str(out), *QUIET],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert srv.events["/slow"].wait(120), "the first shop's crawl never reached /slow"
            proc.send_signal(signal.SIGINT)
            stdout, stderr = proc.communicate(timeout=120)
        finally:
            proc.kill()
    assert proc.returncode == 130, (stdout, stderr)
    rows = _rows(out)
    assert rows["First"]["status"] == "interrupted" and rows["First"]["score"] is not None
    assert rows["Second"]["status"] == "interrupted" and rows["Second"]["score"] is None
    assert (out / "First" / "report.html").exists() and (out / "index.html").exists()
    assert json.loads((out / "batch.json").read_text())["exit_code"] == 130
