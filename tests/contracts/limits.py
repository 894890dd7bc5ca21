"""What the limits against abuse ask of every storage: a host's listings counted, a guest's
recent bookings and a payer's failed payments found, and a user's row locked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.application.repositories import GuestQuery, GuestStanding, IdempotencyRecord
from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import CancelledBy
from rental.domain.calendar.stay import Stay
from rental.domain.limits import RecentBooking
from rental.domain.payments.payment import Payment
from tests.contracts.builders import (
    NOW,
    TODAY,
    UowFactory,
    a_booking,
    a_listing,
    a_payment,
    a_user,
    new_id,
    save,
)


def a_failed_payment(booking_id: str, payer_id: str, minutes_ago: int) -> Payment:
    return Payment.failed(
        payment_id=new_id(), booking_id=booking_id, payer_id=payer_id, amount=100,
        currency="USD", payment_method="card", failure_reason="card_declined",
        now=NOW - timedelta(minutes=minutes_ago),
    )  # fmt: skip


class LimitsContract:
    """Subclass with a ``uow_factory`` fixture, as ``UnitOfWorkContract``."""

    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError("override with the adapter's unit-of-work factory")

    def test_a_hosts_listings_are_counted_without_the_deleted_ones(
        self, uow_factory: UowFactory
    ) -> None:
        host, other = a_user(Role.HOST), a_user(Role.HOST)
        kept, gone = a_listing(host), a_listing(host)
        gone.delete(now=NOW, live_bookings=[])
        save(uow_factory, host, other, kept, gone, a_listing(other))
        with uow_factory() as uow:
            assert uow.listings.hosted_count(host.id) == 1
            assert uow.listings.hosted_count(a_user().id) == 0
            assert [x.id for x in uow.listings.hosted_by(host.id)] == [kept.id]

    def test_a_hosts_live_bookings_from_a_day_are_found_by_check_in(
        self, uow_factory: UowFactory
    ) -> None:
        host, other_host, guest = a_user(Role.HOST), a_user(Role.HOST), a_user()
        listing, elsewhere = a_listing(host), a_listing(other_host)
        past = a_booking(listing, guest, TODAY - timedelta(days=5), now=NOW - timedelta(days=9))
        later = a_booking(listing, guest, TODAY + timedelta(days=20))
        sooner = a_booking(listing, guest, TODAY + timedelta(days=10))
        gone = a_booking(listing, guest, TODAY + timedelta(days=30))
        gone.cancel(CancelledBy.GUEST, NOW)
        other = a_booking(elsewhere, guest, TODAY + timedelta(days=10))
        save(uow_factory, host, other_host, guest, listing, elsewhere)
        save(uow_factory, past, later, sooner, gone, other)
        with uow_factory() as uow:
            assert uow.bookings.live_of_host(host.id, TODAY) == [sooner.id, later.id]

    def test_a_guests_recent_bookings_and_a_payers_failures_are_found(
        self, uow_factory: UowFactory
    ) -> None:
        host, guest, other = a_user(Role.HOST), a_user(), a_user()
        listing = a_listing(host)
        old = a_booking(listing, guest, TODAY + timedelta(days=10), now=NOW - timedelta(hours=2))
        new = a_booking(listing, guest, TODAY + timedelta(days=20))
        others = a_booking(listing, other, TODAY + timedelta(days=30))
        failures = [
            a_failed_payment(new.id, guest.id, 5),
            a_failed_payment(old.id, guest.id, 90),
            a_failed_payment(others.id, other.id, 5),
        ]
        save(uow_factory, host, guest, other, listing, old, new, others, *failures)
        save(uow_factory, a_payment(new))  # authorized, not failed
        with uow_factory() as uow:
            since = NOW - timedelta(hours=1)
            asked = GuestQuery(guest.id, since)
            _, standing = uow.calendars.lock_for_guest(listing.id, new.stay, NOW, asked)
            assert standing.recent == (RecentBooking.of(new),)
            found = uow.payments.failed_of_payer(guest.id, since)
            assert [p.id for p in found] == [failures[0].id]
            uow.users.lock(guest.id)  # a row lock, or nothing where writers queue anyway

    def test_a_booking_request_reads_its_guest_with_the_listings_lock(
        self, uow_factory: UowFactory
    ) -> None:
        host, guest, verified = a_user(Role.HOST), a_user(), a_user()
        verified.verify_email(now=NOW)
        listing = a_listing(host)
        earlier = IdempotencyRecord(
            user_id=verified.id,
            scope="POST /bookings",
            key="k-1",
            fingerprint="f" * 64,
            outcome="created",
            resource_id=new_id(),
            response={},
            created_at=NOW,
        )
        save(uow_factory, host, guest, verified, listing)
        with uow_factory() as uow:
            uow.idempotency.add(earlier)
            uow.commit()
        stay = Stay(TODAY + timedelta(days=3), TODAY + timedelta(days=5))
        with uow_factory() as uow:
            since = NOW - timedelta(hours=1)
            asked = GuestQuery(verified.id, since, ("POST /bookings", "k-1"))
            calendar, standing = uow.calendars.lock_for_guest(listing.id, stay, NOW, asked)
            assert calendar.listing_id == listing.id
            assert standing == GuestStanding(email_verified=True, recent=(), earlier=earlier)
            other_key = GuestQuery(verified.id, since, ("POST /bookings", "k-2"))
            _, standing = uow.calendars.lock_for_guest(listing.id, stay, NOW, other_key)
            assert standing.earlier is None
        with uow_factory() as uow:
            _, standing = uow.calendars.lock_for_guest(
                listing.id, stay, NOW, GuestQuery(guest.id, since)
            )
            assert standing == GuestStanding(email_verified=False, recent=(), earlier=None)
