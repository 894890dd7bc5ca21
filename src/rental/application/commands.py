"""Commands: what a caller asks the application to do, in the imperative."""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import field, frozen

from rental.domain.users import Role


@frozen
class Actor:
    """Who is asking: an authenticated user and the role they act in."""

    user_id: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class Command:
    """Base of every command."""


@frozen(kw_only=True)
class RegisterUser(Command):
    username: str
    email: str
    password: str = field(repr=False)
    role: str = Role.GUEST.value
    full_name: str | None = None


@frozen(kw_only=True)
class CreateAdmin(Command):
    """Admins are made only from the command line, never through the API."""

    username: str
    email: str
    password: str = field(repr=False)


@frozen(kw_only=True)
class Authenticate(Command):
    email: str
    password: str = field(repr=False)


@frozen(kw_only=True)
class UpdateProfile(Command):
    actor: Actor
    full_name: str | None = None
    bio: str | None = None
    password: str | None = field(default=None, repr=False)


@frozen(kw_only=True)
class RevokeToken(Command):
    jti: str
    expires_at: Any  # datetime, UTC


@frozen(kw_only=True)
class DisableUser(Command):
    """An admin's: the account may not sign in, and every token issued to it stops working."""

    email: str


@frozen(kw_only=True)
class CreateListing(Command):
    actor: Actor
    fields: dict[str, Any]


@frozen(kw_only=True)
class UpdateListing(Command):
    actor: Actor
    listing_id: str
    changes: dict[str, Any]


@frozen(kw_only=True)
class DeleteListing(Command):
    actor: Actor
    listing_id: str


@frozen(kw_only=True)
class BlockDates(Command):
    actor: Actor
    listing_id: str
    start: date
    end: date


@frozen(kw_only=True)
class UnblockDates(Command):
    actor: Actor
    listing_id: str
    block_id: str


@frozen(kw_only=True)
class RequestBooking(Command):
    actor: Actor
    listing_id: str
    check_in: date
    check_out: date
    guests: int


@frozen(kw_only=True)
class ConfirmBooking(Command):
    actor: Actor
    booking_id: str


@frozen(kw_only=True)
class DeclineBooking(Command):
    actor: Actor
    booking_id: str


@frozen(kw_only=True)
class CancelBooking(Command):
    actor: Actor
    booking_id: str


@frozen(kw_only=True)
class SettleBooking(Command):
    """Expire a pending booking that is overdue, or complete a stay whose check-out has come;
    anything else is left as it is. ``rental expire-bookings`` sends one per candidate."""

    booking_id: str


@frozen(kw_only=True)
class PayForBooking(Command):
    actor: Actor
    booking_id: str
    payment_method: str
    payment_token: str = field(repr=False)
    idempotency_key: str | None = None


@frozen(kw_only=True)
class SubmitReview(Command):
    actor: Actor
    booking_id: str
    rating: int
    comment: str = ""
