"""One shop's pages on a Dask LocalCluster of 2 worker processes (``--executor dask``):
the same findings as the local executor, every page once when a worker dies mid-crawl,
the per-host cap and rate held across workers, a failing batch ending as error records."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from auditor.demo import DemoShop
from auditor.events import EventBus
from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow

CHECKS = ["forms.labels", "accessibility.image-alts", "navigation.broken-links"]
#: the URLs of the demo shop (products=6) as the local executor audits them
_LOCAL: dict[str, object] = {}


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """Two worker processes with a thread each, on 127.0.0.1 (a nanny restarts a worker
    that is killed)."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as local,
        distributed.Client(local) as client,
    ):
        client.wait_for_workers(2, timeout=120)
        yield local


def _settings(scheduler: str | None, **crawl):
    layer = {
        "audit": {"checks": CHECKS},
        "crawl": {"max_pages": 500, "concurrency": 2, **crawl},
        "sample": {"all_pages": True},
    }
    if scheduler:
        layer["scale"] = {"executor": "dask", "scheduler": scheduler, "batch_pages": 3}
    return quick_settings(**layer)


def _findings(results: dict) -> Counter[tuple[str, str]]:
    return Counter(
        (f["check"], f["title"])
        for f in results["findings"]
        if not f["check"].startswith("performance.")  # timings differ between runs
    )


def _pages(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "pages.jsonl").read_text().splitlines()]


async def _local_audit(shop: DemoShop, browser, out: Path) -> dict:
    if shop.base_url not in _LOCAL:
        path = await run_audit(shop.base_url, _settings(None), out, browser=browser)
        _LOCAL[shop.base_url] = json.loads(path.read_text())
    return _LOCAL[shop.base_url]  # type: ignore[return-value]


@pytest.fixture(scope="module")
def shop() -> Iterator[DemoShop]:
    with DemoShop(products=6, delay_scale=0) as demo:
        yield demo


async def test_the_findings_equal_the_local_executors(cluster, shop, browser, tmp_path):
    local = await _local_audit(shop, browser, tmp_path / "local")
    settings = _settings(cluster.scheduler_address)
    path = await run_audit(shop.base_url, settings, tmp_path / "dask", browser=browser)
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    assert _findings(results) == _findings(local)
    assert sum(_findings(local).values()) >= 3
    assert {p["url"] for p in results["pages"]} == {p["url"] for p in local["pages"]}
    workers = Counter(p.get("worker") for p in results["pages"])
    assert workers["driver"] == 1  # the start page
    assert len([w for w in workers if str(w).startswith("tcp://127.0.0.1:")]) == 2, workers
    assert all("worker" not in p for p in local["pages"])


async def test_a_worker_killed_mid_crawl_loses_no_page_and_records_none_twice(
    cluster, shop, browser, tmp_path
):
    local = await _local_audit(shop, browser, tmp_path / "local")
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
    killed: list[str] = []

    def kill_a_busy_worker() -> None:
        """SIGKILL the first worker seen with a batch in hand (asked until one has)."""
        with distributed.Client(cluster) as client:
            deadline = time.monotonic() + 60
            while not killed and time.monotonic() < deadline:
                busy = [w for w, keys in client.processing().items() if keys and w in pids]
                if busy:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(busy[0])

    killer: list[threading.Thread] = []

    def on_page(record, done, **_):
        if done == 2 and not killer:  # the crawl is on the cluster by now
            killer.append(threading.Thread(target=kill_a_busy_worker))
            killer[0].start()

    events = EventBus()
    events.subscribe("page_recorded", on_page)
    out = tmp_path / "dask"
    settings = _settings(cluster.scheduler_address)
    path = await run_audit(shop.base_url, settings, out, events=events, browser=browser)
    await asyncio.to_thread(killer[0].join, 60)
    assert killed, "no worker was busy to be killed"
    urls = [r["url"] for r in _pages(out)]
    assert len(urls) == len(set(urls))
    assert set(urls) == {p["url"] for p in local["pages"]}
    results = json.loads(path.read_text())
    assert [p for p in results["pages"] if p["error"]] == []
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)  # the nanny brought it back


class _CountingServer:
    """Pages that answer after a pause, counting the page loads (a browser's document
    requests) open at once; the ``refuse``-th of them (from 1) is answered 429 with
    Retry-After: ``retry_after`` seconds."""

    def __init__(self, pages: int, pause: float, refuse: int = 0, retry_after: int = 2):
        self.retry_after = retry_after
        self.open = self.most = 0
        self.starts: list[float] = []
        self.refused_at: float | None = None
        self.lock = threading.Lock()
        links = "".join(f"<li><a href='/p{i}'>Page {i}</a></li>" for i in range(pages))
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.headers.get("Sec-Fetch-Dest") != "document":
                    self._send(404, b"")  # robots.txt, the favicon, the link checker
                    return
                with server.lock:
                    server.open += 1
                    server.most = max(server.most, server.open)
                    server.starts.append(time.monotonic())
                    refused = len(server.starts) == refuse
                    if refused:
                        server.refused_at = server.starts[-1]
                # a load is open until its answer is sent: counted down before the
                # write, as the client may go on (and its driver grant the next load)
                # the moment the answer arrives, before this thread runs again
                ended = [False]

                def end() -> None:
                    if not ended[0]:
                        ended[0] = True
                        with server.lock:
                            server.open -= 1

                try:
                    if refused:
                        end()
                        self._send(429, b"slow down", {"Retry-After": str(server.retry_after)})
                        return
                    threading.Event().wait(pause)  # the page is slow to answer
                    body = (
                        "<!doctype html><html lang='en'><head><title>Page</title></head>"
                        f"<body><main><h1>Page</h1><ul>{links}</ul></main></body></html>"
                    )
                    end()
                    self._send(200, body.encode())
                finally:
                    end()

            def _send(self, status: int, body: bytes, headers: dict | None = None) -> None:
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def during_the_back_off(self) -> list[float]:
        """The requests that started after the 429 within its Retry-After (a little
        less: the worker's clock and the driver's are one here, but a grant travels)."""
        assert self.refused_at is not None, "no request was refused"
        end = self.refused_at + self.retry_after - 0.25
        return [t for t in self.starts if self.refused_at < t < end]


def _load_pages(ticket, urls: list[str]) -> tuple[str, list[int]]:
    """A Dask task: ``urls`` loaded one after another over HTTP, each slot granted by the
    driver (the worker's side of a page batch, without a browser)."""
    import urllib.error
    import urllib.request

    from auditor.distributed import _worker_name
    from auditor.politeness import RemoteLimiter
    from auditor.ratelimit import HostLimiter, parse_retry_after

    def get(url: str) -> tuple[int, str | None]:
        request = urllib.request.Request(url, headers={"Sec-Fetch-Dest": "document"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, None
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Retry-After")

    async def load() -> list[int]:
        limiter = RemoteLimiter(ticket, HostLimiter(0.2, 10.0), 10.0)
        statuses = []
        try:
            for url in urls:
                host = url.split("/")[2]
                for _ in range(2):  # once more after a 429, as a crawl visit does
                    await limiter.acquire(host)
                    status, retry_after = await asyncio.to_thread(get, url)
                    if status != 429:
                        limiter.answered(host)
                        break
                    limiter.back_off(host, parse_retry_after(retry_after))
                statuses.append(status)
        finally:
            await limiter.close()
        assert limiter.remote, "the worker did not reach the driver's grants"
        return statuses

    return _worker_name(), asyncio.run(load())


async def _granted_loads(cluster, server: _CountingServer, rate: float, cap: int):
    """Four tasks of three or four pages on the two workers, their slots granted by a
    driver here; (the workers that loaded, every status)."""
    from auditor.politeness import PolitenessServer
    from auditor.ratelimit import HostLimiter

    async with PolitenessServer(HostLimiter(rate, 10.0), cap) as grants:
        ticket = await grants.start()
        with distributed.Client(cluster) as client:
            client.wait_for_workers(2, timeout=120)
            futures = [
                client.submit(
                    _load_pages, ticket, [f"{server.url}p{i}-{j}" for j in range(4)], pure=False
                )
                for i in range(4)
            ]
            done = await asyncio.to_thread(client.gather, futures)
    return {worker for worker, _ in done}, [s for _, statuses in done for s in statuses]


async def test_the_drivers_grants_hold_the_cap_across_worker_processes(cluster):
    server = _CountingServer(pages=1, pause=0.1)
    try:
        workers, statuses = await _granted_loads(cluster, server, rate=50.0, cap=1)
    finally:
        server.close()
    assert statuses == [200] * 16
    assert len(workers) == 2  # both workers loaded pages, never two at once
    assert server.most == 1


async def test_the_drivers_grants_hold_the_rate_and_a_429_slows_every_worker(cluster):
    server = _CountingServer(pages=1, pause=0.0, refuse=4)
    try:
        workers, statuses = await _granted_loads(cluster, server, rate=10.0, cap=2)
    finally:
        server.close()
    assert statuses == [200] * 16  # the refused page was loaded again after its pause
    assert len(workers) == 2
    assert server.most <= 2
    # at most the one request the other worker was granted before the 429 was reported
    assert len(server.during_the_back_off()) <= 1, server.during_the_back_off()
    # the rate besides the pause (loosely: a loaded machine may hold a granted request
    # back and bunch it with the next; without grants the loads take a blink)
    span = server.starts[-1] - server.starts[0] - server.retry_after
    assert (len(server.starts) - 1) / span <= 10.0 * 1.25


async def test_the_per_host_cap_and_rate_hold_across_workers(cluster, browser, tmp_path):
    server = _CountingServer(pages=9, pause=0.15)
    try:
        settings = _settings(
            cluster.scheduler_address, concurrency=1, requests_per_second=3.0, use_sitemap=False
        )
        path = await run_audit(server.url, settings, tmp_path, browser=browser)
    finally:
        server.close()
    results = json.loads(path.read_text())
    assert len(results["pages"]) == 10
    assert server.most == 1  # two workers, and never two pages loading at once
    span = server.starts[-1] - server.starts[0]
    assert (len(server.starts) - 1) / span <= 3.0 * 1.05
    assert {p.get("worker") for p in results["pages"]} - {"driver"}


async def test_a_429_to_one_worker_slows_every_worker(cluster, browser, tmp_path):
    """An audit with two batches out at once: after the 429 one worker's page got, the
    other worker waits out its Retry-After too."""
    server = _CountingServer(pages=12, pause=0.05, refuse=4, retry_after=10)
    try:
        settings = _settings(
            cluster.scheduler_address, concurrency=2, requests_per_second=8.0, use_sitemap=False
        )
        path = await run_audit(server.url, settings, tmp_path, browser=browser)
    finally:
        server.close()
    results = json.loads(path.read_text())
    assert len(results["pages"]) == 13
    assert [p for p in results["pages"] if p["error"]] == []  # loaded again after the pause
    assert len(server.during_the_back_off()) <= 1, server.during_the_back_off()
    assert server.most <= 2
    workers = {p.get("worker") for p in results["pages"]} - {"driver"}
    assert len(workers) == 2


def _break_batches(path: str) -> None:
    """On a worker: every batch with ``path`` in it raises (a page that breaks its task)."""
    from auditor import distributed as mod

    original = getattr(mod, "_original_run_batch", mod._run_batch)
    mod._original_run_batch = original

    async def failing(batch, worker):
        if any(t.url.endswith(path) for t in batch.targets):
            raise RuntimeError(f"forced failure on {path}")
        return await original(batch, worker)

    mod._run_batch = failing


def _mend_batches() -> None:
    from auditor import distributed as mod

    mod._run_batch = getattr(mod, "_original_run_batch", mod._run_batch)


async def test_a_batch_that_keeps_failing_ends_as_error_records(cluster, shop, browser, tmp_path):
    broken = shop.product_paths()[1]
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)
        client.run(_break_batches, broken)
        try:
            settings = _settings(cluster.scheduler_address)
            path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
        finally:
            client.run(_mend_batches)
    results = json.loads(path.read_text())
    assert results["interrupted"] is False
    failed = {p["url"]: p["error"] for p in results["pages"] if p["error"]}
    assert list(failed) == [shop.url(broken)]
    assert failed[shop.url(broken)]["code"] == "BATCH_FAILED"
    assert "forced failure" in failed[shop.url(broken)]["message"]
    ok = [p for p in results["pages"] if not p["error"]]
    assert len(ok) >= 10  # its batch-mates were audited on their own


def test_resume_on_the_cluster_after_the_driver_was_killed(cluster, tmp_path):
    """The driver (a process of its own) killed mid-crawl; ``--resume`` with the same
    cluster loads none of the pages it had finished."""
    from tests.test_frontier_store import (
        ROOT,
        _audit_command,
        _kill_after,
        _page_gets,
        _path,
        _records,
    )

    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AUDITOR_CRAWL__REQUESTS_PER_SECOND": "4"}
    dask = ["--executor", "dask", "--scheduler", cluster.scheduler_address]
    with DemoShop(products=6, delay_scale=0) as demo:
        command = _audit_command(demo.base_url, out, *dask)
        _kill_after(command, env, {out / "pages.jsonl": 5})
        before = _records(out / "pages.jsonl")
        finished = {_path(r["url"]) for r in before}
        demo.clear_log()
        resumed = subprocess.run(
            [*command, "--resume"], env=env, capture_output=True, text=True, timeout=600
        )
        gets = _page_gets(demo)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    after = _records(out / "pages.jsonl")
    urls = [r["url"] for r in after]
    assert len(urls) == len(set(urls)) and len(after) > len(before) + 3
    landed = {_path(r["final_url"]) for r in after[len(before) :] if r.get("final_url")}
    again = {p: gets[p] for p in finished - landed if gets[p]}
    assert again == {}, f"finished pages loaded again: {again}"
    assert {r.get("worker") for r in after[len(before) :]} - {"driver"}
