"""The schema, as SQLAlchemy Core tables. Migrations create it; the mapping and queries use it.

Indexes live in the migrations (some are partial or on expressions, per database).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Double,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)

from rental.adapters.sqlalchemy.price_columns import NightlyColumn, TaxesColumn, TaxLinesColumn
from rental.adapters.sqlalchemy.types import UtcDateTime, json_type
from rental.domain.reviews.review import SUB_RATINGS

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

ID = 36  # a UUID's text
Money = BigInteger  # minor units
BigId = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER only


def _id(name: str = "id") -> Column[str]:
    return Column(name, String(ID), primary_key=True)


def _ref(name: str, target: str) -> Column[str]:
    return Column(name, String(ID), ForeignKey(target), nullable=False)


def _stamps() -> list[Column[object]]:
    return [
        Column("created_at", UtcDateTime(), nullable=False),
        Column("updated_at", UtcDateTime(), nullable=False),
    ]


def _version() -> Column[int]:
    return Column("version", Integer, nullable=False)


users = Table(
    "users",
    metadata,
    _id(),
    Column("username", String(30), nullable=False, unique=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("role", String(10), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("full_name", String(200)),
    Column("bio", Text),
    *_stamps(),
    _version(),
    # Issue 10: every token carries token_version; a password change or disabling bumps it.
    Column("token_version", Integer, nullable=False, server_default="0"),
    Column("disabled_at", UtcDateTime),
    Column("email_verified_at", UtcDateTime()),  # 0011
    Column("email_skeleton", String(320)),  # 0012: TR39 skeletons, to refuse look-alikes
    Column("username_skeleton", String(120)),
    Column("deleted_at", UtcDateTime()),  # 0017: the person closed the account
)

listings = Table(
    "listings",
    metadata,
    _id(),
    _ref("host_id", "users.id"),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("address", String(200), nullable=False),
    Column("city", String(200), nullable=False),
    Column("country", String(2), nullable=False),
    Column("latitude", Double),  # DOUBLE on MariaDB since 0021
    Column("longitude", Double),
    Column("timezone", String(64), nullable=False),
    Column("price_per_night", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("cleaning_fee", Money, nullable=False),
    Column("weekly_discount_percent", Integer, nullable=False),
    Column("monthly_discount_percent", Integer, nullable=False),
    Column("max_guests", Integer, nullable=False),
    Column("min_nights", Integer, nullable=False),
    Column("max_nights", Integer, nullable=False),
    Column("max_advance_days", Integer, nullable=False, server_default="730"),  # 0004
    Column("instant_book", Boolean, nullable=False),
    Column("cancellation_policy", String(16), nullable=False),
    Column("amenities", json_type(), nullable=False),
    Column("rating_sum", Integer, nullable=False),
    Column("review_count", Integer, nullable=False),
    Column("rating_average", Numeric(3, 2)),
    Column("sub_rating_totals", json_type()),  # reviews both ways (0013)
    Column("deleted_at", UtcDateTime()),
    *_stamps(),
    _version(),
    # Details (0009); house_rules is the three *_allowed columns.
    Column("property_type", String(16), nullable=False, server_default="entire_home"),
    Column("bedrooms", Integer, nullable=False, server_default="1"),
    Column("beds", Integer, nullable=False, server_default="1"),
    Column("bathrooms", Numeric(3, 1, asdecimal=False), nullable=False, server_default="1"),
    Column("check_in_time", String(5), nullable=False, server_default="15:00"),
    Column("check_out_time", String(5), nullable=False, server_default="11:00"),
    Column("pets_allowed", Boolean, nullable=False, server_default=false()),
    Column("smoking_allowed", Boolean, nullable=False, server_default=false()),
    Column("events_allowed", Boolean, nullable=False, server_default=false()),
    Column("listed", Boolean, nullable=False, server_default=true()),
    # Prices by date (0010): the weekend's price, extra guests' fee, taxes.
    Column("weekend_price", Money),
    Column("extra_guest_fee", Money, nullable=False, server_default="0"),
    Column("guests_included", Integer),
    Column("taxes", TaxesColumn(), nullable=False),
    # The span of its rate overrides (0018), kept by the calendar's writes for the search;
    # not a field of the domain's Listing (``mapping.CALENDAR_ONLY``).
    Column("rates_from", Date),
    Column("rates_until", Date),
    Column("suspended", Boolean, nullable=False, server_default=false()),  # by an admin (0022)
)

blocks = Table(
    "blocks",
    metadata,
    _id(),
    _ref("listing_id", "listings.id"),
    # Quoted everywhere: END is a keyword and MariaDB's dialect does not quote it by itself.
    Column("start", Date, nullable=False, quote=True),
    Column("end", Date, nullable=False, quote=True),
    Column("created_at", UtcDateTime(), nullable=False),
    # Channel sync (0005): "host", or "import:<calendar import id>" with the feed's keys.
    Column("source", String(64), nullable=False, server_default="host"),
    Column("import_key", String(255)),
    Column("fingerprint", String(64)),
    Column("modified_at", UtcDateTime()),
)

bookings = Table(
    "bookings",
    metadata,
    _id(),
    _ref("listing_id", "listings.id"),
    _ref("guest_id", "users.id"),
    _ref("host_id", "users.id"),
    Column("check_in", Date, nullable=False),
    Column("check_out", Date, nullable=False),
    Column("guests", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("nightly_subtotal", Money, nullable=False),
    Column("discount", Money, nullable=False),
    Column("cleaning_fee", Money, nullable=False),
    Column("service_fee", Money, nullable=False),
    Column("total", Money, nullable=False),
    Column("cancellation_policy", String(16), nullable=False),
    Column("instant_book", Boolean, nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("payment_authorized_at", UtcDateTime()),
    Column("cancelled_by", String(8)),
    Column("refund_amount", Money),
    *_stamps(),
    _version(),
    CheckConstraint("check_out > check_in", name="nights"),
    # The rest of the price (0010): extra guests' fees, each night's price, each tax.
    Column("extra_guest_fees", Money, nullable=False, server_default="0"),
    Column("nightly", NightlyColumn(), nullable=False),
    Column("taxes", TaxLinesColumn(), nullable=False),
)

payments = Table(
    "payments",
    metadata,
    _id(),
    _ref("booking_id", "bookings.id"),
    _ref("payer_id", "users.id"),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("payment_method", String(16), nullable=False),
    Column("status", String(20), nullable=False),
    Column("gateway_reference", String(255)),
    Column("refunded_amount", Money, nullable=False),
    Column("failure_reason", String(255)),
    *_stamps(),
    _version(),
)

reviews = Table(
    "reviews",
    metadata,
    _id(),
    _ref("booking_id", "bookings.id"),
    _ref("listing_id", "listings.id"),
    _ref("author_id", "users.id"),
    Column("rating", Integer, nullable=False),
    Column("comment", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    _version(),
    # Reviews both ways (0013): one per side of a stay, hidden until published.
    Column("side", String(8), nullable=False, server_default="guest"),
    Column("subject_id", String(ID), nullable=False, server_default=""),
    *(Column(name, Integer) for name in SUB_RATINGS),
    Column("status", String(16), nullable=False, server_default="published"),
    Column("published_at", UtcDateTime()),
    Column("window_closes_at", UtcDateTime()),
    Column("response_body", Text),
    Column("response_created_at", UtcDateTime()),
    Column("hidden_at", UtcDateTime()),  # by an admin (0022)
    UniqueConstraint("booking_id", "side", name="uq_reviews_booking_side"),
)

stay_reviews = Table(
    "stay_reviews",
    metadata,
    Column("booking_id", String(ID), ForeignKey("bookings.id"), primary_key=True),
    _ref("listing_id", "listings.id"),
    Column("guest_id", String(ID), nullable=False),
    Column("host_id", String(ID), nullable=False),
    Column("window_closes_at", UtcDateTime(), nullable=False),
    _version(),
)

review_reports = Table(
    "review_reports",
    metadata,
    _id(),
    _ref("review_id", "reviews.id"),
    _ref("reporter_id", "users.id"),
    Column("reason", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("user_id", String(ID), primary_key=True),
    Column("scope", String(100), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("fingerprint", String(128), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("resource_id", String(ID), nullable=False),
    Column("response", json_type(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

revoked_tokens = Table(
    "revoked_tokens",
    metadata,
    Column("jti", String(64), primary_key=True),
    Column("expires_at", UtcDateTime(), nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("event_name", String(100), nullable=False),
    Column("payload", json_type(), nullable=False),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("published_at", UtcDateTime()),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UtcDateTime()),  # a relay's claim, or a retry's delay (0002)
    # Every consumer of the event has acted (0004): until then a published entry may be
    # published again (the broker may have lost it).
    Column("consumed_at", UtcDateTime()),  # indexed with published_at (0004)
)

# Which consumer has acted on which outbox entry, so that a redelivered event acts once (0002).
processed_events = Table(
    "processed_events",
    metadata,
    Column("outbox_id", BigId, primary_key=True, autoincrement=False),
    Column("consumer", String(100), primary_key=True),
    Column("processed_at", UtcDateTime(), nullable=False),
)

# -- Photos (0014) --------------------------------------------------------------------------
# A listing's photos in order; ``variants`` maps small, medium and large to their media keys.
photos = Table(
    "photos",
    metadata,
    _id(),
    _ref("listing_id", "listings.id"),
    Column("position", Integer, nullable=False),
    Column("caption", String(250), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("original_key", String(255)),
    Column("variants", json_type()),
    Column("failure_reason", String(500)),
    *_stamps(),
    _version(),
)

# -- The money's books (0006) -------------------------------------------------------------
# Append-only: the adapter only ever INSERTs here (on PostgreSQL a trigger refuses UPDATE).
ledger_entries = Table(
    "ledger_entries",
    metadata,
    _id(),
    _ref("booking_id", "bookings.id"),
    _ref("payment_id", "payments.id"),
    _ref("host_id", "users.id"),
    Column("account", String(16), nullable=False),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("reason", String(16), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

# Append-only (0016): the application only INSERTs and SELECTs; on PostgreSQL a trigger
# refuses UPDATE and DELETE. No foreign keys: an entry outlives whatever it names.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("actor_id", String(64)),
    Column("actor_role", String(16), nullable=False),
    Column("action", String(32), nullable=False),
    Column("target_type", String(16), nullable=False),
    Column("target_id", String(ID), nullable=False),
    Column("reason", String(500)),
    Column("before", json_type()),
    Column("after", json_type()),
    Column("request_id", String(128)),
)

payouts = Table(
    "payouts",
    metadata,
    _id(),
    _ref("booking_id", "bookings.id"),
    _ref("host_id", "users.id"),
    Column("currency", String(3), nullable=False),
    Column("due_at", UtcDateTime(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("status", String(16), nullable=False),
    Column("amount", Money),
    Column("reference", String(255)),
    Column("paid_at", UtcDateTime()),
    Column("deducted", Money, nullable=False, server_default="0"),  # 0007
    _version(),
    UniqueConstraint("booking_id"),
)

# What was deducted from a payout towards what its host owes for another booking, refunded
# after its own payout (0007). Append-only, like the ledger.
payout_recoveries = Table(
    "payout_recoveries",
    metadata,
    _id(),
    _ref("host_id", "users.id"),
    Column("currency", String(3), nullable=False),
    _ref("payout_id", "payouts.id"),
    _ref("booking_id", "bookings.id"),
    Column("amount", Money, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

# The payment provider's webhook events already acted on, so a replay acts once.
provider_events = Table(
    "provider_events",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("type", String(100), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
)

# -- channel sync (iCal, 0005) --------------------------------------------------------------
calendar_feeds = Table(
    "calendar_feeds",
    metadata,
    Column("listing_id", String(ID), ForeignKey("listings.id"), primary_key=True),
    Column("token", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("rotated_at", UtcDateTime(), nullable=False),
    _version(),
)

calendar_imports = Table(
    "calendar_imports",
    metadata,
    _id(),
    _ref("listing_id", "listings.id"),
    Column("name", String(100), nullable=False),
    Column("url", String(2000), nullable=False),
    Column("status", String(16), nullable=False),
    Column("last_attempt_at", UtcDateTime()),
    Column("last_synced_at", UtcDateTime()),
    Column("last_error", String(500)),
    Column("etag", String(255)),
    Column("last_modified", String(64)),
    Column("conflicts", json_type(), nullable=False),
    *_stamps(),
    _version(),
)

# -- accounts (issue 21, 0011) --------------------------------------------------------------
one_time_tokens = Table(
    "one_time_tokens",
    metadata,
    _id(),
    _ref("user_id", "users.id"),
    Column("purpose", String(20), nullable=False),
    Column("secret_hash", String(64), nullable=False),  # SHA-256 of the secret; never the secret
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("spent_at", UtcDateTime()),
    Column("new_email", String(254)),
    _version(),
)

login_sessions = Table(
    "login_sessions",
    metadata,
    _id(),
    _ref("user_id", "users.id"),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("last_used_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("refresh_jti", String(64), nullable=False),
    Column("user_agent", String(255), nullable=False),
    Column("ended_at", UtcDateTime()),
    _version(),
)

# -- messaging: threads of a guest and a host about a listing, and their messages ----------
threads = Table(
    "threads",
    metadata,
    _id(),
    _ref("listing_id", "listings.id"),
    _ref("guest_id", "users.id"),
    _ref("host_id", "users.id"),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("last_position", Integer, nullable=False),
    Column("guest_read_position", Integer, nullable=False),
    Column("host_read_position", Integer, nullable=False),
    Column("check_in", Date, nullable=True),
    Column("check_out", Date, nullable=True),
    Column("guests", Integer, nullable=True),
    Column("guest_email_due_at", UtcDateTime(), nullable=True),
    Column("host_email_due_at", UtcDateTime(), nullable=True),
    Column("guest_emailed_at", UtcDateTime(), nullable=True),
    Column("host_emailed_at", UtcDateTime(), nullable=True),
    _version(),
    UniqueConstraint("listing_id", "guest_id"),
)

messages = Table(
    "messages",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    _ref("thread_id", "threads.id"),
    Column("position", Integer, nullable=False),
    _ref("sender_id", "users.id"),
    Column("body", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("thread_id", "position"),
)

user_blocks = Table(
    "user_blocks",
    metadata,
    Column("blocker_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Column("blocked_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

message_preferences = Table(
    "message_preferences",
    metadata,
    Column("user_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Column("notify_messages", Boolean, nullable=False),
)

# -- prices and rules by date (0010) --------------------------------------------------------
# A listing's overrides as ranges [start, end) that never overlap (``domain/rates.py``).
rate_overrides = Table(
    "rate_overrides",
    metadata,
    Column("listing_id", String(ID), ForeignKey("listings.id"), primary_key=True),
    Column("start", Date, primary_key=True, quote=True),
    Column("end", Date, nullable=False, quote=True),
    Column("price", Money),
    Column("min_nights", Integer),
    Column("closed_to_arrival", Boolean, nullable=False),
    Column("closed_to_departure", Boolean, nullable=False),
)

# -- data exports (issue 21, 0019) -----------------------------------------------------------
# ``pending_user_id`` is the user's id while the export is pending, null after: unique, so that
# a user has one pending export at most (a unique index allows many nulls on every database).
data_exports = Table(
    "data_exports",
    metadata,
    _id(),
    _ref("user_id", "users.id"),
    Column("pending_user_id", String(ID), unique=True),
    Column("status", String(16), nullable=False),
    Column("requested_at", UtcDateTime(), nullable=False),
    Column("finished_at", UtcDateTime()),
    Column("expires_at", UtcDateTime()),
    Column("file_key", String(255)),
    Column("failure_reason", String(500)),
    _version(),
)

sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("user_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("locked_until", UtcDateTime()),
)

# -- wishlists (0020): a user's named lists, and the listings saved to each -----------------
# ``share_token_hash``: the SHA-256 of the share token in force (null: not shared).
wishlists = Table(
    "wishlists",
    metadata,
    _id(),
    _ref("owner_id", "users.id"),
    Column("name", String(100), nullable=False),
    Column("share_token_hash", String(64)),
    *_stamps(),
    _version(),
)

# One row per listing and wishlist: the primary key keeps a listing saved twice at once to one.
wishlist_items = Table(
    "wishlist_items",
    metadata,
    Column("wishlist_id", String(ID), ForeignKey("wishlists.id"), primary_key=True),
    Column("listing_id", String(ID), ForeignKey("listings.id"), primary_key=True),
    Column("added_at", UtcDateTime(), nullable=False),
)
