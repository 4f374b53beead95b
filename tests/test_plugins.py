"""Third-party checks register exactly like the built-in ones: through entry points.

The test installs a tiny check package the way pip leaves one on disk (the module
plus a .dist-info with entry_points.txt) into a folder on PYTHONPATH, and runs the
real CLI in a subprocess against a real server.
"""

import json
import os
import subprocess
import sys
import textwrap

from tests.fixture_server import FixtureServer, page

PLUGIN = textwrap.dedent('''
    from auditor.plugins import Check


    class PageTitles(Check):
        """Pages without a title. What/why/example/fix: see the finding."""

        id = "extra.titles"
        category = "content"
        title = "Page titles"
        description = "Every page needs a title for tabs, bookmarks and search results."
        default_options = {"min_length": 3}

        async def gather(self, page, ctx):
            return {"title": await page.title()}

        def evaluate(self, pages, site):
            for p in pages:
                if p.data is not None and len(p.data["title"]) < self.options["min_length"]:
                    yield self.finding(severity="moderate", title="Page has no title",
                                       message=f"{p.url} has no useful <title>.",
                                       recommendation="Give every page a descriptive title.",
                                       url=p.url, key=p.template)


    class Broken(Check):
        id = "extra.broken"
        category = "content"
        title = "A check with a bug"

        def evaluate(self, pages, site):
            raise RuntimeError("this check is broken")
''')


def install_plugin(target):
    (target / "shop_extra_checks.py").write_text(PLUGIN)
    info = target / "shop_extra_checks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shop-extra-checks\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[auditor.checks]\nextra.titles = shop_extra_checks:PageTitles\n"
        "extra.broken = shop_extra_checks:Broken\n"
    )


def auditor(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_third_party_check_is_listed_and_runs_and_a_broken_one_does_not_stop_the_audit(tmp_path):
    plugins = tmp_path / "site"
    plugins.mkdir()
    install_plugin(plugins)
    env = {**os.environ, "PYTHONPATH": str(plugins) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    listed = auditor("checks", env=env)
    assert listed.returncode == 0
    assert "extra.titles" in listed.stdout and "content" in listed.stdout
    routes = {
        "/": page("Home", "<a href='/untitled'>x</a>"),
        "/untitled": "<!doctype html><html lang='en'><body>no title</body></html>",
    }
    with FixtureServer(routes) as srv:
        run = auditor(
            "run",
            srv.base_url,
            "--out",
            str(tmp_path / "out"),
            "--progress",
            "none",
            "--check",
            "extra.titles",
            "--check",
            "extra.broken",
            "--check",
            "navigation.broken-links",
            env=env,
        )
    assert run.returncode == 0, run.stderr
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    titles = [f for f in results["findings"] if f["check"] == "extra.titles"]
    assert [f["url"] for f in titles] == [srv.url("/untitled")]
    checks = {c["id"]: c for c in results["checks"]}
    assert checks["extra.titles"]["status"] == "ran"
    assert checks["extra.broken"]["status"] == "error"
    assert "this check is broken" in checks["extra.broken"]["reason"]
    assert any(e["check"] == "extra.broken" for e in results["errors"])
    assert "content" in results["categories"]
    assert checks["navigation.broken-links"]["status"] == "ran"
