"""A random walk through bookings, payments, confirms, cancellations, refunds made at the
provider, the clock and host payouts. After every step each booking's ledger entries sum to
what the gateway holds for it, and no payout ever pays a host money already refunded."""

from __future__ import annotations

import contextlib
import itertools

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from rental.application import commands as c
from rental.application.ports import ProviderEvent
from rental.domain import errors
from rental.domain.ledger import Account
from rental.domain.money import Money
from tests.unit.builders import World

listings = st.fixed_dictionaries({
    "instant_book": st.booleans(),
    "cancellation_policy": st.sampled_from(["flexible", "moderate", "strict"]),
    "price_per_night": st.integers(1, 90_000),
    "cleaning_fee": st.integers(0, 9_000),
    "weekly_discount_percent": st.integers(0, 40),
    "timezone": st.sampled_from(["UTC", "Pacific/Auckland", "America/Los_Angeles"]),
})  # fmt: skip


class LedgerMachine(RuleBasedStateMachine):
    bookings = Bundle("bookings")

    def __init__(self) -> None:
        super().__init__()
        self.world = World()
        self.host = self.world.user("host")
        self.guest = self.world.user("guest")
        self.keys = itertools.count(1)
        self.paid: dict[str, int] = {}  # booking id -> what its payout paid

    def uow(self):  # type: ignore[no-untyped-def]
        return self.world.app.dependencies.uow_factory()

    def payments(self, booking_id: str) -> list[object]:
        with self.uow() as uow:
            return [p for p in uow.payments.for_booking(booking_id) if p.gateway_reference]

    def host_balance(self, booking_id: str) -> int:
        with self.uow() as uow:
            entries = uow.ledger.for_booking(booking_id)
        return sum(e.amount for e in entries if e.account == Account.HOST)

    @rule(target=bookings, fields=listings, start=st.integers(1, 20), nights=st.integers(1, 9))
    def book_and_pay(self, fields: dict[str, object], start: int, nights: int) -> str:
        listing = self.world.listing(self.host, **fields)
        booking = self.world.book(self.guest, listing, start=start, nights=nights)
        self.world.pay(self.guest, booking)
        return booking.id

    @rule(booking_id=bookings)
    def confirm(self, booking_id: str) -> None:
        with contextlib.suppress(errors.TransitionNotAllowed):
            self.world.handle(c.ConfirmBooking(actor=self.host, booking_id=booking_id))

    @rule(booking_id=bookings, by_host=st.booleans())
    def cancel(self, booking_id: str, by_host: bool) -> None:
        actor = self.host if by_host else self.guest
        with contextlib.suppress(errors.TransitionNotAllowed):
            self.world.handle(c.CancelBooking(actor=actor, booking_id=booking_id))

    @rule(booking_id=bookings, part=st.integers(1, 100))
    def refund_from_the_dashboard(self, booking_id: str, part: int) -> None:
        """A refund made at the provider, outside our commands, then its webhook event."""
        gateway = self.world.gateway
        for payment in self.payments(booking_id):
            reference = payment.gateway_reference  # type: ignore[attr-defined]
            captured = gateway.captured.get(reference)
            if captured is None:
                continue
            left = captured.amount - gateway.refunded.get(reference, 0)
            amount = max(1, left * part // 100)
            if left <= 0:
                continue
            gateway.refund(reference, Money(amount, captured.currency), f"dash-{next(self.keys)}")
            event = ProviderEvent(
                id=f"evt_{next(self.keys)}", type="charge.refunded", reference=reference,
                refunded=gateway.refunded[reference],
            )  # fmt: skip
            self.world.handle(c.HandleProviderEvent(event=event))

    @rule(hours=st.sampled_from([1, 12, 24, 24 * 3, 24 * 8]))
    def advance_clock(self, hours: int) -> None:
        self.world.clock.advance(hours=hours)

    @rule()
    def pay_hosts(self) -> None:
        now = self.world.clock.now()
        with self.uow() as uow:
            due = uow.payouts.due(now, 1000)
        owed = {booking_id: self.host_balance(booking_id) for booking_id in due}
        self.world.app.pay_hosts()
        for view in self.world.app.payouts(self.host):
            if view.booking_id in owed and view.status == "paid":
                # Paid exactly the host's share of the money still held: nothing refunded.
                assert view.amount == owed[view.booking_id] > 0
                self.paid[view.booking_id] = view.amount
            elif view.booking_id in owed:
                assert view.status == "cancelled" and owed[view.booking_id] <= 0

    @invariant()
    def every_booking_s_entries_sum_to_what_the_gateway_holds(self) -> None:
        gateway = self.world.gateway
        with self.uow() as uow:
            for booking in list(uow.payouts.listed(None)):
                held = 0
                for payment in uow.payments.for_booking(booking.booking_id):
                    reference = payment.gateway_reference or ""
                    if reference in gateway.captured:
                        held += gateway.captured[reference].amount
                        held -= gateway.refunded.get(reference, 0)
                entries = uow.ledger.for_booking(booking.booking_id)
                assert sum(e.amount for e in entries) == held
                assert all(e.currency == booking.currency for e in entries)

    @invariant()
    def no_payout_pays_more_than_was_owed_when_it_was_paid(self) -> None:
        for view in self.world.app.payouts(self.host):
            if view.status == "paid":
                assert view.amount == self.paid[view.booking_id]


LedgerMachine.TestCase.settings = settings(
    max_examples=min(40, settings.default.max_examples), stateful_step_count=25, deadline=None
)
test_ledger_walk = pytest.mark.filterwarnings("ignore")(LedgerMachine.TestCase)
