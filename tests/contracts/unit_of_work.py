"""The contract of the unit of work and its repositories, for every adapter.

Subclass ``UnitOfWorkContract`` and override the ``uow_factory`` fixture: a callable that opens
a new unit of work on one shared, empty store.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal

import pytest

from rental.domain.accounts.users import Role
from rental.domain.errors import (
    BookingNotFound,
    ConcurrentUpdate,
    ListingNotFound,
    PaymentNotFound,
    UserNotFound,
)
from rental.domain.events import ListingUpdated, UserRegistered
from tests.contracts.builders import (
    NOW,
    TODAY,
    UowFactory,
    a_booking,
    a_listing,
    a_payment,
    a_review,
    a_user,
    confirmed,
    new_id,
    save,
    the_review,
)


class UnitOfWorkContract:
    """What every unit of work must do, whatever keeps the data."""

    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError("override with the adapter's unit-of-work factory")

    def test_a_user_round_trips_with_its_aware_timestamps(self, uow_factory: UowFactory) -> None:
        user = a_user(Role.HOST, full_name="Ana Lima")
        save(uow_factory, user)

        with uow_factory() as uow:
            loaded = uow.users.get(user.id)
            assert (loaded.username, loaded.email, loaded.role) == (
                user.username, user.email, "host"
            )  # fmt: skip
            assert loaded.full_name == "Ana Lima" and loaded.bio is None
            assert loaded.created_at == NOW and loaded.created_at.utcoffset() == timedelta(0)
            assert uow.users.by_email(user.email.upper()) is loaded
            assert uow.users.by_email("nobody@example.com") is None
            assert uow.users.username_taken(user.username)
            assert uow.users.username_taken(user.username.upper())  # one name whatever its case
            assert not uow.users.username_taken("someone_else")

    def test_a_listing_round_trips_with_amenities_and_decimal_rating(
        self, uow_factory: UowFactory
    ) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host, amenities=["Wifi", "kitchen"], latitude=38.7, longitude=-9.1)
        listing.record_review(5, NOW)
        listing.record_review(4, NOW)
        listing.record_review(4, NOW)
        save(uow_factory, host, listing)

        with uow_factory() as uow:
            loaded = uow.listings.get(listing.id)
            assert loaded.amenities == ["kitchen", "wifi"]
            assert loaded.rating_average == Decimal("4.33")
            assert (loaded.rating_sum, loaded.review_count) == (13, 3)
            assert (loaded.latitude, loaded.longitude) == (38.7, -9.1)
            assert loaded.fields() == listing.fields()
            assert loaded.version == listing.version

    def test_deleted_listings_are_still_found(self, uow_factory: UowFactory) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host)
        listing.delete(now=NOW, live_bookings=[])
        save(uow_factory, host, listing)

        with uow_factory() as uow:
            assert uow.listings.get(listing.id, for_update=True).deleted_at == NOW

    def test_missing_things_raise_their_not_found_errors(self, uow_factory: UowFactory) -> None:
        with uow_factory() as uow:
            with pytest.raises(UserNotFound):
                uow.users.get(new_id())
            with pytest.raises(ListingNotFound):
                uow.listings.get(new_id(), for_update=True)
            with pytest.raises(BookingNotFound):
                uow.bookings.get(new_id())
            with pytest.raises(PaymentNotFound):
                uow.payments.get(new_id())
            with pytest.raises(ListingNotFound):
                uow.calendars.lock(new_id(), None, NOW)
            assert uow.reviews.for_booking(new_id()) is None

    def test_a_booking_and_its_payments_and_review_round_trip(
        self, uow_factory: UowFactory
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host, cleaning_fee=2_500, weekly_discount_percent=10)
        booking = confirmed(a_booking(listing, guest, TODAY + timedelta(days=3), nights=7), NOW)
        first = a_payment(booking, NOW)
        second = a_payment(booking, NOW + timedelta(seconds=1))
        save(uow_factory, host, guest, listing, booking, second, first)
        later = NOW + timedelta(days=11)
        stay = a_review(booking, 4, later, cleanliness=5)
        save(uow_factory, stay)
        review = the_review(stay)

        with uow_factory() as uow:
            loaded = uow.bookings.get(booking.id, for_update=True)
            assert loaded.stay == booking.stay and loaded.price == booking.price
            assert loaded.status == "confirmed" and loaded.payment_authorized_at == NOW
            assert loaded.version == booking.version
            assert [p.id for p in uow.payments.for_booking(booking.id)] == [first.id, second.id]
            assert uow.payments.get(first.id).amount == booking.total
            found = uow.reviews.for_booking(booking.id)
            assert found is not None and found.version == stay.version
            assert [(r.id, r.rating, r.cleanliness, r.status) for r in found.reviews] == [
                (review.id, 4, 5, "pending")
            ]
            assert found.window_closes_at == booking.review_window_closes_at
            assert uow.reviews.with_review(review.id) is found

    def test_changes_are_kept_and_versions_move(self, uow_factory: UowFactory) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host)
        save(uow_factory, host, listing)

        with uow_factory() as uow:
            uow.listings.get(listing.id).update(now=NOW, title="Renamed", amenities=["pool"])
            uow.commit()

        with uow_factory() as uow:
            loaded = uow.listings.get(listing.id)
            assert (loaded.title, loaded.amenities, loaded.version) == ("Renamed", ["pool"], 2)

    def test_two_writers_of_one_aggregate_never_lose_an_update(
        self, uow_factory: UowFactory
    ) -> None:
        """The second writer either waits for the first (and sees its change) or fails with
        ``ConcurrentUpdate``; it never overwrites a change it has not seen."""
        host = a_user(Role.HOST)
        listing = a_listing(host, title="T")
        save(uow_factory, host, listing)
        loaded, other_done = threading.Event(), threading.Event()
        outcomes: dict[str, str] = {}

        def write(mark: str, first: bool) -> None:
            try:
                with uow_factory() as uow:
                    mine = uow.listings.get(listing.id)
                    if first:
                        loaded.set()
                        other_done.wait(timeout=0.5)  # the other may be waiting for us
                    mine.update(now=NOW, title=f"{mine.title}+{mark}")
                    uow.commit()
                outcomes[mark] = "committed"
            except ConcurrentUpdate:
                outcomes[mark] = "conflict"
            finally:
                if not first:
                    other_done.set()

        first = threading.Thread(target=write, args=("A", True))
        first.start()
        assert loaded.wait(timeout=5)
        write("B", first=False)
        first.join(timeout=60)

        with uow_factory() as uow:
            title = uow.listings.get(listing.id).title
        committed = sorted(m for m, outcome in outcomes.items() if outcome == "committed")
        assert sorted(title.split("+")[1:]) == committed
        assert committed  # at least one of them got through

    def test_leaving_without_commit_discards_changes_and_events(
        self, uow_factory: UowFactory
    ) -> None:
        user = a_user()
        with uow_factory() as uow:
            uow.users.add(user)
        assert uow.collect_new_events() == []

        with uow_factory() as uow, pytest.raises(UserNotFound):
            uow.users.get(user.id)

    def test_events_are_collected_only_after_commit(self, uow_factory: UowFactory) -> None:
        host = a_user(Role.HOST)
        listing = a_listing(host)
        with uow_factory() as uow:
            uow.users.add(host)
            uow.listings.add(listing)
            assert uow.collect_new_events() == []
            uow.commit()
            names = [e.name for e in uow.collect_new_events()]
        assert sorted(names) == ["ListingCreated", "UserRegistered"]
        assert uow.collect_new_events() == []

        with uow_factory() as uow:
            uow.listings.get(listing.id).update(now=NOW, title="New")
            uow.commit()
        assert [type(e) for e in uow.collect_new_events()] == [ListingUpdated]
        assert UserRegistered not in [type(e) for e in uow.collect_new_events()]

    def test_a_provider_event_is_new_once_and_only_with_its_commit(
        self, uow_factory: UowFactory
    ) -> None:
        event_id = f"evt_{new_id()}"
        with uow_factory() as uow:
            assert uow.provider_events.first_time(event_id, "charge.refunded", NOW)
            # not committed: the event was never acted on, so it is new again
        with uow_factory() as uow:
            assert uow.provider_events.first_time(event_id, "charge.refunded", NOW)
            uow.commit()
        with uow_factory() as uow:
            assert not uow.provider_events.first_time(event_id, "charge.refunded", NOW)
            assert uow.provider_events.first_time(f"{event_id}_other", "charge.refunded", NOW)
