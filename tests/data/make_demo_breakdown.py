"""Write tests/data/demo_breakdown.json: what the engine writes into results.json since
scores have a breakdown, for the recorded demo (demo_results.json, recorded before).

It is a patch, applied by tests/reports (``with_breakdown``): the search form's icon-only
button of forms.buttons points to axe's finding on the same button (``primary``, counted
once), the home page's LCP is poor (a serious finding on a key page, which caps
Performance at 89), page speed weighs its templates by role, and every category gets the
breakdown auditor.scoring computes from the findings. Run it after the demo is recorded:

    .venv/bin/python tests/data/make_demo_breakdown.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.scoring import CheckScore, RoleWeights, role_weighted_mean, score_categories  # noqa: E402

DATA = Path(__file__).resolve().parent
LINKED, PRIMARY = "2be0fe6e97929742", "b0be5472b593f6c8"  # the search button: forms -> axe
LCP = "f7116c1c0ed4fd92"  # Largest Contentful Paint on /
HOME_SCORE = 78.0  # the home template's page-speed score with a 4.6 s LCP
ROLES = {"home": 3.0, "category": 2.0, "product": 3.0, "search": 1.5, "cart": 1.5,
         "checkout": 1.5}  # fmt: skip
KEY_PAGES = list(ROLES)
PENALTY = {"critical": 0.5, "serious": 0.25, "moderate": 0.1, "minor": 0.03}
METRIC = {  # what cost each template its points (the findings say so)
    "/category/jackets": "Cumulative Layout Shift",
    "/category/sale": "Time to first byte",
    "/sale": "Time to first byte",
    "/product/*": "Total Blocking Time",
    "/category/shoes": "Largest Contentful Paint",
}


def main() -> None:
    demo = json.loads((DATA / "demo_results.json").read_text(encoding="utf-8"))
    findings = {
        LINKED: {"primary": PRIMARY},
        LCP: {
            "severity": "serious",
            "title": "Largest Contentful Paint is poor on /",
            "message": (
                "Largest Contentful Paint was 4.61 s on / (median of 3 loads, desktop "
                "profile); web.dev rates up to 2.50 s as good and above 4 s as poor. The "
                'largest element was img "A hiker on a mountain ridge above the fjord at '
                'sunrise". Its image /static/img/hero.png was requested at 172 ms and took '
                "4.41 s to arrive."
            ),
            "evidence": {"value": 4610.0, "band": "poor"},
        },
    }
    page_roles = {p["url"]: p["kind"] for p in demo["pages"] if p.get("kind")}
    template_roles: dict[str, str] = {}
    for p in demo["pages"]:
        role = p.get("kind") if p.get("kind") in ROLES else "page"
        template_roles.setdefault(p["template"], role)
    roles = RoleWeights(
        pages=page_roles,
        templates=template_roles,
        weights=ROLES,
        other=1.0,
        key_roles=tuple(KEY_PAGES),
        cap=89.0,
    )

    vitals = next(c for c in demo["checks"] if c["id"] == "performance.web-vitals")
    templates = [dict(t) for t in vitals["details"]["templates"]]
    for t in templates:
        if t["template"] == "/":
            t["score"] = t["pages"]["/"] = HOME_SCORE
    vitals_score, shares = role_weighted_mean(
        [(t["template"], t["score"], t["pages_found"]) for t in templates], roles
    )
    parts = []
    for t in templates:
        t["share"], t["role"] = shares[t["template"]], template_roles.get(t["template"], "page")
        lost = shares[t["template"]] * (100 - t["score"])
        if t["template"] == "/":
            parts += [
                {"what": "Largest Contentful Paint on /", "points": round(lost * 0.85, 2)},
                {"what": "Total Blocking Time on /", "points": round(lost * 0.15, 2)},
            ]
        elif lost > 0:
            name = METRIC.get(t["template"], "First Contentful Paint")
            parts.append({"what": f"{name} on {t['template']}", "points": round(lost, 2)})
    parts.sort(key=lambda p: -p["points"])

    shims, check_scores = [], {}
    for f in demo["findings"]:
        patch = findings.get(f["fingerprint"], {})
        shims.append(
            SimpleNamespace(
                fingerprint=f["fingerprint"],
                check=f["check"],
                category=f["category"],
                severity=patch.get("severity", f["severity"]),
                title=patch.get("title", f["title"]),
                primary=patch.get("primary"),
                pages=f.get("urls") or [f["url"]],
            )
        )
    scores = []
    for c in demo["checks"]:
        score = c["score"]
        if c["id"] == "forms.buttons":  # without the finding counted with axe's
            value = 100.0
            for f in shims:
                if f.check == c["id"] and f.primary is None:
                    value *= 1 - PENALTY[f.severity]
            score = check_scores[c["id"]] = round(value, 1)
        elif c["id"] == vitals["id"]:
            score = check_scores[c["id"]] = vitals_score
        own_parts = parts if c["id"] == vitals["id"] else []
        scores.append(CheckScore(c["id"], c["category"], score, c["weight"], own_parts))
    weights = {name: cat["weight"] for name, cat in demo["categories"].items()}
    overall, categories = score_categories(scores, shims, weights, roles)
    patch = {
        "score": overall,
        "categories": categories,
        "checks": check_scores,
        "web_vitals_templates": templates,
        "findings": findings,
        "settings_roles": {
            **ROLES,
            "other": 1.0,
            "key_pages": KEY_PAGES,
            "key_page_cap": 89.0,
        },
    }
    out = DATA / "demo_breakdown.json"
    out.write_text(json.dumps(patch, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{out}: overall {overall}, "
        + ", ".join(f"{k} {v['score']}" for k, v in categories.items())
    )


if __name__ == "__main__":
    main()
