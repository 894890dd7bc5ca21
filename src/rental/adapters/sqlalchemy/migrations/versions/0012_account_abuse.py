"""Accounts against abuse (issue 29): ``users.email_skeleton`` and ``username_skeleton``
(TR39 skeletons, so that a look-alike of an existing account is refused; filled here for the
users already registered), and ``sign_in_failures``, the wrong passwords per account that
lock it for a while.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.look_alikes import UnicodeLookAlikes
from rental.adapters.sqlalchemy.migrations.ddl import ID, MYSQL, UTC_DATETIME

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("email_skeleton", sa.String(320), nullable=True))
    op.add_column("users", sa.Column("username_skeleton", sa.String(120), nullable=True))
    users = sa.table(
        "users",
        sa.column("id"),
        sa.column("email"),
        sa.column("username"),
        sa.column("email_skeleton"),
        sa.column("username_skeleton"),
    )
    look = UnicodeLookAlikes()
    connection = op.get_bind()
    rows = connection.execute(sa.select(users.c.id, users.c.email, users.c.username)).all()
    for row in rows:
        connection.execute(
            users.update()
            .where(users.c.id == row.id)
            .values(
                email_skeleton=look.skeleton(row.email),
                username_skeleton=look.skeleton(row.username),
            )
        )
    op.create_index("ix_users_email_skeleton", "users", ["email_skeleton"])
    op.create_index("ix_users_username_skeleton", "users", ["username_skeleton"])
    op.create_table(
        "sign_in_failures",
        sa.Column("user_id", sa.String(ID), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTC_DATETIME, nullable=True),
        sa.PrimaryKeyConstraint("user_id", name="pk_sign_in_failures"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_sign_in_failures_user_id"),
        **MYSQL,
    )


def downgrade() -> None:
    op.drop_table("sign_in_failures")
    op.drop_index("ix_users_username_skeleton", table_name="users")
    op.drop_index("ix_users_email_skeleton", table_name="users")
    op.drop_column("users", "username_skeleton")
    op.drop_column("users", "email_skeleton")
