"""Listings to JSON and back, for the cache: data only, never pickle (Redis is not trusted to
hand back code)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from rental.domain.listings.details import HouseRules
from rental.domain.listings.listing import Listing

FIELDS = tuple(field.name for field in attrs.fields(Listing))


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, HouseRules):
        return {"$house_rules": value.as_dict()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if isinstance(value, dict) and "$decimal" in value:
        return Decimal(value["$decimal"])
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict) and "$house_rules" in value:
        return HouseRules(**value["$house_rules"])
    return value


def encode_listing(listing: Listing) -> dict[str, Any]:
    """Every attrs field of ``listing``, JSON-ready."""
    return {name: _encode(getattr(listing, name)) for name in FIELDS}


def decode_listing(data: dict[str, Any]) -> Listing:
    """A detached ``Listing`` equal to the one encoded."""
    # A field added since the entry was cached (max_advance_days) takes its default.
    return Listing(**{name: _decode(data[name]) for name in FIELDS if name in data})
