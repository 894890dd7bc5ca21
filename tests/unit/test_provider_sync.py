"""The provider's word on our payments: webhook events and reconciliation move our records
towards what it says happened, once, and give back money no booking wants."""

from __future__ import annotations

import itertools
import logging
from typing import Any

import pytest

from rental.application import commands as c
from rental.application.handlers.provider_sync import Change, Outcome, needs_a_person
from rental.application.ports import PaymentTags, ProviderEvent, ProviderPayment
from rental.domain.bookings.booking import Booking
from rental.domain.events import PaymentDisputed
from rental.domain.money import Money
from rental.domain.payments.payment import Payment
from tests.unit.builders import World

IDS = itertools.count(1)


def a_request(world: World, **fields: Any) -> tuple[c.Actor, c.Actor, Booking, Payment]:
    """A host, a guest, and the guest's paid request to book (its payment authorized)."""
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, instant_book=False, **fields)
    booking = world.book(guest, listing)
    payment = world.pay(guest, booking)
    assert payment.status == "authorized"
    return host, guest, booking, payment


def event(kind: str, payment: Payment | None, **fields: Any) -> c.HandleProviderEvent:
    reference = None if payment is None else payment.gateway_reference
    return c.HandleProviderEvent(
        event=ProviderEvent(id=f"evt_{next(IDS)}", type=kind, reference=reference, **fields)
    )


def stored(world: World, payment_id: str) -> Payment:
    with world.app.dependencies.uow_factory() as uow:
        return uow.payments.get(payment_id)


def stored_booking(world: World, booking_id: str) -> Booking:
    with world.app.dependencies.uow_factory() as uow:
        return uow.bookings.get(booking_id)


def books(world: World, booking_id: str) -> list[tuple[str, str, int]]:
    """The booking's ledger entries as (reason, account, amount)."""
    with world.app.dependencies.uow_factory() as uow:
        entries = uow.ledger.for_booking(booking_id)
    return [(e.reason, e.account, e.amount) for e in entries]


def seen(payment: Payment, **fields: Any) -> ProviderPayment:
    """The provider's view of ``payment``, with ``fields`` changed."""
    assert payment.gateway_reference is not None
    values: dict[str, Any] = dict(
        reference=payment.gateway_reference, status="authorized", amount=payment.amount,
        currency=payment.currency, booking_id=payment.booking_id, payer_id=payment.payer_id,
    )  # fmt: skip
    return ProviderPayment(**{**values, **fields})


def reconcile(world: World, view: ProviderPayment) -> Outcome:
    done: Outcome = world.handle(c.ReconcilePayment(seen=view))
    return done


# -- webhook events ------------------------------------------------------------------------


def test_an_event_we_do_not_act_on_or_that_names_no_payment_is_ignored() -> None:
    world = World()
    *_, payment = a_request(world)
    assert world.handle(event("payment_intent.succeeded", payment, handled=False)).text == "ignored"
    assert world.handle(event("payment_intent.succeeded", None)).text == "ignored"
    assert stored(world, payment.id).status == "authorized"


def test_an_event_for_a_payment_we_do_not_know_yet_can_act_when_delivered_again() -> None:
    world = World()
    *_, _booking, payment = a_request(world)
    unknown = ProviderEvent(id="evt_early", type="payment_intent.succeeded", reference="pi_x")
    assert world.handle(c.HandleProviderEvent(event=unknown)).text == "unknown payment"
    # The event id was not kept: the same event, now naming a payment we know, acts.
    known = ProviderEvent(
        id="evt_early", type="payment_intent.succeeded", reference=payment.gateway_reference
    )
    assert world.handle(c.HandleProviderEvent(event=known)).text == "capture recorded"


def test_a_capture_reported_by_the_provider_confirms_the_paid_request_and_books_it() -> None:
    world = World()
    _, guest, booking, payment = a_request(world)
    assert world.handle(event("payment_intent.succeeded", payment)).text == "capture recorded"
    assert stored(world, payment.id).status == "captured"
    assert world.status(guest, booking.id) == "confirmed"
    entries = books(world, booking.id)
    assert {reason for reason, _, _ in entries} == {"capture"}
    assert sum(amount for _, _, amount in entries) == payment.amount
    with world.app.dependencies.uow_factory() as uow:
        assert uow.payouts.for_booking(booking.id) is not None


def test_the_same_event_delivered_twice_acts_once() -> None:
    world = World()
    *_, booking, payment = a_request(world)
    once = event("payment_intent.succeeded", payment)
    assert world.handle(once).text == "capture recorded"
    assert world.handle(once).text == "duplicate"
    assert len(books(world, booking.id)) == len(set(books(world, booking.id))) > 0


def test_a_capture_already_recorded_is_not_recorded_again() -> None:
    world = World()
    *_, booking, payment = a_request(world)
    world.handle(event("payment_intent.succeeded", payment))
    entries = books(world, booking.id)
    assert world.handle(event("payment_intent.succeeded", payment)).text == "captured already"
    assert books(world, booking.id) == entries


def test_money_captured_for_a_request_that_ran_out_of_time_is_a_problem_for_a_person() -> None:
    world = World()
    _, guest, booking, payment = a_request(world)
    world.clock.advance(hours=25)  # the host never answered: the request expired
    done = world.handle(event("payment_intent.succeeded", payment))
    assert done == needs_a_person(
        f"cannot settle payment {payment.id}: captured for a pending booking"
    )
    assert stored(world, payment.id).status == "captured"
    assert world.status(guest, booking.id) == "expired"


def test_a_hold_cancelled_at_the_provider_voids_the_payment_and_expires_the_request() -> None:
    world = World()
    _, _guest, booking, payment = a_request(world)
    assert world.handle(event("payment_intent.canceled", payment)).text == "void recorded"
    assert stored(world, payment.id).status == "voided"
    assert stored_booking(world, booking.id).status == "expired"
    assert world.handle(event("payment_intent.canceled", payment)).text == "voided already"


def test_a_void_of_a_confirmed_bookings_payment_leaves_the_booking_alone() -> None:
    world = World()
    _host, _guest, booking, payment = a_request(world)
    # A void the provider reports for a payment still authorized, of a confirmed booking
    # (we capture on confirmation, so only a lost capture leaves it so): the stay stands.
    with world.app.dependencies.uow_factory() as uow:
        held = uow.bookings.get(booking.id, for_update=True)
        held.confirm(world.clock.now())
        uow.commit()
    assert world.handle(event("payment_intent.canceled", payment)).text == "void recorded"
    assert stored_booking(world, booking.id).status == "confirmed"


def test_a_refund_made_at_the_provider_is_recorded_once_and_never_beyond_the_payment() -> None:
    world = World()
    *_, booking, payment = a_request(world)
    world.handle(event("payment_intent.succeeded", payment))
    assert world.handle(event("charge.refunded", payment, refunded=3000)).text == (
        "refund of 3000 recorded"
    )
    assert stored(world, payment.id).refunded_amount == 3000
    # The event carries the total refunded so far: the same total again adds nothing.
    assert world.handle(event("charge.refunded", payment, refunded=3000)).text == (
        "refunded already"
    )
    # A total above the payment counts only up to the payment.
    more = world.handle(event("charge.refunded", payment, refunded=payment.amount + 500))
    assert more.text == f"refund of {payment.amount - 3000} recorded"
    assert stored(world, payment.id).status == "refunded"
    assert sum(amount for _, _, amount in books(world, booking.id)) == 0


def test_a_refund_of_a_payment_that_holds_no_money_changes_nothing() -> None:
    world = World()
    *_, payment = a_request(world)
    assert world.handle(event("charge.refunded", payment, refunded=100)).text == "refunded already"
    assert stored(world, payment.id).refunded_amount == 0


def test_a_dispute_is_recorded_and_announced_with_the_amount_claimed() -> None:
    world = World()
    *_, _booking, payment = a_request(world)
    world.handle(event("payment_intent.succeeded", payment))
    assert world.handle(event("charge.dispute.created", payment, disputed=700)).text == (
        "dispute recorded"
    )
    (disputed,) = world.events_of(PaymentDisputed)
    assert (disputed.payment_id, disputed.disputed) == (payment.id, 700)


def test_a_failure_reported_for_a_live_payment_is_logged_and_changes_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    world = World()
    *_, payment = a_request(world)
    with caplog.at_level(logging.WARNING, "rental.application.handlers.provider_sync"):
        done = world.handle(event("payment_intent.payment_failed", payment))
    assert done.text == "nothing to change"
    assert stored(world, payment.id).status == "authorized"
    assert f"failure of payment {payment.id}, which is authorized" in caplog.text


def test_a_failure_reported_for_a_failed_payment_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    world = World()
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host))
    with pytest.raises(Exception, match="declined"):
        world.pay(guest, booking, token="tok_chargeDeclined")
    (failed,) = world.payments(guest, booking.id)
    failed_event = ProviderEvent(
        id="evt_failed", type="payment_intent.payment_failed", reference="pi_failed"
    )
    with world.app.dependencies.uow_factory() as uow:
        uow.payments.get(failed.id).gateway_reference = "pi_failed"
        uow.commit()
    with caplog.at_level(logging.WARNING, "rental.application.handlers.provider_sync"):
        assert world.handle(c.HandleProviderEvent(event=failed_event)).text == "nothing to change"
    assert [
        r for r in caplog.records if r.name == "rental.application.handlers.provider_sync"
    ] == []


# -- reconciliation ------------------------------------------------------------------------


def test_a_payment_the_provider_holds_another_amount_of_is_left_to_a_person() -> None:
    world = World()
    *_, payment = a_request(world)
    for other in (dict(amount=payment.amount + 1), dict(currency="EUR")):
        done = reconcile(world, seen(payment, status="captured", **other))
        assert done == needs_a_person(
            f"cannot reconcile payment {payment.id}: the provider holds another amount"
        )
    assert stored(world, payment.id).status == "authorized"


def test_a_capture_we_missed_is_recorded_and_confirms_the_request() -> None:
    world = World()
    _, guest, booking, payment = a_request(world)
    assert reconcile(world, seen(payment, status="captured")).text == "capture recorded"
    assert world.status(guest, booking.id) == "confirmed"
    assert reconcile(world, seen(payment, status="captured")).text == "in line"


def test_a_void_we_missed_is_recorded() -> None:
    world = World()
    *_, booking, payment = a_request(world)
    assert reconcile(world, seen(payment, status="voided")).text == "void recorded"
    assert stored(world, payment.id).status == "voided"
    assert stored_booking(world, booking.id).status == "expired"


def test_money_captured_after_we_let_go_of_it_is_given_back_whole() -> None:
    world = World()
    host, _guest, booking, payment = a_request(world)
    world.handle(c.DeclineBooking(actor=host, booking_id=booking.id))
    assert stored(world, payment.id).status == "voided"
    reference = payment.gateway_reference
    assert reference is not None
    world.gateway.captured[reference] = Money(payment.amount, payment.currency)
    world.gateway.refunded[reference] = 1000
    done = reconcile(world, seen(payment, status="captured", refunded=1000))
    assert done.text == f"gave back {reference}: captured after we let go of it"
    assert world.gateway.refunded[reference] == payment.amount  # the rest, once
    assert reconcile(world, seen(payment, status="captured", refunded=1000)).text.startswith("gave")
    assert world.gateway.refunded[reference] == payment.amount


def test_a_hold_we_let_go_of_is_voided_at_the_provider() -> None:
    world = World()
    host, _guest, booking, payment = a_request(world)
    world.handle(c.DeclineBooking(actor=host, booking_id=booking.id))
    world.gateway.voided.clear()  # the void never reached the provider
    assert reconcile(world, seen(payment)).text == "voided the hold at the provider"
    assert world.gateway.voided == {payment.gateway_reference}


def test_a_hold_for_a_request_that_ran_out_of_time_is_let_go() -> None:
    world = World()
    *_, _booking, payment = a_request(world)
    assert reconcile(world, seen(payment)).text == "in line"
    assert world.gateway.voided == set()
    world.clock.advance(hours=25)
    assert reconcile(world, seen(payment)).text == "voided a hold its booking no longer needs"
    assert stored(world, payment.id).status == "voided"
    assert world.gateway.voided == {payment.gateway_reference}


def test_a_refund_we_missed_is_recorded_and_one_we_recorded_beyond_theirs_is_a_problem() -> None:
    world = World()
    *_, _booking, payment = a_request(world)
    world.handle(event("payment_intent.succeeded", payment))
    assert reconcile(world, seen(payment, status="captured", refunded=2500)).text == (
        "refund of 2500 recorded"
    )
    assert reconcile(world, seen(payment, status="captured", refunded=2500)).text == "in line"
    done = reconcile(world, seen(payment, status="captured", refunded=2000))
    assert (
        done.text == f"cannot reconcile payment {payment.id}: we recorded more refunded than it did"
    )
    assert stored(world, payment.id).refunded_amount == 2500


def lost(world: World, booking: Booking, **fields: Any) -> ProviderPayment:
    """The provider's view of a payment for ``booking`` whose record we lost."""
    reference = f"pi_lost_{next(IDS)}"
    values: dict[str, Any] = dict(
        reference=reference, status="authorized", amount=booking.total,
        currency=booking.currency, booking_id=booking.id, payer_id=booking.guest_id,
    )  # fmt: skip
    view = ProviderPayment(**{**values, **fields})
    world.gateway.authorized[reference] = Money(view.amount, view.currency)
    world.gateway.tags[reference] = PaymentTags(booking_id=booking.id, payer_id=booking.guest_id)
    return view


def unpaid_request(world: World, **fields: Any) -> tuple[c.Actor, c.Actor, Booking]:
    host, guest = world.user("host"), world.user("guest")
    booking = world.book(guest, world.listing(host, instant_book=False, **fields))
    return host, guest, booking


def test_a_lost_payment_that_holds_nothing_needs_nothing() -> None:
    world = World()
    _, _, booking = unpaid_request(world)
    for status in ("voided", "failed"):
        assert reconcile(world, lost(world, booking, status=status)).text == "nothing held"
    view = lost(world, booking, status="captured")
    assert reconcile(world, lost(world, booking, status="captured", refunded=view.amount)).text == (
        "nothing held"
    )
    with world.app.dependencies.uow_factory() as uow:
        assert uow.payments.for_booking(booking.id) == []


def test_a_lost_payment_that_does_not_name_our_booking_is_left_to_a_person() -> None:
    world = World()
    _, _, booking = unpaid_request(world)
    for missing in (dict(booking_id=None), dict(payer_id=None)):
        view = lost(world, booking, **missing)
        assert reconcile(world, view).text == (
            f"cannot reconcile {view.reference}: it does not name our ids"
        )
    view = lost(world, booking, booking_id="no-such-booking")
    assert reconcile(world, view).text == (
        f"cannot reconcile {view.reference}: no booking no-such-booking"
    )


def test_a_lost_hold_for_a_request_that_waits_for_it_is_recorded() -> None:
    world = World()
    _, guest, booking = unpaid_request(world)
    view = lost(world, booking)
    done = reconcile(world, view)
    (payment,) = world.payments(guest, booking.id)
    assert done.text == f"recorded lost payment {payment.id} (authorized)"
    assert (payment.status, payment.amount, payment.currency) == (
        "authorized", booking.total, booking.currency,
    )  # fmt: skip
    assert (payment.gateway_reference, payment.payer_id) == (view.reference, guest.user_id)
    assert world.booking(guest, booking.id).is_paid
    assert world.status(guest, booking.id) == "pending"


def test_a_lost_capture_with_a_refund_is_recorded_confirmed_and_in_the_books() -> None:
    world = World()
    _, guest, booking = unpaid_request(world)
    view = lost(world, booking, status="captured", refunded=1500)
    done = reconcile(world, view)
    (payment,) = world.payments(guest, booking.id)
    assert done.text == f"recorded lost payment {payment.id} (partially_refunded)"
    assert payment.refunded_amount == 1500
    assert world.status(guest, booking.id) == "confirmed"
    entries = books(world, booking.id)
    assert {reason for reason, _, _ in entries} == {"capture", "refund"}
    assert sum(amount for _, _, amount in entries) == view.amount - 1500


def test_a_lost_capture_without_a_refund_records_no_refund() -> None:
    world = World()
    _, guest, booking = unpaid_request(world)
    reconcile(world, lost(world, booking, status="captured"))
    (payment,) = world.payments(guest, booking.id)
    assert (payment.status, payment.refunded_amount) == ("captured", 0)
    assert {reason for reason, _, _ in books(world, booking.id)} == {"capture"}


@pytest.mark.parametrize(
    "change", [dict(amount=1), dict(currency="EUR")], ids=["another amount", "another currency"]
)
def test_lost_money_that_does_not_pay_the_booking_is_given_back(change: dict[str, Any]) -> None:
    world = World()
    _, guest, booking = unpaid_request(world)
    view = lost(world, booking, status="captured", **change)
    assert (
        reconcile(world, view).text == f"gave back {view.reference}: its booking does not need it"
    )
    assert world.gateway.refunded[view.reference] == view.amount
    assert world.payments(guest, booking.id) == []


def test_a_lost_hold_for_a_booking_already_paid_or_over_is_given_back() -> None:
    world = World()
    _host, _guest, booking, _payment = a_request(world)
    view = lost(world, booking)  # a second hold: the booking has its payment
    assert (
        reconcile(world, view).text == f"gave back {view.reference}: its booking does not need it"
    )
    assert world.gateway.voided == {view.reference}
    _, _, unpaid = unpaid_request(world)
    world.clock.advance(minutes=31)  # unpaid for too long: expired
    late = lost(world, unpaid, status="captured", refunded=100)
    assert (
        reconcile(world, late).text == f"gave back {late.reference}: its booking does not need it"
    )
    assert world.gateway.refunded[late.reference] == late.amount - 100  # what it still held
    assert world.gateway.voided == {view.reference}


def test_what_a_reconciliation_did_is_a_kind_not_words_to_parse() -> None:
    """The job sorts outcomes by their kind: a repair, nothing, or one for a person; the
    words are for the log only."""
    world = World()
    *_, payment = a_request(world)
    problem = reconcile(world, seen(payment, status="captured", amount=payment.amount + 1))
    assert problem.change is Change.NEEDS_A_PERSON
    assert reconcile(world, seen(payment)).change is Change.UNCHANGED
    assert reconcile(world, seen(payment, status="captured")).change is Change.CHANGED
