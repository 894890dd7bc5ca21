"""The ledger's figures: the capture split, proportional refunds, payouts 24 h after
check-in in the listing's time zone, paid once, and never for refunded money."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rental.adapters.logging_payouts import LoggingPayoutGateway
from rental.application import commands as c
from rental.application.ports import ProviderEvent
from rental.application.queries import PayoutTotals
from rental.composition import bootstrap
from rental.domain.errors import PermissionDenied, TransitionNotAllowed
from rental.domain.money import Money
from rental.domain.payments.ledger import Account, LedgerEntry
from tests.unit.builders import HASHER, World, confirmed_stay

# 3 nights at 100.00, 30.00 cleaning: subtotal 30000, service fee 10 % of 33000 = 3300.
TOTAL, HOST, PLATFORM = 36300, 33000 - 990, 3300 + 990


def entries(world: World, booking_id: str) -> list[LedgerEntry]:
    with world.app.dependencies.uow_factory() as uow:
        return uow.ledger.for_booking(booking_id)


def by_account(found: list[LedgerEntry]) -> dict[str, int]:
    sums: dict[str, int] = {}
    for entry in found:
        sums[entry.account] = sums.get(entry.account, 0) + entry.amount
    return sums


def test_a_capture_splits_the_total_between_host_and_platform() -> None:
    world = World()
    _, _, booking = confirmed_stay(world, nights=3, cleaning_fee=3000)
    assert booking.total == TOTAL
    found = entries(world, booking.id)
    assert by_account(found) == {Account.HOST: HOST, Account.PLATFORM: PLATFORM}
    assert {(e.currency, e.reason) for e in found} == {("USD", "capture")}


def test_the_host_fee_is_a_setting() -> None:
    world = World()
    world.app = bootstrap(clock=world.clock, password_hasher=HASHER, host_fee_percent=10)
    _, _, booking = confirmed_stay(world, nights=3, cleaning_fee=3000)
    assert by_account(entries(world, booking.id)) == {
        Account.HOST: 33000 - 3300, Account.PLATFORM: 3300 + 3300
    }  # fmt: skip


def test_a_partial_refund_reverses_both_accounts_in_proportion() -> None:
    world = World()
    _, guest, booking = confirmed_stay(
        world, start=3, nights=3, cleaning_fee=3000, cancellation_policy="moderate"
    )
    cancelled = world.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    assert cancelled.refund_amount == TOTAL // 2 == 18150
    found = entries(world, booking.id)
    refund = [e for e in found if e.reason == "refund"]
    assert by_account(refund) == {Account.HOST: -16005, Account.PLATFORM: -2145}
    assert sum(e.amount for e in found) == TOTAL - 18150


def test_a_full_refund_leaves_nothing_to_anyone() -> None:
    world = World()
    host, _, booking = confirmed_stay(world, nights=3, cleaning_fee=3000)
    world.handle(c.CancelBooking(actor=host, booking_id=booking.id))
    assert by_account(entries(world, booking.id)) == {Account.HOST: 0, Account.PLATFORM: 0}


def test_a_payout_is_due_24_hours_after_check_in_in_the_listing_time_zone() -> None:
    world = World(now=datetime(2030, 1, 1, 12, 0, tzinfo=UTC))
    host, _, _ = confirmed_stay(world, start=10, timezone="Asia/Tokyo")
    (payout,) = world.app.payouts(host)
    # Check-in day 2030-01-11 starts at 15:00 UTC the day before in Tokyo (+09:00).
    assert payout.due_at == datetime(2030, 1, 11, 15, 0, tzinfo=UTC)
    assert (payout.status, payout.amount) == ("scheduled", 20000 - 600)  # 2 nights, 3 % fee
    world.clock.set(payout.due_at - timedelta(seconds=1))
    assert world.app.pay_hosts() == {"paid": 0, "cancelled": 0}
    world.clock.set(payout.due_at)
    assert world.app.payouts(host)[0].status == "due"
    assert world.app.pay_hosts() == {"paid": 1, "cancelled": 0}
    assert world.app.pay_hosts() == {"paid": 0, "cancelled": 0}  # paid once
    (paid,) = world.app.payouts(host)
    assert (paid.status, paid.amount, paid.paid_at) == ("paid", payout.amount, payout.due_at)


def test_a_host_is_never_paid_money_refunded_before_the_payout() -> None:
    world = World()
    host, _, booking = confirmed_stay(world, start=10)
    world.handle(c.CancelBooking(actor=host, booking_id=booking.id))
    (payout,) = world.app.payouts(host)
    world.clock.set(payout.due_at)
    assert world.app.pay_hosts() == {"paid": 0, "cancelled": 1}
    assert world.app.payouts(host)[0].status == "cancelled"


def test_guests_read_no_payouts_and_admins_read_every_host() -> None:
    world = World()
    host, guest, _ = confirmed_stay(world)
    other_host, _, _ = confirmed_stay(world)
    with pytest.raises(PermissionDenied):
        world.app.payouts(guest)
    assert {p.host_id for p in world.app.payouts(world.user("admin"))} == {
        host.user_id, other_host.user_id
    }  # fmt: skip
    assert {p.host_id for p in world.app.payouts(host)} == {host.user_id}


def test_an_early_payout_is_refused() -> None:
    world = World()
    _, _, booking = confirmed_stay(world)
    with pytest.raises(TransitionNotAllowed):
        world.handle(c.PayHost(booking_id=booking.id))


def refund_at_the_provider(world: World, booking_id: str, amount: int) -> None:
    """A refund made in the provider's dashboard, after our payout, then its webhook."""
    with world.app.dependencies.uow_factory() as uow:
        (payment,) = uow.payments.for_booking(booking_id)
    reference = payment.gateway_reference or ""
    world.gateway.refund(reference, Money(amount, payment.currency), f"dash-{booking_id}")
    refunded = world.gateway.refunded[reference]
    event = ProviderEvent(id=f"evt-{booking_id}-{refunded}", type="charge.refunded",
                          reference=reference, refunded=refunded)  # fmt: skip
    world.handle(c.HandleProviderEvent(event=event))


def test_a_refund_after_the_payout_is_recovered_from_the_host_s_next_payouts() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    euros = world.listing(host, currency="EUR")
    first = world.book(guest, listing, start=1, nights=2)  # host's share 19400
    second = world.book(guest, listing, start=5, nights=1)  # 9700
    third = world.book(guest, listing, start=8, nights=3)  # 29100
    in_euros = world.book(guest, euros, start=8, nights=1)  # 9700 EUR
    for booking in (first, second, third, in_euros):
        world.pay(guest, booking)
    sent = world.app.dependencies.payouts
    assert isinstance(sent, LoggingPayoutGateway)

    world.clock.advance(days=3)
    assert world.app.pay_hosts() == {"paid": 1, "cancelled": 0}
    refund_at_the_provider(world, first.id, first.total)  # all of it, after the payout
    views = {v.booking_id: v for v in world.app.payouts(host)}
    assert (views[first.id].amount, views[first.id].owed) == (19400, 19400)
    usd = world.app.reads.payout_totals(host)[1]
    assert usd == PayoutTotals(currency="USD", scheduled=9700 + 29100, due=0, paid=19400,
                               deducted=0, owed=19400)  # fmt: skip

    world.clock.advance(days=3)  # the second is due: all of it goes to the debt
    assert world.app.pay_hosts() == {"paid": 1, "cancelled": 0}
    views = {v.booking_id: v for v in world.app.payouts(host)}
    assert (views[second.id].status, views[second.id].amount) == ("paid", 0)
    assert (views[second.id].deducted, views[first.id].owed) == (9700, 19400 - 9700)
    assert len(sent.paid) == 1  # nothing was sent for a payout the debt took whole

    world.clock.advance(days=3)  # the third pays the rest of the debt; euros owe nothing
    assert world.app.pay_hosts() == {"paid": 2, "cancelled": 0}
    views = {v.booking_id: v for v in world.app.payouts(host)}
    assert (views[third.id].amount, views[third.id].deducted) == (29100 - 9700, 9700)
    assert (views[in_euros.id].amount, views[in_euros.id].deducted) == (9700, 0)
    assert views[first.id].owed == 0
    assert world.app.reads.payout_totals(host) == [
        PayoutTotals(currency="EUR", scheduled=0, due=0, paid=9700, deducted=0, owed=0),
        PayoutTotals(currency="USD", scheduled=0, due=0, paid=19400 + 0 + 19400,
                     deducted=19400, owed=0),
    ]  # fmt: skip
    # What was sent in dollars is exactly the host's share of the dollars still held.
    dollars = sum(m.amount for _, m in sent.paid.values() if m.currency == "USD")
    assert dollars == 0 + 9700 + 29100
    with world.app.dependencies.uow_factory() as uow:
        recoveries = uow.payouts.recovered(host.user_id, "USD")
    assert recoveries == {first.id: 19400}
