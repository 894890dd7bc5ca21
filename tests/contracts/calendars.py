"""The contract of the queries the booking path and the expiry job make of the repositories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rental.application.repositories import IdempotencyRecord
from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import CancelledBy
from rental.domain.errors import BookingNotFound
from tests.contracts.builders import (
    NOW,
    TODAY,
    UowFactory,
    a_block,
    a_booking,
    a_listing,
    a_user,
    confirmed,
    save,
)


class CalendarQueriesContract:
    """Live bookings and upcoming blocks of a listing, bookings due for the expiry job,
    idempotency keys and revoked tokens."""

    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError("override with the adapter's unit-of-work factory")

    def test_live_on_listing_keeps_pending_and_confirmed_that_end_after_the_day(
        self, uow_factory: UowFactory
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing, other = a_listing(host), a_listing(host)
        earlier = NOW - timedelta(days=10)
        pending = a_booking(listing, guest, TODAY + timedelta(days=1))
        paid = confirmed(a_booking(listing, guest, TODAY + timedelta(days=5)), NOW)
        overdue = a_booking(listing, guest, TODAY + timedelta(days=9), now=NOW - timedelta(hours=1))
        ends_today = confirmed(
            a_booking(listing, guest, TODAY - timedelta(days=2), 2, earlier), earlier
        )
        cancelled = a_booking(listing, guest, TODAY + timedelta(days=20))
        cancelled.cancel(CancelledBy.GUEST, NOW)
        elsewhere = a_booking(other, guest, TODAY + timedelta(days=1))
        save(uow_factory, host, guest, listing, other, pending, paid, overdue, ends_today,
             cancelled, elsewhere)  # fmt: skip

        with uow_factory() as uow:
            live = uow.bookings.live_on_listing(listing.id, since=TODAY)
        assert {b.id for b in live} == {pending.id, paid.id, overdue.id}

    def test_a_booking_added_is_seen_by_later_reads_and_gone_without_commit(
        self, uow_factory: UowFactory
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host)
        save(uow_factory, host, guest, listing)
        seen, dropped, queried = (
            a_booking(listing, guest, TODAY + timedelta(days=3), 2) for _ in range(3)
        )

        with uow_factory() as uow:
            uow.bookings.add(seen)
            assert uow.bookings.get(seen.id).check_in == seen.check_in
            assert [b.id for b in uow.bookings.live_on_listing(listing.id, TODAY)] == [seen.id]
        with uow_factory() as uow:
            uow.bookings.add(dropped)
            uow.rollback()  # before anything was read
            assert uow.bookings.live_on_listing(listing.id, TODAY) == []
        with uow_factory() as uow:
            uow.bookings.add(queried)
            uow.users.get(guest.id)  # a query (through the ORM, on SQL)
            uow.rollback()
            assert uow.bookings.live_on_listing(listing.id, TODAY) == []

        with uow_factory() as uow:
            assert uow.bookings.live_on_listing(listing.id, TODAY) == []
            for booking in (seen, dropped, queried):
                with pytest.raises(BookingNotFound):
                    uow.bookings.get(booking.id)

    def test_upcoming_blocks_end_after_the_day_and_can_be_removed(
        self, uow_factory: UowFactory
    ) -> None:
        host = a_user(Role.HOST)
        listing, other = a_listing(host), a_listing(host)
        past = a_block(listing, TODAY - timedelta(days=5), 5)
        current = a_block(listing, TODAY - timedelta(days=1), 3)
        future = a_block(listing, TODAY + timedelta(days=30), 2)
        save(uow_factory, host, listing, other, past, current, future, a_block(other, TODAY, 2))

        with uow_factory() as uow:
            assert {b.id for b in uow.blocks.upcoming(listing.id, TODAY)} == {current.id, future.id}
            calendar = uow.calendars.lock(listing.id, None, NOW)
            assert calendar.blocks[future.id].end == future.end
            calendar.unblock(future.id, NOW)
            uow.commit()

        with uow_factory() as uow:
            assert [b.id for b in uow.blocks.upcoming(listing.id, TODAY)] == [current.id]

    def test_due_for_expiry_or_completion(self, uow_factory: UowFactory) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host)
        long_ago = NOW - timedelta(days=30)
        unpaid_overdue = a_booking(
            listing, guest, TODAY + timedelta(days=1), now=NOW - timedelta(minutes=31)
        )
        unpaid_fresh = a_booking(
            listing, guest, TODAY + timedelta(days=5), now=NOW - timedelta(minutes=29)
        )
        unanswered = a_booking(
            listing, guest, TODAY + timedelta(days=9), now=NOW - timedelta(hours=24, minutes=10)
        )
        unanswered.record_payment_authorized(NOW - timedelta(hours=24, minutes=1))
        answered_soon = a_booking(
            listing, guest, TODAY + timedelta(days=13), now=NOW - timedelta(hours=2, minutes=10)
        )
        answered_soon.record_payment_authorized(NOW - timedelta(hours=2))
        ended = confirmed(
            a_booking(listing, guest, TODAY - timedelta(days=10), 3, long_ago), long_ago
        )
        ahead = confirmed(a_booking(listing, guest, TODAY + timedelta(days=20), 3), NOW)
        save(uow_factory, host, guest, listing, unpaid_overdue, unpaid_fresh, unanswered,
             answered_soon, ended, ahead)  # fmt: skip

        with uow_factory() as uow:
            due = uow.bookings.due_for_expiry_or_completion(NOW, limit=10)
            assert due == [ended.id, unanswered.id, unpaid_overdue.id]  # oldest first
            assert uow.bookings.due_for_expiry_or_completion(NOW, limit=1) == [ended.id]

    def test_idempotency_records_round_trip(self, uow_factory: UowFactory) -> None:
        record = IdempotencyRecord(
            user_id="user-1", scope="payments:create", key="key-1", fingerprint="f" * 64,
            outcome="created", resource_id="payment-1",
            response={"status": 201, "body": {"id": "payment-1", "amount": 1200}},
            created_at=NOW,
        )  # fmt: skip
        with uow_factory() as uow:
            assert uow.idempotency.get("user-1", "payments:create", "key-1") is None
            uow.idempotency.add(record)
            uow.commit()

        with uow_factory() as uow:
            assert uow.idempotency.get("user-1", "payments:create", "key-1") == record
            assert uow.idempotency.get("user-2", "payments:create", "key-1") is None
            assert uow.idempotency.get("user-1", "refunds:create", "key-1") is None

    def test_revoking_a_token_twice_is_harmless(self, uow_factory: UowFactory) -> None:
        expires = datetime(2030, 2, 1, tzinfo=UTC)
        with uow_factory() as uow:
            uow.revoked_tokens.revoke("jti-1", expires)
            uow.commit()
        with uow_factory() as uow:
            uow.revoked_tokens.revoke("jti-1", expires)
            uow.commit()
        with uow_factory() as uow:
            assert uow.revoked_tokens.is_revoked("jti-1")
            assert not uow.revoked_tokens.is_revoked("jti-2")
