"""The gatherers that only read the DOM share one round trip into the page
(auditor.page._read_together): each script stays on its own, so one that throws, hangs,
cannot be parsed or returns too much costs only its own checks' data."""

from __future__ import annotations

import time
from typing import Any, ClassVar

from auditor.page import PageContext, PageEnv, Visit, _read_together
from auditor.plugins import Check, PageScript
from auditor.ratelimit import HostLimiter
from tests.conftest import quick_settings

COUNTED = "() => { window.__walks = (window.__walks || 0) + 1; return document.title; }"


def reader(check_id: str, script: str | None, arg: Any = None, read=None, timeout: float = 20.0):
    """A check whose gatherer is ``script`` (None: nothing to read on this page)."""

    class Reader(Check):
        id: ClassVar[str] = check_id
        gather_timeout: ClassVar[float] = timeout

        def page_script(self, ctx: Any) -> PageScript | None:
            return None if script is None else PageScript(script, arg, read)

    return Reader()


def broken_read(value: Any) -> Any:
    raise ValueError("read failed")


class Raises(Check):
    id: ClassVar[str] = "test.raises"

    def page_script(self, ctx: Any) -> PageScript | None:
        raise RuntimeError("no script for you")


async def read_all(browser, checks: list[Check]):
    settings = quick_settings()
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.set_content("<title>Shop</title><p>Hello</p>")
        visit = Visit(page, time.monotonic() + 60, 5.0)
        ctx = PageContext("http://x/", "http://x/", 200, "/", {}, [], settings)
        env = PageEnv(settings, HostLimiter(50))
        record = type("R", (), {"gathered": {}, "gather_errors": {}})()
        await _read_together(checks, visit, ctx, record, env)
        walks = await page.evaluate("window.__walks || 0")
    finally:
        await context.close()
    return record, env, walks


async def test_each_script_keeps_its_own_result_and_its_own_error(browser):
    checks = [
        reader("test.title", "() => document.title"),
        reader("test.arg", "(n) => n * 2", 21),
        reader(
            "test.async",
            "async () => { await new Promise((r) => setTimeout(r, 50)); return 'later'; }",
        ),
        reader("test.throws", "() => { throw new TypeError('boom'); }"),
        reader("test.hangs", "() => new Promise(() => {})", timeout=0.5),
        reader("test.big", "() => 'x'.repeat(3 * 1024 * 1024)"),
        reader("test.read", "() => 'fine'", read=broken_read),
        reader("test.none", None),
        Raises(),
        reader("test.length", "() => document.title", read=len),
    ]
    record, env, _ = await read_all(browser, checks)
    assert record.gathered == {
        "test.title": "Shop",
        "test.arg": 42,
        "test.async": "later",
        "test.none": None,
        "test.length": 4,
    }
    errors = record.gather_errors
    assert errors["test.throws"] == "TypeError: boom"
    assert errors["test.hangs"] == "the gatherer took longer than 0.5 s"
    assert errors["test.big"].startswith("the gatherer returned") and "limit" in errors["test.big"]
    assert errors["test.read"] == "ValueError: read failed"
    assert errors["test.raises"] == "RuntimeError: no script for you"
    # every check's cost is counted, what it read or not
    assert set(env.gather_seconds) == {c.id for c in checks}


async def test_a_script_the_browser_cannot_parse_costs_only_its_own_data(browser):
    checks = [
        reader("test.title", "() => document.title"),
        reader("test.syntax", "() => { return ]; }"),
        reader("test.arg", "(n) => n + 1", 1),
    ]
    record, _, _ = await read_all(browser, checks)
    assert record.gathered == {"test.title": "Shop", "test.arg": 2}
    assert "SyntaxError" in record.gather_errors["test.syntax"]


async def test_one_script_asked_for_by_several_checks_runs_once(browser):
    checks = [reader(f"test.forms{n}", COUNTED) for n in range(3)]
    checks.append(reader("test.other", COUNTED, arg=1))  # another argument: its own run
    record, _, walks = await read_all(browser, checks)
    assert set(record.gathered.values()) == {"Shop"} and len(record.gathered) == 4
    assert walks == 2


async def test_each_check_is_charged_for_its_own_script_not_for_the_ones_after_it(browser):
    busy = "() => { const t = performance.now(); while (performance.now() - t < 300) {} return 1; }"
    checks = [
        reader("test.quick-async", "async () => 1"),  # settles only after the others ran
        reader("test.busy", busy),
    ]
    record, env, _ = await read_all(browser, checks)
    assert record.gathered == {"test.quick-async": 1, "test.busy": 1}
    seconds = env.gather_seconds
    assert seconds["test.quick-async"] < seconds["test.busy"] / 2, seconds


class _ReadsThenGathers(Check):
    """A page script on every page and a gather after it (``gathers_after_script``):
    the gather sees what the script read and the page's layout, and a gather that
    fails leaves the script's data in place."""

    id: ClassVar[str] = "test.reads-then-gathers"
    gathers_after_script: ClassVar[bool] = True

    def __init__(self, fail: bool = False):
        super().__init__()
        self.fail = fail
        self.seen: list[Any] = []

    def page_script(self, ctx: Any) -> PageScript | None:
        return PageScript("() => document.title", read=lambda title: {"title": title})

    async def gather(self, page: Any, ctx: Any) -> Any:
        self.seen.append((ctx.scripted, ctx.layout))
        if self.fail:
            raise RuntimeError("the costly part failed")
        return {**ctx.scripted, "more": await page.evaluate("() => 1 + 1")}


async def test_a_check_may_read_every_page_and_gather_more_after_the_round_trip(browser):
    from auditor.frontier import CrawlTarget
    from auditor.page import audit_page
    from tests.fixture_server import FixtureServer, page

    body = "<header><nav><ul><li>a</li></ul></nav></header><main><h1>x</h1><div><div>"
    body += "<img alt=''></div></div><section><div>y</div></section></main><footer></footer>"
    settings = quick_settings()
    both, failing = _ReadsThenGathers(), _ReadsThenGathers(fail=True)
    failing.id = "test.reads-then-fails"
    env = PageEnv(settings, HostLimiter(50), [both, failing])
    with FixtureServer({"/": page("Shop", body)}) as srv:
        context = await browser.new_context()
        try:
            tab = await context.new_page()
            record = await audit_page(CrawlTarget(srv.base_url, 0, "/"), tab, env)
        finally:
            await context.close()
    assert record.gathered["test.reads-then-gathers"] == {"title": "Shop", "more": 2}
    assert record.gathered["test.reads-then-fails"] == {"title": "Shop"}  # the read stays
    assert "the costly part failed" in record.gather_errors["test.reads-then-fails"]
    assert both.seen == [({"title": "Shop"}, record.layout)] and record.layout
