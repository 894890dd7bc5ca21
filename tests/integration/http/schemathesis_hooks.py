"""schemathesis hooks for ``test_schemathesis_run.py`` (loaded through ``SCHEMATHESIS_HOOKS``).

Two things a generic tool cannot know, given to it here:

- **Who is asking.** A marketplace has two sides: the guest books, pays, cancels and reviews;
  the host lists, blocks, confirms and declines. Each operation gets the bearer token of the
  side that uses it, so that a listing made by the stateful phase can be booked by someone else.
  Logging out and changing one's profile (which revoke tokens) use a fresh account each time.
- **The rules OpenAPI 3.0 cannot say.** The document states them as ``x-rental-*`` keywords
  (see docs/api.md); for positive cases only, just before each request, this applies each
  keyword it finds in the operation's schema to what hypothesis generated: dates in order
  and in the future, a real IANA zone, a token the payment gateway knows, a stay the listing
  allows. Negative cases are left alone: they must be refused as generated.
"""

from __future__ import annotations

import json
import os
import zlib
from datetime import date, timedelta
from functools import cache
from typing import Any
from urllib.parse import quote
from zoneinfo import available_timezones

import requests
import schemathesis

from rental.domain.listings.listing import MAX_ADVANCE_DAYS_LIMIT

BASE = os.environ.get("RENTAL_ST_BASE", "http://127.0.0.1:8000")
API = BASE + "/api/v1"
TOKENS: dict[str, str] = json.loads(os.environ.get("RENTAL_ST_TOKENS", "{}"))
PASSWORD = "correct horse battery"
ZONES = sorted(available_timezones() - {"Factory", "localtime"})
# Operations of the guest's side; every other authenticated operation is the host's.
GUEST_SIDE = {
    "createBooking", "listBookings", "getBooking", "cancelBooking", "createPayment",
    "listBookingPayments", "getPayment", "createReview", "getBookingReview",
}  # fmt: skip
# Operations that revoke the token they are called with (or lock its account after wrong
# passwords): each gets a new account's.
FRESH_ACCOUNT = {"logout", "updateCurrentUser", "deleteAccount"}
SESSION = requests.Session()


def _operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def _fresh_token() -> str:
    name = f"st{os.urandom(6).hex()}"
    email = f"{name}@example.com"
    SESSION.post(
        f"{API}/auth/register",
        json={"username": name, "email": email, "password": PASSWORD, "role": "host"},
        timeout=30,
    ).raise_for_status()
    login = SESSION.post(
        f"{API}/auth/login", json={"email": email, "password": PASSWORD}, timeout=30
    )
    login.raise_for_status()
    return str(login.json()["access_token"])


@schemathesis.auth(refresh_interval=None)
class MarketplaceAuth:
    """The bearer token of the side each operation belongs to."""

    def get(self, case: Any, context: Any) -> str:
        operation = _operation_id(case)
        if operation == "refreshToken":
            return TOKENS["refresh"]
        if operation in FRESH_ACCOUNT:
            return _fresh_token()
        return TOKENS["guest"] if operation in GUEST_SIDE else TOKENS["host"]

    def set(self, case: Any, data: str, context: Any) -> None:
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


# -- the x-rental-* rules ---------------------------------------------------------------------
@cache
def _document() -> dict[str, Any]:
    document: dict[str, Any] = SESSION.get(f"{API}/openapi.json", timeout=30).json()
    return document


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema or "allOf" in schema:
        if "$ref" in schema:
            schema = _document()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        else:
            merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
            for part in schema["allOf"]:
                merged = {**_resolve(part), **merged}
            schema = merged
    return schema


def _body_properties(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    content = raw.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return {}
    body = _resolve(content["schema"])
    return {name: _resolve(prop) for name, prop in body.get("properties", {}).items()}


def _query_properties(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        p["name"]: _resolve(p.get("schema", {}))
        for p in raw.get("parameters", [])
        if p.get("in") == "query"
    }


def _pick(options: list[str], seed: object) -> str:
    # Deterministic in the generated value: the same case maps to the same choice.
    return options[zlib.crc32(repr(seed).encode()) % len(options)]


HORIZON_MAX = MAX_ADVANCE_DAYS_LIMIT


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _listing(listing_id: Any) -> dict[str, Any] | None:
    if not isinstance(listing_id, str) or not listing_id:
        return None
    response = SESSION.get(f"{API}/listings/{quote(listing_id, safe='')}", timeout=30)
    return response.json() if response.status_code == 200 else None  # type: ignore[no-any-return]


def _nights_bounds(listing: dict[str, Any] | None) -> tuple[int, int]:
    if listing is None:
        return 1, 30
    return int(listing["min_nights"]), min(int(listing["max_nights"]), 365)


def _degrees_hold(value: Any, names: list[str]) -> bool:
    """A ``bbox`` or a ``near`` on the globe: latitudes within 90, longitudes within 180,
    south not above north (what ``x-rental-degrees`` says)."""
    try:
        numbers = dict(zip(names, (float(x) for x in str(value).split(",")), strict=True))
    except ValueError:
        return False
    limits = {"latitude": 90, "south": 90, "north": 90}
    if any(abs(v) > limits.get(k, 180) for k, v in numbers.items()):
        return False
    return numbers.get("south", 0) <= numbers.get("north", 0)


def apply_rules(values: dict[str, Any], props: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``values`` (a body or a query) changed so that every x-rental-* rule of ``props`` holds."""
    values = dict(values)
    # Every day we pick lies after tomorrow in UTC: "today" in any time zone is before it.
    soon = date.today() + timedelta(days=2)
    listing = _listing(values.get("listing_id")) if "listing_id" in values else None
    for name, prop in props.items():
        if name not in values or values[name] is None:
            continue
        if "x-rental-time-zone" in prop:
            values[name] = _pick(ZONES, values[name])
        if "x-rental-gateway-token" in prop:
            values[name] = _pick(prop["x-rental-gateway-token"], values[name])
        if prop.get("x-rental-at-most") == "listing.max_guests" and listing is not None:
            values[name] = max(1, min(int(values[name]), int(listing["max_guests"])))
    for name, prop in props.items():
        degrees = prop.get("x-rental-degrees")
        if degrees and values.get(name) is not None and not _degrees_hold(values[name], degrees):
            values[name] = prop["example"]
    for name, prop in props.items():
        other = prop.get("x-rental-together-with")
        if other in props and (name in values) != (other in values):
            missing = other if name in values else name
            if props[missing].get("format") != "date":  # the map search's near and radius_km
                values[missing] = props[missing]["example"]
                continue
            day = _day(values.get(name) or values.get(other)) or soon
            values.setdefault(name, day.isoformat())
            values.setdefault(other, day.isoformat())
    for name, prop in props.items():
        if prop.get("x-rental-not-before") == "today" and name in values:
            day = _day(values[name])
            if day is not None and day < soon:
                values[name] = (soon + timedelta(days=(soon - day).days % 300)).isoformat()
    for name, prop in props.items():
        after = prop.get("x-rental-after")
        start, end = _day(values.get(after)), _day(values.get(name))
        if after is None or start is None or end is None:
            continue
        low, high = _nights_bounds(listing) if "x-rental-nights-within" in prop else (1, 365)
        limit = prop.get("x-rental-at-most-days-after", {}).get("days")
        if limit is not None:
            high = min(high, int(limit))
        nights = max(low, min(high, (end - start).days))
        if start > date.max - timedelta(days=nights):
            start = date(2100, 1, 1)
            values[after] = start.isoformat()
        values[name] = (start + timedelta(days=nights)).isoformat()
    for name, prop in props.items():
        # Prices by date: a range ends at most so many days after today (UTC's yesterday,
        # the earliest "today" of any time zone).
        ahead = prop.get("x-rental-days-ahead-at-most")
        day = _day(values.get(name))
        if ahead is None or day is None:
            continue
        latest = date.today() - timedelta(days=1) + timedelta(days=int(ahead))
        if day > latest:
            values[name] = latest.isoformat()
            start = _day(values.get(prop.get("x-rental-after", "")))
            if start is not None and start >= latest:
                values[prop["x-rental-after"]] = (latest - timedelta(days=1)).isoformat()
    for name, prop in props.items():
        # A tax's amount: a percentage is at most 100 % (10,000 basis points).
        limits = prop.get("x-rental-tax-amount")
        if limits and isinstance(values.get(name), int) and values.get("kind") in limits:
            values[name] = values[name] % (int(limits[values["kind"]]) + 1)
    for name, prop in props.items():
        # Lists of objects (a calendar's ranges, a listing's taxes): each item by its rules.
        items = _resolve(prop.get("items", {})) if prop.get("type") == "array" else {}
        if items.get("properties") and isinstance(values.get(name), list):
            inner = {k: _resolve(v) for k, v in items["properties"].items()}
            values[name] = [
                apply_rules(item, inner) if isinstance(item, dict) else item
                for item in values[name]
            ]
    for name, prop in props.items():
        # The booking horizon: the stay moves earlier until its last night is within it.
        after = prop.get("x-rental-after")
        start, end = _day(values.get(after)), _day(values.get(name))
        if "x-rental-last-night-within" not in prop or listing is None or not start or not end:
            continue
        horizon = int(listing["max_advance_days"])
        # A stay longer than the horizon allows from the earliest day we pick gets shorter,
        # down to the listing's minimum (which listings made here always fit: see below).
        nights = max(int(listing["min_nights"]), min((end - start).days, horizon - 2))
        latest = date.today() + timedelta(days=horizon - nights)
        if start > latest >= soon:
            values[after] = latest.isoformat()
            values[name] = (latest + timedelta(days=nights)).isoformat()
    if "max_advance_days" in values and values["max_advance_days"] is not None:
        # Keep the listings the test makes bookable: a horizon shorter than the minimum stay
        # from the day after tomorrow (the earliest day the rules above pick) admits no stay,
        # so every booking on it would be refused, rightly, whatever the request.
        low = values.get("min_nights") or 1
        if low + 3 > HORIZON_MAX:
            low = values["min_nights"] = HORIZON_MAX - 3
        values["max_advance_days"] = max(int(values["max_advance_days"]), low + 3)
    for name, prop in props.items():
        other = prop.get("x-rental-at-least")
        if other not in props or (name not in values and other not in values):
            continue
        low = values.get(other)
        high = values.get(name)
        if low is None:
            values[other] = 1
        elif high is None or high < low:
            values[name] = low
    return values


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    # Just before the request, when the stateful phase has put in what links carry (a new
    # listing's id), so that the rules relative to that listing can be applied.
    meta = getattr(case, "meta", None)
    if meta is None or not meta.generation.mode.is_positive:
        return
    raw = case.operation.definition.raw
    if isinstance(case.body, dict):
        case.body = apply_rules(case.body, _body_properties(raw))
    if case.query:
        case.query = apply_rules(case.query, _query_properties(raw))
