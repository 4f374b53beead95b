"""Screenshots as evidence: small JPEGs inlined as data URIs in a finding's evidence.

Why data URIs: results.json is the one contract and the HTML report must stay one
self-contained file; a few dozen 20-60 KB pictures keep both true. Probes call these
in their own tab (auditor.probe); evaluate steps copy the URI into
``evidence["screenshot"]``, which the report shows as a picture, never as text.
"""

from __future__ import annotations

import base64
import contextlib

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

__all__ = ["MAX_SCREENSHOT_BYTES", "element_shot", "padded_clip", "viewport_shot"]

#: a picture larger than this is taken again at lower quality, then dropped
MAX_SCREENSHOT_BYTES = 120_000

_HIGHLIGHT_JS = """
(el, on) => {
  if (on) {
    el.dataset.auditorOutline = el.style.outline || '';
    el.style.outline = '4px solid #e0115f';
    el.style.outlineOffset = '2px';
  } else if ('auditorOutline' in el.dataset) {
    el.style.outline = el.dataset.auditorOutline;
    el.style.outlineOffset = '';
    delete el.dataset.auditorOutline;
  }
}
"""


def _encode(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")


async def _jpeg(page: Page, **options) -> str | None:
    for quality in (60, 35):
        try:
            data = await page.screenshot(type="jpeg", quality=quality, timeout=5000, **options)
        except (PlaywrightError, PlaywrightTimeout):
            return None
        if len(data) <= MAX_SCREENSHOT_BYTES:
            return _encode(data)
    return None


def padded_clip(
    box: dict[str, float], window: dict[str, int], pad: float, min_px: float = 1.0
) -> dict[str, float] | None:
    """An element's box widened by ``pad`` on every side and kept inside the window,
    as a screenshot clip; None where less than ``min_px`` of it is in the window."""
    x, y = max(0.0, box["x"] - pad), max(0.0, box["y"] - pad)
    width = min(box["width"] + 2 * pad, window["width"] - x)
    height = min(box["height"] + 2 * pad, window["height"] - y)
    if width < min_px or height < min_px:
        return None
    return {"x": x, "y": y, "width": width, "height": height}


async def viewport_shot(page: Page) -> str | None:
    """What the customer sees in the window right now."""
    return await _jpeg(page)


async def element_shot(
    page: Page, selector: str, *, pad: int = 48, highlight: bool = True
) -> str | None:
    """The element in its surroundings, outlined in a colour no shop uses for focus.

    The element is scrolled into view; the region is its box widened by ``pad`` and
    kept inside the window, so the reader sees where on the page it is, not only the
    element itself.
    """
    try:
        handle = await page.query_selector(selector)
    except PlaywrightError:
        return None
    if handle is None:
        return None
    try:
        with contextlib.suppress(PlaywrightError, PlaywrightTimeout):
            await handle.scroll_into_view_if_needed(timeout=2000)
        box = await handle.bounding_box()
        if box is None or box["width"] < 1 or box["height"] < 1:
            return None
        area = padded_clip(box, page.viewport_size or {"width": 1280, "height": 800}, pad)
        if area is None:
            return None
        if highlight:
            await handle.evaluate(_HIGHLIGHT_JS, True)
        try:
            return await _jpeg(page, clip=area)
        finally:
            if highlight:
                with contextlib.suppress(PlaywrightError):
                    await handle.evaluate(_HIGHLIGHT_JS, False)
    except PlaywrightError:
        return None
    finally:
        with contextlib.suppress(PlaywrightError):
            await handle.dispose()
