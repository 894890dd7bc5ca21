"""RENTAL_PAYMENT_GATEWAY and the Stripe settings: checked at start, secrets never shown."""

from __future__ import annotations

import pytest

from rental.adapters.sandbox_gateway import SandboxGateway
from rental.adapters.stripe import StripeGateway
from rental.composition import payment_gateway_from
from rental.settings import PaymentSettings, Settings, SettingsError

STRIPE = {
    "RENTAL_ENV": "test",
    "RENTAL_PAYMENT_GATEWAY": "stripe",
    "RENTAL_STRIPE_SECRET_KEY": "sk_test_very_secret_1234",
    "RENTAL_STRIPE_WEBHOOK_SECRET": "whsec_very_secret_5678",
}


def test_the_sandbox_is_the_default() -> None:
    settings = Settings.from_env({"RENTAL_ENV": "test"})
    assert settings.payments.gateway == "sandbox" and settings.payments.host_fee_percent == 3
    assert isinstance(payment_gateway_from(settings.payments), SandboxGateway)


def test_stripe_with_its_secrets_and_base_address() -> None:
    env = STRIPE | {
        "RENTAL_STRIPE_API_BASE": "http://127.0.0.1:8420/",
        "RENTAL_HOST_FEE_PERCENT": "5",
    }
    settings = Settings.from_env(env)
    assert settings.payments.stripe_api_base == "http://127.0.0.1:8420"
    assert settings.payments.host_fee_percent == 5
    assert isinstance(payment_gateway_from(settings.payments), StripeGateway)
    shown = repr(settings) + repr(payment_gateway_from(settings.payments))
    assert "very_secret" not in shown


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"RENTAL_PAYMENT_GATEWAY": "paypal"}, "RENTAL_PAYMENT_GATEWAY"),
        ({"RENTAL_STRIPE_SECRET_KEY": ""}, "RENTAL_STRIPE_SECRET_KEY"),
        ({"RENTAL_STRIPE_SECRET_KEY": "pk_test_publishable"}, "RENTAL_STRIPE_SECRET_KEY"),
        ({"RENTAL_STRIPE_WEBHOOK_SECRET": ""}, "RENTAL_STRIPE_WEBHOOK_SECRET"),
        ({"RENTAL_STRIPE_API_BASE": "ftp://x"}, "RENTAL_STRIPE_API_BASE"),
        ({"RENTAL_HOST_FEE_PERCENT": "101"}, "RENTAL_HOST_FEE_PERCENT"),
        ({"RENTAL_HOST_FEE_PERCENT": "2.5"}, "RENTAL_HOST_FEE_PERCENT"),
    ],
)
def test_a_bad_payment_setting_says_which(change: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env(STRIPE | change)
    assert named in str(raised.value)
    assert "very_secret" not in str(raised.value)


def test_secrets_are_optional_for_the_sandbox() -> None:
    assert PaymentSettings.from_env({}).gateway == "sandbox"
