"""Image alternatives that only repeat the file name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView

from .common import PageReader, grouped, listed, plural, sampled_pages

__all__ = ["ImageAlts", "alt_is_file_name"]

_EXTENSION = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$", re.I)
#: camera and CMS defaults: IMG_1234, DSC01234, image-3, photo_12, 1234567, a hash
_CAMERA = re.compile(r"^(img|image|dsc|dscn|dcim|pic|photo|foto|bild|screenshot)[\s_-]?\d+$", re.I)
_NUMBER_OR_HASH = re.compile(r"^(\d+|[a-f0-9]{10,})$", re.I)

_IMAGES_JS = """
(limit) => {
  const out = [];
  for (const img of document.querySelectorAll('img[alt]')) {
    if (out.length >= limit) break;
    const alt = img.getAttribute('alt').trim();
    if (!alt) continue;
    const r = img.getBoundingClientRect();
    if (r.width < 16 || r.height < 16) continue;  // spacers and tracking pixels
    const src = img.currentSrc || img.src || '';
    let sel = 'img';
    if (img.id) sel += '#' + CSS.escape(img.id);
    else sel += '[src="' + (img.getAttribute('src') || '').replace(/"/g, '\\\\"') + '"]';
    out.push([alt.slice(0, 200), src.slice(0, 500), sel.slice(0, 200),
              img.outerHTML.slice(0, 300), !!img.closest('a[href]')]);
  }
  return { images: out };
}
"""


def _words(text: str) -> str:
    return " ".join(re.sub(r"[\s_\-.+%]+", " ", text.lower()).split())


def alt_is_file_name(alt: str, src: str) -> bool:
    """True when ``alt`` is the image's file name, or a camera or CMS default name,
    rather than a description a person wrote."""
    alt = alt.strip()
    if not alt:
        return False
    if _EXTENSION.search(alt) or _CAMERA.match(alt) or _NUMBER_OR_HASH.match(alt):
        return True
    name = unquote(urlsplit(src).path.rsplit("/", 1)[-1])
    stem = _EXTENSION.sub("", name)
    # "alpine-daypack" repeats the file; "Alpine Daypack" is a name a person wrote
    return bool(stem) and alt.lower() in (stem.lower(), name.lower()) and alt == alt.lower()


class ImageAlts(PageReader):
    """Image alternatives.

    What: images whose alt text is their file name ("alpine-jacket-2.jpg"), a camera
    default ("IMG_1234") or a number, rather than a description.
    Why: a screen reader reads the alt text in place of the picture; a file name tells
    a blind customer nothing about the product (WCAG 1.1.1 Non-text Content, level A).
    axe only finds images without any alt text; these pass its rule.
    Example: <img src="/img/p/alpine-shell-jacket.jpg" alt="alpine-shell-jacket">.
    Fix: describe what the picture shows that matters for buying (the product, its
    colour, the view); leave alt="" for decoration.
    """

    id = "accessibility.image-alts"
    category = "accessibility"
    title = "Image alternatives that describe the picture"
    description = "Alt texts that only repeat the file name or a camera's default name."
    default_options: ClassVar[dict[str, Any]] = {"per_template": 0}
    option_docs: ClassVar[dict[str, str]] = {
        "per_template": "pages of each template whose images are read (0: all [sample] allows)",
    }

    script = _IMAGES_JS
    script_arg = 400

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        first: dict[str, list] = {}
        items = []
        for page in sampled_pages(pages):
            for alt, src, selector, html, linked in page.data.get("images", []):
                if alt_is_file_name(alt, src):
                    first.setdefault(page.template, [alt, src, selector, html, linked, []])
                    first[page.template][5].append(alt)
                    items.append((page.template, page.url))
        findings = []
        for template, urls in grouped(items).items():
            alt, src, selector, html, linked, alts = first[template]
            count = len(dict.fromkeys(alts))
            findings.append(
                self.finding(
                    severity="serious" if linked else "moderate",
                    title="Images described by their file name",
                    message=(
                        f"On pages of {template}, {plural(count, 'image')} have a file "
                        f"name or camera name as alt text, e.g. “{clip(alt, 80)}”: a "
                        "screen reader reads that out instead of describing the picture."
                        + (
                            " The image is a link, so its alt text is the link's name."
                            if linked
                            else ""
                        )
                    ),
                    recommendation=(
                        "Write alt texts that say what the picture shows (e.g. “Alpine "
                        'shell jacket in red, front view”); use alt="" for decoration. '
                        "Generate them from the product name where a CMS fills them in. "
                        "WCAG 1.1.1 Non-text Content."
                    ),
                    **listed(urls),
                    selector=selector,
                    snippet=html,
                    evidence={
                        "alt_texts": [clip(a, 120) for a in list(dict.fromkeys(alts))[:10]],
                        "images": count,
                        "example_src": clip(src, 300),
                        "wcag": ["1.1.1"],
                    },
                    key=f"file-name-alt|{template}",
                    message_id=f"{self.id}.file-name" + ("-linked" if linked else ""),
                    params={"template": template, "count": count, "alt": clip(alt, 80)},
                )
            )
        return findings
