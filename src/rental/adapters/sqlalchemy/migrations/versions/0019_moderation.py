"""Moderation: ``listings.suspended`` (an admin unlisted it; its host cannot list it again)
and ``reviews.hidden_at`` (an admin hid it: out of every list and average).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import UTC_DATETIME

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("listings") as listings:
        listings.add_column(
            sa.Column("suspended", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("reviews") as reviews:
        reviews.add_column(sa.Column("hidden_at", UTC_DATETIME))


def downgrade() -> None:
    with op.batch_alter_table("reviews") as reviews:
        reviews.drop_column("hidden_at")
    with op.batch_alter_table("listings") as listings:
        listings.drop_column("suspended")
