"""Ids used more than once on a page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView

from .common import PageReader, grouped, listed, plural, sampled_pages

__all__ = ["DuplicateIds"]

_IDS_JS = """
(limit) => {
  const count = new Map();
  const first = new Map();
  for (const el of document.querySelectorAll('[id]')) {
    const id = el.id;
    if (!id) continue;
    count.set(id, (count.get(id) || 0) + 1);
    if (!first.has(id)) first.set(id, el.outerHTML.slice(0, 300));
  }
  const referenced = new Set();
  for (const el of document.querySelectorAll('label[for]')) referenced.add(el.htmlFor);
  for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns',
                      'aria-errormessage', 'aria-activedescendant', 'list', 'headers']) {
    for (const el of document.querySelectorAll('[' + attr + ']')) {
      for (const id of (el.getAttribute(attr) || '').split(/\\s+/)) if (id) referenced.add(id);
    }
  }
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    referenced.add(decodeURIComponent(a.getAttribute('href').slice(1)));
  }
  const out = [];
  for (const [id, n] of count) {
    if (n < 2) continue;
    out.push([id.slice(0, 120), n, referenced.has(id), first.get(id)]);
    if (out.length >= limit) break;
  }
  return { duplicates: out };
}
"""


class DuplicateIds(PageReader):
    """Duplicate ids.

    What: an id that more than one element on a page carries.
    Why: labels, descriptions, error messages and skip links find their element by id;
    with two, assistive technology takes the first, so a label may name the wrong field
    or a link may jump to the wrong place (WCAG 4.1.1 in 2.0/2.1; in 2.2 the harm shows
    under 1.3.1 and 4.1.2). axe-core 4.12 no longer checks this.
    Example: two headings with id="data-we-collect" on the privacy page.
    Fix: make every id unique on its page; generate ids from a counter or the item's key
    in repeated components (product cards, form fields).
    """

    id = "accessibility.duplicate-ids"
    category = "accessibility"
    title = "Unique ids"
    description = "An id carried by more than one element on a page."
    default_options: ClassVar[dict[str, Any]] = {"per_template": 0}
    option_docs: ClassVar[dict[str, str]] = {
        "per_template": "pages of each template checked (0: all [sample] allows)",
    }

    script = _IDS_JS
    script_arg = 50

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        facts: dict[tuple[str, str], tuple[int, bool, str]] = {}
        items = []
        for page in sampled_pages(pages):
            for ident, count, referenced, html in page.data.get("duplicates", []):
                key = (page.template, ident)
                old = facts.get(key, (0, False, html))
                facts[key] = (max(old[0], count), old[1] or referenced, old[2])
                items.append((key, page.url))
        findings = []
        for (template, ident), urls in grouped(items).items():
            count, referenced, html = facts[(template, ident)]
            findings.append(
                self.finding(
                    severity="serious" if referenced else "minor",
                    title=f'The id "{clip(ident, 60)}" is used more than once on a page',
                    message=(
                        f"On pages of {template}, {plural(count, 'element')} carry "
                        f'id="{clip(ident, 80)}".'
                        + (
                            " A label, description or link points to it, so assistive "
                            "technology may announce or jump to the wrong element."
                            if referenced
                            else ""
                        )
                    ),
                    recommendation=(
                        "Give every element its own id; in repeated components derive it "
                        'from the item (e.g. id="size-{sku}").'
                    ),
                    **listed(urls),
                    selector=f'[id="{clip(ident, 120)}"]',
                    snippet=html,
                    evidence={"id": clip(ident, 120), "elements": count, "referenced": referenced},
                    key=f"duplicate-id|{template}|{ident}",
                    message_id=f"{self.id}." + ("referenced" if referenced else "plain"),
                    params={"id": clip(ident, 80), "template": template, "count": count},
                )
            )
        return findings
