"""Cart, contact, shipping, returns, imprint, privacy: found at once from every page?"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.model import Finding
from auditor.pagekinds import KEY_PAGE_KINDS, link_kinds
from auditor.plugins import Check, PageView, SiteView
from auditor.urls import url_key

from .common import FOCUSED_KINDS, Addresses, content_pages, kinds_of, listed

__all__ = ["KeyPages"]

_NAMES = {
    "cart": "cart",
    "checkout": "checkout",
    "contact": "contact page",
    "shipping": "shipping information",
    "returns": "returns information",
    "imprint": "imprint (Impressum)",
    "privacy": "privacy policy",
}
#: kinds a customer must reach from every page; the checkout is reached from the cart
_EVERYWHERE = ("cart", "contact", "shipping", "returns", "imprint", "privacy")
_WEIGHTY = ("cart", "contact")
_GERMAN_TLDS = (".de", ".at", ".ch")


class KeyPages(Check):
    """Key pages.

    What: whether the cart, checkout, contact, shipping and returns information,
    imprint and privacy policy are found, how many clicks they are from home, and
    whether every page links to them (in the header or footer). Recognised by address,
    link text and heading, in English and German (Warenkorb, Kasse, Versand, ...).
    Why: customers check delivery costs, returns and who the seller is before they
    buy; a cart or contact link that is missing on some pages is a dead end there.
    The imprint is a legal duty for shops in German-speaking countries.
    Example: the returns page is linked only from the FAQ, three clicks deep.
    Fix: link every key page from the footer (the cart from the header) of every page.
    """

    id = "navigation.key-pages"
    category = "navigation"
    title = "Key pages"
    description = "Cart, contact, shipping, returns, imprint and privacy: near and linked."
    requires = ("links", "structure", "redirects")
    default_options: ClassVar[dict[str, Any]] = {
        "max_depth": 2,
        "required": ["cart", "contact", "shipping", "returns", "privacy"],
        "imprint": "auto",
    }
    option_docs: ClassVar[dict[str, str]] = {
        "max_depth": "clicks from the home page a key page may take",
        "required": (
            "key pages every shop must have (cart, checkout, contact, shipping, returns, "
            "privacy, imprint)"
        ),
        "imprint": (
            '"auto": required where the shop is in German or on a .de/.at/.ch domain; "yes" or "no"'
        ),
    }

    def configure(self, settings: Settings) -> None:
        where = f'{settings.source}: \'checks."{self.id}"'
        if self.options["imprint"] not in ("auto", "yes", "no"):
            raise ConfigError(f'{where}.imprint\' must be "auto", "yes" or "no"')
        unknown = [k for k in self.options["required"] if k not in KEY_PAGE_KINDS]
        if unknown:
            raise ConfigError(
                f"{where}.required' has unknown page kinds {unknown} "
                f"(known: {', '.join(KEY_PAGE_KINDS)})"
            )

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        targets: dict[str, Counter] = defaultdict(Counter)  # kind -> url -> pages linking
        linked_on: dict[str, set[str]] = defaultdict(set)  # kind -> pages that link to it
        crawled: dict[str, list[str]] = defaultdict(list)  # kind -> crawled pages of it
        everywhere_pages: list[tuple[str, str]] = []  # (url, kind) of pages that should link
        langs: Counter = Counter()
        roles: dict[str, set[str]] = {}  # page -> the key roles it serves itself
        for page in content_pages(pages):
            kinds = kinds_of(page, site)
            structure = page.facts.get("structure") or {}
            langs[(structure.get("lang") or "").split("-")[0].lower()] += 1
            for kind in kinds:
                if kind in KEY_PAGE_KINDS:
                    crawled[kind].append(page.url)
            if not FOCUSED_KINDS & set(kinds):
                everywhere_pages.append(page.url)
                roles[page.url] = set(kinds)
            seen_here: set[str] = set()
            for link in page.facts.get("links") or []:
                # a link back to the page itself ("#": Shuup's "Cart (0)" dropdown
                # toggle) leads to no cart, however it is named
                if not link.internal or link.url in (page.url, page.final_url):
                    continue
                for lk in link_kinds(link.url, link.text):
                    if lk in KEY_PAGE_KINDS:
                        seen_here.add(lk)
                        targets[lk][link.url] += 1
            for lk in seen_here:
                linked_on[lk].add(page.url)
        addresses = Addresses(pages)
        required = [k for k in self.options["required"] if k in KEY_PAGE_KINDS]
        if self._imprint_required(site, langs) and "imprint" not in required:
            required.append("imprint")
        findings: list[Finding] = []
        for kind in KEY_PAGE_KINDS:
            url = self._where(kind, targets, crawled)
            if url is None:
                if kind in required:
                    findings.append(self._missing(kind))
                continue
            depth = site.depths.get(url)
            if depth is not None and depth > self.options["max_depth"]:
                findings.append(self._deep(kind, url, depth))
            if kind in _EVERYWHERE:
                missing = [
                    u
                    for u in everywhere_pages
                    if kind not in roles[u]
                    and u not in linked_on[kind]
                    and not addresses.same(u, url)
                ]
                if missing:
                    findings.append(self._not_everywhere(kind, url, missing, len(everywhere_pages)))
        return findings

    def _imprint_required(self, site: SiteView, langs: Counter) -> bool:
        setting = self.options["imprint"]
        if setting in ("yes", "no"):
            return setting == "yes"
        host = site.start_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        top_lang = langs.most_common(1)[0][0] if langs else ""
        return top_lang == "de" or host.endswith(_GERMAN_TLDS)

    @staticmethod
    def _where(kind: str, targets: dict[str, Counter], crawled: dict[str, list[str]]) -> str | None:
        """The address of the key page: the one most pages link to, else a crawled one
        (a page that serves the role among others counts: "Delivery & returns")."""
        if targets.get(kind):
            return targets[kind].most_common(1)[0][0]
        return crawled[kind][0] if crawled.get(kind) else None

    def _missing(self, kind: str) -> Finding:
        name = _NAMES[kind]
        return self.finding(
            severity="serious" if kind == "cart" else "moderate",
            title=f"No {name} found",
            message=(
                f"No page of the crawl links to a {name}, and none was recognised by its "
                "address or heading."
            ),
            recommendation=(
                f"Publish the {name} and link it from the footer of every page"
                + (" (the cart from the header)." if kind == "cart" else ".")
            ),
            evidence={"kind": kind},
            key=f"missing:{kind}",
            message_id=f"{self.id}.missing.{kind}",
            params={"page": kind},
        )

    def _deep(self, kind: str, url: str, depth: int) -> Finding:
        name = _NAMES[kind]
        return self.finding(
            severity="minor",
            title=f"The {name} is {depth} clicks from the home page",
            message=(
                f"Customers need {depth} clicks to reach the {name} at {url_key(url)} "
                f"(recommended: at most {self.options['max_depth']})."
            ),
            recommendation=f"Link the {name} from the header or footer of every page.",
            url=url,
            urls=[url],
            evidence={"kind": kind, "target": url, "depth": depth},
            key=f"deep:{kind}",
            message_id=f"{self.id}.deep.{kind}",
            params={
                "page": kind,
                "depth": depth,
                "path": url_key(url),
                "max": self.options["max_depth"],
            },
        )

    def _not_everywhere(self, kind: str, url: str, missing: list[str], total: int) -> Finding:
        name = _NAMES[kind]
        share = 100.0 * (total - len(missing)) / total if total else 0.0
        return self.finding(
            severity="moderate" if kind in _WEIGHTY else "minor",
            title=f"Not every page links to the {name}",
            message=(
                f"{len(missing)} of {total} pages have no link to the {name} "
                f"({url_key(url)}): customers there have to search for it."
            ),
            recommendation=(
                f"Put the link to the {name} in the shared "
                f"{'header' if kind == 'cart' else 'footer'}, so that every page has it."
            ),
            **listed(missing),
            evidence={
                "kind": kind,
                "target": url,
                "pages_without": len(missing),
                "pages": total,
                "linked_share_percent": round(share, 1),
            },
            key=f"coverage:{kind}",
            message_id=f"{self.id}.not-everywhere.{kind}",
            params={"page": kind, "count": len(missing), "pages": total, "path": url_key(url)},
        )
