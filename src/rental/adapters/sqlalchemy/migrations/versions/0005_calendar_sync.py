"""Channel sync by iCal: each listing's export feed (its secret token), the calendars
imported into listings, and on ``blocks`` where a block came from (``source``: ``host`` or
``import:<id>``) with the keys that match it to the imported feed's event.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

from rental.adapters.sqlalchemy.migrations.ddl import JSON, TABLE_OPTIONS

revision = "0005"
down_revision = "0003"
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
    with op.batch_alter_table("blocks") as blocks:
        blocks.add_column(sa.Column("source", sa.String(64), nullable=False, server_default="host"))
        blocks.add_column(sa.Column("import_key", sa.String(255)))
        blocks.add_column(sa.Column("fingerprint", sa.String(64)))
        blocks.add_column(sa.Column("modified_at", UtcDateTime()))
    op.create_table(
        "calendar_feeds",
        sa.Column(
            "listing_id",
            sa.String(36),
            sa.ForeignKey("listings.id", name="fk_calendar_feeds_listing_id"),
            primary_key=True,
        ),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("rotated_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("listing_id", name="pk_calendar_feeds"),
        **TABLE_OPTIONS,
    )
    op.create_table(
        "calendar_imports",
        sa.Column("id", sa.String(36)),
        sa.Column(
            "listing_id",
            sa.String(36),
            sa.ForeignKey("listings.id", name="fk_calendar_imports_listing_id"),
            nullable=False,
        ),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("last_attempt_at", UtcDateTime()),
        sa.Column("last_synced_at", UtcDateTime()),
        sa.Column("last_error", sa.String(500)),
        sa.Column("etag", sa.String(255)),
        sa.Column("last_modified", sa.String(64)),
        sa.Column("conflicts", JSON, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_calendar_imports"),
        **TABLE_OPTIONS,
    )
    op.create_index("ix_calendar_imports_listing_id", "calendar_imports", ["listing_id"])
    op.create_index("ix_calendar_imports_last_attempt_at", "calendar_imports", ["last_attempt_at"])


def downgrade() -> None:
    op.drop_table("calendar_imports")  # with its indexes (MariaDB refuses to drop the FK's first)
    op.drop_table("calendar_feeds")
    with op.batch_alter_table("blocks") as blocks:
        blocks.drop_column("modified_at")
        blocks.drop_column("fingerprint")
        blocks.drop_column("import_key")
        blocks.drop_column("source")
