"""Who may do what to which resource. Checked here, so every caller gets the same protection.

Resources a caller may not see are reported as not found, never as forbidden, so that their
existence does not leak (API.md: never reveal others' bookings or payments).
"""

from __future__ import annotations

from typing import Protocol

from rental.application.commands import Actor
from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import Booking
from rental.domain.errors import BookingNotFound, PermissionDenied


class Hosted(Protocol):
    """A listing, or its calendar: whatever names the host who manages it."""

    @property
    def host_id(self) -> str: ...


def check_can_host(actor: Actor) -> None:
    if actor.role not in (Role.HOST, Role.ADMIN):
        raise PermissionDenied("Only hosts and admins may list homes.")


def check_can_manage_listing(actor: Actor, listing: Hosted) -> None:
    if not (actor.is_admin or listing.host_id == actor.user_id):
        raise PermissionDenied("Only the listing's host or an admin may change it.")


def can_see_booking(actor: Actor, booking: Booking) -> bool:
    return actor.is_admin or actor.user_id in (booking.guest_id, booking.host_id)


def check_can_see_booking(actor: Actor, booking: Booking) -> None:
    if not can_see_booking(actor, booking):
        raise BookingNotFound(f"No booking {booking.id}.")


def can_see_account(actor: Actor | None, user_id: str) -> bool:
    """A user's email, trips and hosted bookings: to that user and to admins only."""
    return actor is not None and (actor.is_admin or actor.user_id == user_id)


def check_is_guest_of(actor: Actor, booking: Booking, action: str) -> None:
    check_can_see_booking(actor, booking)
    if actor.user_id != booking.guest_id:
        raise PermissionDenied(f"Only the booking's guest may {action}.")


def check_is_host_of(actor: Actor, booking: Booking, action: str) -> None:
    check_can_see_booking(actor, booking)
    if actor.user_id != booking.host_id:
        raise PermissionDenied(f"Only the listing's host may {action}.")


def check_can_see_payouts(actor: Actor) -> None:
    """Hosts read their own payouts and admins everyone's; guests have none to read."""
    if actor.role not in (Role.HOST, Role.ADMIN):
        raise PermissionDenied("Only hosts and admins have payouts.")
