"""A listing's details: ``property_type``, ``bedrooms``, ``beds``, ``bathrooms``, check-in and
check-out times, house rules (``pets_allowed``, ``smoking_allowed``, ``events_allowed``) and
``listed``. Existing listings get the defaults: an entire home with one bedroom, one bed and one
bathroom, in from 15:00, out by 11:00, no pets, smoking or events, listed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = (
    ("property_type", sa.String(16), "entire_home"),
    ("bedrooms", sa.Integer(), "1"),
    ("beds", sa.Integer(), "1"),
    ("bathrooms", sa.Numeric(3, 1), "1"),
    ("check_in_time", sa.String(5), "15:00"),
    ("check_out_time", sa.String(5), "11:00"),
    ("pets_allowed", sa.Boolean(), sa.false()),
    ("smoking_allowed", sa.Boolean(), sa.false()),
    ("events_allowed", sa.Boolean(), sa.false()),
    ("listed", sa.Boolean(), sa.true()),
)


def upgrade() -> None:
    with op.batch_alter_table("listings") as batch:
        for name, type_, default in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=False, server_default=default))


def downgrade() -> None:
    with op.batch_alter_table("listings") as batch:
        for name, _type, _default in reversed(COLUMNS):
            batch.drop_column(name)
