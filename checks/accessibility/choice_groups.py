"""Groups of radio buttons and checkboxes that say what they are a choice of."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.model import Finding, clip
from auditor.plugins import PageView, SiteView

from .common import PageReader, listed, plural, sampled_pages

__all__ = ["ChoiceGroups", "group_problem"]

#: every group of 2+ radio buttons or checkboxes sharing a name (in one form), with
#: what names the group: the fieldset and its legend, or a role=group/radiogroup and
#: its accessible name. Facts only; the verdict is ``group_problem``'s.
_GROUPS_JS = r"""
(limit) => {
  const clip = (s, n) => (s || '').replace(/\s+/g, ' ').trim().slice(0, n);
  const byIds = (ids) => (ids || '').split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)).filter(Boolean);
  const named = (el) => clip(byIds(el.getAttribute('aria-labelledby'))
    .map((x) => x.textContent).join(' '), 120) || clip(el.getAttribute('aria-label'), 120);
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width >= 1 && r.height >= 1 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  // a custom radio hides its input and shows its label instead
  const visible = (el) => shown(el) || [...(el.labels || [])].some(shown);
  const labelOf = (el) => clip([...(el.labels || [])].map((l) => l.innerText).join(' '), 60)
    || clip(el.getAttribute('aria-label'), 60) || clip(el.value, 40);
  const describe = (el) => {
    if (el.id) return (el.tagName.toLowerCase() + '#' + CSS.escape(el.id)).slice(0, 200);
    const cls = [...el.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
    return (el.tagName.toLowerCase() + cls).slice(0, 200);
  };
  const sets = new Map();
  for (const el of document.querySelectorAll('input[type="radio"], input[type="checkbox"]')) {
    if (!el.name || el.disabled || !visible(el)) continue;
    const key = el.type + '\u0000' + el.name + '\u0000'
      + (el.form ? [...document.forms].indexOf(el.form) : -1);
    if (!sets.has(key)) sets.set(key, []);
    sets.get(key).push(el);
  }
  const out = [];
  for (const inputs of sets.values()) {
    if (inputs.length < 2) continue;
    let box = inputs[0].parentElement;
    while (box && !inputs.every((i) => box.contains(i))) box = box.parentElement;
    let fieldset = null, group = null;
    for (let p = inputs[0].parentElement; p && p !== document.body; p = p.parentElement) {
      if (!inputs.every((i) => p.contains(i))) continue;
      if (!fieldset && p.tagName === 'FIELDSET') fieldset = p;
      const role = (p.getAttribute('role') || '').toLowerCase();
      if (!group && (role === 'group' || role === 'radiogroup')) group = p;
    }
    const legend = fieldset ? fieldset.querySelector(':scope > legend') : null;
    const where = fieldset || group || box || inputs[0];
    // what a sighted customer reads as the question: the nearest text before the group
    let question = '';
    for (let n = where, i = 0; n && !question && i < 4; n = n.parentElement, i++) {
      for (let s = n.previousElementSibling, j = 0; s && !question && j < 3;
           s = s.previousElementSibling, j++) question = clip(s.innerText, 80);
    }
    out.push({
      type: inputs[0].type, name: clip(inputs[0].name, 80), inputs: inputs.length,
      options: inputs.slice(0, 6).map(labelOf),
      fieldset: !!fieldset, legend: legend ? clip(legend.innerText || legend.textContent, 120) : '',
      fieldset_name: fieldset ? named(fieldset) : '',
      group_role: group ? group.getAttribute('role').toLowerCase() : '',
      group_name: group ? named(group) : '',
      question, selector: describe(where), html: where.cloneNode(false).outerHTML.slice(0, 300),
      first: describe(inputs[0]),
    });
    if (out.length >= limit) break;
  }
  return { groups: out };
}
"""


def group_problem(group: dict) -> str | None:
    """What keeps a group of choices from being named, or None where it is named:
    a fieldset with a legend (or an aria name), or role=group/radiogroup with a name."""
    if group.get("fieldset") and (group.get("legend") or group.get("fieldset_name")):
        return None
    if group.get("group_role") and group.get("group_name"):
        return None
    if group.get("fieldset"):
        return "a fieldset without a legend"
    if group.get("group_role"):
        return f"role={group['group_role']} without a name"
    return "no fieldset and legend, no named role=group"


class ChoiceGroups(PageReader):
    """Groups of choices.

    What: two or more radio buttons or checkboxes of one name (a size, a delivery
    option, "I am a ... customer") must sit in a group that is named: a fieldset with
    a legend, or an element with role=group (radiogroup for radios) and an accessible
    name (aria-labelledby pointing at the question, or aria-label).
    Why: a screen reader announces each choice by its own label ("Standard, radio
    button, 1 of 3"); without the group's name the customer hears the answers without
    the question (WCAG 1.3.1 Info and Relationships, 3.3.2 Labels or Instructions,
    level A). axe's rules for this were dropped from its default set.
    Example: <p>Delivery</p> followed by three radio buttons named "shipping" in a div.
    Fix: <fieldset><legend>Delivery</legend> ...radios... </fieldset>, or
    <div role="radiogroup" aria-labelledby="delivery-q">.
    """

    id = "accessibility.choice-groups"
    category = "accessibility"
    title = "Groups of radio buttons and checkboxes are named"
    description = "Radio and checkbox groups need a fieldset and legend, or a named role=group."
    default_options: ClassVar[dict[str, Any]] = {"per_template": 0}
    option_docs: ClassVar[dict[str, str]] = {
        "per_template": "pages of each template whose choice groups are read "
        "(0: all [sample] allows)",
    }

    script = _GROUPS_JS
    script_arg = 40

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        templates: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        occurrences: list[tuple[dict, str, PageView]] = []
        for page in sampled_pages(pages):
            for group in page.data.get("groups") or []:
                problem = group_problem(group)
                if problem is None:
                    continue
                occurrences.append((group, problem, page))
                templates[(group["type"], group["name"], group["selector"])].add(page.template)
        found: dict[tuple[str, ...], dict] = {}
        for group, problem, page in occurrences:
            same = (group["type"], group["name"], group["selector"])
            # the same group on pages of several templates (a filter in the sidebar) is
            # one thing to fix; elsewhere one finding per template and group
            key = (*same, "*" if len(templates[same]) > 1 else page.template)
            entry = found.setdefault(key, {"group": group, "problem": problem, "p": []})
            if page.url not in entry["p"]:
                entry["p"].append(page.url)
        return [self._finding(key, e) for key, e in found.items()]

    def _finding(self, key: tuple[str, ...], entry: dict) -> Finding:
        group, problem, pages = entry["group"], entry["problem"], entry["p"]
        noun = "radio buttons" if group["type"] == "radio" else "checkboxes"
        options = ", ".join(f"“{clip(o, 30)}”" for o in group.get("options", [])[:4] if o)
        question = f" (the question seems to be “{clip(group['question'], 60)}”)"
        return self.finding(
            severity="moderate" if group["type"] == "checkbox" else "serious",
            title=f"{group['inputs']} {noun} without a group label: “{clip(group['name'], 40)}”",
            message=(
                f"The {noun} named “{clip(group['name'], 60)}” ({options}) have {problem}"
                + (question if group.get("question") else "")
                + ": a screen reader announces each answer without the question. "
                f"On {plural(len(pages), 'page')}."
            ),
            recommendation=(
                "Put the group in a <fieldset> whose <legend> asks the question, or give "
                'its container role="radiogroup" (radios) or role="group" (checkboxes) and '
                "aria-labelledby pointing at the question. WCAG 1.3.1 Info and "
                "Relationships, 3.3.2 Labels or Instructions."
            ),
            **listed(pages),
            selector=group["selector"],
            snippet=group.get("html"),
            evidence={
                "input_type": group["type"],
                "name": clip(group["name"], 80),
                "inputs": group["inputs"],
                "problem": problem,
                "wcag": ["1.3.1", "3.3.2"],
            },
            key=f"choice-group|{'|'.join(key)}",
            message_id=f"{self.id}.{group['type']}",
            params={
                "inputs": group["inputs"],
                "name": clip(group["name"], 60),
                "options": options,
                "problem": problem,
                "question": clip(group.get("question"), 60) or "",
                "pages": len(pages),
            },
        )
