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

import contextlib
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from .batch import ShopJob, audit_shop, failed_row
from .errors import AuditorError

__all__ = ["dask_client", "run_dask", "run_local"]

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


@contextlib.contextmanager
def dask_client(scheduler: str, say: Say) -> Iterator[Any]:
    """A Dask client for ``scheduler`` (tcp://host:port, or local:N for a cluster of N
    worker processes here, closed afterwards). AuditorError with one line where Dask is
    not installed or no scheduler answers: before any shop is started."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AuditorError(
            "the dask executor needs Dask: pip install 'shop-auditor[dask]'"
        ) from None
    cluster = None
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
        client = Client(cluster)
        say(f"Dask: a local cluster of {workers} worker processes at {cluster.scheduler_address}")
    else:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            line = " ".join(str(exc).split())[:300]
            raise AuditorError(f"no Dask scheduler answered at {scheduler}: {line}") from None
        workers = len(client.scheduler_info().get("workers", {}))
        say(f"Dask: scheduler {scheduler} with {workers} workers")
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_dask(jobs: list[ShopJob], client: Any, on_row: OnRow) -> None:
    """Each shop one task on the cluster of ``client``; rows handed on as they come.
    Ctrl-C cancels what is still queued."""
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
