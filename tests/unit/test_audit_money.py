"""Every movement of money appends one audit entry, in the transaction that moves it, naming
who moved it: the guest paying, the host confirming or cancelling, the provider's webhook,
a job reconciling or paying hosts; and the HTTP request it came with."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.application.administration.audit import AuditQuery, acting
from rental.domain.administration.audit import AuditEntry
from rental.domain.errors import PaymentDeclined
from tests.unit.builders import World, confirmed_stay
from tests.unit.test_provider_sync import a_request, event, seen


def entries(world: World, target_id: str | None = None) -> list[AuditEntry]:
    """The audit log, oldest first (of ``target_id`` alone when given)."""
    with world.app.dependencies.uow_factory() as uow:
        return list(reversed(uow.audit.page(AuditQuery(target_id=target_id), 1000)))


def said(found: list[AuditEntry]) -> list[tuple[str, str, str | None]]:
    return [(e.action, e.actor_role, e.actor_id) for e in found]


def test_a_paid_request_confirmed_by_its_host_records_authorization_then_capture() -> None:
    world = World()
    # Outside any request: whatever an earlier test left in this thread's context is not ours.
    with acting(actor_id=None, actor_role="system", request_id=None):
        host, guest, booking, payment = a_request(world)
    with acting(request_id="req-confirm"):
        world.handle(c.ConfirmBooking(actor=host, booking_id=booking.id))
    found = entries(world, payment.id)
    assert said(found) == [
        ("authorization", "guest", guest.user_id),
        ("capture", "host", host.user_id),
    ]
    assert [e.request_id for e in found] == [None, "req-confirm"]
    capture = found[1]
    assert (capture.target_type, capture.reason, capture.before) == ("payment", None, None)
    assert capture.after == {
        "payment_id": payment.id, "booking_id": booking.id, "amount": payment.amount,
        "currency": payment.currency,
    }  # fmt: skip


def test_a_decline_records_the_void_and_a_cancellation_its_refund() -> None:
    world = World()
    host, _, booking, payment = a_request(world)
    world.handle(c.DeclineBooking(actor=host, booking_id=booking.id))
    assert said(entries(world, payment.id))[-1] == ("void", "host", host.user_id)

    host, guest, stay = confirmed_stay(world, start=30)
    world.handle(c.CancelBooking(actor=guest, booking_id=stay.id))
    (paid,) = world.payments(guest, stay.id)
    refund = entries(world, paid.id)[-1]
    assert (refund.action, refund.actor_id) == ("refund", guest.user_id)
    assert refund.after is not None and refund.after["refunded"] == paid.refunded_amount > 0


def test_the_providers_webhook_and_reconciliation_are_named_as_such() -> None:
    world = World()
    _, _, _, payment = a_request(world)
    world.handle(event("payment_intent.succeeded", payment))
    assert said(entries(world, payment.id))[-1] == ("capture", "webhook", None)

    _, _, _, other = a_request(world)
    world.handle(c.ReconcilePayment(seen=seen(other, status="voided")))
    assert said(entries(world, other.id))[-1] == ("void", "job", None)


def test_paying_a_host_records_the_payout_as_a_job() -> None:
    world = World()
    _host, _guest, stay = confirmed_stay(world, start=2)
    world.clock.advance(days=4)
    assert world.app.pay_hosts() == {"paid": 1, "cancelled": 0}
    (paid,) = [e for e in entries(world) if e.action == "payout"]
    assert (paid.actor_role, paid.target_type) == ("job", "payout")
    assert paid.before is not None and paid.before["status"] == "scheduled"
    assert paid.after is not None and paid.after["status"] == "paid"
    assert paid.after["booking_id"] == stay.id and paid.after["amount"] > 0


def test_a_declined_card_moves_no_money_and_records_nothing() -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host))
    with pytest.raises(PaymentDeclined):
        world.pay(guest, booking, "tok_chargeDeclined")
    assert entries(world) == []
