"""What operators ask of ``rental worker``: a health check of its own (a heartbeat file read by
``rental worker --check``), and its own /metrics with the outbox backlog and the queues."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from rental.composition import bootstrap
from rental.entrypoints.cli import main
from rental.entrypoints.worker import Heartbeat, ScheduledJobs, run_worker, serve_metrics
from tests.events import wait_until

ENV = {"RENTAL_ENV": "development", "RENTAL_DATABASE_URL": "memory://", "RENTAL_REDIS_URL": ""}


def check(heartbeat: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["worker", "--check", "--heartbeat-file", str(heartbeat), *extra], env=ENV
    )
    return result.exit_code, result.output


def test_the_check_fails_without_a_heartbeat_and_when_it_is_stale(tmp_path: Path) -> None:
    heartbeat = tmp_path / "beat"
    code, output = check(heartbeat)
    assert code == 1 and "no heartbeat" in output
    heartbeat.touch()
    assert check(heartbeat)[0] == 0
    old = time.time() - 120
    os.utime(heartbeat, (old, old))
    code, output = check(heartbeat, "--check-max-age", "60")
    assert code == 1 and "old" in output


def test_the_running_worker_beats(tmp_path: Path) -> None:
    rental = bootstrap()
    heartbeat = Heartbeat(tmp_path / "beat")
    stop = threading.Event()
    jobs = ScheduledJobs(rental, relay_every=0.05, expire_every=60)
    thread = threading.Thread(target=run_worker, args=(rental, jobs, stop, 1, heartbeat))
    thread.start()
    try:
        wait_until(lambda: heartbeat.age() is not None, what="a first heartbeat")
        first = heartbeat.path.stat().st_mtime_ns
        wait_until(lambda: heartbeat.path.stat().st_mtime_ns > first, what="a second one")
    finally:
        stop.set()
        thread.join(timeout=10)
        rental.close()
    assert check(heartbeat.path)[0] == 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.redis
def test_the_worker_exports_the_backlog_and_the_queues(
    sqlite_url: str, redis_url: str, redis_namespace: str
) -> None:
    rental = bootstrap(
        database_url=sqlite_url, redis_url=redis_url, redis_namespace=redis_namespace
    )
    port = free_port()
    try:
        serve_metrics(rental, "127.0.0.1", port)
        text = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
    finally:
        rental.close()
    assert "rental_outbox_backlog 0.0" in text
    assert 'rental_dramatiq_queue_length{queue="events"} 0.0' in text
    assert "rental_dramatiq_dead_letters 0.0" in text
    assert 'rental_probe_up{probe="dramatiq_queues"} 1.0' in text


def test_the_container_check_is_the_standard_library_only(tmp_path: Path) -> None:
    # A health check under load must not spend seconds importing the application.
    heartbeat = tmp_path / "beat"
    probe = (
        "import sys; from rental.entrypoints import heartbeat as h; code = h.main(sys.argv[1:]);"
        " heavy = [m for m in ('flask', 'sqlalchemy', 'rental.composition') if m in sys.modules];"
        " sys.exit(f'imported {heavy}' if heavy else code)"
    )
    missing = subprocess.run([sys.executable, "-c", probe, str(heartbeat)], capture_output=True)
    assert missing.returncode == 1 and b"no heartbeat" in missing.stderr
    heartbeat.touch()
    fresh = subprocess.run([sys.executable, "-c", probe, str(heartbeat)], capture_output=True)
    assert fresh.returncode == 0, fresh.stderr
