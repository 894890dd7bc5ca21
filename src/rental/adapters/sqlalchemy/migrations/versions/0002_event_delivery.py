"""Event delivery: the outbox's ``next_attempt_at`` (a relay's claim, or a retry's delay) and
``processed_events``, the ledger that makes a redelivered event act once per consumer.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0002"
down_revision = "0001"
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
    with op.batch_alter_table("outbox") as outbox:
        outbox.add_column(sa.Column("next_attempt_at", UtcDateTime()))
    op.create_table(
        "processed_events",
        sa.Column(
            "outbox_id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), autoincrement=False
        ),
        sa.Column("consumer", sa.String(100)),
        sa.Column("processed_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("outbox_id", "consumer", name="pk_processed_events"),
        mysql_engine="InnoDB",
        mysql_charset="utf8mb4",
        mysql_collate="utf8mb4_unicode_ci",
    )


def downgrade() -> None:
    op.drop_table("processed_events")
    with op.batch_alter_table("outbox") as outbox:
        outbox.drop_column("next_attempt_at")
