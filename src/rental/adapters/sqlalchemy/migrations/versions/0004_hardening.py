"""Hardening (issue 10): users' ``token_version`` and ``disabled_at``, so that a password
change or an admin disabling an account voids every token issued before; outbox
``consumed_at``, set once every consumer of the entry's event has acted (until then a
published entry may be published again); listings' ``max_advance_days``, the booking
horizon (730 days unless the host sets it, at most 1,095).

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import UTC_DATETIME

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None


# Plain ADD/DROP COLUMN, not batch mode: SQLite (3.35+) does both in place, while a batch
# rebuild of ``users`` would lose 0003's expression index on lower(username).
def upgrade() -> None:
    op.add_column(
        "users", sa.Column("token_version", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("users", sa.Column("disabled_at", UTC_DATETIME, nullable=True))
    op.add_column("outbox", sa.Column("consumed_at", UTC_DATETIME, nullable=True))
    op.add_column(
        "listings",
        sa.Column("max_advance_days", sa.Integer(), nullable=False, server_default="730"),
    )
    op.create_index("ix_outbox_unconsumed", "outbox", ["consumed_at", "published_at"])


def downgrade() -> None:
    op.drop_column("listings", "max_advance_days")
    op.drop_index("ix_outbox_unconsumed", table_name="outbox")
    op.drop_column("outbox", "consumed_at")
    op.drop_column("users", "disabled_at")
    op.drop_column("users", "token_version")
