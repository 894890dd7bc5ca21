"""Listings' photos: ``photos``, each in its place on one listing, with its status, the media
key of its upload until the worker has made its variants, and the variants' keys.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql, postgresql

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

MYSQL: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_unicode_ci",
}
ID = 36
# Frozen copies of rental.adapters.sqlalchemy.types' DDL for this migration.
UTC_DATETIME = sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql")
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "photos",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("listing_id", sa.String(ID), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(250), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("original_key", sa.String(255)),
        sa.Column("variants", JSON),
        sa.Column("failure_reason", sa.String(500)),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_photos"),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"], name="fk_photos_listing_id"),
        **MYSQL,
    )
    # A listing's album, and the covers of a search page, are read by listing in order.
    op.create_index("ix_photos_listing_id", "photos", ["listing_id", "position"])


def downgrade() -> None:
    op.drop_table("photos")  # its index with it (MariaDB's foreign key needs it until then)
