"""PostgreSQL's own guard: an exclusion constraint refuses two live bookings of one listing
that share a night, whatever the application does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from rental.adapters.sqlalchemy import make_engine
from rental.adapters.sqlalchemy import tables as t
from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import CancelledBy
from rental.domain.errors import DatesUnavailable
from tests.contracts.builders import NOW, UowFactory, a_booking, a_listing, a_user, save
from tests.databases import sql_uow_factory

pytestmark = pytest.mark.postgres
IN = NOW.date() + timedelta(days=10)


@pytest.fixture
def engine(postgres_url: str) -> Iterator[sa.Engine]:
    engine = make_engine(postgres_url)
    yield engine
    engine.dispose()


@pytest.fixture
def uow_factory(engine: sa.Engine) -> UowFactory:
    return sql_uow_factory(engine)


@pytest.fixture
def scene(uow_factory: UowFactory) -> dict[str, Any]:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    booking = a_booking(listing, guest, IN, 4)
    save(uow_factory, host, guest, listing, booking)
    return {"listing": listing, "guest": guest, "booking": booking}


def _row_like(engine: sa.Engine, booking_id: str, **changes: Any) -> None:
    """Copy a booking's row under a new id, behind the application's back."""
    with engine.begin() as connection:
        row = dict(connection.execute(
            sa.select(t.bookings).where(t.bookings.c.id == booking_id)
        ).mappings().one())  # fmt: skip
        connection.execute(sa.insert(t.bookings).values({**row, **changes}))


def test_an_overlapping_row_inserted_behind_the_application_is_refused(
    engine: sa.Engine, scene: dict[str, Any]
) -> None:
    with pytest.raises(sa.exc.IntegrityError, match="bookings_no_overlap"):
        _row_like(engine, scene["booking"].id, id="sneaky", check_in=IN + timedelta(days=3))


def test_adjacent_and_dead_rows_are_allowed(engine: sa.Engine, scene: dict[str, Any]) -> None:
    booking = scene["booking"]
    _row_like(engine, booking.id, id="adjacent", check_in=booking.check_out,
              check_out=booking.check_out + timedelta(days=2))  # fmt: skip
    _row_like(engine, booking.id, id="cancelled", status="cancelled")
    _row_like(engine, booking.id, id="expired", status="expired")


def test_a_bug_that_double_books_gets_dates_unavailable(
    uow_factory: UowFactory, scene: dict[str, Any]
) -> None:
    overlapping = a_booking(scene["listing"], scene["guest"], IN + timedelta(days=1), 2)
    with uow_factory() as uow, pytest.raises(DatesUnavailable):
        uow.bookings.add(overlapping)  # no calendar check: the database must refuse
        uow.commit()


def test_freeing_nights_and_rebooking_them_in_one_transaction_is_allowed(
    uow_factory: UowFactory, scene: dict[str, Any]
) -> None:
    """The application expires or cancels a booking and books its nights in one transaction:
    the UPDATE must reach the database before the INSERT."""
    again = a_booking(scene["listing"], scene["guest"], IN, 4)
    with uow_factory() as uow:
        uow.bookings.get(scene["booking"].id).cancel(CancelledBy.GUEST, NOW)
        uow.bookings.add(again)
        uow.commit()

    with uow_factory() as uow:
        live = uow.bookings.live_on_listing(scene["listing"].id, NOW.date())
    assert [b.id for b in live] == [again.id]
