"""The price of a stay and the refund of a cancellation, exactly as API.md states them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from attrs import fields, frozen

from rental.domain.calendar.taxes import Tax
from rental.domain.money import percent_of

SERVICE_FEE_PERCENT = 10
WEEKLY_NIGHTS = 7
MONTHLY_NIGHTS = 28


class CancellationPolicy(StrEnum):
    """How much of the total a guest gets back when cancelling a confirmed booking."""

    FLEXIBLE = "flexible"
    MODERATE = "moderate"
    STRICT = "strict"


# (minimum days before check-in, percent refunded), best first; anything later refunds 0.
REFUND_SCHEDULE: dict[CancellationPolicy, tuple[tuple[int, int], ...]] = {
    CancellationPolicy.FLEXIBLE: ((1, 100),),
    CancellationPolicy.MODERATE: ((5, 100), (1, 50)),
    CancellationPolicy.STRICT: ((14, 100), (7, 50)),
}


def guest_refund_percent(policy: CancellationPolicy | str, days_before_check_in: int) -> int:
    """Percent of the total refunded to a guest cancelling ``days_before_check_in`` days ahead."""
    for min_days, percent in REFUND_SCHEDULE[CancellationPolicy(policy)]:
        if days_before_check_in >= min_days:
            return percent
    return 0


@frozen
class NightlyPrice:
    """What one night of a stay costs, before discounts and fees."""

    date: date
    price: int


@frozen
class TaxLine:
    """One tax of a stay, as charged."""

    name: str
    amount: int


@frozen
class PriceBreakdown:
    """What a stay costs: the parts and their total, all in one currency's minor units.

    ``total`` is the sum of the lines: ``nightly_subtotal - discount + cleaning_fee +
    extra_guest_fees + service_fee + sum(taxes)``. Every computed part is rounded half up to the
    minor unit once (``money.share_of``) and the total is never rounded again. A booking stores
    its breakdown and is never priced again.
    """

    currency: str
    nightly_subtotal: int
    discount: int
    cleaning_fee: int
    service_fee: int
    total: int
    extra_guest_fees: int = 0
    nightly: tuple[NightlyPrice, ...] = ()
    taxes: tuple[TaxLine, ...] = ()

    @classmethod
    def quote(
        cls,
        *,
        currency: str,
        nightly: Sequence[NightlyPrice],
        cleaning_fee: int,
        weekly_discount_percent: int,
        monthly_discount_percent: int,
        extra_guest_fees: int = 0,
        taxes: Sequence[Tax] = (),
        guests: int = 1,
    ) -> PriceBreakdown:
        """The price of the nights ``nightly`` (each already resolved, see ``rates``)."""
        nights = len(nightly)
        subtotal = sum(night.price for night in nightly)
        if nights >= MONTHLY_NIGHTS:
            discount = percent_of(subtotal, monthly_discount_percent)
        elif nights >= WEEKLY_NIGHTS:
            discount = percent_of(subtotal, weekly_discount_percent)
        else:
            discount = 0
        stay = subtotal - discount
        fees = cleaning_fee + extra_guest_fees
        service_fee = percent_of(stay + fees, SERVICE_FEE_PERCENT)
        lines = tuple(
            TaxLine(
                tax.name, tax.charge(nights_amount=stay, fees=fees, guest_nights=guests * nights)
            )
            for tax in taxes
        )
        total = stay + fees + service_fee + sum(line.amount for line in lines)
        return cls(
            currency=currency,
            nightly_subtotal=subtotal,
            discount=discount,
            cleaning_fee=cleaning_fee,
            service_fee=service_fee,
            total=total,
            extra_guest_fees=extra_guest_fees,
            nightly=tuple(nightly),
            taxes=lines,
        )

    @property
    def lines_total(self) -> int:
        """The lines summed again (equal to ``total`` by construction; the tests check it)."""
        taxes = sum(line.amount for line in self.taxes)
        return (
            self.nightly_subtotal
            - self.discount
            + self.cleaning_fee
            + self.extra_guest_fees
            + self.service_fee
            + taxes
        )

    @property
    def host_base(self) -> int:
        """What the host charges before the platform's cut: the nights after discount, the
        cleaning fee and the extra-guest fees (not the service fee, not the taxes)."""
        return self.nightly_subtotal - self.discount + self.cleaning_fee + self.extra_guest_fees

    @property
    def tax_total(self) -> int:
        return sum(line.amount for line in self.taxes)

    def refund(self, percent: int) -> int:
        """``percent`` of what was paid (taxes included), rounded half up: never more than
        ``total`` for a percent of at most 100."""
        return percent_of(self.total, percent)

    def __composite_values__(self) -> tuple[Any, ...]:
        """The parts in field order: how a mapper that stores them as columns reads them."""
        return tuple(getattr(self, field.name) for field in fields(PriceBreakdown))
