"""The contract of the read side, for every adapter.

Subclass ``ReadModelContract`` and override ``uow_factory`` (to write) and ``read_model``
(to read the same store).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.application.queries import (
    ListingSearch,
    ListingSort,
    PageRequest,
    PayoutTotals,
    ReadModel,
)
from rental.domain.accounts.users import Role, TokenStanding
from rental.domain.bookings.booking import Booking, CancelledBy
from rental.domain.calendar.nights import Reason
from rental.domain.payments.ledger import LedgerEntry
from rental.domain.payments.payouts import Payout, Recovery
from rental.domain.reviews.review import Side
from tests.contracts.builders import (
    NOW,
    TODAY,
    UowFactory,
    a_block,
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

IN = TODAY + timedelta(days=10)
OUT = IN + timedelta(days=5)


class ReadModelContract:
    """What every read model must answer."""

    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError("override with the adapter's unit-of-work factory")

    @pytest.fixture
    def read_model(self) -> ReadModel:
        raise NotImplementedError("override with the adapter's read model on the same store")

    def ids(self, read_model: ReadModel, **search: object) -> list[str]:
        page = read_model.search_listings(ListingSearch(**search), NOW)  # type: ignore[arg-type]
        return [listing.id for listing in page.items]

    def test_a_tokens_standing_shows_revocation_version_and_disabling(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        user, disabled = a_user(), a_user()
        disabled.disable(now=NOW)
        save(uow_factory, user, disabled)
        with uow_factory() as uow:
            uow.revoked_tokens.revoke("jti-out", NOW + timedelta(hours=1))
            uow.commit()

        fresh = read_model.token_standing(user.id, "jti-in")
        assert fresh == TokenStanding(token_version=0, disabled=False, revoked=False)
        signed_out = read_model.token_standing(user.id, "jti-out")
        assert signed_out == TokenStanding(token_version=0, disabled=False, revoked=True)
        assert read_model.token_standing(disabled.id, "jti-in") == TokenStanding(
            token_version=1, disabled=True, revoked=False
        )
        assert read_model.token_standing(new_id(), "jti-in") is None

    def test_single_things_by_id(self, uow_factory: UowFactory, read_model: ReadModel) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing, gone = a_listing(host), a_listing(host)
        gone.delete(now=NOW, live_bookings=[])
        booking = a_booking(listing, guest, IN)
        first, second = a_payment(booking), a_payment(booking, NOW + timedelta(seconds=1))
        save(uow_factory, host, guest, listing, gone, booking, second, first)

        assert read_model.user(guest.id).email == guest.email  # type: ignore[union-attr]
        assert read_model.user(new_id()) is None
        assert read_model.listing(listing.id).title == listing.title  # type: ignore[union-attr]
        assert read_model.listing(gone.id) is None
        assert read_model.booking(booking.id).total == booking.total  # type: ignore[union-attr]
        assert read_model.booking(new_id()) is None
        assert read_model.payment(first.id).status == "authorized"  # type: ignore[union-attr]
        assert read_model.payment(new_id()) is None
        assert [p.id for p in read_model.booking_payments(booking.id)] == [first.id, second.id]
        assert read_model.review_of_booking(booking.id) is None

    def test_search_filters(self, uow_factory: UowFactory, read_model: ReadModel) -> None:
        host = a_user(Role.HOST)
        lisbon = a_listing(host, city="Lisbon", max_guests=2, price_per_night=8_000,
                           amenities=["wifi", "kitchen"])  # fmt: skip
        porto = a_listing(host, city="Porto", max_guests=6, price_per_night=15_000,
                          amenities=["wifi"])  # fmt: skip
        paris = a_listing(host, city="Paris", country="FR", max_guests=4, price_per_night=12_000)
        deleted = a_listing(host, city="Lisbon")
        deleted.delete(now=NOW, live_bookings=[])
        save(uow_factory, host, lisbon, porto, paris, deleted)

        assert set(self.ids(read_model)) == {lisbon.id, porto.id, paris.id}
        assert self.ids(read_model, city="lisBON") == [lisbon.id]
        assert self.ids(read_model, city="Lis") == []
        assert set(self.ids(read_model, country="pt")) == {lisbon.id, porto.id}
        assert set(self.ids(read_model, guests=4)) == {porto.id, paris.id}
        assert self.ids(read_model, min_price=12_001) == [porto.id]
        assert set(self.ids(read_model, max_price=12_000)) == {lisbon.id, paris.id}
        assert self.ids(read_model, min_price=12_000, max_price=12_000) == [paris.id]
        assert set(self.ids(read_model, amenities=["wifi"])) == {lisbon.id, porto.id}
        assert self.ids(read_model, amenities=["wifi", "kitchen"]) == [lisbon.id]
        assert self.ids(read_model, amenities=["pool"]) == []
        assert self.ids(read_model, city="Porto", guests=7) == []

    def test_stay_filter_keeps_listings_free_for_every_night(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        names = ["free", "booked", "blocked", "adjacent", "cancelled", "overdue", "unanswered",
                 "paid", "too_short", "too_long"]  # fmt: skip
        rules = {"too_short": {"min_nights": 6}, "too_long": {"max_nights": 4}}
        listing = {name: a_listing(host, **rules.get(name, {})) for name in names}
        booked = confirmed(a_booking(listing["booked"], guest, OUT - timedelta(days=1), 2), NOW)
        before = a_booking(listing["adjacent"], guest, IN - timedelta(days=3), 3)
        after = a_booking(listing["adjacent"], guest, OUT, 3)
        cancelled = a_booking(listing["cancelled"], guest, IN)
        cancelled.cancel(CancelledBy.GUEST, NOW)
        unpaid_overdue = a_booking(listing["overdue"], guest, IN, now=NOW - timedelta(minutes=30))
        unanswered = a_booking(listing["unanswered"], guest, IN, now=NOW - timedelta(hours=24.1))
        unanswered.record_payment_authorized(NOW - timedelta(hours=24))
        paid = a_booking(listing["paid"], guest, IN, now=NOW - timedelta(hours=23.1))
        paid.record_payment_authorized(NOW - timedelta(hours=23))
        block = a_block(listing["blocked"], IN - timedelta(days=2), 3)
        save(uow_factory, host, guest, *listing.values(), booked, before, after, cancelled,
             unpaid_overdue, unanswered, paid, block)  # fmt: skip

        found = set(self.ids(read_model, check_in=IN, check_out=OUT))

        free = {"free", "adjacent", "cancelled", "overdue", "unanswered"}
        assert found == {listing[name].id for name in free}

    def test_sorting_breaks_ties_by_id(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        cheap = [a_listing(host, price_per_night=5_000, now=NOW - timedelta(days=2)) for _ in "ab"]
        dear = a_listing(host, price_per_night=9_000, now=NOW)
        rated = a_listing(host, price_per_night=7_000, now=NOW - timedelta(days=1))
        rated.record_review(5, NOW)
        low = a_listing(host, price_per_night=7_000, now=NOW - timedelta(days=1))
        low.record_review(3, NOW)
        save(uow_factory, host, guest, *cheap, dear, rated, low)
        cheap_ids = sorted(x.id for x in cheap)
        mid_ids = sorted([rated.id, low.id])

        assert self.ids(read_model, sort=ListingSort.PRICE) == [*cheap_ids, *mid_ids, dear.id]
        assert self.ids(read_model, sort=ListingSort.PRICE_DESC) == [dear.id, *mid_ids, *cheap_ids]
        assert self.ids(read_model, sort=ListingSort.RATING) == [rated.id, low.id, *sorted(
            [*cheap_ids, dear.id]
        )]  # fmt: skip
        assert self.ids(read_model) == [dear.id, *mid_ids, *cheap_ids]  # newest first

    def test_pages_and_totals(self, uow_factory: UowFactory, read_model: ReadModel) -> None:
        host = a_user(Role.HOST)
        listings = [a_listing(host, price_per_night=1_000 * (i + 1)) for i in range(5)]
        save(uow_factory, host, *listings)
        search = ListingSearch(sort=ListingSort.PRICE, page=PageRequest(page=2, per_page=2))

        page = read_model.search_listings(search, NOW)
        assert [x.id for x in page.items] == [listings[2].id, listings[3].id]
        assert (page.page, page.per_page, page.total) == (2, 2, 5)
        beyond = read_model.search_listings(
            ListingSearch(page=PageRequest(page=9, per_page=2)), NOW
        )
        assert (beyond.items, beyond.total) == ([], 5)
        empty = read_model.search_listings(ListingSearch(city="Nowhere"), NOW)
        assert (empty.items, empty.total) == ([], 0)

    def test_unavailable_lists_live_bookings_and_blocks_in_the_window(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host)
        booked = a_booking(listing, guest, IN, 2)
        overdue = a_booking(listing, guest, IN + timedelta(days=2), 2, NOW - timedelta(hours=1))
        block = a_block(listing, IN + timedelta(days=4), 3)
        outside = a_booking(listing, guest, OUT + timedelta(days=10), 2)
        save(uow_factory, host, guest, listing, booked, overdue, block, outside)

        entries = read_model.unavailable(listing.id, IN - timedelta(days=1), OUT, NOW)

        assert [(e.start, e.end, e.reason) for e in entries] == [
            (booked.check_in, booked.check_out, Reason.BOOKED),
            (block.start, block.end, Reason.BLOCKED),
        ]

    def test_trips_and_host_bookings_newest_check_in_first(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, other_host, guest = a_user(Role.HOST), a_user(Role.HOST), a_user()
        mine, theirs = a_listing(host), a_listing(other_host)
        first = a_booking(mine, guest, IN)
        second = a_booking(theirs, guest, IN + timedelta(days=20))
        third = a_booking(mine, guest, IN + timedelta(days=40))
        save(uow_factory, host, other_host, guest, mine, theirs, first, second, third)

        trips = read_model.trips(guest.id, PageRequest(page=1, per_page=2))
        assert ([b.id for b in trips.items], trips.total) == ([third.id, second.id], 3)
        hosted = read_model.host_bookings(host.id, PageRequest())
        assert ([b.id for b in hosted.items], hosted.total) == ([third.id, first.id], 2)
        assert read_model.host_bookings(guest.id, PageRequest()).total == 0

    def test_reviews_of_a_listing_newest_first(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing = a_listing(host)
        long_ago = NOW - timedelta(days=60)
        days = [long_ago.date() + timedelta(days=i) for i in (1, 3)]
        stays = [confirmed(a_booking(listing, guest, day, 1, long_ago), long_ago) for day in days]
        older = a_review(stays[0], 5, long_ago + timedelta(days=3))
        newer = a_review(stays[1], 3, long_ago + timedelta(days=5))
        a_week_ago = NOW - timedelta(days=7)
        recent = confirmed(
            a_booking(listing, guest, TODAY - timedelta(days=3), 1, a_week_ago), a_week_ago
        )
        hidden = a_review(recent, 1, NOW)  # pending: its 14 days run on
        save(uow_factory, host, guest, listing, *stays, recent, older, newer, hidden)

        # Both older ones read as published: their stays' 14 days are over.
        page = read_model.listing_reviews(listing.id, PageRequest(), NOW)
        assert [r.id for r in page.items] == [the_review(newer).id, the_review(older).id]
        assert page.total == 2
        assert read_model.review_of_booking(stays[0].id).rating == 5  # type: ignore[union-attr]
        assert read_model.review_of_booking(recent.id).id == the_review(hidden).id  # type: ignore[union-attr]
        assert read_model.review_of_booking(recent.id, "host") is None
        later = NOW + timedelta(days=30)
        assert read_model.listing_reviews(listing.id, PageRequest(), later).total == 3

    def test_reviews_of_a_guest_by_hosts(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest, other = a_user(Role.HOST), a_user(), a_user()
        listing = a_listing(host)
        long_ago = NOW - timedelta(days=60)
        days = [long_ago.date() + timedelta(days=i) for i in (1, 3)]
        stays = [confirmed(a_booking(listing, guest, day, 1, long_ago), long_ago) for day in days]
        by_host = a_review(stays[0], 2, long_ago + timedelta(days=3), Side.HOST)
        by_guest = a_review(stays[1], 5, long_ago + timedelta(days=5))
        save(uow_factory, host, guest, other, listing, *stays, by_host, by_guest)

        pages = read_model.user_reviews_pages([guest.id, other.id], PageRequest(), NOW)
        assert [r.id for r in pages[guest.id].items] == [the_review(by_host, Side.HOST).id]
        assert (pages[guest.id].total, pages[other.id].total) == (1, 0)
        assert (
            read_model.user_reviews_pages([guest.id], PageRequest(), long_ago)[guest.id].total == 0
        )
        assert read_model.reviews_of_bookings([stays[0].id]) == {}  # the guest's side only

    def test_batches_answer_what_the_single_reads_answer(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        listing, gone = a_listing(host), a_listing(host)
        gone.delete(now=NOW, live_bookings=[])
        booking, other = a_booking(listing, guest, IN), a_booking(listing, guest, OUT)
        first, second = a_payment(booking), a_payment(booking, NOW + timedelta(seconds=1))
        save(uow_factory, host, guest, listing, gone, booking, other, second, first)
        missing = new_id()

        assert set(read_model.users_by_id([host.id, guest.id, missing])) == {host.id, guest.id}
        # Deleted listings are kept: a booking still shows the listing it was made on.
        assert set(read_model.listings_by_id([listing.id, gone.id, missing])) == {
            listing.id,
            gone.id,
        }
        assert set(read_model.bookings_by_id([booking.id, missing])) == {booking.id}
        payments = read_model.payments_of_bookings([booking.id, other.id])
        assert [p.id for p in payments[booking.id]] == [first.id, second.id]
        assert payments[other.id] == []
        assert read_model.reviews_of_bookings([booking.id]) == {}
        assert read_model.users_by_id([]) == {}

    def test_review_pages_of_many_listings_at_once(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, guest = a_user(Role.HOST), a_user()
        busy, quiet, unrated = a_listing(host), a_listing(host), a_listing(host)
        long_ago = NOW - timedelta(days=60)
        stays, written = [], []
        for i, listing in enumerate([busy, busy, busy, quiet]):
            start = long_ago.date() + timedelta(days=2 * i + 1)
            stay = confirmed(a_booking(listing, guest, start, 1, long_ago), long_ago)
            stays.append(stay)
            written.append(a_review(stay, 1 + i, long_ago + timedelta(days=2 * i + 3)))
        save(uow_factory, host, guest, busy, quiet, unrated, *stays, *written)
        reviews = [the_review(r) for r in written]
        ids = [busy.id, quiet.id, unrated.id]

        pages = read_model.reviews_pages(ids, PageRequest(page=1, per_page=2), NOW)
        for listing_id in ids:
            single = read_model.listing_reviews(listing_id, PageRequest(page=1, per_page=2), NOW)
            assert [r.id for r in pages[listing_id].items] == [r.id for r in single.items]
            assert pages[listing_id].total == single.total
        assert [r.id for r in pages[busy.id].items] == [reviews[2].id, reviews[1].id]
        second = read_model.reviews_pages(ids, PageRequest(page=2, per_page=2), NOW)
        assert ([r.id for r in second[busy.id].items], second[busy.id].total) == (
            [reviews[0].id],
            3,
        )
        # Past the end there is no row to carry the total; it is still the total.
        assert (second[quiet.id].items, second[quiet.id].total) == ([], 1)
        assert (second[unrated.id].items, second[unrated.id].total) == ([], 0)
        reviews_of = read_model.reviews_of_bookings([stays[0].id, stays[3].id])
        assert {b: r.id for b, r in reviews_of.items()} == {
            stays[0].id: reviews[0].id,
            stays[3].id: reviews[3].id,
        }

    def test_unavailable_and_host_listings_in_batches(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, other, guest = a_user(Role.HOST), a_user(Role.HOST), a_user()
        older = a_listing(host, now=NOW - timedelta(days=1))
        newer, gone, theirs = a_listing(host), a_listing(host), a_listing(other)
        gone.delete(now=NOW, live_bookings=[])
        booked = a_booking(older, guest, IN, 2)
        block = a_block(newer, IN + timedelta(days=1), 3)
        save(uow_factory, host, other, guest, older, newer, gone, theirs, booked, block)
        start, end = IN - timedelta(days=1), OUT

        found = read_model.unavailable_by_listing([older.id, newer.id, theirs.id], start, end, NOW)

        for listing_id, entries in found.items():
            assert entries == read_model.unavailable(listing_id, start, end, NOW)
        assert [e.reason for e in found[older.id]] == [Reason.BOOKED]
        assert [e.reason for e in found[newer.id]] == [Reason.BLOCKED]
        assert found[theirs.id] == []
        page = read_model.host_listings(host.id, PageRequest(page=1, per_page=5))
        assert ([x.id for x in page.items], page.total) == ([newer.id, older.id], 2)

    def test_payouts_with_their_balances_recoveries_and_sums(
        self, uow_factory: UowFactory, read_model: ReadModel
    ) -> None:
        host, other, guest = a_user(Role.HOST), a_user(Role.HOST), a_user()
        listing, elsewhere = a_listing(host), a_listing(other)
        refunded, later, soon = (a_booking(listing, guest, IN + timedelta(days=d))
                                 for d in (0, 5, 10))  # fmt: skip
        theirs = a_booking(elsewhere, guest, IN)
        bookings = [refunded, later, soon, theirs]
        payments = {b.id: a_payment(b) for b in bookings}
        save(uow_factory, host, other, guest, listing, elsewhere, *bookings, *payments.values())

        def payout(booking: Booking, days: int) -> Payout:
            due_at = NOW + timedelta(days=days)
            return Payout(id=new_id(), booking_id=booking.id, host_id=booking.host_id,
                          currency="USD", due_at=due_at, created_at=NOW)  # fmt: skip

        def entry(booking: Booking, amount: int) -> LedgerEntry:
            return LedgerEntry(
                id=new_id(), booking_id=booking.id, payment_id=payments[booking.id].id,
                host_id=booking.host_id, account="host", amount=amount, currency="USD",
                reason="capture", created_at=NOW,
            )  # fmt: skip

        first, second, third, fourth = (payout(b, d) for b, d in
                                        zip(bookings, (1, 2, 30, 3), strict=True))  # fmt: skip
        first.pay(1000, 0, "ref-1", NOW + timedelta(days=1))
        second.pay(700, 700, None, NOW + timedelta(days=2))
        with uow_factory() as uow:
            for p in (first, second, third, fourth):
                uow.payouts.add(p)
            uow.ledger.append([entry(refunded, 1000), entry(refunded, -1000), entry(later, 700),
                               entry(soon, 300), entry(theirs, 50)])  # fmt: skip
            uow.payouts.add_recoveries([Recovery(
                id=new_id(), host_id=host.id, currency="USD", payout_id=second.id,
                booking_id=refunded.id, amount=700, created_at=NOW,
            )])  # fmt: skip
            uow.commit()

        page = read_model.payouts(host.id, PageRequest(1, 2))
        assert page.total == 3
        assert [r.payout.id for r in page.items] == [third.id, second.id]  # newest due first
        (rest,) = read_model.payouts(host.id, PageRequest(2, 2)).items
        assert (rest.payout.id, rest.balance, rest.recovered) == (first.id, 0, 700)
        assert (rest.payout.amount, rest.payout.status) == (1000, "paid")
        assert read_model.payouts(host.id, PageRequest(3, 2)).total == 3
        assert [r.balance for r in page.items] == [300, 700]
        assert page.items[1].payout.deducted == 700
        assert read_model.payouts(None, PageRequest(1, 10)).total == 4

        now = NOW + timedelta(days=4)
        assert read_model.payout_totals(host.id, now) == [
            PayoutTotals(currency="USD", scheduled=300, due=0, paid=1000, deducted=700, owed=300)
        ]
        assert read_model.payout_totals(None, now) == [
            PayoutTotals(currency="USD", scheduled=300, due=50, paid=1000, deducted=700, owed=300)
        ]
        assert read_model.payout_totals(new_id(), now) == []
