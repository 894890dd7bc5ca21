"""The money's books: ``ledger_entries`` (append-only; on PostgreSQL a trigger refuses any
UPDATE), ``payouts`` (one per booking whose money was captured), ``provider_events`` (the
payment provider's webhook events already acted on), and an index on the payments' gateway
reference.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

from rental.adapters.sqlalchemy.migrations.ddl import ID, MONEY, MYSQL

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


class UtcDateTime(sa.types.TypeDecorator[Any]):
    """The column type of rental.adapters.sqlalchemy.types, frozen for this migration."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> Any:
        if dialect.name == "mysql":
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(sa.DateTime(timezone=dialect.name == "postgresql"))


def upgrade() -> None:
    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("booking_id", sa.String(ID), nullable=False),
        sa.Column("payment_id", sa.String(ID), nullable=False),
        sa.Column("host_id", sa.String(ID), nullable=False),
        sa.Column("account", sa.String(16), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_entries"),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name="fk_ledger_entries_booking_id"
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name="fk_ledger_entries_payment_id"
        ),
        sa.ForeignKeyConstraint(["host_id"], ["users.id"], name="fk_ledger_entries_host_id"),
        **MYSQL,
    )
    op.create_index("ix_ledger_entries_booking_id", "ledger_entries", ["booking_id"])
    op.create_table(
        "payouts",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("booking_id", sa.String(ID), nullable=False),
        sa.Column("host_id", sa.String(ID), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("due_at", UtcDateTime(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("amount", MONEY),
        sa.Column("reference", sa.String(255)),
        sa.Column("paid_at", UtcDateTime()),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payouts"),
        sa.UniqueConstraint("booking_id", name="uq_payouts_booking_id"),
        sa.ForeignKeyConstraint(["booking_id"], ["bookings.id"], name="fk_payouts_booking_id"),
        sa.ForeignKeyConstraint(["host_id"], ["users.id"], name="fk_payouts_host_id"),
        **MYSQL,
    )
    op.create_index("ix_payouts_status_due_at", "payouts", ["status", "due_at"])
    op.create_index("ix_payouts_host_id", "payouts", ["host_id"])
    op.create_table(
        "provider_events",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_provider_events"),
        **MYSQL,
    )
    # Webhooks and reconciliation find a payment by the provider's reference.
    op.create_index("ix_payments_gateway_reference", "payments", ["gateway_reference"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'ledger_entries is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE ON ledger_entries "
            "FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER ledger_entries_append_only ON ledger_entries")
        op.execute("DROP FUNCTION ledger_entries_append_only()")
    op.drop_index("ix_payments_gateway_reference", table_name="payments")
    op.drop_table("provider_events")
    op.drop_table("payouts")
    op.drop_table("ledger_entries")
