"""Listings that had rate overrides before 0018 get the span of them on their row, so that the
dated search reads their overrides, on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from rental.adapters.sqlalchemy import SqlUnitOfWork, make_engine, make_session_factory, tables
from rental.adapters.sqlalchemy.migrations import downgrade, upgrade
from rental.domain.accounts.users import Role
from tests.contracts.builders import a_listing, a_user, save


def test_the_span_of_existing_overrides_is_written_on_their_listing(database_url: str) -> None:
    engine = make_engine(database_url)
    session_factory = make_session_factory(engine)  # maps the domain's classes
    host = a_user(Role.HOST)
    priced, plain = a_listing(host), a_listing(host)
    save(lambda: SqlUnitOfWork(session_factory), host, priced, plain)
    engine.dispose()

    downgrade(database_url, "0017")
    engine = make_engine(database_url)
    overrides = sa.table(
        "rate_overrides",
        *(
            sa.column(name)
            for name in (
                "listing_id",
                "start",
                "end",
                "price",
                "closed_to_arrival",
                "closed_to_departure",
            )
        ),
    )
    with engine.begin() as connection:
        connection.execute(
            overrides.insert(),
            [
                {
                    "listing_id": priced.id,
                    "start": date(2031, 7, 1),
                    "end": date(2031, 9, 1),
                    "price": 20000,
                    "closed_to_arrival": False,
                    "closed_to_departure": False,
                },
                {
                    "listing_id": priced.id,
                    "start": date(2031, 5, 3),
                    "end": date(2031, 5, 4),
                    "price": None,
                    "closed_to_arrival": True,
                    "closed_to_departure": False,
                },
            ],
        )
    engine.dispose()
    upgrade(database_url)

    engine = make_engine(database_url)
    L = tables.listings.c
    with engine.connect() as connection:
        rows = connection.execute(sa.select(L.id, L.rates_from, L.rates_until)).all()
    spans = {row.id: (row.rates_from, row.rates_until) for row in rows}
    engine.dispose()
    assert spans == {priced.id: (date(2031, 5, 3), date(2031, 9, 1)), plain.id: (None, None)}
