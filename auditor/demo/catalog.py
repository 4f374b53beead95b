"""Deterministic product catalogue and server-side search for the demo shop.

Everything here is pure data: the same product count always yields the same products,
slugs, SKUs and prices, so pages (and audit results) are reproducible.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass, field

DEEP_PRODUCT_SLUG = "polar-expedition-tent"
ORPHAN_PRODUCT_SLUG = "legacy-lantern"
#: the product that needs a size before it can be added (the journeys' variant)
SIZED_SLUG = "alpine-daypack"
SIZES = ("S", "M", "L")
#: Linked from the home page in defects mode, answers 404.
DISCONTINUED_PRODUCT_SLUG = "discontinued-parka"
PER_PAGE = 8


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    nouns: tuple[tuple[str, int], ...]  # (product noun, base price in cents)
    blurb: str


CATEGORIES: tuple[Category, ...] = (
    Category(
        "jackets",
        "Jackets",
        (
            ("Shell Jacket", 24900),
            ("Down Jacket", 27900),
            ("Rain Jacket", 15900),
            ("Fleece Jacket", 8900),
            ("Softshell Jacket", 13900),
            ("Insulated Vest", 9900),
        ),
        "Waterproof shells, warm down and breathable fleece for every season.",
    ),
    Category(
        "shoes",
        "Shoes",
        (
            ("Trail Runner Shoe", 13900),
            ("Hiking Boot", 18900),
            ("Approach Shoe", 14900),
            ("Winter Boot", 21900),
            ("Trekking Sandal", 7900),
            ("Mountain Boot", 29900),
        ),
        "Grip, support and comfort from forest trails to glacier approaches.",
    ),
    Category(
        "backpacks",
        "Backpacks",
        (
            ("Daypack", 8900),
            ("Trekking Backpack", 19900),
            ("Hydration Pack", 6900),
            ("Travel Pack", 15900),
            ("Climbing Pack", 11900),
            ("Hip Pack", 3900),
        ),
        "Packs that carry well, from a light daypack to a multi-week trekking load.",
    ),
    Category(
        "tents",
        "Tents",
        (
            ("Dome Tent", 22900),
            ("Tunnel Tent", 34900),
            ("Ultralight Tent", 42900),
            ("Family Tent", 39900),
            ("Bivy Shelter", 17900),
            ("Tarp", 6900),
        ),
        "Shelter for solo trips, family camping and stormy nights above the tree line.",
    ),
    Category(
        "sale",
        "Sale",
        (
            ("Sleeping Bag", 15900),
            ("Headlamp", 4900),
            ("Trekking Poles", 8900),
            ("Camp Stove", 7900),
            ("Water Filter", 5900),
            ("Merino Beanie", 2900),
        ),
        "Last season's favourites at reduced prices, while stocks last.",
    ),
)
CATEGORY_BY_SLUG = {c.slug: c for c in CATEGORIES}

ADJECTIVES = (
    "Alpine",
    "Summit",
    "Ridge",
    "Glacier",
    "Tundra",
    "Coastal",
    "Canyon",
    "Fjäll",
    "Storm",
    "Boreal",
    "Aurora",
    "Granite",
    "Timberline",
    "Highland",
    "Nordic",
    "Polaris",
    "Cascade",
    "Meridian",
    "Drift",
    "Basalt",
    "Skyline",
    "Evergreen",
    "Frontier",
    "Lofoten",
)

FEATURES = (
    "recycled face fabric",
    "taped seams",
    "a two-year warranty",
    "reflective details",
    "a packable design",
    "PFC-free water repellency",
    "reinforced high-wear zones",
    "a fit tested on long treks",
)
USES = (
    "weekend hikes",
    "multi-day treks",
    "wet coastal trails",
    "cold alpine mornings",
    "everyday adventures",
    "fast-and-light missions",
)


def slugify(text: str) -> str:
    text = fold(text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def fold(text: str) -> str:
    """Lower-case; umlauts to their two-letter forms (ä→ae), other accents dropped."""
    text = text.lower()
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(src, dst)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def format_price(cents: int) -> str:
    return f"€{cents // 100:,}.{cents % 100:02d}"


@dataclass(frozen=True)
class Product:
    index: int  # position in the catalogue, 0-based
    slug: str
    name: str
    category: Category
    sku: str
    price: int  # cents
    old_price: int | None  # cents, sale items only
    description: str
    hue: int  # for the generated picture
    special: str = ""  # "", "deep" or "orphan"
    tokens: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    @property
    def url(self) -> str:
        return f"/product/{self.slug}"

    @property
    def image_url(self) -> str:
        return f"/static/img/products/{self.slug}.svg"

    @property
    def price_text(self) -> str:
        return format_price(self.price)


def _describe(name: str, cat: Category, k: int) -> str:
    f1 = FEATURES[k % len(FEATURES)]
    f2 = FEATURES[(k * 3 + 1) % len(FEATURES)]
    use = USES[(k * 5 + len(cat.slug)) % len(USES)]
    if f2 == f1:
        f2 = FEATURES[(k + 2) % len(FEATURES)]
    return (
        f"The {name} is made for {use}. It comes with {f1} and {f2}, "
        f"and it is designed and tested in Norway by the Nordwind team."
    )


def _stem(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_STOP_WORDS = frozenset({"a", "an", "the", "for", "and", "with", "of", "in", "to"})
_SYNONYMS = {
    "rucksack": "backpack",
    "knapsack": "backpack",
    "bag": "pack",
    "coat": "jacket",
    "anorak": "jacket",
    "parka": "jacket",
    "sneaker": "shoe",
    "trainer": "shoe",
    "footwear": "shoe",
    "shelter": "tent",
    "lamp": "headlamp",
    "torch": "headlamp",
    "hat": "beanie",
    "cap": "beanie",
}


def tokenize(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _product_tokens(name: str, cat: Category, sku: str) -> frozenset[str]:
    words = tokenize(name) + tokenize(cat.name)
    toks = {_stem(w) for w in words}
    toks.update(tokenize(sku))
    toks.add(re.sub(r"[^a-z0-9]", "", sku.lower()))
    return frozenset(toks)


def within_one_edit(a: str, b: str) -> bool:
    """True if a and b differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
        la, lb = lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


class Catalog:
    """All products of one shop instance, generated from the product count."""

    def __init__(self, count: int) -> None:
        if count < 2:
            raise ValueError("products must be at least 2")
        self.count = count
        products: list[Product] = []
        seen: set[str] = set()
        generated = count - 2
        for i in range(generated):
            cat_index = i % len(CATEGORIES)
            cat = CATEGORIES[cat_index]
            k = i // len(CATEGORIES)
            noun, base = cat.nouns[k % len(cat.nouns)]
            q = k // len(cat.nouns)
            adj = ADJECTIVES[(19 * q + 7 * (k % len(cat.nouns))) % len(ADJECTIVES)]
            name = f"{adj} {noun}"
            series = 1
            while slugify(name) in seen:
                series += 1
                name = f"{adj} {noun} {series}"
            slug = slugify(name)
            seen.add(slug)
            price = base + ((k * 37) % 9) * 1000 - 100  # e.g. 248.00 -> 24800
            price = max(price, 990)
            old = None
            if cat.slug == "sale":
                old = price
                price = math.floor(price * 0.7 / 100) * 100 - 5
            sku = f"NW-{1001 + i}"
            products.append(
                Product(
                    index=i,
                    slug=slug,
                    name=name,
                    category=cat,
                    sku=sku,
                    price=price,
                    old_price=old,
                    description=_describe(name, cat, k),
                    hue=(i * 47 + cat_index * 71) % 360,
                    tokens=_product_tokens(name, cat, sku),
                )
            )
        tents = CATEGORY_BY_SLUG["tents"]
        sale = CATEGORY_BY_SLUG["sale"]
        specials = [
            (
                DEEP_PRODUCT_SLUG,
                "Polar Expedition Tent",
                tents,
                "NW-9001",
                89900,
                None,
                "A four-season geodesic tent for polar expeditions: storm-proof in 100 km/h "
                "winds, with snow valances and two vestibules. Limited edition.",
                "deep",
            ),
            (
                ORPHAN_PRODUCT_SLUG,
                "Legacy Lantern",
                sale,
                "NW-9002",
                2495,
                4900,
                "Our classic hurricane lantern from the early catalogues, "
                "a warm light for the cabin and the campsite.",
                "orphan",
            ),
        ]
        for slug, name, cat, sku, price, old, desc, special in specials:
            products.append(
                Product(
                    index=len(products),
                    slug=slug,
                    name=name,
                    category=cat,
                    sku=sku,
                    price=price,
                    old_price=old,
                    description=desc,
                    hue=(len(products) * 47) % 360,
                    special=special,
                    tokens=_product_tokens(name, cat, sku),
                )
            )
        self.products: tuple[Product, ...] = tuple(products)
        self.by_slug = {p.slug: p for p in products}
        self.generated: tuple[Product, ...] = tuple(p for p in products if not p.special)
        self.by_category: dict[str, tuple[Product, ...]] = {
            c.slug: tuple(p for p in self.generated if p.category is c) for c in CATEGORIES
        }
        self.deep = self.by_slug[DEEP_PRODUCT_SLUG]
        self.orphan = self.by_slug[ORPHAN_PRODUCT_SLUG]
        self.vocabulary = sorted({t for p in products for t in p.tokens if not t.isdigit()})
        self._display_words = sorted(
            {w for p in products for w in re.findall(r"\w+", f"{p.name} {p.category.name}".lower())}
        )

    @property
    def first(self) -> Product:
        return self.products[0]

    def related(self, product: Product, n: int = 4) -> list[Product]:
        items = self.by_category[product.category.slug]
        if not items:
            return []
        if product.special:
            return list(items[:n])
        pos = items.index(product)
        out = []
        for step in range(1, len(items)):
            if len(out) == n:
                break
            out.append(items[(pos + step) % len(items)])
        return out

    # ------------------------------------------------------------------ search
    def search_exact(self, query: str, *, include_orphan: bool = False) -> list[Product]:
        """Naive search: the whole query must occur as-is (ignoring case) in a field."""
        q = query.strip().lower()
        if not q:
            return []
        out = []
        for p in self.products:
            if p.special == "orphan" and not include_orphan:
                continue
            if q in p.name.lower() or q in p.category.name.lower() or q in p.sku.lower():
                out.append(p)
        return out

    def search_tolerant(self, query: str) -> list[Product]:
        """Tolerant search: per-word AND; case, plural, one typo, umlauts, SKU, synonyms."""
        words = [w for w in tokenize(query) if w not in _STOP_WORDS]
        if not words:
            return []
        compact = re.sub(r"[^a-z0-9]", "", fold(query))
        if re.fullmatch(r"nw\d+", compact):  # a complete SKU: exactly that product
            exact_sku = [p for p in self.products if compact in p.tokens]
            if exact_sku:
                return exact_sku
        scores: dict[int, int] = {}
        first = True
        for word in words:
            matches = self._token_matches(word)
            cur: dict[int, int] = {}
            for p in self.products:
                best = 0
                for t in p.tokens:
                    s = matches.get(t, 0)
                    if s > best:
                        best = s
                if best and (first or p.index in scores):
                    cur[p.index] = scores.get(p.index, 0) + best
            scores = cur
            first = False
            if not scores:
                return []
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.products[i] for i, _ in ranked]

    def search_categories(self, query: str, *, tolerant: bool = True) -> list[Category]:
        """Categories whose name the query names: every word matches one of the name's
        words as ``search_tolerant`` matches them (or, not tolerant, the whole query is a
        substring of the name)."""
        if not tolerant:
            q = query.strip().lower()
            return [c for c in CATEGORIES if q and q in c.name.lower()]
        words = [w for w in tokenize(query) if w not in _STOP_WORDS]
        if not words:
            return []
        matches = [self._token_matches(w) for w in words]
        out = []
        for c in CATEGORIES:
            tokens = {_stem(w) for w in tokenize(c.name)}
            if all(any(t in m for t in tokens) for m in matches):
                out.append(c)
        return out

    def _token_matches(self, word: str) -> dict[str, int]:
        """Map catalogue token -> match strength (3 exact, 2 prefix/part, 1 typo)."""
        stem = _stem(_SYNONYMS.get(word, word))
        stem = _stem(_SYNONYMS.get(stem, stem))
        out: dict[str, int] = {}
        if word.isdigit() or any(ch.isdigit() for ch in word):
            # SKU fragments: exact or prefix only, never fuzzy.
            for p in self.products:
                for t in p.tokens:
                    if t == word:
                        out[t] = 3
                    elif t.startswith(word) and t not in out:
                        out[t] = 2
            return out
        for t in self.vocabulary:
            if t in (stem, word):
                out[t] = 3
            elif (len(stem) >= 3 and t.startswith(stem)) or (len(stem) >= 4 and stem in t):
                out[t] = 2
            elif len(stem) >= 4 and (within_one_edit(stem, t) or within_one_edit(word, t)):
                out[t] = 1
        return out

    def suggest(self, query: str) -> str | None:
        """A 'did you mean' suggestion built from catalogue words, or None."""
        words = re.findall(r"\w+", query.lower())
        if not words:
            return None
        fixed = []
        changed = False
        for w in words:
            if w in self._display_words:
                fixed.append(w)
                continue
            close = difflib.get_close_matches(w, self._display_words, n=1, cutoff=0.6)
            if close:
                fixed.append(close[0])
                changed = True
            else:
                fixed.append(w)
        return " ".join(fixed) if changed else None


def paginate(items: list, page: int, per_page: int = PER_PAGE) -> tuple[list, int]:
    pages = max(1, math.ceil(len(items) / per_page))
    start = (page - 1) * per_page
    return items[start : start + per_page], pages


SORTS = {
    "relevance": "Relevance",
    "price-asc": "Price: low to high",
    "price-desc": "Price: high to low",
    "name": "Name: A to Z",
}


#: price filters of a category listing: (parameter value, label, lowest cents, cents below)
PRICE_BANDS = (
    ("under-100", "Under €100", 0, 10_000),
    ("100-300", "€100 to €300", 10_000, 30_000),
    ("over-300", "Over €300", 30_000, 10**9),
)


def in_price_band(items: list[Product], band: str) -> list[Product]:
    """The products of one price filter (every product for an unknown band)."""
    for value, _label, low, below in PRICE_BANDS:
        if value == band:
            return [p for p in items if low <= p.price < below]
    return items


def sort_products(items: list[Product], sort: str) -> list[Product]:
    if sort == "price-asc":
        return sorted(items, key=lambda p: (p.price, p.index))
    if sort == "price-desc":
        return sorted(items, key=lambda p: (-p.price, p.index))
    if sort == "name":
        return sorted(items, key=lambda p: (fold(p.name), p.index))
    return list(items)
