"""Accounts (issue 21): ``users.email_verified_at``; ``one_time_tokens`` (password reset,
email verification and email change; the hash of each secret, never the secret); and
``login_sessions``, one per sign-in, holding its current refresh token's id.

Users who registered before this revision are taken as verified (``email_verified_at`` set
to their ``created_at``): their addresses have received the marketplace's emails all along,
and a deployment must not lock its existing users out of booking on upgrade.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import ID, MYSQL, UTC_DATETIME

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("email_verified_at", UTC_DATETIME, nullable=True))
    op.execute("UPDATE users SET email_verified_at = created_at")
    op.create_table(
        "one_time_tokens",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("user_id", sa.String(ID), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.Column("spent_at", UTC_DATETIME, nullable=True),
        sa.Column("new_email", sa.String(254), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_one_time_tokens"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_one_time_tokens_user_id"),
        **MYSQL,
    )
    op.create_index("ix_one_time_tokens_user_id", "one_time_tokens", ["user_id", "purpose"])
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("user_id", sa.String(ID), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("last_used_at", UTC_DATETIME, nullable=False),
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.Column("refresh_jti", sa.String(64), nullable=False),
        sa.Column("user_agent", sa.String(255), nullable=False),
        sa.Column("ended_at", UTC_DATETIME, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_sessions"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_login_sessions_user_id"),
        **MYSQL,
    )
    op.create_index("ix_login_sessions_user_id", "login_sessions", ["user_id"])


def downgrade() -> None:
    op.drop_table("login_sessions")
    op.drop_table("one_time_tokens")
    op.drop_column("users", "email_verified_at")
