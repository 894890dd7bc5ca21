"""Prices and rules by date as SQL: the twin of ``rental.domain.calendar.rates.resolve_night``
for the listing search, on PostgreSQL, MariaDB and SQLite.

A night's price is its override's, else the weekend price on a Friday or Saturday night, else
the listing's price. Over a stay that is, per listing::

    nights x price_per_night + weekend_nights x (weekend_price - price_per_night)
      + for each override with a price over the stay, on its n nights of which w are weekend
        nights: n x (its price - price_per_night) - w x (weekend_price - price_per_night)

(``weekend_price`` standing for ``price_per_night`` when null). The stay's nights and weekend
nights are counted in Python (``stay_parameters``); an override's, from day numbers counted
from a Friday, in SQL (``_weekend_days``), since overrides are ranges, not rows per night.
The stay rules read the one override of the check-in night and of the check-out day.

Most listings have no weekend price and no override near the stay: their stay costs
``nights x price_per_night`` and the listing's own rules hold. The listing row keeps the span
of its overrides (``rates_from``, ``rates_until``, written with them by the calendar), so the
search reads overrides only for the listings whose span meets the stay (``overrides_near``),
and filters the others' price on ``price_per_night`` itself, through the ``(city,
price_per_night)`` index (``price_between``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import Select
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from rental.adapters.sqlalchemy import tables as t
from rental.domain.calendar.rates import is_weekend
from rental.domain.calendar.stay import Stay

L, R = t.listings.c, t.rate_overrides.c
EPOCH = date(2000, 1, 7)  # a Friday: day 0 of the day numbers below
ZONE_SEPARATOR = "|"


class day_number(FunctionElement[int]):
    """Days from ``EPOCH`` to a date column, as an integer, on each database."""

    type = Integer()
    inherit_cache = True


@compiles(day_number, "postgresql")
def _pg_day(element: day_number, compiler: SQLCompiler, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)} - DATE '{EPOCH.isoformat()}')"


@compiles(day_number, "mysql")
def _mysql_day(element: day_number, compiler: SQLCompiler, **kw: Any) -> str:
    return f"DATEDIFF({compiler.process(element.clauses, **kw)}, '{EPOCH.isoformat()}')"


@compiles(day_number, "sqlite")
def _sqlite_day(element: day_number, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"CAST(julianday({column}) - julianday('{EPOCH.isoformat()}') AS INTEGER)"


def day_of(day: date) -> int:
    """The Python twin of ``day_number``."""
    return (day - EPOCH).days


def _weekend_days(day: ColumnElement[int]) -> ColumnElement[Any]:
    """Fridays and Saturdays among the days ``[0, day)`` (``day`` >= 0; day 0 is a Friday)."""
    rest = day % 7
    return 2 * ((day - rest) // 7) + case((rest < 2, rest), else_=2)


def _later(a: ColumnElement[int], b: Any) -> ColumnElement[int]:
    return case((a > b, a), else_=b)


def _earlier(a: ColumnElement[int], b: Any) -> ColumnElement[int]:
    return case((a < b, a), else_=b)


def overrides_near() -> ColumnElement[bool]:
    """Some override of the listing may fall on a night of the stay or on its check-out day
    (the span of its overrides meets ``[check_in, check_out]``). Never NULL."""
    return and_(
        L.rates_from.is_not(None),
        L.rates_from <= bindparam("check_out"),
        L.rates_until > bindparam("check_in"),
    )


def dated_listing() -> ColumnElement[bool]:
    """The stay's price is not ``nights x price_per_night``, or its rules not the listing's
    own: a weekend price, or overrides near the stay. Never NULL. Its first two terms are the
    predicate of the partial index ``ix_listings_city_dated``, so that the planner may find
    these listings by city alone."""
    return and_(
        or_(L.weekend_price.is_not(None), L.rates_until.is_not(None)),
        or_(L.weekend_price.is_not(None), overrides_near()),
    )


def _subtotal_parts() -> tuple[ColumnElement[Any], Select[Any]]:
    """The stay's subtotal without its price overrides (its nights at the listing's price and
    weekend price), and a query of what its price overrides add (one row, maybe NULL)."""
    weekend_extra = func.coalesce(L.weekend_price, L.price_per_night) - L.price_per_night
    first = _later(day_number(R.start), bindparam("check_in_day"))
    last = _earlier(day_number(R.end), bindparam("check_out_day"))
    added = func.sum(
        (last - first) * (R.price - L.price_per_night)
        - (_weekend_days(last) - _weekend_days(first)) * weekend_extra
    )
    overrides = select(added).where(
        R.listing_id == L.id,
        R.price.is_not(None),
        R.start < bindparam("check_out"),
        R.end > bindparam("check_in"),
    )
    base = (
        cast(bindparam("nights"), BigInteger) * L.price_per_night
        + cast(bindparam("weekend_nights"), BigInteger) * weekend_extra
    )
    return base, overrides


def stay_subtotal() -> ColumnElement[Any]:
    """The stay's ``nightly_subtotal`` for each listing row (parameters: ``stay_parameters``);
    overrides are read only for a listing whose span of overrides meets the stay."""
    base, overrides = _subtotal_parts()
    added = overrides.scalar_subquery()
    return base + case((overrides_near(), func.coalesce(added, 0)), else_=0)


def price_between(low: Any, high: Any) -> ColumnElement[bool]:
    """The stay's average nightly price within ``[low, high]`` (bound values, either ``None``
    for no bound), as two searches the database can run from indexes: a listing priced by
    date, on its subtotal; any other, on ``price_per_night`` itself (the ``(city,
    price_per_night)`` index). A listing with overrides near the stay reads them once, in one
    subquery that compares its subtotal with both bounds."""
    nights = cast(bindparam("nights"), BigInteger)
    base, overrides = _subtotal_parts()
    subtotal = base + func.coalesce(overrides.selected_columns[0], 0)
    plain, by_weekday, by_date = [], [], []
    if low is not None:
        plain.append(L.price_per_night >= low)
        by_weekday.append(base >= cast(low, BigInteger) * nights)
        by_date.append(subtotal >= cast(low, BigInteger) * nights)
    if high is not None:
        plain.append(L.price_per_night <= high)
        by_weekday.append(base <= cast(high, BigInteger) * nights)
        by_date.append(subtotal <= cast(high, BigInteger) * nights)
    in_band = overrides.with_only_columns(and_(*by_date)).scalar_subquery()
    dated = case((overrides_near(), in_band), else_=and_(*by_weekday))
    return or_(and_(~dated_listing(), *plain), and_(dated_listing(), dated))


def stay_rules() -> list[ColumnElement[bool]]:
    """The check-in night's minimum stay (its override's, else the listing's), closed to
    arrival on the check-in date, closed to departure on the check-out date, and the booking
    horizon in the listing's own time zone (``horizon_parameters``). A listing with overrides
    near the stay reads them in one probe for what refuses the stay, and in one more only
    when its own minimum is longer than the stay (the check-in night's may allow it)."""
    check_in: Any = bindparam("check_in")
    check_out: Any = bindparam("check_out")
    nights: Any = bindparam("nights")
    on_check_in = and_(R.start <= check_in, R.end > check_in)
    # ``R.start >= L.rates_from`` holds by construction; it correlates the subqueries beyond
    # the key, so that PostgreSQL probes the key once per listing instead of hashing every
    # listing's overrides.
    mine = and_(R.listing_id == L.id, R.start >= L.rates_from)
    refusing = select(R.listing_id).where(
        mine,
        R.start <= check_out,
        or_(
            and_(on_check_in, or_(R.closed_to_arrival, R.min_nights > nights)),
            and_(R.end > check_out, R.closed_to_departure),
        ),
    )
    allowing = select(R.listing_id).where(mine, on_check_in, R.min_nights <= nights)
    near = overrides_near()
    return [
        case((near, ~refusing.exists()), else_=True),
        or_(L.min_nights <= nights, and_(near, allowing.exists())),
        within_horizon(),
    ]


def _in_zones(name: str) -> ColumnElement[bool]:
    pattern = literal("%" + ZONE_SEPARATOR) + L.timezone + literal(ZONE_SEPARATOR + "%")
    return bindparam(name).like(pattern)


def within_horizon() -> ColumnElement[bool]:
    """The stay's last night at most ``max_advance_days`` after today in the listing's time
    zone, which is UTC's date, the day after (``zones_ahead``) or the day before
    (``zones_behind``). Only a listing whose horizon ends within a day of the last night
    needs its zone looked up."""
    gap: Any = bindparam("horizon_gap", type_=Integer)  # last night - UTC's today, in days
    local = case((_in_zones("zones_ahead"), 1), (_in_zones("zones_behind"), -1), else_=0)
    return or_(
        L.max_advance_days >= gap + 1,
        and_(L.max_advance_days >= gap - 1, L.max_advance_days + local >= gap),
    )


@lru_cache(maxsize=4)
def _zones_around(quarter_hour: datetime) -> tuple[str, str]:
    """The zones whose date is ahead of UTC's, and those behind it, at ``quarter_hour`` (every
    zone's offset is a whole number of quarter hours, so this holds for 15 minutes)."""
    utc_date = quarter_hour.date()
    ahead, behind = [], []
    for name in sorted(available_timezones()):
        try:
            local = quarter_hour.astimezone(ZoneInfo(name)).date()
        except (ValueError, OSError):  # pragma: no cover (a broken tzdata file)
            continue
        if local > utc_date:
            ahead.append(name)
        elif local < utc_date:
            behind.append(name)
    return _zone_list(ahead), _zone_list(behind)


def _zone_list(names: list[str]) -> str:
    """``|a|b|``: one bound string that ``LIKE '%|' || zone || '|%'`` searches."""
    return ZONE_SEPARATOR + ZONE_SEPARATOR.join(names) + ZONE_SEPARATOR


def stay_parameters(stay: Stay, now: datetime) -> dict[str, Any]:
    """The values ``stay_subtotal`` and ``stay_rules`` read."""
    utc = now.astimezone(ZoneInfo("UTC"))
    quarter = utc.replace(minute=utc.minute - utc.minute % 15, second=0, microsecond=0)
    ahead, behind = _zones_around(quarter)
    last_night = stay.check_out - timedelta(days=1)
    return {
        "check_in_day": day_of(stay.check_in),
        "check_out_day": day_of(stay.check_out),
        "weekend_nights": sum(1 for night in stay.each_night() if is_weekend(night)),
        "horizon_gap": (last_night - utc.date()).days,
        "zones_ahead": ahead,
        "zones_behind": behind,
    }
