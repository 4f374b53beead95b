"""Screenshots as evidence: a small JPEG of the element in its surroundings."""

import base64

from auditor.screenshots import MAX_SCREENSHOT_BYTES, element_shot, viewport_shot
from tests.fixture_server import FixtureServer, page

BODY = (
    "<div style='height:1500px'>tall</div>"
    "<button id='b' style='outline: 1px dotted blue'>Buy</button>"
    "<p id='hidden' style='display:none'>x</p>"
)


async def test_element_shot_is_a_small_jpeg_and_leaves_the_page_as_it_was(browser):
    with FixtureServer({"/": page("Shot", BODY)}) as server:
        tab = await browser.new_page()
        try:
            await tab.goto(server.url("/"))
            shot = await element_shot(tab, "#b")
            assert shot is not None and shot.startswith("data:image/jpeg;base64,")
            raw = base64.b64decode(shot.split(",", 1)[1])
            assert raw[:3] == b"\xff\xd8\xff" and len(raw) <= MAX_SCREENSHOT_BYTES
            outline = await tab.eval_on_selector("#b", "el => el.style.outline")
            assert outline == "blue dotted 1px" or "dotted" in outline
            assert await element_shot(tab, "#hidden") is None
            assert await element_shot(tab, "#nothing") is None
            assert await element_shot(tab, "##bad selector") is None
            assert (await viewport_shot(tab)).startswith("data:image/jpeg;base64,")
        finally:
            await tab.close()
