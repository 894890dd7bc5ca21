"""Prices and rules by date: ``rate_overrides`` (a listing's overrides as date ranges that
never overlap, keyed by listing and start); on listings ``weekend_price``,
``extra_guest_fee``, ``guests_included`` and ``taxes``; on bookings the rest of the price
they were made at (``extra_guest_fees``, ``nightly``, ``taxes``).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import ID, JSON, MYSQL

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _empty_list() -> Any:
    if op.get_bind().dialect.name == "postgresql":
        return sa.text("'[]'::jsonb")
    return sa.text("'[]'")


def upgrade() -> None:
    with op.batch_alter_table("listings") as listings:
        listings.add_column(sa.Column("weekend_price", sa.BigInteger()))
        listings.add_column(
            sa.Column("extra_guest_fee", sa.BigInteger(), nullable=False, server_default="0")
        )
        listings.add_column(sa.Column("guests_included", sa.Integer()))
        listings.add_column(sa.Column("taxes", JSON, nullable=False, server_default=_empty_list()))
    with op.batch_alter_table("bookings") as bookings:
        bookings.add_column(
            sa.Column("extra_guest_fees", sa.BigInteger(), nullable=False, server_default="0")
        )
        bookings.add_column(
            sa.Column("nightly", JSON, nullable=False, server_default=_empty_list())
        )
        bookings.add_column(sa.Column("taxes", JSON, nullable=False, server_default=_empty_list()))
    op.create_table(
        "rate_overrides",
        sa.Column("listing_id", sa.String(ID), nullable=False),
        sa.Column("start", sa.Date(), nullable=False, quote=True),
        sa.Column("end", sa.Date(), nullable=False, quote=True),
        sa.Column("price", sa.BigInteger()),
        sa.Column("min_nights", sa.Integer()),
        sa.Column("closed_to_arrival", sa.Boolean(), nullable=False),
        sa.Column("closed_to_departure", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("listing_id", "start", name="pk_rate_overrides"),
        sa.ForeignKeyConstraint(
            ["listing_id"], ["listings.id"], name="fk_rate_overrides_listing_id"
        ),
        **MYSQL,
    )


def downgrade() -> None:
    op.drop_table("rate_overrides")
    with op.batch_alter_table("bookings") as bookings:
        for name in ("taxes", "nightly", "extra_guest_fees"):
            bookings.drop_column(name)
    with op.batch_alter_table("listings") as listings:
        for name in ("taxes", "guests_included", "extra_guest_fee", "weekend_price"):
            listings.drop_column(name)
