"""Refund schedules of API.md's cancellation paragraph, at every boundary day."""

from __future__ import annotations

import pytest

from rental.domain.bookings.policies import guest_refund_percent
from tests.unit.builders import BOUNDARY_DAYS
from tests.unit.builders import REFUND_PERCENT as EXPECTED


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
