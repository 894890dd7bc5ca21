"""Moderation: ``listings.suspended`` (an admin unlisted it; its host cannot list it again)
and ``reviews.hidden_at`` (an admin hid it: out of every list and average).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import UTC_DATETIME

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    suspended: sa.Column[bool] = sa.Column(
        "suspended", sa.Boolean(), nullable=False, server_default=sa.false()
    )
    op.add_column("listings", suspended)
    op.add_column("reviews", sa.Column("hidden_at", UTC_DATETIME))


def downgrade() -> None:
    # Not a batch (a copy of the table on SQLite), which would lose the listings' and
    # reviews' indexes on expressions.
    op.drop_column("reviews", "hidden_at")
    op.drop_column("listings", "suspended")
