"""Messaging: ``threads`` (one per guest and listing, with each participant's read position
and when they are next emailed), ``messages`` (appended, never edited; ``seq`` orders them
across threads for long polls), ``user_blocks`` and ``message_preferences``.

Indexes: a participant's inbox is ``threads`` by ``(guest_id | host_id, updated_at, id)``; a
thread's history is ``messages`` by ``(thread_id, position)`` (its unique key); the email job
finds due threads by ``guest_email_due_at`` and ``host_email_due_at``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import ID, MYSQL, UTC_DATETIME

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def _ref(name: str, table: str, target: str) -> list[Any]:
    return [
        sa.Column(name, sa.String(ID), nullable=False),
        sa.ForeignKeyConstraint([name], [target], name=f"fk_{table}_{name}"),
    ]


def upgrade() -> None:
    op.create_table(
        "threads",
        sa.Column("id", sa.String(ID), nullable=False),
        *_ref("listing_id", "threads", "listings.id"),
        *_ref("guest_id", "threads", "users.id"),
        *_ref("host_id", "threads", "users.id"),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("last_position", sa.Integer(), nullable=False),
        sa.Column("guest_read_position", sa.Integer(), nullable=False),
        sa.Column("host_read_position", sa.Integer(), nullable=False),
        sa.Column("check_in", sa.Date(), nullable=True),
        sa.Column("check_out", sa.Date(), nullable=True),
        sa.Column("guests", sa.Integer(), nullable=True),
        sa.Column("guest_email_due_at", UTC_DATETIME, nullable=True),
        sa.Column("host_email_due_at", UTC_DATETIME, nullable=True),
        sa.Column("guest_emailed_at", UTC_DATETIME, nullable=True),
        sa.Column("host_emailed_at", UTC_DATETIME, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_threads"),
        sa.UniqueConstraint("listing_id", "guest_id", name="uq_threads_listing_id"),
        **MYSQL,
    )
    op.create_index("ix_threads_guest_inbox", "threads", ["guest_id", "updated_at", "id"])
    op.create_index("ix_threads_host_inbox", "threads", ["host_id", "updated_at", "id"])
    op.create_index("ix_threads_guest_email_due_at", "threads", ["guest_email_due_at"])
    op.create_index("ix_threads_host_email_due_at", "threads", ["host_email_due_at"])
    op.create_table(
        "messages",
        sa.Column("seq", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("id", sa.String(ID), nullable=False),
        *_ref("thread_id", "messages", "threads.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        *_ref("sender_id", "messages", "users.id"),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_messages"),
        sa.UniqueConstraint("id", name="uq_messages_id"),
        sa.UniqueConstraint("thread_id", "position", name="uq_messages_thread_id"),
        **MYSQL,
    )
    op.create_table(
        "user_blocks",
        *_ref("blocker_id", "user_blocks", "users.id"),
        *_ref("blocked_id", "user_blocks", "users.id"),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("blocker_id", "blocked_id", name="pk_user_blocks"),
        **MYSQL,
    )
    op.create_table(
        "message_preferences",
        *_ref("user_id", "message_preferences", "users.id"),
        sa.Column("notify_messages", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_message_preferences"),
        **MYSQL,
    )


def downgrade() -> None:
    op.drop_table("message_preferences")
    op.drop_table("user_blocks")
    op.drop_table("messages")
    op.drop_table("threads")
