"""Query variants a good shop search tolerates: the ways customers really type.

Pure and deterministic: the same query always gives the same variants in the same
order, so two runs search for the same things and their findings compare.
Kinds, after Baymard's query types and misspelling figures (UX-FACTS 3.1):
``swap`` (two neighbouring letters swapped), ``drop`` (one letter left out),
``plural``/``singular`` (English and German basics), ``case``, ``umlaut``
(ä→ae, ö→oe, ü→ue, ß→ss) and ``synonym`` (pairs the config names).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["VARIANT_KINDS", "Variant", "variants"]

VARIANT_KINDS = ("swap", "drop", "plural", "singular", "case", "umlaut", "synonym")

#: a misspelling is only fair on a word at least this long
MIN_TYPO_LENGTH = 5
_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"))
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Variant:
    kind: str
    query: str


def _longest_word(query: str) -> re.Match | None:
    best = None
    for m in _WORD.finditer(query):
        if best is None or len(m.group()) > len(best.group()):
            best = m
    return best


def _replace(query: str, m: re.Match, word: str) -> str:
    return query[: m.start()] + word + query[m.end() :]


def _swap(word: str) -> str | None:
    """Two neighbouring letters swapped near the middle ("jacket" -> "jakcet")."""
    mid = len(word) // 2
    for i in (mid - 1, mid, mid - 2, mid + 1):
        if 0 < i < len(word) - 1 and word[i].lower() != word[i + 1].lower():
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return None


def _drop(word: str) -> str | None:
    """One letter left out near the middle, never the first ("jacket" -> "jacet")."""
    mid = len(word) // 2
    for i in (mid, mid + 1, mid - 1):
        # dropping one of a doubled letter reads as no typo at all to many engines
        if 0 < i < len(word) and word[i].lower() != word[i - 1].lower():
            return word[:i] + word[i + 1 :]
    return None


def _plural_en(word: str) -> tuple[str, str]:
    """(kind, form): the other number of an English noun, by the basic rules."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return "singular", word[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes")):
        return "singular", word[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return "singular", word[:-1]
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return "plural", word[:-1] + "ies"
    if low.endswith(("ch", "sh", "ss", "x", "z")):
        return "plural", word + "es"
    return "plural", word + "s"


def _plural_de(word: str) -> tuple[str, str]:
    """(kind, form): a German noun's other number by the commonest endings only
    (Jacke/Jacken, Zelt/Zelte, Schuhe/Schuh); enough to see whether the search stems."""
    low = word.lower()
    if low.endswith(("en", "ern")) and len(low) > 4:
        return "singular", word[:-1]
    if low.endswith("e"):
        return "plural", word + "n"
    if low.endswith(("er", "el")):
        return "plural", word + "n"
    return "plural", word + "e"


def variants(
    query: str,
    *,
    lang: str = "en",
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> list[Variant]:
    """The variants of ``query`` worth trying, each differing from it, no duplicates.

    ``lang`` picks the plural rules ("de..." German, else English); ``synonyms``
    maps a word to the words customers use for it (both directions are tried).
    """
    query = " ".join(query.split())
    out: list[Variant] = []
    seen = {query}

    def add(kind: str, text: str | None) -> None:
        if text and text not in seen:
            seen.add(text)
            out.append(Variant(kind, text))

    longest = _longest_word(query)
    if longest and len(longest.group()) >= MIN_TYPO_LENGTH:
        word = longest.group()
        swapped = _swap(word)
        add("swap", _replace(query, longest, swapped) if swapped else None)
        dropped = _drop(word)
        add("drop", _replace(query, longest, dropped) if dropped else None)
    words = list(_WORD.finditer(query))
    if words and len(words[-1].group()) >= 3:
        last = words[-1]
        rule = _plural_de if lang.lower().startswith("de") else _plural_en
        kind, form = rule(last.group())
        add(kind, _replace(query, last, form))
    add("case", query.lower() if query != query.lower() else query.upper())
    folded = query
    for src, dst in _UMLAUTS:
        folded = folded.replace(src, dst)
    folded = folded.replace("ß", "ss")
    add("umlaut", folded)
    for word, others in sorted((synonyms or {}).items()):
        pairs = [(word, o) for o in others] + [(o, word) for o in others]
        for src, dst in pairs:
            pattern = re.compile(rf"(?<!\w){re.escape(src)}(?!\w)", re.IGNORECASE)
            if pattern.search(query):
                add("synonym", pattern.sub(dst, query, count=1))
    return out
