"""Prometheus metrics of ``rental`` (``prometheus-client``).

Counters and histograms are process-wide. Under gunicorn each worker is a process: ``rental
serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` before any worker starts, the values go to files there,
and ``/metrics`` adds them up (``MultiProcessCollector``). prometheus-client picks its storage
when it is first imported, so nothing imports this module before ``rental serve`` has set the
directory: the composition root and the entrypoints import it inside functions.

Gauges that a query answers (the outbox backlog, the Dramatiq queues) are read when scraped, by
``ScrapeTimeCollector``, so that N processes do not report N copies of one number.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from attrs import frozen
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from rental.adapters.telemetry import MULTIPROCESS_DIR
from rental.domain import events as e

HTTP_REQUESTS = Counter(
    "rental_http_requests",
    "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
)
HTTP_DURATION = Histogram(
    "rental_http_request_duration_seconds",
    "Time to answer an HTTP request, in seconds.",
    ["route", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
BOOKINGS = Counter(
    "rental_bookings", "Booking events committed by this process, by what happened.", ["event"]
)
PAYMENTS = Counter(
    "rental_payments",
    "Payment events committed by this process, by the payment's new status.",
    ["status"],
)
DELIVERIES = Counter(
    "rental_event_deliveries",
    "Outbox entries handed on (relay) or consumed (worker), by event name, stage and outcome.",
    ["event", "stage", "outcome"],
)
DB_POOL_IN_USE = Gauge(
    "rental_db_pool_connections_in_use",
    "Database connections checked out of the pools.",
    ["database"],
    multiprocess_mode="livesum",
)
DB_POOL_CAPACITY = Gauge(
    "rental_db_pool_capacity",
    "Connections the pools may open (size + overflow).",
    ["database"],
    multiprocess_mode="livesum",
)

_BOOKING_EVENTS: Mapping[type[e.Event], str] = {
    e.BookingRequested: "requested",
    e.BookingConfirmed: "confirmed",
    e.BookingDeclined: "declined",
    e.BookingCancelled: "cancelled",
    e.BookingExpired: "expired",
    e.BookingCompleted: "completed",
}
_PAYMENT_EVENTS: Mapping[type[e.Event], str] = {
    e.PaymentAuthorized: "authorized",
    e.PaymentCaptured: "captured",
    e.PaymentFailed: "failed",
    e.PaymentVoided: "voided",
    e.PaymentRefunded: "refunded",
}


class EventCounter:
    """An ``EventPublisher`` that counts committed booking and payment events."""

    def publish(self, events: Sequence[e.Event]) -> None:
        for event in events:
            if (what := _BOOKING_EVENTS.get(type(event))) is not None:
                BOOKINGS.labels(what).inc()
            elif (status := _PAYMENT_EVENTS.get(type(event))) is not None:
                PAYMENTS.labels(status).inc()


@frozen
class OutboxBacklog:
    """Undelivered outbox entries, and when the oldest one that is due became due."""

    entries: int
    oldest_due_since: datetime | None


@frozen
class Probes:
    """What a scrape asks storage and the broker; ``None``: not in this deployment."""

    outbox_backlog: Callable[[datetime], OutboxBacklog] | None = None
    queue_lengths: Callable[[], Mapping[str, int]] | None = None
    dead_letters: Callable[[], int] | None = None


class ScrapeTimeCollector(Collector):
    """Asks the ``probes`` at each scrape; a probe that fails leaves its metric out (and
    ``rental_probe_up`` at 0) instead of failing the scrape."""

    def __init__(self, probes: Probes, clock: Callable[[], datetime] | None = None) -> None:
        self._probes = probes
        self._clock = clock or (lambda: datetime.now(UTC))

    def collect(self) -> Iterable[Metric]:
        up = GaugeMetricFamily("rental_probe_up", "1 when the probe answered.", labels=["probe"])
        probes = self._probes
        if probes.outbox_backlog is not None:
            yield from self._outbox(probes.outbox_backlog, up)
        if probes.queue_lengths is not None:
            lengths = _asked(probes.queue_lengths, "dramatiq_queues", up)
            if lengths is not None:
                family = GaugeMetricFamily(
                    "rental_dramatiq_queue_length",
                    "Messages waiting in each Dramatiq queue.",
                    labels=["queue"],
                )
                for queue, length in sorted(lengths.items()):
                    family.add_metric([queue], length)
                yield family
        if probes.dead_letters is not None:
            dead = _asked(probes.dead_letters, "dramatiq_dead_letters", up)
            if dead is not None:
                yield GaugeMetricFamily(
                    "rental_dramatiq_dead_letters", "Messages in the dead-letter queue.", dead
                )
        yield up

    def _outbox(
        self, probe: Callable[[datetime], OutboxBacklog], up: GaugeMetricFamily
    ) -> Iterator[Metric]:
        now = self._clock()
        backlog = _asked(lambda: probe(now), "outbox", up)
        if backlog is None:
            return
        yield GaugeMetricFamily(
            "rental_outbox_backlog", "Outbox entries not delivered yet.", backlog.entries
        )
        since = backlog.oldest_due_since
        age = 0.0 if since is None else max(0.0, (now - since).total_seconds())
        yield GaugeMetricFamily(
            "rental_outbox_oldest_due_age_seconds",
            "How long the oldest due outbox entry has waited (0 when none is due).",
            age,
        )


def _asked(probe: Callable[[], Any], name: str, up: GaugeMetricFamily) -> Any:
    try:
        answer = probe()
    except Exception:  # a scrape must not fail because the database or Redis is away
        up.add_metric([name], 0)
        return None
    up.add_metric([name], 1)
    return answer


def watch_pool(engine: Any, database: str) -> None:
    """Count ``engine``'s checked-out connections in ``rental_db_pool_connections_in_use``."""
    from sqlalchemy import event

    pool = engine.pool
    capacity = getattr(pool, "size", lambda: 0)() + max(0, getattr(pool, "_max_overflow", 0))
    DB_POOL_CAPACITY.labels(database).inc(capacity)
    in_use = DB_POOL_IN_USE.labels(database)
    event.listen(engine, "checkout", lambda *_: in_use.inc())
    event.listen(engine, "checkin", lambda *_: in_use.dec())


def registry(probes: Probes | None = None) -> CollectorRegistry:
    """This process's metrics, or every gunicorn worker's in multiprocess mode, and the
    scrape-time gauges of ``probes``."""
    scraped = CollectorRegistry(auto_describe=True)
    if os.environ.get(MULTIPROCESS_DIR):
        MultiProcessCollector(scraped)  # type: ignore[no-untyped-call]
    else:
        scraped.register(_ProcessMetrics())
    if probes is not None:
        scraped.register(ScrapeTimeCollector(probes))
    return scraped


class _ProcessMetrics(Collector):
    """The default registry (this process), inside another registry."""

    def collect(self) -> Iterable[Metric]:
        return REGISTRY.collect()


def exposition(probes: Probes | None = None) -> tuple[bytes, str]:
    """The text exposition format and its content type."""
    return generate_latest(registry(probes)), CONTENT_TYPE_LATEST


def mark_process_dead(pid: int) -> None:
    """Gunicorn's ``child_exit`` hook: drop a dead worker's live gauges."""
    if os.environ.get(MULTIPROCESS_DIR):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
