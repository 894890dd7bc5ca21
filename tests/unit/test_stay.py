"""Stays are half-open runs of nights: a stay may start the day another ends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rental.domain.calendar.stay import Stay, check_timezone, local_date
from rental.domain.errors import InvalidInput, InvalidStay
from tests.matchers import exact

BASE = date(2030, 1, 1)


@st.composite
def stays(draw: st.DrawFn) -> Stay:
    start = draw(st.integers(min_value=0, max_value=60))
    nights = draw(st.integers(min_value=1, max_value=30))
    return Stay(BASE + timedelta(days=start), BASE + timedelta(days=start + nights))


@settings(deadline=None)
@given(a=stays(), b=stays())
def test_overlap_is_symmetric_and_means_sharing_a_night(a: Stay, b: Stay) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(b) == bool(set(a.each_night()) & set(b.each_night()))


@settings(max_examples=min(50, settings.default.max_examples), deadline=None)
@given(a=stays(), nights=st.integers(min_value=1, max_value=30))
def test_adjacent_stays_never_overlap(a: Stay, nights: int) -> None:
    after = Stay(a.check_out, a.check_out + timedelta(days=nights))
    before = Stay(a.check_in - timedelta(days=nights), a.check_in)
    assert not a.overlaps(after)
    assert not a.overlaps(before)
    assert a.overlaps(a)


@settings(max_examples=min(50, settings.default.max_examples), deadline=None)
@given(a=stays())
def test_each_night_lists_check_in_up_to_the_night_before_check_out(a: Stay) -> None:
    nights = a.each_night()
    assert len(nights) == a.nights
    assert nights[0] == a.check_in
    assert nights[-1] == a.check_out - timedelta(days=1)


@pytest.mark.parametrize("nights", [0, -1])
def test_check_out_must_be_after_check_in(nights: int) -> None:
    with pytest.raises(InvalidStay, match=exact("check_out: must be after check_in.")) as raised:
        Stay(BASE, BASE + timedelta(days=nights))
    assert "check_out" in raised.value.errors


def test_local_date_is_the_date_in_that_time_zone() -> None:
    from datetime import UTC, datetime

    moment = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
    assert local_date(moment, "Pacific/Auckland") == date(2030, 1, 2)
    assert local_date(moment, "America/Los_Angeles") == date(2030, 1, 1)
    assert local_date(datetime(2030, 1, 1, 2, 0, tzinfo=UTC), "America/Los_Angeles") == date(
        2029, 12, 31
    )


@pytest.mark.parametrize("name", ["Mars/Olympus", "", " UTC", "/etc/passwd", "../UTC"])
def test_unknown_time_zones_are_invalid_input(name: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_timezone(name)
    assert "timezone" in raised.value.errors
