"""The frontier in SQLite (same order as in memory), the page log a resumed audit reads
back, and ``--resume`` after the driver was killed: finished pages are not loaded again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from auditor.demo import DemoShop
from auditor.frontier import Frontier
from auditor.frontier_store import CrawlStore, PageLog
from auditor.graph import LinkGraph
from auditor.model import PageRecord
from auditor.urls import Scope, TemplateGrouper

ROOT = Path(__file__).resolve().parents[1]
SITE = "http://shop.test/"


def _frontier(store: CrawlStore | None) -> Frontier:
    return Frontier(
        Scope([SITE]),
        TemplateGrouper(),
        lambda url: True,
        max_pages=1000,
        max_depth=10,
        max_per_template=0,
        seen=store.seen if store else None,
        queue=store.queue if store else None,
    )


def _drain(frontier: Frontier) -> list[tuple[str, int | None]]:
    out = []
    while (target := frontier.pop()) is not None:
        out.append((target.url, target.depth))
    return out


def test_the_sqlite_frontier_keeps_the_order_and_the_refusals_of_the_one_in_memory(tmp_path):
    offers = [(f"{SITE}c/{i % 7}/p{i}", (i * 5) % 4) for i in range(300)]
    offers += [(f"{SITE}sitemap/{i}", None) for i in range(20)]
    offers += offers[:50]  # seen before
    store = CrawlStore(tmp_path / "crawl.sqlite")
    on_disk, in_memory = _frontier(store), _frontier(None)
    answers = [(on_disk.offer(u, d), in_memory.offer(u, d)) for u, d in offers]
    assert all(a == b for a, b in answers)
    assert sum(a == "seen" for a, _ in answers) == 50
    assert len(on_disk) == len(in_memory) == 320
    assert on_disk.discovered == in_memory.discovered == 320
    order = _drain(on_disk)
    assert order == _drain(in_memory)
    assert [d for _, d in order][:3] == [0, 0, 0] and order[-1][1] is None
    assert len(on_disk) == 0
    store.close()


def _fill(graph: LinkGraph) -> LinkGraph:
    """A small shop's graph: a menu on every page, a page recorded twice (its links
    once), a redirect, a page linking to itself, an orphan."""
    site = "https://s.example"
    menu = [f"{site}/", f"{site}/c1", f"{site}/c2"]
    for i in range(40):
        graph.add_links(f"{site}/p{i}", [*menu, f"{site}/p{(i * 7) % 40}", f"{site}/p{i}"])
    graph.add_links(f"{site}/", [*menu, f"{site}/p3", f"{site}/old"])
    graph.add_links(f"{site}/c1", [f"{site}/p{i}" for i in range(0, 40, 5)])
    graph.add_links(f"{site}/c1", [f"{site}/p5", f"{site}/p1"])  # p5 again: kept once
    graph.add_redirect(f"{site}/old", f"{site}/p39")
    graph.node(f"{site}/orphan")
    return graph


def test_the_link_graph_with_its_edges_in_sqlite_equals_the_one_in_memory(tmp_path):
    store = CrawlStore(tmp_path / "crawl.sqlite")
    try:
        on_disk, in_memory = _fill(LinkGraph(store.edges)), _fill(LinkGraph())
        starts = ["https://s.example/"]
        assert on_disk.depths_and_parents(starts) == in_memory.depths_and_parents(starts)
        for url in ("https://s.example/c1", "https://s.example/p7", "https://s.example/orphan"):
            assert on_disk.out_links(url) == in_memory.out_links(url)
        assert in_memory.out_links("https://s.example/c1")[-1] == "https://s.example/p1"
        assert store.db.execute("SELECT count(*) FROM edges").fetchone()[0] > 100
    finally:
        store.close()


def _line(url: str) -> str:
    return json.dumps(PageRecord(url=url, title=f"T {url}").to_dict()) + "\n"


def test_the_page_log_indexes_what_it_writes_and_a_resume_cuts_a_half_written_line(tmp_path):
    path = tmp_path / "pages.jsonl"
    with PageLog(path, CrawlStore(tmp_path / "a.sqlite"), resume=False) as log:
        log.write(_line(f"{SITE}a"))
        log.write(_line(f"{SITE}ü/b"))
        log.flush()
        assert log.has(f"{SITE}a") and not log.has(f"{SITE}c")
        assert log.finished(f"{SITE}ü/b").title == f"T {SITE}ü/b"
    with open(path, "ab") as f:  # a kill in the middle of a record
        f.write(_line(f"{SITE}c").encode()[:40])
    with PageLog(path, CrawlStore(tmp_path / "b.sqlite"), resume=True) as log:
        assert log.resumed == 2
        assert log.finished(f"{SITE}a").title == f"T {SITE}a"
        assert log.finished(f"{SITE}c") is None
        log.write(_line(f"{SITE}c"))
        log.flush()
        assert log.finished(f"{SITE}c").title == f"T {SITE}c"
    urls = [json.loads(line)["url"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert urls == [f"{SITE}a", f"{SITE}ü/b", f"{SITE}c"]
    with PageLog(path, CrawlStore(tmp_path / "c.sqlite"), resume=False):
        pass
    assert path.read_bytes() == b""  # no resume: a new audit starts a new log


def _audit_command(url: str, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "auditor",
        "run",
        url,
        "--out",
        str(out),
        "--progress",
        "none",
        "--check",
        "forms.labels",
        "--check",
        "accessibility.image-alts",
        "--all-pages",
        "--max-pages",
        "500",
        "--concurrency",
        "1",
        "--format",
        "markdown",
        *extra,
    ]


def _page_gets(shop: DemoShop) -> Counter[str]:
    return Counter(p for m, p in shop.request_log() if m == "GET")


def _records(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue  # a line the kill cut
    return out


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _kill_after(command: list[str], env: dict, wanted: dict[Path, int]) -> None:
    """Start the audit and SIGKILL it once each log in ``wanted`` holds its number of
    lines (polling the files the audit writes, not a guess at its pace)."""
    driver = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and driver.poll() is None:
            if all(_lines(path) >= n for path, n in wanted.items()):
                break
            time.sleep(0.05)
        assert driver.poll() is None, driver.stderr.read().decode()[-2000:] if driver.stderr else ""
    finally:
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=30)
    for path, n in wanted.items():
        assert _lines(path) >= n, f"the audit did not get that far ({path.name})"


@pytest.mark.slow
def test_resume_after_the_driver_was_killed_loads_no_finished_page_again(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # a polite rate keeps the crawl going long enough to be killed in the middle
    with DemoShop(products=6, delay_scale=0) as shop:
        command = _audit_command(shop.base_url, out, "--max-duration", "10m")
        env["AUDITOR_CRAWL__REQUESTS_PER_SECOND"] = "4"
        _kill_after(command, env, {out / "pages.jsonl": 6})
        before = _records(out / "pages.jsonl")
        assert not (out / "results.json").exists()
        finished = {_path(r["url"]) for r in before}
        shop.clear_log()
        resumed = subprocess.run(
            [*command, "--resume"], env=env, capture_output=True, text=True, timeout=400
        )
        gets = _page_gets(shop)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    after = _records(out / "pages.jsonl")
    urls = [r["url"] for r in after]
    assert len(urls) == len(set(urls)), "a page recorded twice"
    assert len(after) > len(before) + 3  # the resumed audit went on crawling
    assert [r["url"] for r in after[: len(before)]] == [r["url"] for r in before]
    # a page the resumed audit visits may redirect to a finished one (/index.html -> /)
    landed = {_path(r["final_url"]) for r in after[len(before) :] if r.get("final_url")}
    again = {p: gets[p] for p in finished - landed if gets[p]}
    assert again == {}, f"finished pages loaded again: {again}"
    assert len(finished - landed) >= 4
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["interrupted"] is False
    assert results["stats"]["pages_crawled"] == len(after)
    assert {p["url"] for p in results["pages"]} == set(urls)
