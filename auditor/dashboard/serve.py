"""Serving the dashboard with uvicorn, from the CLI or from a test (in a thread)."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["DashboardServer", "is_loopback", "run_server"]


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _config(history: str | Path, host: str, port: int, token: str | None):
    import uvicorn

    from .app import create_app

    hosts = None
    if token:  # reached by other names; the token guards it instead of the Host check
        hosts = ["*"]
    app = create_app(history, token=token, allowed_hosts=hosts)
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
        lifespan="off",
    )


def run_server(
    history: str | Path,
    host: str,
    port: int,
    token: str | None,
    echo: Callable[[str], None] = print,
) -> None:
    """Serve until Ctrl-C."""
    import uvicorn

    server = uvicorn.Server(_config(history, host, port, token))
    shown = f"[{host}]" if ":" in host else host
    echo(f"Dashboard of {history} at http://{shown}:{port}/ (Ctrl-C stops it)")
    if token:
        echo(f"Token: {token}")
        echo(f"Open http://{shown}:{port}/?token={token} or send 'Authorization: Bearer TOKEN'")
    server.run()


class DashboardServer:
    """The dashboard on a free loopback port in a background thread (for tests):
    ``with DashboardServer(path) as url: ...``."""

    def __init__(self, history: str | Path, token: str | None = None):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        import uvicorn

        self.server = uvicorn.Server(_config(history, "127.0.0.1", self.port, token))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the dashboard did not start")
            time.sleep(0.02)
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
