"""The demo's bookings: stays already over (completed, reviewed, one cancelled) and upcoming
ones in every state a host or guest meets (confirmed, awaiting the host, unpaid, declined,
cancelled), plus a few host blocks."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from attrs import define, field

from rental.adapters.system import SettableClock
from rental.application import commands as c
from rental.composition import Rental
from rental.domain.bookings.booking import Booking
from rental.domain.listings.listing import Listing
from rental.domain.reviews.review import SUB_RATINGS


@define
class SeedSummary:
    """What the seed made, and the demo accounts to sign in with."""

    credentials: list[tuple[str, str, str]] = field(factory=list)  # role, email, password
    listings: int = 0
    bookings: Counter[str] = field(factory=Counter)
    reviews: int = 0
    blocks: int = 0

    def report(self) -> str:
        lines = [
            f"Seeded {self.listings} listings, {sum(self.bookings.values())} bookings "
            f"({', '.join(f'{n} {s}' for s, n in sorted(self.bookings.items()))}), "
            f"{self.reviews} reviews, {self.blocks} blocks.",
            "Demo accounts (development only):",
        ]
        lines += [
            f"  {role:<5} {email:<22} {password}" for role, email, password in self.credentials
        ]
        return "\n".join(lines)


PAST_STAYS = 12
REVIEWS = (
    (5, "Spotless, bright and exactly as pictured. We would stay again."),
    (4, "Great location and a responsive host; the street gets a little noisy at night."),
    (5, "Felt like home from the first evening. The local tips were gold."),
    (3, "Fine for a short stay, but the wifi dropped now and then."),
    (5, "Beautiful place, easy check-in, lovely neighbourhood."),
    (4, "Comfortable beds and a well-stocked kitchen."),
    (2, "Smaller than it looks in the photos and the shower was lukewarm."),
    (5, "Perfect base for exploring the city on foot."),
    (4, "Quiet, clean and good value."),
    (5, "Our favourite stay of the whole trip."),
)
# What the hosts wrote about their guests: the two sides of each reviewed stay publish together.
GUEST_REVIEWS = (
    (5, "A considerate guest who left the place spotless."),
    (5, "Clear communication and on time for check-in."),
    (4, "Friendly and tidy; a little late to check out."),
    (5, "Welcome back any time."),
)


def _book(
    rental: Rental, guest: c.Actor, listing: Listing, check_in: date, nights: int, *, pay: bool
) -> Booking:
    stay = max(nights, listing.min_nights)
    booking: Booking = rental.handle(
        c.RequestBooking(
            actor=guest,
            listing_id=listing.id,
            check_in=check_in,
            check_out=check_in + timedelta(days=stay),
            guests=min(2, listing.max_guests),
        )
    )
    if pay:
        rental.handle(
            c.PayForBooking(
                actor=guest,
                booking_id=booking.id,
                payment_method="card",
                payment_token="tok_visa",  # noqa: S106 - the sandbox's test token
            )
        )
    return booking


def play_past(
    past: Rental,
    clock: SettableClock,
    present: Rental,
    listings: list[Listing],
    guests: list[c.Actor],
    hosts: dict[str, c.Actor],
    summary: SeedSummary,
) -> None:
    """Stays that ended 2 to 11 days ago, booked and paid days before they began."""
    today = present.dependencies.clock.now().date()
    stays = []
    for i, listing in enumerate(listings[:PAST_STAYS]):
        # The last guest's stays are left unreviewed, for the README's curl walk-through to review.
        guest = guests[i % (len(guests) - 1)] if i < len(REVIEWS) else guests[-1]
        nights = 2 + i % 3
        check_in = today - timedelta(days=2 + i % 10 + max(nights, listing.min_nights))
        clock.set_day(check_in - timedelta(days=5 + i))
        booking = _book(past, guest, listing, check_in, nights, pay=True)
        if not listing.instant_book:
            clock.set(clock.now() + timedelta(hours=3))
            past.handle(c.ConfirmBooking(actor=hosts[listing.host_id], booking_id=booking.id))
        stays.append((booking, guest))
    # A trip its guest called off three weeks ahead: refunded per the listing's policy.
    listing, guest = listings[PAST_STAYS], guests[0]
    clock.set_day(today - timedelta(days=30))
    booking = _book(past, guest, listing, today - timedelta(days=8), 3, pay=True)
    if not listing.instant_book:
        past.handle(c.ConfirmBooking(actor=hosts[listing.host_id], booking_id=booking.id))
    clock.set_day(today - timedelta(days=29))
    past.handle(c.CancelBooking(actor=guest, booking_id=booking.id))
    summary.bookings["cancelled"] += 1
    summary.bookings["completed"] += present.expire_bookings()["completed"]
    for i, ((booking, guest), (rating, comment)) in enumerate(zip(stays, REVIEWS, strict=False)):
        # Sub-ratings around the overall rating; every third guest leaves out "value".
        subs = {
            name: min(5, max(1, rating + (i + k) % 3 - 1)) for k, name in enumerate(SUB_RATINGS)
        }
        if i % 3 == 2:
            subs.pop("value")
        present.handle(
            c.SubmitReview(
                actor=guest,
                booking_id=booking.id,
                rating=rating,
                comment=comment,
                sub_ratings=dict(subs),
            )
        )
        host_rating, host_comment = GUEST_REVIEWS[i % len(GUEST_REVIEWS)]
        present.handle(
            c.SubmitGuestReview(
                actor=hosts[booking.host_id],
                booking_id=booking.id,
                rating=host_rating,
                comment=host_comment,
            )
        )
        summary.reviews += 2


def play_future(
    present: Rental,
    now: datetime,
    listings: list[Listing],
    guests: list[c.Actor],
    hosts: dict[str, c.Actor],
    summary: SeedSummary,
) -> None:
    """Upcoming trips from next week on, and blocks a month out."""
    today = now.date()
    upcoming = listings[PAST_STAYS + 1 : PAST_STAYS + 19]
    for k, listing in enumerate(upcoming):
        check_in = today + timedelta(days=7 + 3 * k)
        _book(present, guests[k % len(guests)], listing, check_in, 2 + k % 4, pay=True)
        summary.bookings["confirmed" if listing.instant_book else "pending"] += 1
    rest = listings[PAST_STAYS + 19 :]
    request = next(x for x in rest if not x.instant_book)
    declined = _book(present, guests[1], request, today + timedelta(days=12), 3, pay=True)
    present.handle(c.DeclineBooking(actor=hosts[request.host_id], booking_id=declined.id))
    summary.bookings["declined"] += 1
    instant = [x for x in rest if x.instant_book]
    cancelled = _book(present, guests[2], instant[0], today + timedelta(days=20), 2, pay=True)
    present.handle(c.CancelBooking(actor=guests[2], booking_id=cancelled.id))
    summary.bookings["cancelled"] += 1
    # Left unpaid: it holds its nights for 30 minutes, then `rental expire-bookings` expires it.
    _book(present, guests[3], instant[1], today + timedelta(days=9), 2, pay=False)
    summary.bookings["pending"] += 1
    for listing in instant[2:7]:
        start = today + timedelta(days=30)
        host = hosts[listing.host_id]
        present.handle(
            c.BlockDates(actor=host, listing_id=listing.id, start=start, end=start + timedelta(4))
        )
        summary.blocks += 1
