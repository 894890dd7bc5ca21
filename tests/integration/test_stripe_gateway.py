"""The Stripe adapter against localstripe, a Stripe-compatible server: the port's contract,
plus what only a real provider shows (outages, what goes over the wire)."""

from __future__ import annotations

from typing import Any

import pytest
import stripe

from rental.adapters.stripe import StripeGateway
from rental.domain.errors import PaymentProviderUnavailable
from rental.domain.money import Money
from tests.contracts.ports import TAGS, Cards, PaymentGatewayContract
from tests.stripe_server import SECRET_KEY

AMOUNT = Money(72050, "USD")
# localstripe's test PaymentMethods; it has no insufficient-funds card (the sandbox's
# contract run covers that reason) and does not replay idempotent requests (see below).
LOCALSTRIPE_CARDS = Cards(
    approved="pm_card_visa",
    declines=(("pm_card_chargeCustomerFail", "card_declined"),),
    unknown="pm_unheard_of",
)


class Recording(stripe.RequestsClient):  # type: ignore[misc]
    """The SDK's HTTP client, keeping each request's method, URL and headers."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sent: list[tuple[str, str, dict[str, str]]] = []

    def request(self, method: str, url: str, headers: Any, post_data: Any = None) -> Any:
        self.sent.append((method.upper(), url, dict(headers or {})))
        return super().request(method, url, headers, post_data)


class TestStripeGatewayOnLocalstripe(PaymentGatewayContract):
    @pytest.fixture
    def gateway(self, stripe_gateway: StripeGateway) -> StripeGateway:
        return stripe_gateway

    @pytest.fixture
    def cards(self) -> Cards:
        return LOCALSTRIPE_CARDS

    def test_a_capture_or_refund_repeated_with_its_key_moves_no_more_money(
        self, gateway: StripeGateway, cards: Cards, localstripe_url: str
    ) -> None:
        """localstripe does not replay a request sent again with its key, so this checks our
        half of the contract: every call that moves money sends the key it was given (the
        sandbox's contract run checks the replay itself, as Stripe does it)."""
        wire = Recording(timeout=5)
        watched = StripeGateway(
            SECRET_KEY, api_base=localstripe_url, max_network_retries=0, http_client=wire
        )
        reference = watched.authorize(cards.approved, AMOUNT, "key-auth", TAGS)
        watched.capture(reference, AMOUNT, "key-capture")
        watched.refund(reference, Money(500, "USD"), "key-refund")
        watched.charge(cards.approved, AMOUNT, "key-charge", TAGS)
        keys = [h.get("Idempotency-Key") for m, _, h in wire.sent if m == "POST"]
        assert keys == ["key-auth", "key-capture", "key-refund", "key-charge"]
        assert all(SECRET_KEY not in url for _, url, _ in wire.sent)


def test_an_unreachable_provider_is_unavailable_and_the_key_is_never_in_the_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    gateway = StripeGateway(
        SECRET_KEY, api_base="http://127.0.0.1:9", timeout=2, max_network_retries=0
    )
    with pytest.raises(PaymentProviderUnavailable) as raised:
        gateway.authorize("pm_card_visa", AMOUNT, "k", TAGS)
    assert "nothing was recorded as paid" in raised.value.detail
    assert SECRET_KEY not in str(raised.value) and SECRET_KEY not in caplog.text
    assert SECRET_KEY not in repr(gateway)


def test_a_key_the_provider_refuses_is_unavailable_not_a_leak(localstripe_url: str) -> None:
    gateway = StripeGateway("sk_", api_base=localstripe_url, max_network_retries=0)
    with pytest.raises(PaymentProviderUnavailable):
        gateway.authorize("pm_card_visa", AMOUNT, "k", TAGS)
