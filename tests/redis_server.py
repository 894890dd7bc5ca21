"""A redis-server of the test's own, on a free port, that the test may pause (SIGSTOP),
resume (SIGCONT), kill (SIGKILL) and restart: never the shared one on 6379.

It keeps its data in an append-only file fsynced on every write, so that a restart brings back
what it had, as a Redis with persistence would: that is the case where a stale marker survives.
Without a ``redis-server`` binary the test skips, or fails with ``RENTAL_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class OwnRedis:
    """One redis-server process under the test's control."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server", "--bind", "127.0.0.1", "--port", str(self.port),
                "--dir", str(self.directory), "--save", "", "--appendonly", "yes",
                "--appendfsync", "always", "--logfile", str(self.directory / "redis.log"),
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        while True:
            try:
                if client.ping():
                    return
            except redis.RedisError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _signal(self, signum: int) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signum)

    def pause(self) -> None:
        self._signal(signal.SIGSTOP)

    def resume(self) -> None:
        self._signal(signal.SIGCONT)

    def kill(self) -> None:
        assert self.process is not None
        self._signal(signal.SIGCONT)  # a stopped process dies only once it runs again
        self._signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def restart(self) -> None:
        if self.process is not None:
            self.kill()
        self.start()

    def stop(self) -> None:
        if self.process is not None:
            self.kill()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    """A started redis-server of this test's own (see the module's docstring)."""
    if shutil.which("redis-server") is None:
        message = "redis-server is not installed"
        if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    server = OwnRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()
