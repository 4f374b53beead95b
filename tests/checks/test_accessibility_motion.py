"""The motion gatherer in a real Chromium: a carousel whose library says whether it
plays by itself is read at once, any other carousel is still watched."""

from __future__ import annotations

from checks.accessibility.motion import _MOTION_JS

#: counts the watch's 250 ms steps, so a test can tell a watch from a reading
COUNT_WAITS = """
window.__waits = 0;
const plain = window.setTimeout;
window.setTimeout = (f, ms, ...rest) => { if (ms === 250) window.__waits++; return plain(f, ms, ...rest); };
"""

SLIDES = "<div>Slide 1</div><div>Slide 2</div>"
BOX = "style='width:300px;height:80px;overflow:hidden'"


def page_with(carousels: str, script: str) -> str:
    return f"<body>{carousels}<script>{COUNT_WAITS}{script}</script></body>"


async def gathered(browser, html: str, ms: int = 1500) -> tuple[list[dict], int]:
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.set_content(html)
        data = await page.evaluate(_MOTION_JS, ms)
        waits = await page.evaluate("window.__waits")
    finally:
        await context.close()
    return data["carousels"], waits


async def test_a_library_carousel_is_read_from_its_settings_without_a_watch(browser):
    html = page_with(
        f"<div class='swiper' id='hero' {BOX}>{SLIDES}</div>"
        f"<div class='slick-slider' id='brands' {BOX}>{SLIDES}</div>",
        "document.getElementById('hero').swiper = { autoplay: { running: true } };"
        "document.getElementById('brands').slick = { options: { autoplay: false } };",
    )
    carousels, waits = await gathered(browser, html)
    facts = {c["selector"]: (c["autoplay"], c["moves"]) for c in carousels}
    assert facts == {"div#hero": (True, True), "div#brands": (False, False)}
    assert waits == 0  # nothing left to watch


async def test_an_owl_carousel_inside_a_wrapper_is_read_through_jquery(browser):
    fake_jquery = (
        "window.jQuery = (el) => ({ data: (key) => key === 'owl.carousel' && el.id === 'inner'"
        " ? { settings: { autoplay: true } } : undefined });"
    )
    html = page_with(
        f"<div class='carousel' id='outer' {BOX}><div class='owl-carousel' id='inner'>"
        f"{SLIDES}</div></div>",
        fake_jquery,
    )
    carousels, waits = await gathered(browser, html)
    assert [(c["selector"], c["autoplay"], c["moves"]) for c in carousels] == [
        ("div#outer", True, True)
    ]
    assert waits == 0


async def test_a_carousel_no_library_runs_is_still_watched(browser):
    moving = (
        "let n = 0; setInterval(() => { n++; document.querySelector('#own .track')"
        ".style.transform = 'translateX(' + (-100 * (n % 2)) + '%)'; }, 100);"
    )
    html = page_with(
        f"<div class='carousel' id='own' {BOX}><div class='track'>{SLIDES}</div></div>"
        f"<div class='slider' id='still' {BOX}>{SLIDES}</div>",
        moving,
    )
    carousels, waits = await gathered(browser, html, ms=800)
    facts = {c["selector"]: (c["autoplay"], c["moves"]) for c in carousels}
    assert facts == {"div#own": (None, True), "div#still": (None, False)}
    assert waits >= 3  # the still one was watched for the whole window
