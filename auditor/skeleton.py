"""A page's layout, told from its HTML alone: the skeleton fingerprint.

Why: URL patterns alone make poor templates. ``/about``, ``/faq`` and ``/shipping``
are three patterns but one text layout, while a shop's CMS folder (``/pages/*``)
holds a contact form, a store list and plain text under one pattern. The skeleton
says which pages share a layout: the landmarks (header, nav, main, aside, footer and
their ARIA roles), the element tree of the main content a few levels deep, and the
forms with the kinds of their fields. Text, attributes, ids and classes do not count;
phrasing elements (``p``, ``a``, ``span``, ``h2``…) are see-through, a list of plain
text items is text, and a run of siblings of the same shape counts once, so a listing
of 10 items and one of 50 share a skeleton, as do two products with other words and
pictures. The same function reads the HTML the link map fetches and the HTML the
browser was sent, so a page has the same layout whichever way it was read.

A page with too little structure to tell (an empty shell a script fills in) has no
skeleton (``""``): it is grouped by its URL pattern alone, as before.
"""

from __future__ import annotations

import hashlib

from lxml import etree

__all__ = ["parse_html", "skeleton", "skeleton_of", "skeleton_text"]

_LANDMARK_TAGS = {"header", "nav", "main", "aside", "footer"}
_LANDMARK_ROLES = {
    "banner",
    "navigation",
    "main",
    "complementary",
    "contentinfo",
    "search",
    "form",
    "region",
}
#: elements that never count, nor anything inside them
_IGNORED = {
    "script",
    "style",
    "noscript",
    "template",
    "link",
    "meta",
    "title",
    "base",
    "option",
    "optgroup",
    "source",
    "track",
    "param",
    "br",
    "hr",
    "wbr",
}
#: elements that are content, not layout: see-through (their children count instead)
_PHRASING = {
    "p",
    "a",
    "span",
    "b",
    "i",
    "u",
    "s",
    "em",
    "strong",
    "small",
    "big",
    "mark",
    "sup",
    "sub",
    "abbr",
    "cite",
    "code",
    "kbd",
    "samp",
    "var",
    "dfn",
    "q",
    "time",
    "data",
    "font",
    "center",
    "label",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "address",
    "del",
    "ins",
    "bdi",
    "bdo",
    "ruby",
    "rt",
    "rp",
    "legend",
    "caption",
    "summary",
    "dt",
    "dd",
}
_LISTS = {"ul", "ol", "li", "dl"}
_FIELDS = {"input", "select", "textarea", "button"}
#: kept levels below the main content, and levels walked at all (see-through ones too)
_DEPTH = 4
_WALK_DEPTH = 14
#: children of one element looked at (10 or 500 items of a listing look alike)
_CHILDREN = 60
#: fewer kept elements than this in the whole body: too little to tell a layout by
_MIN_ELEMENTS = 6


def _tag(el) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return None
    return tag.lower()


def _role(el) -> str:
    return (el.get("role") or "").strip().lower().split(" ")[0]


def _field_kind(el, tag: str) -> str | None:
    if tag == "input":
        kind = (el.get("type") or "text").strip().lower()[:20]
        return None if kind == "hidden" else kind
    return tag


def _kids(el, level: int, walked: int) -> list[str]:
    """The shapes of ``el``'s kept children (see-through ones opened), runs collapsed."""
    found: list[str] = []
    _collect(el, level, walked, found)
    kids: list[str] = []
    for shape in found:
        if shape and (not kids or kids[-1] != shape):
            kids.append(shape)
    return kids


def _collect(el, level: int, walked: int, found: list[str]) -> None:
    if walked >= _WALK_DEPTH:
        return
    for i, child in enumerate(el):
        if i >= _CHILDREN:
            break
        tag = _tag(child)
        if tag is None or tag in _IGNORED:
            continue
        if tag in _PHRASING:
            _collect(child, level, walked + 1, found)
        else:
            found.append(_shape(child, tag, level + 1, walked + 1))


def _shape(el, tag: str, level: int, walked: int) -> str:
    """``tag(children…)`` to ``_DEPTH`` kept levels; a list of plain text is ``""``."""
    if tag in _FIELDS:
        return _field_kind(el, tag) or ""
    role = _role(el)
    name = f"{tag}[{role}]" if role else tag
    plain_list = tag in _LISTS and not role
    if level >= _DEPTH and not plain_list:
        return name
    kids = _kids(el, level, walked)
    if plain_list and not kids:
        return ""  # bullet points of text are text, however deep
    if level >= _DEPTH:
        return name
    return f"{name}({','.join(kids)})" if kids else name


def skeleton_text(root) -> str:
    """The readable skeleton of a parsed document (an lxml HTML tree), ``""`` when it
    has too little structure to tell."""
    if root is None:
        return ""
    body = next(iter(root.iter("body")), None)
    if body is None:
        return ""
    landmarks: list[str] = []
    main = None
    kept = 0
    for el in body.iter(etree.Element):  # one pass, in document order
        tag = el.tag
        if tag not in _PHRASING and tag not in _IGNORED:
            kept += 1
        if tag in _LANDMARK_TAGS:
            mark = tag
        else:
            role = el.get("role")
            if not role:
                continue
            mark = role.strip().lower().split(" ")[0]
            if mark not in _LANDMARK_ROLES:
                continue
        if mark == "main" and main is None:
            main = el
        if len(landmarks) < 30 and (not landmarks or landmarks[-1] != mark):
            landmarks.append(mark)
    if kept < _MIN_ELEMENTS:
        return ""
    content = main if main is not None else body
    tree = ",".join(_kids(content, 0, 0))
    forms = []
    for form in body.iter("form"):
        kinds = set()
        for field in form.iter(*_FIELDS):
            kind = _field_kind(field, _tag(field) or "")
            if kind:
                kinds.add(kind)
        forms.append("+".join(sorted(kinds)))
        if len(forms) >= 20:
            break
    return f"L:{'>'.join(landmarks)}|M:{tree}|F:{';'.join(sorted(set(forms)))}"


def skeleton_of(root) -> str:
    """The short, stable id of a parsed document's layout (``""``: no telling)."""
    text = skeleton_text(root)
    if not text:
        return ""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def parse_html(body: bytes, content_type: str | None = None):
    """An lxml tree of ``body`` (None for what cannot be read): never an error."""
    parser = etree.HTMLParser(
        encoding=_charset(content_type), recover=True, no_network=True, remove_comments=True
    )
    try:
        return etree.fromstring(body, parser)
    except (etree.ParserError, ValueError, LookupError):
        return None


def skeleton(html: bytes, content_type: str | None = None) -> str:
    """The layout id of an HTML document: pages that share a layout share it."""
    return skeleton_of(parse_html(html, content_type))
