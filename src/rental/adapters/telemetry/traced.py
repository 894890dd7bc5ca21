"""Event delivery with its context: each outbox entry's id and event name go on every line
logged while it is handed on or consumed, and into ``rental_event_deliveries``."""

from __future__ import annotations

from collections.abc import Callable

from rental.adapters.telemetry import metrics
from rental.adapters.telemetry.logs import log_context
from rental.application.delivery import OutboxEntry
from rental.domain.events import Event


def traced_sink(sink: Callable[[OutboxEntry], None]) -> Callable[[OutboxEntry], None]:
    """The relay's sink (the queue's ``send``, or the in-process dispatch) with its context."""

    def send(entry: OutboxEntry) -> None:
        with log_context(outbox_id=entry.id, event=entry.event_name):
            _counted(entry.event_name, "relay", lambda: sink(entry))

    return send


def traced_dispatch(
    dispatch: Callable[[int, Event], None],
) -> Callable[[int, Event], None]:
    """The Dramatiq actor's dispatch to the consumers, with its context."""

    def deliver(entry_id: int, event: Event) -> None:
        with log_context(outbox_id=entry_id, event=event.name):
            _counted(event.name, "consume", lambda: dispatch(entry_id, event))

    return deliver


def _counted(event_name: str, stage: str, act: Callable[[], None]) -> None:
    try:
        act()
    except BaseException:
        metrics.DELIVERIES.labels(event_name, stage, "failed").inc()
        raise
    metrics.DELIVERIES.labels(event_name, stage, "delivered").inc()
