"""SARIF 2.1.0 (results.sarif): findings for code-scanning dashboards (GitHub, GitLab).

One rule per check, with its title and help text (what the check looks at and what its
findings recommend); one result per finding, located at its first page's URL (the
artifact) and its CSS selector (a logical location), with its other pages as related
locations. ``partialFingerprints`` carries the auditor's own fingerprint, which does not
depend on host or port, so a dashboard tracks a finding across deployments.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .common import (
    MAX_MESSAGE,
    MAX_RECOMMENDATION,
    MAX_SELECTOR,
    MAX_TITLE,
    MAX_URL,
    as_dict,
    as_list,
    category_label,
    clip,
)
from .html import write_atomic
from .i18n import check_title, finding_text, t
from .machine import finding_pages, findings

__all__ = ["LEVELS", "SARIF_FILENAME", "SARIF_SCHEMA", "build_sarif", "render_sarif"]

SARIF_FILENAME = "results.sarif"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "note"}
MAX_RELATED = 20
INFO_URI = "https://github.com/shop-auditor/shop-auditor"


def _rules(results: Mapping[str, Any]) -> list[dict]:
    """One rule per check: those the results list, then any a finding names besides."""
    checks: dict[str, dict] = {}
    for c in as_list(results.get("checks")):
        if isinstance(c, dict) and c.get("id"):
            checks.setdefault(str(c["id"]), c)
    advice: dict[str, list[str]] = {}
    for f in findings(results):
        check_id = str(f.get("check") or "unknown")
        checks.setdefault(check_id, {"id": check_id, "category": f.get("category")})
        text = clip(finding_text(f, "recommendation"), MAX_RECOMMENDATION)
        if text and text not in advice.setdefault(check_id, []) and len(advice[check_id]) < 3:
            advice[check_id].append(text)
    rules = []
    for check_id, c in checks.items():
        title = clip(check_title(c) or check_id, MAX_TITLE)
        category = category_label(c.get("category") or "")
        tips = advice.get(check_id) or [t("No finding of this check in this audit.")]
        help_text = f"{title} ({category}). " + " ".join(tips)
        rules.append(
            {
                "id": clip(check_id, 200),
                "name": clip(check_id, 200),
                "shortDescription": {"text": title},
                "fullDescription": {
                    "text": t(
                        "{title}: a {category} check of shop auditor.",
                        title=title,
                        category=category.lower(),
                    )
                },
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": "warning"},
                "properties": {"category": clip(c.get("category") or "", 80), "tags": [category]},
            }
        )
    return rules


def _location(url: str, selector: str | None = None) -> dict:
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": clip(url, MAX_URL)}}}
    if selector:
        loc["logicalLocations"] = [
            {"fullyQualifiedName": clip(selector, MAX_SELECTOR), "kind": "element"}
        ]
    return loc


def _result(f: Mapping[str, Any], index: dict[str, int], target: str) -> dict:
    check_id = str(f.get("check") or "unknown")
    pages = finding_pages(f) or [target]
    selector = f.get("selector") if isinstance(f.get("selector"), str) else None
    title = clip(finding_text(f, "title"), MAX_TITLE)
    message = clip(finding_text(f, "message"), MAX_MESSAGE)
    result: dict[str, Any] = {
        "ruleId": clip(check_id, 200),
        "ruleIndex": index[clip(check_id, 200)],
        "level": LEVELS.get(str(f.get("severity")), "warning"),
        "message": {"text": f"{title}: {message}" if message else title},
        "locations": [_location(pages[0], selector)],
        "properties": {
            "severity": clip(f.get("severity"), 20),
            "category": clip(f.get("category"), 80),
            "pages": len(pages),
        },
    }
    if len(pages) > 1:
        result["relatedLocations"] = [
            {"id": i, **_location(u)} for i, u in enumerate(pages[1 : MAX_RELATED + 1], start=1)
        ]
    fingerprint = f.get("fingerprint")
    if isinstance(fingerprint, str) and fingerprint:
        result["partialFingerprints"] = {"shopAuditorFingerprint/v1": clip(fingerprint, 100)}
    return result


def build_sarif(results: Mapping[str, Any]) -> dict:
    """The SARIF log for ``results``."""
    tool = as_dict(results.get("tool"))
    rules = _rules(results)
    index = {r["id"]: i for i, r in enumerate(rules)}
    target = clip(results.get("target") or "about:blank", MAX_URL)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "shop-auditor",
                "version": clip(tool.get("version") or "0", 40),
                "informationUri": INFO_URI,
                "rules": rules,
            }
        },
        "results": [_result(f, index, target) for f in findings(results)],
        "columnKind": "unicodeCodePoints",
        "properties": {"target": target},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(results: Mapping[str, Any], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / SARIF_FILENAME
    write_atomic(path, json.dumps(build_sarif(results), ensure_ascii=False, indent=1) + "\n")
    return path
