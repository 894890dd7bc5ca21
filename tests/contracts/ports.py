"""Contract tests of the small ports: every adapter of a port, fake or real, passes its class.

Subclass a contract and give it the fixture it asks for (``gateway``, ``hasher``, ``clock``,
``ids``, ``notifier`` with ``received``, ``publisher`` with ``handed_on`` and
``failing_publisher``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from attrs import frozen

from rental.application.ports import (
    CardDeclined,
    Clock,
    EventPublisher,
    IdGenerator,
    Notifier,
    PaymentGateway,
    PaymentTags,
)
from rental.application.ports import PasswordHasher as Hasher
from rental.domain.errors import UnknownPaymentToken
from rental.domain.events import Event, ListingCreated
from rental.domain.money import Money

AMOUNT = Money(72050, "USD")
EVENT = ListingCreated(occurred_at=datetime(2030, 1, 1, tzinfo=UTC), listing_id="l-1", host_id="h")


@frozen
class Cards:
    """The tokens a gateway's test mode knows: one approved, the declines with their
    reasons, one it has never heard of."""

    approved: str = "tok_visa"
    declines: tuple[tuple[str, str], ...] = (
        ("tok_chargeDeclined", "card_declined"),
        ("tok_chargeDeclinedInsufficientFunds", "insufficient_funds"),
    )
    unknown: str = "tok_unheard_of"


TAGS = PaymentTags(booking_id="book-1", payer_id="guest-1")


class PaymentGatewayContract:
    """Authorize, then capture or void; charge at once; refunds; declines and unknown tokens;
    the provider's view of a payment. Give it ``gateway`` and, for a gateway whose test tokens
    are not the sandbox's, ``cards``."""

    @pytest.fixture
    def cards(self) -> Cards:
        return Cards()

    def test_an_approved_card_gives_a_reference_of_its_own(
        self, gateway: PaymentGateway, cards: Cards
    ) -> None:
        first = gateway.authorize(cards.approved, AMOUNT, idempotency_key="k1")
        second = gateway.authorize(cards.approved, AMOUNT, idempotency_key="k2")
        assert first and second and first != second
        gateway.capture(first, AMOUNT, idempotency_key="c1")
        gateway.refund(first, Money(100, "USD"), idempotency_key="r1")
        assert gateway.lookup(first).status == "captured"
        assert gateway.lookup(first).refunded == 100
        assert gateway.lookup(second).status == "authorized"

    def test_declined_cards_say_why(self, gateway: PaymentGateway, cards: Cards) -> None:
        for token, reason in cards.declines:
            with pytest.raises(CardDeclined) as declined:
                gateway.authorize(token, AMOUNT, idempotency_key=f"k-{token}")
            assert declined.value.reason == reason

    def test_an_unknown_token_is_invalid_input(self, gateway: PaymentGateway, cards: Cards) -> None:
        with pytest.raises(UnknownPaymentToken) as raised:
            gateway.authorize(cards.unknown, AMOUNT, idempotency_key="k")
        assert set(raised.value.errors) == {"payment_token"}

    def test_a_charge_takes_the_money_at_once(self, gateway: PaymentGateway, cards: Cards) -> None:
        reference = gateway.charge(cards.approved, AMOUNT, idempotency_key="k", tags=TAGS)
        seen = gateway.lookup(reference)
        assert (seen.status, seen.amount, seen.currency, seen.refunded) == (
            "captured", AMOUNT.amount, "USD", 0
        )  # fmt: skip
        gateway.refund(reference, AMOUNT, idempotency_key="r")
        assert gateway.lookup(reference).refunded == AMOUNT.amount

    def test_a_voided_authorization_is_no_longer_held(
        self, gateway: PaymentGateway, cards: Cards
    ) -> None:
        reference = gateway.authorize(cards.approved, AMOUNT, idempotency_key="k")
        gateway.void(reference)
        gateway.void(reference)  # idempotent
        assert gateway.lookup(reference).status == "voided"

    def test_the_provider_names_our_ids_in_its_recent_payments(
        self, gateway: PaymentGateway, cards: Cards
    ) -> None:
        reference = gateway.authorize(cards.approved, AMOUNT, idempotency_key="k", tags=TAGS)
        found = {p.reference: p for p in gateway.recent(datetime.now(UTC) - timedelta(hours=1))}
        assert (found[reference].booking_id, found[reference].payer_id) == ("book-1", "guest-1")

    def test_a_capture_or_refund_repeated_with_its_key_moves_no_more_money(
        self, gateway: PaymentGateway, cards: Cards
    ) -> None:
        reference = gateway.authorize(cards.approved, AMOUNT, idempotency_key="k")
        for _ in range(2):
            gateway.capture(reference, AMOUNT, idempotency_key="capture-1")
            gateway.refund(reference, Money(500, "USD"), idempotency_key="refund-1")
        gateway.refund(reference, Money(200, "USD"), idempotency_key="refund-2")
        seen = gateway.lookup(reference)
        assert (seen.status, seen.amount, seen.refunded) == ("captured", AMOUNT.amount, 700)


class PasswordHasherContract:
    """Slow salted hashes: never the password, never the same twice, verify never raises."""

    def test_hash_and_verify(self, hasher: Hasher) -> None:
        first, second = hasher.hash("correct horse"), hasher.hash("correct horse")
        assert "correct horse" not in first and first != second
        assert hasher.verify(first, "correct horse") and hasher.verify(second, "correct horse")
        assert not hasher.verify(first, "correct horsE")

    def test_a_broken_hash_is_a_mismatch_not_an_error(self, hasher: Hasher) -> None:
        assert not hasher.verify("not a hash", "correct horse")
        assert not hasher.verify("", "")


class ClockContract:
    """Aware UTC moments that never go back."""

    def test_now_is_utc_and_does_not_go_back(self, clock: Clock) -> None:
        first, second = clock.now(), clock.now()
        assert first.utcoffset() == timedelta(0) and second >= first


class IdGeneratorContract:
    """Ids are strings, never twice the same."""

    def test_ids_are_unique(self, ids: IdGenerator) -> None:
        made = [ids.new_id() for _ in range(1000)]
        assert all(isinstance(i, str) and i for i in made) and len(set(made)) == len(made)


class NotifierContract:
    """A message sent arrives with its recipient, subject and body (accents included)."""

    def test_a_message_arrives(
        self, notifier: Notifier, received: Callable[[], list[tuple[str, str, str]]]
    ) -> None:
        notifier.send(to="gus@example.com", subject="Booking confirmed: Café", body="Ça va.\n")
        assert ("gus@example.com", "Booking confirmed: Café", "Ça va.") in [
            (to, subject, body.strip()) for to, subject, body in received()
        ]


class EventPublisherContract:
    """Publishing follows a commit: it hands the events on, and a failure downstream never
    fails the command whose change is already committed."""

    def test_publishing_never_raises_for_a_failure_downstream(
        self, failing_publisher: EventPublisher
    ) -> None:
        failing_publisher.publish([EVENT])
        failing_publisher.publish([])

    def test_the_events_are_handed_on(
        self, publisher: EventPublisher, handed_on: Callable[[], list[Event]]
    ) -> None:
        publisher.publish([EVENT])
        assert EVENT.listing_id in [getattr(e, "listing_id", None) for e in handed_on()]
