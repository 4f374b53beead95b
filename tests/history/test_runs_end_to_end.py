"""End to end: audits recording into one history, read back as a trend and live.

Real audits (subprocesses of `auditor run --history`, or the demo shop through the CLI)
against real servers on 127.0.0.1, a real dashboard on a free loopback port.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import httpx
from click.testing import CliRunner

from auditor.cli import cli
from auditor.dashboard.serve import DashboardServer
from auditor.history import open_store, site_trend
from tests.fixture_server import FixtureServer, Route, page

ROOT = Path(__file__).resolve().parents[2]
CHEAP = ["--progress", "none", "--check", "navigation.broken-links"]


def slow_shop(pages: int, delay: float) -> dict:
    """A home page linking ``pages`` pages, each answering after ``delay`` seconds."""
    links = "".join(f"<a href='/p/{i}'>Product {i}</a>" for i in range(pages))
    routes: dict = {"/": page("Home", f"<main><h1>Home</h1>{links}<a href='/gone'>x</a></main>")}
    for i in range(pages):
        routes[f"/p/{i}"] = Route(
            page(f"P{i}", "<main><h1>P</h1><a href='/'>Home</a></main>"), delay=delay
        )
    routes["/gone"] = Route("gone", 404)
    return routes


def audit_process(url: str, history: Path, out: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "auditor",
            "run",
            url,
            "--history",
            str(history),
            "-o",
            str(out),
            *CHEAP,
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_audits_at_once_into_one_history_lose_nothing(tmp_path):
    history = tmp_path / "history.sqlite"
    with FixtureServer(slow_shop(6, 0.1)) as a, FixtureServer(slow_shop(6, 0.1)) as b:
        procs = [audit_process(s.base_url, history, tmp_path / n) for n, s in (("a", a), ("b", b))]
        outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "warning: history" not in err, err
    with open_store(history) as store:
        runs = store.runs()
        live = store.live()
        assert sorted(r["target"] for r in runs) == sorted([a.base_url, b.base_url])
        for run in runs:
            assert run["status"] == "complete" and run["pages"] == 8  # home, 6 products, the 404
            assert store.category_scores([run["id"]])[run["id"]]["navigation"] is not None
            assert len(store.findings(run["id"])) == 1  # the link to /gone
            assert len(store.pages(run["id"])) == 8
    assert sorted(r["run_id"] for r in live) == sorted(r["id"] for r in runs)
    assert {r["state"] for r in live} == {"finished"}


def _read_stream(url: str, seen: list[dict], done: threading.Event) -> None:
    """The dashboard's event stream, each `live` event's rows appended to ``seen``,
    until an audit has finished and been recorded."""
    with httpx.stream("GET", url + "/events", timeout=120) as response:
        for line in response.iter_lines():
            if not line.startswith("data: "):
                continue
            rows = json.loads(line[6:])["rows"]
            seen.append(rows)
            if any(r["state"] == "finished" and r["run_id"] for r in rows):
                break
    done.set()


def test_a_running_audit_shows_live_on_the_dashboard(tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    from playwright.sync_api import sync_playwright

    history = tmp_path / "history.sqlite"
    open_store(history).close()
    seen: list[list[dict]] = []
    done = threading.Event()
    with FixtureServer(slow_shop(10, 0.5)) as shop, DashboardServer(history) as url:
        reader = threading.Thread(target=_read_stream, args=(url, seen, done), daemon=True)
        reader.start()
        proc = audit_process(shop.base_url, history, tmp_path / "out", "--concurrency", "1")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            tab = browser.new_page()
            tab.goto(url + "/live")
            counter = tab.locator(".pages-done").first
            counter.wait_for(timeout=60_000)
            tab.wait_for_function(
                "() => Number(document.querySelector('.pages-done')?.textContent) >= 2",
                timeout=60_000,
            )
            first = int(counter.text_content())
            tab.wait_for_function(
                f"() => !document.querySelector('.pages-done') || "
                f"Number(document.querySelector('.pages-done').textContent) > {first}",
                timeout=60_000,
            )
            browser.close()
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        assert done.wait(timeout=60)
    counts = [r["pages_done"] for rows in seen for r in rows if r["state"] == "running"]
    assert len(set(counts)) >= 3, counts  # the counter rose page by page
    assert counts == sorted(counts)
    final = [r for r in seen[-1] if r["state"] == "finished"]
    assert final and final[0]["pages_done"] == 12 and final[0]["run_id"] == 1


def test_three_demo_runs_clean_defective_clean_read_back_as_a_trend(tmp_path):
    """`auditor demo` clean, with its defects, clean again (a few cheap checks on its first
    pages): the demo gets another port each time, its runs one name in the history."""
    history = tmp_path / "history.sqlite"
    runner = CliRunner()
    for i, clean in enumerate((True, False, True)):
        result = runner.invoke(
            cli,
            [
                "demo",
                *(["--clean"] if clean else []),
                "-o",
                str(tmp_path / f"run{i}"),
                "--history",
                str(history),
                "--max-pages",
                "12",
                "--check",
                "navigation.broken-links",
                "--check",
                "accessibility.image-alts",
                "--progress",
                "none",
            ],
        )
        assert result.exit_code == 0, result.stderr
    site = "auditor demo"
    with open_store(history) as store:
        trend = site_trend(store, site)
    runs = trend["runs"]
    assert len({r["target"] for r in runs}) == 3  # three addresses, one trend
    assert [r["status"] for r in runs] == ["complete"] * 3
    clean, broken, again = (r["score"] for r in runs)
    assert clean == again == 100.0 and broken < clean
    assert runs[1]["new"] and runs[1]["fixed"] == []
    assert sorted(runs[2]["fixed"]) == sorted(runs[1]["new"]) and runs[2]["new"] == []
    shown = runner.invoke(cli, ["history", site, "--history", str(history), "--json"])
    assert shown.exit_code == 0, shown.stderr
    (from_cli,) = json.loads(shown.stdout)["sites"]
    assert [r["score"] for r in from_cli["runs"]] == [clean, broken, again]
    assert [len(r["new"] or []) for r in from_cli["runs"]] == [0, len(runs[1]["new"]), 0]
    # the third report draws the trend of all three
    results = json.loads((tmp_path / "run2" / "results.json").read_text())
    assert [r["score"] for r in results["trend"]["runs"]] == [clean, broken, again]
    assert 'id="trend"' in (tmp_path / "run2" / "report.html").read_text()
