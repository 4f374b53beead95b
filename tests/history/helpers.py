"""Small hand-written results.json files for the history tests."""

from __future__ import annotations

import json
from pathlib import Path


def finding(fp: str, severity: str = "serious", url: str = "/", title: str = "A defect") -> dict:
    return {
        "fingerprint": fp,
        "check": "navigation.broken-links",
        "category": "navigation",
        "severity": severity,
        "title": title,
        "message": "",
        "url": f"http://shop.test{url}",
        "urls": [f"http://shop.test{url}"],
        "selector": None,
        "snippet": None,
        "evidence": {},
        "recommendation": "",
    }


def results(
    started: str,
    score: float,
    findings: list[dict] | None = None,
    target: str = "http://shop.test/",
    cut_short: dict | None = None,
    **extra,
) -> dict:
    return {
        "schema_version": "1.0",
        "tool": {"name": "auditor", "version": "0.1.0"},
        "target": target,
        "started_at": started,
        "finished_at": started.replace("00Z", "30Z"),
        "profile": "desktop",
        "interrupted": bool(cut_short and cut_short["reason"] != "max_duration"),
        "cut_short": cut_short,
        "settings": {"crawl": {"max_pages": 10}, "output": {"dir": "x"}},
        "score": score,
        "categories": {
            "navigation": {"score": score, "weight": 1.0, "summary": ""},
            "forms": {"score": 100.0, "weight": 1.0, "summary": ""},
        },
        "checks": [],
        "pages": [
            {
                "url": f"{target.rstrip('/')}{path}",
                "template": tpl,
                "metrics": {"lcp_ms": lcp, "cls": 0.01},
            }
            for path, tpl, lcp in (("/", "/", 900), ("/p/1", "/p/*", 1500), ("/p/2", "/p/*", 2500))
        ],
        "findings": findings or [],
        "errors": [],
        "stats": {"pages_crawled": 3, "pages_failed": 0, "duration_s": 30.0},
        **extra,
    }


def write(folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "results.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
