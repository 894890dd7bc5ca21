"""The schema's own ``Date`` and ``DateTime``: stricter than Python's ``fromisoformat``."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import strawberry

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: Any) -> date:
    """Exactly ``YYYY-MM-DD`` (Python 3.11 would also take ``20261201`` or ``2026-W48-1``)."""
    if not isinstance(value, str) or not DATE_PATTERN.fullmatch(value):
        raise ValueError("a Date is YYYY-MM-DD.")
    return date.fromisoformat(value)  # a day that does not exist is a ValueError too


def serialize_date(value: date) -> str:
    return value.isoformat()


def serialize_datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("a DateTime is an RFC 3339 string.")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("a DateTime needs its offset (RFC 3339).")
    return parsed.astimezone(UTC)


Date = strawberry.scalar(
    name="Date",
    description="A calendar day, exactly YYYY-MM-DD, in the listing's own calendar.",
    serialize=serialize_date,
    parse_value=parse_date,
)
DateTime = strawberry.scalar(
    name="DateTime",
    description="An instant, RFC 3339 in UTC (2026-12-01T22:05:00+00:00).",
    serialize=serialize_datetime,
    parse_value=parse_datetime,
)
SCALARS: dict[object, Any] = {date: Date, datetime: DateTime}
