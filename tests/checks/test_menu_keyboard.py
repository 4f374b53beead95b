"""The main menu's keyboard probe: Tab through a real page in Chromium."""

import json

from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, page

GOOD_MENU = (
    "<nav aria-label='Main'><ul><li><a href='/c/a'>Jackets</a></li>"
    "<li><button type='button'>Tents</button></li><li><a href='/c/b'>Sale</a></li></ul></nav>"
)
BAD_MENU = (
    "<nav aria-label='Main'><ul><li><span class='toggle'>Jackets</span></li>"
    "<li><a href='/c/a' tabindex='-1'>Tents</a></li><li><a href='/c/b'>Sale</a></li></ul></nav>"
)
TRAP = (
    "<form action='/search'><input id='q' name='q' aria-label='Search'></form>"
    "<script>document.getElementById('q').addEventListener('keydown', (e) => {"
    "  if (e.key === 'Tab') e.preventDefault(); });</script>"
)


def shop(header):
    body = f"<header><a href='/'>Shop</a>{header}</header><main><a href='/c/a'>Go</a></main>"
    return {
        "/": page("Home", body),
        "/c/a": page("A", body),
        "/c/b": page("B", body),
    }


async def menu_findings(header, browser, tmp_path):
    settings = quick_settings(audit={"checks": ["navigation.main-menu"]})
    with FixtureServer(shop(header)) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    return {f["title"]: f for f in results["findings"]}


async def test_menu_items_that_tab_never_reaches_are_found(browser, tmp_path):
    found = await menu_findings(BAD_MENU, browser, tmp_path)
    f = found["Main menu items cannot be reached with the keyboard"]
    assert f["evidence"]["items"] == ["Jackets", "Tents"]


async def test_a_focus_trap_before_the_menu_is_found(browser, tmp_path):
    found = await menu_findings(TRAP + GOOD_MENU, browser, tmp_path)
    f = found["Keyboard focus gets stuck before the main menu"]
    assert f["evidence"]["focus_stuck_on"] == "input#q"


async def test_a_menu_of_links_and_buttons_passes(browser, tmp_path):
    assert await menu_findings(GOOD_MENU, browser, tmp_path) == {}


def marked_menu(items: int) -> str:
    links = "".join(
        f"<li><a href='/c/{n}' data-auditor-menu-item='{n}'>Item {n}</a></li>" for n in range(items)
    )
    return f"<nav aria-label='Main'><ul>{links}</ul></nav>"


async def walk(browser, html: str, items: int) -> dict:
    from types import SimpleNamespace

    from checks.navigation.menus import MainMenu

    ctx = SimpleNamespace(
        structure={"main_nav": {"items": [f"Item {n}" for n in range(items)]}}, template="/"
    )
    context = await browser.new_context()
    try:
        tab = await context.new_page()
        await tab.set_content(html)
        return await MainMenu().gather(tab, ctx)
    finally:
        await context.close()


async def test_the_walk_read_every_few_presses_sees_what_each_press_did(browser):
    """The notes are read once every few presses; the walk still stops where each
    press left the focus: a menu past many links, a trap, a frame on the way."""
    before = "".join(f"<a href='/x{n}'>Link {n}</a> " for n in range(19))
    far = await walk(browser, f"<header>{before}{marked_menu(3)}</header>", 3)
    assert far == {"items": 3, "reached": [0, 1, 2], "trapped_at": None}
    trapped = await walk(browser, f"<header>{before}{TRAP}{marked_menu(3)}</header>", 3)
    assert trapped["trapped_at"] == "input#q" and trapped["reached"] == []
    frame = "<iframe srcdoc=\"<a href='/in'>In the frame</a>\"></iframe>"
    framed = await walk(browser, f"<header>{frame}{marked_menu(2)}</header>", 2)
    assert framed == {"items": 2, "reached": [0, 1], "trapped_at": None}
