"""Account deletion (issue 21): ``users.deleted_at``, set when the person closes the account.

Nothing existing changes meaning: every row so far has ``deleted_at`` null, a live account.
A deleted account's row stays (bookings, payments, ledger rows and reviews refer to it) with
its personal columns anonymised by the application, not by this migration.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import UTC_DATETIME

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("deleted_at", UTC_DATETIME, nullable=True))


def downgrade() -> None:
    # Not a batch (a copy of the table on SQLite), which would lose the index on lower(username).
    op.drop_column("users", "deleted_at")
