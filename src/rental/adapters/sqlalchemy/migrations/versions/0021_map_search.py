"""The map search: a B-tree index on listings' ``(latitude, longitude)``, which a box's or a
circle's latitude range bounds on every database (``rental.adapters.sqlalchemy.geo``).
PostgreSQL and SQLite index only live listings with coordinates; MariaDB has no partial
indexes and indexes every row. MariaDB's coordinates become ``DOUBLE``: its ``FLOAT`` is
single precision (about half a metre off at Lisbon), so a listing on a box's edge fell on
either side of it (PostgreSQL's ``FLOAT`` and SQLite's ``REAL`` are double already).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

LIVE_WITH_COORDINATES = "deleted_at IS NULL AND latitude IS NOT NULL"


COORDINATES = ("latitude", "longitude")


def upgrade() -> None:
    if op.get_bind().dialect.name == "mysql":
        for name in COORDINATES:
            op.alter_column("listings", name, type_=mysql.DOUBLE(), existing_nullable=True)
    where = sa.text(LIVE_WITH_COORDINATES)
    op.create_index(
        "ix_listings_latitude_longitude", "listings", ["latitude", "longitude"],
        postgresql_where=where, sqlite_where=where,
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_listings_latitude_longitude", table_name="listings")
    if op.get_bind().dialect.name == "mysql":
        for name in COORDINATES:
            op.alter_column("listings", name, type_=mysql.FLOAT(), existing_nullable=True)
