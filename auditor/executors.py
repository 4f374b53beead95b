"""Where a batch's shops are audited: here, one after another, or on a Dask cluster.

Both executors take the same jobs and hand each finished shop's row to ``on_row`` as
soon as it is known, in the order they finish. Dask is imported only inside
``run_dask``: without the ``dask`` extra nothing here needs it, and ``auditor run``
never imports it.

On Dask each shop is one task (``auditor.batch.audit_shop``): the scheduler spreads
them over the workers, hands the task of a worker that died to another (a shop audited
twice writes the same folder twice: harmless), and the driver takes the rows as they
arrive (``as_completed``). A task whose worker kept dying, or that could not be sent,
becomes a failed row, never the end of the batch.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from .batch import ShopJob, audit_shop, failed_row
from .errors import AuditorError

__all__ = ["run_dask", "run_local"]

OnRow = Callable[[ShopJob, dict], None]
Say = Callable[[str], None]


def run_local(jobs: list[ShopJob], on_row: OnRow) -> None:
    """One shop after another in this process; stops after a shop that was
    interrupted (Ctrl-C: the rest are left waiting)."""
    for job in jobs:
        _, row = audit_shop(job)
        on_row(job, row)
        if row["status"] == "interrupted":
            return


def _client(scheduler: str, say: Say) -> tuple[Any, Any]:
    """A Dask client for ``scheduler`` (tcp://host:port, or local:N for a cluster of
    N worker processes here) and the local cluster to close afterwards, if any."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AuditorError(
            "the dask executor needs Dask: pip install 'shop-auditor[dask]'"
        ) from None
    local = re.fullmatch(r"local:([0-9]+)", scheduler)
    if local:
        workers = int(local.group(1))
        # one thread per worker: each audit drives a browser of its own, and its output
        # is redirected per process
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        say(f"Dask: a local cluster of {workers} worker processes at {cluster.scheduler_address}")
        return Client(cluster), cluster
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise AuditorError(f"no Dask scheduler answered at {scheduler}: {exc}") from None
    workers = len(client.scheduler_info().get("workers", {}))
    say(f"Dask: scheduler {scheduler} with {workers} workers")
    return client, None


def run_dask(jobs: list[ShopJob], scheduler: str, on_row: OnRow, say: Say) -> None:
    """Each shop one task on the cluster at ``scheduler``; rows handed on as they come.
    Ctrl-C cancels what is still queued and closes the cluster it started."""
    client, cluster = _client(scheduler, say)
    try:
        from distributed import as_completed

        batch = uuid.uuid4().hex[:8]
        futures = {
            client.submit(audit_shop, job, key=f"audit-{batch}-{job.folder}", pure=False): job
            for job in jobs
        }
        try:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    _, row = future.result()
                except Exception as exc:  # a worker lost, a task that could not run
                    line = " ".join(str(exc).split())[:300] or type(exc).__name__
                    row = failed_row(job, f"the task failed on the cluster: {line}")
                    row["ran_on"] = None  # not known: not this machine
                on_row(job, row)
        except KeyboardInterrupt:
            client.cancel(list(futures))
            raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
