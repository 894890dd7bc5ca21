"""Reviews both ways under concurrency, on SQLite, PostgreSQL and MariaDB: the guest and the
host writing at the same moment both publish, once; two publication jobs at once publish each
review once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial
from typing import Any

import pytest
import sqlalchemy as sa

from rental.adapters.sqlalchemy import SqlUnitOfWork, make_engine, make_session_factory
from rental.application import commands as c
from rental.composition import Rental, bootstrap
from rental.domain.accounts.users import Role
from tests.contracts.builders import NOW, a_booking, a_listing, a_user, confirmed, save
from tests.fakes import FakeClock
from tests.integration.booking_race import Unpublished

# PostgreSQL takes the full 20 rounds; the others fewer, to keep `make test` short.
ROUNDS = {"postgresql": 20, "mysql": 5, "sqlite": 5}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def _app(database_url: str, clock: FakeClock) -> Rental:
    return bootstrap(database_url=database_url, event_publisher=Unpublished(), clock=clock)


@pytest.fixture
def scene(database_url: str, clock: FakeClock) -> Iterator[dict[str, Any]]:
    """As many ended stays as the database's rounds, by as many guests, five per listing."""
    engine = make_engine(database_url)
    session_factory = make_session_factory(engine)  # maps the classes: build after it
    rounds = ROUNDS[engine.dialect.name]
    host = a_user(Role.HOST)
    guests = [a_user() for _ in range(rounds)]
    listings = [a_listing(host) for _ in range(rounds // 5)]
    made = NOW - timedelta(days=10)
    stays = [
        confirmed(
            a_booking(listings[i // 5], guest, made.date() + timedelta(days=i % 5), 1, made), made
        )
        for i, guest in enumerate(guests)
    ]
    save(lambda: SqlUnitOfWork(session_factory), host, *guests, *listings, *stays)
    clock.set(made + timedelta(days=6))  # every stay is over, none by 14 days
    yield {"engine": engine, "host": host, "stays": stays}
    engine.dispose()


def _at_once(*calls: Callable[[], Any]) -> list[Any]:
    start = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        start.wait(timeout=30)
        try:
            return call()
        except Exception as error:  # reported to the test, which fails on it
            return error

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _count(engine: sa.Engine, sql: str, **params: Any) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text(sql), params).scalar_one())


def _published_events(engine: sa.Engine) -> int:
    return _count(engine, "SELECT count(*) FROM outbox WHERE event_name = 'ReviewPublished'")


def test_both_sides_writing_at_once_both_publish_once(
    database_url: str, clock: FakeClock, scene: dict[str, Any]
) -> None:
    app = _app(database_url, clock)
    host = c.Actor(scene["host"].id, "host")
    try:
        for stay in scene["stays"]:
            guest = c.Actor(stay.guest_id, "guest")
            by_guest = c.SubmitReview(actor=guest, booking_id=stay.id, rating=4)
            by_host = c.SubmitGuestReview(actor=host, booking_id=stay.id, rating=5)
            outcomes = _at_once(partial(app.handle, by_guest), partial(app.handle, by_host))
            assert [type(o).__name__ for o in outcomes] == ["Review", "Review"], outcomes
    finally:
        app.close()

    engine, rounds = scene["engine"], len(scene["stays"])
    assert _count(engine, "SELECT count(*) FROM reviews WHERE status = 'published'") == 2 * rounds
    assert _published_events(engine) == 2 * rounds
    assert _count(engine, "SELECT sum(review_count) FROM listings") == rounds


def test_two_publication_jobs_at_once_publish_each_review_once(
    database_url: str, clock: FakeClock, scene: dict[str, Any]
) -> None:
    first, second = _app(database_url, clock), _app(database_url, clock)  # two workers
    try:
        for stay in scene["stays"]:
            guest = c.Actor(stay.guest_id, "guest")
            first.handle(c.SubmitReview(actor=guest, booking_id=stay.id, rating=3))
        clock.advance(days=15)  # every stay's 14 days are over
        counts = _at_once(first.publish_reviews, second.publish_reviews)
        assert all(isinstance(n, int) for n in counts), counts
        assert sum(counts) == len(scene["stays"])
        assert _at_once(first.publish_reviews, second.publish_reviews) == [0, 0]
    finally:
        first.close()
        second.close()

    engine, rounds = scene["engine"], len(scene["stays"])
    assert _count(engine, "SELECT count(*) FROM reviews WHERE status = 'published'") == rounds
    assert _published_events(engine) == rounds
    assert _count(engine, "SELECT sum(review_count) FROM listings") == rounds
