"""Limits against abuse: an index on payments by payer and time, which counting a user's
failed payment attempts within the hour reads on every payment (PostgreSQL and SQLite;
MariaDB's foreign-key index on payer_id serves it).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # MariaDB already indexes payer_id for its foreign key, and would then need this index for
    # that key, so that a downgrade could not drop it.
    if op.get_bind().dialect.name != "mysql":
        op.create_index("ix_payments_payer_id_created_at", "payments", ["payer_id", "created_at"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "mysql":
        op.drop_index("ix_payments_payer_id_created_at", table_name="payments")
