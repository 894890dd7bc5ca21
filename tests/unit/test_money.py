"""Money: integer minor units, half-up percentages, no mixing of currencies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rental.domain.errors import CurrencyMismatch, InvalidInput
from rental.domain.money import Money, check_currency, percent_of
from tests.matchers import exact

amounts = st.integers(min_value=0, max_value=10**12)
percents = st.integers(min_value=0, max_value=100)


@pytest.mark.parametrize(
    ("amount", "percent", "expected"),
    [
        (1005, 10, 101),  # 100.5 rounds up, not to even
        (1015, 10, 102),  # 101.5 rounds up too
        (1004, 10, 100),
        (72050, 50, 36025),
        (1101, 50, 551),  # 550.5
        (65500, 10, 6550),
        (0, 50, 0),
        (12345, 100, 12345),
        (12345, 0, 0),
    ],
)
def test_percent_of_rounds_half_up_to_the_minor_unit(
    amount: int, percent: int, expected: int
) -> None:
    assert percent_of(amount, percent) == expected
    assert Money(amount, "USD").percent(percent) == Money(expected, "USD")


@settings(deadline=None)
@given(amount=amounts, percent=percents)
def test_percent_of_is_the_nearest_minor_unit_with_halves_rounded_up(
    amount: int, percent: int
) -> None:
    # In hundredths of a minor unit the exact share is ``amount * percent``; the rounded one is
    # at most half a unit below it and less than half a unit above it (a half goes up).
    rounded = percent_of(amount, percent)
    assert -50 < rounded * 100 - amount * percent <= 50
    assert 0 <= rounded <= amount


@settings(max_examples=min(50, settings.default.max_examples), deadline=None)
@given(a=amounts, b=amounts)
def test_same_currency_adds_and_subtracts_exactly(a: int, b: int) -> None:
    assert Money(a, "EUR") + Money(b, "EUR") == Money(a + b, "EUR")
    assert Money(a, "EUR") - Money(b, "EUR") == Money(a - b, "EUR")
    assert Money(a, "EUR") * 3 == Money(3 * a, "EUR")


@settings(max_examples=min(50, settings.default.max_examples), deadline=None)
@given(
    a=amounts,
    b=amounts,
    currencies=st.lists(st.sampled_from(["USD", "EUR", "JPY", "NZD"]), min_size=2, max_size=2,
                        unique=True),
)  # fmt: skip
def test_mixing_currencies_raises(a: int, b: int, currencies: list[str]) -> None:
    left, right = Money(a, currencies[0]), Money(b, currencies[1])
    with pytest.raises(CurrencyMismatch):
        left + right
    with pytest.raises(CurrencyMismatch):
        left - right


def test_only_iso_4217_currencies_are_accepted() -> None:
    assert check_currency("EUR") == "EUR"
    with pytest.raises(
        InvalidInput, match=exact("currency: 'XXX' is not an ISO 4217 currency code.")
    ) as raised:
        check_currency("XXX")
    assert "currency" in raised.value.errors
