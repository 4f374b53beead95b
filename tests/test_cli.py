"""The command line: exit codes, one-line errors on stderr, never a traceback."""

import json
import shutil
import socket
import ssl
import subprocess
from http.server import ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from tests.fixture_server import FixtureServer, Route, page

QUIET = ["--progress", "none", "--check", "navigation.broken-links"]


def run_cli(*args, env=None):
    result = CliRunner().invoke(cli, list(args), env=env)
    return result


def assert_one_line_error(result, needle, code=2):
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("url", ["shop.example", "ftp://shop.example/", "http://", "::::"])
def test_invalid_url(url, tmp_path):
    assert_one_line_error(run_cli("run", url, "--out", str(tmp_path), *QUIET), "invalid URL")


def test_bad_config_key_names_key_and_file(tmp_path):
    cfg = tmp_path / "a.toml"
    cfg.write_text("[crawl]\nmax_pagez = 3\n")
    result = run_cli("run", "http://127.0.0.1:9/", "-c", str(cfg), *QUIET)
    assert_one_line_error(result, "unknown key 'crawl.max_pagez'")
    assert str(cfg) in result.stderr


def test_bad_flag_value_is_a_usage_error(tmp_path):
    result = run_cli("run", "http://127.0.0.1:9/", "--concurrency", "0", *QUIET)
    assert_one_line_error(result, "'crawl.concurrency' must be at least 1")


def test_missing_browser_says_how_to_get_one(tmp_path):
    result = run_cli(
        "run", "http://127.0.0.1:9/", *QUIET, env={"AUDITOR_CHROMIUM": "/no/such/chromium"}
    )
    assert_one_line_error(result, "Chromium named in the settings was not found")


def test_unreachable_host(tmp_path):
    result = run_cli("run", f"http://127.0.0.1:{closed_port()}/", "--out", str(tmp_path), *QUIET)
    assert_one_line_error(result, "could not be reached")


@pytest.mark.parametrize(
    ("route", "needle", "extra"),
    [
        (Route(hang=True), "did not answer within the page timeout", ["--timeout", "1.5"]),
        (Route(status=302, redirect="/"), "redirects in a loop", []),
        (Route(b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"), "not an HTML page", []),
        (Route("<h1>gone</h1>", 404), "answered HTTP 404", []),
    ],
    ids=["hangs", "redirect-loop", "pdf", "404"],
)
def test_start_page_problems_are_target_errors(tmp_path, route, needle, extra):
    with FixtureServer({"/": route}) as srv:
        result = run_cli("run", srv.base_url, "--out", str(tmp_path), *QUIET, *extra)
    assert_one_line_error(result, needle)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a self-signed certificate")
    d = tmp_path_factory.mktemp("tls")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(d / "k.pem"),
            "-out",
            str(d / "c.pem"),
        ],
        check=True,
        capture_output=True,
    )
    srv = FixtureServer({"/": page("Home", "<a href='/a'>a</a>"), "/a": page("A", "a")})
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(d / "c.pem", d / "k.pem")
    httpd: ThreadingHTTPServer = srv.httpd
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    with srv:
        yield f"https://127.0.0.1:{srv.port}/"


def test_tls_error_tells_how_to_proceed(tmp_path, tls_server):
    result = run_cli("run", tls_server, "--out", str(tmp_path), *QUIET)
    assert_one_line_error(result, "TLS certificate was not accepted")
    assert "ignore_https_errors" in result.stderr


def test_tls_errors_can_be_ignored_for_staging(tmp_path, tls_server):
    result = run_cli(
        "run",
        tls_server,
        "--out",
        str(tmp_path),
        *QUIET,
        env={"AUDITOR_BROWSER__IGNORE_HTTPS_ERRORS": "true"},
    )
    assert result.exit_code == 0, result.stderr
    assert len(json.loads((tmp_path / "results.json").read_text())["pages"]) == 2


def broken_shop():
    return {
        "/": Route("<html><body><p>unclosed <div><a href='/gone'>old<table><td>x"),  # malformed
        "/gone": Route("<h1>gone</h1>", 404),
    }


def test_run_writes_results_and_reports_and_the_gate_fails_below_threshold(tmp_path):
    with FixtureServer(broken_shop()) as srv:
        ok = run_cli("run", srv.base_url, "--out", str(tmp_path / "a"), *QUIET)
        gated = run_cli(
            "run", srv.base_url, "--out", str(tmp_path / "b"), *QUIET, "--fail-under", "95"
        )
    assert ok.exit_code == 0, ok.stderr
    assert "Score: 75/100" in ok.stdout
    for name in ("results.json", "pages.jsonl", "report.html", "summary.md"):
        assert (tmp_path / "a" / name).is_file()
    assert gated.exit_code == 1
    assert "gate failed: overall score: limit >= 95, measured 75" in gated.stderr
    assert (tmp_path / "b" / "results.json").is_file()  # a failed gate still writes results


def test_report_and_diff_read_results_json(tmp_path):
    with FixtureServer(broken_shop()) as srv:
        run_cli("run", srv.base_url, "--out", str(tmp_path / "bad"), *QUIET)
        srv.routes["/"] = Route(page("Home", "<a href='/'>home</a>"))
        run_cli("run", srv.base_url, "--out", str(tmp_path / "good"), *QUIET)
    (tmp_path / "bad" / "report.html").unlink()
    again = run_cli("report", str(tmp_path / "bad" / "results.json"))
    assert again.exit_code == 0 and (tmp_path / "bad" / "report.html").is_file()
    d = run_cli(
        "diff",
        str(tmp_path / "bad" / "results.json"),
        str(tmp_path / "good" / "results.json"),
        "--fail-on-new",
    )
    assert d.exit_code == 0
    assert "Score: 75 -> 100" in d.stdout and "Fixed findings: 1" in d.stdout
    worse = run_cli(
        "diff",
        str(tmp_path / "good" / "results.json"),
        str(tmp_path / "bad" / "results.json"),
        "--fail-on-new",
    )
    assert worse.exit_code == 1 and "New findings: 1" in worse.stdout
    (tmp_path / "junk.json").write_text("{nope")
    assert_one_line_error(
        run_cli("report", str(tmp_path / "junk.json")), "not a readable results file"
    )


def test_checks_lists_every_registered_check():
    result = run_cli("checks")
    assert result.exit_code == 0
    assert (
        "navigation.broken-links" in result.stdout and "navigation.redirect-chains" in result.stdout
    )


def test_init_writes_a_config_once(tmp_path):
    target = tmp_path / "auditor.toml"
    assert run_cli("init", str(target)).exit_code == 0
    assert "[crawl]" in target.read_text()
    assert_one_line_error(run_cli("init", str(target)), "exists already")
    assert run_cli("init", str(target), "--force").exit_code == 0


def test_explain_templates_prints_each_templates_layouts_after_the_audit(tmp_path):
    from tests.test_skeleton import info_shop

    with FixtureServer(info_shop()) as srv:
        result = run_cli("run", srv.base_url, "--out", str(tmp_path), *QUIET, "--explain-templates")
        plain = run_cli("run", srv.base_url, "--out", str(tmp_path / "b"), *QUIET)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("Results:") < out.index("Templates by layout")
    section = out[out.index("Templates by layout") :].splitlines()
    info = section.index("  /info/*")
    rows = section[info + 1 : info + 4]
    assert all(line.startswith("    layout ") and " rendered " in line for line in rows)
    examples = {line.split("e.g. ")[1].split("-")[0] for line in rows}
    assert examples == {"/info/contact", "/info/stores", "/info/story"}
    shared = [line for line in section if "is shared by" in line]
    assert len(shared) == 1 and "/about, " in shared[0] and "/faq" in shared[0]
    assert plain.exit_code == 0 and "Templates by layout" not in plain.stdout
