"""Reviews written before reviews went both ways migrate as the guests' reviews, published,
on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from rental.adapters.sqlalchemy import (
    SqlReadModel,
    SqlUnitOfWork,
    make_engine,
    make_session_factory,
)
from rental.adapters.sqlalchemy.migrations import downgrade, upgrade
from rental.application.queries import PageRequest
from rental.domain.accounts.users import Role
from tests.contracts.builders import NOW, a_booking, a_listing, a_review, a_user, confirmed, save


def test_a_review_from_before_migrates_published_with_its_stay(database_url: str) -> None:
    engine = make_engine(database_url)
    session_factory = make_session_factory(engine)
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    made = NOW - timedelta(days=5)
    booking = confirmed(a_booking(listing, guest, made.date() + timedelta(days=1), 1, made), made)
    stay = a_review(booking, 4, NOW)
    save(lambda: SqlUnitOfWork(session_factory), host, guest, listing, booking, stay)
    engine.dispose()

    downgrade(database_url, "0012")  # the review as it was stored before
    upgrade(database_url)

    engine = make_engine(database_url)
    with engine.connect() as connection:
        row = connection.execute(
            sa.text("SELECT side, subject_id, status, published_at, created_at FROM reviews")
        ).one()
        versions = connection.execute(sa.text("SELECT booking_id FROM stay_reviews")).all()
    assert (row.side, row.subject_id, row.status) == ("guest", host.id, "published")
    assert row.published_at == row.created_at
    assert [v.booking_id for v in versions] == [booking.id]
    page = SqlReadModel(engine).listing_reviews(listing.id, PageRequest(), NOW)
    assert page.total == 1
    engine.dispose()
