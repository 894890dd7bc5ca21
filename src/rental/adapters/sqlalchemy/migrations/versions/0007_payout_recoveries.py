"""Recovering refunds made after a payout: ``payout_recoveries`` (append-only; on PostgreSQL
a trigger refuses any UPDATE), each an amount deducted from one payout towards what its host
owes for another booking; ``payouts.deducted``, their sum per payout; and an index on the
ledger's host, whose balances per booking the payer and the payouts' reads sum.

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import ID, MYSQL, UTC_DATETIME

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "payouts", sa.Column("deducted", sa.BigInteger(), nullable=False, server_default="0")
    )
    op.create_table(
        "payout_recoveries",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("host_id", sa.String(ID), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("payout_id", sa.String(ID), nullable=False),
        sa.Column("booking_id", sa.String(ID), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payout_recoveries"),
        sa.ForeignKeyConstraint(["host_id"], ["users.id"], name="fk_payout_recoveries_host_id"),
        sa.ForeignKeyConstraint(
            ["payout_id"], ["payouts.id"], name="fk_payout_recoveries_payout_id"
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name="fk_payout_recoveries_booking_id"
        ),
        **MYSQL,
    )
    op.create_index("ix_payout_recoveries_host_id", "payout_recoveries", ["host_id", "currency"])
    op.create_index("ix_ledger_entries_host_id", "ledger_entries", ["host_id", "currency"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION payout_recoveries_append_only() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN RAISE EXCEPTION 'payout_recoveries is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER payout_recoveries_append_only BEFORE UPDATE ON payout_recoveries "
            "FOR EACH ROW EXECUTE FUNCTION payout_recoveries_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER payout_recoveries_append_only ON payout_recoveries")
        op.execute("DROP FUNCTION payout_recoveries_append_only()")
    if op.get_bind().dialect.name == "mysql":
        # MariaDB let its foreign key on host_id use our index: give it its own back first.
        op.create_index("fk_ledger_entries_host_id", "ledger_entries", ["host_id"])
    op.drop_index("ix_ledger_entries_host_id", table_name="ledger_entries")
    op.drop_table("payout_recoveries")
    op.drop_column("payouts", "deducted")
