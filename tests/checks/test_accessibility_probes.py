"""The accessibility checks beyond axe, in a real Chromium on a small shop with each
barrier, and on its repaired twin (which must give no finding at all)."""

from __future__ import annotations

import json

from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route

CHECKS = [
    "accessibility.keyboard",
    "accessibility.reflow",
    "accessibility.text-resize",
    "accessibility.link-texts",
    "accessibility.image-alts",
    "accessibility.duplicate-ids",
    "accessibility.motion",
]

CAROUSEL_JS = """
const track = document.querySelector('.carousel .track');
let n = 0;
const timer = setInterval(() => { n = (n + 1) % 3; track.style.transform = 'translateX(' + (-100 * n) + '%)'; }, 300);
const pause = document.getElementById('pause');
if (pause) pause.addEventListener('click', () => clearInterval(timer));
"""
TRAP_JS = (
    "document.getElementById('email').addEventListener('keydown', (e) => "
    "{ if (e.key === 'Tab') e.preventDefault(); });"
)


def shop(defects: bool) -> dict[str, Route | str]:
    viewport = (
        "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no"
        if defects
        else "width=device-width, initial-scale=1"
    )
    focus_css = (
        "a:focus, button:focus { outline: none }"
        if defects
        else "a:focus-visible, button:focus-visible { outline: 3px solid #b00; outline-offset: 2px }"
    )
    header_css = (
        "header { height: 48px; overflow: hidden } header a { font-size: 16px; }"
        if defects
        else "header { min-height: 48px } header a { font-size: 16px; }"
    )

    def page(title: str, main: str, script: str = "") -> str:
        skip = "" if defects else '<a class="skip" href="#main">Skip to main content</a>'
        return (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='{viewport}'><title>{title}</title>"
            f"<style>body{{margin:0;font:16px sans-serif}} .skip{{position:absolute;left:-9999px}}"
            f" .skip:focus{{left:8px}} nav a{{display:inline-block;padding:8px;color:#124}}"
            f" {focus_css} {header_css}</style></head><body>{skip}"
            "<header><a href='/'>Nordlicht Shop</a><nav aria-label='Main'>"
            "<a href='/c/jackets'>Jackets</a> <a href='/c/shoes'>Shoes</a> "
            "<a href='/c/tents'>Tents and shelters for the whole family and more</a> "
            "<a href='/c/bags'>Bags</a> <a href='/contact'>Contact</a></nav></header>"
            f"<main id='main'>{main}</main><footer><p>Footer text</p></footer>"
            f"{f'<script>{script}</script>' if script else ''}</body></html>"
        )

    cards = "".join(
        f"<div class='card'><a href='/p/{slug}'><img src='/img/{slug}.svg' width='120' "
        f"height='90' alt='{('IMG_10' + str(n) + '.jpg') if defects else name}'></a>"
        f"<a href='/p/{slug}'>{'Details' if defects else 'Details: ' + name}</a></div>"
        for n, (slug, name) in enumerate([("red-jacket", "Red jacket"), ("blue-shoe", "Blue shoe")])
    )
    more = "<a href='/contact'>click here</a>" if defects else "<a href='/contact'>Contact us</a>"
    wide = "<div style='width:640px;background:#eee'>Size table</div>" if defects else ""
    dup = (
        "<label for='size'>Size</label><select id='size'><option>M</option></select>"
        "<p id='size'>Sizes run small.</p>"
        if defects
        else "<label for='size'>Size</label><select id='size'><option>M</option></select>"
        "<p id='size-note'>Sizes run small.</p>"
    )
    carousel = (
        "<div class='carousel' style='width:300px;height:80px;overflow:hidden'>"
        "<div class='track' style='display:flex;width:300%'><div style='flex:1'>Slide 1</div>"
        "<div style='flex:1'>Slide 2</div><div style='flex:1'>Slide 3</div></div>"
        + ("" if defects else "<button id='pause' type='button'>Pause slideshow</button>")
        + "</div>"
    )
    newsletter = (
        "<label for='email'>Email</label><input id='email' type='email'> <a href='/'>Home</a>"
    )
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='90'><rect width='120' height='90' fill='#c33'/></svg>"
    routes: dict[str, Route | str] = {
        "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/": page(
            "Home",
            f"<h1>Nordlicht</h1><p>Questions? {more}</p>{carousel}<a href='/c/jackets'>Jackets</a> <a href='/newsletter'>Newsletter</a>",
            CAROUSEL_JS,
        ),
        "/c/jackets": page("Jackets", f"<h1>Jackets</h1>{cards}{wide}"),
        "/p/red-jacket": page("Red jacket", f"<h1>Red jacket</h1>{dup}"),
        "/newsletter": page(
            "Newsletter", f"<h1>Newsletter</h1>{newsletter}", TRAP_JS if defects else ""
        ),
    }
    for slug in ("red-jacket", "blue-shoe"):
        routes[f"/img/{slug}.svg"] = Route(svg, content_type="image/svg+xml")
    return routes


async def audit(defects: bool, browser, tmp_path) -> dict:
    settings = quick_settings(
        audit={"checks": CHECKS},
        crawl={"use_sitemap": False},
        checks={"accessibility.motion": {"watch_ms": 1500}},
    )
    with FixtureServer(shop(defects)) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
        methods = {method for method, _ in server.log}
    results = json.loads(path.read_text())
    results["_methods"] = methods
    return results


async def test_each_barrier_is_found(browser, tmp_path):
    results = await audit(True, browser, tmp_path)
    assert results["errors"] == []
    by_check: dict[str, list[dict]] = {}
    for f in results["findings"]:
        by_check.setdefault(f["check"], []).append(f)
    titles = {c: [f["title"] for f in fs] for c, fs in by_check.items()}

    keyboard = {f["title"]: f for f in by_check["accessibility.keyboard"]}
    trap = keyboard["Keyboard focus is trapped"]
    assert (
        trap["url"].endswith("/newsletter") and trap["evidence"]["focus_stuck_on"] == "input#email"
    )
    focus = keyboard["No visible focus indicator on links"]  # header, menu and content
    assert 'a[href="/c/jackets"]' in focus["evidence"]["elements"]
    assert focus["evidence"]["screenshot"].startswith("data:image/jpeg;base64,")
    assert "No skip link to the main content" in keyboard

    reflow = {f["title"]: f for f in by_check["accessibility.reflow"]}
    assert reflow["Pinch zoom is switched off"]["evidence"]["blocks_zoom_by"] == "user-scalable=no"
    wide = reflow["Sideways scrolling at 320 px"]
    assert wide["url"].endswith("/c/jackets") and wide["evidence"]["page_px"] >= 640

    (resize,) = by_check["accessibility.text-resize"]
    assert resize["selector"] == "header" and resize["evidence"]["hidden_px"] > 0

    links = titles["accessibility.link-texts"]
    assert "Link text “click here” does not say where it leads" in links
    details = next(f for f in by_check["accessibility.link-texts"] if "Details" in f["title"])
    assert details["evidence"]["targets_total"] == 2 and len(links) == 2

    (alts,) = by_check["accessibility.image-alts"]
    assert alts["evidence"]["alt_texts"] == ["IMG_100.jpg", "IMG_101.jpg"]

    (dup,) = by_check["accessibility.duplicate-ids"]
    assert dup["evidence"] == {"id": "size", "elements": 2, "referenced": True}
    assert dup["severity"] == "serious"

    (motion,) = by_check["accessibility.motion"]
    assert motion["selector"] == "div.carousel" and motion["url"].endswith("/")

    # the probes load pages; nothing is ever sent
    assert results["_methods"] <= {"GET", "HEAD"}
    for check in ("accessibility.keyboard", "accessibility.reflow", "accessibility.text-resize"):
        (entry,) = [c for c in results["checks"] if c["id"] == check]
        assert entry["details"]["pages_probed"] == 4 and entry["details"]["probe_errors"] == []


async def test_the_repaired_twin_gives_no_finding(browser, tmp_path):
    results = await audit(False, browser, tmp_path)
    assert results["errors"] == []
    assert [(f["check"], f["title"]) for f in results["findings"]] == []
    scores = {c["id"]: c["score"] for c in results["checks"] if c["id"] in CHECKS}
    assert set(scores.values()) == {100.0}


async def test_the_keyboard_walk_read_in_chunks_says_what_a_press_by_press_walk_says(browser):
    """The walk reads its notes every few presses; a page whose focus enters a frame
    (whose keys the page never sees) is walked again press by press, to the same end."""
    from checks.accessibility.keyboard import _PREPARE_JS, Keyboard

    links = "".join(f"<a href='/x{n}'>Link {n}</a> " for n in range(6))
    frame = "<iframe srcdoc=\"<a href='/in'>In the frame</a>\"></iframe>"
    trap = "<input id='email'><script>" + TRAP_JS + "</script>"
    pages = {
        "/plain": f"<header><nav>{links}</nav></header><main>{links}</main>",
        "/frame": f"<header><nav>{links}</nav></header><main>{frame}{links}</main>",
        "/trap": f"<header><nav>{links}</nav></header><main>{trap}{links}</main>",
        "/long": f"<header><nav>{links * 12}</nav></header>",
    }
    kb = Keyboard()
    stepwise_walk, fell_back = kb._walk_stepwise, []

    async def counted(page):
        fell_back.append(page.url)
        return await stepwise_walk(page)

    kb._walk_stepwise = counted
    with FixtureServer({p: f"<!doctype html><title>t</title>{b}" for p, b in pages.items()}) as s:
        tab = await browser.new_page()
        try:
            for path in pages:
                walks = []
                for how in (kb._walk, lambda page, _: stepwise_walk(page)):
                    await tab.goto(s.url(path))
                    elements = await tab.evaluate(_PREPARE_JS, 60)
                    walks.append(await how(tab, elements))
                chunked, stepwise = walks
                assert chunked == stepwise, path
                assert (
                    chunked["ended"]
                    == {
                        "/plain": "wrapped",
                        "/frame": "wrapped",
                        "/trap": "trapped",
                        "/long": "limit",
                    }[path]
                ), (path, chunked)
                assert chunked["reached"], path
        finally:
            await tab.close()
    assert fell_back == [s.url("/frame")]  # only where the frame hid a press
