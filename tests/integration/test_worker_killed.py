"""A worker killed with SIGKILL while handling an event: the message it had taken comes back
to another worker within a minute (Dramatiq's heartbeat and maintenance, tuned in
``adapters/redis/broker.py``), on a Redis of the test's own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from rental.adapters.redis.broker import EventQueue
from rental.application.delivery import OutboxEntry
from rental.domain.events import Event, UserRegistered
from tests.events import wait_until
from tests.redis_server import OwnRedis

COME_BACK_WITHIN = 60  # seconds, as the issue asks; Dramatiq's defaults took 11 minutes

HANGING_WORKER = """
import sys, time
from pathlib import Path
from rental.adapters.redis.broker import EventQueue

def hang(entry_id, event):  # takes the message and never acknowledges it
    Path(sys.argv[3]).write_text(str(entry_id))
    time.sleep(3600)

EventQueue(sys.argv[1], namespace=sys.argv[2], dispatch=hang).start_worker(1)
time.sleep(3600)
"""


def test_a_killed_workers_message_comes_back_within_a_minute(
    own_redis: OwnRedis, tmp_path: Path
) -> None:
    taken = tmp_path / "taken"
    hanging = subprocess.Popen(
        [sys.executable, "-c", HANGING_WORKER, own_redis.url, "killtest", str(taken)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    sender = EventQueue(own_redis.url, namespace="killtest")
    event = UserRegistered(
        occurred_at=datetime.now(UTC), user_id="u-1", username="kim", email="kim@x.io",
        role="guest",
    )  # fmt: skip
    try:
        sender.send(OutboxEntry(id=7, event_name=event.name, payload=event.to_dict()))
        wait_until(taken.exists, timeout=30, what="the first worker to take the message")
    finally:
        os.kill(hanging.pid, signal.SIGKILL)
        hanging.wait(timeout=10)

    received: list[tuple[int, Event]] = []
    survivor = EventQueue(
        own_redis.url, namespace="killtest", dispatch=lambda i, e: received.append((i, e))
    )
    worker = survivor.start_worker(1)
    try:
        wait_until(lambda: received, timeout=COME_BACK_WITHIN, what="the message to come back")
    finally:
        worker.stop(timeout=10_000)
        survivor.close()
        sender.close()
    assert received[0][0] == 7
    assert received[0][1] == event
