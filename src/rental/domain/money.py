"""Money: an integer count of a currency's minor unit, never a float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from attrs import frozen

from rental.domain.errors import CurrencyMismatch, InvalidInput, TotalNotChargeable

# ISO 4217 active codes (funds and precious-metal codes left out).
CURRENCIES = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
    KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
    MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF
    SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD
    TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG""".split()
)


def check_currency(code: str, field: str = "currency") -> str:
    """Return ``code`` if it is an ISO 4217 currency, else raise ``InvalidInput``."""
    if code not in CURRENCIES:
        raise InvalidInput.field(field, f"{code!r} is not an ISO 4217 currency code.")
    return code


def share_of(amount: int, parts: int | Decimal, whole: int) -> int:
    """``parts / whole`` of ``amount`` minor units, rounded half up to the minor unit: the one
    rounding rule of every computed amount (percentages, basis points, refunds, fees)."""
    exact = Decimal(amount) * Decimal(parts) / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_of(amount: int, percent: int | Decimal) -> int:
    """``percent`` % of ``amount`` minor units, rounded half up to the minor unit."""
    return share_of(amount, percent, 100)


def basis_points_of(amount: int, basis_points: int) -> int:
    """``basis_points`` / 10,000 of ``amount`` minor units, rounded half up."""
    return share_of(amount, basis_points, 10_000)


@frozen
class Money:
    """An amount in minor units (cents) of an ISO 4217 currency."""

    amount: int
    currency: str

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    def _check_same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"Cannot combine {self.currency} with {other.currency}.")

    def __add__(self, other: Money) -> Money:
        self._check_same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check_same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: int) -> Money:
        return Money(self.amount * factor, self.currency)

    def percent(self, percent: int | Decimal) -> Money:
        """``percent`` % of this amount, rounded half up to the minor unit."""
        return Money(percent_of(self.amount, percent), self.currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} (minor units)"


# What one card payment may be, in minor units, as Stripe states it ("Minimum and maximum
# charge amounts"): at least the amount listed for the currency (50 for one not listed), at
# most eight digits (99,999,999) in any currency. An amount outside is refused before any
# provider is asked, instead of failing there.
MIN_CHARGE = {
    "USD": 50, "AED": 200, "AUD": 50, "BGN": 100, "BRL": 50, "CAD": 50, "CHF": 50, "CZK": 1500,
    "DKK": 250, "EUR": 50, "GBP": 30, "HKD": 400, "HUF": 17500, "INR": 50, "JPY": 50,
    "MXN": 1000, "MYR": 200, "NOK": 300, "NZD": 50, "PLN": 200, "RON": 200, "SEK": 300,
    "SGD": 50, "THB": 1000,
}  # fmt: skip # a table of data, read across as the provider lists it
DEFAULT_MIN_CHARGE = 50
MAX_CHARGE = 99_999_999


def check_chargeable(amount: Money) -> None:
    """``TotalNotChargeable`` when one card payment cannot be ``amount``: the request is
    valid, the listing's prices make a total no card can pay (a 409, as other clashes with
    the listing's state)."""
    least = MIN_CHARGE.get(amount.currency, DEFAULT_MIN_CHARGE)
    if amount.amount < least:
        raise TotalNotChargeable(
            f"The total, {amount.amount} {amount.currency}, is less than the least a card "
            f"payment may be ({least}): book more nights."
        )
    if amount.amount > MAX_CHARGE:
        raise TotalNotChargeable(
            f"The total, {amount.amount} {amount.currency}, is more than the most a card "
            f"payment may be ({MAX_CHARGE}): book fewer nights."
        )
