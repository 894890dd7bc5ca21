"""The span of a listing's rate overrides on the listing: ``rates_from`` (the first override's
start) and ``rates_until`` (the last one's end), both null when it has none, kept by the
calendar's writes. A dated search resolves nights one by one only for listings with a weekend
price or an override in that span; the others keep the ``(city, price_per_night)`` index.
``ix_listings_city_dated`` finds those few by city (PostgreSQL and SQLite, whose partial
indexes hold only them; MariaDB has none, and reads them from the city's rows).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

DATED = "deleted_at IS NULL AND (weekend_price IS NOT NULL OR rates_until IS NOT NULL)"


def upgrade() -> None:
    with op.batch_alter_table("listings") as batch:
        batch.add_column(sa.Column("rates_from", sa.Date()))
        batch.add_column(sa.Column("rates_until", sa.Date()))
    listings = sa.table(
        "listings", sa.column("id"), sa.column("rates_from"), sa.column("rates_until")
    )
    overrides = sa.table(
        "rate_overrides", sa.column("listing_id"), sa.column("start"), sa.column("end")
    )
    mine = overrides.c.listing_id == listings.c.id
    op.execute(
        listings.update().values(
            rates_from=sa.select(sa.func.min(overrides.c.start)).where(mine).scalar_subquery(),
            rates_until=sa.select(sa.func.max(overrides.c.end)).where(mine).scalar_subquery(),
        )
    )
    dialect = op.get_bind().dialect.name
    if dialect != "mysql":
        op.create_index(
            "ix_listings_city_dated",
            "listings",
            [sa.text("lower(city)"), "price_per_night"],
            postgresql_where=sa.text(DATED),
            sqlite_where=sa.text(DATED),
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "mysql":
        op.drop_index("ix_listings_city_dated", table_name="listings")
    # Not a batch: on SQLite a batch copies the table and drops the old one, which the other
    # tables' foreign keys to listings refuse (and it would lose the expression indexes).
    op.drop_column("listings", "rates_until")
    op.drop_column("listings", "rates_from")
