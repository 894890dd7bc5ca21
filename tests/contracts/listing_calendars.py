"""The contract of the booking aggregate's port, ``uow.calendars``: ``lock`` and ``add``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import attrs
import pytest

from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import Booking, CancelledBy
from rental.domain.calendar.nights import Reason
from rental.domain.calendar.stay import Stay
from rental.domain.errors import (
    BookingNotFound,
    DatesUnavailable,
    ListingNotFound,
    PermissionDenied,
)
from tests.contracts.builders import (
    NOW,
    TODAY,
    UowFactory,
    a_block,
    a_booking,
    a_listing,
    a_user,
    confirmed,
    new_id,
    save,
)
from tests.matchers import exact


def nights(start: int, end: int) -> Stay:
    return Stay(TODAY + timedelta(days=start), TODAY + timedelta(days=end))


class ListingCalendarsContract:
    """A listing's calendar over a stay, as every adapter must give it."""

    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError("override with the adapter's unit-of-work factory")

    def test_lock_gives_the_terms_and_what_holds_the_nights_asked_for(
        self, uow_factory: UowFactory
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(
            host, timezone="Europe/Lisbon", cleaning_fee=2500, weekly_discount_percent=10,
            monthly_discount_percent=20, min_nights=2, max_nights=30, instant_book=False,
            cancellation_policy="strict", currency="EUR",
        )  # fmt: skip
        other = a_listing(host)
        before = a_booking(listing, guest, TODAY + timedelta(days=1), 2)  # ends as the stay starts
        paid = confirmed(a_booking(listing, guest, TODAY + timedelta(days=5), 3), NOW)
        pending = a_booking(listing, guest, TODAY + timedelta(days=9), 2)
        overdue = a_booking(listing, guest, TODAY + timedelta(days=14), 2, NOW - timedelta(hours=1))
        cancelled = a_booking(listing, guest, TODAY + timedelta(days=4), 2)
        cancelled.cancel(CancelledBy.GUEST, NOW)
        block = a_block(listing, TODAY + timedelta(days=11), 2)
        after = a_block(listing, TODAY + timedelta(days=30), 2)
        elsewhere = a_booking(other, guest, TODAY + timedelta(days=6), 2)
        save(uow_factory, host, guest, listing, other, before, paid, pending, overdue, cancelled,
             block, after, elsewhere)  # fmt: skip

        with uow_factory() as uow:
            calendar = uow.calendars.lock(listing.id, nights(3, 16), NOW)
        assert (calendar.listing_id, calendar.host_id, calendar.listed) == (
            listing.id, host.id, True,
        )  # fmt: skip
        assert calendar.terms == listing.terms
        assert [(e.holder_id, e.reason) for e in calendar.held.entries] == [
            (paid.id, Reason.BOOKED), (pending.id, Reason.BOOKED), (block.id, Reason.BLOCKED),
        ]  # fmt: skip
        assert calendar.overdue == (overdue.id,)

    def test_a_missing_listing_is_not_found_and_a_deleted_one_is_not_listed(
        self, uow_factory: UowFactory
    ) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host)
        listing.delete(now=NOW, live_bookings=[])
        save(uow_factory, host, listing)
        with uow_factory() as uow:
            assert uow.calendars.lock(listing.id, nights(1, 3), NOW).listed is False
            with pytest.raises(ListingNotFound, match=exact("No listing no-such-listing.")):
                uow.calendars.lock("no-such-listing", nights(1, 3), NOW)

    def test_tonight_in_the_listing_time_zone_is_read_after_midnight_utc(
        self, uow_factory: UowFactory
    ) -> None:
        """At 04:00 UTC on the 11th it is still the 10th in Los Angeles: a stay there to the
        11th holds tonight, and a request from the 10th must meet it."""
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host, timezone="America/Los_Angeles")
        earlier = NOW - timedelta(days=2)
        held = confirmed(a_booking(listing, guest, date(2030, 1, 9), 2, earlier), earlier)
        save(uow_factory, host, guest, listing, held)
        late = datetime(2030, 1, 11, 4, 0, tzinfo=UTC)

        with uow_factory() as uow:
            calendar = uow.calendars.lock(
                listing.id, Stay(date(2030, 1, 10), date(2030, 1, 12)), late
            )
            assert [e.holder_id for e in calendar.held.entries] == [held.id]
            with pytest.raises(
                DatesUnavailable,
                match=exact(
                    "Some nights from 2030-01-10 to 2030-01-12 are already booked or blocked."
                ),
            ):
                calendar.request_booking(
                    booking_id=new_id(), guest_id=guest.id, guests=1, now=late,
                    stay=Stay(date(2030, 1, 10), date(2030, 1, 12)),
                )  # fmt: skip

    def test_a_booking_added_is_kept_with_the_commit_and_gone_without(
        self, uow_factory: UowFactory
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host)
        save(uow_factory, host, guest, listing)
        stay = nights(3, 5)

        with uow_factory() as uow:
            calendar = uow.calendars.lock(listing.id, stay, NOW)
            dropped = calendar.request_booking(
                booking_id=new_id(), guest_id=guest.id, stay=stay, guests=2, now=NOW
            )
        with uow_factory() as uow:
            calendar = uow.calendars.lock(listing.id, stay, NOW)
            assert calendar.held.entries == ()
            booking = calendar.request_booking(
                booking_id=new_id(), guest_id=guest.id, stay=stay, guests=2, now=NOW
            )
            with pytest.raises(
                DatesUnavailable,
                match=exact(
                    "Some nights from 2030-01-13 to 2030-01-15 are already booked or blocked."
                ),
            ):  # the calendar holds it at once
                calendar.request_booking(
                    booking_id=new_id(), guest_id=guest.id, stay=stay, guests=1, now=NOW
                )
            uow.commit()
            events = uow.collect_new_events()

        assert [e.name for e in events] == ["BookingRequested"]
        with uow_factory() as uow:
            kept = uow.bookings.get(booking.id)
            assert {f.name: getattr(kept, f.name) for f in attrs.fields(Booking)} == {
                f.name: getattr(booking, f.name) for f in attrs.fields(Booking)
            }
            with pytest.raises(BookingNotFound):
                uow.bookings.get(dropped.id)
            assert [
                e.holder_id for e in uow.calendars.lock(listing.id, stay, NOW).held.entries
            ] == [booking.id]

    def test_the_host_cannot_book_and_the_listing_rules_hold(self, uow_factory: UowFactory) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host, max_guests=2)
        save(uow_factory, host, guest, listing)
        with uow_factory() as uow:
            calendar = uow.calendars.lock(listing.id, nights(1, 3), NOW)
        with pytest.raises(PermissionDenied, match=exact("Hosts cannot book their own listing.")):
            calendar.request_booking(
                booking_id=new_id(), guest_id=host.id, stay=nights(1, 3), guests=1, now=NOW
            )
        assert calendar.held.entries == ()

    def test_blocks_made_and_removed_are_kept_with_the_commit_and_gone_without(
        self, uow_factory: UowFactory
    ) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host)
        old = a_block(listing, TODAY + timedelta(days=20), 2)
        save(uow_factory, host, listing, old)

        with uow_factory() as uow:  # rolled back: nothing changes
            calendar = uow.calendars.lock(listing.id, None, NOW)
            calendar.block(block_id=new_id(), stay=nights(3, 5), now=NOW)
            calendar.unblock(old.id, NOW)
        with uow_factory() as uow:
            calendar = uow.calendars.lock(listing.id, None, NOW)
            assert [e.holder_id for e in calendar.held.entries] == [old.id]
            made = calendar.block(block_id=new_id(), stay=nights(3, 5), now=NOW)
            calendar.unblock(old.id, NOW)
            uow.commit()
            events = uow.collect_new_events()

        assert [e.name for e in events] == ["DatesBlocked", "DatesUnblocked"]
        with uow_factory() as uow:
            calendar = uow.calendars.lock(listing.id, None, NOW)
            assert list(calendar.blocks) == [made.id]
            assert (calendar.blocks[made.id].start, calendar.blocks[made.id].end) == (
                made.start, made.end,
            )  # fmt: skip
