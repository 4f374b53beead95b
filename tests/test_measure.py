"""Total Blocking Time from the long tasks a timing load recorded (auditor.measure).

The figures of the defect come from a real load in Chromium (a task scheduled with
requestAnimationFrame, then setTimeout, right after the first paint): the task started
9 ms before First Contentful Paint was presented.
"""

from __future__ import annotations

import pytest

from auditor.browser import BrowserSession
from auditor.measure import (
    MEASURE_INIT_SCRIPT,
    Measurer,
    blocking_figures,
    blocking_parts,
    interactive_at,
    quiet_answer,
)
from auditor.ratelimit import HostLimiter
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

#: recorded: FCP 300 ms, one 699 ms task from 290.9 ms (straddling the paint)
STRADDLING = {"fcp_ms": 300, "long_tasks": [[290.9, 699, ""]], "resources": []}
#: its repaired twin: the same work in slices under 50 ms, no long task at all
SLICED = {"fcp_ms": 300, "long_tasks": [], "resources": []}


def test_a_task_that_starts_just_before_first_paint_counts_from_the_paint_on():
    figures = blocking_figures(STRADDLING)
    # Lighthouse: cut to [FCP, TTI], then the part beyond 50 ms: 699 - 9.1 - 50
    assert figures["tbt_ms"] == pytest.approx(639.9)
    assert figures["blocking_ms"] == pytest.approx(649)
    assert figures["tti_ms"] == pytest.approx(989.9)
    assert blocking_figures(SLICED)["tbt_ms"] == 0


def test_tasks_before_first_paint_and_short_remainders_do_not_count():
    tasks = [[10, 200], [280, 60], [400, 49], [500, 120]]
    # [10, 210] ends before FCP; [280, 340] leaves 40 ms after FCP; 49 ms is no long task
    assert blocking_parts(tasks, 300, 10_000) == [(500.0, 120.0, 70.0)]
    assert blocking_figures({"fcp_ms": 300, "long_tasks": tasks})["tbt_ms"] == 70
    assert blocking_figures({"fcp_ms": None, "long_tasks": tasks})["tbt_ms"] == 0


def test_tasks_after_the_quiet_window_are_past_time_to_interactive():
    tasks = [[500, 100], [7000, 300]]  # 6.4 s of quiet between them
    assert interactive_at(tasks, 300) == 600
    assert blocking_figures({"fcp_ms": 300, "long_tasks": tasks})["tbt_ms"] == 50


def test_a_busy_network_keeps_the_window_open():
    tasks = [[500, 100], [7000, 300]]
    # three requests in flight from 1 s to 6 s: no quiet window after the first task
    busy = [["u", "fetch", "", 1000, 6000]] * 3
    assert interactive_at(tasks, 300, busy) == 7300
    figures = blocking_figures({"fcp_ms": 300, "long_tasks": tasks, "resources": busy})
    assert figures["tbt_ms"] == 50 + 250
    two = busy[:2]
    assert interactive_at(tasks, 300, two) == 600


# -- the end of a load, by condition: nothing scheduled before the quiet window ends --

#: a quiet window long enough that a reading before its end can only be the early one
LONG_QUIET_MS = 4000
_BANNER = page(
    "Late banner",
    "<main><h1>Jackets</h1><p>Warm and dry.</p></main>"
    "<script>addEventListener('load', () => setTimeout(() => {"
    "  const b = document.createElement('div'); b.style.height = '200px';"
    "  b.textContent = 'Sale!'; document.body.prepend(b); }, 1500));</script>",
)
_PLAIN = page("Plain", "<main><h1>About us</h1><p>A small shop.</p></main>")
_SPINNER = page(
    "Spinner",
    "<main><h1>Loading offers</h1><div id='s'></div></main>",
    head="<style>#s{width:20px;height:20px;background:#333;animation:r 1s linear infinite}"
    "@keyframes r{to{transform:rotate(360deg)}}</style>",
)
_NATIVE_JS = "() => [setTimeout, setInterval, requestAnimationFrame].map((f) => Function.prototype.toString.call(f))"


async def _one_timing_load(playwright, browser, url: str) -> dict:
    settings = quick_settings(measurement={"quiet_ms": LONG_QUIET_MS, "interaction": False})
    session = BrowserSession(playwright, settings, browser)
    await session.start()
    measurer = Measurer(session, settings, HostLimiter(50.0, 1.0))
    timing = await measurer.measure(url, 1)
    (run,) = timing["runs"]
    assert "error" not in run, run
    return run


async def test_a_load_with_nothing_scheduled_is_over_before_its_quiet_window(playwright, browser):
    with FixtureServer({"/": _PLAIN}) as server:
        run = await _one_timing_load(playwright, browser, server.url("/"))
    assert not run["never_quiet"]
    # waiting the window out would take 4 s from the last activity; nothing was due
    assert run["settle_ms"] < LONG_QUIET_MS - 1000, run["settle_ms"]


async def test_a_timer_due_within_the_window_is_waited_for(playwright, browser):
    # the banner comes 1.5 s after the load event: read early, the shift would be lost
    with FixtureServer({"/": _BANNER}) as server:
        run = await _one_timing_load(playwright, browser, server.url("/"))
    assert not run["never_quiet"]
    assert run["metrics"]["cls"] > 0, run["metrics"]  # read early, it would be 0
    assert run["settle_ms"] >= 1500


async def test_a_running_animation_waits_the_window_out(playwright, browser):
    with FixtureServer({"/": _SPINNER}) as server:
        run = await _one_timing_load(playwright, browser, server.url("/"))
    assert run["settle_ms"] >= LONG_QUIET_MS


async def test_the_page_sees_its_own_timer_functions(playwright, browser):
    # the timers are watched through proxies: a page (or a bot check) reading them
    # finds the browser's own functions
    settings = quick_settings()
    session = BrowserSession(playwright, settings, browser)
    await session.start()
    context = await session.new_context()
    try:
        await context.add_init_script(MEASURE_INIT_SCRIPT)
        tab = await context.new_page()
        with FixtureServer({"/": _PLAIN}) as server:
            await tab.goto(server.url("/"))
            texts = await tab.evaluate(_NATIVE_JS)
            fired = await tab.evaluate(
                "() => new Promise((r) => setTimeout((a, b) => r(a + b), 10, 2, 3))"
            )
    finally:
        await context.close()
    assert all("[native code]" in text for text in texts), texts
    assert fired == 5


def test_a_broken_quiet_answer_only_ends_the_load_by_the_window():
    assert quiet_answer([1200.0, 1e9]) == (1200.0, 1e9)
    assert quiet_answer(None) == (0.0, 0.0)
    assert quiet_answer(["x", 3]) == (0.0, 0.0)


async def test_a_long_task_still_names_the_page_script_that_ran_in_it(playwright, browser):
    # watching the timers must not put a function of ours between the timer and the
    # page's callback: the long animation frame would name us instead of the script
    busy = (
        "addEventListener('load', () => setTimeout(function busyWidget() {"
        " const t = Date.now(); while (Date.now() - t < 300) {} }, 0));"
    )
    routes = {
        "/": page("Busy", "<main><h1>Busy</h1></main>", head="<script src='/widget.js'></script>"),
        "/widget.js": Route(busy, content_type="text/javascript"),
    }
    with FixtureServer(routes) as server:
        run = await _one_timing_load(playwright, browser, server.url("/"))
    named = [script for frame in run["frames"] for script in frame[3]]
    assert any(s[0].endswith("/widget.js") for s in named), run["frames"]
