"""Crashes and interruptions: the audit goes on, or ends with what it gathered."""

import json
import os
import signal
import subprocess
import sys
import threading

import psutil
import pytest

from tests.fixture_server import FixtureServer, Route, page


def chain_shop(n: int, delay: float) -> dict:
    routes = {"/": page("Home", "".join(f"<a href='/p{i}'>p{i}</a>" for i in range(n)))}
    for i in range(n):
        routes[f"/p{i}"] = Route(page(f"P{i}", "x"), delay=delay)
    return routes


def start_audit(srv, out, *extra):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "auditor",
            "run",
            srv.base_url,
            "--out",
            str(out),
            "--progress",
            "lines",
            "--check",
            "navigation.broken-links",
            "--concurrency",
            "1",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "AUDITOR_CRAWL__REQUESTS_PER_SECOND": "50"},
    )


@pytest.mark.slow
def test_ctrl_c_leaves_partial_results(tmp_path):
    with FixtureServer(chain_shop(8, 0.3)) as srv:
        reached = srv.events.setdefault("/p3", threading.Event())
        proc = start_audit(srv, tmp_path)
        assert reached.wait(60), "the crawl never reached /p3"
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted: partial results" in err
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["interrupted"] is True
    assert 3 <= len(results["pages"]) < 9
    assert (tmp_path / "report.html").is_file()


@pytest.mark.slow
def test_crashed_browser_is_restarted_and_the_crawl_goes_on(tmp_path):
    routes = chain_shop(6, 0.0)
    routes["/p2"] = Route(page("P2", "x"), delay=1.0)
    with FixtureServer(routes) as srv:
        reached = srv.events.setdefault("/p2", threading.Event())
        proc = start_audit(srv, tmp_path)
        assert reached.wait(60)
        browsers = [
            p
            for p in psutil.Process(proc.pid).children(recursive=True)
            if "chrom" in p.name().lower() and not any(a.startswith("--type=") for a in p.cmdline())
        ]
        assert browsers, "no browser process found"
        for b in browsers:
            b.kill()
        _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "[auditor] finished: 7 pages done" in err  # plain progress lines off a terminal
    pages = {
        p["url"].removeprefix(srv.base_url.rstrip("/")): p
        for p in json.loads((tmp_path / "results.json").read_text())["pages"]
    }
    assert len(pages) == 7
    assert pages["/p2"]["error"] is None and pages["/p2"]["status"] == 200  # retried after restart
    assert all(pages[f"/p{i}"]["status"] == 200 for i in range(3, 6))
