"""The outbox relay: an event that cannot be delivered holds up no other, and a sink that is
down for everything stops the pass early."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rental.adapters.memory import MemoryOutbox, MemoryStore
from rental.application.delivery import OutboxEntry
from rental.application.relay import FAILURES_PER_PASS, OutboxRelay
from rental.domain.events import ListingCreated
from tests.fakes import FakeClock

NOW = datetime(2030, 1, 1, 12, tzinfo=UTC)


def outbox_with(count: int) -> MemoryOutbox:
    store = MemoryStore()
    store.data.outbox.extend(
        ListingCreated(occurred_at=NOW, listing_id=f"l{n}", host_id="h") for n in range(count)
    )
    return MemoryOutbox(store)


def test_a_poison_event_is_postponed_and_the_others_go_on() -> None:
    seen: list[int] = []

    def sink(entry: OutboxEntry) -> None:
        seen.append(entry.id)
        if entry.id == 1:
            raise RuntimeError("cannot be delivered")

    relay = OutboxRelay(outbox_with(4), sink, FakeClock(NOW))
    assert relay.run_once(NOW) == 3
    assert seen == [1, 2, 3, 4]
    assert relay.run_once(NOW) == 0, "the failed one waits for its backoff"
    assert relay.run_once(NOW + timedelta(seconds=2)) == 0
    assert seen[-1] == 1, "then it is tried again, alone"


def test_a_sink_down_for_everything_stops_the_pass_and_loses_nothing() -> None:
    down = True
    seen: list[int] = []

    def sink(entry: OutboxEntry) -> None:
        seen.append(entry.id)
        if down:
            raise ConnectionError("broker down")

    relay = OutboxRelay(outbox_with(10), sink, FakeClock(NOW))
    assert relay.run_once(NOW) == 0
    assert seen == list(range(1, FAILURES_PER_PASS + 1))
    down = False
    assert relay.run_once(NOW) == 0, "the untried ones wait too"
    assert relay.run_once(NOW + timedelta(seconds=2)) == 10
