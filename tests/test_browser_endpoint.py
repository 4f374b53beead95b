"""browser.endpoint: the audit drives a browser that runs elsewhere instead of launching
one (here a Chromium started by the test with a DevTools port, reached over CDP)."""

from __future__ import annotations

import contextlib
import re
import selectors
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.browser import find_chromium, launch_args
from auditor.cli import cli
from auditor.config import load_settings
from auditor.errors import ConfigError
from tests.fixture_server import FixtureServer, page

QUIET = ["--progress", "none", "--check", "navigation.broken-links"]
_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


@contextlib.contextmanager
def remote_chromium(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """A headless Chromium with a DevTools port of its choosing; yields its ws:// address
    (read from its stderr) and the process."""
    executable = find_chromium("", None)
    proc = subprocess.Popen(
        [
            executable,
            "--headless=new",
            "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1",
            f"--user-data-dir={tmp_path / 'profile'}",
            *launch_args([]),
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield _devtools_address(proc), proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _devtools_address(proc: subprocess.Popen, within: float = 60.0) -> str:
    assert proc.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + within
    seen = []
    while time.monotonic() < deadline:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        found = _LISTENING.search(line)
        if found:
            return found.group(1)
    raise AssertionError(f"Chromium printed no DevTools address: {''.join(seen)[-2000:]}")


def test_an_audit_through_a_remote_browser_launches_none_and_leaves_it_running(tmp_path):
    shop = {
        "/": page("Home", "<h1>Home</h1><a href='/a'>A</a> <a href='/gone'>gone</a>"),
        "/a": page("A", "<h1>A</h1><a href='/'>home</a>"),
    }
    with remote_chromium(tmp_path) as (address, proc), FixtureServer(shop) as srv:
        env = {
            "AUDITOR_BROWSER__ENDPOINT": address,
            # were a browser launched, this one would be looked for and not found
            "AUDITOR_CHROMIUM": "/no/such/chromium",
        }
        result = CliRunner().invoke(
            cli, ["run", srv.base_url, "--out", str(tmp_path / "out"), *QUIET], env=env
        )
        assert result.exit_code == 0, (result.stdout, result.stderr)
        assert proc.poll() is None  # the audit disconnected; the browser is not its to close
    import json

    results = json.loads((tmp_path / "out" / "results.json").read_text())
    assert {p["url"] for p in results["pages"] if p["status"] == 200} >= {
        srv.url("/"),
        srv.url("/a"),
    }
    assert [f["check"] for f in results["findings"]] == ["navigation.broken-links"]
    assert results["settings"]["browser"]["endpoint"] == address.split("?")[0]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_browser_at_the_endpoint_is_one_error_line(tmp_path):
    endpoint = f"ws://127.0.0.1:{_closed_port()}/playwright?token=secret"
    with FixtureServer({"/": page("Home", "<h1>Home</h1>")}) as srv:
        result = CliRunner().invoke(
            cli,
            ["run", srv.base_url, "--out", str(tmp_path), *QUIET],
            env={"AUDITOR_BROWSER__ENDPOINT": endpoint},
        )
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no browser answered at browser.endpoint" in lines[0], lines
    assert "secret" not in result.stderr  # a hosted browser's token is not printed


@pytest.mark.parametrize("endpoint", ["chromium:9222", "ws//x", "ws://"])
def test_a_bad_endpoint_is_a_config_error(endpoint):
    with pytest.raises(ConfigError, match=r"'browser\.endpoint' must be a ws://"):
        load_settings(None, {"browser": {"endpoint": endpoint}}, environ={})


def test_endpoint_token_is_not_written_to_results_settings():
    from auditor.config import settings_to_dict

    settings = load_settings(
        None, {"browser": {"endpoint": "wss://farm.example/chromium?token=s3cret"}}, environ={}
    )
    assert settings_to_dict(settings)["browser"]["endpoint"] == "wss://farm.example/chromium"
