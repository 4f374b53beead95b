"""The journeys checks: one per concern, all reading the same walks.

The walks are sent once per audit (``runs.shared_runs``); their options live in the
section of ``journeys.discovery`` (``common.JOURNEY_OPTIONS``), like the search
family's. Each check judges its journeys purely (``judge``) and the owner hands the
walks with their effort figures to results.json's ``journeys``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from auditor.config import Settings
from auditor.model import Finding
from auditor.plugins import Check, PageView, SiteView

from . import judge
from .common import JOURNEY_OPTION_DOCS, JOURNEY_OPTIONS, journey_options

__all__ = [
    "CartJourney",
    "CheckoutJourney",
    "Discovery",
    "JourneyCheck",
    "Personas",
    "ServiceJourney",
]


class JourneyCheck(Check):
    """A journeys check: reads the shared walks in its site step, judges them purely."""

    category = "journeys"
    judge: ClassVar[Callable[[dict | None], list[dict]]]
    #: the journeys this check is about (for its details)
    journeys: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self.walk_options: dict[str, Any] = dict(JOURNEY_OPTIONS)
        self.details: dict[str, Any] | None = None

    def configure(self, settings: Settings) -> None:
        self.walk_options = journey_options(settings)

    async def site(self, site) -> dict | None:
        from .runs import shared_runs

        return await shared_runs(site, self.walk_options)

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> Iterable[Finding]:
        data = site.site_data
        if not data:
            return []
        self.details = {
            "skipped": data.get("skipped"),
            "journeys": [
                {
                    "journey": w["journey"],
                    "persona": w["persona"],
                    "completed": bool(w.get("completed")),
                    "effort_s": (w.get("effort") or {}).get("seconds"),
                }
                for w in data.get("walks") or []
                if not self.journeys or w["journey"] in self.journeys
            ],
        }
        out = []
        for p in type(self).judge(data):
            urls = p.pop("urls", None) or ([p["url"]] if p["url"] else [])
            out.append(
                self.finding(
                    severity=p["severity"],
                    title=p["title"],
                    message=p["message"],
                    recommendation=p["recommendation"],
                    url=p["url"],
                    urls=urls,
                    key=f"{self.id}|{p['key']}",
                    evidence=p["evidence"],
                    message_id=f"{self.id}.{p.get('message_key') or p['key']}",
                    params=p.get("params") or {},
                )
            )
        return out


class Discovery(JourneyCheck):
    """What: journeys 1 and 2, the product found through the menu (home, category,
    product) and through the search, with lostness against the crawl's shortest path.

    Why: customers browse or search; a product only one of the two finds is lost to the
    other half. The three-click rule has no evidence; lostness (Smith 1996) has.

    Example: a product listed in no category the menu opens, found only by its name.

    Fix: list every product in a menu category and index its name in the search.
    """

    id = "journeys.discovery"
    title = "Finding a product (menu and search)"
    description = "Walks home -> category -> product and the same product through the search."
    default_options: ClassVar[dict[str, Any]] = dict(JOURNEY_OPTIONS)
    option_docs: ClassVar[dict[str, str]] = dict(JOURNEY_OPTION_DOCS)
    judge = staticmethod(judge.discovery_problems)
    journeys = ("browse", "search")

    def configure(self, settings: Settings) -> None:
        super().configure(settings)

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> Iterable[Finding]:
        found = list(super().evaluate(pages, site))
        self.records = (site.site_data or {}).get("walks") or []
        return found

    def journey_records(self) -> list[dict[str, Any]] | None:
        """The walks for results.json's ``journeys`` (the owner hands them over once)."""
        return getattr(self, "records", None)


class CartJourney(JourneyCheck):
    """What: journey 3, choosing the variant, adding to the cart, the confirmation and
    what the cart shows.

    Why: without a sign that the click worked customers click again or leave (NN/g);
    the cart must show product, variant, price, total, shipping and the way on.

    Example: "Add to cart" reloads the page without any message or badge change.

    Fix: confirm at once naming the variant, update the badge, keep the checkout
    button in view.
    """

    id = "journeys.cart"
    title = "Adding to the cart"
    description = "Chooses the required variant, adds the product to the cart, opens the cart."
    judge = staticmethod(judge.cart_problems)
    journeys = ("cart",)


class CheckoutJourney(JourneyCheck):
    """What: journey 4, from the cart into the checkout as far as it goes without
    personal data: guest checkout, fields, step indicator, total, order button wording.

    Why: forced accounts (26 %), a long checkout (22 %) and an unknown total (21 %) are
    among the main reasons to abandon (Baymard 2024).

    Example: the checkout opens on a sign-in form with no guest option.

    Fix: a prominent guest checkout, at most 8 fields, the steps and the total shown.
    """

    id = "journeys.checkout"
    title = "Reaching the checkout"
    description = "Goes from the cart into the checkout, never sending personal data or ordering."
    judge = staticmethod(judge.checkout_problems)
    journeys = ("checkout",)


class ServiceJourney(JourneyCheck):
    """What: journey 5, contact, shipping costs and returns from a product page, and
    contact, imprint and returns within 2 clicks of every page the journeys walked.

    Why: 18 % abandoned an order because the returns policy was not found (Baymard).

    Example: the returns policy is linked only from the checkout.

    Fix: link contact, shipping and returns in the footer of every page.
    """

    id = "journeys.service"
    title = "Service pages along the way"
    description = "Reaches contact, shipping costs and returns from a product page."
    judge = staticmethod(judge.service_problems)
    journeys = ("service",)


class Personas(JourneyCheck):
    """What: the same journeys walked as other customers (``personas``): keyboard only,
    a slow phone, a 320 px window, every text at 200 %; a journey the desktop mouse
    finishes and another persona cannot.

    Why: a step the keyboard cannot pass locks out everyone without a pointer (WCAG
    2.1.1); a phone on a slow link is how most customers shop; customers with low
    vision enlarge the text (WCAG 1.4.4) or the page (1.4.10).

    Example: a size picker that only reacts to mouse clicks.

    Fix: native buttons and inputs, reachable with Tab, working with Enter and Space.
    """

    id = "journeys.personas"
    title = "Journeys for every customer"
    description = "Compares the journeys of the configured personas with the desktop's."
    judge = staticmethod(judge.persona_problems)
