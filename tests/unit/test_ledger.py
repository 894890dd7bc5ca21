"""The ledger's figures: the capture split, proportional refunds, payouts 24 h after
check-in in the listing's time zone, paid once, and never for refunded money."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rental.application import commands as c
from rental.composition import bootstrap
from rental.domain.errors import PermissionDenied, TransitionNotAllowed
from rental.domain.ledger import Account, LedgerEntry
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
