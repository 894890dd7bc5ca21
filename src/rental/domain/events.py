"""Domain events: frozen, past tense, made only of ids, dates, ints and strings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from attrs import asdict, frozen


@frozen(kw_only=True)
class Event:
    """Base of every domain event. ``occurred_at`` is UTC.

    ``personal`` names the fields that hold a person's data (an address, a name): when the
    person deletes their account, those fields of their stored events are blanked."""

    registry: ClassVar[dict[str, type[Event]]] = {}
    personal: ClassVar[tuple[str, ...]] = ()
    occurred_at: datetime

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        Event.registry[cls.__name__] = cls

    @property
    def name(self) -> str:
        return type(self).__name__

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields (dates and times as ISO strings)."""

        def convert(_: Any, __: Any, value: Any) -> Any:
            return value.isoformat() if isinstance(value, date | datetime) else value

        return asdict(self, value_serializer=convert)

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any]) -> Event:
        """Rebuild an event written by ``to_dict``."""
        event_type = cls.registry[name]
        values: dict[str, Any] = {}
        for attribute in event_type.__attrs_attrs__:
            raw = data[attribute.name]
            if raw is not None and attribute.type in ("datetime", datetime):
                raw = datetime.fromisoformat(raw)
            elif raw is not None and attribute.type in ("date", date):
                raw = date.fromisoformat(raw)
            values[attribute.name] = raw
        return event_type(**values)


def without_person(
    name: str, payload: dict[str, Any], user_id: str, email: str | None
) -> dict[str, Any] | None:
    """The payload of a stored event named ``name`` with its personal fields blanked, when it
    is about the person: it names ``user_id``, or (an event naming no user, such as a reset
    asked for an address) ``email``. ``None`` when there is nothing of theirs to blank."""
    event_type = Event.registry.get(name)
    if event_type is None or not event_type.personal:
        return None
    if "user_id" in payload:
        about = payload["user_id"] == user_id
    else:
        about = email is not None and any(payload.get(f) == email for f in event_type.personal)
    if not about or all(payload.get(f) == "" for f in event_type.personal):
        return None
    return payload | dict.fromkeys(event_type.personal, "")


def personal_event_names() -> list[str]:
    """The names of the events that carry personal fields."""
    return sorted(name for name, kind in Event.registry.items() if kind.personal)


@frozen(kw_only=True)
class UserRegistered(Event):
    personal: ClassVar[tuple[str, ...]] = ("username", "email")
    user_id: str
    username: str
    email: str
    role: str


@frozen(kw_only=True)
class ListingCreated(Event):
    listing_id: str
    host_id: str


@frozen(kw_only=True)
class ListingUpdated(Event):
    listing_id: str
    host_id: str


@frozen(kw_only=True)
class ListingDeleted(Event):
    listing_id: str
    host_id: str


@frozen(kw_only=True)
class DatesBlocked(Event):
    listing_id: str
    block_id: str
    start: date
    end: date


@frozen(kw_only=True)
class DatesUnblocked(Event):
    listing_id: str
    block_id: str


@frozen(kw_only=True)
class BookingEvent(Event):
    """Base of the events of a booking's life cycle."""

    booking_id: str
    listing_id: str
    guest_id: str
    host_id: str


@frozen(kw_only=True)
class BookingRequested(BookingEvent):
    check_in: date
    check_out: date
    total: int
    currency: str


@frozen(kw_only=True)
class BookingConfirmed(BookingEvent):
    pass


@frozen(kw_only=True)
class BookingDeclined(BookingEvent):
    pass


@frozen(kw_only=True)
class BookingCancelled(BookingEvent):
    cancelled_by: str
    refund_amount: int
    currency: str


@frozen(kw_only=True)
class BookingExpired(BookingEvent):
    pass


@frozen(kw_only=True)
class BookingCompleted(BookingEvent):
    pass


@frozen(kw_only=True)
class PaymentEvent(Event):
    """Base of the events of a payment."""

    payment_id: str
    booking_id: str
    amount: int
    currency: str


@frozen(kw_only=True)
class PaymentAuthorized(PaymentEvent):
    pass


@frozen(kw_only=True)
class PaymentCaptured(PaymentEvent):
    pass


@frozen(kw_only=True)
class PaymentFailed(PaymentEvent):
    failure_reason: str


@frozen(kw_only=True)
class PaymentVoided(PaymentEvent):
    pass


@frozen(kw_only=True)
class PaymentRefunded(PaymentEvent):
    refunded: int


@frozen(kw_only=True)
class PaymentDisputed(PaymentEvent):
    """The card holder disputes the charge with their bank (a chargeback is coming)."""

    disputed: int


@frozen(kw_only=True)
class ReviewSubmitted(Event):
    review_id: str
    booking_id: str
    listing_id: str
    author_id: str
    rating: int


# -- channel sync (iCal) -------------------------------------------------------------------
@frozen(kw_only=True)
class CalendarFeedRotated(Event):
    """The listing's export URL changed; the old one no longer opens the feed."""

    listing_id: str


@frozen(kw_only=True)
class CalendarImportConflicted(Event):
    """An imported event holds nights that a live booking here holds too; both are kept, and
    the host is told once."""

    import_id: str
    import_name: str
    listing_id: str
    booking_id: str
    start: date
    end: date
    summary: str


@frozen(kw_only=True)
class CalendarSyncRequested(Event):
    """The host asked for an import to be synced now: the worker fetches it."""

    import_id: str
    listing_id: str


# -- accounts (issue 21): each one's email is sent by the account mail consumers ----------
@frozen(kw_only=True)
class PasswordResetRequested(Event):
    """Someone asked for a reset of ``email``'s password; whether it has an account is looked
    up only when this is delivered, after the answer."""

    personal: ClassVar[tuple[str, ...]] = ("email",)
    email: str


@frozen(kw_only=True)
class PasswordChanged(Event):
    user_id: str


@frozen(kw_only=True)
class EmailVerificationRequested(Event):
    user_id: str


@frozen(kw_only=True)
class EmailChangeRequested(Event):
    personal: ClassVar[tuple[str, ...]] = ("old_email", "new_email")
    user_id: str
    old_email: str
    new_email: str


@frozen(kw_only=True)
class EmailVerified(Event):
    personal: ClassVar[tuple[str, ...]] = ("email",)
    user_id: str
    email: str


@frozen(kw_only=True)
class AccountDeleted(Event):
    """The person closed their account. ``email`` is the address it had, to confirm the
    deletion to: the only copy left once the row is anonymised, blanked once that email is
    sent (see ``docs/accounts.md``)."""

    personal: ClassVar[tuple[str, ...]] = ("email",)
    user_id: str
    email: str


# -- reviews both ways ---------------------------------------------------------------------
@frozen(kw_only=True)
class ReviewPublished(Event):
    """A review became public (both sides wrote, or the stay's 14 days ended): its subject
    (the listing's host, or the guest) is told."""

    review_id: str
    booking_id: str
    listing_id: str
    author_id: str
    subject_id: str
    side: str
    rating: int


@frozen(kw_only=True)
class ReviewResponseWritten(Event):
    """The reviewed side answered a published review, once and publicly."""

    review_id: str
    booking_id: str
    listing_id: str
    author_id: str


@frozen(kw_only=True)
class ReviewReported(Event):
    """Someone reported a review to the marketplace's staff."""

    report_id: str
    review_id: str
    booking_id: str
    reporter_id: str
    reason: str
