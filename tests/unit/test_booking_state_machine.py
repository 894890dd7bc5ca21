"""A random walk through bookings, payments, blocks and the clock, with every step checked
against an oracle written from API.md, and invariants checked on the committed state after
every step: no night sold twice, every stay within its listing's rules, money that adds up."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    multiple,
    rule,
)

from rental.application import commands as c
from rental.domain import errors
from rental.domain.bookings.booking import Booking, BookingStatus
from rental.domain.calendar.stay import local_date
from rental.domain.listings.listing import Listing
from rental.domain.money import percent_of
from rental.domain.payments.payment import Payment
from tests.unit.builders import REFUND_PERCENT, World

TIMEZONES = ("UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata")
SETTLED = ("captured", "refunded", "partially_refunded")
listing_fields = st.fixed_dictionaries({
    "min_nights": st.integers(1, 3),
    "extra_nights": st.sampled_from([0, 2, 6, 27]),
    "max_guests": st.integers(1, 4),
    "instant_book": st.booleans(),
    "cancellation_policy": st.sampled_from(sorted(REFUND_PERCENT)),
    "timezone": st.sampled_from(TIMEZONES),
    "price_per_night": st.integers(50, 50_000),  # a night at least one card payment may be
    "cleaning_fee": st.integers(0, 5_000),
    "weekly_discount_percent": st.integers(0, 50),
    "monthly_discount_percent": st.integers(0, 50),
})  # fmt: skip
short = st.integers(1, 4)
tokens = st.sampled_from(["tok_visa", "tok_visa", "tok_visa", "tok_chargeDeclined"])
fits = st.sampled_from(["fit", "fit", "fit", "fit", "below", "above"])


def refund_percent(policy: str, days: int) -> int:
    """API.md's schedule, looked up at the nearest boundary day at or below ``days``."""
    known = [d for d in sorted(REFUND_PERCENT[policy]) if d <= days]
    return REFUND_PERCENT[policy][known[-1]] if known else 0


class BookingMachine(RuleBasedStateMachine):
    """One host, two guests, a few listings; rules are commands, each with its expected result."""

    bookings = Bundle("bookings")
    freed = Bundle("freed")  # bookings that let go of their nights
    blocks = Bundle("blocks")

    def __init__(self) -> None:
        super().__init__()
        self.world = self.make_world()
        self.host = self.world.user("host")
        self.guests = [self.world.user("guest"), self.world.user("guest")]
        self.listings: dict[str, Listing] = {}
        self.booked: dict[str, c.Actor] = {}  # every booking id made, with its guest

    def make_world(self) -> World:
        """The ``rental`` under test: in memory here; subclasses run the same walk on SQL."""
        return World()

    def teardown(self) -> None:
        self.world.app.close()

    # -- helpers --------------------------------------------------------------------------
    def today(self, listing: Listing) -> date:
        return local_date(self.world.clock.now(), listing.timezone)

    def read(self, booking_id: str) -> Booking:
        return self.world.booking(self.booked[booking_id], booking_id)

    def payments(self, booking_id: str) -> list[Payment]:
        return self.world.payments(self.booked[booking_id], booking_id)

    def held(self, listing: Listing, start: date, end: date) -> bool:
        return bool(self.world.app.reads.availability(listing.id, start, end))

    def calendar(self, listing_id: str) -> list[Any]:
        """Every live booking and block of the listing, from the committed state."""
        today = self.world.today()
        start, end = today - timedelta(days=200), today + timedelta(days=500)
        return self.world.app.reads.availability(listing_id, start, end)

    def expect(self, error: type[Exception] | None, command: c.Command) -> Any:
        # Shown by --hypothesis-show-statistics: how often each outcome was reached.
        event(f"{type(command).__name__} -> {error.__name__ if error else 'done'}")
        if error is None:
            return self.world.handle(command)
        with pytest.raises(error):
            self.world.handle(command)
        return None

    def request(self, listing: Listing, guest: c.Actor, check_in: date, out: date, n: int) -> Any:
        expected: type[Exception] | None = None
        if check_in < self.today(listing):
            expected = errors.CheckInInPast
        elif n > listing.max_guests:
            expected = errors.TooManyGuests
        elif not listing.min_nights <= (out - check_in).days <= listing.max_nights:
            expected = errors.StayLengthNotAllowed
        elif self.held(listing, check_in, out):
            expected = errors.DatesUnavailable
        command = c.RequestBooking(
            actor=guest, listing_id=listing.id, check_in=check_in, check_out=out, guests=n
        )
        booking = self.expect(expected, command)
        if booking is None:
            return multiple()
        self.booked[booking.id] = guest
        assert self.world.app.reads.now_status(booking) == "pending"
        return multiple(booking.id)

    # -- rules ----------------------------------------------------------------------------
    @initialize(configs=st.lists(listing_fields, min_size=1, max_size=3))
    def create_listings(self, configs: list[dict[str, Any]]) -> None:
        for config in configs:
            fields = {k: v for k, v in config.items() if k != "extra_nights"}
            fields["max_nights"] = config["min_nights"] + config["extra_nights"]
            listing = self.world.listing(self.host, **fields)
            self.listings[listing.id] = listing

    # Lengths and parties drawn around the listing's own limits, so that most requests are
    # acceptable and the rest probe each limit.
    @rule(
        target=bookings, which=st.integers(0, 2), guest=st.integers(0, 1),
        offset=st.integers(-1, 20), fit=fits, share=st.integers(0, 100), crowd=st.integers(-3, 1),
    )  # fmt: skip
    def request_booking(
        self, which: int, guest: int, offset: int, fit: str, share: int, crowd: int
    ) -> Any:
        listing = list(self.listings.values())[which % len(self.listings)]
        low, high = listing.min_nights, listing.max_nights
        length = {"fit": low + (high - low) * share // 100, "below": low - 1, "above": high + 1}
        check_in = self.today(listing) + timedelta(days=offset)
        out = check_in + timedelta(days=max(1, length[fit]))
        party = max(1, listing.max_guests + crowd)
        return self.request(listing, self.guests[guest], check_in, out, party)

    @rule(target=bookings, which=st.integers(0, 2), offset=st.integers(0, 20))
    def request_and_pay(self, which: int, offset: int) -> Any:
        """The common path in one step, so that paid bookings are frequent enough to go on."""
        listing = list(self.listings.values())[which % len(self.listings)]
        check_in = self.today(listing) + timedelta(days=offset)
        out = check_in + timedelta(days=listing.min_nights)
        made = self.request(listing, self.guests[offset % 2], check_in, out, 1)
        for booking_id in made:
            self.pay(booking_id, "tok_visa")
        return made

    @rule(target=bookings, booking_id=freed, guest=st.integers(0, 1))
    def book_freed_nights_again(self, booking_id: str, guest: int) -> Any:
        """Nights let go must be bookable again, unless someone has taken them since."""
        old = self.read(booking_id)
        listing = self.listings[old.listing_id]
        return self.request(listing, self.guests[guest], old.check_in, old.check_out, old.guests)

    @rule(booking_id=bookings, token=tokens)
    def pay(self, booking_id: str, token: str) -> None:
        booking, guest = self.read(booking_id), self.booked[booking_id]
        expected: type[Exception] | None = None
        if booking.status_at(self.world.clock.now()) != BookingStatus.PENDING:
            expected = errors.TransitionNotAllowed
        elif any(p.is_live for p in self.payments(booking_id)):
            expected = errors.PaymentAlreadyExists
        elif token != "tok_visa":
            expected = errors.PaymentDeclined
        command = c.PayForBooking(
            actor=guest, booking_id=booking_id, payment_method="card", payment_token=token
        )
        payment = self.expect(expected, command)
        if payment is not None:
            instant = booking.instant_book
            assert payment.status == ("captured" if instant else "authorized")
            assert self.read(booking_id).status == ("confirmed" if instant else "pending")

    def answer(self, command: type[c.ConfirmBooking | c.DeclineBooking], booking_id: str) -> Any:
        booking = self.read(booking_id)
        answerable = booking.status_at(self.world.clock.now()) == "pending" and booking.is_paid
        expected = None if answerable else errors.TransitionNotAllowed
        return self.expect(expected, command(actor=self.host, booking_id=booking_id))

    @rule(booking_id=bookings)
    def confirm(self, booking_id: str) -> None:
        if self.answer(c.ConfirmBooking, booking_id) is not None:
            [payment] = [p for p in self.payments(booking_id) if p.status != "failed"]
            assert payment.status == "captured"

    @rule(target=freed, booking_id=bookings)
    def decline(self, booking_id: str) -> Any:
        declined = self.answer(c.DeclineBooking, booking_id) is not None
        return multiple(booking_id) if declined else multiple()

    @rule(target=freed, booking_id=bookings, by_host=st.booleans())
    def cancel(self, booking_id: str, by_host: bool) -> Any:
        booking, now = self.read(booking_id), self.world.clock.now()
        status = booking.status_at(now)
        actor = self.host if by_host else self.booked[booking_id]
        live = status in (BookingStatus.PENDING, BookingStatus.CONFIRMED)
        refused: type[Exception] | None = None if live else errors.TransitionNotAllowed
        if live and by_host and booking.is_under_way(now):
            refused = errors.PermissionDenied  # only an admin ends a stay under way
        cancelled = self.expect(refused, c.CancelBooking(actor=actor, booking_id=booking_id))
        if cancelled is None:
            return multiple()
        refund = 0
        if status == BookingStatus.CONFIRMED:
            days = (booking.check_in - local_date(now, booking.timezone)).days
            percent = 100 if by_host else refund_percent(booking.cancellation_policy, days)
            refund = percent_of(booking.total, percent)
        assert cancelled.cancelled_by == ("host" if by_host else "guest")
        assert cancelled.refund_amount == refund
        return multiple(booking_id)

    @rule(target=freed, minutes=st.sampled_from([1, 29, 31, 23 * 60, 25 * 60, 3 * 24 * 60]))
    def advance_clock(self, minutes: int) -> Any:
        before = self.world.clock.now()
        after = self.world.clock.advance(minutes=minutes)
        overdue = [
            b.id for b in map(self.read, self.booked)
            if b.status_at(before) == "pending" and b.status_at(after) == "expired"
        ]  # fmt: skip
        return multiple(*overdue)

    @rule(target=freed)
    def expire_bookings(self) -> Any:
        now = self.world.clock.now()
        every = [self.read(booking_id) for booking_id in self.booked]
        expired = [b.id for b in every if b.status == "pending" and b.is_overdue(now)]
        completed = [b for b in every if b.status == "confirmed" and b.today(now) >= b.check_out]
        counts = self.world.app.expire_bookings()
        assert counts == {"expired": len(expired), "completed": len(completed)}
        for booking in map(self.read, self.booked):
            assert booking.status == booking.status_at(now)
        return multiple(*expired)

    @rule(target=blocks, which=st.integers(0, 2), offset=st.integers(0, 20), length=short)
    def block(self, which: int, offset: int, length: int) -> Any:
        listing = list(self.listings.values())[which % len(self.listings)]
        start = self.today(listing) + timedelta(days=offset)
        end = start + timedelta(days=length)
        expected = errors.DatesUnavailable if self.held(listing, start, end) else None
        command = c.BlockDates(actor=self.host, listing_id=listing.id, start=start, end=end)
        block = self.expect(expected, command)
        return multiple() if block is None else multiple((listing.id, block.id))

    @rule(block=consumes(blocks))
    def unblock(self, block: tuple[str, str]) -> None:
        listing_id, block_id = block
        self.world.handle(c.UnblockDates(actor=self.host, listing_id=listing_id, block_id=block_id))
        assert all(e.holder_id != block_id for e in self.calendar(listing_id))

    # -- invariants -------------------------------------------------------------------------
    @invariant()
    def no_night_is_held_twice(self) -> None:
        now = self.world.clock.now()
        for listing_id in self.listings:
            entries = self.calendar(listing_id)
            for earlier, later in itertools.pairwise(entries):
                assert earlier.end <= later.start, (earlier, later)
            live = [b for b in map(self.read, self.booked) if b.listing_id == listing_id]
            booked = {e.holder_id for e in entries if e.reason == "booked"}
            assert booked == {b.id for b in live if b.is_live(now)}

    @invariant()
    def every_stay_keeps_its_listing_rules(self) -> None:
        for booking in map(self.read, self.booked):
            listing = self.listings[booking.listing_id]
            assert listing.min_nights <= booking.nights <= listing.max_nights
            assert 1 <= booking.guests <= listing.max_guests

    @invariant()
    def money_adds_up(self) -> None:
        gateway, references = self.world.gateway, {}
        for booking in map(self.read, self.booked):
            listing = self.listings[booking.listing_id]
            price = booking.price
            assert price.nightly_subtotal == booking.nights * listing.price_per_night
            percent = listing.weekly_discount_percent if booking.nights >= 7 else 0
            percent = listing.monthly_discount_percent if booking.nights >= 28 else percent
            assert price.discount == percent_of(price.nightly_subtotal, percent)
            before_fee = price.nightly_subtotal - price.discount + price.cleaning_fee
            assert price.service_fee == percent_of(before_fee, 10)
            assert price.total == before_fee + price.service_fee
            assert (
                min(price.discount, price.cleaning_fee, price.service_fee) >= 0 and price.total > 0
            )
            b = booking
            payments = self.payments(b.id)
            assert sum(p.is_live for p in payments) <= 1
            settled = [p for p in payments if p.status in SETTLED]
            assert len(settled) <= 1
            if b.status in ("confirmed", "completed"):
                assert len(settled) == 1
            assert (b.refund_amount or 0) == sum(p.refunded_amount for p in payments)
            assert b.is_paid == any(p.status != "failed" for p in payments)
            if b.status in ("declined", "cancelled", "expired"):  # the hold on the card let go
                assert all(p.status != "authorized" for p in payments)
            assert 0 <= (b.refund_amount or 0) <= b.total
            for p in payments:
                assert (p.amount, p.currency) == (b.total, b.currency)
                assert 0 <= p.refunded_amount <= p.amount
                assert (p.gateway_reference is None) == (p.status == "failed")
                if p.gateway_reference is not None:
                    references[p.gateway_reference] = p
        assert set(gateway.authorized) == set(references)
        assert {r: m.amount for r, m in gateway.captured.items()} == {
            r: p.amount for r, p in references.items() if p.status in SETTLED
        }
        assert gateway.voided == {r for r, p in references.items() if p.status == "voided"}
        assert {r: a for r, a in gateway.refunded.items()} == {
            r: p.refunded_amount for r, p in references.items() if p.refunded_amount
        }


TestBookingMachine = BookingMachine.TestCase
TestBookingMachine.settings = settings(stateful_step_count=30, deadline=None)
