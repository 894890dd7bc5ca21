"""A random walk through bookings in two currencies, payments, confirms, cancellations,
refunds made at the provider (before and after the payout), the clock and host payouts.

After every step each booking's ledger entries sum to what the gateway holds for it, and for
each currency what the host was sent, less what the host still owes for refunds after a
payout, is exactly the host's share of the money still held for the bookings paid out: never
more. A payout never goes below zero, and once later payouts can absorb a debt it is gone."""

from __future__ import annotations

import contextlib
import itertools

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule

from rental.adapters.logging_payouts import LoggingPayoutGateway
from rental.application import commands as c
from rental.application.payout_reads import PayoutView
from rental.application.ports import ProviderEvent
from rental.domain import errors
from rental.domain.money import Money
from rental.domain.payments.ledger import Account
from tests.unit.builders import World

listings = st.fixed_dictionaries({
    "instant_book": st.booleans(),
    "cancellation_policy": st.sampled_from(["flexible", "moderate", "strict"]),
    "price_per_night": st.integers(50, 90_000),  # a night at least one card payment may be
    "cleaning_fee": st.integers(0, 9_000),
    "weekly_discount_percent": st.integers(0, 40),
    "timezone": st.sampled_from(["UTC", "Pacific/Auckland", "America/Los_Angeles"]),
    "currency": st.sampled_from(["USD", "USD", "EUR"]),
})  # fmt: skip
CURRENCIES = ("EUR", "USD")


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

    @rule(target=bookings, fields=listings, start=st.integers(1, 4), nights=st.integers(1, 7))
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
        # A stay under way is not its host's to end (only an admin's).
        with contextlib.suppress(errors.TransitionNotAllowed, errors.PermissionDenied):
            self.world.handle(c.CancelBooking(actor=actor, booking_id=booking_id))

    @precondition(lambda self: self.paid)
    @rule(data=st.data(), part=st.integers(1, 100))
    def refund_after_the_payout(self, data: st.DataObject, part: int) -> None:
        """A dashboard refund, a lost dispute or a late partial refund of a booking whose
        payout was already sent: the host now owes it back."""
        booking_id = data.draw(st.sampled_from(sorted(self.paid)))
        self.refund_from_the_dashboard(booking_id, part)

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

    def views(self) -> list[PayoutView]:
        return self.world.app.payouts(self.host)

    def owed(self) -> dict[str, int]:
        """What the host owes per currency, as the summary says."""
        totals = self.world.app.reads.payout_totals(self.host)
        return {t.currency: t.owed for t in totals}

    @rule(days=st.integers(0, 3))
    def pay_hosts(self, days: int) -> None:
        """``days`` pass, then ``rental pay-hosts`` runs (daily, say)."""
        self.world.clock.advance(days=days)
        now = self.world.clock.now()
        with self.uow() as uow:
            due = uow.payouts.due(now, 1000)
        balance = {booking_id: self.host_balance(booking_id) for booking_id in due}
        owed_before = self.owed()
        self.world.app.pay_hosts()
        absorbed = dict.fromkeys(CURRENCIES, 0)  # what the payouts paid now could take
        deducted = dict.fromkeys(CURRENCIES, 0)
        for view in self.views():
            if view.booking_id in balance and view.status == "paid":
                # Its gross is exactly the host's share of the money still held for it.
                assert view.amount + view.deducted == balance[view.booking_id] > 0
                assert view.amount >= 0 and view.deducted >= 0
                absorbed[view.currency] += view.amount + view.deducted
                deducted[view.currency] += view.deducted
                self.paid[view.booking_id] = view.amount
            elif view.booking_id in balance:
                assert view.status == "cancelled" and balance[view.booking_id] <= 0
        owed_after = self.owed()
        for currency in CURRENCIES:
            before = owed_before.get(currency, 0)
            # The oldest debts are taken first, as far as the new payouts reach, and no more.
            assert deducted[currency] == min(before, absorbed[currency])
            assert owed_after.get(currency, 0) == before - deducted[currency]

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
        for view in self.views():
            if view.status == "paid":
                assert view.amount == self.paid[view.booking_id] >= 0

    @invariant()
    def no_host_keeps_money_that_was_refunded(self) -> None:
        """Per currency: sent - still owed == the host's share held for the bookings paid
        out, so what was paid out net of recoveries never exceeds the host's share of the
        money still held; the gateway sent exactly what the payouts say."""
        views = self.views()
        sent = self.world.app.dependencies.payouts
        assert isinstance(sent, LoggingPayoutGateway)
        totals = {t.currency: t for t in self.world.app.reads.payout_totals(self.host)}
        for currency in CURRENCIES:
            paid = [v for v in views if v.currency == currency and v.status == "paid"]
            paid_out = sum(v.amount for v in paid)
            owed = sum(v.owed for v in paid)
            held_share = sum(self.host_balance(v.booking_id) for v in paid)
            assert owed >= 0
            assert paid_out - owed == held_share
            assert sum(m.amount for _, m in sent.paid.values() if m.currency == currency) == (
                paid_out
            )
            if currency in totals:
                assert (totals[currency].paid, totals[currency].owed) == (paid_out, owed)
                assert totals[currency].deducted == sum(v.deducted for v in paid)


LedgerMachine.TestCase.settings = settings(
    max_examples=min(70, settings.default.max_examples), stateful_step_count=30, deadline=None
)
test_ledger_walk = pytest.mark.filterwarnings("ignore")(LedgerMachine.TestCase)
