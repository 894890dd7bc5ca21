"""Listings' photos: ``photos``, each in its place on one listing, with its status, the media
key of its upload until the worker has made its variants, and the variants' keys.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import ID, JSON, MYSQL, UTC_DATETIME

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


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
