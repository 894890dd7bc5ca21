"""One tree of domain errors; entrypoints map each branch to a status code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class DomainError(Exception):
    """Base of every error a rule of the business raises."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.__doc__ or type(self).__name__)
        self.detail = detail or (self.__doc__ or type(self).__name__).strip()


# -- 422: the input breaks a rule ------------------------------------------------------
class InvalidInput(DomainError):
    """The request breaks a rule; ``errors`` names each field."""

    def __init__(self, errors: Mapping[str, Sequence[str] | str], detail: str = "") -> None:
        self.errors: dict[str, list[str]] = {
            k: [v] if isinstance(v, str) else list(v) for k, v in errors.items()
        }
        first = "; ".join(f"{k}: {' '.join(v)}" for k, v in self.errors.items())
        super().__init__(detail or first)

    @classmethod
    def field(cls, name: str, message: str) -> InvalidInput:
        return cls({name: [message]})


class InvalidStay(InvalidInput):
    """The stay's dates are not acceptable."""


class TooManyGuests(InvalidInput):
    """The party is larger than the listing allows."""


class StayLengthNotAllowed(InvalidInput):
    """The number of nights is outside the listing's minimum and maximum."""


class CheckInInPast(InvalidInput):
    """Check-in is before today in the listing's time zone."""


class StayTooFarAhead(InvalidInput):
    """A night of the stay is past the listing's booking horizon (``max_advance_days``)."""


class ReviewNotAllowed(InvalidInput):
    """The stay cannot be reviewed now."""


class UnknownPaymentToken(InvalidInput):
    """The payment gateway does not know this token; nothing was recorded."""


class LedgerOutOfBalance(DomainError):
    """Ledger entries that would not sum to the money held: a bug, refused before writing."""


class CurrencyMismatch(DomainError):
    """Amounts in different currencies cannot be combined."""


# -- 404: nothing there, or nothing the caller may see ---------------------------------
class NotFound(DomainError):
    """No such resource, or one the caller may not see."""


class UserNotFound(NotFound):
    """No such user."""


class ListingNotFound(NotFound):
    """No such listing."""


class BlockNotFound(NotFound):
    """No such block on this listing."""


class BookingNotFound(NotFound):
    """No such booking."""


class PaymentNotFound(NotFound):
    """No such payment."""


class ReviewNotFound(NotFound):
    """No such review."""


class CalendarFeedNotFound(NotFound):
    """No such calendar feed, or not with this token."""


class CalendarImportNotFound(NotFound):
    """No such calendar import on this listing."""


# -- 403 / 401 -------------------------------------------------------------------------
class PermissionDenied(DomainError):
    """Authenticated, but this role or user may not do this."""


class AuthenticationFailed(DomainError):
    """Wrong credentials."""


# -- 402 --------------------------------------------------------------------------------
class PaymentDeclined(DomainError):
    """The payment method was declined; a failed payment was recorded."""

    def __init__(self, reason: str, payment_id: str | None = None) -> None:
        super().__init__(f"The payment method was declined: {reason}.")
        self.reason = reason
        self.payment_id = payment_id


# -- 400 ---------------------------------------------------------------------------------
class WebhookRejected(DomainError):
    """A webhook whose signature is missing, wrong or too old, or whose body is no event."""


# -- 503: the payment provider did not answer ------------------------------------------
class PaymentProviderUnavailable(DomainError):
    """The payment provider timed out, failed or rate-limited us; nothing was recorded as paid.

    The money may still have moved at the provider: ``rental reconcile-payments`` finds it."""


# -- 409: conflicts with current state -------------------------------------------------
class Conflict(DomainError):
    """The request conflicts with the current state."""


class DatesUnavailable(Conflict):
    """Some of these nights are already booked or blocked."""


class EmailTaken(Conflict):
    """This email is already registered."""


class UsernameTaken(Conflict):
    """This username is already taken."""


class TransitionNotAllowed(Conflict):
    """This change is not allowed in the current state."""


class ListingHasLiveBookings(Conflict):
    """The listing has a pending or confirmed booking that has not ended."""


class PaymentAlreadyExists(Conflict):
    """The booking already has a live (authorized or captured) payment."""


class AlreadyReviewed(Conflict):
    """This stay has already been reviewed."""


class AlreadyResponded(Conflict):
    """This review already has its response."""


class IdempotencyKeyReused(Conflict):
    """This Idempotency-Key was already used with another request body."""


class BlockManagedByImport(Conflict):
    """This block comes from an imported calendar and follows it."""


class ConcurrentUpdate(Conflict):
    """Someone else changed this resource at the same time; try again."""


# -- 412: the caller's copy is out of date ---------------------------------------------
class PreconditionFailed(DomainError):
    """The resource is not at the version the caller saw (HTTP If-Match)."""


class ListingChanged(PreconditionFailed):
    """The listing changed since the version the caller saw; read it again."""


# -- 409: limits against abuse ---------------------------------------------------------
class TooManyListings(Conflict):
    """The host already has as many listings as one host may have."""


# -- 503: a request's time budget ------------------------------------------------------
class TimeBudgetSpent(DomainError):
    """The request ran out of its time budget and was stopped."""


class TotalNotChargeable(Conflict):
    """The stay's total is less or more than one card payment may be in its currency."""


class TooManyHolds(Conflict):
    """The guest already holds as many unpaid bookings as one guest may."""


class HoldNotRenewable(Conflict):
    """The guest cancelled an unpaid hold on these nights, which has not yet run out."""


# -- 429: too many attempts --------------------------------------------------------------
class TooManyPaymentAttempts(DomainError):
    """Too many failed payments within the hour; ``retry_after`` is in seconds."""

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


# -- accounts (issue 21) ----------------------------------------------------------------
class InvalidToken(DomainError):
    """A one-time token (reset, verification, email change) that is malformed, unknown, of
    another purpose, used, voided or expired: 400 ``invalid-token``, one answer for all."""


class WrongPassword(PermissionDenied):
    """The current password given to confirm a sensitive change is wrong (403)."""


class EmailNotVerified(PermissionDenied):
    """The account's email is not verified yet, and this action needs it (403)."""


class SessionNotFound(NotFound):
    """No such live session of the caller."""


class SessionEnded(AuthenticationFailed):
    """The sign-in session of this refresh token has ended (signed out, expired, or ended)."""


class RefreshTokenReused(AuthenticationFailed):
    """A refresh token that was already rotated was presented again: the session ends."""


class AccountDeletionBlocked(Conflict):
    """The account cannot be deleted yet; ``blockers`` names each reason and its booking."""

    def __init__(self, detail: str, blockers: Sequence[tuple[str, str]]) -> None:
        super().__init__(detail)
        self.blockers = [{"reason": reason, "booking_id": booking} for reason, booking in blockers]


class AccountIsDeleted(Conflict):
    """The account was deleted: nothing more can be done with it."""


class TooManyAttempts(DomainError):
    """Too many attempts of a kind in a while (sign-in failures of one account, recovery
    requests from one address): 429, to be tried again after ``retry_after`` seconds."""

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = max(1, retry_after)


# -- prices and rules by date (``rates.py``) ---------------------------------------------
class ClosedToArrival(InvalidInput):
    """The listing takes no arrivals on the check-in date."""


class ClosedToDeparture(InvalidInput):
    """The listing takes no departures on the check-out date."""


class PriceChanged(Conflict):
    """The price of this stay is not the one the client expected; quote it again."""


# -- messaging (guests and hosts writing to each other) ----------------------------------
class ThreadNotFound(NotFound):
    """No such thread, or not one of yours."""


class MessageNotFound(NotFound):
    """No such message in this thread."""


class InquiryToOwnListing(InvalidInput):
    """A host cannot write an inquiry to their own listing."""


class SenderBlocked(PermissionDenied):
    """The other participant has blocked you; you cannot write to them."""


class TooManySyncRequests(DomainError):
    """Syncs of a listing's imported calendars asked for too often; ``retry_after`` says in
    how many seconds to ask again."""

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class TooManyMessages(DomainError):
    """Too many messages in a minute; ``retry_after`` says in how many seconds to try again."""

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after
