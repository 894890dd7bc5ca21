"""Slow clients against ``rental serve``: the latency of ``/healthz`` while N connections each
declare a 100 kB body and send one byte of it, as a ratio to the same server with none.

Starts ``rental serve`` (SQLite in a temporary directory, 1 process x 4 threads, the project's
worker) on a free port of 127.0.0.1, takes the median of 50 ``/healthz`` requests with no slow
client, opens N slow connections, and takes the median again. Prints both and their ratio.

Usage: ``.venv/bin/python bench/slow_clients.py [--slow 40]``.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _median_ms(url: str, count: int = 50) -> float:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        requests.get(url, timeout=30).raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slow", type=int, default=40)
    args = parser.parse_args()
    port = _free_port()
    with tempfile.TemporaryDirectory() as directory:
        env = {
            **os.environ, "RENTAL_ENV": "test",
            "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
            "RENTAL_SECRET_KEY": "bench-secret-key-0123456789abcdefghijkl",
            "RENTAL_DATABASE_URL": f"sqlite:///{Path(directory) / 'rental.db'}",
        }  # fmt: skip
        env.pop("RENTAL_REDIS_URL", None)
        rental = [sys.executable, "-m", "rental.entrypoints.cli"]
        subprocess.run([*rental, "db", "upgrade"], env=env, check=True, capture_output=True)
        server = subprocess.Popen(
            [*rental, "serve", "--port", str(port), "--threads", "4"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}/healthz"
        try:
            for _ in range(300):
                try:
                    requests.get(url, timeout=1)
                    break
                except requests.RequestException:
                    time.sleep(0.1)
            baseline = _median_ms(url)
            held = []
            for _ in range(args.slow):
                connection = socket.create_connection(("127.0.0.1", port))
                connection.sendall(
                    b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                    b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                )
                held.append(connection)
            loaded = _median_ms(url)
            for connection in held:
                connection.close()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
    print(f"/healthz median, no slow client: {baseline:.2f} ms")
    print(f"/healthz median, {args.slow} slow clients: {loaded:.2f} ms")
    print(f"ratio: {loaded / baseline:.2f}")


if __name__ == "__main__":
    main()
