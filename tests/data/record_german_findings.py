"""Write tests/data/german_findings.json: the findings (check, message id, params and the
English texts) of the demo shop's two twins and of the project's barrier pages
(tests/data/a11y_pages), every check enabled, for tests/reports/test_german_findings.py.

Why recorded: the test that every finding has a German title, message and fix then runs
in a second, and fails as soon as a check's text or params change without the table.
Record again after changing what a check says:

    .venv/bin/python -m auditor demo -o /tmp/d
    .venv/bin/python -m auditor demo --clean -o /tmp/c
    .venv/bin/python tests/data/record_german_findings.py /tmp/d/results.json /tmp/c/results.json

(without arguments it audits the demo's twins itself). The barrier pages are audited here,
served on 127.0.0.1 as tests/checks/test_accessibility_pages.py serves them.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.demo import DemoShop  # noqa: E402
from auditor.plugins import discover_checks  # noqa: E402
from auditor.runner import run_audit  # noqa: E402
from tests.conftest import quick_settings  # noqa: E402
from tests.fixture_server import FixtureServer, Route  # noqa: E402

OUT = Path(__file__).resolve().parent / "german_findings.json"
PAGES = Path(__file__).resolve().parent / "a11y_pages"
KEEP = ("check", "message_id", "params", "title", "message", "recommendation")


def every_check() -> list[str]:
    return sorted(cid for cid, cls, _ in discover_checks() if cls is not None)


async def audit_demo(mode: str, out: Path) -> dict:
    settings = quick_settings(audit={"checks": every_check()})
    with DemoShop(mode=mode, delay_scale=0.1) as shop:
        path = await run_audit(shop.base_url, settings, out)
    return json.loads(path.read_text(encoding="utf-8"))


async def audit_pages(out: Path) -> dict:
    routes: dict[str, Route | str] = {
        "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
    }
    names = sorted(p.name for p in PAGES.glob("*.html"))
    for name in names:
        routes[f"/pages/{name}"] = (PAGES / name).read_text(encoding="utf-8")
    with FixtureServer(routes) as server:
        listed = [server.url(f"/pages/{name}") for name in names]
        settings = quick_settings(
            audit={"checks": every_check()},
            crawl={"start_urls": listed[1:], "use_sitemap": False, "follow_links": False},
            sample={"all_pages": True},
        )
        path = await run_audit(listed[0], settings, out)
    return json.loads(path.read_text(encoding="utf-8"))


def findings_of(results: dict, source: str) -> list[dict]:
    return [{"source": source, **{k: f.get(k) for k in KEEP}} for f in results["findings"]]


async def main(saved: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        if saved:
            twins = [json.loads(Path(p).read_text(encoding="utf-8")) for p in saved]
        else:
            twins = [await audit_demo(m, base / m) for m in ("defects", "clean")]
        pages = await audit_pages(base / "pages")
    found = []
    for results, source in zip(twins, ("demo", "demo-clean"), strict=False):
        found += findings_of(results, source)
    found += findings_of(pages, "a11y-pages")
    OUT.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} findings")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
