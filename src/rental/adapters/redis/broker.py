"""Dramatiq on Redis: the queue the relay sends outbox entries to, and the actor that
dispatches them to the consumers in ``rental worker``.

A failing delivery is retried with exponential backoff by Dramatiq's ``Retries`` middleware;
after the last retry the message goes to the dead-letter queue (``<queue>.XQ``), and
``DeadLetterLog`` says which event and why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import dramatiq
import redis
from dramatiq import Worker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AgeLimit, Middleware, Retries, ShutdownNotifications, TimeLimit

from rental.application.delivery import OutboxEntry
from rental.domain.events import Event

logger = logging.getLogger(__name__)

QUEUE = "events"
# A worker killed with SIGKILL leaves its unacknowledged messages behind; Dramatiq gives them
# back once the worker's heartbeat is this old and a maintenance pass runs. Its defaults (60 s,
# and maintenance on 0.1 % of commands) took 11 minutes; these take well under one: a live
# worker heartbeats on every command (an idle one fetches about every second), and one
# command in ten does maintenance, a few Redis calls.
HEARTBEAT_TIMEOUT_MS = 15_000
MAINTENANCE_CHANCE = 100_000  # per million commands
ACTOR = "deliver_event"
Dispatch = Callable[[int, Event], None]


class DeadLetterLog(Middleware):
    """Logs, as an error, each event whose last retry failed (Dramatiq dead-letters it)."""

    def after_process_message(
        self, broker: Any, message: Any, *, result: Any = None, exception: Any = None
    ) -> None:
        if exception is None or not message.failed:
            return
        entry_id, event_name = [*message.args, None, None][:2]
        logger.error(
            "event %s (outbox #%s) dead-lettered after %s failed attempts: %s",
            event_name,
            entry_id,
            message.options.get("retries", 0),
            exception,
        )


class EventQueue:
    """The broker and its one actor, ``deliver_event(entry_id, event_name, payload)``.

    ``dispatch`` is what the actor runs (the worker's consumers); a process that only sends
    (a relay) may leave it out. Retries: ``max_retries`` with backoff from ``min_backoff_ms``
    doubling up to ``max_backoff_ms``.
    """

    def __init__(
        self,
        redis_url: str,
        *,
        namespace: str = "rental",
        dispatch: Dispatch | None = None,
        max_retries: int = 8,
        min_backoff_ms: int = 1_000,
        max_backoff_ms: int = 600_000,
    ) -> None:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=10)
        retries = Retries(
            max_retries=max_retries, min_backoff=min_backoff_ms, max_backoff=max_backoff_ms
        )
        # "after" hooks run in reverse order: the log must come before Retries to see its verdict.
        middleware = [AgeLimit(), TimeLimit(), ShutdownNotifications(), DeadLetterLog(), retries]
        self.broker = RedisBroker(  # type: ignore[no-untyped-call]
            client=client,
            namespace=f"{namespace}:dramatiq",
            middleware=middleware,
            heartbeat_timeout=HEARTBEAT_TIMEOUT_MS,
            maintenance_chance=MAINTENANCE_CHANCE,
        )
        self.dispatch = dispatch
        declare = dramatiq.actor(broker=self.broker, actor_name=ACTOR, queue_name=QUEUE)
        self._actor = declare(self._deliver)

    def _deliver(self, entry_id: int, event_name: str, payload: dict[str, Any]) -> None:
        if self.dispatch is None:
            raise RuntimeError("this process only sends events; run `rental worker` to consume")
        self.dispatch(entry_id, Event.from_dict(event_name, payload))

    def send(self, entry: OutboxEntry) -> None:
        """Enqueue one outbox entry (raises when Redis is unreachable)."""
        self._actor.send(entry.id, entry.event_name, entry.payload)

    def start_worker(self, threads: int) -> Worker:
        """Start consuming in this process (``worker.stop()`` ends it)."""
        worker = Worker(self.broker, worker_threads=threads)
        worker.start()
        return worker

    def dead_letters(self) -> int:
        """How many messages the dead-letter queue holds."""
        return int(self.broker.client.zcard(f"{self.broker.namespace}:{QUEUE}.XQ"))

    def queue_lengths(self) -> dict[str, int]:
        """Messages waiting: ``events`` to be consumed, ``events.DQ`` delayed (retries)."""
        client, namespace = self.broker.client, self.broker.namespace
        return {name: int(client.llen(f"{namespace}:{name}")) for name in (QUEUE, f"{QUEUE}.DQ")}

    def close(self) -> None:
        self.broker.close()
        self.broker.client.close()
