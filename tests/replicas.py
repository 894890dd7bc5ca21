"""A PostgreSQL primary and a streaming replica of it, started for the replica tests.

The shared test server is never reconfigured: this fixture runs its own primary (``initdb``)
and its own replica (``pg_basebackup -R`` from that primary), on free ports, in a temporary
folder, and stops both at the end. Without PostgreSQL's server programs the tests are skipped
(failed with ``RENTAL_REQUIRE_SERVICES=1``). As root, the programs run as ``postgres``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from attrs import frozen

from tests.databases import migrate


def _bindir() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@frozen
class Cluster:
    """A running server: its data folder, port and URL of database ``rental``."""

    data: Path
    port: int

    def url(self, database: str = "rental") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"


class Clusters:
    """The primary and the replica, and what the tests do to them."""

    def __init__(self, root: Path, bindir: Path) -> None:
        self.root, self.bindir = root, bindir
        self.sockets = root / "sockets"
        self.primary = Cluster(root / "primary", _free_port())
        self.replica = Cluster(root / "replica", _free_port())

    def run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if completed.returncode != 0:
            raise RuntimeError(f"{program} failed: {completed.stdout}{completed.stderr}")

    def start(self, cluster: Cluster) -> None:
        options = (
            f"-p {cluster.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c wal_receiver_status_interval=1"
        )
        log = self.root / f"{cluster.data.name}.log"
        self.run("pg_ctl", "-D", str(cluster.data), "-o", options, "-l", str(log), "-w", "start")

    def stop(self, cluster: Cluster) -> None:
        self.run("pg_ctl", "-D", str(cluster.data), "-m", "fast", "-w", "stop")

    def set_up(self) -> None:
        self.sockets.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
        self.run("initdb", "-D", str(self.primary.data), "-U", "postgres", "--auth=trust",
                 "--no-sync", "--encoding=UTF8", "--no-locale")  # fmt: skip
        self.start(self.primary)
        admin = sa.create_engine(self.primary.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql("CREATE DATABASE rental")
        admin.dispose()
        migrate(self.primary.url())
        self.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary.port), "-U",
                 "postgres", "-D", str(self.replica.data), "-R", "-X", "stream", "-c", "fast",
                 "--no-sync")  # fmt: skip
        self.start(self.replica)

    def tear_down(self) -> None:
        for cluster in (self.replica, self.primary):
            with contextlib.suppress(RuntimeError):  # already stopped by a test
                self.run("pg_ctl", "-D", str(cluster.data), "-m", "immediate", "-w", "stop")


@pytest.fixture(scope="module")
def clusters() -> Iterator[Clusters]:
    """A primary with database ``rental`` migrated, and its streaming replica."""
    bindir = _bindir()
    if bindir is None or not (bindir / "pg_basebackup").exists():
        message = "PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup) are not installed"
        if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="rental-replicas-"))
    running = Clusters(root, bindir)
    try:
        running.set_up()
        yield running
    finally:
        running.tear_down()
        shutil.rmtree(root, ignore_errors=True)


def wait_for(condition: object, timeout: float = 20.0, what: str = "it") -> None:
    """Poll ``condition()`` until true; fail after ``timeout`` seconds (hangs only)."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)
