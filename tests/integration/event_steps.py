"""Steps the event-delivery tests share: people, a listing and a booking, through commands."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from attrs import frozen

from rental.application import commands as c
from rental.composition import Rental
from rental.domain.bookings.booking import Booking
from rental.domain.listings.listing import Listing

PASSWORD = "secret-password-1"
_people = itertools.count(1)


@frozen
class Stay:
    """A host, a guest, the host's listing, and the guest's actor."""

    host: c.Actor
    guest: c.Actor
    host_email: str
    guest_email: str
    listing: Listing


def host_guest_listing(rental: Rental, **fields: Any) -> Stay:
    """A new host with a listing (100.00 USD a night unless ``fields`` say otherwise)."""
    n = next(_people)
    host = rental.handle(
        c.RegisterUser(username=f"host{n}", email=f"host{n}@example.com", password=PASSWORD,
                       role="host", full_name="Hana Host")
    )  # fmt: skip
    guest = rental.handle(
        c.RegisterUser(username=f"guest{n}", email=f"guest{n}@example.com", password=PASSWORD,
                       role="guest", full_name="Gus Guest")
    )  # fmt: skip
    host_actor = c.Actor(host.id, host.role)
    listing_fields = {"title": "Loft by the river", "city": "Lisbon", "country": "PT",
                      "price_per_night": 10000, "max_guests": 3} | fields  # fmt: skip
    listing = rental.handle(c.CreateListing(actor=host_actor, **listing_fields))
    return Stay(host_actor, c.Actor(guest.id, guest.role), host.email, guest.email, listing)


def book(rental: Rental, stay: Stay, start_in_days: int = 10, nights: int = 3) -> Booking:
    """The guest asks for ``nights`` nights from ``start_in_days`` days after the clock's today."""
    check_in = rental.dependencies.clock.now().date() + timedelta(days=start_in_days)
    booking: Booking = rental.handle(
        c.RequestBooking(actor=stay.guest, listing_id=stay.listing.id, check_in=check_in,
                         check_out=check_in + timedelta(days=nights), guests=2)
    )  # fmt: skip
    return booking


def pay(rental: Rental, stay: Stay, booking: Booking, token: str = "tok_visa") -> Any:
    return rental.handle(
        c.PayForBooking(actor=stay.guest, booking_id=booking.id, payment_method="card",
                        payment_token=token)
    )  # fmt: skip


def dates(booking: Booking) -> tuple[date, date]:
    return booking.check_in, booking.check_out
