"""Reviews both ways: the host's review of the guest beside the guest's of the listing
(``reviews.side``, one per side of a stay), six optional sub-ratings, the double-blind status
(``pending`` until both wrote or ``window_closes_at``), one public response, reports
(``review_reports``), each stay's reviews as one versioned row (``stay_reviews``) and the
listings' sub-rating totals. Existing reviews are the guests' and stay published.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rental.adapters.sqlalchemy.migrations.ddl import ID, JSON, MYSQL, UTC_DATETIME

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SUB_RATINGS = ("cleanliness", "accuracy", "check_in", "communication", "location", "value")


def upgrade() -> None:
    with op.batch_alter_table("reviews") as reviews:
        reviews.add_column(sa.Column("side", sa.String(8), nullable=False, server_default="guest"))
        reviews.add_column(
            sa.Column("subject_id", sa.String(ID), nullable=False, server_default="")
        )
        for name in SUB_RATINGS:
            reviews.add_column(sa.Column(name, sa.Integer()))
        reviews.add_column(
            sa.Column("status", sa.String(16), nullable=False, server_default="published")
        )
        reviews.add_column(sa.Column("published_at", UTC_DATETIME))
        reviews.add_column(sa.Column("window_closes_at", UTC_DATETIME))
        reviews.add_column(sa.Column("response_body", sa.Text()))
        reviews.add_column(sa.Column("response_created_at", UTC_DATETIME))
        # The new key starts with booking_id, so MariaDB's foreign key can use it instead.
        reviews.create_unique_constraint("uq_reviews_booking_side", ["booking_id", "side"])
        reviews.drop_constraint("uq_reviews_booking_id", type_="unique")
    op.create_index("ix_reviews_subject_id", "reviews", ["subject_id", "side", "created_at"])
    op.create_index("ix_reviews_status", "reviews", ["status", "window_closes_at"])
    # Every existing review is a guest's, published when written, about the listing's host.
    op.execute(
        "UPDATE reviews SET published_at = created_at, subject_id = "
        "(SELECT host_id FROM bookings WHERE bookings.id = reviews.booking_id)"
    )
    op.create_table(
        "stay_reviews",
        sa.Column("booking_id", sa.String(ID), nullable=False),
        sa.Column("listing_id", sa.String(ID), nullable=False),
        sa.Column("guest_id", sa.String(ID), nullable=False),
        sa.Column("host_id", sa.String(ID), nullable=False),
        sa.Column("window_closes_at", UTC_DATETIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("booking_id", name="pk_stay_reviews"),
        sa.ForeignKeyConstraint(["booking_id"], ["bookings.id"], name="fk_stay_reviews_booking_id"),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"], name="fk_stay_reviews_listing_id"),
        **MYSQL,
    )
    op.execute(
        "INSERT INTO stay_reviews (booking_id, listing_id, guest_id, host_id, "
        "window_closes_at, version) SELECT b.id, b.listing_id, b.guest_id, b.host_id, "
        "r.created_at, 1 FROM reviews r JOIN bookings b ON b.id = r.booking_id"
    )
    op.create_table(
        "review_reports",
        sa.Column("id", sa.String(ID), nullable=False),
        sa.Column("review_id", sa.String(ID), nullable=False),
        sa.Column("reporter_id", sa.String(ID), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_reports"),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_review_reports_review_id"),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["users.id"], name="fk_review_reports_reporter_id"
        ),
        **MYSQL,
    )
    op.add_column("listings", sa.Column("sub_rating_totals", JSON))


def downgrade() -> None:
    op.drop_column("listings", "sub_rating_totals")
    op.drop_table("review_reports")
    op.drop_table("stay_reviews")
    op.drop_index("ix_reviews_status", table_name="reviews")
    op.drop_index("ix_reviews_subject_id", table_name="reviews")
    op.execute("DELETE FROM reviews WHERE side <> 'guest'")
    with op.batch_alter_table("reviews") as reviews:
        reviews.create_unique_constraint("uq_reviews_booking_id", ["booking_id"])
        reviews.drop_constraint("uq_reviews_booking_side", type_="unique")
        for name in (
            "response_created_at",
            "response_body",
            "window_closes_at",
            "published_at",
            "status",
            *SUB_RATINGS,
            "subject_id",
            "side",
        ):
            reviews.drop_column(name)
