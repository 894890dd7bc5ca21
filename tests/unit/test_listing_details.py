"""A listing's details in the domain: each bad value refused by name, house rules changed one
at a time, and who sees an unlisted listing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rental.domain.accounts.users import Role
from rental.domain.calendar.calendar import Calendar
from rental.domain.calendar.stay import Stay
from rental.domain.errors import InvalidInput, ListingNotFound
from rental.domain.listings.details import HouseRules
from tests.contracts.builders import NOW, TODAY, a_listing, a_user


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("property_type", "igloo"),
        ("bedrooms", -1),
        ("bedrooms", 51),
        ("beds", True),
        ("bathrooms", 0.75),
        ("bathrooms", 51),
        ("bathrooms", "1"),
        ("check_in_time", "24:00"),
        ("check_out_time", "9:00"),
        ("check_out_time", None),
        ("house_rules", {"pets_allowed": 1}),
        ("house_rules", {"dogs": True}),
        ("house_rules", ["pets_allowed"]),
        ("listed", 0),
    ],
)
def test_each_bad_detail_is_refused_by_name(field: str, value: Any) -> None:
    listing = a_listing(a_user(Role.HOST))
    with pytest.raises(InvalidInput) as refused:
        listing.update(now=NOW, **{field: value})
    assert set(refused.value.errors) == {field}


def test_house_rules_change_one_at_a_time_and_bathrooms_come_in_halves() -> None:
    listing = a_listing(a_user(Role.HOST))
    listing.update(now=NOW, house_rules={"pets_allowed": True}, bathrooms=2)
    listing.update(now=NOW, house_rules={"smoking_allowed": True}, bathrooms=0.5)
    assert listing.house_rules == HouseRules(pets_allowed=True, smoking_allowed=True)
    assert listing.bathrooms == 0.5


def test_an_unlisted_listing_is_seen_by_its_host_and_admins_and_cannot_be_booked() -> None:
    host = a_user(Role.HOST)
    listing = a_listing(host)
    listing.update(now=NOW, listed=False)
    assert listing.is_visible_to(host.id)
    assert listing.is_visible_to("someone", is_admin=True)
    assert not listing.is_visible_to("someone")
    assert not listing.is_visible_to(None)
    calendar = Calendar.of(
        listing_id=listing.id, host_id=host.id, listed=not listing.is_deleted,
        for_sale=listing.listed, terms=listing.terms,
    )  # fmt: skip
    calendar.check_is_listed()  # its host may still block nights
    with pytest.raises(ListingNotFound):
        calendar.check_is_for_sale()
    stay = Stay(TODAY + timedelta(days=3), TODAY + timedelta(days=5))
    with pytest.raises(ListingNotFound):
        calendar.request_booking(booking_id="b", guest_id="g", stay=stay, guests=1, now=NOW)
