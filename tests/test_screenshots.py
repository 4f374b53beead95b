"""Screenshots as evidence: a small JPEG of the element in its surroundings."""

import base64

from auditor.screenshots import MAX_SCREENSHOT_BYTES, element_shot, padded_clip, viewport_shot
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


def test_padded_clip_stays_inside_the_window():
    window = {"width": 320, "height": 640}
    assert padded_clip({"x": 10, "y": 20, "width": 50, "height": 30}, window, 6) == {
        "x": 4.0, "y": 14.0, "width": 62, "height": 42,
    }  # fmt: skip
    edge = padded_clip({"x": 300, "y": 0, "width": 100, "height": 30}, window, 6)
    assert edge == {"x": 294, "y": 0.0, "width": 26, "height": 42}
    assert padded_clip({"x": 400, "y": 0, "width": 10, "height": 10}, window, 6) is None
    sliver = {"x": 325, "y": 0, "width": 10, "height": 10}  # 1 px left inside the window
    assert padded_clip(sliver, window, 6)["width"] == 1
    assert padded_clip(sliver, window, 6, min_px=2) is None
