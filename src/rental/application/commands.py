"""Commands: what a caller asks the application to do, in the imperative."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, ClassVar

import attrs
from attrs import field, frozen

from rental.application.ports import ProviderEvent, ProviderPayment
from rental.domain.accounts.users import Role
from rental.domain.administration.audit import ActorRole
from rental.domain.channel_sync.imports import FeedEvent


@frozen
class Actor:
    """Who is asking: an authenticated user and the role they act in."""

    user_id: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class Command:
    """Base of every command. ``acting_as`` is the role its audit entries name when no
    signed-in actor sent it (a scheduled job's step, the payment provider's webhook)."""

    acting_as: ClassVar[ActorRole | None] = None


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


@frozen(kw_only=True)
class RevokeToken(Command):
    jti: str
    expires_at: Any  # datetime, UTC


class Unset(Enum):
    """The type of ``UNSET``."""

    UNSET = "unset"


UNSET = Unset.UNSET
"""A listing field not given: the listing's default on creation, left as it is on update."""


@frozen(kw_only=True)
class DisableUser(Command):
    """An admin's: the account may not sign in, and every token issued to it stops working.
    The account is named by ``user_id`` (the API) or ``email`` (the command line, where
    ``actor`` is None: an operator)."""

    reason: str
    user_id: str | None = None
    email: str | None = None
    actor: Actor | None = None


@frozen(kw_only=True)
class ListingFields:
    """The fields a host sets on a listing, each ``UNSET`` unless given. The domain checks
    them all at once (``check_listing_fields``) and fills in the defaults API.md lists."""

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    address: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    latitude: float | Unset | None = UNSET
    longitude: float | Unset | None = UNSET
    timezone: str | Unset = UNSET
    price_per_night: int | Unset = UNSET
    currency: str | Unset = UNSET
    cleaning_fee: int | Unset = UNSET
    weekly_discount_percent: int | Unset = UNSET
    monthly_discount_percent: int | Unset = UNSET
    max_guests: int | Unset = UNSET
    min_nights: int | Unset = UNSET
    max_nights: int | Unset = UNSET
    max_advance_days: int | Unset = UNSET
    instant_book: bool | Unset = UNSET
    cancellation_policy: str | Unset = UNSET
    amenities: Sequence[str] | Unset = UNSET
    weekend_price: int | Unset | None = UNSET
    extra_guest_fee: int | Unset = UNSET
    guests_included: int | Unset | None = UNSET
    taxes: Sequence[Mapping[str, Any]] | Unset = UNSET
    property_type: str | Unset = UNSET
    bedrooms: int | Unset = UNSET
    beds: int | Unset = UNSET
    bathrooms: float | Unset = UNSET
    check_in_time: str | Unset = UNSET
    check_out_time: str | Unset = UNSET
    # Some or all of pets_allowed, smoking_allowed, events_allowed; a change keeps the others.
    house_rules: Mapping[str, bool] | Unset = UNSET
    listed: bool | Unset = UNSET

    def given(self) -> dict[str, Any]:
        """The listing fields given, by name."""
        return {
            name: value for name in LISTING_FIELDS if (value := getattr(self, name)) is not UNSET
        }


LISTING_FIELDS = tuple(f.name for f in attrs.fields(ListingFields))


@frozen(kw_only=True)
class CreateListing(ListingFields, Command):
    """List a home: title, city, country, price_per_night and max_guests are required."""

    actor: Actor


@frozen(kw_only=True)
class UpdateListing(ListingFields, Command):
    """Change the fields given; the listing is then checked as a whole."""

    actor: Actor
    listing_id: str
    # The versions the caller saw (HTTP If-Match); None: change whatever is there.
    seen_versions: frozenset[int] | None = None


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
    idempotency_key: str | None = None
    expected_total: int | None = None


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

    acting_as = ActorRole.JOB

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
    """The guest reviews the stay's listing (sub-ratings optional, by name)."""

    actor: Actor
    booking_id: str
    rating: int
    comment: str = ""
    sub_ratings: dict[str, int | None] = field(factory=dict)


@frozen(kw_only=True)
class SubmitGuestReview(Command):
    """The host reviews the stay's guest."""

    actor: Actor
    booking_id: str
    rating: int
    comment: str = ""


@frozen(kw_only=True)
class RespondToReview(Command):
    actor: Actor
    review_id: str
    body: str


@frozen(kw_only=True)
class ReportReview(Command):
    actor: Actor
    review_id: str
    reason: str


@frozen(kw_only=True)
class PublishStayReviews(Command):
    """Publish a stay's pending reviews if their time has come (the scheduled job's step)."""

    acting_as = ActorRole.JOB

    booking_id: str


# -- The money's books: provider events, reconciliation, payouts ---------------------------
@frozen(kw_only=True)
class HandleProviderEvent(Command):
    """Bring a payment in line with what the provider's webhook event says happened."""

    acting_as = ActorRole.WEBHOOK

    event: ProviderEvent


@frozen(kw_only=True)
class ReconcilePayment(Command):
    """Bring our records of one payment in line with the provider's view of it."""

    acting_as = ActorRole.JOB

    seen: ProviderPayment


@frozen(kw_only=True)
class CancelStayOfDisabledHost(Command):
    """Cancel a stay not yet begun on a disabled host's listing, as the host's cancellation
    (a full refund); ``rental disable-user`` sends one for each."""

    booking_id: str
    reason: str | None = None  # why the host was disabled, for the audit log


@frozen(kw_only=True)
class ReleasePayouts(Command):
    """An admin's: the held payouts of the host (``user_id`` or ``email``, as for
    ``DisableUser``) may be paid when due."""

    reason: str
    user_id: str | None = None
    email: str | None = None
    actor: Actor | None = None


@frozen(kw_only=True)
class PayHost(Command):
    """Pay the host the due payout of one booking (``rental pay-hosts`` sends one each)."""

    acting_as = ActorRole.JOB

    booking_id: str


# -- channel sync (iCal) -------------------------------------------------------------------
@frozen(kw_only=True)
class OpenCalendarFeed(Command):
    """The listing's export feed, made the first time its host (or an admin) asks."""

    actor: Actor
    listing_id: str


@frozen(kw_only=True)
class RotateCalendarFeed(Command):
    """A new secret for the listing's export URL; the old URL stops working at once."""

    actor: Actor
    listing_id: str


@frozen(kw_only=True)
class ImportCalendar(Command):
    """Import another platform's calendar into a listing (its host or an admin)."""

    actor: Actor
    listing_id: str
    name: str
    url: str = field(repr=False)


@frozen(kw_only=True)
class DeleteCalendarImport(Command):
    """Stop importing a calendar; its blocks free their nights."""

    actor: Actor
    listing_id: str
    import_id: str


@frozen(kw_only=True)
class ClaimCalendarSync(Command):
    """Take a due import's scheduled sync on, unless another worker already has; answers
    whether this one got it."""

    import_id: str
    attempted_before: datetime


@frozen(kw_only=True)
class RequestCalendarSync(Command):
    """The listing's host (or an admin) asks for an import to be synced now, by the worker."""

    actor: Actor
    listing_id: str
    import_id: str


@frozen(kw_only=True)
class ApplyCalendarFeed(Command):
    """Make an import's blocks say what its feed, just fetched and parsed, says."""

    import_id: str
    events: tuple[FeedEvent, ...]
    etag: str | None = None
    last_modified: str | None = None


@frozen(kw_only=True)
class RecordCalendarFeedUnchanged(Command):
    """The feed answered 304 Not Modified."""

    import_id: str


@frozen(kw_only=True)
class RecordCalendarFeedFailure(Command):
    """The feed could not be fetched or read: mark the import failed, change nothing else."""

    import_id: str
    reason: str


# -- accounts (issue 21) --------------------------------------------------------------------
@frozen(kw_only=True)
class StartSession(Command):
    """A sign-in succeeded: open its session, whose refresh tokens live ``lifetime``."""

    user_id: str
    user_agent: str
    lifetime: timedelta


@frozen(kw_only=True)
class RotateRefreshToken(Command):
    """``POST /auth/refresh``: the refresh token ``jti`` of session ``session_id`` is swapped
    for a new one; an already rotated ``jti`` ends the session."""

    user_id: str
    session_id: str
    jti: str = field(repr=False)
    lifetime: timedelta


@frozen(kw_only=True)
class EndSession(Command):
    actor: Actor
    session_id: str


@frozen(kw_only=True)
class EndEverySession(Command):
    actor: Actor


@frozen(kw_only=True)
class ChangePassword(Command):
    """Needs the current password; ends every session and opens a new one for this client."""

    actor: Actor
    current_password: str = field(repr=False)
    new_password: str = field(repr=False)
    user_agent: str
    lifetime: timedelta


@frozen(kw_only=True)
class RequestPasswordReset(Command):
    """Only records the ask: who has the address is looked up when it is delivered."""

    email: str


@frozen(kw_only=True)
class IssuePasswordReset(Command):
    """The worker's half of a reset request: a token for the address's user, if any."""

    email: str


@frozen(kw_only=True)
class ResetPassword(Command):
    token: str = field(repr=False)
    new_password: str = field(repr=False)


@frozen(kw_only=True)
class IssueEmailToken(Command):
    """A verification token for the user's address, or for ``new_email`` (an email change)."""

    user_id: str
    new_email: str | None = None


@frozen(kw_only=True)
class VerifyEmail(Command):
    token: str = field(repr=False)


@frozen(kw_only=True)
class ResendVerification(Command):
    actor: Actor


@frozen(kw_only=True)
class RequestEmailChange(Command):
    actor: Actor
    new_email: str
    current_password: str = field(repr=False)


@frozen(kw_only=True)
class DeleteAccount(Command):
    """Close the caller's own account (GDPR article 17), confirmed by its password."""

    actor: Actor
    current_password: str = field(repr=False)


@frozen(kw_only=True)
class ForgetDeletedAccount(Command):
    """Blank what the stored events still hold of a deleted account: those naming it, and
    with ``email``, those naming its old address (a reset asked for it)."""

    user_id: str
    email: str | None = field(default=None, repr=False)


@frozen(kw_only=True)
class UpdateCalendar(Command):
    """Set or clear prices and rules over date ranges (applied in order, the later winning)."""

    actor: Actor
    listing_id: str
    ranges: tuple[Mapping[str, Any], ...]
