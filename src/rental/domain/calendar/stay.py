"""Stays and date ranges: half-open, ``check_in`` the first night, ``check_out`` departure."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from attrs import frozen

from rental.domain.errors import InvalidInput, InvalidStay


@frozen
class Stay:
    """A half-open run of nights ``[check_in, check_out)``; at least one night."""

    check_in: date
    check_out: date

    def __attrs_post_init__(self) -> None:
        if self.check_out <= self.check_in:
            raise InvalidStay({"check_out": ["must be after check_in."]})

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    def overlaps(self, other: Stay) -> bool:
        """True when the two share at least one night (a stay may start the day another ends)."""
        return nights_overlap(self.check_in, self.check_out, other.check_in, other.check_out)

    def each_night(self) -> list[date]:
        return [self.check_in + timedelta(days=i) for i in range(self.nights)]


def nights_overlap(start: date, end: date, other_start: date, other_end: date | None) -> bool:
    """The overlap rule, once: nights ``[start, end)`` and ``[other_start, other_end)`` share
    one when each starts before the other ends (``other_end`` None: it never ends).
    ``adapters.sqlalchemy.search.nights_overlap`` is its SQL twin."""
    return start < (other_end or date.max) and other_start < end


# Files of the zone database that name no IANA zone: the machine's own zone (``localtime``,
# which follows whatever the server is set to), and the database's helpers.
NOT_IANA_ZONES = frozenset({"localtime", "posixrules", "Factory"})


@functools.cache
def _iana_zones() -> frozenset[str]:
    return frozenset(available_timezones()) - NOT_IANA_ZONES


def check_timezone(name: str, field: str = "timezone") -> str:
    """Return ``name`` if it is an IANA time zone, else raise ``InvalidInput``."""
    try:
        if not name or name != name.strip() or name.startswith(("/", ".")):
            raise ValueError(name)
        if name not in _iana_zones():
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput.field(field, f"{name!r} is not an IANA time zone name.") from None
    return name


def local_date(moment: datetime, timezone: str) -> date:
    """The calendar date of ``moment`` (aware) in ``timezone``."""
    return moment.astimezone(ZoneInfo(timezone)).date()


def local_midnight(day: date, timezone: str) -> datetime:
    """The moment (UTC) ``day`` starts in ``timezone``."""
    start = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(timezone))
    return start.astimezone(UTC)
