"""Refund schedules of API.md's cancellation paragraph, at every boundary day."""

from __future__ import annotations

import pytest

from rental.domain.policies import guest_refund_percent

BOUNDARY_DAYS = (0, 1, 4, 5, 6, 7, 13, 14)
EXPECTED = {
    # days before check-in:  0  1   4   5    6    7    13   14
    "flexible": dict(zip(BOUNDARY_DAYS, (0, 100, 100, 100, 100, 100, 100, 100), strict=True)),
    "moderate": dict(zip(BOUNDARY_DAYS, (0, 50, 50, 100, 100, 100, 100, 100), strict=True)),
    "strict": dict(zip(BOUNDARY_DAYS, (0, 0, 0, 0, 0, 50, 50, 100), strict=True)),
}


@pytest.mark.parametrize("policy", sorted(EXPECTED))
@pytest.mark.parametrize("days", BOUNDARY_DAYS)
def test_guest_refund_percent_at_boundary_days(policy: str, days: int) -> None:
    assert guest_refund_percent(policy, days) == EXPECTED[policy][days]


@pytest.mark.parametrize("policy", sorted(EXPECTED))
def test_cancelling_after_check_in_refunds_nothing(policy: str) -> None:
    assert guest_refund_percent(policy, -1) == 0
    assert guest_refund_percent(policy, 400) == 100


def test_an_unknown_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="lenient"):
        guest_refund_percent("lenient", 3)
