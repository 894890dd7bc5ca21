"""Wishlists: ``wishlists`` (a user's named lists, with the hash of the share token in force)
and ``wishlist_items`` (one row per listing saved to a list, keyed by both).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-08
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

MYSQL: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_unicode_ci",
}
ID = 36
# A frozen copy of rental.adapters.sqlalchemy.types' DDL for this migration.
UTC_DATETIME = sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql")


def upgrade() -> None:
    op.create_table(
        "wishlists",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("owner_id", sa.String(ID), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("share_token_hash", sa.String(64)),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_wishlists"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name="fk_wishlists_owner_id"),
        **MYSQL,
    )
    # A user's lists, newest first (and the foreign key's index on MariaDB).
    op.create_index("ix_wishlists_owner_id", "wishlists", ["owner_id", "created_at", "id"])
    op.create_table(
        "wishlist_items",
        sa.Column("wishlist_id", sa.String(ID), nullable=False),
        sa.Column("listing_id", sa.String(ID), nullable=False),
        sa.Column("added_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("wishlist_id", "listing_id", name="pk_wishlist_items"),
        sa.ForeignKeyConstraint(
            ["wishlist_id"], ["wishlists.id"], name="fk_wishlist_items_wishlist_id"
        ),
        sa.ForeignKeyConstraint(
            ["listing_id"], ["listings.id"], name="fk_wishlist_items_listing_id"
        ),
        **MYSQL,
    )
    # A list's page, newest saved first; and a listing's rows (its foreign key).
    op.create_index(
        "ix_wishlist_items_wishlist_id_added_at",
        "wishlist_items",
        ["wishlist_id", "added_at", "listing_id"],
    )
    op.create_index("ix_wishlist_items_listing_id", "wishlist_items", ["listing_id"])


def downgrade() -> None:
    op.drop_table("wishlist_items")  # their indexes with them
    op.drop_table("wishlists")
