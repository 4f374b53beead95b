"""``--resume`` rebuilds what the evaluation needs: the link map and the link graph.

The logs a resume replays (pages.jsonl, mapped.jsonl) in the order they were written,
the graph an audit leaves in crawl.sqlite, and a real audit of the demo shop killed
(SIGKILL of the driver) in the middle of its crawl and its link map: the resumed audit
fetches no finished page again, records each page once, and ends with the link graph
an uninterrupted audit has (nodes, depth of every page, links into every page).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from auditor.demo import DemoShop
from auditor.frontier_store import CrawlStore, MapLog, PageLog, journal, read_graph
from auditor.graph import LinkGraph
from auditor.model import PageRecord
from tests.test_frontier_store import (
    ROOT,
    _drain,
    _frontier,
    _kill_after,
    _page_gets,
    _path,
    _records,
)

SITE = "http://shop.test/"


def _line(url: str) -> str:
    return json.dumps(PageRecord(url=url).to_dict()) + "\n"


def test_the_journal_gives_pages_and_map_entries_in_the_order_they_were_written(tmp_path):
    pages, maps = tmp_path / "pages.jsonl", tmp_path / "mapped.jsonl"
    with (
        PageLog(pages, CrawlStore(tmp_path / "a.sqlite"), resume=False) as log,
        MapLog(maps, log, resume=False) as mapped,
    ):
        log.write(_line(SITE))
        mapped.write({"url": SITE + "m1"})
        mapped.write({"url": SITE + "m2"})
        log.write(_line(SITE + "p1"))
        log.write(_line(SITE + "p2"))
        mapped.write({"url": SITE + "m3"})
    with open(maps, "ab") as f:
        f.write(b'{"after": 3, "url": "http://shop.te')  # the kill cut this one
    with (
        PageLog(pages, CrawlStore(tmp_path / "b.sqlite"), resume=True) as log,
        MapLog(maps, log, resume=True) as mapped,
    ):
        assert (log.resumed, mapped.resumed) == (3, 3)
        order = [
            (kind, item.url if kind == "page" else item["url"])
            for kind, item in journal(pages, maps, skip_pages=1)
        ]
        mapped.write({"url": SITE + "m4"})
    assert order == [
        ("map", SITE + "m1"),
        ("map", SITE + "m2"),
        ("page", SITE + "p1"),
        ("page", SITE + "p2"),
        ("map", SITE + "m3"),
    ]
    lines = maps.read_text().splitlines()
    assert json.loads(lines[-1]) == {"after": 3, "url": SITE + "m4"}  # the cut line is gone
    assert len(lines) == 4


def test_the_graph_in_the_crawl_store_reads_back_with_its_numbers(tmp_path):
    store = CrawlStore(tmp_path / "crawl.sqlite")
    graph = LinkGraph(store.edges)
    graph.add_links(SITE, [SITE + "a", SITE + "b", SITE + "index.html"])
    graph.add_redirect(SITE + "index.html", SITE)
    graph.add_links(SITE + "a", [SITE + "c", SITE + "b"])
    graph.add_redirect(SITE + "c", SITE + "d")
    graph.add_links(SITE + "d", [SITE + "e"])
    urls = (SITE, SITE + "a", SITE + "d", SITE + "b")
    depths, links = graph.depths([SITE]), [graph.out_links(u) for u in urls]
    store.close()
    back = read_graph(tmp_path / "crawl.sqlite")
    assert len(back) == len(graph) == 7
    assert back.depths([SITE]) == depths
    assert depths[SITE + "e"] == 3  # the redirect c -> d costs no click
    assert [back.out_links(u) for u in urls] == links
    assert links[1] == [SITE + "c", SITE + "b"]
    assert [back.node(u) for u in (SITE, SITE + "e")] == [0, 6]  # the numbers it had


def test_a_replayed_page_is_taken_out_of_either_queue_as_it_was_queued(tmp_path):
    store = CrawlStore(tmp_path / "crawl.sqlite")
    on_disk, in_memory = _frontier(store), _frontier(None)
    for frontier in (on_disk, in_memory):
        for i in range(30):
            frontier.offer(f"{SITE}c/{i % 3}/p{i}", i % 4)
    for url in (f"{SITE}c/2/p5", f"{SITE}c/0/p27", f"{SITE}c/1/p1"):
        taken = on_disk.take(url), in_memory.take(url)
        assert taken[0] == taken[1] and taken[0] is not None
        assert taken[0].url == url and taken[0].depth == int(url.rsplit("p", 1)[1]) % 4
    assert on_disk.take(f"{SITE}c/2/p5") is None and in_memory.take(f"{SITE}nowhere") is None
    assert len(on_disk) == len(in_memory) == 27
    assert _drain(on_disk) == _drain(in_memory)


# -- a real audit killed and resumed ------------------------------------------------------


def _audit_command(url: str, out: Path, *extra: str) -> list[str]:
    """A sample of two pages per template rendered, the rest of the shop read by the
    link map; two checks that read the link graph, none with a site step (it would load
    pages again)."""
    command = [sys.executable, "-m", "auditor", "run", url, "--out", str(out)]
    command += ["--progress", "none", "--format", "markdown", "--concurrency", "1"]
    command += ["--check", "navigation.click-depth", "--check", "navigation.orphans"]
    return [*command, *extra]


def _figures(out: Path, start: str) -> dict:
    """What the evaluation reads of the link graph: its pages, each page's click depth
    and how many pages link to it."""
    graph = read_graph(out / "crawl.sqlite")
    depths = graph.depths([start])
    inbound: Counter[str] = Counter()
    nodes = list(graph._urls)
    for url in nodes:
        inbound.update(graph.out_links(url))
    return {"nodes": set(nodes), "depths": depths, "inbound": dict(inbound)}


@pytest.mark.slow
def test_resume_after_a_kill_rebuilds_the_link_map_and_graph_of_an_uninterrupted_audit(
    tmp_path,
):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "AUDITOR_CRAWL__REQUESTS_PER_SECOND": "6",  # slow enough to be killed midway
        "AUDITOR_CRAWL__MAX_PAGES_PER_TEMPLATE": "2",  # the rest is the link map's
    }
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    with DemoShop(products=12, delay_scale=0) as shop:
        start = shop.url("/")
        done = subprocess.run(
            _audit_command(shop.base_url, whole),
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        command = _audit_command(shop.base_url, cut, "--max-duration", "10m")
        _kill_after(command, env, {cut / "pages.jsonl": 3, cut / "mapped.jsonl": 4})
        assert not (cut / "results.json").exists()
        pages_before = _records(cut / "pages.jsonl")
        maps_before = _records(cut / "mapped.jsonl")
        shop.clear_log()
        resumed = subprocess.run(
            [*command, "--resume"], env=env, capture_output=True, text=True, timeout=600
        )
        gets = _page_gets(shop)
    assert resumed.returncode == 0, resumed.stderr[-2000:]

    # nothing finished was fetched again (over HTTP or in the browser), except where a
    # page fetched now redirected to it (/index.html -> /)
    pages_after = _records(cut / "pages.jsonl")
    maps_after = _records(cut / "mapped.jsonl")
    new = pages_after[len(pages_before) :] + maps_after[len(maps_before) :]
    landed = {_path(e["final_url"]) for e in new if e.get("final_url", e["url"]) != e["url"]}
    landed |= {_path(hop) for e in new for hop in e.get("hops", [])[1:]}
    finished = {_path(e["url"]) for e in pages_before + maps_before}
    # a page the link map read may be rendered after all (its layout is new to its
    # template: auditor.frontier.promote), by the resumed audit: its visit is new work
    visits = {_path(e["url"]): e["attempts"] for e in pages_after[len(pages_before) :]}
    again = {p: gets[p] for p in finished - landed if gets[p] > visits.get(p, 0)}
    assert again == {}, f"finished pages fetched again: {again}"
    assert len(finished - landed) >= 6
    assert new, "the resumed audit went on"

    # each page recorded once, in either log
    for log in (pages_after, maps_after):
        urls = [e["url"] for e in log]
        assert len(urls) == len(set(urls)), Counter(urls).most_common(3)

    # the link map and graph as an uninterrupted audit leaves them
    whole_maps = _records(whole / "mapped.jsonl")
    assert len(whole_maps) >= 5
    fetched = {e["url"] for e in _records(whole / "pages.jsonl") + whole_maps}
    assert {e["url"] for e in pages_after + maps_after} == fetched
    expected, got = _figures(whole, start), _figures(cut, start)
    assert got["nodes"] == expected["nodes"]
    assert got["depths"] == expected["depths"]
    assert got["inbound"] == expected["inbound"]
    assert max(expected["depths"].values()) >= 3

    # and the results read from them: every rendered page's depth, the pages mapped
    whole_results = json.loads((whole / "results.json").read_text(encoding="utf-8"))
    results = json.loads((cut / "results.json").read_text(encoding="utf-8"))
    assert results["interrupted"] is False
    assert {p["url"] for p in results["pages"]} == {e["url"] for e in pages_after}
    for page in results["pages"]:
        assert page["depth"] == expected["depths"].get(page["url"]), page["url"]
    rendered = len(results["pages"]) + results["stats"]["urls_mapped"]
    assert rendered == len(whole_results["pages"]) + whole_results["stats"]["urls_mapped"]


# -- the measurement lane's counts, read back from replayed records ----------------------

_FIGURES = {"fcp_ms": 400.0, "ttfb_ms": 100.0, "tbt_ms": 0.0, "cls": 0.0, "lcp_ms": 500.0}


def _timed(url: str, final: str | None = None, alone: bool = True) -> PageRecord:
    """A product page's record with timing figures: loads alone beside its screen, or
    (``alone`` off) its screen kept."""
    run = {"metrics": dict(_FIGURES)}
    timing = {"runs": [run, run]} if alone else {"runs": [run]}
    if alone:
        timing["screen"] = {"metrics": dict(_FIGURES), "blocking_ms": 0, "never_quiet": False}
    record = PageRecord(url=url, template="/p/*", layout="L1", final_url=final or url)
    record.status, record.timing = 200, timing
    return record


def test_replayed_records_give_the_measurement_lane_its_counts_back():
    from auditor.config import Settings
    from auditor.crawl import Crawler, timing_group
    from auditor.events import EventBus
    from auditor.frontier import CrawlTarget
    from auditor.urls import UrlNormalizer

    def crawler(measured: bool) -> Crawler:
        return Crawler(
            Settings(),
            None,  # type: ignore[arg-type]  # no browser: nothing is loaded
            None,  # type: ignore[arg-type]
            None,  # type: ignore[arg-type]
            UrlNormalizer([], []),
            None,  # type: ignore[arg-type]
            None,  # type: ignore[arg-type]
            EventBus(),
            measurer=object() if measured else None,  # type: ignore[arg-type]
        )

    lane = crawler(measured=True)
    pages = [
        _timed(SITE + "p/1"),
        _timed(SITE + "p/2"),
        _timed(SITE + "p/3", alone=False),  # screened, kept: counted, teaches nothing
        _timed(SITE + "p/4", final=SITE + "p/1"),  # the figures of a page timed already
        PageRecord(url=SITE + "p/5", template="/p/*", layout="L1"),  # never timed
    ]
    for record in pages:
        lane.recall_timing(CrawlTarget(record.url, 1, "/p/*"), record)
    group = timing_group("/p/*", "L1")
    assert lane._timed_templates[group] == 3
    assert lane._timed_urls == {SITE + "p/1", SITE + "p/2", SITE + "p/3"}
    assert lane._vouches[group].samples == [SITE + "p/1", SITE + "p/2"]  # screens agreed
    idle = crawler(measured=False)  # no check asked for timings: no lane to count for
    idle.recall_timing(CrawlTarget(SITE + "p/1", 1, "/p/*"), pages[0])
    assert not idle._timed_templates
