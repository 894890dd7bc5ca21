"""A listing's details: what kind of place it is, its rooms, its hours and house rules, and
whether it is listed at all (an unlisted listing is out of search and cannot be booked)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from attrs import frozen

MAX_BEDROOMS = 50
MAX_BEDS = 100
MAX_BATHROOMS = 50
# "HH:MM" on a 24-hour clock, in the listing's own time zone.
CLOCK_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class PropertyType(StrEnum):
    ENTIRE_HOME = "entire_home"
    PRIVATE_ROOM = "private_room"
    SHARED_ROOM = "shared_room"
    HOTEL_ROOM = "hotel_room"


@frozen
class HouseRules:
    """What guests may do there; each is refused unless the host allows it."""

    pets_allowed: bool = False
    smoking_allowed: bool = False
    events_allowed: bool = False

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return ("pets_allowed", "smoking_allowed", "events_allowed")

    def as_dict(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name in self.names()}

    def __composite_values__(self) -> tuple[bool, bool, bool]:
        """The rules in field order: how a mapper that stores them as columns reads them."""
        return (self.pets_allowed, self.smoking_allowed, self.events_allowed)


# The detail fields a host sets, with their defaults (every one has a default).
DETAILS: dict[str, Any] = {
    "property_type": PropertyType.ENTIRE_HOME.value,
    "bedrooms": 1,
    "beds": 1,
    "bathrooms": 1.0,
    "check_in_time": "15:00",
    "check_out_time": "11:00",
    "house_rules": HouseRules(),
    "listed": True,
}


def _check_count(
    errors: dict[str, list[str]], values: dict[str, Any], name: str, high: int
) -> None:
    value = values[name]
    if isinstance(value, bool) or not isinstance(value, int):
        errors[name] = ["must be an integer."]
    elif not 0 <= value <= high:
        errors[name] = [f"must be between 0 and {high}."]


def _house_rules(errors: dict[str, list[str]], value: Any) -> HouseRules:
    """``value`` as house rules: a ``HouseRules``, or a mapping of some of their names (the
    others are false)."""
    if isinstance(value, HouseRules):
        return value
    names = HouseRules.names()
    if not isinstance(value, Mapping) or set(value) - set(names):
        errors["house_rules"] = [f"must be an object with {', '.join(names)}."]
        return HouseRules()
    if not all(isinstance(v, bool) for v in value.values()):
        errors["house_rules"] = ["each rule must be true or false."]
        return HouseRules()
    return HouseRules(**dict(value))


def merged_house_rules(current: HouseRules, change: Any) -> Any:
    """A change of house rules naming some rules keeps the others as they are."""
    return {**current.as_dict(), **change} if isinstance(change, Mapping) else change


def check_details(errors: dict[str, list[str]], values: dict[str, Any]) -> None:
    """Check and normalize the detail fields in ``values`` in place, adding to ``errors``."""
    if values["property_type"] not in {p.value for p in PropertyType}:
        errors["property_type"] = [f"must be one of {', '.join(p.value for p in PropertyType)}."]
    _check_count(errors, values, "bedrooms", MAX_BEDROOMS)
    _check_count(errors, values, "beds", MAX_BEDS)
    bathrooms = values["bathrooms"]
    if isinstance(bathrooms, bool) or not isinstance(bathrooms, int | float):
        errors["bathrooms"] = ["must be a number."]
    elif not 0 <= bathrooms <= MAX_BATHROOMS or (bathrooms * 2) % 1:
        errors["bathrooms"] = [f"must be a multiple of 0.5 between 0 and {MAX_BATHROOMS}."]
    else:
        values["bathrooms"] = float(bathrooms)
    for name in ("check_in_time", "check_out_time"):
        if not isinstance(values[name], str) or not CLOCK_TIME.match(values[name]):
            errors[name] = ["must be a time of day as HH:MM (00:00 to 23:59)."]
    values["house_rules"] = _house_rules(errors, values["house_rules"])
    if not isinstance(values["listed"], bool):
        errors["listed"] = ["must be true or false."]
