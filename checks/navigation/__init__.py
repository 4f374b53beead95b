"""Navigation: can a customer find their way to every page, and back?

Link health (broken links, redirect chains), how many clicks pages are from home,
key service pages, orphans and dead ends, the main menu, breadcrumbs, pagination and
soft 404s: one module per concern, all in the ``navigation`` category.
"""

from .depth import ClickDepth, Pagination
from .key_pages import KeyPages
from .links import BrokenLinks, RedirectChains
from .menus import Breadcrumbs, MainMenu
from .reach import DeadEnds, Orphans
from .soft404 import Soft404

__all__ = [
    "Breadcrumbs",
    "BrokenLinks",
    "ClickDepth",
    "DeadEnds",
    "KeyPages",
    "MainMenu",
    "Orphans",
    "Pagination",
    "RedirectChains",
    "Soft404",
]
