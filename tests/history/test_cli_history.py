"""`auditor run --history`, `auditor history` and `auditor history add` from the CLI."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import cli
from auditor.history import SCHEMA_VERSION, open_store
from auditor.results import validate_results
from tests.fixture_server import FixtureServer, Route, page

from .helpers import results, write

QUIET = ["--progress", "none", "--check", "navigation.broken-links"]


def run_cli(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def shop(broken: bool) -> dict:
    link = "<a href='/gone'>old</a>" if broken else "<a href='/about'>about</a>"
    return {
        "/": page("Home", f"<main><h1>Home</h1>{link}<a href='/about'>About</a></main>"),
        "/about": page("About", "<main><h1>About</h1><a href='/'>Home</a></main>"),
        "/gone": Route("<h1>gone</h1>", 404),
    }


def test_runs_record_themselves_and_the_second_report_draws_the_trend(tmp_path):
    db = tmp_path / "history.sqlite"
    with FixtureServer(shop(broken=True)) as srv:
        first = run_cli("run", srv.base_url, "-o", tmp_path / "a", "--history", db, *QUIET)
        srv.routes.update({k: Route(v) for k, v in shop(broken=False).items() if k == "/"})
        second = run_cli("run", srv.base_url, "-o", tmp_path / "b", "--history", db, *QUIET)
    assert first.exit_code == 0, first.stderr
    assert second.exit_code == 0, second.stderr
    data = json.loads((tmp_path / "b" / "results.json").read_text())
    assert validate_results(data) == []
    assert [r["score"] for r in data["trend"]["runs"]] == [75.0, 100.0]
    assert data["trend"]["runs"][-1]["current"] is True
    assert 'id="trend"' in (tmp_path / "b" / "report.html").read_text()
    # one trend in the first report: no chart
    assert 'id="trend"' not in (tmp_path / "a" / "report.html").read_text()

    shown = run_cli("history", "--history", db, "--json")
    assert shown.exit_code == 0, shown.stderr
    (site,) = json.loads(shown.stdout)["sites"]
    assert [r["score"] for r in site["runs"]] == [75.0, 100.0]
    assert len(site["runs"][1]["fixed"]) == 1 and site["runs"][1]["new"] == []
    assert site["runs"][0]["report_path"].endswith("a/report.html")
    table = run_cli("history", srv.base_url, "--history", db)
    assert table.exit_code == 0 and "navigation" in table.stdout and "100 (+25)" in table.stdout
    with open_store(db) as store:
        (live_a, live_b) = sorted(store.live(), key=lambda r: r["started_at"] + str(r["run_id"]))
    assert {live_a["state"], live_b["state"]} == {"finished"}
    assert {live_a["run_id"], live_b["run_id"]} == {1, 2}
    assert live_b["pages_done"] == 2


def test_a_run_cut_short_is_recorded_as_such(tmp_path):
    db = tmp_path / "history.sqlite"
    routes = shop(broken=False)
    routes["/about"] = Route(page("About", "slow"), delay=3.0)
    with FixtureServer(routes) as srv:
        result = run_cli(
            "run",
            srv.base_url,
            "-o",
            tmp_path / "a",
            "--history",
            db,
            "--max-duration",
            "1s",
            "--concurrency",
            "1",
            *QUIET,
        )
    assert result.exit_code == 0, result.stderr
    assert "cut short" in result.stderr
    with open_store(db) as store:
        (run,) = store.runs()
    assert run["status"] == "cut_short" and run["cut_reason"] == "max_duration"


def test_history_add_imports_saved_runs_once(tmp_path):
    db = tmp_path / "h.sqlite"
    a = write(tmp_path / "a", results("2026-01-01T10:00:00Z", 80.0))
    b = write(tmp_path / "b", results("2026-01-02T10:00:00Z", 90.0))
    added = run_cli("history", "add", a, b, "--history", db)
    assert added.exit_code == 0, added.stderr
    assert added.stdout.count("Recorded:") == 2
    again = run_cli("history", "add", a, "--history", db)
    assert "Already recorded" in again.stdout
    shown = json.loads(run_cli("history", "http://shop.test", "--history", db, "--json").stdout)
    assert [r["score"] for r in shown["sites"][0]["runs"]] == [80.0, 90.0]


def test_a_history_file_of_a_newer_version_stops_before_the_audit(tmp_path):
    db = tmp_path / "h.sqlite"
    open_store(db).close()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 7,))
    con.commit()
    con.close()
    for args in (
        ("run", "http://127.0.0.1:9/", "-o", tmp_path / "out", "--history", db, *QUIET),
        ("history", "--history", db),
    ):
        result = run_cli(*args)
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "newer auditor" in lines[0], result.stderr
    assert not (tmp_path / "out" / "results.json").exists()


def test_history_needs_a_file_and_says_so(tmp_path):
    result = run_cli("history")
    assert result.exit_code == 2 and "--history FILE" in result.stderr
    missing = run_cli("history", "--history", tmp_path / "none.sqlite")
    assert missing.exit_code == 2 and "file not found" in missing.stderr


def test_a_run_stopped_by_sigterm_is_recorded_and_exits_130(tmp_path):
    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "history.sqlite"
    routes = shop(broken=False)
    routes["/about"] = Route(page("About", "slow"), delay=30.0)
    with FixtureServer(routes) as srv:
        srv.events["/about"] = threading.Event()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "auditor",
                "run",
                srv.base_url,
                "--history",
                str(db),
                "-o",
                str(tmp_path / "out"),
                *QUIET,
            ],
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert srv.events["/about"].wait(timeout=120)  # the audit is on its slow page
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    with open_store(db) as store:
        (run,) = store.runs()
        (live,) = store.live()
    assert run["status"] == "cut_short" and run["cut_reason"] == "signal"
    assert live["state"] == "finished" and live["run_id"] == run["id"]


def test_a_bad_trend_length_names_the_key(tmp_path):
    config = tmp_path / "a.toml"
    config.write_text("[history]\ntrend_runs = 1\n")
    result = run_cli("history", "-c", config, "--history", tmp_path / "h.sqlite")
    assert result.exit_code == 2 and "history.trend_runs" in result.stderr
