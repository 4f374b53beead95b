"""Pictures in the report: the evidence's screenshots, made small enough to inline.

Why: the report is one file that opens offline, so every picture is a data URI; a shop
of 400 pages with a picture per finding must still give a file a browser opens at once.
A picture wider than ``MAX_WIDTH`` pixels is scaled down and stored again as a JPEG;
one that cannot be read is shown as it is (it already passed the data-URI check), and
one that is not an image data URI is never shown.
"""

from __future__ import annotations

import base64
import binascii
import io
from functools import lru_cache
from typing import Any

from .common import as_dict, image_uri

__all__ = ["MAX_WIDTH", "picture", "screenshot"]

MAX_WIDTH = 720  # pixels: the widest a picture is shown in the report
QUALITY = 60
MAX_PIXELS = 40_000_000  # refuse to decode anything bigger (a decompression bomb)


def picture(value: Any) -> str | None:
    """``value`` as a data URI fit to inline: None unless it is a JPEG or PNG data URI,
    scaled down to ``MAX_WIDTH`` where it is wider."""
    uri = image_uri(value)
    if uri is None:
        return None
    return _downscaled(uri)


def screenshot(evidence: Any) -> str | None:
    """The evidence's picture, only if it is an image data URI and nothing else: a
    results.json may have been edited, and a report must never load or run anything."""
    return picture(as_dict(evidence).get("screenshot"))


@lru_cache(maxsize=256)
def _downscaled(uri: str) -> str:
    """The same picture at most ``MAX_WIDTH`` wide, or ``uri`` itself where it is
    already small, unreadable, or would not get smaller."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is a dependency of the package
        return uri
    try:
        raw = base64.b64decode(uri.split(",", 1)[1], validate=True)
        with Image.open(io.BytesIO(raw)) as image:
            width, height = image.size
            if width <= MAX_WIDTH or width * height > MAX_PIXELS:
                return uri
            scaled = image.convert("RGB").resize(
                (MAX_WIDTH, max(1, round(height * MAX_WIDTH / width))), Image.Resampling.LANCZOS
            )
        out = io.BytesIO()
        scaled.save(out, format="JPEG", quality=QUALITY, optimize=True)
    except (OSError, ValueError, binascii.Error, Image.DecompressionBombError):
        return uri
    small = "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")
    return small if len(small) < len(uri) else uri
