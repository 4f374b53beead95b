"""``python -m auditor.demo [--mode clean] [--port 8000] [--products N]``: serve until Ctrl-C."""

from __future__ import annotations

import argparse
import sys
import time

from . import LOGIN_EMAIL, LOGIN_PASSWORD, MODES, DemoShop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m auditor.demo",
        description="Serve the Nordwind Outfitters demo shop until Ctrl-C.",
    )
    parser.add_argument("--mode", choices=MODES, default="defects")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--products", type=int, default=24, help="number of product pages")
    parser.add_argument(
        "--delay-scale", type=float, default=1.0, help="multiplier for deliberate delays"
    )
    args = parser.parse_args(argv)
    try:
        shop = DemoShop(
            mode=args.mode,
            host=args.host,
            port=args.port,
            products=args.products,
            delay_scale=args.delay_scale,
        )
        url = shop.start()
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Nordwind Outfitters demo shop ({args.mode} mode) serving at {url}", flush=True)
    print(f"Demo login: {LOGIN_EMAIL} / {LOGIN_PASSWORD}. Press Ctrl-C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        shop.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
