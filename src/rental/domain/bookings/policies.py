"""The price of a stay and the refund of a cancellation, exactly as API.md states them."""

from __future__ import annotations

from enum import StrEnum

from attrs import frozen

from rental.domain.money import Money, percent_of

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
class PriceBreakdown:
    """What a stay costs: the parts and their total, all in one currency's minor units."""

    currency: str
    nightly_subtotal: int
    discount: int
    cleaning_fee: int
    service_fee: int
    total: int

    @classmethod
    def quote(
        cls,
        *,
        nights: int,
        price_per_night: Money,
        cleaning_fee: Money,
        weekly_discount_percent: int,
        monthly_discount_percent: int,
    ) -> PriceBreakdown:
        subtotal = price_per_night * nights
        if nights >= MONTHLY_NIGHTS:
            discount = subtotal.percent(monthly_discount_percent)
        elif nights >= WEEKLY_NIGHTS:
            discount = subtotal.percent(weekly_discount_percent)
        else:
            discount = Money.zero(subtotal.currency)
        before_fee = subtotal - discount + cleaning_fee
        service_fee = before_fee.percent(SERVICE_FEE_PERCENT)
        total = before_fee + service_fee
        return cls(
            currency=subtotal.currency,
            nightly_subtotal=subtotal.amount,
            discount=discount.amount,
            cleaning_fee=cleaning_fee.amount,
            service_fee=service_fee.amount,
            total=total.amount,
        )

    def refund(self, percent: int) -> int:
        return percent_of(self.total, percent)

    def __composite_values__(self) -> tuple[str, int, int, int, int, int]:
        """The parts in field order: how a mapper that stores them as columns reads them."""
        return (
            self.currency, self.nightly_subtotal, self.discount, self.cleaning_fee,
            self.service_fee, self.total,
        )  # fmt: skip
