"""A listing's rate calendar: prices and stay rules by date, and the one rule that says what a
night costs and which rules hold on it.

Overrides are stored as date ranges, never one row per night: a season is one range. The
ranges of a listing never overlap; a change over part of a range splits it, so that each night
has at most one override and a lookup is a bisection. A change sets a field (a value), clears
it (``None``) or leaves it (absent); changes applied in order, the later winning where they
overlap.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from attrs import evolve, field, frozen

from rental.domain.calendar.stay import Stay
from rental.domain.errors import InvalidInput

MAX_RANGES = 100  # ranges in one change of the calendar
MAX_DAYS_AHEAD = 731  # how far ahead a range may end, and the longest calendar window
MAX_NIGHT_PRICE = 1_000_000_000  # minor units
MAX_MIN_NIGHTS = 365 * 3
FRIDAY, SATURDAY = 4, 5  # date.weekday()
RULES = ("price", "min_nights", "closed_to_arrival", "closed_to_departure")


def is_weekend(night: date) -> bool:
    """Friday and Saturday nights. A night is a date of the listing's own calendar, so this is
    the weekend in the listing's time zone whatever the server's."""
    return night.weekday() in (FRIDAY, SATURDAY)


class NightlyTerms(Protocol):
    """What a night's price falls back on: the listing's own prices and minimum stay."""

    @property
    def price_per_night(self) -> int: ...
    @property
    def weekend_price(self) -> int | None: ...
    @property
    def min_nights(self) -> int: ...


@frozen
class RateOverride:
    """Nights ``[start, end)`` whose price or rules differ from the listing's. ``None`` (or
    ``False``) is no override of that field."""

    start: date
    end: date
    price: int | None = None
    min_nights: int | None = None
    closed_to_arrival: bool = False
    closed_to_departure: bool = False

    @property
    def is_empty(self) -> bool:
        return (
            self.price is None
            and self.min_nights is None
            and not self.closed_to_arrival
            and not self.closed_to_departure
        )

    def rules(self) -> tuple[Any, ...]:
        return (self.price, self.min_nights, self.closed_to_arrival, self.closed_to_departure)

    def covers(self, day: date) -> bool:
        return self.start <= day < self.end


@frozen
class Night:
    """One night with the price and rules in force on it."""

    date: date
    price: int
    min_nights: int
    closed_to_arrival: bool
    closed_to_departure: bool


def resolve_night(day: date, terms: NightlyTerms, override: RateOverride | None) -> Night:
    """THE rule of a night's price and rules, used by quotes, bookings, the calendar and (as
    its SQL twin ``adapters/sqlalchemy/rates.py``) the search: the night's date override, else
    ``weekend_price`` on a Friday or Saturday night, else ``price_per_night``; the override's
    ``min_nights``, else the listing's; closed to arrival or departure only by an override."""
    if override is not None and override.price is not None:
        price = override.price
    elif terms.weekend_price is not None and is_weekend(day):
        price = terms.weekend_price
    else:
        price = terms.price_per_night
    if override is None:
        return Night(day, price, terms.min_nights, False, False)
    min_nights = terms.min_nights if override.min_nights is None else override.min_nights
    return Night(day, price, min_nights, override.closed_to_arrival, override.closed_to_departure)


@frozen
class RateChange:
    """One range of a calendar change: ``sets`` maps each field given to its new value, or to
    ``None`` to remove that override; fields not in it are left as they are."""

    start: date
    end: date
    sets: tuple[tuple[str, Any], ...]

    def apply_to(self, override: RateOverride) -> RateOverride:
        changes = {name: (value if value is not None else _NONE[name]) for name, value in self.sets}
        return evolve(override, **changes)


_NONE: dict[str, Any] = {
    "price": None,
    "min_nights": None,
    "closed_to_arrival": False,
    "closed_to_departure": False,
}


def _sorted(overrides: Iterable[RateOverride]) -> tuple[RateOverride, ...]:
    return tuple(sorted(overrides, key=lambda o: o.start))


@frozen
class RateCalendar:
    """A listing's overrides (or those over a window of it): sorted, disjoint, none empty."""

    overrides: tuple[RateOverride, ...] = field(default=(), converter=_sorted)

    def at(self, day: date) -> RateOverride | None:
        """The override of ``day``, if any."""
        i = bisect.bisect_right(self.overrides, day, key=lambda o: o.start) - 1
        if i >= 0 and self.overrides[i].covers(day):
            return self.overrides[i]
        return None

    def night(self, day: date, terms: NightlyTerms) -> Night:
        return resolve_night(day, terms, self.at(day))

    def nights(self, start: date, end: date, terms: NightlyTerms) -> list[Night]:
        """Each night of ``[start, end)``, resolved in one walk over the overrides."""
        found: list[Night] = []
        overrides = self.overrides
        i = max(bisect.bisect_right(overrides, start, key=lambda o: o.start) - 1, 0)
        day, one = start, timedelta(days=1)
        while day < end:
            while i < len(overrides) and overrides[i].end <= day:
                i += 1
            current = overrides[i] if i < len(overrides) and overrides[i].start <= day else None
            found.append(resolve_night(day, terms, current))
            day += one
        return found

    def stay_nights(self, stay: Stay, terms: NightlyTerms) -> list[Night]:
        return self.nights(stay.check_in, stay.check_out, terms)

    def overlapping(self, start: date, end: date) -> tuple[RateOverride, ...]:
        return tuple(o for o in self.overrides if o.start < end and start < o.end)

    def applied(self, changes: Iterable[RateChange]) -> RateCalendar:
        """This calendar with ``changes`` applied in order (a later one wins where they
        overlap), split where a change cuts a range and joined where neighbours agree."""
        overrides = list(self.overrides)
        for change in changes:
            overrides = _apply(overrides, change)
        return RateCalendar(_joined(overrides))


NO_OVERRIDES = RateCalendar()


def _apply(overrides: list[RateOverride], change: RateChange) -> list[RateOverride]:
    kept: list[RateOverride] = []
    inside: list[RateOverride] = []
    for o in overrides:
        if o.end <= change.start or change.end <= o.start:
            kept.append(o)
            continue
        if o.start < change.start:
            kept.append(evolve(o, end=change.start))
        if change.end < o.end:
            kept.append(evolve(o, start=change.end))
        inside.append(evolve(o, start=max(o.start, change.start), end=min(o.end, change.end)))
    inside.sort(key=lambda o: o.start)
    gaps, cursor = [], change.start
    for o in inside:
        if cursor < o.start:
            gaps.append(RateOverride(cursor, o.start))
        cursor = o.end
    if cursor < change.end:
        gaps.append(RateOverride(cursor, change.end))
    changed = [change.apply_to(o) for o in inside + gaps]
    return sorted(kept + [o for o in changed if not o.is_empty], key=lambda o: o.start)


def _joined(overrides: Sequence[RateOverride]) -> list[RateOverride]:
    """Neighbours with the same rules become one range (a season set in pieces stays one row)."""
    joined: list[RateOverride] = []
    for o in overrides:
        last = joined[-1] if joined else None
        if last is not None and last.end == o.start and last.rules() == o.rules():
            joined[-1] = evolve(last, end=o.end)
        else:
            joined.append(o)
    return joined


# -- checking a change sent by a client ----------------------------------------------------
def _check_value(errors: dict[str, list[str]], at: str, name: str, value: Any) -> None:
    if value is None:
        return
    if name in ("closed_to_arrival", "closed_to_departure"):
        if not isinstance(value, bool):
            errors[f"{at}.{name}"] = ["must be true, false or null."]
        return
    high = MAX_NIGHT_PRICE if name == "price" else MAX_MIN_NIGHTS
    if isinstance(value, bool) or not isinstance(value, int):
        errors[f"{at}.{name}"] = ["must be an integer or null."]
    elif not 1 <= value <= high:
        errors[f"{at}.{name}"] = [f"must be between 1 and {high}, or null to remove it."]


def check_rate_changes(
    ranges: Sequence[Mapping[str, Any]], today: date, field_name: str = "ranges"
) -> list[RateChange]:
    """Validate the ranges of a calendar change against ``today`` (listing time zone); raise
    ``InvalidInput`` naming each broken one as ``ranges.<index>.<field>``."""
    if not ranges:
        raise InvalidInput.field(field_name, "must hold at least one range.")
    if len(ranges) > MAX_RANGES:
        raise InvalidInput.field(field_name, f"must hold at most {MAX_RANGES} ranges.")
    errors: dict[str, list[str]] = {}
    changes: list[RateChange] = []
    horizon = today + timedelta(days=MAX_DAYS_AHEAD)
    for i, item in enumerate(ranges):
        at = f"{field_name}.{i}"
        start, end = item.get("start"), item.get("end")
        for name in sorted(set(item) - {"start", "end", *RULES}):
            errors[f"{at}.{name}"] = ["is not a calendar field."]
        if not isinstance(start, date) or not isinstance(end, date):
            errors[at] = ["needs a start and an end date."]
            continue
        if end <= start:
            errors[f"{at}.end"] = ["must be after start."]
        if start < today:
            errors[f"{at}.start"] = ["must not be before today in the listing's time zone."]
        if end > horizon:
            errors[f"{at}.end"] = [f"must be at most {MAX_DAYS_AHEAD} days ahead ({horizon})."]
        sets = tuple((name, item[name]) for name in RULES if name in item)
        for name, value in sets:
            _check_value(errors, at, name, value)
        changes.append(RateChange(start, end, sets))
    if errors:
        raise InvalidInput(errors)
    return changes
