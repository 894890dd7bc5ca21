"""Builders shared by the unit tests: a ``rental`` on ``memory://`` and short ways to use it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.sandbox_gateway import SandboxGateway
from rental.application import commands as c
from rental.composition import Rental, bootstrap
from rental.domain.bookings.booking import Booking
from rental.domain.events import Event
from rental.domain.limits import Limits
from rental.domain.listings.listing import Listing
from rental.domain.payments.payment import Payment
from tests.fakes import FakeClock, SequentialIds

E = TypeVar("E", bound=Event)

# Hashing is slow on purpose; one cheap hasher serves every test.
HASHER = Argon2Hasher(fast=True)
START = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
LISTING = dict(title="Loft", city="Lisbon", country="PT", price_per_night=10000, max_guests=3)

BOUNDARY_DAYS = (0, 1, 4, 5, 6, 7, 13, 14)
# API.md's refund schedules at their boundary days, written out rather than computed.
REFUND_PERCENT = {
    # days before check-in:  0  1   4   5    6    7    13   14
    "flexible": dict(zip(BOUNDARY_DAYS, (0, 100, 100, 100, 100, 100, 100, 100), strict=True)),
    "moderate": dict(zip(BOUNDARY_DAYS, (0, 50, 50, 100, 100, 100, 100, 100), strict=True)),
    "strict": dict(zip(BOUNDARY_DAYS, (0, 0, 0, 0, 0, 50, 50, 100), strict=True)),
}


# The limits against abuse have tests of their own; these worlds walk the other rules.
ROOMY = Limits(
    max_listings_per_host=10_000, max_unpaid_holds=10_000, payment_attempts=10_000,
    cancelled_hold_lasts=timedelta(0),
)  # fmt: skip


class World:
    """A ``rental`` with a clock the test moves and a sandbox gateway the test can inspect."""

    def __init__(
        self, now: datetime = START, database_url: str = "memory://", limits: Limits = ROOMY
    ) -> None:
        self.clock = FakeClock(now)
        self.gateway = SandboxGateway()
        self.events: list[Event] = []  # every event committed, in order
        self.app: Rental = bootstrap(
            database_url=database_url, clock=self.clock, ids=SequentialIds(),
            password_hasher=HASHER, payment_gateway=self.gateway,
            event_handlers={Event: [self.events.append]}, limits=limits,
        )  # fmt: skip
        self._users = 0

    def handle(self, command: c.Command) -> Any:
        return self.app.handle(command)

    def user(self, role: str = "guest", password: str = "password1") -> c.Actor:
        self._users += 1
        name = f"{role}{self._users}"
        if role == "admin":
            command: c.Command = c.CreateAdmin(
                username=name, email=f"{name}@x.io", password=password
            )
        else:
            command = c.RegisterUser(
                username=name, email=f"{name}@x.io", password=password, role=role
            )
        user = self.handle(command)
        return c.Actor(user.id, user.role)

    def listing(self, host: c.Actor, **fields: Any) -> Listing:
        listing: Listing = self.handle(c.CreateListing(actor=host, **{**LISTING, **fields}))
        return listing

    def today(self) -> date:
        """Today in UTC."""
        return self.clock.now().date()

    def day(self, offset: int) -> date:
        return self.today() + timedelta(days=offset)

    def book(
        self, guest: c.Actor, listing: Listing, *, start: int = 10, nights: int = 2, guests: int = 1
    ) -> Booking:
        """Request ``nights`` nights from ``start`` days after today (UTC)."""
        booking: Booking = self.handle(
            c.RequestBooking(
                actor=guest, listing_id=listing.id, check_in=self.day(start),
                check_out=self.day(start + nights), guests=guests,
            )
        )  # fmt: skip
        return booking

    def pay(
        self, guest: c.Actor, booking: Booking, token: str = "tok_visa", key: str | None = None
    ) -> Payment:
        payment: Payment = self.handle(
            c.PayForBooking(
                actor=guest, booking_id=booking.id, payment_method="card", payment_token=token,
                idempotency_key=key,
            )
        )  # fmt: skip
        return payment

    def booking(self, actor: c.Actor, booking_id: str) -> Booking:
        return self.app.reads.booking(actor, booking_id)

    def status(self, actor: c.Actor, booking_id: str) -> str:
        """The status a client sees now."""
        return self.app.reads.now_status(self.booking(actor, booking_id))

    def events_of(self, event_type: type[E]) -> list[E]:
        """The committed events of ``event_type``, in order."""
        return [event for event in self.events if isinstance(event, event_type)]

    def payments(self, actor: c.Actor, booking_id: str) -> list[Payment]:
        return self.app.reads.booking_payments(actor, booking_id)


def confirmed_stay(
    world: World, *, start: int = 10, nights: int = 2, **fields: Any
) -> tuple[c.Actor, c.Actor, Booking]:
    """A host, a guest and the guest's confirmed (instant-book, paid) booking."""
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host, **fields)
    booking = world.book(guest, listing, start=start, nights=nights)
    world.pay(guest, booking)
    return host, guest, world.booking(guest, booking.id)
