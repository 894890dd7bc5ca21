"""``rental serve`` with two gunicorn workers: /metrics adds up every worker's counts
(prometheus-client's multiprocess mode), and every line the server writes is JSON."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.e2e.test_serve import SECRET, Server, free_port, wait_until_healthy

TOKEN = "e2e-metrics-token-0123456789"
REQUESTS = 30

pytestmark = pytest.mark.redis


@pytest.fixture
def two_workers(
    sqlite_url: str, redis_url: str, redis_namespace: str, tmp_path: Path
) -> Iterator[Server]:
    port = free_port()
    env = {
        **os.environ, "RENTAL_ENV": "production", "RENTAL_SECRET_KEY": SECRET,
        "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
        "RENTAL_DATABASE_URL": sqlite_url, "RENTAL_REDIS_URL": redis_url,
        "RENTAL_REDIS_NAMESPACE": redis_namespace, "RENTAL_METRICS_TOKEN": TOKEN,
        "RENTAL_LOG_FORMAT": "json",
    }  # fmt: skip
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    logs = tmp_path / "serve.log"
    with logs.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "rental.entrypoints.cli", "serve", "--port", str(port),
             "--workers", "2", "--threads", "2"],
            env=env, stdout=sink, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    running = Server(process, f"http://127.0.0.1:{port}", logs)
    try:
        wait_until_healthy(running)
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_metrics_add_up_the_workers_and_every_line_is_json(two_workers: Server) -> None:
    for number in range(REQUESTS):
        answer = requests.get(
            two_workers.url("/readyz"), headers={"X-Request-ID": f"e2e-{number}"}, timeout=10
        )
        assert answer.headers["X-Request-ID"] == f"e2e-{number}"
    metrics = requests.get(
        two_workers.url("/metrics"), headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10
    )
    assert metrics.status_code == 200
    samples = [
        line for line in metrics.text.splitlines()
        if line.startswith("rental_http_requests_total{") and 'route="/readyz"' in line
    ]  # fmt: skip
    counted = sum(float(line.rpartition(" ")[2]) for line in samples)
    # The multiprocess collector answers, not one worker's own registry (which adds these).
    assert "python_gc_objects_collected_total" not in metrics.text

    two_workers.process.send_signal(signal.SIGTERM)
    assert two_workers.process.wait(timeout=40) == 0
    lines = [line for line in two_workers.output().splitlines() if line.strip()]
    parsed = [json.loads(line) for line in lines]  # fails on any line that is not JSON
    served = [line for line in parsed if line.get("request_id", "").startswith("e2e-")]
    assert len(served) == REQUESTS
    assert {line["route"] for line in served} == {"/readyz"}
    # Every /readyz either worker answered is in the one count. (``/healthz`` is answered by
    # each worker's event loop before the application, so it is in neither.)
    answered = [line for line in parsed if line.get("route") == "/readyz"]
    assert counted == len(answered) == REQUESTS
    assert any(line["logger"].startswith("gunicorn") for line in parsed)
    assert SECRET not in two_workers.output() and TOKEN not in two_workers.output()
