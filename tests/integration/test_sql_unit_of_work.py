"""What only the SQL unit of work does: stale versions, constraints as domain errors, the outbox."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import attrs
import pytest
import sqlalchemy as sa

from rental.adapters.sqlalchemy import make_engine
from rental.application.repositories import IdempotencyRecord
from rental.domain.accounts.users import Role
from rental.domain.calendar.stay import Stay
from rental.domain.errors import (
    AlreadyReviewed,
    ConcurrentUpdate,
    EmailTaken,
    ListingNotFound,
    UsernameTaken,
)
from tests.contracts.builders import (
    NOW,
    UowFactory,
    a_booking,
    a_listing,
    a_review,
    a_user,
    confirmed,
    new_id,
    save,
)
from tests.databases import DATABASE_PARAMS, sql_uow_factory

SERVER_PARAMS = DATABASE_PARAMS[1:]
FAR = date(2100, 1, 1)


@pytest.fixture
def engine(database_url: str) -> Iterator[sa.Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def uow_factory(engine: sa.Engine) -> UowFactory:
    return sql_uow_factory(engine)


@pytest.fixture(params=SERVER_PARAMS)
def server_uow_factory(request: pytest.FixtureRequest) -> Iterator[UowFactory]:
    """PostgreSQL and MariaDB only: SQLite serializes writers, so none ever goes stale."""
    engine = make_engine(request.getfixturevalue(request.param))
    yield sql_uow_factory(engine)
    engine.dispose()


def test_a_stale_version_is_a_concurrent_update(server_uow_factory: UowFactory) -> None:
    uow_factory = server_uow_factory
    host = a_user(Role.HOST)
    listing = a_listing(host)
    save(uow_factory, host, listing)

    with uow_factory() as first:
        stale = first.listings.get(listing.id)
        with uow_factory() as second:
            second.listings.get(listing.id).update(now=NOW, title="Second")
            second.commit()
        stale.update(now=NOW, title="First")
        with pytest.raises(ConcurrentUpdate):
            first.commit()


def test_unique_email_and_username_are_domain_errors(uow_factory: UowFactory) -> None:
    user = a_user()
    save(uow_factory, user)

    with pytest.raises(EmailTaken):
        save(uow_factory, a_user(email=user.email))
    with pytest.raises(UsernameTaken):
        save(uow_factory, a_user(username=user.username))
    # Behind the application's back too: the database holds usernames unique whatever the case.
    with pytest.raises(UsernameTaken):
        save(uow_factory, a_user(username=user.username.upper()))


def test_a_second_review_of_a_booking_is_already_reviewed(uow_factory: UowFactory) -> None:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    stay = confirmed(a_booking(listing, guest, NOW.date(), 1), NOW)
    save(uow_factory, host, guest, listing, stay)
    later = NOW.replace(day=NOW.day + 2)
    save(uow_factory, a_review(stay, 5, later))

    # A second first review of the stay lost a race: the bus retries it, and the guard then
    # finds the stay's review.
    with pytest.raises(ConcurrentUpdate):
        save(uow_factory, a_review(stay, 4, later))
    # Behind the aggregate's back, the database still holds one review per side.
    with uow_factory() as uow, pytest.raises(AlreadyReviewed):
        found = uow.reviews.for_booking(stay.id)
        assert found is not None
        found.reviews.append(attrs.evolve(found.reviews[0], id=new_id()))
        found.bump_version()
        uow.commit()


def test_a_duplicate_idempotency_key_is_a_concurrent_update(uow_factory: UowFactory) -> None:
    record = IdempotencyRecord(
        user_id="u", scope="s", key="k", fingerprint="f", outcome="created",
        resource_id="r", response={}, created_at=NOW,
    )  # fmt: skip
    with uow_factory() as uow:
        uow.idempotency.add(record)
        uow.commit()

    with uow_factory() as uow, pytest.raises(ConcurrentUpdate):
        uow.idempotency.add(record)
        uow.commit()


def test_events_are_written_to_the_outbox_with_the_change(
    uow_factory: UowFactory, engine: sa.Engine
) -> None:
    host = a_user(Role.HOST)
    listing = a_listing(host)
    with uow_factory() as uow:
        uow.users.add(host)
        uow.listings.add(listing)
        uow.commit()
    with uow_factory() as uow:  # rolled back: nothing written
        uow.listings.get(listing.id).update(now=NOW, title="Never")

    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT event_name, payload FROM outbox")).all()
    assert sorted(name for name, _ in rows) == ["ListingCreated", "UserRegistered"]
    payloads = {name: payload for name, payload in rows}
    created = payloads["ListingCreated"]
    created = created if isinstance(created, dict) else __import__("json").loads(created)
    assert created == {
        "occurred_at": NOW.isoformat(), "listing_id": listing.id, "host_id": host.id,
    }  # fmt: skip


@pytest.mark.postgres
def test_a_connection_whose_begin_went_with_the_booking_path_comes_back_transactional(
    postgres_url: str,
) -> None:
    """The booking path sends BEGIN in the string of its first statements, with psycopg in
    autocommit mode meanwhile; the pool must give the connection back as psycopg had it, or
    the next user's statements would each commit on their own."""
    engine = make_engine(postgres_url, pool_size=1, max_overflow=0)  # one connection, reused
    uow_factory = sql_uow_factory(engine)
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    save(uow_factory, host, guest, listing)
    stay = Stay(NOW.date(), NOW.date() + timedelta(days=2))
    with uow_factory() as uow:  # BEGIN with the lock and the reads; the INSERTs with COMMIT
        calendar = uow.calendars.lock(listing.id, stay, NOW)
        booking = calendar.request_booking(
            booking_id="b-1", guest_id=guest.id, stay=stay, guests=1, now=NOW
        )
        uow.commit()
    with uow_factory() as uow:  # BEGIN with the lock and the reads; rolled back
        entries = uow.calendars.lock(listing.id, stay, NOW).held.entries
        assert [e.holder_id for e in entries] == [booking.id]

    with engine.connect() as connection:
        connection.execute(sa.text("UPDATE listings SET title = 'Not kept'"))
        connection.rollback()
    with uow_factory() as uow:
        assert uow.listings.get(listing.id).title == listing.title
    engine.dispose()


@pytest.mark.parametrize(
    "listing_id", ["x'; DROP TABLE bookings; --", "o\\'hara", "%(id)s", "ünï\u2028cödé", 'a"b\\']
)
def test_ids_from_a_request_are_bound_not_spliced_into_the_booking_paths_sql(
    uow_factory: UowFactory, engine: sa.Engine, listing_id: str
) -> None:
    """The lock and the calendar reads go out as one string (on psycopg, its values quoted
    by the driver): an id that looks like SQL or like a placeholder is only an id."""
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    save(uow_factory, host, guest, listing, a_booking(listing, guest, NOW.date(), 2))
    stay = Stay(NOW.date(), NOW.date() + timedelta(days=400))
    with uow_factory() as uow, pytest.raises(ListingNotFound):
        uow.calendars.lock(listing_id, stay, NOW)

    with uow_factory() as uow:
        assert len(uow.calendars.lock(listing.id, stay, NOW).held.entries) == 1
