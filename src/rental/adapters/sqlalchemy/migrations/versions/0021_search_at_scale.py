"""The map search: a B-tree index on listings' ``(latitude, longitude)``, which a box's or a
circle's latitude range bounds on every database (``rental.adapters.sqlalchemy.geo``).
PostgreSQL and SQLite index only live listings with coordinates; MariaDB has no partial
indexes and indexes every row. MariaDB's coordinates become ``DOUBLE``: its ``FLOAT`` is
single precision (about half a metre off at Lisbon), so a listing on a box's edge fell on
either side of it (PostgreSQL's ``FLOAT`` and SQLite's ``REAL`` are double already).

And ``ix_listings_city_newest`` on ``(lower(city), created_at DESC, id)`` (MariaDB: the bare
city, whose collation ignores case): a city's newest listings, the search's default order,
straight from the index. Without it, PostgreSQL read a city's page at a million listings by
walking every listing newest first (``ix_listings_created_at``), as if the window count of
the total stopped at the page (11.6 s; 61 ms with it, ``make bench-scale``).

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
    mysql_db = op.get_bind().dialect.name == "mysql"
    if mysql_db:
        for name in COORDINATES:
            op.alter_column("listings", name, type_=mysql.DOUBLE(), existing_nullable=True)
    where = sa.text(LIVE_WITH_COORDINATES)
    op.create_index(
        "ix_listings_latitude_longitude",
        "listings",
        ["latitude", "longitude"],
        postgresql_where=where,
        sqlite_where=where,
    )

    city = "city" if mysql_db else sa.text("lower(city)")
    newest = "created_at" if mysql_db else sa.text("created_at DESC")
    live = sa.text("deleted_at IS NULL")
    op.create_index(
        "ix_listings_city_newest",
        "listings",
        [city, newest, "id"],
        postgresql_where=live,
        sqlite_where=live,
    )


def downgrade() -> None:
    op.drop_index("ix_listings_city_newest", table_name="listings")
    op.drop_index("ix_listings_latitude_longitude", table_name="listings")
    if op.get_bind().dialect.name == "mysql":
        for name in COORDINATES:
            op.alter_column("listings", name, type_=mysql.FLOAT(), existing_nullable=True)
