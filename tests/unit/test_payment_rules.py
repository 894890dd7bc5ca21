"""The money rules of one payment, on the aggregate alone: bounds, repeated refunds, events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rental.domain.errors import InvalidInput, TransitionNotAllowed
from rental.domain.events import (
    PaymentAuthorized,
    PaymentCaptured,
    PaymentFailed,
    PaymentRefunded,
    PaymentVoided,
)
from rental.domain.payments.payment import Payment
from tests.matchers import exact

T0 = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
LATER = T0 + timedelta(hours=3)
REFUND_BOUNDS = "A refund must be between 1 and {} EUR minor units."


def authorized(amount: int = 10_000) -> Payment:
    payment = Payment.authorized(
        payment_id="pay-1", booking_id="bk-1", payer_id="guest-1", amount=amount,
        currency="EUR", payment_method="card", gateway_reference="ref-1", now=T0,
    )  # fmt: skip
    payment.pull_events()
    return payment


def captured(amount: int = 10_000) -> Payment:
    payment = authorized(amount)
    payment.capture(T0)
    payment.pull_events()
    return payment


def test_an_authorization_records_who_pays_what_and_announces_it() -> None:
    payment = Payment.authorized(
        payment_id="pay-1", booking_id="bk-1", payer_id="guest-1", amount=12_345,
        currency="JPY", payment_method="card", gateway_reference="ref-9", now=T0,
    )  # fmt: skip
    assert (payment.id, payment.booking_id, payment.payer_id) == ("pay-1", "bk-1", "guest-1")
    assert (payment.amount, payment.currency, payment.gateway_reference) == (12_345, "JPY", "ref-9")
    assert (payment.status, payment.refunded_amount, payment.failure_reason) == (
        "authorized", 0, None,
    )  # fmt: skip
    assert (payment.created_at, payment.updated_at, payment.version) == (T0, T0, 1)
    assert payment.pull_events() == [
        PaymentAuthorized(
            occurred_at=T0, payment_id="pay-1", booking_id="bk-1", amount=12_345, currency="JPY"
        )
    ]


def test_a_declined_payment_keeps_its_payer_its_currency_and_the_reason() -> None:
    payment = Payment.failed(
        payment_id="pay-2", booking_id="bk-1", payer_id="guest-1", amount=500, currency="USD",
        payment_method="card", failure_reason="insufficient_funds", now=T0,
    )  # fmt: skip
    assert (payment.id, payment.payer_id, payment.currency) == ("pay-2", "guest-1", "USD")
    assert (payment.status, payment.failure_reason, payment.gateway_reference) == (
        "failed", "insufficient_funds", None,
    )  # fmt: skip
    assert not payment.is_live
    assert payment.refundable == 0
    assert payment.pull_events() == [
        PaymentFailed(
            occurred_at=T0, payment_id="pay-2", booking_id="bk-1", amount=500, currency="USD",
            failure_reason="insufficient_funds",
        )
    ]  # fmt: skip


def test_a_payment_of_one_minor_unit_is_allowed_and_of_zero_is_not() -> None:
    assert authorized(amount=1).amount == 1
    for amount in (0, -1):
        with pytest.raises(InvalidInput, match=exact("amount: must be positive.")) as raised:
            authorized(amount=amount)
        assert raised.value.errors == {"amount": ["must be positive."]}


def test_only_cards_pay() -> None:
    with pytest.raises(InvalidInput, match=exact("payment_method: must be 'card'.")) as raised:
        Payment.authorized(
            payment_id="p", booking_id="b", payer_id="g", amount=100, currency="EUR",
            payment_method="cash", gateway_reference="r", now=T0,
        )  # fmt: skip
    assert raised.value.errors == {"payment_method": ["must be 'card'."]}


def test_a_capture_moves_an_authorization_and_stamps_the_time() -> None:
    payment = authorized()
    payment.capture(LATER)
    assert (payment.status, payment.updated_at, payment.created_at) == ("captured", LATER, T0)
    assert payment.version == 2
    assert payment.is_live and payment.refundable == payment.amount
    assert payment.pull_events() == [
        PaymentCaptured(
            occurred_at=LATER, payment_id="pay-1", booking_id="bk-1", amount=10_000,
            currency="EUR",
        )
    ]  # fmt: skip


def test_a_void_releases_an_authorization_and_nothing_is_refundable() -> None:
    payment = authorized()
    payment.void(LATER)
    assert (payment.status, payment.updated_at, payment.version) == ("voided", LATER, 2)
    assert not payment.is_live and payment.refundable == 0
    assert payment.pull_events() == [
        PaymentVoided(
            occurred_at=LATER, payment_id="pay-1", booking_id="bk-1", amount=10_000,
            currency="EUR",
        )
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("act", "status", "message"),
    [
        (lambda p: p.capture(LATER), "captured", "A captured payment cannot be captured."),
        (lambda p: p.void(LATER), "captured", "A captured payment cannot be voided."),
        (lambda p: p.refund(1, LATER), "authorized", "A authorized payment cannot be refunded."),
    ],
)
def test_each_move_starts_only_from_its_own_states(act: object, status: str, message: str) -> None:
    payment = captured() if status == "captured" else authorized()
    with pytest.raises(TransitionNotAllowed, match=exact(message)):
        act(payment)  # type: ignore[operator]
    assert payment.status == status and payment.updated_at == T0


def test_nothing_is_refundable_before_the_capture() -> None:
    assert authorized().refundable == 0


def test_a_refund_of_one_minor_unit_is_the_smallest_allowed() -> None:
    payment = captured()
    payment.refund(1, LATER)
    assert (payment.refunded_amount, payment.refundable) == (1, 9_999)
    assert (payment.status, payment.updated_at) == ("partially_refunded", LATER)


@pytest.mark.parametrize("amount", [0, -5])
def test_a_refund_of_nothing_or_less_is_refused(amount: int) -> None:
    payment = captured()
    with pytest.raises(TransitionNotAllowed, match=exact(REFUND_BOUNDS.format(10_000))):
        payment.refund(amount, LATER)
    assert (payment.refunded_amount, payment.status, payment.version) == (0, "captured", 2)


def test_a_refund_never_exceeds_what_was_captured() -> None:
    payment = captured()
    with pytest.raises(TransitionNotAllowed, match=exact(REFUND_BOUNDS.format(10_000))):
        payment.refund(10_001, LATER)
    payment.refund(10_000, LATER)
    assert (payment.status, payment.refundable, payment.refunded_amount) == ("refunded", 0, 10_000)


def test_repeated_partial_refunds_add_up_and_end_fully_refunded() -> None:
    payment = captured()
    payment.refund(2_500, T0)
    payment.refund(2_500, LATER)
    assert (payment.refunded_amount, payment.refundable) == (5_000, 5_000)
    assert (payment.status, payment.updated_at, payment.version) == (
        "partially_refunded", LATER, 4,
    )  # fmt: skip
    with pytest.raises(TransitionNotAllowed, match=exact(REFUND_BOUNDS.format(5_000))):
        payment.refund(5_001, LATER)
    payment.refund(5_000, LATER)
    assert (payment.status, payment.refunded_amount, payment.refundable) == ("refunded", 10_000, 0)
    with pytest.raises(TransitionNotAllowed, match=exact("A refunded payment cannot be refunded.")):
        payment.refund(1, LATER)


def test_each_refund_announces_the_amount_it_gave_back() -> None:
    payment = captured()
    payment.refund(300, T0)
    payment.refund(700, LATER)
    assert payment.pull_events() == [
        PaymentRefunded(
            occurred_at=T0, payment_id="pay-1", booking_id="bk-1", amount=10_000,
            currency="EUR", refunded=300,
        ),
        PaymentRefunded(
            occurred_at=LATER, payment_id="pay-1", booking_id="bk-1", amount=10_000,
            currency="EUR", refunded=700,
        ),
    ]  # fmt: skip
