"""Limits against abuse: an index on payments by payer and time, which counting a user's
failed payment attempts within the hour reads on every payment; ``listings.unlisted_at``,
set when the listing's host is disabled (out of search, no new booking).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The DDL of rental.adapters.sqlalchemy.types.UtcDateTime, frozen for this migration.
UTC_DATETIME = sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql")


def upgrade() -> None:
    op.create_index("ix_payments_payer_id_created_at", "payments", ["payer_id", "created_at"])
    op.add_column("listings", sa.Column("unlisted_at", UTC_DATETIME, nullable=True))


def downgrade() -> None:
    op.drop_column("listings", "unlisted_at")
    op.drop_index("ix_payments_payer_id_created_at", table_name="payments")
