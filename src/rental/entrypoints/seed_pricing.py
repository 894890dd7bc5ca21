"""Prices and rules by date in the demo: weekend prices, a summer season, a tax or two, so that
`make run` shows quotes whose nightly lines differ."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from rental.application import commands as c
from rental.composition import Rental
from rental.domain.listings.listing import Listing

TAXES = [
    {"name": "Tourist tax", "kind": "per_guest_night", "amount": 200, "applies_to": None},
    {"name": "VAT", "kind": "percent", "amount": 600, "applies_to": "nights"},
]


def summer_after(today: date) -> tuple[date, date]:
    """The next 1 June to 1 September that has not started yet."""
    year = today.year if today < date(today.year, 6, 1) else today.year + 1
    return date(year, 6, 1), date(year, 9, 1)


def price_by_date(
    rental: Rental, now: datetime, listings: list[Listing], hosts: dict[str, c.Actor]
) -> int:
    """Every third listing a weekend price a fifth above its price, every fourth a summer
    season (two fifths dearer, three nights at least), every tenth two taxes. Returns how
    many listings got one of them."""
    start, end = summer_after(now.date() + timedelta(days=1))
    touched = set()
    for index, listing in enumerate(listings):
        host = hosts[listing.host_id]
        changes: dict[str, object] = {}
        if index % 3 == 0:
            changes["weekend_price"] = listing.price_per_night * 6 // 5
        if index % 10 == 0:
            changes["taxes"] = TAXES
        if changes:
            rental.handle(c.UpdateListing(actor=host, listing_id=listing.id, **changes))  # type: ignore[arg-type]
            touched.add(listing.id)
        if index % 4 == 0:
            season = {
                "start": start,
                "end": end,
                "price": listing.price_per_night * 7 // 5,
                "min_nights": 3,
            }
            rental.handle(c.UpdateCalendar(actor=host, listing_id=listing.id, ranges=(season,)))
            touched.add(listing.id)
    return len(touched)
