"""The whole schema: users, listings, blocks, bookings, payments, reviews, idempotency keys,
revoked tokens and the outbox, with the indexes the read side needs.

On PostgreSQL an exclusion constraint refuses two live bookings of one listing that share a
night, whatever the application does.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

from rental.adapters.sqlalchemy.migrations.ddl import JSON, MONEY, TABLE_OPTIONS

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

LIVE = "status IN ('pending', 'confirmed')"


class UtcDateTime(sa.types.TypeDecorator[Any]):
    """The column type of rental.adapters.sqlalchemy.types, frozen for this migration."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> Any:
        if dialect.name == "mysql":
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(sa.DateTime(timezone=dialect.name == "postgresql"))


def _id() -> sa.Column[Any]:
    return sa.Column("id", sa.String(36), primary_key=True)


def _ref(table: str, name: str, target: str) -> sa.Column[Any]:
    foreign_key = sa.ForeignKey(target, name=f"fk_{table}_{name}")
    return sa.Column(name, sa.String(36), foreign_key, nullable=False)


def _stamps() -> list[sa.Column[Any]]:
    return [
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    ]


def _version() -> sa.Column[Any]:
    return sa.Column("version", sa.Integer, nullable=False)


def _table(name: str, *columns: Any) -> None:
    op.create_table(
        name, *columns, sa.PrimaryKeyConstraint("id", name=f"pk_{name}"), **TABLE_OPTIONS
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    pg, sqlite = dialect == "postgresql", dialect == "sqlite"
    quote = op.get_bind().dialect.identifier_preparer.quote_identifier
    partial = pg or sqlite  # partial and expression indexes

    def where(condition: str) -> dict[str, Any]:
        return {"postgresql_where": sa.text(condition), "sqlite_where": sa.text(condition)}

    _table(
        "users",
        _id(),
        sa.Column("username", sa.String(30), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("full_name", sa.String(200)),
        sa.Column("bio", sa.Text),
        *_stamps(),
        _version(),
        sa.UniqueConstraint("username", name="uq_users_username"),
        sa.UniqueConstraint("email", name="uq_users_email"),
    )
    _table(
        "listings",
        _id(),
        _ref("listings", "host_id", "users.id"),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("city", sa.String(200), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("price_per_night", MONEY, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("cleaning_fee", MONEY, nullable=False),
        sa.Column("weekly_discount_percent", sa.Integer, nullable=False),
        sa.Column("monthly_discount_percent", sa.Integer, nullable=False),
        sa.Column("max_guests", sa.Integer, nullable=False),
        sa.Column("min_nights", sa.Integer, nullable=False),
        sa.Column("max_nights", sa.Integer, nullable=False),
        sa.Column("instant_book", sa.Boolean, nullable=False),
        sa.Column("cancellation_policy", sa.String(16), nullable=False),
        sa.Column("amenities", JSON, nullable=False),
        sa.Column("rating_sum", sa.Integer, nullable=False),
        sa.Column("review_count", sa.Integer, nullable=False),
        sa.Column("rating_average", sa.Numeric(3, 2)),
        sa.Column("deleted_at", UtcDateTime()),
        *_stamps(),
        _version(),
    )
    active = where("deleted_at IS NULL")
    # City search: exact but case-insensitive; MariaDB's collation already ignores case.
    city = sa.text("lower(city)") if partial else "city"
    op.create_index("ix_listings_city_price", "listings", [city, "price_per_night", "id"], **active)
    op.create_index(
        "ix_listings_country_price", "listings", ["country", "price_per_night", "id"], **active
    )
    op.create_index("ix_listings_created_at", "listings", ["created_at", "id"], **active)
    op.create_index("ix_listings_host_id", "listings", ["host_id"])
    if pg:
        op.create_index(
            "ix_listings_amenities",
            "listings",
            ["amenities"],
            postgresql_using="gin",
            postgresql_ops={"amenities": "jsonb_path_ops"},
        )

    _table(
        "blocks",
        _id(),
        _ref("blocks", "listing_id", "listings.id"),
        sa.Column("start", sa.Date, nullable=False, quote=True),
        sa.Column("end", sa.Date, nullable=False, quote=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.CheckConstraint(f"{quote('end')} > {quote('start')}", name="ck_blocks_nights"),
    )
    op.create_index("ix_blocks_listing_id_end", "blocks", ["listing_id", "end"])

    _table(
        "bookings",
        _id(),
        _ref("bookings", "listing_id", "listings.id"),
        _ref("bookings", "guest_id", "users.id"),
        _ref("bookings", "host_id", "users.id"),
        sa.Column("check_in", sa.Date, nullable=False),
        sa.Column("check_out", sa.Date, nullable=False),
        sa.Column("guests", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("nightly_subtotal", MONEY, nullable=False),
        sa.Column("discount", MONEY, nullable=False),
        sa.Column("cleaning_fee", MONEY, nullable=False),
        sa.Column("service_fee", MONEY, nullable=False),
        sa.Column("total", MONEY, nullable=False),
        sa.Column("cancellation_policy", sa.String(16), nullable=False),
        sa.Column("instant_book", sa.Boolean, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("payment_authorized_at", UtcDateTime()),
        sa.Column("cancelled_by", sa.String(8)),
        sa.Column("refund_amount", MONEY),
        *_stamps(),
        _version(),
        sa.CheckConstraint("check_out > check_in", name="ck_bookings_nights"),
    )
    # The calendar of a listing: live bookings that end after a day (booking, search).
    if partial:
        op.create_index(
            "ix_bookings_listing_live",
            "bookings",
            ["listing_id", "check_out", "check_in"],
            **where(LIVE),
        )
    else:
        op.create_index(
            "ix_bookings_listing_live", "bookings", ["listing_id", "status", "check_out"]
        )
    op.create_index("ix_bookings_guest_id_check_in", "bookings", ["guest_id", "check_in"])
    op.create_index("ix_bookings_host_id_check_in", "bookings", ["host_id", "check_in"])
    op.create_index("ix_bookings_status_created_at", "bookings", ["status", "created_at"])
    op.create_index("ix_bookings_status_check_out", "bookings", ["status", "check_out"])
    if pg:
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(
            "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist "
            "(listing_id WITH =, daterange(check_in, check_out, '[)') WITH &&) "
            f"WHERE ({LIVE})"
        )

    _table(
        "payments",
        _id(),
        _ref("payments", "booking_id", "bookings.id"),
        _ref("payments", "payer_id", "users.id"),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("payment_method", sa.String(16), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("gateway_reference", sa.String(255)),
        sa.Column("refunded_amount", MONEY, nullable=False),
        sa.Column("failure_reason", sa.String(255)),
        *_stamps(),
        _version(),
    )
    op.create_index("ix_payments_booking_id_created_at", "payments", ["booking_id", "created_at"])

    _table(
        "reviews",
        _id(),
        _ref("reviews", "booking_id", "bookings.id"),
        _ref("reviews", "listing_id", "listings.id"),
        _ref("reviews", "author_id", "users.id"),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        _version(),
        sa.UniqueConstraint("booking_id", name="uq_reviews_booking_id"),
    )
    op.create_index("ix_reviews_listing_id_created_at", "reviews", ["listing_id", "created_at"])

    op.create_table(
        "idempotency_keys",
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("scope", sa.String(100), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("resource_id", sa.String(36), nullable=False),
        sa.Column("response", JSON, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "scope", "key", name="pk_idempotency_keys"),
        **TABLE_OPTIONS,
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])

    op.create_table(
        "revoked_tokens",
        sa.Column("jti", sa.String(64), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("jti", name="pk_revoked_tokens"),
        **TABLE_OPTIONS,
    )
    op.create_index("ix_revoked_tokens_expires_at", "revoked_tokens", ["expires_at"])

    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), autoincrement=True),
        sa.Column("event_name", sa.String(100), nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("published_at", UtcDateTime()),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        **TABLE_OPTIONS,
    )
    op.create_index("ix_outbox_published_at_id", "outbox", ["published_at", "id"])


def downgrade() -> None:
    for table in (
        "outbox",
        "revoked_tokens",
        "idempotency_keys",
        "reviews",
        "payments",
        "bookings",
        "blocks",
        "listings",
        "users",
    ):
        op.drop_table(table)
