"""The bare twin of ``rental serve`` that ``bench/http_bench.py`` measures it against.

Flask and SQLAlchemy Core on the same PostgreSQL database, served by gunicorn with exactly the
options ``rental serve`` uses (``rental.entrypoints.serve.gunicorn_options``), and none of the
application: no authentication, no validation beyond parsing, no domain, no cache.

* ``POST /api/v1/bookings``: one Core ``INSERT`` of a booking row and a commit.
* ``GET /api/v1/listings/<id>``: one primary-key ``SELECT``.
* ``GET /api/v1/listings?city=…&check_in=…``: the application's dated availability search,
  as one hand-written statement with bound parameters (``booking_bench.HAND_WRITTEN_SEARCH``).

Usage: ``python bench/bare_app.py --database-url URL --port N [--workers 4]``.
"""

from __future__ import annotations

import argparse
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import Flask, abort, jsonify, request
from gunicorn.app.base import BaseApplication
from sqlalchemy import Engine, column, create_engine, insert, table, text

from rental.adapters.sqlalchemy.engine import MAX_OVERFLOW, POOL_SIZE, normalize_url
from rental.entrypoints.serve import DEFAULT_THREADS, gunicorn_options
from rental.settings import Settings

BOOKING_COLUMNS = (
    "id", "listing_id", "guest_id", "host_id", "check_in", "check_out", "guests", "status",
    "currency", "nightly_subtotal", "discount", "cleaning_fee", "service_fee", "total",
    "cancellation_policy", "instant_book", "timezone", "created_at", "updated_at", "version",
)  # fmt: skip
BOOKINGS = table("bookings", *(column(name) for name in BOOKING_COLUMNS))
INSERT_BOOKING = insert(BOOKINGS)
SELECT_LISTING = text("SELECT * FROM listings WHERE id = :id AND deleted_at IS NULL")
# The statement the application's read side sends for a dated search sorted by price (see
# rental.adapters.sqlalchemy.search), written out once.
SEARCH = text("""
SELECT l.*, count(*) OVER () AS total
FROM listings l
WHERE l.deleted_at IS NULL AND lower(l.city) = lower(:city) AND l.max_guests >= :guests
  AND l.price_per_night >= :low AND l.price_per_night <= :high
  AND l.min_nights <= :nights AND l.max_nights >= :nights
  AND NOT EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.listing_id = l.id AND b.status IN ('pending', 'confirmed')
      AND b.check_in < :check_out AND b.check_out > :check_in
      AND (b.status = 'confirmed'
           OR (b.payment_authorized_at IS NULL AND b.created_at > :unpaid)
           OR b.payment_authorized_at > :unanswered))
  AND NOT EXISTS (
    SELECT 1 FROM blocks k
    WHERE k.listing_id = l.id AND k.start < :check_out AND k."end" > :check_in)
ORDER BY l.price_per_night, l.id
LIMIT :limit OFFSET 0
""")


def bare_engine(database_url: str) -> Engine:
    """The pool ``rental`` uses, and no server-side prepared statements (as ``rental``)."""
    return create_engine(
        normalize_url(database_url),
        pool_size=POOL_SIZE,
        max_overflow=MAX_OVERFLOW,
        connect_args={"prepare_threshold": None},
    )


def create_app(database_url: str, guest_id: str) -> Flask:
    """The bare app; bookings are made for ``guest_id``."""
    engine = bare_engine(database_url)
    with engine.connect() as connection:  # once, at start: the INSERT needs each listing's host
        hosts = dict(connection.execute(text("SELECT id, host_id FROM listings")).all())
    app = Flask("bare")
    app.extensions["engine"] = engine

    @app.post("/api/v1/bookings")
    def create_booking() -> Any:
        body = request.get_json()
        check_in = date.fromisoformat(body["check_in"])
        check_out = date.fromisoformat(body["check_out"])
        now = datetime.now(UTC)
        nights = (check_out - check_in).days
        row = {
            "id": str(uuid.uuid4()), "listing_id": body["listing_id"], "guest_id": guest_id,
            "host_id": hosts[body["listing_id"]], "check_in": check_in, "check_out": check_out,
            "guests": body["guests"], "status": "pending", "currency": "USD",
            "nightly_subtotal": 10_000 * nights, "discount": 0, "cleaning_fee": 2_500,
            "service_fee": 1_000 * nights, "total": 11_000 * nights + 2_500,
            "cancellation_policy": "flexible", "instant_book": True, "timezone": "UTC",
            "created_at": now, "updated_at": now, "version": 1,
        }  # fmt: skip
        with engine.begin() as connection:
            connection.execute(INSERT_BOOKING, row)
        return jsonify(row), 201

    @app.get("/api/v1/listings/<listing_id>")
    def read_listing(listing_id: str) -> Any:
        with engine.connect() as connection:
            row = connection.execute(SELECT_LISTING, {"id": listing_id}).mappings().first()
        if row is None:
            abort(404)
        return jsonify(dict(row))

    @app.get("/api/v1/listings")
    def search() -> Any:
        args = request.args
        check_in = date.fromisoformat(args["check_in"])
        check_out = date.fromisoformat(args["check_out"])
        now = datetime.now(UTC)
        params = {
            "city": args["city"], "guests": int(args["guests"]),
            "low": int(args["min_price"]), "high": int(args["max_price"]),
            "nights": (check_out - check_in).days, "check_in": check_in, "check_out": check_out,
            "unpaid": now - timedelta(minutes=30), "unanswered": now - timedelta(hours=24),
            "limit": int(args.get("per_page", 20)),
        }  # fmt: skip
        with engine.connect() as connection:
            rows = connection.execute(SEARCH, params).mappings().all()
        total = rows[0]["total"] if rows else 0
        return jsonify({"items": [dict(row) for row in rows], "total": total})

    return app


class BareServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn with ``rental serve``'s own options; each worker builds the app after fork."""

    def __init__(self, options: dict[str, Any], database_url: str, guest_id: str) -> None:
        self.options = options
        self.database_url = database_url
        self.guest_id = guest_id
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            if name in self.cfg.settings:
                self.cfg.set(name, value)

    def load(self) -> Any:
        return create_app(self.database_url, self.guest_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--guest-id", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    parser.add_argument("--log-level", default="WARNING")
    args = parser.parse_args()
    settings = Settings(database_url=args.database_url, log_level=args.log_level)
    options = gunicorn_options(
        settings, host=args.host, port=args.port, workers=args.workers, threads=args.threads
    )
    options["proc_name"] = "rental-bare"
    BareServer(options, args.database_url, args.guest_id).run()


if __name__ == "__main__":
    main()
