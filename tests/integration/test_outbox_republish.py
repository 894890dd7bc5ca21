"""An outbox entry is done only when every consumer of its event has acted: an entry the
broker accepted and then lost (a Redis that keeps nothing on disk) is published again after
the grace period, and the ledger makes that second delivery act once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from rental.adapters.sqlalchemy import make_engine
from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.outbox import SqlConsumerLedger, SqlOutbox
from rental.application.delivery import Consumer, EventDispatcher, OutboxEntry
from rental.application.relay import REPUBLISH_AFTER, OutboxRelay
from rental.domain.events import BookingRequested, UserRegistered
from tests.fakes import FakeClock

START = datetime(2031, 1, 1, 12, 0, tzinfo=UTC)
CONSUMERS = frozenset({"email-guest", "email-host"})


@pytest.fixture(params=["sqlite_url", pytest.param("postgres_url", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> Iterator[sa.Engine]:
    url: str = request.getfixturevalue(request.param)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def test_a_lost_entry_is_published_again_until_every_consumer_has_acted(
    engine: sa.Engine,
) -> None:
    with engine.begin() as connection:
        connection.execute(
            sa.insert(t.outbox).values(
                event_name="BookingRequested", payload={}, occurred_at=START, created_at=START
            )
        )
    ledger = SqlConsumerLedger(engine)
    sent: list[OutboxEntry] = []
    relay = OutboxRelay(
        SqlOutbox(engine), sent.append, FakeClock(START), consumers_of=lambda _: CONSUMERS
    )
    assert relay.run_once(START) == 1  # the broker took it... and lost it
    assert relay.run_once(START + REPUBLISH_AFTER / 2) == 0  # within the grace period
    with ledger.once(sent[0].id, "email-guest") as first:
        assert first  # one consumer acted, the other never got it

    assert relay.run_once(START + REPUBLISH_AFTER + timedelta(seconds=1)) == 1
    assert [entry.id for entry in sent] == [sent[0].id, sent[0].id]
    with ledger.once(sent[0].id, "email-guest") as first:
        assert not first  # the redelivery does not act twice where it already did
    with ledger.once(sent[0].id, "email-host") as first:
        assert first

    later = START + 3 * REPUBLISH_AFTER
    assert relay.run_once(later) == 0
    assert relay.run_once(later + 3 * REPUBLISH_AFTER) == 0
    assert len(sent) == 2
    with engine.connect() as connection:
        assert connection.execute(sa.select(t.outbox.c.consumed_at)).scalar_one() is not None


def test_the_relay_without_a_broker_never_looks_back(engine: sa.Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            sa.insert(t.outbox).values(
                event_name="BookingRequested", payload={}, occurred_at=START, created_at=START
            )
        )
    sent: list[OutboxEntry] = []
    relay = OutboxRelay(SqlOutbox(engine), sent.append, FakeClock(START))  # in process
    assert relay.run_once(START) == 1
    assert relay.run_once(START + 5 * REPUBLISH_AFTER) == 0


def test_the_consumers_an_entry_waits_for_are_those_in_the_ledger() -> None:
    def nothing(_event: object) -> None:
        return None

    dispatcher = EventDispatcher(
        [
            Consumer("email-guest", (BookingRequested,), nothing),
            Consumer("email-host", (BookingRequested, UserRegistered), nothing),
            Consumer("cache", (BookingRequested,), nothing, once=False),  # idempotent
        ],
        ledger=None,  # type: ignore[arg-type]
    )
    assert dispatcher.consumers_of("BookingRequested") == CONSUMERS
    assert dispatcher.consumers_of("UserRegistered") == frozenset({"email-host"})
    assert dispatcher.consumers_of("NoSuchEvent") == frozenset()
