"""The bundled demo shop "Nordwind Outfitters" (outdoor gear), served on a real local port.

``DemoShop(mode="defects")`` serves the shop with the deliberate usability defects listed in
``DEFECTS``; ``DemoShop(mode="clean")`` serves the same shop with every defect repaired.
Used by ``auditor demo``, the test suite and the benchmark. Standard library only.
"""

from .app import CUSTOMER_NAME, LOGIN_EMAIL, LOGIN_PASSWORD
from .catalog import DEEP_PRODUCT_SLUG, DISCONTINUED_PRODUCT_SLUG, ORPHAN_PRODUCT_SLUG
from .defects import DEFECTS, FIRST_BACKPACK_SLUG, FIRST_PRODUCT_SLUG
from .server import MODES, DemoShop

__all__ = [
    "CUSTOMER_NAME",
    "DEEP_PRODUCT_SLUG",
    "DEFECTS",
    "DISCONTINUED_PRODUCT_SLUG",
    "FIRST_BACKPACK_SLUG",
    "FIRST_PRODUCT_SLUG",
    "LOGIN_EMAIL",
    "LOGIN_PASSWORD",
    "MODES",
    "ORPHAN_PRODUCT_SLUG",
    "DemoShop",
]
