"""The demo's cities and the listing fields drawn from them (deterministic for a given seed)."""

from __future__ import annotations

import random
from typing import Any

from attrs import frozen


@frozen
class City:
    """A demo city with its real country code, IANA time zone and currency."""

    name: str
    country: str
    timezone: str
    currency: str
    latitude: float
    longitude: float
    price_range: tuple[int, int]  # per night, in the currency's minor unit
    streets: tuple[tuple[str, str], ...]  # (neighbourhood, street)


CITIES = (
    City(
        "Lisbon",
        "PT",
        "Europe/Lisbon",
        "EUR",
        38.7223,
        -9.1393,
        (6_000, 22_000),
        (
            ("Alfama", "Rua de São Miguel"),
            ("Bairro Alto", "Rua da Rosa"),
            ("Príncipe Real", "Rua da Escola Politécnica"),
        ),
    ),
    City(
        "Paris",
        "FR",
        "Europe/Paris",
        "EUR",
        48.8566,
        2.3522,
        (9_000, 35_000),
        (
            ("Le Marais", "Rue Vieille du Temple"),
            ("Montmartre", "Rue Lepic"),
            ("Canal Saint-Martin", "Quai de Valmy"),
        ),
    ),
    City(
        "Tokyo",
        "JP",
        "Asia/Tokyo",
        "JPY",
        35.6762,
        139.6503,
        (9_000, 40_000),
        (
            ("Shibuya", "Dogenzaka"),
            ("Asakusa", "Kaminarimon-dori"),
            ("Shimokitazawa", "Chazawa-dori"),
        ),
    ),
    City(
        "New York",
        "US",
        "America/New_York",
        "USD",
        40.7128,
        -74.0060,
        (12_000, 45_000),
        (
            ("Williamsburg", "Bedford Avenue"),
            ("West Village", "Bleecker Street"),
            ("Harlem", "Malcolm X Boulevard"),
        ),
    ),
    City(
        "Cape Town",
        "ZA",
        "Africa/Johannesburg",
        "ZAR",
        -33.9249,
        18.4241,
        (90_000, 400_000),
        (("Bo-Kaap", "Wale Street"), ("Gardens", "Kloof Street"), ("Sea Point", "Beach Road")),
    ),
)
LISTINGS_PER_CITY = 10
KINDS = ("loft", "studio", "apartment", "townhouse", "flat", "penthouse", "cottage")
ADJECTIVES = ("Sunny", "Quiet", "Bright", "Cosy", "Modern", "Historic", "Spacious", "Charming")
AMENITIES = (
    "wifi",
    "kitchen",
    "washer",
    "air conditioning",
    "heating",
    "workspace",
    "balcony",
    "parking",
    "elevator",
    "pool",
    "pets allowed",
    "sea view",
)
POLICIES = ("flexible", "moderate", "strict")


def _round_to(value: float, step: int) -> int:
    return max(step, round(value / step) * step)


def listing_fields(city: City, index: int, rng: random.Random) -> dict[str, Any]:
    """Fields of a ``CreateListing``; every fourth listing is request-to-book."""
    neighbourhood, street = city.streets[index % len(city.streets)]
    kind = rng.choice(KINDS)
    adjective = rng.choice(ADJECTIVES)
    guests = rng.choice((1, 2, 2, 3, 4, 4, 6, 8))
    low, high = city.price_range
    step = 1_000 if city.currency in ("JPY", "ZAR") else 500
    price = _round_to(rng.uniform(low, high) * (1 + guests / 10), step)
    weekly = rng.choice((0, 5, 10, 15))
    fee_share = rng.choice((0, 0.2, 0.3, 0.4))
    return {
        "title": f"{adjective} {kind} in {neighbourhood}",
        "description": (
            f"A {adjective.lower()} {kind} for up to {guests} guests in {neighbourhood}, "
            f"{city.name}, a short walk from cafés and public transport."
        ),
        "address": f"{rng.randint(1, 180)} {street}",
        "city": city.name,
        "country": city.country,
        "latitude": round(city.latitude + rng.uniform(-0.03, 0.03), 5),
        "longitude": round(city.longitude + rng.uniform(-0.03, 0.03), 5),
        "timezone": city.timezone,
        "price_per_night": price,
        "currency": city.currency,
        "cleaning_fee": _round_to(price * fee_share, step) if fee_share else 0,
        "weekly_discount_percent": weekly,
        "monthly_discount_percent": weekly + rng.choice((0, 5, 10, 15)),
        "max_guests": guests,
        "min_nights": rng.choice((1, 1, 1, 2, 2, 3, 5)),
        "max_nights": rng.choice((14, 30, 90, 365)),
        "instant_book": index % 4 != 3,
        "cancellation_policy": POLICIES[index % 3],
        "amenities": rng.sample(AMENITIES, rng.randint(3, 7)),
        **listing_details(kind, guests, random.Random(f"{city.name}/{index}")),  # noqa: S311
    }


def listing_details(kind: str, guests: int, rng: random.Random) -> dict[str, Any]:
    """Rooms, hours and rules that fit the place (a random of its own, so that adding these
    moved no other seeded value)."""
    property_type = "private_room" if kind == "studio" and guests <= 2 else "entire_home"
    bedrooms = 0 if kind == "studio" else max(1, guests // 2)
    return {
        "property_type": property_type,
        "bedrooms": bedrooms,
        "beds": max(1, (guests + 1) // 2),
        "bathrooms": rng.choice((1.0, 1.0, 1.5, 2.0)) if bedrooms > 1 else 1.0,
        "check_in_time": rng.choice(("14:00", "15:00", "16:00")),
        "check_out_time": rng.choice(("10:00", "11:00")),
        "house_rules": {
            "pets_allowed": rng.random() < 0.3,
            "smoking_allowed": rng.random() < 0.1,
            "events_allowed": rng.random() < 0.1,
        },
    }
