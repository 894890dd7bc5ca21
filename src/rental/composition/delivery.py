"""Assembles how committed events travel: with Redis, or embedded without it.

With ``redis_url``: a request's process invalidates the cache at once and leaves its events in
the outbox; ``rental worker``'s relay sends them to Dramatiq, whose actor runs the consumers.
Without: after each commit, the relay runs the consumers in this process. Consumers and their
once-per-entry ledger are the same in both modes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from attrs import define

from rental.adapters.system import SystemClock
from rental.application.consumers.notifications import Notifications
from rental.application.delivery import Consumer, ConsumerLedger, EventDispatcher, Outbox
from rental.application.messagebus import Publishers
from rental.application.ports import EventPublisher, Notifier
from rental.application.queries import ReadModel
from rental.application.relay import OutboxRelay, RelayAfterCommit

if TYPE_CHECKING:
    from rental.adapters.redis.broker import EventQueue


@define
class EventDelivery:
    """What moves this ``Rental``'s events: the relay, the consumers, and (with Redis) the
    Dramatiq queue and the cache. ``read_model`` is the cached one when there is a cache."""

    relay: OutboxRelay
    outbox: Outbox
    dispatcher: EventDispatcher
    publisher: EventPublisher
    read_model: ReadModel
    queue: EventQueue | None = None
    close: Callable[[], None] = lambda: None


def event_delivery(
    *,
    outbox: Outbox,
    ledger: ConsumerLedger,
    read_model: ReadModel,
    notifier: Notifier,
    in_process: EventPublisher,
    redis_url: str | None = None,
    redis_namespace: str = "rental",
    admin_email: str | None = None,
    consumers_beside: Sequence[Consumer] = (),
) -> EventDelivery:
    """Build the delivery of events; ``in_process`` publishes to handlers given to bootstrap;
    the emails meant for the marketplace's staff go to ``admin_email``."""
    from rental.adapters.telemetry.traced import traced_dispatch, traced_sink

    consumers = [*Notifications(read_model, notifier, admin_email).consumers(), *consumers_beside]
    if not redis_url:
        dispatcher = EventDispatcher(consumers, ledger)
        relay = OutboxRelay(outbox, traced_sink(dispatcher.dispatch_entry), SystemClock())
        publisher = Publishers([in_process, RelayAfterCommit(relay)])
        return EventDelivery(relay, outbox, dispatcher, publisher, read_model)

    import redis

    from rental.adapters.redis.broker import EventQueue
    from rental.adapters.redis.cache import CachedReadModel, CacheInvalidation, ListingCache

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=1)
    cache = ListingCache(client, redis_namespace)
    invalidation = CacheInvalidation(cache)
    dispatcher = EventDispatcher([*consumers, invalidation.consumer()], ledger)
    queue = EventQueue(
        redis_url, namespace=redis_namespace, dispatch=traced_dispatch(dispatcher.dispatch)
    )
    relay = OutboxRelay(
        outbox, traced_sink(queue.send), SystemClock(), consumers_of=dispatcher.consumers_of
    )

    def close() -> None:
        queue.close()
        client.close()

    return EventDelivery(
        relay=relay,
        outbox=outbox,
        dispatcher=dispatcher,
        publisher=Publishers([invalidation, in_process]),
        read_model=CachedReadModel(read_model, cache),
        queue=queue,
        close=close,
    )
