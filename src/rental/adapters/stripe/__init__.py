"""Stripe adapters: the payment gateway on PaymentIntents and Refunds, and webhook events."""

from rental.adapters.stripe.gateway import StripeGateway

__all__ = ["StripeGateway"]
