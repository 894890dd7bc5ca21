"""Usernames are unique whatever their case ("Hana" and "hana" are one name), as MariaDB's
case-insensitive collation already made them there: a unique index on ``lower(username)`` on
PostgreSQL and SQLite.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEX = "uq_users_username_lower"


def upgrade() -> None:
    if op.get_bind().dialect.name in ("postgresql", "sqlite"):
        op.create_index(INDEX, "users", [sa.text("lower(username)")], unique=True)


def downgrade() -> None:
    if op.get_bind().dialect.name in ("postgresql", "sqlite"):
        op.drop_index(INDEX, table_name="users")
