"""Performance: how fast the shop's pages load and react, scored like the lab tools.

``vitals`` judges the timings of the measurement lane (auditor.measure) against
web.dev's thresholds and scores pages like Lighthouse (``scoring``); ``resources``
holds the diagnostics that explain them (weight, render-blocking, image sizes,
compression, caching).
"""

from .resources import Caching, ImageSizes, PageWeight, RenderBlocking, TextCompression
from .vitals import WebVitals

__all__ = ["Caching", "ImageSizes", "PageWeight", "RenderBlocking", "TextCompression", "WebVitals"]
